/** Where `skill install <id|file|url>` gets a package and its signature from. */
import { existsSync, readFileSync } from 'node:fs';
import { HubError } from '../../sdk/errors.js';
import { DirectoryStore } from '../store/directory-store.js';

export interface PackageBytes {
  archive: Buffer;
  signature: unknown;
  origin: string;
}

async function fetchBytes(url: string): Promise<Buffer> {
  const response = await fetch(url);
  if (!response.ok) throw new HubError('NOT_FOUND', `GET ${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/**
 * A file path (`x.tgz`, signature in `x.tgz.sig.json`), an http(s) URL of a package (store URLs end in
 * `/package`, the signature is at `/signature`; other URLs have `.sig.json` appended), or an id
 * (`id` or `id@version`) looked up in the store (a directory or an http(s) base URL).
 */
export async function resolveSkillSource(
  source: string,
  options: { storeUrl?: string; signatureFile?: string } = {},
): Promise<PackageBytes> {
  if (/^https?:\/\//.test(source)) {
    const sigUrl = source.endsWith('/package') ? source.replace(/\/package$/, '/signature') : `${source}.sig.json`;
    const [archive, sig] = await Promise.all([fetchBytes(source), fetchBytes(options.signatureFile ?? sigUrl)]);
    return { archive, signature: parseSignature(sig.toString('utf8'), sigUrl), origin: source };
  }
  if (existsSync(source)) {
    const sigFile = options.signatureFile ?? `${source}.sig.json`;
    if (!existsSync(sigFile))
      throw new HubError(
        'SIGNATURE_INVALID',
        `no signature at ${sigFile}: sign the package with \`hearth skill sign\``,
      );
    return {
      archive: readFileSync(source),
      signature: parseSignature(readFileSync(sigFile, 'utf8'), sigFile),
      origin: source,
    };
  }
  const [id, version] = source.split('@') as [string, string | undefined];
  const store = options.storeUrl;
  if (!store)
    throw new HubError(
      'NOT_FOUND',
      `"${source}" is neither a file nor a URL, and no skill store is configured (skills.storeUrl or --store)`,
    );
  if (/^https?:\/\//.test(store)) {
    const base = `${store.replace(/\/$/, '')}/skills/${encodeURIComponent(id)}/${encodeURIComponent(version ?? 'latest')}`;
    return resolveSkillSource(`${base}/package`);
  }
  const found = new DirectoryStore(store).get(id, version);
  return { archive: found.archive, signature: found.signature, origin: `${store}/${id}/${found.version}` };
}

function parseSignature(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HubError('SIGNATURE_INVALID', `the signature at ${where} is not JSON`);
  }
}

/** Publishes to a store directory or an HTTP store. */
export async function publishSkill(
  file: string,
  storeUrl: string,
  signatureFile = `${file}.sig.json`,
): Promise<unknown> {
  const archive = readFileSync(file);
  const signature = parseSignature(readFileSync(signatureFile, 'utf8'), signatureFile);
  if (!/^https?:\/\//.test(storeUrl)) return new DirectoryStore(storeUrl).publish(archive, signature);
  const response = await fetch(`${storeUrl.replace(/\/$/, '')}/skills`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ package: archive.toString('base64'), signature }),
  });
  const body = (await response.json()) as { error?: { code: string; message: string } };
  if (!response.ok)
    throw new HubError('VALIDATION_FAILED', `the store refused the package: ${body.error?.message ?? response.status}`);
  return body;
}
