/**
 * The web dashboard: static files of hub/api/web/app plus three browser builds from node_modules
 * (preact, preact/hooks, htm), served from memory. Registered without the /api prefix: the pages
 * themselves hold no data; every call they make goes to /api/v1 with the token.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { FastifyReply } from 'fastify';
import { HubError } from '../../sdk/errors.js';
import { PUBLIC_ROUTE } from '../route-access.js';
import { defineRoutes } from '../route-group.js';

export const DASHBOARD_APP_DIR = resolve(import.meta.dirname, '../web/app');

/** URL under /vendor/ → file inside a package; only these leave node_modules. */
const VENDOR_FILES: Record<string, [pkg: string, file: string]> = {
  'preact.mjs': ['preact', 'dist/preact.module.js'],
  'preact-hooks.mjs': ['preact', 'hooks/dist/hooks.module.js'],
  'htm.mjs': ['htm', 'dist/htm.module.js'],
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
}

function staticFile(body: Buffer, name: string): StaticFile {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  return { body, type: CONTENT_TYPES[extname(name)] ?? 'application/octet-stream', etag };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/** The inline import map is the page's only inline script; the CSP allows exactly it, by hash. */
export function contentSecurityPolicy(indexHtml: string): string {
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(indexHtml)?.[1];
  const hash = importMap === undefined ? '' : ` 'sha256-${createHash('sha256').update(importMap).digest('base64')}'`;
  return [
    "default-src 'self'",
    `script-src 'self'${hash}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "media-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** htm does not export its package.json, so walk up from the resolved entry to `node_modules/<pkg>`. */
function packageDir(entry: string, pkg: string): string {
  let dir = dirname(entry);
  while (!(basename(dir) === pkg && basename(dirname(dir)) === 'node_modules')) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new HubError(
        'INTERNAL',
        `Cannot find the ${pkg} package folder from ${entry}; reinstall with npm install.`,
      );
    dir = parent;
  }
  return dir;
}

/** Reads every file once at registration; nothing touches the disk per request. */
export function loadDashboardFiles(appDir: string): Map<string, StaticFile> {
  if (!existsSync(join(appDir, 'index.html'))) {
    throw new HubError(
      'CONFIG_INVALID',
      `The dashboard files are missing (${appDir}/index.html): run "npm run build" or reinstall.`,
    );
  }
  const files = new Map<string, StaticFile>();
  for (const full of listFiles(appDir)) {
    const path = relative(appDir, full).split(sep).join('/');
    files.set(`/${path}`, staticFile(readFileSync(full), path));
  }
  const require = createRequire(import.meta.url);
  for (const [name, [pkg, file]] of Object.entries(VENDOR_FILES)) {
    const pkgDir = packageDir(require.resolve(pkg), pkg);
    files.set(`/vendor/${name}`, staticFile(readFileSync(join(pkgDir, file)), name));
  }
  return files;
}

/** The web dashboard's static files, at / (outside /api: the pages hold no data, their API calls carry the token). */
export const dashboardPages = defineRoutes({
  name: 'dashboard pages',
  needs: [],
  atRoot: true,
  plugin: async (app) => {
    const files = loadDashboardFiles(DASHBOARD_APP_DIR);
    const index = files.get('/index.html')!;
    const csp = contentSecurityPolicy(index.body.toString('utf8'));

    const send = (reply: FastifyReply, file: StaticFile, ifNoneMatch: string | undefined) => {
      reply
        .header('content-type', file.type)
        .header('etag', file.etag)
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer');
      if (file === index) reply.header('content-security-policy', csp).header('x-frame-options', 'DENY');
      if (ifNoneMatch === file.etag) return reply.status(304).send();
      return reply.send(file.body);
    };

    // The pages are public (they hold no data); the auth hook denies every route that does not say so.
    const open = { config: PUBLIC_ROUTE };
    app.get('/', open, async (request, reply) => send(reply, index, request.headers['if-none-match']));
    app.get('/favicon.ico', open, async (_request, reply) => reply.status(204).send());
    // One route per file (no wildcard), so unknown /api paths keep the API's own not-found answer.
    for (const [path, file] of files) {
      if (path === '/index.html') continue;
      app.get(path, open, async (request, reply) => send(reply, file, request.headers['if-none-match']));
    }
  },
});
