// Table, CSV and JSON Lines writers for events, mentions and quotes; GDELT rows come from
// gdelt.cc.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "analysis/export.h"

namespace parley::analysis {
namespace {

using json = nlohmann::ordered_json;

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

void CsvLine(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out->push_back(',');
    *out += CsvField(fields[i]);
  }
  *out += "\r\n";  // RFC 4180 line ends
}

// A TSV field cannot hold tabs or line breaks: they become spaces.
std::string TsvField(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

std::string Fixed1(double v) { return fmt::format("{:.1f}", v); }

json Opt(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
json Opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json DocJson(const store::DocRef& d) {
  return {{"id", d.id}, {"url", Opt(d.url)}, {"source", Opt(d.source)}, {"title", Opt(d.title)},
          {"published", Opt(d.published)}};
}

// The contract's event object (field names and order as in `parley code`).
json EventJson(const Event& e) {
  json j = json::object();
  j["source"] = e.source;
  j["target"] = e.target;
  j["code"] = e.code;
  j["root"] = e.root;
  j["plover"] = Opt(e.plover);
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  j["date"] = Opt(e.date);
  j["location"] = e.location ? json{{"name", e.location->name}, {"country", e.location->country},
                                    {"lat", Opt(e.location->lat)}, {"lon", Opt(e.location->lon)}}
                             : json(nullptr);
  j["sentence"] = e.sentence;
  j["mentions"] = e.mentions;
  j["evidence"] = e.evidence;
  j["source_text"] = e.source_text;
  j["target_text"] = e.target_text;
  j["verb_text"] = e.verb_text;
  j["pattern"] = e.pattern;
  j["modality"] = e.modality;
  return j;
}

const std::vector<std::string> kCsvHeader = {
    "event_id", "date", "source", "target", "code", "root", "plover", "quad_class", "goldstein",
    "modality", "mentions", "sources", "articles", "source_text", "verb_text", "target_text",
    "evidence", "doc_id", "url", "published"};

std::vector<std::string> CsvFields(const store::StoredMention& m, int64_t mentions, int64_t sources,
                                   int64_t articles) {
  const Event& e = m.event;
  return {std::to_string(m.event_id), e.date.value_or(""), e.source, e.target, e.code, e.root,
          e.plover.value_or(""), std::to_string(e.quad_class), Fixed1(e.goldstein), e.modality,
          std::to_string(mentions), std::to_string(sources), std::to_string(articles),
          e.source_text, e.verb_text, e.target_text, e.evidence, m.doc.id, m.doc.url.value_or(""),
          m.doc.published.value_or("")};
}

// One event for people: a heading line, the evidence wrapped, where it was read.
void TableEntry(const store::StoredMention& m, const std::string& counts, std::string* out) {
  const Event& e = m.event;
  *out += fmt::format("{:<10}  {} -> {}  {} {}  q{} {:+.1f}  {}{}\n", e.date.value_or("(no date)"),
                      e.source.empty() ? "---" : e.source, e.target.empty() ? "---" : e.target,
                      e.code, e.plover.value_or("-"), e.quad_class, e.goldstein, e.modality, counts);
  *out += Wrap("\"" + e.evidence + "\"", 100, 4);
  *out += Wrap("from " + m.doc.id + (m.doc.published ? " (" + *m.doc.published + ")" : ""), 100, 4);
}

}  // namespace

std::string Wrap(const std::string& text, size_t width, size_t indent) {
  std::string out, line;
  size_t line_len = 0;
  const std::string pad(indent, ' ');
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of(" \n", pos);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    const size_t len = CodePoints(word);
    if (line_len > 0 && indent + line_len + 1 + len > width) {
      out += pad + line + "\n";
      line.clear();
      line_len = 0;
    }
    if (line_len > 0) {
      line += ' ';
      ++line_len;
    }
    line += word;
    line_len += len;
  }
  if (line_len > 0) out += pad + line + "\n";
  return out;
}

void WriteEvents(const std::vector<store::StoredEvent>& events, Format format, std::string* out) {
  if (format == Format::kCsv) CsvLine(kCsvHeader, out);
  if (format == Format::kGdelt) {
    std::vector<std::string> header(kGdeltColumns.begin(), kGdeltColumns.end());
    for (size_t i = 0; i < header.size(); ++i) *out += (i ? "\t" : "") + header[i];
    *out += "\n";
  }
  for (const auto& ev : events) {
    switch (format) {
      case Format::kCsv:
        CsvLine(CsvFields(ev.first, ev.mentions, ev.sources, ev.articles), out);
        break;
      case Format::kJsonl: {
        json j = {{"id", ev.id}};
        j.update(EventJson(ev.first.event));
        j["mentions"] = ev.mentions;
        j["sources"] = ev.sources;
        j["articles"] = ev.articles;
        j["document"] = DocJson(ev.first.doc);
        *out += j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
        break;
      }
      case Format::kGdelt: {
        const auto row = GdeltRow(ev);
        for (size_t i = 0; i < row.size(); ++i) *out += (i ? "\t" : "") + TsvField(row[i]);
        *out += "\n";
        break;
      }
      case Format::kTable:
        TableEntry(ev.first,
                   fmt::format("  {} mention{}, {} article{}", ev.mentions, ev.mentions == 1 ? "" : "s",
                               ev.articles, ev.articles == 1 ? "" : "s"),
                   out);
        break;
    }
  }
}

void WriteMentions(const std::vector<store::StoredMention>& mentions, Format format,
                   std::string* out) {
  if (format == Format::kCsv) CsvLine(kCsvHeader, out);
  for (const auto& m : mentions) {
    if (format == Format::kCsv) {
      CsvLine(CsvFields(m, m.event.mentions, 1, 1), out);
    } else if (format == Format::kJsonl) {
      json j = {{"id", m.id}, {"event_id", m.event_id}};
      j.update(EventJson(m.event));
      j["document"] = DocJson(m.doc);
      *out += j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    } else {
      TableEntry(m, fmt::format("  (event {})", m.event_id), out);
    }
  }
}

void WriteQuotes(const std::vector<store::StoredQuote>& quotes, Format format, std::string* out) {
  static const std::vector<std::string> kHeader = {
      "published", "speaker", "speaker_code", "kind", "cue", "text", "doc_id", "url", "start", "end"};
  if (format == Format::kCsv) CsvLine(kHeader, out);
  for (const auto& sq : quotes) {
    const Quote& q = sq.quote;
    if (format == Format::kCsv) {
      CsvLine({sq.doc.published.value_or(""), q.speaker.value_or(""), q.speaker_code.value_or(""),
               q.kind, q.cue.value_or(""), q.text, sq.doc.id, sq.doc.url.value_or(""),
               std::to_string(q.start), std::to_string(q.end)},
              out);
    } else if (format == Format::kJsonl) {
      json j = {{"text", q.text},       {"start", q.start},
                {"end", q.end},         {"sentence", q.sentence},
                {"kind", q.kind},       {"speaker", Opt(q.speaker)},
                {"speaker_code", Opt(q.speaker_code)}, {"speaker_start", q.speaker_start ? json(*q.speaker_start) : json(nullptr)},
                {"speaker_end", q.speaker_end ? json(*q.speaker_end) : json(nullptr)},
                {"cue", Opt(q.cue)},   {"document", DocJson(sq.doc)}};
      *out += j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    } else {
      *out += fmt::format("{:<10}  {}{}  {}{}\n", sq.doc.published.value_or("(no date)"),
                          q.speaker.value_or("(unknown speaker)"),
                          q.speaker_code ? " (" + *q.speaker_code + ")" : "", q.kind,
                          q.cue ? ", \"" + *q.cue + "\"" : "");
      *out += Wrap("\"" + q.text + "\"", 100, 4);
      *out += Wrap("from " + sq.doc.id, 100, 4);
    }
  }
}

}  // namespace parley::analysis
