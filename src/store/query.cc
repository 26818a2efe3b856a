// Reading the store: filters (checked first), deduplicated events, mentions, quotes, dyads.
// Every query is a prepared statement with bound values; only the fixed shape of its WHERE
// clause depends on which filters are given.
#include <algorithm>
#include <cctype>
#include <variant>

#include "parley/store.h"
#include "store/store_impl.h"
#include "util/ascii.h"

namespace parley::store {
namespace {

Status Invalid(const std::string& msg) { return Status(StatusCode::kInvalidArgument, msg); }

bool IsActorCode(const std::string& s) {
  if (s.size() < 3 || s.size() > 30 || s.size() % 3 != 0) return false;
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isupper(c) != 0; });
}

Status CheckActor(const char* option, std::string* code) {
  *code = util::UpperAscii(*code);
  if (!IsActorCode(*code)) {
    return Invalid(std::string(option) + ": \"" + *code +
                   "\" is not an actor code (three-letter blocks such as RUS, RUSGOV, IGOUNO)");
  }
  return Status::Ok();
}

// Turns a YYYY / YYYY-MM / YYYY-MM-DD bound into its first (since) or last (until) day.
Status CheckDate(const char* option, bool first_day, std::optional<std::string>* date) {
  if (!*date) return Status::Ok();
  auto bounds = (*date)->find('/') == std::string::npos ? DateBounds(**date) : std::nullopt;
  if (!bounds) return Invalid(std::string(option) + ": \"" + **date + "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  *date = first_day ? bounds->first : bounds->second;
  return Status::Ok();
}

Status CheckLimit(const std::optional<int64_t>& limit) {
  if (limit && *limit <= 0) return Invalid("--limit: must be a positive number");
  return Status::Ok();
}

Status CheckRange(const std::optional<std::string>& since, const std::optional<std::string>& until) {
  if (since && until && *since > *until) return Invalid("--since is after --until");
  return Status::Ok();
}

using Value = std::variant<int64_t, std::string>;

// A WHERE clause built from fixed fragments, with its bound values in order.
struct Where {
  std::string sql;
  std::vector<Value> values;

  void Add(const std::string& cond, std::vector<Value> vals) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += cond;
    values.insert(values.end(), vals.begin(), vals.end());
  }
};

void BindAll(Stmt& stmt, const std::vector<Value>& values) {
  int i = 1;
  for (const auto& v : values) {
    if (std::holds_alternative<int64_t>(v)) stmt.Bind(i++, std::get<int64_t>(v));
    else stmt.Bind(i++, std::get<std::string>(v));
  }
}

Where EventWhere(const EventFilter& f) {
  Where w;
  if (f.source) w.Add("e.source GLOB ?", {*f.source + "*"});
  if (f.target) w.Add("e.target GLOB ?", {*f.target + "*"});
  if (f.actor) w.Add("(e.source GLOB ? OR e.target GLOB ?)", {*f.actor + "*", *f.actor + "*"});
  if (f.dyad) {
    const std::string a = f.dyad->first + "*", b = f.dyad->second + "*";
    w.Add("((e.source GLOB ? AND e.target GLOB ?) OR (e.source GLOB ? AND e.target GLOB ?))",
          {a, b, b, a});
  }
  if (f.code) w.Add("e.code GLOB ?", {*f.code + "*"});
  if (f.quad) w.Add("e.quad_class = ?", {int64_t(*f.quad)});
  if (f.since) w.Add("e.date_hi >= ?", {*f.since});
  if (f.until) w.Add("e.date_lo <= ?", {*f.until});
  if (f.modality) w.Add("m.modality = ?", {*f.modality});
  if (f.text) w.Add("m.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?)", {*f.text});
  return w;
}

constexpr const char* kEventCols =
    "e.id, e.source, e.target, e.code, e.event_date, e.root, e.plover, e.quad_class, e.goldstein, "
    "e.added_at";
constexpr const char* kMentionCols =
    "m.id, m.sentence, m.paragraph, m.mentions, m.modality, m.evidence, m.source_text, "
    "m.target_text, m.verb_text, m.pattern, m.explanation, m.loc_name, m.loc_country, m.loc_lat, "
    "m.loc_lon";
constexpr const char* kDocCols = "d.doc_id, d.url, d.source, d.title, d.published";
constexpr int kMentionCol0 = 10, kDocCol0 = 25, kCountCol0 = 30;

