import { describe, expect, it } from 'vitest';
import { surfaceOf } from './surface.js';

describe('surfaceOf: free text found again as it was written', () => {
  it.each([
    ['a possessive', 'grandad birthday card', "add Grandad's birthday card to the list", "Grandad's birthday card"],
    ['a curly apostrophe', 'sam bike', 'put sam’s bike on the to do list', 'sam’s bike'],
    ['a contraction put back', 'we are home', "tell everyone we're home", "we're home"],
    ['a contraction spelled out', 'we are home', 'tell everyone we are home', 'we are home'],
    ['a contraction typed without its apostrophe', 'what is for tea', 'ask whats for tea', 'whats for tea'],
    [
      'punctuation between the words',
      'dinner is ready come down',
      'say dinner is ready, come down!',
      'dinner is ready, come down',
    ],
    ['the capitals as typed', 'ac dc', 'play AC/DC in the kitchen', 'AC/DC'],
    ['letters beyond ascii', 'crème brûlée', 'add Crème Brûlée to the shopping list', 'Crème Brûlée'],
    ['the first place it is said', 'tea', 'tea, I said tea', 'tea'],
  ])('keeps %s', (_, value, text, written) => {
    expect(surfaceOf(value, text)).toBe(written);
  });

  it('does not take the words from inside longer ones', () => {
    expect(surfaceOf('ten', 'play ofTEN then Ten green bottles')).toBe('Ten');
    expect(surfaceOf('cat', 'sCATter the Cat')).toBe('Cat');
  });

  it('gives the value back as it is when the text does not say it', () => {
    expect(surfaceOf('oat milk', 'add oatmilk')).toBe('oat milk');
    expect(surfaceOf('  ', 'anything')).toBe('  ');
  });
});
