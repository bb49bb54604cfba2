#!/usr/bin/env bash
# Kotae's load runs (see docs/BENCHMARKS.md, "Load"): the real Slack and Teams servers on loopback,
# N closed-loop clients for S seconds each, then a check that every event was answered exactly once.
#
#   scripts/load.sh [slack|teams|all] [--clients N] [--seconds S] [--max-events N] [--api-latency MS]
#
# Defaults: all, 50 clients, 60 s, at most 200,000 events per adapter, and a platform API (the fake
# Slack Web API / Bot Connector) that answers at once; --api-latency 100 makes each of its calls take
# 100 ms, as the real ones do. Adapters run one after the other.
# Exit 0 when every run passed; non-zero (Maven's failure) on any error, missing or duplicate answer.
# Summaries: slack-adapter/target/load-slack.txt, teams-adapter/target/load-teams.txt.
# Extra Maven options go in MAVEN_ARGS (e.g. MAVEN_ARGS=-o for an offline build).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
. scripts/find-jdk.sh
kotae_find_jdk || exit 1

which=all clients=50 seconds=60 max=200000 latency=0
while [ $# -gt 0 ]; do
  case "$1" in
    slack|teams|all) which=$1 ;;
    --clients) clients=${2:?--clients needs a number}; shift ;;
    --seconds) seconds=${2:?--seconds needs a number}; shift ;;
    --max-events) max=${2:?--max-events needs a number}; shift ;;
    --api-latency) latency=${2:?--api-latency needs a number of milliseconds}; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "load.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
for n in "$clients" "$seconds" "$max"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "load.sh: '$n' is not a positive number" >&2; exit 2; }
done
[[ "$latency" =~ ^[0-9]+$ ]] || { echo "load.sh: '$latency' is not a number of milliseconds" >&2; exit 2; }
case "$which" in
  slack) modules=slack-adapter ;;
  teams) modules=teams-adapter ;;
  all) modules=slack-adapter,teams-adapter ;;
esac

echo "load: $which, $clients clients, $seconds s, platform API ${latency} ms/call; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
rm -f slack-adapter/target/load-*.txt teams-adapter/target/load-*.txt
status=0
./mvnw -B -q -Pload -pl "$modules" -am verify -Dkotae.load.clients="$clients" -Dkotae.load.seconds="$seconds" \
  -Dkotae.load.maxEvents="$max" -Dkotae.load.apiLatencyMs="$latency" >&2 || status=$?
shown=0
for f in slack-adapter/target/load-*.txt teams-adapter/target/load-*.txt; do
  if [ -f "$f" ]; then cat "$f"; shown=1; fi
done
[ "$shown" = 1 ] || echo "load: no summary was written (did the build fail before the run?)" >&2
exit "$status"
