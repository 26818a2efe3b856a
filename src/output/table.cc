// The table view: one document at a time for people at a terminal. Every line fits in
// `width` columns (counted in code points); long text wraps with a hanging indent.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "output/writers.h"

namespace parley::output {
namespace {

size_t Columns(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// Appends `label` then `text` wrapped to `width`, continuation lines indented to the label.
void Wrapped(std::string_view label, std::string_view text, int width, std::string* out) {
  const size_t indent = Columns(label);
  const size_t room = width > static_cast<int>(indent) + 10 ? static_cast<size_t>(width) - indent : 40;
  out->append(label);
  size_t col = 0;
  bool first_word = true;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    if (j == i) break;
    std::string_view word = text.substr(i, j - i);
    size_t w = Columns(word);
    if (w > room) {  // a word longer than the line (a URL): a line of its own, cut at `room`
      if (!first_word) {
        out->push_back('\n');
        out->append(indent, ' ');
        col = 0;
        first_word = true;
      }
      size_t cut = 0, cols = 0;
      while (cut < word.size() && cols < room) {
        ++cut;
        while (cut < word.size() && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) ++cut;
        ++cols;
      }
      j = i + cut;
      word = text.substr(i, cut);
      w = cols;
    }
    if (!first_word && col + 1 + w > room) {
      out->push_back('\n');
      out->append(indent, ' ');
      col = 0;
      first_word = true;
    }
    if (!first_word) {
      out->push_back(' ');
      ++col;
    }
    out->append(word);
    col += w;
    first_word = false;
    i = j;
  }
  out->push_back('\n');
}

std::string Or(const std::optional<std::string>& s, const char* dflt = "-") { return s ? *s : dflt; }

void Section(std::string_view name, size_t count, int width, std::string* out) {
  std::string head = fmt::format("-- {} ({}) ", name, count);
  size_t cols = Columns(head);
  if (cols < static_cast<size_t>(width)) head.append(static_cast<size_t>(width) - cols, '-');
  out->append(head);
  out->push_back('\n');
}

void Sentences(const CodedDocument& cd, int width, std::string* out) {
  Section("sentences", cd.layer.sentences.size(), width, out);
  for (size_t i = 0; i < cd.layer.sentences.size(); ++i) {
    const auto& s = cd.layer.sentences[i];
    Wrapped(fmt::format("{:>4}  ", i), std::string_view(cd.doc.text).substr(s.start, s.end - s.start),
            width, out);
  }
}

void Annotations(const CodedDocument& cd, int width, std::string* out) {
  if (!cd.actors.empty()) {
    Section("actors", cd.actors.size(), width, out);
    for (const auto& a : cd.actors)
      Wrapped(fmt::format("{:>4}  {:<12} ", a.sentence, a.code), a.text + "  (" + a.name + ")", width, out);
  }
  if (!cd.places.empty()) {
    Section("places", cd.places.size(), width, out);
    for (const auto& p : cd.places) Wrapped(fmt::format("{:>4}  {:<12} ", p.sentence, p.country), p.text, width, out);
  }
  if (!cd.times.empty()) {
    Section("times", cd.times.size(), width, out);
    for (const auto& t : cd.times) {
      std::string v = t.value + (t.value_max ? ".." + *t.value_max : "");
      if (t.deadline) v += "  deadline " + t.deadline->earliest + ".." + t.deadline->latest;
      Wrapped(fmt::format("{:>4}  {:<9}", t.sentence, t.type), "\"" + t.text + "\" = " + v, width, out);
    }
  }
  if (!cd.quotes.empty()) {
    Section("quotes", cd.quotes.size(), width, out);
    for (const auto& q : cd.quotes) {
      std::string who = Or(q.speaker, "?") + (q.speaker_code ? " [" + *q.speaker_code + "]" : "");
      Wrapped(fmt::format("{:>4}  {:<8} ", q.sentence, q.kind), who + ": " + q.text, width, out);
    }
  }
  if (!cd.events.empty()) {
    Section("events", cd.events.size(), width, out);
    for (const auto& e : cd.events) {
      Wrapped(fmt::format("{:>4}  ", e.sentence),
              fmt::format("{} -> {}  {} {} ({:+.1f}, {})  {}{}  [{}]", e.source, e.target, e.code,
                          e.plover.value_or("-"), e.goldstein, e.modality, Or(e.date),
                          e.location ? "  in " + e.location->name + " (" + e.location->country + ")" : "",
                          e.pattern),
              width, out);
      Wrapped("      ", "\"" + e.evidence + "\"", width, out);
      if (!e.explanation.empty()) Wrapped("      why: ", e.explanation, width, out);
    }
  }
}

}  // namespace

void WriteTable(const CodedDocument& cd, int width, std::string* out) {
  const Document& d = cd.doc;
  std::string rule(static_cast<size_t>(width), '=');
  out->append(rule);
  out->push_back('\n');
  Wrapped("id         ", d.id, width, out);
  Wrapped("title      ", Or(d.title), width, out);
  Wrapped("published  ", Or(d.published), width, out);
  Wrapped("url        ", Or(d.url), width, out);
  if (d.source) Wrapped("source     ", *d.source, width, out);
  for (const auto& c : d.captions) Wrapped("caption    ", c, width, out);
  Sentences(cd, width, out);
  Annotations(cd, width, out);
  if (!d.errors.empty()) {
    Section("errors", d.errors.size(), width, out);
    for (const auto& e : d.errors) Wrapped(fmt::format("      {}: ", e.code), e.message, width, out);
  }
}

}  // namespace parley::output
