/**
 * Accounts for tests, made as an administrator makes them: `lantern users add` (the first one an
 * admin, then the others added by that admin) and `lantern users grant`, on a store file.
 */
import type { Role } from '../../src/domain/access.js';
import { run } from './cli.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestAccount {
  name: string;
  /** 'admin' for the first account (or another admin). */
  role: Role | 'admin';
  organisation?: string;
  grants?: { area: string; level?: 'detail' | 'aggregate'; sensitivity?: string }[];
}

async function cli(db: string, args: string[]): Promise<void> {
  const r = await run([...args, '--db', db], { LANTERN_PASSWORD: TEST_PASSWORD });
  if (r.code !== 0) throw new Error(`lantern ${args.join(' ')}: ${r.stderr}`);
}

/**
 * Adds the accounts in order, each with the email `<name>@example.gov.uk` and TEST_PASSWORD, and
 * their grants; the first must be an admin, who adds and grants the rest.
 */
export async function addAccounts(db: string, accounts: readonly TestAccount[]): Promise<void> {
  const admin = accounts[0];
  if (admin?.role !== 'admin') throw new Error('the first account must be an admin');
  for (const a of accounts) {
    await cli(db, [
      'users',
      'add',
      '--name',
      a.name,
      '--email',
      `${a.name.toLowerCase()}@example.gov.uk`,
      ...(a.organisation ? ['--org', a.organisation] : []),
      ...(a.role === 'admin' ? ['--admin'] : ['--role', a.role]),
      ...(a === admin ? [] : ['--as', admin.name]),
    ]);
    for (const g of a.grants ?? [])
      await cli(db, [
        'users',
        'grant',
        '--user',
        a.name,
        '--area',
        g.area,
        '--level',
        g.level ?? 'detail',
        ...(g.sensitivity ? ['--sensitivity', g.sensitivity] : []),
        '--as',
        admin.name,
      ]);
  }
}

/**
 * Signs `who` in through the sign-in form, as a browser does, and gives the session's cookie
 * ("lantern_session=…"); throws if the form did not sign them in.
 */
export async function signIn(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  who: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const r = await app.request('/sign-in', {
    method: 'POST',
    headers: { Origin: 'http://localhost' },
    body: new URLSearchParams({ who, password, next: '/' }),
  });
  const cookie = /lantern_session=[^;]+/u.exec(r.headers.get('Set-Cookie') ?? '')?.[0];
  if (cookie === undefined) throw new Error(`${who} was not signed in (status ${r.status})`);
  return cookie;
}
