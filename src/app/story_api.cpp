#include "story_api.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstring>

#include "kizuna/json_write.hpp"
#include "page_api.hpp"

namespace kz {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

std::string Problems(std::string message) { return ProblemsJson({{"", std::move(message)}}); }

std::string State(const Story& story) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  json::KeyString(w, "preset", story.Preset());
  w.Key("presenting");
  w.Bool(story.Presenting());
  w.Key("current");
  w.Int(story.Current());
  w.Key("count");
  w.Int(story.Count());
  w.Key("steps");
  w.StartArray();
  for (const StoryStep& step : story.Steps()) {
    w.StartObject();
    json::KeyString(w, "caption", step.caption);
    json::KeyString(w, "figure", StoryFigureId(step.figure));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return buffer.GetString();
}

// "" or absent: none; a figure id: its StoryFigure; anything else: nullopt.
std::optional<std::uint8_t> FigureArgument(const rapidjson::Document& args) {
  if (!args.HasMember("figure")) return kStoryFigureNone;
  if (!args["figure"].IsString()) return std::nullopt;
  const char* id = args["figure"].GetString();
  for (std::uint8_t f = 0; f <= kLastStoryFigure; ++f) {
    if (std::strcmp(id, StoryFigureId(f)) == 0) return f;
  }
  return std::nullopt;
}

}  // namespace

std::string StoryCommand(App& app, std::string_view command, std::string_view argJson) {
  if (command == "state") return State(app.story());
  rapidjson::Document args;
  args.Parse(argJson.empty() ? "{}" : std::string(argJson).c_str());
  if (args.HasParseError() || !args.IsObject()) return Problems("the arguments must be a JSON object");
  if (command == "add") {
    if (args.HasMember("caption") && !args["caption"].IsString()) return Problems("caption must be a string");
    const std::optional<std::uint8_t> figure = FigureArgument(args);
    if (!figure) return Problems("figure must be one of worst, recovery, loss, difference or \"\"");
    return ProblemsJson(app.AddStoryStep(args.HasMember("caption") ? args["caption"].GetString() : "", *figure));
  }
  if (command == "present") {
    if (args.HasMember("step") && !args["step"].IsInt()) return Problems("step must be a whole number");
    return ProblemsJson(app.PresentStory(args.HasMember("step") ? args["step"].GetInt() : 0));
  }
  if (command == "next" || command == "previous") {
    const bool moved = command == "next" ? app.StoryNext() : app.StoryPrevious();
    return moved ? "{\"moved\":true}" : "{\"moved\":false}";
  }
  if (command == "leave") {
    app.LeaveStory();
    return "{}";
  }
  if (command == "window") {
    app.ShowStoryWindow(!args.HasMember("shown") || !args["shown"].IsBool() || args["shown"].GetBool());
    return "{}";
  }
  return Problems("unknown story command '" + std::string(command) + "'");
}

}  // namespace kz
