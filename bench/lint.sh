#!/usr/bin/env bash
# Benchmark: time to lint one reply (JMH sample time: read the p0.50 lines). Targets: median under 1 ms
# without LanguageTool, under 100 ms with it after warm-up. Record the figures in docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
  'fr.egide.compliance.ReplyLinterBenchmark' -rf json -rff target/lint-benchmark.json "$@"
