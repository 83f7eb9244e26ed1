/**
 * Wyoming in the running hub. `prepareWyoming` comes before voice: it names the external speech
 * services (voice.stt/tts/wake.wyoming) that voice puts in front of its local engines. `start` comes
 * once voice is up: the server Home Assistant adds (wyoming.server), the satellites Hearth drives
 * (wyoming.satellites) and the zeroconf announcement. Every part reports itself in /status.
 */
import type { ComponentStatus } from '../api/types.js';
import type { HubConfig } from '../config/schema.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { LanguageService } from '../language/service.js';
import type { VoiceService, VoiceServiceDeps } from '../voice/service.js';
import type { UtteranceHandler } from '../voice/understand.js';
import { hearthVoicePort } from '../wyoming/hearth-adapter.js';
import { RemoteService, type ServiceKind } from '../wyoming/remote-service.js';
import { WyomingRecognizer } from '../wyoming/remote-stt.js';
import { WyomingTts } from '../wyoming/remote-tts.js';
import { WyomingSatellite } from '../wyoming/satellite.js';
import type { SatelliteVoicePort } from '../wyoming/satellite-run.js';
import { WyomingServer } from '../wyoming/server.js';
import { WyomingAnnouncement } from '../wyoming/zeroconf.js';
import type { RoomSpeakers } from '../voice/room-speakers.js';
import type { HouseholdService } from '../devices/contracts.js';

export interface WyomingWiringDeps {
  config: Pick<HubConfig, 'voice' | 'wyoming'>;
  clock: Clock;
  log: Logger;
  hubVersion: string;
  /** Records a started part so the hub stops it (in reverse) or undoes a failed start. */
  started(name: string, stop: () => Promise<void> | void): void;
}

export interface WyomingRunDeps {
  voice: VoiceService;
  language: LanguageService;
  skills: UtteranceHandler;
  household: HouseholdService;
}

export interface WyomingWiring {
  /** For VoiceServiceDeps.decorate: the external services in front of the local engines. */
  readonly decorate: NonNullable<VoiceServiceDeps['decorate']>;
  start(deps: WyomingRunDeps): Promise<void>;
  /** /status entries: `wyoming-server`, … (only the parts that are configured). */
  status(): Record<string, ComponentStatus>;
  /** The server's real port once started (tests bind port 0). */
  serverPort(): number | undefined;
  /** The connected Wyoming satellites as speakers for rings and announcements (SatelliteOutput.addSpeakers). */
  speakers(): RoomSpeakers;
}

