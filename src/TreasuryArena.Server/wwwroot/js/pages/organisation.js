import { api, paths, asList, ApiError } from '../api.js';
import { h, table, date, dash, badge, errorBox, wideCard, kv, field } from '../ui.js';

const KINDS = [
  ['risk_disclosure', 'Risk disclosure'],
  ['membership_agreement', 'Membership agreement'],
  ['treasury_policy_attestation', 'Treasury-policy attestation'],
];

/**
 * Organisation: the caller's organisation (profile, verification), its compliance documents with the ESIGN sign form
 * (typed full name and an explicit consent checkbox; a treasurer signs), the signatures on record, and the yearly
 * compliance review with due dates (overdue items first, in an alert).
 */
export async function organisationPage(session) {
  const head = h('div', { class: 'page-head' }, h('h1', { text: 'Organisation' }),
    h('span', { class: 'subtle', text: 'Profile, verification, documents and signatures, and the yearly compliance review' }));
  if (session.role === 'admin') {
    return [head, h('p', { class: 'notice', text: 'An organisation page belongs to a member: sign in with a treasurer, approver or viewer key (admins see every organisation on the Admin page).' })];
  }
  const [org, review, signatures, policy, breaches] = await Promise.all([api.get(paths.orgMe), api.get(paths.orgReview), api.get(paths.orgSignatures),
    api.get(paths.orgPolicy), api.get(paths.orgPolicyBreaches)]);
  const items = asList(review.items);
  const overdue = items.filter((i) => i.overdue);
  const documents = await Promise.all(KINDS.map(async ([kind, label]) => {
    try {
      return { kind, label, doc: await api.get(paths.documentCurrent(kind)) };
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 422 || e.status === 409)) return { kind, label, doc: null };
      throw e;
    }
  }));
  const signed = asList(signatures);
  return [
    head,
    overdue.length
      ? h('div', { class: 'error', role: 'alert', 'data-testid': 'review-overdue' },
        h('strong', { text: `Compliance review overdue: ${overdue.length} item${overdue.length === 1 ? '' : 's'}` }),
        h('ul', {}, overdue.map((i) => h('li', { text: `${itemLabel(i.item)} — due ${date(i.due_at)} (${i.detail})` }))))
      : null,
    h('div', { class: 'grid' },
      wideCard('Profile', '', kv({ name: org.name, type: org.type, plan: org.plan, status: org.status, created_at: org.created_at, can_trade: org.can_trade ? 'yes' : 'no' })),
      wideCard('Verification', '', org.verification
        ? kv(org.verification)
        : h('p', { class: 'subtle', text: 'Not verified yet: the platform operator verifies the organisation (arena org verify).' }))),
    policyCard(policy, breaches),
    wideCard('Compliance review', 'grid-wide', table(items, [
      { key: 'item', label: 'Item', render: (i) => itemLabel(i.item) },
      { key: 'last_done_at', label: 'Last done', render: (i) => date(i.last_done_at) },
      { key: 'due_at', label: 'Due', render: (i) => (i.overdue ? h('strong', { class: 'neg', text: date(i.due_at) }) : date(i.due_at)) },
      { key: 'overdue', label: 'State', render: (i) => badge(i.overdue ? 'overdue' : 'ok') },
      { key: 'detail', label: 'Detail', render: (i) => i.detail },
    ], { caption: 'Each item is due a year after it was last done.' })),
    wideCard('Documents', 'grid-wide', h('div', { class: 'stack' },
      documents.map((d) => documentCard(d, session, signed)))),
    wideCard('Signatures', 'grid-wide', table(signed, [
      { key: 'kind', label: 'Document', render: (s) => kindLabel(s.kind) },
      { key: 'document_version', label: 'Version', render: (s) => s.document_version },
      { key: 'typed_name', label: 'Typed name', render: (s) => s.typed_name },
      { key: 'signed_at', label: 'Signed', render: (s) => date(s.signed_at) },
      { key: 'document_hash', label: 'Document SHA-256', render: (s) => h('code', { class: 'small', text: `${s.document_hash.slice(0, 16)}…` }) },
    ], { empty: 'No signatures yet.', caption: 'Electronic signature records (US ESIGN Act): typed name, consent, time, document hash, member and key.' })),
  ];
}

