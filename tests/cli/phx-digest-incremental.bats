#!/usr/bin/env bats
# phx-digest reruns: the cache must make a rerun cheap and never change the
# result, which is always compared with a full run (--no-cache) elsewhere.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-digest/helpers.bash"
load "$MIXLESS_SOURCE_DIR/tests/helpers/wait.bash"

setup() { pd_setup; }
teardown() { pd_teardown; }

# Same tree and manifest (but for mtimes) as a fresh full run of static
same_as_full_run() {
	rm -rf full
	phx-digest static -o full --no-cache -q "$@"
	diff -r -x cache_manifest.json out full
	diff <(sed 's/"mtime":[0-9]*/M/g' out/cache_manifest.json) \
		<(sed 's/"mtime":[0-9]*/M/g' full/cache_manifest.json)
}

inodes() { (cd out && find . -type f ! -name cache_manifest.json -printf '%i %p\n' | sort -k2); }

# The cache file of output directory $1 (default out) in the default cache
# directory outside a project: the one whose settings line names that output.
cachef() {
	grep -l -F ";out=$(realpath "${1:-out}");" "$XDG_CACHE_HOME"/mixless/phx-digest/phx-digest-*.cache
}

@test "rerun without change: nothing rewritten, same output as a full run" {
	phx-digest static -o out -q
	before=$(inodes)
	phx-digest static -o out -q
	[ "$(inodes)" = "$before" ]
	same_as_full_run
}

@test "rerun refreshes every current entry's mtime, as Phoenix does" {
	phx-digest static -o out -q
	# the first run's entries made an hour old (rather than waiting for the
	# clock): the rerun must stamp them with its own time again
	python3 - <<-'PY'
	import json
	p = "out/cache_manifest.json"
	m = json.load(open(p))
	for e in m["digests"].values():
	    e["mtime"] -= 3600
	json.dump(m, open(p, "w"))
	PY
	m1=$(mf out/cache_manifest.json "m['digests']['$(mf out/cache_manifest.json "m['latest']['robots.txt']")']['mtime']")
	before=$(greg_now)
	phx-digest static -o out -q
	after=$(greg_now)
	m2=$(mf out/cache_manifest.json "m['digests']['$(mf out/cache_manifest.json "m['latest']['robots.txt']")']['mtime']")
	[ "$m2" -gt "$m1" ]
	[ "$m2" -ge "$before" ]
	[ "$m2" -le "$after" ]
}

@test "rerun with one file changed: only its outputs are written" {
	phx-digest static -o out -q
	before=$(inodes | grep -v 'robots')
	echo 'Disallow: /admin' >>static/robots.txt
	phx-digest static -o out -q
	[ "$(inodes | grep -v robots)" = "$before" ]
	[ -f "out/robots-$(md5 static/robots.txt).txt" ]
	cmp static/robots.txt out/robots.txt
	# the old version stays, as with Phoenix
	[ "$(ls out/robots-*.txt | wc -l)" -eq 2 ]
	[ "$(mf out/cache_manifest.json "len([k for k in m['digests'] if k.startswith('robots-')])")" -eq 2 ]
}

@test "rerun after a referenced image changed: the CSS is rewritten, its digest is not" {
	phx-digest static -o out -q
	css=$(mf out/cache_manifest.json "m['latest']['css/app.css']")
	printf 'new image bytes' >static/images/icon.svg
	phx-digest static -o out -q
	[ "$(mf out/cache_manifest.json "m['latest']['css/app.css']")" = "$css" ]
	grep -q "icon-$(md5 static/images/icon.svg).svg" "out/$css"
	[ "$(mf out/cache_manifest.json "m['digests']['$css']['sha512']")" = "$(sri "out/$css")" ]
	# same as a full run over the same inputs and old outputs
	rm -rf full && cp -r out full
	phx-digest static -o full --no-cache -q
	diff -r -x cache_manifest.json out full
}

@test "rerun restores a deleted output, at the root and in a subdirectory" {
	phx-digest static -o out -q
	rm "out/$(mf out/cache_manifest.json "m['latest']['robots.txt']")"
	rm out/css/app.css.gz
	phx-digest static -o out -q
	same_as_full_run
}

@test "rerun picks up added and removed inputs" {
	phx-digest static -o out -q
	echo 'new' >static/js/new.js
	rm static/empty.txt
	phx-digest static -o out -q
	[ "$(mf out/cache_manifest.json "m['latest']['js/new.js']")" = "js/new-$(md5 static/js/new.js).js" ]
	[ "$(mf out/cache_manifest.json "'empty.txt' in m['latest']")" = False ]
	# the old digested copy still exists, so its entry stays (Phoenix's rule)
	[ "$(mf out/cache_manifest.json "'empty-d41d8cd98f00b204e9800998ecf8427e.txt' in m['digests']")" = True ]
}

