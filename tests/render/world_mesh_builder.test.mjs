// The build-time world mesh (web/tools/world_mesh.mjs): every Natural Earth 1:110m country, tagged
// with a region, triangulated with indices in range; the file the build wrote decodes to the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tool = await import(pathToFileURL(path.join(root, 'web/tools/world_mesh.mjs')).href);
const regions = tool.readRegionTable(process.env.KIZUNA_REGIONS || path.join(root, 'assets/map/regions.json'));
const mesh = tool.buildMesh({ atlas: tool.loadAtlas(), regions });

function polygonArea(points) {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i];
    const [x1, y1] = points[(i + 1) % points.length];
    sum += x0 * y1 - x1 * y0;
  }
  return Math.abs(sum) / 2;
}

test('every Natural Earth 1:110m country is in the mesh and belongs to a region', () => {
  assert.equal(mesh.countries.length, 177);
  for (const country of mesh.countries) {
    assert.ok(country.region >= 0 && country.region < mesh.regionIds.length, `${country.name}: region ${country.region}`);
    assert.ok(country.indexCount > 0 && country.indexCount % 3 === 0, `${country.name}: ${country.indexCount} indices`);
  }
  const byRegion = (id) => mesh.countries.filter((c) => mesh.regionIds[c.region] === id).map((c) => c.name);
  for (const id of ['US', 'JP', 'CN', 'TW', 'KR', 'EU', 'AU', 'IN', 'SEA', 'ROW']) assert.ok(byRegion(id).length > 0, id);
  assert.equal(byRegion('EU').length, 26, 'the 27 EU members but Malta (too small for 1:110m)');
  assert.equal(byRegion('SEA').length, 9, 'the 10 ASEAN members but Singapore (too small for 1:110m)');
});

test('Japan and Taiwan have their polygons, and triangles cover each country', () => {
  for (const [name, iso] of [['Japan', 392], ['Taiwan', 158]]) {
    const country = mesh.countries.find((c) => c.iso === iso);
    assert.ok(country, name);
    assert.equal(country.name, name);
    assert.equal(mesh.regionIds[country.region], name === 'Japan' ? 'JP' : 'TW');
    assert.ok(country.ringCount >= 1);
  }
  const japan = mesh.countries.find((c) => c.iso === 392);
  assert.ok(japan.ringCount >= 3, 'Honshu, Hokkaido, Kyushu (1:110m has no Shikoku)');
  // Triangle area equals ring area (holes aside) for every country: earcut missed nothing.
  for (const country of mesh.countries) {
    const rings = mesh.rings.slice(country.firstRing, country.firstRing + country.ringCount);
    const base = rings[0].firstVertex;
    const ringArea = rings.reduce((sum, r) => sum + polygonArea(mesh.vertices.slice(r.firstVertex, r.firstVertex + r.vertexCount)), 0);
    let triangleArea = 0;
    for (let i = country.firstIndex; i < country.firstIndex + country.indexCount; i += 3) {
      triangleArea += polygonArea([0, 1, 2].map((k) => mesh.vertices[base + mesh.indices[i + k]]));
    }
    assert.ok(triangleArea <= ringArea * 1.001 && triangleArea >= ringArea * 0.5, `${country.name}: ${triangleArea} of ${ringArea}`);
  }
});

test('indices stay inside their country and the encoded file round-trips', () => {
  const bytes = tool.encodeMesh(mesh);
  assert.ok(bytes.length < 300 * 1024, `${bytes.length} bytes`);
  const decoded = tool.decodeMesh(bytes);
  assert.deepEqual(decoded.regionIds, mesh.regionIds);
  assert.equal(decoded.countries.length, mesh.countries.length);
  for (const country of decoded.countries) {
    const first = decoded.rings[country.firstRing];
    const last = decoded.rings[country.firstRing + country.ringCount - 1];
    const count = last.firstVertex + last.vertexCount - first.firstVertex;
    for (let i = country.firstIndex; i < country.firstIndex + country.indexCount; i++) {
      assert.ok(decoded.indices[i] < count);
    }
  }
  const tokyo = decoded.vertices.some(([lon, lat]) => Math.abs(lon - 139.8) < 1 && Math.abs(lat - 35.5) < 1);
  assert.ok(tokyo, 'a vertex near Tokyo Bay');
  if (process.env.KIZUNA_MESH_BIN) {
    assert.deepEqual(new Uint8Array(fs.readFileSync(process.env.KIZUNA_MESH_BIN)), bytes, 'the build wrote this mesh');
  }
});
