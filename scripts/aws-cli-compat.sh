#!/usr/bin/env bash
# Runs the AWS CLI's access-key procedure against a Keywarden server started from the built jar, and asserts on the
# JSON the CLI prints; then the same kind of checks with boto3 (scripts/boto3-compat.py).
# Usage: scripts/aws-cli-compat.sh [path/to/keywarden-server.jar]
# Needs: java, curl, python3 with boto3, and the AWS CLI (`aws`). Fails (does not skip) when one is missing.
set -euo pipefail

JAR=${1:-server/target/keywarden-server.jar}
if ! command -v aws >/dev/null 2>&1; then
  echo "FAIL: the AWS CLI ('aws') is not on PATH; install it (pip install awscli, or apt-get install awscli)" >&2
  exit 1
fi
if ! python3 -c 'import boto3' >/dev/null 2>&1; then
  echo "FAIL: python3 cannot import boto3; install it (pip install boto3)" >&2
  exit 1
fi
[ -f "$JAR" ] || { echo "FAIL: $JAR not found; build it with: mvn -B -DskipTests package" >&2; exit 1; }
echo "== $(aws --version 2>&1); boto3 $(python3 -c 'import boto3; print(boto3.__version__)')"

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
ENDPOINT="http://127.0.0.1:$PORT"
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== starting $JAR on $ENDPOINT (data in a temporary folder)"
MICRONAUT_SERVER_PORT=$PORT KEYWARDEN_DATA_DIR="$WORK/data" java -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  if curl -fs "$ENDPOINT/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "FAIL: server exited"; cat "$WORK/server.log"; exit 1; fi
  sleep 0.25
done
curl -fs "$ENDPOINT/health" >/dev/null || { echo "FAIL: server did not answer /health"; cat "$WORK/server.log"; exit 1; }

# root credentials written at first start (AWS console CSV format)
ROOT_ID=$(sed -n 2p "$WORK/data/root-credentials.csv" | cut -d, -f1)
ROOT_SECRET=$(sed -n 2p "$WORK/data/root-credentials.csv" | cut -d, -f2)

export AWS_CONFIG_FILE="$WORK/config" AWS_SHARED_CREDENTIALS_FILE="$WORK/credentials"
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_MAX_ATTEMPTS=1
unset AWS_PROFILE AWS_SESSION_TOKEN
root()  { AWS_ACCESS_KEY_ID=$ROOT_ID AWS_SECRET_ACCESS_KEY=$ROOT_SECRET aws --endpoint-url "$ENDPOINT" --output json "$@"; }
as()    { local id=$1 secret=$2; shift 2; AWS_ACCESS_KEY_ID=$id AWS_SECRET_ACCESS_KEY=$secret aws --endpoint-url "$ENDPOINT" --output json "$@"; }
check() { # check <json> <python expression over d> <description>
  if python3 -c "import json,sys; d=json.loads(sys.argv[1]); sys.exit(0 if ($2) else 1)" "$1"; then
    echo "ok   - $3"; PASSED=$((PASSED+1))
  else
    echo "FAIL - $3"; echo "       got: $1"; FAILED=$((FAILED+1))
  fi
}
expect_error() { # expect_error <code> <description> -- command...
  local code=$1 what=$2; shift 3
  local out
  if out=$("$@" 2>&1); then echo "FAIL - $what (succeeded: $out)"; FAILED=$((FAILED+1));
  elif grep -q "($code)" <<<"$out"; then echo "ok   - $what"; PASSED=$((PASSED+1));
  else echo "FAIL - $what (expected $code, got: $out)"; FAILED=$((FAILED+1)); fi
}
PASSED=0; FAILED=0

out=$(root sts get-caller-identity)
check "$out" "d['Arn'].endswith(':root') and len(d['Account'])==12" "sts get-caller-identity as root"
ACCOUNT=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["Account"])' "$out")

out=$(root iam create-user --user-name cli-alice)
check "$out" "d['User']['UserName']=='cli-alice' and d['User']['UserId'].startswith('AIDA') and d['User']['Arn']=='arn:aws:iam::$ACCOUNT:user/cli-alice'" "iam create-user"

out=$(root iam create-access-key --user-name cli-alice)
check "$out" "d['AccessKey']['Status']=='Active' and len(d['AccessKey']['SecretAccessKey'])==40 and d['AccessKey']['AccessKeyId'].startswith('AKIA')" "iam create-access-key"
KEY1=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["AccessKey"]["AccessKeyId"])' "$out")
SECRET1=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["AccessKey"]["SecretAccessKey"])' "$out")

