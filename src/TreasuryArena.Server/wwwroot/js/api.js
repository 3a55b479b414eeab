// The REST client of the dashboard. Every path the dashboard calls is listed in `paths`, so the dashboard's
// contract with the server is readable in one place (the browser tests check each one against the server's routes). Authentication is the session cookie (set by POST
// /api/session); mutations carry the X-Arena-Dashboard header (CSRF guard) and a fresh Idempotency-Key.

const enc = encodeURIComponent;

export const paths = {
  session: '/api/session',
  tokens: '/api/tokens/list',
  token: (symbol) => `/api/tokens/${enc(symbol)}/info`,
  buy: '/api/tokens/buy',
  sell: '/api/tokens/sell',
  quote: '/api/tokens/quote',
  wallets: '/api/wallets',
  walletStatus: (address) => `/api/wallet/${enc(address)}/status`,
  walletHistory: (address) => `/api/wallet/${enc(address)}/history`,
  walletSuggested: (address) => `/api/wallet/${enc(address)}/suggested`,
  walletTransactions: (address) => `/api/wallet/${enc(address)}/transactions?limit=100`,
  walletProposals: (address) => `/api/wallet/${enc(address)}/proposals`,
  proposalApprove: (id) => `/api/wallet/proposals/${enc(id)}/approve`,
  proposalReject: (id) => `/api/wallet/proposals/${enc(id)}/reject`,
  walletMode: '/api/wallet/mode',
  walletRebalance: '/api/wallet/rebalance',
  treasuryStatus: '/api/treasury/status',
  treasuryIntelligence: '/api/treasury/intelligence',
  treasuryDecisions: '/api/treasury/decisions?limit=20',
  adminOrgs: '/api/admin/orgs',
  adminVerify: (id) => `/api/admin/orgs/${enc(id)}/verify`,
  adminHolds: '/api/admin/holds',
  adminHoldRelease: (id) => `/api/admin/holds/${enc(id)}/release`,
  adminHoldReject: (id) => `/api/admin/holds/${enc(id)}/reject`,
  adminBreakers: '/api/admin/breakers',
  adminAudit: '/api/admin/audit/verify',
  adminRevenue: '/api/admin/revenue',
  adminEvaluation: '/api/admin/evaluation/latest.json',
  adminEvaluationReport: '/api/admin/evaluation/latest',
  marketClock: '/api/market/clock',
  notifications: '/api/notifications',
  adminNotifications: '/api/admin/notifications',
  notificationSettings: '/api/orgs/me/notifications/settings',
  boardReport: (quarter) => `/api/reports/board?quarter=${enc(quarter)}`,
  boardReportPdf: (quarter) => `/api/reports/board?quarter=${enc(quarter)}&format=pdf`,
  // Issue 22: the treasurer's journey (disclosure and attestation, named wallets, cash, statements), the daily report
  // and the admin's organisation, key, halt and token controls.
  orgMe: '/api/orgs/me',
  disclosure: '/api/disclosures/current',
  attest: '/api/orgs/attest',
  walletCreate: '/api/wallet/create',
  walletDeposit: '/api/wallet/deposit',
  walletWithdraw: '/api/wallet/withdraw',
  walletStatement: (address, month, format) => `/api/wallet/${enc(address)}/statement?month=${enc(month)}&format=${enc(format)}`,
  walletTransactionsCsv: (address) => `/api/wallet/${enc(address)}/transactions?format=csv`,
  dailyReport: (asOf, format) => `/api/reports/daily?as_of=${enc(asOf)}${format ? `&format=${enc(format)}` : ''}`,
  adminOrgKeys: (id) => `/api/admin/orgs/${enc(id)}/keys`,
  adminKeyRevoke: (id) => `/api/admin/keys/${enc(id)}/revoke`,
  adminHalt: '/api/admin/halt',
  adminResume: '/api/admin/resume',
  adminTokenResume: (symbol) => `/api/admin/tokens/${enc(symbol)}/resume`,
  approvals: '/api/approvals',
  approvalsAll: '/api/approvals?status=all',
  approvalApprove: (id) => `/api/approvals/${enc(id)}/approve`,
  approvalReject: (id) => `/api/approvals/${enc(id)}/reject`,
  orgReview: '/api/orgs/me/compliance/review',
  orgSignatures: '/api/orgs/me/signatures',
  documentCurrent: (kind) => `/api/documents/${enc(kind)}/current`,
  orgPolicy: '/api/orgs/me/policy',
  orgPolicyBreaches: '/api/orgs/me/policy/breaches',
};

/** An API failure with the server's ProblemDetails (title, detail, field errors). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problemText(status, problem));
    this.status = status;
    this.problem = problem ?? {};
  }

  get fieldErrors() {
    const errors = this.problem.errors;
    if (!errors || typeof errors !== 'object') return [];
    return Object.entries(errors).flatMap(([field, messages]) =>
      (Array.isArray(messages) ? messages : [messages]).map((m) => `${field}: ${m}`));
  }
}

function problemText(status, problem) {
  if (problem && (problem.title || problem.detail)) {
    return [problem.title, problem.detail].filter(Boolean).join(': ');
  }
  switch (status) {
    case 401: return 'Not signed in, or the session expired.';
    case 403: return 'Your role does not allow this.';
    case 404: return 'Not found.';
    case 429: return 'Too many requests; try again shortly.';
    default: return `The server answered ${status}.`;
  }
}

export function newIdempotencyKey() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function request(method, path, body, { idempotencyKey } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['X-Arena-Dashboard'] = '1';
    headers['Idempotency-Key'] = idempotencyKey ?? newIdempotencyKey();
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new ApiError(0, { title: 'The server could not be reached', detail: String(e.message ?? e) });
  }
  const type = response.headers.get('Content-Type') ?? '';
  const payload = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.status === 401 && path !== paths.session) {
    window.dispatchEvent(new CustomEvent('arena:signed-out'));
  }
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body, options) => request('POST', path, body ?? {}, options),
  put: (path, body, options) => request('PUT', path, body ?? {}, options),
  del: (path) => request('DELETE', path),
};

/** A list from a plain JSON array, or from the named field of an object (e.g. `{ transactions: [...] }`). */
export function asList(value, name) {
  if (Array.isArray(value)) return value;
  if (name && value && Array.isArray(value[name])) return value[name];
  return [];
}
