// Reading whole coded documents back (current versions): for `ingest --recode` without inputs,
// which re-codes the stored text, and for round-trip tests. Each annotation table has one row
// reader; one loop runs them all.
#include "parley/store.h"
#include "store/store_impl.h"

namespace parley::store {
namespace {

InputFormat ParseFormat(const std::string& s) {
  if (s == "html") return InputFormat::kHtml;
  if (s == "jsonl") return InputFormat::kJsonl;
  return InputFormat::kText;
}

std::vector<Sentence> UnpackSentences(const std::string& blob) {
  std::vector<Sentence> out;
  auto u32 = [&](size_t at) {
    uint32_t v = 0;
    for (int b = 0; b < 4; ++b) {
      v |= static_cast<uint32_t>(static_cast<unsigned char>(blob[at + b])) << (8 * b);
    }
    return v;
  };
  for (size_t at = 0; at + 12 <= blob.size(); at += 12) {
    Sentence s;
    s.start = u32(at);
    s.end = u32(at + 4);
    s.paragraph = u32(at + 8);
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> SplitCaptions(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1) {
    out.push_back(s.substr(start, nl - start));
  }
  return out;
}

uint32_t U32(const Stmt& s, int col) { return static_cast<uint32_t>(s.Int(col)); }
std::optional<uint32_t> OptU32(const Stmt& s, int col) {
  if (auto v = s.OptInt(col)) return static_cast<uint32_t>(*v);
  return std::nullopt;
}

// Every span table starts with text, span_start, span_end, sentence. A NULL text is the
// body's bytes of the span (see schema v2).
template <typename T>
void ReadSpan(const Stmt& s, const std::string& body, T* out) {
  out->start = U32(s, 1);
  out->end = U32(s, 2);
  out->sentence = U32(s, 3);
  if (!s.IsNull(0)) {
    out->text = s.Text(0);
  } else if (out->start <= out->end && out->end <= body.size()) {
    out->text = body.substr(out->start, out->end - out->start);
  }
}

void ReadError(const Stmt& s, const std::string&, CodedDocument* cd) {
  DocError e{s.Text(0), s.Text(1), std::nullopt};
  if (auto o = s.OptInt(2)) e.offset = static_cast<uint64_t>(*o);
  cd->doc.errors.push_back(std::move(e));
}

void ReadActor(const Stmt& s, const std::string& body, CodedDocument* cd) {
  ActorMention a;
  ReadSpan(s, body, &a);
  a.kind = s.Text(4);
  a.code = s.Text(5);
  a.country = s.Text(6);
  a.sector = s.OptText(7);
  a.name = s.Text(8);
  a.entity = static_cast<int32_t>(s.Int(9));
  a.antecedent = OptU32(s, 10);
  cd->actors.push_back(std::move(a));
}

void ReadPlace(const Stmt& s, const std::string& body, CodedDocument* cd) {
  Place p;
  ReadSpan(s, body, &p);
  p.name = s.Text(4);
  p.country = s.Text(5);
  p.lat = s.OptReal(6);
  p.lon = s.OptReal(7);
  cd->places.push_back(std::move(p));
}

void ReadTime(const Stmt& s, const std::string& body, CodedDocument* cd) {
  TimeExpr t;
  ReadSpan(s, body, &t);
  t.type = s.Text(4);
  t.value = s.Text(5);
  t.value_max = s.OptText(6);
  t.anchor = s.OptText(7);
  if (!s.IsNull(8)) t.deadline = Deadline{s.Text(8), s.Text(9)};
  cd->times.push_back(std::move(t));
}

void ReadQuote(const Stmt& s, const std::string& body, CodedDocument* cd) {
  Quote q;
  ReadSpan(s, body, &q);
  q.kind = s.Text(4);
  q.speaker = s.OptText(5);
  q.speaker_code = s.OptText(6);
  q.speaker_start = OptU32(s, 7);
  q.speaker_end = OptU32(s, 8);
  q.cue = s.OptText(9);
  cd->quotes.push_back(std::move(q));
}

void ReadEvent(const Stmt& s, const std::string&, CodedDocument* cd) {
  Event e;
  e.source = s.Text(0);
  e.target = s.Text(1);
  e.code = s.Text(2);
  e.root = s.Text(3);
  e.plover = s.OptText(4);
  e.quad_class = static_cast<int>(s.Int(5));
  e.goldstein = s.Real(6);
  if (std::string d = s.Text(7); !d.empty()) e.date = std::move(d);
  e.sentence = U32(s, 8);
  e.mentions = U32(s, 9);
  e.evidence = s.Text(10);
  e.source_text = s.Text(11);
  e.target_text = s.Text(12);
  e.verb_text = s.Text(13);
  e.pattern = s.Text(14);
  e.modality = s.Text(15);
  e.explanation = s.Text(16);
  if (!s.IsNull(17)) {
    e.location = EventLocation{s.Text(17), s.Text(18), s.OptReal(19), s.OptReal(20)};
  }
  cd->events.push_back(std::move(e));
}

// One query per annotation table (one parameter: the document row id), in index order.
struct TableReader {
  const char* sql;
  void (*read)(const Stmt&, const std::string& body, CodedDocument*);
};

constexpr TableReader kTables[] = {
    {"SELECT code, message, byte_offset FROM doc_errors WHERE doc = ? ORDER BY idx", ReadError},
    {"SELECT text, span_start, span_end, sentence, kind, code, country, sector, name, entity, "
     "antecedent FROM actors WHERE doc = ? ORDER BY idx",
     ReadActor},
    {"SELECT text, span_start, span_end, sentence, name, country, lat, lon FROM places "
     "WHERE doc = ? ORDER BY idx",
     ReadPlace},
    {"SELECT text, span_start, span_end, sentence, type, value, value_max, anchor, "
     "deadline_earliest, deadline_latest FROM times WHERE doc = ? ORDER BY idx",
     ReadTime},
    {"SELECT text, span_start, span_end, sentence, kind, speaker, speaker_code, speaker_start, "
     "speaker_end, cue FROM quotes WHERE doc = ? ORDER BY idx",
     ReadQuote},
    {"SELECT e.source, e.target, e.code, e.root, e.plover, e.quad_class, e.goldstein, "
     "e.event_date, m.sentence, m.mentions, m.evidence, m.source_text, m.target_text, "
     "m.verb_text, m.pattern, m.modality, m.explanation, m.loc_name, m.loc_country, m.loc_lat, "
     "m.loc_lon FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.doc = ? "
     "ORDER BY m.idx",
     ReadEvent},
};

Status LoadAnnotations(Store::Impl& impl, int64_t doc, CodedDocument* cd) {
  for (const TableReader& t : kTables) {
    Status st;
    Stmt* s = impl.Cached(t.sql, &st);
    if (!s) return st;
    s->Bind(1, doc);
    while (s->Step(&st)) t.read(*s, cd->doc.text, cd);
    s->Reset();
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

CodedDocument ReadDocumentRow(const Stmt& s) {
  CodedDocument cd;
  cd.doc.id = s.Text(1);
  cd.doc.url = s.OptText(2);
  cd.doc.source = s.OptText(3);
  cd.doc.title = s.OptText(4);
  cd.doc.published = s.OptText(5);
  cd.doc.format = ParseFormat(s.Text(6));
  cd.doc.text = s.Text(7);
  cd.doc.captions = SplitCaptions(s.Text(8));
  cd.layer.sentences = UnpackSentences(s.Blob(9));
  cd.doc.raw_hash = s.Text(10);  // "" when the raw bytes were never hashed
  return cd;
}

}  // namespace

Result<std::vector<CodedDocument>> Store::LoadDocuments(const std::vector<std::string>& ids) {
  static const char* kAll =
      "SELECT id, doc_id, url, source, title, published, format, body, captions, sentences, "
      "raw_hash FROM documents WHERE current = 1 ORDER BY id";
  static const char* kById =
      "SELECT id, doc_id, url, source, title, published, format, body, captions, sentences, "
      "raw_hash FROM documents WHERE current = 1 AND doc_id = ? ORDER BY id";
  Status st;
  Stmt* stmt = impl_->Cached(ids.empty() ? kAll : kById, &st);
  if (!stmt) return st;
  std::vector<CodedDocument> out;
  std::vector<int64_t> rows;
  for (size_t i = 0; i < std::max<size_t>(1, ids.size()); ++i) {
    if (!ids.empty()) stmt->Bind(1, ids[i]);
    while (stmt->Step(&st)) {
      rows.push_back(stmt->Int(0));
      out.push_back(ReadDocumentRow(*stmt));
    }
    stmt->Reset();
    if (!st.ok()) return st;
  }
  for (size_t i = 0; i < out.size(); ++i) {
    if (Status a = LoadAnnotations(*impl_, rows[i], &out[i]); !a.ok()) return a;
  }
  return out;
}

}  // namespace parley::store
