/** The Node flags bin/hearth.js runs the hub with (its `#!/usr/bin/env -S node …` line), so benchmarks spawn the hub the same way. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function hubNodeFlags(checkout: string): string[] {
  const shebang = readFileSync(join(checkout, 'bin/hearth.js'), 'utf8').split('\n', 1)[0] ?? '';
  const match = /\bnode\b(.*)$/.exec(shebang);
  return match ? match[1]!.trim().split(/\s+/).filter(Boolean) : [];
}
