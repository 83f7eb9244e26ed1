/**
 * The words for appliances in HassTurnOn: a drink asked for without naming the machine starts the household's coffee
 * machine. An ordering skill the household installs takes precedence for the sentences it declares ("i'd like a
 * latte"); these keep the rest.
 */
import type { SentenceBlock } from '../../hub/sdk/index.js';

export const applianceSentences: Record<string, SentenceBlock[]> = {
  HassTurnOn: [
    { sentences: ['make [me] a coffee'], slots: { domain: 'appliance', device_class: 'coffee_machine' } },
    {
      spoken: false,
      sentences: [
        '(make|brew|prepare|fix|pour|get) [me|us] [a|an|some|my] [cup of|mug of|fresh|morning|nice] (coffee|cup of coffee|brew)',
        '(make|brew|prepare|fix|pour) [me|us] [a|an|some|my] {program}',
        '(it is|time for) [a] coffee time',
        '(can i have|could i have|i would like|i want|i need|i could use) [a|an|some|my] [cup of|mug of|fresh] (coffee|espresso|cappuccino|latte|cup of coffee)',
        '(start|turn on|switch on|fire up) [the] (coffee|coffee maker|coffee machine|espresso machine)',
      ],
      slots: { domain: 'appliance', device_class: 'coffee_machine' },
    },
  ],
};
