#!/usr/bin/env bats
# phx-digest killed (SIGKILL) at exact points of its work, many times over a
# changing tree: before its 1st, 3rd, 8th, 15th file is published (renamed
# or linked into place), before its 1st, 5th, 12th write, and just before
# cache_manifest.json and the cache file (in _build) are published. The kills come from
# tests/helpers/killshim.c, preloaded, so every run is killed where planned,
# whatever the machine's speed. After every kill the invariants must hold:
#   - cache_manifest.json, when present, is complete, valid JSON;
#   - every file it names (latest values, digests keys) exists, and each
#     digest's file has exactly the SHA-512 the manifest records;
#   - every .gz beside a named file is a complete gzip stream.
# At the end a normal run must give the same tree as a fresh full run.
# The second test kills at 120 random points (a fixed seed, PHX_DIGEST_KILL_SEED
# to change it), half of the runs with named temp files: no temp file a killed
# run leaves may survive the next run. Both take about 40 s here.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-digest/helpers.bash"

setup() { pd_setup; }
teardown() { pd_teardown; }

@test "kill -9 at planned points never leaves a manifest naming a missing or partial file" {
	iterations=${PHX_DIGEST_KILL_ITERATIONS:-27} # each point three times
	run python3 - "$iterations" <<-'EOF'
	import base64, gzip, hashlib, json, os, random, signal, subprocess, sys
	random.seed(4)
	root = "tree"
	def write(path, data):
	    os.makedirs(os.path.dirname(path), exist_ok=True)
	    with open(path, "wb") as f: f.write(data)
	for i in range(120):
	    write(f"{root}/images/img{i}.png", os.urandom(random.randint(1000, 60000)))
	    write(f"{root}/css/s{i}.css", (f".a{{background:url(../images/img{i}.png)}}\n" * 200).encode())
	    write(f"{root}/js/j{i}.js", (b"console.log(1);\n" * 3000) + f"//# sourceMappingURL=j{i}.js.map\n".encode())
	    write(f"{root}/js/j{i}.js.map", json.dumps({"version": 3, "file": f"j{i}.js", "mappings": "A" * 2000}).encode())
	def check():
	    mpath = f"{root}/cache_manifest.json"
	    if not os.path.exists(mpath): return 0
	    m = json.load(open(mpath))
	    for logical, dig in m["latest"].items():
	        assert os.path.isfile(f"{root}/{dig}"), f"latest {logical} -> missing {dig}"
	    n = 0
	    for dig, e in m["digests"].items():
	        p = f"{root}/{dig}"
	        assert os.path.isfile(p), f"digest names missing {dig}"
	        got = base64.b64encode(hashlib.sha512(open(p, "rb").read()).digest()).decode()
	        assert got == e["sha512"], f"partial or wrong {dig}"
	        for q in (p + ".gz", f"{root}/{e['logical_path']}.gz"):
	            if os.path.exists(q): gzip.open(q).read()
	        n += 1
	    return n
	# Every iteration changes 5 CSS files and 5 images, so even a run with
	# nothing else to redo publishes at least 22 files (3 per CSS file:
	# digested, and both .gz; 1 per image; the manifest; the cache state)
	# with as many writes: every kill point below is always reached.
	points = ["publish:1", "publish:3", "publish:8", "publish:15",
	          "write:1", "write:5", "write:12",
	          "publish@/cache_manifest.json", "publish@.cache"]
	env = dict(os.environ, LD_PRELOAD=os.environ["MIXLESS_KILLSHIM"],
	           ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0")
	kills = 0
	for it in range(int(sys.argv[1])):
	    for i in random.sample(range(120), 5):
	        with open(f"{root}/css/s{i}.css", "ab") as f: f.write(f"/* {it} */\n".encode())
	        write(f"{root}/images/img{i}.png", os.urandom(random.randint(1000, 60000)))
	    point = points[it % len(points)]
	    env["MIXLESS_KILL_AT"] = point
	    rc = subprocess.run(["phx-digest", root, "-q", "--jobs", "2"], env=env).returncode
	    assert rc == -signal.SIGKILL, f"iteration {it}: {point} not reached (exit {rc})"
	    kills += 1
	    check()
	subprocess.run(["phx-digest", root, "-q"], check=True)
	n = check()
	print(f"kills={kills} entries={n}")
	EOF
	echo "$output"
	[ "$status" -eq 0 ]
	[[ $output == kills=* ]]
	kills=${output#kills=}; kills=${kills%% *}
	# every run was interrupted, where planned
	[ "$kills" -eq "$iterations" ]
	# and the final tree is what a full run gives
	rm -rf full && mkdir full && cp -r tree/. full/
	phx-digest full -q --no-cache
	diff -r -x cache_manifest.json tree full
	diff <(sed 's/"mtime":[0-9]*/M/g' tree/cache_manifest.json) <(sed 's/"mtime":[0-9]*/M/g' full/cache_manifest.json)
}

# Debris: a temp file of our writer (".<name>.tmp-XXXXXX") visible in the tree.
@test "kill -9 at 120 random points: no debris survives the next run, the tree always valid" {
	iterations=${PHX_DIGEST_KILL_RANDOM:-120}
	run python3 - "$iterations" "${PHX_DIGEST_KILL_SEED:-15}" <<-'EOF'
	import base64, gzip, hashlib, json, os, random, re, signal, subprocess, sys
	n_iter, seed = int(sys.argv[1]), int(sys.argv[2])
	random.seed(seed)
	root = "tree"
	def write(path, data):
	    os.makedirs(os.path.dirname(path), exist_ok=True)
	    with open(path, "wb") as f: f.write(data)
	for i in range(40):
	    write(f"{root}/images/img{i}.png", os.urandom(random.randint(1000, 30000)))
	    write(f"{root}/css/s{i}.css", (f".a{{background:url(../images/img{i}.png)}}\n" * 100).encode())
	    write(f"{root}/js/j{i}.js", (b"console.log(1);\n" * 1000) + f"//# sourceMappingURL=j{i}.js.map\n".encode())
	    write(f"{root}/js/j{i}.js.map", json.dumps({"version": 3, "file": f"j{i}.js", "mappings": "A" * 500}).encode())
	temp = re.compile(r"^\..+\.tmp-[A-Za-z0-9]{6}$")
	def debris():
	    return {os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if temp.match(f)}
	def check():
	    mpath = f"{root}/cache_manifest.json"
	    if not os.path.exists(mpath): return
	    m = json.load(open(mpath))
	    for logical, dig in m["latest"].items():
	        assert os.path.isfile(f"{root}/{dig}"), f"latest {logical} -> missing {dig}"
	    for dig, e in m["digests"].items():
	        p = f"{root}/{dig}"
	        got = base64.b64encode(hashlib.sha512(open(p, "rb").read()).digest()).decode()
	        assert got == e["sha512"], f"partial or wrong {dig}"
	        for q in (p + ".gz", f"{root}/{e['logical_path']}.gz"):
	            if os.path.exists(q): gzip.open(q).read()
	# 5 CSS files and 5 images change every time: every run publishes at
	# least 17 files (3 per CSS file, 1 per image, the manifest, the cache)
	# with at least as many writes, so a kill point up to 16 is always reached
	env = dict(os.environ, LD_PRELOAD=os.environ["MIXLESS_KILLSHIM"],
	           ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0")
	kills = left = 0
	prev = set()
	for it in range(n_iter):
	    for i in random.sample(range(40), 5):
	        with open(f"{root}/css/s{i}.css", "ab") as f: f.write(f"/* {it} */\n".encode())
	        write(f"{root}/images/img{i}.png", os.urandom(random.randint(1000, 30000)))
	    point = f"{random.choice(['publish', 'write'])}:{random.randint(1, 16)}"
	    env["MIXLESS_KILL_AT"] = point
	    # half the runs with named temp files, as where O_TMPFILE is missing
	    named = it % 2 == 1
	    env["MIXLESS_TEST_NO_O_TMPFILE"] = "1" if named else "0"
	    rc = subprocess.run(["phx-digest", root, "-q", "--jobs", "2", "--cache-dir", "cache"],
	                        env=env).returncode
	    assert rc == -signal.SIGKILL, f"iteration {it}: {point} not reached (exit {rc})"
	    kills += 1
	    check()
	    now = debris()
	    # what a killed run left, the next run removed (before it was killed)
	    assert not (prev & now), f"iteration {it} ({point}): debris kept: {sorted(prev & now)}"
	    # with O_TMPFILE, only a replacement caught between link and rename
	    assert named or len(now) <= 2, f"iteration {it} ({point}): {sorted(now)}"
	    left += bool(now)
	    prev = now
	subprocess.run(["phx-digest", root, "-q", "--cache-dir", "cache"], check=True)
	check()
	assert not debris(), f"debris after a full run: {sorted(debris())}"
	print(f"kills={kills} runs-leaving-debris={left}")
	EOF
	echo "$output"
	[ "$status" -eq 0 ]
	[[ $output == kills=* ]]
	kills=${output#kills=}; kills=${kills%% *}
	[ "$kills" -eq "$iterations" ]
	[ "$kills" -ge 100 ] || [ -n "${PHX_DIGEST_KILL_RANDOM:-}" ]
	# a crash left debris, and clean removes it too
	mkdir -p tree/css && echo partial >tree/css/.s1.css.tmp-Kil1ed
	phx-digest clean -o tree -q
	[ ! -e tree/css/.s1.css.tmp-Kil1ed ]
	rm -rf full && mkdir full && cp -r tree/. full/
	phx-digest full -q --no-cache
	diff -r -x cache_manifest.json tree full
}
