// Provenance: pattern matching over number paths, resolving each number to the entry that covers it,
// the rules of `sources` and `provenance`, and a JSON report. Sections: patterns; resolving;
// validation; report.
#include "kizuna/provenance.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "id_text.hpp"
#include "json_detail.hpp"
#include "json_out.hpp"

namespace kz {
namespace {

using Segments = std::vector<std::string_view>;  // SplitPath's: views into the pattern

bool IsWildcard(std::string_view pattern) { return pattern.find('*') != std::string_view::npos; }

// True when `path` has as many segments as `pattern` and each equals its `*` or text. Walks the path
// in place: resolving calls this for every (number, wildcard pattern) pair.
bool Matches(const Segments& pattern, std::string_view path) {
  std::size_t begin = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::size_t dot = path.find('.', begin);
    const std::size_t end = dot == std::string_view::npos ? path.size() : dot;
    if (pattern[i] != "*" && pattern[i] != path.substr(begin, end - begin)) return false;
    if (dot == std::string_view::npos) return i + 1 == pattern.size();
    begin = dot + 1;
  }
  return false;  // the path has more segments
}

// The numbers of a scenario, indexed for pattern look-ups: exact paths by hash.
class NumberIndex {
 public:
  // `numbers` must outlive the index (it keeps views of the paths).
  explicit NumberIndex(const std::vector<NumberInfo>& numbers) : list(numbers) {
    exact.reserve(numbers.size());
    for (const NumberInfo& number : numbers) exact.emplace(number.path);
  }

  // True when some number matches the (well-formed) pattern.
  bool AnyMatch(std::string_view pattern) const {
    if (!IsWildcard(pattern)) return exact.find(pattern) != exact.end();
    const Segments segments = SplitPath(pattern);
    return std::any_of(list.begin(), list.end(), [&](const NumberInfo& n) { return Matches(segments, n.path); });
  }

 private:
  const std::vector<NumberInfo>& list;
  std::unordered_set<std::string_view> exact;  // views into the numbers' paths
};

// -- Resolving ----------------------------------------------------------------------------------------

struct Coverage {
  std::unordered_map<std::string_view, std::size_t> exact;  // path -> entry (the last naming it)
  std::vector<std::pair<std::size_t, Segments>> patterns;   // (entry, pattern) in file order
};

Coverage CoverageOf(const Scenario& s) {
  Coverage coverage;
  for (std::size_t e = 0; e < s.provenance.size(); ++e) {
    for (const std::string& pattern : s.provenance[e].numbers) {
      if (CheckNumberPattern(pattern)) continue;  // malformed: validation reports it; covers nothing
      if (IsWildcard(pattern)) {
        coverage.patterns.emplace_back(e, SplitPath(pattern));
      } else {
        coverage.exact.insert_or_assign(std::string_view(pattern), e);
      }
    }
  }
  return coverage;
}

// How specific a pattern is: its literal (non-`*`) segments.
int LiteralSegments(const Segments& pattern) {
  return static_cast<int>(std::count_if(pattern.begin(), pattern.end(), [](std::string_view s) { return s != "*"; }));
}

std::size_t CoveringEntry(const Coverage& coverage, const std::string& path) {
  if (const auto it = coverage.exact.find(path); it != coverage.exact.end()) return it->second;
  std::size_t best = kNoProvenance;
  int bestLiterals = -1;
  for (const auto& [entry, pattern] : coverage.patterns) {
    if (!Matches(pattern, path)) continue;
    const int literals = LiteralSegments(pattern);
    if (literals >= bestLiterals) {  // later entries win ties: a preset re-sources what its base says
      best = entry;
      bestLiterals = literals;
    }
  }
  return best;
}

// -- Validation -----------------------------------------------------------------------------------------

using json_detail::Item;

bool IsSourceIdChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

void CheckSources(const Scenario& s, std::unordered_map<std::string, std::size_t>& ids,
                  std::vector<Problem>& problems) {
  for (std::size_t i = 0; i < s.sources.size(); ++i) {
    const Source& source = s.sources[i];
    const std::string path = Item("sources", i);
    if (source.id.empty()) {
      problems.push_back({path + ".id", "must not be empty"});
    } else if (!std::all_of(source.id.begin(), source.id.end(), IsSourceIdChar)) {
      problems.push_back({path + ".id", "'" + source.id + "' may contain only letters, digits, '_', '-' and '.'"});
    } else if (auto [it, inserted] = ids.emplace(source.id, i); !inserted) {
      problems.push_back({path + ".id", "duplicate source id '" + source.id + "' (first at " +
                                            Item("sources", it->second) + ")"});
    }
    if (source.citation.empty()) problems.push_back({path + ".citation", "must not be empty"});
  }
}

// `index`, when given, also reports patterns that match no number (UnmatchedProvenance).
void CheckEntries(const Scenario& s, const std::unordered_map<std::string, std::size_t>& sourceIds,
                  const NumberIndex* index, std::vector<Problem>& problems) {
  for (std::size_t i = 0; i < s.provenance.size(); ++i) {
    const Provenance& entry = s.provenance[i];
    const std::string path = Item("provenance", i);
    if (entry.numbers.empty()) problems.push_back({path + ".numbers", "must name at least one number path"});
    for (std::size_t k = 0; k < entry.numbers.size(); ++k) {
      const std::string& pattern = entry.numbers[k];
      const std::string itemPath = Item(path + ".numbers", k);
      if (auto message = CheckNumberPattern(pattern)) {
        problems.push_back({itemPath, pattern.empty() ? *message : "'" + pattern + "': " + *message});
      } else if (index && !index->AnyMatch(pattern)) {
        problems.push_back({itemPath, "'" + pattern + "' matches no number of this scenario"});
      }
    }
    const bool hasSource = !entry.source.empty();
    const bool hasAssumption = !entry.assumption.empty();
    if (hasSource && hasAssumption) {
      problems.push_back({path, "give either 'source' or 'assumption', not both"});
    } else if (!hasSource && !hasAssumption) {
      problems.push_back({path, "needs a 'source' (a source id) or an 'assumption' (its rationale)"});
    }
    if (hasSource && sourceIds.find(entry.source) == sourceIds.end()) {
      problems.push_back({path + ".source", "unknown source '" + entry.source + "'"});
    }
  }
}

}  // namespace

