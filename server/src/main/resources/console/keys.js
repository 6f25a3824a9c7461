// Access keys of one user (or of the caller, "~"): the table and its controls, as the AWS console has them.
import { call, seg } from './api.js';
import { h, flash, date, ageDays, fill, errorText, oneTimeDialog, csvLine } from './dom.js';

export const KEY_LIMIT = 2;

async function lastUsed(id) {
  try {
    return (await call('GET', `/v1/access-keys/${seg(id)}/last-used`)).accessKeyLastUsed;
  } catch (e) {
    return null;
  }
}

/** The one-time dialog of a new key: the warning, Show, Download .csv file, Close (which drops the secret). */
export function newKeyDialog(created, onClose) {
  oneTimeDialog({
    ids: { dialog: 'new-key-dialog', title: 'new-key-title', secret: 'new-secret', show: 'show-secret',
      download: 'download-csv', close: 'close-new-key' },
    title: 'Retrieve access keys',
    warning: 'This is the only time that the secret access key can be viewed or downloaded. You cannot recover it '
      + 'later. However, you can create a new access key any time.',
    rows: [['Access key', created.accessKeyId, 'new-key-id']],
    secretLabel: 'Secret access key',
    secret: created.secretAccessKey,
    csv: 'Access key ID,Secret access key\n' + csvLine(created.accessKeyId, created.secretAccessKey),
    filename: (created.userName || 'root') + '_accessKeys.csv',
    onClose,
  });
}

function confirmDelete(key, onConfirmed) {
  const input = h('input', { type: 'text', id: 'confirm-key-id', autocomplete: 'off' });
  const button = h('button', { type: 'button', class: 'primary', id: 'confirm-delete', disabled: true,
    onclick: async () => {
      dialog.close();
      dialog.remove();
      await onConfirmed();
    } }, 'Delete');
  input.addEventListener('input', () => { button.disabled = input.value.trim() !== key.accessKeyId; });
  const dialog = h('dialog', { 'aria-labelledby': 'delete-title' },
    h('h2', { id: 'delete-title' }, `Delete ${key.accessKeyId}?`),
    h('p', {}, 'To confirm deletion, enter the access key ID in the text input field.'),
    h('label', { for: 'confirm-key-id' }, 'Access key ID'), input,
    h('p', {}, h('button', { type: 'button', onclick: () => { dialog.close(); dialog.remove(); } }, 'Cancel'),
      button));
  document.body.append(dialog);
  dialog.showModal();
  input.focus();
}

/** The built-in deny policy of a quarantine (docs/key-hygiene.md "Quarantining a leaked key"). */
const QUARANTINE_ARN = 'arn:aws:iam::aws:policy/KeywardenCompromisedKeyQuarantine';

/**
 * "Quarantine" a leaked key: the reason (kept in the audit trail), whether to make the key inactive too, and what the
 * quarantine does and how it is undone. POST /v1/access-keys/{id}/quarantine.
 */
function quarantineDialog(user, key, onDone) {
  const reason = h('input', { type: 'text', id: 'quarantine-reason', required: true, maxlength: 1000,
    autocomplete: 'off' });
  const deactivate = h('input', { type: 'checkbox', id: 'quarantine-deactivate' });
  const error = h('p', { class: 'error', role: 'alert', id: 'quarantine-error' });
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  const form = h('form', { id: 'quarantine-form', onsubmit: async ev => {
    ev.preventDefault();
    try {
      await call('POST', `/v1/access-keys/${seg(key.accessKeyId)}/quarantine`,
        { reason: reason.value.trim(), deactivate: deactivate.checked });
      close();
      onDone();
    } catch (e) {
      error.textContent = e.code + ': ' + e.message;
    }
  } },
    h('p', {}, `Attaches the policy KeywardenCompromisedKeyQuarantine to ${user}: it denies everything except `
      + 'reading and rotating the user\'s own access keys, whichever key is used. Undo it with "Remove quarantine" '
      + '(detaching the policy).'),
    h('label', { for: 'quarantine-reason' }, 'Reason (recorded in the audit trail)'), reason,
    h('label', { class: 'check', for: 'quarantine-deactivate' }, deactivate, ' Also make this key inactive (it stops '
      + 'authenticating at once)'),
    h('p', {}, h('button', { type: 'button', onclick: close }, 'Cancel'),
      h('button', { type: 'submit', class: 'primary', id: 'confirm-quarantine' }, 'Quarantine')),
    error);
  const dialog = h('dialog', { 'aria-labelledby': 'quarantine-title', id: 'quarantine-dialog' },
    h('h2', { id: 'quarantine-title' }, `Quarantine ${key.accessKeyId}?`), form);
  document.body.append(dialog);
  dialog.showModal();
  reason.focus();
}

/** Whether {@code user} is quarantined; {@code null} when the caller may not list its attached policies. */
async function quarantined(user) {
  try {
    return (await call('GET', `/v1/users/${seg(user)}/attached-policies`)).attachedPolicies
      .some(p => p.policyArn === QUARANTINE_ARN);
  } catch (e) {
    return null;
  }
}

