import { api, paths, asList } from '../api.js';
import { h, card, wideCard, table, badge, kv, kpis, money, nav, pct, dash, date, decimal, signClass } from '../ui.js';
import { lineChart, drawdownChart, sparkline } from '../charts.js';
import { navHistory, drawdownHistory, total } from '../data.js';
import { tradeForm } from './trade.js';

export async function tokensPage() {
  const rows = asList(await api.get(paths.tokens));
  const tableNode = table(rows, [
    { key: 'symbol', label: 'Token', render: (t) => h('a', { href: `#/tokens/${encodeURIComponent(t.symbol)}`, title: `${t.name} (strategy ${t.strategy})`, text: t.symbol }) },
    { key: 'status', label: 'Status', render: (t) => badge(t.status) },
    { key: 'nav', label: 'NAV', num: true, format: (v) => nav(v) },
    { key: 'spark', label: 'NAV, 90 days', render: (t) => sparkline(asList(t.sparkline).map(Number), { label: `${t.symbol} NAV, last 90 days, weekly` }) },
    { key: 'return_90d', label: 'Return 90d', title: 'NAV change over 90 days (not annualised)', num: true, sign: true, format: (v) => pct(v) },
    { key: 'volatility_90d', label: 'Volatility 90d', num: true, format: (v) => pct(v) },
    { key: 'sharpe_90d', label: 'Sharpe 90d', title: 'Annualised, over the 3-month T-bill; — when undefined (volatility below 0.5% a year)', num: true, format: (v) => decimal(v, 2, 2) },
    { key: 'max_drawdown_90d', label: 'Max drawdown 90d', num: true, format: (v) => pct(v) },
    { key: 'gross_asset_value', label: 'Assets', num: true, format: (v) => money(v) },
    { key: 'holders', label: 'Holders', num: true, format: (v) => dash(v) },
  ], { caption: 'Strategy tokens', empty: 'No tokens yet. Run arena demo, or issue one with arena tokens issue.' });

  return [
    h('div', { class: 'page-head' }, h('h1', { text: 'Tokens' }),
      h('span', { class: 'subtle', text: `${rows.length} strategy token${rows.length === 1 ? '' : 's'}; metrics over the last 90 days of NAV history (return: the NAV change; Sharpe: over the 3-month T-bill, — when undefined)` })),
    card('All tokens', tableNode),
  ];
}

/** The drawdown breaker: its state, the limit and where it came from, the live peak and drawdown, what trips or resumes it, and while paused the review's progress. */
function breakerCard(b, status) {
  if (!b) {
    return card('Drawdown breaker', h('p', { class: 'subtle', text: 'No breaker: the token has no backing strategy.' }));
  }
  const rows = [
    ['State', h('span', { 'data-testid': 'breaker-state' }, badge(b.state ?? 'armed'), b.tripped_at ? ` since ${date(b.tripped_at)}` : '')],
    ['Limit', h('span', { 'data-testid': 'breaker-limit', text: b.description })],
    ['Measured from', `${date(b.measured_from)} (${status === 'proving' ? 'inception; restarts when the token goes live' : 'go-live or last resume'})`],
    ['Peak', b.peak === null || b.peak === undefined ? '—' : `${nav(b.peak)} on ${date(b.peak_date)}`],
    ['Drawdown from the peak', `${pct(b.drawdown)} of ${pct(b.limit)} allowed`],
  ];
  if (b.trips_at_nav !== null && b.trips_at_nav !== undefined) {
    rows.push(['Trips at NAV', `${nav(b.trips_at_nav)} or lower`]);
  }
  if (b.paused_on) {
    rows.push(['Paused', `${date(b.paused_on)} by ${dash(b.paused_by)}`]);
    if (b.auto_review) {
      rows.push(['Trough', `${nav(b.trough)} on ${date(b.trough_date)}`]);
      rows.push(['Resumes at NAV', `${nav(b.resume_at_nav)} (recovered ${pct(b.recovered)} of the way back)`]);
      rows.push(['…or on', `${date(b.resume_on_if_no_new_low)} if it makes no new low`]);
    }
  }
  return card('Drawdown breaker',
    h('dl', { class: 'kv' }, ...rows.flatMap(([k, v]) => [h('dt', { text: k }), typeof v === 'string' ? h('dd', { text: v }) : h('dd', {}, v)])),
    b.review ? h('p', { 'data-testid': 'breaker-review', text: b.review }) : null,
    b.resume_rule ? h('p', { 'data-testid': 'breaker-rule', text: b.resume_rule }) : null,
    h('p', { class: 'subtle', text: 'A pause stops new buys only: holders keep their shares and can always sell.' }));
}

