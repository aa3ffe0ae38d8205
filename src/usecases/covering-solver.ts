/**
 * HiGHS, the mixed-integer solver `cameras` uses to prove its sites optimal
 * (analysis/covering-exact.ts): 3.5 MB of WebAssembly, loaded once per process and only when a
 * plan is solved, so no other command (nor `lantern --help`) pays for it.
 */
import type { Highs } from 'highs';

let loaded: Promise<Highs> | null = null;

export function loadCoveringSolver(): Promise<Highs> {
  // The package's types describe its CommonJS build; Node loads its ES module (`exports.import`),
  // whose default export is the loader itself.
  loaded ??= import('highs').then((m) =>
    (m as unknown as { default: () => Promise<Highs> }).default(),
  );
  return loaded;
}
