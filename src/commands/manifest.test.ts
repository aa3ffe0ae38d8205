/** src/commands/manifest.ts is what the command definitions make (`npm run docs` writes it). */
import { readFileSync } from 'node:fs';

import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';

import { describeCommand } from './info.js';
import { COMMAND_INFO } from './manifest.js';
import { manifestSource } from './manifest-source.js';
import { COMMANDS } from './registry.js';

describe('src/commands/manifest.ts', () => {
  it('is up to date with the command definitions (run `npm run docs` if this fails)', async () => {
    const path = new URL('./manifest.ts', import.meta.url).pathname;
    const made = await format(await manifestSource(), {
      ...(await resolveConfig(path)),
      parser: 'typescript',
      filepath: path,
    });
    expect(readFileSync(path, 'utf8')).toBe(made);
  });

  it('loads, for each command, its own definition', async () => {
    expect(COMMAND_INFO.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const [i, info] of COMMAND_INFO.entries()) {
      const command = await info.load();
      expect(command, info.name).toBe(COMMANDS[i]);
      expect({ ...info, load: undefined }, info.name).toEqual({
        ...describeCommand(command),
        load: undefined,
      });
    }
  });
});
