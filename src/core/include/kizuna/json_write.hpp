// Keyed values for any RapidJSON writer, as the core's files (through src/core/json_out.hpp) and the
// app's page API write them: a keyed string, a number (null when not finite: JSON has no NaN or
// infinity), arrays of either.
#pragma once

#include <rapidjson/rapidjson.h>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace kz::json {

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

}  // namespace kz::json
