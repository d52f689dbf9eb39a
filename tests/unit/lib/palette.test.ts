import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { palette } from '../../../src/lib/palette';

const css = readFileSync(new URL('../../../src/styles/tokens.css', import.meta.url), 'utf8');

/** The custom properties declared in the first block matching `selector`. */
function block(selector: RegExp): Record<string, string> {
  const m = selector.exec(css);
  if (!m) throw new Error(`no block ${selector}`);
  const body = css.slice(m.index + m[0].length, css.indexOf('}', m.index));
  return Object.fromEntries([...body.matchAll(/--ex-([a-z]+):\s*([^;]+);/g)].map((x) => [x[1]!, x[2]!.trim()]));
}

describe('palette and tokens.css agree', () => {
  for (const [mode, selector] of [
    ['light', /:root\s*\{/],
    ['dark', /@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{/],
  ] as const) {
    it(`${mode} colours`, () => {
      const tokens = block(selector);
      for (const key of ['bg', 'surface', 'text', 'muted', 'border', 'accent', 'focus'] as const) {
        expect(tokens[key], `--ex-${key} (${mode})`).toBe(palette[mode][key]);
      }
    });
  }
  it('forced themes repeat the same values', () => {
    expect(block(/:root\[data-theme='light'\]\s*\{/)).toMatchObject({ bg: palette.light.bg, text: palette.light.text, accent: palette.light.accent });
    expect(block(/:root\[data-theme='dark'\]\s*\{/)).toMatchObject({ bg: palette.dark.bg, text: palette.dark.text, accent: palette.dark.accent });
  });
});
