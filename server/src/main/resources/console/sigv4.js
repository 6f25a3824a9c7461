// AWS Signature Version 4 in the browser, with WebCrypto (crypto.subtle): HMAC-SHA256 and SHA-256.
// The canonical request follows core/.../sigv4/CanonicalRequest: the path as sent, URI-encoded once more
// (every service but S3), query names and values decoded and re-encoded, sorted.
const enc = new TextEncoder();

export function hasWebCrypto() {
  return typeof crypto !== 'undefined' && crypto.subtle !== undefined && crypto.subtle !== null;
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), b => b.toString(16).padStart(2, '0')).join('');
}

async function sha256Hex(data) {
  return hex(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? enc.encode(data) : data));
}

async function hmac(key, data) {
  const k = await crypto.subtle.importKey('raw', typeof key === 'string' ? enc.encode(key) : key,
    { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', k, enc.encode(data));
}

/** RFC 3986 encoding of a string's UTF-8 bytes: unreserved characters stay, the rest become %XX. */
export function uriEncode(s, keepSlash) {
  let out = '';
  for (const b of enc.encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) {
      out += c;
    } else {
      out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    }
  }
  return out;
}

function canonicalQuery(rawQuery) {
  if (!rawQuery) {
    return '';
  }
  const pairs = rawQuery.split('&').filter(p => p.length > 0).map(p => {
    const i = p.indexOf('=');
    const name = i < 0 ? p : p.substring(0, i);
    const value = i < 0 ? '' : p.substring(i + 1);
    return [uriEncode(decodeURIComponent(name), false), uriEncode(decodeURIComponent(value), false)];
  });
  pairs.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
  return pairs.map(p => p[0] + '=' + p[1]).join('&');
}

function amzDate(now) {
  return now.toISOString().replace(/[:-]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Signs a request. path and query are as they will be sent (already percent-encoded); credentials are
 * {accessKeyId, secretAccessKey, sessionToken?}. Returns the headers to send.
 */
export async function sign({ method, host, path, query, body, contentType, credentials, region, service, now }) {
  const date = amzDate(now || new Date());
  const day = date.substring(0, 8);
  const headers = { host, 'x-amz-date': date };
  if (contentType) {
    headers['content-type'] = contentType;
  }
  if (credentials.sessionToken) {
    headers['x-amz-security-token'] = credentials.sessionToken;
  }
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map(n => n + ':' + String(headers[n]).trim() + '\n').join('');
  const signedHeaders = names.join(';');
  const payloadHash = await sha256Hex(body || '');
  const canonical = [method, uriEncode(path, true), canonicalQuery(query), canonicalHeaders, signedHeaders,
    payloadHash].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, await sha256Hex(canonical)].join('\n');
  let key = await hmac('AWS4' + credentials.secretAccessKey, day);
  key = await hmac(key, region);
  key = await hmac(key, service);
  key = await hmac(key, 'aws4_request');
  const signature = hex(await hmac(key, stringToSign));
  const out = { 'x-amz-date': date };
  if (contentType) {
    out['content-type'] = contentType;
  }
  if (credentials.sessionToken) {
    out['x-amz-security-token'] = credentials.sessionToken;
  }
  out.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, `
    + `SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return out;
}