@test "rerun with other settings (--no-vsn, --brotli) redoes the work" {
	phx-digest static -o out -q
	phx-digest static -o out -q --no-vsn
	same_as_full_run --no-vsn
	phx-digest static -o out -q --no-vsn --brotli
	[ -e out/js/app.js.br ]
}

@test "a corrupt or truncated cache is ignored" {
	phx-digest static -o out -q
	c=$(cachef)
	head -c 300 "$c" >x && mv x "$c"
	echo 'F	robots.txt	1	2	3' >>"$c"
	phx-digest static -o out -q
	same_as_full_run
	echo garbage >"$c"
	phx-digest static -o out -q
	same_as_full_run
}

@test "input == output: a rerun touches neither the inputs nor the outputs" {
	phx-digest static -q
	before=$(cd static && find . -type f ! -name cache_manifest.json -printf '%i %T@ %p\n' | sort -k3)
	phx-digest static -q
	after=$(cd static && find . -type f ! -name cache_manifest.json -printf '%i %T@ %p\n' | sort -k3)
	[ "$before" = "$after" ]
}

@test "a file written a moment before the run is not cached; an older one is" {
	echo fresh >static/fresh.txt
	phx-digest static -o out -q
	# a second change within the same timestamp tick could otherwise hide
	# behind an unchanged stat (git's racily clean entries)
	! grep -q $'^F\tfresh.txt\t' "$(cachef)" || false
	grep -q $'^F\trobots.txt\t' "$(cachef)"
	touch -d '-1 hour' static/fresh.txt
	phx-digest static -o out -q
	grep -q $'^F\tfresh.txt\t' "$(cachef)"
	same_as_full_run
}

# What the manifest serves for an input, and whether it is that input's
# current content.
serves_current() { # REL (under static/)
	local got
	got=$(mf out/cache_manifest.json "m['latest']['$1']")
	echo "serves $got for $1, md5 now $(md5 "static/$1")"
	[ "$got" = "${1%.*}-$(md5 "static/$1").${1##*.}" ]
	cmp "static/$1" "out/$got"
}

# Until FILE's ctime differs from CTIME: touching it again with its own
# mtime moves only its ctime, once the kernel's coarse clock has ticked.
ctime_moved() { # FILE CTIME
	touch -m -d "@$(stat -c %.9Y "$1")" "$1"
	[ "$(stat -c %.9Z "$1")" != "$2" ]
}

@test "cache: a same-size replacement keeping inode and mtime (cp -p, rsync -t, tar) is noticed" {
	printf 'first version\n' >static/same.txt
	touch -d @1577934245.123456789 static/same.txt
	phx-digest static -o out -q
	grep -q $'^F\tsame.txt\t' "$(cachef)"
	serves_current same.txt
	ino=$(stat -c %i static/same.txt)
	ctime=$(stat -c %.9Z static/same.txt)
	# other bytes, same size, written in place with the old mtime copied
	printf 'other version\n' >other.txt
	touch -d @1577934245.123456789 other.txt
	cp -p other.txt static/same.txt
	[ "$(stat -c '%i %s %.9Y' static/same.txt)" = "$ino 14 1577934245.123456789" ]
	# only the ctime tells; make sure it did move
	wait_until 60 ctime_moved static/same.txt "$ctime"
	phx-digest static -o out -q
	serves_current same.txt
}

@test "cache: a change within the same second (mtime differing in nanoseconds only) is noticed" {
	printf 'first version\n' >static/same.txt
	touch -d @1577934245.100000000 static/same.txt
	phx-digest static -o out -q
	grep -q $'^F\tsame.txt\t' "$(cachef)"
	serves_current same.txt
	printf 'other version\n' >static/same.txt
	touch -d @1577934245.900000000 static/same.txt
	phx-digest static -o out -q
	serves_current same.txt
	# and a replacement by a new file (a new inode, as tar and rsync make)
	# with the same size and an mtime in that same second
	printf 'third version\n' >new.txt
	touch -d @1577934245.500000000 new.txt
	mv new.txt static/same.txt
	phx-digest static -o out -q
	serves_current same.txt
}

