import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { grammarWithWakePhrase, ListeningGate } from './listening.js';

const make = (overrides: Partial<{ requireWakePhrase: boolean; followUpMs: number }> = {}) => {
  const clock = new ManualClock();
  return {
    clock,
    gate: new ListeningGate({
      wakePhrase: 'Hey Hearth',
      requireWakePhrase: true,
      followUpMs: 5000,
      clock,
      ...overrides,
    }),
  };
};

describe('ListeningGate', () => {
  it('awaits the wake phrase only when nothing else lets an utterance in', () => {
    const { gate, clock } = make();
    expect(gate.awaitsWakePhrase({ area: 'kitchen' })).toBe(true);
    expect(gate.awaitsWakePhrase({ area: 'kitchen', pushToTalk: true })).toBe(false);
    gate.pushToTalk('kitchen');
    expect(gate.awaitsWakePhrase({ area: 'kitchen' })).toBe(false);
    expect(gate.awaitsWakePhrase({ area: 'kitchen' })).toBe(false); // asking does not use the press up
    gate.decide('turn on the light', { area: 'kitchen' });
    expect(gate.awaitsWakePhrase({ area: 'kitchen' })).toBe(true);
    gate.expectFollowUp('kitchen');
    expect(gate.awaitsWakePhrase({ area: 'kitchen' })).toBe(false);
    expect(gate.awaitsWakePhrase({ area: 'hall' })).toBe(true);
    clock.advance(6000);
    expect(gate.awaitsWakePhrase({ area: 'kitchen' })).toBe(true);
    expect(make({ requireWakePhrase: false }).gate.awaitsWakePhrase()).toBe(false);
    const ringing = new ListeningGate({
      wakePhrase: 'hey hearth',
      requireWakePhrase: true,
      followUpMs: 5000,
      clock,
      soundingIn: (area) => area === 'kitchen',
    });
    expect(ringing.awaitsWakePhrase({ area: 'kitchen' })).toBe(false);
    expect(ringing.awaitsWakePhrase({ area: 'hall' })).toBe(true);
  });

  it('accepts a command after the wake phrase and strips it', () => {
    const { gate } = make();
    expect(gate.decide('hey hearth turn on the light')).toEqual({
      accepted: true,
      trigger: 'wake_phrase',
      command: 'turn on the light',
    });
    expect(gate.decide('turn on the light')).toEqual({ accepted: false, reason: 'no_wake_phrase' });
  });

  it('reads a free-form transcript (capitals, punctuation, decimals, %) as typed text is read', () => {
    const { gate } = make();
    expect(gate.decide('Hey Hearth, set the thermostat to 21.5 degrees.')).toEqual({
      accepted: true,
      trigger: 'wake_phrase',
      command: 'set the thermostat to 21.5 degrees',
    });
    expect(gate.decide(' Dim the kitchen lights to 40%.', { pushToTalk: true })).toEqual({
      accepted: true,
      trigger: 'push_to_talk',
      command: 'dim the kitchen lights to 40 percent',
    });
  });

  it('after the wake phrase alone, listens without it for the follow-up window only', () => {
    const { gate, clock } = make();
    expect(gate.decide('hey hearth')).toEqual({ accepted: false, reason: 'wake_only' });
    clock.advance(4000);
    expect(gate.decide('lock the car')).toMatchObject({ accepted: true, trigger: 'follow_up' });
    gate.expectFollowUp();
    clock.advance(5001);
    expect(gate.decide('yes')).toEqual({ accepted: false, reason: 'no_wake_phrase' });
  });

  it('keeps a follow-up window per area', () => {
    const { gate } = make();
    gate.expectFollowUp('kitchen');
    expect(gate.decide('the bedroom one', { area: 'office' })).toMatchObject({ accepted: false });
    expect(gate.decide('the bedroom one', { area: 'kitchen' })).toMatchObject({ accepted: true, trigger: 'follow_up' });
    expect(gate.decide('yes', { area: 'kitchen' })).toMatchObject({ accepted: false });
  });

  it('push-to-talk accepts one command without the wake phrase', () => {
    const { gate } = make();
    gate.pushToTalk('hallway');
    expect(gate.decide('open the blinds', { area: 'hallway' })).toMatchObject({
      accepted: true,
      trigger: 'push_to_talk',
    });
    expect(gate.decide('open the blinds', { area: 'hallway' })).toMatchObject({ accepted: false });
    expect(gate.decide('open the blinds', { pushToTalk: true })).toMatchObject({
      accepted: true,
      trigger: 'push_to_talk',
    });
  });

  it('with the wake phrase not required, every transcript is a command', () => {
    const { gate } = make({ requireWakePhrase: false });
    expect(gate.decide('next song')).toMatchObject({ accepted: true, trigger: 'always', command: 'next song' });
    expect(gate.decide('')).toEqual({ accepted: false, reason: 'empty' });
  });

  it('wraps a command grammar so the wake phrase is optional in front of it', () => {
    const out = grammarWithWakePhrase(
      '#JSGF V1.0;\ngrammar g;\npublic <a> = lights on;\npublic <b> = lights off;\n',
      'Hey, Hearth',
    );
    expect(out).toContain('public <hearth_utterance> = /1/ <hearth_wake> | /3/ [<hearth_wake>] (<a> | <b>);');
    expect(out.match(/<a>/g)).toHaveLength(2); // its definition and one use
    expect(out).toContain('<hearth_wake> = hey hearth;');
    expect(out.match(/public/g)).toHaveLength(1);
  });

  it('while something rings in the area, takes "stop" and "snooze" without the wake phrase, and nothing else', () => {
    const clock = new ManualClock();
    let ringing = new Set<string>(['bedroom']);
    const gate = new ListeningGate({
      wakePhrase: 'hey hearth',
      requireWakePhrase: true,
      followUpMs: 0,
      clock,
      soundingIn: (area) => area !== undefined && ringing.has(area),
    });
    expect(gate.decide('stop', { area: 'bedroom' })).toEqual({
      accepted: true,
      trigger: 'while_sounding',
      command: 'stop',
    });
    expect(gate.decide('five more minutes', { area: 'bedroom' })).toMatchObject({
      accepted: true,
      trigger: 'while_sounding',
    });
    expect(gate.decide('turn on the light', { area: 'bedroom' })).toEqual({
      accepted: false,
      reason: 'no_wake_phrase',
    });
    expect(gate.decide('stop', { area: 'kitchen' })).toEqual({ accepted: false, reason: 'no_wake_phrase' });
    ringing = new Set();
    expect(gate.decide('stop', { area: 'bedroom' })).toEqual({ accepted: false, reason: 'no_wake_phrase' });
  });
});
