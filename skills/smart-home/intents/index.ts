/**
 * The smart-home skill's intents: devices on and off, toggled, asked about (their state, the temperature); and the
 * intents the device types bring from their folders (device-types/<type>/: a light's brightness, a thermostat's
 * setpoint, a vacuum's dock…), with the words they add to these.
 */
import type { ActionCue, DeviceType, DeviceTypeDefinition, IntentDeclaration } from '../../../hub/sdk/index.js';
import { deviceTypes } from '../../../device-types/index.js';
import { climateGetTemperature } from './climate-get-temperature.js';
import { getState } from './get-state.js';
import { toggle } from './toggle.js';
import { turnOff } from './turn-off.js';
import { turnOn } from './turn-on.js';

const ownIntents: Record<string, IntentDeclaration> = {
  HassTurnOn: turnOn,
  HassTurnOff: turnOff,
  HassToggle: toggle,
  HassClimateGetTemperature: climateGetTemperature,
  HassGetState: getState,
};

export const smartHomeIntents: Record<string, IntentDeclaration> = withDeviceTypes(
  ownIntents,
  Object.entries(deviceTypes) as [DeviceType, DeviceTypeDefinition][],
);

/**
 * Adds each type's intents, and its sentences and action words for intents declared elsewhere (a type naming an
 * unknown intent is a bug).
 */
export function withDeviceTypes(
  own: Record<string, IntentDeclaration>,
  types: ReadonlyArray<readonly [DeviceType, DeviceTypeDefinition]>,
): Record<string, IntentDeclaration> {
  const all: Record<string, IntentDeclaration> = { ...own };
  for (const [, type] of types) {
    for (const [name, declaration] of Object.entries(type.intents ?? {})) {
      if (all[name]) throw new Error(`device type "${type.summary}" declares ${name}, which is already declared`);
      all[name] = declaration;
    }
  }
  for (const [domain, type] of types) {
    for (const [name, blocks] of Object.entries(type.moreSentences ?? {})) {
      const declaration = all[name];
      if (!declaration)
        throw new Error(`device type "${type.summary}" adds sentences to ${name}, which nobody declares`);
      all[name] = { ...declaration, sentences: [...declaration.sentences, ...blocks] };
    }
    for (const [name, cues] of Object.entries(type.moreCues ?? {})) {
      const declaration = all[name];
      if (!declaration?.cues)
        throw new Error(`device type "${type.summary}" adds action words to ${name}, which nobody declares with cues`);
      const own: ActionCue[] = cues.map((cue) =>
        typeof cue === 'string' ? { words: cue, domains: [domain] } : { ...cue, domains: [domain] },
      );
      all[name] = { ...declaration, cues: { ...declaration.cues, actions: [...declaration.cues.actions, ...own] } };
    }
  }
  return all;
}
