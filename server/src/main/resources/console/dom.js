// A tiny DOM builder: text is always set as text (never parsed as HTML), so nothing from the server can inject markup.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      el.addEventListener(name.substring(2), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/**
 * {@code el}'s children become {@code nodes}, arrays flattened and absent ones (null, false) left out: the DOM's own
 * replaceChildren would write them as the text "null" or "[object HTMLElement]", as h() does not.
 */
export function fill(el, ...nodes) {
  el.replaceChildren(...nodes.flat().filter(n => n !== undefined && n !== null && n !== false));
}

export function show(...nodes) {
  const main = document.getElementById('main');
  fill(main, ...nodes);
  main.focus();
}

/** An error in place of what failed to load, as the AWS console shows one: the code and the message. */
export function errorText(e) {
  return h('p', { class: 'error', role: 'alert' }, (e.code || 'Error') + ': ' + e.message);
}

/** Shows an error as the AWS console does: the code and the message. */
export function flash(error) {
  const box = document.getElementById('flash');
  if (!error) {
    box.replaceChildren();
    return;
  }
  box.replaceChildren(h('strong', {}, error.code || 'Error'), ': ', error.message || String(error), ' ',
    h('button', { type: 'button', class: 'linklike', onclick: () => box.replaceChildren() }, 'Dismiss'));
}

export function date(iso) {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC') : '-';
}

export function ageDays(iso) {
  return iso ? Math.floor((Date.now() - Date.parse(iso)) / 86400000) : null;
}
