/**
 * The peer-groups configuration file (config/peer-groups.yaml by default): named groups of
 * areas for comparison, validated with a schema. Errors name the file and the place in it.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { parse } from 'yaml';
import { z } from 'zod';

import { InputError } from '../errors.js';

export const DEFAULT_PEER_GROUPS_FILE = fileURLToPath(
  new URL('../../config/peer-groups.yaml', import.meta.url),
);

const groupSchema = z.object({
  name: z
    .string()
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/u,
      'use lower-case letters, digits and hyphens, e.g. "my-group"',
    ),
  description: z.string().optional(),
  areas: z.array(z.string().min(1)).min(2, 'a peer group needs at least two areas'),
});

const fileSchema = z.object({ groups: z.array(groupSchema).default([]) }).strict();

export type PeerGroupSpec = z.infer<typeof groupSchema>;

export async function loadPeerGroupsConfig(
  path: string = DEFAULT_PEER_GROUPS_FILE,
): Promise<PeerGroupSpec[]> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new InputError(`${path}: no such configuration file`);
  });
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (error) {
    throw new InputError(`${path}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const result = fileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(top level)';
    throw new InputError(`${path}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  const names = new Set<string>();
  for (const g of result.data.groups) {
    if (names.has(g.name))
      throw new InputError(`${path}: groups: the name "${g.name}" is used twice`);
    names.add(g.name);
  }
  return result.data.groups;
}
