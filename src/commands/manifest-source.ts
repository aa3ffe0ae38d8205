/**
 * The text of src/commands/manifest.ts, made from the command definitions: every command's facts
 * (info.ts) in the registry's order, each with a `load` that imports only the module defining it.
 * `npm run docs` writes it; a test fails when the file in the repository differs from what the
 * definitions make.
 */
import { readdirSync } from 'node:fs';

import type { AnyCommand } from './definition.js';
import { describeCommand } from './info.js';
import { COMMANDS } from './registry.js';

/** Which module of src/commands/ exports each definition, and under what name. */
async function homes(): Promise<Map<AnyCommand, { module: string; name: string }>> {
  const dir = new URL('.', import.meta.url);
  const found = new Map<AnyCommand, { module: string; name: string }>();
  const files = readdirSync(dir)
    .filter((f) => /\.[jt]s$/u.test(f) && !/\.(test|d)\.[jt]s$/u.test(f))
    .filter((f) => !/^(registry|manifest|manifest-source)\.[jt]s$/u.test(f))
    .sort();
  const wanted = new Set<unknown>(COMMANDS);
  for (const file of files) {
    const exports = (await import(new URL(file, dir).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (wanted.has(value) && !found.has(value as AnyCommand)) {
        found.set(value as AnyCommand, { module: file.replace(/\.[jt]s$/u, ''), name });
      }
    }
  }
  return found;
}

/** The manifest's source (before prettier). */
export async function manifestSource(): Promise<string> {
  const where = await homes();
  const entries = COMMANDS.map((command) => {
    const home = where.get(command);
    if (!home)
      throw new Error(`${command.name}: no module of src/commands/ exports its definition`);
    const facts = JSON.stringify(describeCommand(command)).slice(0, -1);
    return `${facts}, load: async () => (await import('./${home.module}.js')).${home.name} }`;
  });
  return [
    '// Made from the command definitions in src/commands/ by `npm run docs`; do not edit by hand.',
    '/**',
    ' * Every command’s facts (name, summary, options, examples), in the registry’s order, with the',
    ' * one import that loads its definition: what `lantern` reads for help and to choose a command,',
    ' * so that help and usage errors load no command they do not run (src/commands/info.ts).',
    ' */',
    "import type { CommandInfo } from './info.js';",
    '',
    `export const COMMAND_INFO: readonly CommandInfo[] = [${entries.join(',\n')}];`,
    '',
  ].join('\n');
}
