/** The small, valid content set in tests/fixtures/content, as the checker's file map. */
import { type ContentFiles } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { fileURLToPath } from 'node:url';

export function fixtureFiles(): ContentFiles {
  return readContentFiles(fileURLToPath(new URL('../fixtures/', import.meta.url)));
}

/** A wire story read only through a forum copy (a relay by effective tier), as a sources.yaml record. */
export const FORUM_COPY_SOURCE = `- id: article-forum
  publisher: Example Wire
  title: A wire story read on a forum
  date: '2025-12-18'
  url: https://example.org/forum/1
  kind: background
  tier: wire
  via:
    publisher: Example Forum
    url: https://example.org/forum/1
    kind: forum
`;
