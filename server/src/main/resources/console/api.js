// Every console call is an ordinary SigV4-signed /v1 call. The console session's credentials live in
// sessionStorage only (this tab); the account ID and user name (not secrets) may be remembered in localStorage.
import { sign } from './sigv4.js';

const SESSION = 'keywarden.console.session';
export const REGION = 'us-east-1';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function session() {
  const raw = sessionStorage.getItem(SESSION);
  return raw ? JSON.parse(raw) : null;
}

export function keepSession(s) {
  sessionStorage.setItem(SESSION, JSON.stringify(s));
}

export function dropSession() {
  sessionStorage.removeItem(SESSION);
}

export function seg(s) {
  return encodeURIComponent(s);
}

/** Signs and sends a /v1 call; answers the parsed JSON (or text), throws ApiError with AWS's code and message. */
export async function call(method, pathAndQuery, body, options = {}) {
  const credentials = options.credentials || (session() && session().credentials);
  if (!credentials) {
    throw new ApiError(403, 'MissingAuthenticationToken', 'You are not signed in.');
  }
  const [path, query] = pathAndQuery.split('?');
  const text = body === undefined || body === null ? '' : JSON.stringify(body);
  const service = options.service || (path.startsWith('/v1/caller-identity') || path.endsWith('/info') ? 'sts' : 'iam');
  const headers = await sign({
    method, host: location.host, path, query: query || '', body: text,
    contentType: text ? 'application/json' : null, credentials, region: REGION, service,
  });
  const response = await fetch(pathAndQuery, { method, headers, body: text || undefined, credentials: 'omit',
    cache: 'no-store', referrerPolicy: 'no-referrer' });
  return answer(response, options.raw);
}

/** A GET of something that may not exist (a policy, a login profile): {@code null} for NoSuchEntity. */
export async function getOrNull(path) {
  try {
    return await call('GET', path);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'NoSuchEntity') {
      return null;
    }
    throw e;
  }
}

export async function answer(response, raw) {
  const type = response.headers.get('content-type') || '';
  if (!response.ok) {
    let code = 'Http' + response.status;
    let message = response.statusText;
    if (type.includes('json')) {
      const e = await response.json();
      code = e.code || e.__type || code;
      message = e.message || message;
    }
    throw new ApiError(response.status, code, message);
  }
  if (response.status === 204) {
    return null;
  }
  if (raw || !type.includes('json')) {
    return response.text();
  }
  return response.json();
}

/** Signs in with a password (unsigned) or with an access key pair (signed; the secret is not kept). */
export async function signInWithPassword(account, userName, password) {
  const response = await fetch('/v1/console/sign-in', { method: 'POST', credentials: 'omit', cache: 'no-store',
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account, userName, password }) });
  return answer(response);
}

export async function signInWithAccessKey(accessKeyId, secretAccessKey) {
  return call('POST', '/v1/console/sign-in', {}, { credentials: { accessKeyId, secretAccessKey } });
}

export async function signOut() {
  try {
    await call('POST', '/v1/console/sign-out', {});
  } finally {
    dropSession();
  }
}

/**
 * An AWS Query call (POST /, form body, XML answer) for operations whose REST route the console does not rely on
 * (ChangePassword: AWS's own shape is the stable contract). Throws ApiError with the XML error's code and message.
 */
export async function callQuery(action, params) {
  const credentials = session() && session().credentials;
  const form = new URLSearchParams(Object.assign({ Action: action, Version: '2010-05-08' }, params));
  const body = form.toString().replace(/\+/g, '%20');
  const contentType = 'application/x-www-form-urlencoded; charset=utf-8';
  const headers = await sign({ method: 'POST', host: location.host, path: '/', query: '', body, contentType,
    credentials, region: REGION, service: 'iam' });
  const response = await fetch('/', { method: 'POST', headers, body, credentials: 'omit', cache: 'no-store' });
  const xml = new DOMParser().parseFromString(await response.text(), 'application/xml');
  if (!response.ok) {
    const text = name => (xml.getElementsByTagName(name)[0] || {}).textContent;
    throw new ApiError(response.status, text('Code') || 'Http' + response.status, text('Message') || '');
  }
  return xml;
}
