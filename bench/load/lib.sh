# Shared by the load scripts (sourced): the fat jar started on loopback with a configured root key, and a free port.
# Needs ROOT (the repository) set by the sourcing script.
KW_JAR=$ROOT/server/target/keywarden-server.jar
KW_BENCH_JAR=$ROOT/bench/target/benchmarks.jar
KW_ROOT_KEY_ID=AKIAQYLPMN5HHHFPZAM2
KW_ROOT_SECRET=wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY

# A loopback port nothing listens on.
kw_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; return 1
}

# kw_start_server PORT DATA_DIR LOG_FILE [JVM options...]: starts the jar in the background, sets KW_SERVER_PID and
# waits (up to 60 s) until GET /ping answers 200 over plain HTTP; on failure prints the log and returns 1.
# KW_SERVER_ENV (an array of NAME=VALUE, optional) adds to the server's environment.
kw_start_server() {
  local port=$1 data=$2 log=$3
  shift 3
  env ${KW_SERVER_ENV[@]+"${KW_SERVER_ENV[@]}"} MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT=$port KEYWARDEN_DATA_DIR=$data \
    KEYWARDEN_ROOT_ACCESS_KEY_ID=$KW_ROOT_KEY_ID KEYWARDEN_ROOT_SECRET_ACCESS_KEY=$KW_ROOT_SECRET \
    java "$@" -jar "$KW_JAR" > "$log" 2>&1 &
  KW_SERVER_PID=$!
  for i in $(seq 1 1200); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ping" || true)" = 200 ]; then return 0; fi
    kill -0 "$KW_SERVER_PID" 2>/dev/null || { cat "$log" >&2; echo "the server exited" >&2; return 1; }
    sleep 0.05
  done
  echo "the server did not answer /ping within 60 s" >&2; return 1
}

# Stops the server started by kw_start_server (TERM, then KILL after 10 s).
kw_stop_server() {
  if [ -n "${KW_SERVER_PID:-}" ] && kill -0 "$KW_SERVER_PID" 2>/dev/null; then
    kill "$KW_SERVER_PID"
    for _ in $(seq 1 100); do kill -0 "$KW_SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$KW_SERVER_PID" 2>/dev/null || true
  fi
  KW_SERVER_PID=
}

# Per-thread-group CPU scheduling of a process from /proc/PID/task/*/schedstat: "group ran_ns waited_ns slices",
# threads grouped by name without digits (default-eventLoopGroup-2-1 and -2-2 are one group).
kw_schedstat() {
  local t
  for t in /proc/"$1"/task/*; do
    echo "$(tr ' ' '_' < "$t/comm" | tr -d '0-9') $(cat "$t/schedstat" 2>/dev/null || echo 0 0 0)"
  done | awk '{ r[$1] += $2; w[$1] += $3; s[$1] += $4 } END { for (k in r) print k, r[k], w[k], s[k] }' | sort
}

# kw_schedstat_diff BEFORE AFTER: the groups that ran over 50 ms between two kw_schedstat snapshots.
kw_schedstat_diff() {
  join "$1" "$2" | awk '{ ran = ($5 - $2) / 1e9; waited = ($6 - $3) / 1e9
    if (ran > 0.05) printf "    %-24s ran %6.2f s, waited for a CPU %6.2f s (%d slices)\n", $1, ran, waited, $7 - $4 }'
}
