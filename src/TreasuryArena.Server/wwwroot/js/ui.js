// Small DOM and formatting helpers shared by every page. Numbers are formatted with a fixed locale (en-US) so
// that what the tests read and what a trustee prints is the same everywhere.

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'style') node.style.cssText = value; // CSSOM, allowed by the content security policy
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const nf = (min, max) => new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max });
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const num = (v) => (v === null || v === undefined || v === '' ? NaN : Number(v));
export const isNum = (v) => Number.isFinite(num(v));

export function money(v) { return isNum(v) ? usd.format(num(v)) : dash(v); }
export function nav(v) { return isNum(v) ? nf(4, 4).format(num(v)) : dash(v); }
export function shares(v) { return isNum(v) ? nf(0, 6).format(num(v)) : dash(v); }
export function decimal(v, digits = 2, min = 0) { return isNum(v) ? nf(min, digits).format(num(v)) : dash(v); }
/** A fraction (0.1234) as a percentage (12.34%). */
export function pct(v, digits = 2) { return isNum(v) ? `${nf(digits, digits).format(num(v) * 100)}%` : dash(v); }
export function dash(v) { return v === null || v === undefined || v === '' ? '—' : String(v); }

export function signClass(v) { return isNum(v) ? (num(v) > 0 ? 'pos' : num(v) < 0 ? 'neg' : '') : ''; }

export function date(v) {
  if (!v) return '—';
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return String(v);
  return /T\d\d:/.test(String(v)) ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : d.toISOString().slice(0, 10);
}

/** How long ago an instant was, in words (for indicator ages). */
export function age(v, now = Date.now()) {
  const d = new Date(v).getTime();
  if (!Number.isFinite(d)) return '—';
  return duration((now - d) / 1000);
}

/** A number of seconds in words (90 s, 12 min, 5 h, 3 days). */
export function duration(seconds) {
  if (!Number.isFinite(Number(seconds))) return '—';
  const s = Math.max(0, Math.round(Number(seconds)));
  if (s < 90) return `${s} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} days`;
}

