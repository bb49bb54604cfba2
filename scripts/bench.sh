#!/usr/bin/env bash
# Kotae's benchmark harness (see docs/BENCHMARKS.md). Short runs: minutes, not hours.
#
#   scripts/bench.sh jmh [JMH ARGS]   JMH: answer by kind (1 and 2 threads), corpus load, generation build, analysis
#   scripts/bench.sh latency [SECS]   seed corpus: answer p50/p99/p99.9 per kind, one-thread answers/s, heap after GC
#   scripts/bench.sh batch [N]        ./kotae batch over N mixed questions (default 20000): process answers/s
#   scripts/bench.sh stock [N]        the stock Kuromoji BM25 baseline as a batch process, same questions, same figures
#   scripts/bench.sh cold [RUNS]      ./kotae ask "WAFとは？": wall time and peak RSS per run (start-up archive made first)
#   scripts/bench.sh steps [RUNS]     a cold ask's CPU per step, on one thread: generation built at start, shipped index
#                                     opened from the corpus read, shipped tables and index alone (as ask now), interleaved
#   scripts/bench.sh scale [FACTOR…]  synthetic N× corpora (default 10 100): load, index time and size, p50/p99, heap
#   scripts/bench.sh formats [RUNS]   reading a 100-page PDF and a 50-slide deck alone (one JVM, median of 5); then
#                                     ./kotae reindex of the shipped corpus, with the PDF, the deck, both: wall time per
#                                     run (JVM start included) and the report's own time
#   scripts/bench.sh machine          what the figures ran on
#   scripts/bench.sh all              machine, cold, batch, latency, jmh, scale 10 100
#
# KOTAE_BENCH_JVM adds JVM options to latency and scale, e.g. "-Dkotae.scale.dir=/tmp/kotae-scale" (see Harness).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
. scripts/find-jdk.sh
kotae_find_jdk || exit 1
java="$JAVA_HOME/bin/java"
jar=bench/target/benchmarks.jar
jvm=(-XX:+UseSerialGC -Xss4m --enable-native-access=ALL-UNNAMED)

build() {
  ./mvnw -B -q -pl bench -am -Pbench -DskipTests package >&2
}

machine() {
  echo "cores: $(nproc); memory: $(free -h | awk '/^Mem:/ {print $2}'); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
  echo "JDK: $("$java" -version 2>&1 | head -2 | tail -1)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

mixed_questions() { # N lines of the dev questions and the FAQ examples, round-robin
  local n=$1
  python3 - "$n" <<'PY'
import glob, json, sys
n = int(sys.argv[1])
qs = []
try:
    qs = [json.loads(l)["q"] for l in open("../shared/eval/dev.jsonl", encoding="utf-8")]
except OSError:
    pass
for f in sorted(glob.glob("corpus/faq/*.yaml")):
    inq = False
    for line in open(f, encoding="utf-8"):
        s = line.strip()
        if s.startswith("questions:"):
            inq = True
            continue
        if inq and s.startswith("- "):
            qs.append(s[2:].strip().strip("\"'"))
        else:
            inq = False
qs += ["WAFとは？", "事例の一覧を見せて", "攻めのIT投資の事例をまとめて", "量子コンピュータで猫を飼う方法"]
sys.stdout.write("".join(qs[i % len(qs)] + "\n" for i in range(n)))
PY
}

cmd=${1:-all}
shift || true
case "$cmd" in
  machine) machine ;;
  jmh)
    build
    # One fork, 2×1 s warm-up, 3×1 s measurement per benchmark: about 2–3 minutes in all.
    # KOTAE_JMH_OPTS replaces these run-length options (JMH refuses an option given twice).
    # shellcheck disable=SC2086
    "$java" -jar "$jar" ${KOTAE_JMH_OPTS:--f 1 -wi 2 -w 1s -i 3 -r 1s} -rf json -rff bench/target/jmh.json "$@"
    ;;
  latency)
    build
    "$java" "${jvm[@]}" ${KOTAE_BENCH_JVM:-} -cp "$jar" dev.kotae.bench.Harness latency "${1:-20}"
    ;;
  batch|stock)
    # batch: ./kotae batch; stock: the stock Kuromoji BM25 baseline as a process reading the same
    # question lines and printing one JSON line each (bench's StockBatch), timed the same way.
    n=${1:-20000}
    if [ "$cmd" = batch ]; then
      KOTAE_NO_BUILD=${KOTAE_NO_BUILD:-false} ./kotae ask "WAFとは？" >/dev/null
      run=(env KOTAE_NO_BUILD=true ./kotae batch)
    else
      [ -f "$jar" ] || build
      run=("$java" "${jvm[@]}" -cp "$jar" dev.kotae.bench.StockBatch)
    fi
    mkdir -p bench/target
    mixed_questions "$n" > bench/target/batch-questions.txt
    start=$(date +%s.%N)
    "${run[@]}" < bench/target/batch-questions.txt > bench/target/$cmd-answers.jsonl
    end=$(date +%s.%N)
    python3 - "$start" "$end" "$cmd" <<'PY'
