#!/usr/bin/env bash
# The console's views over a year of activity logs (docs/BENCHMARKS.md, "Console").
#
#   scripts/console-bench.sh [LINES] [RUNS]   LINES log lines over 365 days (default 1000000), RUNS timed requests per view (default 10)
#
# Writes the logs, in time order, into a fresh index folder (70% usage.jsonl, 20% unanswered.jsonl, 10% feedback.jsonl;
# questions Zipf-distributed over a few thousand phrasings plus 5% one-offs), starts ./kotae console
# on it (loopback, a free port), logs in with curl and times each view: the first request after the
# start-up read, then RUNS more, then again after 10,000 lines were appended. Prints one line per figure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
lines=${1:-1000000}
runs=${2:-10}
[ "$lines" = generate ] && lines=0
work=$(mktemp -d /tmp/kotae-console-bench.XXXXXX)
port=${KOTAE_BENCH_CONSOLE_PORT:-18188}
token=bench-admin-token-0123456789
pid=
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

generate() { # DIR LINES DAYS_BACK_FROM_TODAY SEED
  python3 - "$@" <<'PY'
import json, os, random, sys, datetime
out, n, days, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(seed)
topics = ["VPN", "パスワード", "ISMS", "テレワーク", "メール", "Wi-Fi", "経費精算", "有給休暇", "社員食堂", "複合機", "名刺",
          "ウイルス対策ソフト", "USBメモリ", "クラウド", "バックアップ", "情報漏えい", "標的型攻撃", "ランサムウェア", "会議室", "入館証"]
forms = ["{}の設定方法を教えて", "{}とは？", "{}の申請はどうすればいい？", "{}が使えない", "{}の費用はいくら？",
         "{}について知りたい", "{}って何？", "{}の担当部署はどこ？", "{}のルールは？", "{}を忘れた"]
phrasings = [f.format(t) + s for t in topics for f in forms for s in ["", "。", " よろしくお願いします", "（急ぎ）", "?"]]  # 1,000
phrasings += [f"{t}と{u}の違いは？" for t in topics for u in topics if t != u]  # +380
weights = [1.0 / (i + 1) ** 0.9 for i in range(len(phrasings))]
labels = ["用語集「WAF（ワフ）」", "用語集「ゼロトラスト」", "用語集「VPN」", "用語集「ランサムウェア」", "用語集「ISMS」",
          "用語集「情報資産」", "用語集「標的型攻撃」", "用語集「UTM」"] + [f"テキスト 4-{a}-{b} 節{a}{b}（第4章 – {a*3+b:02d}）" for a in range(1, 4) for b in range(1, 7)] \
         + [f"スライド{n}「スライド{n}」" for n in range(1, 41)]
lw = [1.0 / (i + 1) for i in range(len(labels))]
kinds = ["glossary", "faq", "passage", "case", "case-list", "help", "none"]
kw = [30, 25, 20, 5, 2, 3, 15]
platforms, pw = ["slack", "teams", "console"], [60, 35, 5]
today = datetime.datetime.now(datetime.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
start = today - datetime.timedelta(days=days - 1)
step = days * 86400 / max(1, n)
def at(i):
    # In time order, as the bots append them, a little jitter between neighbours.
    t = start + datetime.timedelta(seconds=i * step + rnd.random() * step)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rnd.randrange(1000000):06d}Z"
def question():
    if rnd.random() < 0.05:
        return rnd.choice(topics) + "の件で質問です #" + str(rnd.randrange(10**9))
    return rnd.choices(phrasings, weights)[0]
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "usage.jsonl"), "a", encoding="utf-8") as u, \
     open(os.path.join(out, "unanswered.jsonl"), "a", encoding="utf-8") as un, \
     open(os.path.join(out, "feedback.jsonl"), "a", encoding="utf-8") as fb:
    for i in range(n):
        r = rnd.random()
        p = rnd.choices(platforms, pw)[0]
        if r < 0.7:
            k = rnd.choices(kinds, kw)[0]
            cites = [] if k == "none" else rnd.choices(labels, lw, k=rnd.randint(1, 3))
            u.write(json.dumps({"at": at(i), "platform": p, "kind": k, "confidence": round(rnd.random(), 3), "citations": cites}, ensure_ascii=False) + "\n")
        elif r < 0.9:
            un.write(json.dumps({"at": at(i), "platform": p, "question": question(), "kind": "none", "confidence": 0.0}, ensure_ascii=False) + "\n")
        else:
            k = rnd.choices(kinds[:5], kw[:5])[0]
            fb.write(json.dumps({"at": at(i), "platform": p, "question": question(), "kind": k,
                                 "citations": rnd.choices(labels, lw, k=rnd.randint(1, 2)), "helpful": rnd.random() < 0.7}, ensure_ascii=False) + "\n")
PY
}

if [ "${1:-}" = generate ]; then # scripts/console-bench.sh generate DIR LINES: only write the logs
  generate "$2" "${3:-1000000}" 365 1
  exit 0
fi
echo "generating $lines log lines over 365 days…" >&2
generate "$work/index" "$lines" 365 1
du -sh "$work/index" | awk '{print "logs: " $1}'
wc -l "$work/index"/*.jsonl | tail -1 | awk '{print "lines: " $1}'

KOTAE_NO_BUILD=${KOTAE_NO_BUILD:-false} ./kotae console --help 2>/dev/null || true
KOTAE_INDEX_DIR="$work/index" KOTAE_CONSOLE_PORT=$port KOTAE_CONSOLE_TOKEN=$token KOTAE_NO_BUILD=true \
  ./kotae console >"$work/console.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  grep -q "activity logs read" "$work/console.log" 2>/dev/null && break
  sleep 0.5
done
grep -o "activity logs read.*" "$work/console.log" | sed 's/^/start-up read (in the background, before any view): /'
base="http://127.0.0.1:$port"
curl -s -c "$work/jar" "$base/login" -o "$work/login.html"
nonce=$(grep -o 'name="nonce" value="[^"]*"' "$work/login.html" | sed 's/.*value="//;s/"$//')
curl -s -b "$work/jar" -c "$work/jar" -d "token=$token&nonce=$nonce" "$base/login" -o /dev/null

time_view() { # PATH → seconds
  curl -s -b "$work/jar" -o "$work/page.html" -w '%{time_total}' "$base$1"
}
report() { # LABEL PATH
  local first times sorted
  first=$(time_view "$2")
  times=()
  for _ in $(seq 1 "$runs"); do times+=("$(time_view "$2")"); done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-34s first %6.0f ms   median %6.0f ms   max %6.0f ms   (%s bytes)\n' "$1" \
    "$(echo "$first * 1000" | bc)" "$(echo "$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") * 1000" | bc)" \
    "$(echo "$(echo "$sorted" | tail -1) * 1000" | bc)" "$(stat -c %s "$work/page.html")"
}
for view in unanswered feedback usage; do
  report "$view (1 year)" "/$view?days=365"
  report "$view (30 days)" "/$view?days=30"
  report "$view (1 year, slack only)" "/$view?days=365&platform=slack"
done
echo "appending 10,000 lines…" >&2
generate "$work/index" 10000 1 2
for view in unanswered feedback usage; do
  report "$view (1 year, after +10,000)" "/$view?days=365"
done
grep -c . "$work/index/unanswered.jsonl" | sed 's/^/unanswered lines: /'
ps -o rss= -p "$pid" 2>/dev/null | awk '{printf "console RSS: %d MB\n", $1/1024}' || true