@test "temp files a killed run left behind are removed by the next run and by clean; others stay" {
	phx-digest static -o out -q
	mkdir -p out/css
	echo partial >out/css/.app.css.tmp-Ab3dE9
	echo partial >out/.robots.txt.tmp-Zz0099
	echo partial >"$XDG_CACHE_HOME"/mixless/phx-digest/.phx-digest-0.cache.tmp-Qq1122
	echo partial >"$XDG_CACHE_HOME"/mixless/phx-digest/.phx-digest-1.cache.tmp-Fresh1
	echo fresh >out/.robots.txt.tmp-Live01
	echo mine >out/.keep.tmp-toolong1
	echo mine >out/.hidden
	touch -d '-1 hour' out/css/.app.css.tmp-Ab3dE9 out/.robots.txt.tmp-Zz0099 \
		"$XDG_CACHE_HOME"/mixless/phx-digest/.phx-digest-0.cache.tmp-Qq1122 out/.keep.tmp-toolong1 out/.hidden
	echo '/* change */' >>static/css/app.css
	phx-digest static -o out -q
	[ ! -e out/css/.app.css.tmp-Ab3dE9 ]
	[ ! -e out/.robots.txt.tmp-Zz0099 ]
	# the output is locked during a run: even a fresh one is debris there
	[ ! -e out/.robots.txt.tmp-Live01 ]
	# the cache directory is shared by runs on other outputs: only stale ones go
	[ ! -e "$XDG_CACHE_HOME"/mixless/phx-digest/.phx-digest-0.cache.tmp-Qq1122 ]
	[ -e "$XDG_CACHE_HOME"/mixless/phx-digest/.phx-digest-1.cache.tmp-Fresh1 ]
	# not our pattern
	[ -e out/.keep.tmp-toolong1 ]
	[ -e out/.hidden ]
	# clean walks the whole output
	mkdir -p out/deep/er
	echo partial >out/deep/er/.x.png.tmp-Qw3rty
	echo partial >out/.y.tmp-Qw3rty
	phx-digest clean -o out -q
	[ ! -e out/deep/er/.x.png.tmp-Qw3rty ]
	[ ! -e out/.y.tmp-Qw3rty ]
	[ -e out/.keep.tmp-toolong1 ]
	# but not a --dry-run
	echo partial >out/.y.tmp-Qw3rty
	phx-digest clean -o out -q --dry-run
	[ -e out/.y.tmp-Qw3rty ]
}

@test "a run waits while another holds the output (flock on the directory, no lock file)" {
	command -v flock || skip "no flock(1)"
	mkdir out
	# while the lock is held, the run started under it must not get far
	# enough to write its manifest; once let go, it completes
	flock -o out bash -c 'phx-digest static -o out -q & echo $! >pid
		sleep 1
		[ -e out/cache_manifest.json ] && echo early >flag
		true'
	while kill -0 "$(cat pid)" 2>/dev/null; do sleep 0.1; done
	[ ! -e flag ]
	[ -f out/cache_manifest.json ]
	[ -z "$(ls -A out | grep -i lock)" ]
}

@test "cache: kept in the project's _build/MIX_ENV/mixless (else ~/.cache), nothing of it in the output" {
	mkdir -p proj
	printf 'defmodule P.MixProject do\n  use Mix.Project\n  def project, do: [app: :p]\nend\n' >proj/mix.exs
	mv static proj/
	(cd proj && phx-digest static -q)
	ls proj/_build/dev/mixless/phx-digest-*.cache
	[ ! -e proj/static/.phx-digest-cache ]
	(cd proj && MIX_ENV=prod phx-digest static -o ../out -q)
	ls proj/_build/prod/mixless/phx-digest-*.cache
	# -C DIR from elsewhere: the same project's _build
	phx-digest -C proj static -o ../out2 -q
	[ "$(ls proj/_build/dev/mixless/phx-digest-*.cache | wc -l)" -eq 2 ]
	[ ! -e _build ] && [ ! -e "$XDG_CACHE_HOME" ]
	# outside a project: the user's cache directory
	phx-digest proj/static -o out4 -q
	ls "$XDG_CACHE_HOME"/mixless/phx-digest/phx-digest-*.cache
	unset XDG_CACHE_HOME
	HOME=$PWD/home phx-digest proj/static -o out4 -q
	ls home/.cache/mixless/phx-digest/phx-digest-*.cache
	# Mix.Project.build_path/1's MIX_BUILD_ROOT
	root="$PWD/broot"
	(cd proj && MIX_BUILD_ROOT="$root" phx-digest static -o ../out3 -q)
	ls broot/dev/mixless/phx-digest-*.cache
}

