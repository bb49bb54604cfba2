#!/usr/bin/env bash
# Kotae's load runs (see docs/BENCHMARKS.md, "Load"): the real Slack and Teams servers on loopback,
# N closed-loop clients for S seconds each, then a check that every event was answered exactly once.
#
#   scripts/load.sh [slack|teams|all] [--clients N] [--seconds S] [--max-events N] [--api-latency MS]
#   scripts/load.sh slack --open RATE [--seconds S] [--api-latency MS]
#
# Defaults: all, 50 clients, 60 s, at most 200,000 events per adapter, and a platform API (the fake
# Slack Web API / Bot Connector) that answers at once; --api-latency 100 makes each of its calls take
# 100 ms, as the real ones do. Adapters run one after the other.
# --open RATE: open loop instead (Slack only): signed events at RATE a second for S seconds (default 10)
# whatever the server does, default workers and queue, Web API --api-latency (default 100 ms here);
# passes when every acknowledged event got exactly one reply (answer or busy) and refused ones none.
# Exit 0 when every run passed; non-zero (Maven's failure) on any error, missing or duplicate answer.
# Summaries: slack-adapter/target/load-slack.txt (load-slack-open.txt), teams-adapter/target/load-teams.txt.
# Extra Maven options go in MAVEN_ARGS (e.g. MAVEN_ARGS=-o for an offline build).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
. scripts/find-jdk.sh
kotae_find_jdk || exit 1

which=all clients=50 seconds= max=200000 latency= open=
while [ $# -gt 0 ]; do
  case "$1" in
    slack|teams|all) which=$1 ;;
    --clients) clients=${2:?--clients needs a number}; shift ;;
    --seconds) seconds=${2:?--seconds needs a number}; shift ;;
    --max-events) max=${2:?--max-events needs a number}; shift ;;
    --api-latency) latency=${2:?--api-latency needs a number of milliseconds}; shift ;;
    --open) open=${2:?--open needs a number of events a second}; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "load.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ -n "$open" ]; then
  [[ "$open" =~ ^[1-9][0-9]*$ ]] || { echo "load.sh: '$open' is not a positive number of events a second" >&2; exit 2; }
  [ "$which" = all ] && which=slack
  [ "$which" = slack ] || { echo "load.sh: --open runs the Slack adapter only" >&2; exit 2; }
  seconds=${seconds:-10} latency=${latency:-100}
else
  seconds=${seconds:-60} latency=${latency:-0}
fi
for n in "$clients" "$seconds" "$max"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "load.sh: '$n' is not a positive number" >&2; exit 2; }
done
[[ "$latency" =~ ^[0-9]+$ ]] || { echo "load.sh: '$latency' is not a number of milliseconds" >&2; exit 2; }
case "$which" in
  slack) modules=slack-adapter ;;
  teams) modules=teams-adapter ;;
  all) modules=slack-adapter,teams-adapter ;;
esac

rm -f slack-adapter/target/load-*.txt teams-adapter/target/load-*.txt
status=0
if [ -n "$open" ]; then
  echo "load: slack open loop, $open events/s, $seconds s, Web API ${latency} ms/call; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  ./mvnw -B -q -pl slack-adapter -am verify -Dtest=SlackOpenLoopTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dkotae.load.open="$open" -Dkotae.load.seconds="$seconds" -Dkotae.load.apiLatencyMs="$latency" >&2 || status=$?
  if [ -f slack-adapter/target/load-slack-open.txt ]; then cat slack-adapter/target/load-slack-open.txt
  else echo "load: no summary was written (did the build fail before the run?)" >&2; fi
  exit "$status"
fi
echo "load: $which, $clients clients, $seconds s, platform API ${latency} ms/call; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
./mvnw -B -q -Pload -pl "$modules" -am verify -Dkotae.load.clients="$clients" -Dkotae.load.seconds="$seconds" \
  -Dkotae.load.maxEvents="$max" -Dkotae.load.apiLatencyMs="$latency" >&2 || status=$?
shown=0
for f in slack-adapter/target/load-*.txt teams-adapter/target/load-*.txt; do
  if [ -f "$f" ]; then cat "$f"; shown=1; fi
done
[ "$shown" = 1 ] || echo "load: no summary was written (did the build fail before the run?)" >&2
exit "$status"
