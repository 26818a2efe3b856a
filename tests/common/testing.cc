#include "common/testing.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace parley::testing {

std::string SharedDataDir() {
  std::error_code ec;
  if (const char* env = std::getenv("PARLEY_SHARED_DATA"); env && fs::is_directory(env, ec)) return env;
  return fs::is_directory(PARLEY_SHARED_DATA_DIR, ec) ? PARLEY_SHARED_DATA_DIR : "";
}

std::string SourceDir() { return PARLEY_SOURCE_DIR; }
std::string ParleyBinary() { return PARLEY_BINARY; }

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "parley-test-XXXXXX").string();
  char* made = mkdtemp(tmpl.data());
  return made ? std::string(made) : std::string("/tmp");
}

namespace {
std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}
}  // namespace

CommandResult RunParley(const std::vector<std::string>& args, const std::string& stdin_text) {
  std::string dir = TempDir();
  std::string in = dir + "/stdin", out = dir + "/stdout", err = dir + "/stderr";
  std::ofstream(in, std::ios::binary) << stdin_text;
  std::string cmd = Quote(ParleyBinary());
  for (const auto& a : args) cmd += " " + Quote(a);
  cmd += " <" + Quote(in) + " >" + Quote(out) + " 2>" + Quote(err);
  int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFileOrDie(out);
  r.err = ReadFileOrDie(err);
  std::error_code ec;
  fs::remove_all(dir, ec);
  return r;
}

}  // namespace parley::testing
