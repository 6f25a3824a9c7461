// The Keywarden console: plain ES modules, no framework. Pages are chosen by the URL's hash.
import { hasWebCrypto } from './sigv4.js';
import { ApiError, call, callQuery, dropSession, keepSession, seg, session, signInWithAccessKey, signInWithPassword,
  signOut } from './api.js';
import { h, show, flash, date, ageDays } from './dom.js';
import { keysSection } from './keys.js';
import { auditPage, credentialReportPage, rolesPage, rotatePage } from './pages.js';
import { userPage } from './user.js';
import { accountSettingsPage } from './account.js';

const REMEMBERED = 'keywarden.console.remembered';
const KEY_ID = /^A[KS]IA[A-Z0-9]{12,124}$/;

function remembered() {
  try {
    return JSON.parse(localStorage.getItem(REMEMBERED)) || {};
  } catch (e) {
    return {};
  }
}

function field(id, label, attrs = {}) {
  return [h('label', { for: id }, label), h('input', Object.assign({ id, name: id, type: 'text' }, attrs))];
}

function signedIn(answer) {
  keepSession({ credentials: answer.credentials, principal: answer.principal });
  location.hash = answer.passwordResetRequired ? '#/change-password' : '#/dashboard';
  route();
}

function signInPage() {
  const r = remembered();
  const error = h('p', { class: 'error', id: 'sign-in-error', role: 'alert' });
  const passwordForm = h('form', { class: 'card', id: 'password-form', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, 'Sign in as IAM user'),
    field('account', 'Account ID or alias', { value: r.account || '', autocomplete: 'username', required: true }),
    field('username', 'IAM user name', { value: r.userName || '', autocomplete: 'username' }),
    field('password', 'Password', { type: 'password', autocomplete: 'current-password', required: true }),
    h('button', { type: 'submit', class: 'primary', id: 'sign-in' }, 'Sign in'),
    error,
    h('p', {}, h('button', { type: 'button', class: 'linklike', id: 'different-account', onclick: () => {
      localStorage.removeItem(REMEMBERED);
      passwordForm.querySelector('#account').value = '';
      passwordForm.querySelector('#username').value = '';
    } }, 'Sign in to a different account')));
  passwordForm.addEventListener('submit', async ev => {
    ev.preventDefault();
    const account = passwordForm.querySelector('#account').value.trim();
    const userName = passwordForm.querySelector('#username').value.trim();
    const password = passwordForm.querySelector('#password');
    try {
      const answer = await signInWithPassword(account, userName, password.value);
      localStorage.setItem(REMEMBERED, JSON.stringify({ account, userName }));
      password.value = '';
      signedIn(answer);
    } catch (e) {
      password.value = '';
      error.textContent = e.message;
    }
  });
  const keyError = h('p', { class: 'error', id: 'key-sign-in-error', role: 'alert' });
  const keyForm = h('form', { class: 'card', id: 'key-form', 'aria-labelledby': 'key-title' },
    h('h2', { id: 'key-title' }, 'Sign in with an access key'),
    h('p', { class: 'muted' }, 'For principals without a password. The key signs the sign-in request in this browser '
      + 'and is then forgotten; only the console session is kept, in this tab.'),
    field('key-id', 'Access key ID', { autocomplete: 'off', required: true }),
    field('key-secret', 'Secret access key', { type: 'password', autocomplete: 'off', required: true }),
    h('button', { type: 'submit', class: 'primary', id: 'key-sign-in' }, 'Sign in'),
    keyError);
  keyForm.addEventListener('submit', async ev => {
    ev.preventDefault();
    const secret = keyForm.querySelector('#key-secret');
    try {
      const answer = await signInWithAccessKey(keyForm.querySelector('#key-id').value.trim(), secret.value.trim());
      secret.value = '';
      signedIn(answer);
    } catch (e) {
      secret.value = '';
      keyError.textContent = e.message;
    }
  });
  show(passwordForm, keyForm);
}

function changePasswordPage() {
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'card', id: 'change-password-form', 'aria-labelledby': 'cp-title' },
    h('h1', { id: 'cp-title' }, 'Change password'),
    h('p', {}, 'You must change your password to continue.'),
    field('old-password', 'Old password', { type: 'password', autocomplete: 'current-password', required: true }),
    field('new-password', 'New password', { type: 'password', autocomplete: 'new-password', required: true }),
    field('new-password-2', 'Retype new password', { type: 'password', autocomplete: 'new-password',
      required: true }),
    h('button', { type: 'submit', class: 'primary' }, 'Confirm password change'), error);
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const [o, n, n2] = ['#old-password', '#new-password', '#new-password-2'].map(s => form.querySelector(s).value);
    if (n !== n2) {
      error.textContent = 'The passwords do not match.';
      return;
    }
    try {
      await callQuery('ChangePassword', { OldPassword: o, NewPassword: n });
      location.hash = '#/dashboard';
    } catch (e) {
      error.textContent = e.code + ': ' + e.message;
    }
  });
  show(form);
}

