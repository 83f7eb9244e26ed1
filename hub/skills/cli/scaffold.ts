/** `hearth skill new <id>`: a working skill with a manifest, its code and a passing test (node --test). */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HubError } from '../../sdk/errors.js';
import { SKILL_ID_PATTERN } from '../manifest.js';

export interface ScaffoldOptions {
  /** Parent directory; the skill goes into `<dir>/<id>`. */
  dir?: string;
  hubRange?: string;
  publisher?: string;
}

const intentName = (id: string) =>
  id
    .split(/[-_]/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('') + 'Hello';

export function scaffoldSkill(id: string, options: ScaffoldOptions = {}): { dir: string; files: string[] } {
  if (!SKILL_ID_PATTERN.test(id))
    throw new HubError(
      'VALIDATION_FAILED',
      `"${id}" is not a valid skill id: use 2-64 lowercase letters, digits, "-" or "_"`,
    );
  const dir = resolve(options.dir ?? '.', id);
  if (existsSync(dir)) throw new HubError('CONFLICT', `${dir} already exists: pick another id or directory`);
  const intent = intentName(id);
  const words = id.replace(/[-_]/g, ' ');
  const manifest = {
    id,
    version: '0.1.0',
    name: words,
    description: `Says hello from ${words}.`,
    ...(options.publisher ? { publisher: options.publisher } : {}),
    main: 'index.js',
    hub: options.hubRange ?? '>=0.1.0 <1.0.0',
    permissions: ['storage'],
    intents: {
      [intent]: { targets: 'none', sentences: [`(say hello|greet me) from ${words}`, `${words} hello`] },
    },
    config: { greeting: { type: 'string', default: 'Hello', description: 'The word the skill greets with' } },
  };
  const code = `// ${id}: a Hearth skill. The hub calls handle() for the intents declared in skill.json.
// ctx offers only what skill.json's permissions grant (here: storage).

/** @type {import('hearth/sdk').SkillDefinition} */
export default {
  id: ${JSON.stringify(id)},
  version: ${JSON.stringify(manifest.version)},
  permissions: ${JSON.stringify(manifest.permissions)},
  intents: ${JSON.stringify(manifest.intents)},

  async handle(intent, ctx) {
    const count = ((await ctx.storage.get('greetings')) ?? 0) + 1;
    await ctx.storage.set('greetings', count);
    const greeting = ctx.config.greeting ?? 'Hello';
    return { reply: \`\${greeting} from ${words}! That makes \${count} greeting\${count === 1 ? '' : 's'}.\` };
  },
};
`;
  const test = `import { test } from 'node:test';
import assert from 'node:assert/strict';
import skill from './index.js';

/** A stand-in for the hub's ctx with in-memory storage. */
function fakeContext() {
  const data = new Map();
  return {
    skillId: skill.id,
    config: { greeting: 'Hello' },
    storage: {
      get: async (key) => data.get(key),
      set: async (key, value) => void data.set(key, value),
      delete: async (key) => void data.delete(key),
      keys: async () => [...data.keys()],
    },
  };
}

test('greets and counts the greetings', async () => {
  const ctx = fakeContext();
  const intent = { name: ${JSON.stringify(intent)}, slots: {} };
  const first = await skill.handle(intent, ctx, { text: 'say hello', targets: [] });
  assert.equal(first.reply, 'Hello from ${words}! That makes 1 greeting.');
  const second = await skill.handle(intent, ctx, { text: 'say hello', targets: [] });
  assert.equal(second.reply, 'Hello from ${words}! That makes 2 greetings.');
});
`;
  const pkg = {
    name: `hearth-skill-${id}`,
    version: manifest.version,
    private: true,
    type: 'module',
    scripts: { test: 'node --test' },
  };
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'skill.json': JSON.stringify(manifest, null, 2) + '\n',
    'index.js': code,
    'index.test.js': test,
    'package.json': JSON.stringify(pkg, null, 2) + '\n',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return { dir, files: Object.keys(files) };
}
