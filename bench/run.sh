#!/usr/bin/env bash
# Builds the jar and the benchmarks, installs the npm peers and runs issue 7's side-by-side benchmarks (see docs/performance.md).
#   bench/run.sh                      all five: tokenizers keystrokes coldstart memory check
#   bench/run.sh keystrokes memory    only the ones named
#   bench/run.sh jmh [JMH arguments]  the JMH micro-benchmarks instead, e.g. bench/run.sh jmh -f 1 -wi 2 -w 2s -i 3 -r 2s
set -euo pipefail
repository_root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repository_root"
mvn -q -B -pl bench -am package -DskipTests
if [ "${1:-}" = "jmh" ]; then
  shift
  exec java -jar bench/target/benchmarks.jar "$@"
fi
(cd bench/node && npm ci --no-audit --no-fund --loglevel=error)
echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Machine: nproc=$(nproc); $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); $(free -g | awk '/Mem:/ {print $2 " GiB"}'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Java: $(java -version 2>&1 | head -1); node $(node --version)"
exec java -Dpromptwise.repository="$repository_root" -cp bench/target/benchmarks.jar dev.promptwise.bench.PeerBenchmarks "$@"
