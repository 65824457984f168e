// Pieces shared by the core's JSON readers and writers (scenarios, exercises, Monte Carlo shards,
// sensitivity, provenance): JSON paths for problem messages and type names. Private to src/core.
// The reader built on them is json_read.hpp; the writer is json_out.hpp.
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

}  // namespace kz::json_detail
