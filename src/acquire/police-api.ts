/**
 * The data.police.uk API, as Lantern uses it: which months exist (`crimes-street-dates`,
 * `crime-last-updated`) and street-level crimes in a polygon for a month (POSTed, so polygons
 * of any size fit). Requests keep to the published limit (15 a second, bursts of 30), time out,
 * and are retried with jittered exponential backoff on 429 (honouring Retry-After up to a minute;
 * a server asking for a longer wait is reported at once), on 5xx other than 503, on broken
 * responses and on network errors. A 503 means "more than 10,000 crimes in this polygon": it is
 * returned to the caller, who splits the polygon. An answer of the wrong shape (an object where
 * a list is expected) is reported as the source's failure, never read.
 */
import { SourceUnavailableError } from '../errors.js';
import {
  AnswerTooLarge,
  bodyStart,
  bodyWithin,
  brokenAnswer,
  networkProblem,
  retryAfterSeconds,
  UNREACHABLE,
} from './http-problems.js';
import { RateLimiter, REAL_CLOCK, type Clock } from './rate-limiter.js';

export const DEFAULT_API_URL = 'https://data.police.uk/api/';
/** The longest Retry-After (seconds) Lantern waits for; a longer one fails the request. */
export const MAX_RETRY_AFTER_SECONDS = 60;

/** A crime as the API gives it (fields Lantern reads). */
export interface ApiCrime {
  category: string;
  persistent_id: string;
  id: number;
  month: string;
  context: string;
  location: { latitude: string; longitude: string; street?: { id?: number; name?: string } } | null;
  outcome_status: { category: string; date: string } | null;
}

export interface PoliceApiOptions {
  baseUrl?: string;
  timeoutMs?: number;
  maxRetries?: number;
  backoffMs?: number;
  /** The most bytes an answer may hold (default 64 MiB: 10,000 crimes are about 7 MB). */
  maxBodyBytes?: number;
  /** The longest Retry-After honoured, in seconds (default MAX_RETRY_AFTER_SECONDS). */
  maxRetryAfterSeconds?: number;
  clock?: Clock;
  limiter?: RateLimiter;
}

export type CrimesAnswer = { ok: true; crimes: ApiCrime[] } | { ok: false; tooMany: true };

export class PoliceApi {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly maxBodyBytes: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfter: number;
  private readonly clock: Clock;
  private readonly limiter: RateLimiter;
  requests = 0;

