#!/usr/bin/env bats
# phx-gen's writer, shared by every generator: Phoenix's conflict and
# overwrite questions, --yes, no terminal, --dry-run, colours, path safety
# and atomic writes.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/helpers/phx_gen.bash"
load "$MIXLESS_SOURCE_DIR/tests/helpers/need.bash"

setup() {
	phx_gen_setup
	# a schema file that differs from what the generator makes
	mkdir -p lib/hello/blog
	echo "# mine" >lib/hello/blog/tag.ex
	git add -A && git -c user.name=t -c user.email=t@t commit -qm mine
}

@test "a conflict without a terminal and without --yes: the list, an error, nothing written" {
	run --separate-stderr phx-gen schema Blog.Tag tags name </dev/null
	[ "$status" -eq 1 ]
	[ "$output" = "The following files conflict with new files to be generated:

  * lib/hello/blog/tag.ex

See the --web option to namespace similarly named resources" ]
	[ "$stderr" = 'phx-gen: cannot ask "Proceed with interactive overwrite?": stdin is not a terminal; nothing was written (pass --yes to answer yes)' ]
	[ -z "$(changed)" ]
}

@test "--yes answers every question: the file is overwritten" {
	run phx-gen schema Blog.Tag tags name --yes
	[ "$status" -eq 0 ]
	grep -q 'schema "tags" do' lib/hello/blog/tag.ex
}

@test "on a terminal: no to the conflict question halts with exit 0, nothing written" {
	need script bsdutils
	run script -qec "phx-gen schema Blog.Tag tags name" /dev/null <<<"n"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Proceed with interactive overwrite? [Yn]"* ]]
	[ -z "$(changed)" ]
}

@test "on a terminal: yes, then no to the file keeps it and writes the rest" {
	need script bsdutils
	run script -qec "phx-gen schema Blog.Tag tags name" /dev/null <<<"$(printf 'y\nn\n')"
	[ "$status" -eq 0 ]
	[[ "$output" == *"lib/hello/blog/tag.ex already exists, overwrite? [Yn]"* ]]
	[ "$(cat lib/hello/blog/tag.ex)" = "# mine" ]
	[ -f priv/repo/migrations/20251205020000_create_tags.exs ]
}

@test "identical content is no conflict to overwrite and is not rewritten" {
	git rm -qf lib/hello/blog/tag.ex
	phx-gen schema Blog.Tag tags name
	touch -d '2020-01-01' lib/hello/blog/tag.ex
	rm priv/repo/migrations/20251205020000_create_tags.exs
	run phx-gen schema Blog.Tag tags name --yes
	[ "$status" -eq 0 ]
	[ "$(stat -c %Y lib/hello/blog/tag.ex)" = "$(date -d 2020-01-01 +%s)" ]
}

@test "--dry-run lists what would be written and writes nothing" {
	run phx-gen context Shop Order orders title:string --dry-run
	[ "$status" -eq 0 ]
	[ "$output" = "* creating lib/hello/shop/order.ex
* creating priv/repo/migrations/20251205020000_create_orders.exs
* creating lib/hello/shop.ex
* injecting lib/hello/shop.ex
* creating test/hello/shop_test.exs
* injecting test/hello/shop_test.exs
* creating test/support/fixtures/shop_fixtures.ex
* injecting test/support/fixtures/shop_fixtures.ex" ]
	[ -z "$(changed)" ]
}

@test "colour only on a terminal, and never with NO_COLOR" {
	need script bsdutils
	git rm -qf lib/hello/blog/tag.ex
	run env -u NO_COLOR script -qec "phx-gen schema Blog.Tag tags name" /dev/null
	[[ "$output" == *$'\e[32m* creating \e[0mlib/hello/blog/tag.ex'* ]]
	git clean -qfd
	run env NO_COLOR=1 script -qec "phx-gen schema Blog.Tag tags name --yes" /dev/null
	[[ "$output" != *$'\e['* ]]
	git clean -qfd
	run env -u NO_COLOR phx-gen schema Blog.Tag tags name --yes
	[[ "$output" != *$'\e['* ]]
}

@test "paths that leave the project are refused and nothing is written" {
	run --separate-stderr phx-gen schema Blog.Post posts --migration-dir ../outside --yes
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"refusing to write '../outside/20251205020000_create_posts.exs'"* ]]
	run --separate-stderr phx-gen schema Blog.Post posts --migration-dir /tmp/abs --yes
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"refusing to write '/tmp/abs/"* ]]
	[ -z "$(changed)" ]
	[ ! -e ../outside ]
}

@test "a symlinked folder that leads outside the project is refused" {
	mkdir "$BATS_TEST_TMPDIR/elsewhere"
	ln -s "$BATS_TEST_TMPDIR/elsewhere" lib/hello/shop
	run --separate-stderr phx-gen schema Shop.Item items name
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"refusing to write 'lib/hello/shop/item.ex': a symlink leads outside the project root"* ]]
	[ -z "$(ls "$BATS_TEST_TMPDIR/elsewhere")" ]
	[ -z "$(ls priv/repo/migrations | grep items)" ]
}

@test "a symlink inside the project is fine" {
	mkdir lib/real
	ln -s ../real lib/hello/shop
	run phx-gen schema Shop.Item items name
	[ "$status" -eq 0 ]
	[ -f lib/real/item.ex ]
}

@test "writes are atomic: no temp file is left behind" {
	phx-gen context Shop Order orders title:string
	[ -z "$(find . -name '.*.tmp-*')" ]
}

@test "--dry-run into an existing context asks nothing and writes nothing" {
	run --separate-stderr phx-gen context Accounts Credential credentials email:string --dry-run </dev/null
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[[ "$output" == *"* injecting lib/hello/accounts.ex"* ]]
	[[ "$output" != *"existing context"* ]]
	[ -z "$(changed)" ]
}

@test "on a terminal the overwrite question follows its '* creating' line, as Mix.Generator asks" {
	need script bsdutils
	run script -qec "phx-gen schema Blog.Tag tags name" /dev/null <<<"$(printf 'y\ny\n')"
	[ "$status" -eq 0 ]
	[[ "$output" == *"* creating lib/hello/blog/tag.ex"*"lib/hello/blog/tag.ex already exists, overwrite? [Yn]"*"* creating priv/repo/migrations/"* ]]
	grep -q 'schema "tags" do' lib/hello/blog/tag.ex
}

@test "without a terminal a file question fails the run before the first write" {
	# ecto.gen.repo has no conflict list: its repo file is asked about alone
	echo "# mine" >lib/hello/other_repo.ex
	git add -A && git -c user.name=t -c user.email=t@t commit -qm mine2
	run --separate-stderr phx-gen ecto.gen.repo -r Hello.OtherRepo </dev/null
	[ "$status" -eq 1 ]
	[ "$stderr" = 'phx-gen: cannot ask "lib/hello/other_repo.ex already exists, overwrite?": stdin is not a terminal; nothing was written (pass --yes to answer yes)' ]
	[ -z "$(changed)" ]
	run phx-gen ecto.gen.repo -r Hello.OtherRepo --yes
	[ "$status" -eq 0 ]
	grep -q 'use Ecto.Repo,' lib/hello/other_repo.ex
	grep -q 'config :hello, Hello.OtherRepo,' config/config.exs
}
