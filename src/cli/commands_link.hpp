// The `kizuna link` subcommands: share links made and read by the same core code as the app's.
//   kizuna link encode SCENARIO [--preset ID] [--set PATH=VALUE]... [--embed PANELS [--read-only]]
//                          [--language en|ja]   prints the fragment (without '#'); --embed makes it
//                                               open as an embedded view showing PANELS (a comma list
//                                               of levers, findings, map, chart); --language opens it
//                                               in that UI language (default: the reader's browser's)
//   kizuna link decode LINK [--hashes]          prints the scenario JSON (or the hashes), or the error
// Exit codes: 0 ok, 2 invalid input (a scenario that cannot be linked, a damaged link).
#pragma once

#include <string>
#include <vector>

namespace kz::cli {

struct LinkOptions {
  std::string scenario;  ///< encode: file or preset id
  std::string preset;    ///< encode: the bundled preset it derives from (default: the scenario's id)
  std::vector<std::string> sets;   ///< encode: lever overrides applied to the scenario first
  std::vector<std::string> embed;  ///< encode: the panels an embedded view shows (empty = not embedded)
  bool readOnly = false;           ///< encode: with --embed, readers cannot change the levers
  std::string language;            ///< encode: "en" or "ja" ("" = the reader's own)
  std::string link;      ///< decode: fragment or URL
  bool hashes = false;   ///< decode: print "scenario HEX results HEX" instead of the JSON (golden links)
};

int LinkEncodeCommand(const LinkOptions& options);
int LinkDecodeCommand(const LinkOptions& options);

}  // namespace kz::cli
