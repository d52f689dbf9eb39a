/** The stacks before and after one stack in reading order: the "previous / next" links. */
export function neighbours<T extends { id: string }>(ordered: readonly T[], id: string): { previous?: T; next?: T } {
  const i = ordered.findIndex((s) => s.id === id);
  if (i < 0) throw new Error(`stack "${id}" is not in the list`);
  return { previous: ordered[i - 1], next: ordered[i + 1] };
}
