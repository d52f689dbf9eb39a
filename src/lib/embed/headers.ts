/**
 * The host header file (public/_headers) is written for a site at the root. Under a sub-path its
 * rules must name the sub-path, so the build prefixes every rule's path with the base. Pure and
 * idempotent: a path that already starts with the base (the CSP rules another step writes with
 * the base already in them) is left alone.
 */
import { normaliseBase } from '../urls';

export function withBaseInHeaders(text: string, base: string): string {
  const b = normaliseBase(base);
  if (b === '/') return text;
  return text
    .split('\n')
    .map((line) => (line.startsWith('/') && !line.startsWith(b) ? `${b}${line.slice(1)}` : line))
    .join('\n');
}
