import { describe, expect, it } from 'vitest';
import { shortNames } from './short-names.js';

const valve = (name: string, ...aliases: string[]) => ({ name, aliases, type: 'valve' as const });

describe('shortNames', () => {
  it('keeps a valve name without its type word when it names one device and nothing else', () => {
    const found = shortNames(
      [
        valve('Gas Valve'),
        valve('Front Lawn Sprinkler', 'front sprinkler'),
        valve('Garden Valve'),
        valve('Pond Valve'),
        valve('Pond Sprinkler'),
        valve('Water Valve'),
        valve('Hose Valve'),
        { name: 'Porch Light', aliases: [], type: 'light' },
        { name: 'Hose', aliases: [], type: 'switch' },
      ],
      [{ name: 'Garden', aliases: [] }],
      [{ name: 'Ground Floor', aliases: ['downstairs'] }],
    );
    expect(found).toEqual([
      { in: 'gas', out: 'Gas Valve' },
      { in: 'front lawn', out: 'Front Lawn Sprinkler' },
    ]);
  });
});
