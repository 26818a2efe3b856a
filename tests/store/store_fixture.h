// A fresh store in a temporary folder for each test, and a Put that wraps one document in its
// own transaction. Shared by the store tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "common/testing.h"
#include "parley/store.h"

namespace parley::testing {

class StoreFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TempDir();
    path_ = dir_ + "/t.db";
    auto s = store::Store::Open(path_, store::Store::Mode::kReadWrite);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s.value());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  // Stores `cd` under `hashes` in one transaction; a failure fails the test.
  store::PutOutcome Put(const CodedDocument& cd, const store::DocHashes& hashes, bool recode = false) {
    EXPECT_TRUE(store_->Begin().ok());
    auto r = store_->Put(cd, hashes, recode);
    EXPECT_TRUE(r.ok()) << r.status().message();
    EXPECT_TRUE(store_->Commit().ok());
    return r.ok() ? *r : store::PutOutcome::kDuplicate;
  }

  std::string dir_, path_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace parley::testing
