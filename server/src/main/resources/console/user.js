// A user's page, as the AWS console has it: a summary and two tabs, "Permissions" (policies, managed policies to
// attach, tags) and "Security credentials" (console password, access keys). Every call is an ordinary signed /v1 call.
import { ApiError, call, seg } from './api.js';
import { h, show, flash, date, fill, errorText } from './dom.js';
import { keysSection } from './keys.js';
import { permissionsSection, tagsSection } from './pages.js';

export const TABS = [['permissions', 'Permissions'], ['security-credentials', 'Security credentials']];

function check(id, label, checked) {
  return h('label', { class: 'check', for: id }, h('input', { type: 'checkbox', id, checked: !!checked }), ' ', label);
}

/**
 * The "Console sign-in" panel of a user's Security credentials: whether console access is enabled and when the
 * password last changed; "Enable console access", "Reset password" (both with "User must create a new password at
 * next sign-in") and "Disable console access" (CreateLoginProfile, UpdateLoginProfile, DeleteLoginProfile).
 */
export function consoleAccessSection(user) {
  const section = h('section', { 'aria-labelledby': 'console-access-title', id: 'console-access' });
  const path = `/v1/users/${seg(user)}/login-profile`;

  function passwordForm(id, submitLabel, send) {
    const error = h('p', { class: 'error', role: 'alert', id: id + '-error' });
    const form = h('form', { id, class: 'card' },
      h('label', { for: id + '-password' }, 'Custom password'),
      h('input', { type: 'password', id: id + '-password', autocomplete: 'new-password', required: true }),
      check(id + '-reset', 'User must create a new password at next sign-in', true),
      h('button', { type: 'submit', class: 'primary', id: id + '-submit' }, submitLabel),
      h('button', { type: 'button', onclick: () => render() }, 'Cancel'),
      error);
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      const password = form.querySelector(`#${id}-password`);
      try {
        await send(password.value, form.querySelector(`#${id}-reset`).checked);
        password.value = '';
        render();
      } catch (e) {
        password.value = '';
        error.textContent = e.code + ': ' + e.message;
      }
    });
    return form;
  }

  async function render(extra) {
    let profile = null;
    try {
      profile = await call('GET', path);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'NoSuchEntity')) {
        fill(section, h('h2', { id: 'console-access-title' }, 'Console sign-in'), errorText(e));
        return;
      }
    }
    const head = h('h2', { id: 'console-access-title' }, 'Console sign-in');
    if (!profile) {
      fill(section, head,
        h('p', {}, 'Console password: ', h('strong', { id: 'console-password-status' }, 'Disabled')),
        extra || h('button', { type: 'button', class: 'primary', id: 'enable-console-access',
          onclick: () => render(passwordForm('enable-console-form', 'Enable console access', (password, reset) =>
            call('POST', path, { password, passwordResetRequired: reset }))) }, 'Enable console access'));
      return;
    }
    fill(section, head,
      h('p', {}, 'Console password: ', h('strong', { id: 'console-password-status' }, 'Enabled')),
      h('p', { id: 'password-last-changed' }, 'Password last changed: ',
        date(profile.passwordLastChanged || profile.createDate)),
      h('p', {}, 'User must create a new password at next sign-in: ',
        h('span', { id: 'password-reset-required' }, profile.passwordResetRequired ? 'Yes' : 'No')),
      extra || [
        h('button', { type: 'button', id: 'reset-password', onclick: () => render(passwordForm('reset-password-form',
          'Reset password', (password, reset) => call('PATCH', path, { password, passwordResetRequired: reset }))) },
        'Reset password'),
        h('button', { type: 'button', id: 'disable-console-access', onclick: async () => {
          try {
            await call('DELETE', path);
          } catch (e) {
            flash(e);
          }
          render();
        } }, 'Disable console access')]);
  }
  render();
  return section;
}

/** A user's page; {@code tab} is "permissions" (the AWS console's first tab) or "security-credentials". */
export async function userPage(name, tab) {
  let user;
  try {
    user = await call('GET', `/v1/users/${seg(name)}`);
  } catch (e) {
    show(h('h1', {}, name), errorText(e));
    return;
  }
  const panels = {
    'permissions': [permissionsSection(name), tagsSection(name)],
    'security-credentials': [consoleAccessSection(name), keysSection(name, 'Access keys')],
  };
  const buttons = TABS.map(([id, label]) => h('button', { type: 'button', role: 'tab', id: 'tab-' + id,
    'aria-controls': 'panel-' + id, onclick: () => select(id), onkeydown: ev => {
      const i = TABS.findIndex(t => t[0] === id);
      const step = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
      if (step) {
        ev.preventDefault();
        const next = TABS[(i + step + TABS.length) % TABS.length][0];
        select(next);
        document.getElementById('tab-' + next).focus();
      }
    } }, label));
  const divs = TABS.map(([id]) => h('div', { role: 'tabpanel', id: 'panel-' + id, 'aria-labelledby': 'tab-' + id,
    tabindex: '0' }, panels[id]));
  function select(id) {
    TABS.forEach(([t], i) => {
      buttons[i].setAttribute('aria-selected', String(t === id));
      buttons[i].tabIndex = t === id ? 0 : -1;
      divs[i].hidden = t !== id;
    });
    history.replaceState(null, '', `#/users/${seg(name)}/${id}`);
  }
  show(h('h1', {}, user.userName),
    h('section', { 'aria-labelledby': 'summary-title' }, h('h2', { id: 'summary-title' }, 'Summary'),
      h('p', {}, 'ARN: ', h('span', { class: 'secret' }, user.arn)),
      h('p', {}, 'Created: ', date(user.createDate)),
      h('button', { type: 'button', id: 'delete-user', onclick: async () => {
        try {
          await call('DELETE', `/v1/users/${seg(name)}`);
          location.hash = '#/users';
        } catch (e) {
          flash(e);
        }
      } }, 'Delete user')),
    h('div', { role: 'tablist', class: 'tabs', 'aria-label': 'User details' }, buttons),
    divs);
  select(TABS.some(t => t[0] === tab) ? tab : 'permissions');
}
