// The core's JSON reader (see json_read.hpp): types, required, unknown and repeated fields, and the
// wording of their messages, in one place for scenarios, exercises, Monte Carlo shards and analysis
// results.
#include "json_read.hpp"

#include <rapidjson/error/en.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>

#include "id_text.hpp"

namespace kz::json_read {
namespace {

using json_detail::Field;
using json_detail::Item;
using json_detail::TypeName;

constexpr std::size_t kMaxIdChars = 64;

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// The known field an unknown one was probably meant to be: a close spelling (at most 2 edits,
// ignoring case) or a shortening ("lattitude" -> "lat"). Empty when nothing is close.
std::string_view Suggest(std::string_view key, std::initializer_list<std::string_view> fields) {
  if (key.size() > kMaxShownKeyBytes) return {};
  const std::string lower = Lower(key);
  std::string_view best;
  std::size_t bestDistance = std::numeric_limits<std::size_t>::max();
  for (std::string_view field : fields) {
    const std::string fieldLower = Lower(field);
    const std::size_t distance = EditDistance(lower, fieldLower);
    const bool prefix = std::min(lower.size(), fieldLower.size()) >= 2 &&
                        (lower.starts_with(fieldLower) || fieldLower.starts_with(lower));
    if (((distance <= 2 && distance < field.size()) || prefix) && distance < bestDistance) {
      best = field;
      bestDistance = distance;
    }
  }
  return best;
}

std::string MustBe(const char* what, const Json& value) { return std::string("must be ") + what + ", got " + TypeName(value); }

}  // namespace

std::string Shorten(std::string_view text, std::size_t maxBytes) {
  if (text.size() <= maxBytes) return std::string(text);
  std::size_t end = maxBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "...";
}

void Reader::Add(std::string path, std::string message) {
  Noticed(path);
  if (problems.size() >= kMaxProblems) {
    ++dropped;
    return;
  }
  problems.push_back(Problem{std::move(path), std::move(message)});
}

bool Reader::Object(const Json& value, const std::string& path, std::initializer_list<std::string_view> fields) {
  if (!value.IsObject()) {
    Add(path, MustBe("an object", value));
    return false;
  }
  std::array<std::uint8_t, 32> seen{};
  for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
    const std::string_view key(it->name.GetString(), it->name.GetStringLength());
    const auto known = std::find(fields.begin(), fields.end(), key);
    if (known == fields.end()) {
      std::string message = "unknown field";
      const std::string_view suggestion = Suggest(key, fields);
      if (!suggestion.empty()) message += " (did you mean '" + std::string(suggestion) + "'?)";
      Add(Field(path, Shorten(key, kMaxShownKeyBytes)), std::move(message));
    } else if (seen[static_cast<std::size_t>(known - fields.begin())]++ != 0) {
      Add(Field(path, key), "duplicate field");
    }
  }
  return true;
}

const Json* Reader::Member(const Json& object, const std::string& path, const char* name, bool required) {
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd()) {
    if (required) Add(Field(path, name), "required field is missing");
    return nullptr;
  }
  return &it->value;
}

const Json* Reader::NumberMember(const Json& object, const std::string& path, const char* name, bool required) {
  const Json* value = Member(object, path, name, required);
  if (value == nullptr || value->IsNumber()) return value;
  Add(Field(path, name), MustBe("a number", *value));
  return nullptr;
}

bool Reader::HasString(const Json& object, const char* name) {
  const auto it = object.FindMember(name);
  return it != object.MemberEnd() && it->value.IsString();
}

void Reader::String(const Json& object, const std::string& path, const char* name, std::string& out, bool required) {
  const Json* value = Member(object, path, name, required);
  if (value == nullptr) return;
  if (!value->IsString()) return Add(Field(path, name), MustBe("a string", *value));
  out.assign(value->GetString(), value->GetStringLength());
}

void Reader::Id(const Json& object, const std::string& path, const char* name, std::string& out) {
  String(object, path, name, out, true);
  if (!out.empty() && !IsIdText(out, kMaxIdChars)) Add(Field(path, name), "must be 1-64 characters of A-Z, a-z, 0-9, _ and -");
}

void Reader::Number(const Json& object, const std::string& path, const char* name, double& out, bool required) {
  const Json* value = NumberMember(object, path, name, required);
  if (value == nullptr) return;
  const double number = value->GetDouble();
  // JSON has no infinities; guard in case the parser ever allows them.
  if (!std::isfinite(number)) return Add(Field(path, name), "must be a finite number");
  out = number;
}

void Reader::Bool(const Json& object, const std::string& path, const char* name, bool& out, bool required) {
  const Json* value = Member(object, path, name, required);
  if (value == nullptr) return;
  if (!value->IsBool()) return Add(Field(path, name), MustBe("true or false", *value));
  out = value->GetBool();
}

void Reader::Integer(const Json& object, const std::string& path, const char* name, int& out, const Range& range, bool required) {
  const Json* value = NumberMember(object, path, name, required);
  if (value == nullptr) return;
  if (value->IsInt()) {
    out = value->GetInt();
    return;
  }
  const double number = value->GetDouble();
  if (std::isfinite(number) && number == std::floor(number) && number >= std::numeric_limits<int>::min() &&
      number <= std::numeric_limits<int>::max()) {
    out = static_cast<int>(number);  // e.g. 12.0
    return;
  }
  Range wider = range;
  wider.integer = true;
  Add(Field(path, name), CheckRange(wider, number).value_or("must be a whole number, got " + FormatNumber(number)));
}

