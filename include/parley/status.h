// Status and Result<T>: how parley reports expected failures (bad input, I/O, bad dictionary
// lines) without exceptions across library interfaces. A Status carries a code and one sentence
// naming the place (file:line or document id). Programmer errors use PARLEY_CHECK instead.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace parley {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad usage or a bad value given by the user
  kNotFound,         // a path or a name that does not exist
  kIoError,          // a path that exists but could not be read or written
  kParseError,       // input that could not be parsed (bad JSON, bad dictionary line)
  kUnsupported,      // an input kind parley does not read
  kConflict,         // a store conflict (locked, newer schema, not parley's)
  kInternal,
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or a failed Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace parley

#define PARLEY_CHECK(cond)                                                          \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)

#ifdef NDEBUG
#define PARLEY_DCHECK(cond) \
  do {                      \
  } while (0)
#else
#define PARLEY_DCHECK(cond) PARLEY_CHECK(cond)
#endif