async function dashboardPage() {
  const s = session();
  const items = [h('h1', {}, 'IAM dashboard')];
  items.push(h('p', {}, 'Signed in as ', h('span', { class: 'secret' }, s.principal.arn)));
  const warnings = h('section', { 'aria-labelledby': 'rec-title' }, h('h2', { id: 'rec-title' },
    'Security recommendations'));
  items.push(warnings);
  show(...items);
  try {
    const keys = (await call('GET', '/v1/users/~/access-keys')).accessKeys;
    const old = keys.filter(k => k.status === 'Active' && ageDays(k.createDate) > 90);
    if (s.principal.type === 'Root' && keys.some(k => k.status === 'Active')) {
      warnings.append(h('p', { class: 'warning', id: 'root-key-warning' }, 'Root user has active access keys. '
        + 'Having access keys attached to your root user is a security risk.'));
    }
    warnings.append(h('p', {}, `Your active access keys older than 90 days: ${old.length}`));
  } catch (e) {
    warnings.append(h('p', { class: 'error' }, e.code + ': ' + e.message));
  }
}

function credentialsPage() {
  show(h('h1', {}, 'My security credentials'), keysSection('~', 'Access keys'));
}

const COLUMNS = [
  ['userName', 'User name', true], ['path', 'Path', false], ['keys', 'Access key ID', true],
  ['keyAge', 'Active key age', true], ['lastUsed', 'Access key last used', false],
  ['createDate', 'Creation time', false], ['arn', 'ARN', false]];
const shown = new Set(COLUMNS.filter(c => c[2]).map(c => c[0]));
const PAGE = 20;

