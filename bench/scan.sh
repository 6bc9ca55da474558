#!/usr/bin/env bash
# Benchmark: scheduler and ingestion overhead of one scan cycle over many feed sources against a local fake feed
# (the application's own jobs, 4 worker threads). Target: under 10 ms per source for 10,000 sources.
# Usage: bench/scan.sh [sources]. Record the figures in docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" fr.egide.monitoring.ScanCycleBenchmark "${1:-10000}"
