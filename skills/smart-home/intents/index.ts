/** The smart-home skill's intents: devices on and off, lights, climate, covers, state questions, vacuums. */
import { appliancePause, applianceResume } from './appliance-pause.js';
import { climateGetTemperature } from './climate-get-temperature.js';
import { climateSetTemperature } from './climate-set-temperature.js';
import { fanSetSpeed } from './fan-set-speed.js';
import { getState } from './get-state.js';
import { lightSet } from './light-set.js';
import { setPosition } from './set-position.js';
import { toggle } from './toggle.js';
import { turnOff } from './turn-off.js';
import { turnOn } from './turn-on.js';
import { vacuumReturnToBase } from './vacuum-return-to-base.js';
import { vacuumStart } from './vacuum-start.js';

export const smartHomeIntents = {
  HassTurnOn: turnOn,
  HassTurnOff: turnOff,
  HassToggle: toggle,
  HassLightSet: lightSet,
  HassFanSetSpeed: fanSetSpeed,
  HassClimateSetTemperature: climateSetTemperature,
  HassClimateGetTemperature: climateGetTemperature,
  HassGetState: getState,
  HassSetPosition: setPosition,
  HassVacuumStart: vacuumStart,
  HassVacuumReturnToBase: vacuumReturnToBase,
  HearthAppliancePause: appliancePause,
  HearthApplianceResume: applianceResume,
};
