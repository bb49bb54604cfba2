#!/usr/bin/env python3
"""Splits blind question batches into the tuned part and the held-aside part.

A question is held aside when the number in its id is a multiple of 3 (A-003, B-006, …): a third of
every batch, spread over the order in which its writer went through the styles. Usage:
  scripts/blind-split.py OUT_DIR BATCH.jsonl...   → OUT_DIR/tuned.jsonl, OUT_DIR/heldout.jsonl (appended, ids unique)
"""
import json
import os
import re
import sys


def main():
    out, batches = sys.argv[1], sys.argv[2:]
    seen = set()
    for name in ("tuned.jsonl", "heldout.jsonl"):
        path = os.path.join(out, name)
        if os.path.exists(path):
            for line in open(path, encoding="utf-8"):
                if line.strip():
                    seen.add(json.loads(line)["id"])
    tuned = open(os.path.join(out, "tuned.jsonl"), "a", encoding="utf-8")
    held = open(os.path.join(out, "heldout.jsonl"), "a", encoding="utf-8")
    counts = [0, 0]
    for batch in batches:
        for line in open(batch, encoding="utf-8"):
            if not line.strip():
                continue
            q = json.loads(line)
            if q["id"] in seen:
                continue
            seen.add(q["id"])
            n = int(re.search(r"(\d+)$", q["id"]).group(1))
            target = held if n % 3 == 0 else tuned
            counts[target is held] += 1
            target.write(json.dumps(q, ensure_ascii=False) + "\n")
    print(f"tuned +{counts[0]}, held aside +{counts[1]}")


if __name__ == "__main__":
    main()
