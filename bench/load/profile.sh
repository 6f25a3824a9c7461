#!/usr/bin/env bash
# Profiles the server under one load scenario with JDK Flight Recorder: starts the fat jar (as bench/load/run.sh
# does), warms up, records CPU samples while wrk replays the scenario, then prints the hottest methods (self time)
# and the hottest Keywarden/Micronaut/Netty/JDK frames anywhere on the stack (inclusive time).
#
# usage: bench/load/profile.sh SCENARIO [SECONDS]   e.g. caller-identity-rest, list-access-keys-rest, ping
# Needs a prior build (bench/load/run.sh builds; or mvn -B -q -Pbench -pl core,server,bench -am package -DskipTests).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SCENARIO=${1:?scenario name, e.g. caller-identity-rest}
SECONDS_=${2:-20}
JAR=$ROOT/server/target/keywarden-server.jar
BENCH_JAR=$ROOT/bench/target/benchmarks.jar
ROOT_KEY_ID=AKIAQYLPMN5HHHFPZAM2
ROOT_SECRET=wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY
WORK=$(mktemp -d /tmp/keywarden-profile.XXXXXX)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
PORT=$((20000 + RANDOM % 40000))
MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT=$PORT KEYWARDEN_DATA_DIR=$WORK/data \
  KEYWARDEN_ROOT_ACCESS_KEY_ID=$ROOT_KEY_ID KEYWARDEN_ROOT_SECRET_ACCESS_KEY=$ROOT_SECRET \
  java ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/ping" || true)" = 200 ] && break
  sleep 0.1
done
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
