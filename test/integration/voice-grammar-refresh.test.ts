/**
 * The recogniser's grammar follows the hub: a skill installed, updated or uninstalled through the API, and areas
 * and floors added or renamed, reach the grammar pocketsphinx has loaded, announced by `grammarChanged`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvents } from '../../hub/core/events.js';
import { createTestPublisher, signedSkill, type TestPublisher } from '../../hub/skills/testing/signed-skill.js';
import { jsgfWords } from '../../hub/voice/recognizers/types.js';
import { startTestHub, type TestHub } from '../harness/hub.js';

let hub: TestHub;
let dir: string;
let publisher: TestPublisher;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-grammar-refresh-'));
  publisher = createTestPublisher(dir);
  hub = await startTestHub({
    config: {
      voice: { recognizer: 'pocketsphinx' },
      skills: { trustedPublishers: [{ id: publisher.id, publicKey: publisher.publicKey }] },
    },
  });
});
afterAll(async () => {
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
  if (hub) rmSync(hub.dataDir, { recursive: true, force: true });
});

function loadedWords(): Set<string> {
  const grammar = hub.hub.voice().loadedGrammar();
  if (!grammar?.jsgf) throw new Error('pocketsphinx has no grammar loaded');
  return new Set(jsgfWords(grammar.jsgf));
}

/** Runs `change`, then waits for the first `grammarChanged` after which the loaded grammar passes `check`. */
async function grammarAfter(
  change: () => Promise<unknown>,
  check: (words: Set<string>) => boolean,
): Promise<HubEvents['grammarChanged']> {
  const seen: HubEvents['grammarChanged'][] = [];
  let off = () => {};
  const arrived = new Promise<HubEvents['grammarChanged']>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no matching grammar within 15 s; grammarChanged seen: ${JSON.stringify(seen)}`)),
      15_000,
    );
    off = hub.hub.events.on('grammarChanged', (event) => {
      seen.push(event);
      if (!check(loadedWords())) return;
      clearTimeout(timer);
      resolve(event);
    });
  });
  try {
    await change();
    return await arrived;
  } finally {
    off();
  }
}

const has =
  (...words: string[]) =>
  (loaded: Set<string>) =>
    words.every((w) => loaded.has(w));
const lacks =
  (...words: string[]) =>
  (loaded: Set<string>) =>
    words.every((w) => !loaded.has(w));

async function expectStatus(reply: Promise<{ status: number; body: unknown }>, status: number): Promise<void> {
  const { status: got, body } = await reply;
  expect(got, JSON.stringify(body)).toBe(status);
}

// One story in steps (install, update, uninstall the test skill): each test starts where the one before ended.
describe('grammar refresh on skill changes', { shuffle: false }, () => {
  it('starts without the words the test skill will bring', () => {
    expect(hub.hub.voice().recognizerName).toBe('pocketsphinx');
    expect(lacks('penguin', 'castle', 'wizard', 'orchard')(loadedWords())).toBe(true);
  });

  it('installing a skill puts its sentence words in the loaded grammar and emits grammarChanged', async () => {
    const before = hub.hub.voice().loadedGrammar()!.version;
    const event = await grammarAfter(
      () => expectStatus(hub.api('POST', '/skills', signedSkill(dir, 'penguin-castle', publisher)), 201),
      has('penguin', 'castle', 'greet'),
    );
    const loaded = hub.hub.voice().loadedGrammar()!;
    expect(event.version).toBe(loaded.version);
    expect(event.version).toBeGreaterThan(before);
    expect(event).toMatchObject({ words: loadedWords().size, jsgfBytes: Buffer.byteLength(loaded.jsgf!) });
  });

  it('updating it swaps the old sentence words for the new ones', async () => {
    const update = signedSkill(dir, 'penguin-castle', publisher, {
      version: '0.2.0',
      intents: { PenguinCastleHello: { targets: 'none', sentences: ['ask the wizard about the orchard'] } },
    });
    await grammarAfter(
      () => expectStatus(hub.api('POST', '/skills', update), 201),
      (w) => has('wizard', 'orchard')(w) && lacks('penguin', 'castle')(w),
    );
  });

  it('uninstalling it takes its words out', async () => {
    await grammarAfter(
      () => expectStatus(hub.api('DELETE', '/skills/penguin-castle'), 204),
      lacks('wizard', 'orchard'),
    );
  });
});

describe('grammar refresh on area and floor changes', () => {
  it('a new area is in the grammar, and a renamed one changes its words', async () => {
    expect(loadedWords().has('conservatory')).toBe(false);
    await grammarAfter(
      () => expectStatus(hub.api('POST', '/areas', { id: 'glasshouse', name: 'Conservatory' }), 201),
      has('conservatory'),
    );
    await grammarAfter(
      () => expectStatus(hub.api('PATCH', '/areas/glasshouse', { name: 'Parrot Room' }), 200),
      (w) => has('parrot')(w) && lacks('conservatory')(w),
    );
  });

  it('a new floor is in the grammar, and a removed one leaves it', async () => {
    await grammarAfter(() => expectStatus(hub.api('POST', '/floors', { id: 'top', name: 'Attic' }), 201), has('attic'));
    await grammarAfter(() => expectStatus(hub.api('DELETE', '/floors/top'), 204), lacks('attic'));
  });
});
