import { api, paths, asList } from '../api.js';
import { h, card, table, badge, kv, kpis, money, pct, dash, lazy, age, date, auto, humanize, num } from '../ui.js';
import { pairedBars, donut } from '../charts.js';
import { pick } from '../data.js';

export async function treasuryPage() {
  return [
    h('h1', { text: 'Treasury' }),
    h('div', { class: 'grid' },
      lazy('Allocation: current vs target', async () => {
        const s = await api.get(paths.treasuryStatus);
        const rows = allocationRows(s);
        return [
          kpis([
            ['Value', money(pick(s, 'value', 'total_value'))],
            pick(s, 'drift') !== undefined ? ['Drift', pct(s.drift)] : null,
            pick(s, 'pnl') !== undefined ? ['P&L', money(s.pnl)] : null,
            pick(s, 'as_of') ? ['As of', date(s.as_of)] : null,
          ]),
          rows.length ? pairedBars(rows, { title: 'Treasury allocation, current vs target' }) : null,
          rows.length ? donut(rows.map((r) => ({ label: r.label, value: r.a })), { title: 'Current allocation' }) : null,
          table(asList(pick(s, 'positions') ?? []), undefined, { caption: 'Positions', empty: 'No positions reported.' }),
          kv(s),
        ];
      }),
      lazy('Market phase and indicators', async () => {
        const intel = await api.get(paths.treasuryIntelligence);
        const phase = pick(intel, 'phase', 'market_phase');
        const evidence = asList(pick(intel, 'evidence', 'phase_evidence') ?? []);
        const indicators = asList(pick(intel, 'indicators') ?? []);
        const indicatorRows = indicators.length ? indicators : Object.entries(pick(intel, 'indicators') ?? {}).map(([name, v]) => ({ name, ...(typeof v === 'object' ? v : { value: v }) }));
        const signal = pick(intel, 'signal');
        return [
          h('p', {}, 'Phase: ', badge(typeof phase === 'object' ? pick(phase, 'name', 'phase') : phase),
            signal !== undefined ? [' · Signal: ', h('strong', { text: typeof signal === 'object' ? dash(pick(signal, 'action', 'value', 'name')) : auto('signal', signal) })] : null),
          evidence.length ? h('ul', {}, evidence.map((e) => h('li', { text: typeof e === 'string' ? e : Object.values(e).join(' — ') }))) : null,
          table(indicatorRows, [
            { key: 'name', label: 'Indicator', render: (r) => dash(pick(r, 'name', 'indicator', 'id')) },
            { key: 'value', label: 'Value', num: true, render: (r) => auto(String(pick(r, 'name', 'indicator') ?? ''), pick(r, 'value')) },
            { key: 'source', label: 'Source', render: (r) => dash(pick(r, 'source', 'provider')) },
            { key: 'age', label: 'Age', render: (r) => { const at = pick(r, 'as_of', 'observed_at', 'timestamp', 'at'); return at ? `${age(at)} (${date(at)})` : dash(pick(r, 'age')); } },
            { key: 'stale', label: 'Fresh', render: (r) => (pick(r, 'stale') === true ? badge('stale') : pick(r, 'stale') === false ? 'yes' : '—') },
          ], { caption: 'Indicators', empty: 'No indicators reported.' }),
        ];
      }),
      h('div', { class: 'grid-wide' }, lazy('Advisor decisions', async () => {
        const decisions = asList(await api.get(paths.treasuryDecisions), 'decisions', 'journal');
        if (!decisions.length) return h('p', { class: 'subtle', text: 'No decisions yet.' });
        return decisions.slice(0, 50).map((d) => h('article', { class: 'card', style: 'margin-bottom:.75rem' },
          h('h3', {}, `${date(pick(d, 'as_of', 'at', 'created_at', 'date'))} · ${humanize(pick(d, 'kind', 'type') ?? 'decision')} `, badge(pick(d, 'action', 'decision')),
            pick(d, 'advisor') ? h('span', { class: 'subtle small', text: ` by ${pick(d, 'advisor')}` }) : null),
          h('div', { class: 'reasoning', text: dash(pick(d, 'reasoning', 'reason')) }),
          h('p', { class: 'small' }, pick(d, 'confidence') !== undefined ? `Confidence ${num(d.confidence)} / 100. ` : '',
            'Outcome: ', outcomeText(pick(d, 'outcome'))),
        ));
      })),
    ),
  ];
}

function outcomeText(outcome) {
  if (outcome === undefined || outcome === null) return 'not yet evaluated';
  if (typeof outcome !== 'object') return String(outcome);
  const right = pick(outcome, 'correct', 'was_right', 'right');
  return [right === true ? 'right' : right === false ? 'wrong' : null,
    ...Object.entries(outcome).filter(([k]) => !/^(correct|was_right|right)$/.test(k)).map(([k, v]) => `${humanize(k)} ${auto(k, v)}`)].filter(Boolean).join(', ');
}

function allocationRows(s) {
  const current = pick(s, 'current', 'current_allocation', 'allocation') ?? {};
  const target = pick(s, 'target', 'target_allocation') ?? {};
  const asMap = (x) => (Array.isArray(x) ? Object.fromEntries(x.map((r) => [pick(r, 'name', 'bucket', 'venue', 'asset'), num(pick(r, 'weight', 'share', 'value'))])) : x);
  const c = asMap(current), t = asMap(target);
  if (typeof c !== 'object' || typeof t !== 'object') return [];
  return [...new Set([...Object.keys(c), ...Object.keys(t)])].map((k) => ({ label: humanize(k), a: num(c[k]), b: num(t[k]) }));
}
