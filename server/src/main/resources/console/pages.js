// The console's further pages: a user's permissions, the guided key rotation, roles, the credential report and the
// audit events. Every call is an ordinary signed /v1 call (api.js).
import { call, seg } from './api.js';
import { h, show, flash, date, fill, errorText } from './dom.js';
import { newKeyDialog } from './keys.js';

function pretty(json) {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch (e) {
    return json;
  }
}

/**
 * The permissions of a user (a user's Permissions tab) or of a role ({@code kind} "roles"): inline and attached
 * policies (JSON formatted), add/remove, attach managed policies, and for a user the Simulate panel.
 */
export function permissionsSection(name, kind = 'users') {
  const base = `/v1/${kind}/${seg(name)}`;
  const section = h('section', { 'aria-labelledby': 'perm-title', id: 'permissions' });
  async function render() {
    let names;
    let attached;
    try {
      names = (await call('GET', `${base}/policies`)).policyNames;
      attached = (await call('GET', `${base}/attached-policies`)).attachedPolicies;
    } catch (e) {
      section.replaceChildren(h('h2', { id: 'perm-title' }, 'Permissions'), errorText(e));
      return;
    }
    const inline = await Promise.all(names.map(n => call('GET', `${base}/policies/${seg(n)}`)));
    const nameInput = h('input', { type: 'text', id: 'policy-name', required: true });
    const doc = h('textarea', { id: 'policy-document', rows: 6, required: true },
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "iam:ListAccessKeys", '
      + '"Resource": "*"}\n  ]\n}');
    const action = h('input', { type: 'text', id: 'sim-action', value: 'iam:CreateAccessKey' });
    const resource = h('input', { type: 'text', id: 'sim-resource', value: '*' });
    const simResult = h('div', { id: 'sim-result', 'aria-live': 'polite' });
    fill(section,
      h('h2', { id: 'perm-title' }, 'Permissions policies'),
      h('h3', {}, `Inline policies (${inline.length})`),
      inline.map(p => h('details', { class: 'policy' }, h('summary', {}, p.policyName),
        h('pre', {}, pretty(p.policyDocument)),
        h('button', { type: 'button', onclick: async () => {
          try {
            await call('DELETE', `${base}/policies/${seg(p.policyName)}`);
          } catch (e) {
            flash(e);
          }
          render();
        } }, `Remove ${p.policyName}`))),
      h('h3', {}, `Attached policies (${attached.length})`),
      h('ul', {}, attached.map(p => h('li', {}, p.policyName, ' ', h('button', { type: 'button', onclick: async () => {
        try {
          await call('DELETE', `${base}/attached-policies/${seg(p.policyArn)}`);
        } catch (e) {
          flash(e);
        }
        render();
      } }, `Detach ${p.policyName}`)))),
      attachPolicyForm(base, attached, render),
      h('form', { id: 'add-policy-form', onsubmit: async ev => {
        ev.preventDefault();
        try {
          await call('PUT', `${base}/policies/${seg(nameInput.value.trim())}`,
            { policyDocument: doc.value });
          render();
        } catch (e) {
          flash(e);
        }
      } }, h('h3', {}, 'Add inline policy'), h('label', { for: 'policy-name' }, 'Policy name'), nameInput,
        h('label', { for: 'policy-document' }, 'Policy document (JSON)'), doc,
        h('button', { type: 'submit', class: 'primary' }, 'Create policy')),
      kind !== 'users' ? null : h('form', { id: 'simulate-form', onsubmit: async ev => {
        ev.preventDefault();
        try {
          const r = await call('POST', '/v1/simulate', { userName: name, action: action.value.trim(),
            resource: resource.value.trim() });
          fill(simResult, h('p', {}, h('strong', {}, r.decision), ' ', r.explanation || ''),
            r.decidingStatements && r.decidingStatements.length
              ? h('p', {}, 'Deciding statements: ' + r.decidingStatements.join(', ')) : null);
        } catch (e) {
          simResult.replaceChildren(errorText(e));
        }
      } }, h('h3', {}, 'Simulate'), h('label', { for: 'sim-action' }, 'Action'), action,
        h('label', { for: 'sim-resource' }, 'Resource'), resource,
        h('button', { type: 'submit' }, 'Run simulation'), simResult));
  }
  render();
  return section;
}