// The investment policy in force and its breaches: holdings outside it now, and those the daily scan recorded after
// market moves (each with its suggested remedy).
function policyCard(policy, breaches) {
  const clauses = Object.fromEntries(Object.entries(policy.policy ?? {}).filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
  const now = asList(breaches.breaches);
  const recorded = asList(breaches.recorded);
  return wideCard(`Investment policy · version ${policy.version}${policy.is_default ? ' (platform default)' : ''}`, 'grid-wide', h('div', { class: 'stack', 'data-testid': 'policy' },
    kv(clauses),
    h('p', { class: breaches.compliant ? 'small' : 'small neg', text: breaches.compliant ? 'Holdings are inside the policy.' : `${now.length} breach${now.length === 1 ? '' : 'es'} now.` }),
    table(now.concat(recorded), [
      { key: 'as_of', label: 'Day', render: (b) => (b.as_of ? date(b.as_of) : 'now') },
      { key: 'clause', label: 'Clause', render: (b) => b.clause },
      { key: 'symbol', label: 'Token', render: (b) => dash(b.symbol) },
      { key: 'message', label: 'Breach', render: (b) => b.message },
      { key: 'remedy', label: 'Suggested remedy', render: (b) => b.remedy },
    ], { empty: 'No breaches recorded in the last 90 days.', caption: 'Breaches of the investment policy: now, and those recorded after market moves (90 days).' })));
}

function itemLabel(item) {
  return item.startsWith('document:') ? `${kindLabel(item.slice('document:'.length))} accepted` : item.replaceAll('_', ' ');
}

function kindLabel(kind) { return KINDS.find(([k]) => k === kind)?.[1] ?? kind; }

function documentCard({ kind, label, doc }, session, signed) {
  if (!doc) return h('article', { class: 'card' }, h('h3', { text: label }), h('p', { class: 'subtle', text: 'Not published yet.' }));
  const mine = signed.find((s) => s.kind === kind && s.document_hash === doc.sha256);
  const body = [
    h('h3', {}, `${label} · version ${doc.version} `, badge(mine ? 'ok' : 'pending')),
    h('details', {}, h('summary', { text: 'Read the document' }), h('pre', { class: 'document-text', style: 'white-space: pre-wrap; overflow-wrap: anywhere', text: doc.text })),
    h('p', { class: 'small subtle', text: `Published ${date(doc.published_at)} · SHA-256 ${doc.sha256.slice(0, 16)}…` }),
  ];
  if (session.role !== 'treasurer') {
    body.push(h('p', { class: 'small', text: mine ? `Signed ${date(mine.signed_at)}.` : 'Awaiting the treasurer’s signature.' }));
    return h('article', { class: 'card', 'data-document': kind }, body);
  }
  const name = h('input', { type: 'text', name: 'typed_name', autocomplete: 'name', required: true, maxlength: 200 });
  const consent = h('input', { type: 'checkbox', name: 'consent', required: true });
  const button = h('button', { type: 'submit', class: 'btn', text: `Sign ${label.toLowerCase()}` });
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', 'data-sign-form': kind },
    field('Type your full name', name, 'Your typed name is your electronic signature on this version.'),
    h('label', { class: 'consent' }, consent, ` ${doc.consent_text}`),
    button, out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!consent.checked) {
      out.replaceChildren(errorBox(new Error('Tick the consent box to sign electronically.')));
      return;
    }
    button.disabled = true;
    try {
      const s = await api.post(paths.orgSignatures, { kind, typed_name: name.value, consent: true, document_version: doc.version });
      out.replaceChildren(h('div', { class: 'success', role: 'status', text: `Signed ${label.toLowerCase()} version ${s.document_version} as ${s.typed_name} on ${date(s.signed_at)}.` }));
    } catch (e) {
      out.replaceChildren(errorBox(e));
      button.disabled = false;
    }
  });
  body.push(mine ? h('p', { class: 'small', text: `Signed ${date(mine.signed_at)} as ${mine.typed_name}; sign again to re-accept.` }) : null, form);
  return h('article', { class: 'card', 'data-document': kind }, body);
}
