/** The small, valid content set in tests/fixtures/content, as the checker's file map. */
import { type ContentFiles } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { fileURLToPath } from 'node:url';

export function fixtureFiles(): ContentFiles {
  return readContentFiles(fileURLToPath(new URL('../fixtures/', import.meta.url)));
}
