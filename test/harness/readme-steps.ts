/**
 * The commands of a README section, as a person would type them: every line of its ```sh blocks, split like a
 * shell splits words, with the reply the README promises (`# → …`, a trailing "…" meaning "starts with") and the
 * Ctrl-C moments written as comment lines (`# Ctrl-C in terminal 2`).
 */
import { readFileSync } from 'node:fs';

export type ReadmeStep =
  | { kind: 'command'; line: string; program: string; args: string[]; expect?: string }
  | { kind: 'ctrl-c'; line: string; terminal: number };

/** The section under `## <title>`, up to the next `## `. */
export function readmeSection(file: string, title: string): string {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`${file} has no "## ${title}" section`);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

export function readmeSteps(section: string): ReadmeStep[] {
  const steps: ReadmeStep[] = [];
  for (const block of section.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of block[1]!.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      const ctrlC = /^# Ctrl-C in terminal (\d+)/.exec(line);
      if (ctrlC) {
        steps.push({ kind: 'ctrl-c', line, terminal: Number(ctrlC[1]) });
        continue;
      }
      if (line.startsWith('#')) continue;
      const { words, comment } = shellWords(line);
      const expect = comment?.startsWith('→ ') ? comment.slice(2).trim() : undefined;
      steps.push({
        kind: 'command',
        line,
        program: words[0]!,
        args: words.slice(1),
        ...(expect !== undefined ? { expect } : {}),
      });
    }
  }
  return steps;
}

/** Whether `output` is what the README promised: equal, or starting with it when it ends with "…". */
export function matchesPromise(output: string, promise: string): boolean {
  return promise.endsWith('…') ? output.startsWith(promise.slice(0, -1)) : output === promise;
}

/** Words as sh splits them (single and double quotes, no expansions), and the comment after an unquoted `#`. */
function shellWords(line: string): { words: string[]; comment?: string } {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      return { words, comment: line.slice(i + 1).trim() };
    } else word = (word ?? '') + c;
  }
  if (quote) throw new Error(`unclosed quote in: ${line}`);
  if (word !== undefined) words.push(word);
  return { words };
}
