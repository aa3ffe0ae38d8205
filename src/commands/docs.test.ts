/** docs/commands.md is what the command definitions make (`npm run docs` writes it). */
import { readFileSync } from 'node:fs';

import { format } from 'prettier';
import { describe, expect, it } from 'vitest';

import type { OptionSpecs } from './definition.js';
import { commandsMarkdown } from './docs.js';
import { COMMANDS } from './registry.js';

describe('docs/commands.md', () => {
  it('is up to date with the command definitions (run `npm run docs` if this fails)', async () => {
    const path = new URL('../../docs/commands.md', import.meta.url).pathname;
    const made = await format(commandsMarkdown(), { parser: 'markdown', filepath: path });
    expect(readFileSync(path, 'utf8')).toBe(made);
  });

  it('documents every command with a summary, an example and a description of every option', () => {
    for (const c of COMMANDS) {
      expect(c.summary.length, c.name).toBeGreaterThan(10);
      expect(c.examples.length, c.name).toBeGreaterThan(0);
      // An example may set the environment a command reads first (LANTERN_RESET_TOKEN='…').
      for (const e of c.examples)
        expect(e.replace(/^(?:[A-Z_]+='[^']*' )+/u, '').startsWith(`lantern ${c.name}`), e).toBe(
          true,
        );
      for (const [key, spec] of Object.entries(c.options as OptionSpecs)) {
        expect(spec.description.length, `${c.name} --${key}`).toBeGreaterThan(5);
      }
    }
  });
});
