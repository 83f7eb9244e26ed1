import { describe, expect, it } from 'vitest';
import { grammarWithWakePhrase } from '../../voice/listening.js';
import { jsgfFocusedOn } from './jsgf.js';

const written = [
  '#JSGF V1.0;',
  'grammar hearth;',
  '',
  'public <command> = <intent_HassTurnOn> | <intent_order_Drink>;',
  '',
  '<intent_HassTurnOn> = turn on the <name>;',
  '<intent_order_Drink> = [a] (latte | mocha) [please];',
  '<name> = lamp | fan;',
  '',
].join('\n');

describe('jsgfFocusedOn', () => {
  it("keeps every rule and lets the command rule reach only the intent's sentences", () => {
    const focused = jsgfFocusedOn(written, 'order-Drink')!;
    expect(focused).toContain('public <command> = <intent_order_Drink>;');
    expect(focused).toContain('<intent_HassTurnOn> = turn on the <name>;');
    expect(focused).toContain('<name> = lamp | fan;');
  });

  it('works on the grammar wrapped with the wake phrase (its command rule is no longer public)', () => {
    const wrapped = grammarWithWakePhrase(written, 'hey hearth');
    const focused = jsgfFocusedOn(wrapped, 'HassTurnOn')!;
    expect(focused).toMatch(/^<command> = <intent_HassTurnOn>;$/m);
    expect(focused).toContain('public <hearth_utterance> = /1/ <hearth_wake> | /3/ [<hearth_wake>] (<command>);');
  });

  it('is undefined for an intent with no sentences in the grammar, or a grammar without a command rule', () => {
    expect(jsgfFocusedOn(written, 'HassTurnOff')).toBeUndefined();
    expect(jsgfFocusedOn('#JSGF V1.0;\ngrammar g;\npublic <c> = <intent_X>;\n<intent_X> = hi;\n', 'X')).toBeUndefined();
  });
});
