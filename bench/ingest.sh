#!/usr/bin/env bash
# Benchmark: synthetic French reviews ingested per second, analysis included (import engine pages as connector scans
# do, then the analysis through the MentionsImported event), on a fresh embedded PostgreSQL.
# Target: at least 5,000 per second for 1,000,000 reviews on the 2-core reference machine.
# Usage: bench/ingest.sh [count] [page] [connecteur|fichier]; JAVA_OPTS=-Ddurable=true for a server with the
# application's durability settings (fsync, synchronous commits). Record the figures in docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" fr.egide.monitoring.internal.IngestBenchmark \
  "${1:-1000000}" "${2:-5000}" "${3:-connecteur}"
