/** scopeFor: a caller's scope from their grants, denied by default; grantsOf: which grants are theirs. */
import { describe, expect, it } from 'vitest';

import { grantsOf, type Grant, type User } from './access.js';
import { DATASET_SENSITIVITIES } from './dataset-sensitivity.js';
import {
  areaLevel,
  forTotals,
  FULL_SCOPE,
  mayReadDataset,
  mayReadDatasetIn,
  scopeFor,
} from './scope.js';

// The register's codes: district → CSP → force.
const THREE_RIVERS = ['E07000102', 'E22000130', 'E23000027'];
const WATFORD = ['E07000103', 'E22000131', 'E23000027'];
const HERTFORDSHIRE = ['E23000027'];

const user = (over: Partial<User> = {}): User => ({
  id: 'u1',
  name: 'Priya',
  email: 'priya@threerivers.gov.uk',
  organisation: 'Three Rivers DC',
  role: 'partner',
  disabled: false,
  ...over,
});

const grant = (over: Partial<Grant>): Grant => ({
  id: 'g',
  user: 'Priya',
  organisation: null,
  area: 'E07000102',
  level: 'detail',
  dataset: null,
  sensitivity: null,
  ...over,
});

describe('scopeFor(user, grants, registry)', () => {
  it('denies everything without a grant, whatever the role', () => {
    for (const role of ['admin', 'analyst', 'partner', 'viewer'] as const) {
      const scope = scopeFor(user({ role }), [], DATASET_SENSITIVITIES);
      expect(scope).toEqual({
        areas: [],
        aggregateAreas: [],
        datasets: [],
        aggregateDatasets: [],
        datasetAreas: {},
        aggregateDatasetAreas: {},
        // An admin's refusals say they may grant themselves the area.
        ...(role === 'admin' ? { adminAccount: true } : {}),
      });
      expect(areaLevel(scope, THREE_RIVERS)).toBeNull();
      expect(mayReadDataset(scope, 'police-street')).toBe(false);
    }
  });

  it('a Three Rivers partner sees Three Rivers in detail, the county in aggregate, not Watford in detail', () => {
    const scope = scopeFor(
      user(),
      [
        grant({ id: 'a', area: 'E07000102', level: 'detail' }),
        grant({ id: 'b', area: 'E23000027', level: 'aggregate' }),
      ],
      DATASET_SENSITIVITIES,
    );
    expect(areaLevel(scope, THREE_RIVERS)).toBe('detail');
    expect(areaLevel(scope, HERTFORDSHIRE)).toBe('aggregate');
    expect(areaLevel(scope, WATFORD)).toBe('aggregate');
    // Only police.uk's public series and the public partner dataset: no grant named more.
    expect(scope.datasets).toEqual([
      'fly-tipping',
      'police-outcomes',
      'police-stop-and-search',
      'police-street',
    ]);
  });

  it('opens restricted datasets (prevent, domestic-abuse) only when granted', () => {
    const partner = scopeFor(user(), [grant({ sensitivity: 'partner' })], DATASET_SENSITIVITIES);
    expect(partner.datasets).toContain('hate-crime');
    expect(partner.datasets).not.toContain('prevent');
    expect(partner.datasets).not.toContain('domestic-abuse');
    const named = scopeFor(user(), [grant({ dataset: 'prevent' })], DATASET_SENSITIVITIES);
    expect(named.datasets).toEqual(['prevent']);
    const restricted = scopeFor(
      user(),
      [grant({ sensitivity: 'restricted' })],
      DATASET_SENSITIVITIES,
    );
    expect(restricted.datasets).toContain('prevent');
    expect(restricted.datasets).toContain('domestic-abuse');
  });

  it('opens a dataset only in the areas of the grants that opened it', () => {
    const scope = scopeFor(
      user(),
      [
        grant({ id: 'a', area: 'E07000102', level: 'detail', sensitivity: 'partner' }),
        grant({ id: 'b', area: 'E07000103', level: 'detail' }),
      ],
      DATASET_SENSITIVITIES,
    );
    expect(mayReadDatasetIn(scope, 'hate-crime', THREE_RIVERS)).toBe(true);
    expect(mayReadDatasetIn(scope, 'hate-crime', WATFORD)).toBe(false);
    expect(mayReadDatasetIn(scope, 'police-street', WATFORD)).toBe(true);
    expect(mayReadDatasetIn(FULL_SCOPE, 'prevent', WATFORD)).toBe(true);
  });

  it('never opens in detail a dataset granted only with an aggregate area', () => {
    const scope = scopeFor(
      user(),
      [
        grant({ id: 'a', area: 'E07000102', level: 'detail' }),
        grant({ id: 'b', area: 'E23000027', level: 'aggregate', dataset: 'prevent' }),
      ],
      DATASET_SENSITIVITIES,
    );
    expect(mayReadDataset(scope, 'prevent')).toBe(false);
    expect(scope.aggregateDatasets).toEqual(['prevent']);
    expect(mayReadDataset(scope, 'police-street')).toBe(true);
    // Its totals, for a use case under disclosure control, in the areas of that grant only.
    expect(mayReadDatasetIn(scope, 'prevent', WATFORD, 'totals')).toBe(false);
    expect(mayReadDatasetIn(forTotals(scope), 'prevent', WATFORD, 'totals')).toBe(true);
    expect(mayReadDatasetIn(forTotals(scope), 'prevent', WATFORD, 'detail')).toBe(false);
  });

  it('ties an aggregate grant’s datasets to its areas', () => {
    const scope = forTotals(
      scopeFor(
        user(),
        [
          grant({ id: 'a', area: 'E07000102', level: 'aggregate', dataset: 'prevent' }),
          grant({ id: 'b', area: 'E23000027', level: 'aggregate' }),
        ],
        DATASET_SENSITIVITIES,
      ),
    );
    expect(mayReadDatasetIn(scope, 'prevent', THREE_RIVERS, 'totals')).toBe(true);
    expect(mayReadDatasetIn(scope, 'prevent', WATFORD, 'totals')).toBe(false);
    expect(mayReadDatasetIn(scope, 'police-street', WATFORD, 'totals')).toBe(true);
  });

  it("counts the organisation's grants, not another organisation's or another user's", () => {
    const scope = scopeFor(
      user(),
      [
        grant({ id: 'o', user: null, organisation: 'Three Rivers DC', area: 'E07000102' }),
        grant({ id: 'x', user: null, organisation: 'Watford BC', area: 'E07000103' }),
        grant({ id: 'y', user: 'Sam', area: 'E07000103' }),
      ],
      DATASET_SENSITIVITIES,
    );
    expect(scope.areas).toEqual(['E07000102']);
    expect(areaLevel(scope, WATFORD)).toBeNull();
  });

  it("an admin sees every area only when granted 'all'", () => {
    const scope = scopeFor(
      user({ role: 'admin' }),
      [grant({ area: 'all', sensitivity: 'restricted' })],
      DATASET_SENSITIVITIES,
    );
    expect(scope.areas).toBe('all');
    expect(areaLevel(scope, WATFORD)).toBe('detail');
    expect(scope.datasets).toEqual(DATASET_SENSITIVITIES.map((d) => d.name).sort());
  });

  it('a viewer sees aggregates only, even with a detail grant; a disabled user sees nothing', () => {
    const viewer = scopeFor(user({ role: 'viewer' }), [grant({})], DATASET_SENSITIVITIES);
    expect(areaLevel(viewer, THREE_RIVERS)).toBe('aggregate');
    expect(viewer.areas).toEqual([]);
    const disabled = scopeFor(user({ disabled: true }), [grant({})], DATASET_SENSITIVITIES);
    expect(areaLevel(disabled, THREE_RIVERS)).toBeNull();
    expect(disabled.datasets).toEqual([]);
  });

  it('FULL_SCOPE still sees everything in detail', () => {
    expect(areaLevel(FULL_SCOPE, WATFORD)).toBe('detail');
    expect(mayReadDataset(FULL_SCOPE, 'prevent')).toBe(true);
  });
});

describe('grantsOf(user, grants)', () => {
  it("gives a user their own grants and their organisation's, its name matched as people type it", () => {
    const grants = [
      grant({ id: 'own' }),
      grant({ id: 'org', user: null, organisation: 'three rivers  DC' }),
      grant({ id: 'other', user: null, organisation: 'Watford BC' }),
      grant({ id: 'someone', user: 'Ana' }),
    ];
    expect(grantsOf(user(), grants).map((g) => g.id)).toEqual(['own', 'org']);
    // No organisation matches none.
    expect(grantsOf(user({ organisation: null }), grants).map((g) => g.id)).toEqual(['own']);
  });
});
