import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApi, type TestApi } from '../testing/test-api.js';
import { DASHBOARD_APP_DIR, loadDashboardFiles } from './dashboard.js';

let api: TestApi;
beforeAll(async () => {
  api = await buildTestApi();
});
afterAll(async () => {
  await api.app.close();
});

describe('dashboard static files', () => {
  it('serves the page without a token, with a CSP that allows exactly its import map', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(res.body)![1]!;
    const hash = createHash('sha256').update(importMap).digest('base64');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('serves every module the import map names, from node_modules, as JavaScript', async () => {
    const page = (await api.app.inject({ method: 'GET', url: '/' })).body;
    const imports = JSON.parse(/<script type="importmap">([\s\S]*?)<\/script>/.exec(page)![1]!).imports as Record<
      string,
      string
    >;
    for (const url of [...Object.values(imports), '/main.js', '/styles.css']) {
      const res = await api.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/(javascript|css)/);
      expect(res.body.length, url).toBeGreaterThan(100);
    }
    expect((await api.app.inject({ method: 'GET', url: '/vendor/preact.mjs' })).body).toBe(
      readFileSync('node_modules/preact/dist/preact.module.js', 'utf8'),
    );
  });

  it('answers 304 to a matching ETag', async () => {
    const first = await api.app.inject({ method: 'GET', url: '/main.js' });
    const again = await api.app.inject({
      method: 'GET',
      url: '/main.js',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('serves nothing outside its folder, and leaves /api answers as they were', async () => {
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/vendor/../../package.json', '/hub/main.ts']) {
      // No route matches: without a token that is 401 like any non-public route, with one 404.
      expect((await api.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      expect((await api.app.inject({ method: 'GET', url, headers: api.auth })).statusCode, url).toBe(404);
    }
    const unknown = await api.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: api.auth });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/^No route GET \/api\/v1\/nothing-here/);
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/devices' })).statusCode).toBe(401);
  });

  it('refuses to start without its files, saying how to get them', () => {
    const empty = mkdtempSync(join(tmpdir(), 'hearth-no-dashboard-'));
    try {
      expect(() => loadDashboardFiles(empty)).toThrow(/npm run build/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    expect(loadDashboardFiles(DASHBOARD_APP_DIR).has('/pages/home.js')).toBe(true);
  });
});
