import { api, paths, asList } from '../api.js';
import { h, card, wideCard, table, badge, kpis, money, dash, lazy, loading, field, errorBox, date, pct, nav, decimal } from '../ui.js';
import { donut } from '../charts.js';
import { shortAddress } from './trade.js';
import { createOrganisationCard, keysCard, haltCard, pausedTokensCard, organisationsChanged, onOrganisationsChanged } from './admin-actions.js';

export async function adminPage() {
  return [
    h('h1', { text: 'Administration' }),
    h('div', { class: 'grid' },
      organisationsCard(),
      createOrganisationCard(),
      keysCard(),
      haltCard(),
      pausedTokensCard(),
      lazy('Held trades', async () => {
        const holds = asList(await api.get(paths.adminHolds));
        const open = holds.filter((x) => x.status === 'held');
        return [
          open.length ? open.map(holdCard) : h('p', { class: 'subtle', text: 'No trade is waiting for review.' }),
          holds.length > open.length ? h('details', {}, h('summary', { text: `Decided holds (${holds.length - open.length})` }),
            table(holds.filter((x) => x.status !== 'held'), [
              { key: 'held_at', label: 'Held', format: (v) => date(v) },
              { key: 'symbol', label: 'Token', format: (v) => dash(v) },
              { key: 'side', label: 'Side', format: (v) => dash(v) },
              { key: 'usd_value', label: 'Value', num: true, format: (v) => money(v) },
              { key: 'status', label: 'Outcome', render: (x) => badge(x.status) },
              { key: 'decided_by', label: 'By', format: (v) => dash(v) },
            ])) : null,
        ];
      }),
      lazy('Circuit breakers', async () => {
        const b = await api.get(paths.adminBreakers);
        const halt = b.platform_halt ?? {};
        return [
          halt.halted
            ? h('div', { class: 'error', role: 'alert', text: `Platform halted by ${dash(halt.set_by)} on ${date(halt.set_at)}: ${dash(halt.reason)}` })
            : h('p', {}, badge('ok'), ' Trading is not halted.'),
          h('p', { class: 'small subtle', text: `Limits: ${dash(b.token_breaker_rule)}; ${dash(b.wallet_breaker_rule)}.` }),
          asList(b.breakers).length
            ? table(asList(b.breakers), [
              { key: 'kind', label: 'Kind', format: (v) => dash(v) },
              { key: 'subject', label: 'Subject', format: (v) => dash(v && v.length > 14 ? shortAddress(v) : v) },
              { key: 'state', label: 'State', render: (x) => badge(x.state) },
              { key: 'drawdown', label: 'Drawdown', num: true, format: (v) => pct(v) },
              { key: 'detail', label: 'Detail', format: (v) => dash(v) },
            ], { caption: 'Tripped breakers' })
            : h('p', { class: 'subtle', text: 'No breaker has fired.' }),
          h('details', {}, h('summary', { text: `Tokens (${asList(b.tokens).length})` }), table(asList(b.tokens), [
            { key: 'symbol', label: 'Token', format: (v) => dash(v) },
            { key: 'status', label: 'Status', render: (x) => badge(x.status) },
            { key: 'nav', label: 'NAV', num: true, format: (v) => nav(v) },
            { key: 'drawdown', label: 'Drawdown', num: true, format: (v) => pct(v) },
            { key: 'limit', label: 'Limit', num: true, format: (v) => pct(v) },
            { key: 'limit_source', label: 'Limit from', format: (v) => dash(v) },
            { key: 'review', label: 'Review', format: (v) => dash(v) },
          ])),
        ];
      }),
      auditCard(),
      lazy('Latest evaluation', evaluationCard),
      lazy('Revenue by fee type', async () => {
        const r = await api.get(paths.adminRevenue);
        const f = r.by_fee_type ?? {};
        const parts = [['Trade fees', f.trade], ['Management fees', f.management], ['Performance fees', f.performance]];
        return [
          kpis([['Revenue, all time', money(r.total_revenue)], ['Assets under management', money(r.assets_under_management)], ['Tokens', dash(r.tokens)], ['Wallets', dash(r.wallets)]]),
          donut(parts.map(([label, value]) => ({ label, value: Number(value) })), { title: 'Revenue by fee type', format: (v) => money(v) }),
          table(parts.map(([type, amount]) => ({ type, amount })), [
            { key: 'type', label: 'Fee type', format: (v) => v },
            { key: 'amount', label: 'Revenue', num: true, format: (v) => money(v) },
          ], { caption: `${dash(f.entries)} fee entries in the ledger` }),
        ];
      }, 'grid-wide'),
    ),
  ];
}

