/**
 * The Article 5 comparison's verdicts: how the proposed guarantee compares with Article 5 on
 * each point (content/data/article5.yaml), counted for the summary line above the table.
 */
import { VERDICTS, type Verdict } from './content/schemas/pages';
import { t } from './strings';

/** How many points carry each verdict, in the fixed order same, weaker, stronger, unclear. */
export function countVerdicts(rows: readonly { verdict: { is: Verdict } }[]): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const r of rows) counts[r.verdict.is] += 1;
  return counts;
}

/** The label a verdict shows as ("Weaker"). */
export const verdictLabel = (v: Verdict) => t(`verdict.${v}`);

/**
 * One sentence counting the verdicts, weakest news first, leaving out verdicts nobody got:
 * "Of 8 points, the proposal is weaker than Article 5 on 2, stronger on 2, the same on 1 and
 * unclear on 3."
 */
export function verdictSummary(rows: readonly { verdict: { is: Verdict } }[]): string {
  const counts = countVerdicts(rows);
  const order: Verdict[] = ['weaker', 'stronger', 'same', 'unclear'];
  const parts = order.filter((v) => counts[v] > 0).map((v, i) => t(i === 0 ? `verdict.count.first.${v}` : `verdict.count.${v}`, { n: counts[v] }));
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} ${t('verdict.and')} ${parts.at(-1)}` : (parts[0] ?? '');
  const total = t(rows.length === 1 ? 'verdict.point' : 'verdict.points', { n: rows.length });
  return t('verdict.summary', { total, list });
}
