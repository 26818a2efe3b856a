// Reading whole coded documents back (current versions): for `ingest --recode` without inputs,
// which re-codes the stored text, and for round-trip tests.
#include "parley/store.h"
#include "store/store_impl.h"

namespace parley::store {
namespace {

InputFormat ParseFormat(const std::string& s) {
  if (s == "html") return InputFormat::kHtml;
  if (s == "jsonl") return InputFormat::kJsonl;
  return InputFormat::kText;
}

// Runs `sql` (one parameter: the document row id) and hands each row to `read`.
template <typename F>
Status ForEachRow(Db& db, const char* sql, int64_t doc, F read) {
  auto stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, doc);
  Status st;
  while (stmt->Step(&st)) read(*stmt);
  return st;
}

std::vector<Sentence> UnpackSentences(const std::string& blob) {
  std::vector<Sentence> out;
  auto u32 = [&](size_t at) {
    uint32_t v = 0;
    for (int b = 0; b < 4; ++b) v |= static_cast<uint32_t>(static_cast<unsigned char>(blob[at + b])) << (8 * b);
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

Status LoadAnnotations(Db& db, int64_t doc, CodedDocument* cd) {
  Status st = ForEachRow(db, "SELECT code, message, byte_offset FROM doc_errors WHERE doc = ? ORDER BY idx", doc,
                         [&](const Stmt& s) {
                           DocError e{s.Text(0), s.Text(1), std::nullopt};
                           if (auto o = s.OptInt(2)) e.offset = static_cast<uint64_t>(*o);
                           cd->doc.errors.push_back(e);
                         });
  if (!st.ok()) return st;
  st = ForEachRow(db,
                  "SELECT text, span_start, span_end, sentence, kind, code, country, sector, name, "
                  "entity, antecedent FROM actors WHERE doc = ? ORDER BY idx",
                  doc, [&](const Stmt& s) {
                    ActorMention a;
                    a.text = s.Text(0);
                    a.start = static_cast<uint32_t>(s.Int(1));
                    a.end = static_cast<uint32_t>(s.Int(2));
                    a.sentence = static_cast<uint32_t>(s.Int(3));
                    a.kind = s.Text(4);
                    a.code = s.Text(5);
                    a.country = s.Text(6);
                    a.sector = s.OptText(7);
                    a.name = s.Text(8);
                    a.entity = static_cast<int32_t>(s.Int(9));
                    if (auto v = s.OptInt(10)) a.antecedent = static_cast<uint32_t>(*v);
                    cd->actors.push_back(a);
                  });
  if (!st.ok()) return st;
  st = ForEachRow(db,
                  "SELECT text, span_start, span_end, sentence, name, country, lat, lon FROM places "
                  "WHERE doc = ? ORDER BY idx",
                  doc, [&](const Stmt& s) {
                    Place p;
                    p.text = s.Text(0);
                    p.start = static_cast<uint32_t>(s.Int(1));
                    p.end = static_cast<uint32_t>(s.Int(2));
                    p.sentence = static_cast<uint32_t>(s.Int(3));
                    p.name = s.Text(4);
                    p.country = s.Text(5);
                    p.lat = s.OptReal(6);
                    p.lon = s.OptReal(7);
                    cd->places.push_back(p);
                  });
  if (!st.ok()) return st;
  st = ForEachRow(db,
                  "SELECT text, span_start, span_end, sentence, type, value, value_max, anchor, "
                  "deadline_earliest, deadline_latest FROM times WHERE doc = ? ORDER BY idx",
                  doc, [&](const Stmt& s) {
                    TimeExpr t;
                    t.text = s.Text(0);
                    t.start = static_cast<uint32_t>(s.Int(1));
                    t.end = static_cast<uint32_t>(s.Int(2));
                    t.sentence = static_cast<uint32_t>(s.Int(3));
                    t.type = s.Text(4);
                    t.value = s.Text(5);
                    t.value_max = s.OptText(6);
                    t.anchor = s.OptText(7);
                    if (!s.IsNull(8)) t.deadline = Deadline{s.Text(8), s.Text(9)};
                    cd->times.push_back(t);
                  });
  if (!st.ok()) return st;
  st = ForEachRow(db,
                  "SELECT text, span_start, span_end, sentence, kind, speaker, speaker_code, "
                  "speaker_start, speaker_end, cue FROM quotes WHERE doc = ? ORDER BY idx",
                  doc, [&](const Stmt& s) {
                    Quote q;
                    q.text = s.Text(0);
                    q.start = static_cast<uint32_t>(s.Int(1));
                    q.end = static_cast<uint32_t>(s.Int(2));
                    q.sentence = static_cast<uint32_t>(s.Int(3));
                    q.kind = s.Text(4);
                    q.speaker = s.OptText(5);
                    q.speaker_code = s.OptText(6);
                    if (auto v = s.OptInt(7)) q.speaker_start = static_cast<uint32_t>(*v);
                    if (auto v = s.OptInt(8)) q.speaker_end = static_cast<uint32_t>(*v);
                    q.cue = s.OptText(9);
                    cd->quotes.push_back(q);
                  });
  if (!st.ok()) return st;
  return ForEachRow(
      db,
      "SELECT e.source, e.target, e.code, e.root, e.plover, e.quad_class, e.goldstein, "
      "e.event_date, m.sentence, m.mentions, m.evidence, m.source_text, m.target_text, "
      "m.verb_text, m.pattern, m.modality, m.explanation, m.loc_name, m.loc_country, m.loc_lat, "
      "m.loc_lon FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.doc = ? ORDER BY m.idx",
      doc, [&](const Stmt& s) {
        Event e;
        e.source = s.Text(0);
        e.target = s.Text(1);
        e.code = s.Text(2);
        e.root = s.Text(3);
        e.plover = s.OptText(4);
        e.quad_class = static_cast<int>(s.Int(5));
        e.goldstein = s.Real(6);
        if (std::string d = s.Text(7); !d.empty()) e.date = d;
        e.sentence = static_cast<uint32_t>(s.Int(8));
        e.mentions = static_cast<uint32_t>(s.Int(9));
        e.evidence = s.Text(10);
        e.source_text = s.Text(11);
        e.target_text = s.Text(12);
        e.verb_text = s.Text(13);
        e.pattern = s.Text(14);
        e.modality = s.Text(15);
        e.explanation = s.Text(16);
        if (!s.IsNull(17)) e.location = EventLocation{s.Text(17), s.Text(18), s.OptReal(19), s.OptReal(20)};
        cd->events.push_back(e);
      });
}

}  // namespace

Result<std::vector<CodedDocument>> Store::LoadDocuments(const std::vector<std::string>& ids) {
  const std::string sql =
      std::string("SELECT id, doc_id, url, source, title, published, format, body, captions, sentences FROM "
                  "documents WHERE current = 1") +
      (ids.empty() ? " ORDER BY id" : " AND doc_id = ? ORDER BY id");
  auto stmt = impl_->db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  std::vector<CodedDocument> out;
  std::vector<int64_t> rows;
  const size_t rounds = ids.empty() ? 1 : ids.size();
  for (size_t i = 0; i < rounds; ++i) {
    if (!ids.empty()) stmt->Bind(1, ids[i]);
    Status st;
    while (stmt->Step(&st)) {
      CodedDocument cd;
      rows.push_back(stmt->Int(0));
      cd.doc.id = stmt->Text(1);
      cd.doc.url = stmt->OptText(2);
      cd.doc.source = stmt->OptText(3);
      cd.doc.title = stmt->OptText(4);
      cd.doc.published = stmt->OptText(5);
      cd.doc.format = ParseFormat(stmt->Text(6));
      cd.doc.text = stmt->Text(7);
      cd.doc.captions = SplitCaptions(stmt->Text(8));
      cd.layer.sentences = UnpackSentences(stmt->Blob(9));
      out.push_back(std::move(cd));
    }
    stmt->Reset();
    if (!st.ok()) return st;
  }
  for (size_t i = 0; i < out.size(); ++i) {
    if (Status st = LoadAnnotations(impl_->db, rows[i], &out[i]); !st.ok()) return st;
  }
  return out;
}

}  // namespace parley::store
