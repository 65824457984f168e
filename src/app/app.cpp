// App frame: a top bar, the levers on the left, findings and the chart on the right. The map (the
// full-window backdrop) shows through the space between them.
#include "app.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

#include "state/catalog.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // the focused window and windows by name, for F6
#include "state/layout.hpp"
#include "state/risk_register.hpp"
#include "panels/panel_findings.hpp"
#include "panels/ui_landmarks.hpp"
#include "panels/ui_text.hpp"

namespace kz {
namespace {

const char* ComparisonLabel(Comparison comparison) {
  switch (comparison) {
    case Comparison::None: return Tr("compare.none");
    case Comparison::NoEvents: return Tr("compare.no-events");
    case Comparison::Preset: return Tr("compare.preset");
    case Comparison::Scenario: return Tr("compare.scenario");
    case Comparison::WithoutFrameworks: return Tr("compare.without-frameworks");
  }
  return "";
}

// Tiled panels stay behind whatever floats over them (dialogs, an embedded view's corner) when clicked.
constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoBringToFrontOnFocus;

}  // namespace

void App::SetPresets(std::vector<PresetInfo> presets, std::string currentId) {
  presetList = std::move(presets);
  currentPreset = std::move(currentId);
  openedFile.clear();  // a preset or a link is showing now
  exercise.Close();
}

void App::OpenedFromFile(std::string fileName) {
  openedFile = std::move(fileName);
  currentPreset.clear();
}

void App::OpenAnalysis(AnalysisKind kind) {
  showAnalysis = true;
  analysisPanel.tab = kind;
  analysisPanel.selectTab = true;
}

void App::Apply(const LeversPanelActions& actions) {
  std::vector<Problem> problems;
  const auto keep = [&problems](std::vector<Problem> more) { problems.insert(problems.end(), more.begin(), more.end()); };
  for (const LeverEdit& edit : actions.edits) keep(work.SetLever(edit.path, edit.value));
  if (actions.addEvent) keep(work.AddEvent(*actions.addEvent));
  if (actions.removeEvent) keep(work.RemoveEvent(*actions.removeEvent));
  for (const MembershipEdit& edit : actions.membership) keep(work.SetMember(edit.framework, edit.region, edit.member));
  if (actions.hazards.add) keep(AddHazard(work, *actions.hazards.add));
  if (actions.hazards.edit) keep(EditHazard(work, *actions.hazards.edit));
  if (actions.hazards.remove) keep(RemoveHazard(work, *actions.hazards.remove));
  if (!problems.empty()) status = problems.front().ToString();
}

void App::PresetPicker() {
  std::string current = openedFile.empty() ? currentPreset : TrFormat("top.opened-file", {{"file", openedFile}});
  for (const PresetInfo& preset : presetList) {
    if (preset.id == currentPreset) current = LocalName(preset.title, preset.id);
  }
  // During a workshop the map and charts show the exercise's common picture: name the exercise.
  // Picking a scenario leaves the workshop (its session link stays in the history).
  if (exercise.Active()) current = LocalName(exercise.exercise().title, exercise.exercise().id);
  if (current.empty()) current = Tr("top.choose-scenario");
  ImGui::SetNextItemWidth(presetPickerWidth);
  if (BeginComboFitted("##preset", current)) {
    for (const PresetInfo& preset : presetList) {
      if (ImGui::Selectable((LocalName(preset.title, preset.id) + "##" + preset.id).c_str(), preset.id == currentPreset)) {
        exercise.Close();
        requests.Push(PresetRequest{preset.id});
      }
      const std::string& narrative = LocalText(preset.narrative);
      if (!narrative.empty() && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
        WrappedText(narrative);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
    }
    ImGui::EndCombo();
  }
  MarkLastItem("preset-picker");
}

// Compare against no shocks, the preset as loaded, or another bundled scenario (A vs B).
void App::ComparisonPicker() {
  const std::string label = work.comparison() == Comparison::Scenario ? TrFormat("compare.versus", {{"title", work.comparisonTitle()}})
                                                                      : ComparisonLabel(work.comparison());
  ImGui::TextUnformatted(Tr("compare.label"));  // the label before its control, as a reader expects
  ImGui::SetNextItemWidth(comparisonPickerWidth);
  if (BeginComboFitted("##compare", label)) {
    for (Comparison c : {Comparison::None, Comparison::NoEvents, Comparison::WithoutFrameworks, Comparison::Preset}) {
      if (c == Comparison::WithoutFrameworks && work.scenario().frameworks.empty()) continue;  // nothing to switch off
      if (ImGui::Selectable(ComparisonLabel(c), c == work.comparison())) work.SetComparison(c);
    }
    ImGui::SeparatorText(Tr("compare.with-another"));
    for (const PresetInfo& preset : presetList) {
      const bool showing = work.comparison() == Comparison::Scenario && work.comparisonId() == preset.id;
      const std::string title = TrFormat("compare.versus", {{"title", LocalName(preset.title, preset.id)}});
      if (ImGui::Selectable((title + "##vs-" + preset.id).c_str(), showing)) requests.Push(ComparisonRequest{preset.id});
    }
    ImGui::EndCombo();
  }
  MarkLastItem("compare-picker");
}

// The pickers share the bar's width with the menus: each gets its natural width when the bar has
// room, else a share of what the menus leave (their text then ends in an ellipsis).
// Sizes the bar's two pickers to the room its menus leave; returns false when even the smallest
// pickers would not fit beside every menu (then the bar is compact: TopBar).
bool App::FitTopBar() {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float font = ImGui::GetFontSize();
  const float width = ImGui::GetMainViewport()->WorkSize.x;
  float menus = 0.0f;
  for (const char* key : {"compare.label", "menu.file", "workshop.menu", "menu.undo", "menu.redo", "menu.analysis", "menu.share", "menu.view",
                          "menu.language", "menu.help"}) {
    menus += ImGui::CalcTextSize(Tr(key)).x + style.ItemSpacing.x * 2.0f;
  }
  menus += ImGui::CalcTextSize("Kizuna").x + style.ItemSpacing.x * 4.0f + style.WindowPadding.x * 2.0f;
  const float room = std::max(0.0f, width - menus - style.ItemSpacing.x * 4.0f);
  if (room < font * 8.0f) {  // compact: the preset picker beside one menu, the comparison picker inside it
    const float fixed = ImGui::CalcTextSize("Kizuna").x + ImGui::CalcTextSize(Tr("menu.more")).x + style.ItemSpacing.x * 8.0f +
                        style.WindowPadding.x * 2.0f;
    presetPickerWidth = std::max(font * 4.0f, width - fixed);
    comparisonPickerWidth = font * 14.0f;
    return false;
  }
  presetPickerWidth = std::clamp(room * 0.6f, font * 4.0f, font * 20.0f);
  comparisonPickerWidth = std::clamp(room - presetPickerWidth, font * 4.0f, font * 14.0f);
  return true;
}

// Where the menus do not all fit (a phone, a narrow window) the bar keeps the scenario picker and
// gathers the rest in one menu, so that nothing runs off its end.
void App::TopBar(const FrameContext& frame) {
  if (!ImGui::BeginMainMenuBar()) return;
  const bool compact = !FitTopBar();
  ImGui::TextUnformatted("Kizuna");
  ImGui::Separator();
  if (compact) {
    PresetPicker();
    if (ImGui::BeginMenu(TrId("menu.more", "more").c_str())) {
      FileMenu();
      MenuBarItems();
      ImGui::EndMenu();
    }
    MarkLastItem("more-menu");
  } else {
    FileMenu();
    PresetPicker();
    MenuBarItems();
  }
  if (!status.empty()) {
    const float close = ImGui::CalcTextSize("x").x + ImGui::GetStyle().FramePadding.x * 2.0f + ImGui::GetStyle().ItemSpacing.x;
    const float room = ImGui::GetContentRegionAvail().x - close;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.6f, 0.3f, 1.0f));
    if (room > ImGui::GetFontSize() * 3.0f) FittedText(status, room);
    else WrappedLabel("!");  // no room for words: the tooltip and the Data table's status carry them
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", status.c_str());
    ImGui::PopStyleColor();
    if (ImGui::SmallButton("x")) status.clear();
  }
  if (ImGui::GetItemRectMax().x > ImGui::GetWindowPos().x + ImGui::GetWindowWidth() + 0.5f) NoteClippedText("menu bar");
  ImGui::EndMainMenuBar();
  if (showHelp) HelpWindow(frame);
  if (showEmbedDialog) EmbedDialog();
  if (!restoreOffer.empty()) RestoreOffer();
}

