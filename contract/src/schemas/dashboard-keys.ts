// The dashboards' cell keys the API and the console agree on, zod-free so the console can import it.

/** The key of cells whose dimension was not reported (no carrier, model, county or lesson facet known). */
export const UNKNOWN_DIMENSION = 'unknown';
