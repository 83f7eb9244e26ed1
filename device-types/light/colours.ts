/**
 * The colours a light can be asked for by name, with the RGB each stands for: the language reads them in requests
 * (the lexicon's `color` list), the smart-home skill in the answer to "Which colour?", the simulated light takes
 * them as they are and the Home Assistant discovery driver sends their RGB.
 */
import { z } from 'zod';

export const COLOUR_RGB: Readonly<Record<string, string>> = {
  white: '#ffffff',
  'warm white': '#ffd8a8',
  'cool white': '#e6f0ff',
  red: '#ff0000',
  orange: '#ffa500',
  amber: '#ffbf00',
  gold: '#ffd700',
  yellow: '#ffff00',
  lime: '#bfff00',
  green: '#00ff00',
  teal: '#008080',
  turquoise: '#40e0d0',
  cyan: '#00ffff',
  blue: '#0000ff',
  indigo: '#4b0082',
  purple: '#800080',
  violet: '#ee82ee',
  lavender: '#e6e6fa',
  magenta: '#ff00ff',
  pink: '#ffc0cb',
};

export const LIGHT_COLOURS: readonly string[] = Object.keys(COLOUR_RGB);

/** A colour by name or as #rrggbb. */
export const colourParam = z.union([
  z.enum(LIGHT_COLOURS as [string, ...string[]]),
  z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a color name or #rrggbb'),
]);

/** The colour named in an answer ("blue please", "make it warm white"), the longest name first; undefined: none. */
export function colourIn(text: string): string | undefined {
  const said = ` ${text.toLowerCase().replace(/[^a-z]+/g, ' ')} `;
  return [...LIGHT_COLOURS].sort((a, b) => b.length - a.length).find((c) => said.includes(` ${c} `));
}
