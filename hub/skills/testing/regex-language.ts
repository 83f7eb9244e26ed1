/**
 * A small LanguagePort for tests and for running the skills module alone: templates become regular
 * expressions, `{name}` and `{area}` match the live device and area names. The real matcher is hub/language.
 */
import type { DeviceService } from '../../devices/contracts.js';
import type { Intent, SlotValue, UtteranceContext } from '../../sdk/intents.js';
import type { IntentDeclaration } from '../../sdk/intent-declaration.js';
import type { LanguagePort, SentenceCollision, Understanding } from '../ports.js';
import { SentenceIndex, templatesOf } from '../sentences.js';
import { tokenize } from '../../language/normalize.js';
import type { TemplateNode } from '../../language/template/ast.js';
import { parseTemplate } from '../../language/template/parser.js';

/** Text as the hub hears it (hub/language/normalize.ts), words joined by single spaces. */
const spoken = (text: string) => tokenize(text).join(' ');

interface CompiledSentence {
  intent: string;
  build: () => { re: RegExp; groups: string[] };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class RegexLanguage implements LanguagePort {
  private readonly sentences = new Map<string, CompiledSentence[]>();
  private readonly slots = new Map<string, IntentDeclaration['slots']>();
  private readonly index = new SentenceIndex();

  constructor(
    private readonly devices: DeviceService,
    private readonly areas: { id: string; name: string }[] = [],
    builtin: Record<string, IntentDeclaration> = {},
  ) {
    this.register('(hub)', builtin);
  }

  addSkillIntents(skillId: string, intents: Record<string, IntentDeclaration>): SentenceCollision[] {
    const collisions = this.index.add(skillId, intents);
    this.register(skillId, intents);
    return collisions;
  }
  checkSkillIntents(skillId: string, intents: Record<string, IntentDeclaration>): SentenceCollision[] {
    return this.index.check(skillId, intents);
  }
  removeSkillIntents(skillId: string): void {
    this.index.remove(skillId);
    this.sentences.delete(skillId);
  }

  understand(text: string, context: UtteranceContext): Understanding {
    const normalized = spoken(text);
    for (const list of this.sentences.values())
      for (const s of list) {
        const { re, groups } = s.build();
        const m = re.exec(normalized);
        if (!m) continue;
        const slots: Record<string, SlotValue> = {};
        groups.forEach((g, i) => {
          const value = m[i + 1];
          if (value !== undefined) slots[g] = /^\d+$/.test(value) ? Number(value) : value;
        });
        return this.resolve({ name: s.intent, slots }, context);
      }
    return { confidence: 0, targets: [] };
  }

  private resolve(intent: Intent, context: UtteranceContext): Understanding {
    const areaName = typeof intent.slots.area === 'string' ? intent.slots.area : undefined;
    const areaId = areaName ? this.areas.find((a) => a.name.toLowerCase() === areaName)?.id : context.area;
    if (!areaName && context.area) {
      const area = this.areas.find((a) => a.id === context.area);
      if (area) intent.slots.area = area.name.toLowerCase();
    }
    let targets: string[] = [];
    const name = intent.slots.name;
    if (typeof name === 'string') {
      const all = this.devices.list().filter((d) => [d.name, ...d.aliases].some((n) => n.toLowerCase() === name));
      const inArea = all.filter((d) => d.area === areaId);
      targets = (inArea.length ? inArea : all).map((d) => d.id);
      if (!targets.length) {
        const partial = this.devices
          .list()
          .filter((d) => d.name.toLowerCase().includes(name) && (!areaId || d.area === areaId));
        targets = partial.map((d) => d.id);
      }
    } else if (typeof intent.slots.domain === 'string' && areaId) {
      targets = this.devices
        .list({ area: areaId })
        .filter((d) => d.type === intent.slots.domain)
        .map((d) => d.id);
    }
    return { intent, confidence: 1, targets };
  }

  private register(owner: string, intents: Record<string, IntentDeclaration>): void {
    const list = this.sentences.get(owner) ?? [];
    for (const [intent, decl] of Object.entries(intents)) {
      this.slots.set(intent, decl.slots);
      // Templates using the hub's lexicon (<name>, <turn_on>, {brightness}…) need the real language service.
      const own = new Set([
        'name',
        'area',
        ...Object.entries(decl.slots ?? {})
          .filter(([, d]) => !('list' in d) && !('fixed' in d))
          .map(([n]) => n),
      ]);
      const usesOnlyOwn = (t: string) =>
        !t.includes('<') && [...t.matchAll(/\{\s*([a-z_][a-z0-9_]*)/gi)].every((m) => own.has(m[1]!));
      for (const template of templatesOf(decl).filter(usesOnlyOwn)) {
        const tree = parseTemplate(template);
        list.push({ intent, build: () => this.compile(tree, decl.slots ?? {}) });
      }
    }
    this.sentences.set(owner, list);
  }

  private compile(
    tree: TemplateNode,
    slots: NonNullable<IntentDeclaration['slots']>,
  ): { re: RegExp; groups: string[] } {
    const groups: string[] = [];
    const names = this.devices
      .list()
      .flatMap((d) => [d.name, ...d.aliases])
      .map(spoken);
    const areas = this.areas.map((a) => spoken(a.name));
    const alt = (values: string[]) =>
      `(${
        values
          .sort((a, b) => b.length - a.length)
          .map(escapeRegex)
          .join('|') || '(?!)'
      })`;
    const emit = (node: TemplateNode): string => {
      if (node.kind === 'word') return escapeRegex(node.token);
      if (node.kind === 'seq') return node.items.map(emit).join('\\s*');
      if (node.kind === 'alt') return `(?:${node.options.map(emit).join('|')})${node.optional ? '?' : ''}`;
      if (node.kind === 'rule') return '(?!)'; // templates with rules are left to the real language service
      const slot = node.list;
      groups.push(slot);
      const decl = slots[slot];
      if (slot === 'name') return decl && 'wildcard' in decl ? '(.+?)' : alt([...names, 'light', 'lights']);
      if (slot === 'area') return alt(areas);
      if (decl && 'values' in decl) return alt(decl.values.map(spoken));
      if (decl && 'range' in decl) return '(\\d+)';
      return '(.+?)';
    };
    return { re: new RegExp(`^\\s*${emit(tree)}\\s*$`), groups };
  }
}
