#!/usr/bin/env bash
# Benchmark: time from `java -jar target/egide.jar` to /actuator/health reporting UP, on a first start (initdb of
# the embedded PostgreSQL included) and on a second start with the same data directory. Target: under 15 s.
# Usage: [JAVA_OPTS=...] bench/startup.sh [runs]   (needs ./mvnw package first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=18080
for run in $(seq 1 "$runs"); do
  home=$(mktemp -d)
  for start in first second; do
    t0=$(date +%s.%N)
    # shellcheck disable=SC2086
    EGIDE_HOME="$home" PORT=$port java ${JAVA_OPTS:-} -jar target/egide.jar >"$home/$start.log" 2>&1 &
    pid=$!
    until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
      kill -0 $pid 2>/dev/null || { echo "exited, see $home/$start.log"; exit 1; }
      sleep 0.1
    done
    t1=$(date +%s.%N)
    printf 'run %s, %s start: UP after %.1f s\n' "$run" "$start" "$(echo "$t1 - $t0" | bc)"
    kill $pid; wait $pid || true
  done
  rm -rf "$home"
done
