// "Account settings", as the AWS console has it: the account's password policy (GetAccountPasswordPolicy, edited with
// every field of UpdateAccountPasswordPolicy, DeleteAccountPasswordPolicy) and the account alias (ListAccountAliases,
// CreateAccountAlias, DeleteAccountAlias), and Keywarden's key expiry policy (GET/PUT/DELETE /v1/key-hygiene/policy). A
// denied call shows the AWS error code and message.
import { call, getOrNull, seg } from './api.js';
import { h, show, flash, fill, errorText, date } from './dom.js';

export const POLICY = '/v1/account/password-policy';

/** What applies while no policy is set (docs/passwords.md): AWS's default password policy. */
const DEFAULT_RULES = ['Minimum password length is 8 characters',
  'Include a minimum of three of the following mix of character types: uppercase, lowercase, numbers, and '
    + 'non-alphanumeric character symbols',
  'Must not be identical to the user name',
  'Users can change their own password'];

/** The password policy's symbols (core PasswordPolicy.SYMBOLS), as "Require symbols" counts them. */
export const POLICY_SYMBOLS = '!@#$%^&*()_+-=[]{}|\'';
const SYMBOLS = [...POLICY_SYMBOLS].join(' ');

function rulesOf(p) {
  const rules = [`Minimum password length is ${p.minimumPasswordLength} characters`];
  if (p.requireUppercaseCharacters) {
    rules.push('Require at least one uppercase letter from the Latin alphabet (A-Z)');
  }
  if (p.requireLowercaseCharacters) {
    rules.push('Require at least one lowercase letter from the Latin alphabet (a-z)');
  }
  if (p.requireNumbers) {
    rules.push('Require at least one number');
  }
  if (p.requireSymbols) {
    rules.push(`Require at least one non-alphanumeric character (${SYMBOLS})`);
  }
  rules.push(p.expirePasswords ? `Password expires in ${p.maxPasswordAge} day(s)` : 'Password never expires');
  if (p.hardExpiry) {
    rules.push('Password expiration requires administrator reset');
  }
  rules.push(p.allowUsersToChangePassword ? 'Allow users to change their own password'
    : 'Users cannot change their own password unless a policy allows iam:ChangePassword');
  if (p.passwordReusePrevention) {
    rules.push(`Remember last ${p.passwordReusePrevention} password(s) and prevent reuse`);
  }
  return rules;
}

function checkbox(id, label, checked, onchange) {
  return h('label', { class: 'check', for: id }, h('input', { type: 'checkbox', id, checked: !!checked, onchange }),
    ' ', label);
}

function number(id, label, value, min, max, disabled) {
  return [h('label', { for: id }, label), h('input', { type: 'number', id, min, max, required: true,
    value: value === undefined || value === null ? '' : value, disabled: !!disabled })];
}

