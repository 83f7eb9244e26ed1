/**
 * The held-out sentences: one JSON object per line in test/phrasings/{dev,sealed}/*.jsonl.
 * See test/phrasings/README.md for the format and how each kind of case is scored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHRASINGS_DIR } from './household.js';

export type SlotValue = string | number | boolean;
export interface Frame {
  name: string;
  slots: Record<string, SlotValue>;
}

export interface PhrasingCase {
  id: string;
  text: string;
  /** The area id of the satellite that heard it; absent when typed with no room. */
  area?: string;
  kind: string;
  /** The expected Home Assistant frame; `null`: nothing the hub can do (no intent, no device command). */
  intent?: Frame | null;
  /** Other frames that are equally right (the satellite's area added to the slots, an alias, `name: all`…). */
  accept?: Frame[];
  /** Intents with no agreed name yet (alarms, brighter/dimmer): any intent of this family is right. */
  family?: string;
  /** With `family`: slots the frame must carry (others are not judged). */
  slotsInclude?: Record<string, SlotValue>;
  /**
   * The device ids the frame acts on, where the household decides them (tools/targets.ts): tells "all the lights"
   * (every light) from "the lights" (the satellite's room), which give the same frame. Scored in its own column.
   */
  targets?: string[];
  /** A device the house does not have: right when no device is targeted (an intent may still be named). */
  noCommand?: true;
}

/** Home Assistant's timer intents: their `name` slot is the timer's own name (free text), never a device. */
export const TIMER_INTENTS: readonly string[] = [
  'HassStartTimer',
  'HassCancelTimer',
  'HassCancelAllTimers',
  'HassPauseTimer',
  'HassUnpauseTimer',
  'HassTimerStatus',
  'HassIncreaseTimer',
  'HassDecreaseTimer',
];

export type SplitName = 'dev' | 'sealed';

export function splitDir(split: SplitName): string {
  return join(PHRASINGS_DIR, split);
}

/** Every case of a split, in file order (files sorted by name). */
export function loadSplit(split: SplitName): PhrasingCase[] {
  const dir = splitDir(split);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  return files.flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, i) => {
        try {
          return JSON.parse(line) as PhrasingCase;
        } catch (error) {
          throw new Error(`${split}/${file}:${i + 1}: not JSON (${(error as Error).message})`);
        }
      }),
  );
}

/** The frames counted as right for a frame case: the expected one first, then the accepted alternatives. */
export function framesOf(c: PhrasingCase): Frame[] {
  return c.intent ? [c.intent, ...(c.accept ?? [])] : [];
}