out=$(as "$KEY1" "$SECRET1" sts get-caller-identity)
check "$out" "d['Arn']=='arn:aws:iam::$ACCOUNT:user/cli-alice' and d['Account']=='$ACCOUNT'" "the new key signs sts get-caller-identity"

out=$(root iam list-access-keys --user-name cli-alice)
check "$out" "[m['AccessKeyId'] for m in d['AccessKeyMetadata']]==['$KEY1'] and 'SecretAccessKey' not in json.dumps(d)" "iam list-access-keys (no secrets)"

sleep 2  # last used is flushed at least every second
out=$(root iam get-access-key-last-used --access-key-id "$KEY1")
check "$out" "d['UserName']=='cli-alice' and d['AccessKeyLastUsed']['ServiceName']=='sts' and d['AccessKeyLastUsed']['Region']=='us-east-1' and 'LastUsedDate' in d['AccessKeyLastUsed']" "iam get-access-key-last-used after use"

out=$(root sts get-access-key-info --access-key-id "$KEY1")
check "$out" "d['Account']=='$ACCOUNT'" "sts get-access-key-info"

# temporary credentials: get-session-token, then the ASIA key with its session token (AWS_SESSION_TOKEN)
out=$(as "$KEY1" "$SECRET1" sts get-session-token --duration-seconds 900)
check "$out" "d['Credentials']['AccessKeyId'].startswith('ASIA') and len(d['Credentials']['SecretAccessKey'])==40 and d['Credentials']['SessionToken'] and d['Credentials']['Expiration']" "sts get-session-token"
S_ID=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["Credentials"]["AccessKeyId"])' "$out")
S_SECRET=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["Credentials"]["SecretAccessKey"])' "$out")
S_TOKEN=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["Credentials"]["SessionToken"])' "$out")
out=$(AWS_SESSION_TOKEN=$S_TOKEN as "$S_ID" "$S_SECRET" sts get-caller-identity)
check "$out" "d['Arn']=='arn:aws:iam::$ACCOUNT:user/cli-alice'" "session credentials sign sts get-caller-identity as their user"
expect_error AccessDenied "session credentials cannot call IAM (no MFA)" -- \
  env AWS_SESSION_TOKEN="$S_TOKEN" AWS_ACCESS_KEY_ID="$S_ID" AWS_SECRET_ACCESS_KEY="$S_SECRET" \
  aws --endpoint-url "$ENDPOINT" --output json iam list-users
expect_error InvalidClientTokenId "a truncated session token is refused" -- \
  env AWS_SESSION_TOKEN="${S_TOKEN:0:40}" AWS_ACCESS_KEY_ID="$S_ID" AWS_SECRET_ACCESS_KEY="$S_SECRET" \
  aws --endpoint-url "$ENDPOINT" --output json sts get-caller-identity
expect_error AccessDenied "session credentials cannot get another session token" -- \
  env AWS_SESSION_TOKEN="$S_TOKEN" AWS_ACCESS_KEY_ID="$S_ID" AWS_SECRET_ACCESS_KEY="$S_SECRET" \
  aws --endpoint-url "$ENDPOINT" --output json sts get-session-token

out=$(root iam create-access-key --user-name cli-alice)
KEY2=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["AccessKey"]["AccessKeyId"])' "$out")
expect_error LimitExceeded "a third key is refused" -- root iam create-access-key --user-name cli-alice

root iam update-access-key --user-name cli-alice --access-key-id "$KEY1" --status Inactive
out=$(root iam list-access-keys --user-name cli-alice)
check "$out" "{m['AccessKeyId']:m['Status'] for m in d['AccessKeyMetadata']}=={'$KEY1':'Inactive','$KEY2':'Active'}" "iam update-access-key to Inactive"
expect_error InvalidClientTokenId "an Inactive key is refused" -- as "$KEY1" "$SECRET1" sts get-caller-identity

root iam update-access-key --user-name cli-alice --access-key-id "$KEY1" --status Active
out=$(as "$KEY1" "$SECRET1" sts get-caller-identity)
check "$out" "d['Arn'].endswith(':user/cli-alice')" "a reactivated key is accepted again"

