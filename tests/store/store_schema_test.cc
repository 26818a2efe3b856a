// Schema v2 of the store: documents known by the hash of their raw bytes, mention texts kept as
// offsets (packed actors, places and times; quotes), the full-text index filled per batch, and
// the migration of a version 1 database.
#include <sqlite3.h>

#include <filesystem>

#include "common/testing.h"
#include "store_fixture.h"
#include "parley/store.h"
#include "store/schema.h"

namespace parley::testing {
namespace {

using store::DocHashes;
using store::Store;

// One sentence per event; actors, places, times and quotes point at spans of the text.
CodedDocument SpanDoc(const std::string& id, const std::string& text, std::optional<std::string> url = std::nullopt) {
  CodedDocument cd;
  cd.doc.id = id;
  cd.doc.title = "Title " + id;
  cd.doc.published = "2025-07-29";
  cd.doc.url = std::move(url);
  cd.doc.text = text;
  cd.layer.sentences.push_back(Sentence{0, static_cast<uint32_t>(text.size()), 0, 0, 0});
  auto span = [&](const std::string& word) {
    const size_t at = text.find(word);
    EXPECT_NE(at, std::string::npos) << word;
    return std::make_pair(static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size()));
  };
  const auto [a0, a1] = span("Russia");
  cd.actors.push_back(ActorMention{"Russia", a0, a1, 0, "actor", "RUS", "RUS", std::nullopt, "Russia", 0, std::nullopt});
  cd.actors.push_back(ActorMention{"the \"Kremlin\"\n", a0, a1, 0, "actor", "RUSGOV", "RUS", "GOV", "Kremlin", 0, 0u});
  const auto [p0, p1] = span("Kyiv");
  cd.places.push_back(Place{"Kyiv", p0, p1, 0, "Kyiv", "UKR", 50.4501, 30.5234});
  const auto [t0, t1] = span("Monday");
  cd.times.push_back(TimeExpr{"Monday", t0, t1, 0, "DATE", "2025-07-28", std::nullopt, "2025-07-29", Deadline{"2025-08-07", "2025-08-09"}});
  const auto [q0, q1] = span("talks");
  cd.quotes.push_back(Quote{"talks", q0, q1, 0, "indirect", "Peskov", "RUSGOV", 0u, 6u, "said"});
  Event e;
  e.source = "RUS";
  e.target = "UKR";
  e.code = "190";
  e.root = "19";
  e.quad_class = 4;
  e.goldstein = -10;
  e.date = "2025-07-28";
  e.evidence = text;
  e.source_text = "Russia";
  e.target_text = "Kyiv";
  e.verb_text = "attacked";
  e.pattern = "attack";
  cd.events.push_back(e);
  return cd;
}

DocHashes Hashes(const CodedDocument& cd, const std::string& raw) { return DocHashes{raw, store::TextHash(cd.doc)}; }

class SchemaTest : public StoreFixture {
 protected:
  size_t Found(const std::string& words) {
    store::EventFilter f;
    f.text = words;
    auto rows = store_->Mentions(f);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() ? rows->size() : 0;
  }
  // The first column of the first row of `sql`, read through a separate connection.
  std::string Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    std::string out = "<error>";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
      const int rc = sqlite3_step(st);
      if (rc == SQLITE_ROW) {
        const auto* t = sqlite3_column_text(st, 0);
        out = t ? reinterpret_cast<const char*>(t) : "<null>";
      } else if (rc == SQLITE_DONE) {
        out = "<none>";
      }
    }
    EXPECT_NE(out, "<error>") << sql << ": " << sqlite3_errmsg(db);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
  }

};

TEST_F(SchemaTest, RawBytesIdentifyADocument) {
  const CodedDocument a = SpanDoc("a", "Russia attacked Kyiv on Monday, talks said.");
  ASSERT_EQ(Put(a, Hashes(a, "raw-1")), store::PutOutcome::kNew);
  CodedDocument same = a;
  same.doc.id = "other/path.txt";  // the same bytes under another name: one article
  EXPECT_EQ(Put(same, Hashes(same, "raw-1")), store::PutOutcome::kDuplicate);
  CodedDocument twin = a;
  twin.doc.id = "b";  // other bytes (a JSONL line with another id) that clean to the same text
  EXPECT_EQ(Put(twin, Hashes(twin, "raw-2")), store::PutOutcome::kNew);
  const CodedDocument v1 = SpanDoc("c", "Russia attacked Kyiv on Monday, talks said.", "https://x.org/c");
  const CodedDocument v2 = SpanDoc("c", "Russia attacked Kyiv again on Monday, talks said.", "https://x.org/c");
  EXPECT_EQ(Put(v1, Hashes(v1, "raw-3")), store::PutOutcome::kNew);
  EXPECT_EQ(Put(v2, Hashes(v2, "raw-4")), store::PutOutcome::kNewVersion);
  EXPECT_EQ(Put(v1, Hashes(v1, "raw-3")), store::PutOutcome::kDuplicate) << "old versions stay known";
  for (const auto& [raw, text, want] : std::vector<std::tuple<std::string, std::string, bool>>{
           {"raw-1", "", true}, {"raw-4", "", true}, {"raw-9", store::TextHash(a.doc), false}}) {
    auto has = store_->HasContent(DocHashes{raw, text});
    ASSERT_TRUE(has.ok());
    EXPECT_EQ(*has, want) << raw;
  }
  auto totals = store_->Count();
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->documents, 3);
  EXPECT_EQ(totals->versions, 4);
  EXPECT_EQ(totals->actors, 6) << "the superseded version's actors are gone";
}

