// The store through its library interface, with CodedDocuments built here: every contract field
// round-trips, idempotent puts, versions, recoding, deduplication across articles, every event
// filter against a reference predicate, bad filter values, refusals of foreign, corrupt, newer
// and locked databases, and the small pure functions (dates, hash, FIPS).
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "common/testing.h"
#include "store_fixture.h"
#include "parley/store.h"

namespace parley::store {
bool IsoToFipsTableIsSorted();
}

namespace parley::testing {
namespace {

using store::EventFilter;
using store::Store;

int QuadOf(const std::string& code) {
  const int root = std::stoi(code.substr(0, 2));
  return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

Event MakeEvent(const std::string& source, const std::string& target, const std::string& code,
                std::optional<std::string> date, const std::string& modality,
                const std::string& evidence) {
  Event e;
  e.source = source;
  e.target = target;
  e.code = code;
  e.root = code.substr(0, 2);
  e.plover = QuadOf(code) >= 3 ? std::optional<std::string>("ACCUSE") : std::nullopt;
  e.quad_class = QuadOf(code);
  e.goldstein = QuadOf(code) >= 3 ? -2.5 - static_cast<double>(code.size()) : 3.0;
  e.date = std::move(date);
  e.evidence = evidence;
  e.source_text = source + " text";
  e.target_text = target + " text";
  e.verb_text = "verb";
  e.pattern = "pattern." + code;
  e.modality = modality;
  return e;
}

// A document whose text holds one sentence per event (so evidence spans exist).
CodedDocument MakeDoc(const std::string& id, const std::string& salt, std::vector<Event> events,
                      std::optional<std::string> url = std::nullopt,
                      std::optional<std::string> source = std::string("Wire")) {
  CodedDocument cd;
  cd.doc.id = id;
  cd.doc.title = "Title " + id;
  cd.doc.published = "2025-07-29";
  cd.doc.url = std::move(url);
  cd.doc.source = std::move(source);
  cd.doc.format = InputFormat::kJsonl;
  for (size_t i = 0; i < events.size(); ++i) {
    const uint32_t start = static_cast<uint32_t>(cd.doc.text.size());
    cd.doc.text += events[i].evidence + " ";
    cd.layer.sentences.push_back(Sentence{start, static_cast<uint32_t>(cd.doc.text.size() - 1), 0, 0,
                                          static_cast<uint32_t>(i)});
    events[i].sentence = static_cast<uint32_t>(i);
  }
  cd.doc.text += salt;
  cd.events = std::move(events);
  return cd;
}

class StoreTest : public StoreFixture {
 protected:
  using StoreFixture::Put;
  store::PutOutcome Put(const CodedDocument& cd, bool recode = false) {
    return Put(cd, store::HashDocument(cd.doc), recode);
  }
  store::Totals Totals() {
    auto t = store_->Count();
    EXPECT_TRUE(t.ok());
    return t.ok() ? *t : store::Totals{};
  }

};

CodedDocument FullDoc() {
  CodedDocument cd = MakeDoc("full", "Peskov spoke.", {MakeEvent("USAGOV", "RUSGOV", "112", "2025-07-28", "asserted", "Trump accused Putin.")},
                             "https://example.org/a");
  cd.doc.captions = {"A caption", "Another"};
  cd.doc.errors.push_back(DocError{"invalid_utf8", "3 invalid bytes replaced", 12});
  cd.doc.errors.push_back(DocError{"boilerplate", "a line was dropped", std::nullopt});
  cd.actors.push_back(ActorMention{"Dmitry Peskov", 0, 13, 0, "actor", "RUSGOV", "RUS", "GOV", "Dmitry Peskov", 3, std::nullopt});
  cd.actors.push_back(ActorMention{"he", 20, 22, 0, "pronoun", "RUSGOV", "RUS", std::nullopt, "Dmitry Peskov", 3, 0u});
  cd.places.push_back(Place{"Istanbul", 1, 9, 0, "Istanbul", "TUR", 41.01, 28.95});
  cd.places.push_back(Place{"Somewhere", 2, 11, 0, "Somewhere", "XXX", std::nullopt, std::nullopt});
  cd.times.push_back(TimeExpr{"within 10 to 12 days", 3, 23, 0, "DURATION", "P10D", "P12D", "2025-07-28",
                              Deadline{"2025-08-07", "2025-08-09"}});
  cd.times.push_back(TimeExpr{"Tuesday", 4, 11, 0, "DATE", "2025-07-29", std::nullopt, std::nullopt, std::nullopt});
  cd.quotes.push_back(Quote{"So far, nothing", 5, 20, 0, "direct", "Dmitry Peskov", "RUSGOV", 30u, 43u, "told reporters"});
  cd.quotes.push_back(Quote{"talks stalled", 6, 19, 0, "indirect", std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
  cd.events[0].location = EventLocation{"Istanbul", "TUR", 41.01, 28.95};
  cd.events[0].mentions = 2;
  cd.events[0].explanation = "because";
  cd.events.push_back(MakeEvent("RUS", "UKR", "190", std::nullopt, "negated", "No fighting."));
  return cd;
}

TEST_F(StoreTest, EveryContractFieldRoundTrips) {
  const CodedDocument in = FullDoc();
  ASSERT_EQ(Put(in), store::PutOutcome::kNew);
  auto loaded = store_->LoadDocuments({"full"});
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  ASSERT_EQ(loaded->size(), 1u);
  const CodedDocument& out = (*loaded)[0];
  EXPECT_EQ(out.doc.id, in.doc.id);
  EXPECT_EQ(out.doc.title, in.doc.title);
  EXPECT_EQ(out.doc.published, in.doc.published);
  EXPECT_EQ(out.doc.url, in.doc.url);
  EXPECT_EQ(out.doc.source, in.doc.source);
  EXPECT_EQ(out.doc.text, in.doc.text);
  EXPECT_EQ(out.doc.captions, in.doc.captions);
  EXPECT_EQ(out.doc.format, in.doc.format);
  ASSERT_EQ(out.doc.errors.size(), 2u);
  EXPECT_EQ(out.doc.errors[0].code, "invalid_utf8");
  EXPECT_EQ(out.doc.errors[0].offset, std::optional<uint64_t>(12));
  EXPECT_EQ(out.doc.errors[1].offset, std::nullopt);
  ASSERT_EQ(out.layer.sentences.size(), in.layer.sentences.size());
  for (size_t i = 0; i < in.layer.sentences.size(); ++i) {
    EXPECT_EQ(out.layer.sentences[i].start, in.layer.sentences[i].start);
    EXPECT_EQ(out.layer.sentences[i].end, in.layer.sentences[i].end);
    EXPECT_EQ(out.layer.sentences[i].paragraph, in.layer.sentences[i].paragraph);
  }
  ASSERT_EQ(out.actors.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const auto &a = in.actors[i], &b = out.actors[i];
    EXPECT_EQ(std::tie(a.text, a.start, a.end, a.sentence, a.kind, a.code, a.country, a.sector, a.name, a.entity, a.antecedent),
              std::tie(b.text, b.start, b.end, b.sentence, b.kind, b.code, b.country, b.sector, b.name, b.entity, b.antecedent));
  }
  ASSERT_EQ(out.places.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const auto &a = in.places[i], &b = out.places[i];
    EXPECT_EQ(std::tie(a.text, a.start, a.end, a.sentence, a.name, a.country, a.lat, a.lon),
              std::tie(b.text, b.start, b.end, b.sentence, b.name, b.country, b.lat, b.lon));
  }
  ASSERT_EQ(out.times.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const auto &a = in.times[i], &b = out.times[i];
    EXPECT_EQ(std::tie(a.text, a.start, a.end, a.sentence, a.type, a.value, a.value_max, a.anchor),
              std::tie(b.text, b.start, b.end, b.sentence, b.type, b.value, b.value_max, b.anchor));
    EXPECT_EQ(a.deadline.has_value(), b.deadline.has_value());
    if (a.deadline && b.deadline) {
      EXPECT_EQ(a.deadline->earliest, b.deadline->earliest);
      EXPECT_EQ(a.deadline->latest, b.deadline->latest);
    }
  }
  ASSERT_EQ(out.quotes.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const auto &a = in.quotes[i], &b = out.quotes[i];
    EXPECT_EQ(std::tie(a.text, a.start, a.end, a.sentence, a.kind, a.speaker, a.speaker_code, a.speaker_start, a.speaker_end, a.cue),
              std::tie(b.text, b.start, b.end, b.sentence, b.kind, b.speaker, b.speaker_code, b.speaker_start, b.speaker_end, b.cue));
  }
  ASSERT_EQ(out.events.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const auto &a = in.events[i], &b = out.events[i];
    EXPECT_EQ(std::tie(a.source, a.target, a.code, a.root, a.plover, a.quad_class, a.goldstein, a.date, a.sentence, a.mentions),
              std::tie(b.source, b.target, b.code, b.root, b.plover, b.quad_class, b.goldstein, b.date, b.sentence, b.mentions));
    EXPECT_EQ(std::tie(a.evidence, a.source_text, a.target_text, a.verb_text, a.pattern, a.modality, a.explanation),
              std::tie(b.evidence, b.source_text, b.target_text, b.verb_text, b.pattern, b.modality, b.explanation));
    EXPECT_EQ(a.location.has_value(), b.location.has_value());
    if (a.location && b.location) {
      EXPECT_EQ(std::tie(a.location->name, a.location->country, a.location->lat, a.location->lon),
                std::tie(b.location->name, b.location->country, b.location->lat, b.location->lon));
    }
  }
}

TEST_F(StoreTest, SameContentIsStoredOnce) {
  const CodedDocument d = FullDoc();
  ASSERT_EQ(Put(d), store::PutOutcome::kNew);
  const store::Totals before = Totals();
  CodedDocument again = d;
  again.doc.id = "another/path/same-article.txt";  // the id does not make it another article
  EXPECT_EQ(Put(again), store::PutOutcome::kDuplicate);
  EXPECT_EQ(Put(d), store::PutOutcome::kDuplicate);
  const store::Totals after = Totals();
  EXPECT_EQ(after.versions, before.versions);
  EXPECT_EQ(after.mentions, before.mentions);
  EXPECT_EQ(after.quotes, before.quotes);
  EXPECT_EQ(after.actors, before.actors);
  auto has = store_->HasContent(store::HashDocument(d.doc));
  ASSERT_TRUE(has.ok());
  EXPECT_TRUE(*has);
}

TEST_F(StoreTest, SameUrlWithNewContentIsANewVersion) {
  CodedDocument v1 = MakeDoc("a", "first", {MakeEvent("USA", "RUS", "112", "2025-07-01", "asserted", "One.")}, "https://x.org/a");
  CodedDocument v2 = MakeDoc("a", "second", {MakeEvent("USA", "CHN", "042", "2025-07-02", "asserted", "Two."),
                                             MakeEvent("USA", "IRN", "130", "2025-07-02", "asserted", "Three.")},
                             "https://x.org/a");
  ASSERT_EQ(Put(v1), store::PutOutcome::kNew);
  ASSERT_EQ(Put(v2), store::PutOutcome::kNewVersion);
  const store::Totals t = Totals();
  EXPECT_EQ(t.documents, 1);
  EXPECT_EQ(t.versions, 2);
  EXPECT_EQ(t.mentions, 2);
  EXPECT_EQ(t.events, 2);
  auto events = store_->Events(EventFilter{});
  ASSERT_TRUE(events.ok());
  for (const auto& e : *events) EXPECT_NE(e.first.event.target, "RUS") << "the old version's events must go";
  // The superseded content is remembered: offering it again does not bring it back.
  EXPECT_EQ(Put(v1), store::PutOutcome::kDuplicate);
  auto docs = store_->LoadDocuments({"a"});
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].doc.text, v2.doc.text);
}

TEST_F(StoreTest, RecodeReplacesAnnotationsAndKeepsTheDocument) {
  CodedDocument d = MakeDoc("r", "salt", {MakeEvent("USA", "RUS", "112", "2025-07-01", "asserted", "One.")});
  ASSERT_EQ(Put(d), store::PutOutcome::kNew);
  d.events = {MakeEvent("USA", "RUS", "172", "2025-07-01", "asserted", "One."),
              MakeEvent("RUS", "USA", "111", "2025-07-01", "asserted", "One.")};
  EXPECT_EQ(Put(d, /*recode=*/false), store::PutOutcome::kDuplicate);
  EXPECT_EQ(Put(d, /*recode=*/true), store::PutOutcome::kRecoded);
  const store::Totals t = Totals();
  EXPECT_EQ(t.versions, 1);
  EXPECT_EQ(t.mentions, 2);
  EXPECT_EQ(t.events, 2);
  EXPECT_EQ(t.sentences, 1);
  EventFilter f;
  f.code = "112";
  auto old = store_->Events(f);
  ASSERT_TRUE(old.ok());
  EXPECT_TRUE(old->empty());
}

TEST_F(StoreTest, SameEventInSeveralArticlesIsOneEventWithCounts) {
  const Event e = MakeEvent("USAGOV", "RUSGOV", "112", "2025-07-28", "asserted", "Trump accused Putin.");
  CodedDocument a = MakeDoc("a", "1", {e}, std::nullopt, std::string("Reuters"));
  a.events[0].mentions = 2;
  CodedDocument b = MakeDoc("b", "2", {e}, std::nullopt, std::string("AP"));
  CodedDocument c = MakeDoc("c", "3", {e}, std::nullopt, std::string("AP"));
  CodedDocument other = MakeDoc("d", "4", {MakeEvent("USAGOV", "RUSGOV", "112", "2025-07-29", "asserted", "Again.")});
  for (const auto* d : {&a, &b, &c, &other}) ASSERT_EQ(Put(*d), store::PutOutcome::kNew);
  auto events = store_->Events(EventFilter{});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  const store::StoredEvent& ev = (*events)[0];
  EXPECT_EQ(ev.first.event.date, "2025-07-28");
  EXPECT_EQ(ev.mentions, 4);  // 2 + 1 + 1
  EXPECT_EQ(ev.articles, 3);
  EXPECT_EQ(ev.sources, 2);   // Reuters, AP
  EXPECT_EQ(ev.first.doc.id, "a");
  EXPECT_EQ((*events)[1].articles, 1);
  auto mentions = store_->Mentions(EventFilter{});
  ASSERT_TRUE(mentions.ok());
  ASSERT_EQ(mentions->size(), 4u);
  EXPECT_EQ((*mentions)[0].event_id, (*mentions)[2].event_id);
  EXPECT_EQ((*mentions)[1].doc.id, "b");
  EXPECT_EQ((*mentions)[1].event.evidence, "Trump accused Putin.");
}

// ---- Every filter, against a reference predicate over the same synthetic events. ----

struct Fixture {
  std::string doc;
  Event event;
};

std::vector<Fixture> FilterFixtures() {
  return {
      {"f1", MakeEvent("USAGOV", "RUSGOV", "112", "2025-07-28", "asserted", "Washington accused Moscow of stalling talks.")},
      {"f1", MakeEvent("RUSGOV", "USAGOV", "130", "2025-07-29", "hypothetical", "Moscow threatened Washington with retaliation.")},
      {"f2", MakeEvent("RUSMIL", "UKRMIL", "190", "2025-06-15", "reported", "Russian troops shelled Ukrainian positions.")},
      {"f2", MakeEvent("UKRGOV", "RUSGOV", "1041", "2025-06-16", "asserted", "Kyiv demanded a ceasefire from Moscow.")},
      {"f3", MakeEvent("IGOUNO", "SYRGOV", "042", "2024-12-31", "asserted", "The United Nations envoy visited Damascus.")},
      {"f3", MakeEvent("CHN", "USA", "138", "2025-01-01", "negated", "Beijing did not threaten tariffs on American goods.")},
      {"f4", MakeEvent("USA", "CHN", "163", "2025-07", "asserted", "Washington imposed an embargo on Chinese chips.")},
      {"f4", MakeEvent("TUR", "RUS", "057", "2016/2018", "asserted", "Ankara signed agreements with Moscow over the years.")},
      {"f5", MakeEvent("FRA", "DEU", "036", std::nullopt, "asserted", "Paris expressed intent to meet Berlin.")},
  };
}

bool Prefix(const std::string& s, const std::optional<std::string>& p) { return !p || s.rfind(*p, 0) == 0; }

// The reference: a slow, obvious reading of each filter (dates as intervals written out here).
bool Matches(const Event& e, const EventFilter& f) {
  static const std::map<std::string, std::pair<std::string, std::string>> kIntervals = {
      {"2025-07", {"2025-07-01", "2025-07-31"}}, {"2016/2018", {"2016-01-01", "2018-12-31"}}};
  if (!Prefix(e.source, f.source) || !Prefix(e.target, f.target) || !Prefix(e.code, f.code)) return false;
  if (f.actor && !Prefix(e.source, f.actor) && !Prefix(e.target, f.actor)) return false;
  if (f.dyad && !((Prefix(e.source, f.dyad->first) && Prefix(e.target, f.dyad->second)) ||
                  (Prefix(e.source, f.dyad->second) && Prefix(e.target, f.dyad->first)))) return false;
  if (f.quad && e.quad_class != *f.quad) return false;
  if (f.modality && e.modality != *f.modality) return false;
  if (f.since || f.until) {
    if (!e.date) return false;
    auto it = kIntervals.find(*e.date);
    const std::string lo = it != kIntervals.end() ? it->second.first : *e.date;
    const std::string hi = it != kIntervals.end() ? it->second.second : *e.date;
    if (f.since && hi < *f.since) return false;
    if (f.until && lo > *f.until) return false;
  }
  return true;
}

class FilterTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    std::map<std::string, std::vector<Event>> by_doc;
    for (const auto& fx : FilterFixtures()) by_doc[fx.doc].push_back(fx.event);
    for (auto& [id, events] : by_doc) ASSERT_EQ(Put(MakeDoc(id, id, events)), store::PutOutcome::kNew);
  }
  std::multiset<std::string> Got(const EventFilter& f) {
    auto rows = store_->Events(f);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    std::multiset<std::string> out;
    if (rows.ok()) for (const auto& r : *rows) out.insert(r.first.event.evidence);
    return out;
  }
};

TEST_F(FilterTest, EveryFilterMatchesTheReference) {
  struct Case {
    const char* name;
    EventFilter f;
  };
  auto with = [](auto set) {
    EventFilter f;
    set(f);
    return f;
  };
  const std::vector<Case> cases = {
      {"none", EventFilter{}},
      {"source country", with([](EventFilter& f) { f.source = "RUS"; })},
      {"source full code", with([](EventFilter& f) { f.source = "usagov"; })},
      {"target", with([](EventFilter& f) { f.target = "RUS"; })},
      {"actor either side", with([](EventFilter& f) { f.actor = "USA"; })},
      {"dyad both directions", with([](EventFilter& f) { f.dyad = std::make_pair("USA", "RUS"); })},
      {"dyad reversed", with([](EventFilter& f) { f.dyad = std::make_pair("RUS", "USA"); })},
      {"code root", with([](EventFilter& f) { f.code = "13"; })},
      {"code three digits", with([](EventFilter& f) { f.code = "104"; })},
      {"code four digits", with([](EventFilter& f) { f.code = "1041"; })},
      {"quad 3", with([](EventFilter& f) { f.quad = 3; })},
      {"quad 4", with([](EventFilter& f) { f.quad = 4; })},
      {"since day", with([](EventFilter& f) { f.since = "2025-06-16"; })},
      {"until day", with([](EventFilter& f) { f.until = "2025-01-01"; })},
      {"since month", with([](EventFilter& f) { f.since = "2025-07"; })},
      {"until year", with([](EventFilter& f) { f.until = "2017"; })},
      {"window", with([](EventFilter& f) { f.since = "2025-07-15"; f.until = "2025-07-28"; })},
      {"modality", with([](EventFilter& f) { f.modality = "negated"; })},
      {"modality reported", with([](EventFilter& f) { f.modality = "reported"; })},
      {"combined", with([](EventFilter& f) { f.actor = "RUS"; f.quad = 3; f.since = "2025"; })},
  };
  for (auto c : cases) {
    SCOPED_TRACE(c.name);
    ASSERT_TRUE(store::ValidateEventFilter(&c.f).ok());
    std::multiset<std::string> want;
    for (const auto& fx : FilterFixtures()) {
      if (Matches(fx.event, c.f)) want.insert(fx.event.evidence);
    }
    EXPECT_EQ(Got(c.f), want);
  }
}

TEST_F(FilterTest, TextSearchAndLimit) {
  EventFilter f;
  f.text = "Moscow";
  ASSERT_TRUE(store::ValidateEventFilter(&f).ok());
  std::multiset<std::string> want;
  for (const auto& fx : FilterFixtures()) {
    if (fx.event.evidence.find("Moscow") != std::string::npos) want.insert(fx.event.evidence);
  }
  EXPECT_EQ(Got(f), want);
  f.text = "embargo AND chips";
  EXPECT_EQ(Got(f).size(), 1u);
  f.text = "nonexistentword";
  EXPECT_TRUE(Got(f).empty());
  EventFilter limited;
  limited.limit = 3;
  EXPECT_EQ(Got(limited).size(), 3u);
  EventFilter bad;
  bad.text = "\"unbalanced";
  auto r = store_->Events(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

TEST(FilterValidationTest, BadValuesAreRefusedWithTheOptionName) {
  struct Case {
    const char* option;
    std::function<void(EventFilter&)> set;
  };
  const std::vector<Case> cases = {
      {"--source", [](EventFilter& f) { f.source = "RU"; }},
      {"--source", [](EventFilter& f) { f.source = "RUS1"; }},
      {"--target", [](EventFilter& f) { f.target = "RUSG"; }},
      {"--actor", [](EventFilter& f) { f.actor = "R S"; }},
      {"--dyad", [](EventFilter& f) { f.dyad = std::make_pair("USA", ""); }},
      {"--code", [](EventFilter& f) { f.code = "1"; }},
      {"--code", [](EventFilter& f) { f.code = "12345"; }},
      {"--code", [](EventFilter& f) { f.code = "1a"; }},
      {"--quad", [](EventFilter& f) { f.quad = 5; }},
      {"--quad", [](EventFilter& f) { f.quad = 0; }},
      {"--since", [](EventFilter& f) { f.since = "2025-13-01"; }},
      {"--since", [](EventFilter& f) { f.since = "yesterday"; }},
      {"--until", [](EventFilter& f) { f.until = "2025-02-30"; }},
      {"--since", [](EventFilter& f) { f.since = "2025-08-01"; f.until = "2025-07-01"; }},
      {"--modality", [](EventFilter& f) { f.modality = "maybe"; }},
      {"--text", [](EventFilter& f) { f.text = "  "; }},
      {"--limit", [](EventFilter& f) { f.limit = 0; }},
  };
  for (const auto& c : cases) {
    EventFilter f;
    c.set(f);
    Status st = store::ValidateEventFilter(&f);
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << c.option;
    EXPECT_NE(st.message().find(c.option), std::string::npos) << st.message();
  }
}

TEST_F(StoreTest, QuotesBySpeakerNameOrCodeAndDate) {
  CodedDocument a = MakeDoc("qa", "a", {});
  a.quotes.push_back(Quote{"Talks are going nowhere", 0, 5, 0, "direct", "Dmitry Peskov", "RUSGOV", 0u, 1u, "told reporters"});
  a.quotes.push_back(Quote{"We will respond", 0, 5, 0, "partial", "Sergei Lavrov", "RUSGOV", 0u, 1u, "said"});
  CodedDocument b = MakeDoc("qb", "b", {});
  b.doc.published = "2025-08-02";
  b.quotes.push_back(Quote{"Sanctions are coming", 0, 5, 0, "indirect", "Donald Trump", "USAGOV", 0u, 1u, "said"});
  ASSERT_EQ(Put(a), store::PutOutcome::kNew);
  ASSERT_EQ(Put(b), store::PutOutcome::kNew);
  struct Case {
    std::optional<std::string> speaker, since, until;
    size_t want;
  };
  const std::vector<Case> cases = {{std::nullopt, std::nullopt, std::nullopt, 3}, {"peskov", std::nullopt, std::nullopt, 1},
                                   {"RUSGOV", std::nullopt, std::nullopt, 2},     {"RUS", std::nullopt, std::nullopt, 2},
                                   {"USA", "2025-08", std::nullopt, 1},           {std::nullopt, std::nullopt, "2025-07", 2},
                                   {"Trump", std::nullopt, "2025-07-31", 0},     {"100%_", std::nullopt, std::nullopt, 0}};
  for (const auto& c : cases) {
    store::QuoteFilter f{c.speaker, c.since, c.until, std::nullopt};
    ASSERT_TRUE(store::ValidateQuoteFilter(&f).ok());
    auto rows = store_->Quotes(f);
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    EXPECT_EQ(rows->size(), c.want) << c.speaker.value_or("-") << " " << c.since.value_or("-");
  }
  store::QuoteFilter bad{std::nullopt, "July", std::nullopt, std::nullopt};
  EXPECT_EQ(store::ValidateQuoteFilter(&bad).code(), StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, DyadEventsGoBothWaysInDateOrder) {
  ASSERT_EQ(Put(MakeDoc("d", "d", {MakeEvent("USAGOV", "RUSGOV", "112", "2025-07-28", "asserted", "a"),
                                   MakeEvent("RUS", "USA", "042", "2025-07-01", "asserted", "b"),
                                   MakeEvent("RUS", "UKR", "190", "2025-07-02", "asserted", "c"),
                                   MakeEvent("USA", "RUS", "036", std::nullopt, "asserted", "undated")})),
            store::PutOutcome::kNew);
  auto rows = store_->DyadEvents("USA", "RUS", std::nullopt, std::nullopt);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].date, "2025-07-01");
  EXPECT_FALSE((*rows)[0].forward);
  EXPECT_EQ((*rows)[0].quad_class, 1);
  EXPECT_EQ((*rows)[0].last_date, "2025-07-01");
  EXPECT_TRUE((*rows)[1].forward);
  EXPECT_EQ((*rows)[1].quad_class, 3);
  auto since = store_->DyadEvents("USA", "RUS", std::string("2025-07-02"), std::nullopt);
  ASSERT_TRUE(since.ok());
  EXPECT_EQ(since->size(), 1u);
}

// ---- Opening: refusals change nothing. ----

std::string FileBytes(const std::string& path) { return ReadFileOrDie(path); }

TEST(StoreOpenTest, RefusesForeignCorruptNewerAndLockedDatabases) {
  const std::string dir = TempDir();
  // Not parley's: a SQLite database with someone else's table.
  const std::string foreign = dir + "/foreign.db";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(foreign.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  // Not SQLite at all.
  const std::string text = dir + "/notes.db";
  std::ofstream(text) << "this is not a database, just some notes that happen to be long enough to look like a header"
                      << std::string(200, 'x');
  // A parley database from a newer parley.
  const std::string newer = dir + "/newer.db";
  { ASSERT_TRUE(Store::Open(newer, Store::Mode::kReadWrite).ok()); }
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(newer.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  // A parley database with a damaged page (the header stays valid).
  const std::string corrupt = dir + "/corrupt.db";
  {
    auto s = Store::Open(corrupt, Store::Mode::kReadWrite);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->Begin().ok());
    for (int i = 0; i < 30; ++i) {
      ASSERT_TRUE((*s)->Put(MakeDoc("c" + std::to_string(i), std::string(3000, 'a' + i % 26),
                                    {MakeEvent("USA", "RUS", "112", "2025-07-01", "asserted", "x")}),
                            store::DocHashes{"h" + std::to_string(i), "t" + std::to_string(i)}, false).ok());
    }
    ASSERT_TRUE((*s)->Commit().ok());
  }
  {
    // Pages 2 and 3, headers included, whatever the page size (header bytes 16-17).
    const std::string bytes = FileBytes(corrupt);
    ASSERT_GT(bytes.size(), 100u);
    const size_t raw = (static_cast<unsigned char>(bytes[16]) << 8) | static_cast<unsigned char>(bytes[17]);
    const size_t page = raw == 1 ? 65536 : raw;
    ASSERT_GE(bytes.size(), 3 * page) << "the database should span at least three pages";
    std::fstream f(corrupt, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(page));
    const std::string junk(2 * page, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  struct Case {
    std::string path;
    const char* says;
  };
  for (const Case& c : {Case{foreign, "not parley's"}, Case{text, "not a SQLite database"},
                        Case{newer, "newer parley"}, Case{corrupt, "corrupt"}}) {
    const std::string before = FileBytes(c.path);
    for (auto mode : {Store::Mode::kReadWrite, Store::Mode::kReadOnly}) {
      // Readers do not scan the whole file on open: a damaged page shows when a query reads it.
      if (mode == Store::Mode::kReadOnly && c.path == corrupt) continue;
      auto s = Store::Open(c.path, mode);
      ASSERT_FALSE(s.ok()) << c.path;
      EXPECT_NE(s.status().message().find(c.says), std::string::npos) << s.status().message();
    }
    EXPECT_EQ(FileBytes(c.path), before) << c.path << " was changed";
  }
  EXPECT_EQ(Store::Open(dir + "/missing.db", Store::Mode::kReadOnly).status().code(), StatusCode::kNotFound);
  std::filesystem::remove_all(dir);
}

TEST(StoreOpenTest, RefusesADatabaseLockedByAnotherWriter) {
  const std::string dir = TempDir();
  const std::string path = dir + "/locked.db";
  { ASSERT_TRUE(Store::Open(path, Store::Mode::kReadWrite).ok()); }
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  auto s = Store::Open(path, Store::Mode::kReadWrite);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kConflict);
  EXPECT_NE(s.status().message().find("locked by another writer"), std::string::npos) << s.status().message();
  // Readers are not blocked by a writer (WAL).
  EXPECT_TRUE(Store::Open(path, Store::Mode::kReadOnly).ok());
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_TRUE(Store::Open(path, Store::Mode::kReadWrite).ok());
  std::filesystem::remove_all(dir);
}

TEST(StoreOpenTest, NewDatabaseIsVersionedAndInWalMode) {
  const std::string dir = TempDir();
  const std::string path = dir + "/new.db";
  { ASSERT_TRUE(Store::Open(path, Store::Mode::kReadWrite).ok()); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  auto one = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    sqlite3_step(st);
    std::string v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v;
  };
  EXPECT_EQ(one("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(one("PRAGMA user_version"), std::to_string(store::kSchemaVersion));
  EXPECT_EQ(one("PRAGMA application_id"), std::to_string(store::kApplicationId));
  sqlite3_close(db);
  std::filesystem::remove_all(dir);
}

// ---- Pure functions. ----

TEST(StoreValuesTest, DateBounds) {
  struct Case {
    std::string in;
    std::optional<std::pair<std::string, std::string>> want;
  };
  using P = std::pair<std::string, std::string>;
  const std::vector<Case> cases = {
      {"2025-07-28", P{"2025-07-28", "2025-07-28"}}, {"2025-07", P{"2025-07-01", "2025-07-31"}},
      {"2024-02", P{"2024-02-01", "2024-02-29"}},    {"2023-02", P{"2023-02-01", "2023-02-28"}},
      {"2025", P{"2025-01-01", "2025-12-31"}},       {"2016/2018", P{"2016-01-01", "2018-12-31"}},
      {"2025-07-10/2025-07-12", P{"2025-07-10", "2025-07-12"}},
      {"2018/2016", std::nullopt}, {"2025-13", std::nullopt}, {"2025-02-30", std::nullopt},
      {"P10D", std::nullopt},      {"", std::nullopt},        {"2025-W31", std::nullopt}};
  for (const auto& c : cases) EXPECT_EQ(store::DateBounds(c.in), c.want) << c.in;
}

TEST(StoreValuesTest, TextHashSeesTitleDateAndTextOnlyAndRawHashIsCarried) {
  Document a;
  a.id = "x";
  a.title = "T";
  a.published = "2025-07-29";
  a.text = "Body.";
  const std::string h = store::TextHash(a);
  EXPECT_EQ(h.size(), 32u);
  Document b = a;
  b.id = "y";
  b.url = "https://elsewhere";
  EXPECT_EQ(store::TextHash(b), h);
  for (auto change : std::vector<std::function<void(Document&)>>{
           [](Document& d) { d.title = "T2"; }, [](Document& d) { d.published = std::nullopt; },
           [](Document& d) { d.text += " "; }, [](Document& d) { d.title = "TBody."; d.text = ""; }}) {
    Document c = a;
    change(c);
    EXPECT_NE(store::TextHash(c), h);
  }
  EXPECT_EQ(store::HashDocument(a).Identity(), h) << "without raw bytes, the text hash identifies";
  a.raw_hash = "0123456789abcdef0123456789abcdef";
  EXPECT_EQ(store::HashDocument(a).raw, a.raw_hash);
  EXPECT_EQ(store::HashDocument(a).text, h);
  EXPECT_EQ(store::HashDocument(a).Identity(), a.raw_hash);
}

TEST(StoreValuesTest, IsoToFips) {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"RUS", "RS"}, {"USA", "US"}, {"DEU", "GM"}, {"GBR", "UK"}, {"TUR", "TU"}, {"UKR", "UP"},
      {"CHN", "CH"}, {"IRQ", "IZ"}, {"IRN", "IR"}, {"ISR", "IS"}, {"JPN", "JA"}, {"KOR", "KS"},
      {"PRK", "KN"}, {"AUT", "AU"}, {"AUS", "AS"}, {"ESP", "SP"}, {"ZAF", "SF"}, {"SRB", "RI"},
      {"KSV", "KV"}, {"PSE", "WE"}, {"XXX", ""},   {"", ""},      {"rus", ""}};
  for (const auto& [iso, fips] : pairs) EXPECT_EQ(store::IsoToFips(iso), fips) << iso;
  EXPECT_TRUE(store::IsoToFipsTableIsSorted());
}

}  // namespace
}  // namespace parley::testing