// -- Patterns -------------------------------------------------------------------------------------------

bool MatchesNumberPattern(std::string_view pattern, std::string_view path) {
  return Matches(SplitPath(pattern), path);
}

std::optional<std::string> CheckNumberPattern(std::string_view pattern) {
  if (pattern.empty()) return "must not be empty";
  for (std::string_view segment : SplitPath(pattern)) {
    if (segment.empty()) return "has an empty segment";
    if (segment != "*" && segment.find('*') != std::string_view::npos) {
      return "'*' must be a whole segment (it matches exactly one segment)";
    }
  }
  return std::nullopt;
}

// -- Resolving (public) ---------------------------------------------------------------------------------

std::vector<NumberProvenance> ResolveProvenance(const Scenario& scenario) {
  std::unordered_map<std::string_view, std::size_t> sourceIndex;
  for (std::size_t i = 0; i < scenario.sources.size(); ++i) sourceIndex.emplace(scenario.sources[i].id, i);
  const Coverage coverage = CoverageOf(scenario);
  std::vector<NumberInfo> numbers = ListNumbers(scenario);
  std::vector<NumberProvenance> resolved;
  resolved.reserve(numbers.size());
  for (NumberInfo& number : numbers) {
    NumberProvenance item;
    item.entry = CoveringEntry(coverage, number.path);
    if (item.covered()) {
      const std::string& source = scenario.provenance[item.entry].source;
      if (const auto it = sourceIndex.find(source); !source.empty() && it != sourceIndex.end()) {
        item.source = it->second;
      }
    }
    item.number = std::move(number);
    resolved.push_back(std::move(item));
  }
  return resolved;
}

std::vector<NumberInfo> NumbersWithoutProvenance(const Scenario& scenario) {
  const Coverage coverage = CoverageOf(scenario);
  std::vector<NumberInfo> uncovered;
  for (NumberInfo& number : ListNumbers(scenario)) {
    if (CoveringEntry(coverage, number.path) == kNoProvenance) uncovered.push_back(std::move(number));
  }
  return uncovered;
}

std::vector<Problem> ValidateProvenance(const Scenario& scenario) {
  std::vector<Problem> problems;
  std::unordered_map<std::string, std::size_t> sourceIds;
  CheckSources(scenario, sourceIds, problems);
  CheckEntries(scenario, sourceIds, nullptr, problems);
  return problems;
}

std::vector<Problem> UnmatchedProvenance(const Scenario& scenario) {
  if (scenario.provenance.empty()) return {};  // skips ListNumbers
  const std::vector<NumberInfo> numbers = ListNumbers(scenario);
  const NumberIndex index(numbers);
  std::vector<Problem> problems;
  for (std::size_t i = 0; i < scenario.provenance.size(); ++i) {
    const std::vector<std::string>& patterns = scenario.provenance[i].numbers;
    for (std::size_t k = 0; k < patterns.size(); ++k) {
      if (CheckNumberPattern(patterns[k]) || index.AnyMatch(patterns[k])) continue;  // malformed: validation's
      problems.push_back({Item(Item("provenance", i) + ".numbers", k),
                          "'" + patterns[k] + "' matches no number of this scenario"});
    }
  }
  return problems;
}

// -- Report ---------------------------------------------------------------------------------------------

std::string ProvenanceReportJson(const Scenario& scenario) {
  const std::vector<NumberProvenance> resolved = ResolveProvenance(scenario);
  return PrettyJsonObject([&](PrettyJsonOut& o) {
    o.Objects("sources", scenario.sources, [&o](const Source& source) {
      o.Str("id", source.id);
      o.Str("citation", source.citation);
      o.Str("tag", source.tag);
      o.Str("url", source.url);
    });
    o.Objects("numbers", resolved, [&](const NumberProvenance& item) {
      o.Str("path", item.number.path);
      o.Str("unit", item.number.unit);
      o.Num("value", item.number.value);
      if (item.covered()) {
        const Provenance& entry = scenario.provenance[item.entry];
        if (!entry.source.empty()) o.Str("source", entry.source);
        if (!entry.assumption.empty()) o.Str("assumption", entry.assumption);
        if (!entry.note.empty()) o.Str("note", entry.note);
      }
    });
    o.Array("uncovered", [&] {
      for (const NumberProvenance& item : resolved) {
        if (!item.covered()) o.w.String(item.number.path.data(), static_cast<rapidjson::SizeType>(item.number.path.size()));
      }
    });
  });
}

}  // namespace kz
