// The first steps of an organisation's treasurer (issue 22): read the current risk disclosure and attest to it before
// the first trade. The server refuses buys with `attestation_required` until the organisation has attested to the
// current version; the dashboard leads there first: a banner on every page and, in place of the trade form, a link
// to this page (GET /api/orgs/me says whether the organisation may trade and why not).

import { api, paths } from '../api.js';
import { h, card, field, errorBox, announce, date, dash, badge, kv } from '../ui.js';

let cached = null; // { organisationId, org } — the signed-in organisation's state, cleared when it changes
let current = null; // the shell's session, as last rendered (the trade form is built without it)

/** The signed-in member's organisation (GET /api/orgs/me), or null for an admin; cached until attestation or sign-out. */
export async function organisationState(session, { fresh = false } = {}) {
  if (!session?.organizationId) return null;
  if (!fresh && cached && cached.organisationId === session.organizationId) return cached.org;
  const org = await api.get(paths.orgMe);
  cached = { organisationId: session.organizationId, org };
  return org;
}

export function forgetOrganisationState() { cached = null; }

/** Why the organisation cannot trade yet, in words, or null when it can. */
export function tradingBlock(org) {
  if (!org || org.can_trade) return null;
  if (org.status !== 'verified') {
    return { step: 'verification', text: `${org.name} is ${dash(org.status)}: an administrator verifies the organisation before it can trade.` };
  }
  return {
    step: 'attestation',
    text: org.attestation
      ? `A new risk disclosure has been published since ${org.name} attested to version ${dash(org.attestation.document_version)}: read it and attest again before trading.`
      : `Before ${org.name} can trade, its treasurer reads the current risk disclosure and attests to it.`,
  };
}

/** The banner shown above every page while the signed-in organisation cannot trade (null when it can, or for an admin). */
export async function onboardingBanner(session) {
  current = session;
  if (!session?.organizationId || location.hash === '#/disclosure') return null;
  let org;
  try { org = await organisationState(session); } catch { return null; }
  const block = tradingBlock(org);
  if (!block) return null;
  return h('div', { class: 'notice onboarding', role: 'note', 'data-testid': 'onboarding-banner' },
    h('strong', { text: block.step === 'attestation' ? 'Step 1: the risk disclosure. ' : 'Waiting for verification. ' }),
    block.text, ' ',
    block.step === 'attestation' ? h('a', { href: '#/disclosure', text: 'Read the risk disclosure and attest' }) : null);
}

/** What the trade form shows instead of itself while the organisation cannot trade (null when it can). */
export async function tradeGate(session = current) {
  if (!session?.organizationId) return null;
  let org;
  try { org = await organisationState(session); } catch { return null; } // the server still refuses; its error shows on the trade
  const block = tradingBlock(org);
  if (!block) return null;
  return h('div', { class: 'notice', 'data-testid': 'trade-gate' },
    h('p', { text: block.text }),
    block.step === 'attestation' ? h('p', {}, h('a', { href: '#/disclosure', class: 'btn', text: 'Read the risk disclosure and attest' })) : null);
}

/** #/disclosure: the current risk disclosure, the organisation's attestation, and (for its treasurer) the attest form. */
export async function disclosurePage(session) {
  const [doc, org] = await Promise.all([
    api.get(paths.disclosure).catch((e) => { if (e.status === 404) return null; throw e; }),
    organisationState(session, { fresh: true }),
  ]);
  const head = h('div', { class: 'page-head' }, h('h1', { text: 'Risk disclosure' }),
    doc ? h('span', { class: 'subtle', text: `Version ${doc.version}, published ${date(doc.published_at)}` }) : null);
  if (!doc) return [head, h('p', { class: 'notice', text: 'No risk disclosure has been published yet: an administrator publishes one (POST /api/admin/disclosures) before any organisation can attest.' })];

  const attested = org?.attestation && org.attestation.document_version === doc.version;
  const status = org
    ? card('Your organisation', kv({
      organisation: org.name,
      status: org.status,
      attested_version: org.attestation ? org.attestation.document_version : null,
      signed_by: org.attestation ? org.attestation.signer : null,
      attested_at: org.attestation ? org.attestation.attested_at : null,
      can_trade: org.can_trade,
    }))
    : null;

  const text = h('section', { class: 'card grid-wide', 'aria-labelledby': 'disclosure-text' },
    h('h2', { id: 'disclosure-text', text: `Risk disclosure ${doc.version}` }),
    h('div', { class: 'disclosure', tabindex: '0', 'data-testid': 'disclosure-text', 'aria-label': 'Risk disclosure text' }, doc.text),
    h('p', { class: 'small subtle' }, 'SHA-256 of this text: ', h('code', { text: doc.sha256 }), ' (the attestation records it).'));

  const grid = h('div', { class: 'grid' }, text, status);
  if (session.role === 'treasurer' && org) grid.append(attestCard(doc, org, attested, session));
  else if (org && !attested) grid.append(card('Attestation', h('p', { class: 'subtle', text: 'Your organisation’s treasurer attests to the disclosure; a viewer reads it.' })));
  return [head, grid];
}

function attestCard(doc, org, attested, session) {
  const out = h('div', { 'aria-live': 'polite' });
  if (attested) {
    out.append(h('div', { class: 'success', role: 'status' }, badge('approved'), ` ${org.name} attested to version ${doc.version} on ${date(org.attestation.attested_at)} (${dash(org.attestation.signer)}).`));
    return card('Attestation', out);
  }
  const read = h('input', { type: 'checkbox', name: 'read', required: true, style: 'width:auto;min-height:auto' });
  const signer = h('input', { name: 'signer', required: true, autocomplete: 'name', value: session.member ?? '' });
  const button = h('button', { type: 'submit', class: 'btn', text: `Attest to version ${doc.version}` });
  const form = h('form', { class: 'stack' },
    h('label', { class: 'check' }, read, ` I have read risk disclosure ${doc.version} on behalf of ${org.name}.`),
    field('Signed by', signer, 'The person attesting, as recorded in the audit trail with the disclosure’s version and hash.'),
    h('div', { class: 'actions' }, button), out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      const a = await api.post(paths.attest, { document_version: doc.version, signer: signer.value });
      forgetOrganisationState();
      await organisationState(session, { fresh: true });
      form.replaceChildren(h('div', { class: 'success', role: 'status' },
        h('strong', { text: `Attested to risk disclosure ${a.document_version}.` }),
        h('p', {}, `${org.name} can now trade. `, h('a', { href: '#/wallets', text: 'Go to your wallets' }))));
      announce('Risk disclosure attested');
    } catch (error) {
      out.replaceChildren(errorBox(error));
      button.disabled = false;
    }
  });
  return card('Attest', form);
}
