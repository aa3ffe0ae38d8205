/**
 * The ONS Open Geography Portal, as Lantern uses it: the boundaries of given areas from a layer's
 * ArcGIS REST `query` operation (`<service>/FeatureServer/<layer>/query`), as GeoJSON in WGS84
 * (outSR=4326). Codes are asked for in chunks (`where=LSOA11CD IN (...)`), and each chunk's answer
 * is paged with resultOffset / resultRecordCount for as long as the portal says it holds more
 * (exceededTransferLimit).
 *
 * Requests keep to a modest rate, time out, and are retried with full-jitter exponential backoff
 * on HTTP 429 (Retry-After honoured up to a minute; a longer one fails at once) and 5xx, on the
 * errors ArcGIS gives inside a 200 answer with a 5xx or 429 code, on broken bodies and on network
 * errors; an unreachable host is reported after one retry. Any other ArcGIS error (a layer or
 * field renamed: "Invalid URL", "Invalid query parameters") and an answer of the wrong shape
 * (not a FeatureCollection; a feature without a polygon or code; coordinates that are not
 * longitude and latitude in England and Wales) are reported as the source failing, never read.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

import { isOnsAreaCode, type BoundaryLayer } from '../domain/boundary-layer.js';
import { SourceUnavailableError } from '../errors.js';
import {
  AnswerTooLarge,
  backoffMs,
  bodyStart,
  bodyWithin,
  brokenAnswer,
  networkProblem,
  retryAfterSeconds,
  UNREACHABLE,
} from './http-problems.js';
import { RateLimiter, REAL_CLOCK, type Clock } from './rate-limiter.js';

/** The portal's ArcGIS REST services (ONS's ArcGIS Online organisation). */
export const DEFAULT_GEOPORTAL_URL =
  'https://services1.arcgis.com/ESMARspQHYMw9BZ9/arcgis/rest/services/';
/** The longest Retry-After (seconds) Lantern waits for; a longer one fails the request. */
export const MAX_RETRY_AFTER_SECONDS = 60;
/** Codes per `IN (...)` list: keeps the URL well under the 2,000 characters proxies allow. */
export const CODES_PER_REQUEST = 50;

/** One area's boundary as the portal gave it. */
export interface PortalBoundary {
  code: string;
  name: string | null;
  geometry: Polygon | MultiPolygon;
}

export interface GeoportalOptions {
  baseUrl?: string;
  timeoutMs?: number;
  maxRetries?: number;
  backoffMs?: number;
  maxRetryAfterSeconds?: number;
  /** The most bytes an answer may hold (default 128 MiB: a page of generalised shapes is a few MB). */
  maxBodyBytes?: number;
  /** Codes asked for per request (default CODES_PER_REQUEST). */
  codesPerRequest?: number;
  /** Features asked for per page (resultRecordCount; the portal may give fewer). */
  pageSize?: number;
  clock?: Clock;
  limiter?: RateLimiter;
}

export class OnsGeoportal {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoffBaseMs: number;
  private readonly maxRetryAfter: number;
  private readonly maxBodyBytes: number;
  private readonly codesPerRequest: number;
  private readonly pageSize: number;
  private readonly clock: Clock;
  private readonly limiter: RateLimiter;
  requests = 0;

