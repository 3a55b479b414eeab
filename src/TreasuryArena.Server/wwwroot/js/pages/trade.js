// Buy and sell with the fee shown before confirming: "Review" asks the server for a quote (POST /api/tokens/quote:
// NAV, shares, fee, net amount; nothing changes), "Confirm" places the order with one idempotency key per reviewed
// order, and the executed figures (shares, NAV, fee, cash) are shown after.

import { api, paths, asList, newIdempotencyKey } from '../api.js';
import { h, field, money, nav, shares, pct, errorBox, announce, num } from '../ui.js';
import { enumName } from '../data.js';
import { tradeGate } from './onboarding.js';

export function shortAddress(a) { return a && a.length > 14 ? `${a.slice(0, 8)}…${a.slice(-4)}` : a ?? '—'; }

export const walletLabel = (w) => `${w.name ? `${w.name} (${shortAddress(w.address)})` : shortAddress(w.address)} · ${enumName(w.mode) ?? ''} ${enumName(w.risk_tolerance) ?? ''}`.trim();

/** The trade form: for one token (token page, pick the wallet) or one wallet (wallet page, pick the token). */
export async function tradeForm({ symbol, address, tokens } = {}) {
  // A buy fails with attestation_required until the organisation has attested to the current risk disclosure: lead there first.
  const gate = await tradeGate();
  if (gate) return gate;
  const wallets = address ? [] : asList(await api.get(paths.wallets));
  const walletInput = address
    ? h('input', { name: 'address', value: address, readonly: true })
    : h('select', { name: 'address' }, wallets.map((w) => h('option', { value: w.address, text: walletLabel(w) })));
  const tokenInput = symbol
    ? h('input', { name: 'symbol', value: symbol, readonly: true })
    : h('select', { name: 'symbol' }, (tokens ?? []).filter((t) => t.status === 'active').map((t) => h('option', { value: t.symbol, text: `${t.symbol} · NAV ${nav(t.nav)}` })));
  const side = h('select', { name: 'side' }, h('option', { value: 'buy', text: 'Buy (spend USD)' }), h('option', { value: 'sell', text: 'Sell (shares)' }));
  const amount = h('input', { name: 'amount', type: 'number', min: '0', step: 'any', required: true, inputmode: 'decimal' });
  const amountField = field('Amount in USD', amount, 'Buy: US dollars to spend, fee included. Sell: shares to redeem.');
  const preview = h('div', { 'aria-live': 'polite' });
  side.addEventListener('change', () => {
    amountField.querySelector('label').textContent = side.value === 'buy' ? 'Amount in USD' : 'Shares to sell';
    preview.replaceChildren();
  });
  const reviewButton = h('button', { type: 'submit', class: 'btn btn-secondary', text: 'Review fee and confirm' });
  const form = h('form', { class: 'stack', 'data-testid': 'trade-form' },
    field('Wallet', walletInput), field('Token', tokenInput), field('Side', side), amountField,
    h('div', { class: 'actions' }, reviewButton), preview);
  if (!address && wallets.length === 0) {
    return h('p', { class: 'subtle', text: 'Your organisation has no wallet to trade from yet: create one on the Wallets page.' });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    preview.replaceChildren();
    const value = num(amount.value);
    if (!(value > 0)) {
      preview.replaceChildren(errorBox(new Error('Enter an amount greater than zero.')));
      amount.focus();
      return;
    }
    const sell = side.value === 'sell';
    const body = sell
      ? { address: walletInput.value, symbol: tokenInput.value, shares: value }
      : { address: walletInput.value, symbol: tokenInput.value, amount: value };
    let quote;
    try {
      quote = await api.post(paths.quote, { ...body, side: side.value });
    } catch (error) {
      preview.replaceChildren(errorBox(error));
      return;
    }
    const key = newIdempotencyKey(); // one key per reviewed order: a double click cannot trade twice
    const confirm = h('button', { type: 'button', class: 'btn', text: `Confirm ${side.value}` });
    const cancel = h('button', { type: 'button', class: 'btn btn-quiet', text: 'Cancel' });
    const box = h('div', { class: 'confirm', role: 'group', 'aria-label': 'Confirm order' },
      h('p', {}, h('strong', { text: sell ? `Sell ${shares(value)} shares of ${body.symbol}` : `Buy ${money(value)} of ${body.symbol}` })),
      h('dl', { class: 'kv', 'data-testid': 'fee-preview' },
        h('dt', { text: 'NAV per share' }), h('dd', { text: nav(quote.nav) }),
        h('dt', { text: sell ? 'Gross proceeds' : 'Amount' }), h('dd', { text: money(quote.gross_amount) }),
        h('dt', { text: 'Fee' }), h('dd', { 'data-testid': 'quoted-fee', text: `${money(quote.fee)} (${pct(quote.fee_rate)})` }),
        h('dt', { text: sell ? 'Proceeds to the wallet' : 'Invested after the fee' }), h('dd', { text: money(quote.net_amount) }),
        h('dt', { text: sell ? 'Shares redeemed' : 'Shares (at this NAV)' }), h('dd', { text: shares(quote.shares) })),
      h('p', { class: 'small subtle', text: 'The order executes at the NAV when you confirm; a large order may be held for review.' }),
      h('div', { class: 'actions' }, confirm, cancel));
    preview.replaceChildren(box);
    confirm.focus();
    cancel.addEventListener('click', () => { preview.replaceChildren(); reviewButton.focus(); });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      cancel.disabled = true;
      try {
        const result = await api.post(sell ? paths.sell : paths.buy, body, { idempotencyKey: key });
        const held = result?.status === 'held';
        preview.replaceChildren(h('div', { class: held ? 'notice' : 'success', role: 'status' },
          h('strong', { text: held ? 'Held for review by an administrator.' : `${sell ? 'Sold' : 'Bought'} ${body.symbol}.` }),
          held
            ? h('p', { text: `Reasons: ${(result.reasons ?? []).join('; ')}` })
            : h('p', { text: `Shares: ${shares(result.shares)} · NAV: ${nav(result.nav)} · Fee: ${money(result.fee)} · Cash ${sell ? 'received' : 'spent'}: ${money(result.cash)}` })));
        announce(held ? 'Order held for review' : `${sell ? 'Sold' : 'Bought'} ${body.symbol}`);
        form.dispatchEvent(new CustomEvent('arena:traded', { bubbles: true, detail: result }));
      } catch (error) {
        preview.replaceChildren(errorBox(error));
      }
    });
  });
  return form;
}
