// Status and Result<T>: how every claimdex module reports failure across its public API.
//
// No exception crosses a module's public header. Errors from Xapian, curl, ICU, SQLite and
// JSON are translated where they are called into a Status whose message names the input and
// the place ("profile.toml line 12: targets[0].id: expected a string"). The CLI maps the code
// to an exit status: kInvalidInput -> 2 (usage or bad input), everything else -> 1.
//
// Thread-safety: values; safe to copy and move between threads.
#ifndef CLAIMDEX_CORPUS_STATUS_H_
#define CLAIMDEX_CORPUS_STATUS_H_

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace claimdex {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,  // the user's input (a flag, a file, a query, the profile) is wrong: exit 2
    kNotFound,      // a named thing (a file, an id) does not exist: exit 2
    kIoError,       // reading or writing failed: exit 1
    kRuntime,       // anything else that went wrong while working: exit 1
    kBusy,          // another process holds the data directory's lock: exit 1
    kCancelled,     // interrupted by a signal; work so far is saved: exit 0 from the CLI
  };

  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) { return Status(Code::kInvalidInput, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Runtime(std::string msg) { return Status(Code::kRuntime, std::move(msg)); }
  static Status Busy(std::string msg) { return Status(Code::kBusy, std::move(msg)); }
  static Status Cancelled(std::string msg) { return Status(Code::kCancelled, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // One line, no trailing newline; names the input and the problem. Empty when ok().
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "`context`: `message()`" (for adding a file name, say).
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

  // The process exit code the CLI uses for this status: 0, 1 or 2.
  int ExitCode() const {
    switch (code_) {
      case Code::kOk:
      case Code::kCancelled:
        return 0;
      case Code::kInvalidInput:
      case Code::kNotFound:
        return 2;
      default:
        return 1;
    }
  }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status saying why there is none. Result<T> holding a Status must not hold an
// OK status (the constructor turns one into kRuntime "internal error: OK status without value").
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    if (std::get<Status>(data_).ok()) data_ = Status::Runtime("internal error: OK status without value");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  // Precondition for value(): ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  // OK when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace claimdex

// Returns early from the enclosing function when `expr` (a Status) is not OK.
#define CLAIMDEX_RETURN_IF_ERROR(expr)           \
  do {                                           \
    ::claimdex::Status _claimdex_st = (expr);    \
    if (!_claimdex_st.ok()) return _claimdex_st; \
  } while (0)

#endif  // CLAIMDEX_CORPUS_STATUS_H_
