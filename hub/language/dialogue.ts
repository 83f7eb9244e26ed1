/**
 * The hub's own dialogue intents: never mind, yes and no. No skill owns them: "never mind" closes the open dialog
 * (hub/skills/runtime.ts), and yes/no are read by the dialog that asked; declared here so that a bare "yes" is
 * not taken for something else.
 */
import type { IntentDeclaration } from '../sdk/intent-declaration.js';

export const DIALOGUE_OWNER = 'hub';

export const dialogueIntents: Record<string, IntentDeclaration> = {
  HassNevermind: {
    targets: 'none',
    sentences: [
      {
        sentences: [
          'never mind',
          'nevermind',
          'cancel [that|it]',
          'forget that',
          'scratch that',
          'forget it',
          'forget about it',
          'ignore (that|me)',
          'nothing',
          'oops',
          'my mistake',
          'do not worry about it',
          'sorry wrong (button|person)',
          'i was not talking to you',
        ],
      },
      // Stopping what was just asked: "actually, don't", "wait, don't do that".
      { spoken: false, sentences: ['(actually|wait|hang on) (do not|dont) [do that|do it|bother]'] },
    ],
    // However it is said, a request made only of these words takes nothing back but the question.
    // Phrases rather than single words: a single cue word counts against every other intent that leaves it unexplained.
    cues: {
      alone: true,
      actions: [
        { words: 'cancel that', weight: 0.75 },
        { words: 'nothing else', weight: 0.75 },
        { words: 'dont worry', weight: 0.75 },
        { words: 'do not worry', weight: 0.75 },
        { words: 'my mistake', weight: 0.75 },
        { words: 'my bad', weight: 0.75 },
        { words: 'wrong one', weight: 0.5 },
        { words: 'sorry wrong', weight: 0.75 },
        { words: 'oh sorry', weight: 0.5 },
        { words: 'sorry i', weight: 0.25 },
        { words: 'nah leave it', weight: 1 },
        { words: 'actually no', weight: 0.75 },
        { words: 'actually dont', weight: 0.75 },
        { words: 'actually do not', weight: 0.75 },
        { words: 'no stop', weight: 0.5 },
        { words: 'no thanks', weight: 0.5 },
        'never mind',
        'nevermind',
        'forget',
        'forget it',
        'ignore',
        'disregard',
        'scratch that',
        { words: 'leave it', weight: 0.75 },
        { words: 'not talking to you', weight: 1 },
        { words: 'talking to someone else', weight: 1 },
        // Said to someone else in the room: "sorry, talking to the dog", "I was talking to my son".
        { words: 'sorry talking to', weight: 1, endsRequest: true },
        { words: 'was talking to', weight: 1, endsRequest: true },
        { words: 'am talking to', weight: 1, endsRequest: true },
        { words: 'was not talking to', weight: 1, endsRequest: true },
        { words: 'nah forget', weight: 1 },
        { words: 'not you', weight: 0.75 },
        { words: 'no worries', weight: 0.75 },
        { words: 'doesnt matter', weight: 0.75 },
        { words: 'does not matter', weight: 0.75 },
        { words: 'not important', weight: 0.75 },
        { words: 'by accident', weight: 0.75 },
        { words: 'didnt mean', weight: 0.75 },
        { words: 'did not mean', weight: 0.75 },
        { words: 'did not mean to say', weight: 1 },
        { words: 'wrong button', weight: 0.75 },
        { words: 'its fine', weight: 0.75 },
        { words: 'it is fine', weight: 0.75 },
        { words: 'false alarm', weight: 0.75 },
        { words: 'oops', weight: 0.75 },
        { words: 'whoops', weight: 0.75 },
        { words: 'all good', weight: 0.5 },
        { words: 'thats all', weight: 0.75 },
        { words: 'that is all', weight: 0.75 },
        { words: 'thats it', weight: 0.5 },
        { words: 'as you were', weight: 0.75 },
        { words: 'carry on', weight: 0.5 },
        { words: 'changed my mind', weight: 1 },
        // What is taken back, said as what was said ("scrap what I asked for", "ignore what I asked").
        ...['what i said', 'what i asked', 'what i told you'].map((words) => ({ words, weight: 0.5 })),
        { words: 'change of plan', weight: 0.75 },
      ],
    },
  },
  HassYes: {
    targets: 'none',
    sentences: [
      {
        sentences: [
          '(yes|yeah|yep|yup|sure|ok|okay|alright|correct|right|affirmative|absolutely|definitely) [please|thanks|thank you]',
          '(yes|yeah|yep|sure|ok|okay) (go ahead|do it|please do|that is right|that is it|confirm)',
          'go ahead',
          'do it',
          'please do',
          'confirm',
          'confirmed',
          'that is (right|correct|it)',
          'sounds good',
          'make it so',
          'go for it',
        ],
      },
    ],
  },
  HassNo: {
    targets: 'none',
    sentences: [
      {
        sentences: [
          '(no|nope|nah|negative) [thanks|thank you|way]',
          '(no|nope) (do not|cancel|stop) [it|that]',
          'do not [do it|do that]',
          'not now',
          'abort',
          'that is (wrong|not right)',
          'no (do not|that is wrong)',
          'i changed my mind',
        ],
      },
    ],
  },
};