// The bar's menus after the scenario picker (in the bar, or in its one menu on a narrow screen).
void App::MenuBarItems() {
  WorkshopMenu();
  ComparisonPicker();
  if (ImGui::MenuItem(TrId("menu.undo", "undo").c_str(), "Ctrl+Z", false, work.CanUndo())) work.Undo();
  MarkLastItem("undo");
  if (ImGui::MenuItem(TrId("menu.redo", "redo").c_str(), "Ctrl+Shift+Z", false, work.CanRedo())) work.Redo();
  MarkLastItem("redo");
  if (ImGui::BeginMenu(TrId("menu.analysis", "analysis").c_str())) {
    if (ImGui::MenuItem(Tr("menu.analysis.montecarlo"))) OpenAnalysis(AnalysisKind::MonteCarlo);
    MarkLastItem("analysis-montecarlo");
    if (ImGui::MenuItem(Tr("menu.analysis.coalition"))) OpenAnalysis(AnalysisKind::Coalition);
    MarkLastItem("analysis-coalition");
    if (ImGui::MenuItem(Tr("menu.analysis.sensitivity"))) OpenAnalysis(AnalysisKind::Sensitivity);
    MarkLastItem("analysis-sensitivity");
    ImGui::EndMenu();
  }
  MarkLastItem("analysis-menu");
  ShareMenu();
  ViewMenu();
  LanguageMenu();
  HelpMenu();
}

