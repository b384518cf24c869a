#!/usr/bin/env bats
# A file larger than 1 GiB is digested with bounded memory: MD5/SHA-512 and
# gzip are streamed, only CSS/JS/map files are held in memory. (Sparse files
# keep the test fast and the disk free; the bytes read are real zeros.)

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-digest/helpers.bash"

setup() { pd_setup; }
teardown() { pd_teardown; }

# max RSS in KiB of a command, measured by the kernel (getrusage)
max_rss() {
	python3 -c 'import resource,subprocess,sys
r=subprocess.run(sys.argv[1:]); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(r.returncode)' "$@"
}

@test "a 1030 MiB file and a 120 MiB gzippable one: bounded memory, right digests" {
	mkdir big
	truncate -s 1030M big/video.bin
	truncate -s 120M big/huge.txt
	echo 'small' >big/small.txt
	# input == output, the usual layout: no copy of the original is written
	run max_rss phx-digest big -q --jobs 2
	[ "$status" -eq 0 ]
	limit=$((96 * 1024))
	[ "${MIXLESS_SANITIZE:-0}" = 1 ] && limit=$((400 * 1024))
	echo "max rss: $output KiB (limit $limit)"
	[ "$output" -lt "$limit" ]
	v=$(md5 big/video.bin)
	[ -f "big/video-$v.bin" ]
	[ "$(stat -c %s "big/video-$v.bin")" -eq $((1030 * 1024 * 1024)) ]
	[ ! -e "big/video-$v.bin.gz" ]
	[ "$(mf big/cache_manifest.json "m['digests']['video-$v.bin']['sha512']")" = "$(sri big/video.bin)" ]
	[ "$(mf big/cache_manifest.json "m['digests']['video-$v.bin']['size']")" -eq $((1030 * 1024 * 1024)) ]
	h=$(md5 big/huge.txt)
	[ "$(zcat "big/huge-$h.txt.gz" | md5sum | cut -c1-32)" = "$h" ]
	[ "$(head -c 10 "big/huge-$h.txt.gz" | od -An -tx1 | tr -d ' \n')" = 1f8b0800000000000003 ]
	cmp big/huge.txt.gz "big/huge-$h.txt.gz"
}
