#include "output/json_writer.h"
#include "output/writers.h"

namespace parley::output {
namespace {

void Span(JsonWriter& w, const std::string& text, uint32_t start, uint32_t end, uint32_t sentence) {
  w.Field("text", text);
  w.Field("start", static_cast<int64_t>(start));
  w.Field("end", static_cast<int64_t>(end));
  w.Field("sentence", static_cast<int64_t>(sentence));
}

void WriteActors(JsonWriter& w, const std::vector<ActorMention>& actors) {
  w.Key("actors");
  w.BeginArray();
  for (const auto& a : actors) {
    w.BeginObject();
    Span(w, a.text, a.start, a.end, a.sentence);
    w.Field("kind", a.kind);
    w.Field("code", a.code);
    w.Field("country", a.country);
    w.Field("sector", a.sector);
    w.Field("name", a.name);
    w.Key("entity");
    a.entity < 0 ? w.Null() : w.Int(a.entity);
    w.Key("antecedent");
    a.antecedent ? w.Int(*a.antecedent) : w.Null();
    w.EndObject();
  }
  w.EndArray();
}

void WritePlaces(JsonWriter& w, const std::vector<Place>& places) {
  w.Key("places");
  w.BeginArray();
  for (const auto& p : places) {
    w.BeginObject();
    Span(w, p.text, p.start, p.end, p.sentence);
    w.Field("name", p.name);
    w.Field("country", p.country);
    w.Key("lat");
    w.OptDouble(p.lat);
    w.Key("lon");
    w.OptDouble(p.lon);
    w.EndObject();
  }
  w.EndArray();
}

void WriteTimes(JsonWriter& w, const std::vector<TimeExpr>& times) {
  w.Key("times");
  w.BeginArray();
  for (const auto& t : times) {
    w.BeginObject();
    Span(w, t.text, t.start, t.end, t.sentence);
    w.Field("type", t.type);
    w.Field("value", t.value);
    w.Field("value_max", t.value_max);
    w.Field("anchor", t.anchor);
    w.Key("deadline");
    if (t.deadline) {
      w.BeginObject();
      w.Field("earliest", t.deadline->earliest);
      w.Field("latest", t.deadline->latest);
      w.EndObject();
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray();
}

void WriteQuotes(JsonWriter& w, const std::vector<Quote>& quotes) {
  w.Key("quotes");
  w.BeginArray();
  for (const auto& q : quotes) {
    w.BeginObject();
    Span(w, q.text, q.start, q.end, q.sentence);
    w.Field("kind", q.kind);
    w.Field("speaker", q.speaker);
    w.Field("speaker_code", q.speaker_code);
    w.Key("speaker_start");
    q.speaker_start ? w.Int(*q.speaker_start) : w.Null();
    w.Key("speaker_end");
    q.speaker_end ? w.Int(*q.speaker_end) : w.Null();
    w.Field("cue", q.cue);
    w.EndObject();
  }
  w.EndArray();
}

void WriteLocation(JsonWriter& w, const std::optional<EventLocation>& loc) {
  w.Key("location");
  if (!loc) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Field("name", loc->name);
  w.Field("country", loc->country);
  w.Key("lat");
  w.OptDouble(loc->lat);
  w.Key("lon");
  w.OptDouble(loc->lon);
  w.EndObject();
}

void WriteEvents(JsonWriter& w, const std::vector<Event>& events) {
  w.Key("events");
  w.BeginArray();
  for (const auto& e : events) {
    w.BeginObject();
    w.Field("source", e.source);
    w.Field("target", e.target);
    w.Field("code", e.code);
    w.Field("root", e.root);
    w.Field("plover", e.plover);
    w.Field("quad_class", static_cast<int64_t>(e.quad_class));
    w.Key("goldstein");
    w.Double(e.goldstein);
    w.Field("date", e.date);
    WriteLocation(w, e.location);
    w.Field("sentence", static_cast<int64_t>(e.sentence));
    w.Field("mentions", static_cast<int64_t>(e.mentions));
    w.Field("evidence", e.evidence);
    w.Field("source_text", e.source_text);
    w.Field("target_text", e.target_text);
    w.Field("verb_text", e.verb_text);
    w.Field("pattern", e.pattern);
    w.Field("modality", e.modality);
    if (!e.explanation.empty()) w.Field("explanation", e.explanation);
    w.EndObject();
  }
  w.EndArray();
}

void WriteErrors(JsonWriter& w, const std::vector<DocError>& errors) {
  w.Key("errors");
  w.BeginArray();
  for (const auto& e : errors) {
    w.BeginObject();
    w.Field("code", e.code);
    w.Field("message", e.message);
    w.Key("offset");
    e.offset ? w.Int(static_cast<int64_t>(*e.offset)) : w.Null();
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

void WriteJson(const CodedDocument& cd, std::string* out) {
  const Document& d = cd.doc;
  JsonWriter w(out);
  w.BeginObject();
  w.Field("schema", static_cast<int64_t>(kSchemaVersion));
  w.Field("id", d.id);
  w.Field("title", d.title);
  w.Field("published", d.published);
  w.Field("url", d.url);
  w.Field("source", d.source);
  w.Field("text", d.text);
  w.Key("sentences");
  w.BeginArray();
  for (const auto& s : cd.layer.sentences) {
    w.BeginObject();
    w.Field("start", static_cast<int64_t>(s.start));
    w.Field("end", static_cast<int64_t>(s.end));
    w.EndObject();
  }
  w.EndArray();
  WriteActors(w, cd.actors);
  WritePlaces(w, cd.places);
  WriteTimes(w, cd.times);
  WriteQuotes(w, cd.quotes);
  WriteEvents(w, cd.events);
  WriteErrors(w, d.errors);
  if (!d.captions.empty()) {
    w.Key("captions");
    w.BeginArray();
    for (const auto& c : d.captions) w.String(c);
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace parley::output
