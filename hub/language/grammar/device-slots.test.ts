import { describe, expect, it } from 'vitest';
import type { Device } from '../../sdk/devices.js';
import { LanguageService } from '../service.js';
import { buildHousehold } from '../testing/household.js';
import { deviceSlotRanges, deviceSlotValues } from './device-slots.js';
import { exportGrammar } from './export.js';
import { jsgfSentences } from './testing/sentences.js';
import { addBuiltinIntents } from '../../../test/harness/language.js';

function thermostat(id: string, driver: string, driverConfig?: Record<string, unknown>): Device {
  return {
    id,
    name: id,
    aliases: [],
    type: 'climate',
    driver,
    origin: 'api',
    capabilities: ['temperature'],
    state: {},
    available: true,
    ...(driverConfig ? { driverConfig } : {}),
  };
}

describe('deviceSlotRanges', () => {
  it('narrows temperature to what Hearth thermostats accept', () => {
    expect(deviceSlotRanges([thermostat('hall', 'climate')])).toEqual({ temperature: { from: 5, to: 35 } });
  });

  it("takes a discovered thermostat's own limits, in its unit, and covers every thermostat", () => {
    expect(
      deviceSlotRanges([thermostat('den', 'ha-discovery', { min_temp: 60, max_temp: 85.5, temperature_unit: 'F' })]),
    ).toEqual({ temperature: { from: 60, to: 86 } });
    expect(
      deviceSlotRanges([thermostat('den', 'ha-discovery', { temperature_unit: 'F' }), thermostat('hall', 'climate')]),
    ).toEqual({ temperature: { from: 5, to: 95 } });
  });

  it('leaves the language range alone without a thermostat', () => {
    expect(deviceSlotRanges([{ ...thermostat('lamp', 'light'), type: 'light' }])).toEqual({});
  });

  it('lists the narrowed setpoints one by one in the grammar, so "eighty two degrees" cannot be heard', async () => {
    const language = new LanguageService(buildHousehold(0));
    await language.start();
    addBuiltinIntents(language);
    const { registry } = language;
    const source = { templates: registry.templates(), rules: registry.ruleTable(), lists: registry.lists };
    const wide = jsgfSentences(exportGrammar(source).jsgf, 'list_temperature');
    const said = jsgfSentences(
      exportGrammar(source, { ranges: { temperature: { from: 5, to: 35 } } }).jsgf,
      'list_temperature',
    );
    expect(wide).toContain('<num_below_100>');
    expect(said).toHaveLength(31);
    expect(said).toEqual(expect.arrayContaining(['five', 'eighteen', 'twenty two', 'thirty five']));
    expect(said).not.toContain('eighty two');
    expect(said).not.toContain('four');
  });

  it('keeps only the cover classes some cover has, so "awning" cannot be heard in a house without one', async () => {
    const blind: Device = { ...thermostat('blinds', 'cover'), type: 'cover', deviceClass: 'blind' };
    expect(deviceSlotValues([blind, thermostat('hall', 'climate')])).toEqual({ cover_class: ['blind'] });
    const language = new LanguageService(buildHousehold(0));
    await language.start();
    addBuiltinIntents(language);
    const { registry } = language;
    const source = { templates: registry.templates(), rules: registry.ruleTable(), lists: registry.lists };
    const classes = jsgfSentences(
      exportGrammar(source, { values: deviceSlotValues([blind]) }).jsgf,
      'list_cover_class',
    );
    expect(classes.sort()).toEqual(['blind', 'blinds']);
  });
});
