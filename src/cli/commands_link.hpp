// The `kizuna link` subcommands: share links made and read by the same core code as the app's.
//   kizuna link encode SCENARIO [--preset ID]   prints the fragment (without '#')
//   kizuna link decode LINK [--hashes]          prints the scenario JSON (or the hashes), or the error
// Exit codes: 0 ok, 2 invalid input (a scenario that cannot be linked, a damaged link).
#pragma once

#include <string>

namespace kz::cli {

struct LinkOptions {
  std::string scenario;  ///< encode: file or preset id
  std::string preset;    ///< encode: the bundled preset it derives from (default: the scenario's id)
  std::string link;      ///< decode: fragment or URL
  bool hashes = false;   ///< decode: print "scenario HEX results HEX" instead of the JSON (golden links)
};

int LinkEncodeCommand(const LinkOptions& options);
int LinkDecodeCommand(const LinkOptions& options);

}  // namespace kz::cli
