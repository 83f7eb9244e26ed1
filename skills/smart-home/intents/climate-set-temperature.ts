/** HassClimateSetTemperature: Sets the target temperature; "warmer"/"cooler" step from the current one (`temperature_delta`). */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const climateSetTemperature = defineIntent({
  targets: { domains: ['climate'], areaFromContext: true },
  slots: { name: TARGET_SLOTS.name, area: TARGET_SLOTS.area, floor: TARGET_SLOTS.floor, temperature: { list: 'temperature' }, temperature_delta: { fixed: [1, -1] } },
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
        'it is (cold|freezing|chilly|too cold) [<where>]',
        'i am (cold|freezing|chilly)',
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
        'it is (hot|too hot|too warm|boiling|stuffy) [<where>]',
        'i am (hot|too hot|too warm|boiling)',
        'lower the temperature [<where>]',
      ],
      slots: { temperature_delta: -1 },
    },
  ],
});
