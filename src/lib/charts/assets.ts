/**
 * Where a chart's build-time files live, relative to the site root. The integration writes
 * them there and the component links to them through withBase, from this one definition.
 * The route prefix `charts` is reserved (RESERVED_IDS), so no card or stack can collide.
 */
import { withBase } from '../urls';

export const chartAssetFiles = (id: string) => ({
  light: `charts/${id}/${id}-light.svg`,
  dark: `charts/${id}/${id}-dark.svg`,
  /** The narrow layout, for phones (see LAYOUTS in config.ts). */
  narrowLight: `charts/${id}/${id}-narrow-light.svg`,
  narrowDark: `charts/${id}/${id}-narrow-dark.svg`,
  png: `charts/${id}/${id}.png`,
  csv: `charts/${id}/${id}.csv`,
});
export type ChartAssetKind = keyof ReturnType<typeof chartAssetFiles>;

/** The same files as URLs under the site's base path. */
export function chartAssetUrls(id: string, base?: string): Record<ChartAssetKind, string> {
  const files = chartAssetFiles(id);
  return Object.fromEntries(Object.entries(files).map(([kind, file]) => [kind, withBase(file, base)])) as Record<ChartAssetKind, string>;
}

/** The permalink anchor of a chart on its page. */
export const chartAnchor = (id: string) => `chart-${id}`;
