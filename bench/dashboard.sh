#!/usr/bin/env bash
# Benchmark: the dashboard of one cabinet among 10,000 holding 1,000,000 mentions (seeded in SQL on a fresh embedded
# PostgreSQL), its queries and the whole page over HTTP, for a sample of cabinets: p50, p95, p99.
# Target: dashboard queries under 200 ms p95 on the 2-core reference machine.
# Usage: bench/dashboard.sh [mentions] [cabinets] [sample]. Record the figures in docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" fr.egide.reporting.DashboardBenchmark \
  "${1:-1000000}" "${2:-10000}" "${3:-200}"
