import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { voiceConfigSchema } from '../config.js';
import { PocketsphinxRecognizer } from './pocketsphinx.js';

const recognizer = new PocketsphinxRecognizer({ ...voiceConfigSchema.parse({}).pocketsphinx, log: silentLogger });

beforeAll(async () => {
  await recognizer.start();
  await recognizer.setGrammar({ jsgf: '#JSGF V1.0;\ngrammar tiny;\npublic <c> = hello;\n' });
});
afterAll(() => recognizer.stop());

/** This process's resident memory now, and its peak since the last resetPeak, in MB (Linux /proc). */
function memoryMb(): { now: number; peak: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s*(\\d+) kB`, 'm').exec(status)![1]) / 1024;
  return { now: field('VmRSS'), peak: field('VmHWM') };
}
/** Writing 5 to clear_refs resets the peak (VmHWM) to the current RSS (Linux ≥ 4.0). */
const resetPeak = () => writeFileSync('/proc/self/clear_refs', '5');

/** A household-like grammar: one list of 300 names referenced by many commands, each reference a copy in the FSG. */
function bigGrammar(): string {
  const colours = ['red', 'green', 'blue', 'white', 'yellow', 'black', 'orange', 'pink', 'purple', 'brown'];
  const rooms = ['kitchen', 'hall', 'garage', 'office', 'bedroom', 'bathroom', 'porch', 'garden', 'study', 'attic'];
  const names = colours.flatMap((c) => rooms.flatMap((r) => ['light', 'lamp', 'fan'].map((t) => `${c} ${r} ${t}`)));
  const verbs = [
    'turn on',
    'turn off',
    'switch on',
    'switch off',
    'toggle',
    'dim',
    'brighten',
    'start',
    'stop',
    'check',
  ];
  const commands = verbs.map((verb, i) => `<c${i}> = ${verb} [the] <name> [please];`);
  return `#JSGF V1.0;\ngrammar big;\npublic <command> = ${verbs.map((_, i) => `<c${i}>`).join(' | ')};\n${commands.join('\n')}\n<name> = ${names.join(' | ')};\n`;
}

it('replacing a grammar never holds two: the peak while rebuilding stays well under two grammars', async () => {
  const jsgf = bigGrammar();
  const before = memoryMb().now;
  await recognizer.setGrammar({ jsgf });
  const oneGrammar = memoryMb().now - before;
  expect(oneGrammar).toBeGreaterThan(10); // big enough to see a second copy
  resetPeak();
  const rebuildStart = memoryMb().now;
  await recognizer.setGrammar({ jsgf: jsgf.replace('[please]', '[please | now]') });
  expect(memoryMb().peak - rebuildStart).toBeLessThan(oneGrammar / 2);
});
