/**
 * Home Assistant MQTT discovery lets a config use short keys to save bytes on small devices.
 * This table maps the short keys Hearth understands to their full names, written from the
 * documented discovery format. Keys not listed are kept as they are.
 */
export const CONFIG_ABBREVIATIONS: Readonly<Record<string, string>> = {
  act_stat_t: 'activity_state_topic',
  act_t: 'action_topic',
  act_tpl: 'action_template',
  act_val_tpl: 'activity_value_template',
  avty: 'availability',
  avty_mode: 'availability_mode',
  avty_t: 'availability_topic',
  avty_tpl: 'availability_template',
  bri: 'brightness',
  bri_cmd_t: 'brightness_command_topic',
  bri_cmd_tpl: 'brightness_command_template',
  bri_scl: 'brightness_scale',
  bri_stat_t: 'brightness_state_topic',
  bri_tpl: 'brightness_value_template',
  bri_val_tpl: 'brightness_value_template',
  clr_temp_cmd_t: 'color_temp_command_topic',
  clr_temp_stat_t: 'color_temp_state_topic',
  clr_temp_val_tpl: 'color_temp_value_template',
  clrm: 'color_mode',
  cmd_t: 'command_topic',
  cmd_tpl: 'command_template',
  cur_hum_t: 'current_humidity_topic',
  cur_hum_tpl: 'current_humidity_template',
  curr_temp_t: 'current_temperature_topic',
  curr_temp_tpl: 'current_temperature_template',
  dev: 'device',
  dev_cla: 'device_class',
  dock_cmd_t: 'dock_command_topic',
  dock_cmd_tpl: 'dock_command_template',
  ent_cat: 'entity_category',
  exp_aft: 'expire_after',
  frc_upd: 'force_update',
  hum_cmd_t: 'target_humidity_command_topic',
  hum_cmd_tpl: 'target_humidity_command_template',
  hum_stat_t: 'target_humidity_state_topic',
  hum_state_tpl: 'target_humidity_state_template',
  ic: 'icon',
  json_attr_t: 'json_attributes_topic',
  json_attr_tpl: 'json_attributes_template',
  max_hum: 'max_humidity',
  max_temp: 'max_temp',
  min_hum: 'min_humidity',
  min_temp: 'min_temp',
  mode_cmd_t: 'mode_command_topic',
  mode_cmd_tpl: 'mode_command_template',
  mode_stat_t: 'mode_state_topic',
  mode_stat_tpl: 'mode_state_template',
  o: 'origin',
  obj_id: 'object_id',
  on_cmd_type: 'on_command_type',
  opt: 'optimistic',
  pause_cmd_t: 'pause_command_topic',
  pause_cmd_tpl: 'pause_command_template',
  pct_cmd_t: 'percentage_command_topic',
  pct_cmd_tpl: 'percentage_command_template',
  pct_stat_t: 'percentage_state_topic',
  pct_val_tpl: 'percentage_value_template',
  pl_avail: 'payload_available',
  pl_cls: 'payload_close',
  pl_lock: 'payload_lock',
  pl_not_avail: 'payload_not_available',
  pl_off: 'payload_off',
  pl_on: 'payload_on',
  pl_open: 'payload_open',
  pl_prs: 'payload_press',
  pl_stop: 'payload_stop',
  pl_unlk: 'payload_unlock',
  pos_clsd: 'position_closed',
  pos_open: 'position_open',
  pos_t: 'position_topic',
  pos_tpl: 'position_template',
  pow_cmd_t: 'power_command_topic',
  ret: 'retain',
  rgb_cmd_t: 'rgb_command_topic',
  rgb_cmd_tpl: 'rgb_command_template',
  rgb_stat_t: 'rgb_state_topic',
  rgb_val_tpl: 'rgb_value_template',
  set_pos_t: 'set_position_topic',
  set_pos_tpl: 'set_position_template',
  spd_rng_max: 'speed_range_max',
  spd_rng_min: 'speed_range_min',
  stat_cla: 'state_class',
  stat_clsd: 'state_closed',
  stat_closing: 'state_closing',
  stat_jam: 'state_jammed',
  stat_locked: 'state_locked',
  stat_locking: 'state_locking',
  stat_off: 'state_off',
  stat_on: 'state_on',
  stat_open: 'state_open',
  stat_opening: 'state_opening',
  stat_stopped: 'state_stopped',
  stat_t: 'state_topic',
  stat_tpl: 'state_template',
  stat_unlocked: 'state_unlocked',
  stat_unlocking: 'state_unlocking',
  stat_val_tpl: 'state_value_template',
  strt_mow_cmd_t: 'start_mowing_command_topic',
  strt_mow_cmd_tpl: 'start_mowing_command_template',
  sup_clrm: 'supported_color_modes',
  temp_cmd_t: 'temperature_command_topic',
  temp_cmd_tpl: 'temperature_command_template',
  temp_stat_t: 'temperature_state_topic',
  temp_stat_tpl: 'temperature_state_template',
  temp_step: 'temp_step',
  temp_unit: 'temperature_unit',
  uniq_id: 'unique_id',
  unit_of_meas: 'unit_of_measurement',
  val_tpl: 'value_template',
};

/** Short keys inside the `device` block. */
export const DEVICE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  cns: 'connections',
  cu: 'configuration_url',
  hw: 'hw_version',
  ids: 'identifiers',
  mdl: 'model',
  mdl_id: 'model_id',
  mf: 'manufacturer',
  sa: 'suggested_area',
  sn: 'serial_number',
  sw: 'sw_version',
};

/** Short keys inside the `origin` block and inside each `availability` entry. */
export const ORIGIN_ABBREVIATIONS: Readonly<Record<string, string>> = { sw: 'sw_version', url: 'support_url' };
export const AVAILABILITY_ABBREVIATIONS: Readonly<Record<string, string>> = {
  t: 'topic',
  pl_avail: 'payload_available',
  pl_not_avail: 'payload_not_available',
  val_tpl: 'value_template',
};

function renameKeys(source: Record<string, unknown>, table: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) out[table[key] ?? key] = value;
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Expands abbreviated keys (including in `device`, `origin` and `availability` entries), then
 * replaces the base topic `~` at the start or end of every `*_topic` value, as the discovery format defines.
 */
export function expandConfig(raw: Record<string, unknown>): Record<string, unknown> {
  const config = renameKeys(raw, CONFIG_ABBREVIATIONS);
  if (isRecord(config.device)) config.device = renameKeys(config.device, DEVICE_ABBREVIATIONS);
  if (isRecord(config.origin)) config.origin = renameKeys(config.origin, ORIGIN_ABBREVIATIONS);
  if (Array.isArray(config.availability)) {
    config.availability = config.availability.map((entry) =>
      isRecord(entry) ? renameKeys(entry, AVAILABILITY_ABBREVIATIONS) : entry,
    );
  }
  const base = typeof config['~'] === 'string' ? (config['~'] as string) : undefined;
  if (base !== undefined) {
    const substitute = (topic: unknown) => {
      if (typeof topic !== 'string') return topic;
      if (topic.startsWith('~')) return base + topic.slice(1);
      if (topic.endsWith('~')) return topic.slice(0, -1) + base;
      return topic;
    };
    for (const key of Object.keys(config)) {
      if (key.endsWith('_topic')) config[key] = substitute(config[key]);
    }
    if (Array.isArray(config.availability)) {
      config.availability = config.availability.map((entry) =>
        isRecord(entry) ? { ...entry, topic: substitute(entry.topic) } : entry,
      );
    }
    delete config['~'];
  }
  return config;
}
