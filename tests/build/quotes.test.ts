/**
 * Every quote a card places says, in its caption, whose English the reader reads when the speaker
 * spoke another language ("Spoken in Ukrainian; English translation by Bloomberg."), and says
 * nothing of the kind for a quote spoken in English or in a language no source gives.
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { componentUses } from '../../src/lib/content/mdx-scanner';
import { builds, ROOT } from '../support/builds';
import { assertBuilt, readText } from '../support/dist';
import { elements, parseHtml, textOf } from '../support/html';

const { model } = checkContent(readContentFiles(ROOT));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const { outDir } = builds.root;

describe('quotes say whose translation they are', () => {
  assertBuilt(outDir);

  it('on every card page and card embed', () => {
    let translated = 0;
    for (const card of model.cards) {
      const quotes = componentUses(card.body).filter((u) => u.component === 'Quote').map((u) => model.quotes.find((q) => q.id === u.id)!);
      for (const file of [`${card.stack}/index.html`, `embed/${card.stack}/${card.id}/index.html`]) {
        const doc = parseHtml(readText(outDir, file));
        const figures = [...elements(doc)].filter((e) => e.tagName === 'figure' && e.attrs.some((a) => a.name === 'class' && a.value.split(' ').includes('quote')));
        for (const quote of quotes) {
          const figure = figures.find((f) => squash(textOf(f)).includes(squash(quote.text)));
          expect(figure, `${file}: ${quote.id}`).toBeDefined();
          const caption = squash(textOf(figure!));
          if (quote.translatedBy) {
            const language = new Intl.DisplayNames(['en'], { type: 'language' }).of(quote.spoken)!;
            expect(caption, `${file}: ${quote.id}`).toContain(`Spoken in ${language}; English translation by ${quote.translatedBy}.`);
            translated++;
          } else {
            expect(caption, `${file}: ${quote.id}`).not.toMatch(/English translation by/);
          }
        }
      }
    }
    // Zelenskyy's conditions (¶7) are Bloomberg's English of words spoken in Ukrainian.
    expect(translated).toBeGreaterThan(2);
  });
});
