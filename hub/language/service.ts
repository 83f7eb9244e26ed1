/**
 * LanguageService: text + context → intent, confidence and target devices.
 * Keeps the name/area/floor slot lists current from the registry without recompiling templates.
 */
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { DeviceService, HouseholdService } from '../devices/contracts.js';
import type { Device } from '../sdk/devices.js';
import type { Intent, SlotValue, UtteranceContext } from '../sdk/intents.js';
import type { IntentDeclaration } from '../sdk/intent-declaration.js';
import { foldAfterthoughts } from './afterthoughts.js';
import { loadCmuDictionary, type WordDictionary } from './grammar/dictionary.js';
import { ASKING_START, splitClauses, splitJoined, withinOneClause } from './clauses.js';
import { itemPointedAt, pointsAtItem } from './pointed-item.js';
import { resolveInContext } from './context-targets.js';
import { DIALOGUE_OWNER, dialogueIntents } from './dialogue.js';
import { examples } from './examples.js';
import { sayFrame } from './say-frame.js';
import { IntentRegistry, type AddIntentsOptions, type IntentCollision, type IntentInfo } from './intent-registry.js';
import { lists, rules } from './lexicon/en.js';
import { tokenize, withoutIs } from './normalize.js';
import { RegistrySlotLists } from './registry-lists.js';
import { SlotListSet } from './slot-lists.js';
import { compileTopics } from './parts/cues.js';
import { withoutTopicAtEnd } from './parts/free-text.js';
import { separateMediaClass } from './parts/media-title.js';
import { ACCEPT_CONFIDENCE, readRequest, type PartsReading } from './parts/reader.js';
import { asksByMark, asksQuestion, commandStarts } from './parts/questions.js';
import { tagRequest } from './parts/tagger.js';
import { conformState } from './states.js';
import { onSide, sideSaid } from './sides.js';
import { Speller } from './spelling.js';
import { surfaceOf } from './surface.js';
import type { TargetResolution } from './targets.js';
import type { Matcher } from './matcher.js';
import type { TemplateMatch } from './template-match.js';