TEST_F(SchemaTest, DocumentsWithoutRawBytesAreKnownByTheirText) {
  const CodedDocument a = SpanDoc("a", "Russia attacked Kyiv on Monday, talks said.");
  ASSERT_EQ(Put(a, Hashes(a, "")), store::PutOutcome::kNew);
  CodedDocument renamed = a;
  renamed.doc.id = "elsewhere";
  EXPECT_EQ(Put(renamed, Hashes(renamed, "")), store::PutOutcome::kDuplicate);
  EXPECT_EQ(Sql("SELECT count(*) FROM documents WHERE raw_hash IS NULL"), "1");
}

TEST_F(SchemaTest, MentionTextsAreOffsetsAndReadBackWhole) {
  const CodedDocument a = SpanDoc("a", "Russia attacked Kyiv on Monday, talks said.");
  ASSERT_EQ(Put(a, Hashes(a, "raw-1")), store::PutOutcome::kNew);
  // Texts equal to their span are not copied; the one that differs is kept as written.
  EXPECT_EQ(Sql("SELECT json_extract(actors, '$[0][10]') IS NULL FROM documents"), "1");
  EXPECT_EQ(Sql("SELECT json_extract(actors, '$[1][10]') FROM documents"), "the \"Kremlin\"\n");
  EXPECT_EQ(Sql("SELECT count(*) FROM quotes WHERE text IS NULL"), "1");
  // The views give every mention with its text, for SQL users.
  EXPECT_EQ(Sql("SELECT text FROM actors WHERE idx = 0"), "Russia");
  EXPECT_EQ(Sql("SELECT text || '|' || lat || '|' || country FROM places"), "Kyiv|50.4501|UKR");
  EXPECT_EQ(Sql("SELECT text || '|' || value || '|' || deadline_latest FROM times"), "Monday|2025-07-28|2025-08-09");
  auto quotes = store_->Quotes(store::QuoteFilter{});
  ASSERT_TRUE(quotes.ok());
  ASSERT_EQ(quotes->size(), 1u);
  EXPECT_EQ((*quotes)[0].quote.text, "talks");
  auto docs = store_->LoadDocuments({"a"});
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 1u);
  const CodedDocument& back = (*docs)[0];
  ASSERT_EQ(back.actors.size(), a.actors.size());
  for (size_t i = 0; i < a.actors.size(); ++i) {
    EXPECT_EQ(back.actors[i].text, a.actors[i].text);
    EXPECT_EQ(back.actors[i].sector, a.actors[i].sector);
    EXPECT_EQ(back.actors[i].antecedent, a.actors[i].antecedent);
  }
  ASSERT_EQ(back.places.size(), 1u);
  EXPECT_EQ(back.places[0].lat, a.places[0].lat);
  EXPECT_EQ(back.places[0].text, "Kyiv");
  ASSERT_EQ(back.times.size(), 1u);
  EXPECT_EQ(back.times[0].text, "Monday");
  EXPECT_EQ(back.times[0].anchor, "2025-07-29");
  ASSERT_TRUE(back.times[0].deadline.has_value());
  EXPECT_EQ(back.times[0].deadline->earliest, "2025-08-07");
  ASSERT_EQ(back.quotes.size(), 1u);
  EXPECT_EQ(back.quotes[0].text, "talks");
}

TEST_F(SchemaTest, FullTextIndexFollowsVersionsWithinOneBatch) {
  const CodedDocument v1 = SpanDoc("v", "Russia attacked Kyiv on Monday, talks alpha.", "https://x.org/v");
  const CodedDocument v2 = SpanDoc("v", "Russia attacked Kyiv on Monday, talks beta.", "https://x.org/v");
  const CodedDocument other = SpanDoc("o", "Russia attacked Kyiv on Monday, talks alpha gamma.");
  ASSERT_TRUE(store_->Begin().ok());
  for (const auto& [cd, raw] : {std::pair{&v1, "r1"}, std::pair{&v2, "r2"}, std::pair{&other, "r3"}}) {
    ASSERT_TRUE(store_->Put(*cd, Hashes(*cd, raw), false).ok());
  }
  ASSERT_TRUE(store_->Commit().ok());
  EXPECT_EQ(Found("beta"), 1u);
  EXPECT_EQ(Found("alpha"), 1u) << "the superseded version's evidence is out of the index";
  EXPECT_EQ(Found("gamma"), 1u);
  CodedDocument recoded = other;
  recoded.events[0].evidence = "Russia shelled Kyiv, delta.";
  EXPECT_EQ(Put(recoded, Hashes(recoded, "r3"), true), store::PutOutcome::kRecoded);
  EXPECT_EQ(Found("gamma"), 0u);
  EXPECT_EQ(Found("delta"), 1u);
  store_->Rollback();  // nothing open: harmless
  EXPECT_EQ(Sql("SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'Russia'"), "2");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, "INSERT INTO mentions_fts(mentions_fts) VALUES ('integrity-check')", nullptr, nullptr, nullptr),
            SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