DocRef ReadDoc(const Stmt& s, int c) {
  return DocRef{s.Text(c), s.OptText(c + 1), s.OptText(c + 2), s.OptText(c + 3), s.OptText(c + 4)};
}

StoredMention ReadMention(const Stmt& s) {
  StoredMention sm;
  Event& e = sm.event;
  sm.event_id = s.Int(0);
  e.source = s.Text(1);
  e.target = s.Text(2);
  e.code = s.Text(3);
  if (std::string d = s.Text(4); !d.empty()) e.date = d;
  e.root = s.Text(5);
  e.plover = s.OptText(6);
  e.quad_class = static_cast<int>(s.Int(7));
  e.goldstein = s.Real(8);
  const int c = kMentionCol0;
  sm.id = s.Int(c);
  e.sentence = static_cast<uint32_t>(s.Int(c + 1));
  sm.paragraph = static_cast<uint32_t>(s.Int(c + 2));
  e.mentions = static_cast<uint32_t>(s.Int(c + 3));
  e.modality = s.Text(c + 4);
  e.evidence = s.Text(c + 5);
  e.source_text = s.Text(c + 6);
  e.target_text = s.Text(c + 7);
  e.verb_text = s.Text(c + 8);
  e.pattern = s.Text(c + 9);
  e.explanation = s.Text(c + 10);
  if (!s.IsNull(c + 11)) {
    e.location = EventLocation{s.Text(c + 11), s.Text(c + 12), s.OptReal(c + 13), s.OptReal(c + 14)};
  }
  sm.doc = ReadDoc(s, kDocCol0);
  return sm;
}

Status QueryError(const Status& st, const EventFilter&) { return st; }

// A full-text query SQLite cannot parse is bad usage, not a store failure: try it alone first.
Status CheckFullText(Db& db, const std::optional<std::string>& text) {
  if (!text) return Status::Ok();
  auto probe = db.Prepare("SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ? LIMIT 1");
  if (!probe.ok()) return probe.status();
  probe->Bind(1, *text);
  Status st;
  probe->Step(&st);
  if (!st.ok()) {
    return Invalid("--text: \"" + *text + "\" is not a valid full-text query (" + st.message() +
                   "); put words in double quotes to search for them as written");
  }
  return Status::Ok();
}

// The text of a span row `t`: stored when it differs from the body, else the body's bytes of
// the span (schema v2 stores NULL then). Needs `d`, the document, in the query.
std::string SpanTextSql(const std::string& t) {
  return "coalesce(" + t + ".text, CAST(substr(CAST(d.body AS BLOB), " + t + ".span_start + 1, " + t +
         ".span_end - " + t + ".span_start) AS TEXT))";
}

std::string LimitClause(const std::optional<int64_t>& limit) {
  return limit ? " LIMIT " + std::to_string(*limit) : "";
}

}  // namespace

Status ValidateActorCode(const char* what, std::string* code) { return CheckActor(what, code); }
Status ValidateDateBound(const char* what, bool first_day, std::optional<std::string>* date) {
  return CheckDate(what, first_day, date);
}

Status ValidateEventFilter(EventFilter* f) {
  for (auto [opt, val] : {std::pair{"--source", &f->source}, std::pair{"--target", &f->target},
                          std::pair{"--actor", &f->actor}}) {
    if (*val) {
      if (Status st = CheckActor(opt, &**val); !st.ok()) return st;
    }
  }
  if (f->dyad) {
    if (Status st = CheckActor("--dyad", &f->dyad->first); !st.ok()) return st;
    if (Status st = CheckActor("--dyad", &f->dyad->second); !st.ok()) return st;
  }
  if (f->code) {
    const std::string& c = *f->code;
    if (c.size() < 2 || c.size() > 4 || !std::all_of(c.begin(), c.end(), ::isdigit)) {
      return Invalid("--code: \"" + c + "\" is not a CAMEO code or prefix (2 to 4 digits, e.g. 13, 112)");
    }
  }
  if (f->quad && (*f->quad < 1 || *f->quad > 4)) return Invalid("--quad: must be 1, 2, 3 or 4");
  if (Status st = CheckDate("--since", true, &f->since); !st.ok()) return st;
  if (Status st = CheckDate("--until", false, &f->until); !st.ok()) return st;
  if (Status st = CheckRange(f->since, f->until); !st.ok()) return st;
  if (f->modality) {
    static const char* kModalities[] = {"asserted", "negated", "hypothetical", "reported"};
    if (std::none_of(std::begin(kModalities), std::end(kModalities),
                     [&](const char* m) { return *f->modality == m; })) {
      return Invalid("--modality: \"" + *f->modality + "\" is not one of asserted, negated, hypothetical, reported");
    }
  }
  if (f->text && f->text->find_first_not_of(" \t") == std::string::npos) {
    return Invalid("--text: give some words to search for");
  }
  return CheckLimit(f->limit);
}

