import { describe, expect, it } from 'vitest';
import { neighbours } from '../../../src/lib/stack-nav';

const stacks = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

describe('neighbours', () => {
  it('gives the stacks before and after, and none past either end', () => {
    expect(neighbours(stacks, 'b')).toEqual({ previous: { id: 'a' }, next: { id: 'c' } });
    expect(neighbours(stacks, 'a')).toEqual({ previous: undefined, next: { id: 'b' } });
    expect(neighbours(stacks, 'c')).toEqual({ previous: { id: 'b' }, next: undefined });
  });
  it('refuses a stack that is not in the list', () => {
    expect(() => neighbours(stacks, 'z')).toThrow(/"z"/);
  });
});
