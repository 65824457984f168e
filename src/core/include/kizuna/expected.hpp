// Errors at the core's boundaries are values, not exceptions (wasm builds run without them).
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kz {

/// One problem with user input: where it is and which rule it breaks, e.g.
/// { "facilities[4].capacity", "must be >= 0" }. Shown as "facilities[4].capacity: must be >= 0".
struct Problem {
  std::string path;
  std::string message;
  std::string ToString() const { return path.empty() ? message : path + ": " + message; }
};

/// A value or the list of every problem that prevented it.
template <typename T>
class Expected {
 public:
  Expected(T value) : content(std::move(value)) {}  // NOLINT: implicit on purpose, like std::expected
  Expected(std::vector<Problem> problems) : content(std::move(problems)) {}  // NOLINT
  bool ok() const { return std::holds_alternative<T>(content); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(content); }
  const T& value() const { return std::get<T>(content); }
  const std::vector<Problem>& problems() const { return std::get<std::vector<Problem>>(content); }

 private:
  std::variant<T, std::vector<Problem>> content;
};

}  // namespace kz