// Text size for the room: smaller, normal, larger (the platform remembers the choice).
void App::ViewMenu() {
  if (ImGui::BeginMenu(TrId("menu.view", "view").c_str())) {
    ImGui::SeparatorText(Tr("menu.view.text-size"));
    for (const auto& [size, key, landmark] : {std::tuple{TextSize::Smaller, "menu.view.smaller", "text-smaller"},
                                              std::tuple{TextSize::Normal, "menu.view.normal", "text-normal"},
                                              std::tuple{TextSize::Larger, "menu.view.larger", "text-larger"}}) {
      if (ImGui::MenuItem(Tr(key), nullptr, textSize == size)) textSize = size;
      MarkLastItem(landmark);
    }
    ImGui::EndMenu();
  }
  MarkLastItem("view-menu");
}

// After a reload or a crash: the last work, autosaved by the page, offered back above the panels.
void App::RestoreOffer() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + ImGui::GetFontSize()),
                          ImGuiCond_Always, ImVec2(0.5f, 0.0f));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings;
  if (ImGui::Begin("##restore", nullptr, flags)) {
    ImGui::TextUnformatted(TrFormat("restore.offer", {{"time", restoreOffer}}).c_str());
    if (ImGui::Button(Tr("restore.accept"))) {
      requests.Push(RestoreRequest{});
      restoreOffer.clear();
    }
    MarkLastItem("restore-work");
    ImGui::SameLine();
    if (ImGui::Button(Tr("restore.dismiss"))) restoreOffer.clear();
    MarkLastItem("dismiss-restore");
  }
  ImGui::End();
}

// Instant: the next frame's Tr() speaks the new language; the findings are re-worded now. Japanese
// glyphs are the platform's to load (it watches Language()).
void App::SetLanguage(Language language) {
  SetCurrentLanguage(language);
  if (work.Words().language() == language) return;
  work.SetLanguage(language);
  exercise.SetLanguage(language);
}

Language App::CurrentUiLanguage() const { return CurrentLanguage(); }

