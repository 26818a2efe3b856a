#include "parley/pipeline.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "code/coder.h"
#include "extract/actors/actors.h"
#include "extract/quotes/quotes.h"
#include "extract/times/times.h"
#include "parley/lexicon.h"
#include "text/segmenter.h"

#ifndef PARLEY_SOURCE_DICT_DIR
#define PARLEY_SOURCE_DICT_DIR "dict"
#endif

namespace parley {
namespace fs = std::filesystem;

std::string DefaultDictDir() {
  if (const char* env = std::getenv("PARLEY_DICT_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& candidate : {exe.parent_path().parent_path() / "dict",
                                      exe.parent_path().parent_path() / "share" / "parley" / "dict"}) {
      if (fs::is_directory(candidate / "actors", ec)) return candidate.string();
    }
  }
  return PARLEY_SOURCE_DICT_DIR;
}

Result<std::shared_ptr<const Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  std::vector<std::string> dirs = {DefaultDictDir()};
  dirs.insert(dirs.end(), options.dict_dirs.begin(), options.dict_dirs.end());
  auto lexicon = lexicon::Lexicon::Load(dirs);
  if (!lexicon.ok()) return lexicon.status();
  auto patterns = code::PatternSet::Load(dirs);
  if (!patterns.ok()) return patterns.status();
  std::shared_ptr<Pipeline> p(new Pipeline());
  p->options_ = options;
  p->lexicon_ = std::move(lexicon.value());
  p->patterns_ = std::make_shared<const code::PatternSet>(std::move(patterns.value()));
  return std::shared_ptr<const Pipeline>(std::move(p));
}

CodedDocument Pipeline::Code(Document doc) const {
  CodedDocument cd;
  cd.doc = std::move(doc);
  if (cd.doc.unreadable) return cd;
  cd.layer = text::Segment(cd.doc.text);
  extract::FindActors(cd.doc, cd.layer, *lexicon_, &cd.actors, &cd.places);
  cd.times = extract::FindTimes(cd.doc, cd.layer);
  cd.quotes = extract::FindQuotes(cd.doc, cd.layer, cd.actors);
  // The coder's buffers are kept per thread: Code() runs on many threads at once.
  thread_local code::CoderScratch scratch;
  cd.events = code::CodeEvents(cd, *patterns_, options_.explain, nullptr, &scratch);
  return cd;
}

}  // namespace parley
