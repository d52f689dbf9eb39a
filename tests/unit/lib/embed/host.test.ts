import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEIGHT,
  embedSrc,
  frameTitle,
  heightFromEvent,
  MAX_HEIGHT,
  MIN_HEIGHT,
  readHeight,
  REJECT_ABOVE,
  startHeight,
} from '../../../../src/lib/embed/host';

const amp = (height: unknown) => ({ sentinel: 'amp', type: 'embed-size', height });

describe('readHeight', () => {
  it('accepts the AMP embed-size message with a sane number, rounded up', () => {
    expect(readHeight(amp(742))).toBe(742);
    expect(readHeight(amp(741.3))).toBe(742);
  });
  it('clamps accepted heights into [MIN_HEIGHT, MAX_HEIGHT]', () => {
    expect(readHeight(amp(1))).toBe(MIN_HEIGHT);
    expect(readHeight(amp(REJECT_ABOVE))).toBe(MAX_HEIGHT);
  });
  it.each([
    ['a negative height', amp(-500)],
    ['zero', amp(0)],
    ['a huge height', amp(1e9)],
    ['just above the limit', amp(REJECT_ABOVE + 1)],
    ['Infinity', amp(Number.POSITIVE_INFINITY)],
    ['NaN', amp(Number.NaN)],
    ['a numeric string', amp('500')],
    ['a CSS length', amp('500px')],
    ['an object height', amp({ valueOf: () => 500 })],
    ['a missing height', { sentinel: 'amp', type: 'embed-size' }],
    ['another AMP type', { sentinel: 'amp', type: 'embed-ready', height: 500 }],
    ['another sentinel', { sentinel: 'x', type: 'embed-size', height: 500 }],
    ['a Datawrapper message', { 'datawrapper-height': { a: 500 } }],
    ['a pym.js string', 'pymxPYMxpym-0xPYMxheightxPYMx500'],
    ['a pym.js navigateTo', 'pymxPYMxpym-0xPYMxnavigateToxPYMxjavascript:alert(1)'],
    ['an iframe.resize string', JSON.stringify({ context: 'iframe.resize', height: 500 })],
    ['a javascript: URL', 'javascript:alert(document.domain)'],
    ['a WordPress link message', { secret: 'a', message: 'link', value: 'javascript:alert(1)' }],
    ['null', null],
    ['undefined', undefined],
    ['a number', 500],
    ['an array', [amp(500)]],
  ])('ignores %s', (_name, data) => {
    expect(readHeight(data)).toBeNull();
  });
  it('reads only own data properties: no getters run, nothing inherited', () => {
    let ran = false;
    const getter = Object.defineProperty({ sentinel: 'amp', type: 'embed-size' }, 'height', {
      get: () => {
        ran = true;
        return 500;
      },
      enumerable: true,
    });
    expect(readHeight(getter)).toBeNull();
    expect(ran).toBe(false);
    expect(readHeight(Object.create(amp(500)))).toBeNull();
  });
});

describe('heightFromEvent', () => {
  it('accepts only the origin the iframe was loaded from', () => {
    expect(heightFromEvent({ origin: 'https://example.org', data: amp(500) }, 'https://example.org')).toBe(500);
    expect(heightFromEvent({ origin: 'https://evil.example', data: amp(500) }, 'https://example.org')).toBeNull();
    expect(heightFromEvent({ origin: 'null', data: amp(500) }, 'https://example.org')).toBeNull();
  });
});

describe('embedSrc', () => {
  const page = 'https://news.example/2025/story.html';
  it('resolves http(s) URLs against the host page', () => {
    expect(embedSrc('https://example.org/embed/a/b/', page)?.href).toBe('https://example.org/embed/a/b/');
    expect(embedSrc('  /embed/a/b/ ', page)?.href).toBe('https://news.example/embed/a/b/');
  });
  it.each([['javascript:alert(1)'], ['JavaScript:alert(1)'], ['data:text/html,<script>alert(1)</script>'], ['blob:https://x/y'], ['vbscript:x'], [''], ['   '], [null], [undefined], ['http://[::1']])(
    'refuses %s',
    (raw) => {
      expect(embedSrc(raw, page)).toBeNull();
    },
  );
});

describe('startHeight', () => {
  it('uses data-height when it is a plain positive number, clamped', () => {
    expect(startHeight('900')).toBe(900);
    expect(startHeight(' 480.5 ')).toBe(481);
    expect(startHeight('10')).toBe(MIN_HEIGHT);
    expect(startHeight('50000')).toBe(MAX_HEIGHT);
  });
  it.each([[null], [''], ['abc'], ['-100'], ['0'], ['1e9'], ['100px'], ['999999999']])('falls back to the default for %s', (raw) => {
    expect(startHeight(raw)).toBe(DEFAULT_HEIGHT);
  });
});

describe('frameTitle', () => {
  it('uses the fallback link’s text on one line, or the fallback', () => {
    expect(frameTitle('  Would European\n  troops fight? ', 'example.org')).toBe('Would European troops fight?');
    expect(frameTitle('', 'example.org')).toBe('example.org');
    expect(frameTitle(null, 'example.org')).toBe('example.org');
    expect(frameTitle('x'.repeat(500), 'e').length).toBe(200);
  });
});
