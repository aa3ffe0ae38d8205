/**
 * Whether a caller's grants open a read, checked before it is offered: the area seen at the level
 * the read needs (detail for records and maps, totals for counts by month), with the dataset opened
 * there by a grant of that level. By the same rules the store's reads enforce (domain/scope.ts,
 * store/area-access.ts), so a page that suggests another view after a refusal suggests only views
 * the caller can open (QA: a refusal of domestic abuse suggested the trends of five other
 * districts, each refused the same way).
 */
import {
  areaLevel,
  forTotals,
  mayReadDatasetIn,
  type AccessNeed,
  type Scope,
} from '../domain/scope.js';
import { ancestorsOf } from '../store/areas.js';
import type { Db } from '../store/db.js';

export interface ReadAsked {
  /** The area's ONS code (a district or force). */
  code: string;
  /** 'police-street' for police.uk records, else a partner dataset's name. */
  dataset: string;
  need: AccessNeed;
}

/** For each read asked, whether the scope opens it. */
export async function readsOpen(
  db: Db,
  scope: Scope,
  asked: readonly ReadAsked[],
): Promise<boolean[]> {
  const chains = new Map<string, Promise<string[]>>();
  const chainOf = (code: string) => {
    let chain = chains.get(code);
    if (!chain) chains.set(code, (chain = ancestorsOf(db, code)));
    return chain;
  };
  return Promise.all(
    asked.map(async (a) => {
      const chain = await chainOf(a.code);
      const level = scope.areas === 'all' ? 'detail' : areaLevel(scope, chain);
      if (level === null || (a.need === 'detail' && level !== 'detail')) return false;
      return mayReadDatasetIn(
        a.need === 'totals' ? forTotals(scope) : scope,
        a.dataset,
        chain,
        a.need,
      );
    }),
  );
}
