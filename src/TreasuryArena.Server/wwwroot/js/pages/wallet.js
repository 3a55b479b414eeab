import { api, paths, asList } from '../api.js';
import { h, card, wideCard, table, badge, kpis, money, nav, pct, shares, dash, lazy, field, select, errorBox, announce, signClass, num, date, decimal } from '../ui.js';
import { lineChart, donut, pairedBars } from '../charts.js';
import { symbolWeights, enumName } from '../data.js';
import { tradeForm, shortAddress } from './trade.js';
import { createWalletCard, cashCard, statementsCard, takeFlash, flash, walletName, organisationNames, organisationOf } from './wallet-actions.js';

const MODES = ['full_ai', 'hybrid', 'manual'];
const RISKS = ['conservative', 'moderate', 'aggressive'];

export async function walletsPage(session) {
  const [wallets, names] = await Promise.all([api.get(paths.wallets).then((x) => asList(x)), organisationNames(session)]);
  const all = session.role === 'admin';
  return [
    h('div', { class: 'page-head' }, h('h1', { text: 'Wallets' }),
      h('span', { class: 'subtle', text: all ? 'All organisations' : session.organization ?? 'Your organisation' })),
    card('Wallets', table(wallets, [
      { key: 'address', label: 'Wallet', render: (w) => h('span', { class: 'wallet-name' },
        h('a', { href: `#/wallets/${encodeURIComponent(w.address)}`, title: w.address, text: walletName(w) }),
        w.name ? h('code', { class: 'subtle small', title: w.address, text: shortAddress(w.address) }) : null) },
      all ? { key: 'organisation_id', label: 'Organisation', render: (w) => organisationOf(w, names) } : null,
      { key: 'mode', label: 'Mode', render: (w) => badge(enumName(w.mode)) },
      { key: 'risk_tolerance', label: 'Risk', format: (v) => dash(enumName(v)) },
      { key: 'value', label: 'Value', num: true, format: (v) => money(v) },
      { key: 'cash', label: 'Cash', num: true, format: (v) => money(v) },
      { key: 'pnl', label: 'P&L', num: true, render: (w) => h('span', { class: signClass(w.pnl), text: `${money(w.pnl)}${w.pnl_pct === null || w.pnl_pct === undefined ? '' : ` (${pct(w.pnl_pct)})`}` }) },
      { key: 'holdings_count', label: 'Tokens', num: true, format: (v) => dash(v) },
      { key: 'pending_proposals', label: 'Awaiting approval', num: true, format: (v) => dash(v) },
    ].filter(Boolean), { caption: 'Value at current NAVs; P&L is unrealised (holdings against their cost)', empty: 'No wallets yet.' })),
    session.role === 'treasurer' ? h('div', { class: 'grid', style: 'margin-top:1rem' }, createWalletCard()) : null,
  ];
}

