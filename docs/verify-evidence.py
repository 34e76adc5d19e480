#!/usr/bin/env python3
"""Verifies a Glasswarden evidence bundle offline (Python 3.8+, standard library only).

Usage:  python3 verify-evidence.py BUNDLE.json [--head sha256:HEX]

Checks, as docs/ledger.md describes:
  1. the bundle digest: SHA-256 of the canonical JSON of the bundle without its "digest" member;
  2. every ledger entry of the tenant: its hash recomputed from its fields;
  3. the chain: links numbered 1..head without gaps, the first naming the genesis hash (64 zeros), each naming its
     predecessor's hash, the last being the bundle's chain head; every tenant entry is the link of its sequence;
  4. with --head, that the chain head equals a head you obtained independently (e.g. an earlier /ledger/verify).
Exit status 0 when everything holds, 1 when anything does not (each problem is printed), 2 on usage errors.
"""
import hashlib
import json
import sys

GENESIS = "0" * 64


def canonical(value):
    """Canonical JSON: sorted keys, no whitespace, UTF-8 (what Glasswarden hashes)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def entry_hash(entry):
    hashed = {name: entry.get(name) for name in
              ("sequence", "timestamp", "type", "tenantId", "subjectId", "actor", "data", "previousHash")}
    return sha256(canonical(hashed))


def verify(bundle, expected_head=None):
    problems = []
    body = dict(bundle)
    digest = body.pop("digest", None)
    if digest != "sha256:" + sha256(canonical(body)):
        problems.append("bundle digest does not match its content")

    ledger = bundle.get("ledger", {})
    chain = ledger.get("chain", [])
    head = ledger.get("head", {})
    links = {}
    previous = GENESIS
    for expected_sequence, link in enumerate(chain, start=1):
        if link["sequence"] != expected_sequence:
            problems.append("chain: link %d is missing (found %d)" % (expected_sequence, link["sequence"]))
            break
        if link["previousHash"] != previous:
            problems.append("chain: link %d does not name the hash of link %d" % (link["sequence"],
                                                                                   expected_sequence - 1))
            break
        links[link["sequence"]] = link["hash"]
        previous = link["hash"]
    if head.get("sequence") != len(chain) or head.get("hash") != "sha256:" + previous:
        problems.append("chain: does not end at the bundle's head %s (entry %s)" % (head.get("hash"),
                                                                                    head.get("sequence")))
    if expected_head is not None and head.get("hash") != expected_head:
        problems.append("chain head %s is not the expected head %s" % (head.get("hash"), expected_head))

    for entry in ledger.get("entries", []):
        sequence = entry.get("sequence")
        if entry_hash(entry) != entry.get("hash"):
            problems.append("entry %s: hash does not match its content" % sequence)
        elif links.get(sequence) != entry["hash"]:
            problems.append("entry %s: not the chain's link %s" % (sequence, sequence))
    return problems


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--head"):
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as file:
        bundle = json.load(file)
    problems = verify(bundle, argv[3] if len(argv) == 4 else None)
    ledger = bundle.get("ledger", {})
    if problems:
        for problem in problems:
            print("INVALID: " + problem)
        return 1
    print("VALID: digest %s; %d tenant entries; chain of %d entries; head %s"
          % (bundle["digest"], len(ledger.get("entries", [])), len(ledger.get("chain", [])),
             ledger.get("head", {}).get("hash")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
