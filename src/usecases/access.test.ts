/**
 * Access control on a real (in-memory) store: the first admin, users, grants, sign-in with
 * lockout, sessions, API tokens scoped to grants, password reset, and the audit log's chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Actor } from '../domain/access.js';
import { DEFAULT_LOCKOUT } from '../domain/lockout.js';
import { mayReadDataset } from '../domain/scope.js';
import { ForbiddenError, InputError } from '../errors.js';
import { areaAccessLevel } from '../store/area-access.js';
import { readAudit, verifyAuditLog } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { openStore } from '../store/open-store.js';
import { checkPartnerAccess } from '../store/partner-data.js';
import { checkStreetAccess } from '../store/street-counts.js';
import { resolveActor } from './access-actor.js';
import { createApiToken, revokeToken, verifyApiToken } from './api-tokens.js';
import { auditLog, recordAudit } from './audit.js';
import { grantAccess, revokeGrant } from './grants.js';
import { completePasswordReset, startPasswordReset } from './password-reset.js';
import { scopeOfUser, signIn, signOut, SIGN_IN_REFUSED, verifySession } from './sign-in.js';
import {
  addOrganisationNamed,
  addUser,
  listUsersWithGrants,
  needsFirstAdmin,
  setUserDisabled,
} from './users.js';

const PASSWORD = 'correct horse battery staple';
const t0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

let db: Db;
let local: Actor;
beforeAll(async () => {
  db = await openStore(':memory:');
  local = await resolveActor(db, undefined, 'analyst');
});
afterAll(() => db.close());

describe('users and grants', () => {
  it('refuses a first user who is not an admin, then adds the first admin', async () => {
    expect(await needsFirstAdmin(db)).toBe(true);
    await expect(
      addUser(
        db,
        local,
        {
          name: 'Priya',
          email: 'p@tr.gov.uk',
          organisation: 'Three Rivers DC',
          role: 'partner',
          password: PASSWORD,
        },
        t0,
      ),
    ).rejects.toThrow(/first user of a store must be an admin/u);
    const admin = await addUser(
      db,
      local,
      {
        name: 'Alex Admin',
        email: 'Alex@Herts.gov.uk',
        organisation: 'Hertfordshire County Council',
        role: 'admin',
        password: PASSWORD,
      },
      t0,
    );
    expect(admin).toMatchObject({ role: 'admin', email: 'alex@herts.gov.uk', disabled: false });
    expect(await needsFirstAdmin(db)).toBe(false);
    // Kept only as an argon2id hash with the documented parameters.
    const [stored] = await db.query<{ h: string }>(
      'SELECT password_hash AS h FROM app_user WHERE id = $id',
      { id: admin.id },
    );
    expect(stored?.h).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/u,
    );
  });

  it('refuses a short password and a second user of the same name', async () => {
    const alex = await resolveActor(db, 'Alex Admin', 'x');
    await expect(
      addUser(
        db,
        alex,
        {
          name: 'Sam',
          email: 's@w.gov.uk',
          organisation: null,
          role: 'analyst',
          password: 'short',
        },
        t0,
      ),
    ).rejects.toThrow(InputError);
    await expect(
      addUser(
        db,
        alex,
        {
          name: 'alex admin',
          email: 'other@x.org',
          organisation: null,
          role: 'viewer',
          password: PASSWORD,
        },
        t0,
      ),
    ).rejects.toThrow(/already exists/u);
  });

  /**
   * QA of access (qa-auth), fault 3: "Аlex" (a Cyrillic А) and "Ｐriya" (fullwidth) were added
   * beside Alex and Priya, and showed exactly as they do on the admin page and in every audit
   * row; "Renée" typed with a separate accent was refused as "not letters".
   */
  it('refuses a name that looks like another user’s, and takes an accent however it was typed', async () => {
    const alex = await resolveActor(db, 'Alex Admin', 'x');
    const add = (name: string, email: string) =>
      addUser(
        db,
        alex,
        { name, email, organisation: null, role: 'viewer', password: PASSWORD },
        t0,
      );
    await expect(add('\u0410lex Admin', 'cyrillic@x.org')).rejects.toThrow(
      /looks the same as the user "Alex Admin"/u,
    );
    await expect(add('\uff21lex Admin', 'fullwidth@x.org')).rejects.toThrow(/already exists/u);
    const renee = await add('Rene\u0301e Roe', 'renee@x.org');
    expect(renee.name).toBe('Ren\u00e9e Roe');
    await expect(add('Ren\u00e9e Roe', 'renee2@x.org')).rejects.toThrow(/already exists/u);
    // Found by her name however the accent is typed.
    expect((await resolveActor(db, 'Rene\u0301e Roe', 'x')).user?.id).toBe(renee.id);
  });

  /**
   * QA of access (qa-auth), fault 4: a user's organisation was not checked, so one holding a
   * right-to-left override and a newline (or 16 KiB of text) was registered and kept in the audit
   * log for ever, though users add-org refused the same name.
   */
  it('checks a user’s organisation as users add-org does', async () => {
    const alex = await resolveActor(db, 'Alex Admin', 'x');
    const organisation = 'Three Rivers DC\u202e\nWatford';
    await expect(
      addUser(
        db,
        alex,
        { name: 'Olu', email: 'olu@x.org', organisation, role: 'viewer', password: PASSWORD },
        t0,
      ),
    ).rejects.toThrow(
      /--org: "Three Rivers DC<U\+202E>␊Watford" is not a usable organisation name/u,
    );
    expect((await readAudit(db)).map((r) => r.detail ?? '').join('\n')).not.toContain('\u202e');
  });

  it('an admin adds a partner and grants Three Rivers in detail, the county in aggregate', async () => {
    const alex = await resolveActor(db, 'Alex Admin', 'x');
    await addUser(
      db,
      alex,
      {
        name: 'Priya',
        email: 'priya@threerivers.gov.uk',
        organisation: 'Three Rivers DC',
        role: 'partner',
        password: PASSWORD,
      },
      t0,
    );
    const detail = await grantAccess(
      db,
      alex,
      { user: 'Priya', area: 'Three Rivers', level: 'detail', sensitivity: 'partner' },
      t0,
    );
    expect(detail).toMatchObject({ area: 'E07000102', level: 'detail' });
    await grantAccess(db, alex, { user: 'Priya', area: 'hertfordshire', level: 'aggregate' }, t0);
    const listed = await listUsersWithGrants(db, alex, t0);
    expect(listed.find((u) => u.name === 'Priya')?.grants.map((g) => [g.area, g.level])).toEqual([
      ['E07000102', 'detail'],
      ['E23000027', 'aggregate'],
    ]);
  });

  it("scopes the partner: Three Rivers in detail, Watford only in aggregate; the store's checks refuse Watford's records", async () => {
    const priya = (await resolveActor(db, 'Priya', 'x')).user!;
    const scope = await scopeOfUser(db, priya);
    expect(await areaAccessLevel(db, scope, 'E07000102')).toBe('detail');
    expect(await areaAccessLevel(db, scope, 'E23000027')).toBe('aggregate');
    expect(await areaAccessLevel(db, scope, 'E07000103')).toBe('aggregate');
    expect(await areaAccessLevel(db, scope, 'E07000098')).toBe('aggregate'); // Hertsmere
    expect(await areaAccessLevel(db, scope, 'E06000001')).toBeNull(); // Hartlepool: another force
    expect(mayReadDataset(scope, 'prevent')).toBe(false);
    await expect(
      checkStreetAccess(db, scope, { code: 'E07000102', type: 'district' }),
    ).resolves.toBeUndefined();
    await expect(
      checkStreetAccess(db, scope, { code: 'E07000103', type: 'district' }),
    ).rejects.toThrow(ForbiddenError);
    await expect(checkPartnerAccess(db, scope, 'prevent', ['E07000102'])).rejects.toThrow(
      /prevent/u,
    );
    await expect(
      checkPartnerAccess(db, scope, 'hate-crime', ['E07000102']),
    ).resolves.toBeUndefined();
  });

  it('reads a dataset only in the areas whose grants opened it', async () => {
    const alex = await resolveActor(db, 'Alex Admin', 'x');
    const watford = await grantAccess(
      db,
      alex,
      { user: 'Priya', area: 'Watford', level: 'detail' },
      t0,
    );
    const scope = await scopeOfUser(db, (await resolveActor(db, 'Priya', 'x')).user!);
    const district = (code: string) => ({ code, type: 'district' as const });
    await expect(checkStreetAccess(db, scope, district('E07000103'))).resolves.toBeUndefined();
    // hate-crime came with the Three Rivers grant (partner datasets), not with Watford's.
    await expect(
      checkPartnerAccess(db, scope, 'hate-crime', ['E07000102']),
    ).resolves.toBeUndefined();
    await expect(checkPartnerAccess(db, scope, 'hate-crime', ['E07000103'])).rejects.toThrow(
      /hate-crime dataset in area E07000103/u,
    );
    await revokeGrant(db, alex, watford.id, t0);
  });

  it("refuses a grant of 'all' to a non-admin, and an unknown dataset", async () => {
    const alex = await resolveActor(db, 'Alex Admin', 'x');
    await expect(
      grantAccess(db, alex, { user: 'Priya', area: 'all', level: 'detail' }, t0),
    ).rejects.toThrow(/only an admin/u);
    await expect(
      grantAccess(
        db,
        alex,
        { user: 'Priya', area: 'E07000102', level: 'detail', dataset: 'prevnt' },
        t0,
      ),
    ).rejects.toThrow(/did you mean "prevent"/u);
  });

  it('a partner may not grant, and the refusal is audited', async () => {
    const priya = await resolveActor(db, 'Priya', 'x');
    await expect(
      grantAccess(db, priya, { user: 'Priya', area: 'Watford', level: 'detail' }, t0),
    ).rejects.toThrow(ForbiddenError);
    const rows = await readAudit(db, { actor: 'Priya' });
    expect(rows.at(-1)).toMatchObject({ action: 'grant.add', outcome: 'refused' });
  });
});

