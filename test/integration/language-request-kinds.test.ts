/**
 * Kinds of phrasing real people use for a home assistant that the hub missed (learnt as kinds from the slurp-devel
 * misses, docs/architecture.md "Understanding"), each with sentences of our own: other words, word orders, typos
 * and devices than the requests it was learnt from. Each must give the frame, sure enough to act on; the
 * near-misses beside them must not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCEPT_CONFIDENCE } from '../../hub/language/parts/reader.js';
import { LanguageService } from '../../hub/language/service.js';
import { buildHousehold } from '../../hub/language/testing/household.js';
import type { SlotValue } from '../../hub/sdk/intents.js';
import { addBuiltinIntents } from '../harness/language.js';

type Case = [text: string, intent: string, slots: Record<string, SlotValue>];

const CASES: Case[] = [
  // A colour change without the colour: the frame without `color`, for the skill to ask "Which colour?"
  ['change the colour of the floor lamp', 'HassLightSet', { name: 'Floor Lamp' }],
  ['could you switch the lights to a different colour', 'HassLightSet', {}],
  ['can u change colour of bedroom lights pls', 'HassLightSet', { area: 'Bedroom' }],
  ['give the hallway light another color', 'HassLightSet', { name: 'Hallway Light' }],
  ['the kitchen light needs a new hue', 'HassLightSet', { name: 'Kitchen Light' }],
  // A colour said with no device: the lights of the room it is heard in
  ['green', 'HassLightSet', { color: 'green' }],
  ['purple in here please', 'HassLightSet', { color: 'purple' }],
  ['a bit of pink in the bedroom', 'HassLightSet', { color: 'pink', area: 'Bedroom' }],
  // A list named by what it is for, not a to-do device: `list_name`, for the skill to find among the lists made
  ['pop sun cream on the holiday list', 'HassListAddItem', { item: 'sun cream', list_name: 'holiday' }],
  ['take the kite off my beach list', 'HassListCompleteItem', { item: 'the kite', list_name: 'beach' }],
  ["what's still on the hardware list", 'HearthListRead', { list_name: 'hardware' }],
  ['wipe out the reading list', 'HearthListClear', { list_name: 'reading' }],
  // …while the shopping list keeps its own intents, however it is called
  ['add bin bags to the grocery list', 'HassShoppingListAddItem', { item: 'bin bags' }],
  // An item named by where it stands on the list: `position`, from the end when negative
  ['scratch the fourth entry off the grocery list', 'HassShoppingListCompleteItem', { position: 4 }],
  ['get rid of line 2 on my list', 'HassShoppingListCompleteItem', { position: 2 }],
  ['please remove the final item', 'HassShoppingListCompleteItem', { position: -1 }],
  ['tick off item six on the garden list', 'HassListCompleteItem', { position: 6, list_name: 'garden' }],
  // Everything on a list at once
  ['wipe everything off the grocery list', 'HearthListClear', {}],
  ['take all the things off the beach list', 'HearthListClear', { list_name: 'beach' }],
  // The item said in a clause of its own, the request pointing at it
  ['yoghurt, stick it on the shopping list', 'HassShoppingListAddItem', { item: 'yoghurt' }],
  ['the batteries are sorted, cross them off the list', 'HassShoppingListCompleteItem', { item: 'batteries' }],
  // The volume said as what is wrong with the sound, typed without apostrophes
  ['i cant hear the tv', 'HassSetVolumeRelative', { volume_step: 'up', name: 'TV' }],
  ['the music in the kitchen is too quiet', 'HassSetVolumeRelative', { volume_step: 'up', area: 'Kitchen' }],
  ['tv is not loud enough', 'HassSetVolumeRelative', { volume_step: 'up', name: 'TV' }],
  ['that racket is deafening', 'HassSetVolumeRelative', { volume_step: 'down' }],
  ['sound off on the tv', 'HassMediaPlayerMute', { name: 'TV' }],
  ['audio off in the bedroom please', 'HassMediaPlayerMute', { area: 'Bedroom' }],
  ['sound back on please', 'HassMediaPlayerUnmute', {}],
  ['turn the audio on on the tv', 'HassMediaPlayerUnmute', { name: 'TV' }],
  // The assistant's own voice muted for a while (until a time or unmuted); the reply alone and a player stay apart
  ['please silence yourself for ten minutes', 'HearthAssistantMute', { minutes: 10 }],
  ['keep quiet till half past six', 'HearthAssistantMute', { hour: 6, minute: 30 }],
  ['no more answering out loud', 'HearthAssistantMute', {}],
  ['could you switch off your voice until further notice', 'HearthAssistantMute', {}],
  ['ok you can speak to us again', 'HearthAssistantUnmute', {}],
  ['turn your answers back on please', 'HearthAssistantUnmute', {}],
  ['stop talking', 'HearthStop', {}],
  ['mute the tv', 'HassMediaPlayerMute', { name: 'TV' }],
];

/** Said near the kinds above, but no request for them: nothing to act on. */
const NOT_REQUESTS = [
  'i like the blue one',
  'show me something red',
  'what colour is the floor lamp',
  'i cant hear what you are saying on the phone',
  'stop talking about the weather',
  'no talking in the library',
];

describe('kinds of real requests', () => {
  const language = new LanguageService(buildHousehold());
  beforeAll(async () => {
    await language.start();
    addBuiltinIntents(language);
  });

  it.each(CASES)('%s → %s', (text, intent, slots) => {
    const result = language.understand(text, { area: 'living_room' });
    expect(result.intent).toEqual({ name: intent, slots });
    expect(result.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it.each(NOT_REQUESTS)('%s: nothing is acted on', (text) => {
    const result = language.understand(text, { area: 'living_room' });
    if (result.intent) expect(result.confidence).toBeLessThan(ACCEPT_CONFIDENCE);
  });
});
