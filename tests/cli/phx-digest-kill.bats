#!/usr/bin/env bats
# phx-digest killed at random moments (SIGKILL after a random delay), many
# times over a changing tree. After every kill the invariants must hold:
#   - cache_manifest.json, when present, is complete, valid JSON;
#   - every file it names (latest values, digests keys) exists, and each
#     digest's file has exactly the SHA-512 the manifest records;
#   - every .gz beside a named file is a complete gzip stream.
# At the end a normal run must give the same tree as a fresh full run.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-digest/helpers.bash"

setup() { pd_setup; }
teardown() { pd_teardown; }

@test "kill -9 at random points never leaves a manifest naming a missing or partial file" {
	iterations=${PHX_DIGEST_KILL_ITERATIONS:-24}
	run python3 - "$iterations" <<-'EOF'
	import base64, gzip, hashlib, json, os, random, signal, subprocess, sys, time
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
	kills = 0
	for it in range(int(sys.argv[1])):
	    for i in random.sample(range(120), 5):
	        with open(f"{root}/css/s{i}.css", "ab") as f: f.write(f"/* {it} */\n".encode())
	        write(f"{root}/images/img{i}.png", os.urandom(random.randint(1000, 60000)))
	    p = subprocess.Popen(["phx-digest", root, "-q", "--jobs", "2"])
	    time.sleep(random.uniform(0, 0.25))
	    if p.poll() is None:
	        p.send_signal(signal.SIGKILL); kills += 1
	    p.wait()
	    check()
	subprocess.run(["phx-digest", root, "-q"], check=True)
	n = check()
	print(f"kills={kills} entries={n}")
	EOF
	echo "$output"
	[ "$status" -eq 0 ]
	[[ $output == kills=* ]]
	kills=${output#kills=}; kills=${kills%% *}
	# most runs must really have been interrupted for the test to mean anything
	[ "$kills" -ge $((iterations / 2)) ]
	# and the final tree is what a full run gives
	rm -rf full && mkdir full && cp -r tree/. full/ && rm -rf full/.phx-digest-cache
	phx-digest full -q --no-cache
	diff -r -x cache_manifest.json -x .phx-digest-cache tree full
	diff <(sed 's/"mtime":[0-9]*/M/g' tree/cache_manifest.json) <(sed 's/"mtime":[0-9]*/M/g' full/cache_manifest.json)
}
