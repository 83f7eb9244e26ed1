/**
 * Rejection for pocketsphinx: every grammar gets one more way through, a loop of single phones ("junk words"). Speech
 * that fits no sentence of the grammar is matched better by the loop than by the nearest sentence, and the utterance
 * comes back rejected instead of as that sentence. Each phone of the loop costs `phoneWeight` (a probability, as a
 * JSGF weight), which sets how much better a sentence must fit than free phones: calibrated on real and
 * synthesised speech in bench/ (see BENCHMARKS.md, Voice: rejection).
 */

/** The en-us model's phones (its mdef, without the fillers SIL, +NSN+, +SPN+). */
const PHONES =
  'AA AE AH AO AW AY B CH D DH EH ER EY F G HH IH IY JH K L M N NG OW OY P R S SH T TH UH UW V W Y Z ZH'.split(' ');
const JUNK_PREFIX = 'hearth-junk-';
const JUNK_RULE = 'hearth_junk';
const TOP_RULE = 'hearth_heard';

/** The junk words and their one-phone pronunciations, to add to the decoder's dictionary. */
export const JUNK_PRONUNCIATIONS: Readonly<Record<string, string>> = Object.fromEntries(
  PHONES.map((p) => [`${JUNK_PREFIX}${p.toLowerCase()}`, p]),
);

/**
 * The grammar with the junk loop beside its public rules: `public <hearth_heard> = <rules…> | [<wake>] <hearth_junk>;`
 * (the wake phrase, when the grammar has one, may come before the junk: "hey hearth" + something unknown was still
 * said to the hub). The public rules become private so the new rule is the only way in.
 */
export function withJunkLoop(jsgf: string, phoneWeight: number, wakeRule = 'hearth_wake'): string {
  const publicRules = [...jsgf.matchAll(/^\s*public\s+<([^>]+)>/gm)].map((m) => m[1]!);
  if (publicRules.length === 0) return jsgf;
  const demoted = jsgf.replace(/^(\s*)public\s+</gm, '$1<');
  const wake = new RegExp(`^\\s*<${wakeRule}>\\s*=`, 'm').test(jsgf) ? `[<${wakeRule}>] ` : '';
  return `${demoted.trimEnd()}\npublic <${TOP_RULE}> = ${publicRules.map((r) => `<${r}>`).join(' | ')} | ${wake}<${JUNK_RULE}>;\n${junkRule(phoneWeight)}\n`;
}

/** A grammar of free phones only, every phone equally likely: what the audio scores when it need fit no sentence. */
export function phoneLoopJsgf(): string {
  return `#JSGF V1.0;\ngrammar hearth_phones;\npublic <${TOP_RULE}> = <${JUNK_RULE}>;\n${junkRule(1)}\n`;
}

function junkRule(phoneWeight: number): string {
  // Plain decimals: the JSGF weight syntax has no exponent.
  const weight = `/${phoneWeight.toFixed(60).replace(/0+$/, '').replace(/\.$/, '')}/`;
  const junk = Object.keys(JUNK_PRONUNCIATIONS)
    .map((w) => `${weight} ${w}`)
    .join(' | ');
  return `<${JUNK_RULE}> = (${junk})+;`;
}

/** True when the decoder took the junk loop: nothing of the grammar was said. */
export function heardJunk(hypothesis: string): boolean {
  return hypothesis.includes(JUNK_PREFIX);
}

/** The words of a hypothesis before its junk (the wake phrase, if it was said). */
export function wordsBeforeJunk(hypothesis: string): string {
  const at = hypothesis.indexOf(JUNK_PREFIX);
  return at < 0 ? hypothesis : hypothesis.slice(0, at);
}
