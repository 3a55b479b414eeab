// Buy and sell with the fee shown before confirming. The fee comes from the server's quote when it offers one,
// otherwise from the token's published fee schedule (labelled as an estimate); the executed fee is shown after.

import { api, paths, asList, newIdempotencyKey } from '../api.js';
import { h, field, money, nav, shares, pct, errorBox, announce, num } from '../ui.js';
import { pick } from '../data.js';

export async function walletOptions() {
  try {
    return asList(await api.get(paths.wallets), 'wallets').map((w) => ({
      address: pick(w, 'address', 'id'),
      label: `${pick(w, 'name', 'label') ?? shortAddress(pick(w, 'address', 'id'))} · ${pick(w, 'mode') ?? ''} ${pick(w, 'risk_tolerance', 'risk') ?? ''}`.trim(),
    }));
  } catch {
    return null; // no wallet list on this server: the form asks for an address
  }
}

export function shortAddress(a) { return a && a.length > 14 ? `${a.slice(0, 8)}…${a.slice(-4)}` : a ?? '—'; }

function feeRate(info, side) {
  const fees = pick(info ?? {}, 'fees', 'fee_schedule') ?? {};
  const flat = Object.entries(fees).flatMap(([k, v]) => (v && typeof v === 'object' ? Object.entries(v).map(([k2, v2]) => [`${k}_${k2}`, v2]) : [[k, v]]));
  const wanted = side === 'buy' ? /(entry|subscription|buy|purchase|trade|transaction)/i : /(exit|redemption|sell|trade|transaction)/i;
  const hit = flat.find(([k, v]) => wanted.test(k) && /(rate|pct|bps|fee)/i.test(k) && Number.isFinite(num(v)));
  if (!hit) return null;
  const [k, v] = hit;
  return { name: k, rate: /bps/i.test(k) ? num(v) / 10000 : num(v) };
}

