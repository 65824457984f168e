// Add-a-shock form: combos for kind, regions and good, sliders for strength and timing.
#include "event_form.hpp"

#include <algorithm>
#include <string>

#include "imgui.h"
#include "ui_landmarks.hpp"

namespace kz {
namespace {

constexpr const char* kKindNames[] = {"Capacity loss", "Export restriction", "Demand shock", "Chokepoint (shipping)"};
constexpr const char* kKindIds[] = {"capacity-loss", "export-restriction", "demand-shock", "chokepoint"};

template <typename Item>
const std::string& NameOf(const Item& item) {
  return item.name.en.empty() ? item.id : item.name.en;
}

bool HasBuyers(EventKind kind) { return kind == EventKind::ExportRestriction || kind == EventKind::Chokepoint; }

// A combo over the scenario's regions (or goods); `allLabel` adds an entry -1 for "all".
template <typename Item>
void PickOne(const char* label, const std::vector<Item>& items, int& index, const char* allLabel = nullptr) {
  const std::string current = index < 0 || index >= static_cast<int>(items.size())
                                  ? std::string(allLabel ? allLabel : "")
                                  : NameOf(items[static_cast<std::size_t>(index)]);
  if (!ImGui::BeginCombo(label, current.c_str())) return;
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
  std::string where = NameOf(region);
  if (HasBuyers(event.kind) && form.target >= 0 && form.target < static_cast<int>(s.regions.size())) {
    const Region& target = s.regions[static_cast<std::size_t>(form.target)];
    event.targets = {target.id};
    where += " to " + NameOf(target);
  }
  event.id = UnusedId(s, std::string("user-") + kKindIds[kind]);
  event.name.en = std::string(kKindNames[kind]) + ": " + where + ", " + NameOf(good);
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
    if (ImGui::Button("+ Add a shock")) {
      form.open = true;
      form.good = std::clamp(selectedGood, 0, static_cast<int>(s.goods.size()) - 1);
      form.region = LargestProducer(s, form.good);
    }
    MarkLastItem("add-shock");
    return std::nullopt;
  }
  std::optional<Event> added;
  ImGui::PushID("event-form");
  ImGui::SeparatorText("New shock");
  const float width = ImGui::GetContentRegionAvail().x * 0.6f;
  ImGui::SetNextItemWidth(width);
  ImGui::Combo("Kind", &form.kind, kKindNames, static_cast<int>(std::size(kKindNames)));
  const EventKind kind = static_cast<EventKind>(form.kind);
  ImGui::SetNextItemWidth(width);
  PickOne(HasBuyers(kind) ? "From (seller)" : "Region", s.regions, form.region);
  if (HasBuyers(kind)) {
    ImGui::SetNextItemWidth(width);
    PickOne("To (buyer)", s.regions, form.target, "Everyone else");
  }
  ImGui::SetNextItemWidth(width);
  PickOne("Good", s.goods, form.good);
  ImGui::SetNextItemWidth(width);
  if (kind == EventKind::DemandShock) {
    ImGui::SliderFloat("Demand change", &form.strength, -1.0f, 2.0f, "%+.2f", ImGuiSliderFlags_AlwaysClamp);
  } else {
    form.strength = std::clamp(form.strength, 0.0f, 1.0f);
    ImGui::SliderFloat("Strength", &form.strength, 0.0f, 1.0f, "%.2f", ImGuiSliderFlags_AlwaysClamp);
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(kind == EventKind::DemandShock ? "+0.2 = 20%% more final demand; -1 = none"
                                                     : "Share lost: 0.5 = half the capacity, exports or shipments");
  }
  const int lastMonth = std::max(0, s.horizonMonths - 1);
  ImGui::SetNextItemWidth(width);
  ImGui::SliderInt("Starts in month", &form.start, 0, lastMonth, "%d", ImGuiSliderFlags_AlwaysClamp);
  ImGui::SetNextItemWidth(width);
  ImGui::SliderInt("Lasts (months)", &form.duration, 1, std::max(1, s.horizonMonths), "%d", ImGuiSliderFlags_AlwaysClamp);
  ImGui::SetNextItemWidth(width);
  ImGui::SliderInt("Recovery (months)", &form.recoveryMonths, 0, 36, "%d", ImGuiSliderFlags_AlwaysClamp);
  if (ImGui::Button("Add")) {
    added = EventFromForm(s, form);
    form.open = false;
  }
  MarkLastItem("add-shock-confirm");
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) form.open = false;
  ImGui::Separator();
  ImGui::PopID();
  return added;
}

}  // namespace kz
