/**
 * The peer-groups configuration file (config/peer-groups.yaml by default): named groups of
 * areas for comparison, validated with a schema. Errors name the file and the place in it.
 */
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { readYamlFile } from './yaml-file.js';

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
  const data = await readYamlFile(path, fileSchema, undefined, (d, refuse) => {
    const names = new Set<string>();
    d.groups.forEach((g, i) => {
      if (names.has(g.name)) refuse(['groups', i, 'name'], `the name "${g.name}" is used twice`);
      names.add(g.name);
    });
  });
  return data.groups;
}
