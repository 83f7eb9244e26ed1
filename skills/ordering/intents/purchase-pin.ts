/**
 * PurchasePin: only answered inside a purchase dialog (the follow-up reads the raw text); declared so recognisers
 * built from the sentence templates can hear a spoken PIN.
 */
import { defineIntent } from '../../../hub/sdk/index.js';

const digits = '{digit:d1} {digit:d2} {digit:d3} {digit:d4} [{digit:d5}] [{digit:d6}] [{digit:d7}] [{digit:d8}]';
const digit = { list: 'digit' } as const;
export const purchasePin = defineIntent({
  targets: 'none',
  slots: { d1: digit, d2: digit, d3: digit, d4: digit, d5: digit, d6: digit, d7: digit, d8: digit },
  sentences: [`[my] [purchase] (pin|pin code|code) is ${digits}`, digits],
});
