// The one reader of the core's JSON files (scenarios, exercises, Monte Carlo shards, analysis
// results; private to src/core). It walks a parsed RapidJSON document along the structure its caller knows, checks each
// value's type, and collects every problem with its JSON path ("teams[0].levers[1].step: must be a
// number, got string") instead of stopping at the first. Parsing stays with each file: their limits
// and parse flags differ (full-precision doubles for scenarios and shards).
#pragma once

#include <rapidjson/document.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "json_detail.hpp"
#include "kizuna/expected.hpp"
#include "kizuna/scenario.hpp"
#include "ranges.hpp"

namespace kz::json_read {

using Json = rapidjson::Value;

/// Past this many problems the list stops growing (the rest are counted in Reader::dropped): a
/// broken 16 MiB file could otherwise produce millions, and nobody reads past the first screenful.
inline constexpr std::size_t kMaxProblems = 100;
/// Unknown field names and bad enum values longer than this are cut in messages.
inline constexpr std::size_t kMaxShownKeyBytes = 64;
inline constexpr std::size_t kAnyCount = std::numeric_limits<std::size_t>::max();

/// `text` cut to at most `maxBytes` (then "...") without splitting a UTF-8 sequence.
std::string Shorten(std::string_view text, std::size_t maxBytes);

/// Parses an analysis job's JSON (kizuna/analysis_job.hpp) into `document` and checks its envelope:
/// a JSON object whose `kind` is `kind`. Full precision: the core writes shortest round-trip
/// doubles, and RapidJSON's default (fast) parse may read them an ulp off, which shows in
/// differences of large figures (incentive = inside - outside). Problems if it is not that.
std::vector<Problem> ParseAnalysisJson(std::string_view text, std::string_view kind, rapidjson::Document& document);

/// Each method reads the member `name` of `object` (at JSON path `path`; "" is the root) into `out`,
/// leaving `out` as it was when the member is absent or wrong, and adds a problem when it is wrong
/// (or absent and `required`).
class Reader {
 public:
  virtual ~Reader() = default;

  std::vector<Problem> problems;
  std::size_t dropped = 0;  ///< problems past kMaxProblems

  void Add(std::string path, std::string message);

  /// False (with a problem) unless `value` is an object; reports its unknown fields (with the known
  /// one they were probably meant to be) and repeated ones. At most 32 known fields.
  bool Object(const Json& value, const std::string& path, std::initializer_list<std::string_view> fields);

  /// The member `name` of an object, or null (with a problem when it is required).
  const Json* Member(const Json& object, const std::string& path, const char* name, bool required);

  void String(const Json& object, const std::string& path, const char* name, std::string& out, bool required);
  /// A string of 1-64 characters of A-Z, a-z, 0-9, _ and - (ids go into lever paths and links).
  void Id(const Json& object, const std::string& path, const char* name, std::string& out);
  void Number(const Json& object, const std::string& path, const char* name, double& out, bool required = false);
  void Bool(const Json& object, const std::string& path, const char* name, bool& out, bool required = false);
  /// Whole numbers that fit an int; anything else is reported against `range`, the field's own
  /// (whose bounds validation checks later, with the rest of the scenario).
  void Integer(const Json& object, const std::string& path, const char* name, int& out, const Range& range, bool required = false);
  /// A required whole number >= 0 that fits an int (a count).
  void Count(const Json& object, const std::string& path, const char* name, int& out);
  /// A whole number in low..high, checked here.
  void IntegerIn(const Json& object, const std::string& path, const char* name, int& out, int low, int high, bool required);
  void Uint64(const Json& object, const std::string& path, const char* name, std::uint64_t& out, bool required = false);
  void Text(const Json& object, const std::string& path, const char* name, LocalizedText& out, bool required = false);
  /// An array of strings; an item that is not a string stays empty, so later indices match the file.
  void StringList(const Json& object, const std::string& path, const char* name, std::vector<std::string>& out,
                  bool required = false, std::size_t most = kAnyCount);
  /// An array of exactly `count` numbers (sizes that follow from other fields, as in shard files).
  void Numbers(const Json& object, const std::string& path, const char* name, std::vector<double>& out, std::size_t count);
  /// An array of numbers of any length in which null stands for a number that is not there (the
  /// keyed writers write null for one that is not finite, partial results for one not computed
  /// yet): 0 in `out`, and false in `known` when given. False (with a problem) unless `value` is
  /// such an array; NumberList reads the member `name`.
  bool NumberItems(const Json& value, const std::string& path, std::vector<double>& out, std::vector<bool>* known = nullptr);
  void NumberList(const Json& object, const std::string& path, const char* name, std::vector<double>& out, bool required,
                  std::vector<bool>* known = nullptr);

