#!/usr/bin/env bash
# Keywarden load test: starts the fat jar on a free loopback port with a temporary data folder and a configured root
# key, then measures, in one run, requests/s and p50/p99 latency of
#   GET /ping (the ceiling: no authentication, no I/O), signed GetCallerIdentity (REST and, when the server has it,
#   the Query face), signed and authorised ListAccessKeys, a create + delete access key pair,
# each figure with its ratio to the /ping ceiling, and the p99 of signed reads at a fixed rate of half their maximum.
# Also: start-up time to the first answered request, and heap after a full GC at idle and after the load.
#
# With SESSION_READS=1 (the default) GetCallerIdentity is also measured signed with temporary credentials (an ASIA key
# and its session token, from root's GetSessionToken), to compare with the same read signed with an AKIA key.
#
# With TLS=1 the server also serves HTTPS (KEYWARDEN_TLS=true with the self-signed certificate it generates, and
# KEYWARDEN_TLS_PLAIN_HTTP=allow so that plain HTTP still answers on its port), and /ping and the signed
# GetCallerIdentity scenarios are measured over HTTPS too (tls-* rows, wrk speaks TLS), in the same rounds as the plain
# ones. wrk keeps its connections open: the rows are the cost of TLS per request on open connections, not of
# handshakes. The tls-* requests are the plain ones' bytes (same signed Host header), sent to the HTTPS port.
#
# usage: bench/load/run.sh [--no-build]
# settings (environment): DURATION=10 (s per measurement) WARMUP=5 (s per scenario, discarded) CONNECTIONS=32 WRK_THREADS=1
#   ROUNDS=3 PAIR_THREADS=4 RATE_CONNECTIONS=16 OUT=<file> (default: a file in /tmp) TLS=0
#   JAVA_OPTS (server JVM options; default: the build's class-data-sharing archive, as the README runs the server)
# Everything stays on 127.0.0.1; with the defaults a run takes about 3-4 minutes.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/bench/load/lib.sh"
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-1}
PAIR_THREADS=${PAIR_THREADS:-4}
RATE_CONNECTIONS=${RATE_CONNECTIONS:-16}
ROUNDS=${ROUNDS:-3}
SESSION_READS=${SESSION_READS:-1}
TLS=${TLS:-0}
JAVA_OPTS=${JAVA_OPTS-"-XX:SharedArchiveFile=$ROOT/server/target/keywarden-server.jsa"}
OUT=${OUT:-/tmp/keywarden-load-$(date +%Y%m%d-%H%M%S).txt}
JAR=$KW_JAR
BENCH_JAR=$KW_BENCH_JAR
ROOT_KEY_ID=$KW_ROOT_KEY_ID
ROOT_SECRET=$KW_ROOT_SECRET

log() { echo "$*" | tee -a "$OUT"; }
load1() { cut -d' ' -f1 /proc/loadavg; }

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing wrk (Debian package)..." >&2
    apt-get install -y -q wrk >/dev/null
  else
    echo "wrk is not installed: run 'sudo apt-get install wrk' (Debian/Ubuntu package 'wrk') and try again" >&2
    exit 1
  fi
fi
command -v curl >/dev/null || { echo "curl is needed to poll the server" >&2; exit 1; }

if [ "${1:-}" != "--no-build" ]; then
  (cd "$ROOT" && mvn -B -q -Pbench -pl core,server,bench -am package -DskipTests)
