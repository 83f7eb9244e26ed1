/** HassClimateSetTemperature: Sets the target temperature; "warmer"/"cooler" step from the current one (`temperature_delta`). */
import { defineIntent, TARGET_SLOTS, weighted } from '../../hub/sdk/index.js';

export const climateSetTemperature = defineIntent({
  targets: { domains: ['climate'], areaFromContext: true },
  slots: {
    name: TARGET_SLOTS.name,
    area: TARGET_SLOTS.area,
    floor: TARGET_SLOTS.floor,
    temperature: { list: 'temperature' },
    temperature_delta: { fixed: [1, -1] },
  },
  cues: {
    actions: [
      'temperature',
      { words: 'temp', weight: 0.75 },
      { words: 'set', weight: 0.5 },
      ...weighted(0.25, 'turn', 'put'),
      { words: 'degrees', weight: 0.5 },
      { words: 'crank', weight: 0.25 },
      { words: 'warmer', slots: { temperature_delta: 1 } },
      { words: 'hotter', slots: { temperature_delta: 1 } },
      { words: 'warm up', slots: { temperature_delta: 1 } },
      { words: 'cooler', slots: { temperature_delta: -1 } },
      { words: 'colder', slots: { temperature_delta: -1 } },
      { words: 'cool down', slots: { temperature_delta: -1 } },
      { words: 'turn up', domains: ['climate'], slots: { temperature_delta: 1 } },
      { words: 'turn down', domains: ['climate'], slots: { temperature_delta: -1 } },
    ],
    needsOneOf: ['temperature', 'temperature_delta'],
  },
  sentences: [
    {
      sentences: [
        '(set|change|put|turn|adjust|bump) [the] (temperature|temp|heat|heating|thermostat) [<where>] to {temperature} <degrees>',
        '(set|change|put|turn|adjust) [<the>] {area} [temperature] to {temperature} <degrees>',
        '(set|change|put|turn) <name> to {temperature} <degrees>',
        '(make|keep) it {temperature} <degrees> [<where>]',
        '(heat|cool|warm) (it|<area>|[the] (house|home|place)) [up|down] to {temperature} <degrees>',
        'i want it [to be] {temperature} <degrees> [<where>]',
        '{temperature} degrees [<where>] please',
        '[the] thermostat [<where>] to {temperature} <degrees>',
      ],
    },
    {
      sentences: [
        '(make|get) it (warmer|hotter|a bit warmer|a little warmer|cozier) [<where>]',
        '(warm|heat) up <area>',
        '(warm|heat) it up [<where>]',
        '(turn|bump|crank) up the (heat|heating|temperature|thermostat) [<where>]',
        'raise the temperature [<where>]',
      ],
      slots: { temperature_delta: 1 },
    },
    {
      sentences: [
        '(make|get) it (cooler|colder|a bit cooler|a little cooler) [<where>]',
        '(cool) (down <area>|<area> down)',
        'cool it down [<where>]',
        '(turn|bring) down the (heat|heating|temperature|thermostat) [<where>]',
        'lower the temperature [<where>]',
      ],
      slots: { temperature_delta: -1 },
    },
    // Remarks rather than commands: taken only when nothing else in the request says what to do.
    {
      sentences: ['it is (cold|freezing|chilly|too cold|so cold) [<where>]', '(i am|we are) (cold|freezing|chilly)'],
      slots: { temperature_delta: 1 },
      priority: -1,
    },
    {
      sentences: [
        'it is (hot|too hot|too warm|boiling|stuffy|so hot) [<where>]',
        '(i am|we are) (hot|too hot|too warm|boiling)',
      ],
      slots: { temperature_delta: -1 },
      priority: -1,
    },
  ],
});
