// The app's requests of the platform: one queue, drained in the order they were made.
#include "state/platform_request.hpp"

#include <gtest/gtest.h>

namespace kz {
namespace {

TEST(RequestQueue, DrainsInTheOrderRequestsWereMadeAndEachOnce) {
  RequestQueue queue;
  queue.Push(PresetRequest{"re-2010-japan"});
  queue.Push(ShareRequest{ShareKind::Embed});
  queue.Push(CopyRequest{"text", "copied"});
  const std::vector<PlatformRequest> taken = queue.TakeAll();
  ASSERT_EQ(taken.size(), 3u);
  EXPECT_EQ(std::get<PresetRequest>(taken[0]).id, "re-2010-japan");
  EXPECT_EQ(std::get<ShareRequest>(taken[1]).kind, ShareKind::Embed);
  EXPECT_EQ(std::get<CopyRequest>(taken[2]).confirmation, "copied");
  EXPECT_TRUE(queue.TakeAll().empty()) << "asked once";
}

TEST(RequestQueue, TakingOneKindLeavesTheOthersInOrder) {
  RequestQueue queue;
  queue.Push(UrlRequest{"MODEL.md"});
  queue.Push(FileRequest{FileAction::ExportResultsCsv});
  queue.Push(UrlRequest{"#k..."});
  const std::optional<FileRequest> file = queue.Take<FileRequest>();
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->action, FileAction::ExportResultsCsv);
  EXPECT_FALSE(queue.Take<FileRequest>().has_value());
  const std::vector<PlatformRequest> rest = queue.TakeAll();
  ASSERT_EQ(rest.size(), 2u);
  EXPECT_EQ(std::get<UrlRequest>(rest[0]).url, "MODEL.md");
  EXPECT_EQ(std::get<UrlRequest>(rest[1]).url, "#k...");
}

}  // namespace
}  // namespace kz