/** Every field of UpdateAccountPasswordPolicy, from the policy in force or AWS's defaults. */
function passwordPolicyForm(p, cancel) {
  const custom = p || { minimumPasswordLength: 8, allowUsersToChangePassword: true };
  const error = h('p', { class: 'error', role: 'alert', id: 'password-policy-error' });
  const form = h('form', { id: 'password-policy-form' },
    number('pp-minimum-length', 'Password minimum length (6 to 128 characters)', custom.minimumPasswordLength, 6,
      128),
    h('fieldset', {}, h('legend', {}, 'Password strength'),
      checkbox('pp-uppercase', 'Require at least one uppercase letter from the Latin alphabet (A-Z)',
        custom.requireUppercaseCharacters),
      checkbox('pp-lowercase', 'Require at least one lowercase letter from the Latin alphabet (a-z)',
        custom.requireLowercaseCharacters),
      checkbox('pp-numbers', 'Require at least one number', custom.requireNumbers),
      checkbox('pp-symbols', `Require at least one non-alphanumeric character (${SYMBOLS})`, custom.requireSymbols)),
    h('fieldset', {}, h('legend', {}, 'Other requirements'),
      checkbox('pp-expire', 'Turn on password expiration', custom.expirePasswords, ev => {
        form.querySelector('#pp-max-age').disabled = !ev.target.checked;
      }),
      number('pp-max-age', 'Expiration period in days (1 to 1095)', custom.maxPasswordAge || 90, 1, 1095,
        !custom.expirePasswords),
      checkbox('pp-hard-expiry', 'Password expiration requires administrator reset', custom.hardExpiry),
      checkbox('pp-allow-change', 'Allow users to change their own password', custom.allowUsersToChangePassword),
      checkbox('pp-reuse', 'Prevent password reuse', custom.passwordReusePrevention, ev => {
        form.querySelector('#pp-reuse-count').disabled = !ev.target.checked;
      }),
      number('pp-reuse-count', 'Remember this many previous passwords (1 to 24)', custom.passwordReusePrevention
        || 5, 1, 24, !custom.passwordReusePrevention)),
    h('button', { type: 'submit', class: 'primary', id: 'save-password-policy' }, 'Save changes'),
    h('button', { type: 'button', onclick: cancel }, 'Cancel'),
    error);
  const body = () => {
    const on = id => form.querySelector('#' + id).checked;
    const int = id => Number.parseInt(form.querySelector('#' + id).value, 10);
    const answer = {
      minimumPasswordLength: int('pp-minimum-length'),
      requireUppercaseCharacters: on('pp-uppercase'),
      requireLowercaseCharacters: on('pp-lowercase'),
      requireNumbers: on('pp-numbers'),
      requireSymbols: on('pp-symbols'),
      allowUsersToChangePassword: on('pp-allow-change'),
      hardExpiry: on('pp-hard-expiry'),
    };
    if (on('pp-expire')) {
      answer.maxPasswordAge = int('pp-max-age');
    }
    if (on('pp-reuse')) {
      answer.passwordReusePrevention = int('pp-reuse-count');
    }
    return answer;
  };
  return { form, error, body };
}

/**
 * A section over one account setting at {@code path} that may be absent. {@code view(setting, edit, remove)} shows it
 * ({@code edit} opens the form, {@code remove(buttonId)} is a "Delete" button); {@code form(setting, cancel)} answers
 * {@code {form, error, body}}: the form, where its refusal is shown, and the body it saves with PUT.
 */
function settingSection({ id, title, path, focus, view, form }) {
  const section = h('section', { 'aria-labelledby': id + '-title', id });
  const heading = () => h('h2', { id: id + '-title' }, title);
  const remove = buttonId => h('button', { type: 'button', id: buttonId, onclick: async () => {
    try {
      await call('DELETE', path);
    } catch (e) {
      flash(e);
    }
    render();
  } }, 'Delete');
  async function render(editing) {
    let setting;
    try {
      setting = await getOrNull(path);
    } catch (e) {
      fill(section, heading(), errorText(e));
      return;
    }
    if (!editing) {
      fill(section, heading(), view(setting, () => render(true), remove));
      return;
    }
    const edit = form(setting, () => render());
    edit.form.addEventListener('submit', async ev => {
      ev.preventDefault();
      try {
        await call('PUT', path, edit.body());
        render();
      } catch (e) {
        edit.error.textContent = e.code + ': ' + e.message;
      }
    });
    fill(section, heading(), edit.form);
    section.querySelector('#' + focus).focus();
  }
  render();
  return section;
}

/** The password policy: the rules in force, "Edit" (every UpdateAccountPasswordPolicy field) and "Delete". */
function passwordPolicySection() {
  return settingSection({ id: 'password-policy', title: 'Password policy', path: POLICY, focus: 'pp-minimum-length',
    form: passwordPolicyForm,
    view: (policy, edit, remove) => {
      const editButton = h('button', { type: 'button', class: 'primary', id: 'edit-password-policy', onclick: edit },
        'Edit');
      if (!policy) {
        return [h('p', { id: 'password-policy-summary' }, 'This account uses the default password policy:'),
          h('ul', { id: 'password-policy-rules' }, DEFAULT_RULES.map(r => h('li', {}, r))), editButton];
      }
      return [h('p', { id: 'password-policy-summary' }, 'This account uses the following custom password policy:'),
        h('ul', { id: 'password-policy-rules' }, rulesOf(policy).map(r => h('li', {}, r))), editButton,
        remove('delete-password-policy')];
    } });
}

