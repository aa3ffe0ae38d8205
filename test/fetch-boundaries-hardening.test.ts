/**
 * The ONS Open Geography Portal paging, failing and answering in the wrong shape, against the
 * local fake (test/helpers/fake-ons-geoportal.ts, serving real Merseyside boundaries): long
 * answers are followed page by page; 5xx, ArcGIS errors inside a 200 answer, 429 and broken
 * bodies are retried; a portal that stays down, stays silent, asks for a wait of days, or answers
 * with something other than boundaries is reported as the source failing (exit 1), and nothing
 * is stored. The use case runs in-process on a copy of the demo store (whose register holds every
 * area of England and Wales); the exit codes are checked through the CLI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OnsGeoportal } from '../src/acquire/ons-geoportal.js';
import { loadBoundaryLayers } from '../src/config/boundary-layers.js';
import type { BoundaryLayer } from '../src/domain/boundary-layer.js';
import { FULL_SCOPE } from '../src/domain/scope.js';
import { InputError, NotFoundError, SourceUnavailableError } from '../src/errors.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { fetchBoundaries } from '../src/usecases/fetch-boundaries.js';
import { run, runCliAsync } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import {
  SERVICES,
  startFakeGeoportal,
  type FakeGeoportal,
  type FakeGeoportalOptions,
} from './helpers/fake-ons-geoportal.js';
import { FIXTURES, tempDir } from './helpers/temp.js';

const dir = tempDir();
let dbPath: string;
let db: Db;
let layers: BoundaryLayer[];

beforeAll(async () => {
  dbPath = demoStoreCopy(dir.path);
  db = await openStore(dbPath);
  layers = await loadBoundaryLayers();
});
afterAll(() => {
  db?.close();
  dir.remove();
});

const quick = { backoffMs: 1, maxRetries: 2 };

async function withPortal<T>(
  options: FakeGeoportalOptions,
  work: (fake: FakeGeoportal) => Promise<T>,
): Promise<T> {
  const fake = await startFakeGeoportal(options);
  try {
    return await work(fake);
  } finally {
    await fake.close();
  }
}

/** Merseyside's boundaries held now: type → count. */
async function heldInMerseyside(): Promise<Record<string, number>> {
  const rows = await db.query<{ t: string; n: bigint | number }>(
    `SELECT area_type AS t, count(*) AS n FROM boundary
     WHERE source LIKE 'ONS Open Geography Portal:%' GROUP BY 1 ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

const liverpool = (portal: OnsGeoportal, area = 'Liverpool') =>
  fetchBoundaries(db, FULL_SCOPE, portal, { area, layers });

describe('paging', () => {
  it('a layer giving 7 features a page is followed to the end of every chunk (exceededTransferLimit)', async () => {
    await withPortal({ maxRecordCount: 7 }, async (fake) => {
      const portal = new OnsGeoportal({ baseUrl: fake.url, ...quick });
      const report = await liverpool(portal, 'E08000013'); // St. Helens
      expect(report.layers.map((l) => [l.type, l.asked, l.fetched, l.missing.length])).toEqual([
        ['lsoa', 119, 119, 0],
        ['ward', 16, 16, 0],
        ['district', 1, 1, 0],
      ]);
      // 119 LSOAs: chunks of 50, 50 and 19 codes, each in pages of 7 (8 + 8 + 3 requests);
      // 16 wards: 3 pages; the district: 1.
      const lsoaPages = fake.log.filter((l) => l.service === SERVICES.lsoa);
      expect(lsoaPages).toHaveLength(19);
      expect(lsoaPages.slice(0, 8).map((l) => l.query.get('resultOffset'))).toEqual([
        '0',
        '7',
        '14',
        '21',
        '28',
        '35',
        '42',
        '49',
      ]);
      expect(portal.requests).toBe(19 + 3 + 1);
    });
    // What was stored is the portal's geometry, coordinate for coordinate.
    const fixture = JSON.parse(
      gunzipSync(readFileSync(`${FIXTURES}boundaries/lsoa_by_lad/E08000013.json.gz`)).toString(),
    ) as { features: { properties: { LSOA11CD: string }; geometry: unknown }[] };
    const first = fixture.features[0];
    const [stored] = await db.query<{ geometry: string }>(
      `SELECT geometry FROM boundary WHERE area_type = 'lsoa' AND area_code = $code
         AND source LIKE 'ONS Open Geography Portal:%'`,
      { code: first?.properties.LSOA11CD ?? '' },
    );
    expect(JSON.parse(stored?.geometry ?? 'null')).toEqual(first?.geometry);
  });

  it('a portal that says it holds more but gives nothing is reported, not paged for ever', async () => {
    await withPortal(
      {
        answers: {
          [SERVICES.lsoa]:
            '{"type":"FeatureCollection","features":[],"properties":{"exceededTransferLimit":true}}',
        },
      },
      async (fake) => {
        const portal = new OnsGeoportal({ baseUrl: fake.url, ...quick });
        await expect(liverpool(portal)).rejects.toThrow(
          /kept saying it held more features of LSOA_Dec_2011_Boundaries_Generalised_Clipped_BGC_EW_V3/u,
        );
        expect(fake.log).toHaveLength(1);
      },
    );
  });
});

describe('a portal that fails for a while', () => {
  for (const [what, options] of [
    ['HTTP 503 twice', { failFirst: 2 }],
    ['429 with Retry-After: 0 twice', { throttleFirst: 2 }],
    [
      'an ArcGIS error 500 inside a 200 answer twice',
      { arcgisErrorFirst: { count: 2, code: 500 } },
    ],
    ['a broken body twice', { brokenFirst: 2 }],
  ] as const) {
    it(`${what}: retried, and everything fetched`, async () => {
      await withPortal(options, async (fake) => {
        const portal = new OnsGeoportal({ baseUrl: fake.url, ...quick });
        const report = await liverpool(portal, 'Knowsley');
        expect(report.layers.map((l) => l.fetched)).toEqual([98, 0, 1]);
        // Knowsley's 15 wards of 2019 are not in the (2013) layer: listed, never guessed at.
        expect(report.layers[1]?.missing).toHaveLength(15);
        expect(portal.requests).toBe(2 + 2 + 1 + 1);
      });
    });
  }
});

describe('a portal that cannot serve the area', () => {
  async function refused(
    options: FakeGeoportalOptions,
    pattern: RegExp,
    client: ConstructorParameters<typeof OnsGeoportal>[0] = {},
  ): Promise<FakeGeoportal> {
    const before = await heldInMerseyside();
    return withPortal(options, async (fake) => {
      const portal = new OnsGeoportal({ baseUrl: fake.url, ...quick, ...client });
      const failure = liverpool(portal, 'Wirral');
      await expect(failure).rejects.toThrow(SourceUnavailableError);
      await expect(failure).rejects.toThrow(pattern);
      // Nothing was stored: not the LSOAs fetched before a later layer failed either.
      expect(await heldInMerseyside()).toEqual(before);
      return fake;
    });
  }

  it('HTTP 503 on every request: "no answer", after the retries', async () => {
    const fake = await refused(
      { alwaysStatus: 503 },
      /LSOA_Dec_2011_Boundaries_Generalised_Clipped_BGC_EW_V3\/FeatureServer\/0\/query: no answer from the ONS Open Geography Portal \(last: HTTP 503\)\. Check the network connection, or the address given with --boundaries-url\. Without the internet, download the ONS boundaries as GeoJSON elsewhere and load them with lantern areas import-boundaries FILE --type lsoa --vintage 2011/u,
    );
    expect(fake.log).toHaveLength(3);
  });

  it('no answer within the timeout', async () => {
    await refused({ slowMs: 400 }, /no answer .*\(last: no answer within 0\.05 s\)/u, {
      timeoutMs: 50,
    });
  });

  it('a Retry-After of 100,000 s fails at once, saying what was asked', async () => {
    const fake = await refused(
      { throttleFirst: 1, retryAfter: '100000' },
      /answered HTTP 429 and asked to wait 100000 s before trying again \(Lantern waits at most 60 s\)/u,
    );
    expect(fake.log).toHaveLength(1);
  });

  it('a host where nothing listens is reported after one retry', async () => {
    const gone = await startFakeGeoportal();
    await gone.close();
    const portal = new OnsGeoportal({ baseUrl: gone.url, backoffMs: 1, maxRetries: 5 });
    await expect(liverpool(portal)).rejects.toThrow(/no answer .*\(last: ECONNREFUSED\)/u);
    expect(portal.requests).toBe(2);
  });

  it('a layer the portal does not hold (renamed): its ArcGIS error, and where to give the new name', async () => {
    const renamed = layers.map((l) => (l.type === 'ward' ? { ...l, service: 'Wards_Gone' } : l));
    const before = await heldInMerseyside();
    await withPortal({}, async (fake) => {
      const portal = new OnsGeoportal({ baseUrl: fake.url, ...quick });
      const failure = fetchBoundaries(db, FULL_SCOPE, portal, {
        area: 'Wirral',
        layers: renamed,
      });
      await expect(failure).rejects.toThrow(
        /Wards_Gone\/FeatureServer\/0\/query: the ONS Open Geography Portal refused the query \(error 400: Invalid URL; Invalid URL\)\. The layer "Wards_Gone" may have been renamed .* config\/ons-boundary-layers\.yaml \(--boundary-layers FILE\)/u,
      );
      // The LSOAs had been fetched (5 requests) before the wards failed; none was stored.
      expect(fake.log.filter((l) => l.service === SERVICES.lsoa)).toHaveLength(5);
    });
    expect(await heldInMerseyside()).toEqual(before);
  });

  it('a code field the layer lacks: the portal’s "Invalid query parameters"', async () => {
    const wrongField = layers.map((l) => (l.type === 'lsoa' ? { ...l, codeField: 'LSOA21CD' } : l));
    await withPortal({}, async (fake) => {
      const portal = new OnsGeoportal({ baseUrl: fake.url, ...quick });
      await expect(
        fetchBoundaries(db, FULL_SCOPE, portal, { area: 'Wirral', layers: wrongField }),
      ).rejects.toThrow(
        /error 400: Cannot perform query\. Invalid query parameters\.; 'where' parameter is invalid\)\. The layer .* fields \(LSOA21CD, LSOA11NM\) changed/u,
      );
    });
  });
});

describe('answers of the wrong shape', () => {
  const ring = (points: number[][]) => JSON.stringify([points]);
  const feature = (geometry: string, code = 'E01007094') =>
    `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"LSOA11CD":"${code}","LSOA11NM":"Wirral 001A"},"geometry":${geometry}}]}`;
  for (const [what, body, pattern] of [
    ['a list', '[]', /answered .* with a list \(expected a GeoJSON FeatureCollection\): \[\]/u],
    [
      'Esri JSON (f=json) rather than GeoJSON',
      '{"features":[{"attributes":{"LSOA11CD":"E01007094"}}]}',
      /with an object \(expected a GeoJSON FeatureCollection\)/u,
    ],
    [
      'a feature without a geometry',
      feature('null'),
      /with feature 0 as an object \(expected a polygon for E01007094\)/u,
    ],
    [
      'a feature without a code',
      feature('null', ''),
      /with feature 0 as an object \(expected features with an area code in LSOA11CD\)/u,
    ],
    [
      'coordinates in National Grid metres (outSR ignored)',
      feature(
        `{"type":"Polygon","coordinates":${ring([
          [330000, 390000],
          [331000, 390000],
          [331000, 391000],
          [330000, 390000],
        ])}}`,
      ),
      /expected rings of longitude and latitude in England and Wales for E01007094 \(outSR=4326\)/u,
    ],
  ] as const) {
    it(`${what} is the source failing, never read`, async () => {
      const before = await heldInMerseyside();
      await withPortal({ answers: { [SERVICES.lsoa]: body } }, async (fake) => {
        const portal = new OnsGeoportal({ baseUrl: fake.url, ...quick });
        const failure = liverpool(portal, 'Wirral');
        await expect(failure).rejects.toThrow(SourceUnavailableError);
        await expect(failure).rejects.toThrow(pattern);
        await expect(failure).rejects.toThrow(/--boundaries-url points elsewhere/u);
      });
      expect(await heldInMerseyside()).toEqual(before);
    });
  }

  it('an HTML page (a proxy, a maintenance notice) is retried as a broken answer, then reported', async () => {
    await withPortal(
      { answers: { [SERVICES.lsoa]: '<html>Down for maintenance</html>' } },
      async (fake) => {
        const portal = new OnsGeoportal({ baseUrl: fake.url, ...quick });
        await expect(liverpool(portal, 'Wirral')).rejects.toThrow(
          /no answer from the ONS Open Geography Portal \(last: a broken response/u,
        );
        expect(fake.log).toHaveLength(3);
      },
    );
  });
});

describe('the area', () => {
  it('an area the register does not hold is refused before the portal is asked', async () => {
    await withPortal({}, async (fake) => {
      const portal = new OnsGeoportal({ baseUrl: fake.url, ...quick });
      await expect(liverpool(portal, 'Atlantis')).rejects.toThrow(NotFoundError);
      await expect(liverpool(portal, 'Atlantis')).rejects.toThrow(/no area is called "Atlantis"/u);
      expect(fake.log).toHaveLength(0);
    });
  });

  it('a ward: itself and its LSOAs (no district)', async () => {
    await withPortal({}, async (fake) => {
      const portal = new OnsGeoportal({ baseUrl: fake.url, ...quick });
      // Central ward, Liverpool.
      const report = await liverpool(portal, 'E05000889');
      expect(report.layers.map((l) => [l.type, l.asked, l.fetched])).toEqual([
        ['lsoa', 11, 11],
        ['ward', 1, 1],
        ['district', 0, 0],
      ]);
    });
  });
});

describe('the command', () => {
  const fetchArgs = (url: string, area = 'Sefton') => [
    'fetch',
    'boundaries',
    '--area',
    area,
    '--boundaries-url',
    url,
    '--db',
    `${dir.path}/cli.duckdb`,
  ];

  it('exit 1 when the portal fails, with the reason and no stack trace', async () => {
    await withPortal({ answers: { [SERVICES.lsoa]: '{"error":"maintenance"}' } }, async (fake) => {
      const result = await runCliAsync(fetchArgs(fake.url));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^lantern: the ONS Open Geography Portal answered .* with an object \(expected a GeoJSON FeatureCollection\)/u,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /u);
    });
  }, 120_000);

  it('exit 2 for an area not found, a missing --area, and an unknown fetch', async () => {
    await withPortal({}, async (fake) => {
      const unknown = await run(fetchArgs(fake.url, 'Atlantis'));
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/no area is called "Atlantis"/u);
      const noArea = await run(['fetch', 'boundaries', '--db', `${dir.path}/cli.duckdb`]);
      expect(noArea.code).toBe(2);
      expect(noArea.stderr).toMatch(
        /--area AREA is required \(the area whose boundaries to fetch/u,
      );
      const typo = await run(['fetch', 'boundary', '--area', 'Sefton']);
      expect(typo.code).toBe(2);
      expect(typo.stderr).toMatch(/fetch takes no words of its own \("boundary"\)/u);
      expect(fake.log).toHaveLength(0);
    });
  }, 120_000);

  it('--boundary-layers names another layers file; a bad one is refused with its line', async () => {
    const file = `${dir.path}/layers.yaml`;
    const text = readFileSync(
      new URL('../config/ons-boundary-layers.yaml', import.meta.url),
      'utf8',
    );
    writeFileSync(file, text.replace('type: ward', 'type: lsoa'));
    await expect(loadBoundaryLayers(file)).rejects.toThrow(InputError);
    await expect(loadBoundaryLayers(file)).rejects.toThrow(
      /layers\.yaml:\d+: layers\.1\.type: a second lsoa layer \(give one per area type\)/u,
    );
    writeFileSync(file, text.replace('codeField: WD19CD', 'codeField: "WD19CD\') OR (1=1"'));
    await expect(loadBoundaryLayers(file)).rejects.toThrow(
      /layers\.1\.codeField: letters, digits and underscores/u,
    );
    const result = await run([...fetchArgs('http://127.0.0.1:9/'), '--boundary-layers', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/layers\.1\.codeField/u);
  }, 120_000);
});