// A database as parley wrote it before schema 2, with one document of each annotation.
void WriteVersionOneDatabase(const std::string& path, const CodedDocument& cd) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  auto exec = [&](const std::string& sql) {
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql << ": " << sqlite3_errmsg(db);
  };
  exec("PRAGMA journal_mode = WAL");
  exec(store::Migrations()[0]);
  exec("PRAGMA application_id = " + std::to_string(store::kApplicationId));
  exec("PRAGMA user_version = 1");
  const std::string text = cd.doc.text;
  exec("INSERT INTO documents VALUES (1, 'a', 'a', 1, 1, '" + store::TextHash(cd.doc) + "', NULL, NULL, '" +
       *cd.doc.title + "', '" + *cd.doc.published + "', 'jsonl', '" + text + "', NULL, NULL, 'x', 'x')");
  const ActorMention& a = cd.actors[0];
  exec("INSERT INTO actors VALUES (1, 0, 'Russia', " + std::to_string(a.start) + ", " + std::to_string(a.end) +
       ", 0, 'actor', 'RUS', 'RUS', NULL, 'Russia', 0, NULL)");
  exec("INSERT INTO places VALUES (1, 0, 'Kyiv', 1, 5, 0, 'Kyiv', 'UKR', 50.5, 30.5)");
  exec("INSERT INTO times VALUES (1, 0, 'Monday', 2, 8, 0, 'DATE', '2025-07-28', NULL, '2025-07-29', NULL, NULL)");
  exec("INSERT INTO quotes VALUES (1, 0, 'talks', 3, 8, 0, 'indirect', 'Peskov', 'RUSGOV', 0, 6, 'said')");
  exec("INSERT INTO events VALUES (1, 'RUS', 'UKR', '190', '2025-07-28', '19', NULL, 4, -10.0, '2025-07-28', "
       "'2025-07-28', 'x')");
  exec("INSERT INTO mentions VALUES (1, 1, 1, 0, 0, 0, 1, 'asserted', 'Old evidence epsilon.', 'Russia', 'Kyiv', "
       "'attacked', 'attack', NULL, NULL, NULL, NULL, NULL)");
  sqlite3_close(db);
}

TEST(SchemaMigrationTest, VersionOneDatabaseIsUpgradedAndKeepsItsDocuments) {
  const std::string dir = TempDir(), path = dir + "/v1.db";
  const CodedDocument cd = SpanDoc("a", "Russia attacked Kyiv on Monday, talks said.");
  WriteVersionOneDatabase(path, cd);
  {
    auto ro = Store::Open(path, Store::Mode::kReadOnly);
    ASSERT_FALSE(ro.ok()) << "readers do not upgrade";
    EXPECT_NE(ro.status().message().find("older schema"), std::string::npos) << ro.status().message();
  }
  auto s = Store::Open(path, Store::Mode::kReadWrite);
  ASSERT_TRUE(s.ok()) << s.status().message();
  auto docs = (*s)->LoadDocuments({});
  ASSERT_TRUE(docs.ok()) << docs.status().message();
  ASSERT_EQ(docs->size(), 1u);
  const CodedDocument& d = (*docs)[0];
  ASSERT_EQ(d.actors.size(), 1u);
  EXPECT_EQ(d.actors[0].text, "Russia");
  EXPECT_EQ(d.actors[0].code, "RUS");
  ASSERT_EQ(d.places.size(), 1u);
  EXPECT_EQ(d.places[0].lat, 50.5);
  ASSERT_EQ(d.times.size(), 1u);
  EXPECT_EQ(d.times[0].anchor, "2025-07-29");
  EXPECT_FALSE(d.times[0].deadline.has_value());
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "Peskov");
  ASSERT_EQ(d.events.size(), 1u);
  // Stored before raw bytes were hashed: the same article read again is known by its text.
  CodedDocument again = cd;
  again.doc.raw_hash = "feedfeedfeedfeedfeedfeedfeedfeed";
  auto has = (*s)->HasContent(store::HashDocument(again.doc));
  ASSERT_TRUE(has.ok());
  EXPECT_TRUE(*has);
  ASSERT_TRUE((*s)->Begin().ok());
  auto put = (*s)->Put(again, store::HashDocument(again.doc), false);
  ASSERT_TRUE(put.ok()) << put.status().message();
  EXPECT_EQ(*put, store::PutOutcome::kDuplicate);
  ASSERT_TRUE((*s)->Commit().ok());
  store::EventFilter f;
  f.text = "epsilon";
  auto found = (*s)->Events(f);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->size(), 1u) << "the full-text index written by v1's trigger is kept";
  s->reset();
  auto check = Store::Open(path, Store::Mode::kReadOnly);
  ASSERT_TRUE(check.ok()) << check.status().message();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace parley::testing
