/**
 * Lantern run on Gwent (Wales) and Merseyside (metropolitan boroughs), not Hertfordshire: what it
 * says must be true there. Real police.uk street files of January 2019 for both forces
 * (test/fixtures/gwent, test/fixtures/merseyside) in one store: deprivation refused for Wales with
 * the real reason, outcomes notes naming only months held, "not tested" where the exceptions test
 * could not run, the force-area word, the wording of trends, near-repeat and hotspots, area names
 * as councils spell them, and briefing sources of another partnership left out.
 */
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MAP_FILL, SEQUENTIAL_5 } from '../src/charts/palette.js';
import { run, runJson } from './helpers/cli.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { testServer } from './helpers/server.js';
import { queryStore } from './helpers/store-query.js';
import { FIXTURES, tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = join(dir.path, 'wales-merseyside.duckdb');
const GWENT = `${FIXTURES}gwent/2019-01-gwent-street.csv.gz`;
const MERSEYSIDE = `${FIXTURES}merseyside/2019-01-merseyside-street.csv.gz`;

beforeAll(async () => {
  emptyStoreCopy(dir.path, 'wales-merseyside.duckdb');
  const imported = await run(['import', GWENT, MERSEYSIDE, '--db', db]);
  expect(imported.code, imported.stderr).toBe(0);
}, 120_000);
afterAll(() => dir.remove());

const lantern = (...args: string[]) => run([...args, '--db', db]);

/**
 * Newport's partner report of January 2019 (no PDF, not saved), made once for the tests that read
 * it, into `out` under the test folder; `store` another store than the file's.
 */
const newportReports = new Map<string, Promise<string>>();
function newportReport(out: string, store = db): Promise<string> {
  let made = newportReports.get(out);
  if (!made) {
    made = (async () => {
      const path = join(dir.path, out);
      const r = await run([
        ...['report', '--area', 'Newport', '--period', '2019-01', '--draft', '--no-pdf'],
        ...['--no-save', '--out', path, '--db', store],
      ]);
      expect(r.code, r.stderr).toBe(0);
      return path;
    })();
    newportReports.set(out, made);
  }
  return made;
}

/** WCAG's relative luminance of a colour #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG's contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('deprivation in Wales', () => {
  it('refuses an area in Wales, saying IMD 2019 is England’s and Wales has its own index', async () => {
    const r = await lantern('deprivation', '--area', 'Newport', '--period', '2019-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Newport is in Wales/u);
    expect(r.stderr).toMatch(/covers England only/u);
    expect(r.stderr).toMatch(/Welsh Index of Multiple Deprivation \(WIMD\)/u);
    expect(r.stdout).not.toMatch(/new 2021 codes/u);
  });

  it('still ranks an English district by IMD 2019, with no Welsh row', async () => {
    const r = await runJson<{ deciles: { decile: number | null; wales: boolean }[] }>([
      'deprivation',
      '--area',
      'Knowsley',
      '--period',
      '2019-01',
      '--db',
      db,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.deciles.some((d) => d.decile === 1)).toBe(true);
    expect(r.json.deciles.some((d) => d.wales)).toBe(false);
  });
});

describe('outcomes notes', () => {
  it('name no month before the period nor one not held, and no rise when none is open', async () => {
    const r = await lantern('outcomes', '--area', 'Newport', '--period', '2019-01');
    expect(r.code, r.stderr).toBe(0);
    // Gwent's January 2019 file has no crime "Under investigation".
    expect(r.stdout).toMatch(/Under investigation +0 +0\.0%/u);
    expect(r.stdout).not.toMatch(/2018-/u);
    expect(r.stdout).not.toMatch(/will rise/u);
    expect(r.stdout).toContain('No crime here is shown as still under investigation');
    // Four in ten have no outcome at all: the charge share cannot be read as final.
    const unknown = /Status update unavailable \(status unknown\) +([\d,]+) +([\d.]+)%/u.exec(
      r.stdout,
    )!;
    expect(r.stdout).toContain(
      `For ${unknown[1]} crime(s) (${unknown[2]}%), police.uk gives no outcome ("Status update unavailable"): what happened to them is not known. The charge share counts them as not charged, so it may be too low.`,
    );
  });
});

describe('exceptions that could not be tested', () => {
  it('say "not tested" and why, never "0 exception(s)"', async () => {
    const r = await lantern('exceptions', '--area', 'Knowsley', '--category', 'burglary');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/0 exception/u);
    expect(r.stdout).toMatch(/^Knowsley, Burglary: not tested for exceptions/u);
    expect(r.stdout).toContain(
      'Not tested: Only 1 month is held: at least 13 are needed to model the season and trend.',
    );
  });

  it('overview shows – for changes and exceptions not tested, and says why', async () => {
    const r = await lantern('overview', '--within', 'gwent', '--period', '2019-01');
    expect(r.code, r.stderr).toBe(0);
    const burglary = r.stdout.split('\n').find((l) => l.startsWith('Burglary'));
    // records, districts above the funnel, rises, falls, exceptions: none was tested.
    expect(burglary).toMatch(/ –\s+–\s+–$/u);
    expect(r.stdout).toContain(
      'Rises, falls “–”: not tested: no earlier period is held to compare with',
    );
    expect(r.stdout).toContain(
      'exc. “–”: not tested for any district: only 1 month is held: at least 13 are needed',
    );
    const json = await runJson<{ exceptionsNotTested: unknown[] }>([
      'overview',
      '--within',
      'gwent',
      '--period',
      '2019-01',
      '--db',
      db,
    ]);
    // 5 districts × 15 categories (14 and all crime).
    expect(json.json.exceptionsNotTested).toHaveLength(5 * 15);
  });
});

describe('the force-area word', () => {
  it('assess calls Merseyside a force area, not a county', async () => {
    const r = await lantern('assess', '--area', 'Liverpool', '--period', '2019-01', '--no-save');
    expect(r.code, r.stderr).toBe(0);
    const alignment = r.stdout.slice(r.stdout.indexOf("Alignment with Merseyside's assessment"));
    expect(alignment).toMatch(/force area High priority/u);
    expect(alignment.split('\n\n')[0]).not.toMatch(/county/u);
  });

  it("a force's own report aligns with the plan alone, and sends ASB to the local council", async () => {
    const out = join(dir.path, 'gwent-report');
    const r = await lantern(
      'report',
      '--area',
      'gwent',
      '--period',
      '2019-01',
      '--draft',
      '--no-pdf',
      '--no-save',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'assessment.html'), 'utf8');
    expect(html).toContain('Alignment with the Police and Crime Plan');
    expect(html).not.toMatch(/Alignment with the (county|force area)/u);
    expect(html).not.toMatch(/district council/u);
    expect(html).toContain('your local council');
    // No crime of Gwent's January 2019 is still under investigation: nothing is waiting to rise.
    expect(html).toContain('none is still under investigation.');
    expect(html).not.toMatch(/will rise/u);
  });
});

describe("Newport's report", () => {
  it('calls Gwent a force area, not a county, and names the outcomes whose status police.uk does not know', async () => {
    const out = await newportReport('newport-report');
    const html = readFileSync(join(out, 'assessment.html'), 'utf8');
    expect(html).toContain('Alignment with the force area and the Police and Crime Plan');
    expect(html).toContain('force area band');
    expect(html).not.toMatch(/the county|county band/u);
    // Gwent's January 2019 file gives "Status update unavailable" for 1,640 crimes of its own.
    expect(html).toMatch(
      /For [\d.]+%, police\.uk gives no outcome \((&quot;|")Status update unavailable(&quot;|")\): what happened to them is not known\./u,
    );
    // Issues that tie on every score are said to, not ranked as if they differed.
    const index = readFileSync(join(out, 'data', 'index.csv'), 'utf8');
    expect(index).toMatch(
      /Risk matrix: every issue ranked; ranks \d+ to \d+(, \d+ to \d+)* tie on every score \(band, risk and priority\): their order among themselves means nothing/u,
    );
    expect(html).toMatch(/<p class="note">In Table \d+, ranks \d+ to \d+.* tie on every score/u);
    // Rates over a month, not a year, say so (a councillor reads a bare rate per 1,000 as yearly).
    expect(readFileSync(join(out, 'data', 'tab-categories.csv'), 'utf8')).toMatch(
      /^\uFEFFcategory,.*,"rate per 1,000 over 1 month","force rate per 1,000 over 1 month"\n/u,
    );
    const funnels = readdirSync(join(out, 'data')).filter((f) => f.endsWith('-funnel.csv'));
    expect(funnels.length).toBeGreaterThan(0);
    for (const f of funnels)
      expect(readFileSync(join(out, 'data', f), 'utf8')).toMatch(
        /^\uFEFFarea,recorded,population,"rate per 1,000 over 1 month"\n/u,
      );
    expect(html).toMatch(/rate per 1,000 residents over 1 month against population/u);
    const groups = readFileSync(join(out, 'data', 'outcomes-groups.csv'), 'utf8');
    expect(groups).toMatch(/Status update unavailable \(status unknown\),[1-9]/u);
    // No category of Newport's January is under 5, so its crimes are exact and the public version
    // gives the groups' counts beside their shares (each followed from its share anyway); a group
    // of none is 0.
    const pub = join(dir.path, 'newport-public');
    const p = await lantern(
      ...['report', '--area', 'Newport', '--period', '2019-01', '--draft', '--no-pdf', '--no-save'],
      ...['--audience', 'public', '--disclosure', 'test/fixtures/disclosure/any-period.yaml'],
      ...['--out', pub],
    );
    expect(p.code, p.stderr).toBe(0);
    const shares = readFileSync(join(pub, 'data', 'outcomes-groups.csv'), 'utf8');
    expect(shares).toContain('Under investigation,0,0\n');
    expect(shares).toMatch(/Charged or summonsed \(court results included\),150,11\n/u);
  });
});

describe('wording of trends, near-repeat and hotspots', () => {
  it('trends heads a total with the months held, not the whole period', async () => {
    const r = await lantern(
      'trends',
      '--area',
      'Liverpool',
      '--category',
      'burglary',
      '--period',
      '2018-12..2019-01',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /Burglary: [\d,]+ in the month held of 2018-12\.\.2019-01: 2019-01; no earlier period/u,
    );
  });

  it('say that no change was tested where no earlier period is held, not "for 0 tests"', async () => {
    const r = await lantern('trends', '--all', '--area', 'Newport', '--period', '2019-01');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('No change was tested: no earlier period is held to compare with.');
    expect(r.stdout).not.toMatch(/for 0 tests/u);
    const out = await newportReport('newport-report');
    const html = readFileSync(join(out, 'assessment.html'), 'utf8');
    expect(html).toContain('No change can be given: no earlier period is held to compare with.');
    expect(html).toContain('No earlier period is held, so no change is given.');
    expect(html).not.toMatch(/against no earlier period|earlier period is no earlier period/u);
  });

  it('heads the infographic\'s box of counts by what it holds, not "Key trends", when no change can be given', async () => {
    const out = await newportReport('newport-report');
    for (const file of ['infographic.svg', 'infographic-social.svg']) {
      const svg = readFileSync(join(out, file), 'utf8');
      expect(svg, file).toContain('No figures are held for January 2018');
      expect(svg, file).toMatch(/>Counts of the High priorities</u);
      expect(svg, file).not.toContain('Key trends');
    }
  });

  it("draws every class of the hotspot maps (report and infographic) at 3:1 or more against the map's fill, each class darker than the last", async () => {
    const out = await newportReport('newport-report');
    for (const file of ['assessment.html', 'infographic.svg', 'infographic-social.svg']) {
      const text = readFileSync(join(out, file), 'utf8');
      const layers = [
        ...text.matchAll(/<g data-layer="cells" shape-rendering="crispEdges">(.*?)<\/g>/gsu),
      ];
      expect(layers.length, file).toBeGreaterThan(0);
      const fills = new Set(
        layers.flatMap((g) =>
          [...(g[1] ?? '').matchAll(/fill="(#[0-9a-f]{6})"/gu)].map((m) => m[1]!),
        ),
      );
      expect(fills.size, file).toBeGreaterThan(2);
      for (const fill of fills)
        expect(contrast(fill, MAP_FILL), `${file} ${fill}`).toBeGreaterThanOrEqual(3);
    }
    const ramp = [...SEQUENTIAL_5];
    const steps = ramp.slice(1).map((c, i) => contrast(c, ramp[i]!));
    expect(
      steps.every((r) => r >= 1.45),
      steps.join(', '),
    ).toBe(true);
    expect(ramp.map(luminance)).toEqual(ramp.map(luminance).sort((a, b) => b - a));
  });

  it('near-repeat speaks of a district as the district, not "every district of" it', async () => {
    const r = await lantern(
      'near-repeat',
      '--area',
      'Liverpool',
      '--dataset',
      'asb-council',
      '--period',
      '2019-01',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('asb-council data of Liverpool');
    expect(r.stderr).not.toMatch(/every district of Liverpool/u);
  });

  it("clip a Welsh district's hotspot grid to its wards when no LSOA boundary is held", async () => {
    const store = join(dir.path, 'newport-wards.duckdb');
    copyFileSync(db, store);
    const wards = `${FIXTURES}boundaries/wards_by_lad/W06000022.json.gz`;
    const plain = join(dir.path, 'W06000022.json');
    writeFileSync(plain, gunzipSync(readFileSync(wards)));
    const imported = await run([
      ...['areas', 'import-boundaries', plain, '--type', 'ward', '--vintage', '2013'],
      ...['--db', store],
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    const map = async (at: string) =>
      runJson<{ cells: number; warnings: string[]; outside?: number }>([
        ...['hotspots', '--area', 'Newport', '--category', 'burglary', '--period', '2019-01'],
        ...['--cell', '300', '--db', at],
      ]);
    const [bare, clipped] = [await map(db), await map(store)];
    expect(bare.json.warnings.join(' ')).toMatch(/No boundary of the district Newport is held/u);
    expect(clipped.json.warnings.join(' ')).not.toMatch(/No boundary/u);
    // The grid covers Newport's 20 wards (190 km²), not the box around its incidents.
    expect(clipped.json.cells).not.toBe(bare.json.cells);
    expect(clipped.json.cells * 0.09).toBeGreaterThan(150);
    expect(clipped.json.cells * 0.09).toBeLessThan(230);
    // The report's maps are framed on the same outline (its wards dissolved), not on the cells.
    const html = async (out: string) => readFileSync(join(out, 'assessment.html'), 'utf8');
    const outlined = /<path d="M[^"]+" fill="#fafafa"/u;
    expect(await html(await newportReport('newport-report'))).not.toMatch(outlined);
    expect(await html(await newportReport('newport-wards', store))).toMatch(outlined);
  });

  it('hotspots say whose boundary is missing', async () => {
    const r = await runJson<{ warnings: string[] }>([
      'hotspots',
      '--area',
      'Newport',
      '--category',
      'burglary',
      '--period',
      '2019-01',
      '--db',
      db,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.warnings).toContain(
      'No boundary of the district Newport is held (neither its own outline nor its LSOAs’ nor every ward’s): the grid covers the incidents’ extent, unclipped. ' +
        'Fetch its boundaries with: lantern fetch boundaries --area Newport',
    );
  });
});

describe("Newport's public page with one month held (publicPeriod: any)", () => {
  it('labels the month held, heads the comparison "Same months a year before", and explains nothing it does not show', async () => {
    const out = join(dir.path, 'newport-public-page');
    const r = await lantern(
      ...['public-page', '--area', 'Newport', '--out', out],
      ...['--disclosure', `${FIXTURES}disclosure/any-period.yaml`],
    );
    expect(r.code, r.stderr).toBe(0);
    // The count is of January 2019 alone, not of the twelve months up to it.
    expect(r.stdout).toMatch(/^All crime, January 2019 \(the months held\): [\d,]+\.$/mu);
    expect(r.stdout).not.toContain('2018-02..2019-01');
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toContain('>January 2019</th>');
    expect(page).toContain('>Same months a year before</th>');
    expect(page).not.toContain('>Year before</th>');
    // No talk of the months of a window the resident never asked about.
    expect(page).not.toMatch(/We do not have the figures for|February to December 2018/u);
    // No change is given (no earlier year is held): nothing says what "could be chance" means.
    expect(page).not.toMatch(/could be chance/iu);
    expect(page).not.toContain('"Not shown" means');
  });
});

describe("Blaenau Gwent's public page, whose total is a range", () => {
  it('says why the total is a range, not one number (found by QA)', async () => {
    const out = join(dir.path, 'blaenau-gwent-public-page');
    const r = await lantern(
      ...['public-page', '--area', 'Blaenau Gwent', '--out', out],
      ...['--disclosure', `${FIXTURES}disclosure/any-period.yaml`],
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^All crime, January 2019 \(the months held\): [\d,]+ to [\d,]+\.$/mu);
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toMatch(/the police recorded [\d,]+ to [\d,]+ crimes in Blaenau Gwent\./u);
    expect(page).toContain(
      'The total is given as a range, not one number. This is because some of the numbers in it are fewer than 5, and an exact total would give them away.',
    );
  });
});

describe("Knowsley's report map, with its wards of 2013 matched by name", () => {
  it('says the wards matched by name are of 2013, names those with no outline, and draws every ward from its LSOAs where they are held', async () => {
    const store = join(dir.path, 'knowsley-wards.duckdb');
    copyFileSync(db, store);
    const plain = (kind: string) => {
      const path = join(dir.path, `${kind}-E08000011.json`);
      writeFileSync(
        path,
        gunzipSync(readFileSync(`${FIXTURES}boundaries/${kind}_by_lad/E08000011.json.gz`)),
      );
      return path;
    };
    const imported = await run([
      ...['areas', 'import-boundaries', plain('wards'), '--type', 'ward', '--vintage', '2013'],
      ...['--code-property', 'WD13CD', '--db', store],
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    // Knowsley re-drew its wards in 2016: every one stored was matched by name, and it says so.
    expect(imported.stdout).toMatch(/: 12 ward boundaries .* stored; 9 features skipped\./u);
    expect(imported.stdout).toContain(
      'matched by name: 12 of those stored have a code the register (2019 areas) does not know',
    );
    expect(imported.stdout).toContain('their shapes are of 2013 and may not follow');
    // A name is matched in Knowsley only: its "Park" is not Calderdale's, nor its "Northwood" Hillingdon's.
    const districts = await queryStore<{ parent: string }>(
      store,
      `SELECT DISTINCT a.parent FROM boundary b JOIN area a ON a.code = b.area_code
       WHERE b.area_type = 'ward' AND b.file_code IS NOT NULL`,
    );
    expect(districts).toEqual([{ parent: 'E08000011' }]);

    const mapText = async (out: string) => {
      const path = join(dir.path, out);
      const r = await run([
        ...['report', '--area', 'Knowsley', '--period', '2019-01', '--draft', '--no-pdf'],
        ...['--no-save', '--out', path, '--db', store],
      ]);
      expect(r.code, r.stderr).toBe(0);
      const html = readFileSync(join(path, 'assessment.html'), 'utf8');
      const figure = html.slice(html.indexOf('where it was recorded in Knowsley'));
      const svg = figure.slice(0, figure.indexOf('</svg>'));
      return {
        words: svg
          .replace(/<[^>]+>/gu, ' ')
          .replace(/&#39;/gu, "'")
          .replace(/\s+/gu, ' '),
        names: [...svg.matchAll(/<text[^>]*>([^<]+)<\/text>/gu)].map((m) => m[1]),
      };
    };
    // The ward boundaries alone (no LSOA boundary held): the wards with none are named.
    const wardsOnly = await mapText('knowsley-wards-only');
    expect(wardsOnly.words).toContain(
      'Ward outlines are held for 12 of the 15 wards. No outline is held for Prescot North, Prescot South and Whiston and Cronton.',
    );
    expect(wardsOnly.words).toContain(
      "The outlines are of 2013, matched to today's wards by name: they may not follow today's boundaries.",
    );
    // With Knowsley's LSOAs held: every ward outlined from them, and why the boundaries held are not drawn.
    const lsoas = await run([
      ...['areas', 'import-boundaries', plain('lsoa'), '--type', 'lsoa', '--vintage', '2011'],
      ...['--db', store],
    ]);
    expect(lsoas.code, lsoas.stderr).toBe(0);
    const grouped = await mapText('knowsley-lsoa-wards');
    expect(grouped.words).toContain(
      "Ward boundaries are approximate: the 2011 LSOAs grouped by their best-fit 2019 ward (the ward boundaries held are of 2013, matched to today's wards by name and of 12 of the 15 wards only).",
    );
    expect(grouped.words).not.toContain('No outline is held');
    for (const ward of ['Prescot North', 'Prescot South', 'Whiston and Cronton'])
      expect(grouped.words, ward).toContain(ward);
  });
});

describe('area names', () => {
  it('finds the district St. Helens as its council spells it, before two wards "St Helens"', async () => {
    for (const name of ['St Helens', 'st helens', 'St. Helens']) {
      const r = await lantern('summary', '--area', name, '--period', '2019-01');
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/^St\. Helens \(district E08000013\)/u);
    }
  });

  it('names each ward of an ambiguous name with its district', async () => {
    const r = await lantern('summary', '--area', 'Church', '--period', '2019-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E05000891 (Church, ward in Liverpool)');
    expect(r.stderr).toContain('E05000936 (Church, ward in Sefton)');
  });
});

describe('briefing sources', () => {
  it("cite Three Rivers' own ASB page in Three Rivers' pack only, not in Torfaen's", async () => {
    const pack = async (area: string) => {
      const out = join(dir.path, `brief-${area.replace(/\W/gu, '')}`);
      const r = await lantern(
        'briefing',
        '--theme',
        'asb',
        '--area',
        area,
        '--format',
        'html',
        '--out',
        out,
      );
      expect(r.code, r.stderr).toBe(0);
      const file = readdirSync(out).find((f) => f.endsWith('.html')) as string;
      return readFileSync(join(out, file), 'utf8');
    };
    const torfaen = await pack('Torfaen');
    expect(torfaen).toMatch(/Source: Canterbury City Council/u);
    expect(torfaen).not.toMatch(/Three Rivers|threerivers/u);
    expect(await pack('Three Rivers')).toContain(
      'https://threerivers.gov.uk/services/crime-and-safety/asb-toolkit',
    );
  });
});

describe('the dashboard on a store without Hertfordshire', () => {
  it('offers the periods the store holds, and sends the plan page’s links to a district it holds', async () => {
    const server = await testServer(db);
    try {
      const page = await server.app.request('/');
      expect(page.status).toBe(200);
      const body = await page.text();
      const offered = [...body.matchAll(/<option value="([^"]+)"><\/option>/gu)].map((m) => m[1]);
      // January 2019 held: every period offered holds it, none is refused.
      expect(offered).toEqual(['last-12-months', '2019', '2018-19', '2019-01']);
      expect(body).toContain('2019, 2018-19 (April to March), 2019-01');
      for (const period of offered) {
        const r = await server.app.request(`/?area=Newport&period=${period}`);
        expect(r.status, period).toBe(200);
      }
      const plan = await (await server.app.request('/plan')).text();
      expect(plan).toContain('No plan yet');
      expect(plan).not.toMatch(/Three Rivers/u);
      const overview = /href="(\/\?area=[^"]+)"/u.exec(plan)?.[1];
      expect(overview).toBeDefined();
      expect((await server.app.request(overview!.replaceAll('&amp;', '&'))).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
