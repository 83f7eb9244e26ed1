/**
 * Topics and the Home Assistant MQTT discovery config of a Tasmota-like plug.
 * Field names are Home Assistant's abbreviations: `~` (base topic), `cmd_t`, `stat_t`, `avty_t`,
 * `pl_on`/`pl_off`, `pl_avail`/`pl_not_avail`, `json_attr_t`, `uniq_id`, `dev` (`ids`, `mf`, `mdl`, `sw`).
 */
export interface PlugTopics {
  base: string;
  command: string;
  state: string;
  availability: string;
  telemetry: string;
  discovery: string;
}

export const PAYLOAD_ON = 'ON';
export const PAYLOAD_OFF = 'OFF';
export const AVAILABLE = 'Online';
export const NOT_AVAILABLE = 'Offline';

export function plugTopics(id: string): PlugTopics {
  const base = `plugs/${id}`;
  return {
    base,
    command: `${base}/cmnd/POWER`,
    state: `${base}/stat/POWER`,
    availability: `${base}/tele/LWT`,
    telemetry: `${base}/tele/SENSOR`,
    discovery: `homeassistant/switch/${id}/config`,
  };
}

/** Topic filters the hub must allow this device beyond hearth/<id>/# (for POST /devices/:id/credentials). */
export function plugExtraTopics(id: string): string[] {
  const t = plugTopics(id);
  return [t.discovery, `${t.base}/#`];
}

export function discoveryConfig(id: string, name: string): Record<string, unknown> {
  return {
    name,
    uniq_id: id,
    '~': plugTopics(id).base,
    cmd_t: '~/cmnd/POWER',
    stat_t: '~/stat/POWER',
    avty_t: '~/tele/LWT',
    json_attr_t: '~/tele/SENSOR',
    pl_on: PAYLOAD_ON,
    pl_off: PAYLOAD_OFF,
    pl_avail: AVAILABLE,
    pl_not_avail: NOT_AVAILABLE,
    dev_cla: 'outlet',
    dev: { ids: [id], name, mf: 'Hearth Sim', mdl: 'Smart Plug P1', sw: '14.2.0-sim' },
  };
}
