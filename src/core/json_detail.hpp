// Pieces shared by the core's JSON readers and writers (scenarios, exercises, Monte Carlo shards,
// sensitivity, provenance): JSON paths for problem messages, type names, and keyed values for any
// RapidJSON writer. Private to src/core.
#pragma once

#include <rapidjson/document.h>

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kz::json_detail {

using Json = rapidjson::Value;

/// "base.name" (or "name" at the root): the path a problem message names.
inline std::string Field(const std::string& base, std::string_view name) {
  return base.empty() ? std::string(name) : base + "." + std::string(name);
}

/// "base[index]".
inline std::string Item(const std::string& base, std::size_t index) {
  return base + "[" + std::to_string(index) + "]";
}

/// The JSON type of `value` as a message names it: "null", "boolean", "object", ...
inline const char* TypeName(const Json& value) {
  switch (value.GetType()) {
    case rapidjson::kNullType: return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return "boolean";
    case rapidjson::kObjectType: return "object";
    case rapidjson::kArrayType: return "array";
    case rapidjson::kStringType: return "string";
    case rapidjson::kNumberType: return "number";
  }
  return "unknown";
}

/// A number, or null when it is not finite (JSON has no NaN or infinity; readers report the null
/// rather than misread it).
template <typename Writer>
void WriteNumber(Writer& w, double value) {
  if (std::isfinite(value)) {
    w.Double(value);
  } else {
    w.Null();
  }
}

template <typename Writer>
void KeyNumber(Writer& w, const char* key, double value) {
  w.Key(key);
  WriteNumber(w, value);
}

template <typename Writer>
void KeyString(Writer& w, const char* key, std::string_view value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

template <typename Writer>
void KeyNumbers(Writer& w, const char* key, const std::vector<double>& values) {
  w.Key(key);
  w.StartArray();
  for (const double value : values) WriteNumber(w, value);
  w.EndArray();
}

template <typename Writer>
void KeyStrings(Writer& w, const char* key, const std::vector<std::string>& values) {
  w.Key(key);
  w.StartArray();
  for (const std::string& value : values) w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  w.EndArray();
}

}  // namespace kz::json_detail
