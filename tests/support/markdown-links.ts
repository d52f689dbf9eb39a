/**
 * The links a Markdown guide makes, and the anchors its headings give, so a test can prove that
 * README.md and docs/*.md point only at files and headings that exist. A guide that names a file
 * which has moved sends a newcomer nowhere; this keeps the docs from rotting silently.
 */

export interface MarkdownLink {
  /** The target as written, e.g. `docs/quality.md#the-csp-header`. */
  target: string;
  /** 1-based line number in the guide. */
  line: number;
}

/** The guide's lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(markdown: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  let fence: string | undefined;
  markdown.split('\n').forEach((text, i) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence ? undefined : marker;
    else if (!fence) lines.push({ text, line: i + 1 });
  });
  return lines;
}

/**
 * Inline links and images (`[text](target)`, `![alt](target)`) and autolinks (`<https://…>`)
 * outside fenced code blocks and inline code spans. Reference-style links are not used here.
 */
export function markdownLinks(markdown: string): MarkdownLink[] {
  return proseLines(markdown).flatMap(({ text: raw, line }) => {
    const text = raw.replace(/`[^`]*`/g, '');
    return [
      ...[...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => ({ target: m[1]!, line })),
      ...[...text.matchAll(/<((?:https?|mailto):[^>\s]+)>/g)].map((m) => ({ target: m[1]!, line })),
    ];
  });
}

/** A link that leaves the repository (a URL with a scheme, or protocol-relative). */
export const isExternal = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

/**
 * The anchors GitHub gives a guide's headings: lower case, punctuation dropped (hyphens and
 * underscores kept), spaces to hyphens, and `-1`, `-2`… for repeats. Headings inside code fences
 * are not headings.
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text)?.[1];
    if (heading === undefined) continue;
    const slug = heading
      .toLowerCase()
      .replace(/<[^>]*>/g, '')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n ? `${slug}-${n}` : slug);
  }
  return anchors;
}
