import { api, paths, asList } from '../api.js';
import { h, card, table, badge, kv, kpis, money, nav, pct, shares, dash, lazy, field, select, errorBox, announce, signClass, num, date } from '../ui.js';
import { lineChart, donut, pairedBars } from '../charts.js';
import { holdingsOf, valueHistory, pick } from '../data.js';
import { tradeForm, shortAddress } from './trade.js';

export async function walletsPage(session) {
  let wallets = null;
  let listError = null;
  try { wallets = asList(await api.get(paths.wallets), 'wallets'); } catch (e) { listError = e; }
  const open = h('form', { class: 'stack' }, field('Wallet address', h('input', { name: 'address', required: true, autocomplete: 'off' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-secondary', text: 'Open wallet' })));
  open.addEventListener('submit', (e) => { e.preventDefault(); location.hash = `#/wallets/${encodeURIComponent(open.address.value.trim())}`; });
  const page = [h('h1', { text: 'Wallets' })];
  if (wallets) {
    page.push(card(session.organization ? `${session.organization}’s wallets` : 'Wallets', table(wallets, [
      { key: 'address', label: 'Wallet', render: (w) => h('a', { href: `#/wallets/${encodeURIComponent(pick(w, 'address', 'id'))}`, text: pick(w, 'name', 'label') ?? shortAddress(pick(w, 'address', 'id')) }) },
      { key: 'mode', label: 'Mode', render: (w) => badge(w.mode) },
      { key: 'risk_tolerance', label: 'Risk', render: (w) => dash(pick(w, 'risk_tolerance', 'risk')) },
      { key: 'value', label: 'Value', num: true, format: (v) => money(v) },
      { key: 'pnl', label: 'P&L', num: true, render: (w) => h('span', { class: signClass(pick(w, 'pnl', 'unrealized_pnl')), text: money(pick(w, 'pnl', 'unrealized_pnl')) }) },
    ], { empty: 'No wallets yet.' })));
  } else if (listError) {
    page.push(h('p', { class: 'subtle', text: `This server does not list wallets (${listError.message}). Open one by its address.` }));
  }
  page.push(card('Open a wallet', open));
  return page;
}

export async function walletPage(address, session) {
  const status = await api.get(paths.walletStatus(address));
  const canTrade = session.role === 'treasurer';
  const holdings = holdingsOf(status);
  const value = num(pick(status, 'value', 'total_value'));
  const cash = num(pick(status, 'cash', 'cash_balance'));
  const perf = pick(status, 'performance') ?? {};
  const history = valueHistory(status).length ? valueHistory(status) : valueHistory(perf);
  const mode = pick(status, 'mode');
  const risk = pick(status, 'risk_tolerance', 'risk');

  const allocation = [
    ...holdings.map((x) => ({ label: x.symbol, value: num(pick(x, 'value', 'market_value')) })),
    { label: 'Cash', value: cash },
  ];

  const page = [
    h('div', { class: 'page-head' }, h('h1', {}, 'Wallet ', h('code', { text: shortAddress(address), title: address })),
      badge(mode), h('span', { class: 'subtle', text: risk ? `Risk: ${risk}` : '' })),
    kpis([
      ['Value', money(value)],
      ['Cash', money(cash)],
      pick(status, 'pnl', 'unrealized_pnl', 'total_pnl') !== undefined ? ['P&L', money(pick(status, 'pnl', 'unrealized_pnl', 'total_pnl')), signClass(pick(status, 'pnl', 'unrealized_pnl', 'total_pnl'))] : null,
      pick(perf, 'return', 'total_return') !== undefined ? ['Return', pct(pick(perf, 'return', 'total_return')), signClass(pick(perf, 'return', 'total_return'))] : null,
      pick(status, 'organization', 'org') ? ['Organisation', dash(pick(status, 'organization', 'org'))] : null,
    ]),
  ];

  const grid = h('div', { class: 'grid', style: 'margin-top:1rem' });
  grid.append(h('section', { class: 'card grid-wide', 'aria-labelledby': 'value-chart' }, h('h2', { id: 'value-chart', text: 'Value and performance' }),
    lineChart([{ name: 'Wallet value', points: history }], { title: 'Wallet value over time', yFormat: (v) => money(v), area: true }),
    perf && typeof perf === 'object' && Object.keys(perf).length ? kv(perf) : null));
  grid.append(card('Holdings', table(holdings, [
    { key: 'symbol', label: 'Token', render: (x) => h('a', { href: `#/tokens/${encodeURIComponent(x.symbol)}`, text: x.symbol }) },
    { key: 'shares', label: 'Shares', num: true, format: (v) => shares(v) },
    { key: 'nav', label: 'NAV', num: true, format: (v) => nav(v) },
    { key: 'value', label: 'Value', num: true, render: (x) => money(pick(x, 'value', 'market_value')) },
    { key: 'cost', label: 'Cost', num: true, render: (x) => money(pick(x, 'cost', 'cost_basis')) },
    { key: 'pnl', label: 'P&L', num: true, render: (x) => { const v = pick(x, 'pnl', 'unrealized_pnl'); return h('span', { class: signClass(v), text: money(v) }); } },
    { key: 'weight', label: 'Weight', num: true, render: (x) => pct(pick(x, 'weight') ?? (value > 0 ? num(pick(x, 'value', 'market_value')) / value : undefined)) },
  ], { empty: 'No holdings; all cash.' })));
  grid.append(card('Allocation', donut(allocation, { title: 'Wallet allocation', format: (v) => money(v) })));
  grid.append(suggestionCard(address, status, canTrade));
  grid.append(proposalsCard(address, canTrade));
  if (canTrade) {
    grid.append(card('Mode and risk', modeForm(address, mode, risk)));
    const tokens = asList(await api.get(paths.tokens).catch(() => []), 'tokens');
    const form = await tradeForm(session, { address, tokens });
    form.addEventListener('arena:traded', () => refreshTransactions());
    grid.append(card('Buy or sell', form));
  }
  const tx = h('div', {});
  const refreshTransactions = () => loadTransactions(address, tx);
  refreshTransactions();
  grid.append(h('section', { class: 'card grid-wide', 'aria-labelledby': 'tx-title' }, h('h2', { id: 'tx-title', text: 'Transactions' }), tx));
  page.push(grid);
  return page;
}

async function loadTransactions(address, target) {
  target.replaceChildren(h('p', { class: 'loading', text: 'Loading…' }));
  try {
    const rows = asList(await api.get(paths.walletTransactions(address)), 'transactions');
    const keys = rows.length ? Object.keys(rows[0]).filter((k) => rows[0][k] === null || typeof rows[0][k] !== 'object') : [];
    target.replaceChildren(table(rows, keys.map((key) => ({ key, render: /^(type|kind|status)$/.test(key) ? (r) => badge(r[key]) : undefined })), { caption: 'Most recent first', empty: 'No transactions yet.' }));
  } catch (e) {
    target.replaceChildren(errorBox(e));
  }
}

function suggestionCard(address, status, canTrade) {
  return lazy('Optimizer suggestion', async () => {
    const s = await api.get(paths.walletSuggested(address));
    const targets = pick(s, 'target_weights', 'targets') ?? {};
    const targetRows = Array.isArray(targets) ? targets.map((t) => [t.symbol, num(t.weight)]) : Object.entries(targets).map(([k, v]) => [k, num(v)]);
    const value = num(pick(status, 'value', 'total_value'));
    const current = new Map(holdingsOf(status).map((x) => [x.symbol, num(pick(x, 'weight')) || (value > 0 ? num(pick(x, 'value', 'market_value')) / value : 0)]));
    const symbols = [...new Set([...targetRows.map(([k]) => k), ...current.keys()])];
    const orders = asList(pick(s, 'orders') ?? []);
    const before = pick(s, 'expected_before', 'before');
    const after = pick(s, 'expected_after', 'after');
    const reasoning = pick(s, 'reasoning', 'reason', 'explanation');
    const body = [
      reasoning ? h('div', { class: 'reasoning', text: Array.isArray(reasoning) ? reasoning.join('\n') : reasoning }) : null,
      symbols.length ? pairedBars(symbols.map((k) => ({ label: k, a: current.get(k) ?? 0, b: targetRows.find(([t]) => t === k)?.[1] ?? 0 })), { title: 'Current vs suggested weights', aName: 'Current', bName: 'Suggested' }) : null,
      before || after ? h('div', { class: 'grid' },
        before ? h('div', {}, h('h3', { text: 'Expected before' }), kv(before)) : null,
        after ? h('div', {}, h('h3', { text: 'Expected after' }), kv(after)) : null) : null,
      h('h3', { text: 'Orders' }),
      table(orders, undefined, { empty: 'No orders: nothing worth trading.' }),
      kv(s, { skip: ['reasoning', 'reason', 'explanation'] }),
    ];
    if (canTrade && orders.length) {
      const button = h('button', { type: 'button', class: 'btn', text: 'Rebalance now' });
      const out = h('div', { 'aria-live': 'polite' });
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          const r = await api.post(paths.walletRebalance, { address });
          out.replaceChildren(h('div', { class: 'success' }, h('strong', { text: `Rebalance: ${pick(r, 'action', 'status') ?? 'done'}` }), kv(r)));
        } catch (e) { out.replaceChildren(errorBox(e)); button.disabled = false; }
      });
      body.push(h('div', { class: 'actions' }, button), out);
    }
    return body;
  });
}

function proposalsCard(address, canTrade) {
  return lazy('Pending proposals (HYBRID)', async () => {
    const proposals = asList(await api.get(paths.walletProposals(address)), 'proposals');
    if (!proposals.length) return h('p', { class: 'subtle', text: 'No proposals waiting for approval.' });
    return proposals.map((p) => {
      const id = pick(p, 'id', 'proposal_id');
      const state = pick(p, 'status', 'state') ?? 'pending';
      const out = h('div', { 'aria-live': 'polite' });
      const node = h('article', { class: 'card', style: 'margin-bottom:.75rem', 'data-proposal': id },
        h('h3', {}, `Proposal ${id} `, badge(state)),
        pick(p, 'reasoning', 'reason') ? h('div', { class: 'reasoning', text: pick(p, 'reasoning', 'reason') }) : null,
        kv(p, { skip: ['reasoning', 'reason'] }),
        table(asList(pick(p, 'orders') ?? []), undefined, { empty: 'No orders.' }), out);
      if (canTrade && /pending|proposed|open/i.test(state)) {
        const approve = h('button', { type: 'button', class: 'btn', text: 'Approve' });
        const reject = h('button', { type: 'button', class: 'btn btn-danger', text: 'Reject' });
        const act = async (path, verb) => {
          approve.disabled = true; reject.disabled = true;
          try {
            const r = await api.post(path, { address });
            out.replaceChildren(h('div', { class: 'success', role: 'status', text: `Proposal ${verb}${pick(r ?? {}, 'status') ? `: ${r.status}` : ''}.` }));
            announce(`Proposal ${verb}`);
            const tx = document.querySelector('#tx-title')?.parentElement?.querySelector('div');
            if (tx) loadTransactions(address, tx);
          } catch (e) { out.replaceChildren(errorBox(e)); approve.disabled = false; reject.disabled = false; }
        };
        approve.addEventListener('click', () => act(paths.proposalApprove(id), 'approved'));
        reject.addEventListener('click', () => act(paths.proposalReject(id), 'rejected'));
        node.append(h('div', { class: 'actions' }, approve, reject));
      }
      return node;
    });
  });
}

function modeForm(address, mode, risk) {
  const modeSelect = select('mode', ['FULL_AI', 'HYBRID', 'MANUAL'], String(mode ?? '').toUpperCase());
  const riskSelect = select('risk_tolerance', ['CONSERVATIVE', 'MODERATE', 'AGGRESSIVE'], String(risk ?? '').toUpperCase());
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack' },
    field('Mode', modeSelect, 'FULL_AI executes approved rebalances; HYBRID waits for your approval; MANUAL never acts alone.'),
    field('Risk tolerance', riskSelect),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-secondary', text: 'Save' })), out);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api.post(paths.walletMode, { address, mode: modeSelect.value, risk_tolerance: riskSelect.value });
      out.replaceChildren(h('div', { class: 'success', role: 'status', text: `Saved: ${modeSelect.value}, ${riskSelect.value}.` }));
    } catch (err) { out.replaceChildren(errorBox(err)); }
  });
  return form;
}

export { date };
