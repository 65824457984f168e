// The core's problem messages are English (the CLI and the page API speak it). The ones a reader
// meets most often in the app, damaged or foreign share and session links, are re-worded here in the
// UI's language from the catalogs; any other message is shown as the core wrote it.
#pragma once

#include <string>

#include "state/catalog.hpp"

namespace kz {

/// `message` (a core Problem's message) in the UI's language when it is a link problem the catalogs
/// word; otherwise, and always in English, `message` itself.
std::string LocalProblemText(const std::string& message, const UiText& words);

}  // namespace kz