import json, sys
start, end, cmd = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
t = [json.loads(l)["tookMicros"] for l in open("bench/target/%s-answers.jsonl" % cmd, encoding="utf-8")]
h = sorted(t[len(t) // 2:])
print("%s: %d answers in %.2f s wall = %.0f answers/s (process, JVM start included); "
      "second half: %.0f answers/s by tookMicros, p50 %d us, p99 %d us; load average %s"
      % ("kotae batch" if cmd == "batch" else "stock baseline", len(t), end - start, len(t) / (end - start),
         len(h) / (sum(h) / 1e6), h[len(h) // 2], h[int(len(h) * .99)], open("/proc/loadavg").read().split()[0]))
PY
    ;;
  cold)
    runs=${1:-5}
    KOTAE_NO_BUILD=${KOTAE_NO_BUILD:-false} ./kotae ask "WAFとは？" >/dev/null   # builds if needed, records the start-up archive
    # JDK 25+: the launcher makes the AOT cache in the background after that first run; wait for it.
    for _ in $(seq 120); do
      [ -f bot-core/target/kotae.aot ] || [ -f bot-core/target/kotae.jsa ] || [ "${KOTAE_CDS:-true}" = false ] && break
      sleep 0.5
    done
    for _ in $(seq "$runs"); do
      /usr/bin/time -f "kotae ask: wall %e s, peak RSS %M KB" env KOTAE_NO_BUILD=true ./kotae ask "WAFとは？" 2>&1 >/dev/null | tail -1
    done
    ;;
  formats)
    runs=${1:-3}
    build
    KOTAE_NO_BUILD=${KOTAE_NO_BUILD:-false} ./kotae validate >/dev/null   # builds the kotae jar if needed
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    "$java" "${jvm[@]}" -cp "$jar" dev.kotae.bench.FormatFixtures "$work/files" >/dev/null
    "$java" "${jvm[@]}" -cp "$jar" dev.kotae.bench.FormatFixtures read "$work/files/manual-100p.pdf" "$work/files/deck-50.pptx"
    for variant in shipped pdf deck both; do
      rm -rf "$work/corpus"
      mkdir -p "$work/corpus"
      cp -r corpus/documents corpus/faq corpus/synonyms.txt "$work/corpus/"
      case $variant in
        pdf) cp "$work/files/manual-100p.pdf" "$work/corpus/documents/" ;;
        deck) cp "$work/files/deck-50.pptx" "$work/corpus/documents/" ;;
        both) cp "$work/files/manual-100p.pdf" "$work/files/deck-50.pptx" "$work/corpus/documents/" ;;
      esac
      for run in $(seq "$runs"); do
        rm -rf "$work/index"
        start=$(date +%s%N)
        report=$(KOTAE_NO_BUILD=true ./kotae reindex --corpus "$work/corpus" --index "$work/index" | head -1)
        end=$(date +%s%N)
        echo "reindex $variant (run $run): wall $(( (end - start) / 1000000 )) ms; report: ${report#*：}"
      done
    done
    ;;
  steps)
    build
    for _ in $(seq "${1:-3}"); do
      for mode in built shipped tables; do
        "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss4m --enable-native-access=ALL-UNNAMED -Xlog:disable \
          -Dkotae.lucene.log.level=ERROR -cp "$jar" dev.kotae.bench.ColdSteps "$mode"
      done
      echo "load average $(cut -d' ' -f1 /proc/loadavg)"
    done
    ;;
  scale)
    build
    [ $# -gt 0 ] || set -- 10 100
    /usr/bin/time -f "scale run: wall %e s, peak RSS %M KB" "$java" -Xmx12g "${jvm[@]}" ${KOTAE_BENCH_JVM:-} -cp "$jar" dev.kotae.bench.Harness scale "$@"
    ;;
  all)
    machine; "$0" cold; "$0" batch; "$0" latency; "$0" jmh; "$0" scale 10 100 ;;
  *) sed -n '2,17p' "$0"; exit 2 ;;
esac
