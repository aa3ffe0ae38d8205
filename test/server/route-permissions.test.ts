/**
 * Issue 20: every route the server mounts declares the permission it needs, so a route cannot be
 * added without saying who may use it; and what is public is only what may be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { declaredPermissions } from '../../src/server/permissions.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir();
let server: TestServer;
beforeAll(async () => {
  server = await testServer(demoStoreCopy(dir.path));
});
afterAll(() => {
  server.close();
  dir.remove();
});

describe('the route table', () => {
  it('has a declared permission for every route', () => {
    const declared = declaredPermissions(server.app);
    const routes = server.app.routes.filter((r) => r.method !== 'ALL');
    expect(routes.length).toBeGreaterThan(30);
    const undeclared = routes
      .map((r) => `${r.method} ${r.path}`)
      .filter((key) => !declared.has(key));
    expect(undeclared).toEqual([]);
  });

  it('makes public only the API description, the health check, the dashboard’s own files, signing in and out, setting a password with a reset token, the first-run set-up (which checks for itself that no account exists and that it is asked from this computer) and the public pages', () => {
    const publicRoutes = [...declaredPermissions(server.app)]
      .filter(([, p]) => p === 'public')
      .map(([key]) => key)
      .sort();
    expect(publicRoutes).toEqual([
      'GET /api/openapi.json',
      'GET /api/ping',
      'GET /public',
      'GET /public/:area',
      'GET /reset-password',
      'GET /setup',
      'GET /sign-in',
      'GET /sign-in/oidc',
      'GET /sign-in/oidc/callback',
      'GET /static/dashboard.css',
      'GET /static/dashboard.js',
      'GET /static/public.css',
      'POST /reset-password',
      'POST /setup',
      'POST /sign-in',
      'POST /sign-out',
    ]);
  });

  it('offers no single sign-on unless it is set up', async () => {
    expect(await (await server.app.request('/sign-in')).text()).not.toContain('Sign in with');
    const start = await server.app.request('/sign-in/oidc');
    expect(start.status).toBe(404);
    expect(await start.text()).toContain('Single sign-on is not set up on this server');
    expect((await server.app.request('/sign-in/oidc/callback?code=x&state=y')).status).toBe(404);
  });

  it('needs more than reading to add to the store (signing in and out, a reset token and the first-run set-up aside)', () => {
    const declared = declaredPermissions(server.app);
    const posts = server.app.routes.filter(
      (x) =>
        x.method === 'POST' &&
        !['/sign-in', '/sign-out', '/reset-password', '/setup'].includes(x.path),
    );
    expect(posts.length).toBeGreaterThan(0);
    for (const r of posts)
      expect(declared.get(`POST ${r.path}`), r.path).not.toMatch(/^(public|read)$/u);
  });
});
