// Reading the API's shapes (snake_case, as documented in docs/readme/08-server.md and the OpenAPI document).
// Nothing here invents a value: a missing field stays missing and is shown as "—".

/** [{x, y}] points from rows, by the names of the date and value fields; rows without a number are dropped. */
export function series(rows, dateName, valueName) {
  return (Array.isArray(rows) ? rows : [])
    .filter((r) => r && r[valueName] !== null && r[valueName] !== undefined)
    .map((r) => ({ x: r[dateName], y: Number(r[valueName]) }))
    .filter((p) => p.x && Number.isFinite(p.y))
    .sort((a, b) => String(a.x).localeCompare(String(b.x)));
}

/** A token's NAV per share by day (token info's nav_history). */
export const navHistory = (info) => series(info?.nav_history, 'date', 'nav');

/** A token's drawdown from its high-water mark by day, as the NAV step recorded it (fractions ≤ 0). */
export const drawdownHistory = (info) => series(info?.nav_history, 'date', 'drawdown').map((p) => ({ x: p.x, y: p.y > 0 ? -p.y : p.y }));

/**
 * Weights keyed by token symbol. The API's JSON lower-cases dictionary keys (snake_case policy), so symbols are
 * upper-cased back; "cash" stays as it is.
 */
export function symbolWeights(map) {
  return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k === 'cash' ? 'Cash' : k.toUpperCase(), Number(v)]));
}

/** Sum of a numeric field over rows (e.g. the fees the NAV step accrued). */
export function total(rows, name) {
  return (Array.isArray(rows) ? rows : []).reduce((a, r) => a + (Number.isFinite(Number(r?.[name])) ? Number(r[name]) : 0), 0);
}

/** Upper-case display name of an enum value the API sends in snake_case (full_ai → FULL_AI). */
export const enumName = (v) => (v === null || v === undefined ? undefined : String(v).toUpperCase());
