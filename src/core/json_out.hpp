// The core's one way of writing JSON (scenario files, results, shard files, analyses' summaries,
// provenance reports; private to src/core): JsonOut, keyed fields over a RapidJSON writer, compact
// or pretty. Numbers are written as kizuna/json_write.hpp's keyed writers write them (shortest
// round-trip text, null when not finite: readers report the null rather than misread it); files
// whose bytes are hashed (scenarios) also write -0 as 0. Reading is json_read.hpp.
#pragma once

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/json_write.hpp"

namespace kz {

/// Keyed fields of the object being written by `writer` (a rapidjson::Writer or PrettyWriter).
/// The caller opens and closes the outermost object or array; `w` is there for unkeyed values.
template <typename Writer>
class JsonOut {
 public:
  /// `unsignedZero`: write -0 as 0, so that equal values give equal bytes (-0.0 == 0.0).
  explicit JsonOut(Writer& writer, bool unsignedZero = false) : w(writer), unsignedZero_(unsignedZero) {}

  void Key(const char* key) { w.Key(key); }
  /// A number value (in an array, or after Key).
  void Number(double value) { json::WriteNumber(w, unsignedZero_ && value == 0.0 ? 0.0 : value); }

  void Str(const char* key, std::string_view value) { json::KeyString(w, key, value); }
  void Num(const char* key, double value) {
    w.Key(key);
    Number(value);
  }
  void Int(const char* key, int value) {
    w.Key(key);
    w.Int(value);
  }
  void Uint64(const char* key, std::uint64_t value) {
    w.Key(key);
    w.Uint64(value);
  }
  void Bool(const char* key, bool value) {
    w.Key(key);
    w.Bool(value);
  }
  void Strings(const char* key, const std::vector<std::string>& values) { json::KeyStrings(w, key, values); }
  void Numbers(const char* key, const std::vector<double>& values) {
    w.Key(key);
    w.StartArray();
    for (const double value : values) Number(value);
    w.EndArray();
  }
  /// One nested object whose fields `fields()` writes.
  template <typename Fields>
  void Object(const char* key, Fields fields) {
    w.Key(key);
    w.StartObject();
    fields();
    w.EndObject();
  }
  /// An array whose values `values()` writes.
  template <typename Values>
  void Array(const char* key, Values values) {
    w.Key(key);
    w.StartArray();
    values();
    w.EndArray();
  }
  /// `items` as an array of objects, the fields of each written by `fields(item)`.
  template <typename T, typename Fields>
  void Objects(const char* key, const std::vector<T>& items, Fields fields) {
    w.Key(key);
    w.StartArray();
    for (const T& item : items) {
      w.StartObject();
      fields(item);
      w.EndObject();
    }
    w.EndArray();
  }

  Writer& w;

 private:
  bool unsignedZero_ = false;
};

using CompactJsonOut = JsonOut<rapidjson::Writer<rapidjson::StringBuffer>>;
using PrettyJsonOut = JsonOut<rapidjson::PrettyWriter<rapidjson::StringBuffer>>;

/// One compact JSON object whose fields `fields(CompactJsonOut&)` writes, as text.
template <typename Fields>
std::string CompactJsonObject(Fields fields) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  CompactJsonOut out(writer);
  writer.StartObject();
  fields(out);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

/// One JSON object indented by two spaces (files people read and diff), fields written by
/// `fields(PrettyJsonOut&)`, -0 written as 0, ending in a newline.
template <typename Fields>
std::string PrettyJsonObject(Fields fields) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  PrettyJsonOut out(writer, true);
  writer.StartObject();
  fields(out);
  writer.EndObject();
  std::string text(buffer.GetString(), buffer.GetSize());
  text += '\n';
  return text;
}

}  // namespace kz