/** The access keys section of {@code user} ("~" for the caller); re-renders itself after every change. */
export function keysSection(user, title) {
  const section = h('section', { 'aria-labelledby': 'keys-title' });
  async function render() {
    let keys;
    try {
      keys = (await call('GET', `/v1/users/${seg(user)}/access-keys`)).accessKeys;
    } catch (e) {
      section.replaceChildren(h('h2', { id: 'keys-title' }, title), errorText(e));
      return;
    }
    const [used, isQuarantined] = await Promise.all([Promise.all(keys.map(k => lastUsed(k.accessKeyId))),
      user === '~' ? null : quarantined(user)]);
    const atLimit = keys.length >= KEY_LIMIT;
    // AWS's console asks for an optional "Description tag value": the owner's tag keyed by the new key's ID
    const description = h('input', { type: 'text', id: 'new-key-description', maxlength: 256, disabled: atLimit,
      'aria-describedby': 'new-key-description-hint' });
    const create = h('button', { type: 'button', class: 'primary', id: 'create-key', disabled: atLimit,
      'aria-describedby': atLimit ? 'limit-note' : null, onclick: async () => {
        try {
          const text = description.value.trim();
          const created = await call('POST', `/v1/users/${seg(user)}/access-keys`, text ? { description: text }
            : undefined);
          newKeyDialog(created, render);
        } catch (e) {
          flash(e);
        }
      } }, 'Create access key');
    const rows = keys.map((k, i) => {
      const u = used[i] || {};
      const status = k.status === 'Active' ? 'Inactive' : 'Active';
      return h('tr', { 'data-key': k.accessKeyId },
        h('td', { class: 'secret' }, k.accessKeyId),
        h('td', { class: 'status' }, k.status),
        h('td', { class: 'description' }, k.description || '-'),
        h('td', {}, date(k.createDate), ' (', String(ageDays(k.createDate)), ' days)'),
        h('td', { class: 'last-used' }, u.lastUsedDate ? date(u.lastUsedDate) : 'N/A'),
        h('td', {}, u.region || 'N/A'),
        h('td', {}, u.serviceName || 'N/A'),
        h('td', {},
          h('button', { type: 'button', class: 'toggle', 'aria-label': `Make ${status.toLowerCase()} ${k.accessKeyId}`,
            onclick: async () => {
              try {
                await call('PATCH', `/v1/users/${seg(user)}/access-keys/${seg(k.accessKeyId)}`, { status });
              } catch (e) {
                flash(e);
              }
              render();
            } }, k.status === 'Active' ? 'Make inactive' : 'Make active'),
          k.status === 'Active' && user !== '~' ? h('a', { class: 'rotate', href: `#/users/${seg(user)}/rotate/`
            + seg(k.accessKeyId) }, 'Rotate access key') : null,
          k.status === 'Inactive' ? h('button', { type: 'button', class: 'delete',
            'aria-label': `Delete ${k.accessKeyId}`, onclick: () => confirmDelete(k, async () => {
              try {
                await call('DELETE', `/v1/users/${seg(user)}/access-keys/${seg(k.accessKeyId)}`);
              } catch (e) {
                flash(e);
              }
              render();
            }) }, 'Delete') : null,
          // a leaked key of a user (root keys cannot be quarantined, and the caller's own page has no such control)
          user !== '~' && isQuarantined === false ? h('button', { type: 'button', class: 'quarantine',
            'aria-label': `Quarantine ${k.accessKeyId}`, onclick: () => quarantineDialog(user, k, render) },
          'Quarantine') : null));
    });
    const banner = !isQuarantined ? null : h('div', { class: 'warning', id: 'quarantine-banner', role: 'status' },
      h('p', {}, `${user} is quarantined: the policy KeywardenCompromisedKeyQuarantine denies everything except `
        + 'reading and rotating its own access keys. Rotate the leaked key, then remove the quarantine.'),
      h('button', { type: 'button', id: 'remove-quarantine', onclick: async () => {
        try {
          await call('DELETE', `/v1/users/${seg(user)}/attached-policies/${seg(QUARANTINE_ARN)}`);
        } catch (e) {
          flash(e);
        }
        render();
      } }, 'Remove quarantine'));
    fill(section,
      h('h2', { id: 'keys-title' }, title),
      banner,
      h('p', { class: 'muted' }, 'Use access keys to send programmatic calls to Keywarden. You can have a maximum of '
        + 'two access keys (active or inactive) at a time. Only inactive keys can be deleted.'),
      h('label', { for: 'new-key-description' }, 'Description tag value - optional'), description,
      h('p', { class: 'muted', id: 'new-key-description-hint' }, 'Describe the new key\'s purpose (up to 256 '
        + 'characters); it is kept as a tag of the key\'s owner whose key is the access key ID.'),
      create,
      atLimit ? h('span', { id: 'limit-note', class: 'muted' }, 'You can have a maximum of two access keys. '
        + 'To create a new one, delete an inactive key first.') : null,
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Access keys' }, h('table', { id: 'keys-table' },
        h('caption', { class: 'muted' }, `Access keys (${keys.length})`),
        h('thead', {}, h('tr', {}, ['Access key ID', 'Status', 'Description', 'Created', 'Last used', 'Last used region',
          'Last used service', 'Actions'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 8 }, 'No access keys'))))));
  }
  render();
  return section;
}
