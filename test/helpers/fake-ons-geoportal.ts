/**
 * A local stand-in for the ONS Open Geography Portal's ArcGIS REST services, serving real
 * boundaries from the repository: Merseyside's 2011 LSOAs and wards (test/fixtures/boundaries,
 * ONS generalised clipped boundaries via martinjc/UK-GeoJSON) and England's districts
 * (data/boundaries/lad-2013-england.topo.json.gz).
 *
 * It answers `<service>/FeatureServer/0/query` as ArcGIS Online does: `where=<FIELD> IN ('…')`
 * (field names in any case), outFields, orderByFields, resultOffset / resultRecordCount up to its
 * maxRecordCount, f=geojson with `properties.exceededTransferLimit` while more remain; errors as
 * a 200 answer holding {"error": {"code", "message", "details"}} ("Invalid URL" for a service it
 * does not hold, "Invalid query parameters" for a field the layer lacks).
 *
 * The wards are 2013's (WD13), served under the December 2019 layer's fields: codes unchanged
 * since 2013 (Liverpool, St Helens, Sefton, Wirral) are found, Knowsley's (re-warded in 2016) are
 * ones the layer lacks, as a real layer lacks codes of another vintage. The districts are 2013's,
 * whose codes Merseyside's 2019 districts keep; they are served with lower-case fields (lad19cd),
 * as the real December 2019 district layer gives them.
 *
 * It can also misbehave: HTTP errors, ArcGIS errors inside a 200 answer, 429 with Retry-After,
 * slow answers, broken bodies, and bodies of the wrong shape. It listens on 127.0.0.1 only.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

import { FIXTURES } from './temp.js';

export const MERSEYSIDE_DISTRICTS = [
  'E08000011', // Knowsley
  'E08000012', // Liverpool
  'E08000013', // St Helens
  'E08000014', // Sefton
  'E08000015', // Wirral
] as const;

/** The services of the default layers file (config/ons-boundary-layers.yaml). */
export const SERVICES = {
  lsoa: 'LSOA_Dec_2011_Boundaries_Generalised_Clipped_BGC_EW_V3',
  ward: 'Wards_December_2019_Boundaries_UK_BGC_2022',
  district: 'LAD_Dec_2019_Boundaries_UK_BFC_2022',
} as const;

export interface FakeLayer {
  codeField: string;
  nameField: string;
  features: { code: string; name: string; geometry: Polygon | MultiPolygon }[];
}

export interface FakeGeoportalOptions {
  /** Layers by service name (default: the real Merseyside boundaries under SERVICES). */
  layers?: Map<string, FakeLayer>;
  /** The most features a page holds (the layer's maxRecordCount; default 2000). */
  maxRecordCount?: number;
  /** Every request answers this HTTP status. */
  alwaysStatus?: number;
  /** The first N requests answer 429 with this Retry-After. */
  throttleFirst?: number;
  retryAfter?: string;
  /** The first N requests answer HTTP 503. */
  failFirst?: number;
  /** Requests to a service answer this body (HTTP 200) instead of its features. */
  answers?: Record<string, string>;
  /** The first N requests get an ArcGIS error inside a 200 answer with this code. */
  arcgisErrorFirst?: { count: number; code: number };
  /** Every request waits this long before answering. */
  slowMs?: number;
  /** The first N requests get a truncated JSON body. */
  brokenFirst?: number;
}

export interface FakeGeoportal {
  url: string;
  log: { service: string; status: number; query: URLSearchParams }[];
  close(): Promise<void>;
}

function readFixture(path: string): FeatureCollection {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as FeatureCollection;
}

function asLayer(
  features: readonly Feature[],
  codeFrom: string,
  nameFrom: string,
  codeField: string,
  nameField: string,
): FakeLayer {
  return {
    codeField,
    nameField,
    features: features.map((f) => ({
      code: String(f.properties?.[codeFrom]),
      name: String(f.properties?.[nameFrom]),
      geometry: f.geometry as Polygon | MultiPolygon,
    })),
  };
}