export function prepareWyoming(deps: WyomingWiringDeps): WyomingWiring {
  const { config, clock, hubVersion } = deps;
  const log = deps.log.child({ module: 'wyoming' });
  let server: WyomingServer | undefined;
  let announcement: WyomingAnnouncement | undefined;
  let announcementFailure: string | undefined;
  const satellites = new Map<string, WyomingSatellite>();
  const remotes = new Map<ServiceKind, RemoteService>();
  const { limits, client } = config.wyoming;

  /** An external service, probed from now on and stopped with the hub. */
  const remote = (kind: ServiceKind, uri: string, fallback: string): RemoteService => {
    const service = new RemoteService({
      kind,
      uri,
      fallback,
      timings: client,
      limits: { ...limits, idleTimeoutMs: undefined },
      clock,
      log,
    });
    remotes.set(kind, service);
    service.start();
    deps.started(`wyoming ${kind} client`, () => service.stop());
    return service;
  };

  /** A failed announcement costs discovery only: Home Assistant can still add the server by address. */
  const announce = async (port: number): Promise<void> => {
    const started = new WyomingAnnouncement({
      name: config.wyoming.zeroconf.name,
      port,
      host: config.wyoming.server.host,
      log,
    });
    try {
      await started.start();
      deps.started('wyoming zeroconf', () => started.stop());
      announcement = started;
    } catch (err) {
      announcementFailure = (err as Error).message;
      log.error({ err: announcementFailure }, 'Wyoming server not announced over zeroconf');
      await started.stop();
    }
  };

  /** Satellites connect in the background; a satellite that is off does not hold up the hub. */
  const startSatellites = (run: WyomingRunDeps): void => {
    if (config.wyoming.satellites.length === 0) return;
    const wakeUri = config.voice.wake.wyoming;
    const wake = wakeUri
      ? {
          service: remote('wake', wakeUri, `the wake phrase "${config.voice.wakePhrase}"`),
          names: config.voice.wake.names,
        }
      : undefined;
    const voice = satelliteVoicePort(run.voice, config.voice.wakePhrase);
    for (const satellite of config.wyoming.satellites) {
      const driver = new WyomingSatellite({
        id: satellite.id,
        uri: satellite.uri,
        area: satellite.area,
        resolveArea: (area) =>
          (
            run.household.getArea(area) ??
            run.household.areas().find((a) => a.name.toLowerCase() === area.toLowerCase())
          )?.id,
        voice,
        wake,
        timings: { ...client, pingMs: client.satellitePingMs, playedGraceMs: client.playedGraceMs },
        limits: { ...limits, idleTimeoutMs: undefined },
        clock,
        log,
      });
      driver.start();
      deps.started(`wyoming satellite ${satellite.id}`, () => driver.stop());
      satellites.set(satellite.id, driver);
    }
  };

  const sttUri = config.voice.stt.wyoming;
  const ttsUri = config.voice.tts.wyoming;
  return {
    decorate: {
      ...(sttUri
        ? {
            recognizer: (local) =>
              new WyomingRecognizer({
                service: remote(
                  'stt',
                  sttUri,
                  local.name === 'text' ? 'nothing (no local recogniser is installed)' : `the local ${local.name}`,
                ),
                local,
                language: config.voice.stt.language,
                ...(config.voice.stt.model ? { model: config.voice.stt.model } : {}),
                log,
              }),
          }
        : {}),
      ...(ttsUri
        ? {
            tts: (local) =>
              new WyomingTts({
                service: remote(
                  'tts',
                  ttsUri,
                  config.voice.tts.enabled ? 'espeak-ng' : 'nothing (voice.tts.enabled is false)',
                ),
                local,
                ...(config.voice.tts.wyomingVoice ? { voice: config.voice.tts.wyomingVoice } : {}),
                maxReplyMs: limits.maxStreamMs,
                log,
              }),
          }
        : {}),
    },
    async start(run) {
      startSatellites(run);
      const serverConfig = config.wyoming.server;
      if (!serverConfig.enabled) return;
      const hearth = hearthVoicePort({
        name: serverConfig.name,
        version: hubVersion,
        handle: serverConfig.handle,
        voiceConfig: config.voice,
        log,
        voice: run.voice,
        language: run.language,
        skills: run.skills,
      });
      const started = new WyomingServer({ config: serverConfig, limits: config.wyoming.limits, hearth, clock, log });
      await started.start();
      deps.started('wyoming server', () => started.stop());
      server = started;
      if (config.wyoming.zeroconf.enabled) await announce(started.port);
    },
    status() {
      const entries: Record<string, ComponentStatus> = {};
      if (server) entries['wyoming-server'] = server.status();
      if (announcement) entries['wyoming-zeroconf'] = announcement.status();
      else if (announcementFailure)
        entries['wyoming-zeroconf'] = {
          status: 'degraded',
          detail: `not announced: ${announcementFailure}; add Hearth in Home Assistant by host and port`,
        };
      for (const [kind, service] of remotes) entries[`wyoming-${kind}`] = service.status();
      for (const [id, satellite] of satellites) entries[`wyoming-satellite:${id}`] = satellite.status();
      return entries;
    },
    serverPort: () => server?.port,
    speakers: () => ({
      list: () => [...satellites.values()].flatMap((driver) => driver.speaker() ?? []),
      play: (id, wav) => satellites.get(id)?.play(wav) ?? Promise.resolve(),
      stop: async (id) => satellites.get(id)?.stopPlaying(),
    }),
  };
}

/** The voice pipeline as a Wyoming satellite uses it. */
function satelliteVoicePort(voice: VoiceService, wakePhrase: string): SatelliteVoicePort {
  return {
    wakePhrase,
    async handle(source, options) {
      const result = await voice.pipeline.handleUtterance(source, options);
      return {
        transcript: result.transcript,
        reply: result.reply,
        ...(result.replyAudio ? { replyAudio: result.replyAudio } : {}),
        ...(result.muted ? { muted: true } : {}),
        ...(result.ignored ? { ignored: result.ignored } : {}),
        ...(result.trigger ? { trigger: result.trigger } : {}),
      };
    },
    async transcribe(source) {
      return (await voice.transcribe(source))?.text ?? '';
    },
  };
}
