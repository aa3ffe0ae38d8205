/**
 * The support-services directory: import a file (every entry checked first, then all stored in
 * one transaction, or none; importing the same file again changes nothing), list by theme and
 * area, export, add and remove one. Changes are for admins and analysts (and the store's local
 * owner), and each is written to the audit log in the transaction of the change.
 */
import type { Actor } from '../domain/access.js';
import type { DataTable } from '../domain/data-table.js';
import {
  NATIONS,
  nationCodesServing,
  nationNamed,
  lookAlikes,
  SERVICE_COLUMNS,
  serviceProblems,
  serviceRow,
  toService,
  type ServiceCoverage,
  type ServiceInput,
  type ServiceTheme,
  type SupportService,
} from '../domain/support-service.js';
import { ForbiddenError, InputError, NotFoundError } from '../errors.js';
import { readServicesFile, type ServiceEntry } from '../ingest/support-services-file.js';
import { findArea } from '../store/areas.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { CommandReads } from './command-reads.js';
import { ancestorsOnce, findAreaOnce } from './place-reads.js';
import {
  deleteService,
  readServices,
  storeService,
  type StoreOutcome,
} from '../store/support-services.js';

/** May the actor edit the directory? Admins, analysts and the local owner. */
export function mayEditDirectory(actor: Actor): boolean {
  if (actor.user === null) return true;
  return !actor.user.disabled && (actor.user.role === 'admin' || actor.user.role === 'analyst');
}

async function requireEditor(db: Db, actor: Actor, action: string, now: Date): Promise<void> {
  if (mayEditDirectory(actor)) return;
  await appendAudit(db, { actor: actor.name, action, outcome: 'refused' }, now);
  throw new ForbiddenError(
    `${actor.name} may not change the support-services directory: only an admin or an analyst may`,
  );
}

/** The area an entry names: national (UK-wide), a nation, or a force or district of the register. */
async function coverageOf(
  db: Db,
  area: string,
): Promise<{ coverage: ServiceCoverage; code: string | null; name: string | null } | string> {
  const a = area.trim().toLowerCase();
  if (a === 'national' || a === 'uk' || a === 'united kingdom')
    return { coverage: 'national', code: null, name: null };
  const nation = nationNamed(area);
  if (nation) return { coverage: 'nation', code: nation.code, name: nation.name };
  try {
    const found = await findArea(db, area.trim());
    if (found.type === 'force' || found.type === 'district' || found.type === 'csp')
      return {
        coverage: found.type === 'force' ? 'force' : 'district',
        code: found.code,
        name: found.name,
      };
    return `"${area}" is a ${found.type}: a service covers the UK (national), a nation, a force or a district`;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof InputError)
      return `"${area}" is not national, a nation (${NATIONS.map((n) => n.name).join(', ')}) nor an area of the register (lantern areas)`;
    throw error;
  }
}

/** Checks every entry; throws one InputError naming each problem's file, line and field. */
async function checkEntries(
  db: Db,
  entries: readonly ServiceEntry[],
  where: string,
): Promise<SupportService[]> {
  const problems: string[] = [];
  const services: SupportService[] = [];
  const ids = new Map<string, number>();
  for (const e of entries) {
    const at = (field: keyof ServiceInput) => `${where}:${e.fieldLines[field] ?? e.line}: ${field}`;
    for (const p of serviceProblems(e.input)) problems.push(`${at(p.field)}: ${p.message}`);
    const first = ids.get(e.input.id);
    if (e.input.id !== '' && first !== undefined)
      problems.push(`${at('id')}: "${e.input.id}" is given twice (first on line ${first})`);
    ids.set(e.input.id, e.line);
    const area = e.input.area.trim() === '' ? null : await coverageOf(db, e.input.area);
    if (typeof area === 'string') problems.push(`${at('area')}: ${area}`);
    else if (area !== null) services.push(toService(e.input, area));
  }
  if (entries.length === 0) problems.push(`${where}: holds no services`);
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    throw new InputError(
      `the directory was not changed: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n` +
        shown.map((p) => `  ${p}`).join('\n') +
        (problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : ''),
    );
  }
  return services;
}

export interface ImportServicesResult {
  file: string;
  added: number;
  changed: number;
  unchanged: number;
  services: number;
  /** Entries that look like one service under two ids, to check (imported all the same). */
  lookAlikes: string[];
}

