#!/usr/bin/env bash
# Benchmark: median time of a full sealed capture of a local ~200 KB page with 20 resources, and of
# `chromium --headless --screenshot` of the same page in the same run. Target: under 5 s median.
# Usage: bench/capture.sh [runs] [texte]   ("texte": 200 KB of visible text, a 52,000 px page; default: a review
# listing with embedded data). Needs chromium; record the figures in docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" fr.egide.evidence.CaptureBenchmark "${1:-7}" "${2:-liste}"