export interface LanguageOptions {
  /** Read requests no sentence fits as parts in any order (default true; false for the template-only matcher). */
  secondStage?: boolean;
  /** A reading of the parts this sure is acted on (default ACCEPT_CONFIDENCE). */
  acceptConfidence?: number;
}

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
  /** Who declared the intent: a skill id, `hub`, or `import:<file>` for a custom sentence file's own intent. */
  owner?: string;
  /** When not understood: the words of the request the hub could not place. */
  notUnderstood?: string[];
  /** The matched sentence's priority (negative: a remark such as "I am cold", taken only when nothing else fits). */
  priority?: number;
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
  /** Tells real words from typing slips (spelling.ts); undefined where no dictionary is installed. */
  private dictionary: WordDictionary | undefined;
  private spelling: { matcher: Matcher; speller: Speller } | undefined;

  private readonly secondStage: boolean;
  private readonly acceptConfidence: number;

  constructor(
    private readonly deps: LanguageServiceDeps,
    options: LanguageOptions = {},
  ) {
    this.secondStage = options.secondStage ?? true;
    this.acceptConfidence = options.acceptConfidence ?? ACCEPT_CONFIDENCE;
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
    this.registry.addIntents(DIALOGUE_OWNER, dialogueIntents, { checkCollisions: false, origin: 'hub' });
    this.live.refreshAll();
    this.registry.matcher();
    this.dictionary = await loadCmuDictionary().catch(() => undefined);
    const refresh = (): void => this.live.refreshDevices();
    this.unsubscribe = [
      this.deps.bus.on('deviceAdded', refresh),
      this.deps.bus.on('deviceUpdated', refresh),
      this.deps.bus.on('deviceRemoved', refresh),
    ];
    this.log.info(
      { templates: this.registry.matcher().size, ms: Math.round(performance.now() - started) },
      'sentence templates compiled',
    );
  }

  async stop(): Promise<void> {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
  }

  /** Areas and floors have no change event: call after editing them, or rely on the per-utterance check. */
  refreshHousehold(): void {
    this.live.refreshHousehold(true);
  }

  addIntents(
    skillId: string,
    declarations: Record<string, IntentDeclaration>,
    options?: AddIntentsOptions,
  ): IntentCollision[] {
    return this.registry.addIntents(skillId, declarations, options);
  }

  checkIntents(skillId: string, declarations: Record<string, IntentDeclaration>): IntentCollision[] {
    return this.registry.checkIntents(skillId, declarations);
  }

  removeIntents(skillId: string): void {
    this.registry.removeIntents(skillId);
  }

  /**
   * Templates first (an exact sentence); then the parts of the request in any order (parts/reader.ts); then a
   * sentence with a small repair (a near-miss word, one word too many or too few). A reading the hub is not sure
   * enough of is not acted on: the answer says which words it did not understand and offers the closest reading.
   */
  understand(typed: string, ctx: UtteranceContext = {}): Understanding {
    const text = this.speller().correct(typed);
    const understood = this.read(text, ctx);
    if (understood.intent) {
      const clauses = splitClauses(text);
      const pointed = itemPointedAt(understood.intent.slots, clauses, this.lists);
      if (pointed) understood.intent.slots.item = pointed;
      const info = this.registry.info(understood.intent.name);
      this.withoutTopic(understood.intent, info);
      separateMediaClass(understood.intent.slots, info?.slots ?? {}, clauses);
      this.keepSurface(understood.intent, text);
    }
    return understood;
  }

  /** Built again when the sentences change: its words are the sentences' words and the intents' cues. */
  private speller(): Speller {
    const matcher = this.registry.matcher();
    if (this.spelling?.matcher !== matcher) {
      const words = new Set<string>();
      for (const template of this.registry.templates()) for (const word of template.vocabulary) words.add(word);
      for (const info of this.registry.declared().values())
        for (const cue of [...(info.cues?.actions ?? []), ...(info.cues?.topics ?? [])])
          for (const word of tokenize(typeof cue === 'string' ? cue : cue.words)) words.add(word);
      this.spelling = { matcher, speller: new Speller(words, this.dictionary, this.lists) };
    }
    return this.spelling.speller;
  }

  /**
   * Free text that is passed on as the person wrote it ("tea's ready", not the matcher's "tea ready"), as Home
   * Assistant keeps it. Names that are looked up again later (timer names, alarm labels) stay normalised, so a
   * spoken "the kids timer" still finds the one typed as "the kid's timer".
   */
  private keepSurface(intent: Intent, text: string): void {
    const declared = this.registry.info(intent.name)?.slots ?? {};
    for (const [slot, value] of Object.entries(intent.slots)) {
      const declaration = declared[slot];
      if (typeof value !== 'string' || !declaration || !VERBATIM_SLOTS.has(slot)) continue;
      const wildcard =
        'wildcard' in declaration || ('list' in declaration && this.lists.get(declaration.list)?.kind === 'wildcard');
      if (wildcard) intent.slots[slot] = withoutIs(surfaceOf(value, text), text);
    }
  }

  /**
   * The title a sentence's wildcard took without what the intent's topic phrases say about playing it ("play the
   * hobbit from the beginning"). Only titles: a list's or an alarm's name may end like a topic ("my to do list").
   */
  private withoutTopic(intent: Intent, info: IntentInfo | undefined): void {
    const value = intent.slots.search_query;
    if (info?.cues?.freeText === 'search_query' && typeof value === 'string')
      intent.slots.search_query = withoutTopicAtEnd(value, compileTopics(info.cues));
  }

  /** Whether the intent's free-text slot is a message that may run on past a comma. */
  private runsAcrossClauses(intent: string, slot: string): boolean {
    const declaration = this.registry.info(intent)?.slots[slot];
    if (!declaration || !('list' in declaration)) return false;
    const list = this.lists.get(declaration.list);
    return list?.kind === 'wildcard' && list.acrossClauses === true;
  }

  private read(text: string, ctx: UtteranceContext): Understanding {
    this.live.refreshHousehold();
    if (tokenize(text).length === 0) return { confidence: 0, targets: [] };
    // "Turn on the lamp, no wait, the fan", "is the oven on? turn it off": one request about the right thing.
    const said = splitClauses(text);
    const clauses = foldAfterthoughts(said, this.lists);
    const question = clauses.some(asksQuestion);
    // "Kettle on?": asked by the question mark alone. Answered when something answers it, else read as a request.
    if (!question && QUESTION_MARK_AT_END.test(text)) {
      const last = tagRequest(said.at(-1)!, this.lists);
      if (asksByMark(last, commandStarts(this.registry.declared()))) {
        const answered = this.readSaid(text, said, clauses, ctx, { question: true, marked: true });
        if (answered.intent) return answered;
      }
    }
    return this.readSaid(text, said, clauses, ctx, { question, marked: false });
  }

  /** `mode.marked`: only intents that answer are taken, even for an exact sentence ("kettle on?"). */
  private readSaid(
    text: string,
    said: readonly string[][],
    clauses: readonly string[][],
    ctx: UtteranceContext,
    mode: { question: boolean; marked: boolean },
  ): Understanding {
    const { question, marked } = mode;
    const tokens = clauses === said ? tokenize(text) : clauses.flat();
    const several = clauses.length > 1;
    // Clauses joined by words ("it's dark so put the lights on"): read one by one, but free text may span them.
    const pieces = clauses.flatMap(splitJoined);
    const matcher = this.registry.matcher();
    const answering = (m: TemplateMatch): boolean =>
      !marked || this.registry.info(m.template.intent)?.cues?.answers === true;
    let unsuitable: Understanding | undefined;
    // A named device that cannot do what was asked ("dim the kettle") sends the search on to other readings.
    const suitable = (u: Understanding): boolean => {
      if (u.problem !== 'no_matching_devices' || u.intent?.slots.name === undefined) return true;
      unsuitable ??= u;
      return false;
    };

    // 1. The whole request, said exactly; free text may not reach across a comma.
    const whole = matcher
      .rankExact(tokens)
      .filter(answering)
      .filter(
        (m) =>
          !several ||
          m.wildcardSlots.every(
            (slot) =>
              this.runsAcrossClauses(m.template.intent, slot) || withinOneClause(String(m.slots[slot]), clauses),
          ),
      );
    if (whole.length > 0) {
      const understood = this.fromTemplates(whole, tokens, ctx);
      if (suitable(understood)) return understood;
    }
    // A request made only of taking-back words, however many clauses ("no, stop, never mind"): nothing else is meant.
    const sources = { infos: this.registry.declared(), lists: this.lists, devices: this.live };
    const wholeReading =
      this.secondStage && pieces.length > 1 ? readRequest(tokens, sources, { question, marked }) : undefined;
    const takenBack = wholeReading?.best;
    if (
      takenBack &&
      takenBack.confidence >= this.acceptConfidence &&
      this.registry.info(takenBack.intent.name)?.cues?.alone
    )
      return this.fromFrame(takenBack.intent, takenBack.confidence, tokens, ctx);
    // 2. One clause said exactly ("turn the big light off, it is too bright"): a command before a remark or a question.
    const byClause: Understanding[] = [];
    if (pieces.length > 1) {
      let last: Understanding | undefined;
      for (const clause of pieces) {
        const exact = matcher.rankExact(clause).filter(answering);
        if (exact.length === 0) continue;
        const understood = this.fromTemplates(exact, clause, ctx);
        if (suitable(understood)) byClause.push(understood);
        if (clause === pieces.at(-1)) last = understood;
      }
      // Taken back at the end ("turn on the kettle, no wait, never mind"): nothing is done.
      if (last?.intent?.name === 'HassNevermind') return last;
      // A yes or no said with a request ("no, turn off the kettle") gives way to the request.
      const commands = byClause.filter((u) => !this.answersOnly(u) && (u.priority ?? 0) >= 0);
      // A taking back before a request takes back what came before it ("never mind, turn on the kettle"). A
      // request pointing at an item ("… cross it off the chores list") is the request; the clause it points at
      // only names the item, though it reads as a request of its own ("the milk is bought").
      const command =
        commands.find(
          (u) =>
            u.intent !== undefined &&
            pointsAtItem(u.intent.slots) &&
            itemPointedAt(u.intent.slots, said, this.lists) !== undefined,
        ) ??
        commands.find((u) => !PUT_AFTER.has(u.intent?.name ?? '')) ??
        commands[0];
      if (command) return command;
    }
    // 3. The parts in any order: the whole request, then each clause.
    let guess: PartsReading | undefined;
    let tolerant: TemplateMatch[] | undefined;
    // A request asked for after a remark ("it's too bright in here can you turn a light off") is what to do: read
    // before the whole, which the remark would otherwise decide.
    const asked = pieces.filter((p, i) => i > 0 && ASKING_START.some((a) => a.every((t, k) => p[k] === t)));
    const order = pieces.length > 1 ? [...asked, tokens, ...pieces.filter((p) => !asked.includes(p))] : [tokens];
    for (const piece of !this.secondStage ? [] : order) {
      const { best } =
        piece === tokens && wholeReading ? wholeReading : readRequest(piece, sources, { question, marked });
      if (!best) continue;
      if (best.confidence >= this.acceptConfidence) {
        // Parts are read with the intents' cues (the built-in skills'): a request that an installed skill's own
        // sentence fits with a small repair stays with that skill.
        if (this.registry.hasOrigin('installed')) {
          tolerant ??= matcher.rankTolerant(tokens);
          if (installedOver(tolerant[0], this.registry.info(best.intent.name))) break;
        }
        const understood = this.fromFrame(best.intent, best.confidence, piece, ctx);
        if (suitable(understood)) return understood;
      }
      if (!guess || best.score > guess.score) guess = best;
    }
    if (byClause.length > 0) return byClause[0]!;
    // 4. A sentence with a small repair: a near-miss word, or one word left out. A question is only answered: the
    // word left out of "porch light still on" would otherwise switch the light on.
    tolerant ??= matcher.rankTolerant(tokens);
    const repaired = question ? tolerant.filter((m) => this.registry.info(m.template.intent)?.cues?.answers) : tolerant;
    if (repaired.length > 0) {
      const understood = this.fromTemplates(repaired, tokens, ctx);
      if (suitable(understood)) return understood;
    }
    return unsuitable ?? this.notUnderstood(tokens, guess);
  }

  /**
   * A question about things ("is the light on"): a clause that asks it gives way to one that commands. A question
   * said only in its asking words ("what time is it", cues.alone) is answered as asked.
   */
  private answersOnly(understood: Understanding): boolean {
    const cues = understood.intent && this.registry.info(understood.intent.name)?.cues;
    return cues?.answers === true && cues.alone !== true;
  }

  /** The first reading whose named device suits the intent ("set the blinds to 30%" is a position, not a brightness). */
  private fromTemplates(
    candidates: readonly TemplateMatch[],
    tokens: readonly string[],
    ctx: UtteranceContext,
  ): Understanding {
    let fallback: Understanding | undefined;
    for (const match of candidates.slice(0, 6)) {
      const confidence = Math.max(0.1, Math.round((1 - match.cost * COST_TO_CONFIDENCE) * 100) / 100);
      const understood = this.fromFrame(
        { name: match.template.intent, slots: { ...match.slots } },
        confidence,
        tokens,
        ctx,
        match.template.requires,
      );
      understood.owner = match.template.owner;
      understood.sentence = match.template.sentence;
      understood.priority = match.template.priority;
      if (match.cost > 0) {
        const example = examples(match.template, this.lists, 1)[0];
        if (example) understood.suggestion = example;
      }
      if (understood.problem !== 'no_matching_devices' || understood.intent?.slots.name === undefined)
        return understood;
      fallback ??= understood;
    }
    return fallback!;
  }

  private fromFrame(
    intent: Intent,
    confidence: number,
    tokens: readonly string[],
    ctx: UtteranceContext,
    requires?: Record<string, SlotValue>,
  ): Understanding {
    const info = this.registry.info(intent.name);
    // "All the lights in here" is this room's lights.
    const here = tokens.some((t, i) => t === 'here' || (t === 'this' && HERE_NOUNS.has(tokens[i + 1] ?? '')));
    const side = sideSaid(tokens, this.lists);
    const wholeHome =
      !here && (side !== undefined || tokens.some((t) => WHOLE_HOME.has(t)) || saysWholeHome(tokens, this.lists));
    const target = requires ? { ...intent, slots: { ...requires, ...intent.slots } } : intent;
    const resolution = resolveInContext(target, info?.targets, this.live, this.deps.household, { ...ctx, wholeHome });
    if (side && resolution.targets.length > 0 && typeof intent.slots.name !== 'string') {
      resolution.targets = onSide(side, resolution.targets, this.live.list(), this.deps.household.areas());
      if (resolution.targets.length === 0) resolution.problem = 'no_matching_devices';
    }
    if (typeof intent.slots.state === 'string' && resolution.targets.length === 1) {
      intent.slots.state = conformState(
        intent.slots.state,
        this.live.list().find((d) => d.id === resolution.targets[0]),
      );
    }
    if (resolution.targets.length === 1) askedBySensorClass(intent, this.live.list(), resolution.targets[0]!);
    const result: Understanding = { intent, confidence, targets: resolution.targets };
    if (info) result.owner = info.owner;
    if (resolution.ambiguity) result.ambiguity = resolution.ambiguity;
    if (resolution.problem) result.problem = resolution.problem;
    return result;
  }

  /** Nothing sure enough: which words were not understood, and the closest thing the hub can do, said as a sentence. */
  private notUnderstood(tokens: readonly string[], guess: PartsReading | undefined): Understanding {
    const out: Understanding = { confidence: 0, targets: [] };
    const said =
      guess && guess.score > GUESS_SCORE ? sayFrame(guess.intent, this.registry.templates(), this.lists) : undefined;
    const closest = said === undefined ? this.registry.matcher().closest(tokens) : undefined;
    const suggestion = said ?? (closest ? examples(closest, this.lists, 1)[0] : undefined);
    if (suggestion) out.suggestion = suggestion;
    if (guess && guess.unexplained.length > 0) out.notUnderstood = guess.unexplained;
    return out;
  }
}

