#include "peers/records.h"
#include "util/ascii.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "peers/dictionaries.h"

namespace fs = std::filesystem;

namespace parley::peers {
namespace {

// Runs of white space (line breaks of the record's layout) become one space.
std::string Squeeze(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

std::string Attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

std::string Content(xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  if (v == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool Is(xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void ApplyConfig(xmlNode* n, RecordOptions* options) {
  const std::string option = Attr(n, "option"), value = Lower(Attr(n, "value"));
  if (option == "require_dyad") options->require_dyad = value != "false";
  else if (option == "new_actor_length") options->new_actor_length = std::atoi(value.c_str());
}

ValidationRecord ReadSentence(xmlNode* n, const RecordOptions& options) {
  ValidationRecord r;
  r.id = Attr(n, "id");
  r.category = Attr(n, "category");
  r.date = Attr(n, "date");
  r.sentence = Lower(Attr(n, "sentence")) != "false";
  r.options = options;
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (Is(c, "Text")) r.text = Squeeze(Content(c));
    else if (Is(c, "Parse")) r.parse = std::string(util::TrimAscii(Content(c)));
    else if (Is(c, "EventCoding")) {
      if (!Attr(c, "error").empty()) r.expect_error = Attr(c, "error");
      else if (Lower(Attr(c, "noevents")) == "true") r.expect_none = true;
      else r.expected.push_back({Attr(c, "sourcecode"), Attr(c, "targetcode"), Attr(c, "eventcode")});
    }
  }
  if (NormalizeDate(r.date).empty()) r.problem = "bad date \"" + r.date + "\"";
  else r.date = NormalizeDate(r.date);
  if (r.text.empty()) r.problem = "no <Text>";
  return r;
}

void ReadEnvironment(xmlNode* env, const fs::path& base, RecordSet* set) {
  auto resolve = [&](const std::string& name) {
    const std::string t(util::TrimAscii(name));
    return t.empty() ? t : (base / t).lexically_normal().string();
  };
  for (xmlNode* c = env->children; c != nullptr; c = c->next) {
    if (Is(c, "Verbfile")) set->verbs = resolve(Content(c));
    else if (Is(c, "Actorfile")) set->actors = resolve(Content(c));
    else if (Is(c, "Agentfile")) set->agents = resolve(Content(c));
    else if (Is(c, "Discardfile")) set->discards = resolve(Content(c));
    else if (Is(c, "Include")) {
      std::istringstream in(Content(c));
      std::string cat;
      while (in >> cat) set->include.push_back(cat);
    }
  }
}

// Elements in document order: the environment, <Config> switches, and the records.
void Walk(xmlNode* n, const fs::path& base, RecordOptions* options, RecordSet* set) {
  for (; n != nullptr; n = n->next) {
    if (Is(n, "Environment")) ReadEnvironment(n, base, set);
    else if (Is(n, "Config")) ApplyConfig(n, options);
    else if (Is(n, "Sentence")) set->records.push_back(ReadSentence(n, *options));
    else if (n->type == XML_ELEMENT_NODE) Walk(n->children, base, options, set);
  }
}

}  // namespace

Result<RecordSet> ReadPetrarchRecords(const std::string& path) {
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING), xmlFreeDoc);
  if (!doc) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return Status(StatusCode::kNotFound, path + ": no such file");
    const xmlError* e = xmlGetLastError();
    return Status(StatusCode::kParseError, path + ":" + std::to_string(e != nullptr ? e->line : 0) +
                                               ": not well-formed XML" + (e != nullptr && e->message ? std::string(": ") + std::string(util::TrimAscii(e->message)) : ""));
  }
  RecordSet set;
  RecordOptions options;
  Walk(xmlDocGetRootElement(doc.get()), fs::path(path).parent_path(), &options, &set);
  return set;
}

Result<RecordSet> ReadRecords(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot be read");
  char c = 0;
  while (in.get(c) && std::isspace(static_cast<unsigned char>(c))) {
  }
  return c == '<' ? ReadPetrarchRecords(path) : ReadTabariRecords(path);
}

}  // namespace parley::peers
