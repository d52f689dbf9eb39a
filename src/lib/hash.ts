/**
 * Short, stable fingerprints of text: FNV-1a, eight hex digits. Pure and dependency-free, so
 * the same fingerprint comes out wherever it runs (the content check, the build, a browser).
 * Not for security: for telling that a text changed (a chart's rows, an English text a
 * translation was made from).
 */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A text's fingerprint: eight hex digits. */
export const fingerprint = (text: string): string => fnv1a(text).toString(16).padStart(8, '0');

/** A fingerprint as written in a content file. */
export const FINGERPRINT = /^[0-9a-f]{8}$/;
