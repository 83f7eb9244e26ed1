/**
 * The skills runtime: which skill owns which intent, running a skill's call under supervision
 * (time limit, failure counting, disabling), dialogs, and the reply for POST /utterances.
 */
import type { Clock } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { DeviceService } from '../devices/contracts.js';
import { applyMigrations, type Db } from '../store/database.js';
import { HubError, isHubError } from '../sdk/errors.js';
import type { ExpectedAnswer } from '../sdk/answers.js';
import type { Intent, UtteranceContext } from '../sdk/intents.js';
import { confirmSettings, isConfirmState } from '../sdk/confirm-dialog.js';
import type { Permission, SkillAction, SkillDefinition, SkillResponse, UtteranceInfo } from '../sdk/skill.js';
import type { IntentDeclaration } from '../sdk/intent-declaration.js';
import { CapabilityGate, type CallScope, type GateOptions } from './capabilities.js';
import type { SkillsConfig } from './config.js';
import { DialogStore } from './dialog.js';
import type { SkillCall, SkillExecutor } from './executor.js';
import { answerHeld, askAboutHeld } from './hub-confirmation.js';
import { InProcessSkill } from './in-process-skill.js';
import { assertHubCompatible, resolveSkillConfig, type SkillManifest } from './manifest.js';
import { SKILLS_MODULE, skillsMigrations } from './migrations.js';
import type { PinPort } from '../sdk/pin-port.js';
import type { AlertsPort, FetchFn, LanguagePort, OrdersPort, SentenceCollision, Understanding } from './ports.js';
import { SkillStorageStore } from './storage.js';
import { TimerScheduler } from './timer-scheduler.js';
import { isConflict } from './sentences.js';
import { WorkerSkill } from './worker/worker-skill.js';

export interface SkillRuntimeDeps {
  devices: DeviceService;
  language: LanguagePort;
  db: Db;
  bus: EventBus<HubEvents>;
  log: Logger;
  clock: Clock;
  config: SkillsConfig;
  hubVersion: string;
  orders?: OrdersPort;
  /** Serves `ctx.verifyPin`; without it the call answers NOT_FOUND. */
  pins?: PinPort;
  fetch?: FetchFn;
  /** Alarms, rings (finished timers ring through it) and announcements. */
  alerts?: AlertsPort;
}

export interface SkillInfo {
  id: string;
  version: string;
  builtin: boolean;
  isolated: boolean;
  enabled: boolean;
  consecutiveFailures: number;
  lastError?: { code: string; message: string };
  /** Why and when the runtime disabled it; gone once it is enabled again. */
  disabled?: { at: string; reason: string };
  permissions: Permission[];
  intents: string[];
  collisions: SentenceCollision[];
}

export interface UtteranceResult {
  intent: Intent | null;
  confidence: number;
  targets: string[];
  skill: string | null;
  reply: string;
  actions: SkillAction[];
  error?: { code: string; message: string };
  suggestion?: string;
  /** A question is open after this utterance: the answers it takes (yes/no when the skill did not say). */
  expects?: ExpectedAnswer;
}

interface Entry {
  info: SkillInfo;
  executor: SkillExecutor;
  gate: CapabilityGate;
}

interface Outcome {
  reply?: string;
  actions: SkillAction[];
  followUp?: { state: unknown; expect?: ExpectedAnswer };
  /** The follow-up is the hub's own question (hub-confirmation.ts). */
  byHub?: true;
  error?: { code: string; message: string };
}

const MAX_TEXT = 2000;

export class SkillRuntime {
  readonly storage: SkillStorageStore;
  readonly timers: TimerScheduler;
  private readonly skills = new Map<string, Entry>();
  private readonly intentOwners = new Map<string, string>();
  private readonly dialogs: DialogStore;
  private readonly log: Logger;
  private started = false;

  constructor(private readonly deps: SkillRuntimeDeps) {
    this.log = deps.log.child({ module: 'skills' });
    this.storage = new SkillStorageStore(deps.db, deps.clock);
    this.timers = new TimerScheduler(deps.db, deps.bus, deps.clock, this.log, deps.alerts);
    this.dialogs = new DialogStore(deps.clock, deps.config.dialogTimeoutMs);
  }

  async start(): Promise<void> {
    if (this.started) return;
    applyMigrations(this.deps.db, SKILLS_MODULE, skillsMigrations);
    await this.timers.start();
    this.started = true;
  }

  async stop(): Promise<void> {
    this.started = false;
    await this.timers.stop();
    await Promise.all([...this.skills.values()].map((e) => e.executor.stop()));
  }

