/** HassClimateGetTemperature: Reports the temperature. */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const climateGetTemperature = defineIntent({
  targets: { domains: ['climate', 'sensor'], areaFromContext: true, nameDomains: ['climate'] },
  slots: { name: TARGET_SLOTS.name, area: TARGET_SLOTS.area, floor: TARGET_SLOTS.floor },
  cues: {
    answers: true,
    actions: [
      'how warm',
      'how cold',
      'how hot',
      'how cool',
      'how chilly',
      // Asked as whether it is ("is it chilly in here or is it me").
      'is it cold',
      'is it chilly',
      'is it warm',
      'is it hot',
      'is it freezing',
      'what temperature',
      'what is the temperature',
      'temperature wise',
      // The word alone asks, with a place ("bedroom temperature?", "temperature in the hall").
      { words: 'temperature', weight: 0.75 },
      { words: 'reading', weight: 0.5, domains: ['climate', 'sensor'] },
    ],
  },
  sentences: [
    // Before HassGetState's "what is <name> showing": a thermostat's reading is its temperature.
    // A named sensor's reading is HassGetState's (Home Assistant: this intent names climate devices).
    {
      sentences: [
        'what is <name> (reading|showing|at|saying)',
        'what does <name> (say|read|show)',
        'how (warm|hot|cold|cool) is <name>',
      ],
      priority: 1,
    },
    {
      sentences: [
        'what is the <place> temperature',
        'what is it like <here> temperature wise',
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
