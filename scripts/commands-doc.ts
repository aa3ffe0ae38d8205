/**
 * `npm run docs`: writes docs/commands.md and src/commands/manifest.ts (the commands' facts the
 * CLI's help reads) from the command definitions (src/commands/).
 */
import { writeFileSync } from 'node:fs';

import { format, resolveConfig } from 'prettier';

import { commandsMarkdown } from '../src/commands/docs.js';
import { manifestSource } from '../src/commands/manifest-source.js';

const path = new URL('../docs/commands.md', import.meta.url).pathname;
writeFileSync(path, await format(commandsMarkdown(), { parser: 'markdown', filepath: path }));
console.log(`wrote ${path}`);

const manifest = new URL('../src/commands/manifest.ts', import.meta.url).pathname;
writeFileSync(
  manifest,
  await format(await manifestSource(), {
    ...(await resolveConfig(manifest)),
    parser: 'typescript',
    filepath: manifest,
  }),
);
console.log(`wrote ${manifest}`);
