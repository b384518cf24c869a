#!/usr/bin/env bats
# phx-digest clean: Phoenix.Digester.clean/4 and clean_all/1 of 1.7.24.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-digest/helpers.bash"

setup() {
	pd_setup
	mkdir -p out/img
	for f in site.css site-a.css site-b.css site-c.css img/logo.png img/logo-a.png img/logo-b.png \
		unrelated.txt unrelated.txt.gz; do
		echo "$f" >"out/$f"
	done
	for f in site.css site-a.css site-b.css site-c.css; do echo gz >"out/$f.gz"; done
}
teardown() { pd_teardown; }

# manifest FIXTURE [AGE_OF_a AGE_OF_b AGE_OF_c]: copies a fixture manifest,
# moving its mtimes to now minus the given ages (in seconds) when given
manifest() {
	if [ $# -eq 1 ]; then
		cp "$PD_FIX/manifests/$1" out/cache_manifest.json
		return
	fi
	python3 - "$PD_FIX/manifests/$1" "$(greg_now)" "$2" "$3" "$4" >out/cache_manifest.json <<-'EOF'
	import json, sys
	m = json.load(open(sys.argv[1])); now = int(sys.argv[2]); ages = dict(zip("abc", map(int, sys.argv[3:6])))
	for k, v in m["digests"].items():
	    v["mtime"] = now - ages[k.rsplit("-", 1)[1][0]]
	json.dump(m, sys.stdout)
	EOF
}

@test "clean: a version beyond --keep goes even when it is fresh (age OR keep)" {
	manifest versions.json 20 10 0
	run phx-digest clean -o out --keep 1
	[ "$status" -eq 0 ]
	[ "$output" = 'Clean complete for "out"' ]
	[ ! -e out/site-a.css ]; [ ! -e out/site-a.css.gz ]
	[ -e out/site-b.css ]; [ -e out/site-b.css.gz ]; [ -e out/site-c.css ]
	[ -e out/img/logo-a.png ]; [ -e out/img/logo-b.png ]
	[ -e out/site.css ]; [ -e out/site.css.gz ]; [ -e out/unrelated.txt.gz ]
}

@test "clean: a version older than --age goes even when within --keep" {
	manifest versions.json 100 10 0
	run phx-digest clean -o out --age 50 --keep 10
	[ "$status" -eq 0 ]
	[ ! -e out/site-a.css ]; [ ! -e out/site-a.css.gz ]
	[ -e out/site-b.css ]; [ -e out/site-c.css ]
	[ -e out/img/logo-b.png ]; [ ! -e out/img/logo-a.png ]
}

@test "clean: defaults are --age 3600 --keep 2" {
	manifest versions.json 7200 5000 0
	run phx-digest clean -o out
	[ ! -e out/site-a.css ]; [ ! -e out/site-b.css ]; [ ! -e out/img/logo-a.png ]
	[ -e out/site-c.css ]; [ -e out/img/logo-b.png ]
	manifest versions.json 30 20 0
	for f in site-a.css site-b.css img/logo-a.png; do echo x >"out/$f"; done
	run phx-digest clean -o out
	[ -e out/site-a.css ]; [ -e out/site-b.css ]; [ -e out/img/logo-a.png ]
}

@test "clean: the latest version stays even when its mtime is the oldest" {
	manifest latest-older.json
	run phx-digest clean -o out --keep 1 --age 3600
	[ "$status" -eq 0 ]
	[ -e out/site-c.css ]; [ -e out/site-c.css.gz ]
	[ ! -e out/site-a.css ]; [ ! -e out/site-b.css ]
}

@test "clean: the manifest loses the removed entries and keeps latest as it was" {
	manifest versions.json 20 10 0
	phx-digest clean -o out --keep 1
	[ "$(mf out/cache_manifest.json "sorted(m['digests'])")" = '["img/logo-a.png", "img/logo-b.png", "site-b.css", "site-c.css"]' ]
	[ "$(mf out/cache_manifest.json "m['latest']")" = '{"img/logo.png": "img/logo-b.png", "site.css": "site-c.css"}' ]
	[ "$(sed -n 2p out/cache_manifest.json | cut -c1-14)" = '  "!comment!":' ]
	[ "$(sed -n 3p out/cache_manifest.json)" = '  "version":1,' ]
	grep -qxF '  "latest":{"img/logo.png":"img/logo-b.png","site.css":"site-c.css"},' out/cache_manifest.json
}

@test "clean: --brotli/--zstd remove those copies too; otherwise they stay" {
	manifest versions.json 20 10 0
	echo br >out/site-a.css.br
	echo zst >out/site-a.css.zst
	phx-digest clean -o out --keep 1
	[ -e out/site-a.css.br ]; [ -e out/site-a.css.zst ]
	manifest versions.json 20 10 0
	echo x >out/site-a.css
	phx-digest clean -o out --keep 1 --brotli --zstd
	[ ! -e out/site-a.css.br ]; [ ! -e out/site-a.css.zst ]; [ ! -e out/site-a.css ]
}

@test "clean --all: every digest, compressed copies and the manifest; originals stay" {
	manifest versions.json
	mkdir -p out/.phx-digest-cache && echo x >out/.phx-digest-cache/state
	echo gz >out/img/logo.png.gz
	run phx-digest clean -o out --all
	[ "$status" -eq 0 ]
	[ "$output" = 'Clean complete for "out"' ]
	diff <(tree out) <(printf '%s\n' img/logo.png site.css unrelated.txt unrelated.txt.gz)
}

@test "clean: the output path does not exist: Phoenix's message, exit 0" {
	run --separate-stderr phx-digest clean -o nope
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ "$stderr" = 'The output path "nope" does not exist' ]
	run --separate-stderr phx-digest clean -o nope --all
	[ "$stderr" = 'The output path "nope" does not exist' ]
}