/** The account ID and its alias: "Create" (replacing the old one) and "Delete". */
function aliasSection() {
  const section = h('section', { 'aria-labelledby': 'alias-title', id: 'account-alias' });
  async function render() {
    let aliases;
    let account = '';
    try {
      account = (await call('GET', '/v1/caller-identity')).account;
      aliases = (await call('GET', '/v1/account/aliases')).accountAliases;
    } catch (e) {
      fill(section, h('h2', { id: 'alias-title' }, 'Account alias'), errorText(e));
      return;
    }
    const input = h('input', { type: 'text', id: 'new-account-alias', required: true, minlength: 3, maxlength: 63,
      autocomplete: 'off', 'aria-describedby': 'alias-hint' });
    fill(section, h('h2', { id: 'alias-title' }, 'Account alias'),
      h('p', {}, 'Account ID: ', h('span', { class: 'secret', id: 'account-id' }, account)),
      h('p', {}, 'Account alias: ', h('span', { id: 'current-alias' }, aliases.length ? aliases[0] : 'None')),
      aliases.map(a => h('button', { type: 'button', id: 'delete-account-alias', 'aria-label': `Delete alias ${a}`,
        onclick: async () => {
          try {
            await call('DELETE', `/v1/account/aliases/${seg(a)}`);
          } catch (e) {
            flash(e);
          }
          render();
        } }, 'Delete')),
      h('form', { id: 'account-alias-form', onsubmit: async ev => {
        ev.preventDefault();
        try {
          await call('POST', '/v1/account/aliases', { accountAlias: input.value.trim() });
          render();
        } catch (e) {
          flash(e);
        }
      } }, h('label', { for: 'new-account-alias' }, aliases.length ? 'New account alias' : 'Preferred alias'), input,
        h('p', { class: 'muted', id: 'alias-hint' }, 'The sign-in page takes the alias in place of the account ID. 3 '
          + 'to 63 lower-case letters, digits and single hyphens; not 12 digits.'),
        h('button', { type: 'submit', class: 'primary', id: 'create-account-alias' }, 'Create')));
  }
  render();
  return section;
}

/** A key expiry policy in words, as the dashboard and Account settings show it; {@code null}: no policy. */
export function expiryPolicyText(p) {
  if (!p) {
    return 'None: keys are reported, never acted on.';
  }
  const parts = [];
  if (p.warnAfterDays) parts.push(`warn after ${p.warnAfterDays} days`);
  if (p.deactivateAfterDays) parts.push(`deactivate after ${p.deactivateAfterDays} days`);
  if (p.deleteAfterDays) parts.push(`delete keys Inactive and unused for ${p.deleteAfterDays} days`);
  if (p.unusedWarnAfterDays) parts.push(`warn when unused for ${p.unusedWarnAfterDays} days`);
  if (p.unusedDeactivateAfterDays) parts.push(`deactivate when unused for ${p.unusedDeactivateAfterDays} days`);
  if (p.exemptions.length) {
    parts.push('except owners tagged ' + p.exemptions.map(e => e.tagValue == null ? e.tagKey
      : `${e.tagKey}=${e.tagValue}`).join(', '));
  }
  return parts.join('; ') + (p.dryRun ? ' (dry run: reported, not done)' : '') + '.';
}


const EXPIRY = '/v1/key-hygiene/policy';

/** The rules of a key expiry policy: its field, the form's id and label. Empty means the rule is off. */
const EXPIRY_RULES = [
  ['warnAfterDays', 'ep-warn', 'Warn about an active key after (days)'],
  ['deactivateAfterDays', 'ep-deactivate', 'Deactivate an active key after (days)'],
  ['deleteAfterDays', 'ep-delete', 'Delete a key that stayed inactive and unused for (days)'],
  ['unusedWarnAfterDays', 'ep-unused-warn', 'Warn about an active key unused for (days)'],
  ['unusedDeactivateAfterDays', 'ep-unused-deactivate', 'Deactivate an active key unused for (days)'],
];

