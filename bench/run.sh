#!/usr/bin/env bash
# Builds the benchmark jar and runs every Promptwise benchmark; extra arguments go to JMH (see docs/performance.md).
# Short run:   bench/run.sh -f 1 -wi 2 -w 2s -i 3 -r 2s
# Full run:    bench/run.sh
set -euo pipefail
repository_root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repository_root"
mvn -q -B -pl bench -am package -DskipTests
exec java -jar bench/target/benchmarks.jar "$@"
