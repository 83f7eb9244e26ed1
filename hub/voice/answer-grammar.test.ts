import { describe, expect, it } from 'vitest';
import { answerGrammar, answerGrammarName } from './answer-grammar.js';

const known = (w: string) => w !== 'zyx';

describe('answerGrammar', () => {
  it('a "which one?" takes the names, the words only one name has + "one", and ordinals; no yes/no unless asked', () => {
    const jsgf = answerGrammar({ choices: ['desk lamp', 'floor lamp'] }, known).jsgf!;
    expect(jsgf).toContain('(desk lamp | floor lamp) [one | please]');
    expect(jsgf).toContain('(desk | floor) one [please]');
    expect(jsgf).toContain('first | second | last');
    expect(jsgf).not.toContain('<yes>');
    expect(jsgf).toMatch(/<no> = \(no \|/);
  });

  it('a PIN question takes four to eight digits; words the recogniser does not know are left out', () => {
    const jsgf = answerGrammar({ pin: true, yesNo: true, choices: ['zyx beans'] }, known).jsgf!;
    expect(jsgf).toMatch(/<pin> = .* <digit> <digit> <digit> <digit> \[<digit>\] \[<digit>\] \[<digit>\] \[<digit>\];/);
    expect(jsgf).toContain('<yes> = (yes |');
    expect(jsgf).not.toContain('zyx');
    expect(jsgf).toContain('(beans) [one | please]');
  });

  it('names one grammar per kind of question', () => {
    expect(answerGrammarName({ yesNo: true })).toBe('yes-no');
    expect(answerGrammarName({ yesNo: true, pin: true })).toBe('yes-no-pin');
    expect(answerGrammarName({ choices: ['a'] })).toMatch(/^choice-[0-9a-f]{10}$/);
    expect(answerGrammarName({ choices: ['a'] })).not.toBe(answerGrammarName({ choices: ['b'] }));
  });
});
