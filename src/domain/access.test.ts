import { describe, expect, it } from 'vitest';

import { grantsOf, type Grant, type User } from './access.js';

const user: User = {
  id: 'u1',
  name: 'Priya',
  email: 'priya@example.gov.uk',
  organisation: 'Herts  Prevent',
  role: 'partner',
  disabled: false,
};
const grant = (id: string, to: Partial<Grant>): Grant => ({
  id,
  user: null,
  organisation: null,
  area: 'E07000102',
  level: 'detail',
  dataset: null,
  sensitivity: null,
  ...to,
});

describe('grantsOf', () => {
  it("gives a user their own grants and their organisation's, its name matched as people type it", () => {
    const grants = [
      grant('own', { user: 'Priya' }),
      grant('org', { organisation: 'herts prevent' }),
      grant('other', { organisation: 'Herts Police' }),
      grant('someone', { user: 'Ana' }),
    ];
    expect(grantsOf(user, grants).map((g) => g.id)).toEqual(['own', 'org']);
    // No organisation matches none.
    expect(grantsOf({ ...user, organisation: null }, grants).map((g) => g.id)).toEqual(['own']);
  });
});
