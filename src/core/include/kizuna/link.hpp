// Share links: everything a viewer needs to see what the sender saw, in a URL fragment. A link names
// a bundled preset and carries only what differs from it (levers, added and removed shocks,
// framework members) plus the view (selection, comparison, chart, map, analysis shown), encoded as
// compact binary (varints, a string table) in base64url with a checksum.
//
// Links never break: each format version has a migration to the next (MigrateLink), and the golden
// links in tests/golden/links must decode to the same scenario and results in every later version.
// Links are untrusted input: DecodeLink checks sizes, every count and every value, and names the
// problem in words a user can act on ("This link was made by a newer version of Kizuna").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

/// The newest link format; it reads every version from 1 up to this one. Version 2 added
/// LinkView::language, version 3 the story section (ScenarioLink::story), version 4 the risk
/// register's changes (ScenarioLink::removedHazards, addedHazards). A link is written in the oldest
/// format that carries it (version 2 without a story or hazard changes, 3 with a story only), so
/// older versions still open it.
inline constexpr int kLinkVersion = 4;
/// Longest fragment DecodeLink accepts (characters); typical links are a few hundred.
inline constexpr std::size_t kMaxLinkChars = 65536;

/// LinkView::language values. Default = the reader's own (the browser's language); version-1 links,
/// made before the app had languages, migrate to it.
enum LinkLanguage : std::uint8_t {
  kLinkLanguageDefault = 0,
  kLinkLanguageEnglish = 1,
  kLinkLanguageJapanese = 2,
};

/// What the viewer sees besides the scenario. Ids rather than indices, so a link survives a preset
/// that gains regions or goods. Values the app does not know are ignored by the app, not the link.
struct LinkView {
  std::string region;               ///< selected region id ("" = the app's default)
  std::string good;                 ///< selected good id ("" = default)
  int month = -1;                   ///< selected month (-1 = default)
  std::uint8_t comparison = 1;      ///< 0 none, 1 without the shocks, 2 the preset as loaded, 3 another scenario,
                                    ///< 4 without the scenario's frameworks (read since format 2 too)
  std::string comparisonScenario;   ///< the other scenario's preset id when comparison == 3
  std::uint8_t chartMetric = 0;     ///< 0 fulfilment, 1 price, 2 stock, 3 loss
  bool chartDelta = false;          ///< the chart shows differences from the comparison
  std::uint8_t analysis = 0;        ///< 0 none, 1 Monte Carlo, 2 coalition, 3 sensitivity (panel shown)
  bool hasMapView = false;          ///< the map's centre and zoom below are set
  float mapLon = 0.0f;
  float mapLat = 0.0f;
  float mapZoom = 1.0f;
  std::uint32_t embed = 0;          ///< EmbedFlag bits: how the app shows inside another page
  std::uint8_t language = kLinkLanguageDefault;  ///< LinkLanguage: the UI language the sender used
  bool operator==(const LinkView&) const = default;
};

/// LinkView::embed bits, for a link opened in an iframe of a briefing page. Without kEmbedMode the
/// others mean nothing. Panels are hidden rather than chosen, so 0 keeps every panel.
enum EmbedFlag : std::uint32_t {
  kEmbedMode = 1u << 0,         ///< minimal chrome: no menu bar; no autosave or history entries
  kEmbedReadOnly = 1u << 1,     ///< levers shown but not editable by the viewer (the host page still can)
  kEmbedHideLevers = 1u << 2,
  kEmbedHideFindings = 1u << 3,
  kEmbedHideMap = 1u << 4,
  kEmbedHideChart = 1u << 5,
};

/// A lever set to a value that differs from the preset's.
struct LinkLever {
  std::string path;
  double value = 0.0;
  bool operator==(const LinkLever&) const = default;
};

/// A framework's member list, when it differs from the preset's.
struct LinkMembers {
  std::string framework;
  std::vector<std::string> members;
  bool operator==(const LinkMembers&) const = default;
};

struct StoryStep;  // kizuna/story.hpp's subject, defined below

/// The decoded content of a link.
struct ScenarioLink {
  std::string preset;                      ///< bundled scenario id the edits apply to
  std::vector<std::string> removedEvents;  ///< preset shocks the sender removed (or replaced)
  std::vector<Event> addedEvents;          ///< shocks the sender added (or replaced), in order
  std::vector<LinkMembers> members;
  std::vector<LinkLever> levers;           ///< applied after the shocks and members, in order
  std::vector<std::string> removedHazards; ///< preset hazards (risk register) the sender removed (format 4)
  std::vector<Hazard> addedHazards;        ///< hazards the sender added, appended in order, or changed beyond
                                           ///< their levers, replaced in place (same id as the preset's) (format 4)
  LinkView view;
  std::vector<StoryStep> story;            ///< a presenter's steps (kizuna/story.hpp); empty = a plain link
  bool operator==(const ScenarioLink&) const = default;
};

/// One step of a story (kizuna/story.hpp): the scenario's changes from the story's preset and the
/// view, as a share link holds them, and the caption shown in large type.
struct StoryStep {
  ScenarioLink scene;        ///< scene.preset = the story link's preset; scene.story is always empty
  std::string caption;       ///< plain text, any language; line breaks allowed, no other control characters
  std::uint8_t figure = 0;   ///< StoryFigure (kizuna/story.hpp): the headline figure pointed at, 0 none
  bool operator==(const StoryStep&) const = default;
};

/// The link's fragment text (no leading '#'): "k" then base64url of the binary form.
std::string EncodeLink(const ScenarioLink& link);

/// Reads a fragment (with or without a leading '#', or a whole URL containing one). Problems name
/// what is wrong: not a Kizuna link, damaged (checksum, truncated, bad characters), too long,
/// made by a newer version, or a value out of range.
Expected<ScenarioLink> DecodeLink(std::string_view text);

/// What `working` changed relative to `preset` (whose id becomes the link's preset), with `view`.
/// Refused when the change cannot be carried by a link (e.g. new regions or goods, edited names):
/// the link is checked to rebuild `working` exactly before it is returned.
Expected<ScenarioLink> LinkFromScenario(const Scenario& preset, const Scenario& working, const LinkView& view = {});

/// The scenario a link describes: `preset` (the bundled scenario named by link.preset) with the
/// link's edits applied and validated. Problems leave nothing half-applied (the caller keeps its work).
Expected<Scenario> ApplyLink(const Scenario& preset, const ScenarioLink& link);

}  // namespace kz
