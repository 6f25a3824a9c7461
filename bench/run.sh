#!/usr/bin/env bash
# Builds the JMH benchmarks (core + bench, profile "bench") and runs them.
#   bench/run.sh                      all benchmarks, 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement
#   bench/run.sh SigV4Verification    only the benchmarks whose name matches the regular expression
#   bench/run.sh -- -prof gc          any further JMH options after "--"
# Never part of `mvn verify`. Takes about 25 s per benchmark method.
set -euo pipefail
cd "$(dirname "$0")/.."
filter=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do filter+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
mvn -B -q -Pbench -pl core,bench -am package -DskipTests
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
java -jar bench/target/benchmarks.jar "${filter[@]}" -f 1 -wi 3 -i 5 -w 1s -r 1s "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
