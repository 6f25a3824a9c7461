#!/usr/bin/env bash
# Start-up time of the fat jar to its first answered request (GET /ping -> 200), measured from the moment `java` is
# launched, RUNS times per JVM option set, with a fresh data folder each time (first start: schema migration, master
# key, root key) or, with REUSE=1, the same folder (a restart). Also the heap in use after a full GC once idle.
#
# usage: bench/load/startup.sh [OPTIONS_SET...]    each argument is one set of JVM options, e.g.
#   bench/load/startup.sh "" "-XX:TieredStopAtLevel=1" "-XX:SharedArchiveFile=/tmp/kw.jsa"
# Without arguments: no options, and the build's class-data-sharing archive (server/target/keywarden-server.jsa) as
# the README's command runs the server.
# With CDS=1 an AppCDS archive of the fat jar is created first (one training run) and an extra option set using it
# is added. RUNS=5 by default; the sets are interleaved run by run so that a change in load hits all of them alike.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$ROOT/server/target/keywarden-server.jar
RUNS=${RUNS:-5}
[ -f "$JAR" ] || { echo "missing $JAR (build: mvn -B -q -pl core,sdk,server -am package -DskipTests)" >&2; exit 1; }
WORK=$(mktemp -d /tmp/keywarden-startup.XXXXXX)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
SETS=("$@")
[ ${#SETS[@]} -eq 0 ] && SETS=("" "-XX:SharedArchiveFile=$ROOT/server/target/keywarden-server.jsa")

start_once() { # options, data dir -> prints "ms heapMB"
  local opts=$1 data=$2 port t0 ms heap
  port=$((20000 + RANDOM % 40000))
  t0=$(date +%s%N)
  MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT=$port KEYWARDEN_DATA_DIR=$data \
    KEYWARDEN_ROOT_ACCESS_KEY_ID=AKIAQYLPMN5HHHFPZAM2 KEYWARDEN_ROOT_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY \
    java $opts -jar "$JAR" > "$WORK/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 3000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ping" || true)" = 200 ] && break
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  heap=-
  if [ "${HEAP:-1}" = 1 ]; then
    sleep 1
    jcmd "$PID" GC.run > /dev/null 2>&1 || true
    heap=$(jcmd "$PID" GC.heap_info 2>/dev/null | awk '/garbage-first heap|PSYoungGen|def new generation|ParOldGen|tenured generation/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); sub(/K,?$/, "", v); s += v } } END { printf "%.1f", s / 1024 }')
  fi
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  echo "$ms $heap"
}

if [ "${CDS:-0}" = 1 ]; then
  echo "creating an AppCDS archive (training run)..." >&2
  HEAP=0 start_once "-XX:ArchiveClassesAtExit=$WORK/app.jsa" "$WORK/train" > /dev/null
  sleep 1
  SETS+=("-XX:SharedArchiveFile=$WORK/app.jsa" "-XX:SharedArchiveFile=$WORK/app.jsa -XX:TieredStopAtLevel=1")
fi

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
declare -A TIMES HEAPS
for r in $(seq 1 "$RUNS"); do
  for i in "${!SETS[@]}"; do
    data=$WORK/data-$i-$r
    [ "${REUSE:-0}" = 1 ] && data=$WORK/data-$i
    read -r ms heap < <(start_once "${SETS[$i]}" "$data")
    TIMES[$i]="${TIMES[$i]:-} $ms"
    HEAPS[$i]="${HEAPS[$i]:-} $heap"
  done
done
for i in "${!SETS[@]}"; do
  med=$(echo "${TIMES[$i]}" | tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  printf 'median %5s ms  runs:%s ms  heap after GC:%s MB  options: %s\n' "$med" "${TIMES[$i]}" "${HEAPS[$i]}" "${SETS[$i]:-(none)}"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
