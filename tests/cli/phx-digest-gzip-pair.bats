#!/usr/bin/env bats
# A rewritten JS file and its original are gzipped in one pass up to their
# first differing byte (compress.c's phx_digest_gzip_pair): each .gz must
# still be exactly :zlib.gzip/1 of its own content, as python's zlib makes it.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-digest/helpers.bash"

setup() { pd_setup; }
teardown() { pd_teardown; }

# ~200 KB of JS-like text from a fixed seed, ending in a sourceMappingURL
make_js() {
	python3 -c 'import random,sys
r=random.Random(15); w=["const","let","function","return","=>","value","item","map","filter","0x1f"]
lines=[" ".join(r.choice(w) for _ in range(12))+";" for _ in range(3200)]
sys.stdout.write("\n".join(lines)+"\n//# sourceMappingURL=app.js.map\n")' >"$1"
}

check_pair() {
	local dir=$1 out=$2
	h=$(md5 "$dir/app.js")
	[ -f "$out/app-$h.js.gz" ]
	# the digested copy differs from the original only at the end
	! cmp -s "$out/app-$h.js" "$dir/app.js"
	grep -q "sourceMappingURL=\./app-$h\.js\.map$" "$out/app-$h.js"
	pyzgzip "$out/app-$h.js" >want-dig.gz
	pyzgzip "$dir/app.js" >want-orig.gz
	cmp want-dig.gz "$out/app-$h.js.gz"
	cmp want-orig.gz "$out/app.js.gz"
	# and the map, rewritten near its start, too
	pyzgzip "$out/app-$h.js.map" >want-map.gz
	cmp want-map.gz "$out/app-$h.js.map.gz"
}

@test "gzip of a 200 KB rewritten JS and its original: :zlib.gzip of each, into -o" {
	mkdir js
	make_js js/app.js
	[ "$(stat -c %s js/app.js)" -gt 150000 ]
	echo '{"version":3,"file":"app.js","sources":["app.ts"],"mappings":"AAAA"}' >js/app.js.map
	run phx-digest js -o out -q
	[ "$status" -eq 0 ]
	check_pair js out
}

@test "gzip of a 200 KB rewritten JS and its original: :zlib.gzip of each, in place" {
	mkdir js
	make_js js/app.js
	echo '{"version":3,"file":"app.js","sources":["app.ts"],"mappings":"AAAA"}' >js/app.js.map
	run phx-digest js -q
	[ "$status" -eq 0 ]
	check_pair js js
}
