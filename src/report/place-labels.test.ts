import { describe, expect, it } from 'vitest';

import { distinctPlaceLabels } from './place-labels.js';

describe('distinctPlaceLabels', () => {
  it('leaves a name no other place in the list has as it is', () => {
    expect(
      distinctPlaceLabels([
        { location: 'On or near High Street', ward: 'Oxhey Hall' },
        { location: 'On or near Supermarket', ward: 'Abbots Langley' },
      ]),
    ).toEqual(['On or near High Street', 'On or near Supermarket']);
  });

  it("tells a shared name apart by the place's ward, then by a number in the list's order", () => {
    expect(
      distinctPlaceLabels([
        { location: 'On or near Supermarket', ward: 'Abbots Langley' },
        { location: 'On or near Supermarket', ward: 'Rickmansworth Town' },
        { location: 'On or near Parking Area', ward: 'Chorleywood' },
        { location: 'On or near Parking Area', ward: 'Chorleywood' },
        { location: 'On or near Parking Area', ward: null },
      ]),
    ).toEqual([
      'On or near Supermarket, Abbots Langley',
      'On or near Supermarket, Rickmansworth Town',
      'On or near Parking Area, Chorleywood (1)',
      'On or near Parking Area, Chorleywood (2)',
      'On or near Parking Area',
    ]);
  });
});
