/**
 * Home Assistant's HassLawnMowerStartMowing and HassLawnMowerDock, written from how people send a robot mower out
 * and call it back; "mower" and "lawn mower" name the type without a device name.
 */
import { defineIntent, TARGET_SLOTS, type DeviceWords } from '../../hub/sdk/index.js';

const mower = '[robot|lawn|robotic] (mower|lawnmower|lawn mower)';
/** The nouns `mower` above allows, and their plurals: the second stage's class words. */
export const lawnMowerWords: DeviceWords = {
  type: ['', 'robot ', 'robotic '].flatMap((kind) =>
    ['mower', 'mowers', 'lawnmower', 'lawnmowers', 'lawn mower', 'lawn mowers'].map((noun) => kind + noun),
  ),
};

/** Words that only say what to do when the request is about a mower (a vacuum starts and docks too). */
const forMower = (weight: number, ...words: string[]) =>
  words.map((w) => ({ words: w, weight, domains: ['lawn_mower'] as const }));
const slots = {
  name: TARGET_SLOTS.name,
  area: TARGET_SLOTS.area,
  floor: TARGET_SLOTS.floor,
  domain: { fixed: ['lawn_mower'] },
} as const;

export const lawnMowerStartMowing = defineIntent({
  targets: { domains: ['lawn_mower'], areaFromContext: false },
  slots,
  // Second stage: "the grass is getting long, get the mower out", "mower, start".
  cues: {
    actions: [
      'mow',
      'mowing',
      'cut the grass',
      'cut the lawn',
      ...forMower(0.5, 'start', 'run', 'send out', 'get out', 'go'),
    ],
    topics: ['lawn', 'grass', 'garden', 'yard'],
  },
  sentences: [
    {
      sentences: [
        '(start|run|launch) <name>',
        '<name> (start|go) mowing',
        '(send|let) <name> out to mow',
        '(have|get|tell|ask) <name> to (mow|cut) [the (lawn|grass)]',
      ],
      slots: { domain: 'lawn_mower' },
    },
    {
      sentences: [
        `(start|run|launch) [the|my|our] ${mower} [<where>]`,
        `(send|let) [the|my|our] ${mower} out [to mow]`,
        '(start|begin) (mowing|cutting the grass) [<where>]',
        '(mow|cut) the (lawn|grass|garden|yard) [<where>]',
        'the (lawn|grass) (needs|could use) (mowing|cutting|a cut)',
        `[the] ${mower} (start|go) mowing`,
      ],
    },
  ],
});

export const lawnMowerDock = defineIntent({
  targets: { domains: ['lawn_mower'], areaFromContext: false },
  slots,
  // Second stage: "that's enough mowing, mower back to the dock". The vacuum's words need a mower named here.
  cues: {
    actions: [
      'stop mowing',
      'enough mowing',
      ...forMower(1, 'dock', 'go home', 'come home', 'come back', 'go back', 'return', 'park', 'put away'),
      ...forMower(0.5, 'home', 'back'),
    ],
  },
  sentences: [
    // The same words as a vacuum's, so a name decides between them (service.ts tries the next reading when the
    // named device is not a mower); broader ones would win over a vacuum's near miss.
    {
      sentences: [
        '(send|take) <name> (home|back [home]|to [its|the] (base|dock|charger))',
        'dock <name>',
        '<name> (go home|return [home]|dock)',
      ],
      slots: { domain: 'lawn_mower' },
    },
    {
      sentences: [
        `(dock|park) [the|my|our] ${mower}`,
        `(send|call|bring) [the|my|our] ${mower} (home|back|in) [to [the|its] (dock|base|station|charger)]`,
        `[the] ${mower} (go home|go back to [the|its] (dock|base|station)|return [home|to [the|its] (dock|base|station)])`,
        'stop (mowing|cutting the grass) [and go home]',
        `put [the|my|our] ${mower} away`,
      ],
    },
  ],
});