fi
[ -f "$JAR" ] || { echo "missing $JAR (build: mvn -B -q -pl core,sdk,server -am package -DskipTests)" >&2; exit 1; }
[ -f "$BENCH_JAR" ] || { echo "missing $BENCH_JAR (build: mvn -B -q -Pbench -pl core,bench -am package -DskipTests)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/keywarden-load.XXXXXX)
cleanup() {
  kw_stop_server
  [ -f "$WORK/server.log" ] && cp "$WORK/server.log" "$OUT.server.log"
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$(kw_free_port)
BASE=http://127.0.0.1:$PORT
TLS_ENV=(KEYWARDEN_TLS=false)
if [ "$TLS" = 1 ]; then
  TLS_PORT=$(kw_free_port)
  TLS_BASE=https://127.0.0.1:$TLS_PORT
  TLS_ENV=(KEYWARDEN_TLS=true "KEYWARDEN_TLS_PORT=$TLS_PORT" KEYWARDEN_TLS_PLAIN_HTTP=allow)
fi

: > "$OUT"
log "# Keywarden load test $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
log "# machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1)"
log "# wrk -t$WRK_THREADS -c$CONNECTIONS, ${WARMUP}s warm-up + ${DURATION}s per figure; server JAVA_OPTS='$JAVA_OPTS'"
[ "$TLS" = 1 ] && log "# TLS=1: HTTPS on port $TLS_PORT (self-signed certificate), plain HTTP on $PORT; tls-* rows are over HTTPS"
log "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

START_NS=$(date +%s%N)
# shellcheck disable=SC2086
KW_SERVER_ENV=("${TLS_ENV[@]}")
# shellcheck disable=SC2086
kw_start_server "$PORT" "$WORK/data" "$WORK/server.log" $JAVA_OPTS
SERVER_PID=$KW_SERVER_PID
STARTUP_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))

heap_used_mb() {
  jcmd "$SERVER_PID" GC.run >/dev/null 2>&1 || true
  jcmd "$SERVER_PID" GC.heap_info 2>/dev/null | awk '
    /garbage-first heap|PSYoungGen|def new generation|ParOldGen|tenured generation|Shenandoah|ZHeap/ {
      for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); sub(/K,?$/, "", v); sum += v } }
    END { printf "%.1f", sum / 1024 }'
}
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
sleep 2
log "startup_to_first_answer_ms $STARTUP_MS"
log "idle_heap_used_after_gc_mb $(heap_used_mb) (rss $(rss_mb) MB)"

java -cp "$BENCH_JAR" io.keywarden.bench.load.LoadTool prepare "127.0.0.1:$PORT" "$ROOT_KEY_ID" "$ROOT_SECRET" \
  "$WORK/req" "$PAIR_THREADS" "$SESSION_READS" 2>&1 | tee -a "$OUT"

if [ "$TLS" = 1 ]; then
  # the same pre-signed requests, over HTTPS: a scenario named tls-NAME replays NAME.lua against the HTTPS port
  for s in ping caller-identity-rest caller-identity-session-rest; do
    grep -qx "$s" "$WORK/req/scenarios" && echo "tls-$s" >> "$WORK/req/scenarios"
  done
fi
# wrk_target NAME: the script and URL of a scenario
wrk_target() {
  case $1 in
    tls-*) echo "$WORK/req/${1#tls-}.lua $TLS_BASE" ;;
    *) echo "$WORK/req/$1.lua $BASE" ;;
  esac
}

RESULTS=$WORK/results
: > "$RESULTS"
wrk_run() { # name round
  local before after line
  before=$(load1)
  # shellcheck disable=SC2046
  line=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s $(wrk_target "$1") | grep '^RESULT')
  case $1 in tls-*) line=$(sed "s/^RESULT\t/RESULT\ttls-/" <<<"$line") ;; esac
  after=$(load1)
  echo "$line	$before/$after	$2" >> "$RESULTS"
  echo "  round $2: $line (load $before/$after)" >> "$OUT"
}

mapfile -t SCENARIOS < "$WORK/req/scenarios"
log "warming up (${WARMUP}s per scenario, discarded)..."
for s in "${SCENARIOS[@]}"; do
  # shellcheck disable=SC2046
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 5s -s $(wrk_target "$s") > /dev/null
done
java -cp "$BENCH_JAR" io.keywarden.bench.load.LoadTool pairs "127.0.0.1:$PORT" "$ROOT_KEY_ID" "$ROOT_SECRET" \
  "$PAIR_THREADS" "$WARMUP" > /dev/null
