/**
 * Text hygiene for content files: how their bytes become text, and the invisible characters
 * that must not reach a reader.
 *
 * - Editors save files on every kind of machine. A Windows editor's UTF-8 carries a byte-order
 *   mark and CRLF line ends; both are harmless, so they are accepted and normalised on read
 *   (the text the build checks is the text it compiles; see src/integrations/content-check.ts).
 * - A file that is not UTF-8 (Latin-1 from an old editor, a binary pasted by mistake) is
 *   refused with the byte where decoding fails, rather than published as U+FFFD boxes.
 * - Bidirectional controls (U+202A–U+202E, U+2066–U+2069, and the marks U+200E, U+200F,
 *   U+061C) make a reader see text in another order than the file holds ("Trojan Source");
 *   zero-width characters make two ids or words that look the same differ. Neither has a use
 *   in an English or Ukrainian explainer, so both are refused wherever text is, with their
 *   position.
 */

export type Decoded = { text: string } | { badByte: number };

const BOM = '\uFEFF';

/** The file's bytes as normalised text (no BOM, LF line ends), or the first byte that is not UTF-8. */
export function decodeContent(bytes: Uint8Array): Decoded {
  try {
    return { text: normaliseText(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)) };
  } catch {
    return { badByte: firstInvalidUtf8Byte(bytes) };
  }
}

/** Strip a leading byte-order mark and turn CRLF (and lone CR) into LF. */
export function normaliseText(text: string): string {
  return (text.startsWith(BOM) ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

/** 0-based offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** Characters that change what a reader sees without showing themselves. */
const HIDDEN: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (a byte-order mark inside the text)',
};
const HIDDEN_RE = new RegExp(`[${Object.keys(HIDDEN).map((c) => `\\u${Number(c).toString(16).padStart(4, '0')}`).join('')}]`, 'g');

export interface HiddenCharacter {
  /** 1-based line and column (in UTF-16 units, as editors count them). */
  line: number;
  column: number;
  /** 'U+202E RIGHT-TO-LEFT OVERRIDE' */
  name: string;
}

/** Every bidirectional control or zero-width character in `text`, with its position. */
export function hiddenCharacters(text: string): HiddenCharacter[] {
  const out: HiddenCharacter[] = [];
  for (const m of text.matchAll(HIDDEN_RE)) {
    const before = text.slice(0, m.index);
    const line = before.split('\n').length;
    const column = m.index - before.lastIndexOf('\n');
    const code = m[0].codePointAt(0)!;
    out.push({ line, column, name: `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${HIDDEN[code]}` });
  }
  return out;
}

/** "at character 12" for one-line text, "at line 3, column 12" for longer text. */
export const positionIn = (text: string, h: HiddenCharacter) =>
  text.includes('\n') ? `at line ${h.line}, column ${h.column}` : `at character ${h.column}`;

/** One sentence per hidden character in a field's text. */
export const hiddenCharacterMessages = (text: string): string[] =>
  hiddenCharacters(text).map((h) => `contains an invisible ${h.name} ${positionIn(text, h)}; delete it (it makes readers see something other than what the file says)`);

/** Every hidden character in any text of a parsed YAML value, with the path of the field it is in. */
export function hiddenCharactersInData(value: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; message: string }[] {
  if (typeof value === 'string') return hiddenCharacterMessages(value).map((message) => ({ path, message }));
  if (Array.isArray(value)) return value.flatMap((v, i) => hiddenCharactersInData(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => hiddenCharactersInData(v, [...path, k]));
  return [];
}