Status ValidateQuoteFilter(QuoteFilter* f) {
  if (f->speaker && f->speaker->find_first_not_of(" \t") == std::string::npos) {
    return Invalid("--speaker: give a name or an actor code");
  }
  if (Status st = CheckDate("--since", true, &f->since); !st.ok()) return st;
  if (Status st = CheckDate("--until", false, &f->until); !st.ok()) return st;
  if (Status st = CheckRange(f->since, f->until); !st.ok()) return st;
  return CheckLimit(f->limit);
}

Result<std::vector<StoredEvent>> Store::Events(const EventFilter& filter) {
  if (Status st = CheckFullText(impl_->db, filter.text); !st.ok()) return st;
  const Where w = EventWhere(filter);
  const std::string sql =
      std::string("WITH sel AS (SELECT m.event_id AS event_id, MIN(m.id) AS first FROM mentions m "
                  "JOIN events e ON e.id = m.event_id") + w.sql + " GROUP BY m.event_id), "
      "cnt AS (SELECT m.event_id AS event_id, SUM(m.mentions) AS n, "
      "COUNT(DISTINCT COALESCE(d.source, '')) AS s, COUNT(DISTINCT m.doc) AS a, "
      "MIN(m.paragraph) AS p FROM mentions m JOIN documents d ON d.id = m.doc "
      "WHERE m.event_id IN (SELECT event_id FROM sel) GROUP BY m.event_id) "
      "SELECT " + kEventCols + ", " + kMentionCols + ", " + kDocCols +
      ", cnt.n, cnt.s, cnt.a, cnt.p FROM sel JOIN events e ON e.id = sel.event_id "
      "JOIN mentions m ON m.id = sel.first JOIN documents d ON d.id = m.doc "
      "JOIN cnt ON cnt.event_id = sel.event_id "
      "ORDER BY e.date_lo IS NULL, e.date_lo, e.id" + LimitClause(filter.limit);
  auto stmt = impl_->db.Prepare(sql);
  if (!stmt.ok()) return QueryError(stmt.status(), filter);
  BindAll(*stmt, w.values);
  std::vector<StoredEvent> out;
  Status st;
  while (stmt->Step(&st)) {
    StoredEvent ev;
    ev.first = ReadMention(*stmt);
    ev.id = ev.first.event_id;
    ev.added_at = stmt->Text(9);
    ev.mentions = stmt->Int(kCountCol0);
    ev.sources = stmt->Int(kCountCol0 + 1);
    ev.articles = stmt->Int(kCountCol0 + 2);
    ev.in_lead = stmt->Int(kCountCol0 + 3) == 0;
    out.push_back(std::move(ev));
  }
  if (!st.ok()) return QueryError(st, filter);
  return out;
}

Result<std::vector<StoredMention>> Store::Mentions(const EventFilter& filter) {
  if (Status st = CheckFullText(impl_->db, filter.text); !st.ok()) return st;
  const Where w = EventWhere(filter);
  const std::string sql = std::string("SELECT ") + kEventCols + ", " + kMentionCols + ", " +
                          kDocCols +
                          " FROM mentions m JOIN events e ON e.id = m.event_id JOIN documents d "
                          "ON d.id = m.doc" + w.sql +
                          " ORDER BY e.date_lo IS NULL, e.date_lo, e.id, m.id" +
                          LimitClause(filter.limit);
  auto stmt = impl_->db.Prepare(sql);
  if (!stmt.ok()) return QueryError(stmt.status(), filter);
  BindAll(*stmt, w.values);
  std::vector<StoredMention> out;
  Status st;
  while (stmt->Step(&st)) out.push_back(ReadMention(*stmt));
  if (!st.ok()) return QueryError(st, filter);
  return out;
}

