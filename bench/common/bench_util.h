// Measuring helpers shared by the benchmarks: CPU time of the calling thread (the machine is
// shared, so CPU time is the figure to trust, not wall time), peak memory, and the non-empty
// lines of a JSONL corpus. Header-only; not a bench folder (no CMakeLists.txt here).
#pragma once

#include <sys/resource.h>
#include <time.h>

#include <fstream>
#include <string>
#include <vector>

namespace parley::bench {

// CPU seconds used so far by the calling thread.
inline double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Peak resident memory of the process in MB (ru_maxrss is in KiB on Linux).
inline double PeakMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

// The non-empty lines of `path` (empty when it cannot be read).
inline std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

}  // namespace parley::bench