export async function tradeForm(session, { symbol, info, address, tokens } = {}) {
  const wallets = address ? null : await walletOptions();
  const walletInput = address
    ? h('input', { name: 'address', value: address, readonly: true })
    : wallets && wallets.length
      ? h('select', { name: 'address' }, wallets.map((w) => h('option', { value: w.address, text: w.label })))
      : h('input', { name: 'address', required: true, placeholder: 'wallet address', autocomplete: 'off' });
  const tokenInput = symbol
    ? h('input', { name: 'symbol', value: symbol, readonly: true })
    : h('select', { name: 'symbol' }, (tokens ?? []).map((t) => h('option', { value: t.symbol, text: `${t.symbol} (NAV ${nav(t.nav)})` })));
  const side = h('select', { name: 'side' }, h('option', { value: 'buy', text: 'Buy (spend USD)' }), h('option', { value: 'sell', text: 'Sell (shares)' }));
  const amount = h('input', { name: 'amount', type: 'number', min: '0', step: 'any', required: true, inputmode: 'decimal' });
  const amountField = field('Amount in USD', amount);
  side.addEventListener('change', () => {
    amountField.querySelector('label').textContent = side.value === 'buy' ? 'Amount in USD' : 'Shares to sell';
    preview.replaceChildren();
  });
  const preview = h('div', { 'aria-live': 'polite' });
  const reviewButton = h('button', { type: 'submit', class: 'btn btn-secondary', text: 'Review' });
  const form = h('form', { class: 'stack', 'data-testid': 'trade-form' },
    field('Wallet', walletInput), field('Token', tokenInput), field('Side', side), amountField,
    h('div', { class: 'actions' }, reviewButton), preview);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    preview.replaceChildren();
    const value = num(amount.value);
    if (!(value > 0)) {
      preview.replaceChildren(errorBox(new Error('Enter an amount greater than zero.')));
      amount.focus();
      return;
    }
    const body = side.value === 'buy'
      ? { address: walletInput.value, symbol: tokenInput.value, amount: amount.value }
      : { address: walletInput.value, symbol: tokenInput.value, shares: amount.value };
    let tokenInfo = info;
    if (!tokenInfo || tokenInfo.symbol !== tokenInput.value) {
      try { tokenInfo = await api.get(paths.token(tokenInput.value)); } catch (e) { preview.replaceChildren(errorBox(e)); return; }
    }
    const quote = await quoteFor(side.value, body, tokenInfo);
    const key = newIdempotencyKey(); // one key per reviewed order: a double click cannot trade twice
    const confirm = h('button', { type: 'button', class: 'btn', text: `Confirm ${side.value}` });
    const cancel = h('button', { type: 'button', class: 'btn btn-quiet', text: 'Cancel' });
    const box = h('div', { class: 'confirm', role: 'group', 'aria-label': 'Confirm order' },
      h('p', {}, h('strong', { text: side.value === 'buy' ? `Buy ${money(value)} of ${body.symbol}` : `Sell ${shares(value)} shares of ${body.symbol}` })),
      quote, h('div', { class: 'actions' }, confirm, cancel));
    preview.replaceChildren(box);
    confirm.focus();
    cancel.addEventListener('click', () => { preview.replaceChildren(); reviewButton.focus(); });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        const result = await api.post(side.value === 'buy' ? paths.buy : paths.sell, body, { idempotencyKey: key });
        const held = /held|pending|review/i.test(String(pick(result ?? {}, 'status', 'state') ?? ''));
        preview.replaceChildren(h('div', { class: held ? 'notice' : 'success', role: 'status' },
          h('strong', { text: held ? 'Held for review by an administrator.' : `${side.value === 'buy' ? 'Bought' : 'Sold'} ${body.symbol}.` }),
          h('p', { text: [
            pick(result, 'shares') !== undefined ? `Shares: ${shares(result.shares)}` : null,
            pick(result, 'nav') !== undefined ? `NAV: ${nav(result.nav)}` : null,
            pick(result, 'fee') !== undefined ? `Fee: ${money(result.fee)}` : null,
            pick(result, 'amount', 'proceeds', 'cash') !== undefined ? `Amount: ${money(pick(result, 'amount', 'proceeds', 'cash'))}` : null,
          ].filter(Boolean).join(' · ') })));
        announce(`${side.value} done`);
        form.dispatchEvent(new CustomEvent('arena:traded', { bubbles: true, detail: result }));
      } catch (error) {
        preview.replaceChildren(errorBox(error));
      }
    });
  });
  return form;
}

async function quoteFor(sideValue, body, info) {
  try {
    const q = await api.post(paths.quote, { ...body, side: sideValue });
    return h('dl', { class: 'kv', 'data-testid': 'fee-preview' },
      h('dt', { text: 'Fee' }), h('dd', { text: money(q.fee) }),
      q.nav !== undefined ? [h('dt', { text: 'NAV' }), h('dd', { text: nav(q.nav) })] : null,
      q.shares !== undefined ? [h('dt', { text: 'Shares (estimated)' }), h('dd', { text: shares(q.shares) })] : null);
  } catch {
    // No quote endpoint: use the published fee schedule.
  }
  const rate = feeRate(info, sideValue);
  const navValue = num(info?.nav);
  const amount = sideValue === 'buy' ? num(body.amount) : num(body.shares) * navValue;
  if (!rate) {
    return h('p', { 'data-testid': 'fee-preview', text: 'The token reports no trading fee rate; the fee charged (if any) is shown after confirming.' });
  }
  const fee = amount * rate.rate;
  return h('dl', { class: 'kv', 'data-testid': 'fee-preview' },
    h('dt', { text: 'Fee (estimated)' }), h('dd', { text: `${money(fee)} (${pct(rate.rate)} ${rate.name.replace(/_/g, ' ')})` }),
    h('dt', { text: 'NAV now' }), h('dd', { text: nav(navValue) }),
    sideValue === 'buy' && navValue > 0 ? [h('dt', { text: 'Shares (estimated)' }), h('dd', { text: shares((amount - fee) / navValue) })] : null,
    sideValue === 'sell' ? [h('dt', { text: 'Proceeds (estimated)' }), h('dd', { text: money(amount - fee) })] : null);
}
