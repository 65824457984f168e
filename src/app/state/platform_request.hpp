// What the app asks of the platform, which owns the network, files, the clipboard and the address
// bar: typed requests in one queue that the platform drains once a frame, in the order they were
// made (App::TakeRequests). The app never waits for an answer; the platform calls back (LoadPreset,
// SetExercises, ImportScenario, ...).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kz {

/// Which share link the user asked to copy (App::ShareLink).
enum class ShareKind { View, Comparison, Embed, Story };  // Story: the presenter's story, opening on its first step

/// What the File menu asks of the platform, which owns files, downloads and the canvas's pixels.
enum class FileAction { OpenScenario, ExportScenario, ExportResultsCsv, ExportViewPng, ExportChartPng, ExportDebriefCsv,
                        ExportDebriefPng };

struct PresetRequest { std::string id; };            ///< fetch and load this bundled scenario
struct ComparisonRequest { std::string id; };        ///< fetch this one to compare with (Session::SetComparisonScenario)
struct UrlRequest { std::string url; };              ///< open a page (the model card, a source, a link)
struct ShareRequest { ShareKind kind; };             ///< copy ShareLink(kind) (for Embed, as an iframe's code)
struct FileRequest { FileAction action; };           ///< open or export a file
struct RestoreRequest {};                            ///< open the autosaved work the user accepted
struct ExerciseListRequest {};                       ///< fetch the site's exercise manifest (SetExercises)
struct WorkshopRequest { std::string exercise; };    ///< fetch this exercise and StartWorkshop
struct JoinRequest {};                               ///< ask for a team's join code (the page's join dialog)
struct CopyRequest {                                 ///< copy text, then show the confirmation
  std::string text;
  std::string confirmation;
};

using PlatformRequest = std::variant<PresetRequest, ComparisonRequest, UrlRequest, ShareRequest, FileRequest,
                                     RestoreRequest, ExerciseListRequest, WorkshopRequest, CopyRequest, JoinRequest>;

/// The app's requests of one or more frames, oldest first.
class RequestQueue {
 public:
  void Push(PlatformRequest request) { pending.push_back(std::move(request)); }
  /// Every request made since the last call, oldest first; the queue is empty afterwards.
  std::vector<PlatformRequest> TakeAll() { return std::exchange(pending, {}); }
  /// The first pending request of type T, taken out of the queue (tests, and a platform that handles
  /// one kind at a time); the others stay.
  template <typename T>
  std::optional<T> Take() {
    for (auto it = pending.begin(); it != pending.end(); ++it) {
      if (T* request = std::get_if<T>(&*it)) {
        T taken = std::move(*request);
        pending.erase(it);
        return taken;
      }
    }
    return std::nullopt;
  }

 private:
  std::vector<PlatformRequest> pending;
};

}  // namespace kz
