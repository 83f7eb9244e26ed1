/**
 * The authoring format for a batch of held-out sentences: a plain text file, one sentence per line under the frame it
 * must produce. Written by the test-set engineer, turned into dev/ and sealed/ JSONL by add-batch.ts.
 *
 *   kind lights-on-off                      the kind the following groups belong to
 *   = HassTurnOn {name: Kitchen Ceiling} @kitchen !home
 *                                           a frame (YAML flow map), the satellite's area id, flags
 *   + HassTurnOn {name: Kitchen Ceiling, area: Kitchen}
 *                                           another frame that is equally right for this group
 *   - kitchen ceiling on                    a sentence; "- @office …" hears it in another area, "- @- …" in none
 *   = none                                  out of scope: no intent, no device command
 *   = nocommand                             a device the house does not have: no device command
 *   = family alarm-set {name: Rosie}        any intent of the family is right; the slots given must be there
 * A string slot value "a|b" means a, and b is right too. Flag !home: the whole home, so the satellite's area must not
 * be added to the frame. `#` starts a comment line.
 */
import { parse } from 'yaml';
import type { Frame, SlotValue } from '../lib/cases.js';

export interface AuthoredSentence {
  text: string;
  /** undefined: the group's area; null: heard with no area. */
  area?: string | null;
  line: number;
}

export interface AuthoredGroup {
  kind: string;
  line: number;
  expect: 'frame' | 'none' | 'nocommand' | 'family';
  frame?: Frame;
  family?: string;
  slotsInclude?: Record<string, SlotValue>;
  accept: Frame[];
  area?: string;
  flags: Set<string>;
  sentences: AuthoredSentence[];
}

function parseSlots(text: string, where: string): { slots: Record<string, SlotValue>; rest: string } {
  const t = text.trim();
  if (!t.startsWith('{')) return { slots: {}, rest: t };
  const end = t.indexOf('}');
  if (end < 0) throw new Error(`${where}: slots start with { but never end`);
  const slots = parse(t.slice(0, end + 1)) as Record<string, SlotValue> | null;
  return { slots: slots ?? {}, rest: t.slice(end + 1).trim() };
}

function parseFrame(text: string, where: string): { frame: Frame; rest: string } {
  const m = /^([A-Za-z]+)\s*(.*)$/.exec(text.trim());
  if (!m) throw new Error(`${where}: expected an intent name`);
  const { slots, rest } = parseSlots(m[2]!, where);
  return { frame: { name: m[1]!, slots }, rest };
}

export function parseAuthoring(source: string, file: string): AuthoredGroup[] {
  const groups: AuthoredGroup[] = [];
  let kind: string | undefined;
  let group: AuthoredGroup | undefined;
  source.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const where = `${file}:${line}`;
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    if (text.startsWith('kind ')) {
      kind = text.slice(5).trim();
      group = undefined;
      return;
    }
    if (text.startsWith('= ')) {
      if (!kind) throw new Error(`${where}: a group before any "kind" line`);
      let body = text.slice(2).trim();
      group = { kind, line, expect: 'frame', accept: [], flags: new Set(), sentences: [] };
      const first = body.split(/\s+/)[0];
      if (first === 'none' || first === 'nocommand') {
        group.expect = first;
        body = body.slice(first.length);
      } else if (body.startsWith('family ')) {
        const [, family = '', after = ''] = /^family\s+(\S+)\s*(.*)$/.exec(body) ?? [];
        const { slots, rest } = parseSlots(after, where);
        Object.assign(group, { expect: 'family', family, slotsInclude: slots });
        body = rest;
      } else {
        const { frame, rest } = parseFrame(body, where);
        group.frame = frame;
        body = rest;
      }
      for (const token of body.split(/\s+/).filter(Boolean)) {
        if (token.startsWith('@')) group.area = token.slice(1);
        else if (token.startsWith('!')) group.flags.add(token.slice(1));
        else throw new Error(`${where}: unexpected "${token}" after the frame`);
      }
      groups.push(group);
      return;
    }
    if (!group) throw new Error(`${where}: a line outside any group`);
    if (text.startsWith('+ ')) {
      group.accept.push(parseFrame(text.slice(2), where).frame);
      return;
    }
    if (text.startsWith('- ')) {
      const m = /^@(\S+)\s+(.*)$/.exec(text.slice(2).trim());
      const sentence: AuthoredSentence = m
        ? { text: m[2]!, area: m[1] === '-' ? null : m[1]!, line }
        : { text: text.slice(2).trim(), line };
      group.sentences.push(sentence);
      return;
    }
    throw new Error(`${where}: a line must start with "kind", "=", "+", "-" or "#"`);
  });
  return groups;
}
