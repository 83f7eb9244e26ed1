/**
 * device-types/list.ts as shipped plus a type folder that exists only in test/fixtures/device-types/: the one
 * registration line a new type needs, made by a test. In a vi.mock factory (which may not use the file's imports):
 * `vi.mock('../../device-types/list.js', async (original) => (await import('../harness/fixture-device-types.js'))
 * .withFixtureType(original, 'pet_feeder'))`.
 */
import type * as List from '../../device-types/list.js';

const FIXTURE_TYPES = {
  pet_feeder: () => import('../fixtures/device-types/pet_feeder/index.js'),
  wall_safe: () => import('../fixtures/device-types/wall_safe/index.js'),
};

export async function withFixtureType(
  importOriginal: () => Promise<unknown>,
  name: keyof typeof FIXTURE_TYPES,
): Promise<typeof List> {
  const shipped = (await importOriginal()) as typeof List;
  return {
    deviceTypeFolders: {
      ...shipped.deviceTypeFolders,
      [name]: FIXTURE_TYPES[name],
    } as typeof List.deviceTypeFolders,
  };
}