function exemptionLines(exemptions) {
  return exemptions.map(e => e.tagValue == null ? e.tagKey : `${e.tagKey}=${e.tagValue}`).join('\n');
}

/** "key" or "key=value" a line (the first "=" ends the key), blank lines skipped. */
function parseExemptions(text) {
  return text.split('\n').map(l => l.trim()).filter(l => l).map(l => {
    const at = l.indexOf('=');
    return at < 0 ? { tagKey: l } : { tagKey: l.substring(0, at), tagValue: l.substring(at + 1) };
  });
}

/** Every rule of a key expiry policy; a new one starts as a dry run (docs/key-hygiene.md: dry run first). */
function expiryPolicyForm(p, cancel) {
  const current = p || { exemptions: [], dryRun: true };
  const error = h('p', { class: 'error', role: 'alert', id: 'expiry-policy-error' });
  const exemptions = h('textarea', { id: 'ep-exemptions', rows: 3, 'aria-describedby': 'ep-exemptions-hint' },
    exemptionLines(current.exemptions));
  const form = h('form', { id: 'expiry-policy-form' },
    h('p', { class: 'muted', id: 'expiry-policy-hint' }, 'Leave a rule empty to turn it off; at least one rule, '
      + '1 to 3650 days. Root user keys are reported and warned about, never deactivated or deleted.'),
    EXPIRY_RULES.flatMap(([field, id, label]) => [h('label', { for: id }, label),
      h('input', { type: 'number', id, min: 1, max: 3650, value: current[field] == null ? '' : current[field],
        'aria-describedby': 'expiry-policy-hint' })]),
    h('label', { for: 'ep-exemptions' }, 'Exempt keys whose owner has one of these tags'), exemptions,
    h('p', { class: 'muted', id: 'ep-exemptions-hint' }, 'One tag a line: a key, or key=value. Exempt keys are '
      + 'reported, never acted on.'),
    h('label', { class: 'check', for: 'ep-dry-run' }, h('input', { type: 'checkbox', id: 'ep-dry-run',
      checked: !!current.dryRun }), ' Dry run: report what the policy would do, change nothing'),
    h('button', { type: 'submit', class: 'primary', id: 'save-expiry-policy' }, 'Save changes'),
    h('button', { type: 'button', onclick: cancel }, 'Cancel'),
    error);
  const body = () => {
    const answer = { exemptions: parseExemptions(exemptions.value), dryRun: form.querySelector('#ep-dry-run').checked };
    for (const [field, id] of EXPIRY_RULES) {
      const value = form.querySelector('#' + id).value.trim();
      if (value !== '') {
        answer[field] = Number.parseInt(value, 10);
      }
    }
    return answer;
  };
  return { form, error, body };
}

/**
 * The key expiry policy the server enforces (docs/key-hygiene.md): the policy in words, "Set a policy"/"Edit" (every
 * field of PUT /v1/key-hygiene/policy) and "Delete".
 */
function expiryPolicySection() {
  return settingSection({ id: 'key-expiry-policy', title: 'Key expiry policy', path: EXPIRY, focus: 'ep-warn',
    form: expiryPolicyForm,
    view: (policy, edit, remove) => [
      h('p', { id: 'expiry-policy-summary' }, expiryPolicyText(policy)),
      policy ? h('p', { class: 'muted' }, 'Last changed: ', date(policy.updateDate), '. What it will do to which '
        + 'key, and when: ', h('a', { href: '#/dashboard' }, 'IAM dashboard'), '.') : null,
      h('button', { type: 'button', class: 'primary', id: 'edit-expiry-policy', onclick: edit },
        policy ? 'Edit' : 'Set a policy'),
      policy ? remove('delete-expiry-policy') : null] });
}

export function accountSettingsPage() {
  show(h('h1', {}, 'Account settings'), passwordPolicySection(), expiryPolicySection(), aliasSection());
}