  constructor(options: GeoportalOptions = {}) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_GEOPORTAL_URL).replace(/\/?$/u, '/');
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxRetries = options.maxRetries ?? 5;
    this.backoffBaseMs = options.backoffMs ?? 500;
    this.maxRetryAfter = options.maxRetryAfterSeconds ?? MAX_RETRY_AFTER_SECONDS;
    this.maxBodyBytes = options.maxBodyBytes ?? 128 * 2 ** 20;
    this.codesPerRequest = options.codesPerRequest ?? CODES_PER_REQUEST;
    this.pageSize = options.pageSize ?? 2000;
    this.clock = options.clock ?? REAL_CLOCK;
    // ArcGIS Online publishes no limit for public layers; ten requests a second is polite.
    this.limiter = options.limiter ?? new RateLimiter(10, 20, this.clock);
  }

  /** The query address of a layer. */
  layerUrl(layer: BoundaryLayer): string {
    return new URL(`${layer.service}/FeatureServer/${layer.layer}/query`, this.baseUrl).toString();
  }

  /**
   * The boundaries of the given codes in a layer (each at most once; codes the layer lacks are
   * simply absent). Codes that are not ONS area codes are never sent.
   */
  async boundaries(
    layer: BoundaryLayer,
    codes: readonly string[],
    onChunk?: (done: number, total: number) => void,
  ): Promise<PortalBoundary[]> {
    const asked = [...new Set(codes.filter(isOnsAreaCode))].sort();
    const wanted = new Set(asked);
    const found = new Map<string, PortalBoundary>();
    const chunks = Math.ceil(asked.length / this.codesPerRequest);
    for (let i = 0; i < asked.length; i += this.codesPerRequest) {
      const chunk = asked.slice(i, i + this.codesPerRequest);
      for (const b of await this.chunk(layer, chunk)) {
        if (wanted.has(b.code) && !found.has(b.code)) found.set(b.code, b);
      }
      onChunk?.(i / this.codesPerRequest + 1, chunks);
    }
    return [...found.values()];
  }

  /** One `IN (...)` list, every page of it. */
  private async chunk(layer: BoundaryLayer, codes: readonly string[]): Promise<PortalBoundary[]> {
    const out: PortalBoundary[] = [];
    const where = `${layer.codeField} IN (${codes.map((c) => `'${c}'`).join(',')})`;
    for (let offset = 0, page = 0; ; page++) {
      const params = new URLSearchParams({
        where,
        outFields: `${layer.codeField},${layer.nameField}`,
        returnGeometry: 'true',
        outSR: '4326',
        orderByFields: layer.codeField,
        resultOffset: String(offset),
        resultRecordCount: String(this.pageSize),
        f: 'geojson',
      });
      if (layer.maxAllowableOffset !== undefined)
        params.set('maxAllowableOffset', String(layer.maxAllowableOffset));
      const url = `${this.layerUrl(layer)}?${params.toString()}`;
      const body = await this.request(url, layer);
      const { features, more } = readPage(body, layer, this.layerUrl(layer));
      out.push(...features);
      if (!more) return out;
      // A portal that says "more" but gives nothing would page for ever.
      if (features.length === 0 || page > codes.length)
        throw new SourceUnavailableError(
          `the ONS Open Geography Portal kept saying it held more features of ${layer.service} ` +
            `(exceededTransferLimit) without giving any; try again later.`,
        );
      offset += features.length;
    }
  }

  private async request(url: string, layer: BoundaryLayer): Promise<unknown> {
    let lastProblem = '';
    let floor = 0;
    for (let attempt = 0; attempt <= this.maxRetries; attempt++) {
      if (attempt > 0) await this.clock.sleep(backoffMs(attempt, this.backoffBaseMs, floor));
      floor = 0;
      await this.limiter.take();
      this.requests++;
      let response: Response;
      try {
        response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (error) {
        lastProblem = networkProblem(error, this.timeoutMs);
        if (UNREACHABLE.has(lastProblem) && attempt >= 1) break;
        continue;
      }
      if (response.status === 429 || response.status >= 500) {
        const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
        await response.body?.cancel();
        if (retryAfter > this.maxRetryAfter) {
          throw new SourceUnavailableError(
            `${layer.service}: the ONS Open Geography Portal answered HTTP ${response.status} and ` +
              `asked to wait ${Math.ceil(retryAfter)} s before trying again (Lantern waits at most ` +
              `${this.maxRetryAfter} s). Try again later.`,
          );
        }
        lastProblem = `HTTP ${response.status}`;
        floor = retryAfter;
        continue;
      }
      if (!response.ok) {
        const text = (await bodyStart(response)).slice(0, 200);
        throw new SourceUnavailableError(
          `${this.layerUrl(layer)}: the ONS Open Geography Portal answered HTTP ${response.status}` +
            (text ? ` (${text})` : '') +
            layerHint(layer),
        );
      }
      let body: unknown;
      try {
        body = JSON.parse(await bodyWithin(response, this.maxBodyBytes));
      } catch (error) {
        if (error instanceof AnswerTooLarge) {
          throw new SourceUnavailableError(
            `${this.layerUrl(layer)}: the ONS Open Geography Portal sent ${error.message}; the ` +
              'download was stopped. Check the address given with --boundaries-url.',
          );
        }
        lastProblem = brokenAnswer(error, this.timeoutMs);
        continue;
      }
      // ArcGIS reports errors inside a 200 answer: {"error": {"code": 400, "message": …}}.
      const error = arcgisError(body);
      if (error) {
        if (error.code === 429 || error.code >= 500) {
          lastProblem = `error ${error.code}: ${error.message}`;
          continue;
        }
        throw new SourceUnavailableError(
          `${this.layerUrl(layer)}: the ONS Open Geography Portal refused the query ` +
            `(error ${error.code}: ${error.message}${error.details ? `; ${error.details}` : ''})` +
            layerHint(layer),
        );
      }
      return body;
    }
    throw new SourceUnavailableError(
      `${this.layerUrl(layer)}: no answer from the ONS Open Geography Portal (last: ${lastProblem}). ` +
        'Check the network connection, or the address given with --boundaries-url. Without the ' +
        'internet, download the ONS boundaries as GeoJSON elsewhere and load them with ' +
        'lantern areas import-boundaries FILE --type lsoa --vintage 2011 (docs/guide.md).',
    );
  }
}