// Each language names itself, so a reader who cannot read the current one still finds their own.
void App::LanguageMenu() {
  if (ImGui::BeginMenu(TrId("menu.language", "language").c_str())) {
    if (ImGui::MenuItem("English", nullptr, CurrentLanguage() == Language::English)) SetLanguage(Language::English);
    MarkLastItem("language-en");
    if (ImGui::MenuItem("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", nullptr, CurrentLanguage() == Language::Japanese)) {  // 日本語
      SetLanguage(Language::Japanese);
    }
    MarkLastItem("language-ja");
    ImGui::EndMenu();
  }
  MarkLastItem("language-menu");
}

// Help: the help window (keys, model, sources) and the first-visit tour again.
void App::HelpMenu() {
  if (ImGui::BeginMenu(TrId("menu.help", "help").c_str())) {
    if (ImGui::MenuItem(Tr("menu.help.open"), nullptr, showHelp)) showHelp = !showHelp;
    MarkLastItem("help-open");
    if (ImGui::MenuItem(Tr("menu.help.getting-started"))) tour.Start();
    MarkLastItem("help-tour");
    ImGui::EndMenu();
  }
  MarkLastItem("help-menu");
}

// The tour over the full app only: an embedded view or a workshop has its own purpose.
void App::TourFrame() {
  if (Embedded() || exercise.Active()) return;
  if (tourOffered && work.loaded()) {
    tourOffered = false;
    tour.Start();
  }
  DrawTour(tour, work, tourPanel);
}

void App::HelpWindow(const FrameContext& frame) {
  const ImVec2 area = ImGui::GetMainViewport()->WorkSize;
  CenterNextWindow(ImVec2(std::min(560.0f * frame.uiScale, area.x * 0.9f), area.y * 0.6f), ImGuiCond_FirstUseEver);
  if (ImGui::Begin(TrId("window.help", "help").c_str(), &showHelp)) {
    if (std::optional<std::string> url = DrawHelpPanel(work.scenario(), AboutRows(GetBuildInfo(), frame.frameMs, frame.uiScale), helpState)) {
      requests.Push(UrlRequest{std::move(*url)});
    }
  }
  ImGui::End();
}

namespace {

MapViewport AreaOf(const PanelRect& rect) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  return MapViewport{viewport->WorkPos.x + viewport->WorkSize.x * rect.x, viewport->WorkPos.y + viewport->WorkSize.y * rect.y,
                     viewport->WorkSize.x * rect.width, viewport->WorkSize.y * rect.height};
}

}  // namespace

// Ctrl+Z / Ctrl+Shift+Z (Cmd on a Mac, which the browser reports as Super); text fields keep theirs.
void App::UndoShortcuts() {
  if (!ImGui::IsAnyItemActive()) work.SealUndoStep();  // a drag has ended: its edits are one step
  if (ImGui::GetIO().WantTextInput) return;
  for (const ImGuiKeyChord modifier : {ImGuiMod_Ctrl, ImGuiMod_Super}) {
    if (ImGui::IsKeyChordPressed(modifier | ImGuiKey_Z)) work.Undo();
    if (ImGui::IsKeyChordPressed(modifier | ImGuiMod_Shift | ImGuiKey_Z) || ImGui::IsKeyChordPressed(modifier | ImGuiKey_Y)) work.Redo();
  }
}

// F6 / Shift+F6 move the keyboard between the panels (levers or workshop, findings, chart), as in
// desktop applications; keyboard navigation (arrows, Space) then works inside the panel.
void App::PanelFocusKeys() {
  if (!ImGui::IsKeyPressed(ImGuiKey_F6, false)) return;
  static constexpr const char* kPanels[] = {"###levers", "###workshop", "###findings", "###chart"};
  constexpr int count = static_cast<int>(std::size(kPanels));
  const ImGuiWindow* focused = ImGui::GetCurrentContext()->NavWindow;
  int current = -1;
  for (int i = 0; i < count && focused != nullptr; ++i) {
    if (focused->RootWindow != nullptr && focused->RootWindow->ID == ImHashStr(kPanels[i])) current = i;
  }
  const int step = ImGui::GetIO().KeyShift ? count - 1 : 1;
  int next = current < 0 ? (step == 1 ? count - 1 : 0) : current;
  for (int tried = 0; tried < count; ++tried) {
    next = (next + step) % count;
    const ImGuiWindow* window = ImGui::FindWindowByName(kPanels[next]);
    if (window == nullptr || !window->WasActive) continue;
    ImGui::SetWindowFocus(kPanels[next]);
    ImGui::GetCurrentContext()->NavDisableHighlight = false;  // show where the keyboard is
    ImGui::GetCurrentContext()->NavDisableMouseHover = true;
    return;
  }
}