root iam update-access-key --user-name cli-alice --access-key-id "$KEY1" --status Inactive
root iam delete-access-key --user-name cli-alice --access-key-id "$KEY1"
out=$(root iam list-access-keys --user-name cli-alice)
check "$out" "[m['AccessKeyId'] for m in d['AccessKeyMetadata']]==['$KEY2']" "iam delete-access-key"
expect_error InvalidClientTokenId "a deleted key is refused" -- as "$KEY1" "$SECRET1" sts get-caller-identity
expect_error SignatureDoesNotMatch "a wrong secret is refused" -- as "$KEY2" "${SECRET1}" sts get-caller-identity
expect_error DeleteConflict "a user with keys cannot be deleted" -- root iam delete-user --user-name cli-alice
expect_error NoSuchEntity "an unknown user is NoSuchEntity" -- root iam get-user --user-name nobody

root iam delete-access-key --user-name cli-alice --access-key-id "$KEY2"
root iam delete-user --user-name cli-alice
expect_error NoSuchEntity "the deleted user is gone" -- root iam get-user --user-name cli-alice

# the root user acts on its own keys when no user is named
out=$(root iam get-user)
check "$out" "d['User']['Arn']=='arn:aws:iam::$ACCOUNT:root' and d['User']['UserId']=='$ACCOUNT' and 'UserName' not in d['User']" "iam get-user as root (no name)"
out=$(root iam list-access-keys)
check "$out" "[m['AccessKeyId'] for m in d['AccessKeyMetadata']]==['$ROOT_ID'] and 'UserName' not in d['AccessKeyMetadata'][0]" "iam list-access-keys as root (no name)"

# pagination: the CLI follows Marker page by page
for i in $(seq -w 1 12); do root iam create-user --user-name "cli-page-$i" --path /paged/ >/dev/null; done
out=$(root iam list-users --path-prefix /paged/ --page-size 5)
check "$out" "[u['UserName'] for u in d['Users']]==['cli-page-%02d' % i for i in range(1, 13)]" "iam list-users follows Marker (page size 5)"
out=$(root iam list-users --path-prefix /paged/ --max-items 7)
check "$out" "len(d['Users'])==7 and 'NextToken' in d" "iam list-users --max-items stops with a NextToken"

# the credential report: base64 CSV, AWS's columns, root first
expect_error ReportNotPresent "no credential report before the first generation" -- root iam get-credential-report
out=$(root iam generate-credential-report)
check "$out" "d['State']=='STARTED'" "iam generate-credential-report"
out=$(root iam get-credential-report)
check "$out" "d['ReportFormat']=='text/csv' and (lambda rows: rows[0].split(',')[:3]==['user','arn','user_creation_time'] and len(rows[0].split(','))==22 and rows[1].startswith('<root_account>,arn:aws:iam::$ACCOUNT:root,') and any(r.startswith('cli-page-01,') for r in rows))(__import__('base64').b64decode(d['Content']).decode().splitlines())" "iam get-credential-report (CSV in AWS's columns, root first)"

# permissions: the IAM User Guide's self-service policy lets a user manage their own keys and nobody else's
POLICY='{"Version":"2012-10-17","Statement":[{"Sid":"ManageOwnAccessKeys","Effect":"Allow","Action":["iam:CreateAccessKey","iam:DeleteAccessKey","iam:GetAccessKeyLastUsed","iam:GetUser","iam:ListAccessKeys","iam:UpdateAccessKey"],"Resource":"arn:aws:iam::*:user/${aws:username}"}]}'
root iam create-user --user-name cli-self >/dev/null
root iam create-user --user-name cli-other >/dev/null
root iam put-user-policy --user-name cli-self --policy-name ManageOwnAccessKeys --policy-document "$POLICY"
out=$(root iam get-user-policy --user-name cli-self --policy-name ManageOwnAccessKeys)
check "$out" "d['PolicyDocument']==json.loads(r'''$POLICY''')" "iam get-user-policy (the CLI decodes the URL-encoded document)"
out=$(root iam create-access-key --user-name cli-self)
SELF_ID=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["AccessKey"]["AccessKeyId"])' "$out")
SELF_SECRET=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["AccessKey"]["SecretAccessKey"])' "$out")
out=$(as "$SELF_ID" "$SELF_SECRET" iam create-access-key)
check "$out" "d['AccessKey']['UserName']=='cli-self'" "a user with ManageOwnAccessKeys creates their own key (no --user-name)"
expect_error AccessDenied "but not a key of another user" -- as "$SELF_ID" "$SELF_SECRET" iam create-access-key --user-name cli-other
out=$(root iam create-policy --policy-name CliSelfService --policy-document "$POLICY")
POLICY_ARN=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["Policy"]["Arn"])' "$out")
check "$out" "d['Policy']['Arn']=='arn:aws:iam::$ACCOUNT:policy/CliSelfService' and d['Policy']['DefaultVersionId']=='v1'" "iam create-policy"
root iam attach-user-policy --user-name cli-other --policy-arn "$POLICY_ARN"
out=$(root iam list-attached-user-policies --user-name cli-other)
check "$out" "[p['PolicyArn'] for p in d['AttachedPolicies']]==['$POLICY_ARN']" "iam attach-user-policy and list-attached-user-policies"
expect_error DeleteConflict "an attached policy cannot be deleted" -- root iam delete-policy --policy-arn "$POLICY_ARN"
root iam detach-user-policy --user-name cli-other --policy-arn "$POLICY_ARN"
root iam delete-policy --policy-arn "$POLICY_ARN"
expect_error MalformedPolicyDocument "a malformed policy document is refused" -- root iam put-user-policy --user-name cli-other --policy-name Bad --policy-document '{"Version":"2012-10-17","Statement":'

