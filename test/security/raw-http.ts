/**
 * HTTP spoken byte for byte, the way a probe does it: the request target goes on the wire exactly as written
 * (percent-encoded, absolute-form, with `..`), which fetch and curl without --path-as-is would normalise first.
 */
import { connect } from 'node:net';

export interface RawReply {
  status: number;
  headers: string;
  body: string;
}

export function rawRequest(
  baseUrl: string,
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body = '',
): Promise<RawReply> {
  const { hostname, port } = new URL(baseUrl);
  const lines = [`${method} ${target} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== '' || !['GET', 'HEAD'].includes(method)) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    // A route that neither answers nor closes (e.g. a half-made upgrade) is a failure, not a hang.
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${method} ${target} within 5 s`)));
    socket.on('close', () => {
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      if (!status)
        return reject(
          new Error(`no HTTP status line for ${method} ${target}: ${JSON.stringify(received.slice(0, 200))}`),
        );
      const split = received.indexOf('\r\n\r\n');
      resolve({ status: Number(status[1]), headers: received.slice(0, split), body: received.slice(split + 4) });
    });
    socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
  });
}

/** Ways to spell one API path that a router may decode back to it but a check on the raw URL would not recognise. */
export function spellings(path: string): string[] {
  const rest = path.slice('/api/'.length);
  const last = path.lastIndexOf('/');
  const encodeFirst = (s: string) => `%${s.charCodeAt(0).toString(16)}${s.slice(1)}`;
  return [
    path,
    `/%61pi/${rest}`,
    `/a%70i/${rest}`,
    `/%41PI/${rest}`,
    `/api/%76${rest.slice(1)}`,
    `${path.slice(0, last + 1)}${encodeFirst(path.slice(last + 1))}`,
    `/%2561pi/${rest}`,
    `http://127.0.0.1${path}`,
    `http://evil.example/%61pi/${rest}`,
    `/x/../api/${rest}`,
    `/api/v1/../v1/${rest.slice(3)}`,
    `/api/v1/./${rest.slice(3)}`,
    `//api/${rest}`,
    `${path}/`,
    `${path}?x=1`,
    `${path}#frag`,
    `${path};x=1`,
  ];
}
