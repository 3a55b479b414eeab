import { api, paths, asList } from '../api.js';
import { h, table, date, money, dash, badge, errorBox, wideCard } from '../ui.js';

/**
 * Approvals: the organisation's two-person requests (trades, proposal approvals and policy changes above the
 * threshold). A treasurer or approver other than the requester gives the second approval here, which executes the
 * request; anyone of those roles may reject it. Requests past their lifetime show as expired (the server expires them
 * when they are listed). Decided requests are listed below.
 */
export async function approvalsPage(session) {
  const head = h('div', { class: 'page-head' }, h('h1', { text: 'Approvals' }),
    h('span', { class: 'subtle', text: 'Two-person approval: a second, different treasurer or trustee approves what one member asked for' }));
  const [awaiting, all] = await Promise.all([api.get(paths.approvals), api.get(paths.approvalsAll)]);
  const canDecide = session.role === 'treasurer' || session.role === 'approver';
  const pending = asList(awaiting);
  const decided = asList(all).filter((a) => a.status !== 'awaiting_second_approval');
  return [
    head,
    wideCard(`Awaiting a second approval (${pending.length})`, 'grid-wide',
      pending.length
        ? h('div', { class: 'stack', 'data-testid': 'approvals-awaiting' }, pending.map((a) => approvalCard(a, canDecide)))
        : h('p', { class: 'subtle', text: 'Nothing awaits a second approval.' }),
      canDecide ? null : h('p', { class: 'notice', text: 'Only a treasurer or an approver (trustee) of the organisation gives or refuses a second approval.' })),
    wideCard('Decided', 'grid-wide', table(decided, [
      { key: 'summary', label: 'Request', render: (a) => a.summary },
      { key: 'kind', label: 'Kind', render: (a) => a.kind.replaceAll('_', ' ') },
      { key: 'status', label: 'Status', render: (a) => badge(a.status) },
      { key: 'requested_by_name', label: 'Requested by', render: (a) => dash(a.requested_by_name) },
      { key: 'decided_by_name', label: 'Decided by', render: (a) => dash(a.decided_by_name) },
      { key: 'decided_at', label: 'When', render: (a) => date(a.decided_at) },
      { key: 'result', label: 'Result', render: (a) => dash(a.result) },
    ], { empty: 'No decided requests yet.' })),
  ];
}

function approvalCard(a, canDecide) {
  const out = h('div', { 'aria-live': 'polite' });
  const approve = h('button', { type: 'button', class: 'btn', text: 'Approve (second approval)', disabled: !canDecide });
  const reject = h('button', { type: 'button', class: 'btn btn-secondary', text: 'Reject', disabled: !canDecide });
  const act = async (path, body, verb) => {
    approve.disabled = true;
    reject.disabled = true;
    try {
      const r = await api.post(path, body);
      const decidedApproval = r?.approval ?? r;
      out.replaceChildren(h('div', { class: 'success', role: 'status', text: `${verb}: ${dash(decidedApproval?.status).replaceAll('_', ' ')}${decidedApproval?.result ? ` — ${decidedApproval.result}` : ''}.` }));
    } catch (e) {
      out.replaceChildren(errorBox(e));
      approve.disabled = !canDecide;
      reject.disabled = !canDecide;
    }
  };
  approve.addEventListener('click', () => act(paths.approvalApprove(a.id), {}, 'Approved'));
  reject.addEventListener('click', () => act(paths.approvalReject(a.id), { reason: 'rejected from the dashboard' }, 'Rejected'));
  return h('article', { class: 'card', 'data-approval-id': a.id },
    h('h3', {}, a.summary, ' ', badge(a.kind.replaceAll('_', ' '))),
    h('p', { class: 'small', text: `${a.usd_value > 0 ? `${money(a.usd_value)} · ` : ''}requested by ${dash(a.requested_by_name)} on ${date(a.created_at)} · expires ${date(a.expires_at)}` }),
    h('div', { class: 'actions' }, approve, reject), out);
}