void Reader::IntegerIn(const Json& object, const std::string& path, const char* name, int& out, int low, int high, bool required) {
  const Json* value = NumberMember(object, path, name, required);
  if (value == nullptr) return;
  const double number = value->GetDouble();
  if (number != std::floor(number) || number < low || number > high) {
    const std::string range = high == std::numeric_limits<int>::max() ? ">= " + std::to_string(low)
                                                                       : "in " + std::to_string(low) + ".." + std::to_string(high);
    return Add(Field(path, name), "must be a whole number " + range + ", got " + FormatNumber(number));
  }
  out = static_cast<int>(number);
}

void Reader::Count(const Json& object, const std::string& path, const char* name, int& out) {
  IntegerIn(object, path, name, out, 0, std::numeric_limits<int>::max(), true);
}

void Reader::Uint64(const Json& object, const std::string& path, const char* name, std::uint64_t& out, bool required) {
  const Json* value = NumberMember(object, path, name, required);
  if (value == nullptr) return;
  if (value->IsUint64()) {
    out = value->GetUint64();
    return;
  }
  const double number = value->GetDouble();
  if (number >= 0 && number < 18446744073709551616.0 && number == std::floor(number)) {
    out = static_cast<std::uint64_t>(number);
    return;
  }
  Add(Field(path, name), "must be a whole number in 0..18446744073709551615, got " + FormatNumber(number));
}

void Reader::Text(const Json& object, const std::string& path, const char* name, LocalizedText& out, bool required) {
  const Json* value = Member(object, path, name, required);
  if (value == nullptr) return;
  const std::string textPath = Field(path, name);
  if (!Object(*value, textPath, {"en", "ja"})) return;
  String(*value, textPath, "en", out.en, true);
  String(*value, textPath, "ja", out.ja, false);
}

const Json* Reader::ArrayMember(const Json& object, const std::string& path, const char* name, bool required, std::size_t most) {
  const Json* value = Member(object, path, name, required);
  if (value == nullptr) return nullptr;
  const std::string arrayPath = Field(path, name);
  if (!value->IsArray()) {
    Add(arrayPath, MustBe("an array", *value));
    return nullptr;
  }
  if (value->Size() > most) {
    Add(arrayPath, "at most " + std::to_string(most) + " items, got " + std::to_string(value->Size()));
    return nullptr;
  }
  return value;
}

void Reader::StringList(const Json& object, const std::string& path, const char* name, std::vector<std::string>& out, bool required,
                        std::size_t most) {
  Array(object, path, name, out, required, [this](const Json& item, const std::string& itemPath, std::string& text) {
    if (!item.IsString()) return Add(itemPath, MustBe("a string", item));
    text.assign(item.GetString(), item.GetStringLength());
  }, most);
}

void Reader::Numbers(const Json& object, const std::string& path, const char* name, std::vector<double>& out, std::size_t count) {
  const Json* value = Member(object, path, name, true);
  if (value == nullptr) return;
  const std::string arrayPath = Field(path, name);
  if (!value->IsArray() || value->Size() != count) return Add(arrayPath, "must be an array of " + std::to_string(count) + " numbers");
  out.resize(count);
  for (rapidjson::SizeType i = 0; i < value->Size(); ++i) {
    if (!(*value)[i].IsNumber()) return Add(Item(arrayPath, i), MustBe("a number", (*value)[i]));
    out[i] = (*value)[i].GetDouble();
  }
}

bool Reader::NumberItems(const Json& value, const std::string& path, std::vector<double>& out, std::vector<bool>* known) {
  if (!value.IsArray()) {
    Add(path, MustBe("an array of numbers", value));
    return false;
  }
  out.assign(value.Size(), 0.0);
  if (known != nullptr) known->assign(value.Size(), false);
  for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
    const Json& item = value[i];
    if (item.IsNull()) continue;
    if (!item.IsNumber()) {
      Add(Item(path, i), MustBe("a number or null", item));
      return false;
    }
    out[i] = item.GetDouble();
    if (known != nullptr) (*known)[i] = true;
  }
  return true;
}

void Reader::NumberList(const Json& object, const std::string& path, const char* name, std::vector<double>& out, bool required,
                        std::vector<bool>* known) {
  const Json* value = Member(object, path, name, required);
  if (value != nullptr) NumberItems(*value, Field(path, name), out, known);
}

std::vector<Problem> ParseAnalysisJson(std::string_view text, std::string_view kind, rapidjson::Document& document) {
  document.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
  if (document.HasParseError()) {
    return {{"", std::string("not valid JSON: ") + rapidjson::GetParseError_En(document.GetParseError()) + " (offset " +
                     std::to_string(document.GetErrorOffset()) + ")"}};
  }
  if (!document.IsObject()) return {{"", std::string("must be a JSON object, got ") + TypeName(document)}};
  const rapidjson::Value& root = document;  // const iterators on both sides (clang: no reversed ==)
  const auto found = root.FindMember("kind");
  if (found == root.MemberEnd() || !found->value.IsString() ||
      std::string_view(found->value.GetString(), found->value.GetStringLength()) != kind) {
    return {{"kind", "must be \"" + std::string(kind) + "\""}};
  }
  return {};
}

}  // namespace kz::json_read
