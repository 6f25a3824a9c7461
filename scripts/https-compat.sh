#!/usr/bin/env bash
# HTTPS with the self-signed certificate Keywarden generates (docs/tls.md), as the AWS CLI and boto3 use it: the jar is
# started with KEYWARDEN_TLS=true; the clients are told to trust the generated certificate (--ca-bundle,
# AWS_CA_BUNDLE, boto3's verify=) and fail without it; TLS 1.1 is refused; HSTS is sent.
# Usage: scripts/https-compat.sh [path/to/keywarden-server.jar]
# Needs: java, curl, openssl, python3 with boto3, and the AWS CLI. Fails (does not skip) when one is missing.
set -euo pipefail

JAR=${1:-server/target/keywarden-server.jar}
for tool in aws curl openssl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "FAIL: '$tool' is not on PATH" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "FAIL: $JAR not found; build it with: mvn -B -DskipTests package" >&2; exit 1; }

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
ENDPOINT="https://localhost:$PORT"
CERT="$WORK/data/tls/cert.pem"
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== starting $JAR with HTTPS on $ENDPOINT (self-signed, generated into a temporary data folder)"
KEYWARDEN_TLS=true KEYWARDEN_TLS_PORT=$PORT KEYWARDEN_DATA_DIR="$WORK/data" java -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  if [ -f "$CERT" ] && curl -fs --cacert "$CERT" "$ENDPOINT/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "FAIL: server exited"; cat "$WORK/server.log"; exit 1; fi
  sleep 0.25
done
curl -fs --cacert "$CERT" "$ENDPOINT/health" >/dev/null || { echo "FAIL: no answer over HTTPS"; cat "$WORK/server.log"; exit 1; }

ROOT_ID=$(sed -n 2p "$WORK/data/root-credentials.csv" | cut -d, -f1)
ROOT_SECRET=$(sed -n 2p "$WORK/data/root-credentials.csv" | cut -d, -f2)
export AWS_CONFIG_FILE="$WORK/config" AWS_SHARED_CREDENTIALS_FILE="$WORK/credentials"
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_MAX_ATTEMPTS=1
export AWS_ACCESS_KEY_ID=$ROOT_ID AWS_SECRET_ACCESS_KEY=$ROOT_SECRET
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_CA_BUNDLE
PASSED=0; FAILED=0
ok()   { echo "ok   - $1"; PASSED=$((PASSED+1)); }
fail() { echo "FAIL - $1"; FAILED=$((FAILED+1)); }

fingerprint=$(openssl x509 -in "$CERT" -noout -fingerprint -sha256 | cut -d= -f2)
if grep -q "$fingerprint" "$WORK/server.log"; then ok "the log names the certificate's SHA-256 fingerprint"; else fail "fingerprint $fingerprint not in the log"; fi
if [ "$(stat -c %a "$WORK/data/tls/key.pem")" = "600" ]; then ok "the private key file is 0600"; else fail "key.pem is $(stat -c %a "$WORK/data/tls/key.pem")"; fi

if out=$(aws --endpoint-url "$ENDPOINT" --ca-bundle "$CERT" --output json sts get-caller-identity 2>&1) \
   && grep -q ':root"' <<<"$out"; then ok "aws --ca-bundle: sts get-caller-identity"; else fail "aws --ca-bundle: $out"; fi
if out=$(AWS_CA_BUNDLE="$CERT" aws --endpoint-url "$ENDPOINT" --output json iam create-user --user-name tls-cli 2>&1) \
   && grep -q '"UserName": "tls-cli"' <<<"$out"; then ok "AWS_CA_BUNDLE: iam create-user"; else fail "AWS_CA_BUNDLE: $out"; fi
if out=$(aws --endpoint-url "$ENDPOINT" --output json sts get-caller-identity 2>&1); then
  fail "the CLI trusted the self-signed certificate without being told to: $out"
elif grep -qi "certificate verify failed\|SSL validation failed" <<<"$out"; then ok "without --ca-bundle the CLI refuses the certificate"
else fail "unexpected error without --ca-bundle: $out"; fi

if out=$(python3 - "$ENDPOINT" "$CERT" 2>&1 <<'PY'
import sys, boto3, botocore.exceptions
endpoint, cert = sys.argv[1], sys.argv[2]
iam = boto3.client("iam", endpoint_url=endpoint, region_name="us-east-1", verify=cert)
names = [u["UserName"] for u in iam.list_users()["Users"]]
assert "tls-cli" in names, names
try:
    boto3.client("sts", endpoint_url=endpoint, region_name="us-east-1").get_caller_identity()
    raise SystemExit("boto3 trusted the certificate without verify=")
except botocore.exceptions.SSLError:
    pass
print("fine")
PY
); then ok "boto3 verify=<cert>: iam list_users; refused without it"; else fail "boto3: $out"; fi

headers=$(curl -fsS -D - -o /dev/null --cacert "$CERT" "$ENDPOINT/ping")
if grep -qi '^strict-transport-security: max-age=31536000' <<<"$headers"; then ok "HSTS header over HTTPS"; else fail "no HSTS: $headers"; fi
if curl -fs --cacert "$CERT" --tls-max 1.1 "$ENDPOINT/ping" >/dev/null 2>&1; then fail "a TLS 1.1 client was served"; else ok "a client limited to TLS 1.1 is refused"; fi
if curl -fs --cacert "$CERT" --tlsv1.2 --tls-max 1.2 "$ENDPOINT/ping" >/dev/null 2>&1; then ok "TLS 1.2 is served"; else fail "TLS 1.2 refused"; fi
if curl -fs "http://localhost:$PORT/ping" >/dev/null 2>&1; then fail "plain HTTP answered on the HTTPS port"; else ok "no plain HTTP (KEYWARDEN_TLS_PLAIN_HTTP=off)"; fi

echo "== https: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
