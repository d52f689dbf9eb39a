import { describe, expect, it } from 'vitest';
import { countVerdicts, verdictLabel, verdictSummary } from '../../../src/lib/verdicts';
import type { Verdict } from '../../../src/lib/content/schemas/pages';

const rows = (...v: Verdict[]) => v.map((is) => ({ verdict: { is } }));

describe('verdicts', () => {
  it('counts every verdict, including those nobody got', () => {
    expect(countVerdicts(rows('weaker', 'weaker', 'unclear'))).toEqual({ same: 0, weaker: 2, stronger: 0, unclear: 1 });
  });

  it('summarises weakest news first, leaving out verdicts with no points', () => {
    expect(verdictSummary(rows('unclear', 'same', 'weaker', 'weaker', 'unclear', 'stronger', 'stronger', 'unclear'))).toBe(
      'Of 8 points, the proposal is weaker than Article 5 on 2, stronger on 2, the same on 1 and unclear on 3.',
    );
    expect(verdictSummary(rows('same', 'unclear'))).toBe('Of 2 points, the proposal is the same as Article 5 on 1 and unclear on 1.');
    expect(verdictSummary(rows('stronger'))).toBe('Of 1 point, the proposal is stronger than Article 5 on 1.');
  });

  it('labels each verdict with a word', () => {
    expect(verdictLabel('unclear')).toBe('Unclear');
  });
});
