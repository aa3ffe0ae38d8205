/**
 * Granting and revoking access. A grant gives a user (or every member of an organisation) an area
 * — a district, a CSP or a force, or 'all' for an admin — at the `detail` or `aggregate` level,
 * with the datasets it opens: one by name, or all up to a sensitivity; neither opens the public
 * ones (police.uk). Nothing is visible without one. Each change is audited.
 */
import { randomUUID } from 'node:crypto';

import { ALL_AREAS, type Actor, type Grant, type GrantLevel } from '../domain/access.js';
import { DATASET_SENSITIVITIES } from '../domain/dataset-sensitivity.js';
import type { Sensitivity } from '../domain/datasets.js';
import { didYouMean } from '../domain/suggest.js';
import { InputError, NotFoundError } from '../errors.js';
import { resolveArea } from '../store/areas.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { deleteGrant, grantById, insertGrant } from '../store/grants.js';
import { findUser, listOrganisations } from '../store/users.js';
import { requireAdmin } from './access-actor.js';

export interface GrantInput {
  /** A user's name or email, or an organisation's name: exactly one. */
  user?: string;
  organisation?: string;
  area: string;
  level: GrantLevel;
  dataset?: string;
  sensitivity?: Sensitivity;
}

export async function grantAccess(
  db: Db,
  actor: Actor,
  input: GrantInput,
  now: Date,
): Promise<Grant & { areaName: string }> {
  await requireAdmin(db, actor, 'grant.add', 'grant access', now);
  if ((input.user === undefined) === (input.organisation === undefined)) {
    throw new InputError('give either --user or --org: whom the access is for');
  }
  if (input.dataset !== undefined && input.sensitivity !== undefined) {
    throw new InputError('give --dataset or --sensitivity, not both');
  }
  let userName: string | null = null;
  if (input.user !== undefined) {
    const user = await findUser(db, input.user);
    if (user === null) throw new NotFoundError(`--user: no user is called "${input.user}"`);
    userName = user.name;
    if (input.area.trim().toLowerCase() === ALL_AREAS && user.role !== 'admin') {
      throw new InputError(
        `--area all: only an admin may be granted every area; grant ${user.name} the districts, CSPs or forces they need`,
      );
    }
  }
  if (
    input.organisation !== undefined &&
    !(await listOrganisations(db)).includes(input.organisation)
  ) {
    const known = await listOrganisations(db);
    throw new NotFoundError(
      `--org: no organisation is called "${input.organisation}"${didYouMean(input.organisation, known)}`,
    );
  }
  let area: { code: string; name: string };
  if (input.area.trim().toLowerCase() === ALL_AREAS) {
    if (input.organisation !== undefined) {
      throw new InputError('--area all: only an admin user may be granted every area');
    }
    area = { code: ALL_AREAS, name: 'every area' };
  } else {
    const found = await resolveArea(db, input.area);
    if (found.type === 'ward' || found.type === 'lsoa') {
      throw new InputError(
        `--area: grants are given on a district, a CSP or a force; ${found.name} is a ${found.type}`,
      );
    }
    area = found;
  }
  if (input.dataset !== undefined && !DATASET_SENSITIVITIES.some((d) => d.name === input.dataset)) {
    const names = DATASET_SENSITIVITIES.map((d) => d.name);
    throw new InputError(
      `--dataset: no dataset is called "${input.dataset}"${didYouMean(input.dataset, names)} (one of ${names.join(', ')})`,
    );
  }
  const grant: Grant = {
    id: randomUUID().slice(0, 8),
    user: userName,
    organisation: input.organisation ?? null,
    area: area.code,
    level: input.level,
    dataset: input.dataset ?? null,
    sensitivity: input.sensitivity ?? null,
  };
  await db.retryingTransaction(async () => {
    await insertGrant(db, grant, now);
    await appendAudit(
      db,
      {
        actor: actor.name,
        action: 'grant.add',
        area: grant.area,
        dataset: grant.dataset ?? (grant.sensitivity ? `sensitivity:${grant.sensitivity}` : null),
        outcome: 'ok',
        detail: `${grant.id}: ${grant.level} to ${userName ?? `organisation ${grant.organisation}`}`,
      },
      now,
    );
  });
  return { ...grant, areaName: area.name };
}

export async function revokeGrant(db: Db, actor: Actor, id: string, now: Date): Promise<Grant> {
  await requireAdmin(db, actor, 'grant.revoke', 'revoke access', now);
  const grant = await grantById(db, id.trim());
  if (grant === null)
    throw new NotFoundError(`--grant: no grant has the id "${id}" (lantern users list)`);
  await db.retryingTransaction(async () => {
    await deleteGrant(db, grant.id);
    await appendAudit(
      db,
      {
        actor: actor.name,
        action: 'grant.revoke',
        area: grant.area,
        dataset: grant.dataset ?? (grant.sensitivity ? `sensitivity:${grant.sensitivity}` : null),
        outcome: 'ok',
        detail: `${grant.id}: ${grant.level} from ${grant.user ?? `organisation ${grant.organisation}`}`,
      },
      now,
    );
  });
  return grant;
}
