// Exports of the core-only wasm module (kizuna_core.js) that Web Workers load for heavy batches
// (Monte Carlo, coalitions, sensitivity). No graphics: it links kizuna_core alone. Analyses run as
// stepped jobs (kizuna/analysis_job.hpp) behind integer handles, so web/worker.js can post progress
// and partial results and read cancel messages between steps. Strings returned live until the next
// call that returns a string (the JS side copies them at once).
#include <emscripten/emscripten.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/analysis_job.hpp"
#include "kizuna/version.hpp"

namespace {

std::map<int, std::unique_ptr<kz::AnalysisJob>>& Jobs() {
  static std::map<int, std::unique_ptr<kz::AnalysisJob>> jobs;
  return jobs;
}

std::string& Reply() {
  static std::string reply;
  return reply;
}

// Every problem on one line each, "path: message".
std::string Describe(const std::vector<kz::Problem>& problems) {
  std::string text;
  for (const kz::Problem& problem : problems) text += (text.empty() ? "" : "\n") + problem.ToString();
  return text;
}

std::string& Bytes() {
  static std::string bytes;
  return bytes;
}

kz::AnalysisJob* Find(int handle) {
  const auto it = Jobs().find(handle);
  return it == Jobs().end() ? nullptr : it->second.get();
}

}  // namespace

extern "C" {

/// Project version as a NUL-terminated UTF-8 string (static storage).
EMSCRIPTEN_KEEPALIVE const char* kz_core_version() {
  static const std::string version(kz::Version());
  return version.c_str();
}

/// Starts an analysis (`kind`: montecarlo, coalition or sensitivity) of scenario JSON with options
/// JSON (analysis_job.hpp). Returns a handle > 0, or 0 with the problems in kz_analysis_message().
EMSCRIPTEN_KEEPALIVE int kz_analysis_start(const char* kind, const char* scenarioJson, const char* optionsJson) {
  static int nextHandle = 1;
  kz::Expected<std::unique_ptr<kz::AnalysisJob>> job = kz::StartAnalysis(kind, scenarioJson, optionsJson);
  if (!job) {
    Reply() = Describe(job.problems());
    return 0;
  }
  const int handle = nextHandle++;
  Jobs()[handle] = std::move(job.value());
  Reply().clear();
  return handle;
}

/// Runs the next chunk of job `handle`: 1 when the job is done, 0 when there is more to run, -1 when
/// it failed (the problems in kz_analysis_message()) or the handle is unknown.
EMSCRIPTEN_KEEPALIVE int kz_analysis_step(int handle) {
  kz::AnalysisJob* job = Find(handle);
  if (job == nullptr) {
    Reply() = "no analysis " + std::to_string(handle) + " is running";
    return -1;
  }
  const std::vector<kz::Problem> problems = job->Step();
  if (!problems.empty()) {
    Reply() = Describe(problems);
    return -1;
  }
  return job->Done() ? 1 : 0;
}

/// Share of job `handle` done, 0..1 (0 for an unknown handle).
EMSCRIPTEN_KEEPALIVE double kz_analysis_fraction(int handle) {
  const kz::AnalysisJob* job = Find(handle);
  return job ? job->Fraction() : 0.0;
}

/// The result of job `handle` so far (final once kz_analysis_step returned 1) as JSON.
EMSCRIPTEN_KEEPALIVE const char* kz_analysis_json(int handle) {
  const kz::AnalysisJob* job = Find(handle);
  Reply() = job ? job->Json() : "null";
  return Reply().c_str();
}

/// Job `handle`'s computed part as bytes (AnalysisJob::ExportPart, for a pool of workers): a
/// pointer valid until the next kz_analysis_export, its size in kz_analysis_export_size(). Empty for
/// an unknown handle.
EMSCRIPTEN_KEEPALIVE const char* kz_analysis_export(int handle) {
  const kz::AnalysisJob* job = Find(handle);
  Bytes() = job ? job->ExportPart() : std::string();
  return Bytes().data();
}

/// The size in bytes of the last kz_analysis_export.
EMSCRIPTEN_KEEPALIVE int kz_analysis_export_size() { return static_cast<int>(Bytes().size()); }

/// Merges the next part (`size` bytes at `bytes`, another worker's kz_analysis_export) into job
/// `handle` (AnalysisJob::AbsorbPart): 0 when taken (after the last part kz_analysis_json is the
/// final result), -1 when refused (the problems in kz_analysis_message()).
EMSCRIPTEN_KEEPALIVE int kz_analysis_absorb(int handle, const char* bytes, int size) {
  kz::AnalysisJob* job = Find(handle);
  if (job == nullptr) {
    Reply() = "no analysis " + std::to_string(handle) + " is running";
    return -1;
  }
  const std::vector<kz::Problem> problems = job->AbsorbPart(std::string_view(bytes, static_cast<std::size_t>(size)));
  if (!problems.empty()) {
    Reply() = Describe(problems);
    return -1;
  }
  return 0;
}

/// The problems of the last failed start or step, one "path: message" per line.
EMSCRIPTEN_KEEPALIVE const char* kz_analysis_message() { return Reply().c_str(); }

/// Releases job `handle` (finished or not). Unknown handles are ignored.
EMSCRIPTEN_KEEPALIVE void kz_analysis_free(int handle) { Jobs().erase(handle); }

}  // extern "C"
