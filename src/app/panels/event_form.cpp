// Add-a-shock form: combos for kind, regions and good, sliders for strength and timing.
#include "panels/event_form.hpp"

#include <algorithm>
#include <string>

#include "state/catalog.hpp"
#include "imgui.h"
#include "panels/ui_landmarks.hpp"
#include "panels/ui_text.hpp"

namespace kz {
namespace {

constexpr const char* kKindKeys[] = {"shock.kind.capacity-loss", "shock.kind.export-restriction", "shock.kind.demand-shock",
                                     "shock.kind.chokepoint"};
constexpr const char* kKindIds[] = {"capacity-loss", "export-restriction", "demand-shock", "chokepoint"};

template <typename Item>
const std::string& NameOf(const Item& item) {
  return LocalName(item.name, item.id);
}

// A name in one language, whatever the UI speaks: ja falls back to en, en to the id.
template <typename Item>
const std::string& NameIn(Language language, const Item& item) {
  if (language == Language::Japanese && !item.name.ja.empty()) return item.name.ja;
  return item.name.en.empty() ? item.id : item.name.en;
}

// "Capacity loss: Japan, NdFeB magnets" in `language`, from its catalog.
std::string DescribedName(Language language, int kind, const Region& region, const Region* target, const Good& good) {
  const Catalog& catalog = BuiltInCatalog(language);
  const auto text = [&catalog](const char* key) { const std::string* t = catalog.Find(key); return t ? *t : std::string(key); };
  std::string where = NameIn(language, region);
  if (target != nullptr) where = FillIn(text("shock.name.to"), {{"seller", where}, {"buyer", NameIn(language, *target)}});
  return FillIn(text("shock.name.described"), {{"kind", text(kKindKeys[kind])}, {"where", where}, {"good", NameIn(language, good)}});
}

bool HasBuyers(EventKind kind) { return kind == EventKind::ExportRestriction || kind == EventKind::Chokepoint; }

// A combo over the scenario's regions (or goods); `allLabel` adds an entry -1 for "all".
template <typename Item>
void PickOne(const char* label, const std::vector<Item>& items, int& index, const char* allLabel = nullptr) {
  const std::string current = index < 0 || index >= static_cast<int>(items.size())
                                  ? std::string(allLabel ? allLabel : "")
                                  : NameOf(items[static_cast<std::size_t>(index)]);
  if (!BeginComboFitted(label, current)) return;
  if (allLabel && ImGui::Selectable(allLabel, index < 0)) index = -1;
  for (int i = 0; i < static_cast<int>(items.size()); ++i) {
    if (ImGui::Selectable(NameOf(items[static_cast<std::size_t>(i)]).c_str(), i == index)) index = i;
  }
  ImGui::EndCombo();
}

std::string UnusedId(const Scenario& scenario, const std::string& stem) {
  for (int n = 1;; ++n) {
    const std::string id = stem + "-" + std::to_string(n);
    if (std::none_of(scenario.events.begin(), scenario.events.end(), [&id](const Event& e) { return e.id == id; })) return id;
  }
}

}  // namespace

Event EventFromForm(const Scenario& s, const EventFormState& form) {
  Event event;
  const int kind = std::clamp(form.kind, 0, 3);
  event.kind = static_cast<EventKind>(kind);
  const Region& region = s.regions[static_cast<std::size_t>(std::clamp(form.region, 0, static_cast<int>(s.regions.size()) - 1))];
  const Good& good = s.goods[static_cast<std::size_t>(std::clamp(form.good, 0, static_cast<int>(s.goods.size()) - 1))];
  event.regions = {region.id};
  event.goods = {good.id};
  const Region* target = nullptr;
  if (HasBuyers(event.kind) && form.target >= 0 && form.target < static_cast<int>(s.regions.size())) {
    target = &s.regions[static_cast<std::size_t>(form.target)];
    event.targets = {target->id};
  }
  event.id = UnusedId(s, std::string("user-") + kKindIds[kind]);
  if (form.name[0] != '\0') {  // the user's own name, as typed (in any script), for both languages
    event.name.en = event.name.ja = form.name;
  } else {
    event.name.en = DescribedName(Language::English, kind, region, target, good);
    event.name.ja = DescribedName(Language::Japanese, kind, region, target, good);
  }
  event.fraction = form.strength;
  event.start = form.start;
  event.duration = form.duration;
  event.recovery = form.recoveryMonths > 0 ? RecoveryShape::Linear : RecoveryShape::Step;
  event.recoveryMonths = form.recoveryMonths;
  return event;
}

int LargestProducer(const Scenario& s, int good) {
  if (good < 0 || good >= static_cast<int>(s.goods.size())) return 0;
  const std::string& id = s.goods[static_cast<std::size_t>(good)].id;
  std::string best;
  double most = 0.0;
  for (const Facility& facility : s.facilities) {
    if (facility.good == id && facility.capacity > most) {
      most = facility.capacity;
      best = facility.region;
    }
  }
  for (int r = 0; r < static_cast<int>(s.regions.size()); ++r) {
    if (s.regions[static_cast<std::size_t>(r)].id == best) return r;
  }
  return 0;
}

std::optional<Event> DrawEventForm(const Scenario& s, int selectedGood, EventFormState& form) {
  if (s.regions.empty() || s.goods.empty()) return std::nullopt;
  if (!form.open) {
    if (ImGui::Button(Tr("shock.add"))) {
      form.open = true;
      form.good = std::clamp(selectedGood, 0, static_cast<int>(s.goods.size()) - 1);
      form.region = LargestProducer(s, form.good);
    }
    MarkLastItem("add-shock");
    return std::nullopt;
  }
  std::optional<Event> added;
  ImGui::PushID("event-form");
  ImGui::SeparatorText(Tr("shock.new"));
  const float column = ImGui::GetContentRegionAvail().x * 0.4f;  // labels before their controls
  const char* kindNames[std::size(kKindKeys)];
  for (std::size_t i = 0; i < std::size(kKindKeys); ++i) kindNames[i] = Tr(kKindKeys[i]);
  ImGui::Combo(LabelBefore(TrId("shock.kind", "kind"), column).c_str(), &form.kind, kindNames, static_cast<int>(std::size(kindNames)));
  const EventKind kind = static_cast<EventKind>(form.kind);
  PickOne(LabelBefore(TrId(HasBuyers(kind) ? "shock.seller" : "shock.region", "region"), column).c_str(), s.regions, form.region);
  if (HasBuyers(kind)) {
    PickOne(LabelBefore(TrId("shock.buyer", "buyer"), column).c_str(), s.regions, form.target, Tr("shock.everyone-else"));
  }
  PickOne(LabelBefore(TrId("shock.good", "good"), column).c_str(), s.goods, form.good);
  float percent = form.strength * 100.0f;  // shares read as percentages
  if (kind == EventKind::DemandShock) {
    ImGui::SliderFloat(LabelBefore(TrId("shock.demand-change", "strength"), column).c_str(), &percent, -100.0f, 200.0f, "%+.0f%%", ImGuiSliderFlags_AlwaysClamp);
  } else {
    percent = std::clamp(percent, 0.0f, 100.0f);
    ImGui::SliderFloat(LabelBefore(TrId("shock.strength", "strength"), column).c_str(), &percent, 0.0f, 100.0f, "%.0f%%", ImGuiSliderFlags_AlwaysClamp);
  }
  form.strength = percent / 100.0f;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr(kind == EventKind::DemandShock ? "shock.demand-tip" : "shock.strength-tip"));
  const int lastMonth = std::max(0, s.horizonMonths - 1);
  ImGui::SliderInt(LabelBefore(TrId("shock.start", "start"), column).c_str(), &form.start, 0, lastMonth, "%d", ImGuiSliderFlags_AlwaysClamp);
  ImGui::SliderInt(LabelBefore(TrId("shock.duration", "duration"), column).c_str(), &form.duration, 1, std::max(1, s.horizonMonths), "%d", ImGuiSliderFlags_AlwaysClamp);
  ImGui::SliderInt(LabelBefore(TrId("shock.recovery", "recovery"), column).c_str(), &form.recoveryMonths, 0, 36, "%d", ImGuiSliderFlags_AlwaysClamp);
  ImGui::InputTextWithHint(LabelBefore(TrId("shock.name", "name"), column).c_str(), Tr("shock.name-hint"), form.name, sizeof form.name);
  MarkLastItem("shock-name");
  if (ImGui::Button(Tr("shock.confirm"))) {
    added = EventFromForm(s, form);
    form.open = false;
    form.name[0] = '\0';  // the next shock is named afresh
  }
  MarkLastItem("add-shock-confirm");
  ImGui::SameLine();
  if (ImGui::Button(Tr("shock.cancel"))) form.open = false;
  ImGui::Separator();
  ImGui::PopID();
  return added;
}

}  // namespace kz
