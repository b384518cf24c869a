#!/usr/bin/env python3
"""The parser differential without Elixir: mixless's reading of every snippet
of a corpus (tests/fixtures/exs/differential*.txt) against Elixir's, as
recorded once in the corpus's .expected file by record-differential.sh.

    exs_differential.py CORPUS EXPECTED MODE WORKDIR

MODE "tree": a snippet Elixir accepts must give Elixir's tree
(`mixless debug parse --ast`), one it rejects must be rejected. MODE "error":
every snippet is rejected by Elixir, and mixless's first line must be
Elixir's first line of the message, file name aside.

The corpus is split exactly as quoted_sexp.exs splits it (on "\\n====\\n",
blank pieces dropped, numbered from 000), and every snippet's MD5 must be the
one recorded: a corpus edited since the recording is reported as such,
never compared against the wrong snippet. Prints one "# N snippets compared"
line; mismatches go to stderr; exits 1 on any.
"""
import hashlib
import os
import subprocess
import sys


def split_corpus(path):
    with open(path, "rb") as f:
        text = f.read()
    return [s for s in text.split(b"\n====\n") if s.strip() != b""]


def read_expected(path):
    """{index: (md5, result)}, and the recorded Elixir version."""
    rows, version = {}, None
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                if line.startswith("# elixir: "):
                    version = line[len("# elixir: "):]
                continue
            index, md5, result = line.split("\t", 2)
            rows[index] = (md5, result)
    return rows, version


def mixless_results(files, mixless):
    """{file: ("ok", tree) or ("error", first line)} from one run of
    `mixless debug parse --ast` over every file, which prints, in order,
    either "FILE: ok" and the tree's line, or "FILE:LINE:COL: message" (and
    perhaps more lines of the message)."""
    run = subprocess.run([mixless, "debug", "parse", "--ast", *files],
                         stdout=subprocess.PIPE, check=False)
    if run.returncode not in (0, 1):
        sys.stderr.write(f"mixless debug parse ended with status {run.returncode}\n")
    lines = run.stdout.decode("utf-8", "surrogateescape").split("\n")
    got, pos = {}, 0
    for f in files:
        while pos < len(lines) and not lines[pos].startswith(f + ":"):
            pos += 1  # the rest of the previous file's message
        if pos == len(lines):
            break
        line = lines[pos]
        pos += 1
        if line == f + ": ok" and pos < len(lines):
            got[f] = ("ok", lines[pos])
            pos += 1
        else:
            got[f] = ("error", "nofile:" + line[len(f) + 1:])
    return got


def main():
    corpus, expected_path, mode, work = sys.argv[1:5]
    mixless = os.environ.get("MIXLESS", "mixless")
    snippets = split_corpus(corpus)
    expected, version = read_expected(expected_path)
    stale = len(snippets) != len(expected)
    files = []
    for i, s in enumerate(snippets):
        index = f"{i:03d}"
        if index not in expected or expected[index][0] != hashlib.md5(s).hexdigest():
            stale = True
            break
        path = os.path.join(work, index + ".exs")
        with open(path, "wb") as f:
            f.write(s)
        files.append(path)
    if stale:
        print(f"{corpus} changed since {expected_path} was recorded: run "
              "tests/fixtures/exs/record-differential.sh with Elixir "
              f"{version} installed", file=sys.stderr)
        return 1
    got = mixless_results(files, mixless)
    bad = 0
    for i, path in enumerate(files):
        want = expected[f"{i:03d}"][1]
        kind, text = got.get(path, ("missing", "(no output)"))
        if mode == "tree" and want.startswith("ERROR "):
            # Elixir rejects it: mixless must too (the message is the
            # other corpus's business).
            ok = kind == "error"
        elif mode == "tree":
            ok = kind == "ok" and text == want
        else:
            ok = want.startswith("ERROR ") and kind == "error" and text == want[6:]
        if not ok:
            bad += 1
            sys.stderr.write("%s\n  mixless: %s %s\n  elixir:  %s\n" % (
                snippets[i].decode("utf-8", "replace"), kind, text, want))
    print(f"# {len(files)} snippets compared, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