Result<std::vector<StoredQuote>> Store::Quotes(const QuoteFilter& f) {
  Where w;
  if (f.speaker) {
    const std::string up = util::UpperAscii(*f.speaker);
    if (IsActorCode(*f.speaker)) {
      w.Add("q.speaker_code GLOB ?", {up + "*"});
    } else {
      std::string pattern = "%";
      for (char c : *f.speaker) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
      }
      w.Add("q.speaker LIKE ? ESCAPE '\\'", {pattern + "%"});
    }
  }
  if (f.since) w.Add("d.published >= ?", {*f.since});
  if (f.until) w.Add("d.published <= ?", {*f.until});
  const std::string sql =
      std::string("SELECT ") + kDocCols +
      ", " + SpanTextSql("q") + ", q.span_start, q.span_end, q.sentence, q.kind, q.speaker, q.speaker_code, "
      "q.speaker_start, q.speaker_end, q.cue FROM quotes q JOIN documents d ON d.id = q.doc" +
      w.sql + " ORDER BY d.published IS NULL, d.published, q.doc, q.idx" + LimitClause(f.limit);
  auto stmt = impl_->db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  BindAll(*stmt, w.values);
  std::vector<StoredQuote> out;
  Status st;
  while (stmt->Step(&st)) {
    StoredQuote sq;
    sq.doc = ReadDoc(*stmt, 0);
    Quote& q = sq.quote;
    q.text = stmt->Text(5);
    q.start = static_cast<uint32_t>(stmt->Int(6));
    q.end = static_cast<uint32_t>(stmt->Int(7));
    q.sentence = static_cast<uint32_t>(stmt->Int(8));
    q.kind = stmt->Text(9);
    q.speaker = stmt->OptText(10);
    q.speaker_code = stmt->OptText(11);
    if (auto v = stmt->OptInt(12)) q.speaker_start = static_cast<uint32_t>(*v);
    if (auto v = stmt->OptInt(13)) q.speaker_end = static_cast<uint32_t>(*v);
    q.cue = stmt->OptText(14);
    out.push_back(std::move(sq));
  }
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<DyadEvent>> Store::DyadEvents(const std::string& a, const std::string& b,
                                                 const std::optional<std::string>& since,
                                                 const std::optional<std::string>& until) {
  Where w;
  w.Add("e.date_lo IS NOT NULL", {});
  w.Add("((e.source GLOB ?1 AND e.target GLOB ?2) OR (e.source GLOB ?2 AND e.target GLOB ?1))",
        {a + "*", b + "*"});
  w.Add("EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id)", {});
  if (since) w.Add("e.date_hi >= ?3", {*since});
  if (until) w.Add(since ? "e.date_lo <= ?4" : "e.date_lo <= ?3", {*until});
  const std::string sql =
      "SELECT e.date_lo, e.date_hi, (e.source GLOB ?1 AND e.target GLOB ?2), e.quad_class, e.goldstein "
      "FROM events e" + w.sql + " ORDER BY e.date_lo, e.id";
  auto stmt = impl_->db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  BindAll(*stmt, w.values);
  std::vector<DyadEvent> out;
  Status st;
  while (stmt->Step(&st)) {
    out.push_back(DyadEvent{stmt->Text(0), stmt->Text(1), stmt->Int(2) != 0,
                            static_cast<int>(stmt->Int(3)), stmt->Real(4)});
  }
  if (!st.ok()) return st;
  return out;
}

Result<Totals> Store::Count() {
  auto stmt = impl_->db.Prepare(
      "SELECT (SELECT count(*) FROM documents WHERE current = 1), (SELECT count(*) FROM documents), "
      "(SELECT coalesce(sum(length(sentences)), 0) / 12 FROM documents WHERE current = 1), "
      "(SELECT coalesce(sum(json_array_length(actors)), 0) FROM documents), "
      "(SELECT coalesce(sum(json_array_length(places)), 0) FROM documents), "
      "(SELECT coalesce(sum(json_array_length(times)), 0) FROM documents), "
      "(SELECT count(*) FROM quotes), "
      "(SELECT count(DISTINCT event_id) FROM mentions), (SELECT count(*) FROM mentions)");
  if (!stmt.ok()) return stmt.status();
  Status st;
  if (!stmt->Step(&st)) return st.ok() ? Status(StatusCode::kInternal, "count: no row") : st;
  Totals t;
  int64_t* fields[] = {&t.documents, &t.versions, &t.sentences, &t.actors, &t.places,
                       &t.times,     &t.quotes,   &t.events,    &t.mentions};
  for (int i = 0; i < 9; ++i) *fields[i] = stmt->Int(i);
  return t;
}

}  // namespace parley::store
