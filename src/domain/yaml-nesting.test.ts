/**
 * The nesting of a YAML text, read by the yaml package's lexer: levels opened by indentation,
 * dashes, "?" and brackets count; the same characters inside quotes, comments and block scalars
 * do not, and lines are counted through multi-line scalars.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { InputError } from '../errors.js';
import { MAX_YAML_NESTING, refuseDeepYaml, yamlNesting } from './yaml-nesting.js';

const CONFIG = new URL('../../config/', import.meta.url).pathname;

describe('yamlNesting', () => {
  it('counts levels of indentation, dashes and brackets, with the line that reaches the deepest', () => {
    expect(yamlNesting('a: 1\nb: 2\n')).toEqual({ depth: 1, line: 1 });
    expect(yamlNesting('a:\n  b:\n    c: 1\nd: 2\n')).toEqual({ depth: 3, line: 3 });
    expect(yamlNesting('a:\n- - - x\n')).toEqual({ depth: 4, line: 2 });
    expect(yamlNesting('a: [1, [2, {b: [3]}]]\n')).toEqual({ depth: 5, line: 1 });
    expect(yamlNesting('? a\n: 1\n')).toEqual({ depth: 2, line: 1 });
    // Back out to the top: the levels above are closed.
    expect(yamlNesting('a:\n  b:\n    c: 1\nd:\n  e: 1\n').depth).toBe(3);
  });

  it('does not count brackets or dashes in quotes, comments or block scalars', () => {
    const text = [
      "name: 'Children''s [services] - - -'",
      'note: "[[[[ {{{{ \\" [[["',
      '# [[[[[[[[[[ - - - - - -',
      'about: >-',
      '  - - - - [[[[[[[[[[',
      '  {{{{{{{{{{{{{{',
      'phone: 0800 555 111 # [[[[',
      "title: Children's [services",
    ].join('\n');
    expect(yamlNesting(text).depth).toBe(1);
  });

  it('counts lines through block scalars and quoted scalars over several lines', () => {
    const text = [
      'a:',
      '  b: |',
      '    one',
      '    two',
      '  c: "x',
      '    y"',
      '  d:',
      '    - e',
    ].join('\n');
    expect(yamlNesting(text)).toEqual({ depth: 4, line: 8 });
  });

  it('accepts every settings file Lantern ships, which nest at most 6 deep', () => {
    const files = readdirSync(CONFIG, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.yaml'),
    );
    expect(files.length).toBeGreaterThan(10);
    const deepest = Math.max(
      ...files.map((f) => yamlNesting(readFileSync(join(CONFIG, f), 'utf8')).depth),
    );
    expect(deepest).toBe(6);
    expect(deepest).toBeLessThan(MAX_YAML_NESTING);
  });

  it('refuses a text nested deeper than the limit with its file and line, and accepts the limit', () => {
    const at = (depth: number) => `x:\n${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}\n`;
    expect(() => refuseDeepYaml(at(MAX_YAML_NESTING), 'ok.yaml')).not.toThrow();
    expect(() => refuseDeepYaml(at(MAX_YAML_NESTING + 1), 'deep.yaml')).toThrow(InputError);
    expect(() => refuseDeepYaml(at(MAX_YAML_NESTING + 1), 'deep.yaml')).toThrow(
      "deep.yaml:2: refused: nested more than 32 deep (lists or mappings inside one another); Lantern's own settings files nest at most 6 deep",
    );
  });
});
