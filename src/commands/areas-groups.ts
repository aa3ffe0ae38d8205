/** `lantern areas groups`: the peer groups areas are compared within. */
import type { PeerGroup } from '../usecases/peer-groups.js';
import { defineCommand } from './definition.js';
import { option, settingOptions } from './options.js';

export const areasGroupsCommand = defineCommand({
  name: 'areas groups',
  task: 'Compare and explain',
  summary:
    "Peer groups for comparison: each force's districts (built in) and the named groups of the peer-groups file",
  examples: ['lantern areas groups', 'lantern areas groups --all'],
  options: {
    ...settingOptions('peerGroups'),
    all: option.flag(
      "every force's districts, not only those of the forces whose data the store holds",
    ),
  },
  store: 'read',
  async run(deps, input) {
    const { listPeerGroups } = await import('../usecases/peer-groups.js');
    const { loadSettings } = await import('../config/settings.js');
    const { peerGroups } = await loadSettings(input, ['peerGroups']);
    return {
      groups: await listPeerGroups(deps.db, deps.scope, {
        peerGroups,
        all: input.all,
      }),
    };
  },
  text: ({ groups }: { groups: PeerGroup[] }) =>
    groups.length === 0
      ? "No peer groups: import a force's data (or use ⟨all⟩), or add groups to the peer-groups file."
      : groups
          .map(
            (g) =>
              `${g.name} (${g.origin}, ${g.areas.length} areas)${g.description ? ` — ${g.description}` : ''}\n` +
              `    ${g.areas.map((a) => `${a.name} (${a.code})`).join(', ')}`,
          )
          .join('\n'),
});
