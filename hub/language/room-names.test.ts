import { describe, expect, it } from 'vitest';
import { otherRoomNames } from './room-names.js';

const room = (name: string, ...aliases: string[]) => ({ name, aliases });

describe('otherRoomNames', () => {
  it("names a room by people's other words for it, unless the house uses the word or two rooms would share it", () => {
    const found = otherRoomNames(
      [room('Living Room', 'lounge'), room('Rec Room', 'den'), room('Bedroom'), room('Master Bedroom')],
      [room('Ground Floor')],
      [room('Sitting Room Speaker'), room('Front Room')],
    );
    const said = (words: string) => found.filter((v) => v.in === words).map((v) => v.out);
    expect(said('sitting room')).toEqual(['Living Room']);
    expect(said('family room')).toEqual(['Living Room']);
    expect(said('den')).toEqual([]); // the Rec Room's alias, no other word for a living room
    expect(said('front room')).toEqual([]); // a device's name
    expect(said('main bedroom')).toEqual([]); // Bedroom or Master Bedroom: not said which
    expect(said('washroom')).toEqual([]); // no Bathroom in this house
  });
});
