// The Keywarden console: plain ES modules, no framework. Pages are chosen by the URL's hash.
import { hasWebCrypto } from './sigv4.js';
import { ApiError, call, callQuery, dropSession, keepSession, seg, session, signInWithAccessKey, signInWithPassword,
  signOut } from './api.js';
import { h, show, fill, flash, date, ageDays, errorText } from './dom.js';
import { keysSection } from './keys.js';
import { auditPage, credentialReportPage, rolePage, rolesPage, rotatePage } from './pages.js';
import { userPage } from './user.js';
import { accountSettingsPage, expiryPolicyText } from './account.js';

const REMEMBERED = 'keywarden.console.remembered';

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
  keepSession({ credentials: answer.credentials, principal: answer.principal,
    passwordResetRequired: answer.passwordResetRequired });
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

/**
 * ChangePassword: forced after signing in with "User must create a new password at next sign-in", or chosen from
 * My security credentials.
 */
function changePasswordPage() {
  const forced = !!session().passwordResetRequired;
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'card', id: 'change-password-form', 'aria-labelledby': 'cp-title' },
    h('h1', { id: 'cp-title' }, 'Change password'),
    h('p', {}, forced ? 'You must change your password to continue.'
      : 'The new password must follow the account\'s password policy.'),
    field('old-password', 'Old password', { type: 'password', autocomplete: 'current-password', required: true }),
    field('new-password', 'New password', { type: 'password', autocomplete: 'new-password', required: true }),
    field('new-password-2', 'Retype new password', { type: 'password', autocomplete: 'new-password',
      required: true }),
    h('div', { class: 'toolbar' },
      h('button', { type: 'submit', class: 'primary' }, 'Confirm password change'),
      forced ? null : h('a', { href: '#/credentials' }, 'Cancel')),
    error);
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const inputs = ['#old-password', '#new-password', '#new-password-2'].map(s => form.querySelector(s));
    const [o, n, n2] = inputs.map(i => i.value);
    if (n !== n2) {
      error.textContent = 'The passwords do not match.';
      return;
    }
    try {
      await callQuery('ChangePassword', { OldPassword: o, NewPassword: n });
      inputs.forEach(i => { i.value = ''; });
      const s = session();
      keepSession(Object.assign(s, { passwordResetRequired: false }));
      if (forced) {
        location.hash = '#/dashboard';
      } else {
        show(h('h1', {}, 'Change password'),
          h('p', { id: 'password-changed', role: 'status' }, 'Your password has been changed.'),
          h('p', {}, h('a', { href: '#/credentials' }, 'Back to My security credentials')));
      }
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
  const hygiene = h('section', { 'aria-labelledby': 'hygiene-title', id: 'hygiene' });
  items.push(warnings, hygiene);
  show(...items);
  let report;
  try {
    report = await call('GET', '/v1/key-hygiene?maxItems=1000');
  } catch (e) {
    if (e.code !== 'AccessDenied') {
      warnings.append(errorText(e));
    } else {
      await ownKeysOnly(s, warnings);
    }
    return;
  }
  const sum = report.summary;
  if (sum.activeRootKeys > 0) {
    warnings.append(rootKeyWarning());
  }
  warnings.append(
    h('p', { id: 'old-keys' }, `Active access keys older than 90 days: ${sum.activeOlderThan90Days}`),
    h('p', { id: 'unused-keys' }, `Active access keys unused for more than 90 days: ${sum.activeUnusedFor90Days}`));
  fill(hygiene, ...hygieneSection(report));
}

function rootKeyWarning() {
  return h('p', { class: 'warning', id: 'root-key-warning' }, 'Root user has active access keys. '
    + 'Having access keys attached to your root user is a security risk.');
}

/** Without keywarden:GetKeyHygieneReport the dashboard can only count the caller's own keys, and says so. */
async function ownKeysOnly(s, warnings) {
  try {
    const keys = (await call('GET', '/v1/users/~/access-keys')).accessKeys;
    if (s.principal.type === 'Root' && keys.some(k => k.status === 'Active')) {
      warnings.append(rootKeyWarning());
    }
    const old = keys.filter(k => k.status === 'Active' && ageDays(k.createDate) > 90);
    warnings.append(h('p', { id: 'old-keys' }, `Your active access keys older than 90 days: ${old.length}`),
      h('p', { class: 'muted' }, 'The account-wide counts and the key hygiene report need '
        + 'keywarden:GetKeyHygieneReport.'));
  } catch (e) {
    warnings.append(errorText(e));
  }
}

const NEXT = { warn: 'Warn', deactivate: 'Deactivate', delete: 'Delete' };

