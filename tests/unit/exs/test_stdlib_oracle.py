#!/usr/bin/env python3
"""Re-checks the EX(...) cases of tests/unit/exs/test_stdlib_*.c against a real Elixir.

Every EX(src, want) case says: Elixir evaluates src to a value whose inspect is
want, or raises an exception whose "** (Exception) message" is want (the
evaluator's "error: t.exs:L:C: " prefix aside). This script runs each src
through `elixir` (Code.eval_string, in tests/fixtures, with the environment the
C harness gives the evaluator) and prints every case where Elixir disagrees.

    tests/unit/exs/test_stdlib_oracle.py [--elixir PATH] [FILE.c...]

It is a developer's tool, not part of `make check` (CI has no Elixir). Exit 0
when every case agrees, 1 otherwise.
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.normpath(os.path.join(HERE, "..", "..", "fixtures"))


def c_string(text, i):
    """Parses the C string literal starting at text[i] ('"'); returns (bytes, next index)."""
    assert text[i] == '"'
    i += 1
    out = bytearray()
    simple = {"n": 10, "t": 9, "r": 13, "v": 11, "f": 12, "a": 7, "b": 8, "\\": 92, '"': 34,
              "'": 39, "?": 63, "0": 0}
    while text[i] != '"':
        ch = text[i]
        if ch != "\\":
            out += ch.encode()
            i += 1
            continue
        nxt = text[i + 1]
        if nxt == "x":  # as C: every hex digit that follows belongs to the escape
            j = i + 2
            while j < len(text) and text[j] in "0123456789abcdefABCDEF":
                j += 1
            out.append(int(text[i + 2:j], 16) & 0xFF)
            i = j
        elif nxt in "01234567" and text[i + 2] in "01234567":
            j = i + 1
            while j < i + 4 and text[j] in "01234567":
                j += 1
            out.append(int(text[i + 1:j], 8))
            i = j
        else:
            out.append(simple[nxt])
            i += 2
    return bytes(out), i + 1


def skip_space(text, i):
    while True:
        while i < len(text) and text[i] in " \t\n":
            i += 1
        if text.startswith("/*", i):
            i = text.index("*/", i) + 2
        elif text.startswith("//", i):
            i = text.index("\n", i)
        else:
            return i


def c_strings(text, i):
    """Adjacent literals, concatenated."""
    out = b""
    i = skip_space(text, i)
    while i < len(text) and text[i] == '"':
        s, i = c_string(text, i)
        out += s
        i = skip_space(text, i)
    return out, i


def cases(path):
    text = open(path, encoding="utf-8").read()
    for m in re.finditer(r"\bEX\(", text):
        src, i = c_strings(text, m.end())
        if text[i] != ",":
            continue  # the macro's own definition
        want, i = c_strings(text, i + 1)
        yield path, text.count("\n", 0, m.start()) + 1, src, want


RUNNER = r"""
[path] = System.argv()
# Raw bytes out: a unicode stdout would re-encode every byte above 127.
:ok = :io.setopts(:standard_io, encoding: :latin1)
for {id, src} <- :erlang.binary_to_term(File.read!(path)) do
  res =
    try do
      {v, _} = Code.eval_string(src, [], file: "t.exs")
      inspect(v, limit: :infinity, printable_limit: :infinity)
    rescue
      e ->
        # Blamed, as mix prints it: FunctionClauseError lists the arguments.
        {e, _} = Exception.blame(:error, e, __STACKTRACE__)
        "error: ** (#{inspect(e.__struct__)}) #{Exception.message(e)}"
    end
  IO.binwrite(<<id::32, byte_size(res)::32>> <> res)
end
"""


def term_of(items):
    """External term format of [{int, binary}], enough for :erlang.binary_to_term."""
    out = bytearray(b"\x83")
    out += b"l" + len(items).to_bytes(4, "big")
    for n, s in items:
        out += b"h\x02" + b"b" + n.to_bytes(4, "big", signed=True)
        out += b"m" + len(s).to_bytes(4, "big") + s
    out += b"j"
    return bytes(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--elixir", default="elixir")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = args.files or sorted(glob.glob(os.path.join(HERE, "test_stdlib_*.c")))
    all_cases = [c for f in files for c in cases(f)]
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "cases.bin")
        runner = os.path.join(tmp, "runner.exs")
        with open(data, "wb") as f:
            f.write(term_of([(i, c[2]) for i, c in enumerate(all_cases)]))
        with open(runner, "w") as f:
            f.write(RUNNER)
        env = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8", "HOME": "/home/u",
               "PORT": "4001", "EMPTY": ""}
        out = subprocess.run([args.elixir, runner, data], cwd=FIXTURES, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True).stdout
    results = {}
    i = 0
    while i < len(out):
        n = int.from_bytes(out[i:i + 4], "big")
        ln = int.from_bytes(out[i + 4:i + 8], "big")
        results[n] = out[i + 8:i + 8 + ln]
        i += 8 + ln
    bad = 0
    for n, (path, line, src, want) in enumerate(all_cases):
        want_cmp = re.sub(rb"^error: t\.exs:\d+:\d+: ", b"error: ", want)
        got = results.get(n)
        if got is not None:
            # The evaluator does not know the clauses of the builtins.
            got = re.sub(rb"\nAttempted function clauses .*", b"", got, flags=re.S)
        if got != want_cmp:
            bad += 1
            print(f"{os.path.relpath(path)}:{line}: {src.decode(errors='replace')}\n"
                  f"  elixir: {got!r}\n  test:   {want_cmp!r}")
    print(f"{len(all_cases) - bad} agree, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