export async function walletPage(address, session) {
  const [status, clock] = await Promise.all([api.get(paths.walletStatus(address)), api.get(paths.marketClock).catch(() => null)]);
  const canTrade = session.role === 'treasurer';
  const holdings = asList(status.holdings).filter((x) => num(x.shares) !== 0);
  const mode = enumName(status.mode);
  const allocation = [
    ...holdings.map((x) => ({ label: x.symbol, value: num(x.value) })),
    { label: 'Cash', value: num(status.cash) },
  ];

  const tx = h('div', {}, h('p', { class: 'loading', text: 'Loading…' }));
  const figures = h('div', { 'data-testid': 'wallet-figures' }, walletKpis(status));
  const holdingsBox = h('div', {}, holdingsTable(holdings));
  // After a trade or a decided proposal: the transactions, the KPIs and the holdings are read again.
  const refresh = () => {
    loadTransactions(address, tx);
    api.get(paths.walletStatus(address)).then((s) => {
      figures.replaceChildren(walletKpis(s));
      holdingsBox.replaceChildren(holdingsTable(asList(s.holdings).filter((x) => num(x.shares) !== 0)));
    }, () => { /* the figures stay as they were; the transactions show the error */ });
  };
  let proposals = proposalsCard(address, status, canTrade, refresh);
  const grid = h('div', { class: 'grid', style: 'margin-top:1rem' },
    lazy('Value and performance', async () => {
      const points = asList(await api.get(paths.walletHistory(address)));
      return [
        lineChart([{ name: 'Wallet value', points: points.map((p) => ({ x: p.as_of, y: num(p.value) })) }],
          { title: 'Wallet value at each optimizer review', yFormat: (v) => money(v), area: true }),
        h('dl', { class: 'kv' },
          h('dt', { text: 'Cost of holdings' }), h('dd', { text: money(status.cost_basis) }),
          h('dt', { text: 'Unrealised P&L' }), h('dd', { class: signClass(status.unrealised_pnl), text: `${money(status.unrealised_pnl)}${num(status.cost_basis) > 0 ? ` (${pct(num(status.unrealised_pnl) / num(status.cost_basis))})` : ''}` }),
          h('dt', { text: 'Realised P&L' }), h('dd', { class: signClass(status.realised_pnl), text: money(status.realised_pnl) }),
          h('dt', { text: 'Opened' }), h('dd', { text: date(status.opened_on ?? status.created_at) })),
      ];
    }, 'grid-wide'),
    wideCard('Holdings', 'grid-wide', holdingsBox),
    card('Turnover and fees', turnoverTable(status)),
    suggestionCard(address, status, canTrade, () => { refresh(); proposals = replace(proposals, proposalsCard(address, status, canTrade, refresh)); }),
    proposals,
    card('Allocation', donut(allocation, { title: 'Wallet allocation by value', format: (v) => money(v) })),
  );
  if (canTrade) {
    grid.append(cashCard(address, () => { flash(address, 'Cash moved: the figures and the optimizer’s suggestion are up to date.'); rerender(); }));
    grid.append(card('Mode and risk', modeForm(address, status.mode, status.risk_tolerance)));
    const tokens = asList(await api.get(paths.tokens));
    const form = await tradeForm({ address, tokens });
    form.addEventListener('arena:traded', refresh);
    grid.append(card('Buy or sell', form));
  }
  grid.append(statementsCard(status, clock?.platform_date));
  grid.append(h('section', { class: 'card grid-wide', 'aria-labelledby': 'tx-title' }, h('h2', { id: 'tx-title', text: 'Transactions' }), tx));
  refresh();

  return [
    h('div', { class: 'page-head' },
      // Named wallets by name, with the address shortened beside it; an unnamed wallet by its address.
      status.name
        ? h('h1', {}, status.name, ' ', h('code', { class: 'subtle small', text: shortAddress(address), title: address }))
        : h('h1', {}, 'Wallet ', h('code', { text: shortAddress(address), title: address })),
      badge(mode), h('span', { class: 'subtle', text: `Risk: ${dash(enumName(status.risk_tolerance))}` })),
    takeFlash(address),
    figures,
    grid,
  ];
}

function walletKpis(status) {
  return kpis([
    ['Value', money(status.value)],
    ['Cash', money(status.cash)],
    ['Unrealised P&L', money(status.unrealised_pnl), signClass(status.unrealised_pnl)],
    ['Realised P&L', money(status.realised_pnl), signClass(status.realised_pnl)],
  ]);
}

function holdingsTable(holdings) {
  return table(holdings, [
    { key: 'symbol', label: 'Token', render: (x) => h('a', { href: `#/tokens/${encodeURIComponent(x.symbol)}`, text: x.symbol }) },
    { key: 'shares', label: 'Shares', num: true, format: (v) => shares(v) },
    { key: 'nav', label: 'NAV', num: true, format: (v) => nav(v) },
    { key: 'value', label: 'Value', num: true, format: (v) => money(v) },
    { key: 'cost_basis', label: 'Cost', num: true, format: (v) => money(v) },
    { key: 'unrealised_pnl', label: 'P&L', num: true, sign: true, format: (v) => money(v) },
    { key: 'weight', label: 'Weight', num: true, format: (v) => pct(v, 1) },
  ], { caption: 'At current NAVs', empty: 'No holdings: all cash.' });
}

/** Draws the current route again (after a change that moves every figure on the page: cash, mode). */
function rerender() { window.dispatchEvent(new HashChangeEvent('hashchange')); }

