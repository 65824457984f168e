// The Latin UI font compiled into the app (Inter subset; web/tools/latin_font.py generates its source
// in the build tree at build time from Debian's fonts-inter, so nothing of the font is committed).
#pragma once

#include "panels/ui_scale.hpp"

namespace kz::web {

/// Inter Regular cut to Latin text: the body level. The bytes live as long as the program.
ExtraFont LatinRegularFont();
/// Inter SemiBold cut the same way: the heading and headline levels.
ExtraFont LatinBoldFont();

}  // namespace kz::web
