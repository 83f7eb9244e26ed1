/** Brightness, colour and temperature (HassLightSet, HassClimateSetTemperature, HassClimateGetTemperature). */
import type { IntentSentences } from '../../sentences.js';

export const lightAndClimate: IntentSentences[] = [
  {
    intent: 'HassLightSet',
    data: [
      {
        sentences: [
          '(set|change|put|turn|adjust|make) [the] brightness [of] <name> to {brightness} <percent>',
          '(set|dim|brighten|turn|put|change|adjust) <name> [brightness] to {brightness} <percent> [brightness]',
          '<name> [brightness] [to] {brightness} <percent>',
          '(dim|brighten) <name> [down|up] to {brightness} <percent>',
        ],
      },
      {
        sentences: [
          '(set|dim|brighten|turn|put|change|adjust) <all> [<the>] <lights> [<where>] to {brightness} <percent> [brightness]',
          '(set|dim|brighten|turn|put|change|adjust) [<the>] {area} <lights> to {brightness} <percent> [brightness]',
          '(set|change|put|turn|adjust) [the] brightness [<where>] to {brightness} <percent>',
          '(set|change|put|turn|adjust) [the] brightness of [<the>] <lights> [<where>] to {brightness} <percent>',
          '[<the>] <lights> [<where>] [to|at] {brightness} <percent> [<where>]',
          'brightness {brightness} <percent> [<where>]',
          '(dim|brighten) [<the>] <lights> [<where>] [down|up] to {brightness} <percent>',
        ],
        slots: { domain: 'light' },
      },
      {
        sentences: ['(make|turn|set|change|paint) <name> [to] [the color] {color}', '<name> [to] {color}', '(color|colour) <name> {color}'],
      },
      {
        sentences: [
          '(make|turn|set|change|switch) <all> [<the>] <lights> [<where>] [to] [the color] {color}',
          '(make|turn|set|change|switch) [<the>] {area} <lights> [to] {color}',
          '[<the>] <lights> [<where>] [to] {color} [please]',
          '{color} <lights> [<where>]',
          '(make|turn) it {color} [<where>]',
        ],
        slots: { domain: 'light' },
      },
    ],
  },
  {
    intent: 'HassClimateSetTemperature',
    data: [
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
  },
  {
    intent: 'HassClimateGetTemperature',
    data: [
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
  },
];
