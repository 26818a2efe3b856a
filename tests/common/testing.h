// Test helpers: where the shared development data is, running the parley binary, and
// reading files. Tests that need ../shared/data call PARLEY_REQUIRE_SHARED_DATA() first.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::testing {

// ../shared/data next to the source tree ("" when absent).
std::string SharedDataDir();
// The source tree (for examples/ and dict/).
std::string SourceDir();
// The parley binary under test.
std::string ParleyBinary();

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs parley with `args` (each passed as one argument), feeding `stdin_text` on stdin.
CommandResult RunParley(const std::vector<std::string>& args, const std::string& stdin_text = "");

std::string ReadFileOrDie(const std::string& path);
// A fresh temporary folder for one test, removed at exit.
std::string TempDir();

}  // namespace parley::testing

#define PARLEY_REQUIRE_SHARED_DATA()                                                       \
  do {                                                                                     \
    if (::parley::testing::SharedDataDir().empty())                                        \
      GTEST_SKIP() << "../shared/data is absent (a fresh clone): skipping this data test"; \
  } while (0)
