#include "ingest/paragraphs.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "ingest/cleaner.h"
#include "ingest/dates.h"
#include "parley/ingest.h"
#include "util/utf8.h"

namespace parley::ingest {
namespace {

bool IsBlankByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (IsBlankByte(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// The last character of s (decoded).
char32_t LastChar(std::string_view s) {
  size_t len;
  return util::PrevCodePoint(s, s.size(), &len);
}

char32_t FirstChar(std::string_view s) {
  if (s.empty()) return 0;
  size_t len;
  char32_t cp = util::DecodeUtf8(s, 0, &len);
  return cp == util::kInvalid ? 0 : cp;
}

// A photo credit: a web domain ("kremlin.ru"), or a short phrase naming an agency or photo.
bool IsCredit(std::string_view s) {
  s = TrimRight(s);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  if (s.empty() || s.size() > 80) return false;
  // A bare domain: letters, digits, dots and hyphens with a dot and a 2-6 letter suffix.
  size_t dot = s.rfind('.');
  bool domain = dot != std::string_view::npos && dot > 0 && s.size() - dot - 1 >= 2 &&
                s.size() - dot - 1 <= 6 && s.find(' ') == std::string_view::npos;
  if (domain) {
    for (char c : s) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '/') domain = false;
    }
    if (domain) return true;
  }
  static constexpr std::array<std::string_view, 18> kMarks = {
      "photo",   "getty",     "reuters",  "ap ",      "afp",        "epa",
      "tass",    "sputnik",   "shutterstock", "wikimedia", "commons", "courtesy",
      "handout", "pixabay",   "flickr",   "image:",   "/ ap",       "anadolu"};
  std::string lower = Lower(s);
  if (lower == "ap" || lower == "ap photo") return true;
  for (auto mark : kMarks) {
    if (lower.find(mark) != std::string::npos) return std::count(s.begin(), s.end(), ' ') <= 6;
  }
  return false;
}

bool EndsSentence(std::string_view s) {
  s = TrimRight(s);
  if (s.empty()) return false;
  char32_t c = LastChar(s);
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ')' || util::IsQuoteMark(c) ||
         c == 0x2026;
}

size_t Words(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\t';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

}  // namespace

std::vector<Paragraph> SplitParagraphs(std::string_view raw) {
  std::vector<Paragraph> out;
  size_t i = 0;
  // Skip leading blank lines.
  while (i < raw.size() && (raw[i] == '\n' || IsBlankByte(raw[i]))) ++i;
  while (i < raw.size()) {
    size_t nl = raw.find('\n', i);
    size_t end = nl == std::string_view::npos ? raw.size() : nl;
    Paragraph p;
    p.start = i;
    size_t content_end = end;
    while (content_end > i && IsBlankByte(raw[content_end - 1])) --content_end;
    p.end = content_end;
    // The separator: trailing blanks, then every following newline and blank-only line.
    size_t j = content_end;
    while (j < raw.size() && (raw[j] == '\n' || IsBlankByte(raw[j]))) ++j;
    // Give leading blanks of the next line back to it? They are indentation: keep in sep.
    p.sep_start = content_end;
    p.sep_end = j;
    out.push_back(p);
    i = j;
  }
  return out;
}

bool IsCaption(std::string_view text, bool in_header) {
  text = TrimRight(text);
  if (text.empty() || text.size() > 240) return false;
  for (char c : text) {
    if (c == '"') return false;  // quotations are body text
  }
  // The last segment after ". ", " / " or " | " is a credit.
  size_t cut = std::string_view::npos;
  for (std::string_view sep : {". ", " / ", " | ", " - "}) {
    size_t p = text.rfind(sep);
    if (p != std::string_view::npos && (cut == std::string_view::npos || p > cut)) cut = p;
  }
  if (cut != std::string_view::npos) {
    std::string_view tail = text.substr(cut + 2);
    if (!tail.empty() && tail.front() == ' ') tail.remove_prefix(1);
    if (IsCredit(tail)) return true;
  }
  std::string lower = Lower(text.substr(0, 16));
  if (lower.rfind("photo:", 0) == 0 || lower.rfind("photo by", 0) == 0 ||
      lower.rfind("image:", 0) == 0 || lower.rfind("(photo", 0) == 0 ||
      lower.rfind("file photo", 0) == 0)
    return true;
  // In the header, before the first body paragraph, a short line that is not a sentence.
  return in_header && !EndsSentence(text) && Words(text) <= 20;
}

bool IsBoilerplate(std::string_view text) {
  text = TrimRight(text);
  if (text.size() > 400) return false;
  static constexpr std::array<std::string_view, 22> kPrefixes = {
      "related article:", "related articles:", "related:",   "read more:",
      "read also:",       "see also:",         "also read:", "more:",
      "advertisement",    "share this article", "share on facebook", "share on twitter",
      "subscribe to",     "sign up for",       "follow us on", "click here",
      "recommended:",     "watch:",            "listen:",    "you might also like",
      "editor's pick",    "most read"};
  // Every paragraph comes here: its first byte turns most away, then its start is lower-cased
  // on the stack (ASCII only, as std::tolower does in the C locale, without a call per byte).
  auto lower_byte = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  if (text.empty()) return false;
  const char first = lower_byte(text[0]);
  static constexpr std::array<bool, 256> kFirstBytes = [] {
    std::array<bool, 256> t{};
    for (std::string_view p : kPrefixes) t[static_cast<unsigned char>(p[0])] = true;
    return t;
  }();
  if (!kFirstBytes[static_cast<unsigned char>(first)]) return false;
  char buf[24];
  const size_t n = std::min<size_t>(text.size(), sizeof(buf));
  for (size_t k = 0; k < n; ++k) buf[k] = lower_byte(text[k]);
  const std::string_view lower(buf, n);
  for (auto p : kPrefixes) {
    if (lower.starts_with(p)) return true;
  }
  return false;
}

bool IsBrokenSentence(std::string_view a, std::string_view b) {
  a = TrimRight(a);
  if (a.empty() || b.empty() || EndsSentence(a) || Words(a) < 3) return false;
  char32_t last = LastChar(a);
  if (!(util::IsLetter(last) || util::IsDigit(last) || last == ',' || last == ';' ||
        util::IsDash(last)))
    return false;
  return util::IsLower(FirstChar(b));
}

void BuildBody(std::string_view raw, const std::vector<Paragraph>& paras, Document* doc,
               bool keep_layout) {
  const RawEncoding enc = ChooseEncoding(raw);
  CleanOptions opts;
  opts.encoding = enc;
  util::TextBuilder body;
  CleanStats stats;
  const Paragraph* prev = nullptr;  // the last body paragraph written
  if (keep_layout && !paras.empty() && paras.front().kind == ParagraphKind::kBody) {
    CleanInto(raw.substr(0, paras.front().start), 0, opts, &body, &stats);
  }
  for (const auto& p : paras) {
    if (p.kind == ParagraphKind::kCaption) {
      util::TextBuilder cap;
      CleanStats cap_stats;
      CleanInto(p.View(raw), p.start, opts, &cap, &cap_stats);
      doc->captions.push_back(cap.text());
      continue;
    }
    if (p.kind != ParagraphKind::kBody) continue;
    if (prev != nullptr) {
      if (!keep_layout && IsBrokenSentence(prev->View(raw), p.View(raw))) {
        body.AppendReplacement(" ", prev->sep_start, p.start - prev->sep_start);
      } else {
        CleanInto(raw.substr(prev->sep_start, prev->sep_end - prev->sep_start), prev->sep_start,
                  opts, &body, &stats);
      }
    }
    CleanInto(p.View(raw), p.start, opts, &body, &stats);
    prev = &p;
  }
  if (keep_layout && prev != nullptr && prev == &paras.back()) {
    CleanInto(raw.substr(prev->sep_start, prev->sep_end - prev->sep_start), prev->sep_start, opts,
              &body, &stats);
  }
  body.Finish(&doc->text, &doc->raw_map);
  NormalizeNfc(&doc->text, &doc->raw_map);
  ReportCleanStats(stats, &doc->errors);
}

void FillDateFromTextOrUrl(Document* doc) {
  if (doc->published) return;
  std::optional<std::string> url_date;
  if (doc->url) url_date = DateFromUrl(*doc->url);
  std::string_view text = doc->text;
  const size_t lead = text.find_first_not_of(" \t\n");  // JSONL text keeps its leading blanks
  text.remove_prefix(lead == std::string_view::npos ? text.size() : lead);
  size_t nl = text.find('\n');
  if (auto m = MatchDateline(text.substr(0, nl == std::string_view::npos ? text.size() : nl))) {
    int year = m->year;
    if (year == 0 && url_date) year = std::stoi(url_date->substr(0, 4));
    if (year != 0) {
      if (auto d = FormatDate(year, m->month, m->day)) {
        doc->published = *d;
        return;
      }
    }
  }
  if (url_date) doc->published = url_date;
}

}  // namespace parley::ingest
