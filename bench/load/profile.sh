#!/usr/bin/env bash
# Profiles the server under one load scenario with JDK Flight Recorder: starts the fat jar (as bench/load/run.sh
# does), warms up, records CPU samples while wrk replays the scenario, then prints the hottest methods (self time)
# and the hottest Keywarden/Micronaut/Netty/JDK frames anywhere on the stack (inclusive time).
#
# usage: bench/load/profile.sh SCENARIO [SECONDS]   e.g. caller-identity-rest, list-access-keys-rest, ping
# Needs a prior build (bench/load/run.sh builds; or mvn -B -q -Pbench -pl core,server,bench -am package -DskipTests).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/bench/load/lib.sh"
SCENARIO=${1:?scenario name, e.g. caller-identity-rest}
SECONDS_=${2:-20}
BENCH_JAR=$KW_BENCH_JAR
ROOT_KEY_ID=$KW_ROOT_KEY_ID
ROOT_SECRET=$KW_ROOT_SECRET
WORK=$(mktemp -d /tmp/keywarden-profile.XXXXXX)
cleanup() {
  kw_stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT
PORT=$(kw_free_port)
# shellcheck disable=SC2086
kw_start_server "$PORT" "$WORK/data" "$WORK/server.log" ${JAVA_OPTS:-}
SERVER_PID=$KW_SERVER_PID
java -cp "$BENCH_JAR" io.keywarden.bench.load.LoadTool prepare "127.0.0.1:$PORT" "$ROOT_KEY_ID" "$ROOT_SECRET" "$WORK/req" 0
wrk -t1 -c32 -d10s -s "$WORK/req/$SCENARIO.lua" "http://127.0.0.1:$PORT" > /dev/null
jcmd "$SERVER_PID" JFR.start name=profile settings=profile filename="$WORK/profile.jfr" > /dev/null
wrk -t1 -c32 -d"${SECONDS_}s" -s "$WORK/req/$SCENARIO.lua" "http://127.0.0.1:$PORT" | grep RESULT
jcmd "$SERVER_PID" JFR.stop name=profile > /dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
jfr print --events jdk.ExecutionSample --stack-depth 96 "$WORK/profile.jfr" > "$WORK/samples.txt"
awk '
  /jdk.ExecutionSample/ { n++; first = 1; delete seen; next }
  /line:/ {
    f = $1; sub(/\(.*/, "", f)
    if (first) { self[f]++; first = 0 }
    if (!(f in seen)) { seen[f] = 1; incl[f]++ }
  }
  END {
    printf "%d samples\n\n-- self time (top 25)\n", n
    for (f in self) printf "%6.1f%%  %s\n", 100 * self[f] / n, f | "sort -rn | head -25"
    close("sort -rn | head -25")
    printf "\n-- inclusive time, io.keywarden frames (top 25)\n"
    for (f in incl) if (f ~ /^io\.keywarden/) printf "%6.1f%%  %s\n", 100 * incl[f] / n, f | "sort -rn | head -25"
    close("sort -rn | head -25")
  }' "$WORK/samples.txt"
cp "$WORK/profile.jfr" "/tmp/keywarden-$SCENARIO.jfr" && echo "recording kept: /tmp/keywarden-$SCENARIO.jfr"
