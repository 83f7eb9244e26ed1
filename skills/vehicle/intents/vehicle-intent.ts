/** What every vehicle intent shares: the car is named in the request (never the asker's room), one block of sentences. */
import { defineIntent, type IntentDeclaration, type SlotDeclaration } from '../../../hub/sdk/index.js';

export function vehicleIntent(
  sentences: readonly string[],
  extraSlots: Readonly<Record<string, SlotDeclaration>> = {},
): IntentDeclaration {
  return defineIntent({
    targets: { domains: ['vehicle'], areaFromContext: false },
    slots: { name: { list: 'vehicle' }, domain: { fixed: ['vehicle'] }, ...extraSlots },
    sentences: [{ sentences, slots: { domain: 'vehicle' }, priority: 2 }],
  });
}
