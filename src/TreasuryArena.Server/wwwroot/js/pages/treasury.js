import { api, paths, asList } from '../api.js';
import { h, table, badge, kpis, money, pct, dash, lazy, age, duration, date, decimal, humanize, signClass, num, auto } from '../ui.js';
import { pairedBars, donut } from '../charts.js';

export async function treasuryPage() {
  // One request each for the status and the intelligence, shared by the sections that show them.
  const statusP = api.get(paths.treasuryStatus);
  const intelP = api.get(paths.treasuryIntelligence);
  statusP.catch(() => {});
  intelP.catch(() => {});
  return [
    h('div', { class: 'page-head' }, h('h1', { text: 'Treasury' }),
      h('span', { class: 'subtle', text: 'Your organisation’s treasury: a yield base and a tactical crypto sleeve, steered by market phase' })),
    h('div', { class: 'grid' },
      lazy('Allocation: current vs target', async () => {
        const s = await statusP;
        const rows = asList(s.allocation).map((r) => ({ label: humanize(r.name), a: num(r.current), b: num(r.target) }));
        return [
          s.default_treasury ? h('p', { class: 'notice', text: 'Nothing executed yet: this is the configured default treasury.' }) : null,
          kpis([
            ['Value', money(s.value)],
            ['P&L', `${money(s.pnl)} (${pct(s.return)})`, signClass(s.pnl)],
            ['Drift', `${pct(s.drift, 1)} (limit ${pct(s.drift_threshold, 0)})`, num(s.drift) > num(s.drift_threshold) ? 'neg' : ''],
            ['Mode', dash(String(s.mode ?? '').toUpperCase())],
            ['As of', date(s.as_of)],
          ]),
          h('p', { class: 'small' }, 'Base (yield) ', h('strong', { text: pct(s.base_share, 1) }), ` target ${pct(s.target_base_share, 1)}; tactical `,
            h('strong', { text: pct(s.tactical_share, 1) }), ` target ${pct(s.target_tactical_share, 1)}.`),
          rows.length ? pairedBars(rows, { title: 'Treasury allocation, current vs target' }) : h('p', { class: 'subtle', text: 'No allocation reported.' }),
          s.emergency ? h('div', { class: 'error', role: 'alert', text: `Emergency: ${s.emergency}` }) : null,
          asList(s.triggers).length ? h('p', { class: 'small' }, 'Triggers: ', asList(s.triggers).join('; ')) : null,
          s.ladder ? h('p', { class: 'small', id: 'treasury-ladder' }, 'MVRV ladder: ', h('strong', { text: s.ladder.description }),
            s.ladder.change ? ` · last change ${date(s.ladder.changed_on)}: ${s.ladder.change}` : '') : null,
          s.pending ? h('p', { class: 'small', id: 'treasury-pending' },
            `Queued: ${s.pending.orders} orders (${money(s.pending.notional)}) decided on ${date(s.pending.decided_on)}, filling at the ${date(s.pending.fill_on)} close on the next run.`) : null,
        ];
      }, 'grid-wide'),
      lazy('Market phase and its evidence', async () => {
        const intel = await intelP;
        const signal = intel.signal ?? {};
        return [
          h('p', {}, 'Phase: ', badge(intel.phase), ` · confidence ${decimal(intel.phase_confidence, 0)} / 100 · rule `, h('code', { text: dash(intel.phase_rule) })),
          h('p', {}, 'Signal: ', h('strong', { text: humanize(dash(signal.action)) }), ` → tactical ${pct(signal.tactical_share, 1)} (target ${pct(signal.target_tactical_share, 1)}), BTC ${pct(signal.btc_share, 1)}, ETH ${pct(signal.eth_share, 1)}`),
          asList(intel.phase_evidence).length
            ? h('ul', { 'data-testid': 'phase-evidence' }, asList(intel.phase_evidence).map((e) => h('li', { text: e })))
            : h('p', { class: 'subtle', text: 'No phase rule matched its evidence.' }),
          asList(signal.reasons).length ? h('details', {}, h('summary', { text: 'Why this signal' }), h('ul', {}, asList(signal.reasons).map((r) => h('li', { text: r })))) : null,
          asList(intel.missing_inputs).length ? h('p', { class: 'small subtle', text: `Missing inputs: ${intel.missing_inputs.join(', ')}` }) : null,
          asList(intel.stale_inputs).length ? h('p', { class: 'small subtle', text: `Stale inputs: ${intel.stale_inputs.join(', ')}` }) : null,
        ];
      }, 'grid-wide'),
      lazy('Indicators', async () => {
        const intel = await intelP;
        return table(asList(intel.indicators), [
          { key: 'name', label: 'Indicator', render: (r) => [humanize(r.name), r.label && r.label !== r.name ? h('span', { class: 'subtle small', text: ` (${r.label})` }) : null] },
          { key: 'value', label: 'Value', num: true, render: (r) => auto(r.name, r.value) },
          { key: 'source', label: 'Source', format: (v) => dash(v) },
          { key: 'as_of', label: 'Age', render: (r) => (r.as_of ? h('span', { title: `observed ${date(r.as_of)}`, text: r.age_seconds === null || r.age_seconds === undefined ? age(r.as_of) : duration(r.age_seconds) }) : '—') },
          { key: 'stale', label: 'Fresh', render: (r) => (r.stale ? badge('stale') : 'yes') },
          { key: 'note', label: 'Note', format: (v) => dash(v) },
        ], { caption: `Indicators as of ${date(intel.as_of)} (age at that date)`, empty: 'No indicators reported.' });
      }, 'grid-wide'),
      lazy('Positions', async () => {
        const s = await statusP;
        const positions = asList(s.positions);
        return [
          donut(positions.map((p) => ({ label: `${p.asset} @ ${p.venue}`, value: num(p.value) })), { title: 'Treasury positions by value', format: (v) => money(v) }),
          table(positions, [
            { key: 'asset', label: 'Asset', format: (v) => dash(v) },
            { key: 'venue', label: 'Venue', format: (v) => dash(v) },
            { key: 'value', label: 'Value', num: true, format: (v) => money(v) },
            { key: 'unrealized_pnl', label: 'P&L', num: true, sign: true, format: (v) => money(v) },
            { key: 'weight', label: 'Weight', num: true, format: (v) => pct(v, 1) },
            { key: 'target_weight', label: 'Target', num: true, format: (v) => pct(v, 1) },
          ], { empty: 'No positions yet.' }),
        ];
      }, 'grid-wide'),
      lazy('Advisor decisions', async () => {
        const decisions = asList(await api.get(paths.treasuryDecisions));
        if (!decisions.length) return h('p', { class: 'subtle', text: 'No decisions yet (the daily treasury job, or arena treasury advise, records them).' });
        return decisions.map((d) => h('article', { class: 'decision' },
          h('h3', {}, `${date(d.as_of)} · ${humanize(d.kind)} `, badge(d.action),
            h('span', { class: 'subtle small', text: ` by ${d.advisor}${d.model ? ` (${d.model})` : ''}, confidence ${decimal(d.confidence, 0)} / 100${d.executed ? ', executed' : ''}` })),
          h('p', { class: 'reasoning', text: dash(d.reasoning) }),
          d.fallback_reason ? h('p', { class: 'small subtle', text: `Fallback: ${d.fallback_reason}` }) : null,
          asList(d.approved_orders).length ? h('p', { class: 'small', text: `Orders: ${d.approved_orders.map((o) => `${o.side} ${money(o.notional)} ${o.asset} @ ${o.venue}`).join('; ')}` }) : null,
          h('p', { class: 'small' }, h('strong', { text: 'Outcome: ' }), outcomeText(d.outcome))));
      }, 'grid-wide'),
    ),
  ];
}

function outcomeText(o) {
  if (!o) return 'not yet evaluated';
  const verdict = o.right === true ? 'right' : o.right === false ? 'wrong' : 'undecided';
  return `${verdict} (evaluated ${date(o.evaluated_on)}): ${dash(o.summary)}`;
}
