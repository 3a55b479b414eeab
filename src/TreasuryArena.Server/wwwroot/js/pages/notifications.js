import { api, paths, asList } from '../api.js';
import { h, table, wideCard, errorBox, field, announce } from '../ui.js';

const when = (v) => (v ? new Date(v).toISOString().replace('T', ' ').slice(0, 16) + 'Z' : '—');

/** One delivery as a badge with its channel, target and attempts (the last error and next attempt in its title). */
function delivery(d) {
  const title = [
    `${d.channel} → ${d.target} (${d.recipient})`,
    `${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`,
    d.last_error ? `last error: ${d.last_error}` : null,
    d.next_attempt_at ? `next attempt ${when(d.next_attempt_at)}` : null,
    d.delivered_at ? `delivered ${when(d.delivered_at)}` : null,
  ].filter(Boolean).join(' · ');
  return h('li', { class: 'delivery', title, 'data-channel': d.channel, 'data-status': d.status },
    h('span', { text: `${d.channel} ` }), h('span', { class: `badge badge-${d.status === 'delivered' ? 'ok' : d.status}`, text: d.status }), h('span', { class: 'subtle', text: ` ×${d.attempts}` }));
}

function feed(list) {
  return table(list, [
    { key: 'at', label: 'When', render: (n) => when(n.at) },
    { key: 'kind', label: 'Kind', render: (n) => h('code', { text: n.kind }) },
    { key: 'subject', label: 'Subject', render: (n) => n.subject },
    { key: 'message', label: 'Message', render: (n) => n.message },
    {
      key: 'deliveries', label: 'Delivery',
      render: (n) => (n.deliveries?.length ? h('ul', { class: 'deliveries' }, n.deliveries.map(delivery)) : h('span', { class: 'subtle', text: 'dashboard only' })),
    },
  ], { caption: 'Newest first. Each channel is retried with backoff until delivered or expired.', empty: 'No notifications yet.' });
}

function settingsForm(settings, canEdit) {
  const input = (name, value, attrs = {}) => h('input', { name, value: value ?? '', disabled: !canEdit, autocomplete: 'off', ...attrs });
  const url = input('webhook_url', settings.webhook_url, { type: 'url', placeholder: 'the receiver’s address (https)' });
  const secret = input('webhook_secret', '', { type: 'password', placeholder: settings.webhook_signed ? '(unchanged)' : '(none)' });
  const chat = input('telegram_chat_id', settings.telegram_chat_id, { placeholder: settings.channels?.telegram ? '-1001234567890' : 'no bot configured' });
  const emails = input('email_to', (settings.email_to ?? []).join(', '), { placeholder: settings.channels?.email ? 'treasurer@example.org' : 'no SMTP server configured' });
  const kinds = h('fieldset', { class: 'kinds' }, h('legend', { text: 'Kinds (none ticked: every kind)' }),
    (settings.known_kinds ?? []).map((k) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'kind', value: k, checked: (settings.kinds ?? []).includes(k), disabled: !canEdit }), ` ${k}`)));
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', 'data-testid': 'notification-settings' },
    field('Webhook URL', url, 'JSON POST, signed X-Arena-Signature: sha256=<hex HMAC of the body> when a secret is set'),
    field('Webhook secret', secret, 'Leave empty to keep the current one'),
    field('Telegram chat id', chat),
    field('E-mail recipients', emails, 'Comma-separated'),
    kinds,
    canEdit ? h('button', { type: 'submit', class: 'btn', text: 'Save recipients' }) : h('p', { class: 'subtle', text: 'Only a treasurer can change these.' }),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    try {
      const saved = await api.put(paths.notificationSettings, {
        webhook_url: url.value || null,
        webhook_secret: secret.value === '' ? null : secret.value,
        telegram_chat_id: chat.value || null,
        email_to: emails.value.split(',').map((e) => e.trim()).filter(Boolean),
        kinds: [...form.querySelectorAll('input[name=kind]:checked')].map((c) => c.value),
      });
      secret.value = '';
      secret.placeholder = saved.webhook_signed ? '(unchanged)' : '(none)';
      message.replaceChildren(h('p', { class: 'notice', text: 'Saved.' }));
      announce('Notification recipients saved');
    } catch (error) {
      message.replaceChildren(errorBox(error));
    }
  });
  return form;
}

/**
 * Notifications: the feed (an organisation's and the platform's, or every one for the admin) with the state of each
 * delivery per channel, and the organisation's own recipients and event filter.
 */
export async function notificationsPage(session) {
  const admin = session.role === 'admin';
  const list = asList(await api.get(admin ? paths.adminNotifications : paths.notifications));
  const parts = [
    h('div', { class: 'page-head' }, h('h1', { text: 'Notifications' }),
      h('span', { class: 'subtle', text: 'Holds, breakers, proposals, halts, job failures — and where each was delivered' })),
    wideCard('Feed', 'grid-wide', h('div', { 'data-testid': 'notification-feed' }, feed(list))),
  ];
  if (!admin) {
    try {
      const settings = await api.get(paths.notificationSettings);
      parts.push(wideCard('Recipients', 'grid-wide', settingsForm(settings, session.role === 'treasurer')));
    } catch (error) {
      parts.push(errorBox(error));
    }
  } else {
    parts.push(h('p', { class: 'subtle', text: 'Operator channels are set in configuration (Notifications:WebhookUrl, Notifications:Telegram:*, Notifications:Email:*); organisations set their own here.' }));
  }
  return parts;
}