export function humanize(name) {
  const words = String(name).replace(/_/g, ' ').replace(/\b(nav|usd|hwm|apy|id|ai|btc|eth|mvrv|sopr|nupl|api)\b/gi, (m) => m.toUpperCase());
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const percentName = /(return|drawdown|volatility|_vol_|weight|rate|drift|pct|percent|share|cagr|allocation|yield|apy|hit_ratio|hit_rate|turnover|change)/i;
const moneyName = /(value|cash|amount|fee|pnl|revenue|price|cost|deposit|withdraw|balance|gav|assets)/i;
const navName = /(^nav$|_nav$|^nav_|^high_water_mark$|^hwm$)/i;

/** Formats a scalar by its field name: fractions as percentages, amounts in dollars, NAVs to four places. */
export function auto(name, v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string' && !isNum(v)) return /(_at|date|time|as_of)$/i.test(name) ? date(v) : v;
  if (!isNum(v)) return JSON.stringify(v);
  if (/(sharpe|sortino|calmar|ratio|confidence|count|days|holders|score|beta)/i.test(name)) return decimal(v, 2);
  if (navName.test(name)) return nav(v);
  if (percentName.test(name)) return pct(v);
  if (moneyName.test(name)) return money(v);
  if (/shares|supply/i.test(name)) return shares(v);
  return decimal(v, 4);
}

/** A definition list of an object's scalar fields (nested objects are skipped unless `deep`). */
export function kv(obj, { skip = [], deep = false } = {}) {
  const dl = h('dl', { class: 'kv' });
  for (const [k, v] of Object.entries(obj ?? {})) {
    if (skip.includes(k)) continue;
    if (v !== null && typeof v === 'object') {
      if (!deep || Array.isArray(v)) continue;
      append(dl, [h('dt', { text: humanize(k) }), h('dd', {}, kv(v, { deep }))]);
      continue;
    }
    append(dl, [h('dt', { text: humanize(k) }), h('dd', { class: signIfDelta(k, v), text: auto(k, v) })]);
  }
  return dl;
}

function signIfDelta(name, v) { return /(pnl|return|change|profit)/i.test(name) ? signClass(v) : ''; }

export function kpis(items) {
  return h('dl', { class: 'kpis' }, items.filter(Boolean).map(([label, value, cls]) =>
    h('div', { class: 'kpi' }, h('dt', { text: label }), h('dd', { class: cls ?? '', text: value }))));
}

export function badge(text) {
  const t = String(text ?? '—');
  const known = /^(active|ok|approved|executed|verified|proving|pending|proposed|held|hybrid|paused|retired|rejected|failed|broken|expired|tripped)$/i;
  return h('span', { class: `badge ${known.test(t) ? `badge-${t.toLowerCase()}` : 'badge-neutral'}`, text: t });
}

/**
 * A table from rows and column specs: { key, label, num, format(value,row), render(row) }.
 * Columns default to every scalar field of the first row.
 */
export function table(rows, columns, { caption, empty = 'Nothing yet.' } = {}) {
  if (!rows || rows.length === 0) return h('p', { class: 'subtle', text: empty });
  const cols = columns ?? Object.keys(rows[0]).filter((k) => rows[0][k] === null || typeof rows[0][k] !== 'object')
    .map((key) => ({ key }));
  const thead = h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : '', title: c.title, text: c.label ?? humanize(c.key) }))));
  const tbody = h('tbody', {}, rows.map((row) => h('tr', {}, cols.map((c) => {
    const content = c.render ? c.render(row) : (c.format ? c.format(row[c.key], row) : auto(c.key, row[c.key]));
    const cls = [c.num || (c.render === undefined && isNum(row[c.key]) && typeof row[c.key] === 'number') ? 'num' : '', c.sign ? signClass(row[c.key]) : ''].join(' ').trim();
    return h('td', { class: cls }, content);
  }))));
  return h('div', { class: 'table-wrap' }, h('table', {}, caption ? h('caption', { text: caption }) : null, thead, tbody));
}

export function card(title, ...children) { return wideCard(title, '', ...children); }

/** A card with extra classes (e.g. 'grid-wide' to span the whole grid row). */
export function wideCard(title, cls, ...children) {
  const id = `h-${Math.random().toString(36).slice(2, 9)}`;
  return h('section', { class: `card ${cls}`.trim(), 'aria-labelledby': id }, h('h2', { id, text: title }), ...children);
}

export function errorBox(error) {
  const box = h('div', { class: 'error', role: 'alert' }, h('strong', { text: error?.message ?? String(error) }));
  const fields = error?.fieldErrors ?? [];
  if (fields.length) append(box, [h('ul', {}, fields.map((f) => h('li', { text: f })))]);
  return box;
}

export function loading(text = 'Loading…') { return h('p', { class: 'loading', text }); }

/** Renders a section that loads itself: shows a loading line, then the content or the error. */
export function lazy(title, load, cls = '') {
  const body = h('div', {}, loading());
  const section = wideCard(title, cls, body);
  Promise.resolve().then(load).then(
    (content) => { body.replaceChildren(...[content].flat(Infinity).filter(Boolean)); },
    (error) => { body.replaceChildren(errorBox(error)); },
  );
  return section;
}

export function field(label, input, hint) {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  input.id = id;
  const hintNode = hint ? h('span', { class: 'hint', id: `${id}-hint`, text: hint }) : null;
  if (hintNode) input.setAttribute('aria-describedby', hintNode.id);
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), input, hintNode);
}

export function select(name, options, value, label = (o) => o) {
  return h('select', { name }, options.map((o) => h('option', { value: o, selected: o === value, text: label(o) })));
}

export function announce(text) {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}