  /** Built-in skills run in process, with the same ctx and permission checks as third-party ones. */
  async registerBuiltin(definition: SkillDefinition, config: Record<string, unknown> = {}): Promise<SkillInfo> {
    if (this.deps.config.disabledBuiltins.includes(definition.id))
      throw new HubError('CONFLICT', `built-in skill "${definition.id}" is disabled in the config`);
    const gate = this.gate(definition.id, definition.permissions, { asksItself: true });
    return this.add(
      definition.id,
      definition.version,
      [...definition.permissions],
      definition.intents,
      true,
      new InProcessSkill(definition, gate, this.deps.clock, config),
      gate,
    );
  }

  /**
   * Loads an installed third-party skill into its own sandbox (a child process under Node's permission model
   * that may read only `installDir`, or a worker thread where that model is unavailable); no restart needed.
   */
  async loadIsolated(
    manifest: SkillManifest,
    entryFile: string,
    config: Record<string, unknown> = {},
    installDir?: string,
  ): Promise<SkillInfo> {
    assertHubCompatible(manifest, this.deps.hubVersion);
    const resolved = resolveSkillConfig(manifest, config);
    const gate = this.gate(manifest.id, manifest.permissions);
    const { memoryLimitMb, processMemoryLimitMb, idleCpuPercent, outputLinesPerSecond } = this.deps.config;
    const executor = new WorkerSkill(
      {
        id: manifest.id,
        entry: entryFile,
        config: resolved,
        memoryLimitMb,
        sandboxLimits: { processMemoryLimitMb, idleCpuPercent },
        outputLinesPerSecond,
        ...(installDir ? { installDir } : {}),
      },
      gate,
      this.deps.clock,
      this.log,
    );
    const info = await this.add(
      manifest.id,
      manifest.version,
      manifest.permissions,
      manifest.intents,
      false,
      executor,
      gate,
    );
    executor.onFault((error) => {
      const entry = this.skills.get(manifest.id);
      if (entry?.executor === executor) void this.recordFailure(entry, error);
    });
    return info;
  }

  async unload(id: string): Promise<void> {
    const entry = this.skills.get(id);
    if (!entry) throw new HubError('NOT_FOUND', `no skill "${id}" is loaded: see GET /api/v1/skills`);
    this.skills.delete(id);
    for (const [intent, owner] of this.intentOwners) if (owner === id) this.intentOwners.delete(intent);
    this.deps.language.removeSkillIntents(id);
    this.dialogs.closeSkill(id);
    this.deps.bus.emit('skillChanged', { skillId: id, change: 'unloaded' });
    await entry.executor.stop();
  }

  /** Re-enables a skill that was disabled after repeated failures. */
  enable(id: string): SkillInfo {
    const entry = this.require(id);
    const wasDisabled = !entry.info.enabled;
    entry.info.enabled = true;
    entry.info.consecutiveFailures = 0;
    delete entry.info.disabled;
    if (wasDisabled) this.deps.bus.emit('skillChanged', { skillId: id, change: 'enabled' });
    return { ...entry.info };
  }

  list(): SkillInfo[] {
    return [...this.skills.values()].map((e) => ({ ...e.info }));
  }

  get(id: string): SkillInfo | undefined {
    const entry = this.skills.get(id);
    return entry ? { ...entry.info } : undefined;
  }

  /** Collisions a skill's sentences would have with the skills loaded now. */
  checkCollisions(id: string, intents: Record<string, IntentDeclaration>): SentenceCollision[] {
    return this.deps.language.checkSkillIntents(id, intents);
  }

  /** Whether the skill that handles an intent may place orders (`orders:create`): a misheard one is asked back. */
  placesOrders(intentName: string): boolean {
    const owner = this.intentOwners.get(intentName);
    return owner !== undefined && (this.skills.get(owner)?.info.permissions.includes('orders:create') ?? false);
  }

  async handleUtterance(text: string, context: UtteranceContext = {}): Promise<UtteranceResult> {
    return this.handleUnderstood(text, await this.understand(text, context), context);
  }

  /** What the language service makes of `text` (checked as handleUtterance checks it), to look at before acting. */
  async understand(text: string, context: UtteranceContext = {}): Promise<Understanding> {
    if (typeof text !== 'string' || !text.trim())
      throw new HubError('VALIDATION_FAILED', 'text must be a non-empty string');
    if (text.length > MAX_TEXT) throw new HubError('PAYLOAD_TOO_LARGE', `text is limited to ${MAX_TEXT} characters`);
    return this.deps.language.understand(text, pick(context));
  }

