// Made from the command definitions in src/commands/ by `npm run docs`; do not edit by hand.
/**
 * Every command’s facts (name, summary, options, examples), in the registry’s order, with the
 * one import that loads its definition: what `lantern` reads for help and to choose a command,
 * so that help and usage errors load no command they do not run (src/commands/info.ts).
 */
import type { CommandInfo } from './info.js';

export const COMMAND_INFO: readonly CommandInfo[] = [
  {
    name: 'import',
    task: 'Get data in',
    summary:
      "police.uk street, outcomes and stop-and-search files (zip archives read in place, folders, .csv, .csv.gz), or a partner dataset's files with ⟨dataset⟩",
    description:
      "Each file is checked before anything is stored, and stored whole or not at all (each on its own: the good files of a command go in, the refused ones change nothing, and the exit code is then 2): a bad row is rejected with its line, field and reason; a file cut short, holding rows of another month, or that would leave a month with far fewer rows than held (or, for an aggregate partner dataset, a month's count far smaller) is refused (the last unless ⟨replace⟩). The same content is not imported again while the store holds it (content a later file replaced can be imported again); a newer file for the same force and month replaces the older one, and the import says what it changed in each month's street counts, category by category (or that no figure moved). A police.uk file of a month after the current one or before 2010-12 is refused, and a partner row dated after today or before 2000 rejected. Partner files (⟨dataset⟩) are checked against the dataset's schema, and personal data are refused, dropped or hashed, never stored in clear.",
    examples: [
      'lantern import data/police/hertfordshire-sample.zip',
      'lantern import 2025-12-hertfordshire-street.csv --replace',
      'lantern import --dataset fly-tipping flytipping-2025.csv --mapping council-columns.yaml',
    ],
    store: 'create',
    positionals: { placeholder: 'PATH', description: 'files, folders or zip archives to import' },
    options: {
      dataset: {
        kind: 'string',
        description: 'a partner dataset (lantern datasets) instead of police.uk files',
        placeholder: 'DATASET',
        required: false,
        check: { type: 'text' },
      },
      force: {
        kind: 'string',
        description:
          'the police.uk force of stop-and-search files whose name does not give it (e.g. hertfordshire)',
        placeholder: 'FORCE',
        required: false,
        check: { type: 'text' },
      },
      mapping: {
        kind: 'string',
        description: "partner data: a file naming the file's own columns and values",
        placeholder: 'FILE',
        required: false,
        check: { type: 'text' },
      },
      area: {
        kind: 'string',
        description:
          'partner data: the area of rows that name none (a district, or a ward or LSOA within one; an area the register does not know refuses the import)',
        placeholder: 'AREA',
        required: false,
        check: { type: 'text' },
      },
      period: {
        kind: 'string',
        description:
          'partner data: the months the file covers (zero where it has no rows); needed when its rows span more than 36 months with empty months between',
        placeholder: 'PERIOD',
        defaultText: 'its first to its last row',
        required: false,
        check: { type: 'period' },
      },
      replace: {
        kind: 'boolean',
        description:
          'let a file replace a month even when it holds far fewer rows (or far smaller counts) than the store',
        required: false,
        check: { type: 'flag' },
      },
    },
    load: async () => (await import('./import.js')).importCommand,
  },
  {
    name: 'imports list',
    task: 'Get data in',
    summary:
      'The imports the store holds: id, file, police.uk or dataset, force or districts, months, records, when and by whom (admins and analysts)',
    description:
      'Each import is one file (a zip archive gives one a month and kind): the months it still holds (a newer file replaces a month of an older one) and the records it holds in them. Its id is what `lantern imports remove` takes. Who imported it is read from the audit log (– when the log does not name it: the demo, or an import made before the log was kept).',
    examples: ['lantern imports list', 'lantern imports list --json'],
    store: 'existing',
    options: {
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./imports.js')).importsListCommand,
  },
  {
    name: 'imports remove',
    task: 'Get data in',
    summary:
      'Take one import out whole: its records and counts go, its months become missing (admins and analysts)',
    description:
      "For the wrong file (another district's, last year's, one holding what it should not), a partner whose data-sharing agreement has ended, or a month police.uk withdrew. The import goes whole or not at all, in one transaction with its audit entry; its months are then shown as missing, never zero (an older file it replaced does not come back: import that again to restore it). Without ⟨yes⟩ nothing is removed and the refusal says what would be. The saved assessments whose period held its months, and the plans made from them, are named, and `lantern assess list` shows the months as removed since. DuckDB leaves deleted values readable in the store's file until the space is reused: ⟨erase⟩ also writes the file again without them (it takes a few seconds for each 50 MB of store, and needs that much free space). Reports and files already written elsewhere are not touched.",
    examples: [
      'lantern imports remove --id partner-7',
      'lantern imports remove --id partner-7 --yes --erase --reason "Watford file imported by mistake"',
    ],
    store: 'existing',
    options: {
      id: {
        kind: 'string',
        description: 'the import to remove (lantern imports list): police-12, partner-3',
        placeholder: 'ID',
        required: true,
        check: { type: 'text' },
      },
      yes: {
        kind: 'boolean',
        description: 'remove it (without this, nothing is removed: what would be is said)',
        required: false,
        check: { type: 'flag' },
      },
      erase: {
        kind: 'boolean',
        description:
          "also rewrite the store's file, so that the removed values are gone from the disk (also for an import removed earlier without it)",
        required: false,
        check: { type: 'flag' },
      },
      reason: {
        kind: 'string',
        description: 'why, kept in the audit log',
        placeholder: 'TEXT',
        required: false,
        check: { type: 'text' },
      },
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./imports.js')).importsRemoveCommand,
  },
  {
    name: 'fetch',
    task: 'Get data in',
    summary:
      "An area's missing months from the data.police.uk API (rate-limited, retried; imported like files)",
    description:
      "Months already held for the area are skipped, so an interrupted fetch resumes; months the source does not publish are reported and stay missing. The area's polygon is split when the API answers that it holds more than 10,000 crimes.",
    examples: ['lantern fetch --area "Three Rivers" --from 2025-10 --to 2025-12 --dry-run'],
    store: 'create',
    options: {
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      from: {
        kind: 'string',
        description: 'the first month to fetch',
        placeholder: 'YYYY-MM',
        required: true,
        check: { type: 'month' },
      },
      to: {
        kind: 'string',
        description: 'the last month to fetch',
        placeholder: 'YYYY-MM',
        required: true,
        check: { type: 'month' },
      },
      dryRun: {
        kind: 'boolean',
        description:
          'say what would be fetched, and fetch nothing (it still asks the API which months it publishes)',
        required: false,
        check: { type: 'flag' },
      },
      apiUrl: {
        kind: 'string',
        description:
          "the API's address (default $LANTERN_POLICE_API, else https://data.police.uk/api)",
        placeholder: 'URL',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./fetch.js')).fetchCommand,
  },
  {
    name: 'fetch archive',
    task: 'Get data in',
    summary:
      "A force's files from a police.uk monthly archive, streamed: only that force's entries are kept",
    description:
      'The archive (tens of GB for all forces and years) is read as it downloads; entries of other forces pass by unstored. A download that stalls is given up after a minute without bytes.',
    examples: ['lantern fetch archive --force hertfordshire --month 2025-12'],
    store: 'create',
    options: {
      force: {
        kind: 'string',
        description: 'the police.uk force id (e.g. hertfordshire)',
        placeholder: 'FORCE',
        required: true,
        check: { type: 'text' },
      },
      month: {
        kind: 'string',
        description: "the archive's month",
        placeholder: 'YYYY-MM',
        required: true,
        check: { type: 'month' },
      },
      archiveUrl: {
        kind: 'string',
        description: "the archive's address (default $LANTERN_POLICE_ARCHIVE, else data.police.uk)",
        placeholder: 'URL',
        required: false,
        check: { type: 'text' },
      },
      replace: {
        kind: 'boolean',
        description: 'let a file replace a month even when it holds far fewer rows than the store',
        required: false,
        check: { type: 'flag' },
      },
    },
    load: async () => (await import('./fetch.js')).fetchArchiveCommand,
  },
  {
    name: 'fetch boundaries',
    task: 'Get data in',
    summary:
      "An area's generalised LSOA, ward and district boundaries from the ONS Open Geography Portal",
    description:
      "A store built with import holds no boundaries for its forces: hotspot grids are then not clipped to the area and report maps have no outline (import says so, and gives this command). The codes asked for are those the register holds within the area (a district, CSP or whole force); everything is fetched before anything is stored, then stored in one go, replacing what was held for the same areas. Codes the portal's layer lacks are listed, never guessed at.",
    examples: ['lantern fetch boundaries --area Merseyside'],
    store: 'create',
    options: {
      area: {
        kind: 'string',
        description:
          'the area whose boundaries to fetch: a district, CSP or force, by ONS code, name or police.uk force id',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      boundariesUrl: {
        kind: 'string',
        description:
          "the portal's address (default $LANTERN_ONS_GEOPORTAL, else https://services1.arcgis.com/ESMARspQHYMw9BZ9/arcgis/rest/services)",
        placeholder: 'URL',
        required: false,
        check: { type: 'text' },
      },
      boundaryLayers: {
        kind: 'string',
        description: "the portal's layers: their names, code fields and vintages",
        placeholder: 'FILE',
        defaultText: 'config/ons-boundary-layers.yaml',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./fetch-boundaries.js')).fetchBoundariesCommand,
  },
  {
    name: 'datasets',
    task: 'Get data in',
    summary:
      'The partner datasets: their fields (required, personal), sensitivity, and what the store holds',
    examples: ['lantern datasets'],
    store: 'read',
    options: {},
    load: async () => (await import('./datasets.js')).datasetsCommand,
  },
  {
    name: 'areas import-population',
    task: 'Get data in',
    summary:
      'Populations by area code for a year (ONS mid-year estimates, or any CSV of codes and counts)',
    description:
      'At LSOA, ward, district or higher; LSOA or ward figures are summed up the register where every sub-area has one. A rate uses the population of the year held nearest the period, and says which.',
    examples: [
      'lantern areas import-population mid-2022-lsoa.csv --year 2022 --source "ONS mid-2022 estimates"',
      'lantern areas import-population ts021-ethnic-group-ltla.csv --year 2021 --source "ONS Census 2021 TS021" --ethnic-group-column "Ethnic group (6 categories)"',
    ],
    store: 'existing',
    positionals: { placeholder: 'FILE', description: 'the population file (CSV)' },
    options: {
      year: {
        kind: 'string',
        description: 'the year the figures are for (read from a "Mid-2023" header if absent)',
        placeholder: 'YYYY',
        required: false,
        check: { type: 'number', min: 1900, max: 2100, integer: true },
      },
      source: {
        kind: 'string',
        description: 'where the figures come from, as outputs will name it',
        placeholder: 'TEXT',
        required: false,
        check: { type: 'text' },
      },
      codeColumn: {
        kind: 'string',
        description: 'the column holding ONS area codes (found by its header if absent)',
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      countColumn: {
        kind: 'string',
        description: 'the column holding the counts (found by its header if absent)',
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      ethnicGroupColumn: {
        kind: 'string',
        description:
          'for a Census table by ethnic group (e.g. 2021 TS021, by district): the column naming the group; stop-search then uses the year nearest its searches',
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./areas-import-population.js')).areasImportPopulationCommand,
  },
  {
    name: 'areas import-boundaries',
    task: 'Get data in',
    summary: 'GeoJSON or TopoJSON boundaries of any area type and vintage',
    description:
      "Boundaries clip hotspot grids to an area and frame its maps. Each feature needs its ONS code in a property (found by its name, or given with ⟨codeProperty⟩); a feature whose code the register (2019 areas) does not know is matched by its area's name (a ward's only in a district where others of the file lie), and those so matched are counted, as their shapes may be of another year. Several files of one type and vintage (one per district, say) are all checked first and stored together: all of them, or none.",
    examples: [
      'lantern areas import-boundaries wards-2019.geojson --type ward --vintage 2019',
      'lantern areas import-boundaries wards-E08000011.json wards-E08000012.json --type ward --vintage 2019',
    ],
    store: 'existing',
    positionals: { placeholder: 'FILE', description: 'the GeoJSON or TopoJSON files' },
    options: {
      type: {
        kind: 'string',
        description: 'the type of area the boundaries are of (force, csp, district, ward, lsoa)',
        placeholder: 'force|csp|district|ward|lsoa',
        required: true,
        check: { type: 'choice', values: ['force', 'csp', 'district', 'ward', 'lsoa'] },
      },
      vintage: {
        kind: 'string',
        description: 'the year of the boundaries (e.g. 2011, 2021)',
        placeholder: 'YYYY',
        required: true,
        check: { type: 'text' },
      },
      codeProperty: {
        kind: 'string',
        description: "the property holding each feature's ONS code",
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      source: {
        kind: 'string',
        description: 'where the boundaries come from, as outputs will name it',
        placeholder: 'TEXT',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./areas-import-boundaries.js')).areasImportBoundariesCommand,
  },
  {
    name: 'demo',
    task: 'Get data in',
    summary: 'Builds the demo store from the bundled Hertfordshire sample (idempotent)',
    description:
      'Imports the bundled police.uk sample (30 months of Hertfordshire in three runs with gaps, and 13 months of outcomes) and adds generated partner data for Three Rivers, labelled SYNTHETIC in the store and in every output.',
    examples: ['lantern demo', 'lantern demo --db /tmp/demo.duckdb'],
    store: 'create',
    options: {},
    load: async () => (await import('./demo.js')).demoCommand,
  },
  {
    name: 'start',
    task: 'Get data in',
    summary:
      'What npm start runs: builds the demo store if needed, then serves the dashboard (Three Rivers first) until stopped',
    examples: ['lantern start', 'lantern start --port 8081'],
    store: 'create',
    options: {
      port: {
        kind: 'string',
        description: 'the port to listen on',
        placeholder: 'PORT',
        defaultText: '8080 ($PORT when set); 0 picks a free one',
        required: false,
        check: { type: 'number', min: 0, max: 65535, integer: true },
      },
      host: {
        kind: 'string',
        description:
          'the address to listen on: 127.0.0.1 (this computer only) unless told otherwise; 0.0.0.0 shares it with the network (add user accounts first: a store without them is open to whoever reaches it)',
        placeholder: 'HOST',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./demo.js')).startCommand,
  },
  {
    name: 'summary',
    task: 'Look at an area',
    summary:
      "An area's street records by category and month: missing months marked missing, never zero",
    description:
      'Crime totals exclude anti-social behaviour (ASB), which is shown apart. A month no file of the force covers is missing, not zero, and left out of the totals.',
    examples: [
      'lantern summary --area "Three Rivers"',
      'lantern summary --area "Three Rivers" --period 2025-26',
      'lantern summary --area hertfordshire --period last-12-months',
    ],
    store: 'read',
    options: {
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      period: {
        kind: 'string',
        description:
          'the months to look at: YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), YYYY-YY (April to March, e.g. 2025-26) or last-12-months',
        placeholder: 'PERIOD',
        defaultText: 'every month held',
        required: false,
        check: { type: 'period' },
      },
      type: {
        kind: 'string',
        description:
          'which kind of area the name means, when two share it (force, csp, district, ward, lsoa)',
        placeholder: 'force|csp|district|ward|lsoa',
        required: false,
        check: { type: 'choice', values: ['force', 'csp', 'district', 'ward', 'lsoa'] },
      },
      disclosure: {
        kind: 'string',
        description:
          'disclosure control of public output and restricted datasets: the small-number threshold, and the periods public outputs may cover',
        placeholder: 'FILE',
        defaultText: 'config/disclosure.yaml',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./summary.js')).summaryCommand,
  },
  {
    name: 'serve',
    task: 'Look at an area',
    summary: 'The dashboard and the HTTP API over the store, in a browser, until stopped (Ctrl+C)',
    description:
      "Prints the address to open. Every command that reads is also an endpoint (GET /api/trends?area=…; GET /api/openapi.json lists them). Once the store has user accounts (lantern users add --admin), everyone signs in (the dashboard) or sends an API token (Authorization: Bearer), and sees what their grants allow; a store without accounts is served to its owner on 127.0.0.1 only, unless ⟨host⟩ says otherwise, and answers only at localhost or an IP address, never at a name (a page of another site rebinding its name to this computer could read it). Single sign-on (OpenID Connect: a council's Microsoft Entra ID, say) is offered beside passwords when LANTERN_OIDC_ISSUER, LANTERN_OIDC_CLIENT_ID, LANTERN_OIDC_CLIENT_SECRET and LANTERN_OIDC_REDIRECT_URL are set (LANTERN_OIDC_NAME names the button); it signs in only people an admin has added.",
    examples: ['lantern serve', 'lantern serve --port 8081'],
    store: 'existing',
    options: {
      port: {
        kind: 'string',
        description: 'the port to listen on',
        placeholder: 'PORT',
        defaultText: '8080 ($PORT when set); 0 picks a free one',
        required: false,
        check: { type: 'number', min: 0, max: 65535, integer: true },
      },
      host: {
        kind: 'string',
        description:
          'the address to listen on: 127.0.0.1 (this computer only) unless told otherwise; 0.0.0.0 shares it with the network (add user accounts first: a store without them is open to whoever reaches it)',
        placeholder: 'HOST',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'overview',
    task: 'Look at an area',
    summary: "What stands out across a partnership's districts, category by category",
    description:
      'For each category: the districts above their 95% funnel limit, the significant rises and falls against the comparison period (Holm-adjusted), and the months in the period above the range expected from each district’s history. From the same figures as trends, compare and exceptions (each district’s own with those commands, or all of them with ⟨json⟩). Flags are statistical: a district above its limits or a significant rise is worth a look, not a finding; counts are of recorded crime, and much is never reported.',
    examples: [
      'lantern overview --within Hertfordshire',
      'lantern overview --within Hertfordshire --period 2025-01..2025-12',
    ],
    store: 'read',
    options: {
      within: {
        kind: 'string',
        description:
          'the force or Community Safety Partnership whose districts are shown (an ONS code, a name or a police.uk force id)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      period: {
        kind: 'string',
        description:
          'the months to look at: YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), YYYY-YY (April to March, e.g. 2025-26) or last-12-months',
        placeholder: 'PERIOD',
        defaultText: 'the latest 12 months held',
        required: false,
        check: { type: 'period' },
      },
      history: {
        kind: 'boolean',
        description:
          'with ⟨json⟩: each district and category’s month-by-month expected range too, as exceptions gives it (without it the overview is a seventh of the size)',
        required: false,
        check: { type: 'flag' },
      },
      discontinuities: {
        kind: 'string',
        description: 'known breaks in the series (recording changes, lockdowns)',
        placeholder: 'FILE',
        defaultText: 'config/discontinuities.yaml',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./overview.js')).overviewCommand,
  },
  {
    name: 'areas',
    task: 'Look at an area',
    summary: 'The area register with populations (year and source) and record counts',
    description:
      'Lists the areas of the forces whose data the store holds (force, CSP, district, ward or LSOA), each with its population, the year and source of that population, and the street records placed in it. ⟨all⟩ lists the whole register of England and Wales.',
    examples: [
      'lantern areas',
      'lantern areas --type ward --within "Three Rivers"',
      'lantern areas --type force --all',
    ],
    store: 'read',
    options: {
      type: {
        kind: 'string',
        description: 'the kind of area to list (force, csp, district, ward, lsoa)',
        placeholder: 'force|csp|district|ward|lsoa',
        defaultText: 'district',
        required: false,
        check: { type: 'choice', values: ['force', 'csp', 'district', 'ward', 'lsoa'] },
      },
      within: {
        kind: 'string',
        description: 'only the areas inside this one',
        placeholder: 'AREA',
        required: false,
        check: { type: 'text' },
      },
      all: {
        kind: 'boolean',
        description: 'the whole register, not only the forces whose data the store holds',
        required: false,
        check: { type: 'flag' },
      },
    },
    load: async () => (await import('./areas.js')).areasCommand,
  },
  {
    name: 'categories',
    task: 'Look at an area',
    summary: "The categories commands take: police.uk codes and names, and each partner dataset's",
    description:
      "⟨category⟩ takes a police.uk category by its code, by its name as outputs print it, or by the short label wide tables head it with (ASB, V&SO), in any case; all-crime is every category but anti-social behaviour. With ⟨dataset⟩, it takes that dataset's categories.",
    examples: ['lantern categories'],
    store: 'none',
    options: {},
    load: async () => (await import('./categories.js')).categoriesCommand,
  },
  {
    name: 'outcomes',
    task: 'Look at an area',
    summary:
      'What happened after crimes were reported: the share charged or summonsed, and why the others were not',
    description:
      'Each crime recorded in the period gets the latest outcome the outcomes files hold for it (joined by Crime ID), else the last outcome its street file gives; a month holding two outcomes for one crime counts the more final (config/police-outcomes.yaml lists every police.uk outcome category, its group and the order). Crimes are grouped as charged or summonsed (court results included), out-of-court disposal, no suspect identified, evidential difficulties or victim does not support, under investigation, and other, per category, with the share charged and its exact 95% interval. Months not held are named. Crimes of the last months are often still under investigation, so their charge share may rise; ASB has no outcomes. A charge is not a conviction.',
    examples: [
      'lantern outcomes --area "Three Rivers" --period 2025',
      'lantern outcomes --area "Three Rivers" --period 2021-01..2022-01',
    ],
    store: 'read',
    options: {
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      period: {
        kind: 'string',
        description:
          'the months the crimes were recorded in: YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), YYYY-YY (April to March, e.g. 2025-26) or last-12-months',
        placeholder: 'PERIOD',
        required: true,
        check: { type: 'period' },
      },
    },
    load: async () => (await import('./outcomes.js')).outcomesCommand,
  },
  {
    name: 'deprivation',
    task: 'Look at an area',
    summary: 'Records by the deprivation decile (IMD 2019, England) of the LSOA they are placed in',
    description:
      'Each street record is counted in the national IMD 2019 decile of the LSOA it is placed in (1: the most deprived tenth of LSOAs in England). LSOAs hold similar numbers of residents, so records per LSOA compare deciles fairly; records without a ranked LSOA are shown apart. IMD 2019 covers England only: an area in Wales is refused, and records in Welsh LSOAs (ranked by the Welsh index, WIMD, which Lantern does not hold) are shown apart as Wales. Where a crime was placed says nothing of where the people involved live.',
    examples: [
      'lantern deprivation --area "Three Rivers" --period 2025',
      'lantern deprivation --area "Three Rivers" --period 2025-01..2025-12 --category burglary',
    ],
    store: 'read',
    options: {
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      period: {
        kind: 'string',
        description:
          'the months to look at: YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), YYYY-YY (April to March, e.g. 2025-26) or last-12-months',
        placeholder: 'PERIOD',
        required: true,
        check: { type: 'period' },
      },
      category: {
        kind: 'string',
        description:
          "a police.uk category: its code or its name as outputs print it (burglary, 'Violence and sexual offences')",
        placeholder: 'CATEGORY',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./deprivation.js')).deprivationCommand,
  },
  {
    name: 'stop-search',
    task: 'Look at an area',
    summary:
      "A force's or a district's stop and search: who is searched, find and arrest rates, disproportionality, trend and map",
    description:
      'Searches by self-defined and officer-defined ethnicity, age range, gender, legislation, object of search and outcome, each group with its find rate (an outcome other than no further action, linked to the object searched for) and arrest rate and their exact 95% intervals; disproportionality: searches per 1,000 residents of each broad ethnic group against White residents, with the exact 95% interval of the ratio and the Census year of the populations named; the trend against the same months of an earlier year with the exact test `trends` uses (Holm-adjusted across groups). Stop and search is published per force with a point but no LSOA: each search is placed in a district by its point when imported, so `--area` reads one district’s (or CSP’s) searches against its own residents; searches with no location, or at a point in no district whose boundary is held, count only for the whole force, which lists searches by district and says how many are in none. Months not held are named, never counted as zero (the demo store holds none: import a force’s files first, e.g. data/police/northumbria-stop-and-search.zip). Searches measure police activity, not crime.',
    examples: [
      'lantern stop-search --force northumbria --period 2022',
      'lantern stop-search --area "Newcastle upon Tyne" --period 2022',
      'lantern stop-search --force northumbria --period 2022 --map searches.svg',
    ],
    store: 'read',
    options: {
      force: {
        kind: 'string',
        description:
          'the police.uk force id (e.g. northumbria, hertfordshire); may be left out when --area is given',
        placeholder: 'FORCE',
        required: false,
        check: { type: 'text' },
      },
      area: {
        kind: 'string',
        description:
          'a district or CSP (ONS code or name, e.g. "Newcastle upon Tyne") to read its searches only, or a force; give this or --force',
        placeholder: 'AREA',
        required: false,
        check: { type: 'text' },
      },
      period: {
        kind: 'string',
        description:
          'the months of the searches: YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), YYYY-YY (April to March, e.g. 2025-26) or last-12-months',
        placeholder: 'PERIOD',
        required: true,
        check: { type: 'period' },
      },
      map: {
        kind: 'string',
        description: 'write a map of the searches (1 km squares) to this SVG file',
        placeholder: 'FILE',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./stop-search.js')).stopSearchCommand,
  },
  {
    name: 'hidden-figure',
    task: 'Look at an area',
    summary: 'Recorded counts and the estimated total, from survey reporting rates',
    description:
      'Much crime is never reported: the estimate divides what was recorded by the share of incidents victims say they report (Crime Survey for England and Wales and others), with an interval from the count’s own uncertainty and the range of the rate. The rates are national and often years old, so the estimate is an order of magnitude for the area, not a count; where no rate is published (ASB) there is none.',
    examples: [
      'lantern hidden-figure --area "Three Rivers" --period 2025',
      'lantern hidden-figure --area "Three Rivers" --period last-12-months --json',
    ],
    store: 'read',
    options: {
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      period: {
        kind: 'string',
        description:
          'the months to look at: YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), YYYY-YY (April to March, e.g. 2025-26) or last-12-months',
        placeholder: 'PERIOD',
        required: true,
        check: { type: 'period' },
      },
      reportingRates: {
        kind: 'string',
        description: 'survey reporting rates, each with its year and source',
        placeholder: 'FILE',
        defaultText: 'config/reporting-rates.yaml',
        required: false,
        check: { type: 'text' },
      },
      disclosure: {
        kind: 'string',
        description:
          'disclosure control of public output and restricted datasets: the small-number threshold, and the periods public outputs may cover',
        placeholder: 'FILE',
        defaultText: 'config/disclosure.yaml',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./hidden-figure.js')).hiddenFigureCommand,
  },
  {
    name: 'trends',
    task: 'Compare and explain',
    summary:
      'Counts by month (gaps marked), the change against the same months of the nearest earlier year held, its exact test and rate ratio, and the rate per 1,000',
    description:
      'Police.uk street records by default, or a partner dataset with ⟨dataset⟩. The change is tested as two Poisson counts (exact conditional test); with ⟨all⟩ every category is tested and Holm-adjusted. Months not held are never zero: a partly held period is said, and the comparison uses the months held on both sides.',
    examples: [
      'lantern trends --area "Three Rivers" --category burglary --period 2025',
      'lantern trends --area "Three Rivers" --all --period 2025-01..2025-12',
      'lantern trends --area "Three Rivers" --dataset fly-tipping --all',
    ],
    store: 'read',
    options: {
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      category: {
        kind: 'string',
        description:
          "a category: its code or its name as outputs print it (burglary, 'Violence and sexual offences'), all-crime, or a partner dataset's category ('lantern categories' lists them)",
        placeholder: 'CATEGORY',
        required: false,
        check: { type: 'text' },
      },
      all: {
        kind: 'boolean',
        description: 'every category at once, Holm-adjusted',
        required: false,
        check: { type: 'flag' },
      },
      period: {
        kind: 'string',
        description:
          'the months to look at: YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), YYYY-YY (April to March, e.g. 2025-26) or last-12-months',
        placeholder: 'PERIOD',
        defaultText: 'the latest 12 months held',
        required: false,
        check: { type: 'period' },
      },
      dataset: {
        kind: 'string',
        description: 'a partner dataset instead of police.uk records (lantern datasets)',
        placeholder: 'DATASET',
        required: false,
        check: { type: 'text' },
      },
      discontinuities: {
        kind: 'string',
        description: 'known breaks in the series (recording changes, lockdowns)',
        placeholder: 'FILE',
        defaultText: 'config/discontinuities.yaml',
        required: false,
        check: { type: 'text' },
      },
      disclosure: {
        kind: 'string',
        description:
          'disclosure control of public output and restricted datasets: the small-number threshold, and the periods public outputs may cover',
        placeholder: 'FILE',
        defaultText: 'config/disclosure.yaml',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./trends.js')).trendsCommand,
  },
  {
    name: 'compare',
    task: 'Compare and explain',
    summary: 'Districts side by side: rates per 1,000, funnel limits, flags and ranks',
    description:
      'The districts of a force or Community Safety Partnership (⟨within⟩), or a peer group (⟨group⟩), each against the count expected at the group’s rate, with 95% and 99.8% funnel limits, a flag (above, within, below) and a rank. By default the limits allow for the usual spread between areas beyond chance (overdispersion); ⟨limits⟩ poisson shows chance alone. A district above its limits differs by more than that spread, which says nothing of why: population, footfall and recording practice all differ between districts. With fewer than 10 areas the spread cannot be estimated, and the limits allow for chance alone (said in the output).',
    examples: [
      'lantern compare --within hertfordshire --category burglary --period 2025',
      'lantern compare --within hertfordshire --category violent-crime --period 2025-01..2025-12 --limits poisson',
    ],
    store: 'read',
    options: {
      within: {
        kind: 'string',
        description:
          'the force or Community Safety Partnership whose districts are compared (an ONS code, a name or a police.uk force id)',
        placeholder: 'AREA',
        required: false,
        check: { type: 'text' },
      },
      group: {
        kind: 'string',
        description:
          "a peer group of districts instead of --within ('lantern areas groups' lists them)",
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      peerGroups: {
        kind: 'string',
        description: 'named peer groups of districts for comparison',
        placeholder: 'FILE',
        defaultText: 'config/peer-groups.yaml',
        required: false,
        check: { type: 'text' },
      },
      discontinuities: {
        kind: 'string',
        description: 'known breaks in the series (recording changes, lockdowns)',
        placeholder: 'FILE',
        defaultText: 'config/discontinuities.yaml',
        required: false,
        check: { type: 'text' },
      },
      disclosure: {
        kind: 'string',
        description:
          'disclosure control of public output and restricted datasets: the small-number threshold, and the periods public outputs may cover',
        placeholder: 'FILE',
        defaultText: 'config/disclosure.yaml',
        required: false,
        check: { type: 'text' },
      },
      category: {
        kind: 'string',
        description:
          "the category: its code or its name as outputs print it (burglary, 'Violence and sexual offences'), all-crime, or a partner dataset's category",
        placeholder: 'CATEGORY',
        required: false,
        check: { type: 'text' },
      },
      dataset: {
        kind: 'string',
        description:
          "a partner dataset instead of police.uk records ('lantern datasets' lists them)",
        placeholder: 'DATASET',
        required: false,
        check: { type: 'text' },
      },
      period: {
        kind: 'string',
        description:
          'the months to look at: YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), YYYY-YY (April to March, e.g. 2025-26) or last-12-months',
        placeholder: 'PERIOD',
        required: true,
        check: { type: 'period' },
      },
      limits: {
        kind: 'string',
        description:
          'the funnel limits: allowing for the spread between areas, or chance alone (overdispersed, poisson)',
        placeholder: 'overdispersed|poisson',
        defaultText: 'overdispersed',
        required: false,
        check: { type: 'choice', values: ['overdispersed', 'poisson'] },
      },
    },
    load: async () => (await import('./compare.js')).compareCommand,
  },
  {
    name: 'areas groups',
    task: 'Compare and explain',
    summary:
      "Peer groups for comparison: each force's districts (built in) and the named groups of the peer-groups file",
    examples: ['lantern areas groups', 'lantern areas groups --all'],
    store: 'read',
    options: {
      peerGroups: {
        kind: 'string',
        description: 'named peer groups of districts for comparison',
        placeholder: 'FILE',
        defaultText: 'config/peer-groups.yaml',
        required: false,
        check: { type: 'text' },
      },
      all: {
        kind: 'boolean',
        description:
          "every force's districts, not only those of the forces whose data the store holds",
        required: false,
        check: { type: 'flag' },
      },
    },
    load: async () => (await import('./areas-groups.js')).areasGroupsCommand,
  },
  {
    name: 'exceptions',
    task: 'Compare and explain',
    summary: "Months above the range expected from the area's own history",
    description:
      'Every month held is modelled from the others (quasi-Poisson regression with a trend, and month-of-year effects where the counts show a season), so a month is judged against a 99.8% range from a fit made without it. Months not held are left out, never counted as zero. An exception says a month was unusual for this area, not why: a recording change or one busy event can make one.',
    examples: [
      'lantern exceptions --area "Three Rivers" --category burglary',
      'lantern exceptions --area "Three Rivers" --category "Anti-social behaviour"',
      'lantern exceptions --area "Three Rivers" --dataset fly-tipping',
    ],
    store: 'read',
    options: {
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      category: {
        kind: 'string',
        description:
          "the category: its code or its name as outputs print it (burglary, 'Violence and sexual offences'), all-crime, or a partner dataset's category",
        placeholder: 'CATEGORY',
        required: false,
        check: { type: 'text' },
      },
      dataset: {
        kind: 'string',
        description:
          "a partner dataset instead of police.uk records ('lantern datasets' lists them)",
        placeholder: 'DATASET',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./exceptions.js')).exceptionsCommand,
  },
  {
    name: 'forecast',
    task: 'Compare and explain',
    summary: 'The next 3 to 6 months of a category, with intervals and a backtest',
    description:
      'A quasi-Poisson regression with a trend and, where the counts support them, month-of-year effects, fitted on every month held; months not held are left out, never counted as zero. The 80% and 95% intervals include the counts’ own variability and the uncertainty of the fit. A forecast carries the past forward: it cannot foresee a change in policing, recording or anything else, and its backtest (coverage and MASE against the seasonal-naive forecast) says how far to trust it.',
    examples: [
      'lantern forecast --area "Three Rivers" --category burglary',
      'lantern forecast --area "Three Rivers" --category burglary --months 6 --backtest',
    ],
    store: 'read',
    options: {
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      category: {
        kind: 'string',
        description:
          "a police.uk category: its code or its name as outputs print it (burglary, 'Violence and sexual offences'), or all-crime",
        placeholder: 'CATEGORY',
        required: true,
        check: { type: 'text' },
      },
      months: {
        kind: 'string',
        description: 'how many months ahead, 3 to 6',
        placeholder: 'N',
        defaultText: '3',
        required: false,
        check: { type: 'number', min: 3, max: 6, integer: true },
      },
      backtest: {
        kind: 'boolean',
        description:
          'show each month of the backtest (the last months held, forecast from those before them) with its intervals',
        required: false,
        check: { type: 'flag' },
      },
    },
    load: async () => (await import('./forecast.js')).forecastCommand,
  },
  {
    name: 'hotspots',
    task: 'Places and patterns',
    summary: 'Where incidents cluster: Gi* hotspots, density and counts on a grid; a map',
    description:
      'Incidents with a location are counted on a grid of square cells clipped to the area’s boundary and ranked by Gi* z (or kernel density, or count); Gi* p-values are adjusted for the number of cells tested (Benjamini–Hochberg false discovery rate), and read only where a cell’s neighbourhood expects at least one incident (else no cell is called a hotspot, and the output says why). Cells with no incidents are never ranked. With ⟨classify⟩ each cell is also classed over the periods held (persistent, emerging, former or intermittent hot and cold spots). police.uk points are snapped to anonymous map points, not addresses, so a default cell is never under 50 m for them and a cell is a few streets at best; a hotspot says where incidents were recorded, not why.',
    examples: [
      'lantern hotspots --area "Three Rivers" --category burglary --period 2025',
      'lantern hotspots --area "Three Rivers" --dataset fly-tipping --period 2024-01..2025-12 --classify',
      'lantern hotspots --area "Three Rivers" --category anti-social-behaviour --period 2025 --method kde --cell 100 --out asb.geojson',
    ],
    store: 'read',
    options: {
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      category: {
        kind: 'string',
        description:
          "a police.uk category: its code or its name as outputs print it (burglary, 'Anti-social behaviour'), all-crime; with ⟨dataset⟩, one of the dataset's categories",
        placeholder: 'CATEGORY',
        required: false,
        check: { type: 'text' },
      },
      dataset: {
        kind: 'string',
        description:
          'a partner dataset with a place for each incident (asb-council, fly-tipping, hate-crime) instead of police.uk records',
        placeholder: 'DATASET',
        required: false,
        check: { type: 'text' },
      },
      period: {
        kind: 'string',
        description:
          'the months to look at: YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), YYYY-YY (April to March, e.g. 2025-26) or last-12-months',
        placeholder: 'PERIOD',
        required: true,
        check: { type: 'period' },
      },
      method: {
        kind: 'string',
        description:
          'what ranks the cells: incidents, kernel density, or the Gi* hotspot statistic (count, kde, gistar)',
        placeholder: 'count|kde|gistar',
        defaultText: 'gistar',
        required: false,
        check: { type: 'choice', values: ['count', 'kde', 'gistar'] },
      },
      cell: {
        kind: 'string',
        description: 'the width of a grid cell, in metres (at least 10)',
        placeholder: 'METRES',
        defaultText: "about a fiftieth of the area's shorter side",
        required: false,
        check: { type: 'number', min: 10, unit: 'metres' },
      },
      bandwidth: {
        kind: 'string',
        description: 'the kernel density bandwidth, in metres',
        placeholder: 'METRES',
        defaultText: 'from the spread of the incidents',
        required: false,
        check: { type: 'number', above: 0, unit: 'metres' },
      },
      classify: {
        kind: 'boolean',
        description:
          'also class each cell over the periods held (months, quarters or years, by the length of the period): persistent, emerging, former, intermittent hot or cold spot',
        required: false,
        check: { type: 'flag' },
      },
      top: {
        kind: 'string',
        description: 'how many cells to list',
        placeholder: 'N',
        defaultText: '10',
        required: false,
        check: { type: 'number', above: 0, integer: true },
      },
      out: {
        kind: 'string',
        description: 'write the map to this GeoJSON file (WGS84, one feature per cell)',
        placeholder: 'FILE',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./hotspots.js')).hotspotsCommand,
  },
  {
    name: 'repeat-locations',
    task: 'Places and patterns',
    summary: 'How far incidents concentrate on a few places (top shares, Gini)',
    description:
      'The share of incidents at the busiest 1, 5 and 10% of places, the Lorenz curve and the Gini coefficient, and the busiest places by name. Places are police.uk map points (every point with any record in the area in the period, those without incidents of the category counting as zeros) or a partner dataset’s points. A map point stands for several nearby addresses, so a busy place may be a stretch of street rather than one building; concentration says where to look, not why incidents repeat there.',
    examples: [
      'lantern repeat-locations --area "Three Rivers" --category anti-social-behaviour --period 2025',
      'lantern repeat-locations --area "Three Rivers" --dataset fly-tipping --period 2024-01..2025-12',
    ],
    store: 'read',
    options: {
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      period: {
        kind: 'string',
        description:
          'the months to look at: YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), YYYY-YY (April to March, e.g. 2025-26) or last-12-months',
        placeholder: 'PERIOD',
        required: true,
        check: { type: 'period' },
      },
      category: {
        kind: 'string',
        description:
          "a police.uk category: its code or its name as outputs print it (burglary, 'Anti-social behaviour'), all-crime; with ⟨dataset⟩, one of the dataset's categories",
        placeholder: 'CATEGORY',
        required: false,
        check: { type: 'text' },
      },
      dataset: {
        kind: 'string',
        description:
          'a partner dataset with a place for each incident (asb-council, fly-tipping, hate-crime) instead of police.uk records',
        placeholder: 'DATASET',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./repeat-locations.js')).repeatLocationsCommand,
  },
  {
    name: 'near-repeat',
    task: 'Places and patterns',
    summary: 'Knox test: do incidents come close in space and time more than chance?',
    description:
      'Every pair of dated events is counted by distance and days apart, against the counts expected when the dates are shuffled among the events (Monte Carlo permutations). It needs the day of each event, so it runs on dated partner data (asb-council, fly-tipping, hate-crime), not police.uk records, which give only the month. A high Knox ratio says events cluster in space and time; it cannot say whether one event led to the next, and many cells are tested at once, so some look significant by chance.',
    examples: [
      'lantern near-repeat --area "Three Rivers" --dataset asb-council --period 2025',
      'lantern near-repeat --area "Three Rivers" --dataset fly-tipping --period 2024-01..2025-12 --distance-bands 0,50,100,200 --time-bands 0,3,7,14',
      'lantern near-repeat --area "Three Rivers" --dataset asb-council --period 2025 --iterations 9999 --seed 7',
    ],
    store: 'read',
    options: {
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      dataset: {
        kind: 'string',
        description:
          'a dated partner dataset with a place for each event: asb-council, fly-tipping or hate-crime',
        placeholder: 'DATASET',
        required: false,
        check: { type: 'text' },
      },
      category: {
        kind: 'string',
        description: "one of the dataset's categories (default: all of them)",
        placeholder: 'CATEGORY',
        required: false,
        check: { type: 'text' },
      },
      period: {
        kind: 'string',
        description:
          'the months to look at: YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), YYYY-YY (April to March, e.g. 2025-26) or last-12-months',
        placeholder: 'PERIOD',
        required: true,
        check: { type: 'period' },
      },
      distanceBands: {
        kind: 'string',
        description:
          'distance breakpoints in metres, from 0 and increasing: each band runs from one to the next',
        placeholder: 'M,M,...',
        defaultText: '0,100,200,400,800',
        required: false,
      },
      timeBands: {
        kind: 'string',
        description:
          'time breakpoints in whole days, from 0 and increasing: each band runs from one to the next',
        placeholder: 'D,D,...',
        defaultText: '0,7,14,21,28',
        required: false,
      },
      iterations: {
        kind: 'string',
        description:
          'how many random permutations of the dates the expected counts and p-values come from, 1 to 99,999 (more: smaller p-values possible, slower); over the HTTP API, only as many as take a few seconds for the events asked for (the answer says how many)',
        placeholder: 'N',
        defaultText: '999',
        required: false,
        check: { type: 'number', min: 1, max: 99999, integer: true },
      },
      seed: {
        kind: 'string',
        description: 'the seed of the permutations: the same seed gives the same result',
        placeholder: 'N',
        defaultText: '1',
        required: false,
        check: { type: 'number', min: 0, max: 4294967295, integer: true },
      },
    },
    load: async () => (await import('./near-repeat.js')).nearRepeatCommand,
  },
  {
    name: 'cameras',
    task: 'Places and patterns',
    summary: 'Where K cameras would have seen the most incidents (maximal covering)',
    description:
      'Each site sees the incidents within the radius; sites are chosen together so that as many incidents as possible are seen, from a grid over the area (or your own candidate sites), leaving out places already covered by existing cameras and excluded zones. The exact solver (HiGHS) runs within ⟨timeLimit⟩; the solution says whether it is proven best, or how far from the best it can be. It looks back at where incidents were recorded: it cannot say whether a camera would deter or move them, and police.uk points are map points near the scene, not the scene.',
    examples: [
      'lantern cameras --area "Three Rivers" --dataset fly-tipping --period 2024-01..2025-12 --cameras 5 --radius 75',
      'lantern cameras --area "Three Rivers" --category robbery --period 2025 --cameras 3 --radius 250 --harm-weighted',
      'lantern cameras --area "Three Rivers" --dataset fly-tipping --period 2025 --cameras 5 --radius 75 --time-limit 0 --out cameras.geojson',
    ],
    store: 'read',
    options: {
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      category: {
        kind: 'string',
        description:
          "a police.uk category: its code or its name as outputs print it (burglary, 'Anti-social behaviour'), all-crime; with ⟨dataset⟩, one of the dataset's categories",
        placeholder: 'CATEGORY',
        required: false,
        check: { type: 'text' },
      },
      dataset: {
        kind: 'string',
        description:
          'a partner dataset with a place for each incident (asb-council, fly-tipping, hate-crime) instead of police.uk records',
        placeholder: 'DATASET',
        required: false,
        check: { type: 'text' },
      },
      period: {
        kind: 'string',
        description:
          'the months whose incidents the cameras should have seen: YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), YYYY-YY (April to March, e.g. 2025-26) or last-12-months',
        placeholder: 'PERIOD',
        required: true,
        check: { type: 'period' },
      },
      cameras: {
        kind: 'string',
        description: 'how many cameras to place, 1 to 200',
        placeholder: 'K',
        required: true,
        check: { type: 'number', min: 1, max: 200, integer: true },
      },
      radius: {
        kind: 'string',
        description: 'how far a camera sees, in metres (up to 5,000)',
        placeholder: 'METRES',
        required: true,
        check: { type: 'number', above: 0, max: 5000, unit: 'metres' },
      },
      candidates: {
        kind: 'string',
        description:
          'the sites a camera may go (CSV, CSV.gz or XLSX: columns longitude and latitude (WGS84) or easting and northing (British National Grid), and an optional name)',
        placeholder: 'FILE',
        defaultText: 'a grid over the area, cells of half the radius',
        required: false,
        check: { type: 'text' },
      },
      existing: {
        kind: 'string',
        description:
          'cameras already in place: incidents within the radius of one are left out (CSV, CSV.gz or XLSX: columns longitude and latitude (WGS84) or easting and northing (British National Grid), and an optional name)',
        placeholder: 'FILE',
        required: false,
        check: { type: 'text' },
      },
      exclude: {
        kind: 'string',
        description:
          'circles where no camera may go (CSV, CSV.gz or XLSX: the same place columns and radius_m, in metres)',
        placeholder: 'FILE',
        required: false,
        check: { type: 'text' },
      },
      harmWeighted: {
        kind: 'boolean',
        description:
          'weigh each incident by the harm of its police.uk category instead of counting it once',
        required: false,
        check: { type: 'flag' },
      },
      harmWeights: {
        kind: 'string',
        description: 'the harm weight of each category (Cambridge Crime Harm Index style)',
        placeholder: 'FILE',
        defaultText: 'config/harm-weights.yaml',
        required: false,
        check: { type: 'text' },
      },
      timeLimit: {
        kind: 'string',
        description:
          'seconds the exact solver may take, up to 3,600 (over the HTTP API up to 3, also the default there); 0 for the quick heuristic alone, with its bound',
        placeholder: 'SECONDS',
        defaultText: '10',
        required: false,
        check: { type: 'number', min: 0, max: 3600, unit: 'seconds' },
      },
      out: {
        kind: 'string',
        description: 'write the sites and their coverage circles to this GeoJSON file (WGS84)',
        placeholder: 'FILE',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./cameras.js')).camerasCommand,
  },
  {
    name: 'assess',
    task: 'Priorities and reports',
    summary:
      'The risk matrix of a district (with its county or force area beside it) or a force: every category and partner theme scored, ranked, banded and explained',
    description:
      'Harm, likelihood and trend from the data; vulnerability, community impact, concern and organisational position from an inputs file of manual scores, each with who, when and why. High priorities get tactical options and their busiest hotspot; the district is aligned with its county (or force area) and with the Police and Crime Plan. Each assessment is saved under an id; ⟨compareWith⟩ ID says what moved since. A period with fewer than three quarters of its months held is refused unless ⟨allowPartial⟩.',
    examples: [
      'lantern assess --area "Three Rivers" --period 2025 --inputs config/examples/three-rivers-2025-26.yaml',
      'lantern assess --area hertfordshire --period 2025-01..2025-12 --no-save',
    ],
    store: 'existing',
    options: {
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      period: {
        kind: 'string',
        description:
          'the months to look at: YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), YYYY-YY (April to March, e.g. 2025-26) or last-12-months',
        placeholder: 'PERIOD',
        required: true,
        check: { type: 'period' },
      },
      inputs: {
        kind: 'string',
        description: 'manual scores with their reasons (see config/examples/)',
        placeholder: 'FILE',
        required: false,
        check: { type: 'text' },
      },
      riskMatrix: {
        kind: 'string',
        description: 'the risk matrix: scales, thresholds and bands',
        placeholder: 'FILE',
        defaultText: 'config/risk-matrix.yaml',
        required: false,
        check: { type: 'text' },
      },
      tacticalOptions: {
        kind: 'string',
        description: 'the tactical options offered for High priorities',
        placeholder: 'FILE',
        defaultText: 'config/tactical-options.yaml',
        required: false,
        check: { type: 'text' },
      },
      policeCrimePlan: {
        kind: 'string',
        description: "the Police and Crime Plan's objectives",
        placeholder: 'FILE',
        defaultText: 'config/police-crime-plan.yaml',
        required: false,
        check: { type: 'text' },
      },
      harmWeights: {
        kind: 'string',
        description: 'the harm weight of each category (Cambridge Crime Harm Index style)',
        placeholder: 'FILE',
        defaultText: 'config/harm-weights.yaml',
        required: false,
        check: { type: 'text' },
      },
      reportingRates: {
        kind: 'string',
        description: 'survey reporting rates, each with its year and source',
        placeholder: 'FILE',
        defaultText: 'config/reporting-rates.yaml',
        required: false,
        check: { type: 'text' },
      },
      discontinuities: {
        kind: 'string',
        description: 'known breaks in the series (recording changes, lockdowns)',
        placeholder: 'FILE',
        defaultText: 'config/discontinuities.yaml',
        required: false,
        check: { type: 'text' },
      },
      disclosure: {
        kind: 'string',
        description:
          'disclosure control of public output and restricted datasets: the small-number threshold, and the periods public outputs may cover',
        placeholder: 'FILE',
        defaultText: 'config/disclosure.yaml',
        required: false,
        check: { type: 'text' },
      },
      compareWith: {
        kind: 'string',
        description: "a saved assessment's id: what moved since it",
        placeholder: 'ID',
        required: false,
        check: { type: 'text' },
      },
      noSave: {
        kind: 'boolean',
        description: 'do not save this assessment',
        required: false,
        check: { type: 'flag' },
      },
      allowPartial: {
        kind: 'boolean',
        description:
          'assess a period with fewer than three quarters of its months held (marked partial)',
        required: false,
        check: { type: 'flag' },
      },
    },
    load: async () => (await import('./assess.js')).assessCommand,
  },
  {
    name: 'assess list',
    task: 'Priorities and reports',
    summary:
      'The saved assessments: id, area, period, inputs file, when, and the months of it imported again (revised) or removed since',
    examples: ['lantern assess list'],
    store: 'read',
    options: {},
    load: async () => (await import('./assess.js')).assessListCommand,
  },
  {
    name: 'report',
    task: 'Priorities and reports',
    summary:
      'The strategic assessment of a district or a force (HTML, PDF) and its infographic (A4 and 1080 × 1350), with a CSV behind every chart and table',
    description:
      'The partner version shows every dataset the partnership may see, a restricted one (prevent, domestic-abuse) with its counts from 1 to 4 as "fewer than 5"; the public version shows counts from 1 to 4 as "fewer than 5", leaves out partner-only datasets, and publishes nothing from which a suppressed count can be worked out. The partnership\'s own details come from its settings: a value still at its bundled example (the local contact of config/report.yaml, the illustrative plan of config/police-crime-plan.yaml, an example inputs file) is refused, naming the file, the line and what to put there, unless ⟨draft⟩, which prints each as "not yet confirmed by the partnership" and marks every page a draft. The document speaks to its reader (no commands or file names); the commands behind each figure are in data/how-to-reproduce.txt. The PDF needs Chromium (apt-get install chromium, or LANTERN_CHROMIUM); without it the rest is written and the command says so.',
    examples: [
      'lantern report --area "Three Rivers" --period 2025 --inputs config/examples/three-rivers-2025-26.yaml --draft --out reports/three-rivers-2025',
      'lantern report --area "Three Rivers" --period 2025 --audience public --report-settings my-report.yaml --police-crime-plan my-plan.yaml --out reports/public --replace',
    ],
    store: 'existing',
    options: {
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      period: {
        kind: 'string',
        description:
          'the months to look at: YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), YYYY-YY (April to March, e.g. 2025-26) or last-12-months',
        placeholder: 'PERIOD',
        required: true,
        check: { type: 'period' },
      },
      out: {
        kind: 'string',
        description:
          'the folder to write the report into; one that holds files is refused unless ⟨replace⟩',
        placeholder: 'DIR',
        required: true,
        check: { type: 'text' },
      },
      audience: {
        kind: 'string',
        description: 'who the report is for (partner, public)',
        placeholder: 'partner|public',
        defaultText: 'partner',
        required: false,
        check: { type: 'choice', values: ['partner', 'public'] },
      },
      inputs: {
        kind: 'string',
        description: 'manual scores with their reasons (see config/examples/)',
        placeholder: 'FILE',
        required: false,
        check: { type: 'text' },
      },
      riskMatrix: {
        kind: 'string',
        description: 'the risk matrix: scales, thresholds and bands',
        placeholder: 'FILE',
        defaultText: 'config/risk-matrix.yaml',
        required: false,
        check: { type: 'text' },
      },
      tacticalOptions: {
        kind: 'string',
        description: 'the tactical options offered for High priorities',
        placeholder: 'FILE',
        defaultText: 'config/tactical-options.yaml',
        required: false,
        check: { type: 'text' },
      },
      policeCrimePlan: {
        kind: 'string',
        description: "the Police and Crime Plan's objectives",
        placeholder: 'FILE',
        defaultText: 'config/police-crime-plan.yaml',
        required: false,
        check: { type: 'text' },
      },
      harmWeights: {
        kind: 'string',
        description: 'the harm weight of each category (Cambridge Crime Harm Index style)',
        placeholder: 'FILE',
        defaultText: 'config/harm-weights.yaml',
        required: false,
        check: { type: 'text' },
      },
      reportingRates: {
        kind: 'string',
        description: 'survey reporting rates, each with its year and source',
        placeholder: 'FILE',
        defaultText: 'config/reporting-rates.yaml',
        required: false,
        check: { type: 'text' },
      },
      discontinuities: {
        kind: 'string',
        description: 'known breaks in the series (recording changes, lockdowns)',
        placeholder: 'FILE',
        defaultText: 'config/discontinuities.yaml',
        required: false,
        check: { type: 'text' },
      },
      reportSettings: {
        kind: 'string',
        description: "the report's contacts and wording",
        placeholder: 'FILE',
        defaultText: 'config/report.yaml',
        required: false,
        check: { type: 'text' },
      },
      disclosure: {
        kind: 'string',
        description:
          'disclosure control of public output and restricted datasets: the small-number threshold, and the periods public outputs may cover',
        placeholder: 'FILE',
        defaultText: 'config/disclosure.yaml',
        required: false,
        check: { type: 'text' },
      },
      draft: {
        kind: 'boolean',
        description:
          'allow settings still at their bundled example (contacts, plan, inputs), each marked "not yet confirmed by the partnership" on every page',
        required: false,
        check: { type: 'flag' },
      },
      noPdf: {
        kind: 'boolean',
        description: 'write no PDF',
        required: false,
        check: { type: 'flag' },
      },
      noSave: {
        kind: 'boolean',
        description: 'do not save the assessment behind the report',
        required: false,
        check: { type: 'flag' },
      },
      replace: {
        kind: 'boolean',
        description: "replace the report already in ⟨out⟩ (only the report's own files)",
        required: false,
        check: { type: 'flag' },
      },
      allowPartial: {
        kind: 'boolean',
        description:
          'report a period with fewer than three quarters of its months held (every page marked)',
        required: false,
        check: { type: 'flag' },
      },
    },
    load: async () => (await import('./report.js')).reportCommand,
  },
  {
    name: 'minutes extract',
    task: 'Priorities and reports',
    summary:
      "The actions a meeting's minutes assign, each with its owner, due date and the rule that found it, for confirmation",
    description:
      'Reads minutes saved as a Word document (.docx), Markdown (.md) or plain text (.txt) and proposes the actions they assign: "Action – NAME to …", "ACTION: …", an Actions list or table, and sentences opening "NAME to provide/circulate/arrange/…". Sentences that only mention actions ("the action plan was discussed") give none. Due dates without a year ("by 31 January") and "by the next meeting" resolve from the meeting\'s date, from --meeting or the minutes; a deadline that names no one day ("by the end of Q3", "by mid-February") keeps its wording, with no date. Nothing is saved.',
    examples: [
      'lantern minutes extract minutes-2025-11.docx --meeting "CSCG 2025-11-12"',
      'lantern minutes extract minutes.txt --json',
    ],
    store: 'none',
    positionals: {
      placeholder: 'FILE',
      description: 'the minutes: a Word document (.docx), Markdown (.md) or plain text (.txt)',
      single: true,
    },
    options: {
      meeting: {
        kind: 'string',
        description:
          'the meeting: its group and date ("CSCG 2025-11-12"); the date resolves due dates such as "by 31 January" (else the date the minutes state is used)',
        placeholder: 'MEETING',
        required: false,
      },
    },
    load: async () => (await import('./minutes-extract.js')).minutesExtractCommand,
  },
  {
    name: 'minutes import',
    task: 'Priorities and reports',
    summary:
      "A meeting's minutes into the action plan: the actions they assign shown for confirmation, then saved with the meeting",
    description:
      'Reads the minutes (.docx, .md or .txt) as minutes extract does. With ⟨dryRun⟩ it lists the proposed actions and what would be saved, and saves nothing; then ⟨accept⟩ all (or the numbers confirmed, 1,3) saves the meeting with those actions, each quoting the line of the minutes it came from, into the plan of the year the meeting falls in. Importing the same minutes again adds only actions not already held for the meeting (give ⟨expectVersion⟩, the version of the meeting saved); the same minutes under another meeting name (the same day, with a group named once and not the other time, or the same file or actions) are refused, naming the meeting held.',
    examples: [
      'lantern minutes import minutes-2025-11.docx --meeting "CSCG 2025-11-12" --dry-run',
      'lantern minutes import minutes-2025-11.docx --meeting "CSCG 2025-11-12" --accept 1,2',
    ],
    store: 'existing',
    positionals: {
      placeholder: 'FILE',
      description: 'the minutes: a Word document (.docx), Markdown (.md) or plain text (.txt)',
      single: true,
    },
    options: {
      meeting: {
        kind: 'string',
        description:
          'the meeting: its group and date ("CSCG 2025-11-12"); the date resolves due dates such as "by 31 January" (else the date the minutes state is used)',
        placeholder: 'MEETING',
        required: false,
      },
      partnership: {
        kind: 'string',
        description: 'the partnership (needed only when the store holds plans of more than one)',
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      dryRun: {
        kind: 'boolean',
        description: 'show the proposed actions and what would be saved; save nothing',
        required: false,
        check: { type: 'flag' },
      },
      accept: {
        kind: 'string',
        description:
          'the proposed actions to save, confirmed by a person: all, or their numbers as the dry run lists them (1,3)',
        placeholder: 'all|N,N',
        required: false,
      },
      expectVersion: {
        kind: 'string',
        description: 'the version of the meeting read, to save a meeting held already again',
        placeholder: 'N',
        required: false,
      },
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./minutes-import.js')).minutesImportCommand,
  },
  {
    name: 'briefing',
    task: 'Priorities and reports',
    summary:
      'A short printable briefing pack for volunteers or staff on one theme in one area (HTML, PDF)',
    description:
      'For domestic abuse, hate crime, anti-social behaviour or Prevent awareness: the local figures in plain words (counts from 1 to 4 shown as "fewer than 5", and any count that would give one away held back), what is and is not counted, why numbers may rise when reporting improves, how much goes unreported, the signs to look for (from config/briefing-themes.yaml, each list with its source) and the support services from the directory (lantern services; volunteers see only those marked public). The reading ease (Flesch) of the pack is measured and printed. The PDF needs Chromium (apt-get install chromium, or LANTERN_CHROMIUM).',
    examples: [
      'lantern briefing --audience volunteers --theme domestic-abuse --area "Three Rivers" --out packs/da-three-rivers',
      'lantern briefing --audience staff --theme prevent --area "Three Rivers" --period 2025 --format html --out packs/prevent',
    ],
    store: 'existing',
    options: {
      theme: {
        kind: 'string',
        description: 'the theme of the pack (domestic-abuse, hate-crime, asb, prevent)',
        placeholder: 'domestic-abuse|hate-crime|asb|prevent',
        required: true,
        check: { type: 'choice', values: ['domestic-abuse', 'hate-crime', 'asb', 'prevent'] },
      },
      audience: {
        kind: 'string',
        description: 'who the pack is for: volunteers see only public services (volunteers, staff)',
        placeholder: 'volunteers|staff',
        defaultText: 'volunteers',
        required: false,
        check: { type: 'choice', values: ['volunteers', 'staff'] },
      },
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      period: {
        kind: 'string',
        description:
          'the months to look at: YYYY-MM..YYYY-MM (e.g. 2025-01..2025-12), YYYY-MM (one month), YYYY (a calendar year), YYYY-YY (April to March, e.g. 2025-26) or last-12-months',
        placeholder: 'PERIOD',
        defaultText:
          'the latest whole year held (calendar years, or as publicPeriod in the disclosure settings says: packs are handed out, so they follow the rule of public outputs)',
        required: false,
        check: { type: 'period' },
      },
      out: {
        kind: 'string',
        description: 'the folder to write briefing.html (and briefing.pdf) into',
        placeholder: 'DIR',
        required: false,
        check: { type: 'text' },
      },
      format: {
        kind: 'string',
        description: 'html only, or html and pdf (html, pdf)',
        placeholder: 'html|pdf',
        defaultText: 'pdf',
        required: false,
        check: { type: 'choice', values: ['html', 'pdf'] },
      },
      themes: {
        kind: 'string',
        description: 'what each theme says (signs, what is counted)',
        placeholder: 'FILE',
        defaultText: 'config/briefing-themes.yaml',
        required: false,
        check: { type: 'text' },
      },
      reportingRates: {
        kind: 'string',
        description: 'survey reporting rates, each with its year and source',
        placeholder: 'FILE',
        defaultText: 'config/reporting-rates.yaml',
        required: false,
        check: { type: 'text' },
      },
      disclosure: {
        kind: 'string',
        description:
          'disclosure control of public output and restricted datasets: the small-number threshold, and the periods public outputs may cover',
        placeholder: 'FILE',
        defaultText: 'config/disclosure.yaml',
        required: false,
        check: { type: 'text' },
      },
      discontinuities: {
        kind: 'string',
        description: 'known breaks in the series (recording changes, lockdowns)',
        placeholder: 'FILE',
        defaultText: 'config/discontinuities.yaml',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./briefing.js')).briefingCommand,
  },
  {
    name: 'public-page',
    task: 'Priorities and reports',
    summary: "A district's public page as static HTML, for residents (no sign-in, no script)",
    description:
      'What a resident needs, in plain English: the priorities of the partnership\'s action plan, taken from the saved assessment the plan was made from when that covers a whole year with every month held and its manual scores are the partnership\'s own or none, never the bundled example (issues from partner-only datasets left out; otherwise the page says the priorities are not yet published), all crime and each category over the latest whole year held (calendar years by default: publicPeriod in the disclosure settings; no two public outputs overlap, so none can be subtracted from another) against the year before (counts from 1 to 4 shown as "fewer than 5", and any count that would give one away held back; over fewer months held, those months named and counted), the public actions of the action plan (this plan year\'s, else the latest earlier one, its year named and said to be an earlier one), "You said, we did" and how to report (from config/public-page.yaml, every contact checked as the directory checks them), the public support services of the directory, and what the numbers cannot tell (the reporting rate of all crime, with its survey). Writes index.html and public.css into an empty folder (or one it wrote before). The same page is served without signing in by lantern serve at /public/<district>. The reading ease (Flesch) of the page is measured and printed.',
    examples: ['lantern public-page --area "Three Rivers" --out public/three-rivers'],
    store: 'existing',
    options: {
      area: {
        kind: 'string',
        description:
          'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      out: {
        kind: 'string',
        description: 'the folder to write index.html and public.css into',
        placeholder: 'DIR',
        required: false,
        check: { type: 'text' },
      },
      settings: {
        kind: 'string',
        description: 'how to report and "You said, we did", per district',
        placeholder: 'FILE',
        defaultText: 'config/public-page.yaml',
        required: false,
        check: { type: 'text' },
      },
      reportingRates: {
        kind: 'string',
        description: 'survey reporting rates, each with its year and source',
        placeholder: 'FILE',
        defaultText: 'config/reporting-rates.yaml',
        required: false,
        check: { type: 'text' },
      },
      disclosure: {
        kind: 'string',
        description:
          'disclosure control of public output and restricted datasets: the small-number threshold, and the periods public outputs may cover',
        placeholder: 'FILE',
        defaultText: 'config/disclosure.yaml',
        required: false,
        check: { type: 'text' },
      },
      discontinuities: {
        kind: 'string',
        description: 'known breaks in the series (recording changes, lockdowns)',
        placeholder: 'FILE',
        defaultText: 'config/discontinuities.yaml',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./public-page.js')).publicPageCommand,
  },
  {
    name: 'services list',
    task: 'Priorities and reports',
    summary: 'The support services in the directory, by theme and area',
    description:
      'With --area, the services covering that district, its force, or the whole country. Each says whether its contact details were checked (verified) against the source named.',
    examples: [
      'lantern services list --theme domestic-abuse --area "Three Rivers"',
      'lantern services list --json',
    ],
    store: 'read',
    options: {
      theme: {
        kind: 'string',
        description:
          'only the services for this theme (domestic-abuse, hate-crime, asb, prevent, general)',
        placeholder: 'domestic-abuse|hate-crime|asb|prevent|general',
        required: false,
        check: {
          type: 'choice',
          values: ['domestic-abuse', 'hate-crime', 'asb', 'prevent', 'general'],
        },
      },
      area: {
        kind: 'string',
        description: 'only the services covering this district or force',
        placeholder: 'AREA',
        required: false,
        check: { type: 'text' },
      },
      public: {
        kind: 'boolean',
        description: 'only the services shown to the public',
        required: false,
        check: { type: 'flag' },
      },
    },
    load: async () => (await import('./services.js')).servicesListCommand,
  },
  {
    name: 'services import',
    task: 'Priorities and reports',
    summary: 'Add or update support services from a CSV or YAML file (admins and analysts)',
    description:
      'Every entry is checked first (UK phone numbers, http(s) web addresses, email addresses, themes, the area); any problem is reported with its file, line and field, and nothing is changed. Entries are matched by id: a new id is added, a changed entry replaced, an identical one left alone, so importing the same file again changes nothing. Entries that look like one service under two ids (the same name over the same area, or the same phone number however written) are named afterwards, to check: each would be listed twice in packs and on the public page. A CSV written by `services export` imports back as it was: the quote mark (\') that the export puts before a cell starting with = + - or @ (so that a spreadsheet opens it as text) is taken off, and only that one. Columns: id, name, provider, themes (domestic-abuse, hate-crime, asb, prevent, general; separated by ";"), area ("national", or a force or district), phone, web, email, text, hours, eligibility, description, public (yes/no), source, verified (yes/no). The bundled config/support-services.yaml holds national services.',
    examples: ['lantern services import config/support-services.yaml'],
    store: 'existing',
    positionals: { placeholder: 'FILE', description: 'CSV or YAML directory files' },
    options: {
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./services.js')).servicesImportCommand,
  },
  {
    name: 'services add',
    task: 'Priorities and reports',
    summary: 'Add one support service, or replace the one with its id (admins and analysts)',
    examples: [
      'lantern services add --id example-asb-advice --name "Example ASB advice" --themes asb --area "Three Rivers" --web https://www.example.org/asb --hours "Monday to Friday, 9am to 5pm"',
    ],
    store: 'existing',
    options: {
      id: {
        kind: 'string',
        description: 'a short lower-case name for the entry',
        placeholder: 'ID',
        required: true,
        check: { type: 'text' },
      },
      name: {
        kind: 'string',
        description: 'the name of the service',
        placeholder: 'NAME',
        required: true,
        check: { type: 'text' },
      },
      provider: {
        kind: 'string',
        description: 'who runs it',
        placeholder: 'ORG',
        required: false,
        check: { type: 'text' },
      },
      themes: {
        kind: 'string',
        description:
          'its themes, separated by commas (domestic-abuse, hate-crime, asb, prevent, general)',
        placeholder: 'THEMES',
        required: true,
        check: { type: 'text' },
      },
      area: {
        kind: 'string',
        description:
          '"national" (the whole UK), a nation (England, Wales, "England and Wales" …), or the force or district it covers',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      phone: {
        kind: 'string',
        description: 'a UK phone number',
        placeholder: 'PHONE',
        required: false,
        check: { type: 'text' },
      },
      web: {
        kind: 'string',
        description: 'its web address (https://…)',
        placeholder: 'URL',
        required: false,
        check: { type: 'text' },
      },
      email: {
        kind: 'string',
        description: 'its email address',
        placeholder: 'EMAIL',
        required: false,
        check: { type: 'text' },
      },
      text: {
        kind: 'string',
        description: 'a number to text',
        placeholder: 'PHONE',
        required: false,
        check: { type: 'text' },
      },
      hours: {
        kind: 'string',
        description: 'when it is open',
        placeholder: 'HOURS',
        required: false,
        check: { type: 'text' },
      },
      eligibility: {
        kind: 'string',
        description: 'who it is for',
        placeholder: 'TEXT',
        required: false,
        check: { type: 'text' },
      },
      description: {
        kind: 'string',
        description: 'what it does, in a sentence',
        placeholder: 'TEXT',
        required: false,
        check: { type: 'text' },
      },
      private: {
        kind: 'boolean',
        description: 'for staff only: not shown to the public or in volunteer packs',
        required: false,
        check: { type: 'flag' },
      },
      source: {
        kind: 'string',
        description: 'where the contact details were checked',
        placeholder: 'URL',
        required: false,
        check: { type: 'text' },
      },
      verified: {
        kind: 'boolean',
        description: 'the contact details were checked against the source',
        required: false,
        check: { type: 'flag' },
      },
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./services.js')).servicesAddCommand,
  },
  {
    name: 'services remove',
    task: 'Priorities and reports',
    summary: 'Remove one support service from the directory (admins and analysts)',
    examples: ['lantern services remove --id example-asb-advice'],
    store: 'existing',
    options: {
      id: {
        kind: 'string',
        description: 'the entry to remove (lantern services list)',
        placeholder: 'ID',
        required: true,
        check: { type: 'text' },
      },
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./services.js')).servicesRemoveCommand,
  },
  {
    name: 'services export',
    task: 'Priorities and reports',
    summary: 'Write the directory to a CSV or XLSX file (a CSV can be imported back)',
    examples: ['lantern services export --format xlsx --out services.xlsx'],
    store: 'existing',
    options: {
      format: {
        kind: 'string',
        description: 'the file format (csv, xlsx)',
        placeholder: 'csv|xlsx',
        defaultText: 'csv',
        required: false,
        check: { type: 'choice', values: ['csv', 'xlsx'] },
      },
      out: {
        kind: 'string',
        description: 'the file to write',
        placeholder: 'FILE',
        required: false,
        check: { type: 'text' },
      },
      theme: {
        kind: 'string',
        description:
          'only the services for this theme (domestic-abuse, hate-crime, asb, prevent, general)',
        placeholder: 'domestic-abuse|hate-crime|asb|prevent|general',
        required: false,
        check: {
          type: 'choice',
          values: ['domestic-abuse', 'hate-crime', 'asb', 'prevent', 'general'],
        },
      },
      area: {
        kind: 'string',
        description: 'only the services covering this district or force',
        placeholder: 'AREA',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./services.js')).servicesExportCommand,
  },
  {
    name: 'plan create',
    task: 'Priorities and reports',
    summary:
      "Start a partnership's action plan for a year, its priorities taken from a saved assessment",
    description:
      "The plan's priorities are the High and Medium issues of the assessment named (latest: the one saved last of ⟨area⟩, or of the area of the partnership's previous plan; with neither, of the only area assessed), in its order, so each action is tied to the assessment's evidence. An assessment of months after the plan year is refused; one that ends more than a year before the year starts is taken, and said to be old. A plan for the same partnership and year is made once; the actions of the partnership's meetings of that year saved before it (minutes import) join it.",
    examples: [
      'lantern plan create --partnership "Three Rivers CSP" --year 2025-26 --from-assessment latest',
    ],
    store: 'existing',
    options: {
      partnership: {
        kind: 'string',
        description: 'the partnership whose plan it is',
        placeholder: 'NAME',
        required: true,
        check: { type: 'text' },
      },
      year: {
        kind: 'string',
        description: 'the plan year, April to March, as 2025-26',
        placeholder: 'YEAR',
        required: true,
        check: { type: 'text' },
      },
      fromAssessment: {
        kind: 'string',
        description:
          'the saved assessment whose priorities the plan takes: latest, or an id from lantern assess list',
        placeholder: 'ID',
        required: false,
        check: { type: 'text' },
      },
      area: {
        kind: 'string',
        description:
          "the partnership's area (needed without ⟨fromAssessment⟩, when the plan starts with no priorities; with ⟨fromAssessment⟩ latest, its latest assessment is the one taken)",
        placeholder: 'AREA',
        required: false,
        check: { type: 'text' },
      },
      as: {
        kind: 'string',
        description:
          "the user you act as, named in the audit log (an admin or analyst; a partner for their organisation's actions only); without it you act as the local owner of the store file",
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./plan.js')).planCreateCommand,
  },
  {
    name: 'plan show',
    task: 'Priorities and reports',
    summary: 'The action plan: priorities, actions with owner, due date, progress and RAG',
    description:
      'RAG is derived from status, due date and progress on the day (blue complete, grey cancelled, red overdue, amber on hold or due within 14 days under half done or well behind its time, green otherwise); a RAG set by hand is shown with its reason beside the derived one. Each action shows its version (v), which an update must state.',
    examples: ['lantern plan show', 'lantern plan show --year 2025-26'],
    store: 'read',
    options: {
      partnership: {
        kind: 'string',
        description: 'the partnership (needed only when the store holds plans of more than one)',
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      year: {
        kind: 'string',
        description: 'the plan year, as 2025-26 (default: the latest plan)',
        placeholder: 'YEAR',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./plan.js')).planShowCommand,
  },
  {
    name: 'plan action add',
    task: 'Priorities and reports',
    summary: 'Add an action to the plan, under one of its priorities, with an owner and a due date',
    examples: [
      'lantern plan action add --priority burglary --title "Target-hardening visits in the top hotspot" --owner "Community Safety Officer" --org "Three Rivers District Council" --due 2026-01-31',
    ],
    store: 'existing',
    options: {
      partnership: {
        kind: 'string',
        description: 'the partnership (needed only when the store holds plans of more than one)',
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      year: {
        kind: 'string',
        description: 'the plan year, as 2025-26 (default: the latest plan)',
        placeholder: 'YEAR',
        required: false,
        check: { type: 'text' },
      },
      priority: {
        kind: 'string',
        description: "the plan's priority it serves (its key, as plan show lists them)",
        placeholder: 'KEY',
        required: false,
        check: { type: 'text' },
      },
      objective: {
        kind: 'string',
        description: 'the objective under the priority it serves (added if new)',
        placeholder: 'TEXT',
        required: false,
        check: { type: 'text' },
      },
      title: {
        kind: 'string',
        description: 'what will be done',
        placeholder: 'TEXT',
        required: true,
        check: { type: 'text' },
      },
      description: {
        kind: 'string',
        description: 'more about it',
        placeholder: 'TEXT',
        required: false,
        check: { type: 'text' },
      },
      owner: {
        kind: 'string',
        description: 'who owns it (a person or a post)',
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      org: {
        kind: 'string',
        description: 'the organisation that owns it',
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      group: {
        kind: 'string',
        description: 'the group that carries it (ASB Action Group…)',
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      due: {
        kind: 'string',
        description: 'when it is due',
        placeholder: 'YYYY-MM-DD',
        required: false,
      },
      link: {
        kind: 'strings',
        description:
          'a link to the evidence: a dashboard view (/trends?area=E07000102&category=burglary) or an http(s) address; repeat for more',
        placeholder: 'URL',
        required: false,
      },
      public: {
        kind: 'boolean',
        description: 'may be shown on the public page',
        required: false,
        check: { type: 'flag' },
      },
      as: {
        kind: 'string',
        description:
          "the user you act as, named in the audit log (an admin or analyst; a partner for their organisation's actions only); without it you act as the local owner of the store file",
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./plan-action.js')).planActionAddCommand,
  },
  {
    name: 'plan action update',
    task: 'Priorities and reports',
    summary: 'Update an action: status, progress, a dated note, RAG set by hand (with a reason)',
    description:
      'Give the version you read (plan show lists it as v): if someone changed the action since, nothing is saved and you are told who changed what, when. A RAG set by hand needs ⟨ragReason⟩; --rag clear returns to the derived RAG.',
    examples: [
      'lantern plan action update 1 --status in-progress --progress 40 --note "Visits booked" --expect-version 1',
    ],
    store: 'existing',
    positionals: {
      placeholder: 'ID',
      description: "the action's number (plan show: id)",
      single: true,
    },
    options: {
      status: {
        kind: 'string',
        description: 'not-started, in-progress, on-hold, complete or cancelled',
        placeholder: 'STATUS',
        required: false,
      },
      progress: {
        kind: 'string',
        description: 'how much is done',
        placeholder: '0-100',
        required: false,
        check: { type: 'number', min: 0, max: 100, integer: true, unit: 'per cent' },
      },
      note: {
        kind: 'string',
        description: 'a dated update, kept with your name',
        placeholder: 'TEXT',
        required: false,
        check: { type: 'text' },
      },
      rag: {
        kind: 'string',
        description: 'a RAG set by hand (red, amber, green, blue, grey), or clear',
        placeholder: 'RAG',
        required: false,
      },
      ragReason: {
        kind: 'string',
        description: 'why the RAG is set by hand',
        placeholder: 'TEXT',
        required: false,
        check: { type: 'text' },
      },
      due: {
        kind: 'string',
        description: 'a new due date',
        placeholder: 'YYYY-MM-DD',
        required: false,
      },
      priority: {
        kind: 'string',
        description:
          "the plan's priority to move the action under, by key or label (plan show lists them); its objective, of the old priority, ends",
        placeholder: 'KEY',
        required: false,
        check: { type: 'text' },
      },
      owner: {
        kind: 'string',
        description: 'a new owner',
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      org: {
        kind: 'string',
        description: 'a new owning organisation',
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      link: {
        kind: 'strings',
        description:
          'a link to the evidence: a dashboard view (/trends?area=E07000102&category=burglary) or an http(s) address; repeat for more',
        placeholder: 'URL',
        required: false,
      },
      public: {
        kind: 'string',
        description: 'yes or no: may it be shown on the public page',
        placeholder: 'yes|no',
        required: false,
      },
      expectVersion: {
        kind: 'string',
        description: 'the version of the action you read (plan show: v)',
        placeholder: 'N',
        required: true,
        check: { type: 'number', min: 1, integer: true },
      },
      as: {
        kind: 'string',
        description:
          "the user you act as, named in the audit log (an admin or analyst; a partner for their organisation's actions only); without it you act as the local owner of the store file",
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./plan-action.js')).planActionUpdateCommand,
  },
  {
    name: 'plan action show',
    task: 'Priorities and reports',
    summary: 'One action with its dated updates and the full history of its changes',
    examples: ['lantern plan action show --action 1'],
    store: 'read',
    options: {
      action: {
        kind: 'string',
        description: "the action's number (plan show: id)",
        placeholder: 'ID',
        required: true,
        check: { type: 'number', min: 1, integer: true },
      },
    },
    load: async () => (await import('./plan-action.js')).planActionShowCommand,
  },
  {
    name: 'plan overdue',
    task: 'Priorities and reports',
    summary: "The plan's open actions past their due date, most overdue first",
    examples: ['lantern plan overdue'],
    store: 'read',
    options: {
      partnership: {
        kind: 'string',
        description: 'the partnership (needed only when the store holds plans of more than one)',
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      year: {
        kind: 'string',
        description: 'the plan year, as 2025-26 (default: the latest plan)',
        placeholder: 'YEAR',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./plan.js')).planOverdueCommand,
  },
  {
    name: 'plan carry-over',
    task: 'Priorities and reports',
    summary: "Carry one year's open actions into the next year's plan",
    description:
      'Actions neither complete nor cancelled are copied into the later plan (made, with the same priorities, if there is none), keeping their start date (the time already gone counts toward the RAG), status, progress, priority, objective, meeting and a RAG set by hand, and noting the action they continue. The original is then closed in its year (grey, not overdue; updates go to the copy). An action carried before, into any year, is not carried again.',
    examples: ['lantern plan carry-over --from 2025-26 --to 2026-27'],
    store: 'existing',
    options: {
      partnership: {
        kind: 'string',
        description: 'the partnership (needed only when the store holds plans of more than one)',
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      from: {
        kind: 'string',
        description: 'the year whose open actions are carried, as 2025-26',
        placeholder: 'YEAR',
        required: true,
        check: { type: 'text' },
      },
      to: {
        kind: 'string',
        description: 'the year they are carried into, as 2026-27',
        placeholder: 'YEAR',
        required: true,
        check: { type: 'text' },
      },
      as: {
        kind: 'string',
        description:
          "the user you act as, named in the audit log (an admin or analyst; a partner for their organisation's actions only); without it you act as the local owner of the store file",
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./plan.js')).planCarryOverCommand,
  },
  {
    name: 'plan group',
    task: 'Priorities and reports',
    summary:
      "Set a partnership group's members (the CSCG, the ASB Action Group), for meetings and actions",
    description:
      'Replaces the list of members. For a group that has members already, give the version you read (⟨expectVersion⟩): a change made by someone else meanwhile is not overwritten.',
    examples: [
      'lantern plan group --partnership "Three Rivers CSP" --name "ASB Action Group" --member "Jemma Duffell (Three Rivers District Council)" --member "Andrew Palfreyman (Hertfordshire Constabulary)"',
    ],
    store: 'existing',
    options: {
      partnership: {
        kind: 'string',
        description: 'the partnership the group belongs to',
        placeholder: 'NAME',
        required: true,
        check: { type: 'text' },
      },
      name: {
        kind: 'string',
        description: "the group's name",
        placeholder: 'NAME',
        required: true,
        check: { type: 'text' },
      },
      member: {
        kind: 'strings',
        description: 'a member, as NAME or NAME (ORGANISATION); repeat for each',
        placeholder: 'MEMBER',
        required: false,
      },
      expectVersion: {
        kind: 'string',
        description: 'the version of the group you read',
        placeholder: 'N',
        required: false,
        check: { type: 'number', min: 1, integer: true },
      },
      as: {
        kind: 'string',
        description:
          "the user you act as, named in the audit log (an admin or analyst; a partner for their organisation's actions only); without it you act as the local owner of the store file",
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./plan.js')).planGroupCommand,
  },
  {
    name: 'plan report',
    task: 'Priorities and reports',
    summary: 'The annual action plan as HTML, XLSX or CSV, or its due dates as a calendar (ICS)',
    description:
      'XLSX holds the actions, their dated updates and the priorities, with a README sheet; CSV the actions (cells a spreadsheet would take for formulas are written as text); ICS one all-day event on each due date, for Outlook or Google Calendar.',
    examples: [
      'lantern plan report --year 2025-26 --format xlsx --out plan.xlsx',
      'lantern plan report --format ics --out due-dates.ics',
    ],
    store: 'existing',
    options: {
      partnership: {
        kind: 'string',
        description: 'the partnership (needed only when the store holds plans of more than one)',
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      year: {
        kind: 'string',
        description: 'the plan year, as 2025-26 (default: the latest plan)',
        placeholder: 'YEAR',
        required: false,
        check: { type: 'text' },
      },
      format: {
        kind: 'string',
        description: 'the file to write (html, xlsx, csv, ics)',
        placeholder: 'html|xlsx|csv|ics',
        defaultText: 'html',
        required: false,
        check: { type: 'choice', values: ['html', 'xlsx', 'csv', 'ics'] },
      },
      out: {
        kind: 'string',
        description: 'the file to write',
        placeholder: 'FILE',
        required: true,
        check: { type: 'text' },
      },
      public: {
        kind: 'boolean',
        description: 'only the actions marked public',
        required: false,
        check: { type: 'flag' },
      },
    },
    load: async () => (await import('./plan.js')).planReportCommand,
  },
  {
    name: 'plan review',
    task: 'Priorities and reports',
    summary:
      "A year's plan reviewed for the next assessment: what was done for each priority and how its figures moved",
    description:
      "Figures move from the assessment the plan was built from to the latest saved assessment of the same area over a later period (or ⟨assessment⟩, which must be of the plan's area): records compared month by month over periods of the same length and per month held over periods of different lengths, band and rank.",
    examples: ['lantern plan review --year 2025-26'],
    store: 'read',
    options: {
      partnership: {
        kind: 'string',
        description: 'the partnership (needed only when the store holds plans of more than one)',
        placeholder: 'NAME',
        required: false,
        check: { type: 'text' },
      },
      year: {
        kind: 'string',
        description: 'the plan year, as 2025-26 (default: the latest plan)',
        placeholder: 'YEAR',
        required: false,
        check: { type: 'text' },
      },
      assessment: {
        kind: 'string',
        description:
          "the later saved assessment of the plan's area to compare with (default: the latest of the area over a later period)",
        placeholder: 'ID',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./plan.js')).planReviewCommand,
  },
  {
    name: 'check',
    task: 'Look after the store',
    summary:
      'Whether the store is whole: every record belongs to its import, every import holds what it recorded',
    description:
      "Checks that each record's import exists, that each import holds, month by month, the rows it recorded, and that no month is held by two imports. ⟨repair⟩ removes rows that belong to no import and each damaged import whole (its months then show as missing) and names the files to import again. Rows an import killed mid-commit left behind are removed whenever the store is opened, with a note.",
    examples: ['lantern check', 'lantern check --repair'],
    store: 'existing',
    options: {
      repair: {
        kind: 'boolean',
        description: 'remove what cannot be trusted, and name the files to import again',
        required: false,
        check: { type: 'flag' },
      },
    },
    load: async () => (await import('./check.js')).checkCommand,
  },
  {
    name: 'areas check',
    task: 'Look after the store',
    summary:
      'LSOA codes in the records that the area register does not hold, and how their records were placed',
    description:
      'police.uk files since 2022 use 2021 LSOA codes, and districts created since 2019 are newer than the bundled register: their records are kept and placed by the district in their LSOA name where it can be read.',
    examples: ['lantern areas check'],
    store: 'read',
    options: {},
    load: async () => (await import('./areas-check.js')).areasCheckCommand,
  },
  {
    name: 'users add',
    task: 'Manage access',
    summary: 'Add a user (the first user of a store must be an admin: --admin)',
    description:
      'A user has a name, an email, an organisation and a role: admin (manages users and access), analyst, partner or viewer (sees aggregates only). A new user sees nothing until granted areas and datasets (lantern users grant). The password is never an option (it would be kept in the shell history and shown by ps): it is read from the environment variable LANTERN_PASSWORD, or else from standard input (printf %s "$PW" | lantern …). At least 12 characters.',
    examples: [
      'lantern users add --name "Alex Admin" --email alex@example.gov.uk --org "Three Rivers DC" --admin',
    ],
    store: 'create',
    options: {
      name: {
        kind: 'string',
        description: 'the name the user signs in with',
        placeholder: 'NAME',
        required: true,
        check: { type: 'text' },
      },
      email: {
        kind: 'string',
        description: 'their email address (they may also sign in with it)',
        placeholder: 'EMAIL',
        required: true,
        check: { type: 'text' },
      },
      org: {
        kind: 'string',
        description: 'their organisation (created if new)',
        placeholder: 'ORG',
        required: false,
        check: { type: 'text' },
      },
      role: {
        kind: 'string',
        description: 'their role (admin, analyst, partner, viewer)',
        placeholder: 'admin|analyst|partner|viewer',
        required: false,
        check: { type: 'choice', values: ['admin', 'analyst', 'partner', 'viewer'] },
      },
      admin: {
        kind: 'boolean',
        description: 'make the user an admin (the same as --role admin)',
        required: false,
        check: { type: 'flag' },
      },
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./users.js')).usersAddCommand,
  },
  {
    name: 'users add-org',
    task: 'Manage access',
    summary: 'Add an organisation, so that its members can be granted access together',
    examples: ['lantern users add-org --name "Three Rivers DC"'],
    store: 'existing',
    options: {
      name: {
        kind: 'string',
        description: "the organisation's name",
        placeholder: 'NAME',
        required: true,
        check: { type: 'text' },
      },
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./users.js')).usersAddOrgCommand,
  },
  {
    name: 'users list',
    task: 'Manage access',
    summary: 'The users, their roles and organisations, and the grants each holds',
    examples: ['lantern users list'],
    store: 'existing',
    options: {
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./users.js')).usersListCommand,
  },
  {
    name: 'users grant',
    task: 'Manage access',
    summary:
      'Give a user or an organisation an area (in detail or in aggregate) and the datasets it opens',
    description:
      'Denied by default: a user sees only what grants give them and their organisation. --level detail shows the records and every breakdown; aggregate shows totals only. Without --dataset or --sensitivity the grant opens the public datasets (police.uk); --sensitivity partner adds the partner datasets, restricted adds prevent and domestic-abuse too; --dataset opens one. --area all (every area) is only for an admin.',
    examples: [
      'lantern users grant --user Priya --area "Three Rivers" --level detail --sensitivity partner',
      'lantern users grant --user Priya --area hertfordshire --level aggregate',
    ],
    store: 'existing',
    options: {
      user: {
        kind: 'string',
        description: 'the user (name or email)',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
      org: {
        kind: 'string',
        description: 'or an organisation: every member holds the grant',
        placeholder: 'ORG',
        required: false,
        check: { type: 'text' },
      },
      area: {
        kind: 'string',
        description:
          'a district, CSP or force (ONS code, name or police.uk force id), or all (admins only)',
        placeholder: 'AREA',
        required: true,
        check: { type: 'text' },
      },
      level: {
        kind: 'string',
        description: 'what the area shows (detail, aggregate)',
        placeholder: 'detail|aggregate',
        required: true,
        check: { type: 'choice', values: ['detail', 'aggregate'] },
      },
      dataset: {
        kind: 'string',
        description: 'one dataset the grant opens (lantern datasets)',
        placeholder: 'DATASET',
        required: false,
        check: { type: 'text' },
      },
      sensitivity: {
        kind: 'string',
        description: 'or every dataset up to this sensitivity (public, partner, restricted)',
        placeholder: 'public|partner|restricted',
        required: false,
        check: { type: 'choice', values: ['public', 'partner', 'restricted'] },
      },
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./users.js')).usersGrantCommand,
  },
  {
    name: 'users revoke',
    task: 'Manage access',
    summary:
      'Take back a grant by its id (lantern users list shows them); tokens carrying it lose it too',
    examples: ['lantern users revoke --grant 1a2b3c4d'],
    store: 'existing',
    options: {
      grant: {
        kind: 'string',
        description: "the grant's id",
        placeholder: 'ID',
        required: true,
        check: { type: 'text' },
      },
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./users.js')).usersRevokeCommand,
  },
  {
    name: 'users reset-password',
    task: 'Manage access',
    summary: 'Start a password reset: prints a one-time token (valid 24 hours) to hand to the user',
    description:
      'The token is shown once and kept only as a hash; a newer reset voids an older one. The user sets a new password with it (lantern users set-password), which ends their sessions, revokes their API tokens and clears a lockout.',
    examples: ['lantern users reset-password --user Priya'],
    store: 'existing',
    options: {
      user: {
        kind: 'string',
        description: 'the user (name or email)',
        placeholder: 'USER',
        required: true,
        check: { type: 'text' },
      },
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./users.js')).usersResetPasswordCommand,
  },
  {
    name: 'users set-password',
    task: 'Manage access',
    summary: 'Set a new password with a one-time reset token from an admin',
    description:
      'The token is read from the environment variable LANTERN_RESET_TOKEN. The password is never an option (it would be kept in the shell history and shown by ps): it is read from the environment variable LANTERN_PASSWORD, or else from standard input (printf %s "$PW" | lantern …).',
    examples: ["LANTERN_RESET_TOKEN='…' LANTERN_PASSWORD='…' lantern users set-password"],
    store: 'existing',
    options: {},
    load: async () => (await import('./users.js')).usersSetPasswordCommand,
  },
  {
    name: 'users unlock',
    task: 'Manage access',
    summary:
      'Unlock a user locked out by repeated failed sign-ins, so they may sign in again at once',
    examples: ['lantern users unlock --user Priya'],
    store: 'existing',
    options: {
      user: {
        kind: 'string',
        description: 'the user (name or email)',
        placeholder: 'USER',
        required: true,
        check: { type: 'text' },
      },
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./users.js')).usersUnlockCommand,
  },
  {
    name: 'users disable',
    task: 'Manage access',
    summary:
      'Disable a user: they cannot sign in, their sessions end and their tokens stop at once',
    examples: ['lantern users disable --user Priya'],
    store: 'existing',
    options: {
      user: {
        kind: 'string',
        description: 'the user (name or email)',
        placeholder: 'USER',
        required: true,
        check: { type: 'text' },
      },
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./users.js')).usersDisableCommand,
  },
  {
    name: 'users enable',
    task: 'Manage access',
    summary: 'Enable a disabled user again, with the grants they held',
    examples: ['lantern users enable --user Priya'],
    store: 'existing',
    options: {
      user: {
        kind: 'string',
        description: 'the user (name or email)',
        placeholder: 'USER',
        required: true,
        check: { type: 'text' },
      },
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./users.js')).usersEnableCommand,
  },
  {
    name: 'tokens create',
    task: 'Manage access',
    summary:
      "Create an API token for a user, carrying some or all of the user's grants; shown once",
    description:
      "The token (lnt_ID_SECRET) is printed once and kept only as a hash. It sees no more than its grants, which are the owner's (all of them unless --grants names some); a grant revoked from the owner is gone from the token too. It only reads, whatever the owner's role (importing, the plan and administering need someone signed in), and expires (at most 366 days); a password reset revokes it.",
    examples: ['lantern tokens create --user Priya --name "Power BI" --expires 30d'],
    store: 'existing',
    options: {
      user: {
        kind: 'string',
        description: 'the owner (name or email)',
        placeholder: 'USER',
        required: true,
        check: { type: 'text' },
      },
      name: {
        kind: 'string',
        description: 'what the token is for',
        placeholder: 'NAME',
        required: true,
        check: { type: 'text' },
      },
      expires: {
        kind: 'string',
        description: 'how long it lasts: 30d, 12h, 90m',
        placeholder: 'DURATION',
        defaultText: '30d',
        required: false,
        check: { type: 'text' },
      },
      grants: {
        kind: 'string',
        description: "the owner's grant ids it carries, separated by commas (default: all)",
        placeholder: 'IDS',
        required: false,
        check: { type: 'text' },
      },
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./tokens.js')).tokensCreateCommand,
  },
  {
    name: 'tokens list',
    task: 'Manage access',
    summary:
      'The API tokens: id, owner, name, grants, expiry, last use (never the tokens themselves)',
    examples: ['lantern tokens list'],
    store: 'existing',
    options: {
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./tokens.js')).tokensListCommand,
  },
  {
    name: 'tokens revoke',
    task: 'Manage access',
    summary: 'Revoke an API token by its id (lantern tokens list): it stops working at once',
    examples: ['lantern tokens revoke --token 1a2b3c4d'],
    store: 'existing',
    options: {
      token: {
        kind: 'string',
        description: "the token's id (the 8 characters after lnt_)",
        placeholder: 'ID',
        required: true,
        check: { type: 'text' },
      },
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./tokens.js')).tokensRevokeCommand,
  },
  {
    name: 'audit',
    task: 'Manage access',
    summary:
      'The audit log: sign-ins, changes to users, grants and tokens, with who, when and the outcome',
    description:
      'Rows are only ever appended, each holding a hash of the one before, so an edited or deleted row is detected: --verify checks the whole chain and exits with 2 if it is broken.',
    examples: [
      'lantern audit --since 2026-01-01',
      'lantern audit --user Priya',
      'lantern audit --verify',
    ],
    store: 'existing',
    options: {
      user: {
        kind: 'string',
        description: 'only what this user did (their name)',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
      since: {
        kind: 'string',
        description:
          'only from this date or time on, in UTC unless a zone is given (2026-01-31, 2026-01-31T09:00, 2026-01-31T10:00+01:00)',
        placeholder: 'DATE',
        required: false,
        check: { type: 'text' },
      },
      verify: {
        kind: 'boolean',
        description: 'check the hash chain: is any row edited or deleted?',
        required: false,
        check: { type: 'flag' },
      },
      as: {
        kind: 'string',
        description:
          'the user you act as, named in the audit log (an admin for changes); without it you act as the local owner of the store file',
        placeholder: 'USER',
        required: false,
        check: { type: 'text' },
      },
    },
    load: async () => (await import('./audit.js')).auditCommand,
  },
];
