import { api, paths, asList } from '../api.js';
import { h, card, table, badge, kv, money, dash, lazy, field, errorBox, date } from '../ui.js';
import { donut } from '../charts.js';
import { pick } from '../data.js';

export async function adminPage() {
  return [
    h('h1', { text: 'Administration' }),
    h('div', { class: 'grid' },
      h('div', { class: 'grid-wide' }, lazy('Organisations', async () => {
        const orgs = asList(await api.get(paths.adminOrgs), 'organizations', 'orgs');
        return [
          table(orgs, [
            { key: 'name', label: 'Name', format: (v) => dash(v) },
            { key: 'type', label: 'Type', format: (v) => dash(v) },
            { key: 'plan', label: 'Plan', format: (v) => dash(v) },
            { key: 'verified', label: 'Verified', render: (o) => badge(isVerified(o) ? 'verified' : 'pending') },
            { key: 'attested', label: 'Attested', render: (o) => dash(pick(o, 'attested_version', 'attestation_version', 'attested')) },
          ], { empty: 'No organisations.' }),
          ...orgs.filter((o) => !isVerified(o)).map(verifyForm),
        ];
      })),
      lazy('Held trades', async () => {
        const holds = asList(await api.get(paths.adminHolds), 'holds', 'held_trades');
        return table(holds, undefined, { empty: 'No trades held for review.' });
      }),
      lazy('Circuit breakers', async () => {
        const b = await api.get(paths.adminBreakers);
        const list = asList(b, 'breakers', 'events');
        return [list.length ? table(list) : h('p', { class: 'subtle', text: 'No breaker has fired.' }), Array.isArray(b) ? null : kv(b)];
      }),
      auditCard(),
      lazy('Revenue by fee type', async () => {
        const r = await api.get(paths.adminRevenue);
        const byType = pick(r, 'by_fee_type', 'by_type', 'fees') ?? {};
        const rows = Array.isArray(byType) ? byType : Object.entries(byType).map(([fee_type, amount]) => ({ fee_type, amount }));
        return [
          donut(rows.map((x) => ({ label: dash(pick(x, 'fee_type', 'type', 'name')), value: Number(pick(x, 'amount', 'total', 'revenue')) })), { title: 'Revenue by fee type', format: (v) => money(v) }),
          table(rows, undefined, { empty: 'No revenue recorded.' }),
          kv(r),
        ];
      }),
    ),
  ];
}

function isVerified(o) {
  const v = pick(o, 'verified', 'is_verified', 'verification', 'status');
  return v === true || (typeof v === 'string' && /verified|active/i.test(v)) || (v && typeof v === 'object');
}

function verifyForm(org) {
  const entity = h('select', { name: 'entity_type' }, ['church', 'trust', 'ministry', 'charity'].map((t) => h('option', { value: t, text: t, selected: t === org.type })));
  const registration = h('input', { name: 'registration', required: true, autocomplete: 'off' });
  const reviewer = h('input', { name: 'reviewer', required: true, autocomplete: 'name' });
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack card' }, h('h3', { text: `Verify ${org.name}` }),
    field('Entity type', entity), field('Registration or EIN', registration), field('Reviewer', reviewer),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn', text: 'Verify' })), out);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api.post(paths.adminVerify(pick(org, 'id', 'org_id')), { entity_type: entity.value, registration: registration.value, reviewer: reviewer.value });
      out.replaceChildren(h('div', { class: 'success', role: 'status', text: `${org.name} verified.` }));
    } catch (err) { out.replaceChildren(errorBox(err)); }
  });
  return form;
}

function auditCard() {
  const out = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'btn btn-secondary', text: 'Verify the audit chain' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    out.replaceChildren(h('p', { class: 'loading', text: 'Verifying…' }));
    try {
      const r = await api.get(paths.adminAudit);
      const ok = pick(r, 'ok', 'valid', 'verified');
      out.replaceChildren(h('div', { class: ok === false ? 'error' : 'success', role: 'status' },
        h('strong', { text: ok === false ? 'The audit chain is broken.' : 'The audit chain verifies.' }), kv(r)));
    } catch (err) { out.replaceChildren(errorBox(err)); }
    button.disabled = false;
  });
  return card('Audit trail', h('p', { class: 'subtle', text: 'Recomputes every entry’s hash and the chain linking them.' }), button, out);
}

export { date };