function layerHint(layer: BoundaryLayer): string {
  return (
    `. The layer "${layer.service}" may have been renamed or its fields (${layer.codeField}, ` +
    `${layer.nameField}) changed: find its current name on https://geoportal.statistics.gov.uk and ` +
    'give it in a copy of config/ons-boundary-layers.yaml (--boundary-layers FILE), or check --boundaries-url.'
  );
}

function arcgisError(body: unknown): { code: number; message: string; details: string } | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; message?: unknown; details?: unknown };
  return {
    code: typeof e.code === 'number' ? e.code : 0,
    message: typeof e.message === 'string' ? e.message : JSON.stringify(error).slice(0, 200),
    details: Array.isArray(e.details)
      ? e.details.filter((d): d is string => typeof d === 'string').join('; ')
      : '',
  };
}

/** A page of a GeoJSON answer: its boundaries, and whether the portal holds more. */
function readPage(
  body: unknown,
  layer: BoundaryLayer,
  url: string,
): { features: PortalBoundary[]; more: boolean } {
  const doc = body as {
    type?: unknown;
    features?: unknown;
    exceededTransferLimit?: unknown;
    properties?: { exceededTransferLimit?: unknown } | null;
  };
  if (
    typeof body !== 'object' ||
    body === null ||
    Array.isArray(body) ||
    doc.type !== 'FeatureCollection' ||
    !Array.isArray(doc.features)
  ) {
    throw wrongShape(url, body, 'a GeoJSON FeatureCollection');
  }
  const features = doc.features.map((f, i) => readFeature(f, i, layer, url));
  // GeoJSON answers carry the flag among the collection's properties; Esri JSON at the top.
  const more = doc.properties?.exceededTransferLimit === true || doc.exceededTransferLimit === true;
  return { features, more };
}

function readFeature(
  feature: unknown,
  index: number,
  layer: BoundaryLayer,
  url: string,
): PortalBoundary {
  const f = feature as { properties?: Record<string, unknown> | null; geometry?: unknown };
  const props = f?.properties ?? {};
  // Field names are matched whatever their case: some layers give lad19cd, others LAD19CD.
  const field = (name: string) => {
    const key = Object.keys(props).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : props[key];
  };
  const code = field(layer.codeField);
  if (typeof code !== 'string' || !isOnsAreaCode(code))
    throw wrongShape(url, feature, `features with an area code in ${layer.codeField}`, index);
  const geometry = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  if (
    !geometry ||
    (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') ||
    !Array.isArray(geometry.coordinates)
  )
    throw wrongShape(url, feature, `a polygon for ${code}`, index);
  const polygons = (
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  ) as unknown[];
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0)
      throw wrongShape(url, feature, `a polygon for ${code}`, index);
    for (const ring of polygon) {
      if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isEnglandWalesPosition))
        throw wrongShape(
          url,
          feature,
          `rings of longitude and latitude in England and Wales for ${code} (outSR=4326)`,
          index,
        );
    }
  }
  const name = field(layer.nameField);
  return {
    code,
    name: typeof name === 'string' ? name : null,
    geometry: geometry as Polygon | MultiPolygon,
  };
}

/** [longitude, latitude] inside a box around England and Wales (not metres of the National Grid). */
function isEnglandWalesPosition(p: unknown): p is Position {
  if (!Array.isArray(p) || p.length < 2) return false;
  const [lon, lat] = p as unknown[];
  return (
    typeof lon === 'number' &&
    typeof lat === 'number' &&
    lon >= -7 &&
    lon <= 2.5 &&
    lat >= 49.5 &&
    lat <= 56
  );
}

/** The portal's answer, not of the shape asked for: reported, with a glimpse of what came. */
function wrongShape(
  url: string,
  body: unknown,
  expected: string,
  feature?: number,
): SourceUnavailableError {
  const what = Array.isArray(body)
    ? 'a list'
    : body === null
      ? 'null'
      : typeof body === 'object'
        ? 'an object'
        : `a ${typeof body}`;
  const glimpse = JSON.stringify(body)?.slice(0, 120) ?? '';
  return new SourceUnavailableError(
    `the ONS Open Geography Portal answered ${url} with ${feature === undefined ? what : `feature ${feature} as ${what}`} ` +
      `(expected ${expected})` +
      (glimpse ? `: ${glimpse}` : '') +
      '. The service may have changed, or --boundaries-url points elsewhere.',
  );
}