# roles: the trust policy URL-encoded on the wire, decoded by the CLI
TRUST='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::'"$ACCOUNT"':root"},"Action":"sts:AssumeRole"}]}'
out=$(root iam create-role --role-name cli-deploy --path /ci/ --assume-role-policy-document "$TRUST" --max-session-duration 7200)
check "$out" "d['Role']['RoleName']=='cli-deploy' and d['Role']['RoleId'].startswith('AROA') and d['Role']['Arn']=='arn:aws:iam::$ACCOUNT:role/ci/cli-deploy' and d['Role']['AssumeRolePolicyDocument']==json.loads(r'''$TRUST''')" "iam create-role"
out=$(root iam get-role --role-name cli-deploy)
check "$out" "d['Role']['MaxSessionDuration']==7200 and d['Role']['AssumeRolePolicyDocument']==json.loads(r'''$TRUST''')" "iam get-role (the CLI decodes the trust policy)"
out=$(root iam list-roles --path-prefix /ci/)
check "$out" "[r['RoleName'] for r in d['Roles']]==['cli-deploy']" "iam list-roles --path-prefix"
expect_error MalformedPolicyDocument "a trust policy without Principal is refused" -- root iam create-role --role-name cli-bad --assume-role-policy-document "$POLICY"
root iam put-role-policy --role-name cli-deploy --policy-name Inline --policy-document "$POLICY"
expect_error DeleteConflict "a role with policies cannot be deleted" -- root iam delete-role --role-name cli-deploy
root iam delete-role-policy --role-name cli-deploy --policy-name Inline
root iam delete-role --role-name cli-deploy
expect_error NoSuchEntity "a deleted role is gone" -- root iam get-role --role-name cli-deploy

