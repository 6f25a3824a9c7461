#!/usr/bin/env bash
# Profiles the server under one load scenario: starts the fat jar (as bench/load/run.sh does), warms up, records CPU
# samples while wrk replays the scenario, then prints the share of each thread group, the hottest methods (self time)
# and the hottest Keywarden frames anywhere on the stack (inclusive time), over the measured window only.
#
# usage: bench/load/profile.sh SCENARIO [SECONDS]   e.g. caller-identity-rest, list-access-keys-user-rest, ping
# settings: PROFILER=jfr (default: JDK Flight Recorder's sampler, started after a 10 s warm-up; it costs this server a
#   good part of its throughput) or PROFILER=async (async-profiler 4.1 from Maven Central, tools.profiler:async-profiler,
#   loaded at start-up; EVENT=itimer for CPU time, EVENT=wall for wall-clock time; WARMUP=30 s; much lower overhead).
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
PROFILER=${PROFILER:-jfr}
EVENT=${EVENT:-itimer}
AGENT=()
if [ "$PROFILER" = async ]; then
  LIB=$ROOT/bench/target/async-profiler/linux-x64/libasyncProfiler.so
  if [ ! -f "$LIB" ]; then
    echo "fetching async-profiler 4.1 (tools.profiler:async-profiler) from Maven Central..." >&2
    (cd "$ROOT" && mvn -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.1 \
      -DoutputDirectory=bench/target/async-profiler)
    (cd "$ROOT/bench/target/async-profiler" && unzip -q -o async-profiler-4.1.jar 'linux-x64/*')
  fi
  AGENT=("-agentpath:$LIB=start,event=$EVENT,interval=${INTERVAL:-1ms},file=$WORK/profile.jfr")
fi
PORT=$(kw_free_port)
# shellcheck disable=SC2086
kw_start_server "$PORT" "$WORK/data" "$WORK/server.log" ${JAVA_OPTS:-} "${AGENT[@]}"
SERVER_PID=$KW_SERVER_PID
java -cp "$BENCH_JAR" io.keywarden.bench.load.LoadTool prepare "127.0.0.1:$PORT" "$ROOT_KEY_ID" "$ROOT_SECRET" "$WORK/req" 0
if [ "$PROFILER" = async ]; then
  wrk -t1 -c32 -d"${WARMUP:-30}s" -s "$WORK/req/$SCENARIO.lua" "http://127.0.0.1:$PORT" > /dev/null
  FROM=$(date -u +%H:%M:%S)
  wrk -t1 -c32 -d"${SECONDS_}s" -s "$WORK/req/$SCENARIO.lua" "http://127.0.0.1:$PORT" | grep RESULT
  TO=$(date -u +%H:%M:%S)
  kw_stop_server # async-profiler writes its recording when the JVM exits
  SAMPLE_EVENT=$([ "$EVENT" = wall ] && echo profiler.WallClockSample || echo jdk.ExecutionSample)
else
  wrk -t1 -c32 -d10s -s "$WORK/req/$SCENARIO.lua" "http://127.0.0.1:$PORT" > /dev/null
  jcmd "$SERVER_PID" JFR.start name=profile settings=profile filename="$WORK/profile.jfr" > /dev/null
  FROM=00:00:00
  wrk -t1 -c32 -d"${SECONDS_}s" -s "$WORK/req/$SCENARIO.lua" "http://127.0.0.1:$PORT" | grep RESULT
  TO=99:99:99
  jcmd "$SERVER_PID" JFR.stop name=profile > /dev/null
  SAMPLE_EVENT=jdk.ExecutionSample
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
jfr print --events "$SAMPLE_EVENT" --stack-depth 96 "$WORK/profile.jfr" > "$WORK/samples.txt"
awk -v from="$FROM" -v to="$TO" '
  # async-profiler'"'"'s recording spans start-up and warm-up too: only samples of the measured window count
  /startTime = / { t = substr($3, 1, 8); inside = t >= from && t < to; next }
  /sampledThread = / { if (!inside) next; th = $3; gsub(/"/, "", th); sub(/[-#][0-9]+(-[0-9]+)?$/, "", th); threads[th]++ }
  /stackTrace = \[/ { if (!inside) next; n++; first = 1; delete seen; next }
  /line:/ {
    if (!inside) next
    f = $1; sub(/\(.*/, "", f)
    if (first) { self[f]++; first = 0 }
    if (!(f in seen)) { seen[f] = 1; incl[f]++ }
  }
  END {
    printf "%d samples\n\n-- by thread group\n", n
    for (t in threads) printf "%6.1f%%  %s\n", 100 * threads[t] / n, t | "sort -rn | head -8"
    close("sort -rn | head -8")
    printf "\n-- self time (top 25)\n"
    for (f in self) printf "%6.1f%%  %s\n", 100 * self[f] / n, f | "sort -rn | head -25"
    close("sort -rn | head -25")
    printf "\n-- inclusive time, io.keywarden frames (top 25)\n"
    for (f in incl) if (f ~ /^io\.keywarden/) printf "%6.1f%%  %s\n", 100 * incl[f] / n, f | "sort -rn | head -25"
    close("sort -rn | head -25")
  }' "$WORK/samples.txt"
cp "$WORK/profile.jfr" "/tmp/keywarden-$SCENARIO.jfr" && echo "recording kept: /tmp/keywarden-$SCENARIO.jfr"