/**
 * The organisations with their verification and attestation, loaded again when one is created or verified (a
 * verified organisation's form stays below the table with its confirmation).
 */
function organisationsCard() {
  const body = h('div', {}, loading());
  const section = wideCard('Organisations', 'grid-wide', body);
  const done = []; // [org id, form] of the verifications made here
  const fill = async () => {
    try {
      const orgs = asList(await api.get(paths.adminOrgs));
      const waiting = orgs.filter((o) => o.status === 'pending');
      body.replaceChildren(
        table(orgs, [
          { key: 'name', label: 'Name', format: (v) => dash(v) },
          { key: 'type', label: 'Type', format: (v) => dash(v) },
          { key: 'plan', label: 'Plan', format: (v) => dash(v) },
          { key: 'status', label: 'Status', render: (o) => badge(o.status) },
          { key: 'attestation', label: 'Attested', render: (o) => (o.attestation ? `${dash(o.attestation.document_version)} by ${dash(o.attestation.signer)}` : '—') },
          { key: 'can_trade', label: 'Can trade', render: (o) => (o.can_trade ? 'yes' : 'no') },
        ], { caption: `${waiting.length} waiting for verification`, empty: 'No organisations.' }),
        ...waiting.filter((o) => !done.some(([id]) => id === o.id)).map((o) => verifyForm(o, (form) => { done.push([o.id, form]); organisationsChanged(); })),
        ...done.map(([, form]) => form));
    } catch (error) {
      body.replaceChildren(errorBox(error));
    }
  };
  onOrganisationsChanged(section, fill);
  fill();
  return section;
}

function verifyForm(org, onVerified) {
  const entity = h('input', { name: 'entity_type', required: true, value: org.type ?? '', autocomplete: 'off' });
  const registration = h('input', { name: 'registration', required: true, autocomplete: 'off' });
  const reviewer = h('input', { name: 'reviewer', required: true, autocomplete: 'name' });
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack card' }, h('h3', { text: `Verify ${org.name}` }),
    field('Entity type', entity), field('Registration or EIN checked', registration), field('Reviewer', reviewer),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn', text: `Verify ${org.name}` })), out);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api.post(paths.adminVerify(org.id), { entity_type: entity.value, registration: registration.value, reviewer: reviewer.value });
      out.replaceChildren(h('div', { class: 'success', role: 'status', text: `${org.name} verified.` }));
      for (const control of form.querySelectorAll('input, button')) control.disabled = true;
      onVerified?.(form);
    } catch (err) { out.replaceChildren(errorBox(err)); }
  });
  return form;
}