// Turnover (½ × buys + sells ÷ value now) and trade fees paid, from the ledger (GET /api/wallet/{a}/status).
function turnoverTable(status) {
  const t = status.turnover;
  const f = status.fees_paid;
  if (!t || !f) return h('p', { class: 'subtle', text: 'Not reported.' });
  const rows = [
    { window: 'Last 30 days', turnover: t.last_30d, traded: t.traded_usd?.last_30d, fees: f.trade_fees?.last_30d },
    { window: 'Last 365 days', turnover: t.last_365d, traded: t.traded_usd?.last_365d, fees: f.trade_fees?.last_365d },
    { window: 'Since opened', turnover: t.since_inception, traded: t.traded_usd?.since_inception, fees: f.trade_fees?.since_inception },
  ];
  return h('div', {},
    table(rows, [
      { key: 'window', label: 'Window' },
      { key: 'turnover', label: 'Turnover', num: true, format: (v) => (v === null || v === undefined ? '—' : pct(v, 1)) },
      { key: 'traded', label: 'Traded', num: true, format: (v) => money(v) },
      { key: 'fees', label: 'Trade fees', num: true, format: (v) => money(v) },
    ], { caption: 'One-way turnover: half of buys plus sells over the value now' }),
    h('p', { class: 'subtle', text: `Trade fees since opened: ${f.share_of_deposits === null || f.share_of_deposits === undefined ? '—' : pct(f.share_of_deposits, 2)} of deposits. A rebalance trades only when its expected benefit is at least twice its fees and drift is at least 2%.` }));
}

function replace(node, next) { node.replaceWith(next); return next; }

async function loadTransactions(address, target) {
  try {
    const rows = asList(await api.get(paths.walletTransactions(address)), 'transactions');
    target.replaceChildren(table(rows, [
      // The business date the operation was priced at (its NAV's date), not the instant it was written.
      { key: 'valuation_date', label: 'Date', format: (v) => date(v) },
      { key: 'type', label: 'Type', render: (r) => badge(r.type) },
      { key: 'symbol', label: 'Token', format: (v) => dash(v) },
      { key: 'shares', label: 'Shares', num: true, format: (v) => (num(v) === 0 ? '—' : shares(v)) },
      { key: 'nav', label: 'NAV', num: true, format: (v) => nav(v) },
      { key: 'fee', label: 'Fee', num: true, format: (v) => money(v) },
      { key: 'amount', label: 'Cash change', num: true, sign: true, format: (v) => money(v) },
    ], { caption: 'Most recent first (latest 100)', empty: 'No transactions yet.' }));
  } catch (e) {
    target.replaceChildren(errorBox(e));
  }
}

/** Current vs target weights over the union of symbols (keys normalised to upper-case symbols). */
function weightRows(current, target) {
  const c = symbolWeights(current), t = symbolWeights(target);
  return [...new Set([...Object.keys(c), ...Object.keys(t)])].filter((k) => k !== 'Cash')
    .map((k) => ({ label: k, a: c[k] ?? 0, b: t[k] ?? 0 }))
    .sort((x, y) => (y.b - x.b) || (y.a - x.a));
}

function ordersTable(orders) {
  return table(asList(orders), [
    { key: 'side', label: 'Side', render: (o) => badge(o.side) },
    { key: 'symbol', label: 'Token', format: (v) => dash(v) },
    { key: 'shares', label: 'Shares', num: true, format: (v) => shares(v) },
    { key: 'amount', label: 'Amount', num: true, format: (v) => money(v) },
    { key: 'estimated_fee', label: 'Est. fee', num: true, format: (v) => money(v) },
    { key: 'quoted_nav', label: 'NAV', num: true, format: (v) => nav(v) },
  ], { caption: 'Orders (sells first)', empty: 'No orders: nothing worth trading.' });
}

