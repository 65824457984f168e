// Small helpers for the page API's JSON (RapidJSON's writer): a keyed string, a keyed number (null
// when not finite, as JSON has no infinity).
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <string_view>

namespace kz::json {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

inline void Str(Writer& w, const char* key, std::string_view value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

inline void Num(Writer& w, const char* key, double value) {
  w.Key(key);
  if (std::isfinite(value)) w.Double(value);
  else w.Null();
}

}  // namespace kz::json
