/**
 * Which words the recogniser can say. pocketsphinx only decodes words in its pronouncing
 * dictionary, so the exporter checks every word before it goes into a grammar, and the recogniser
 * learns only the words its grammar uses (the whole dictionary would cost it about 20 MB).
 */
import { readFile } from 'node:fs/promises';
import { HubError } from '../../sdk/errors.js';

/** Debian's pocketsphinx-en-us dictionary (CMU format: `word PH ON EMES`, variants as `word(2)`). */
export const CMUDICT_PATH = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';

export interface WordDictionary {
  has(word: string): boolean;
  readonly size: number;
}

export interface PronouncingDictionary extends WordDictionary {
  /** The word's pronunciations in ARPAbet (`["DH AH", "DH IY"]`), the main one first; empty when unknown. */
  pronunciations(word: string): string[];
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const OPEN_PAREN = 0x28;

const lower = (byte: number): number => (byte >= 0x41 && byte <= 0x5a ? byte + 32 : byte);

/**
 * A CMU-format dictionary kept as its bytes plus an open-addressing table of line offsets keyed by
 * the head word (variant marker removed): about 4 MB for the 135k-word en-us dictionary, where a
 * Set of its words costs the JS heap about 10 MB.
 */
class IndexedCmuDictionary implements PronouncingDictionary {
  readonly size: number;
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly bytes: Buffer) {
    let lines = 0;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === NEWLINE) lines++;
    let capacity = 1024;
    while (capacity < (lines + 1) * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    let heads = 0;
    for (let start = 0; start < bytes.length; ) {
      const end = bytes.indexOf(NEWLINE, start);
      const lineEnd = end < 0 ? bytes.length : end;
      const headEnd = this.headEnd(start, lineEnd);
      if (headEnd > start && !(bytes[start] === 0x3b && bytes[start + 1] === 0x3b)) {
        const hash = this.hashRange(start, headEnd);
        let slot = hash & this.mask;
        while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
        this.slots[slot] = start;
        if (this.baseEnd(start, headEnd) === headEnd) heads++;
      }
      start = lineEnd + 1;
    }
    this.size = heads;
  }

  has(word: string): boolean {
    return this.lines(word).length > 0;
  }

  pronunciations(word: string): string[] {
    return this.lines(word)
      .sort((a, b) => a - b) // file order: the main pronunciation comes first
      .map((start) => {
        const end = this.bytes.indexOf(NEWLINE, start);
        const line = this.bytes.toString('latin1', start, end < 0 ? this.bytes.length : end);
        return line.slice(line.search(/\s/)).trim().replace(/\s+/g, ' ');
      });
  }

  private lines(word: string): number[] {
    const key = Buffer.from(word.toLowerCase(), 'latin1');
    let hash = 0x811c9dc5;
    for (const byte of key) hash = Math.imul(hash ^ byte, 0x01000193);
    const found: number[] = [];
    for (let slot = (hash >>> 0) & this.mask; this.slots[slot] !== -1; slot = (slot + 1) & this.mask) {
      const start = this.slots[slot]!;
      const end = this.baseEnd(start, this.headEnd(start, this.bytes.length));
      if (end - start === key.length && this.sameWord(key, start)) found.push(start);
    }
    return found;
  }

  private sameWord(key: Buffer, start: number): boolean {
    for (let i = 0; i < key.length; i++) if (lower(this.bytes[start + i]!) !== key[i]) return false;
    return true;
  }

  /** FNV-1a over the head word without its `(2)` marker, lower-cased, so variants share a probe run. */
  private hashRange(start: number, headEnd: number): number {
    const end = this.baseEnd(start, headEnd);
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      hash = Math.imul(hash ^ lower(this.bytes[i]!), 0x01000193);
    }
    return hash >>> 0;
  }

  private headEnd(start: number, limit: number): number {
    let i = start;
    while (i < limit && this.bytes[i] !== SPACE && this.bytes[i] !== TAB && this.bytes[i] !== NEWLINE) i++;
    return i;
  }

  private baseEnd(start: number, headEnd: number): number {
    if (this.bytes[headEnd - 1] !== 0x29) return headEnd; // ')'
    const open = this.bytes.lastIndexOf(OPEN_PAREN, headEnd - 1);
    return open > start ? open : headEnd;
  }
}

/** Parses a CMU-format dictionary: head words (variant markers removed) with their pronunciations. */
export function parseCmuDictionary(text: string | Buffer): PronouncingDictionary {
  return new IndexedCmuDictionary(typeof text === 'string' ? Buffer.from(text, 'latin1') : text);
}

/** How long an unused dictionary stays loaded: grammar rebuilds come in bursts, and its ~5 MB is not needed between them. */
export const DICTIONARY_IDLE_MS = 10_000;

const loaded = new Map<string, { dictionary: Promise<PronouncingDictionary>; release: NodeJS.Timeout }>();

/**
 * Loads and indexes a dictionary, shared by the grammar exporter and the recogniser while it is in
 * use; callers ask again each time they need it rather than keeping it.
 */
export function loadCmuDictionary(path = CMUDICT_PATH): Promise<PronouncingDictionary> {
  const entry = loaded.get(path);
  if (entry) clearTimeout(entry.release);
  const dictionary = entry?.dictionary ?? readCmuDictionary(path);
  const release = setTimeout(() => loaded.delete(path), DICTIONARY_IDLE_MS).unref();
  loaded.set(path, { dictionary, release });
  dictionary.catch(() => {
    clearTimeout(release);
    if (loaded.get(path)?.dictionary === dictionary) loaded.delete(path);
  });
  return dictionary;
}

async function readCmuDictionary(path: string): Promise<PronouncingDictionary> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new HubError(
      'RECOGNIZER_UNAVAILABLE',
      `the pronouncing dictionary ${path} cannot be read (${(err as Error).message}); install pocketsphinx-en-us or point the grammar exporter at another dictionary`,
    );
  }
  return parseCmuDictionary(bytes);
}
