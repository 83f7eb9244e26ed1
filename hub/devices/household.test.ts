import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../store/database.js';
import { Household } from './household.js';

let dir: string;
let db: Db;
let household: Household;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-household-'));
  db = openDatabase(join(dir, 'hearth.db'));
  household = new Household({ db });
  await household.start();
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Household', () => {
  it('adds, updates and removes floors and areas with coded errors', () => {
    household.addFloor({ id: 'upstairs', name: 'Upstairs', aliases: ['first floor'] });
    household.addArea({ id: 'bedroom', name: 'Bedroom', aliases: [], floor: 'upstairs' });
    expect(() => household.addArea({ id: 'bedroom', name: 'Again', aliases: [] })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => household.addArea({ id: 'attic', name: 'Attic', aliases: [], floor: 'roof' })).toThrow(
      expect.objectContaining({ code: 'FLOOR_NOT_FOUND' }),
    );
    expect(() => household.addFloor({ id: 'Bad Id', name: 'x', aliases: [] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('id') }),
    );
    expect(() => household.removeFloor('upstairs')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('bedroom') }),
    );
    expect(household.updateArea('bedroom', { name: 'Main bedroom', aliases: ['master bedroom'] })).toEqual({
      id: 'bedroom',
      name: 'Main bedroom',
      aliases: ['master bedroom'],
      floor: 'upstairs',
    });
    household.removeArea('bedroom');
    household.removeFloor('upstairs');
    expect(household.floors()).toEqual([]);
    expect(() => household.updateFloor('upstairs', { name: 'x' })).toThrow(
      expect.objectContaining({ code: 'FLOOR_NOT_FOUND' }),
    );
    expect(() => household.removeArea('bedroom')).toThrow(expect.objectContaining({ code: 'AREA_NOT_FOUND' }));
  });

  it('treats the config as the truth for config entries and leaves API entries alone', () => {
    household.addArea({ id: 'garage', name: 'Garage', aliases: [] });
    household.seedFromConfig({
      floors: [{ id: 'ground', name: 'Ground', aliases: [] }],
      areas: [
        { id: 'kitchen', name: 'Kitchen', aliases: [], floor: 'ground' },
        { id: 'hall', name: 'Hall', aliases: [] },
      ],
    });
    household.updateArea('kitchen', { name: 'Renamed by API' });
    household.seedFromConfig({
      floors: [{ id: 'ground', name: 'Ground floor', aliases: [] }],
      areas: [{ id: 'kitchen', name: 'Kitchen', aliases: ['galley'], floor: 'ground' }],
    });
    expect(
      household
        .areas()
        .map((a) => a.id)
        .sort(),
    ).toEqual(['garage', 'kitchen']);
    expect(household.getArea('kitchen')).toEqual({
      id: 'kitchen',
      name: 'Kitchen',
      aliases: ['galley'],
      floor: 'ground',
    });
    expect(household.floors()).toEqual([{ id: 'ground', name: 'Ground floor', aliases: [] }]);
  });
});
