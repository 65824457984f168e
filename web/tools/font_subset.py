#!/usr/bin/env python3
"""The characters of the Japanese font subset the web app loads when Japanese is chosen, and its check.

  font_subset.py chars --out FILE ASSETS_DIR    writes the characters (UTF-8) for pyftsubset --text-file
  font_subset.py check --font FILE ASSETS_DIR   exit 1 naming any catalog or scenario character missing
  font_subset.py face --font TTC                prints the face index of the Japanese (JP) face

The web build cuts the subset with pyftsubset (src/platform/web/CMakeLists.txt).
The subset holds every character of the catalogs (assets/i18n/*.json) and of every bundled
scenario's and exercise's texts (assets/scenarios, assets/exercises), plus what a user may type into a name: ASCII, all
hiragana and katakana, Japanese punctuation and fullwidth forms, and the 2,965 JIS X 0208 level-1
kanji (the everyday set, which holds nearly all of the Joyo kanji), enumerated from Python's own
euc_jp codec, so no list is downloaded or committed. check and face use fontTools (Debian: fonttools).
"""
import argparse
import glob
import json
import os
import sys


def strings_in(value):
    """Every string inside a parsed JSON value (keys too, which are ids and cost nothing)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def asset_characters(assets):
    """The characters of the catalogs, the bundled scenarios and exercises: all must be in the subset."""
    chars = set()
    files = sorted(path for folder in ('i18n', 'scenarios', 'exercises')
                   for path in glob.glob(os.path.join(assets, folder, '*.json')))
    for path in files:
        with open(path, encoding='utf-8') as f:
            for text in strings_in(json.load(f)):
                chars.update(text)
    return {c for c in chars if ord(c) >= 0x20}


def jis_level1_kanji():
    """JIS X 0208 rows 16-47 (level-1 kanji) through the euc_jp codec: bytes 0xB0A1..0xCFD3."""
    kanji = set()
    for lead in range(0xB0, 0xD0):
        for trail in range(0xA1, 0xFF):
            try:
                kanji.update(bytes([lead, trail]).decode('euc_jp'))
            except UnicodeDecodeError:
                pass
    return kanji


def typing_characters():
    chars = {chr(c) for c in range(0x20, 0x7F)}            # ASCII
    chars.update(chr(c) for c in range(0x3000, 0x3040))     # CJK symbols and punctuation
    chars.update(chr(c) for c in range(0x3041, 0x30FF))     # hiragana and katakana
    chars.update(chr(c) for c in range(0xFF01, 0xFF9F))     # fullwidth ASCII and halfwidth katakana
    chars.update('\u2212\u00d7\u2026\u2014\u2013\u2018\u2019\u201c\u201d\u301c\u2192')  # minus, ×, …, dashes, quotes, 〜, →
    chars.update(jis_level1_kanji())
    return chars


def chars(args):
    wanted = asset_characters(args.assets) | typing_characters()
    with open(args.out, 'w', encoding='utf-8') as f:
        f.write(''.join(sorted(wanted)))
    return 0


def face(args):
    from fontTools.ttLib import TTCollection
    for index, font in enumerate(TTCollection(args.font, lazy=True).fonts):
        if font['name'].getDebugName(1) == 'Noto Sans CJK JP':
            print(index)
            return 0
    sys.exit(f'{args.font} has no Noto Sans CJK JP face')


def check(args):
    from fontTools.ttLib import TTFont
    cmap = TTFont(args.font)['cmap'].getBestCmap()
    missing = sorted(c for c in asset_characters(args.assets) if ord(c) not in cmap and not c.isspace())
    if missing:
        print(f'{args.font} lacks {len(missing)} characters of the catalogs and scenarios: ' +
              ' '.join(f'{c} (U+{ord(c):04X})' for c in missing))
        return 1
    print(f'font subset covers the catalogs and scenarios: {len(cmap)} characters')
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('command', choices=['chars', 'check', 'face'])
    parser.add_argument('assets', nargs='?')
    parser.add_argument('--font')
    parser.add_argument('--out')
    args = parser.parse_intermixed_args()
    return {'chars': chars, 'check': check, 'face': face}[args.command](args)


if __name__ == '__main__':
    sys.exit(main())
