/**
 * Chart colours. The categorical colours are Okabe & Ito's (2008) palette, distinguishable with
 * the common forms of colour-blindness; the sequential ramp runs from green-teal to dark navy
 * along ColorBrewer's YlGnBu hues, light to dark, so it also reads in greyscale.
 * Charts never rely on colour alone: every colour here is paired with a shape, a dash, a pattern
 * or a label.
 */

/** Okabe–Ito: the eight colours, by the names the paper gives them. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/**
 * Green-teal to dark navy, lowest class first: YlGnBu's hues (its darkest, #081d58, last), the
 * others chosen for their lightness (WCAG 1.4.11). The lowest class, which most cells of a map
 * fall in, has 3:1 contrast with the map's fill (#fafafa) and with white, so every cell shows in
 * print; each class is about 1.5:1 darker than the one below (CIELAB lightness 60, 48, 37, 26, 13,
 * evenly apart), so neighbouring classes read apart in greyscale too. YlGnBu's own five (1.08:1
 * for the lowest against the fill, 1.3:1 between the second and third) could not be told apart
 * in print. Five classes cannot be 3:1 from each other as well as from the fill (the whole range
 * of contrast, 21:1, is too short), so each class's range is also written in the key.
 */
export const SEQUENTIAL_5 = ['#439f8a', '#2378b4', '#2456a4', '#243393', '#081d58'] as const;

/** The fill of the land under a map's cells (hotspot maps), against which the ramp is measured. */
export const MAP_FILL = '#fafafa';

/** Greys for text, axes and grid lines; text greys keep at least 4.5:1 contrast on white. */
export const INK = {
  text: '#1a1a1a',
  muted: '#555555',
  axis: '#333333',
  grid: '#e3e3e3',
  frame: '#bbbbbb',
  missing: '#ececec',
  background: '#ffffff',
} as const;

/** What each chart uses each colour for, so a meaning keeps its colour across charts. */
export const ROLE = {
  series: OKABE_ITO.blue,
  band: OKABE_ITO.skyBlue,
  above: OKABE_ITO.vermillion,
  below: OKABE_ITO.bluishGreen,
  highlight: OKABE_ITO.black,
  high: '#f2c4a3',
  medium: '#f8e2ac',
  low: '#c9eadf',
} as const;