/** The key expiry policy, the report's counts and the keys it says need attention (GET /v1/key-hygiene). */
function hygieneSection(report) {
  const sum = report.summary;
  const attention = report.keys.filter(k => k.state !== 'ok');
  const shownKeys = attention.slice(0, 20);
  const now = Date.now();
  const when = k => !k.nextActionDate ? '-'
    : Date.parse(k.nextActionDate) <= now ? (report.policy && report.policy.dryRun ? 'now (dry run)' : 'at the next run')
      : date(k.nextActionDate);
  const out = [h('h2', { id: 'hygiene-title' }, 'Access key hygiene'),
    h('p', { id: 'expiry-policy' }, h('strong', {}, 'Key expiry policy: '), expiryPolicyText(report.policy)),
    h('p', {}, h('a', { href: '#/account-settings', id: 'edit-expiry-policy-link' },
      report.policy ? 'Edit the key expiry policy in Account settings' : 'Set a key expiry policy in Account settings')),
    h('p', { id: 'hygiene-counts' }, `Keys: ${sum.keys}; due: ${sum.due}; overdue: ${sum.overdue}; `
      + `exempt: ${sum.exempt}`)];
  if (!shownKeys.length) {
    out.push(h('p', { id: 'hygiene-none' }, 'No key is due or overdue.'));
    return out;
  }
  out.push(h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Keys due or overdue' },
    h('table', { id: 'hygiene-table' },
      h('thead', {}, h('tr', {}, ['Access key ID', 'User', 'Status', 'Age (days)', 'Last used', 'State',
        'Next action', 'When', 'Why'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, shownKeys.map(k => h('tr', { 'data-key': k.accessKeyId },
        h('td', {}, k.accessKeyId),
        h('td', {}, k.root ? 'root user' : h('a', { href: '#/users/' + seg(k.userName) + '/security-credentials' },
          k.userName)),
        h('td', {}, k.status), h('td', {}, String(k.ageDays)), h('td', {}, date(k.lastUsedDate)),
        h('td', { class: 'state' }, k.exempt ? k.state + ' (exempt: ' + k.exemptBy + ')' : k.state),
        h('td', { class: 'next' }, k.nextAction ? NEXT[k.nextAction] || k.nextAction : '-'),
        h('td', {}, when(k)), h('td', {}, k.note || k.reason || '-')))))));
  const more = attention.length - shownKeys.length + (report.isTruncated ? 1 : 0);
  if (more > 0) {
    out.push(h('p', { class: 'muted' }, 'More keys need attention than are shown: the whole report is '
      + 'GET /v1/key-hygiene, or key-age-audit --policy-report.'));
  }
  return out;
}

function credentialsPage() {
  const password = session().principal.type !== 'IAMUser' ? null
    : h('section', { 'aria-labelledby': 'pw-title', id: 'console-password' },
      h('h2', { id: 'pw-title' }, 'Console password'),
      h('p', { class: 'muted' }, 'The password you sign in to the console with.'),
      h('button', { type: 'button', id: 'change-password', onclick: () => { location.hash = '#/change-password'; } },
        'Change password'));
  show(h('h1', {}, 'My security credentials'), password, keysSection('~', 'Access keys'));
}

// [id, AWS console heading, shown by default, sort parameter (null: not sortable)]
const COLUMNS = [
  ['userName', 'User name', true, 'userName'], ['path', 'Path', false, null],
  ['keys', 'Access key ID', true, null], ['keyAge', 'Active key age', true, 'activeKeyAge'],
  ['lastUsed', 'Access key last used', false, 'accessKeyLastUsed'], ['passwordAge', 'Password age', false, 'passwordAge'],
  ['lastSignIn', 'Console last sign-in', false, 'consoleLastSignIn'], ['createDate', 'Creation time', false, 'createDate'],
  ['arn', 'ARN', false, null]];
const shown = new Set(COLUMNS.filter(c => c[2]).map(c => c[0]));
const PAGE = 20;
// kept while the tab lives, so that coming back to Users shows the same order and search
const usersView = { sort: 'userName', order: 'asc', search: '' };

function days(n) {
  return n === undefined || n === null ? 'None' : `${n} day${n === 1 ? '' : 's'}`;
}

// One row of ListUserSummaries (GET /v1/user-summaries): every column from the one answer, no call per row.
function userCells(u) {
  return {
    userName: h('a', { href: '#/users/' + seg(u.userName) }, u.userName),
    path: u.path,
    keys: u.accessKeys.length ? u.accessKeys.map(k => h('div', { class: 'key' }, `${k.accessKeyId} - ${k.status}`)) : 'None',
    keyAge: days(u.activeKeyAgeDays),
    lastUsed: u.accessKeyLastUsed && u.accessKeyLastUsed.lastUsedDate ? date(u.accessKeyLastUsed.lastUsedDate) : 'None',
    passwordAge: u.passwordEnabled ? days(u.passwordAgeDays) : 'None',
    lastSignIn: u.passwordEnabled ? (u.consoleLastSignIn ? date(u.consoleLastSignIn) : 'Never') : 'None',
    createDate: date(u.createDate), arn: u.arn,
  };
}

async function usersPage() {
  const search = h('input', { type: 'search', id: 'user-search', 'aria-label': 'Search by user name or access key ID',
    placeholder: 'User name or access key ID', value: usersView.search });
  const table = h('div', { class: 'table-wrap', id: 'users-table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Users' }, h('p', {}, 'Loading…'));
  const columns = h('fieldset', { id: 'manage-columns', hidden: true }, h('legend', {}, 'Manage columns'),
    COLUMNS.filter(c => c[0] !== 'userName').map(([id, label]) => h('label', {},
      h('input', { type: 'checkbox', value: id, checked: shown.has(id), onchange: ev => {
        ev.target.checked ? shown.add(id) : shown.delete(id);
        render();
      } }), ' ', label)));
  const newName = h('input', { type: 'text', id: 'new-user-name', 'aria-label': 'New user name' });
  // markers of the pages before this one (null: the first page), for "Previous page"
  let markers = [];
  let marker = null;
  let page = null;
  show(h('h1', {}, 'Users'),
    h('form', { class: 'toolbar', id: 'search-form', role: 'search', onsubmit: ev => {
      ev.preventDefault();
      usersView.search = search.value.trim();
      markers = [];
      load(null);
    } }, search, h('button', { type: 'submit' }, 'Search'),
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

  function sortBy(param) {
    if (usersView.sort === param) {
      usersView.order = usersView.order === 'asc' ? 'desc' : 'asc';
    } else {
      usersView.sort = param;
      usersView.order = 'asc';
    }
    markers = [];
    load(null, 'sort-' + param);
  }

  function header(c) {
    const [id, label, , param] = c;
    if (!param) {
      return h('th', { scope: 'col' }, label);
    }
    const sorted = usersView.sort === param;
    const direction = usersView.order === 'asc' ? 'ascending' : 'descending';
    return h('th', { scope: 'col', 'aria-sort': sorted ? direction : 'none', 'data-column': id },
      h('button', { type: 'button', class: 'sort', id: 'sort-' + param, onclick: () => sortBy(param),
        title: sorted ? `Sorted ${direction}; activate to reverse` : `Sort by ${label}` },
      label, h('span', { 'aria-hidden': 'true', class: 'sort-mark' }, sorted ? (usersView.order === 'asc' ? ' ▲' : ' ▼') : '')));
  }

  function render(focusId) {
    if (!page) {
      return;
    }
    const visible = COLUMNS.filter(c => shown.has(c[0]) || c[0] === 'userName');
    const rows = page.users.map(u => {
      const cells = userCells(u);
      return h('tr', { 'data-user': u.userName }, visible.map(c => h('td', {}, cells[c[0]])));
    });
    const nav = h('p', { class: 'toolbar' },
      markers.length ? h('button', { type: 'button', id: 'previous-page', onclick: () => {
        load(markers.pop(), 'previous-page');
      } }, 'Previous page') : null,
      page.isTruncated ? h('button', { type: 'button', id: 'next-page', onclick: () => {
        markers.push(marker);
        load(page.marker, 'next-page');
      } }, 'Next page') : null);
    const q = usersView.search;
    fill(table, h('table', { id: 'users-table', 'data-sort': usersView.sort, 'data-order': usersView.order },
      h('caption', { class: 'muted' }, q ? `Users matching "${q}"` : 'Users'),
      h('thead', {}, h('tr', {}, visible.map(header))),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: visible.length }, 'No users found')))), nav);
    const focus = focusId && document.getElementById(focusId);
    if (focus) {
      focus.focus();
    }
  }

  async function load(at, focusId) {
    flash(null);
    const params = new URLSearchParams({ maxItems: String(PAGE), sort: usersView.sort, order: usersView.order });
    if (usersView.search) {
      params.set('search', usersView.search);
    }
    if (at) {
      params.set('marker', at);
    }
    try {
      page = await call('GET', '/v1/user-summaries?' + params.toString());
      marker = at;
    } catch (e) {
      fill(table, errorText(e));
      return;
    }
    render(focusId);
  }
  load(null);
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
  } else if (hash.startsWith('#/roles/')) {
    rolePage(decodeURIComponent(hash.substring('#/roles/'.length)));
  } else if (hash === '#/credential-report') {
    credentialReportPage();
  } else if (hash === '#/audit') {
    auditPage();
  } else if (hash === '#/credentials') {
    credentialsPage();
  } else if (hash === '#/users') {
    usersPage();
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
