// Share links (see kizuna/link.hpp): the binary layout of each version, its checks, the diff from a
// preset and its application.
//
// Version 1 payload (before base64url): varint version, then
//   string table: varint count, each a length-prefixed [A-Za-z0-9_-] string (ids, path segments)
//   preset: table index
//   removed shocks: count, table indices
//   added shocks: count, each { id index, kind byte, name en, name ja, regions, targets, goods
//                 (counts + indices), fraction, start, duration, recovery byte, recoveryMonths }
//   members: count, each { framework index, count, region indices }
//   levers: count, each { segment count, segment indices, value }
//   view: region+1, good+1, month (signed), comparison byte, comparison scenario+1, chart metric
//         byte, delta byte, analysis byte, map flag byte [lon, lat, zoom as float32], embed flags
// Version 2 appends to the view: language byte (LinkLanguage).
// Version 3 appends a story section: varint step count, each step { removed shocks, added shocks,
//   members, levers, view (as above, without a preset: the link's), caption text, figure byte }.
//   Written only when the link has a story: a link without one stays version 2, byte for byte.
// Version 4 appends to every scene (the link's, and each story step's after its view) the risk
//   register's changes: removed hazards (count, table indices); added or changed hazards: count, each
//   { id index, kind byte, name en, name ja, regions, targets, goods, annual probability, severity
//   and months at full strength (each a spread byte 0 fixed / 1 uniform / 2 triangular, then low,
//   most likely, high), recovery byte, recoveryMonths }; and the story section always (count 0 when
//   none). Written only when some scene changes the register: other links stay version 2 or 3.
// The envelope around it ("k", base64url, the version gate, the checksum) is link_wire's (Seal /
// Open), shared with session links. Numbers are link_wire's (exact integers as zigzag varints,
// others as their IEEE-754 bits), so values round-trip bit for bit.
#include "kizuna/link.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "kizuna/levers.hpp"
#include "kizuna/story.hpp"
#include "kizuna/validate.hpp"
#include "id_text.hpp"
#include "link_wire.hpp"

