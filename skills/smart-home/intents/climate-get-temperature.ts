/** HassClimateGetTemperature: Reports the temperature. */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const climateGetTemperature = defineIntent({
  targets: { domains: ['climate', 'sensor'], areaFromContext: true },
  slots: { name: TARGET_SLOTS.name, area: TARGET_SLOTS.area, floor: TARGET_SLOTS.floor },
  sentences: [
    {
      sentences: [
        'what is the (temperature|temp) [<where>] [right now|now|at the moment]',
        'what is the {area} temperature',
        'what is the temperature (of|on) <name>',
        'how (warm|hot|cold|cool) is it [<where>] [right now]',
        'how (warm|hot|cold|cool) is <area>',
        'what temperature is it [<where>]',
        'what (temperature|temp) is <name> set to',
        'what is <name> set to',
        'what is it set to [<where>]',
        '(tell me|give me) the temperature [<where>]',
        'is it (warm|cold|hot) [<where>]',
        '[current] temperature [<where>]',
        'how many degrees is it [<where>]',
      ],
    },
  ],
});
