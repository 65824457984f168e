#include "world_mesh.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

const kz::WorldMesh& Mesh() {
  static const kz::WorldMesh mesh = kz::WorldMesh::Parse(kz::EmbeddedWorldMesh()).value();
  return mesh;
}

std::string RegionAt(kz::LonLat point) {
  const int country = Mesh().CountryAt(point);
  if (country < 0) return "-";
  return Mesh().RegionIds()[static_cast<std::size_t>(Mesh().Countries()[static_cast<std::size_t>(country)].region)];
}

TEST(WorldMesh, EmbeddedMeshParsesWithEveryNaturalEarthCountry) {
  EXPECT_EQ(Mesh().Countries().size(), 177u);  // Natural Earth 1:110m admin-0 countries
  EXPECT_EQ(Mesh().Indices().size() % 3, 0u);
  EXPECT_GT(Mesh().Vertices().size(), 10000u);
}

TEST(WorldMesh, HitTestFindsRegionsAndOcean) {
  EXPECT_EQ(RegionAt({134.0, -25.0}), "AU");   // central Australia
  EXPECT_EQ(RegionAt({139.7, 35.7}), "JP");    // Tokyo
  EXPECT_EQ(RegionAt({121.0, 23.7}), "TW");    // central Taiwan
  EXPECT_EQ(RegionAt({10.0, 51.0}), "EU");     // Germany
  EXPECT_EQ(RegionAt({100.5, 13.8}), "SEA");   // Bangkok
  EXPECT_EQ(RegionAt({-98.6, 39.8}), "US");    // Kansas
  EXPECT_EQ(RegionAt({37.6, 55.8}), "ROW");    // Moscow
  EXPECT_EQ(RegionAt({-150.0, 0.0}), "-");     // mid-Pacific
  EXPECT_EQ(RegionAt({-30.0, 30.0}), "-");     // mid-Atlantic
  EXPECT_EQ(RegionAt({134.0 - 360.0, -25.0}), "AU");  // the copy of the world west of the antimeridian
  EXPECT_EQ(RegionAt({178.0, -17.8}), "ROW");  // Fiji, cut at the antimeridian
  EXPECT_EQ(RegionAt({-179.9, 66.5}), "ROW");  // Chukotka, east of the antimeridian
}

TEST(WorldMesh, RegionSlotsFollowTheScenarioOrder) {
  const std::vector<std::string> scenario{"JP", "US", "XX"};
  const std::vector<int> slots = Mesh().RegionSlots(scenario);
  ASSERT_EQ(slots.size(), Mesh().RegionIds().size());
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const std::string& id = Mesh().RegionIds()[i];
    EXPECT_EQ(slots[i], id == "JP" ? 0 : id == "US" ? 1 : -1) << id;
  }
}

TEST(WorldMesh, RejectsBytesThatAreNotAMesh) {
  const std::string junk = "not a mesh at all, just text that is long enough";
  EXPECT_FALSE(kz::WorldMesh::Parse(std::as_bytes(std::span(junk.data(), junk.size()))).ok());
  const std::span<const std::byte> real = kz::EmbeddedWorldMesh();
  const auto truncated = kz::WorldMesh::Parse(real.first(real.size() / 2));
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.problems().front().message.find("truncated"), std::string::npos);
}

}  // namespace
