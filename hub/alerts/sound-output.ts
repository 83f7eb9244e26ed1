/**
 * How hub/alerts reaches the rooms: the satellites and what they play. hub/voice implements it
 * (`VoiceService.soundOutput()`), hub/main.ts passes it in; tests give a recording one.
 */
export interface SatelliteInfo {
  id: string;
  area?: string;
}

export interface SayOptions {
  /** A ring: a chime before the words, and the satellite is told something sounds (it then listens for "stop" without its wake word). */
  ring?: boolean;
}

export interface SoundOutput {
  /** The satellites online now, with their areas. */
  satellites(): readonly SatelliteInfo[];
  /** Speaks `text` on each satellite; resolves once it is sent. Never throws: a satellite that cannot be reached is logged. */
  say(satellites: readonly string[], text: string, options?: SayOptions): Promise<void>;
  /** Cuts what these satellites play now (a ring, a reply being spoken) and tells them nothing sounds any more. */
  silence(satellites: readonly string[]): Promise<void>;
}

/**
 * Which satellites sound for something set in `area` by `satellite`: that satellite when it is in the area, else the
 * area's satellites; when the area has none, the asker's; when nothing narrows it, every satellite (someone should hear it).
 */
export function satellitesFor(all: readonly SatelliteInfo[], where: { area?: string; satellite?: string }): string[] {
  const asker = where.satellite !== undefined ? all.find((s) => s.id === where.satellite) : undefined;
  if (asker && (where.area === undefined || asker.area === where.area)) return [asker.id];
  const inArea = where.area !== undefined ? all.filter((s) => s.area === where.area).map((s) => s.id) : [];
  if (inArea.length > 0) return inArea;
  if (asker) return [asker.id];
  return all.map((s) => s.id);
}
