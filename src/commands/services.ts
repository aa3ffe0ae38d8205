/**
 * `lantern services …`: the support-services directory that briefing packs (and the public page)
 * show. Import a CSV or YAML file, list by theme and area, export as CSV or XLSX, add or remove
 * one service. Changes are for admins and analysts, and each is written to the audit log.
 */
import { coverageWords, SERVICE_THEMES, type SupportService } from '../domain/support-service.js';
import { InputError } from '../errors.js';
import { actorOf, asOption } from './access-options.js';
import { defineCommand } from './definition.js';
import { option, paths } from './options.js';
import { formatTable } from './table.js';

const TASK = 'Priorities and reports';

export const servicesImportCommand = defineCommand({
  name: 'services import',
  task: TASK,
  summary: 'Add or update support services from a CSV or YAML file (admins and analysts)',
  description:
    'Every entry is checked first (UK phone numbers, http(s) web addresses, email addresses, themes, the area); any problem is reported with its file, line and field, and nothing is changed. Entries are matched by id: a new id is added, a changed entry replaced, an identical one left alone, so importing the same file again changes nothing. Entries that look like one service under two ids (the same name over the same area, or the same phone number however written) are named afterwards, to check: each would be listed twice in packs and on the public page. A CSV written by `services export` imports back as it was: the quote mark (\') that the export puts before a cell starting with = + - or @ (so that a spreadsheet opens it as text) is taken off, and only that one. Columns: id, name, provider, themes (domestic-abuse, hate-crime, asb, prevent, general; separated by ";"), area ("national", or a force or district), phone, web, email, text, hours, eligibility, description, public (yes/no), source, verified (yes/no). The bundled config/support-services.yaml holds national services.',
  examples: ['lantern services import config/support-services.yaml'],
  positionals: paths('files', 'FILE', 'CSV or YAML directory files'),
  options: { as: asOption },
  store: 'existing',
  async run(deps, input) {
    const { importServices } = await import('../usecases/support-services.js');
    const actor = await actorOf(deps, input.as);
    const results = [];
    for (const file of input.files)
      results.push(await importServices(deps.db, actor, file, deps.clock()));
    return { files: results };
  },
  text: ({ files }) =>
    files
      .map((f) =>
        [
          `${f.file}: ${f.services} service${f.services === 1 ? '' : 's'}: ${f.added} added, ${f.changed} changed, ${f.unchanged} unchanged.`,
          ...(f.lookAlikes.length > 0
            ? [
                'Check these, which may be one service under two ids (each would then be listed twice): if so, remove one with lantern services remove ID; if they are two services that share a number (a council switchboard), keep both:',
                ...f.lookAlikes.map((l) => `  ${l}`),
              ]
            : []),
        ].join('\n'),
      )
      .join('\n'),
});

const themeOption = option.choice('only the services for this theme', SERVICE_THEMES);

export const servicesListCommand = defineCommand({
  name: 'services list',
  task: TASK,
  summary: 'The support services in the directory, by theme and area',
  description:
    'With --area, the services covering that district, its force, or the whole country. Each says whether its contact details were checked (verified) against the source named.',
  examples: [
    'lantern services list --theme domestic-abuse --area "Three Rivers"',
    'lantern services list --json',
  ],
  options: {
    theme: themeOption,
    area: option.optionalArea('only the services covering this district or force'),
    public: option.flag('only the services shown to the public'),
  },
  store: 'read',
  async run(deps, input) {
    const { listServices } = await import('../usecases/support-services.js');
    return listServices(deps.db, {
      ...(input.theme ? { theme: input.theme } : {}),
      ...(input.area ? { area: input.area } : {}),
      publicOnly: input.public,
    });
  },
  text: formatServices,
  json: (services) => ({ services }),
});

export function contactsText(s: SupportService): string {
  return [s.phone && `phone ${s.phone}`, s.text && `text ${s.text}`, s.web, s.email]
    .filter((c) => c)
    .join(', ');
}

function formatServices(services: SupportService[]): string {
  if (services.length === 0)
    return 'No services in the directory match: add some with lantern services import config/support-services.yaml.';
  return formatTable(
    ['id', 'service', 'themes', 'covers', 'contact', 'hours', 'checked'],
    services.map((s) => [
      s.id,
      s.provider ? `${s.name} (${s.provider})` : s.name,
      s.themes.join(', '),
      coverageWords(s),
      contactsText(s),
      s.hours,
      s.verified ? 'yes' : 'NOT VERIFIED',
    ]),
    ['left', 'left', 'left', 'left', 'left', 'left', 'left'],
  );
}