namespace kz {
namespace {

using link_wire::Reader;
using link_wire::Writer;

constexpr std::size_t kMaxStrings = 8192;
constexpr std::size_t kMaxIdBytes = 128;
constexpr std::size_t kMaxNameBytes = 512;
constexpr std::size_t kMaxItems = 20000;  // levers, shocks, members: far above any real edit
constexpr std::size_t kMaxPathSegments = 8;

// Names are shown and saved as JSON: they must be well-formed UTF-8 without control characters.
// Captions may break lines (`lineBreaks`); nothing else below U+0020 is text.
bool IsCleanUtf8(std::string_view text, bool lineBreaks = false) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    int extra = 0;
    std::uint32_t code = 0;
    if (c < 0x80) {
      if ((c < 0x20 && !(lineBreaks && c == '\n')) || c == 0x7F) return false;
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) extra = 1, code = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) extra = 2, code = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) extra = 3, code = c & 0x07;
    else return false;
    if (i + static_cast<std::size_t>(extra) >= text.size()) return false;  // cut off mid-character
    for (int k = 1; k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    const std::uint32_t smallest[] = {0, 0x80, 0x800, 0x10000};
    if (code < smallest[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

// Strings in order of first use, so equal links encode to equal text.
class StringTable {
 public:
  std::uint64_t Index(const std::string& text) {
    const auto [it, added] = indices.emplace(text, strings.size());
    if (added) strings.push_back(text);
    return it->second;
  }
  const std::vector<std::string>& Strings() const { return strings; }

 private:
  std::map<std::string, std::uint64_t> indices;
  std::vector<std::string> strings;
};

void WriteIds(Writer& w, StringTable& table, const std::vector<std::string>& ids) {
  w.Varint(ids.size());
  for (const std::string& id : ids) w.Varint(table.Index(id));
}

// What a shock and a hazard (its risk-register form) both start with: id, kind, name, who and what.
template <typename Shock>
void WriteShockHead(Writer& w, StringTable& table, const Shock& s) {
  w.Varint(table.Index(s.id));
  w.Byte(static_cast<std::uint8_t>(s.kind));
  w.Text(s.name.en);
  w.Text(s.name.ja);
  WriteIds(w, table, s.regions);
  WriteIds(w, table, s.targets);
  WriteIds(w, table, s.goods);
}

void WriteEvent(Writer& w, StringTable& table, const Event& e) {
  WriteShockHead(w, table, e);
  w.Number(e.fraction);
  w.Signed(e.start);
  w.Signed(e.duration);
  w.Byte(static_cast<std::uint8_t>(e.recovery));
  w.Signed(e.recoveryMonths);
}

void WriteDistribution(Writer& w, const Distribution& d) {
  w.Byte(static_cast<std::uint8_t>(d.kind));
  w.Number(d.low);
  w.Number(d.mode);
  w.Number(d.high);
}

void WriteHazard(Writer& w, StringTable& table, const Hazard& h) {
  WriteShockHead(w, table, h);
  w.Number(h.annualProbability);
  WriteDistribution(w, h.severity);
  WriteDistribution(w, h.durationMonths);
  w.Byte(static_cast<std::uint8_t>(h.recovery));
  w.Signed(h.recoveryMonths);
}

bool ChangesHazards(const ScenarioLink& link) { return !link.removedHazards.empty() || !link.addedHazards.empty(); }

// The oldest format that carries `link` (so older versions open what they can show).
int FormatFor(const ScenarioLink& link) {
  const bool hazards = ChangesHazards(link) || std::any_of(link.story.begin(), link.story.end(),
                                                          [](const StoryStep& step) { return ChangesHazards(step.scene); });
  if (hazards) return 4;
  return link.story.empty() ? 2 : 3;
}

void WriteView(Writer& w, StringTable& table, const LinkView& v) {
  w.Varint(v.region.empty() ? 0 : table.Index(v.region) + 1);
  w.Varint(v.good.empty() ? 0 : table.Index(v.good) + 1);
  w.Signed(v.month);
  w.Byte(v.comparison);
  w.Varint(v.comparisonScenario.empty() ? 0 : table.Index(v.comparisonScenario) + 1);
  w.Byte(v.chartMetric);
  w.Byte(v.chartDelta ? 1 : 0);
  w.Byte(v.analysis);
  w.Byte(v.hasMapView ? 1 : 0);
  if (v.hasMapView) {
    w.Float(v.mapLon);
    w.Float(v.mapLat);
    w.Float(v.mapZoom);
  }
  w.Varint(v.embed);
  w.Byte(v.language);  // version 2
}

// Everything but the preset and the story: the changes from the preset and the view (and from
// format 4 the register's changes). A story's steps are written the same way (their preset is the link's).
void WriteScene(Writer& body, StringTable& table, const ScenarioLink& link, int format) {
  WriteIds(body, table, link.removedEvents);
  body.Varint(link.addedEvents.size());
  for (const Event& e : link.addedEvents) WriteEvent(body, table, e);
  body.Varint(link.members.size());
  for (const LinkMembers& m : link.members) {
    body.Varint(table.Index(m.framework));
    WriteIds(body, table, m.members);
  }
  body.Varint(link.levers.size());
  for (const LinkLever& lever : link.levers) {
    const std::vector<std::string_view> segments = SplitPath(lever.path);
    body.Varint(segments.size());
    for (const std::string_view segment : segments) body.Varint(table.Index(std::string(segment)));
    body.Number(lever.value);
  }
  WriteView(body, table, link.view);
  if (format < 4) return;
  WriteIds(body, table, link.removedHazards);
  body.Varint(link.addedHazards.size());
  for (const Hazard& h : link.addedHazards) WriteHazard(body, table, h);
}

void WriteStory(Writer& body, StringTable& table, const std::vector<StoryStep>& story, int format) {
  body.Varint(story.size());
  for (const StoryStep& step : story) {
    WriteScene(body, table, step.scene, format);
    body.Text(step.caption);
    body.Byte(step.figure);
  }
}

// ---- Reader (version 1, and the additions of versions 2 and 3) ---------------------------------

class V1Parser {
 public:
  V1Parser(Reader& reader, std::uint64_t formatVersion) : r(reader), version(formatVersion) {}

  Expected<ScenarioLink> Parse() {
    ReadTable();
    ScenarioLink link;
    link.preset = Id();
    ReadScene(link);
    if (version >= 3) ReadStory(link);
    if (!problem.empty()) return std::vector<Problem>{{"link", problem}};
    if (r.failed() || !r.done()) return std::vector<Problem>{{"link", "This link is damaged: it ends too early or has bytes left over."}};
    return link;
  }

 private:
  // A count, then that many records each read by `readOne`; none are read after the first damaged
  // byte. Every list in a scene is written this way.
  template <typename ReadOne>
  auto ReadRecords(ReadOne readOne) -> std::vector<decltype(readOne())> {
    std::vector<decltype(readOne())> records;
    const std::size_t n = r.Count(kMaxItems);
    for (std::size_t i = 0; i < n && !r.failed(); ++i) records.push_back(readOne());
    return records;
  }

  // `link` is a fresh scene (the link's, or a story step's with only its preset set).
  void ReadScene(ScenarioLink& link) {
    link.removedEvents = Ids();
    link.addedEvents = ReadRecords([this] { return ReadEvent(); });
    link.members = ReadRecords([this] { return ReadMembers(); });
    link.levers = ReadRecords([this] { return ReadLever(); });
    link.view = ReadView();
    if (version >= 4) ReadHazards(link);
  }

  void ReadHazards(ScenarioLink& link) {
    link.removedHazards = Ids();
    link.addedHazards = ReadRecords([this] { return ReadHazard(); });
  }

  LinkMembers ReadMembers() {
    LinkMembers m;
    m.framework = Id();
    m.members = Ids();
    return m;
  }

  Distribution ReadDistribution(const char* what) {
    Distribution d;
    d.kind = static_cast<DistributionKind>(Small(2, what));
    d.low = r.Number();
    d.mode = r.Number();
    d.high = r.Number();
    return d;
  }

  // WriteShockHead's fields; `what` names the record in messages ("shock", "hazard").
  template <typename Shock>
  void ReadShockHead(Shock& s, const std::string& what) {
    s.id = Id();
    s.kind = static_cast<EventKind>(Small(3, ("kind of " + what).c_str()));
    s.name.en = Name(("a " + what + "'s").c_str());
    s.name.ja = Name(("a " + what + "'s").c_str());
    s.regions = Ids();
    s.targets = Ids();
    s.goods = Ids();
  }

  Hazard ReadHazard() {
    Hazard h;
    ReadShockHead(h, "hazard");
    h.annualProbability = r.Number();
    h.severity = ReadDistribution("spread of a hazard's strength");
    h.durationMonths = ReadDistribution("spread of a hazard's months");
    h.recovery = static_cast<RecoveryShape>(Small(1, "recovery shape"));
    h.recoveryMonths = Month("a hazard's recovery of");
    return h;  // the values' ranges are the validator's, checked when the link is applied
  }

  // The story's problems name the step, so a presenter can find and fix it.
  void ReadStory(ScenarioLink& link) {
    const std::uint64_t steps = r.Varint();
    if (r.failed()) return;
    if (steps > kMaxStorySteps) {
      Fail("This link's story has " + std::to_string(steps) + " steps; at most " + std::to_string(kMaxStorySteps) + " are read.");
      return;
    }
    for (std::uint64_t i = 0; i < steps && !r.failed() && problem.empty(); ++i) {
      place = "Story step " + std::to_string(i + 1) + ": ";
      StoryStep step;
      step.scene.preset = link.preset;
      ReadScene(step.scene);
      step.caption = r.Text(kMaxLinkChars);
      if (!r.failed() && step.caption.size() > kMaxCaptionBytes) {
        Fail("its caption is too long (" + std::to_string(step.caption.size()) + " bytes; at most " + std::to_string(kMaxCaptionBytes) + ").");
      }
      if (!r.failed() && !IsCleanUtf8(step.caption, true)) Fail("its caption is not valid text.");
      step.figure = Small(kLastStoryFigure, "highlighted figure");
      link.story.push_back(std::move(step));
    }
    place.clear();
  }

  void Fail(std::string message) {
    if (problem.empty()) problem = place + std::move(message);
  }

  void ReadTable() {
    const std::size_t n = r.Count(kMaxStrings);
    for (std::size_t i = 0; i < n && !r.failed(); ++i) {
      std::string text = r.Text(kMaxIdBytes);
      if (!r.failed() && !IsIdText(text)) Fail("This link is damaged: it holds a name that is not an id.");
      table.push_back(std::move(text));
    }
  }

  std::string Id() {
    const std::uint64_t i = r.Varint();
    if (r.failed()) return {};
    if (i >= table.size()) {
      Fail("This link is damaged: it refers to an entry it does not have.");
      return {};
    }
    return table[static_cast<std::size_t>(i)];
  }

  std::string OptionalId() {
    const std::uint64_t i = r.Varint();
    if (r.failed() || i == 0) return {};
    if (i > table.size()) {
      Fail("This link is damaged: it refers to an entry it does not have.");
      return {};
    }
    return table[static_cast<std::size_t>(i - 1)];
  }

  std::vector<std::string> Ids() { return ReadRecords([this] { return Id(); }); }

  std::uint8_t Small(std::uint8_t most, const char* what) {
    const std::uint8_t value = r.Byte();
    if (!r.failed() && value > most) Fail(std::string("This link has an unknown ") + what + " (" + std::to_string(value) + ").");
    return value;
  }

  int Month(const char* what) {
    const std::int64_t value = r.Signed();
    if (value < -1 || value > kMaxHorizonMonths) {
      Fail(std::string("This link has ") + what + " " + std::to_string(value) + ", outside 0.." + std::to_string(kMaxHorizonMonths) + ".");
      return 0;
    }
    return static_cast<int>(value);
  }

  std::string Name(const char* whose) {
    std::string text = r.Text(kMaxNameBytes);
    if (!r.failed() && !IsCleanUtf8(text)) Fail(std::string("This link is damaged: ") + whose + " name is not valid text.");
    return text;
  }

  Event ReadEvent() {
    Event e;
    ReadShockHead(e, "shock");
    e.fraction = r.Number();
    e.start = Month("a shock starting in month");
    e.duration = Month("a shock lasting");
    e.recovery = static_cast<RecoveryShape>(Small(1, "recovery shape"));
    e.recoveryMonths = Month("a recovery of");
    return e;  // the values' ranges are the validator's, checked when the link is applied
  }

  LinkLever ReadLever() {
    LinkLever lever;
    const std::size_t segments = r.Count(kMaxPathSegments);
    if (!r.failed() && segments == 0) Fail("This link is damaged: a lever has no path.");
    for (std::size_t i = 0; i < segments && !r.failed(); ++i) lever.path += (i ? "." : "") + Id();
    lever.value = r.Number();
    return lever;
  }

  LinkView ReadView() {
    LinkView v;
    v.region = OptionalId();
    v.good = OptionalId();
    v.month = Month("the selected month");
    v.comparison = Small(4, "comparison");
    v.comparisonScenario = OptionalId();
    v.chartMetric = Small(3, "chart");
    v.chartDelta = Small(1, "chart mode") != 0;
    v.analysis = Small(3, "analysis");
    v.hasMapView = Small(1, "map setting") != 0;
    if (v.hasMapView) {
      v.mapLon = r.Float();
      v.mapLat = r.Float();
      v.mapZoom = r.Float();
      const bool sane = std::isfinite(v.mapLon) && std::isfinite(v.mapLat) && std::isfinite(v.mapZoom) &&
                        std::fabs(v.mapLon) <= 540.0f && std::fabs(v.mapLat) <= 90.0f && v.mapZoom > 0.0f && v.mapZoom <= 1000.0f;
      if (!r.failed() && !sane) Fail("This link has a map view outside the world.");
    }
    const std::uint64_t embed = r.Varint();
    if (embed > 0xFFFFFFFFULL) Fail("This link has unknown embedding options.");
    v.embed = static_cast<std::uint32_t>(embed);
    if (version >= 2) v.language = Small(kLinkLanguageJapanese, "language");
    return v;
  }

  Reader& r;
  std::uint64_t version;
  std::vector<std::string> table;
  std::string problem;
  std::string place;  // "Story step 2: " while reading a step, so its problem names it
};

// Each format version's content, brought up to the current one (each step has a golden link).
void MigrateLink(int fromVersion, ScenarioLink& link) {
  for (int version = fromVersion; version < kLinkVersion; ++version) {
    if (version == 1) link.view.language = kLinkLanguageDefault;  // 1 -> 2: the reader's own language
    // 2 -> 3: no story (the section is absent, and ScenarioLink::story starts empty)
    // 3 -> 4: the preset's risk register unchanged (removedHazards and addedHazards start empty)
  }
}

Problem LinkProblem(std::string message) { return Problem{"link", std::move(message)}; }

// ---- Diff and apply ---------------------------------------------------------------------------

const Event* FindEvent(const std::vector<Event>& events, const std::string& id) {
  for (const Event& e : events) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

// True when `b` differs from `a` only in numbers that are levers (those travel as levers).
bool SameButLevers(const Event& a, const Event& b) {
  Event levelled = a;
  levelled.fraction = b.fraction;
  levelled.start = b.start;
  levelled.duration = b.duration;
  levelled.recoveryMonths = b.recoveryMonths;
  return levelled == b;
}

bool SameBits(double a, double b) { return link_wire::BitsOf(a) == link_wire::BitsOf(b); }

// True when `b` differs from `a` only in numbers that are levers (risk.<id>.*: the chance, and the
// spreads' most likely values, and their low and high unless fixed).
bool SameButLevers(const Hazard& a, const Hazard& b) {
  Hazard levelled = a;
  levelled.annualProbability = b.annualProbability;
  for (auto [d, to] : {std::pair{&levelled.severity, &b.severity}, std::pair{&levelled.durationMonths, &b.durationMonths}}) {
    d->mode = to->mode;
    if (d->kind != DistributionKind::Fixed) {
      d->low = to->low;
      d->high = to->high;
    }
  }
  return levelled == b;
}

const Hazard* FindHazard(const std::vector<Hazard>& hazards, const std::string& id) {
  for (const Hazard& h : hazards) {
    if (h.id == id) return &h;
  }
  return nullptr;
}

// The register's changes: removed hazards go, changed ones are replaced where they stand (their
// place is their random stream's), new ones are appended.
void ApplyHazards(Scenario& s, const ScenarioLink& link, std::vector<Problem>& problems) {
  for (const std::string& id : link.removedHazards) {
    const auto it = std::find_if(s.risks.begin(), s.risks.end(), [&id](const Hazard& h) { return h.id == id; });
    if (it == s.risks.end()) {
      problems.push_back(LinkProblem("This link removes hazard '" + id + "', which scenario '" + s.id + "' does not have in its risk register."));
    } else {
      s.risks.erase(it);
    }
  }
  for (const Hazard& h : link.addedHazards) {
    const auto it = std::find_if(s.risks.begin(), s.risks.end(), [&h](const Hazard& old) { return old.id == h.id; });
    if (it != s.risks.end()) *it = h;
    else s.risks.push_back(h);
  }
}

// Preset with the link's structural edits (shocks, members, hazards), before its levers.
Expected<Scenario> ApplyStructure(const Scenario& preset, const ScenarioLink& link) {
  Scenario s = preset;
  std::vector<Problem> problems;
  for (const std::string& id : link.removedEvents) {
    const auto it = std::find_if(s.events.begin(), s.events.end(), [&id](const Event& e) { return e.id == id; });
    if (it == s.events.end()) {
      problems.push_back(LinkProblem("This link removes shock '" + id + "', which scenario '" + preset.id + "' does not have."));
    } else {
      s.events.erase(it);
    }
  }
  for (const Event& e : link.addedEvents) s.events.push_back(e);
  for (const LinkMembers& m : link.members) {
    const auto it = std::find_if(s.frameworks.begin(), s.frameworks.end(), [&m](const Framework& f) { return f.id == m.framework; });
    if (it == s.frameworks.end()) {
      problems.push_back(LinkProblem("This link sets the members of framework '" + m.framework + "', which scenario '" + preset.id + "' does not have."));
    } else {
      it->members = m.members;
    }
  }
  ApplyHazards(s, link, problems);
  if (!problems.empty()) return problems;
  return s;
}

// A trade share is set exactly (no rescaling of the buyer's other sellers: their values travel too).
bool SetTradeShareExactly(Scenario& s, const std::string& path, double value) {
  const std::vector<std::string_view> parts = SplitPath(path);
  if (parts.size() != 4 || parts[0] != "trade") return false;
  for (TradeShare& t : s.trade) {
    if (t.buyer == parts[1] && t.good == parts[2] && t.seller == parts[3]) {
      t.share = value;
      return true;
    }
  }
  return false;
}

}  // namespace

std::string EncodeLink(const ScenarioLink& link) {
  StringTable table;
  Writer body;
  const int format = FormatFor(link);
  body.Varint(table.Index(link.preset));
  WriteScene(body, table, link, format);
  if (format >= 4 || !link.story.empty()) WriteStory(body, table, link.story, format);

  Writer content;
  content.Varint(table.Strings().size());
  for (const std::string& text : table.Strings()) content.Text(text);
  std::vector<std::uint8_t> bytes = content.Bytes();
  bytes.insert(bytes.end(), body.Bytes().begin(), body.Bytes().end());
  return link_wire::Seal(link_wire::kShareLinks, bytes, format);
}

Expected<ScenarioLink> DecodeLink(std::string_view text) {
  const Expected<link_wire::Opened> opened = link_wire::Open(link_wire::kShareLinks, text);
  if (!opened) return opened.problems();
  const std::vector<std::uint8_t>& content = opened.value().content;
  Reader reader(content.data(), content.size());
  Expected<ScenarioLink> link = V1Parser(reader, static_cast<std::uint64_t>(opened.value().version)).Parse();  // later versions append to version 1
  if (!link) return link;
  MigrateLink(opened.value().version, link.value());
  return link;
}

Expected<ScenarioLink> LinkFromScenario(const Scenario& preset, const Scenario& working, const LinkView& view) {
  ScenarioLink link;
  link.preset = preset.id;
  link.view = view;
  for (const Event& e : preset.events) {
    const Event* now = FindEvent(working.events, e.id);
    if (now == nullptr || !SameButLevers(e, *now)) link.removedEvents.push_back(e.id);
  }
  for (const Event& e : working.events) {
    const Event* before = FindEvent(preset.events, e.id);
    if (before == nullptr || !SameButLevers(*before, e)) link.addedEvents.push_back(e);
  }
  for (const Framework& f : working.frameworks) {
    const auto before = std::find_if(preset.frameworks.begin(), preset.frameworks.end(), [&f](const Framework& p) { return p.id == f.id; });
    if (before != preset.frameworks.end() && before->members != f.members) link.members.push_back({f.id, f.members});
  }
  for (const Hazard& h : preset.risks) {
    if (FindHazard(working.risks, h.id) == nullptr) link.removedHazards.push_back(h.id);
  }
  for (const Hazard& h : working.risks) {
    const Hazard* before = FindHazard(preset.risks, h.id);
    if (before == nullptr || !SameButLevers(*before, h)) link.addedHazards.push_back(h);
  }
  Expected<Scenario> structured = ApplyStructure(preset, link);
  if (!structured) return structured.problems();
  const std::vector<LeverInfo> now = ListLevers(working);
  const std::vector<LeverInfo> then = ListLevers(structured.value());
  const bool aligned = now.size() == then.size() &&
                       std::equal(now.begin(), now.end(), then.begin(), [](const LeverInfo& a, const LeverInfo& b) { return a.path == b.path; });
  for (std::size_t i = 0; i < now.size(); ++i) {
    double before = 0.0;
    bool known = false;
    if (aligned) {
      before = then[i].value;
      known = true;
    } else if (Expected<double> value = GetLever(structured.value(), now[i].path)) {
      before = value.value();
      known = true;
    }
    if (!known || !SameBits(before, now[i].value)) link.levers.push_back({now[i].path, now[i].value});
  }
  Expected<Scenario> rebuilt = ApplyLink(preset, link);
  if (!rebuilt || !(rebuilt.value() == working)) {
    return std::vector<Problem>{LinkProblem("This scenario has changes a link cannot carry (such as new regions, goods or frameworks, "
                                            "or renamed items): export the scenario file to share it.")};
  }
  return link;
}

Expected<Scenario> ApplyLink(const Scenario& preset, const ScenarioLink& link) {
  if (link.preset != preset.id) {
    return std::vector<Problem>{LinkProblem("This link is for scenario '" + link.preset + "', not '" + preset.id + "'.")};
  }
  Expected<Scenario> structured = ApplyStructure(preset, link);
  if (!structured) return structured;
  Scenario& s = structured.value();
  std::vector<Problem> problems;
  for (const LinkLever& lever : link.levers) {
    if (SetTradeShareExactly(s, lever.path, lever.value)) continue;
    for (Problem& p : SetLever(s, lever.path, lever.value)) problems.push_back({"link", "lever " + p.ToString()});
  }
  for (Problem& p : ValidateScenario(s)) problems.push_back({"link", "the linked scenario is not valid: " + p.ToString()});
  if (!problems.empty()) return problems;
  return structured;
}

}  // namespace kz
