/**
 * Reads a secret for the CLI: from a terminal without echoing it, or the first line of piped stdin
 * (`echo "$PW" | hearth password anna`), so scripts never put it on the command line where `ps` shows it.
 */
export async function readSecret(prompt: string, write: (text: string) => void): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return firstLine(await readAll(stdin));
  write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const char of chunk) {
          if (char === '\r' || char === '\n') return done(() => resolve(typed));
          if (char === '\u0003') return done(() => reject(new Error('cancelled')));
          if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
          else typed += char;
        }
      };
      const done = (finish: () => void) => {
        stdin.off('data', onData);
        finish();
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    write('\n');
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  return text;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? '';
}
