import { describe, expect, it } from 'vitest';
import { RetainedGroupCommit } from './retained-group-commit.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('RetainedGroupCommit', () => {
  it('writes every packet queued in one turn in a single call, and acknowledges only after it', async () => {
    const writes: number[][] = [];
    const commit = new RetainedGroupCommit<number>((packets) => writes.push([...packets]));
    const acked: number[] = [];
    for (let i = 1; i <= 5; i++) commit.add(i, (err) => (err ? undefined : acked.push(i)));
    expect(acked).toEqual([]);
    await turn();
    expect(writes).toEqual([[1, 2, 3, 4, 5]]);
    expect(acked).toEqual([1, 2, 3, 4, 5]);
    commit.add(6, () => undefined);
    await turn();
    expect(writes).toEqual([[1, 2, 3, 4, 5], [6]]);
  });

  it('fails every publish of a batch whose write threw', async () => {
    const commit = new RetainedGroupCommit<string>(() => {
      throw new Error('disk full');
    });
    const errors: (string | undefined)[] = [];
    commit.add('a', (err) => errors.push(err?.message));
    commit.add('b', (err) => errors.push(err?.message));
    await turn();
    expect(errors).toEqual(['disk full', 'disk full']);
  });
});