export const servicesExportCommand = defineCommand({
  name: 'services export',
  task: TASK,
  summary: 'Write the directory to a CSV or XLSX file (a CSV can be imported back)',
  // 'existing', not 'read': it writes a file where it runs, so the HTTP API does not mount it.
  examples: ['lantern services export --format xlsx --out services.xlsx'],
  options: {
    format: option.choice('the file format', ['csv', 'xlsx'] as const, 'csv'),
    out: { ...option.file('the file to write'), placeholder: 'FILE' },
    theme: themeOption,
    area: option.optionalArea('only the services covering this district or force'),
  },
  store: 'existing',
  async run(deps, input) {
    if (input.out === undefined) throw new InputError('--out is required', { field: 'out' });
    const { listServices, servicesTable } = await import('../usecases/support-services.js');
    const { csvFile, xlsxFile } = await import('../usecases/table-files.js');
    const { refuseOutputPath, writeOutputFile } = await import('../usecases/output-file.js');
    refuseOutputPath(input.out, 'out', deps.db.path, 'file');
    const services = await listServices(deps.db, {
      ...(input.theme ? { theme: input.theme } : {}),
      ...(input.area ? { area: input.area } : {}),
    });
    const table = servicesTable(services);
    const format = input.format ?? 'csv';
    const bytes =
      format === 'xlsx'
        ? await xlsxFile([table], { by: 'Lantern', at: deps.clock() })
        : csvFile(table);
    await writeOutputFile(input.out, bytes, 'out', deps.db.path);
    return { out: input.out, format, services: services.length };
  },
  text: (r) => `Wrote ${r.services} services to ${r.out} (${r.format}).`,
});

export const servicesAddCommand = defineCommand({
  name: 'services add',
  task: TASK,
  summary: 'Add one support service, or replace the one with its id (admins and analysts)',
  examples: [
    'lantern services add --id example-asb-advice --name "Example ASB advice" --themes asb --area "Three Rivers" --web https://www.example.org/asb --hours "Monday to Friday, 9am to 5pm"',
  ],
  options: {
    id: option.requiredText('a short lower-case name for the entry', 'ID'),
    name: option.requiredText('the name of the service', 'NAME'),
    provider: option.text('who runs it', 'ORG'),
    themes: option.requiredText(
      `its themes, separated by commas (${SERVICE_THEMES.join(', ')})`,
      'THEMES',
    ),
    area: option.area(
      '"national" (the whole UK), a nation (England, Wales, "England and Wales" …), or the force or district it covers',
    ),
    phone: option.text('a UK phone number', 'PHONE'),
    web: option.text('its web address (https://…)', 'URL'),
    email: option.text('its email address', 'EMAIL'),
    text: option.text('a number to text', 'PHONE'),
    hours: option.text('when it is open', 'HOURS'),
    eligibility: option.text('who it is for', 'TEXT'),
    description: option.text('what it does, in a sentence', 'TEXT'),
    private: option.flag('for staff only: not shown to the public or in volunteer packs'),
    source: option.text('where the contact details were checked', 'URL'),
    verified: option.flag('the contact details were checked against the source'),
    as: asOption,
  },
  store: 'existing',
  async run(deps, input) {
    const { addService } = await import('../usecases/support-services.js');
    return addService(
      deps.db,
      await actorOf(deps, input.as),
      {
        id: input.id,
        name: input.name,
        provider: input.provider ?? '',
        themes: input.themes
          .split(/[,;]/u)
          .map((t) => t.trim())
          .filter((t) => t !== ''),
        area: input.area,
        phone: input.phone ?? '',
        web: input.web ?? '',
        email: input.email ?? '',
        text: input.text ?? '',
        hours: input.hours ?? '',
        eligibility: input.eligibility ?? '',
        description: input.description ?? '',
        public: !input.private,
        source: input.source ?? '',
        verified: input.verified,
      },
      deps.clock(),
    );
  },
  text: ({ service, outcome }) =>
    outcome === 'unchanged'
      ? `${service.id} is already in the directory as given: nothing changed.`
      : `${outcome === 'added' ? 'Added' : 'Replaced'} ${service.id}: ${service.name}.`,
});

export const servicesRemoveCommand = defineCommand({
  name: 'services remove',
  task: TASK,
  summary: 'Remove one support service from the directory (admins and analysts)',
  examples: ['lantern services remove --id example-asb-advice'],
  options: {
    id: option.requiredText('the entry to remove (lantern services list)', 'ID'),
    as: asOption,
  },
  store: 'existing',
  async run(deps, input) {
    const { removeService } = await import('../usecases/support-services.js');
    return removeService(deps.db, await actorOf(deps, input.as), input.id, deps.clock());
  },
  text: ({ id }) => `Removed ${id} from the directory.`,
});