  /**
   * handleUtterance for a caller that has already understood `text` with `understand` (voice, which first judges
   * whether the command is one it must be sure of): the text is understood once per utterance.
   */
  async handleUnderstood(
    text: string,
    understood: Understanding,
    context: UtteranceContext = {},
  ): Promise<UtteranceResult> {
    const session = DialogStore.sessionKey(context);
    const base: Omit<UtteranceInfo, 'targets'> = { text, ...pick(context) };
    const dialog = context.dryRun ? undefined : this.dialogs.get(session);
    if (dialog) {
      const entry = this.skills.get(dialog.skillId);
      if (entry?.info.enabled) {
        this.dialogs.close(session);
        const utterance: UtteranceInfo = {
          ...base,
          targets: [],
          ...(understood.intent ? { heard: understood.intent } : {}),
        };
        const outcome = dialog.byHub
          ? await this.answerHub(entry, text, dialog.state, utterance)
          : await this.run(entry, { kind: 'followUp', text, state: dialog.state, utterance });
        if (outcome.reply !== undefined) {
          if (outcome.followUp)
            this.dialogs.set(session, {
              skillId: entry.info.id,
              intent: dialog.intent,
              state: outcome.followUp.state,
              ...byHub(outcome),
            });
          return this.finish(text, context, {
            intent: dialog.intent,
            confidence: 1,
            targets: [],
            skill: entry.info.id,
            reply: outcome.reply,
            actions: outcome.actions,
            ...errorOf(outcome),
            ...expectsOf(outcome),
          });
        }
      }
    }

    if (!understood.intent) {
      const reply = notUnderstoodReply(understood);
      return this.finish(text, context, {
        intent: null,
        confidence: understood.confidence,
        targets: [],
        skill: null,
        reply,
        actions: [],
        ...(understood.suggestion ? { suggestion: understood.suggestion } : {}),
      });
    }
    const intent = understood.intent;
    if (intent.name === 'HassNevermind' && !this.intentOwners.has(intent.name)) {
      if (!context.dryRun) this.dialogs.close(session);
      return this.finish(text, context, {
        intent,
        confidence: understood.confidence,
        targets: [],
        skill: null,
        reply: 'Okay, never mind.',
        actions: [],
      });
    }
    const ownerId = this.intentOwners.get(intent.name);
    const result = { intent, confidence: understood.confidence, targets: understood.targets };
    if (!ownerId)
      return this.finish(text, context, {
        ...result,
        skill: null,
        reply: `I understood that, but no skill handles ${intent.name}.`,
        actions: [],
      });
    if (context.dryRun)
      return {
        ...result,
        skill: ownerId,
        reply: `Would ask the ${ownerId} skill to handle ${intent.name}.`,
        actions: [],
      };

    const entry = this.skills.get(ownerId)!;
    if (!entry.info.enabled)
      return this.finish(text, context, {
        ...result,
        skill: ownerId,
        reply: `The ${ownerId} skill is disabled after repeated failures. Turn it back on in the dashboard or with: hearth skill enable ${ownerId}.`,
        actions: [],
        error: {
          code: 'SKILL_FAILED',
          message: `skill "${ownerId}" is disabled (${entry.info.disabled?.reason ?? 'repeated failures'}): fix or update it, then enable it again with \`hearth skill enable ${ownerId}\` or POST /api/v1/skills/${ownerId}/enable`,
        },
      });
    const outcome = await this.run(entry, {
      kind: 'handle',
      intent,
      utterance: { ...base, targets: understood.targets },
    });
    if (outcome.followUp)
      this.dialogs.set(session, { skillId: ownerId, intent, state: outcome.followUp.state, ...byHub(outcome) });
    return this.finish(text, context, {
      ...result,
      skill: ownerId,
      reply: outcome.reply ?? '',
      actions: outcome.actions,
      ...errorOf(outcome),
      ...expectsOf(outcome),
    });
  }

