/**
 * Chart colours. The categorical colours are Okabe & Ito's (2008) palette, distinguishable with
 * the common forms of colour-blindness; the sequential ramp is five of ColorBrewer's
 * 9-class YlGnBu, which ColorBrewer marks colour-blind safe and which runs light to dark so it
 * also reads in greyscale (the palest, near-white yellow is skipped so the lowest class shows on
 * a white map).
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

/** Light yellow to dark blue, lowest class first (ColorBrewer YlGnBu 9, classes 2, 4, 5, 7, 9). */
export const SEQUENTIAL_5 = ['#edf8b1', '#7fcdbb', '#41b6c4', '#225ea8', '#081d58'] as const;

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