  constructor(options: PoliceApiOptions = {}) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_API_URL).replace(/\/?$/u, '/');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRetries = options.maxRetries ?? 6;
    this.maxBodyBytes = options.maxBodyBytes ?? 64 * 2 ** 20;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxRetryAfter = options.maxRetryAfterSeconds ?? MAX_RETRY_AFTER_SECONDS;
    this.clock = options.clock ?? REAL_CLOCK;
    this.limiter = options.limiter ?? new RateLimiter(15, 30, this.clock);
  }

  /** The months for which street-level data exists. */
  async availableMonths(): Promise<string[]> {
    const body = await this.request('GET', 'crimes-street-dates', undefined, 'a list');
    if (!Array.isArray(body) || !body.every((d) => hasDate(d))) {
      throw wrongShape(this.url('crimes-street-dates'), body, 'a list of months');
    }
    return body.map((d) => d.date).sort();
  }

  /** The latest month the data was updated for ("YYYY-MM"). */
  async lastUpdated(): Promise<string> {
    const body = await this.request('GET', 'crime-last-updated', undefined, 'an object');
    if (!hasDate(body)) throw wrongShape(this.url('crime-last-updated'), body, 'a date');
    return body.date.slice(0, 7);
  }

  /** All street-level crimes and ASB in a polygon (ring of [lon, lat]) for a month. */
  async streetCrimes(
    ring: readonly (readonly [number, number])[],
    month: string,
  ): Promise<CrimesAnswer> {
    const poly = ring.map(([lon, lat]) => `${lat.toFixed(6)},${lon.toFixed(6)}`).join(':');
    const form = new URLSearchParams({ poly, date: month }).toString();
    try {
      const body = await this.request('POST', 'crimes-street/all-crime', form, 'a list');
      if (!Array.isArray(body) || !body.every(isCrime)) {
        throw wrongShape(this.url('crimes-street/all-crime'), body, 'a list of crimes');
      }
      return { ok: true, crimes: body };
    } catch (error) {
      if (error instanceof TooManyCrimes) return { ok: false, tooMany: true };
      throw error;
    }
  }

  private url(path: string): string {
    return new URL(path, this.baseUrl).toString();
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    form: string | undefined,
    expected: 'a list' | 'an object',
  ): Promise<unknown> {
    const url = this.url(path);
    let lastProblem = '';
    for (let attempt = 0; attempt <= this.maxRetries; attempt++) {
      if (attempt > 0) await this.clock.sleep(this.backoff(attempt, lastProblem));
      await this.limiter.take();
      this.requests++;
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          body: form,
          headers: form ? { 'content-type': 'application/x-www-form-urlencoded' } : undefined,
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        lastProblem = networkProblem(error, this.timeoutMs);
        // No route, no such host, nothing listening: one more try, then say so.
        if (UNREACHABLE.has(lastProblem) && attempt >= 1) break;
        continue;
      }
      if (response.status === 503) {
        await response.body?.cancel();
        throw new TooManyCrimes();
      }
      if (response.status === 429 || response.status >= 500) {
        const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
        await response.body?.cancel();
        if (retryAfter > this.maxRetryAfter) {
          throw new SourceUnavailableError(
            `${url}: the server answered HTTP ${response.status} and asked to wait ` +
              `${Math.ceil(retryAfter)} s before trying again (Lantern waits at most ` +
              `${this.maxRetryAfter} s). Try again later.`,
          );
        }
        lastProblem = `HTTP ${response.status}${retryAfter > 0 ? `; retry-after ${retryAfter}` : ''}`;
        continue;
      }
      if (!response.ok) {
        const text = (await bodyStart(response)).slice(0, 200);
        throw new SourceUnavailableError(
          `${url}: the server answered HTTP ${response.status}${text ? ` (${text})` : ''}`,
        );
      }
      let body: unknown;
      try {
        body = JSON.parse(await bodyWithin(response, this.maxBodyBytes));
      } catch (error) {
        if (error instanceof AnswerTooLarge) {
          throw new SourceUnavailableError(
            `${url}: the server sent ${error.message}; the download was stopped. ` +
              'Check the address given with --api-url.',
          );
        }
        lastProblem = brokenAnswer(error, this.timeoutMs);
        continue;
      }
      const isList = Array.isArray(body);
      const isObject = typeof body === 'object' && body !== null && !isList;
      if (expected === 'a list' ? !isList : !isObject) throw wrongShape(url, body, expected);
      return body;
    }
    throw new SourceUnavailableError(
      `${url}: no answer (last: ${lastProblem}). ` +
        'Check the network connection, or the address given with --api-url.',
    );
  }

  /** Full-jitter exponential backoff; a server's Retry-After is a floor. */
  private backoff(attempt: number, problem: string): number {
    const cap = this.backoffMs * 2 ** (attempt - 1);
    const retryAfter = /retry-after (\d+(?:\.\d+)?)/u.exec(problem);
    const floor = retryAfter ? Number(retryAfter[1]) * 1000 : 0;
    return Math.max(floor, Math.random() * cap);
  }
}

class TooManyCrimes extends Error {}

function hasDate(value: unknown): value is { date: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { date?: unknown }).date === 'string'
  );
}

function isCrime(value: unknown): value is ApiCrime {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return typeof c.category === 'string' && typeof c.month === 'string';
}

/** The source's answer, not of the shape asked for: reported, with a glimpse of what came. */
function wrongShape(url: string, body: unknown, expected: string): SourceUnavailableError {
  const what = Array.isArray(body)
    ? 'a list of something else'
    : body === null
      ? 'null'
      : typeof body === 'object'
        ? 'an object'
        : `a ${typeof body}`;
  const glimpse = JSON.stringify(body)?.slice(0, 120) ?? '';
  return new SourceUnavailableError(
    `data.police.uk answered ${url} with ${what} (expected ${expected})` +
      (glimpse ? `: ${glimpse}` : '') +
      '. The service may have changed, or --api-url points elsewhere.',
  );
}