/** Merseyside's real LSOA (2011) and ward boundaries, and England's districts, as portal layers. */
export function merseysideLayers(): Map<string, FakeLayer> {
  const read = (folder: string) =>
    MERSEYSIDE_DISTRICTS.flatMap(
      (code) => readFixture(`${FIXTURES}boundaries/${folder}/${code}.json.gz`).features,
    );
  const topology = JSON.parse(
    gunzipSync(
      readFileSync(new URL('../../data/boundaries/lad-2013-england.topo.json.gz', import.meta.url)),
    ).toString('utf8'),
  ) as Topology;
  const districts = Object.keys(topology.objects).flatMap((name) => {
    const converted = topoFeature(topology, topology.objects[name] as never) as unknown as
      Feature | FeatureCollection;
    return 'features' in converted ? converted.features : [converted];
  });
  return new Map([
    [SERVICES.lsoa, asLayer(read('lsoa_by_lad'), 'LSOA11CD', 'LSOA11NM', 'LSOA11CD', 'LSOA11NM')],
    [SERVICES.ward, asLayer(read('wards_by_lad'), 'WD13CD', 'WD13NM', 'WD19CD', 'WD19NM')],
    [SERVICES.district, asLayer(districts, 'LAD13CD', 'LAD13NM', 'lad19cd', 'lad19nm')],
  ]);
}

export async function startFakeGeoportal(
  options: FakeGeoportalOptions = {},
): Promise<FakeGeoportal> {
  const layers = options.layers ?? merseysideLayers();
  const log: FakeGeoportal['log'] = [];
  let requests = 0;
  const send = (
    res: ServerResponse,
    service: string,
    query: URLSearchParams,
    status: number,
    body: string,
    headers: Record<string, string> = {},
  ) => {
    log.push({ service, status, query });
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  };
  const arcgisError = (code: number, message: string, details: string[]) =>
    JSON.stringify({ error: { code, message, details } });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = url.searchParams;
    const match = /^\/ons\/arcgis\/rest\/services\/([^/]+)\/FeatureServer\/(\d+)\/query$/u.exec(
      url.pathname,
    );
    const service = match?.[1] ?? url.pathname;
    const n = requests++;
    if (options.slowMs) await new Promise((r) => setTimeout(r, options.slowMs));
    if (options.alwaysStatus)
      return send(res, service, query, options.alwaysStatus, 'Service Unavailable');
    if (n < (options.throttleFirst ?? 0))
      return send(res, service, query, 429, 'Too Many Requests', {
        'retry-after': options.retryAfter ?? '0',
      });
    if (n < (options.failFirst ?? 0)) return send(res, service, query, 503, 'Service Unavailable');
    if (options.arcgisErrorFirst && n < options.arcgisErrorFirst.count)
      return send(
        res,
        service,
        query,
        200,
        arcgisError(options.arcgisErrorFirst.code, 'Unable to complete operation.', []),
      );
    const answer = options.answers?.[service];
    if (answer !== undefined) return send(res, service, query, 200, answer);
    const layer = match ? layers.get(service) : undefined;
    if (!layer || match?.[2] !== '0')
      return send(res, service, query, 200, arcgisError(400, 'Invalid URL', ['Invalid URL']));
    const where = /^\s*(\w+)\s+IN\s*\(([^)]*)\)\s*$/iu.exec(query.get('where') ?? '');
    const field = where?.[1] ?? '';
    if (!where || field.toLowerCase() !== layer.codeField.toLowerCase())
      return send(
        res,
        service,
        query,
        200,
        arcgisError(400, 'Cannot perform query. Invalid query parameters.', [
          "'where' parameter is invalid",
        ]),
      );
    if (query.get('f') !== 'geojson' || query.get('outSR') !== '4326')
      return send(res, service, query, 200, arcgisError(400, 'Unsupported in this fake', []));
    const codes = new Set(
      (where[2] ?? '').split(',').map((c) => c.trim().replace(/^'(.*)'$/u, '$1')),
    );
    const matching = layer.features
      .filter((f) => codes.has(f.code))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const offset = Number(query.get('resultOffset') ?? 0);
    const count = Math.min(
      Number(query.get('resultRecordCount') ?? Infinity),
      options.maxRecordCount ?? 2000,
    );
    const page = matching.slice(offset, offset + count);
    const body = JSON.stringify({
      type: 'FeatureCollection',
      features: page.map((f, i) => ({
        type: 'Feature',
        id: offset + i + 1,
        geometry: f.geometry,
        properties: { [layer.codeField]: f.code, [layer.nameField]: f.name },
      })),
      ...(offset + page.length < matching.length
        ? { properties: { exceededTransferLimit: true } }
        : {}),
    });
    if (n < (options.brokenFirst ?? 0))
      return send(res, service, query, 200, body.slice(0, Math.floor(body.length / 2)));
    return send(res, service, query, 200, body);
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) =>
      send(res, req.url ?? '', new URLSearchParams(), 500, JSON.stringify(String(error))),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/ons/arcgis/rest/services/`,
    log,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