export async function importServices(
  db: Db,
  actor: Actor,
  file: string,
  now: Date,
): Promise<ImportServicesResult> {
  await requireEditor(db, actor, 'services.import', now);
  const entries = await readServicesFile(file);
  const services = await checkEntries(db, entries, file);
  return db.transaction(async () => {
    const counts: Record<StoreOutcome, number> = { added: 0, changed: 0, unchanged: 0 };
    for (const s of services) counts[await storeService(db, s, now)]++;
    await appendAudit(
      db,
      {
        actor: actor.name,
        action: 'services.import',
        outcome: 'ok',
        detail: `${file}: ${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged`,
      },
      now,
    );
    const lineOf = new Map(entries.map((e) => [e.input.id, e.line]));
    const at = (id: string) => (lineOf.has(id) ? `${id} (line ${lineOf.get(id)})` : id);
    const alike = lookAlikes(
      (await readServices(db)).sort((a, b) => (lineOf.get(a.id) ?? 0) - (lineOf.get(b.id) ?? 0)),
      new Set(lineOf.keys()),
    ).map((l) => `${at(l.id)} looks like ${at(l.like)}: ${l.why}`);
    return { file, ...counts, services: services.length, lookAlikes: alike };
  });
}

export async function addService(
  db: Db,
  actor: Actor,
  input: ServiceInput,
  now: Date,
): Promise<{ service: SupportService; outcome: StoreOutcome }> {
  await requireEditor(db, actor, 'services.add', now);
  const problems = serviceProblems(input).map((p) => `--${p.field}: ${p.message}`);
  const area = input.area.trim() === '' ? null : await coverageOf(db, input.area);
  if (typeof area === 'string') problems.push(`--area: ${area}`);
  if (problems.length > 0 || area === null || typeof area === 'string')
    throw new InputError(`the service was not added:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const service = toService(input, area);
  return db.transaction(async () => {
    const outcome = await storeService(db, service, now);
    await appendAudit(
      db,
      {
        actor: actor.name,
        action: 'services.add',
        outcome: 'ok',
        detail: `${service.id}: ${outcome}`,
      },
      now,
    );
    return { service, outcome };
  });
}

export async function removeService(
  db: Db,
  actor: Actor,
  id: string,
  now: Date,
): Promise<{ id: string }> {
  await requireEditor(db, actor, 'services.remove', now);
  return db.transaction(async () => {
    if (!(await deleteService(db, id)))
      throw new NotFoundError(`no service has the id "${id}" (lantern services list)`);
    await appendAudit(
      db,
      { actor: actor.name, action: 'services.remove', outcome: 'ok', detail: id },
      now,
    );
    return { id };
  });
}

export interface ServicesRequest {
  theme?: ServiceTheme;
  /** A district or force: the services covering it, its force, or the nation. */
  area?: string;
  publicOnly?: boolean;
}

export async function listServices(
  db: Db,
  request: ServicesRequest,
  reads: CommandReads = new CommandReads(),
): Promise<SupportService[]> {
  // A service of England is not offered in Newport: an area's nations are matched, not "any".
  const code = request.area ? (await findAreaOnce(db, request.area, reads)).code : undefined;
  const areaCodes = code
    ? [...(await ancestorsOnce(db, code, reads)), ...nationCodesServing(code)]
    : undefined;
  return readServices(db, {
    ...(request.theme ? { theme: request.theme } : {}),
    ...(areaCodes ? { areaCodes } : {}),
    ...(request.publicOnly ? { publicOnly: true } : {}),
  });
}

/** The directory as a table (the columns an import takes back). */
export function servicesTable(services: readonly SupportService[]): DataTable {
  return {
    id: 'support-services',
    title: 'Support-services directory',
    columns: [...SERVICE_COLUMNS],
    rows: services.map((s) => {
      const row = serviceRow(s);
      return SERVICE_COLUMNS.map((c) => row[c]);
    }),
    notes: [
      'One row per service; themes are separated by ";". area is "national" (the whole UK), a nation (England, Wales, England and Wales …) or the ONS code of the force or district covered.',
      'verified says whether the contact details were checked against the source named; check any that say no before publishing them.',
      'This file can be imported again: lantern services import FILE.csv.',
    ],
  };
}