@test "cache: --cache-dir DIR (relative to the cwd) holds it; each output has its own file" {
	phx-digest static -o out -q --cache-dir c
	phx-digest static -o out2 -q --cache-dir c
	[ "$(ls c/phx-digest-*.cache | wc -l)" -eq 2 ]
	[ ! -e "$XDG_CACHE_HOME" ]
	before=$(inodes)
	phx-digest static -o out -q --cache-dir c
	[ "$(inodes)" = "$before" ]
	# another cache directory knows nothing: a full run, same output
	phx-digest static -o out -q --cache-dir other
	same_as_full_run
}

@test "cache: missing, unreadable, or of another input or version: a full run, never an error" {
	phx-digest static -o out -q
	rm -rf "$XDG_CACHE_HOME"
	run phx-digest static -o out -q
	[ "$status" -eq 0 ]
	same_as_full_run
	# the cache of another input put in this one's place
	mkdir -p other && printf 'x' >other/robots.txt && touch -d '-1 hour' other/robots.txt
	phx-digest other -o oout -q
	cp "$(cachef oout)" "$(cachef out)"
	run phx-digest static -o out -q
	[ "$status" -eq 0 ]
	same_as_full_run
	# another version's
	sed -i '1s/^phx-digest-cache [0-9]*/phx-digest-cache 0/' "$(cachef out)"
	run phx-digest static -o out -q
	[ "$status" -eq 0 ]
	same_as_full_run
	# a cache directory that cannot be read or made (not for root)
	if [ "$(id -u)" != 0 ]; then
		chmod 000 "$XDG_CACHE_HOME"/mixless/phx-digest
		run phx-digest static -o out -q
		chmod 755 "$XDG_CACHE_HOME"/mixless/phx-digest
		[ "$status" -eq 0 ]
		same_as_full_run
	fi
	printf 'x' >afile
	run phx-digest static -o out -q --cache-dir afile/sub
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	same_as_full_run
}

@test "cache: an old OUTPUT/.phx-digest-cache/ is removed by the next run and by clean" {
	phx-digest static -o out -q
	mkdir -p out/.phx-digest-cache
	printf 'phx-digest-cache 2\tv=old\n' >out/.phx-digest-cache/state
	printf 'part' >out/.phx-digest-cache/.state.tmp-Ab12Cd
	phx-digest static -o out -q
	[ ! -e out/.phx-digest-cache ]
	mkdir -p out/.phx-digest-cache
	printf 'x' >out/.phx-digest-cache/state
	phx-digest clean -o out -q
	[ ! -e out/.phx-digest-cache ]
	mkdir -p out/.phx-digest-cache
	printf 'x' >out/.phx-digest-cache/state
	phx-digest clean -o out --all -q
	[ ! -e out/.phx-digest-cache ]
	# a file there that is not ours stays, and so does the folder
	mkdir -p out/.phx-digest-cache
	printf 'x' >out/.phx-digest-cache/state
	printf 'mine' >out/.phx-digest-cache/notes.txt
	phx-digest static -o out -q
	[ ! -e out/.phx-digest-cache/state ]
	[ -f out/.phx-digest-cache/notes.txt ]
}

@test "digest writes nothing outside the output but the cache directory and the depfile" {
	mkdir -p sandbox/proj
	printf 'defmodule P.MixProject do\n  use Mix.Project\n  def project, do: [app: :p]\nend\n' >sandbox/proj/mix.exs
	mv static sandbox/proj/
	echo '/* touched */' >>sandbox/proj/static/css/app.css
	touch -d '-1 hour' sandbox/proj/static/css/app.css
	find sandbox -exec touch -h -d '-2 hours' {} +
	touch -d '-90 minutes' stamp
	(cd sandbox/proj && phx-digest static -o ../out -q --depfile ../dep.d)
	(cd sandbox/proj && phx-digest static -o ../out -q --depfile ../dep.d)
	(cd sandbox/proj && phx-digest clean -o ../out -q)
	# every new or changed path, but for the output's own
	changed=$(cd sandbox && find . -newer ../stamp ! -path './out/*' ! -path ./out | LC_ALL=C sort)
	printf '%s\n' "$changed"
	# the cache directory holds the cache and the manifest memo, one pair
	cached=$(cd sandbox/proj/_build/dev/mixless && ls)
	[ "$(printf '%s\n' "$cached" | sed 's/-[0-9a-f]*\./-H./')" = "$(printf '%s\n' phx-digest-H.cache phx-digest-H.manifest)" ]
	[ "$changed" = "$(printf '%s\n' . ./dep.d ./proj ./proj/_build ./proj/_build/dev \
		./proj/_build/dev/mixless $(printf '%s\n' "$cached" | sed 's|^|./proj/_build/dev/mixless/|'))" ]
}