function expectation(e) {
  if (!e) return null;
  const row = (label, before, after, fmt) => [h('dt', { text: label }), h('dd', { text: `${fmt(before)} → ${fmt(after)}` })];
  return h('div', {},
    h('h3', { text: 'Expected effect' }),
    h('dl', { class: 'kv', 'data-testid': 'expected-effect' },
      row('Expected annual return', e.before?.expected_return, e.after?.expected_return, (v) => pct(v, 1)),
      row('Volatility', e.before?.volatility, e.after?.volatility, (v) => pct(v, 1)),
      row('Sharpe ratio', e.before?.sharpe, e.after?.sharpe, (v) => decimal(v, 2)),
      h('dt', { text: 'Drift from target' }), h('dd', { text: pct(e.drift, 1) }),
      h('dt', { text: 'Estimated cost' }), h('dd', { text: money(e.estimated_cost) }),
      h('dt', { text: 'Expected benefit (90 days)' }), h('dd', { text: money(e.expected_benefit) }),
      h('dt', { text: 'Due / worth it' }), h('dd', { text: `${e.due ? 'due' : 'not due'} / ${e.worthwhile ? 'worth it' : 'not worth the cost'}` })),
    riskLimits(e));
}

// The tolerance's portfolio limits, the target's expected volatility and volatile share, and how expected returns were estimated (issue 18).
function riskLimits(e) {
  if (!e.risk_limits && !e.expected_returns_method) return null;
  const l = e.risk_limits ?? {};
  const limit = (v) => (v === null || v === undefined ? 'none' : pct(v, 0));
  return h('div', {},
    h('h3', { text: 'Risk limits and method' }),
    h('dl', { class: 'kv', 'data-testid': 'risk-limits' },
      h('dt', { text: 'Volatility ceiling' }), h('dd', { text: limit(l.volatility_ceiling) }),
      h('dt', { text: 'Expected volatility of the target' }), h('dd', { text: pct(e.expected_volatility, 1) }),
      h('dt', { text: 'Volatile share cap' }), h('dd', { text: limit(l.volatile_share_cap) }),
      h('dt', { text: 'Volatile share of the target' }), h('dd', { text: pct(e.volatile_share, 1) }),
      h('dt', { text: 'Objective' }), h('dd', { text: e.objective === 'min_variance' ? 'minimum variance (fallback: expected returns uninformative)' : 'highest expected return within the limits' }),
      h('dt', { text: 'Expected returns' }), h('dd', { 'data-testid': 'expected-returns-method', text: dash(e.expected_returns_method) })));
}

function suggestionCard(address, status, canTrade, onRun) {
  return lazy('Optimizer suggestion', async () => {
    const s = await api.get(paths.walletSuggested(address));
    const current = s.expected?.current_weights ?? Object.fromEntries(asList(status.holdings).map((x) => [x.symbol, num(x.weight)]));
    const rows = weightRows(current, s.target_weights);
    const body = [
      h('p', { class: 'reasoning', 'data-testid': 'suggestion-reasoning', text: dash(s.reason) }),
      rows.length ? pairedBars(rows, { title: 'Current vs suggested weights', aName: 'Current', bName: 'Suggested' }) : null,
      expectation(s.expected),
      ordersTable(s.orders),
    ];
    if (canTrade && s.mode === 'MANUAL') {
      body.push(h('p', { class: 'small subtle', text: 'MANUAL wallet: the optimizer never trades on its own; use Buy or sell to follow the suggestion.' }));
    } else if (canTrade && asList(s.orders).length) {
      const button = h('button', { type: 'button', class: 'btn btn-secondary', text: s.mode === 'HYBRID' ? 'Propose for approval' : 'Rebalance now' });
      const out = h('div', { 'aria-live': 'polite' });
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          const r = await api.post(paths.walletRebalance, { address });
          out.replaceChildren(h('div', { class: 'success', role: 'status' }, h('strong', { text: `Optimizer: ${r.action}` }), h('p', { text: r.reason })));
          onRun();
        } catch (e) { out.replaceChildren(errorBox(e)); button.disabled = false; }
      });
      body.push(h('div', { class: 'actions' }, button), out);
    }
    return body;
  }, 'grid-wide');
}

