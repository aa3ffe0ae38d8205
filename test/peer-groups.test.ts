/** Peer groups: each force's districts built in, named groups from a validated config file. */
import { writeFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openStore } from '../src/store/open-store.js';

import { run, runJson } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = `${dir.path}/groups.duckdb`;
beforeAll(async () => (await openStore(db)).close());
afterAll(() => dir.remove());

interface Groups {
  groups: { name: string; origin: string; areas: { code: string; name: string }[] }[];
}

function config(name: string, text: string): string {
  const path = `${dir.path}/${name}`;
  writeFileSync(path, text);
  return path;
}

describe('lantern areas groups', () => {
  it('gives every force its districts as a built-in group, 43 forces in England and Wales', async () => {
    const { json } = await runJson<Groups>(['areas', 'groups', '--all', '--db', db]);
    const builtIn = json.groups.filter((g) => g.origin === 'built-in');
    expect(builtIn).toHaveLength(43);
    const herts = builtIn.find((g) => g.name === 'hertfordshire-districts');
    expect(herts?.areas).toHaveLength(10);
    expect(builtIn.find((g) => g.name === 'metropolitan-districts')?.areas).toHaveLength(32);
  });

  it('adds the groups of a config file, resolving areas by name or code', async () => {
    const path = config(
      'ok.yaml',
      'groups:\n  - name: south-west-herts\n    areas: [Three Rivers, watford, E07000098]\n',
    );
    const { json } = await runJson<Groups>(['areas', 'groups', '--peer-groups', path, '--db', db]);
    expect(
      json.groups.find((g) => g.name === 'south-west-herts')?.areas.map((a) => a.code),
    ).toEqual(['E07000102', 'E07000103', 'E07000098']);
  });

  it.each([
    [
      'a group of one area',
      'groups:\n  - name: alone\n    areas: [Watford]\n',
      /groups\.0\.areas: a peer group needs at least two areas/,
    ],
    [
      'an unknown area',
      'groups:\n  - name: odd\n    areas: [Watford, Atlantis]\n',
      /peer group "odd": no area is called "Atlantis"/,
    ],
    [
      'a bad name',
      'groups:\n  - name: Bad Name\n    areas: [Watford, Dacorum]\n',
      /groups\.0\.name: use lower-case letters/,
    ],
    [
      'an unknown key',
      'groupz: []\n',
      /:1: groupz: not a setting here \(did you mean "groups"\?\)/,
    ],
    ['broken YAML', 'groups: [\n', /not valid YAML/],
  ])('refuses %s, naming the file and the place in it', async (_what, text, message) => {
    const path = config('bad.yaml', text);
    const result = await run(['areas', 'groups', '--peer-groups', path, '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('bad.yaml');
  });
});
