// The core's one JSON reader (json_read.hpp): each method's problems name the JSON path and the
// rule, arrays keep the file's indices, and the problem list stops growing at its bound.
#include "json_read.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace kz::json_read {
namespace {

rapidjson::Document Parse(const char* text) {
  rapidjson::Document document;
  document.Parse(text);
  EXPECT_FALSE(document.HasParseError()) << text;
  return document;
}

std::string All(const Reader& r) {
  std::string all;
  for (const Problem& p : r.problems) all += p.ToString() + "\n";
  return all;
}

TEST(JsonRead, UnknownAndRepeatedFieldsAreNamedWithTheLikelyMeantOne) {
  const rapidjson::Document d = Parse(R"({"lattitude": 1, "id": "a", "id": "b", "colour": 2})");
  Reader r;
  EXPECT_TRUE(r.Object(d, "regions[0]", {"id", "lat", "lon"}));
  EXPECT_EQ(All(r), "regions[0].lattitude: unknown field (did you mean 'lat'?)\n"
                    "regions[0].id: duplicate field\n"
                    "regions[0].colour: unknown field\n");
  Reader notObject;
  EXPECT_FALSE(notObject.Object(Parse("[1]"), "", {"id"}));
  EXPECT_EQ(All(notObject), "must be an object, got array\n");
}

TEST(JsonRead, ValuesOfTheWrongTypeOrRangeNameWhatWasFound) {
  const rapidjson::Document d = Parse(R"({"s": 1, "n": "x", "b": 0, "id": "a b", "i": 2.5, "in": 17, "u": -1, "low": 0})");
  Reader r;
  std::string s;
  double n = 0;
  bool b = false;
  std::string id;
  int i = 0;
  int in = 0;
  int low = 0;
  std::uint64_t u = 0;
  r.String(d, "x", "s", s, true);
  r.Number(d, "x", "n", n);
  r.Bool(d, "x", "b", b);
  r.Id(d, "x", "id", id);
  r.Integer(d, "x", "i", i, Range{0, 12, false, true});
  r.IntegerIn(d, "x", "in", in, 1, 16, true);
  r.IntegerIn(d, "x", "low", low, 1, std::numeric_limits<int>::max(), true);
  r.Uint64(d, "x", "u", u);
  r.Number(d, "x", "missing", n, true);
  EXPECT_EQ(All(r), "x.s: must be a string, got number\n"
                    "x.n: must be a number, got string\n"
                    "x.b: must be true or false, got number\n"
                    "x.id: must be 1-64 characters of A-Z, a-z, 0-9, _ and -\n"
                    "x.i: must be a whole number, got 2.5\n"
                    "x.in: must be a whole number in 1..16, got 17\n"
                    "x.low: must be a whole number >= 1, got 0\n"
                    "x.u: must be a whole number in 0..18446744073709551615, got -1\n"
                    "x.missing: required field is missing\n");
  EXPECT_EQ(i, 0) << "a wrong value leaves the field as it was";
}

TEST(JsonRead, ArraysKeepTheFilesIndicesAndTheirBounds) {
  const rapidjson::Document d = Parse(R"({"names": ["a", 3, "c"], "few": [1, 2, 3], "sized": [1, "x"]})");
  Reader r;
  std::vector<std::string> names;
  r.StringList(d, "", "names", names);
  EXPECT_EQ(names, (std::vector<std::string>{"a", "", "c"}));
  std::vector<std::string> few;
  r.StringList(d, "", "few", few, false, 2);
  std::vector<double> sized;
  r.Numbers(d, "", "sized", sized, 3);
  r.Numbers(d, "", "names", sized, 3);
  std::vector<double> two;
  r.Numbers(d, "", "sized", two, 2);
  EXPECT_EQ(All(r), "names[1]: must be a string, got number\n"
                    "few: at most 2 items, got 3\n"
                    "sized: must be an array of 3 numbers\n"
                    "names[0]: must be a number, got string\n"
                    "sized[1]: must be a number, got string\n");
  std::vector<std::string> visited;
  r.Each(d, "", "few", false, kAnyCount, [&](const Json&, const std::string& path) { visited.push_back(path); });
  EXPECT_EQ(visited, (std::vector<std::string>{"few[0]", "few[1]", "few[2]"}));
}

TEST(JsonRead, TheProblemListStopsGrowingAndCountsTheRest) {
  Reader r;
  for (std::size_t i = 0; i < kMaxProblems + 7; ++i) r.Add("p", "m");
  EXPECT_EQ(r.problems.size(), kMaxProblems);
  EXPECT_EQ(r.dropped, 7u);
}

TEST(JsonRead, ShortenNeverSplitsACharacter) {
  EXPECT_EQ(Shorten("abc", 3), "abc");
  EXPECT_EQ(Shorten("abcd", 3), "abc...");
  EXPECT_EQ(Shorten("a\xE3\x81\x82", 2), "a...");
}

}  // namespace
}  // namespace kz::json_read
