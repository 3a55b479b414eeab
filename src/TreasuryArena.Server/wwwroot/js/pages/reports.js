import { api, paths } from '../api.js';
import { h, table, date } from '../ui.js';

/** The quarter a yyyy-mm-dd date falls in, as { year, n }. */
function quarterOf(day) {
  const [y, m] = String(day).split('-').map(Number);
  return { year: y, n: Math.floor((m - 1) / 3) + 1 };
}

function previous(q) { return q.n === 1 ? { year: q.year - 1, n: 4 } : { year: q.year, n: q.n - 1 }; }

const label = (q) => `${q.year}Q${q.n}`;

/**
 * Reports: the organisation's quarterly board report for the last full quarters before the platform date (and the
 * current quarter so far), as a self-contained HTML page or a PDF, opened in a new tab (the report carries its own
 * Content-Security-Policy; the dashboard links to it rather than framing it).
 */
export async function reportsPage(session) {
  const head = h('div', { class: 'page-head' }, h('h1', { text: 'Reports' }),
    h('span', { class: 'subtle', text: 'Quarterly board reports: performance against the benchmark, fees, compliance, decisions, holdings and liquidity' }));
  if (session.role === 'admin') {
    return [head, h('p', { class: 'notice', text: 'Board reports belong to an organisation: sign in with a treasurer or viewer key, or run arena report board --org NAME on the server host (the API takes ?organisation_id= for an admin).' })];
  }
  const clock = await api.get(paths.marketClock);
  let q = previous(quarterOf(clock.platform_date));
  const rows = [{ quarter: quarterOf(clock.platform_date), note: `quarter to date (through ${date(clock.platform_date)})` }];
  for (let i = 0; i < 4; i++, q = previous(q)) rows.push({ quarter: q, note: i === 0 ? 'last full quarter' : 'full quarter' });
  return [
    head,
    h('p', { class: 'notice' }, 'The treasury’s ', h('a', { href: '#/reports/daily', text: 'daily report' }), ` (value, P&L, allocation, market phase and the day’s decision) for ${date(clock.platform_date)} or any earlier date.`),
    h('section', { class: 'card grid-wide', 'aria-labelledby': 'board-reports' },
      h('h2', { id: 'board-reports', text: `Board reports${session.organization ? ` — ${session.organization}` : ''}` }),
      table(rows, [
        { key: 'quarter', label: 'Quarter', render: (r) => h('strong', { text: label(r.quarter) }) },
        { key: 'note', label: 'Period', render: (r) => r.note },
        { key: 'html', label: 'Report', render: (r) => h('a', { href: paths.boardReport(label(r.quarter)), target: '_blank', rel: 'noopener', 'data-testid': `board-${label(r.quarter)}`, text: 'Open (HTML)' }) },
        { key: 'pdf', label: 'Print', render: (r) => h('a', { href: paths.boardReportPdf(label(r.quarter)), target: '_blank', rel: 'noopener', text: 'Download PDF' }) },
      ], { caption: 'Printed by headless Chromium on the server; the HTML prints the same from the browser.' })),
  ];
}