export async function tokenPage(symbol, session) {
  const info = await api.get(paths.token(symbol));
  const sym = info.symbol;
  const history = navHistory(info);
  const fees = info.fees ?? {};
  const lifecycle = asList(info.lifecycle);
  const accruedManagement = total(info.nav_history, 'management_fee');
  const accruedPerformance = total(info.nav_history, 'performance_fee');

  const page = [
    h('div', { class: 'page-head' },
      h('h1', {}, `${sym} `, badge(info.status)),
      h('span', { class: 'subtle', text: `${info.name} · strategy ${info.strategy}` })),
    kpis([
      ['NAV per share', nav(info.nav)],
      ['As of', date(info.nav_date)],
      ['Assets', money(info.gross_asset_value)],
      ['Supply (shares)', decimal(info.supply, 2)],
      ['Holders', dash(info.holders)],
      ['High-water mark', nav(info.high_water_mark)],
      ['Drawdown', pct(info.drawdown), signClass(info.drawdown)],
    ]),
    h('div', { class: 'grid', style: 'margin-top:1rem' },
      h('section', { class: 'card grid-wide', 'aria-labelledby': 'nav-chart' }, h('h2', { id: 'nav-chart', text: 'NAV per share' }),
        lineChart([{ name: `${sym} NAV`, points: history }], { title: `${sym} NAV per share since inception`, yFormat: (v) => nav(v), area: true })),
      h('section', { class: 'card grid-wide', 'aria-labelledby': 'dd-chart' }, h('h2', { id: 'dd-chart', text: 'Drawdown' }),
        drawdownChart(drawdownHistory(info), { title: `${sym} drawdown from the high-water mark` })),
      card('Metrics', info.metrics && Object.keys(info.metrics).length
        ? kv(info.metrics)
        : h('p', { class: 'subtle', text: 'No metrics yet: the token has no NAV history.' }),
        h('p', { class: 'subtle', text: `Sharpe over ${info.risk_free === 'tbill-3m' ? 'the 3-month T-bill' : dash(info.risk_free)}${info.risk_free_rate_90d === null || info.risk_free_rate_90d === undefined ? '' : ` (${pct(info.risk_free_rate_90d)} a year over the window)`}; — = undefined (too short a record, or volatility below 0.5% a year).` }),
        info.proving_reason ? h('p', { 'data-testid': 'proving-reason', text: info.proving_reason }) : null),
      breakerCard(info.breaker, info.status),
      card('Fees',
        h('dl', { class: 'kv' },
          h('dt', { text: 'Trade fee' }), h('dd', { text: `${pct(fees.trade_fee_rate)} of each buy and sell` }),
          h('dt', { text: 'Management fee' }), h('dd', { text: `${pct(fees.management_fee_rate)} a year, accrued daily` }),
          h('dt', { text: 'Performance fee' }), h('dd', { text: `${pct(fees.performance_fee_rate)} of gains above the high-water mark${fees.hurdle === 'tbill' ? ' grown at the T-bill rate' : ''}` }),
          h('dt', { text: 'Hurdle' }), h('dd', { text: fees.hurdle === 'tbill' ? 'US 3-month T-bill' : 'none' }),
          h('dt', { text: 'High-water mark set' }), h('dd', { text: date(fees.high_water_mark_date) }),
          h('dt', { text: 'Fee charged above' }), h('dd', { text: nav(fees.performance_fee_mark) }),
          h('dt', { text: 'Crystallisation' }), h('dd', { text: `${dash(fees.crystallisation)}, at the period's last NAV` }),
          h('dt', { text: 'Fees last accrued' }), h('dd', { text: date(fees.last_fee_date) }),
          h('dt', { text: 'Management fees accrued' }), h('dd', { text: money(accruedManagement) }),
          h('dt', { text: 'Performance fees accrued' }), h('dd', { text: money(accruedPerformance) }))),
      card('Strategy',
        info.description ? h('p', { text: info.description }) : h('p', { class: 'subtle', text: 'The strategy library has no description for this strategy.' }),
        h('dl', { class: 'kv' }, h('dt', { text: 'Strategy' }), h('dd', {}, h('code', { text: info.strategy })),
          h('dt', { text: 'Inception' }), h('dd', { text: date(info.inception_date) }))),
      wideCard('Lifecycle history', 'grid-wide', table(lifecycle, [
        { key: 'date', label: 'Date', format: (v) => date(v) },
        { key: 'from', label: 'From', render: (e) => badge(e.from) },
        { key: 'to', label: 'To', render: (e) => badge(e.to) },
        { key: 'actor', label: 'By', format: (v) => dash(v) },
        { key: 'reason', label: 'Why', format: (v) => dash(v) },
      ], { caption: 'Status changes, oldest first', empty: 'No status changes yet.' })),
    ),
  ];
  if (session.role === 'treasurer') {
    page.push(h('div', { class: 'grid', style: 'margin-top:1rem' }, card(`Buy or sell ${sym}`, await tradeForm({ symbol: sym }))));
  }
  return page;
}
