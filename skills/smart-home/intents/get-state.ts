/** HassGetState: Answers questions about a device's state ("is the front door locked?"). */
import { defineIntent, TARGET_SLOTS, weighted } from '../../../hub/sdk/index.js';

/** Each state, and what was done to a thing to leave it so: the verb and its "have …" form. */
const LEFT_BY: Record<string, ReadonlyArray<readonly [verb: string, done: string]>> = {
  locked: [['lock', 'locked']],
  unlocked: [['unlock', 'unlocked']],
  closed: [
    ['close', 'closed'],
    ['shut', 'shut'],
  ],
  open: [['open', 'opened']],
  off: [
    ['turn off', 'turned off'],
    ['switch off', 'switched off'],
  ],
  on: [
    ['turn on', 'turned on'],
    ['switch on', 'switched on'],
  ],
};

export const getState = defineIntent({
  targets: { domains: [], areaFromContext: true },
  slots: { ...TARGET_SLOTS, state: { list: 'state' } },
  cues: {
    answers: true,
    actions: [
      ...weighted(0.5, 'is', 'are'),
      'did i leave',
      'did we leave',
      'did someone leave',
      'status',
      'state',
      'check',
      ...weighted(0.75, 'what is', 'how is'),
      ...weighted(0.5, 'how much', 'reading', 'say', 'show', 'still'),
      // Asked inside a request: "tell me if the windows are open", "can you check whether the garage is shut".
      ...weighted(0.25, 'if', 'whether', 'tell', 'know', 'see'),
      'have i left',
      'have we left',
      // "Was the porch light left on", "has anyone left the garage open": the state it was left in.
      ...weighted(0.75, 'has left', 'have left'),
      ...weighted(0.5, 'was', 'were', 'left'),
      // Asked by what someone did ("did anyone lock the back door", "did the gate close"): the state it left.
      { words: 'did leave', weight: 0.75 },
      // …or by whether someone has done it ("have we locked the front door").
      ...Object.entries(LEFT_BY).flatMap(([state, ways]) =>
        ways.flatMap(([verb, done]) => [
          { words: `did ${verb}`, slots: { state } },
          { words: `have ${done}`, slots: { state } },
          { words: `has ${done}`, slots: { state } },
        ]),
      ),
      // "Is there smoke in the kitchen": a sensor that notices something, asked whether it does.
      { words: 'is there', domains: ['binary_sensor'], slots: { state: 'detected' } },
      { words: 'any', weight: 0.5, domains: ['binary_sensor'], slots: { state: 'detected' } },
      { words: 'has', weight: 0.5 },
    ],
    needsTarget: true,
    // A sensor named alone asks what it reads ("outdoor temperature", "the leak sensor?").
    bareNameOf: ['sensor', 'binary_sensor'],
  },
  sentences: [
    {
      sentences: [
        '(is|are) <name> {state} [<where>] [or not|right now|at the moment|still]',
        'what does <name> (say|read|show)',
        '(how (warm|hot|cold|cool|humid|bright)|what temperature) is <name> [right now|now|at the moment]',
        'what is [<the>] <name> [right now|now|at the moment]',
        'how much (power|energy|electricity) is <name> (using|drawing|pulling)',
        'did i leave <name> {state}',
        'did (somebody|someone|anyone) leave <name> {state}',
        '(is|are) <name> still {state}',
        'what is the (state|status) of <name>',
        'what is <name> (doing|at|showing|reading)',
        'how is <name> [doing]',
        'check <name>',
        '(tell me|give me) the (state|status) of <name>',
        '<name> (state|status)',
      ],
    },
  ],
});
