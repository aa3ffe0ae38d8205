/**
 * Peer groups: the districts of each force (built in, the default group of each district) and
 * the named groups of the configuration file, with every member resolved in the register.
 */
import type { Settings } from '../config/settings.js';
import type { Scope } from '../domain/scope.js';
import { InputError, NotFoundError } from '../errors.js';
import { findArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { districtsByForce } from '../store/peer-groups.js';

export interface PeerGroup {
  name: string;
  description: string;
  origin: 'built-in' | 'config';
  areas: { code: string; name: string; type: string }[];
}

export interface PeerGroupsRequest {
  /** The peer-groups setting, loaded at the edge. */
  peerGroups: Settings['peerGroups'];
  /** All forces' groups; otherwise only those of forces whose data the store holds. */
  all?: boolean;
}

export async function listPeerGroups(
  db: Db,
  _scope: Scope,
  request: PeerGroupsRequest,
): Promise<PeerGroup[]> {
  const builtIn = (await districtsByForce(db))
    .filter((f) => request.all || f.held)
    .map((f): PeerGroup => ({
      name: `${f.forceId ?? f.forceCode.toLowerCase()}-districts`,
      description: `The districts of ${f.forceName} (ONS LAD→CSP→PFA lookup, December 2019)`,
      origin: 'built-in',
      areas: f.districts.map((d) => ({ ...d, type: 'district' })),
    }));
  const configPath = request.peerGroups.path;
  const specs = request.peerGroups.groups;
  const configured: PeerGroup[] = [];
  for (const spec of specs) {
    const areas = [];
    for (const query of spec.areas) {
      try {
        const area = await findArea(db, query);
        areas.push({ code: area.code, name: area.name, type: area.type });
      } catch (error) {
        if (error instanceof NotFoundError || error instanceof InputError) {
          throw new InputError(`${configPath}: peer group "${spec.name}": ${error.message}`);
        }
        throw error;
      }
    }
    configured.push({
      name: spec.name,
      description: spec.description ?? '',
      origin: 'config',
      areas,
    });
  }
  return [...builtIn, ...configured];
}