function holdCard(hold) {
  const out = h('div', { 'aria-live': 'polite' });
  const release = h('button', { type: 'button', class: 'btn', text: 'Release (execute)' });
  const reject = h('button', { type: 'button', class: 'btn btn-danger', text: 'Reject' });
  const act = async (path, body) => {
    release.disabled = true; reject.disabled = true;
    try {
      const r = await api.post(path, body);
      out.replaceChildren(h('div', { class: 'success', role: 'status', text: `Hold ${dash(r?.status)}${r?.result ? `: ${r.result}` : ''}.` }));
    } catch (e) { out.replaceChildren(errorBox(e)); release.disabled = false; reject.disabled = false; }
  };
  release.addEventListener('click', () => act(paths.adminHoldRelease(hold.id), {}));
  reject.addEventListener('click', () => act(paths.adminHoldReject(hold.id), { reason: 'rejected from the dashboard' }));
  return h('article', { class: 'card' },
    h('h3', { text: `${hold.side} ${money(hold.usd_value)} of ${hold.symbol}` }),
    h('p', { class: 'small', text: `Wallet ${shortAddress(hold.wallet_address)} · held ${date(hold.held_at)} by ${dash(hold.held_by)}` }),
    h('ul', {}, asList(hold.reasons).map((x) => h('li', { text: x }))),
    h('div', { class: 'actions' }, release, reject), out);
}

/** The latest `arena evaluate` run of this platform: when, over which window, how many of the seed's targets it met. */
export async function evaluationCard() {
  let e;
  try {
    e = await api.get(paths.adminEvaluation);
  } catch (err) {
    if (err.status !== 404) throw err;
    return h('p', { class: 'subtle', text: 'No evaluation yet: run arena evaluate on the server host to produce the walk-forward scorecard.' });
  }
  const metrics = asList(e.success_metrics);
  const met = metrics.filter((m) => m.met === true).length;
  const trips = asList(e.wallets).reduce((n, w) => n + asList(w.breaker_trips).length, 0);
  return [
    kpis([
      ['Run', date(e.run_at)],
      ['Window', `${date(e.window?.from)} – ${date(e.window?.to)}`],
      ['Targets met', `${met} of ${metrics.length}`, met === metrics.length ? 'pos' : 'neg'],
      e.wallets ? ['Wallet breaker trips', String(trips)] : null,
    ]),
    table(metrics, [
      { key: 'name', label: 'Metric', format: (v) => dash(v) },
      { key: 'value', label: 'Value', num: true, format: (v, m) => (m.name.includes('sharpe') ? decimal(v) : pct(v, 1)) },
      { key: 'met', label: 'Target', render: (m) => h('span', { class: m.met ? 'pos' : 'neg', text: `${m.met ? 'met' : 'not met'} (${dash(m.comparison)} ${dash(m.target)})` }) },
    ], { caption: `${dash(e.schedule)} rebalancing, data through ${date(e.data_through)}` }),
    h('p', {}, h('a', { href: paths.adminEvaluationReport, target: '_blank', rel: 'noopener', text: 'Open the full report (HTML)' })),
  ];
}

function auditCard() {
  const out = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'btn btn-secondary', text: 'Verify the audit chain' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    out.replaceChildren(h('p', { class: 'loading', text: 'Verifying…' }));
    try {
      const r = await api.get(paths.adminAudit);
      const ok = r.valid && r.ledger?.ok !== false;
      out.replaceChildren(h('div', { class: ok ? 'success' : 'error', role: 'status' },
        h('strong', { text: ok ? 'The audit chain verifies.' : 'The audit chain is broken.' }),
        h('p', { text: `Audit: ${r.entries} entries${r.valid ? ', hash chain intact' : `, first bad entry ${dash(r.first_bad_sequence)}: ${dash(r.problem)}`}.` }),
        r.ledger ? h('p', { text: `Ledger: ${r.ledger.entries} entries, ${r.ledger.ok ? 'hash chain, zero-sum postings and balances check out' : `${r.ledger.violation_count} violations`}.` }) : null,
        asList(r.ledger?.violations).length ? h('ul', {}, r.ledger.violations.map((v) => h('li', { text: v }))) : null));
    } catch (err) { out.replaceChildren(errorBox(err)); }
    button.disabled = false;
  });
  return card('Audit trail', h('p', { class: 'subtle', text: 'Recomputes every entry’s hash and the chain linking them, and re-derives the ledger’s balances.' }), button, out);
}
