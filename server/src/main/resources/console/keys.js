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
    const used = await Promise.all(keys.map(k => lastUsed(k.accessKeyId)));
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
            }) }, 'Delete') : null));
    });
    fill(section,
      h('h2', { id: 'keys-title' }, title),
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
