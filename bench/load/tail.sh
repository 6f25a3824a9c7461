#!/usr/bin/env bash
# Where the latency tail of signed reads under a fixed rate comes from (docs/performance.md, "The latency tail").
# Starts the fat jar (as bench/load/run.sh does), warms it up, then for each rate replays, at that fixed rate,
#   GET /ping (no authentication, no audit, no I/O: the HTTP stack alone) and a signed read (SCENARIO),
# printing for each: p50/p99 (latency counted from when each request was due), when the slow requests (over 5 ms)
# completed (a steady tail, or stalls?), and how long the server's threads ran and waited for a CPU (from the
# kernel's /proc/PID/task/*/schedstat). With nginx installed, the same generator against nginx's static 200 as well:
# what the generator and the machine alone add.
#
# usage: bench/load/tail.sh [--no-build]
# settings: SCENARIO=caller-identity-rest RATES="4000 13500" CONNECTIONS=16 DURATION=10 WARMUP=30 (s of wrk per
#   warm-up scenario; the JIT compiler stays busy for about 30 s under load) JAVA_OPTS (default: the CDS archive)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/bench/load/lib.sh"
SCENARIO=${SCENARIO:-caller-identity-rest}
RATES=${RATES:-4000 13500}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-30}
JAVA_OPTS=${JAVA_OPTS-"-XX:SharedArchiveFile=$ROOT/server/target/keywarden-server.jsa"}
command -v wrk >/dev/null || { echo "wrk is needed (Debian package 'wrk')" >&2; exit 1; }
if [ "${1:-}" != "--no-build" ]; then
  (cd "$ROOT" && mvn -B -q -Pbench -pl core,server,bench -am package -DskipTests)
fi
WORK=$(mktemp -d /tmp/keywarden-tail.XXXXXX)
NGINX_PID=
cleanup() {
  kw_stop_server
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$(kw_free_port)
# shellcheck disable=SC2086
kw_start_server "$PORT" "$WORK/data" "$WORK/server.log" $JAVA_OPTS
java -cp "$KW_BENCH_JAR" io.keywarden.bench.load.LoadTool prepare "127.0.0.1:$PORT" "$KW_ROOT_KEY_ID" "$KW_ROOT_SECRET" \
  "$WORK/req" 0 > /dev/null
echo "# tail test $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "warming up: ${WARMUP}s of wrk on ping and on $SCENARIO..."
for s in ping "$SCENARIO"; do
  wrk -t1 -c32 -d"${WARMUP}s" -s "$WORK/req/$s.lua" "http://127.0.0.1:$PORT" > /dev/null
done

fixed_rate() { # target-host:port request-file name rate [pid to watch]
  local before=$WORK/sched.before after=$WORK/sched.after
  [ -n "${5:-}" ] && kw_schedstat "$5" > "$before"
  java -cp "$KW_BENCH_JAR" io.keywarden.bench.load.LoadTool fixed-rate "$1" "$2" "$3" "$4" "$CONNECTIONS" \
    "$DURATION" 5 | awk -F'\t' '
      $1 == "RESULT" { printf "  %-32s %7.0f req/s  p50 %7.3f ms  p99 %8.3f ms  (%d requests, %d non-2xx)\n", $2, $3, $4, $5, $6, $7 }
      $1 == "INFO" { printf "    %s\n", $3 }'
  if [ -n "${5:-}" ]; then
    kw_schedstat "$5" > "$after"
    echo "    server threads during the run (warm-up included):"
    kw_schedstat_diff "$before" "$after"
  fi
}

if command -v nginx >/dev/null; then
  NGINX_PORT=$(kw_free_port)
  mkdir -p "$WORK/nginx"
  cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$NGINX_PORT; keepalive_requests 100000000; location / { return 200 "ok"; } } }
CONF
  nginx -c "$WORK/nginx/nginx.conf" &
  NGINX_PID=$!
  printf 'GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' > "$WORK/nginx/ping.req"
  sleep 0.5
fi

for rate in $RATES; do
  echo "at $rate requests/s over $CONNECTIONS connections (${DURATION}s measured after 5s unrecorded):"
  fixed_rate "127.0.0.1:$PORT" "$WORK/req/ping.req" "ping@$rate" "$rate" "$KW_SERVER_PID"
  fixed_rate "127.0.0.1:$PORT" "$WORK/req/$SCENARIO.req" "$SCENARIO@$rate" "$rate" "$KW_SERVER_PID"
  if [ -n "$NGINX_PID" ]; then
    fixed_rate "127.0.0.1:$NGINX_PORT" "$WORK/nginx/ping.req" "nginx-static-200@$rate" "$rate"
  fi
done
echo "server log: $(grep -c ' ERROR ' "$WORK/server.log" || true) ERROR lines; load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
