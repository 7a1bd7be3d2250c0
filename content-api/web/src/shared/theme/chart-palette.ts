// Series colours for charts: distinguishable for the common colour-vision deficiencies (Okabe–Ito order),
// and readable on the page's light background.
export const SERIES_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#8C7A00',
  '#6B6B6B',
] as const;