/**
 * A question about what a sensor measures in a place ("how humid is the bathroom", "is there motion in the hall")
 * that one sensor answers: Home Assistant's frame names that sensor.
 */
function askedBySensorClass(intent: Intent, devices: readonly Device[], id: string): void {
  const { slots } = intent;
  if (intent.name !== 'HassGetState' || (slots.domain !== 'sensor' && slots.domain !== 'binary_sensor')) return;
  const device = devices.find((d) => d.id === id);
  if (!device) return;
  delete slots.domain;
  delete slots.device_class;
  delete slots.area;
  delete slots.floor;
  slots.name = device.name;
}

/** An installed skill's sentence matched where the reading of parts found a built-in intent (compile.ts). */
function installedOver(match: TemplateMatch | undefined, reading: IntentInfo | undefined): boolean {
  return match?.template.origin === 'installed' && reading?.origin === 'builtin';
}

/** The dialogue's answers and a taking back: a clause that only says one gives way to one that asks for something. */
const PUT_AFTER = new Set(['HassYes', 'HassNo', 'HassNevermind']);

/** Free-text slots whose value is passed on as written: a message, a list item, what to play, a command to run. */
const VERBATIM_SLOTS = new Set(['message', 'item', 'search_query', 'conversation_command']);

/** A reading this good is offered back ("did you mean …") though it is not acted on. */
const GUESS_SCORE = 0;

/** A typed request that ends by asking ("kettle on?"). */
const QUESTION_MARK_AT_END = /\?\s*$/;

/** Words that make a request about the whole home ("all the lights", "everywhere"): no satellite room then. */
const WHOLE_HOME = new Set(['all', 'every', 'everything', 'everywhere', 'whole', 'entire']);
/** Nouns for the home, said as where ("in my flat", "at home", "around the house"). */
const HOME_NOUNS = new Set(['house', 'home', 'flat', 'apartment']);

/** The home said as the place ("the lights in my flat"), not as part of a name ("the home office light"). */
function saysWholeHome(tokens: readonly string[], lists: SlotListSet): boolean {
  return tokens.some((t) => HOME_NOUNS.has(t)) && tagRequest(tokens, lists).parts.some((p) => p.kind === 'all');
}

/** "this room", "this floor": the place the request was heard in. */
const HERE_NOUNS = new Set(['room', 'space', 'area']);