function proposalsCard(address, status, canTrade, onDecided) {
  const current = Object.fromEntries(asList(status.holdings).map((x) => [x.symbol, num(x.weight)]));
  return lazy('Proposals awaiting approval (HYBRID)', async () => {
    const all = asList(await api.get(paths.walletProposals(address)));
    const pending = all.filter((p) => p.status === 'pending');
    const decided = all.filter((p) => p.status !== 'pending').slice(0, 10);
    const pendingNodes = pending.map((p) => {
      const out = h('div', { 'aria-live': 'polite' });
      const node = h('article', { class: 'card proposal', 'data-proposal': p.id, 'aria-label': `Proposal of ${date(p.created_at)}` },
        h('h3', {}, `Proposed ${date(p.created_at)} `, badge(p.status), h('span', { class: 'subtle small', text: ` · expires ${date(p.expires_at)}` })),
        h('p', { class: 'reasoning', text: dash(p.reasoning) }),
        pairedBars(weightRows(current, p.target_weights), { title: 'Current vs proposed weights', aName: 'Current', bName: 'Proposed' }),
        ordersTable(p.orders), out);
      if (canTrade) {
        const approve = h('button', { type: 'button', class: 'btn', text: 'Approve' });
        const reject = h('button', { type: 'button', class: 'btn btn-danger', text: 'Reject' });
        const act = async (path, verb) => {
          approve.disabled = true; reject.disabled = true;
          try {
            const r = await api.post(path, {});
            if (r.status === 'awaiting_second_approval') {
              // Above the organisation's dual-control threshold: a second treasurer approves it (GET /api/approvals).
              out.replaceChildren(h('div', { class: 'success', role: 'status' },
                h('strong', { text: 'Proposal awaiting a second approval.' }),
                h('p', { text: `${r.summary}; another treasurer must approve it by ${date(r.expires_at)}.` })));
              announce('Proposal awaiting a second approval');
              return;
            }
            out.replaceChildren(h('div', { class: 'success', role: 'status' },
              h('strong', { text: `Proposal ${verb}: ${r.action}${r.executions ? ` (${r.executions} order${r.executions === 1 ? '' : 's'} executed)` : ''}.` }),
              h('p', { text: r.reason })));
            announce(`Proposal ${verb}`);
            onDecided();
          } catch (e) { out.replaceChildren(errorBox(e)); approve.disabled = false; reject.disabled = false; }
        };
        approve.addEventListener('click', () => act(paths.proposalApprove(p.id), 'approved'));
        reject.addEventListener('click', () => act(paths.proposalReject(p.id), 'rejected'));
        node.append(h('div', { class: 'actions' }, approve, reject));
      }
      return node;
    });
    return [
      pending.length ? pendingNodes : h('p', { class: 'subtle', text: 'No proposal is waiting for approval.' }),
      decided.length ? h('details', {}, h('summary', { text: `Earlier proposals (${decided.length})` }),
        table(decided, [
          { key: 'created_at', label: 'Proposed', format: (v) => date(v) },
          { key: 'status', label: 'Outcome', render: (p) => badge(p.status) },
          { key: 'decided_by', label: 'Decided by', format: (v) => dash(v) },
          { key: 'orders', label: 'Orders', num: true, render: (p) => String(asList(p.orders).length) },
        ])) : null,
    ];
  }, 'grid-wide');
}

function modeForm(address, mode, risk) {
  const modeSelect = select('mode', MODES, mode, enumName);
  const riskSelect = select('risk_tolerance', RISKS, risk, enumName);
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack' },
    field('Mode', modeSelect, 'FULL_AI: the optimizer rebalances on its own. HYBRID: it proposes, you approve. MANUAL: it only suggests.'),
    field('Risk tolerance', riskSelect, 'Which tokens the optimizer may pick (Sharpe and drawdown limits) and the portfolio limits it solves under: expected volatility ≤ 15% / 30% / 60% a year and a volatile-crypto share ≤ 30% / 60% / no cap (conservative / moderate / aggressive, by default).'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-secondary', text: 'Save mode and risk' })), out);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const w = await api.post(paths.walletMode, { address, mode: modeSelect.value, risk_tolerance: riskSelect.value });
      out.replaceChildren(h('div', { class: 'success', role: 'status', text: `Saved: ${enumName(w.mode)}, ${enumName(w.risk_tolerance)}.` }));
      announce('Mode and risk saved');
      if (w.mode !== mode || w.risk_tolerance !== risk) {
        // The optimizer's suggestion and the approval controls depend on the mode: draw the page again.
        flash(address, `Saved: ${enumName(w.mode)}, ${enumName(w.risk_tolerance)}.`);
        rerender();
      }
    } catch (err) { out.replaceChildren(errorBox(err)); }
  });
  return form;
}
