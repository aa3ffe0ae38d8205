/**
 * A services directory in YAML is refused, naming its line, when it nests far deeper than any
 * directory could: the yaml package took seconds to fail on such a file, with a stack overflow.
 */
import { describe, expect, it } from 'vitest';

import { InputError } from '../errors.js';
import { servicesFromYaml } from './support-services-file.js';

describe('servicesFromYaml', () => {
  it('reads a directory entry with its lines', () => {
    const [entry] = servicesFromYaml(
      'services:\n  - id: refuge\n    name: "Refuge [24 hours]"\n    themes: [domestic-abuse]\n    area: Three Rivers\n',
      'services.yaml',
    );
    expect(entry?.input).toMatchObject({
      id: 'refuge',
      name: 'Refuge [24 hours]',
      area: 'Three Rivers',
    });
    expect(entry?.fieldLines.name).toBe(3);
  });

  it('refuses a directory nested far deeper than one could be, naming the line', () => {
    const text = `services:\n  - id: refuge\n    themes: ${'['.repeat(50_000)}\n`;
    expect(() => servicesFromYaml(text, 'services.yaml')).toThrow(InputError);
    expect(() => servicesFromYaml(text, 'services.yaml')).toThrow(
      'services.yaml:3: refused: nested more than 32 deep',
    );
  });
});
