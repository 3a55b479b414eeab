// The dashboard shell: session, role-aware navigation and the hash router.

import { api, paths, ApiError } from './api.js';
import { h, announce, errorBox, field } from './ui.js';
import { tokensPage, tokenPage } from './pages/tokens.js';
import { walletsPage, walletPage } from './pages/wallet.js';
import { treasuryPage } from './pages/treasury.js';
import { adminPage } from './pages/admin.js';
import { reportsPage } from './pages/reports.js';
import { disclosurePage, onboardingBanner, forgetOrganisationState } from './pages/onboarding.js';
import { dailyReportPage } from './pages/daily.js';
import { approvalsPage } from './pages/approvals.js';
import { organisationPage } from './pages/organisation.js';
import { notificationsPage } from './pages/notifications.js';

export const session = { role: null, member: null, organization: null, organizationId: null };

const main = () => document.getElementById('main');

const routes = [
  [/^#\/tokens\/([^/]+)$/, (m) => tokenPage(decodeURIComponent(m[1]), session), 'tokens'],
  [/^#\/tokens$/, () => tokensPage(session), 'tokens'],
  [/^#\/wallets\/([^/]+)$/, (m) => walletPage(decodeURIComponent(m[1]), session), 'wallets'],
  [/^#\/wallets$/, () => walletsPage(session), 'wallets'],
  [/^#\/treasury$/, () => treasuryPage(session), 'treasury'],
  [/^#\/reports$/, () => reportsPage(session), 'reports'],
  [/^#\/notifications$/, () => notificationsPage(session), 'notifications'],
  [/^#\/admin$/, () => adminPage(session), 'admin'],
  [/^#\/disclosure$/, () => disclosurePage(session), 'disclosure'],
  [/^#\/reports\/daily$/, () => dailyReportPage(session), 'reports'],
  [/^#\/approvals$/, () => approvalsPage(session), 'approvals'],
  [/^#\/organisation$/, () => organisationPage(session), 'organisation'],
];

function setSession(value) {
  forgetOrganisationState();
  Object.assign(session, value
    ? { role: value.role, member: value.member, organization: value.organization, organizationId: value.organization_id }
    : { role: null, member: null, organization: null, organizationId: null });
  document.body.dataset.sessionRole = session.role ?? '';
  const signedIn = Boolean(session.role);
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('who').hidden = !signedIn;
  for (const item of document.querySelectorAll('[data-only-role]')) {
    item.hidden = !signedIn || item.dataset.onlyRole !== session.role;
  }
  const who = [session.member, session.organization, session.role].filter(Boolean).join(' · ');
  document.getElementById('who-label').textContent = signedIn ? `Signed in: ${who}` : '';
}

// Renders overlap (a hash change while a slow page is still loading, or the sign-in's own render next to its hash
// change): only the latest may fill the page, so an older, slower route never replaces a newer one.
let renderSeq = 0;

async function render() {
  const seq = ++renderSeq;
  const root = main();
  if (!session.role) {
    root.replaceChildren(signInPage());
    return;
  }
  const hash = location.hash && location.hash !== '#' ? location.hash : '#/tokens';
  const route = routes.find(([re]) => re.test(hash));
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (route && link.dataset.nav === route[2]) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (!route) {
    root.replaceChildren(h('h1', { text: 'Page not found' }), h('p', {}, h('a', { href: '#/tokens', text: 'Go to tokens' })));
    return;
  }
  root.replaceChildren(h('p', { class: 'loading', text: 'Loading…' }));
  try {
    const [page, banner] = await Promise.all([route[1](hash.match(route[0])), onboardingBanner(session)]);
    if (seq !== renderSeq) return;
    root.replaceChildren(...[banner, page].flat().filter(Boolean));
  } catch (error) {
    if (seq !== renderSeq) return;
    root.replaceChildren(h('h1', { text: 'Something went wrong' }), errorBox(error));
  }
  const heading = root.querySelector('h1');
  document.title = heading ? `${heading.textContent} · Treasury Arena` : 'Treasury Arena';
  announce(document.title);
  root.focus({ preventScroll: true });
}

function signInPage() {
  const input = h('input', { type: 'password', name: 'key', autocomplete: 'off', required: true, spellcheck: 'false' });
  const message = h('div', { 'aria-live': 'assertive' });
  const button = h('button', { type: 'submit', class: 'btn', text: 'Sign in' });
  const form = h('form', { class: 'stack', 'aria-describedby': 'signin-help' },
    field('API key', input, 'Issued by your organisation’s administrator (arena keys issue). It is sent once; the browser keeps a session cookie, not the key.'),
    button, message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    message.replaceChildren();
    try {
      setSession(await api.post(paths.session, { key: input.value }));
      input.value = '';
      if (!location.hash || location.hash === '#' || location.hash === '#/signin') location.hash = '#/tokens';
      await render();
    } catch (error) {
      message.replaceChildren(errorBox(error instanceof ApiError && error.status === 401
        ? new Error('That key was not accepted. Check it, or ask for a new one.') : error));
      input.focus();
    } finally {
      button.disabled = false;
    }
  });
  queueMicrotask(() => input.focus());
  return h('section', { class: 'card signin', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title', text: 'Sign in' }),
    h('p', { id: 'signin-help', class: 'subtle', text: 'Treasury Arena: strategy tokens, optimizer-managed wallets and your organisation’s treasury, every step audited.' }),
    form);
}

async function start() {
  document.getElementById('sign-out').addEventListener('click', async () => {
    try { await api.del(paths.session); } catch { /* the cookie is gone either way */ }
    setSession(null);
    location.hash = '';
    await render();
  });
  window.addEventListener('hashchange', render);
  window.addEventListener('arena:signed-out', () => { setSession(null); render(); });
  try {
    setSession(await api.get(paths.session));
  } catch {
    setSession(null);
  }
  await render();
}

start();