# AssumeRole: a profile with role_arn + source_profile, as the CLI's docs set it up; the trust policy names the user
root iam create-user --user-name cli-assumer >/dev/null
out=$(root iam create-access-key --user-name cli-assumer)
AS_ID=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["AccessKey"]["AccessKeyId"])' "$out")
AS_SECRET=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["AccessKey"]["SecretAccessKey"])' "$out")
ALICE_ARN="arn:aws:iam::$ACCOUNT:user/cli-assumer"
root iam create-role --role-name cli-reader --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"'"$ALICE_ARN"'"},"Action":["sts:AssumeRole","sts:SetSourceIdentity"]}]}' >/dev/null
root iam put-role-policy --role-name cli-reader --policy-name Read --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}'
out=$(as "$AS_ID" "$AS_SECRET" sts assume-role --role-arn "arn:aws:iam::$ACCOUNT:role/cli-reader" --role-session-name cli-session --source-identity alice)
check "$out" "d['Credentials']['AccessKeyId'].startswith('ASIA') and d['AssumedRoleUser']['Arn']=='arn:aws:sts::$ACCOUNT:assumed-role/cli-reader/cli-session' and d['SourceIdentity']=='alice'" "sts assume-role"
ASIA_ID=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["Credentials"]["AccessKeyId"])' "$out")
printf '[cli-assumer]\naws_access_key_id = %s\naws_secret_access_key = %s\n' "$AS_ID" "$AS_SECRET" >"$WORK/credentials"
printf '[profile cli-reader]\nrole_arn = arn:aws:iam::%s:role/cli-reader\nsource_profile = cli-assumer\nrole_session_name = from-profile\n' "$ACCOUNT" >"$WORK/config"
out=$(AWS_PROFILE=cli-reader AWS_ENDPOINT_URL="$ENDPOINT" aws --output json iam list-users)
check "$out" "'cli-assumer' in [u['UserName'] for u in d['Users']]" "a role_arn + source_profile profile: iam list-users as the role"
out=$(AWS_PROFILE=cli-reader AWS_ENDPOINT_URL="$ENDPOINT" aws --output json sts get-caller-identity)
check "$out" "d['Arn']=='arn:aws:sts::$ACCOUNT:assumed-role/cli-reader/from-profile'" "the profile's caller is the role session"
expect_error AccessDenied "the role session may only list users" -- env AWS_PROFILE=cli-reader AWS_ENDPOINT_URL="$ENDPOINT" aws iam delete-user --user-name cli-other
rm -f "$WORK/credentials" "$WORK/config"
out=$(root cloudtrail lookup-events --lookup-attributes AttributeKey=AccessKeyId,AttributeValue="$ASIA_ID")
check "$out" "(lambda e: e['EventName']=='AssumeRole' and json.loads(e['CloudTrailEvent'])['userIdentity']['accessKeyId']=='$AS_ID' and json.loads(e['CloudTrailEvent'])['requestParameters']['sourceIdentity']=='alice')(d['Events'][-1])" "cloudtrail lookup-events by the ASIA key names who requested it"

# CloudTrail's LookupEvents (JSON 1.1, same endpoint): who made this key, and what was done with it?
out=$(root cloudtrail lookup-events --lookup-attributes AttributeKey=AccessKeyId,AttributeValue="$KEY1" --page-size 2)
check "$out" "(lambda n: n[-1]=='CreateAccessKey' and 'GetCallerIdentity' in n)([e['EventName'] for e in d['Events']]) and json.loads(d['Events'][-1]['CloudTrailEvent'])['responseElements']['accessKey']['accessKeyId']=='$KEY1' and json.loads(d['Events'][-1]['CloudTrailEvent'])['userIdentity']['type']=='Root'" "cloudtrail lookup-events by AccessKeyId: the issuing CreateAccessKey and the calls made with the key (pages of 2)"
out=$(root cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=CreateUser)
check "$out" "len(d['Events'])>=12 and all(e['EventName']=='CreateUser' and e['EventSource']=='iam.amazonaws.com' and e['Username']=='root' and e['ReadOnly']=='false' for e in d['Events'])" "cloudtrail lookup-events by EventName"
expect_error InvalidLookupAttributesException "cloudtrail lookup-events refuses two lookup attributes" -- root cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=CreateUser AttributeKey=Username,AttributeValue=root
expect_error AccessDeniedException "cloudtrail lookup-events needs cloudtrail:LookupEvents" -- as "$SELF_ID" "$SELF_SECRET" cloudtrail lookup-events

# console passwords (issue 15): the account password policy, login profiles, ChangePassword with the user's own
# key, the account alias, and a console sign-in with the password through the alias (ConsoleLogin in the trail)
expect_error NoSuchEntity "no account password policy before one is set" -- root iam get-account-password-policy
root iam update-account-password-policy --minimum-password-length 12 --require-numbers --require-uppercase-characters \
  --require-lowercase-characters --allow-users-to-change-password --max-password-age 90 --password-reuse-prevention 3
