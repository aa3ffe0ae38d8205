import { describe, expect, it } from 'vitest';

import { ethnicGroupOf } from './ethnic-groups.js';

describe('ethnicGroupOf', () => {
  it.each([
    // police.uk self-defined (the Census 2011 categories), officer-defined, and Census 2021 names
    ['White - English/Welsh/Scottish/Northern Irish/British', 'White'],
    ['White - Irish', 'White'],
    ['Mixed/Multiple ethnic groups - White and Black Caribbean', 'Mixed'],
    ['Asian/Asian British - Chinese', 'Asian'],
    ['Black/African/Caribbean/Black British - African', 'Black'],
    ['Other ethnic group - Any other ethnic group', 'Other'],
    ['Asian', 'Asian'],
    ['Black', 'Black'],
    ['Asian, Asian British or Asian Welsh: Bangladeshi', 'Asian'],
    ['Black, Black British, Black Welsh, Caribbean or African: Caribbean', 'Black'],
    ['Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups', 'Mixed'],
    ['Other ethnic group: Arab', 'Other'],
  ])('%s is %s', (value, group) => expect(ethnicGroupOf(value)).toBe(group));

  it.each([[''], ['  '], [null], ['Other ethnic group - Not stated'], ['Does not apply']])(
    'puts %s in no group',
    (value) => expect(ethnicGroupOf(value)).toBeNull(),
  );
});