/**
 * "Attach policies directly": the account's and the built-in (AWS-scope) managed policies not attached yet, to choose
 * one and attach it (AttachUserPolicy or AttachRolePolicy); {@code onChange} re-renders the attached list.
 */
function attachPolicyForm(base, attached, onChange) {
  const attachedArns = new Set(attached.map(p => p.policyArn));
  const select = h('select', { id: 'attach-policy-arn', required: true }, h('option', { value: '' }, 'Loading…'));
  const form = h('form', { id: 'attach-policy-form', onsubmit: async ev => {
    ev.preventDefault();
    if (!select.value) {
      return;
    }
    try {
      await call('PUT', `${base}/attached-policies`, { policyArn: select.value });
      onChange();
    } catch (e) {
      flash(e);
    }
  } }, h('h3', {}, 'Attach policies directly'), h('label', { for: 'attach-policy-arn' }, 'Permissions policies'),
    select, h('button', { type: 'submit', class: 'primary', id: 'attach-policy' }, 'Attach policy'));
  (async () => {
    const policies = [];
    try {
      let marker = null;
      do {
        const page = await call('GET', '/v1/policies?scope=All&maxItems=100'
          + (marker ? `&marker=${encodeURIComponent(marker)}` : ''));
        policies.push(...page.policies);
        marker = page.isTruncated ? page.marker : null;
      } while (marker);
    } catch (e) {
      fill(select, h('option', { value: '' }, `${e.code}: ${e.message}`));
      return;
    }
    const choices = policies.filter(p => !attachedArns.has(p.arn));
    const group = (label, list) => list.length ? h('optgroup', { label }, list.map(p => h('option', { value: p.arn },
      p.policyName + (p.description ? ` - ${p.description}` : '')))) : null;
    fill(select, h('option', { value: '' }, choices.length ? 'Choose a policy' : 'No policies to attach'),
      group('Customer managed', choices.filter(p => !p.arn.includes(':aws:policy/'))),
      group('AWS managed', choices.filter(p => p.arn.includes(':aws:policy/'))));
  })();
  return form;
}

/**
 * "Rotate access key", the six steps: 1 create a second key, 2 update your applications with it, 3 watch the old key's
 * last use (refreshed live) until it stops, 4 deactivate the old key, 5 confirm nothing broke (or reactivate it),
 * 6 delete the old key.
 */
