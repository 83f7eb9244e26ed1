/** One sentence template compiled on its own (intent `Demo`, an installed skill's), for the template tools' tests. */
import { compileTemplate } from '../compile.js';
import { parseTemplate } from '../template/parser.js';

export function demoTemplate(sentence: string) {
  return compileTemplate(parseTemplate(sentence), new Map(), {
    index: 0,
    intent: 'Demo',
    owner: 'test',
    origin: 'installed',
    sentence,
    fixedSlots: {},
    priority: 0,
  });
}
