/**
 * The CPU each request of the HTTP server costs, route by route, refused and served (part of
 * `npm run bench:api`): the built server's app in this process (app.request, every middleware as
 * from the network) on a copy of the demo store with accounts, an admin and a partner granted
 * Three Rivers. Refused: no session, a bad period, an area that is not one, an area the partner's
 * grants do not cover, a public page of no district. Served: the same routes answered, and
 * /api/ping as the floor every request pays (resolving the caller). Each case is asked
 * BENCH_CPU_REQUESTS times (default 20) after one untimed request (the first answer loads modules
 * and fills what is kept); CPU is the process's user + system time (DuckDB's threads included),
 * divided by the requests. With BENCH_BASE_DIST (a copy of an earlier build's dist/, inside this
 * repository), that build is measured too, round by round alternated with this one
 * (BENCH_CPU_ROUNDS, default 5), on its own copy of the same store.
 */
import { spawnSync } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Hono } from 'hono';

import type * as App from '../src/server/app.js';
import type * as Context from '../src/server/context.js';
import type * as Scope from '../src/domain/scope.js';
import type * as Store from '../src/store/open-store.js';

const BIN = new URL('../bin/lantern.js', import.meta.url).pathname;
const PASSWORD = 'bench: correct horse battery staple';
const ORIGIN = { Origin: 'http://localhost' };

/** [name, caller, path]: refused ones first. */
export const CPU_CASES: [name: string, who: 'anonymous' | 'partner', path: string][] = [
  ['refused: no session', 'anonymous', '/api/trends?area=Three%20Rivers&category=burglary'],
  ['refused: no session, page', 'anonymous', '/trends?area=Three%20Rivers&category=burglary'],
  [
    'refused: bad period',
    'partner',
    '/api/trends?area=Three%20Rivers&category=burglary&period=not-a-period',
  ],
  [
    'refused: bad period, page',
    'partner',
    '/trends?area=Three%20Rivers&category=burglary&period=not-a-period',
  ],
  ['refused: unknown area', 'partner', '/api/trends?area=Nowhere%20Town&category=burglary'],
  ['refused: no grant', 'partner', '/api/trends?area=Watford&category=burglary'],
  ['refused: no grant, page', 'partner', '/trends?area=Watford&category=burglary'],
  ['refused: no public page', 'anonymous', '/public/nowhere-town'],
  ['served: ping', 'partner', '/api/ping'],
  ['served: trends', 'partner', '/api/trends?area=Three%20Rivers&category=burglary'],
  ['served: overview page', 'partner', '/?area=Three%20Rivers'],
  ['served: trends page', 'partner', '/trends?area=Three%20Rivers&category=burglary'],
  ['served: openapi', 'anonymous', '/api/openapi.json'],
  ['served: public index', 'anonymous', '/public'],
  ['served: public page', 'anonymous', '/public/three-rivers'],
];

/** A copy of the demo store `store` with an admin and a partner granted Three Rivers. */
export function withAccounts(store: string): void {
  const env = { ...process.env, LANTERN_PASSWORD: PASSWORD };
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args, '--db', store], { encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`lantern ${args.join(' ')}: ${r.stderr}`);
  };
  const org = ['--org', 'Three Rivers DC'];
  cli(['users', 'add', '--name', 'Alex', '--email', 'alex@example.gov.uk', ...org, '--admin']);
  cli([
    'users',
    'add',
    '--name',
    'Priya',
    '--email',
    'priya@example.gov.uk',
    ...org,
    '--role',
    'partner',
    '--as',
    'Alex',
  ]);
  cli([
    'users',
    'grant',
    '--user',
    'Priya',
    '--area',
    'Three Rivers',
    '--level',
    'detail',
    '--as',
    'Alex',
  ]);
}

export interface Side {
  name: string;
  app: Hono;
  headers: Record<'anonymous' | 'partner', Record<string, string>>;
  close: () => void;
}

/** The server of the build in `dist` on its own copy of `store`, the partner signed in. */
export async function sideOf(name: string, dist: string, store: string): Promise<Side> {
  const from = <T>(module: string) =>
    import(pathToFileURL(join(resolve(dist), module)).href) as Promise<T>;
  const { createApp } = await from<typeof App>('server/app.js');
  const { WriterSlot } = await from<typeof Context>('server/context.js');
  const { FULL_SCOPE } = await from<typeof Scope>('domain/scope.js');
  const { openStore } = await from<typeof Store>('store/open-store.js');
  const copy = `${store}.${name.replace(/\W+/gu, '-')}.duckdb`;
  await copyFile(store, copy);
  await copyFile(`${store}.hash-key`, `${copy}.hash-key`);
  const db = await openStore(copy);
  const app = createApp({
    store: db,
    storePath: copy,
    hashKeyFile: `${copy}.hash-key`,
    scope: FULL_SCOPE,
    clock: () => new Date(),
    env: {},
    writer: new WriterSlot(),
  });
  const signedIn = await app.request('/sign-in', {
    method: 'POST',
    headers: ORIGIN,
    body: new URLSearchParams({ who: 'Priya', password: PASSWORD, next: '/' }),
  });
  const cookie = /lantern_session=[^;]+/u.exec(signedIn.headers.get('Set-Cookie') ?? '')?.[0];
  if (!cookie) throw new Error(`${name}: signing in failed (${signedIn.status})`);
  return {
    name,
    app,
    headers: { anonymous: ORIGIN, partner: { ...ORIGIN, Cookie: cookie } },
    close: () => db.close(),
  };
}

/** One case's CPU per request (ms) on a side, and the status it answered. */
export async function cpuPerRequest(
  side: Side,
  who: 'anonymous' | 'partner',
  path: string,
  requests: number,
): Promise<{ cpuMs: number; status: number }> {
  const ask = async () => {
    const r = await side.app.request(path, { headers: side.headers[who] });
    await r.arrayBuffer();
    return r.status;
  };
  const status = await ask();
  const before = process.cpuUsage();
  for (let i = 0; i < requests; i++) await ask();
  const used = process.cpuUsage(before);
  return { cpuMs: (used.user + used.system) / 1000 / requests, status };
}
