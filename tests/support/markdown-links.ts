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

/**
 * Inline links and images (`[text](target)`, `![alt](target)`) and autolinks (`<https://…>`)
 * outside fenced code blocks and inline code spans. Reference-style links are not used here.
 */
export function markdownLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  let fence: string | undefined;
  markdown.split('\n').forEach((raw, i) => {
    const opener = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
    if (opener && (!fence || opener[0] === fence[0])) {
      fence = fence ? undefined : opener;
      return;
    }
    if (fence) return;
    const text = raw.replace(/`[^`]*`/g, '');
    for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ target: m[1]!, line: i + 1 });
    for (const m of text.matchAll(/<((?:https?|mailto):[^>\s]+)>/g)) links.push({ target: m[1]!, line: i + 1 });
  });
  return links;
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
  let fence: string | undefined;
  for (const raw of markdown.split('\n')) {
    const opener = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
    if (opener && (!fence || opener[0] === fence[0])) {
      fence = fence ? undefined : opener;
      continue;
    }
    if (fence) continue;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw)?.[1];
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
