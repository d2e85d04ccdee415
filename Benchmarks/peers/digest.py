#!/usr/bin/env python3
"""The violation digest of princip's results, computed as the peers' bench.py does.

usage: digest.py RESULTS.jsonl [PROPOSALS.jsonl PEERS_DIR]

Prints {"n", "digest", "rule_counts"} for princip's result lines (a proposal violates Rn
when any of its findings of principle Rn is violated). With PROPOSALS.jsonl and the peers
folder it also checks every proposal against the plain-Python reference policy
(engines.python_policy) and exits 1 on any mismatch.
"""
import hashlib
import json
import os
import sys


def violations(line):
    result = json.loads(line)
    if "error" in result:
        raise SystemExit(f"error row at line {result.get('line')}: {result['error']}")
    return sorted({f["principle"] for f in result["findings"] if f["outcome"] == "violated"}, key=lambda r: int(r[1:]))


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        lists = [violations(line) for line in f]
    h = hashlib.sha256()
    counts = {}
    for r in lists:
        h.update((",".join(r) + "\n").encode())
        for x in r:
            counts[x] = counts.get(x, 0) + 1
    print(json.dumps({"n": len(lists), "digest": h.hexdigest()[:16], "rule_counts": dict(sorted(counts.items()))}))
    if len(sys.argv) > 3:
        sys.path.insert(0, os.path.abspath(sys.argv[3]))
        from engines import python_policy  # noqa: E402
        with open(sys.argv[2], encoding="utf-8") as f:
            bad = [(i, ref, got) for i, (line, got) in enumerate(zip(f, lists)) if (ref := python_policy(json.loads(line))) != got]
        print(f"mismatches against the Python reference: {len(bad)}", bad[:3] if bad else "")
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
