/**
 * `npm run embed:heights [dist]`: measures every built embed page in Debian's Chromium at the
 * widths of src/lib/embed/heights.ts (the classes' 320, 390, 600 and 900 px and probes between) and writes
 * src/data/embed-heights.json, from which the build makes the plain iframe code's heights. Run it
 * after a change that moves an embed's height (content, styles), then build again and commit the
 * file; tests/e2e/embed-heights.test.ts measures again and fails when a height is short or more
 * than 10 % too tall. Builds first when dist/ has no build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from '../support/browser.ts';
import { buildArgs, ROOT } from '../support/builds.ts';
import { measureUnits, unitKeys } from '../support/embed-heights.ts';
import { serveStatic } from '../support/static-server.ts';
import { heightClasses, MEASURED_WIDTHS, PROBE_WIDTHS } from '../../src/lib/embed/heights.ts';

export const HEIGHTS_FILE = join(ROOT, 'src/data/embed-heights.json');

const dist = resolve(process.argv[2] ?? join(ROOT, 'dist'));
if (!existsSync(join(dist, 'index.html'))) {
  console.log('[embed-heights] no build in dist/: building');
  execFileSync(process.execPath, buildArgs(), { cwd: ROOT, stdio: 'inherit' });
}
const server = await serveStatic(dist);
const browser = await launchChromium();
try {
  const units = await measureUnits(browser, server.url, unitKeys(dist), PROBE_WIDTHS);
  const lines = Object.entries(units).map(([key, hs]) => `    ${JSON.stringify(key)}: [${hs.join(', ')}]`);
  writeFileSync(HEIGHTS_FILE, `{\n  "widths": [${PROBE_WIDTHS.join(', ')}],\n  "units": {\n${lines.join(',\n')}\n  }\n}\n`);
  console.log(`unit, height at ${PROBE_WIDTHS.join(', ')} px; classes at ${MEASURED_WIDTHS.join(', ')} px`);
  for (const [key, hs] of Object.entries(units)) {
    const classes = heightClasses(PROBE_WIDTHS, hs);
    console.log(`${key.padEnd(48)} ${hs.map((h) => String(h).padStart(5)).join(' ')}  ${classes ? `iframe heights ${classes.map((c) => c.height).join(' / ')}` : 'self-sizing codes only'}`);
  }
  console.log(`[embed-heights] wrote ${HEIGHTS_FILE}: build again to put the heights in the codes.`);
} finally {
  await browser.close();
  await server.close();
}
