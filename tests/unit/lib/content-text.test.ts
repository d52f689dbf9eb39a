/** How content bytes become text, and the invisible characters the check refuses. */
import { describe, expect, it } from 'vitest';
import { decodeContent, firstInvalidUtf8Byte, hiddenCharacters, hiddenCharactersInData, normaliseText } from '../../../src/lib/content/text';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('decodeContent', () => {
  it('accepts a Windows editor’s file: byte-order mark and CRLF become plain LF text', () => {
    expect(decodeContent(bytes([0xef, 0xbb, 0xbf], '---\r\ntitle: A?\r\n---\r\nBody\r\n'))).toEqual({ text: '---\ntitle: A?\n---\nBody\n' });
    expect(normaliseText('a\rb\r\nc')).toBe('a\nb\nc');
  });

  it('keeps NFD text as it is (a decomposed й is still Ukrainian text)', () => {
    const nfd = 'Зеленськи\u0306';
    expect(decodeContent(bytes(nfd))).toEqual({ text: nfd });
  });

  it('names the first byte that is not UTF-8', () => {
    expect(decodeContent(bytes('café ', [0xe9], ' ok'))).toEqual({ badByte: 6 });
    // A UTF-16 file starts with FF FE.
    expect(decodeContent(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({ badByte: 0 });
    // Truncated sequence, overlong encoding, a surrogate.
    expect(firstInvalidUtf8Byte(bytes('ab', [0xe2, 0x82]))).toBe(2);
    expect(firstInvalidUtf8Byte(Uint8Array.from([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8Byte(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Byte(bytes('Київ €'))).toBe(bytes('Київ €').length);
  });
});

describe('hiddenCharacters', () => {
  it('finds bidi controls and zero-width characters with their line and column', () => {
    expect(hiddenCharacters('ab\u202Ec\nd\u200Be')).toEqual([
      { line: 1, column: 3, name: 'U+202E RIGHT-TO-LEFT OVERRIDE' },
      { line: 2, column: 2, name: 'U+200B ZERO WIDTH SPACE' },
    ]);
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200C', '\u200D', '\u2060', '\uFEFF']) {
      expect(hiddenCharacters(`x${c}`), `U+${c.codePointAt(0)!.toString(16)}`).toHaveLength(1);
    }
  });

  it('leaves ordinary text alone: apostrophes, guillemets, dashes, non-breaking spaces', () => {
    expect(hiddenCharacters('Зеленський’s «план» — 1\u00A0000\u202Fkm')).toEqual([]);
  });

  it('reports the field path inside parsed YAML', () => {
    expect(hiddenCharactersInData({ rows: [{ label: 'ok' }, { label: 'b\u202Ead' }] })).toEqual([
      { path: ['rows', 1, 'label'], message: expect.stringMatching(/^contains an invisible U\+202E RIGHT-TO-LEFT OVERRIDE at character 2;/) },
    ]);
  });
});
