#!/usr/bin/env bash
# Benchmark: time from starting `java -jar target/egide.jar analyze` (or lint-reply) to its first output line,
# standard input kept open. Target for analyze: the first line within 3 s of start.
# Usage: bench/cli.sh [runs]   (needs ./mvnw package first, and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - "${1:-3}" <<'PY'
import subprocess, sys, time
runs = int(sys.argv[1])
cases = [("analyze", [], '{"id": 1, "text": "Le Dr X est un con", "rating": 1}'),
         ("lint-reply", ["--sans-orthographe"], '{"id": 1, "reply": "Bonjour, merci pour votre message."}'),
         ("lint-reply", [], '{"id": 1, "reply": "Bonjour, merci pour votre message."}')]
for run in range(1, runs + 1):
    for command, options, line in cases:
        start = time.monotonic()
        process = subprocess.Popen(["java", "-jar", "target/egide.jar", command, *options], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        process.stdin.write(line + "\n")
        process.stdin.flush()
        process.stdout.readline()
        elapsed = time.monotonic() - start
        process.stdin.close()
        process.wait()
        print(f"run {run}, {command} {' '.join(options)}: first line after {elapsed:.2f} s", flush=True)
PY
