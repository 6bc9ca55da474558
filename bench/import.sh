#!/usr/bin/env bash
# Benchmark: import 100,000 reviews from a CSV file (JMH, single-shot, 1 warm-up + 5 measured imports).
# Target: under 30 s on the 2-core reference machine. Record the figures in docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
  'fr.egide.monitoring.ImportBenchmark' -rf json -rff target/import-benchmark.json "$@"