out=$(root iam get-account-password-policy)
check "$out" "(lambda p: p['MinimumPasswordLength']==12 and p['RequireNumbers'] and p['RequireUppercaseCharacters'] and not p['RequireSymbols'] and p['AllowUsersToChangePassword'] and p['ExpirePasswords'] and p['MaxPasswordAge']==90 and p['PasswordReusePrevention']==3)(d['PasswordPolicy'])" "iam update-account-password-policy and get-account-password-policy"
root iam create-user --user-name cli-pw >/dev/null
expect_error PasswordPolicyViolation "create-login-profile with a password the policy refuses" -- root iam create-login-profile --user-name cli-pw --password 'short1A'
out=$(root iam create-login-profile --user-name cli-pw --password 'Cli-Console-Pass-1' --password-reset-required)
check "$out" "d['LoginProfile']['UserName']=='cli-pw' and d['LoginProfile']['PasswordResetRequired'] is True and 'CreateDate' in d['LoginProfile'] and 'Cli-Console-Pass' not in json.dumps(d)" "iam create-login-profile"
out=$(root iam get-login-profile --user-name cli-pw)
check "$out" "d['LoginProfile']['UserName']=='cli-pw' and d['LoginProfile']['PasswordResetRequired'] is True" "iam get-login-profile"
root iam update-login-profile --user-name cli-pw --no-password-reset-required
out=$(root iam get-login-profile --user-name cli-pw)
check "$out" "d['LoginProfile']['PasswordResetRequired'] is False" "iam update-login-profile --no-password-reset-required"
expect_error EntityAlreadyExists "a second login profile is refused" -- root iam create-login-profile --user-name cli-pw --password 'Cli-Console-Pass-2'
out=$(root iam create-access-key --user-name cli-pw)
PW_ID=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["AccessKey"]["AccessKeyId"])' "$out")
PW_SECRET=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["AccessKey"]["SecretAccessKey"])' "$out")
expect_error InvalidUserType "change-password with a wrong old password" -- as "$PW_ID" "$PW_SECRET" iam change-password --old-password 'Not-The-Pass-1' --new-password 'Cli-Console-Pass-3'
as "$PW_ID" "$PW_SECRET" iam change-password --old-password 'Cli-Console-Pass-1' --new-password 'Cli-Console-Pass-3'
echo "ok   - iam change-password signed with the user's own key"; PASSED=$((PASSED+1))
expect_error PasswordPolicyViolation "change-password back to a remembered password" -- as "$PW_ID" "$PW_SECRET" iam change-password --old-password 'Cli-Console-Pass-3' --new-password 'Cli-Console-Pass-1'
root iam create-account-alias --account-alias cli-console-corp
out=$(root iam list-account-aliases)
check "$out" "d['AccountAliases']==['cli-console-corp']" "iam create-account-alias and list-account-aliases"
out=$(curl -s -X POST -H 'Content-Type: application/json' "$ENDPOINT/v1/console/sign-in" \
  -d '{"account":"cli-console-corp","userName":"cli-pw","password":"Cli-Console-Pass-3"}')
check "$out" "d['principal']['userName']=='cli-pw' and d['credentials']['accessKeyId'].startswith('ASIA')" "console sign-in with the changed password through the alias"
out=$(curl -s -X POST -H 'Content-Type: application/json' "$ENDPOINT/v1/console/sign-in" \
  -d '{"account":"cli-console-corp","userName":"cli-pw","password":"Cli-Console-Pass-1"}')
check "$out" "d['code']=='AccessDenied' and d['message']=='Your authentication information is incorrect. Please try again.'" "the old password is refused with the generic message"
out=$(root cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=ConsoleLogin)
check "$out" "(lambda ev: {json.loads(e['CloudTrailEvent'])['responseElements']['ConsoleLogin'] for e in ev}=={'Success','Failure'} and all(e['EventSource']=='signin.amazonaws.com' for e in ev) and 'Cli-Console-Pass' not in json.dumps(d))(d['Events'])" "cloudtrail lookup-events: ConsoleLogin Success and Failure from signin.amazonaws.com, no password"
root iam delete-login-profile --user-name cli-pw
expect_error NoSuchEntity "iam delete-login-profile: the profile is gone" -- root iam get-login-profile --user-name cli-pw
root iam delete-account-alias --account-alias cli-console-corp
out=$(root iam list-account-aliases)
check "$out" "d['AccountAliases']==[]" "iam delete-account-alias"
root iam delete-account-password-policy
expect_error NoSuchEntity "iam delete-account-password-policy: the policy is gone" -- root iam get-account-password-policy

# an action the server does not have
expect_error InvalidAction "an unknown action is InvalidAction" -- root iam list-groups

echo "== boto3"
if ROOT_ID=$ROOT_ID ROOT_SECRET=$ROOT_SECRET ACCOUNT=$ACCOUNT ENDPOINT=$ENDPOINT python3 "$(dirname "$0")/boto3-compat.py"; then
  PASSED=$((PASSED+1))
else
  echo "FAIL - boto3 checks"; FAILED=$((FAILED+1))
fi

if grep -q "$SECRET1" "$WORK/server.log"; then echo "FAIL - a secret appeared in the server log"; FAILED=$((FAILED+1)); else echo "ok   - no secret in the server log"; PASSED=$((PASSED+1)); fi

echo "aws-cli: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