# rounds of every scenario in turn, so that a change in the machine's load hits all of them alike; each ratio is
# taken against the /ping of its own round, and the summary shows medians over the rounds
log "measuring: $ROUNDS rounds of ${DURATION}s per scenario..."
for r in $(seq 1 "$ROUNDS"); do
  for s in "${SCENARIOS[@]}"; do wrk_run "$s" "$r"; done
done
before=$(load1)
java -cp "$BENCH_JAR" io.keywarden.bench.load.LoadTool pairs "127.0.0.1:$PORT" "$ROOT_KEY_ID" "$ROOT_SECRET" \
  "$PAIR_THREADS" "$DURATION" | grep '^RESULT' | sed "s|\$|	$before/$(load1)	pairs|" >> "$RESULTS"
wrk_run ping pairs

# signed reads at a fixed rate of half their (median) maximum: p99 under half load (SPEC §11: under 5 ms)
median_rps() { awk -F'\t' -v n="$1" '$2 == n && $10 != "pairs" { print $3 }' "$RESULTS" | sort -n \
  | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for s in caller-identity-rest caller-identity-query caller-identity-session-rest list-access-keys-rest \
    list-access-keys-user-rest; do
  [ -f "$WORK/req/$s.req" ] || continue
  half=${FIXED_RATE:-$(( $(median_rps "$s") / 2 ))}
  before=$(load1)
  java -cp "$BENCH_JAR" io.keywarden.bench.load.LoadTool fixed-rate "127.0.0.1:$PORT" "$WORK/req/$s.req" \
    "$s@half" "$half" "$RATE_CONNECTIONS" "$DURATION" "$WARMUP" > "$WORK/rate.out"
  grep '^RESULT' "$WORK/rate.out" | sed "s|\$|	$before/$(load1)	pairs|" >> "$RESULTS"
  grep '^INFO' "$WORK/rate.out" | cut -f2- | sed 's/^/  /' >> "$OUT"
done

log "heap_used_after_load_after_gc_mb $(heap_used_mb) (rss $(rss_mb) MB)"
log "server log: $(grep -c ' ERROR ' "$WORK/server.log" || true) ERROR lines, $(grep -c ' WARN ' "$WORK/server.log" || true) WARN lines"
log "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
log ""
{
  printf '%-30s %9s %8s %8s %8s %9s %8s  %s\n' figure 'req/s' 'x ping' 'p50 ms' 'p99 ms' requests 'non-2xx' 'load 1m (per round)'
  awk -F'\t' '
    { name = $2; round = $10
      if (!(name in seen)) { seen[name] = 1; order[++n] = name }
      k = ++cnt[name]; rps[name, k] = $3; p50[name, k] = $4; p99[name, k] = $5; rnd[name, k] = round
      req[name] += $6; bad[name] += $7 + $8; loads[name] = loads[name] (loads[name] == "" ? "" : " ") $9
      if (name == "ping") ping[round] = $3 }
    function median(arr, name, m,    i, j, t, v) {
      for (i = 1; i <= m; i++) v[i] = arr[name, i]
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
      return v[int((m + 1) / 2)] }
    END {
      pingAll = 0; for (r in ping) { pingAll += ping[r]; pn++ }
      for (i = 1; i <= n; i++) {
        name = order[i]; m = cnt[name]
        for (k = 1; k <= m; k++) { r = rnd[name, k]; base = (r in ping) ? ping[r] : pingAll / pn; ratio[name, k] = 100 * rps[name, k] / base }
        printf "%-30s %9.0f %7.0f%% %8.2f %8.2f %9d %8d  %s\n", name, median(rps, name, m), median(ratio, name, m),
          median(p50, name, m), median(p99, name, m), req[name], bad[name], loads[name] }
    }' "$RESULTS"
  echo "medians over the rounds; 'x ping': against the /ping of the same round (for pairs and @half rows: of the"
  echo "run after the pairs); '@half': fixed rate at half the median maximum, latency counted from when each request"
  echo "was due; create-delete-pair: one pair = 2 requests (create-access-key and delete-access-key: its two halves)"
} | tee -a "$OUT"
echo "results written to $OUT (the server's log: $OUT.server.log)"