  /// The member `name` if it is an array of at most `most` items, else null (with a problem).
  const Json* ArrayMember(const Json& object, const std::string& path, const char* name, bool required, std::size_t most);

  /// Reads an array member item by item into `out`, resized to the array first so items that are
  /// not objects are still there (as defaults) and indices in later messages match the file.
  /// readItem(item, itemPath, T& out).
  template <typename T, typename ReadItem>
  void Array(const Json& object, const std::string& path, const char* name, std::vector<T>& out, bool required,
             ReadItem readItem, std::size_t most = kAnyCount) {
    const Json* value = ArrayMember(object, path, name, required, most);
    if (value == nullptr) return;
    const std::string arrayPath = json_detail::Field(path, name);
    out.resize(value->Size());
    for (rapidjson::SizeType i = 0; i < value->Size(); ++i) readItem((*value)[i], json_detail::Item(arrayPath, i), out[i]);
  }

  /// Calls visit(item, itemPath) for each item of an array member (for lists that keep only some).
  template <typename Visit>
  void Each(const Json& object, const std::string& path, const char* name, bool required, std::size_t most, Visit visit) {
    const Json* value = ArrayMember(object, path, name, required, most);
    if (value == nullptr) return;
    const std::string arrayPath = json_detail::Field(path, name);
    for (rapidjson::SizeType i = 0; i < value->Size(); ++i) visit((*value)[i], json_detail::Item(arrayPath, i));
  }

  /// One of `values`, by the names `nameOf` gives them.
  template <typename E, std::size_t N>
  void Enum(const Json& object, const std::string& path, const char* name, E& out, const std::array<E, N>& values,
            const char* (*nameOf)(E), bool required) {
    std::string text;
    String(object, path, name, text, required);
    if (!HasString(object, name)) return;
    std::string expected;
    for (E candidate : values) {
      if (text == nameOf(candidate)) {
        out = candidate;
        return;
      }
      expected += (expected.empty() ? "" : ", ") + std::string(nameOf(candidate));
    }
    Add(json_detail::Field(path, name), "must be one of " + expected + "; got '" + Shorten(text, kMaxShownKeyBytes) + "'");
  }

 protected:
  /// Called for every problem, kept or dropped: a reader may note which parts are unusable.
  virtual void Noticed(const std::string& path) { (void)path; }

 private:
  static bool HasString(const Json& object, const char* name);
  /// The member `name` if it is a number, else null (with a problem when it is there or required).
  const Json* NumberMember(const Json& object, const std::string& path, const char* name, bool required);
};

/// Reads an analysis job's JSON of `kind` into a T: ParseAnalysisJson, then read(reader, root, out)
/// (which may stop early); the T, or the problems found.
template <typename T, typename Read>
Expected<T> ReadAnalysisJson(std::string_view text, std::string_view kind, Read read) {
  rapidjson::Document document;
  if (std::vector<Problem> problems = ParseAnalysisJson(text, kind, document); !problems.empty()) return problems;
  Reader reader;
  T out;
  read(reader, static_cast<const Json&>(document), out);
  if (!reader.problems.empty()) return reader.problems;
  return out;
}

}  // namespace kz::json_read
