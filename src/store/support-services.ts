/** The support-services directory (migration 018): read, add or replace by id, remove. */
import { nationName, type ServiceTheme, type SupportService } from '../domain/support-service.js';
import { list, TEXT_LIST, type Db, type Params } from './db.js';

const SELECT = `SELECT s.id, s.name, s.provider, s.themes, s.coverage, s.area_code, a.name AS area_name,
  s.phone, s.web, s.email, s.text_number, s.hours, s.eligibility, s.description, s.public, s.source,
  s.verified FROM support_service s LEFT JOIN area a ON a.code = s.area_code`;

function toService(r: Record<string, unknown>): SupportService {
  return {
    id: r.id as string,
    name: r.name as string,
    provider: r.provider as string,
    themes: [...(r.themes as string[])] as ServiceTheme[],
    coverage: r.coverage as SupportService['coverage'],
    areaCode: (r.area_code as string | null) ?? null,
    areaName: (r.area_name as string | null) ?? nationName(r.area_code as string | null),
    phone: (r.phone as string | null) ?? null,
    web: (r.web as string | null) ?? null,
    email: (r.email as string | null) ?? null,
    text: (r.text_number as string | null) ?? null,
    hours: r.hours as string,
    eligibility: r.eligibility as string,
    description: r.description as string,
    public: r.public as boolean,
    source: r.source as string,
    verified: r.verified as boolean,
  };
}

export interface ServiceFilter {
  theme?: ServiceTheme;
  /**
   * The area, those above it and the nations it is in: a service covering any of them (or the
   * whole UK) is listed.
   */
  areaCodes?: readonly string[];
  publicOnly?: boolean;
}

/** The directory, UK-wide services first, then those of a nation, a force, a district; by name. */
export async function readServices(db: Db, filter: ServiceFilter = {}): Promise<SupportService[]> {
  const where: string[] = [];
  const params: Params = {};
  if (filter.theme) {
    where.push('list_contains(s.themes, $theme)');
    params.theme = filter.theme;
  }
  if (filter.areaCodes) {
    where.push('(s.area_code IS NULL OR list_contains($areas, s.area_code))');
    params.areas = list(filter.areaCodes);
  }
  if (filter.publicOnly) where.push('s.public');
  const rows = await db.query(
    `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY CASE s.coverage WHEN 'national' THEN 0 WHEN 'nation' THEN 1 WHEN 'force' THEN 2 ELSE 3 END,
       s.name, s.id`,
    params,
    filter.areaCodes ? { areas: TEXT_LIST } : undefined,
  );
  return rows.map(toService);
}

export async function findService(db: Db, id: string): Promise<SupportService | null> {
  const rows = await db.query(`${SELECT} WHERE s.id = $id`, { id });
  return rows[0] ? toService(rows[0]) : null;
}

/** What storing one entry did. */
export type StoreOutcome = 'added' | 'changed' | 'unchanged';

function sameService(a: SupportService, b: SupportService): boolean {
  const key = (s: SupportService) => JSON.stringify({ ...s, areaName: null });
  return key(a) === key(b);
}

/** Adds the entry, or replaces the one with its id; an identical entry is left as it is. */
export async function storeService(db: Db, s: SupportService, at: Date): Promise<StoreOutcome> {
  const old = await findService(db, s.id);
  if (old !== null && sameService(old, s)) return 'unchanged';
  if (old !== null) await db.run('DELETE FROM support_service WHERE id = $id', { id: s.id });
  await db.query(
    `INSERT INTO support_service VALUES ($id, $name, $provider, $themes, $coverage, $area, $phone,
       $web, $email, $text, $hours, $eligibility, $description, $public, $source, $verified,
       $at::TIMESTAMPTZ)`,
    {
      id: s.id,
      name: s.name,
      provider: s.provider,
      themes: list(s.themes),
      coverage: s.coverage,
      area: s.areaCode,
      phone: s.phone,
      web: s.web,
      email: s.email,
      text: s.text,
      hours: s.hours,
      eligibility: s.eligibility,
      description: s.description,
      public: s.public,
      source: s.source,
      verified: s.verified,
      at: at.toISOString(),
    },
    { themes: TEXT_LIST },
  );
  return old === null ? 'added' : 'changed';
}

export async function deleteService(db: Db, id: string): Promise<boolean> {
  const old = await findService(db, id);
  if (old === null) return false;
  await db.run('DELETE FROM support_service WHERE id = $id', { id });
  return true;
}