@test "clean: without a manifest, Phoenix writes an empty one; --all changes nothing" {
	before=$(tree out)
	run phx-digest clean -o out --all
	[ "$status" -eq 0 ]
	[ "$(tree out)" = "$before" ]
	phx-digest clean -o out
	[ "$(mf out/cache_manifest.json "(m['version'], m['latest'], m['digests'])")" = '(1, {}, {})' ]
	[ "$(tree out | grep -v cache_manifest.json)" = "$before" ]
}

@test "clean: positional arguments are ignored as mix does; --no-compile accepted" {
	manifest versions.json 20 10 0
	run phx-digest clean priv/static -o out --keep 1 --no-compile
	[ "$status" -eq 0 ]
	[ "$output" = 'Clean complete for "out"' ]
	[ ! -e out/site-a.css ]
}

@test "clean: --dry-run lists and removes nothing" {
	manifest versions.json 20 10 0
	cp out/cache_manifest.json before.json
	run phx-digest clean -o out --keep 1 --dry-run
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' out/cache_manifest.json out/site-a.css out/site-a.css.gz)" ]
	[ -e out/site-a.css ]
	cmp before.json out/cache_manifest.json
}

@test "clean: usage errors exit 2" {
	run phx-digest clean --age soon
	[ "$status" -eq 2 ]
	run phx-digest clean --bogus
	[ "$status" -eq 2 ]
}

@test "clean: after three digests, --keep 0 --age 0 leaves exactly the latest" {
	phx-digest static -q
	echo '/* 2 */' >>static/css/app.css
	phx-digest static -q
	echo '/* 3 */' >>static/css/app.css
	phx-digest static -q
	[ "$(ls static/css/app-*.css | wc -l)" -eq 3 ]
	# --age 0 cleans what is at least a second old: every entry made ten
	# seconds older (rather than waiting), the digests' order kept
	python3 - <<-'PY'
	import json
	p = "static/cache_manifest.json"
	m = json.load(open(p))
	for e in m["digests"].values():
	    e["mtime"] -= 10
	json.dump(m, open(p, "w"))
	PY
	phx-digest clean -o static --keep 0 --age 0 -q
	[ "$(ls static/css/app-*.css)" = "static/css/app-$(md5 static/css/app.css).css" ]
	# every entry the manifest names exists
	[ "$(mf static/cache_manifest.json "[k for k in m['digests'] if not __import__('os').path.exists('static/'+k)]")" = '[]' ]
	phx-digest clean -o static --all -q
	[ ! -e static/cache_manifest.json ]
	! tree static | grep -v 'old-0123456789abcdef' | grep -Eq -- '-[0-9a-f]{32}' || false
	! tree static | grep -v 'js/vendor.js.gz' | grep -q '\.gz$' || false
	[ -f static/css/app.css ]; [ -f static/js/app.js ]
}
