import type { Clock } from '../core/clock.js';
import { normalizeText } from '../language/normalize.js';

/** `while_sounding`: "stop" (or "snooze") said without the wake phrase while an alarm or timer rings there. */
export type ListenTrigger = 'wake_phrase' | 'push_to_talk' | 'follow_up' | 'always' | 'while_sounding';

export type GateDecision =
  | { accepted: true; trigger: ListenTrigger; command: string }
  /** Only the wake phrase was said: the hub now listens for the command without it. */
  | { accepted: false; reason: 'wake_only' }
  | { accepted: false; reason: 'no_wake_phrase' | 'empty' };

export interface ListeningGateOptions {
  wakePhrase: string;
  requireWakePhrase: boolean;
  followUpMs: number;
  clock: Clock;
  /** Whether something rings in the area now (hub/alerts): "stop" then needs no wake phrase. */
  soundingIn?: (area: string | undefined) => boolean;
}

/** What may be said without the wake phrase while something rings: short words that silence or snooze it. */
const INTERRUPTS =
  /^(stop|stop it|stop that|stop ringing|stop the alarm|stop the timer|snooze|snooze it|be quiet|quiet|silence|enough|that is enough|shut up|ok stop|okay stop|alarm off|turn it off|i am up|i m up|(one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty) more minutes)$/;

/**
 * Decides whether a transcript was meant for the hub: it starts with the wake phrase,
 * push-to-talk was pressed, or it answers a question the hub just asked (follow-up window).
 */
export class ListeningGate {
  private readonly wakeWords: string[];
  /** Area → time the window closes; `*` when the question was asked with no area. */
  private readonly followUps = new Map<string, number>();
  private readonly pushed = new Set<string>();

  constructor(private readonly options: ListeningGateOptions) {
    this.wakeWords = normalise(options.wakePhrase).split(' ');
  }

  get wakePhrase(): string {
    return this.wakeWords.join(' ');
  }

  /** The transcript's words (normalised) without the wake phrase it may start with. */
  withoutWakePhrase(transcript: string): string {
    const words = normalise(transcript).split(' ').filter(Boolean);
    const hasWake = this.wakeWords.every((w, i) => words[i] === w);
    return (hasWake ? words.slice(this.wakeWords.length) : words).join(' ');
  }

  /** The next utterance from this area is a command without the wake phrase. */
  pushToTalk(area?: string): void {
    this.pushed.add(area ?? '*');
  }

  /**
   * Whether the next utterance from this area counts only if it opens with the wake phrase (nothing pressed or asked,
   * nothing ringing there, the phrase required): the recogniser may then listen for the phrase first.
   */
  awaitsWakePhrase(context: { area?: string; pushToTalk?: boolean } = {}): boolean {
    const key = context.area ?? '*';
    return (
      this.options.requireWakePhrase &&
      context.pushToTalk !== true &&
      !this.pushed.has(key) &&
      !this.pushed.has('*') &&
      !this.inFollowUp(key) &&
      this.options.soundingIn?.(context.area) !== true
    );
  }

  /** The hub asked a question: answers need no wake phrase for `followUpMs`. */
  expectFollowUp(area?: string): void {
    if (this.options.followUpMs > 0)
      this.followUps.set(area ?? '*', this.options.clock.now() + this.options.followUpMs);
  }

  decide(transcript: string, context: { area?: string; pushToTalk?: boolean } = {}): GateDecision {
    const words = normalise(transcript).split(' ').filter(Boolean);
    const hasWake = this.wakeWords.every((w, i) => words[i] === w);
    const command = this.withoutWakePhrase(transcript);
    const key = context.area ?? '*';
    const pushed = context.pushToTalk === true || this.pushed.delete(key) || (key !== '*' && this.pushed.delete('*'));
    if (words.length === 0) return { accepted: false, reason: 'empty' };
    if (command === '') {
      this.expectFollowUp(context.area);
      return { accepted: false, reason: 'wake_only' };
    }
    if (hasWake) return this.accept('wake_phrase', command, key);
    if (pushed) return this.accept('push_to_talk', command, key);
    if (this.inFollowUp(key)) return this.accept('follow_up', command, key);
    if (this.options.soundingIn?.(context.area) && INTERRUPTS.test(command))
      return this.accept('while_sounding', command, key);
    if (!this.options.requireWakePhrase) return this.accept('always', command, key);
    return { accepted: false, reason: 'no_wake_phrase' };
  }

  /**
   * The recogniser heard speech that fits nothing it knows (`transcript`: what it did recognise, the wake phrase at
   * most). True when it was said to the hub (wake phrase, push-to-talk, an open question, or no wake phrase needed):
   * the hub then says it did not catch it, and listens for the repeat without the wake phrase. False for talk not
   * meant for it, which is ignored.
   */
  heardUnknown(transcript: string, context: { area?: string; pushToTalk?: boolean } = {}): boolean {
    const words = normalise(transcript).split(' ').filter(Boolean);
    const key = context.area ?? '*';
    const hasWake = words.length > 0 && this.wakeWords.every((w, i) => words[i] === w);
    const pushed = context.pushToTalk === true || this.pushed.delete(key) || (key !== '*' && this.pushed.delete('*'));
    const addressed = hasWake || pushed || this.inFollowUp(key) || !this.options.requireWakePhrase;
    if (addressed) this.expectFollowUp(context.area);
    return addressed;
  }

  /** Whether an answer (or a command without the wake phrase) from this area is expected now. */
  inFollowUp(key: string): boolean {
    const now = this.options.clock.now();
    return [key, '*'].some((k) => (this.followUps.get(k) ?? -Infinity) > now);
  }

  private accept(trigger: ListenTrigger, command: string, key: string): GateDecision {
    this.followUps.delete(key);
    this.followUps.delete('*');
    return { accepted: true, trigger, command };
  }
}

/**
 * The language module's normalisation, so a free-form recogniser's "Set it to 21.5°." reaches understanding
 * as typed text would ("21.5 degrees"), not as "21 5".
 */
function normalise(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').trim();
}

/**
 * Puts the wake phrase into a command grammar so the recogniser spots it:
 * `<wake>`, `<wake> <command>` and (for follow-ups and push-to-talk) `<command>` alone.
 * The grammar's public rules become the command alternatives.
 */
export function grammarWithWakePhrase(jsgf: string, wakePhrase: string): string {
  const publicRules = [...jsgf.matchAll(/^\s*public\s+<([^>]+)>/gm)].map((m) => m[1]!);
  if (publicRules.length === 0) return jsgf;
  const demoted = jsgf.replace(/^(\s*)public\s+</gm, '$1<');
  const commands = publicRules.map((r) => `<${r}>`).join(' | ');
  // pocketsphinx copies a rule into every place that names it: the commands appear once, or the
  // decoder's graph (and memory) doubles. The weights keep a command's share of the old
  // `<wake> [<commands>] | <commands>` (3 of 4 paths end in a command).
  return `${demoted.trimEnd()}\npublic <hearth_utterance> = /1/ <hearth_wake> | /3/ [<hearth_wake>] (${commands});\n<hearth_wake> = ${normalise(wakePhrase)};\n`;
}
