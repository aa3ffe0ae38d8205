/**
 * The JSON answers of read endpoints, kept for as long as the store is unchanged and only on the
 * day they were made (requestKey: the plan's overdue actions depend on the date). The server holds
 * the store open, so no other process can write it (DuckDB's lock), and within the server the one
 * writer is an upload's import (context.ts): the store changes only when an import ends, which
 * starts a new generation and forgets every answer. An answer is kept only if no import ended
 * while it was being made, so an answer of the store before an import is never served after it.
 *
 * Without it a command's document is made afresh for each request (DuckDB queries and the
 * analysis: 30-100 ms for the overview or a trend of the demo store), and 32 clients at once wait
 * behind one another for seconds (docs/benchmarks.md, "HTTP API"). Answers are kept as UTF-8
 * bytes and gzipped once, for the clients that take it (every browser): the overview's 220 KB of
 * JSON is 18 KB gzipped, and is neither encoded nor compressed again for each request.
 */

import { gzipSync } from 'node:zlib';

import { planDay } from '../domain/plan/plan-day.js';
import type { Scope } from '../domain/scope.js';

/** How many answers are kept (the least recently used go first); as many documents (`once`). */
const KEPT = 256;

/** An answer as UTF-8 JSON, and gzipped when that is worth it (over 1 KB). */
export interface KeptAnswer {
  json: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer> | null;
}

export class DocumentCache {
  private generation = 0;
  private readonly answers = new Map<string, KeptAnswer>();
  private readonly documents = new Map<string, Promise<unknown>>();

  /** The current generation: pass it back to `keep` with what was made in it. */
  get current(): number {
    return this.generation;
  }

  get(key: string): KeptAnswer | undefined {
    const answer = this.answers.get(key);
    if (answer !== undefined) {
      // Most recently used last.
      this.answers.delete(key);
      this.answers.set(key, answer);
    }
    return answer;
  }

  keep(key: string, json: Uint8Array<ArrayBuffer>, madeIn: number): void {
    if (madeIn !== this.generation) return;
    const gzip = json.length > 1024 ? new Uint8Array(gzipSync(json)) : null;
    this.answers.set(key, { json, gzip });
    if (this.answers.size > KEPT) this.answers.delete(this.answers.keys().next().value as string);
  }

  /**
   * A document the server makes from the store for many requests (the dashboard's filters: the
   * areas and periods a caller may choose), made once per key and generation, as the answers are.
   * Its key says everything it depends on besides the store (requestKey: the caller's scope, the
   * day). A failure is not kept: the next request makes it again and sees its own error. What is
   * kept is shared by every request of that key, so it is frozen: no request may change it.
   */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    const known = this.documents.get(key);
    if (known !== undefined) {
      this.documents.delete(key);
      this.documents.set(key, known);
      return known as Promise<T>;
    }
    const made = make().then(deepFreeze);
    // Forgotten when the store changes (cleared) and when it fails; the pending one is shared.
    this.documents.set(key, made);
    made.catch(() => {
      if (this.documents.get(key) === made) this.documents.delete(key);
    });
    if (this.documents.size > KEPT)
      this.documents.delete(this.documents.keys().next().value as string);
    return made;
  }

  /** The store has changed: every answer and document kept is stale. */
  changed(): void {
    this.generation++;
    this.answers.clear();
    this.documents.clear();
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * A request's key: who may see what (the caller's Scope: two callers with different grants never
 * share an answer), the day it is answered on, the path, and its query parameters in a fixed
 * order (repeats kept in order). The day, because answers depend on it as well as on the store:
 * the plan's overdue actions and its "today", a period of the plan year; an answer kept is served
 * only on the day it was made.
 */
export function requestKey(
  path: string,
  query: Record<string, string[]>,
  scope: Scope,
  now: Date,
): string {
  const pairs = Object.keys(query)
    .sort()
    .flatMap((k) => (query[k] ?? []).map((v): [string, string] => [k, v]));
  // The UTC day (a period's months) and the plan's day (domain/plan/plan-day.ts: the UK's),
  // which differ from midnight to 1 am in summer time.
  const day = `${now.toISOString().slice(0, 10)}/${planDay(now)}`;
  return `${JSON.stringify(scope)} ${day} ${path}?${new URLSearchParams(pairs).toString()}`;
}
