// The contract's JSON object for one coded document. It is on the hot path of `parley code`:
// each object (an actor, an event ...) is written into a per-thread buffer (JsonRoom, appended
// to the output string once per document) after one room reservation (an upper bound of what it writes), with its field names as literal
// fragments (`,"start":`) and the write position kept in a local, so that no field pays for
// separator state, a bounds check or a function call of its own (json_writer.h, Put*).
#include "output/json_writer.h"
#include "output/writers.h"

namespace parley::output {
namespace {

// Room for any object's field names and numbers (the largest, an event with its location,
// needs about 500 bytes); strings are counted apart by StringsBound.
constexpr size_t kObjectRoom = 1024;

size_t StringBound(const std::string& s) { return JsonStringBound(s.size()); }
size_t StringBound(const std::optional<std::string>& s) { return s ? JsonStringBound(s->size()) : 4; }

template <typename... Strings>
size_t StringsBound(const Strings&... s) {
  return kObjectRoom + (StringBound(s) + ...);
}

char* PutNull(char* p) { return PutJsonLiteral(p, "null"); }
char* PutOptString(char* p, const std::optional<std::string>& s) { return s ? PutJsonString(p, *s) : PutNull(p); }
char* PutOptUInt(char* p, const std::optional<uint32_t>& v) { return v ? PutJsonUInt(p, *v) : PutNull(p); }
char* PutOptDouble(char* p, const std::optional<double>& v) { return v ? PutJsonDouble(p, *v) : PutNull(p); }

// The fields every span shares, after `{"text":`.
char* PutSpan(char* p, const std::string& text, uint32_t start, uint32_t end, uint32_t sentence) {
  p = PutJsonString(p, text);
  p = PutJsonLiteral(p, ",\"start\":");
  p = PutJsonUInt(p, start);
  p = PutJsonLiteral(p, ",\"end\":");
  p = PutJsonUInt(p, end);
  p = PutJsonLiteral(p, ",\"sentence\":");
  return PutJsonUInt(p, sentence);
}

// `"name":[` ... `]` around one object per element; `put(p, element)` writes the object.
template <size_t N, typename T, typename Bound, typename Put>
void PutArray(JsonRoom& room, const char (&name)[N], const std::vector<T>& items, Bound bound, Put put) {
  char* p = room.Reserve(N + 2);
  p = PutJsonLiteral(p, name);
  for (size_t i = 0; i < items.size(); ++i) {
    room.Commit(p);
    p = room.Reserve(bound(items[i]) + 2);  // a comma, the object, and room for the closing ']'
    if (i > 0) *p++ = ',';
    p = put(p, items[i]);
  }
  *p++ = ']';
  room.Commit(p);
}

char* PutActor(char* p, const ActorMention& a) {
  p = PutJsonLiteral(p, "{\"text\":");
  p = PutSpan(p, a.text, a.start, a.end, a.sentence);
  p = PutJsonLiteral(p, ",\"kind\":");
  p = PutJsonString(p, a.kind);
  p = PutJsonLiteral(p, ",\"code\":");
  p = PutJsonString(p, a.code);
  p = PutJsonLiteral(p, ",\"country\":");
  p = PutJsonString(p, a.country);
  p = PutJsonLiteral(p, ",\"sector\":");
  p = PutOptString(p, a.sector);
  p = PutJsonLiteral(p, ",\"name\":");
  p = PutJsonString(p, a.name);
  p = PutJsonLiteral(p, ",\"entity\":");
  p = a.entity < 0 ? PutNull(p) : PutJsonInt(p, a.entity);
  p = PutJsonLiteral(p, ",\"antecedent\":");
  p = PutOptUInt(p, a.antecedent);
  *p++ = '}';
  return p;
}

char* PutPlace(char* p, const Place& pl) {
  p = PutJsonLiteral(p, "{\"text\":");
  p = PutSpan(p, pl.text, pl.start, pl.end, pl.sentence);
  p = PutJsonLiteral(p, ",\"name\":");
  p = PutJsonString(p, pl.name);
  p = PutJsonLiteral(p, ",\"country\":");
  p = PutJsonString(p, pl.country);
  p = PutJsonLiteral(p, ",\"lat\":");
  p = PutOptDouble(p, pl.lat);
  p = PutJsonLiteral(p, ",\"lon\":");
  p = PutOptDouble(p, pl.lon);
  *p++ = '}';
  return p;
}

char* PutTime(char* p, const TimeExpr& t) {
  p = PutJsonLiteral(p, "{\"text\":");
  p = PutSpan(p, t.text, t.start, t.end, t.sentence);
  p = PutJsonLiteral(p, ",\"type\":");
  p = PutJsonString(p, t.type);
  p = PutJsonLiteral(p, ",\"value\":");
  p = PutJsonString(p, t.value);
  p = PutJsonLiteral(p, ",\"value_max\":");
  p = PutOptString(p, t.value_max);
  p = PutJsonLiteral(p, ",\"anchor\":");
  p = PutOptString(p, t.anchor);
  p = PutJsonLiteral(p, ",\"deadline\":");
  if (t.deadline) {
    p = PutJsonLiteral(p, "{\"earliest\":");
    p = PutJsonString(p, t.deadline->earliest);
    p = PutJsonLiteral(p, ",\"latest\":");
    p = PutJsonString(p, t.deadline->latest);
    *p++ = '}';
  } else {
    p = PutNull(p);
  }
  *p++ = '}';
  return p;
}

size_t TimeBound(const TimeExpr& t) {
  const size_t deadline = t.deadline ? StringBound(t.deadline->earliest) + StringBound(t.deadline->latest) : 0;
  return StringsBound(t.text, t.type, t.value, t.value_max, t.anchor) + deadline;
}

char* PutQuote(char* p, const Quote& q) {
  p = PutJsonLiteral(p, "{\"text\":");
  p = PutSpan(p, q.text, q.start, q.end, q.sentence);
  p = PutJsonLiteral(p, ",\"kind\":");
  p = PutJsonString(p, q.kind);
  p = PutJsonLiteral(p, ",\"speaker\":");
  p = PutOptString(p, q.speaker);
  p = PutJsonLiteral(p, ",\"speaker_code\":");
  p = PutOptString(p, q.speaker_code);
  p = PutJsonLiteral(p, ",\"speaker_start\":");
  p = PutOptUInt(p, q.speaker_start);
  p = PutJsonLiteral(p, ",\"speaker_end\":");
  p = PutOptUInt(p, q.speaker_end);
  p = PutJsonLiteral(p, ",\"cue\":");
  p = PutOptString(p, q.cue);
  *p++ = '}';
  return p;
}

char* PutLocation(char* p, const std::optional<EventLocation>& loc) {
  if (!loc) return PutNull(p);
  p = PutJsonLiteral(p, "{\"name\":");
  p = PutJsonString(p, loc->name);
  p = PutJsonLiteral(p, ",\"country\":");
  p = PutJsonString(p, loc->country);
  p = PutJsonLiteral(p, ",\"lat\":");
  p = PutOptDouble(p, loc->lat);
  p = PutJsonLiteral(p, ",\"lon\":");
  p = PutOptDouble(p, loc->lon);
  *p++ = '}';
  return p;
}

char* PutEvent(char* p, const Event& e) {
  p = PutJsonLiteral(p, "{\"source\":");
  p = PutJsonString(p, e.source);
  p = PutJsonLiteral(p, ",\"target\":");
  p = PutJsonString(p, e.target);
  p = PutJsonLiteral(p, ",\"code\":");
  p = PutJsonString(p, e.code);
  p = PutJsonLiteral(p, ",\"root\":");
  p = PutJsonString(p, e.root);
  p = PutJsonLiteral(p, ",\"plover\":");
  p = PutOptString(p, e.plover);
  p = PutJsonLiteral(p, ",\"quad_class\":");
  p = PutJsonInt(p, e.quad_class);
  p = PutJsonLiteral(p, ",\"goldstein\":");
  p = PutJsonDouble(p, e.goldstein);
  p = PutJsonLiteral(p, ",\"date\":");
  p = PutOptString(p, e.date);
  p = PutJsonLiteral(p, ",\"location\":");
  p = PutLocation(p, e.location);
  p = PutJsonLiteral(p, ",\"sentence\":");
  p = PutJsonUInt(p, e.sentence);
  p = PutJsonLiteral(p, ",\"mentions\":");
  p = PutJsonUInt(p, e.mentions);
  p = PutJsonLiteral(p, ",\"evidence\":");
  p = PutJsonString(p, e.evidence);
  p = PutJsonLiteral(p, ",\"source_text\":");
  p = PutJsonString(p, e.source_text);
  p = PutJsonLiteral(p, ",\"target_text\":");
  p = PutJsonString(p, e.target_text);
  p = PutJsonLiteral(p, ",\"verb_text\":");
  p = PutJsonString(p, e.verb_text);
  p = PutJsonLiteral(p, ",\"pattern\":");
  p = PutJsonString(p, e.pattern);
  p = PutJsonLiteral(p, ",\"modality\":");
  p = PutJsonString(p, e.modality);
  if (!e.explanation.empty()) {
    p = PutJsonLiteral(p, ",\"explanation\":");
    p = PutJsonString(p, e.explanation);
  }
  *p++ = '}';
  return p;
}

size_t EventBound(const Event& e) {
  const size_t location = e.location ? StringBound(e.location->name) + StringBound(e.location->country) : 0;
  return StringsBound(e.source, e.target, e.code, e.root, e.plover, e.date, e.evidence, e.source_text,
                      e.target_text, e.verb_text, e.pattern, e.modality, e.explanation) +
         location;
}

char* PutError(char* p, const DocError& e) {
  p = PutJsonLiteral(p, "{\"code\":");
  p = PutJsonString(p, e.code);
  p = PutJsonLiteral(p, ",\"message\":");
  p = PutJsonString(p, e.message);
  p = PutJsonLiteral(p, ",\"offset\":");
  p = e.offset ? PutJsonUInt(p, *e.offset) : PutNull(p);
  *p++ = '}';
  return p;
}

// From `{"schema":1` to the sentences.
void PutHead(JsonRoom& room, const CodedDocument& cd) {
  const Document& d = cd.doc;
  char* p = room.Reserve(StringsBound(d.id, d.title, d.published, d.url, d.source, d.text));
  p = PutJsonLiteral(p, "{\"schema\":");
  p = PutJsonInt(p, kSchemaVersion);
  p = PutJsonLiteral(p, ",\"id\":");
  p = PutJsonString(p, d.id);
  p = PutJsonLiteral(p, ",\"title\":");
  p = PutOptString(p, d.title);
  p = PutJsonLiteral(p, ",\"published\":");
  p = PutOptString(p, d.published);
  p = PutJsonLiteral(p, ",\"url\":");
  p = PutOptString(p, d.url);
  p = PutJsonLiteral(p, ",\"source\":");
  p = PutOptString(p, d.source);
  p = PutJsonLiteral(p, ",\"text\":");
  p = PutJsonString(p, d.text);
  room.Commit(p);
  // A sentence takes at most 2 x 10 digits and 20 bytes of names.
  p = room.Reserve(16 + 48 * cd.layer.sentences.size());
  p = PutJsonLiteral(p, ",\"sentences\":[");
  for (const auto& s : cd.layer.sentences) {
    if (&s != cd.layer.sentences.data()) *p++ = ',';
    p = PutJsonLiteral(p, "{\"start\":");
    p = PutJsonUInt(p, s.start);
    p = PutJsonLiteral(p, ",\"end\":");
    p = PutJsonUInt(p, s.end);
    *p++ = '}';
  }
  *p++ = ']';
  room.Commit(p);
}

void PutCaptions(JsonRoom& room, const std::vector<std::string>& captions) {
  if (captions.empty()) return;  // the contract leaves the field out
  PutArray(room, ",\"captions\":[", captions, [](const std::string& c) { return StringBound(c); }, PutJsonString);
}

}  // namespace

void WriteJson(const CodedDocument& cd, std::string* out) {
  JsonRoom room(out);
  PutHead(room, cd);
  PutArray(room, ",\"actors\":[", cd.actors,
           [](const ActorMention& a) { return StringsBound(a.text, a.kind, a.code, a.country, a.sector, a.name); },
           PutActor);
  PutArray(room, ",\"places\":[", cd.places,
           [](const Place& p) { return StringsBound(p.text, p.name, p.country); }, PutPlace);
  PutArray(room, ",\"times\":[", cd.times, TimeBound, PutTime);
  PutArray(room, ",\"quotes\":[", cd.quotes,
           [](const Quote& q) { return StringsBound(q.text, q.kind, q.speaker, q.speaker_code, q.cue); },
           PutQuote);
  PutArray(room, ",\"events\":[", cd.events, EventBound, PutEvent);
  PutArray(room, ",\"errors\":[", cd.doc.errors,
           [](const DocError& e) { return StringsBound(e.code, e.message); }, PutError);
  PutCaptions(room, cd.doc.captions);
  char* p = room.Reserve(1);
  *p++ = '}';
  room.Commit(p);
}

}  // namespace parley::output
