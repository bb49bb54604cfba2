#!/usr/bin/env python3
"""Answer quality by style and by kind, judged exactly as ../shared/eval/score.py judges.

Usage: scripts/quality.py SET.jsonl [SET.jsonl…] [--cmd "./kotae batch"] [--markdown] [--fails]
Per set: top-1 overall, per style and per kind, and precision / recall of `none`
(precision: of the questions answered none, how many should have been; recall: of those that should
have been answered none, how many were).
"""
import argparse
import collections
import importlib.util
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("score", os.path.join(HERE, "..", "..", "shared", "eval", "score.py"))
if not os.path.exists(spec.origin):
    spec = importlib.util.spec_from_file_location("score", os.path.join(HERE, "..", "..", "..", "shared", "eval", "score.py"))
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def answers_for(questions, cmd):
    feed = "".join(q["q"].replace("\n", " ") + "\n" for q in questions)
    p = subprocess.run(cmd, shell=True, input=feed.encode(), capture_output=True, timeout=900)
    out = []
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            out.append(None)
    return out


def pct(a, b):
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "–"


def report(name, questions, answers, markdown, fails):
    by_style = collections.defaultdict(lambda: [0, 0])
    by_kind = collections.defaultdict(lambda: [0, 0])
    total = [0, 0]
    none_said = none_right = none_expected = none_found = 0
    failed = []
    for q, a in zip(questions, answers):
        ok, _, why = score.judge(q, a)
        for table, key in ((by_style, q.get("style", "?")), (by_kind, q.get("kind", "?"))):
            table[key][0] += ok
            table[key][1] += 1
        total[0] += ok
        total[1] += 1
        expected_none = q.get("expect", {}).get("kind") == "none"
        said_none = isinstance(a, dict) and a.get("kind") == "none"
        none_said += said_none
        none_right += said_none and expected_none
        none_expected += expected_none
        none_found += said_none and expected_none
        if not ok:
            failed.append((q, a, why))
    lines = []
    if markdown:
        lines.append(f"**{name}**: top-1 {pct(*total)}; `none` precision {pct(none_right, none_said)}, recall {pct(none_found, none_expected)}")
        lines.append("")
        lines.append("| style | top-1 |")
        lines.append("|---|---|")
        for k in sorted(by_style):
            lines.append(f"| {k} | {pct(*by_style[k])} |")
        lines.append("")
        lines.append("| kind | top-1 |")
        lines.append("|---|---|")
        for k in sorted(by_kind):
            lines.append(f"| {k} | {pct(*by_kind[k])} |")
        lines.append("")
    else:
        lines.append(f"{name}: top-1 {pct(*total)}; none precision {pct(none_right, none_said)}, recall {pct(none_found, none_expected)}")
        lines.append("  by style: " + ", ".join(f"{k} {pct(*v)}" for k, v in sorted(by_style.items())))
        lines.append("  by kind:  " + ", ".join(f"{k} {pct(*v)}" for k, v in sorted(by_kind.items())))
    if fails:
        for q, a, why in failed:
            text = (a or {}).get("text", "")[:100].replace("\n", " ") if isinstance(a, dict) else ""
            lines.append(f"FAIL {q['id']} [{q.get('style')}/{q.get('kind')}] {q['q']!r}: {why[:300]} | {text!r}")
    print("\n".join(lines))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--cmd", default="./kotae batch")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--fails", action="store_true")
    ap.add_argument("--save", help="write each question's verdict (id, ok) to this file")
    ap.add_argument("--compare", help="list the questions whose verdict differs from a --save file")
    a = ap.parse_args()
    verdicts = {}
    for path in a.sets:
        questions = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
        answers = answers_for(questions, a.cmd)
        report(os.path.basename(path), questions, answers, a.markdown, a.fails)
        for q, ans in zip(questions, answers):
            verdicts[q["id"]] = (score.judge(q, ans)[0], q["q"], (ans or {}).get("text", "")[:80] if isinstance(ans, dict) else "")
    if a.save:
        json.dump({k: v[0] for k, v in verdicts.items()}, open(a.save, "w"))
    if a.compare:
        before = json.load(open(a.compare))
        for k, (ok, q, text) in verdicts.items():
            if k in before and before[k] != ok:
                print(("FIXED " if ok else "BROKE ") + k + " " + q[:70] + " | " + text.replace("\n", " "))


if __name__ == "__main__":
    main()