  private async add(
    id: string,
    version: string,
    permissions: Permission[],
    intents: Record<string, IntentDeclaration>,
    builtin: boolean,
    executor: SkillExecutor,
    gate: CapabilityGate,
  ): Promise<SkillInfo> {
    if (this.skills.has(id))
      throw new HubError(
        'CONFLICT',
        `a skill with id "${id}" is already loaded: uninstall it first or pick another id`,
      );
    const taken = Object.keys(intents).filter((name) => this.intentOwners.has(name));
    if (taken.length)
      throw new HubError(
        'CONFLICT',
        `skill "${id}" declares intents already handled by other skills: ${taken.map((t) => `${t} (${this.intentOwners.get(t)})`).join(', ')}`,
      );
    const collisions = this.deps.language.addSkillIntents(
      id,
      intents,
      builtin ? { checkCollisions: false, origin: 'builtin' } : { origin: 'installed' },
    );
    const conflicts = collisions.filter(isConflict);
    if (conflicts.length)
      this.log.warn({ skill: id, collisions: conflicts.slice(0, 20) }, 'skill sentences collide with installed skills');
    if (conflicts.length < collisions.length)
      this.log.info(
        { skill: id, sentences: collisions.filter((c) => !isConflict(c)).length },
        'skill sentences take precedence over built-in ones',
      );
    const info: SkillInfo = {
      id,
      version,
      builtin,
      isolated: executor.isolated,
      enabled: true,
      consecutiveFailures: 0,
      permissions,
      intents: Object.keys(intents),
      collisions,
    };
    this.skills.set(id, { info, executor, gate });
    for (const name of Object.keys(intents)) this.intentOwners.set(name, id);
    try {
      await executor.start();
    } catch (err) {
      await this.unload(id).catch(() => undefined);
      throw err;
    }
    this.log.info({ skill: id, version, isolated: executor.isolated }, 'skill loaded');
    this.deps.bus.emit('skillChanged', { skillId: id, change: 'loaded' });
    return { ...info };
  }

  private gate(skillId: string, permissions: readonly Permission[], options: GateOptions = {}): CapabilityGate {
    const { devices, bus, clock, log, orders, pins, fetch, config, alerts } = this.deps;
    return new CapabilityGate(
      skillId,
      permissions,
      {
        devices,
        storage: this.storage,
        timers: this.timers,
        bus,
        clock,
        log,
        confirm: confirmSettings({ confirm: config.confirm }),
        ...(orders ? { orders } : {}),
        ...(pins ? { pins } : {}),
        ...(fetch ? { fetch } : {}),
        ...(alerts ? { alerts } : {}),
      },
      options,
    );
  }

  private require(id: string): Entry {
    const entry = this.skills.get(id);
    if (!entry) throw new HubError('NOT_FOUND', `no skill "${id}" is loaded: see GET /api/v1/skills`);
    return entry;
  }

  /** One supervised call: never throws; failures become a reply, and repeated failures disable the skill. */
  private async run(entry: Entry, call: SkillCall): Promise<Outcome> {
    const scope: CallScope = {
      actions: [],
      ...(call.utterance.user ? { user: call.utterance.user } : {}),
      ...(call.utterance.satellite ? { satellite: call.utterance.satellite } : {}),
    };
    try {
      const { callTimeoutMs: timeoutMs, maxDeviceWaitMs } = this.deps.config;
      const response = await entry.executor.call(call, scope, { timeoutMs, maxDeviceWaitMs });
      entry.info.consecutiveFailures = 0;
      // The skill tried to open the house: the hub's question replaces whatever the skill answered.
      const asked = askAboutHeld(entry.gate, scope);
      if (asked) return hubQuestion(asked, scope);
      if (!response) return { actions: scope.actions };
      const out: { reply: string; actions: SkillAction[]; followUp?: Outcome['followUp'] } = {
        reply: response.reply,
        actions: [...scope.actions, ...(response.actions ?? [])],
      };
      if (response.followUp) out.followUp = response.followUp;
      return out;
    } catch (err) {
      const asked =
        isHubError(err) && err.code === 'CONFIRMATION_REQUIRED' ? askAboutHeld(entry.gate, scope) : undefined;
      if (asked) return hubQuestion(asked, scope);
      const error = isHubError(err)
        ? err
        : new HubError('SKILL_FAILED', `skill "${entry.info.id}" failed: ${String(err)}`);
      await this.recordFailure(entry, error);
      return {
        reply: failureReply(entry.info.id, error),
        actions: scope.actions,
        error: { code: error.code, message: error.message },
      };
    }
  }

