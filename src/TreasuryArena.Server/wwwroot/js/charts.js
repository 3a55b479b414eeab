// Hand-drawn inline SVG charts: line/area (NAV, value), drawdown, sparkline, donut and paired bars.
// Each chart carries a <title> and <desc> for screen readers and a "Show data" table, so no information lives only
// in the picture. Values come straight from the API; nothing is smoothed or made up.

import { h, date, pct, decimal, table } from './ui.js';

const NS = 'http://www.w3.org/2000/svg';
export const palette = ['#0b5d4b', '#1f5fae', '#a23b72', '#c65d00', '#5b4bb7', '#2f7d8c', '#7a6a00', '#6b6b6b'];
const GOOD = '#1b6e2f';
const BAD = '#b3261e';

function s(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  for (const c of children.flat()) if (c) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

let chartSeq = 0;

function labelled(svg, title, desc) {
  const id = `chart-${++chartSeq}`;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-t ${id}-d`);
  svg.prepend(s('title', { id: `${id}-t` }, title), s('desc', { id: `${id}-d` }, desc));
  return svg;
}

function niceTicks(min, max, count = 4) {
  if (!(max > min)) { const pad = Math.abs(min) * 0.05 || 1; min -= pad; max += pad; }
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((m) => m >= raw) ?? raw;
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { lo, hi, ticks };
}

/**
 * Redraws a chart at its box's actual width (and again when that changes), so text and strokes keep their size on a
 * phone and on a wide screen alike.
 */
function responsive(draw) {
  const box = h('div', { class: 'chart-box' });
  let drawn = 0;
  const paint = () => {
    const width = Math.round(box.clientWidth);
    if (width > 0 && width !== drawn) {
      drawn = width;
      box.replaceChildren(draw(Math.max(260, width)));
    }
  };
  if (typeof ResizeObserver === 'function') new ResizeObserver(paint).observe(box);
  else queueMicrotask(() => box.replaceChildren(draw(640)));
  return box;
}

/** Points are {x: date string, y: number}; series is [{name, points, color}]. */
export function lineChart(series, { title, yFormat = (v) => decimal(v, 2), height = 220, area = false, baseline } = {}) {
  const all = series.flatMap((se) => se.points).filter((p) => Number.isFinite(p.y));
  if (all.length < 2) return h('p', { class: 'subtle', text: `${title}: not enough history yet.` });
  const legend = series.length > 1 ? h('ul', { class: 'legend' }, series.map((se, i) =>
    h('li', {}, swatch(se.color ?? palette[i % palette.length]), se.name))) : null;
  return h('figure', { class: 'chart-figure' }, responsive((W) => drawLine(series, all, W, { title, yFormat, height, area, baseline })), legend, dataTable(series, yFormat));
}

function drawLine(series, all, W, { title, yFormat, height, area, baseline }) {
  const H = height, L = 64, R = 12, T = 12, B = 26;
  const xs = all.map((p) => new Date(p.x).getTime());
  const x0 = Math.min(...xs), x1 = Math.max(...xs);
  const ys = all.map((p) => p.y).concat(baseline !== undefined ? [baseline] : []);
  const { lo, hi, ticks } = niceTicks(Math.min(...ys), Math.max(...ys));
  const X = (t) => L + ((t - x0) / Math.max(1, x1 - x0)) * (W - L - R);
  const Y = (v) => T + (1 - (v - lo) / (hi - lo || 1)) * (H - T - B);
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, width: W, height: H });
  for (const t of ticks) {
    svg.append(s('line', { class: 'grid-line', x1: L, x2: W - R, y1: Y(t), y2: Y(t) }));
    svg.append(s('text', { x: L - 6, y: Y(t) + 4, 'text-anchor': 'end' }, yFormat(t)));
  }
  svg.append(s('line', { class: 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B }));
  const xTicks = W < 420 ? [x0, x1] : [x0, (x0 + x1) / 2, x1];
  for (const t of xTicks) {
    svg.append(s('text', { x: X(t), y: H - 8, 'text-anchor': t === x0 ? 'start' : t === x1 ? 'end' : 'middle' }, date(new Date(t).toISOString().slice(0, 10))));
  }
  if (baseline !== undefined) svg.append(s('line', { class: 'axis', x1: L, x2: W - R, y1: Y(baseline), y2: Y(baseline), 'stroke-dasharray': '4 3' }));
  series.forEach((se, i) => {
    const pts = se.points.filter((p) => Number.isFinite(p.y));
    const color = se.color ?? palette[i % palette.length];
    const d = pts.map((p, j) => `${j ? 'L' : 'M'}${X(new Date(p.x).getTime()).toFixed(1)},${Y(p.y).toFixed(1)}`).join('');
    if (area && i === 0) {
      const base = Y(Math.max(lo, Math.min(hi, baseline ?? lo)));
      svg.append(s('path', { class: 'area', fill: color, d: `${d}L${X(new Date(pts.at(-1).x).getTime()).toFixed(1)},${base}L${X(new Date(pts[0].x).getTime()).toFixed(1)},${base}Z` }));
    }
    svg.append(s('path', { class: 'line', stroke: color, d }));
    if (pts.length <= 40) for (const p of pts) svg.append(s('circle', { cx: X(new Date(p.x).getTime()).toFixed(1), cy: Y(p.y).toFixed(1), r: 3, fill: color }));
  });
  const first = series[0].points.find((p) => Number.isFinite(p.y));
  const last = series[0].points.findLast((p) => Number.isFinite(p.y));
  return labelled(svg, title, `${series.map((se) => se.name).join(', ')} from ${date(first.x)} to ${date(last.x)}: first ${yFormat(first.y)}, last ${yFormat(last.y)}, low ${yFormat(Math.min(...all.map((p) => p.y)))}, high ${yFormat(Math.max(...all.map((p) => p.y)))}.`);
}

/** Drawdown from the running peak, as an area below zero (values are fractions ≤ 0). */
export function drawdownChart(points, { title = 'Drawdown from high-water mark' } = {}) {
  const pts = points.filter((p) => Number.isFinite(p.y));
  if (pts.length < 2) return h('p', { class: 'subtle', text: `${title}: not enough history yet.` });
  return h('figure', { class: 'chart-figure' }, responsive((W) => drawDrawdown(pts, W, title)), dataTable([{ name: 'Drawdown', points: pts }], (v) => pct(v)));
}

function drawDrawdown(pts, W, title) {
  const H = 160, L = 64, R = 12, T = 8, B = 26;
  const xs = pts.map((p) => new Date(p.x).getTime());
  const x0 = Math.min(...xs), x1 = Math.max(...xs);
  const min = Math.min(0, ...pts.map((p) => p.y));
  const { lo, ticks } = niceTicks(min, 0, 3);
  const X = (t) => L + ((t - x0) / Math.max(1, x1 - x0)) * (W - L - R);
  const Y = (v) => T + (v / (lo || -1)) * (H - T - B);
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, width: W, height: H });
  for (const t of ticks.filter((v) => v <= 0)) {
    svg.append(s('line', { class: 'grid-line', x1: L, x2: W - R, y1: Y(t), y2: Y(t) }));
    svg.append(s('text', { x: L - 6, y: Y(t) + 4, 'text-anchor': 'end' }, pct(t, 0)));
  }
  const d = pts.map((p, j) => `${j ? 'L' : 'M'}${X(new Date(p.x).getTime()).toFixed(1)},${Y(p.y).toFixed(1)}`).join('');
  svg.append(s('path', { class: 'dd-area', d: `${d}L${X(x1).toFixed(1)},${Y(0)}L${X(x0).toFixed(1)},${Y(0)}Z` }));
  svg.append(s('path', { class: 'dd-line', d }));
  svg.append(s('line', { class: 'axis', x1: L, x2: W - R, y1: Y(0), y2: Y(0) }));
  for (const t of [x0, x1]) {
    svg.append(s('text', { x: X(t), y: H - 8, 'text-anchor': t === x0 ? 'start' : 'end' }, date(new Date(t).toISOString().slice(0, 10))));
  }
  const worst = pts.reduce((a, b) => (b.y < a.y ? b : a));
  return labelled(svg, title, `Deepest drawdown ${pct(worst.y)} on ${date(worst.x)}; latest ${pct(pts.at(-1).y)}.`);
}

/** Drawdown series from a value series (running peak, the start counts as a peak). */
export function drawdownOf(points) {
  let peak = -Infinity;
  return points.filter((p) => Number.isFinite(p.y)).map((p) => {
    peak = Math.max(peak, p.y);
    return { x: p.x, y: peak > 0 ? p.y / peak - 1 : 0 };
  });
}

export function sparkline(values, { label = 'NAV trend' } = {}) {
  const v = values.filter(Number.isFinite);
  if (v.length < 2) return h('span', { class: 'subtle small', text: '—' });
  const W = 120, H = 32;
  const min = Math.min(...v), max = Math.max(...v);
  const pts = v.map((y, i) => `${((i / (v.length - 1)) * (W - 2) + 1).toFixed(1)},${(H - 2 - ((y - min) / (max - min || 1)) * (H - 4)).toFixed(1)}`).join(' ');
  const up = v.at(-1) >= v[0];
  const svg = s('svg', { class: 'spark', viewBox: `0 0 ${W} ${H}` }, s('polyline', { points: pts, stroke: up ? GOOD : BAD }));
  return labelled(svg, label, `${up ? 'Up' : 'Down'} ${pct(v.at(-1) / v[0] - 1)} over ${v.length} points.`);
}

/** Parts are [{label, value}] with value ≥ 0 (weights or dollars). */
export function donut(parts, { title = 'Allocation', format = (v) => pct(v) } = {}) {
  const items = parts.filter((p) => Number.isFinite(p.value) && p.value > 0);
  const total = items.reduce((a, p) => a + p.value, 0);
  if (!items.length || total <= 0) return h('p', { class: 'subtle', text: `${title}: nothing allocated yet.` });
  const svg = s('svg', { viewBox: '0 0 42 42' });
  svg.append(s('circle', { cx: 21, cy: 21, r: 15.915, fill: 'none', stroke: '#e7ecea', 'stroke-width': 6 }));
  let offset = 25;
  items.forEach((p, i) => {
    const share = (p.value / total) * 100;
    svg.append(s('circle', { cx: 21, cy: 21, r: 15.915, fill: 'none', stroke: palette[i % palette.length], 'stroke-width': 6, 'stroke-dasharray': `${share} ${100 - share}`, 'stroke-dashoffset': offset }));
    offset -= share;
  });
  labelled(svg, title, items.map((p) => `${p.label} ${pct(p.value / total)}`).join(', '));
  const legend = h('ul', { class: 'legend', style: 'flex-direction:column' }, items.map((p, i) =>
    h('li', {}, swatch(palette[i % palette.length]), `${p.label}: ${format(p.value)} (${pct(p.value / total, 1)})`)));
  return h('div', { class: 'donut-wrap' }, svg, legend);
}

/** Paired horizontal bars: rows are [{label, a, b}] (e.g. current vs target weight, fractions). */
export function pairedBars(rows, { title = 'Current vs target', aName = 'Current', bName = 'Target' } = {}) {
  if (!rows.length) return h('p', { class: 'subtle', text: `${title}: nothing to compare.` });
  const legend = h('ul', { class: 'legend' }, h('li', {}, swatch(palette[0]), aName), h('li', {}, swatch(palette[1]), bName));
  return h('figure', { class: 'chart-figure bars' }, responsive((W) => drawBars(rows, Math.min(W, 720), { title, aName, bName })), legend);
}

function drawBars(rows, W, { title, aName, bName }) {
  const rowH = 34, L = Math.min(150, Math.round(W * 0.3)), R = 52, H = rows.length * rowH + 8;
  const max = Math.max(0.0001, ...rows.flatMap((r) => [r.a, r.b]).filter(Number.isFinite));
  const X = (v) => L + (Math.max(0, v) / max) * (W - L - R);
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, width: W, height: H });
  rows.forEach((r, i) => {
    const y = 4 + i * rowH;
    svg.append(s('text', { x: L - 8, y: y + 18, 'text-anchor': 'end' }, r.label));
    if (Number.isFinite(r.a)) {
      svg.append(s('rect', { x: L, y: y + 3, width: Math.max(1, X(r.a) - L), height: 12, fill: palette[0] }));
      svg.append(s('text', { x: X(r.a) + 4, y: y + 13 }, pct(r.a, 1)));
    }
    if (Number.isFinite(r.b)) {
      svg.append(s('rect', { x: L, y: y + 17, width: Math.max(1, X(r.b) - L), height: 12, fill: palette[1] }));
      svg.append(s('text', { x: X(r.b) + 4, y: y + 27 }, pct(r.b, 1)));
    }
  });
  return labelled(svg, title, rows.map((r) => `${r.label}: ${aName.toLowerCase()} ${pct(r.a, 1)}, ${bName.toLowerCase()} ${pct(r.b, 1)}`).join('; '));
}

function swatch(color) { return h('span', { class: 'swatch', style: `background:${color}`, 'aria-hidden': 'true' }); }

function dataTable(series, yFormat) {
  const rows = series[0].points.map((p, i) => Object.fromEntries([['date', date(p.x)], ...series.map((se) => [se.name, yFormat(se.points[i]?.y)])]));
  return h('details', { class: 'data' }, h('summary', { text: 'Show data' }),
    table(rows.slice(-400), [{ key: 'date', label: 'Date', format: (v) => v }, ...series.map((se) => ({ key: se.name, label: se.name, num: true, format: (v) => v }))]));
}
