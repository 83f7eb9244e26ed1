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
    ],
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
