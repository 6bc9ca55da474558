#!/usr/bin/env bash
# Benchmark: reviews of about 300 characters analysed per second on one thread (JMH throughput).
# Target: at least 20,000 per second on one core. Record the figures in docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
  'fr.egide.analysis.AnalyzerBenchmark' -rf json -rff target/analyze-benchmark.json "$@"
