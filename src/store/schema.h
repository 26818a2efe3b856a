// The store's schema as a list of migrations: migration i takes a database from user_version i
// to i+1. A fresh database runs them all; an older one runs the rest, in one transaction.
#pragma once

#include <string>
#include <vector>

namespace parley::store {

// The SQL scripts, oldest first; their count is kSchemaVersion.
const std::vector<std::string>& Migrations();

}  // namespace parley::store
