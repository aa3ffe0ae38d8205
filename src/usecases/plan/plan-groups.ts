/**
 * The partnership's groups (the Community Safety Coordinating Group, the ASB Action Group) and
 * their members. Setting a group's members replaces the list; for a group already held it needs
 * the version read, like any edit of the plan, and is kept in the history and the audit log.
 */
import type { Actor } from '../../domain/access.js';
import { conflictMessage } from '../../domain/plan/changes.js';
import type { GroupRecord } from '../../domain/plan/plan-types.js';
import { ConflictError, InputError } from '../../errors.js';
import type { Db } from '../../store/db.js';
import { historyOf } from '../../store/plan-history.js';
import { ensureGroup, groupByName, setGroupMembers } from '../../store/plan-meetings.js';
import { ensurePartnership, findPlans } from '../../store/plan-rows.js';
import { recordChange, requirePlanEdit, planTransaction } from './plan-change.js';

/** "Jemma Duffell (Three Rivers District Council)" → name and organisation. */
export function parseMember(text: string): GroupRecord['members'][number] {
  const m = /^\s*([^()]+?)\s*(?:\(([^()]+)\))?\s*$/u.exec(text);
  if (!m || m[1]!.trim() === '')
    throw new InputError(`"${text}" is not a member: write NAME or NAME (ORGANISATION)`, {
      field: 'member',
    });
  return { name: m[1]!.trim(), organisation: m[2]?.trim() ?? null, role: null };
}

export async function setGroup(
  db: Db,
  actor: Actor,
  input: { partnership: string; name: string; members: readonly string[] },
  now: Date,
  expectVersion?: number,
): Promise<GroupRecord> {
  const members = input.members.map(parseMember);
  const [plan] = await findPlans(db, { partnership: input.partnership });
  await requirePlanEdit(
    db,
    actor,
    plan ?? { areaCode: null, partnership: input.partnership, year: '' },
    'plan',
    'plan.group.set',
    now,
  );
  return planTransaction(db, async () => {
    await ensurePartnership(db, input.partnership, plan?.areaCode ?? null, now.toISOString());
    const held = await groupByName(db, input.partnership, input.name.trim());
    if (held && held.members.length > 0 && expectVersion !== held.version)
      throw new ConflictError(
        expectVersion === undefined
          ? `the group "${held.name}" has members already (version ${held.version}): to replace them, give the version you read (⟨expectVersion⟩ ${held.version})`
          : conflictMessage(
              `The group "${held.name}"`,
              expectVersion,
              held.version,
              await historyOf(db, 'group', held.id, expectVersion),
              '⟨expectVersion⟩',
            ),
        { field: 'expectVersion' },
      );
    const group = held ?? (await ensureGroup(db, input.partnership, input.name.trim()));
    const after = await setGroupMembers(db, group, members);
    const names = (g: GroupRecord) =>
      g.members.map((m) => (m.organisation ? `${m.name} (${m.organisation})` : m.name));
    await recordChange(
      db,
      actor,
      {
        entity: 'group',
        entityId: after.id,
        version: after.version,
        action: 'plan.group.set',
        change: `members of ${after.name}: ${names(after).join(', ') || 'none'}`,
        before: held ? { members: names(held) } : null,
        after: { members: names(after) },
        area: plan?.areaCode ?? null,
      },
      now,
    );
    return after;
  });
}