export function rotatePage(user, oldKeyId) {
  let step = 1;
  let newKeyId = null;
  let timer = null;
  const lastUsed = h('span', { id: 'old-last-used' }, '…');
  const body = h('div', { id: 'rotate-step' });
  const steps = ['Create a second access key', 'Update your applications to use the new key',
    'Check that the old key is no longer used', 'Make the old key inactive', 'Confirm that nothing broke',
    'Delete the old key'];
  async function refreshLastUsed() {
    try {
      const u = (await call('GET', `/v1/access-keys/${seg(oldKeyId)}/last-used`)).accessKeyLastUsed;
      lastUsed.textContent = u.lastUsedDate ? `${date(u.lastUsedDate)} (${u.serviceName}, ${u.region})` : 'N/A';
    } catch (e) {
      lastUsed.textContent = e.code;
    }
  }
  const patch = status => call('PATCH', `/v1/users/${seg(user)}/access-keys/${seg(oldKeyId)}`, { status });
  function next() {
    step += 1;
    render();
  }
  function render() {
    const list = h('ol', { id: 'rotate-steps' }, steps.map((s, i) => h('li',
      { 'aria-current': i + 1 === step ? 'step' : null, class: i + 1 < step ? 'done' : null }, s)));
    let controls;
    switch (step) {
      case 1:
        controls = h('button', { type: 'button', class: 'primary', id: 'rotate-create', onclick: async () => {
          try {
            const created = await call('POST', `/v1/users/${seg(user)}/access-keys`);
            newKeyId = created.accessKeyId;
            newKeyDialog(created, next);
          } catch (e) {
            flash(e);
          }
        } }, 'Create access key');
        break;
      case 2:
        controls = [h('p', {}, `Give your applications the new key ${newKeyId} (from the .csv file) and restart them.`),
          h('button', { type: 'button', class: 'primary', id: 'rotate-updated', onclick: next }, 'Applications updated')];
        break;
      case 3:
        controls = [h('p', {}, 'Old key last used: ', lastUsed, ' — refreshed every 5 seconds. Continue once it no '
          + 'longer changes.'), h('button', { type: 'button', class: 'primary', id: 'rotate-unused', onclick: next },
          'The old key is no longer used')];
        break;
      case 4:
        controls = h('button', { type: 'button', class: 'primary', id: 'rotate-deactivate', onclick: async () => {
          try {
            await patch('Inactive');
            next();
          } catch (e) {
            flash(e);
          }
        } }, 'Make inactive');
        break;
      case 5:
        controls = [h('p', {}, 'The old key is inactive. If something broke, reactivate it and go back to step 2.'),
          h('button', { type: 'button', id: 'rotate-reactivate', onclick: async () => {
            try {
              await patch('Active');
              step = 2;
              render();
            } catch (e) {
              flash(e);
            }
          } }, 'Make active'),
          h('button', { type: 'button', class: 'primary', id: 'rotate-fine', onclick: next }, 'Nothing broke')];
        break;
      default:
        controls = h('button', { type: 'button', class: 'primary', id: 'rotate-delete', onclick: async () => {
          try {
            await call('DELETE', `/v1/users/${seg(user)}/access-keys/${seg(oldKeyId)}`);
            clearInterval(timer);
            body.replaceChildren(h('p', { id: 'rotate-done' }, `Rotated: ${oldKeyId} is deleted, ${newKeyId} is `
              + 'in use.'), h('a', { href: '#/users/' + seg(user) + '/security-credentials' },
              'Back to the user'));
          } catch (e) {
            flash(e);
          }
        } }, 'Delete old key');
    }
    body.replaceChildren(list, h('div', {}, controls));
  }
  show(h('h1', {}, `Rotate access key ${oldKeyId}`), h('p', {}, 'User: ', user), body);
  refreshLastUsed();
  timer = setInterval(() => {
    if (!document.body.contains(lastUsed) && step > 3) {
      return;
    }
    refreshLastUsed();
  }, 5000);
  window.addEventListener('hashchange', () => clearInterval(timer), { once: true });
  render();
}

