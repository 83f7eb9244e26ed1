/**
 * A minimal ustar writer and reader (POSIX.1-1988 header layout), gzip-compressed: enough for skill packages,
 * which hold only regular files. The reader refuses links, absolute paths and `..`, and caps sizes.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { HubError } from '../../sdk/errors.js';

export interface TarEntry {
  path: string;
  data: Buffer;
}

const BLOCK = 512;
export const MAX_PACKAGE_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 2000;

function writeString(header: Buffer, value: string, offset: number, length: number): void {
  header.write(value, offset, Math.min(length, Buffer.byteLength(value)), 'utf8');
}

function writeOctal(header: Buffer, value: number, offset: number, length: number): void {
  writeString(header, value.toString(8).padStart(length - 1, '0') + '\0', offset, length);
}

function header(path: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  let name = path;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    const cut = path.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(path.slice(cut + 1)) > 100)
      throw new HubError('VALIDATION_FAILED', `path too long for a package: ${path}`);
    prefix = path.slice(0, cut);
    name = path.slice(cut + 1);
  }
  writeString(h, name, 0, 100);
  writeOctal(h, 0o644, 100, 8);
  writeOctal(h, 0, 108, 8);
  writeOctal(h, 0, 116, 8);
  writeOctal(h, size, 124, 12);
  writeOctal(h, mtime, 136, 12);
  h.fill(' ', 148, 156); // checksum is computed with its own field as spaces
  h.write('0', 156);
  writeString(h, 'ustar\0', 257, 6);
  writeString(h, '00', 263, 2);
  writeString(h, prefix, 345, 155);
  let sum = 0;
  for (const byte of h) sum += byte;
  writeString(h, sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return h;
}

/** Entries are written sorted with a fixed mtime, so packing the same files gives the same bytes. */
export function writeTarGz(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of [...entries].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    checkPath(entry.path);
    parts.push(header(entry.path, entry.data.length, 0), entry.data);
    const pad = (BLOCK - (entry.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return gzipSync(Buffer.concat(parts), { level: 9, mtime: 0 } as never);
}

export function readTarGz(archive: Buffer): TarEntry[] {
  if (archive.length > MAX_PACKAGE_BYTES)
    throw new HubError('PAYLOAD_TOO_LARGE', `package exceeds ${MAX_PACKAGE_BYTES} bytes`);
  let tar: Buffer;
  try {
    tar = gunzipSync(archive, { maxOutputLength: MAX_PACKAGE_BYTES * 4 });
  } catch (err) {
    throw new HubError('VALIDATION_FAILED', `package is not a gzip archive (${(err as Error).message})`);
  }
  const entries: TarEntry[] = [];
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const h = tar.subarray(offset, offset + BLOCK);
    if (h.every((b) => b === 0)) break;
    const stored = parseInt(h.toString('ascii', 148, 156).replace(/\0.*$/, '').trim(), 8);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    if (stored !== sum)
      throw new HubError('VALIDATION_FAILED', `package is corrupt: bad tar header checksum at byte ${offset}`);
    const name = cString(h, 0, 100);
    const prefix = cString(h, 345, 155);
    const path = prefix ? `${prefix}/${name}` : name;
    const size = parseInt(cString(h, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(h[156]!);
    if (!Number.isFinite(size) || size < 0 || offset + BLOCK + size > tar.length)
      throw new HubError('VALIDATION_FAILED', `package is corrupt: bad size for ${path}`);
    offset += BLOCK;
    if (type === '0' || type === '\0') {
      checkPath(path);
      entries.push({ path, data: Buffer.from(tar.subarray(offset, offset + size)) });
      if (entries.length > MAX_FILES)
        throw new HubError('PAYLOAD_TOO_LARGE', `package has more than ${MAX_FILES} files`);
    } else if (type !== '5') {
      throw new HubError(
        'VALIDATION_FAILED',
        `package entry ${path} is not a regular file (type ${type}): links and devices are refused`,
      );
    }
    offset += Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}

function cString(buf: Buffer, offset: number, length: number): string {
  const slice = buf.subarray(offset, offset + length);
  const end = slice.indexOf(0);
  return slice.toString('utf8', 0, end < 0 ? length : end);
}

export function checkPath(path: string): void {
  if (
    !path ||
    path.startsWith('/') ||
    path.includes('\\') ||
    path.split('/').some((p) => p === '..' || p === '') ||
    /[\0]/.test(path)
  )
    throw new HubError('VALIDATION_FAILED', `unsafe path in package: "${path}"`);
}
