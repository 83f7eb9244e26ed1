/**
 * LanguageService: text + context → intent, confidence and target devices.
 * Keeps the name/area/floor slot lists current from the registry without recompiling templates.
 */
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { DeviceService, HouseholdService } from '../devices/contracts.js';
import type { Intent, UtteranceContext } from '../sdk/intents.js';
import type { IntentDeclaration, IntentTargets } from '../sdk/intent-declaration.js';
import { DIALOGUE_OWNER, dialogueIntents } from './dialogue.js';
import { examples } from './examples.js';
import { IntentRegistry, type AddIntentsOptions, type IntentCollision } from './intent-registry.js';
import { lists, rules } from './lexicon/en.js';
import { tokenize } from './normalize.js';
import { RegistrySlotLists } from './registry-lists.js';
import { SlotListSet } from './slot-lists.js';
import { resolveTargets, type DeviceLookup, type TargetResolution } from './targets.js';
import type { TemplateMatch } from './template-match.js';

export interface LanguageServiceDeps {
  devices: DeviceService;
  household: HouseholdService;
  bus: EventBus<HubEvents>;
  log: Logger;
}

export interface Understanding {
  /** Undefined when not understood. */
  intent?: Intent;
  /** 1 for an exact match, lower for a tolerated error, 0 when not understood. */
  confidence: number;
  targets: string[];
  ambiguity?: TargetResolution['ambiguity'];
  problem?: TargetResolution['problem'];
  /** The closest sentence we know, when not understood or matched only loosely. */
  suggestion?: string;
  /** Who declared the intent: `builtin` or a skill id. */
  owner?: string;
  /** The template that matched. */
  sentence?: string;
}

const COST_TO_CONFIDENCE = 0.15;
/** Owner of the lexicon's rules and lists in the registry. */
const LEXICON_OWNER = 'lexicon';

export class LanguageService {
  readonly registry: IntentRegistry;
  private readonly lists = new SlotListSet();
  private readonly live: RegistrySlotLists;
  private readonly log: Logger;
  private unsubscribe: Array<() => void> = [];

  constructor(private readonly deps: LanguageServiceDeps) {
    this.log = deps.log.child({ module: 'language' });
    this.registry = new IntentRegistry(this.lists);
    this.live = new RegistrySlotLists(deps.devices, deps.household, this.lists);
  }

  /**
   * Loads the lexicon and the hub's dialogue intents, fills the slot lists and follows device changes.
   * Skills bring their intents with them (`addIntents`, called by the skills runtime).
   */
  async start(): Promise<void> {
    const started = performance.now();
    this.registry.addSentenceSet(LEXICON_OWNER, { rules, lists, intents: [] });
    this.registry.addIntents(DIALOGUE_OWNER, dialogueIntents, { checkCollisions: false });
    this.live.refreshAll();
    this.registry.matcher();
    const refresh = (): void => this.live.refreshDevices();
    this.unsubscribe = [
      this.deps.bus.on('deviceAdded', refresh),
      this.deps.bus.on('deviceUpdated', refresh),
      this.deps.bus.on('deviceRemoved', refresh),
    ];
    this.log.info({ templates: this.registry.matcher().size, ms: Math.round(performance.now() - started) }, 'sentence templates compiled');
  }

  async stop(): Promise<void> {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
  }

  /** Areas and floors have no change event: call after editing them, or rely on the per-utterance check. */
  refreshHousehold(): void {
    this.live.refreshHousehold(true);
  }

  addIntents(skillId: string, declarations: Record<string, IntentDeclaration>, options?: AddIntentsOptions): IntentCollision[] {
    return this.registry.addIntents(skillId, declarations, options);
  }

  checkIntents(skillId: string, declarations: Record<string, IntentDeclaration>): IntentCollision[] {
    return this.registry.checkIntents(skillId, declarations);
  }

  removeIntents(skillId: string): void {
    this.registry.removeIntents(skillId);
  }

  understand(text: string, ctx: UtteranceContext = {}): Understanding {
    this.live.refreshHousehold();
    const tokens = tokenize(text);
    if (tokens.length === 0) return { confidence: 0, targets: [] };
    const matcher = this.registry.matcher();
    const ranked = matcher.rankExact(tokens);
    const candidates = ranked.length > 0 ? ranked : matcher.rankTolerant(tokens);
    if (candidates.length === 0) {
      const closest = matcher.closest(tokens);
      const suggestion = closest ? examples(closest, this.lists, 1)[0] : undefined;
      return suggestion ? { confidence: 0, targets: [], suggestion } : { confidence: 0, targets: [] };
    }
    // The first reading whose named device suits the intent ("set the blinds to 30%" is a position, not a brightness).
    let fallback: Understanding | undefined;
    for (const match of candidates.slice(0, 6)) {
      const understood = this.toUnderstanding(match, ctx);
      if (understood.problem !== 'no_matching_devices' || understood.intent?.slots.name === undefined) return understood;
      fallback ??= understood;
    }
    return fallback!;
  }

  private toUnderstanding(match: TemplateMatch, ctx: UtteranceContext): Understanding {
    const intent: Intent = { name: match.template.intent, slots: { ...match.slots } };
    const named = intent.slots.name !== undefined || intent.slots.area !== undefined || intent.slots.floor !== undefined;
    const info = this.registry.info(intent.name);
    const targets = info?.targets;
    if (!named && ctx.area && targets !== undefined && targets !== 'none' && targets.areaFromContext) {
      const area = this.deps.household.getArea(ctx.area) ?? this.deps.household.areas().find((a) => a.name.toLowerCase() === ctx.area!.toLowerCase());
      if (area) intent.slots.area = area.name;
    }
    const resolution = resolveTargetsInContext(intent, targets, this.live, this.deps.household, ctx);
    const result: Understanding = {
      intent,
      confidence: Math.max(0.1, Math.round((1 - match.cost * COST_TO_CONFIDENCE) * 100) / 100),
      targets: resolution.targets,
      owner: match.template.owner,
      sentence: match.template.sentence,
    };
    if (resolution.ambiguity) result.ambiguity = resolution.ambiguity;
    if (resolution.problem) result.problem = resolution.problem;
    if (match.cost > 0) {
      const example = examples(match.template, this.lists, 1)[0];
      if (example) result.suggestion = example;
    }
    return result;
  }
}

/** A name heard by a satellite prefers the device in that satellite's area ("the lamp" in the bedroom). */
function resolveTargetsInContext(intent: Intent, targets: IntentTargets | undefined, devices: DeviceLookup, household: HouseholdService, ctx: UtteranceContext): TargetResolution {
  const first = resolveTargets(intent, targets, devices, household);
  if (!first.ambiguity || !ctx.area || intent.slots.area !== undefined) return first;
  const area = household.getArea(ctx.area);
  if (!area) return first;
  const narrowed = resolveTargets({ ...intent, slots: { ...intent.slots, area: area.name } }, targets, devices, household);
  return narrowed.targets.length === 1 ? narrowed : first;
}
