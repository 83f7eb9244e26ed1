/**
 * Sentences and the frames they must be understood as, kept as data (`*.cases.yaml` beside the test that reads them):
 * `- [text, Intent, {slot: value}, area]`, the area optional, grouped under keys with `#` comments saying the kind.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { SlotValue } from '../../hub/sdk/intents.js';

export type FrameCase = [text: string, intent: string, slots: Record<string, SlotValue>, area?: string];

function readKey(file: URL, key: string): unknown[] {
  const path = fileURLToPath(file);
  const list = (parse(readFileSync(path, 'utf8')) as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) throw new Error(`${path}: no list under "${key}"`);
  return list;
}

const isSlotValue = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The cases under `key` (default `frames`), each checked for its shape: a bad row names its file, key and number. */
export function frameCases(file: URL, key = 'frames'): FrameCase[] {
  return readKey(file, key).map((row, i) => {
    const [text, intent, slots, area] = Array.isArray(row) ? row : [];
    const ok =
      Array.isArray(row) &&
      row.length >= 3 &&
      row.length <= 4 &&
      typeof text === 'string' &&
      typeof intent === 'string' &&
      typeof slots === 'object' &&
      slots !== null &&
      !Array.isArray(slots) &&
      Object.values(slots).every(isSlotValue) &&
      (area === undefined || typeof area === 'string');
    if (!ok)
      throw new Error(
        `${fileURLToPath(file)} ${key}[${i}]: not [text, Intent, {slots}, area?]: ${JSON.stringify(row)}`,
      );
    return row as FrameCase;
  });
}

/** The plain sentences under `key` (sentences that must not be acted on, say). */
export function sentences(file: URL, key: string): string[] {
  return readKey(file, key).map((s, i) => {
    if (typeof s !== 'string')
      throw new Error(`${fileURLToPath(file)} ${key}[${i}]: not a sentence: ${JSON.stringify(s)}`);
    return s;
  });
}
