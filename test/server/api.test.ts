/**
 * Issue 19, the HTTP API, in process: every command that reads is an endpoint with the command's
 * own schemas, answering what `--json` prints; refusals name the parameter and the accepted forms;
 * a GET changes nothing; the OpenAPI document lists exactly what is mounted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { OptionSpec } from '../../src/commands/definition.js';
import { COMMANDS } from '../../src/commands/registry.js';
import { apiCommands, apiOptions, apiPath } from '../../src/server/api-commands.js';
import { runJson } from '../helpers/cli.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { testServer, type TestServer } from '../helpers/server.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir();
let server: TestServer;
let store: string;
beforeAll(async () => {
  store = demoStoreCopy(dir.path);
  server = await testServer(store);
});
afterAll(() => {
  server.close();
  dir.remove();
});

async function get(path: string) {
  const response = await server.app.request(path);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('commands as endpoints', () => {
  it('answers GET /api/summary with the document `summary --json` prints', async () => {
    const { status, json } = await get('/api/summary?area=Three%20Rivers&period=2025');
    expect(status).toBe(200);
    const cli = await runJson([
      'summary',
      '--area',
      'Three Rivers',
      '--period',
      '2025',
      '--db',
      store,
    ]);
    expect(cli.code).toBe(0);
    expect(json).toEqual(cli.json);
  });

  it('takes a boolean as true/false and a list parameter repeated', async () => {
    const all = await get('/api/trends?area=Three%20Rivers&all=true&period=2025');
    expect(all.status).toBe(200);
    expect(Array.isArray(all.json)).toBe(true);
    expect((all.json as unknown as unknown[]).length).toBeGreaterThan(10);
    // A boolean written otherwise is refused with the values it takes, not "Invalid input".
    const yes = await get('/api/trends?area=Three%20Rivers&all=yes&period=2025');
    expect(yes.status).toBe(400);
    expect(yes.json.error).toEqual({
      type: 'bad-input',
      field: 'all',
      message: 'all: "yes" is not true or false: give true or false (or 1 or 0)',
    });
  });

  it('refuses a wrong value naming the parameter and the forms it takes', async () => {
    const { status, json } = await get(
      '/api/trends?area=Three%20Rivers&category=burglary&period=2025-13',
    );
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ type: 'bad-input', field: 'period' });
    expect((json.error as { message: string }).message).toMatch(
      /^period: "2025-13" is not a month .*YYYY-YY \(April to March/u,
    );
  });

  it('reads a number written in decimal only: 0x5 is refused, not taken as 5', async () => {
    for (const months of ['0x5', '0b101', '0o5', 'Infinity']) {
      const { status, json } = await get(
        `/api/forecast?area=Three%20Rivers&category=burglary&months=${months}`,
      );
      expect(status, months).toBe(400);
      expect(json.error).toMatchObject({ field: 'months' });
    }
    const { status } = await get('/api/forecast?area=Three%20Rivers&category=burglary&months=4');
    expect(status).toBe(200);
  });

  it('refuses a parameter the command does not take, with the ones it does', async () => {
    const { status, json } = await get('/api/trends?area=Three%20Rivers&perod=2025');
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ field: 'perod' });
    expect((json.error as { message: string }).message).toContain('did you mean "period"');
    expect((json.error as { message: string }).message).toContain(
      'it takes area, category, all, period, dataset',
    );
  });

  it('names a missing required parameter', async () => {
    const { status, json } = await get('/api/summary');
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ field: 'area' });
  });

  it('answers another method on an endpoint with 405 and the methods it takes', async () => {
    // QA: POST or OPTIONS on /api/trends said "No endpoint", as if the path were mistyped.
    for (const [method, path, allow] of [
      ['POST', '/api/trends?area=Three%20Rivers', 'GET, HEAD'],
      ['OPTIONS', '/api/export/trends.csv', 'GET, HEAD'],
      ['DELETE', '/api/openapi.json', 'GET, HEAD'],
      ['GET', '/api/imports', 'POST'],
    ] as const) {
      const r = await server.app.request(path, {
        method,
        headers: { Origin: 'http://localhost', 'Content-Type': 'application/json' },
      });
      expect(r.status, `${method} ${path}`).toBe(405);
      expect(r.headers.get('Allow')).toBe(allow);
      expect(((await r.json()) as { error: { type: string } }).error.type).toBe(
        'method-not-allowed',
      );
    }
    const missing = await server.app.request('/api/trend', {
      method: 'POST',
      headers: { Origin: 'http://localhost', 'Content-Type': 'application/json' },
    });
    expect(missing.status).toBe(404);
  });

  it("names a missing parameter as the API's, not with the command line's placeholder", async () => {
    // QA: "period PERIOD is required", "cameras K is required": words of `--help`, not of the API.
    for (const [path, field, placeholder] of [
      ['/api/outcomes?area=Three%20Rivers', 'period', 'PERIOD'],
      ['/api/cameras?area=Three%20Rivers&category=burglary&period=2025&radius=200', 'cameras', 'K'],
      ['/api/plan/action/show', 'action', 'ID'],
      ['/api/export/partner-counts.csv?area=Three%20Rivers', 'dataset', 'DATASET'],
    ] as const) {
      const { status, json } = await get(path);
      expect(status, path).toBe(400);
      const message = (json.error as { message: string }).message;
      expect(message, path).toMatch(new RegExp(`^'${field}' is required \\(`, 'u'));
      expect(message, path).not.toContain(` ${placeholder} `);
    }
  });

  it('answers 404 for an area the store does not know', async () => {
    const { status, json } = await get('/api/summary?area=Narnia');
    expect(status).toBe(404);
    expect((json.error as { message: string }).message).toContain('Narnia');
  });

  it('never takes a path on the server: settings files stay the server’s own', async () => {
    const { status, json } = await get(
      '/api/trends?area=Three%20Rivers&category=burglary&discontinuities=/etc/passwd',
    );
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ field: 'discontinuities' });
  });

  it('assesses without saving over GET', async () => {
    const before = (await get('/api/assess/list')).json as unknown as unknown[];
    const { status, json } = await get('/api/assess?area=Three%20Rivers&period=2025');
    expect(status).toBe(200);
    expect(json.id).toBeNull();
    expect((await get('/api/assess/list')).json).toEqual(before);
    expect((await get('/api/assess?area=Three%20Rivers&period=2025&noSave=false')).status).toBe(
      400,
    );
  });

  it('answers an unknown endpoint with where to find the list', async () => {
    const { status, json } = await get('/api/nope');
    expect(status).toBe(404);
    expect((json.error as { message: string }).message).toContain('/api/openapi.json');
  });

  it('mounts every command that only reads, and none that writes', () => {
    const mounted = new Set(apiCommands().map((c) => c.name));
    for (const c of COMMANDS) {
      if (c.store === 'read') expect(mounted, c.name).toContain(c.name);
      if (c.store === 'create') expect(mounted, c.name).not.toContain(c.name);
    }
    expect(mounted).not.toContain('import');
    expect(mounted).not.toContain('report');
    expect(mounted).not.toContain('check');
    // It reads a file by name on the machine that runs Lantern: never over HTTP.
    expect(mounted).not.toContain('minutes extract');
  });
});

describe('the OpenAPI document', () => {
  it('describes each endpoint with the parameters its schemas check', async () => {
    const { status, json } = await get('/api/openapi.json');
    expect(status).toBe(200);
    expect(json.openapi).toBe('3.1.0');
    const paths = json.paths as Record<
      string,
      { get?: { parameters: { name: string; required: boolean; schema: unknown }[] } }
    >;
    for (const command of apiCommands()) {
      const operation = paths[apiPath(command)]?.get;
      expect(operation, command.name).toBeDefined();
      const expected = apiOptions(command).map(([key]) => key);
      expect(operation!.parameters.map((p) => p.name)).toEqual(expected);
      for (const p of operation!.parameters) {
        const spec = (command.options as Record<string, OptionSpec>)[p.name]!;
        expect(p.required, `${command.name} ${p.name}`).toBe(
          !spec.schema.safeParse(undefined).success,
        );
        expect(p.schema).toBeTypeOf('object');
      }
    }
    const period = paths['/api/trends']!.get!.parameters.find((p) => p.name === 'period');
    expect(period).toMatchObject({ required: false, schema: { type: 'string' } });
    const area = paths['/api/summary']!.get!.parameters.find((p) => p.name === 'area');
    expect(area).toMatchObject({ required: true });
  });
});
