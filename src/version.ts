/** Lantern's version, from package.json (dist/version.js and src/version.ts both sit one below it). */
import { readFileSync } from 'node:fs';

export const LANTERN_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
