/**
 * The assistant half of the composition root: language understanding, the skills runtime and commerce,
 * started after the device registry and before the API. hub/main.ts calls `startAssistant` and keeps the
 * stop steps it reports, so a failed start is undone with everything else.
 */
import { AlertService } from '../alerts/service.js';
import type { ComponentStatus } from '../api/types.js';
import { createOrdersPort } from '../commerce/orders-port.js';
import { CommerceService } from '../commerce/service.js';
import type { LoadedConfig } from '../config/load.js';
import type { HubConfig } from '../config/schema.js';
import type { Clock } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { DeviceService, HouseholdService } from '../devices/contracts.js';
import { loadCustomSentences } from '../language/import/index.js';
import { LanguageService } from '../language/service.js';
import { languagePortFor, startSkills, type SkillInstaller, type SkillRuntime } from '../skills/index.js';
import type { Db } from '../store/database.js';
import { builtinSkills } from '../../skills/index.js';
import { MarketplaceProbe } from './marketplace-probe.js';
import type { Started } from './started.js';

export interface AssistantDeps {
  config: LoadedConfig;
  db: Db;
  bus: EventBus<HubEvents>;
  log: Logger;
  clock: Clock;
  devices: DeviceService;
  household: HouseholdService;
  hubVersion: string;
  /** Records a started component so the hub can stop it (in reverse) or undo a failed start. */
  started: Started;
}

export interface Assistant {
  language: LanguageService;
  skills: SkillRuntime;
  installer: SkillInstaller;
  commerce: CommerceService;
  /** Alarms, reminders, rings and announcements; voice connects the satellites to it once it has started. */
  alerts: AlertService;
  /** Live component states for /status (skills get disabled, the marketplace goes away). */
  status(): Record<'language' | 'skills' | 'commerce' | 'marketplace', ComponentStatus>;
  /** Checks the marketplace now instead of waiting for the next background probe. */
  probeMarketplace(): Promise<void>;
}

export async function startAssistant(deps: AssistantDeps): Promise<Assistant> {
  const { db, bus, log, clock, devices, household, hubVersion } = deps;
  // The frozen config is only read; the commerce and skills deps merely lack `readonly` on nested arrays.
  const config = deps.config as HubConfig & { dataDir: string };

  const language = new LanguageService(
    { devices, household, bus, log },
    { secondStage: config.language.secondStage, acceptConfidence: config.language.acceptConfidence },
  );
  await language.start();
  deps.started('language', () => language.stop());
  // A bad file stops the start with its name, the path inside it and the problem (VALIDATION_FAILED / CONFIG_INVALID).
  await loadCustomSentences(language.registry, config.language.customSentences, log);

  // Without a marketplace the catalog comes from the SQLite cache and orders wait in the outbox.
  const commerce = new CommerceService({ db, bus, log, clock, config: config.commerce });
  await commerce.start();
  deps.started('commerce', () => commerce.stop());

  const marketplaceUrl = config.commerce.marketplaceUrl;
  const probe = marketplaceUrl
    ? new MarketplaceProbe({
        url: marketplaceUrl,
        clock,
        intervalMs: config.commerce.sync.pollIntervalMs,
        timeoutMs: config.commerce.sync.requestTimeoutMs,
      })
    : undefined;
  if (probe) {
    probe.start();
    deps.started('marketplace probe', () => probe.stop());
  }

  // Before the skills: finished timers ring through it. Alarms due while the hub was down ring here, once.
  const alerts = new AlertService({
    db,
    clock,
    bus,
    log,
    config: config.alerts,
    resolveArea: (nameOrId) => areaIdOf(household, nameOrId),
  });
  await alerts.start();
  deps.started('alerts', () => alerts.stop());

  const { runtime, installer } = await startSkills({
    devices,
    db,
    bus,
    log,
    clock,
    hubVersion,
    language: languagePortFor(language),
    config: config.skills,
    dataDir: config.dataDir,
    builtins: builtinSkills,
    orders: createOrdersPort(commerce, log),
    pins: commerce.pins,
    alerts,
  });
  deps.started('skills', () => runtime.stop());

  return {
    language,
    skills: runtime,
    installer,
    commerce,
    alerts,
    status: () => ({
      language: languageStatus(language),
      skills: skillsStatus(runtime),
      commerce: commerceStatus(commerce, marketplaceUrl),
      marketplace: probe?.status() ?? {
        status: 'off',
        detail: 'none set (commerce.marketplaceUrl): orders will wait in the outbox until one is',
      },
    }),
    probeMarketplace: async () => {
      await probe?.probe();
    },
  };
}

function languageStatus(language: LanguageService): ComponentStatus {
  const intents = language.registry.intents().length;
  const templates = language.registry.templates().length;
  return { status: 'ok', detail: `${intents} intents, ${templates} sentence templates` };
}

function skillsStatus(runtime: SkillRuntime): ComponentStatus {
  const skills = runtime.list();
  const disabled = skills.filter((s) => !s.enabled).map((s) => s.id);
  const detail = `${skills.length} loaded (${skills.filter((s) => s.builtin).length} built-in)`;
  if (disabled.length === 0) return { status: 'ok', detail };
  return {
    status: 'degraded',
    detail: `${detail}; disabled after repeated failures: ${disabled.join(', ')} (hearth skill enable <id>)`,
  };
}

function commerceStatus(commerce: CommerceService, marketplaceUrl: string | undefined): ComponentStatus {
  const pending = commerce.outbox('pending').length;
  const products = commerce.catalog().length;
  const base = `${products} products cached, ${pending} orders waiting in the outbox`;
  if (!marketplaceUrl) return { status: 'ok', detail: `${base}; orders will wait there until a marketplace is set` };
  return { status: 'ok', detail: base };
}

/** An area's id from its id, name or alias, ignoring case ("Kids Room", "kids_room", "the nursery"). */
function areaIdOf(household: HouseholdService, nameOrId: string): string | undefined {
  const said = nameOrId.trim().toLowerCase();
  const area =
    household.getArea(nameOrId) ??
    household
      .areas()
      .find(
        (a) =>
          a.id.toLowerCase() === said ||
          a.name.toLowerCase() === said ||
          a.aliases.some((x) => x.toLowerCase() === said),
      );
  return area?.id;
}
