import { api, paths, asList } from '../api.js';
import { h, card, table, badge, kv, kpis, money, nav, pct, shares, dash, lazy, auto, humanize } from '../ui.js';
import { lineChart, drawdownChart, drawdownOf, sparkline } from '../charts.js';
import { navHistory, reportedDrawdown, metricsOf, pick } from '../data.js';
import { tradeForm } from './trade.js';

export async function tokensPage(session) {
  const list = asList(await api.get(paths.tokens), 'tokens');
  const rows = list.map((t) => ({ ...t, _metrics: metricsOf(t) }));
  const sparkCells = new Map();
  const tableNode = table(rows, [
    { key: 'symbol', label: 'Token', render: (t) => h('a', { href: `#/tokens/${encodeURIComponent(t.symbol)}`, text: t.symbol }) },
    { key: 'name', label: 'Strategy', render: (t) => dash(pick(t, 'strategy', 'name', 'strategy_name')) },
    { key: 'status', label: 'Status', render: (t) => badge(t.status) },
    { key: 'nav', label: 'NAV', num: true, format: (v) => nav(v) },
    { key: 'spark', label: 'NAV trend', render: (t) => { const c = h('span', {}, '…'); sparkCells.set(t.symbol, c); return c; } },
    { key: 'r', label: 'Return 90d', num: true, render: (t) => metricCell(t, 'return_90d', 'return', 'total_return', 'annual_return') },
    { key: 'v', label: 'Volatility 90d', num: true, render: (t) => metricCell(t, 'volatility_90d', 'volatility', 'annual_volatility') },
    { key: 's', label: 'Sharpe 90d', num: true, render: (t) => metricCell(t, 'sharpe_90d', 'sharpe') },
    { key: 'd', label: 'Max drawdown 90d', num: true, render: (t) => metricCell(t, 'max_drawdown_90d', 'max_drawdown') },
    { key: 'supply', label: 'Supply', num: true, format: (v) => shares(v) },
  ], { caption: 'Strategy tokens', empty: 'No tokens yet. Run arena demo, or issue one with arena tokens issue.' });

  // Sparklines: the list's own history when it carries one, otherwise each token's info (NAV history).
  for (const t of rows) {
    const cell = sparkCells.get(t.symbol);
    const own = navHistory(t);
    const fill = (points) => cell?.replaceChildren(sparkline(points.slice(-90).map((p) => p.y), { label: `${t.symbol} NAV, last 90 days` }));
    if (own.length > 1) fill(own);
    else api.get(paths.token(t.symbol)).then((info) => fill(navHistory(info)), () => cell?.replaceChildren('—'));
  }

  return [
    h('div', { class: 'page-head' }, h('h1', { text: 'Tokens' }),
      h('span', { class: 'subtle', text: `${rows.length} strategy token${rows.length === 1 ? '' : 's'}; metrics over the last 90 days` })),
    card('All tokens', tableNode),
  ];
}

function metricCell(t, ...names) {
  const m = t._metrics;
  for (const n of names) {
    const v = m?.[n] ?? t[n];
    if (v !== undefined && v !== null) return auto(n, v);
  }
  return '—';
}

export async function tokenPage(symbol, session) {
  const info = await api.get(paths.token(symbol));
  const history = navHistory(info);
  const dd = reportedDrawdown(info) ?? drawdownOf(history);
  const metrics = metricsOf(info);
  const fees = pick(info, 'fees', 'fee_schedule') ?? {};
  const lifecycle = asList(pick(info, 'lifecycle', 'lifecycle_history', 'events', 'status_history') ?? []);
  const strategy = pick(info, 'strategy') ?? {};
  const description = typeof strategy === 'object' ? pick(strategy, 'description', 'summary') : pick(info, 'description');
  const strategyName = typeof strategy === 'string' ? strategy : pick(strategy, 'name', 'id') ?? pick(info, 'strategy_name', 'name');

  const page = [
    h('div', { class: 'page-head' },
      h('h1', {}, `${info.symbol ?? symbol} `, badge(info.status)),
      h('span', { class: 'subtle', text: strategyName ? `Strategy: ${strategyName}` : '' })),
    kpis([
      ['NAV per share', nav(info.nav)],
      ['Supply (shares)', shares(info.supply)],
      info.holders !== undefined ? ['Holders', dash(info.holders)] : null,
      pick(info, 'aum', 'total_value', 'assets') !== undefined ? ['Assets', money(pick(info, 'aum', 'total_value', 'assets'))] : null,
      pick(info, 'high_water_mark', 'hwm') !== undefined ? ['High-water mark', nav(pick(info, 'high_water_mark', 'hwm'))] : null,
    ]),
    h('div', { class: 'grid', style: 'margin-top:1rem' },
      h('section', { class: 'card grid-wide', 'aria-labelledby': 'nav-chart' }, h('h2', { id: 'nav-chart', text: 'NAV per share' }),
        lineChart([{ name: `${info.symbol ?? symbol} NAV`, points: history }], { title: `${info.symbol ?? symbol} NAV per share`, yFormat: (v) => nav(v), area: true })),
      h('section', { class: 'card grid-wide', 'aria-labelledby': 'dd-chart' }, h('h2', { id: 'dd-chart', text: 'Drawdown' }),
        drawdownChart(dd, { title: `${info.symbol ?? symbol} drawdown from high-water mark` })),
      card('Metrics', Object.keys(metrics).length ? kv(metrics) : h('p', { class: 'subtle', text: 'No metrics reported yet.' })),
      card('Fees', Object.keys(fees).length ? kv(fees, { deep: true }) : h('p', { class: 'subtle', text: 'No fee schedule reported.' })),
      card('Strategy', description ? h('p', { text: description }) : h('p', { class: 'subtle', text: 'No description reported.' }),
        typeof strategy === 'object' ? kv(strategy, { skip: ['description', 'summary'] }) : null),
      card('Lifecycle history', table(lifecycle, lifecycle.length ? Object.keys(lifecycle[0]).filter((k) => typeof lifecycle[0][k] !== 'object' || lifecycle[0][k] === null).map((key) => ({ key, render: key === 'status' || key === 'to' ? (r) => badge(r[key]) : undefined })) : undefined, { empty: 'No lifecycle events reported.' })),
    ),
  ];
  if (session.role === 'treasurer') {
    page.push(h('div', { class: 'grid', style: 'margin-top:1rem' }, card(`Buy or sell ${info.symbol ?? symbol}`, await tradeForm(session, { symbol: info.symbol ?? symbol, info }))));
  }
  return page;
}

export { humanize, pct };