// An embedded view (a link's embed flags) has no menu bar and may hide panels; read-only levers
// show their values but take no edits from the viewer (the host page's postMessage calls still can).
void App::Frame(const FrameContext& frame) {
  const bool readOnly = Embedded() && (embedFlags & kEmbedReadOnly) != 0;
  BeginTextAudit();
  work.SetDragging(ImGui::IsAnyItemActive());  // work that waits for an edit to settle waits through a drag
  if (!readOnly) UndoShortcuts();
  PanelFocusKeys();
  StoryKeys();
  if (!Embedded()) TopBar(frame);  // first, so the work area below the menu bar is known
  const bool narrow = ImGui::GetMainViewport()->WorkSize.x < kNarrowCssWidth * frame.uiScale;
  PanelLayout layout = LayoutPanels(embedFlags, narrow);
  const PanelRect presentingBar = storyState.Presenting()
                                      ? PlacePresentingBar(layout, ImGui::GetMainViewport()->WorkSize.y / ImGui::GetFontSize())
                                      : PanelRect{};
  if (layout.map.shown) world.Frame(work, frame.uiScale, AreaOf(layout.map));  // the map lies under the panels
  if (exercise.Active()) {  // the workshop's panel takes the levers' place
    PlaceNextWindow(layout.levers);
    if (ImGui::Begin(TrId("workshop.window", "workshop").c_str(), nullptr, kPanelFlags)) WorkshopFrame();
    ImGui::End();
    Apply(DrawDebriefWindow(exercise, workshopPanel));
  } else if (layout.levers.shown) {
    PlaceNextWindow(layout.levers);
    if (ImGui::Begin(TrId("window.levers", "levers").c_str(), nullptr, kPanelFlags)) {
      MarkWindow("levers-window");  // where tests scroll to a control below the fold
      ImGui::BeginDisabled(readOnly);
      const LeversPanelActions actions = DrawLeversPanel(work, leversState);
      ImGui::EndDisabled();
      if (!readOnly) Apply(actions);
    }
    ImGui::End();
  }
  if (layout.findings.shown) {
    PlaceNextWindow(layout.findings);
    if (ImGui::Begin(TrId("window.findings", "findings").c_str(), nullptr, kPanelFlags)) {
      const StoryStep* step = storyState.CurrentStep();  // a presented step may point at a figure
      DrawFindingsPanel(work, findingsState, step != nullptr ? StoryFigureId(step->figure) : "");
    }
    ImGui::End();
  }
  if (layout.chart.shown) {
    PlaceNextWindow(layout.chart);
    if (ImGui::Begin(TrId("window.chart", "chart").c_str(), nullptr, kPanelFlags)) ChartWindow();
    ImGui::End();
  }
  if (storyState.Presenting()) PresentingBar(presentingBar);
  DrawAnalysisWindow(work, analysis, analysisPanel, &showAnalysis);  // floats above the panels
  if (showStory && !Embedded()) StoryWindow(frame);
  TourFrame();  // above everything, beside the control its step is about
  if (Embedded()) EmbeddedCorner();
  EndTextAudit();
}

// The chart with the timeline under it; both pick the selection every view follows.
void App::ChartWindow() {
  MarkWindow("chart-window");  // what "Save the chart as PNG" crops to
  Selection picked = DrawChartPanel(work, chartState);
  const int lastMonth = work.loaded() ? work.results().months - 1 : 0;
  picked.month = DrawTimeline(timeline, picked.month, lastMonth);
  const Selection& now = work.selection();
  if (picked.region != now.region || picked.good != now.good || picked.month != now.month) work.Select(picked);
}

}  // namespace kz