describe('sign-in, sessions, lockout', () => {
  it('signs in with the right password and the session names the caller until sign-out', async () => {
    const { token, user } = await signIn(
      db,
      { who: 'priya@threerivers.gov.uk', password: PASSWORD },
      DEFAULT_LOCKOUT,
      t0,
    );
    expect(user.name).toBe('Priya');
    const caller = await verifySession(db, token, at(60));
    expect(caller?.user.name).toBe('Priya');
    expect(caller?.scope).toMatchObject({ areas: ['E07000102'], aggregateAreas: ['E23000027'] });
    expect(await verifySession(db, token + 'x', at(60))).toBeNull();
    expect(await verifySession(db, token, at(9 * 60))).toBeNull(); // expired after 8 hours
    expect(await signOut(db, token, at(61))).toBe(true);
    expect(await verifySession(db, token, at(62))).toBeNull();
  });

  it('says the same for an unknown name and a wrong password', async () => {
    const unknown = signIn(db, { who: 'nobody', password: PASSWORD }, DEFAULT_LOCKOUT, t0);
    await expect(unknown).rejects.toThrow(SIGN_IN_REFUSED);
    const wrong = signIn(
      db,
      { who: 'Alex Admin', password: 'wrong wrong wrong' },
      DEFAULT_LOCKOUT,
      t0,
    );
    await expect(wrong).rejects.toThrow(SIGN_IN_REFUSED);
  });

  it('locks the account after five failures, even against the right password, for 15 minutes', async () => {
    for (let i = 0; i < 5; i++) {
      await expect(
        signIn(db, { who: 'Priya', password: `guess number ${i}` }, DEFAULT_LOCKOUT, at(100)),
      ).rejects.toThrow(ForbiddenError);
    }
    await expect(
      signIn(db, { who: 'Priya', password: PASSWORD }, DEFAULT_LOCKOUT, at(110)),
    ).rejects.toThrow(SIGN_IN_REFUSED);
    const rows = await readAudit(db, { actor: 'Priya' });
    expect(rows.at(-1)).toMatchObject({
      action: 'sign-in',
      outcome: 'refused',
      detail: 'account locked',
    });
    await expect(
      signIn(db, { who: 'Priya', password: PASSWORD }, DEFAULT_LOCKOUT, at(116)),
    ).resolves.toMatchObject({ user: { name: 'Priya' } });
  });
});

