#include "state/problem_text.hpp"

#include <regex>

#include "state/catalog.hpp"

namespace kz {
namespace {

// The subject of a link message: a scenario link ("This link") or a workshop's ("This session link").
std::string What(const std::smatch& match, const UiText& words) {
  return words.Tr(match[1].matched ? "link.problem.what-session" : "link.problem.what-link");
}

}  // namespace

std::string LocalProblemText(const std::string& message, const UiText& words) {
  if (words.language() == Language::English) return message;
  // The patterns follow the wording of src/core/link.cpp and exercise_link.cpp (problem_text_test
  // decodes real bad links, so a change there fails the test rather than falls back silently).
  static const std::regex tooLong(R"(^This (session )?link is too long \((\d+) characters; at most (\d+)\)\.$)");
  static const std::regex notScenario(R"(^This is not a Kizuna scenario link)");
  static const std::regex notSession(R"(^This is not a Kizuna exercise session link)");
  static const std::regex badCharacters(R"(^This (session )?link is damaged: it has characters a link cannot contain)");
  static const std::regex tooShort(R"(^This (session )?link is damaged: it is too short\.$)");
  static const std::regex checksum(R"(^This (session )?link is damaged \(checksum\))");
  static const std::regex damaged(R"(^This (session )?link is damaged)");
  static const std::regex noHazard(R"(^This link removes hazard '([^']*)', which scenario '([^']*)' does not have in its risk register\.$)");
  static const std::regex newer(R"(^This (session )?link was made by a newer version of Kizuna \((?:link )?format (\d+); this version reads formats 1 to (\d+)\))");
  std::smatch m;
  if (std::regex_search(message, m, tooLong)) {
    return words.TrFormat("link.problem.too-long", {{"what", What(m, words)}, {"count", m[2].str()}, {"most", m[3].str()}});
  }
  if (std::regex_search(message, m, notScenario)) return words.Tr("link.problem.not-scenario-link");
  if (std::regex_search(message, m, notSession)) return words.Tr("link.problem.not-session-link");
  if (std::regex_search(message, m, badCharacters)) return words.TrFormat("link.problem.bad-characters", {{"what", What(m, words)}});
  if (std::regex_search(message, m, tooShort)) return words.TrFormat("link.problem.too-short", {{"what", What(m, words)}});
  if (std::regex_search(message, m, checksum)) return words.TrFormat("link.problem.checksum", {{"what", What(m, words)}});
  if (std::regex_search(message, m, newer)) {
    return words.TrFormat("link.problem.newer", {{"what", What(m, words)}, {"version", m[2].str()}, {"most", m[3].str()}});
  }
  if (std::regex_search(message, m, noHazard)) return words.TrFormat("link.problem.no-hazard", {{"id", m[1].str()}, {"scenario", m[2].str()}});
  if (std::regex_search(message, m, damaged)) return words.TrFormat("link.problem.damaged", {{"what", What(m, words)}});
  return message;
}

}  // namespace kz