async function usersPage(marker, markers = []) {
  const search = h('input', { type: 'search', id: 'user-search', 'aria-label': 'Search by user name or access key ID',
    placeholder: 'User name or access key ID' });
  const table = h('div', { class: 'table-wrap', id: 'users-table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Users' }, h('p', {}, 'Loading…'));
  const columns = h('fieldset', { id: 'manage-columns', hidden: true }, h('legend', {}, 'Manage columns'),
    COLUMNS.filter(c => c[0] !== 'userName').map(([id, label]) => h('label', {},
      h('input', { type: 'checkbox', value: id, checked: shown.has(id), onchange: ev => {
        ev.target.checked ? shown.add(id) : shown.delete(id);
        load();
      } }), ' ', label)));
  const newName = h('input', { type: 'text', id: 'new-user-name', 'aria-label': 'New user name' });
  show(h('h1', {}, 'Users'),
    h('form', { class: 'toolbar', id: 'search-form', role: 'search', onsubmit: ev => { ev.preventDefault(); load(); } },
      search, h('button', { type: 'submit' }, 'Search'),
      h('button', { type: 'button', id: 'manage-columns-button', 'aria-controls': 'manage-columns',
        onclick: () => { columns.hidden = !columns.hidden; } }, 'Manage columns')),
    columns, table,
    h('form', { class: 'toolbar', id: 'create-user-form', onsubmit: async ev => {
      ev.preventDefault();
      try {
        await call('POST', '/v1/users', { userName: newName.value.trim() });
        location.hash = '#/users/' + seg(newName.value.trim());
      } catch (e) {
        flash(e);
      }
    } }, newName, h('button', { type: 'submit', class: 'primary' }, 'Create user')));

  async function rowsOf(users) {
    return Promise.all(users.map(async u => {
      let keys = [];
      if (shown.has('keys') || shown.has('keyAge') || shown.has('lastUsed')) {
        try {
          keys = (await call('GET', `/v1/users/${seg(u.userName)}/access-keys`)).accessKeys;
        } catch (e) {
          keys = [];
        }
      }
      let used = [];
      if (shown.has('lastUsed')) {
        used = await Promise.all(keys.map(k => call('GET', `/v1/access-keys/${seg(k.accessKeyId)}/last-used`)
          .then(r => r.accessKeyLastUsed.lastUsedDate, () => null)));
      }
      const active = keys.filter(k => k.status === 'Active');
      const cells = {
        userName: h('a', { href: '#/users/' + seg(u.userName) }, u.userName),
        path: u.path,
        keys: keys.length ? keys.map(k => h('div', { class: 'key' }, `${k.accessKeyId} - ${k.status}`)) : 'None',
        keyAge: active.length ? `${Math.max(...active.map(k => ageDays(k.createDate)))} days` : 'None',
        lastUsed: used.filter(Boolean).sort().reverse()[0] ? date(used.filter(Boolean).sort().reverse()[0]) : 'None',
        createDate: date(u.createDate), arn: u.arn,
      };
      return h('tr', { 'data-user': u.userName }, COLUMNS.filter(c => shown.has(c[0]) || c[0] === 'userName')
        .map(c => h('td', {}, cells[c[0]])));
    }));
  }

  async function load() {
    flash(null);
    const q = search.value.trim();
    let users;
    let page = null;
    try {
      if (q && KEY_ID.test(q)) {
        const owner = await call('GET', `/v1/access-keys/${seg(q)}/owner`);
        users = owner.userName ? [await call('GET', `/v1/users/${seg(owner.userName)}`)] : [];
      } else if (q) {
        users = [await call('GET', `/v1/users/${seg(q)}`)];
      } else {
        page = await call('GET', `/v1/users?maxItems=${PAGE}` + (marker ? `&marker=${encodeURIComponent(marker)}` : ''));
        users = page.users;
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'NoSuchEntity') {
        users = [];
      } else {
        table.replaceChildren(h('p', { class: 'error' }, e.code + ': ' + e.message));
        return;
      }
    }
    const rows = await rowsOf(users);
    const head = h('thead', {}, h('tr', {}, COLUMNS.filter(c => shown.has(c[0]) || c[0] === 'userName')
      .map(c => h('th', { scope: 'col' }, c[1]))));
    const nav = h('p', {},
      markers.length ? h('button', { type: 'button', id: 'previous-page', onclick: () => {
        const before = markers.slice(0, -1);
        usersPage(markers[markers.length - 1], before);
      } }, 'Previous page') : null,
      page && page.isTruncated ? h('button', { type: 'button', id: 'next-page', onclick: () => {
        usersPage(page.marker, markers.concat([marker || null]));
      } }, 'Next page') : null);
    table.replaceChildren(h('table', { id: 'users-table' }, h('caption', { class: 'muted' },
      q ? `Users matching "${q}"` : 'Users'), head, h('tbody', {}, rows.length ? rows
      : h('tr', {}, h('td', { colspan: shown.size + 1 }, 'No users found')))), nav);
  }
  load();
}

async function route() {
  flash(null);
  const top = document.getElementById('top');
  if (!hasWebCrypto()) {
    top.hidden = true;
    show(h('section', { id: 'needs-https' }, h('h1', {}, 'The console needs HTTPS'),
      h('p', {}, 'This browser offers no WebCrypto on this page, which the console needs to sign requests. Open the '
        + 'console over HTTPS (or on localhost).')));
    return;
  }
  const s = session();
  if (!s || Date.parse(s.credentials.expiration) <= Date.now()) {
    dropSession();
    top.hidden = true;
    signInPage();
    return;
  }
  top.hidden = false;
  document.getElementById('who').textContent = s.principal.userName || 'Root user';
  const hash = location.hash || '#/dashboard';
  const user = hash.match(/^#\/users\/([^/]+)(?:\/(permissions|security-credentials))?$/);
  const rotate = hash.match(/^#\/users\/([^/]+)\/rotate\/([^/]+)$/);
  if (rotate) {
    rotatePage(decodeURIComponent(rotate[1]), decodeURIComponent(rotate[2]));
  } else if (hash === '#/roles') {
    rolesPage();
  } else if (hash === '#/credential-report') {
    credentialReportPage();
  } else if (hash === '#/audit') {
    auditPage();
  } else if (hash === '#/credentials') {
    credentialsPage();
  } else if (hash === '#/users') {
    usersPage(null);
  } else if (user) {
    userPage(decodeURIComponent(user[1]), user[2]);
  } else if (hash === '#/account-settings') {
    accountSettingsPage();
  } else if (hash === '#/change-password') {
    changePasswordPage();
  } else {
    dashboardPage();
  }
}

window.addEventListener('hashchange', route);
document.getElementById('sign-out').addEventListener('click', async () => {
  try {
    await signOut();
  } catch (e) {
    dropSession();
  }
  location.hash = '';
  route();
});
route();