export async function rolesPage() {
  const name = h('input', { type: 'text', id: 'role-name', required: true });
  const trust = h('textarea', { id: 'trust-policy', rows: 8, required: true }, '{\n  "Version": "2012-10-17",\n'
    + '  "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::' + (await callerAccount())
    + ':root"}, "Action": "sts:AssumeRole"}]\n}');
  const list = h('div', { id: 'roles-list' }, 'Loading…');
  show(h('h1', {}, 'Roles'), list,
    h('form', { class: 'card', id: 'create-role-form', onsubmit: async ev => {
      ev.preventDefault();
      try {
        await call('POST', '/v1/roles', { roleName: name.value.trim(), assumeRolePolicyDocument: trust.value });
        rolesPage();
      } catch (e) {
        flash(e);
      }
    } }, h('h2', {}, 'Create role'), h('label', { for: 'role-name' }, 'Role name'), name,
      h('label', { for: 'trust-policy' }, 'Trusted entities (trust policy)'), trust,
      h('button', { type: 'submit', class: 'primary' }, 'Create role')));
  try {
    const roles = (await call('GET', '/v1/roles')).roles;
    list.replaceChildren(h('table', { id: 'roles-table' }, h('caption', { class: 'muted' }, `Roles (${roles.length})`),
      h('thead', {}, h('tr', {}, ['Role name', 'ARN', 'Created', 'Actions'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, roles.map(r => h('tr', { 'data-role': r.roleName }, h('td', {}, h('a', { href: '#/roles/' + seg(r.roleName) }, r.roleName)), h('td', { class: 'secret' }, r.arn),
        h('td', {}, date(r.createDate)), h('td', {},
          h('details', {}, h('summary', {}, 'Trust policy'), h('pre', {}, pretty(r.assumeRolePolicyDocument))),
          revokeSessionsButton(r.roleName)))))));
  } catch (e) {
    list.replaceChildren(errorText(e));
  }
}

/**
 * The tags of a user or of a role ({@code kind} "roles"): ListUserTags/ListRoleTags, "Add new tag" (TagUser/TagRole)
 * and "Remove" (UntagUser/UntagRole), as the AWS console words them.
 */
export function tagsSection(name, kind = 'users') {
  const section = h('section', { 'aria-labelledby': 'tags-title', id: kind === 'users' ? 'user-tags' : 'role-tags' });
  const path = `/v1/${kind}/${seg(name)}/tags`;
  async function render() {
    let tags;
    try {
      tags = (await call('GET', path)).tags;
    } catch (e) {
      fill(section, h('h2', { id: 'tags-title' }, 'Tags'), errorText(e));
      return;
    }
    const key = h('input', { type: 'text', id: 'tag-key', required: true, maxlength: 128 });
    const value = h('input', { type: 'text', id: 'tag-value', maxlength: 256 });
    fill(section,
      h('h2', { id: 'tags-title' }, `Tags (${tags.length})`),
      h('p', { class: 'muted' }, 'Tags are key-value pairs that you can add to AWS resources to help identify, '
        + 'organize, or search for resources.' + (kind === 'users'
          ? ' An access key\'s description is a tag whose key is the access key ID.' : '')),
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Tags' },
        h('table', { id: 'tags-table' },
          h('thead', {}, h('tr', {}, ['Key', 'Value', 'Actions'].map(t => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, tags.length ? tags.map(t => h('tr', { 'data-tag': t.key }, h('td', { class: 'secret' }, t.key),
            h('td', {}, t.value), h('td', {}, h('button', { type: 'button', 'aria-label': `Remove tag ${t.key}`,
              onclick: async () => {
                try {
                  await call('DELETE', `${path}?tagKeys=${encodeURIComponent(t.key)}`);
                } catch (e) {
                  flash(e);
                }
                render();
              } }, 'Remove'))))
            : h('tr', {}, h('td', { colspan: 3 }, 'No tags associated with the resource.'))))),
      h('form', { id: 'add-tag-form', onsubmit: async ev => {
        ev.preventDefault();
        try {
          await call('POST', path, { tags: [{ key: key.value.trim(), value: value.value }] });
          render();
        } catch (e) {
          flash(e);
        }
      } }, h('h3', {}, 'Add new tag'), h('label', { for: 'tag-key' }, 'Key'), key,
        h('label', { for: 'tag-value' }, 'Value - optional'), value,
        h('button', { type: 'submit', class: 'primary' }, 'Add new tag')));
  }
  render();
  return section;
}

function revokeSessionsButton(roleName) {
  return h('button', { type: 'button', 'aria-label': `Revoke active sessions of ${roleName}`, onclick: async () => {
    try {
      await call('POST', `/v1/roles/${seg(roleName)}/revoke-sessions`);
      flash({ code: 'Done', message: `Sessions of ${roleName} issued before now are revoked.` });
    } catch (e) {
      flash(e);
    }
  } }, 'Revoke active sessions');
}

/** A role's page: summary, "Revoke active sessions", "Delete role", its trust policy (editable) and its permissions. */
export async function rolePage(name) {
  let role;
  try {
    role = await call('GET', `/v1/roles/${seg(name)}`);
  } catch (e) {
    show(h('h1', {}, name), errorText(e));
    return;
  }
  const trust = h('textarea', { id: 'role-trust-policy', rows: 10, required: true },
    pretty(role.assumeRolePolicyDocument));
  const trustResult = h('p', { id: 'trust-result', role: 'status' });
  show(h('h1', {}, role.roleName),
    h('section', { 'aria-labelledby': 'summary-title' }, h('h2', { id: 'summary-title' }, 'Summary'),
      h('p', {}, 'ARN: ', h('span', { class: 'secret' }, role.arn)),
      h('p', {}, 'Created: ', date(role.createDate)),
      role.description ? h('p', {}, 'Description: ', role.description) : null,
      h('p', {}, `Maximum session duration: ${role.maxSessionDuration / 3600} hour(s)`),
      h('p', {}, 'Last activity: ', role.roleLastUsed && role.roleLastUsed.lastUsedDate
        ? `${date(role.roleLastUsed.lastUsedDate)} (${role.roleLastUsed.region || '-'})` : 'None'),
      h('div', { class: 'toolbar' }, revokeSessionsButton(role.roleName),
        h('button', { type: 'button', id: 'delete-role', onclick: async () => {
          try {
            await call('DELETE', `/v1/roles/${seg(name)}`);
            location.hash = '#/roles';
          } catch (e) {
            flash(e);
          }
        } }, 'Delete role'))),
    h('form', { id: 'trust-policy-form', onsubmit: async ev => {
      ev.preventDefault();
      try {
        await call('PUT', `/v1/roles/${seg(name)}/trust-policy`, { policyDocument: trust.value });
        fill(trustResult, 'Trust policy updated.');
      } catch (e) {
        fill(trustResult, errorText(e));
      }
    } }, h('h2', {}, 'Trust relationships'), h('label', { for: 'role-trust-policy' }, 'Trusted entities (trust policy)'),
      trust, h('button', { type: 'submit', class: 'primary' }, 'Update trust policy'), trustResult),
    permissionsSection(name, 'roles'), tagsSection(name, 'roles'));
}

async function callerAccount() {
  try {
    return (await call('GET', '/v1/caller-identity')).account;
  } catch (e) {
    return '123456789012';
  }
}

export function credentialReportPage() {
  const out = h('div', { id: 'report' });
  show(h('h1', {}, 'Credential report'),
    h('p', {}, 'The report lists every user and the status of their credentials.'),
    h('button', { type: 'button', class: 'primary', id: 'generate-report', onclick: async () => {
      try {
        await call('POST', '/v1/credential-report');
        const csv = await call('GET', '/v1/credential-report', null, { raw: true });
        const rows = csv.trim().split('\n').map(l => l.split(','));
        out.replaceChildren(h('p', {}, h('a', { id: 'download-report', download: 'credential-report.csv',
          href: 'data:text/csv;charset=utf-8,' + encodeURIComponent(csv) }, 'Download report')),
          h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Credential report' }, h('table', { id: 'report-table' },
            h('thead', {}, h('tr', {}, rows[0].slice(0, 13).map(c => h('th', { scope: 'col' }, c)))),
            h('tbody', {}, rows.slice(1).map(r => h('tr', {}, r.slice(0, 13).map(c => h('td', {}, c))))))));
      } catch (e) {
        out.replaceChildren(errorText(e));
      }
    } }, 'Generate report'), out);
}

export function auditPage() {
  const fields = [['accessKeyId', 'Access key ID'], ['userName', 'User name'], ['eventName', 'Event name'],
    ['from', 'From (ISO time)'], ['to', 'To (ISO time)']];
  const inputs = Object.fromEntries(fields.map(([id]) => [id, h('input', { type: 'text', id: 'audit-' + id })]));
  const out = h('div', { id: 'audit-events' });
  const status = h('p', { id: 'audit-verification' }, 'Checking the trail…');
  async function load() {
    const q = fields.map(([id]) => [id, inputs[id].value.trim()]).filter(([, v]) => v)
      .map(([k, v]) => k + '=' + encodeURIComponent(v)).concat(['maxItems=50']).join('&');
    try {
      const events = (await call('GET', '/v1/audit-events?' + q)).events;
      out.replaceChildren(h('table', { id: 'audit-table' }, h('caption', { class: 'muted' }, `Events (${events.length})`),
        h('thead', {}, h('tr', {}, ['Time', 'Event name', 'User', 'Access key ID', 'Error', 'Event']
          .map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, events.map(e => h('tr', {}, h('td', {}, date(e.eventTime)), h('td', {}, e.eventName),
          h('td', {}, e.userName || e.principalType), h('td', { class: 'secret' }, e.accessKeyId || '-'),
          h('td', {}, e.errorCode || ''),
          h('td', {}, h('details', {}, h('summary', {}, 'JSON'), h('pre', {}, JSON.stringify(e, null, 2)))))))));
    } catch (e) {
      out.replaceChildren(errorText(e));
    }
  }
  show(h('h1', {}, 'Audit events'), status,
    h('form', { class: 'card', id: 'audit-filter', onsubmit: ev => { ev.preventDefault(); load(); } },
      fields.map(([id, label]) => [h('label', { for: 'audit-' + id }, label), inputs[id]]),
      h('button', { type: 'submit', class: 'primary' }, 'Look up events')), out);
  call('GET', '/v1/audit-events/verify').then(v => {
    status.textContent = v.intact ? `Trail verified: intact (${v.eventsChecked} events checked).`
      : `Trail verification FAILED: ${v.reason || 'not intact'}`;
  }, e => { status.textContent = `Trail verification unavailable: ${e.code}: ${e.message}`; });
  load();
}
