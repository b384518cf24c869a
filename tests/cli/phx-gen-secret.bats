#!/usr/bin/env bats
# phx-gen secret: mix phx.gen.secret. The secret is random: checked for its
# length, its alphabet (Base64 without padding) and that two differ; the
# errors are Phoenix 1.7.24's texts.

bats_require_minimum_version 1.5.0

setup() { cd "$BATS_TEST_TMPDIR"; }

b64='^[A-Za-z0-9+/]+$'

@test "secret: 64 characters of Base64 by default, one line" {
	run --separate-stderr phx-gen secret
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 1 ]
	[ "${#output}" -eq 64 ]
	[[ "$output" =~ $b64 ]]
}

@test "secret: LENGTH characters, from 32 up, never padded" {
	for n in 32 33 34 35 64 65 100 1000; do
		out=$(phx-gen secret "$n")
		[ "${#out}" -eq "$n" ] || { echo "length $n: ${#out}"; return 1; }
		[[ "$out" =~ $b64 ]] || { echo "alphabet $n: $out"; return 1; }
	done
	run phx-gen secret +40
	[ "${#output}" -eq 40 ]
}

@test "secret: the whole alphabet shows up and no two secrets are equal" {
	all=""
	for i in $(seq 1 40); do all+=$(phx-gen secret 100)$'\n'; done
	[ "$(sort <<<"$all" | uniq | grep -c .)" -eq 40 ]
	chars=$(tr -d '\n' <<<"$all" | fold -w1 | sort -u | tr -d '\n')
	[ "$chars" = "$(printf '%s\n' {A..Z} {a..z} {0..9} + / | sort -u | tr -d '\n')" ]
}

@test "secret: the bytes are uniform: each Base64 character is about 1/64 of 64000" {
	out=$(phx-gen secret 64000 | fold -w1 | sort | uniq -c | awk '{print $1}' | sort -n)
	# expected 1000 each; 5 sigma is about 160
	[ "$(head -1 <<<"$out")" -gt 800 ]
	[ "$(tail -1 <<<"$out")" -lt 1200 ]
}

@test "secret: under 32 is Phoenix's error" {
	run --separate-stderr phx-gen secret 31
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[ "$stderr" = "** (Mix) The secret should be at least 32 characters long" ]
	run --separate-stderr phx-gen secret -5
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) The secret should be at least 32 characters long" ]
}

@test "secret: not an integer, or two arguments, is Phoenix's error" {
	want="** (Mix) mix phx.gen.secret expects a length as integer or no argument at all"
	for arg in abc 40x '' ' 40' 1_000 0x40 --foo; do
		run --separate-stderr phx-gen secret "$arg"
		[ "$status" -eq 1 ] || { echo "arg '$arg': $status"; return 1; }
		[ "$stderr" = "$want" ] || { echo "arg '$arg': $stderr"; return 1; }
	done
	run --separate-stderr phx-gen secret 40 50
	[ "$status" -eq 1 ]
	[ "$stderr" = "$want" ]
}

@test "secret: a length too large to allocate is refused, not attempted" {
	run --separate-stderr phx-gen secret 99999999999999999999999
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"too large"* ]]
}

@test "secret: needs no project" {
	[ ! -e mix.exs ]
	run phx-gen secret 32
	[ "$status" -eq 0 ]
}
