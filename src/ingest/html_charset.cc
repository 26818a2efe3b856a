#include "ingest/html_charset.h"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include <memory>

#include "util/utf8.h"

namespace parley::ingest::html {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

size_t Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  return 2;
}

void AddSegment(OffsetMap* map, uint64_t clean_start, uint64_t raw_start, uint64_t raw_length,
                uint64_t clean_length) {
  auto& segs = map->segments;
  if (!segs.empty() && raw_length == clean_length) {
    auto& last = segs.back();
    if (last.raw_length == last.clean_length && last.raw_start + last.raw_length == raw_start &&
        last.clean_start + last.clean_length == clean_start) {
      last.raw_length += raw_length;
      last.clean_length += clean_length;
      return;
    }
  }
  segs.push_back({clean_start, raw_start, raw_length, clean_length});
}

}  // namespace

std::optional<Transcoded> TranscodeToUtf8(std::string_view raw, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(charset.c_str(), &status));
  if (U_FAILURE(status) || conv == nullptr || ucnv_getMinCharSize(conv.get()) != 1) return std::nullopt;
  std::vector<UChar> units(raw.size() * 2 + 16);
  std::vector<int32_t> offsets(units.size());
  UChar* target = units.data();
  const char* source = raw.data();
  ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source, raw.data() + raw.size(),
                 offsets.data(), /*flush=*/true, &status);
  if (U_FAILURE(status)) return std::nullopt;
  const size_t n = static_cast<size_t>(target - units.data());
  Transcoded out;
  out.utf8.reserve(raw.size() + raw.size() / 2);
  out.raw_of.reserve(out.utf8.capacity() + 1);
  size_t i = 0;
  while (i < n) {
    const size_t first = i;
    UChar32 cp;
    U16_NEXT(units.data(), i, n, cp);
    if (U_IS_SURROGATE(cp) || cp == 0) cp = 0xFFFD;  // keep the output valid UTF-8
    const uint64_t at = offsets[first] < 0 ? (out.raw_of.empty() ? 0 : out.raw_of.back())
                                           : static_cast<uint64_t>(offsets[first]);
    const size_t before = out.utf8.size();
    util::AppendUtf8(static_cast<char32_t>(cp), &out.utf8);
    out.raw_of.insert(out.raw_of.end(), out.utf8.size() - before, at);
  }
  out.raw_of.push_back(raw.size());
  if (!util::IsValidUtf8(out.utf8)) return std::nullopt;  // the reader must not come back here
  return out;
}

void MapToRaw(const Transcoded& t, OffsetMap* map) {
  OffsetMap out;
  auto raw_at = [&](uint64_t pos) { return t.raw_of[std::min<uint64_t>(pos, t.raw_of.size() - 1)]; };
  for (const auto& seg : map->segments) {
    if (seg.raw_length != seg.clean_length) {
      const uint64_t a = raw_at(seg.raw_start);
      AddSegment(&out, seg.clean_start, a, raw_at(seg.raw_start + seg.raw_length) - a, seg.clean_length);
      continue;
    }
    // Verbatim UTF-8: one character at a time (ASCII stays verbatim and merges again).
    uint64_t k = 0;
    while (k < seg.clean_length) {
      const uint64_t pos = seg.raw_start + k;
      const uint64_t len = std::min<uint64_t>(
          Utf8Length(static_cast<unsigned char>(t.utf8[std::min<uint64_t>(pos, t.utf8.size() - 1)])),
          seg.clean_length - k);
      const uint64_t a = raw_at(pos);
      AddSegment(&out, seg.clean_start + k, a, raw_at(pos + len) - a, len);
      k += len;
    }
  }
  *map = std::move(out);
}

}  // namespace parley::ingest::html
