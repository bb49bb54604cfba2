#!/usr/bin/env bash
# The golden answer set: performance work must not change answers silently.
#
#   scripts/golden.sh questions        regenerate bench/golden/questions.txt from the corpus (dev questions,
#                                      FAQ examples, glossary headwords in several forms, corpus snippets,
#                                      hostile lines); run it when the corpus changes, then record
#   scripts/golden.sh record [FILE]    answer every golden question with ./kotae batch and keep the answers
#                                      (tookMicros dropped) in FILE (default bench/golden/answers.jsonl)
#   scripts/golden.sh compare [FILE]   answer them again and compare with FILE answer by answer (kind, text,
#                                      citations, confidence, follow-ups, suggestions); exit 1 on any difference
#
# ./kotae rebuilds the jar when sources changed, so `compare` always tests the working tree.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
. scripts/find-jdk.sh
kotae_find_jdk || exit 1
dir=bench/golden
questions=$dir/questions.txt
dev=../shared/eval/dev.jsonl

answer() { # stdout: one JSON answer per golden question, without tookMicros
  ./kotae batch < "$questions" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    a.pop("tookMicros", None)
    print(json.dumps(a, ensure_ascii=False, sort_keys=True))
'
}

cmd=${1:-}
shift || true
case "$cmd" in
  questions)
    ./mvnw -B -q -o -pl bench -am -Pbench -DskipTests package >&2
    mkdir -p "$dir"
    {
      [ -f "$dev" ] && python3 -c 'import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    print(json.loads(l)["q"])' "$dev"
      "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar dev.kotae.bench.Golden
    } | python3 -c '
import sys
seen = set()
for q in sys.stdin.buffer.read().decode("utf-8", "surrogateescape").split("\n")[:-1]:
    if q not in seen:
        seen.add(q)
        sys.stdout.buffer.write((q + "\n").encode("utf-8", "surrogateescape"))
' > "$questions"
    echo "golden: $(wc -l < "$questions") questions in $questions" >&2
    ;;
  record)
    out=${1:-$dir/answers.jsonl}
    answer > "$out"
    echo "golden: $(wc -l < "$out") answers recorded in $out ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- bot-core || echo ', with uncommitted changes'))" >&2
    ;;
  compare)
    ref=${1:-$dir/answers.jsonl}
    now=$(mktemp)
    trap 'rm -f "$now"' EXIT
    answer > "$now"
    python3 - "$questions" "$ref" "$now" <<'PY'
import json, sys
qs = open(sys.argv[1], encoding="utf-8", errors="surrogateescape").read().split("\n")[:-1]
ref = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
now = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
if len(ref) != len(now):
    print(f"golden: {len(ref)} recorded answers but {len(now)} now: re-record after `golden.sh questions`")
    sys.exit(1)
fields = ["kind", "text", "citations", "confidence", "followUps", "suggestions"]
changed = 0
for i, (a, b) in enumerate(zip(ref, now)):
    diff = [f for f in fields if a.get(f) != b.get(f)] + sorted(k for k in set(a) | set(b) if k not in fields and a.get(k) != b.get(k))
    if diff:
        changed += 1
        q = qs[i] if i < len(qs) else "?"
        print(f"#{i + 1} {q[:80]!r}: {', '.join(diff)} differ")
        for f in diff:
            print(f"    was: {json.dumps(a.get(f), ensure_ascii=False)[:300]}")
            print(f"    now: {json.dumps(b.get(f), ensure_ascii=False)[:300]}")
kinds = {}
for a in now:
    kinds[a["kind"]] = kinds.get(a["kind"], 0) + 1
print(f"golden: {len(now)} answers, {changed} differ ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
sys.exit(1 if changed else 0)
PY
    ;;
  *) sed -n '2,11p' "$0"; exit 2 ;;
esac
