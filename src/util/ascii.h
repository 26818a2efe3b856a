// Small ASCII string helpers for dictionary and record readers, whose formats are ASCII
// (code words, file syntax). Not for article text: that goes through utf8.h and ICU.
// Pure functions; thread-safe.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace parley::util {

inline bool IsAsciiSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// `s` without leading and trailing ASCII white space (a view into `s`).
inline std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// `s` with ASCII letters in upper case.
inline std::string UpperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace parley::util
