// The analysis bridge (see web_analysis.hpp): EM_JS calls into the page (web/js/analysis.js), and the exported
// functions the page calls with the worker's messages.
#include "web_analysis.hpp"

#include <emscripten.h>
#include <emscripten/emscripten.h>

#include <optional>

#include "web_app.hpp"

// EM_JS defines extern "C" functions, so these live at file scope.

EM_JS(void, kz_js_run_analysis, (const char* kind, const char* optionsJson), {
  if (Module["kizunaRunAnalysis"]) Module["kizunaRunAnalysis"](UTF8ToString(kind), UTF8ToString(optionsJson));
});

EM_JS(void, kz_js_cancel_analysis, (), {
  if (Module["kizunaCancelAnalysis"]) Module["kizunaCancelAnalysis"]();
});

namespace kz::web {

void ForwardAnalysisRequests(App& app) {
  AnalysisState& analysis = app.Analysis();
  if (analysis.TakeCancelRequest()) kz_js_cancel_analysis();
  if (std::optional<AnalysisRequest> request = analysis.TakeRequest()) {
    kz_js_run_analysis(AnalysisKindId(request->kind), request->optionsJson.c_str());
  }
}

}  // namespace kz::web

namespace {

kz::AnalysisState* Analysis() {
  kz::web::WebApp* app = kz::web::RunningApp();
  return app ? &app->Ui().Analysis() : nullptr;
}

}  // namespace

extern "C" {

/// Run `runId` of `kind` started in the worker (asked by the app or by kizuna.runAnalysis). Returns
/// 1 when the app follows it, 0 otherwise (an unknown kind, or the app is not running).
EMSCRIPTEN_KEEPALIVE int kz_web_analysis_started(int runId, const char* kind) {
  kz::AnalysisState* analysis = Analysis();
  return analysis && analysis->OnStarted(runId, kind) ? 1 : 0;
}

/// Progress (0..1) of run `runId` with its partial result as JSON ("" for none).
EMSCRIPTEN_KEEPALIVE void kz_web_analysis_progress(int runId, double fraction, const char* partialJson) {
  if (kz::AnalysisState* analysis = Analysis()) analysis->OnProgress(runId, fraction, partialJson);
}

/// The final result of run `runId` as JSON.
EMSCRIPTEN_KEEPALIVE void kz_web_analysis_result(int runId, const char* resultJson) {
  if (kz::AnalysisState* analysis = Analysis()) analysis->OnResult(runId, resultJson);
}

/// Run `runId` failed with `message`, or was cancelled (`cancelled` != 0).
EMSCRIPTEN_KEEPALIVE void kz_web_analysis_failed(int runId, const char* message, int cancelled) {
  if (kz::AnalysisState* analysis = Analysis()) analysis->OnFailed(runId, message, cancelled != 0);
}

}  // extern "C"
