// A treasurer's wallet controls (issue 22): create a named wallet, deposit and withdraw cash, and every member's
// downloads — the monthly statement (HTML, CSV, PDF) and the transactions as CSV. Each calls the same REST API as
// the CLI (POST /api/wallet/create, /deposit, /withdraw; GET /api/wallet/{a}/statement, /transactions?format=csv).

import { api, paths } from '../api.js';
import { h, card, field, select, errorBox, announce, money, dash } from '../ui.js';
import { enumName } from '../data.js';
import { shortAddress } from './trade.js';

const MODES = ['manual', 'hybrid', 'full_ai'];
const RISKS = ['conservative', 'moderate', 'aggressive'];

/** A wallet's display name: its name, or its shortened address when it has none. */
export const walletName = (w) => (w?.name ? w.name : shortAddress(w?.address));

/** The create-wallet form (treasurers): name, mode and risk; opens the new wallet's page. */
export function createWalletCard() {
  const name = h('input', { name: 'name', required: true, maxlength: '100', autocomplete: 'off', placeholder: 'Building fund' });
  const mode = select('mode', MODES, 'manual', enumName);
  const risk = select('risk_tolerance', RISKS, 'moderate', enumName);
  const out = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'btn', text: 'Create wallet' });
  const form = h('form', { class: 'stack', 'data-testid': 'create-wallet' },
    field('Wallet name', name, 'How trustees will know it, e.g. “Building fund” or “Missions reserve”.'),
    field('Mode', mode, 'MANUAL: you trade, the optimizer only suggests. HYBRID: it proposes, you approve. FULL_AI: it rebalances on its own. Your plan decides which modes are open.'),
    field('Risk tolerance', risk),
    h('div', { class: 'actions' }, button), out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      const w = await api.post(paths.walletCreate, { name: name.value.trim(), mode: mode.value, risk_tolerance: risk.value });
      flash(w.address, `Created ${walletName(w)}: ${enumName(w.mode)}, ${enumName(w.risk_tolerance)}. Deposit cash to start.`);
      announce(`Wallet ${walletName(w)} created`);
      location.hash = `#/wallets/${encodeURIComponent(w.address)}`;
    } catch (error) {
      out.replaceChildren(errorBox(error));
      button.disabled = false;
    }
  });
  return card('New wallet', form);
}

/** Deposit or withdraw USD (treasurers); calls onMoved with the server's answer so the page refreshes its figures. */
export function cashCard(address, onMoved) {
  const amount = h('input', { name: 'cash_amount', type: 'number', min: '0', step: '0.01', required: true, inputmode: 'decimal' });
  const out = h('div', { 'aria-live': 'polite' });
  const deposit = h('button', { type: 'submit', class: 'btn', value: 'deposit', text: 'Deposit' });
  const withdraw = h('button', { type: 'submit', class: 'btn btn-secondary', value: 'withdraw', text: 'Withdraw' });
  const form = h('form', { class: 'stack', 'data-testid': 'cash-form' },
    field('Amount (USD)', amount, 'A deposit adds cash the wallet can invest; a withdrawal pays cash out (never more than the wallet’s cash).'),
    h('div', { class: 'actions' }, deposit, withdraw), out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const isDeposit = (event.submitter ?? deposit).value !== 'withdraw';
    const value = Number(amount.value);
    if (!(value > 0)) {
      out.replaceChildren(errorBox(new Error('Enter an amount greater than zero.')));
      return;
    }
    deposit.disabled = true; withdraw.disabled = true;
    try {
      const r = await api.post(isDeposit ? paths.walletDeposit : paths.walletWithdraw, { address, amount: value });
      out.replaceChildren(h('div', { class: 'success', role: 'status', text: `${isDeposit ? 'Deposited' : 'Withdrew'} ${money(value)}. Cash now ${money(r?.cash)}.` }));
      announce(isDeposit ? 'Deposit made' : 'Withdrawal made');
      amount.value = '';
      onMoved?.(r);
    } catch (error) {
      out.replaceChildren(errorBox(error));
    } finally {
      deposit.disabled = false; withdraw.disabled = false;
    }
  });
  return card('Deposit or withdraw', form);
}

/** Monthly statement (HTML, CSV, PDF) for a chosen month and the transactions as CSV: plain links the browser downloads with the session cookie. */
export function statementsCard(wallet, platformDate) {
  const month = h('input', { type: 'month', name: 'month', required: true, value: String(platformDate ?? '').slice(0, 7), max: String(platformDate ?? '').slice(0, 7) || undefined });
  const slug = String(wallet.name ?? wallet.address).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'wallet';
  const links = h('ul', { class: 'downloads' });
  const draw = () => {
    const m = month.value;
    links.replaceChildren(...['html', 'csv', 'pdf'].map((format) => h('li', {},
      h('a', {
        href: paths.walletStatement(wallet.address, m, format),
        download: `statement-${slug}-${m}.${format}`,
        'data-testid': `statement-${format}`,
        text: `Statement ${m} (${format.toUpperCase()})`,
      }))),
    h('li', {}, h('a', { href: paths.walletTransactionsCsv(wallet.address), download: `transactions-${slug}.csv`, 'data-testid': 'transactions-csv', text: 'All transactions (CSV)' })));
  };
  month.addEventListener('input', draw);
  draw();
  return card('Statements and downloads',
    field('Month', month, 'Statements are by valuation date: opening and closing value, deposits, trades, fees and the month’s holdings.'),
    links,
    h('p', { class: 'small subtle', text: 'The PDF is printed by headless Chromium on the server; the HTML prints the same from the browser.' }));
}

let pending = null; // one message to show on the next render of a wallet page (after creating it)

/** Leaves a message for the wallet's page, shown once on its next render. */
export function flash(address, text) { pending = { address, text }; }

/** The message left for this wallet's page, once. */
export function takeFlash(address) {
  if (!pending || pending.address !== address) return null;
  const text = pending.text;
  pending = null;
  return h('div', { class: 'success', role: 'status', 'data-testid': 'wallet-flash', text });
}

/** The organisation's name for an admin's all-organisations list (ids the list carries, names from GET /api/admin/orgs). */
export async function organisationNames(session) {
  if (session.role !== 'admin') return new Map();
  try {
    const orgs = await api.get(paths.adminOrgs);
    return new Map((Array.isArray(orgs) ? orgs : []).map((o) => [o.id, o.name]));
  } catch {
    return new Map();
  }
}

export const organisationOf = (w, names) => dash(w.organisation ?? w.organisation_name ?? names.get(w.organisation_id));
