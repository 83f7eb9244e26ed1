/**
 * The small part of semver the hub needs: parse `x.y.z[-pre]` and test it against a range
 * (`^1.2`, `~1.2.3`, `>=1 <2`, `1.x`, `*`, alternatives joined by `||`).
 */
export interface Version {
  major: number;
  minor: number;
  patch: number;
  pre: string;
}

const VERSION_RE = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(text: string): Version | undefined {
  const m = VERSION_RE.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre: m[4] ?? '' };
}

export function compareVersions(a: Version, b: Version): number {
  if (a.major !== b.major) return a.major - b.major;
  if (a.minor !== b.minor) return a.minor - b.minor;
  if (a.patch !== b.patch) return a.patch - b.patch;
  if (a.pre === b.pre) return 0;
  if (a.pre === '') return 1;
  if (b.pre === '') return -1;
  return a.pre < b.pre ? -1 : 1;
}

type Comparator = (v: Version) => boolean;

/** A partial version like `1`, `1.2`, `1.x`: missing parts are wildcards. */
function parsePartial(text: string): { parts: (number | undefined)[] } | undefined {
  const raw = text.replace(/^v/, '').split('-')[0]!.split('.');
  if (raw.length > 3) return undefined;
  const parts: (number | undefined)[] = [];
  for (const p of raw) {
    if (p === 'x' || p === 'X' || p === '*') parts.push(undefined);
    else if (/^\d+$/.test(p)) parts.push(Number(p));
    else return undefined;
  }
  while (parts.length < 3) parts.push(undefined);
  return { parts };
}

function floor(parts: (number | undefined)[]): Version {
  return { major: parts[0] ?? 0, minor: parts[1] ?? 0, patch: parts[2] ?? 0, pre: '' };
}

function comparator(token: string): Comparator | undefined {
  const m = /^(\^|~|>=|<=|>|<|=)?(.*)$/.exec(token);
  if (!m) return undefined;
  const op = m[1] ?? '';
  const partial = parsePartial(m[2]!);
  if (!partial) return undefined;
  const [maj, min, pat] = partial.parts;
  const low = floor(partial.parts);
  const cmp = (v: Version) => compareVersions(v, low);
  switch (op) {
    case '>=':
      return (v) => cmp(v) >= 0;
    case '>':
      return (v) => cmp(v) > 0;
    case '<':
      return (v) => cmp(v) < 0;
    case '<=':
      return (v) => cmp(v) <= 0;
    case '^': {
      if (maj === undefined) return () => true;
      const upper: Version =
        maj > 0 || min === undefined
          ? { major: maj + 1, minor: 0, patch: 0, pre: '' }
          : min > 0 || pat === undefined
            ? { major: 0, minor: min + 1, patch: 0, pre: '' }
            : { major: 0, minor: 0, patch: pat + 1, pre: '' };
      return (v) => cmp(v) >= 0 && compareVersions(v, upper) < 0;
    }
    case '~': {
      if (maj === undefined) return () => true;
      const upper: Version =
        min === undefined
          ? { major: maj + 1, minor: 0, patch: 0, pre: '' }
          : { major: maj, minor: min + 1, patch: 0, pre: '' };
      return (v) => cmp(v) >= 0 && compareVersions(v, upper) < 0;
    }
    default:
      return (v) =>
        (maj === undefined || v.major === maj) &&
        (min === undefined || v.minor === min) &&
        (pat === undefined || v.patch === pat);
  }
}

/** Returns undefined when the range cannot be parsed. */
export function parseRange(range: string): Comparator | undefined {
  const alternatives: Comparator[][] = [];
  for (const alt of range.split('||')) {
    const tokens = alt
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean);
    const set: Comparator[] = [];
    for (const token of tokens.length ? tokens : ['*']) {
      const c = comparator(token);
      if (!c) return undefined;
      set.push(c);
    }
    alternatives.push(set);
  }
  return (v) => alternatives.some((set) => set.every((c) => c(v)));
}

export function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  const r = parseRange(range);
  return v !== undefined && r?.(v) === true;
}
