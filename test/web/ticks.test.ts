import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../web/lib/ticks';

describe('niceTicks', () => {
  it('covers the maximum with round steps', () => {
    expect(niceTicks(1388)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(5)).toEqual([0, 2, 4, 6]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
  });

  it('never steps below one person and handles an empty series', () => {
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});
