// The `kizuna exercise` subcommands: tabletop exercises played from decision codes, by the same core
// code as the app's workshop mode.
//   kizuna exercise check FILE|ID                      every problem with its path; exit 2 if invalid
//   kizuna exercise code ID --round R --team T --set PATH=VALUE...   prints the team's decision code
//   kizuna exercise play ID --codes CODE... [--link] [--csv FILE]   plays every round, prints the debrief
//   kizuna exercise debrief LINK [--csv FILE]          the debrief of a session link
// Exit codes: 0 ok, 1 an output file could not be written, 2 invalid input.
#pragma once

#include <string>
#include <vector>

namespace kz::cli {

struct ExerciseOptions {
  std::string exercise;            ///< file path or bundled exercise id (assets/exercises/<id>.json)
  int round = 1;                   ///< code: 1-based
  std::string team;                ///< code: team id
  std::vector<std::string> sets;   ///< code: PATH=VALUE for the team's levers (others keep their values)
  std::vector<std::string> codes;  ///< play: decision codes in the order entered
  bool link = false;               ///< play: also print the session link
  std::string csvPath;             ///< play, debrief: write the debrief as CSV
  std::string sessionLink;         ///< debrief: the session link
};

int ExerciseCheckCommand(const ExerciseOptions& options);
int ExerciseCodeCommand(const ExerciseOptions& options);
int ExercisePlayCommand(const ExerciseOptions& options);
int ExerciseDebriefCommand(const ExerciseOptions& options);

}  // namespace kz::cli
