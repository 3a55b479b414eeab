// The administrator's controls (issue 22): create an organisation, issue and revoke its API keys, halt and resume
// the platform, resume a paused token. Each is the REST call the CLI's admin verbs make (POST /api/admin/orgs,
// /orgs/{id}/keys, /keys/{id}/revoke, /halt, /resume, /tokens/{symbol}/resume); the server audits every one.

import { api, paths, asList } from '../api.js';
import { h, card, table, badge, field, select, errorBox, announce, date, dash, nav, pct } from '../ui.js';

const TYPES = ['church', 'trust', 'ministry'];
const PLANS = ['free', 'basic', 'premium'];
const PLAN_NAMES = { free: 'Free (MANUAL wallets)', basic: 'AI Basic (HYBRID, FULL_AI)', premium: 'AI Premium (every mode)' };

/** Tells the organisation-dependent cards to load again (a new organisation, a verification). */
export function organisationsChanged() { window.dispatchEvent(new CustomEvent('arena:orgs-changed')); }

/** Runs `reload` on each organisationsChanged() while `node` is on the page (the listener goes with it). */
export function onOrganisationsChanged(node, reload) {
  const listener = () => {
    if (!node.isConnected) { window.removeEventListener('arena:orgs-changed', listener); return; }
    reload();
  };
  window.addEventListener('arena:orgs-changed', listener);
}

/** Create an organisation: name, type, plan. It starts pending; the Organisations card then offers to verify it. */
export function createOrganisationCard() {
  const name = h('input', { name: 'org_name', required: true, maxlength: '200', autocomplete: 'organization' });
  const type = select('type', TYPES, 'church');
  const plan = select('plan', PLANS, 'premium', (p) => PLAN_NAMES[p]);
  const out = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'btn', text: 'Create organisation' });
  const form = h('form', { class: 'stack', 'data-testid': 'create-org' },
    field('Organisation name', name), field('Type', type), field('Plan', plan, 'Which wallet modes its treasurers may open.'),
    h('div', { class: 'actions' }, button), out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      const org = await api.post(paths.adminOrgs, { name: name.value.trim(), type: type.value, plan: plan.value });
      out.replaceChildren(h('div', { class: 'success', role: 'status', text: `${org.name} created (${org.status}): verify it, then issue its treasurer a key.` }));
      announce(`${org.name} created`);
      name.value = '';
      organisationsChanged();
    } catch (error) {
      out.replaceChildren(errorBox(error));
    } finally {
      button.disabled = false;
    }
  });
  return card('New organisation', form);
}

/** An organisation's API keys: list (who, role, prefix, issued, revoked), issue one (shown once), revoke one. */
export function keysCard() {
  const orgSelect = h('select', { name: 'key_org' });
  const list = h('div', { 'aria-live': 'polite' });
  const member = h('input', { name: 'member', required: true, maxlength: '200', autocomplete: 'off' });
  const role = select('role', ['treasurer', 'viewer'], 'treasurer');
  const out = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'btn', text: 'Issue key' });
  const form = h('form', { class: 'stack', 'data-testid': 'issue-key' },
    field('Member', member, 'The person the key is for (shown in the audit trail and on their dashboard).'), field('Role', role),
    h('div', { class: 'actions' }, button), out);

  const loadKeys = async () => {
    const id = orgSelect.value;
    if (!id) { list.replaceChildren(h('p', { class: 'subtle', text: 'No organisation yet.' })); return; }
    list.replaceChildren(h('p', { class: 'loading', text: 'Loading…' }));
    try {
      const keys = asList(await api.get(paths.adminOrgKeys(id)));
      list.replaceChildren(table(keys, [
        { key: 'member', label: 'Member', render: (k) => dash(k.member ?? k.member_name) },
        { key: 'role', label: 'Role', format: (v) => dash(v) },
        { key: 'prefix', label: 'Key', render: (k) => h('code', { text: `${k.prefix}…` }) },
        { key: 'created_at', label: 'Issued', format: (v) => date(v) },
        { key: 'revoked_at', label: 'Status', render: (k) => (k.revoked_at ? h('span', {}, badge('revoked'), ` ${date(k.revoked_at)}`) : badge('active')) },
        { key: 'id', label: '', render: (k) => (k.revoked_at ? '' : revokeButton(k, loadKeys)) },
      ], { caption: `Keys of ${orgSelect.selectedOptions[0]?.textContent ?? 'the organisation'}`, empty: 'No keys issued yet.' }));
    } catch (error) {
      list.replaceChildren(errorBox(error));
    }
  };

  const loadOrgs = async () => {
    const keep = orgSelect.value;
    const orgs = asList(await api.get(paths.adminOrgs));
    orgSelect.replaceChildren(...orgs.map((o) => h('option', { value: o.id, selected: o.id === keep, text: `${o.name} (${o.status})` })));
    await loadKeys();
  };
  orgSelect.addEventListener('change', () => { out.replaceChildren(); loadKeys(); });
  onOrganisationsChanged(list, () => loadOrgs().catch((e) => list.replaceChildren(errorBox(e))));
  loadOrgs().catch((e) => list.replaceChildren(errorBox(e)));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      const k = await api.post(paths.adminOrgKeys(orgSelect.value), { member: member.value.trim(), role: role.value });
      // The key is shown this once (the server keeps only its hash).
      out.replaceChildren(h('div', { class: 'success', role: 'status' },
        h('strong', { text: `Key issued to ${k.member} (${k.role}). Copy it now: it is not shown again.` }),
        h('p', {}, h('code', { 'data-testid': 'issued-key', text: k.key }))));
      announce('Key issued');
      member.value = '';
      await loadKeys();
    } catch (error) {
      out.replaceChildren(errorBox(error));
    } finally {
      button.disabled = false;
    }
  });
  return card('API keys', field('Organisation', orgSelect), list, h('h3', { text: 'Issue a key' }), form);
}