# The manifest memo beside the cache file of output $1 (default out).
memof() { local c; c=$(cachef "${1:-out}") && echo "${c%.cache}.manifest"; }

# The manifest with every mtime blanked: what two runs at different times
# must agree on.
mnorm() { sed 's/"mtime":[0-9]*/M/g' "$1"; }

@test "manifest memo: old entries taken from it are the ones a parse finds" {
	phx-digest static -o out -q
	[ -f "$(memof)" ]
	echo 'Disallow: /a' >>static/robots.txt
	phx-digest static -o out -q
	# the old robots entry is carried, and remembered as such
	grep -q "^C	robots-" "$(memof)"
	# out2 has the same manifest but neither cache nor memo: its next run
	# parses the manifest, out's takes the old entries from the memo
	cp -a out out2
	phx-digest static -o out -q
	phx-digest static -o out2 -q
	diff <(mnorm out/cache_manifest.json) <(mnorm out2/cache_manifest.json)
	old="[m['digests'][k] for k in sorted(m['digests']) if k.startswith('robots-')]"
	[ "$(mf out/cache_manifest.json "$old")" = "$(mf out2/cache_manifest.json "$old")" ]
	[ "$(mf out/cache_manifest.json "len($old)")" -eq 2 ]
}

@test "manifest memo: a manifest changed since, even in place at the same size, is parsed" {
	phx-digest static -o out -q
	echo 'Disallow: /a' >>static/robots.txt
	phx-digest static -o out -q
	old=$(mf out/cache_manifest.json "[k for k in m['digests'] if k.startswith('robots-') and m['digests'][k]['logical_path'] == 'robots.txt' and k != m['latest']['robots.txt']][0]")
	mt=$(mf out/cache_manifest.json "m['digests']['$old']['mtime']")
	# the carried entry's mtime one less, same length: only the text's hash
	# tells this manifest from the one the memo describes
	new=$((mt - 1))
	[ "${#new}" -eq "${#mt}" ]
	size=$(stat -c %s out/cache_manifest.json)
	python3 - "$old" "$mt" "$new" <<-'PY'
	import sys
	p = "out/cache_manifest.json"
	key, mt, new = sys.argv[1:]
	t = open(p).read()
	i = t.index('"' + key + '":')
	j = t.index('"mtime":' + mt, i)
	t = t[:j] + '"mtime":' + new + t[j + len('"mtime":' + mt):]
	open(p, "w").write(t)
	PY
	[ "$(stat -c %s out/cache_manifest.json)" -eq "$size" ]
	phx-digest static -o out -q
	[ "$(mf out/cache_manifest.json "m['digests']['$old']['mtime']")" -eq "$new" ]
	# an entry added by hand for a file that exists is kept, as Phoenix keeps it
	printf 'x' >out/extra-0123456789abcdef0123456789abcdef.txt
	python3 - <<-'PY'
	import json
	p = "out/cache_manifest.json"
	m = json.load(open(p))
	m["digests"]["extra-0123456789abcdef0123456789abcdef.txt"] = {"digest": "0123456789abcdef0123456789abcdef", "logical_path": "extra.txt", "mtime": 1, "sha512": "x", "size": 1}
	open(p, "w").write(json.dumps(m))
	PY
	phx-digest static -o out -q
	[ "$(mf out/cache_manifest.json "m['digests']['extra-0123456789abcdef0123456789abcdef.txt']['mtime']")" -eq 1 ]
}

@test "manifest memo: damaged, cut short or of other keys, it is not used" {
	phx-digest static -o out -q
	echo 'Disallow: /a' >>static/robots.txt
	phx-digest static -o out -q
	cp "$(memof)" memo.good
	phx-digest static -o out -q
	cp out/cache_manifest.json want.json
	# a damaged carried line: without the memo's word the manifest is parsed
	sed -i 's/^C\trobots-/C\trobotz-/' "$(memof)"
	phx-digest static -o out -q
	diff <(mnorm out/cache_manifest.json) <(mnorm want.json)
	# cut short
	head -c 60 memo.good >"$(memof)"
	phx-digest static -o out -q
	diff <(mnorm out/cache_manifest.json) <(mnorm want.json)
	# a new file: the keys differ from the memo's, the old entries still come
	printf 'new' >static/new.txt
	phx-digest static -o out -q
	[ "$(mf out/cache_manifest.json "len([k for k in m['digests'] if k.startswith('robots-')])")" -eq 2 ]
	[ "$(mf out/cache_manifest.json "m['latest']['new.txt']")" = "new-$(md5 static/new.txt).txt" ]
}
