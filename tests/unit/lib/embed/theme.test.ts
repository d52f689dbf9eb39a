import { describe, expect, it } from 'vitest';
import { darkSourceMedia, DEFAULT_THEME, NEVER, parseTheme, withTheme } from '../../../../src/lib/embed/theme';

describe('parseTheme', () => {
  it('reads light, dark and auto, forgiving case and spaces', () => {
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme(' Dark ')).toBe('dark');
    expect(parseTheme('auto')).toBe('auto');
  });
  it('refuses anything else', () => {
    for (const raw of ['', 'purple', 'darkish', null, undefined]) expect(parseTheme(raw)).toBeUndefined();
  });
  it('defaults to light: an embed fits the (light) page around it, not the reader’s system', () => {
    expect(DEFAULT_THEME).toBe('light');
  });
});

describe('darkSourceMedia', () => {
  const wide = 'screen and (prefers-color-scheme: dark)';
  const narrow = 'screen and (max-width: 36rem) and (prefers-color-scheme: dark)';
  it('switches dark images off in the light theme', () => {
    expect(darkSourceMedia(wide, 'light')).toBe(NEVER);
    expect(darkSourceMedia(narrow, 'light')).toBe(NEVER);
  });
  it('leaves the reader’s setting in charge for auto', () => {
    expect(darkSourceMedia(narrow, 'auto')).toBe(narrow);
  });
  it('drops only the colour-scheme condition for dark', () => {
    expect(darkSourceMedia(wide, 'dark')).toBe('screen');
    expect(darkSourceMedia(narrow, 'dark')).toBe('screen and (max-width: 36rem)');
    expect(darkSourceMedia('(prefers-color-scheme: dark)', 'dark')).toBe('all');
    expect(darkSourceMedia('(prefers-color-scheme: dark) and (max-width: 36rem)', 'dark')).toBe('(max-width: 36rem)');
  });
});

describe('withTheme', () => {
  const url = new URL('https://example.org/embed/chart/x/');
  it('carries the theme as ?theme=', () => {
    expect(withTheme(url, 'dark').href).toBe('https://example.org/embed/chart/x/?theme=dark');
    expect(withTheme(new URL('https://example.org/embed/chart/x/?theme=light&childId=a'), 'auto').href).toBe('https://example.org/embed/chart/x/?theme=auto&childId=a');
  });
  it('leaves the URL alone when no theme was asked for', () => {
    expect(withTheme(url, undefined).href).toBe(url.href);
  });
});
