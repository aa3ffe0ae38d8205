/** The partnership's groups (with their members) and meetings (migration 015). */
import type { GroupRecord, MeetingRecord } from '../domain/plan/plan-types.js';
import type { Db } from './db.js';
import { nextId } from './plan-rows.js';

export async function groupByName(
  db: Db,
  partnership: string,
  name: string,
): Promise<GroupRecord | null> {
  const [row] = await db.query<{ id: number; partnership: string; name: string; version: number }>(
    `SELECT id, partnership, name, version FROM plan_group
     WHERE partnership = $partnership AND lower(name) = lower($name)`,
    { partnership, name },
  );
  if (!row) return null;
  const members = await db.query<GroupRecord['members'][number] & Record<string, unknown>>(
    `SELECT name, organisation, role FROM plan_group_member WHERE group_id = $id
     ORDER BY rowid`,
    { id: row.id },
  );
  return { ...row, members };
}

/** The group of that name, added (with no members) if the partnership has none yet. */
export async function ensureGroup(db: Db, partnership: string, name: string): Promise<GroupRecord> {
  const found = await groupByName(db, partnership, name);
  if (found) return found;
  const id = await nextId(db, 'plan_group');
  await db.run('INSERT INTO plan_group VALUES ($id, $partnership, $name, 1)', {
    id,
    partnership,
    name,
  });
  return { id, partnership, name, members: [], version: 1 };
}

/** Replaces a group's members, raising its version (the caller checked the version it read). */
export async function setGroupMembers(
  db: Db,
  group: GroupRecord,
  members: GroupRecord['members'],
): Promise<GroupRecord> {
  await db.run('DELETE FROM plan_group_member WHERE group_id = $id', { id: group.id });
  for (const m of members)
    await db.run('INSERT INTO plan_group_member VALUES ($id, $name, $organisation, $role)', {
      id: group.id,
      ...m,
    });
  await db.run('UPDATE plan_group SET version = version + 1 WHERE id = $id', { id: group.id });
  return { ...group, members: [...members], version: group.version + 1 };
}

const MEETING = `id, partnership, group_id AS "groupId", title, strftime(date, '%Y-%m-%d') AS date,
  attendees, agenda, decisions, source, version`;

function toMeeting(r: Record<string, unknown>): MeetingRecord {
  return {
    ...(r as unknown as MeetingRecord),
    attendees: JSON.parse(r.attendees as string) as string[],
    agenda: JSON.parse(r.agenda as string) as string[],
    decisions: JSON.parse(r.decisions as string) as string[],
  };
}

function params(m: MeetingRecord) {
  return {
    ...m,
    attendees: JSON.stringify(m.attendees),
    agenda: JSON.stringify(m.agenda),
    decisions: JSON.stringify(m.decisions),
  };
}

export async function insertMeeting(db: Db, m: MeetingRecord): Promise<void> {
  await db.run(
    `INSERT INTO plan_meeting VALUES ($id, $partnership, $groupId, $title, $date::DATE,
       $attendees, $agenda, $decisions, $source, $version)`,
    params(m),
  );
}

/** Writes a meeting as version `m.version` if the stored one is at the version before. */
export async function updateMeeting(db: Db, m: MeetingRecord): Promise<boolean> {
  const rows = await db.query(
    `UPDATE plan_meeting SET group_id = $groupId, date = $date::DATE, attendees = $attendees,
       agenda = $agenda, decisions = $decisions, source = $source, version = $version
     WHERE id = $id AND version = $version - 1 RETURNING id`,
    (({ partnership: _p, title: _t, ...rest }) => rest)(params(m)),
  );
  return rows.length === 1;
}

export async function findMeetings(
  db: Db,
  filter: { partnership?: string; title?: string; id?: number } = {},
): Promise<MeetingRecord[]> {
  const rows = await db.query(
    `SELECT ${MEETING} FROM plan_meeting
     WHERE ($partnership IS NULL OR partnership = $partnership)
       AND ($title IS NULL OR lower(title) = lower($title))
       AND ($id IS NULL OR id = $id)
     ORDER BY date, id`,
    {
      partnership: filter.partnership ?? null,
      title: filter.title ?? null,
      id: filter.id ?? null,
    },
  );
  return rows.map(toMeeting);
}

/** The groups' names by id (of one partnership when given), for showing a meeting's group. */
export async function groupNames(db: Db, partnership?: string): Promise<Map<number, string>> {
  const rows = await db.query<{ id: number; name: string }>(
    `SELECT id, name FROM plan_group WHERE ($partnership IS NULL OR partnership = $partnership)`,
    { partnership: partnership ?? null },
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
