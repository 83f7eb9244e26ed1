/** A conversation written as data: each thing said in turn, with the reply it must get. */
import { expect } from 'vitest';

export type Exchange = [said: string, reply: string | RegExp];

/** Says each line through `say`, in order; each reply must equal the string given, or match the RegExp. */
export async function expectReplies(
  say: (text: string) => Promise<{ reply?: unknown }>,
  exchanges: readonly Exchange[],
): Promise<void> {
  for (const [said, reply] of exchanges) {
    const got = (await say(said)).reply;
    if (typeof reply === 'string') expect(got, said).toBe(reply);
    else expect(got, said).toMatch(reply);
  }
}