describe('API tokens', () => {
  it('carries only the grants chosen, expires, and stops when revoked', async () => {
    const alex = await resolveActor(db, 'Alex Admin', 'x');
    const priya = (await resolveActor(db, 'Priya', 'x')).user!;
    const grants = (await listUsersWithGrants(db, alex, t0)).find((u) => u.id === priya.id)!.grants;
    const aggregate = grants.find((g) => g.level === 'aggregate')!;
    const created = await createApiToken(
      db,
      alex,
      { user: 'Priya', name: 'Power BI', expiresInMs: 86_400_000, grantIds: [aggregate.id] },
      t0,
    );
    expect(created.token).toMatch(/^lnt_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/u);
    const caller = await verifyApiToken(db, created.token, at(60));
    expect(caller?.user.name).toBe('Priya');
    expect(caller?.scope.areas).toEqual([]); // no detail: the detail grant was not given to it
    expect(caller?.scope.aggregateAreas).toEqual(['E23000027']);
    expect(await verifyApiToken(db, created.token, at(24 * 60 + 1))).toBeNull();
    await revokeToken(db, alex, created.id, at(61));
    expect(await verifyApiToken(db, created.token, at(62))).toBeNull();
    const stored = await db.query<{ n: number }>(
      'SELECT count(*) AS n FROM api_token WHERE token_hash = $t',
      { t: created.token },
    );
    expect(stored[0]?.n).toBe(0); // never in clear
  });

  it('refuses a grant the owner does not hold, and loses a grant revoked from its owner', async () => {
    const alex = await resolveActor(db, 'Alex Admin', 'x');
    await expect(
      createApiToken(
        db,
        alex,
        { user: 'Priya', name: 'x', expiresInMs: 60_000, grantIds: ['nope'] },
        t0,
      ),
    ).rejects.toThrow(/not a grant of Priya/u);
    const created = await createApiToken(
      db,
      alex,
      { user: 'Priya', name: 'all', expiresInMs: 86_400_000 },
      t0,
    );
    const detail = (await verifyApiToken(db, created.token, at(1)))!;
    expect(detail.scope.areas).toEqual(['E07000102']);
    const grant = (await listUsersWithGrants(db, alex, t0))
      .find((u) => u.name === 'Priya')!
      .grants.find((g) => g.level === 'detail')!;
    await revokeGrant(db, alex, grant.id, at(2));
    expect((await verifyApiToken(db, created.token, at(3)))?.scope.areas).toEqual([]);
  });
});

