// Reading the API's shapes: series and lists are picked out by their documented snake_case names, with the few
// alternatives the server may use. Nothing here invents a value: a missing field stays missing.

import { asList } from './api.js';

const pick = (obj, ...names) => {
  for (const n of names) if (obj && obj[n] !== undefined && obj[n] !== null) return obj[n];
  return undefined;
};

export { pick };

/** [{x, y}] from a history array of {date, nav} (or value/close). */
export function series(rows, ...valueNames) {
  return asList(rows).map((r) => ({
    x: pick(r, 'date', 'as_of', 'day', 'timestamp', 'at'),
    y: Number(pick(r, ...valueNames)),
  })).filter((p) => p.x && Number.isFinite(p.y))
    .sort((a, b) => String(a.x).localeCompare(String(b.x)));
}

export function navHistory(info) {
  return series(pick(info, 'nav_history', 'history', 'performance', 'navs') ?? [], 'nav', 'nav_per_share', 'value', 'price');
}

/** Drawdown points if the server reports them per day (fractions ≤ 0). */
export function reportedDrawdown(info) {
  const rows = asList(pick(info, 'nav_history', 'history', 'performance') ?? []);
  if (!rows.length || pick(rows[0], 'drawdown', 'drawdown_from_hwm') === undefined) return null;
  return series(rows, 'drawdown', 'drawdown_from_hwm').map((p) => ({ x: p.x, y: p.y > 0 ? -p.y : p.y }));
}

export function metricsOf(info) {
  return pick(info, 'metrics', 'metrics_90d', 'performance_metrics') ?? {};
}

export function holdingsOf(status) { return asList(pick(status, 'holdings', 'positions') ?? []); }

export function valueHistory(status) {
  return series(pick(status, 'value_history', 'history', 'performance_history', 'snapshots') ?? [], 'value', 'total_value', 'nav');
}
