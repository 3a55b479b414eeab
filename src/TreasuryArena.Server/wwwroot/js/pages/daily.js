// The treasury's daily report for any member, a viewer included (issue 22): GET /api/reports/daily?as_of=yyyy-MM-dd,
// the same report as `arena report daily`. The page reads its JSON (the /api/treasury/status shape) for a chosen date
// and links the full HTML page and the Markdown file; the report carries its own Content-Security-Policy, so the
// dashboard links to it rather than framing it.

import { api, paths, asList } from '../api.js';
import { h, card, wideCard, table, kpis, money, pct, dash, date, decimal, humanize, signClass, num, field, errorBox, loading, badge } from '../ui.js';

/** #/reports/daily[?as_of]: the daily report of the platform date (or the chosen one). */
export async function dailyReportPage(session) {
  const head = h('div', { class: 'page-head' }, h('h1', { text: 'Daily report' }),
    h('span', { class: 'subtle', text: 'The treasury on one day: value, P&L, allocation against target, market phase and the advisor’s decision' }));
  if (session.role === 'admin') {
    return [head, h('p', { class: 'notice', text: 'The daily report belongs to an organisation’s treasury: sign in with a treasurer or viewer key, or run arena report daily on the server host.' })];
  }
  const clock = await api.get(paths.marketClock);
  const day = h('input', { type: 'date', name: 'as_of', required: true, value: clock.platform_date, max: clock.platform_date });
  const body = h('div', { 'aria-live': 'polite' }, loading());
  const links = h('p', { class: 'actions' });
  const show = async () => {
    const asOf = day.value || clock.platform_date;
    links.replaceChildren(
      h('a', { class: 'btn btn-secondary', href: paths.dailyReport(asOf, 'html'), target: '_blank', rel: 'noopener', 'data-testid': 'daily-html', text: 'Open the full report (HTML)' }),
      h('a', { class: 'btn btn-secondary', href: paths.dailyReport(asOf, 'markdown'), download: `daily-report-${asOf}.md`, 'data-testid': 'daily-markdown', text: 'Download (Markdown)' }));
    body.replaceChildren(loading());
    try {
      body.replaceChildren(...report(await api.get(paths.dailyReport(asOf, 'json'))).filter(Boolean));
    } catch (error) {
      body.replaceChildren(errorBox(error));
    }
  };
  day.addEventListener('change', show);
  show();
  return [
    head,
    h('div', { class: 'grid' },
      card('Date', h('form', { class: 'stack', onsubmit: (e) => { e.preventDefault(); show(); } }, field('Report date', day, `The latest date with complete market data is ${date(clock.platform_date)}.`)), links),
      wideCard('Report', 'grid-wide', body)),
  ];
}

function report(s) {
  const perf = s.performance ?? {};
  const d = s.latest_decision;
  return [
    h('h3', { 'data-testid': 'daily-as-of', text: `As of ${date(s.as_of)}` }),
    s.default_treasury ? h('p', { class: 'notice', text: 'Nothing executed yet: this is the configured default treasury.' }) : null,
    kpis([
      ['Value', money(s.value)],
      ['P&L since inception', `${money(s.pnl)} (${pct(s.return)})`, signClass(s.pnl)],
      ['Cash', money(s.cash)],
      ['Drift', `${pct(s.drift, 1)} (limit ${pct(s.drift_threshold, 0)})`, num(s.drift) > num(s.drift_threshold) ? 'neg' : ''],
      ['Market phase', humanize(dash(s.phase))],
    ]),
    h('h3', { text: 'Against the alternatives since inception' }),
    table([
      { name: 'This treasury', value: perf.value, ret: perf.return },
      { name: 'Static 60/40', value: perf.static_60_40_value, ret: perf.static_60_40_return },
      { name: 'Buy and hold BTC', value: perf.btc_buy_and_hold_value, ret: perf.btc_buy_and_hold_return },
    ], [
      { key: 'name', label: 'Portfolio', format: (v) => v },
      { key: 'value', label: 'Value', num: true, format: (v) => money(v) },
      { key: 'ret', label: 'Return', num: true, sign: true, format: (v) => pct(v) },
    ], { caption: `Since ${date(perf.inception)}, from ${money(perf.initial_capital)}` }),
    h('h3', { text: 'Allocation' }),
    table(asList(s.allocation), [
      { key: 'name', label: 'Asset', format: (v) => humanize(v) },
      { key: 'current', label: 'Current', num: true, format: (v) => pct(v, 1) },
      { key: 'target', label: 'Target', num: true, format: (v) => pct(v, 1) },
    ], { caption: `Base ${pct(s.base_share, 1)} (target ${pct(s.target_base_share, 1)}), tactical ${pct(s.tactical_share, 1)} (target ${pct(s.target_tactical_share, 1)})` }),
    asList(s.triggers).length ? h('p', { class: 'small' }, 'Triggers: ', asList(s.triggers).join('; ')) : null,
    s.emergency ? h('div', { class: 'error', role: 'alert', text: `Emergency: ${s.emergency}` }) : null,
    h('h3', { text: 'The day’s decision' }),
    d
      ? h('article', { class: 'decision', 'data-testid': 'daily-decision' },
        h('p', {}, badge(d.action), ` ${humanize(dash(d.kind))} by ${dash(d.advisor)}, confidence ${decimal(d.confidence, 0)} / 100`),
        h('p', { class: 'reasoning', text: dash(d.reasoning) }))
      : h('p', { class: 'subtle', text: 'No decision was journaled for this date.' }),
  ];
}
