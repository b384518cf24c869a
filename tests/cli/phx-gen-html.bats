#!/usr/bin/env bats
# phx-gen html: mix phx.gen.html. Expected outputs are genuine runs of
# Phoenix 1.7.24's task (tests/fixtures/phx-gen/expected/, see web.bash).

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/web.bash"

setup() { web_setup; }

@test "html: the guide's example, files and output as Phoenix's" {
	web_case html1
	web_assert_case html1
}

@test "html: no attributes at all, as Phoenix's" {
	web_case htmlempty
	web_assert_case htmlempty
}

@test "html: every type and flag of the attribute grammar but references, as Phoenix's" {
	web_case htmlall
	web_assert_case htmlall
}

@test "html: --web Admin: namespaced modules, paths and the scope instructions, as Phoenix's" {
	web_case htmlweb
	web_assert_case htmlweb
}

@test "html: --binary-id, as Phoenix's" {
	web_case htmlbin
	web_assert_case htmlbin
}

@test "html: --no-context: the web files alone, as Phoenix's" {
	web_case htmlnoctx
	web_assert_case htmlnoctx
}

@test "html: an attribute named twice: the params maps keep the last, the listings and the fixture both, as Phoenix's" {
	web_case htmldup
	web_assert_case htmldup
}

@test "html: --dry-run lists the files and writes nothing" {
	run --separate-stderr phx-gen html Blog Post posts title:string --dry-run
	[ "$status" -eq 0 ]
	[[ "$output" == *"* creating lib/hello_web/controllers/post_controller.ex"* ]]
	[[ "$output" == *"* creating lib/hello/blog.ex"* ]]
	[ -z "$(web_written)" ]
}

@test "html: validation as Gen.Context.build's, with the context help text, exit 1" {
	run --separate-stderr phx-gen html blog Post posts
	[ "$status" -eq 1 ]
	[[ "$stderr" == *'Expected the context, "blog", to be a valid module name'* ]]
	[[ "$stderr" == *"mix phx.gen.html, phx.gen.json, phx.gen.live, and phx.gen.context"* ]]
	run --separate-stderr phx-gen html Blog Post
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"Invalid arguments"* ]]
	run --separate-stderr phx-gen html Blog Blog blogs
	[[ "$stderr" == *"The context and schema should have different names"* ]]
	run --separate-stderr phx-gen html Blog Post posts tags:array
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"Phoenix generators expect the type of the array to be given to tags:array."* ]]
	[ -z "$(web_written)" ]
}

@test "html: existing web files are conflicts; without a terminal or --yes nothing is written" {
	phx-gen html Blog Post posts title:string --yes >/dev/null
	echo "# changed" >>lib/hello_web/controllers/post_controller.ex
	cp lib/hello_web/controllers/post_controller.ex "$BATS_TEST_TMPDIR/mine.ex"
	touch .mark
	run --separate-stderr phx-gen html Blog Post posts title:string --merge-with-existing-context </dev/null
	[ "$status" -eq 1 ]
	[[ "$output" == *"The following files conflict with new files to be generated:"* ]]
	[[ "$output" == *"  * lib/hello_web/controllers/post_controller.ex"* ]]
	[[ "$stderr" == *"--yes"* ]]
	cmp lib/hello_web/controllers/post_controller.ex "$BATS_TEST_TMPDIR/mine.ex"
	[ -z "$(web_written)" ]
}

@test "html: a project's priv/templates/phx.gen.html/<file> replaces ours (EEx, Phoenix's bindings)" {
	mkdir -p priv/templates/phx.gen.html
	printf '%s\n' '<h1><%= schema.human_singular %> in <%= inspect context.module %></h1>' \
		'<%= for {k, _} <- schema.attrs do %><p><%= k %></p><% end %>' \
		>priv/templates/phx.gen.html/show.html.heex
	web_case html1
	[ "$status" -eq 0 ]
	[ "$(cat lib/hello_web/controllers/post_html/show.html.heex)" = \
		$'<h1>Post in Hello.Blog</h1>\n<p>body</p><p>word_count</p>' ]
	# the other files are ours, as Phoenix's
	cmp lib/hello_web/controllers/post_html/index.html.heex \
		"$EXPECTED/html1/files/lib/hello_web/controllers/post_html/index.html.heex"
}

@test "html: an override that cannot be evaluated: an error at its file:line:col, nothing written" {
	mkdir -p priv/templates/phx.gen.html
	printf '%s\n' 'ok' '<%= Nope.call(schema) %>' >priv/templates/phx.gen.html/html.ex
	touch .mark
	web_case html1
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"priv/templates/phx.gen.html/html.ex:2:"* ]]
	[ -z "$(web_written)" ]
}

@test "html: run twice, the injections are not repeated and the files are unchanged" {
	web_case html1
	[ "$status" -eq 0 ]
	tar cf "$BATS_TEST_TMPDIR/first.tar" lib test
	web_case html1
	[ "$status" -eq 0 ]
	tar cf "$BATS_TEST_TMPDIR/second.tar" lib test
	cmp "$BATS_TEST_TMPDIR/first.tar" "$BATS_TEST_TMPDIR/second.tar"
	! grep -q "injecting" "$BATS_TEST_TMPDIR/stdout"
	grep -q "The following files conflict with new files to be generated:" "$BATS_TEST_TMPDIR/stdout"
	# as Phoenix, a second migration (the next second: versions never collide)
	[ "$(ls priv/repo/migrations | wc -l)" -eq 2 ]
}