  /** Counts a failed call, or a sandbox stopped between calls (onFault), and disables the skill after too many. */
  private async recordFailure(entry: Entry, error: HubError): Promise<void> {
    // A denied permission or a device that did not answer is the skill's request failing, not the skill crashing.
    const skillAtFault =
      error.code === 'SKILL_FAILED' ||
      error.code === 'SKILL_TIMEOUT' ||
      error.code === 'PERMISSION_DENIED' ||
      error.code === 'FORBIDDEN';
    entry.info.lastError = { code: error.code, message: error.message };
    if (skillAtFault) entry.info.consecutiveFailures += 1;
    this.log.warn(
      { skill: entry.info.id, code: error.code, err: error.message, failures: entry.info.consecutiveFailures },
      'skill call failed',
    );
    this.deps.bus.emit('inputRejected', {
      source: 'skill',
      reason: `${entry.info.id}: ${error.code}: ${error.message}`,
    });
    if (entry.info.consecutiveFailures >= this.deps.config.maxConsecutiveFailures && entry.info.enabled) {
      entry.info.enabled = false;
      entry.info.disabled = {
        at: new Date(this.deps.clock.now()).toISOString(),
        reason: `${entry.info.consecutiveFailures} failures in a row, the last ${error.code}: ${error.message}`,
      };
      this.dialogs.closeSkill(entry.info.id);
      this.log.error(
        { skill: entry.info.id, reason: entry.info.disabled.reason },
        'skill disabled after repeated failures',
      );
      this.deps.bus.emit('skillChanged', { skillId: entry.info.id, change: 'disabled' });
      await entry.executor.stop().catch(() => undefined);
    }
  }

  /** The answer to the hub's own question: sends the held commands after a yes; never runs the skill's code. */
  private async answerHub(entry: Entry, text: string, state: unknown, utterance: UtteranceInfo): Promise<Outcome> {
    if (!isConfirmState(state)) return { actions: [] };
    const scope: CallScope = { actions: [], ...(utterance.user ? { user: utterance.user } : {}) };
    try {
      const response = await answerHeld(text, state, entry.gate, scope, () => this.deps.clock.now());
      if (!response) return { actions: scope.actions };
      return response.followUp ? hubQuestion(response, scope) : { reply: response.reply, actions: scope.actions };
    } catch (err) {
      const error = isHubError(err) ? err : new HubError('INTERNAL', String(err));
      this.log.warn(
        { skill: entry.info.id, code: error.code, err: error.message },
        'sending a confirmed command failed',
      );
      return {
        reply: failureReply(entry.info.id, error),
        actions: scope.actions,
        error: { code: error.code, message: error.message },
      };
    }
  }

  private finish(text: string, context: UtteranceContext, result: UtteranceResult): UtteranceResult {
    const event: HubEvents['utteranceHandled'] = { text, reply: result.reply };
    if (result.intent) event.intent = result.intent;
    if (context.area) event.area = context.area;
    if (result.actions.length > 0) event.actions = result.actions;
    this.deps.bus.emit('utteranceHandled', event);
    return result;
  }
}

/** What the hub says when it acts on nothing: the words it could not place, and the closest thing it can do. */
function notUnderstoodReply(understood: { suggestion?: string; notUnderstood?: string[] }): string {
  const words = understood.notUnderstood?.length
    ? `Sorry, I didn't understand "${understood.notUnderstood.join(' ')}".`
    : "Sorry, I didn't understand that.";
  return understood.suggestion ? `${words} Did you mean "${understood.suggestion}"?` : words;
}

function failureReply(skillId: string, error: HubError): string {
  switch (error.code) {
    case 'SKILL_TIMEOUT':
      return `The ${skillId} skill took too long to answer.`;
    case 'PERMISSION_DENIED':
    case 'FORBIDDEN':
      return `The ${skillId} skill is not allowed to do that.`;
    case 'DEVICE_TIMEOUT':
      return 'The device is not responding.';
    // The registry's first sentence says which device and since when ("… is offline; last seen 3 minutes ago.").
    case 'DEVICE_UNAVAILABLE':
      return /^[^.]*\./.exec(error.message)?.[0] ?? 'The device is offline.';
    default:
      return `The ${skillId} skill ran into a problem.`;
  }
}

function hubQuestion(asked: SkillResponse, scope: CallScope): Outcome {
  return {
    reply: asked.reply,
    actions: scope.actions,
    ...(asked.followUp ? { followUp: asked.followUp, byHub: true as const } : {}),
  };
}

function byHub(outcome: Outcome): { byHub?: true } {
  return outcome.byHub ? { byHub: true } : {};
}

function expectsOf(outcome: Outcome): { expects?: ExpectedAnswer } {
  return outcome.followUp ? { expects: outcome.followUp.expect ?? { yesNo: true } } : {};
}

function errorOf(outcome: { error?: { code: string; message: string } }): {
  error?: { code: string; message: string };
} {
  return outcome.error ? { error: outcome.error } : {};
}

function pick(context: UtteranceContext): UtteranceContext {
  const out: UtteranceContext = {};
  if (context.area) out.area = context.area;
  if (context.user) out.user = context.user;
  if (context.satellite) out.satellite = context.satellite;
  if (context.dryRun) out.dryRun = true;
  return out;
}