function revokeButton(key, reload) {
  const button = h('button', { type: 'button', class: 'btn btn-danger', text: 'Revoke', 'aria-label': `Revoke ${key.member ?? key.prefix}’s key ${key.prefix}` });
  button.addEventListener('click', async () => {
    if (!window.confirm(`Revoke the key ${key.prefix}… of ${key.member ?? 'this member'}? Signed-in sessions with it end at once.`)) return;
    button.disabled = true;
    try {
      await api.post(paths.adminKeyRevoke(key.id), {});
      announce('Key revoked');
      await reload();
    } catch (error) {
      button.replaceWith(errorBox(error));
    }
  });
  return button;
}

/** The platform halt: its state, and halt (with a reason) or resume. */
export function haltCard() {
  const body = h('div', { 'aria-live': 'polite' });
  const draw = (state, message) => {
    const reason = h('input', { name: 'halt_reason', required: true, maxlength: '500', autocomplete: 'off' });
    const out = h('div', {}, message ?? null);
    if (state.halted) {
      const resume = h('button', { type: 'button', class: 'btn', text: 'Resume trading' });
      resume.addEventListener('click', async () => {
        resume.disabled = true;
        try {
          draw(await api.post(paths.adminResume, {}), h('div', { class: 'success', role: 'status', text: 'Trading resumed.' }));
          announce('Trading resumed');
        } catch (error) { out.replaceChildren(errorBox(error)); resume.disabled = false; }
      });
      body.replaceChildren(
        h('div', { class: 'error', role: 'alert', 'data-testid': 'halt-state', text: `Trading is halted (by ${dash(state.set_by)}, ${date(state.set_at)}): ${dash(state.reason)}` }),
        h('div', { class: 'actions' }, resume), out);
      return;
    }
    const halt = h('button', { type: 'submit', class: 'btn btn-danger', text: 'Halt all trading' });
    const form = h('form', { class: 'stack' },
      field('Reason', reason, 'Recorded in the audit trail and sent to every organisation’s notification channels. Buys, sells and rebalances stop until you resume.'),
      h('div', { class: 'actions' }, halt));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      halt.disabled = true;
      try {
        draw(await api.post(paths.adminHalt, { reason: reason.value.trim() }), h('div', { class: 'notice', role: 'status', text: 'Trading halted.' }));
        announce('Trading halted');
      } catch (error) { out.replaceChildren(errorBox(error)); halt.disabled = false; }
    });
    body.replaceChildren(h('p', { 'data-testid': 'halt-state' }, badge('ok'), ' Trading is not halted.'), form, out);
  };
  body.append(h('p', { class: 'loading', text: 'Loading…' }));
  api.get(paths.adminBreakers).then((b) => draw(b.platform_halt ?? {}), (e) => body.replaceChildren(errorBox(e)));
  return card('Platform halt', body);
}

/** Paused tokens (a drawdown breaker or an admin paused them) with Resume; the others for reference. */
export function pausedTokensCard() {
  const body = h('div', { 'aria-live': 'polite' }, h('p', { class: 'loading', text: 'Loading…' }));
  const load = async () => {
    const b = await api.get(paths.adminBreakers);
    const paused = asList(b.tokens).filter((t) => t.status === 'paused');
    body.replaceChildren(paused.length
      ? table(paused, [
        { key: 'symbol', label: 'Token', render: (t) => h('a', { href: `#/tokens/${encodeURIComponent(t.symbol)}`, text: t.symbol }) },
        { key: 'nav', label: 'NAV', num: true, format: (v) => nav(v) },
        { key: 'drawdown', label: 'Drawdown', num: true, format: (v) => pct(v) },
        { key: 'review', label: 'Review', format: (v) => dash(v) },
        { key: 'resume', label: '', render: (t) => resumeTokenButton(t.symbol, body, load) },
      ], { caption: 'Paused: no buys until resumed (sells still allowed)' })
      : h('p', { class: 'subtle', 'data-testid': 'no-paused-tokens', text: 'No token is paused.' }));
  };
  load().catch((e) => body.replaceChildren(errorBox(e)));
  return card('Paused tokens', body);
}

function resumeTokenButton(symbol, body, reload) {
  const button = h('button', { type: 'button', class: 'btn', text: `Resume ${symbol}` });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const t = await api.post(paths.adminTokenResume(symbol), { reason: 'resumed from the dashboard after review' });
      await reload();
      body.prepend(h('div', { class: 'success', role: 'status', text: `${t.symbol ?? symbol} resumed: ${dash(t.status)}.` }));
      announce(`${symbol} resumed`);
    } catch (error) {
      body.prepend(errorBox(error));
      button.disabled = false;
    }
  });
  return button;
}