describe('organisations and disabled users', () => {
  it("grants to an organisation reach its members; a disabled member's session and tokens stop", async () => {
    const alex = await resolveActor(db, 'Alex Admin', 'x');
    expect(await addOrganisationNamed(db, alex, 'Watford BC', at(400))).toEqual({
      name: 'Watford BC',
      added: true,
    });
    await grantAccess(
      db,
      alex,
      { organisation: 'Watford BC', area: 'Watford', level: 'detail' },
      at(401),
    );
    const sam = await addUser(
      db,
      alex,
      {
        name: 'Sam',
        email: 'sam@watford.gov.uk',
        organisation: 'Watford BC',
        role: 'analyst',
        password: PASSWORD,
      },
      at(402),
    );
    expect((await scopeOfUser(db, sam)).areas).toEqual(['E07000103']);
    const session = await signIn(db, { who: 'Sam', password: PASSWORD }, DEFAULT_LOCKOUT, at(403));
    const token = await createApiToken(
      db,
      alex,
      { user: 'Sam', name: 'etl', expiresInMs: 86_400_000 },
      at(404),
    );
    await expect(setUserDisabled(db, alex, 'Alex Admin', true, at(405))).rejects.toThrow(
      /cannot disable yourself/u,
    );
    await setUserDisabled(db, alex, 'Sam', true, at(405));
    expect(await verifySession(db, session.token, at(406))).toBeNull();
    expect(await verifyApiToken(db, token.token, at(406))).toBeNull();
    await expect(
      signIn(db, { who: 'Sam', password: PASSWORD }, DEFAULT_LOCKOUT, at(407)),
    ).rejects.toThrow(SIGN_IN_REFUSED);
    await setUserDisabled(db, alex, 'Sam', false, at(408));
    expect((await verifyApiToken(db, token.token, at(409)))?.scope.areas).toEqual(['E07000103']);
  });
});

describe('password reset and the audit log', () => {
  it('a one-time reset token sets a new password once and ends the old sessions', async () => {
    const alex = await resolveActor(db, 'Alex Admin', 'x');
    const session = await signIn(
      db,
      { who: 'Priya', password: PASSWORD },
      DEFAULT_LOCKOUT,
      at(200),
    );
    const { token } = await startPasswordReset(db, alex, 'Priya', at(201));
    await completePasswordReset(db, { token, password: 'a brand new pass phrase' }, at(202));
    expect(await verifySession(db, session.token, at(203))).toBeNull();
    await expect(
      completePasswordReset(db, { token, password: 'yet another phrase' }, at(204)),
    ).rejects.toThrow(/not valid/u);
    await expect(
      signIn(db, { who: 'Priya', password: PASSWORD }, DEFAULT_LOCKOUT, at(205)),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      signIn(db, { who: 'Priya', password: 'a brand new pass phrase' }, DEFAULT_LOCKOUT, at(206)),
    ).resolves.toBeDefined();
  });

  it('records every change and sign-in, and detects an edited or deleted row', async () => {
    await recordAudit(
      db,
      { actor: 'Priya', action: 'read', area: 'E07000102', dataset: 'prevent', outcome: 'refused' },
      at(299),
    );
    const rows = await auditLog(db, local, {}, at(300));
    const actions = new Set(rows.map((r) => r.action));
    expect(rows.at(-1)).toMatchObject({ action: 'read', dataset: 'prevent', outcome: 'refused' });
    for (const a of [
      'user.add-first-admin',
      'user.add',
      'organisation.add',
      'grant.add',
      'grant.revoke',
      'sign-in',
      'sign-out',
      'token.create',
      'token.revoke',
      'password.reset-start',
      'password.reset-complete',
    ]) {
      expect(actions).toContain(a);
    }
    expect(await verifyAuditLog(db)).toEqual({ rows: rows.length, brokenAt: null });
    await db.run("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 5");
    expect((await verifyAuditLog(db)).brokenAt).toBe(5);
    await db.run('DELETE FROM audit_log WHERE seq = 2');
    expect((await verifyAuditLog(db)).brokenAt).toBe(3);
  });
});
