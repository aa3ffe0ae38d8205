/** `npm run docs`: writes docs/commands.md from the command definitions (src/commands/). */
import { writeFileSync } from 'node:fs';

import { format } from 'prettier';

import { commandsMarkdown } from '../src/commands/docs.js';

const path = new URL('../docs/commands.md', import.meta.url).pathname;
writeFileSync(path, await format(commandsMarkdown(), { parser: 'markdown', filepath: path }));
console.log(`wrote ${path}`);
