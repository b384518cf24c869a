#!/usr/bin/env bats
# phx-gen embedded: mix phx.gen.embedded's one file, byte for byte.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/helpers/phx_gen.bash"

setup() {
	phx_gen_setup
}

@test "the guide's comment (Phoenix's line 'embedded_schema do ' keeps its space)" {
	golden embedded-comment embedded Blog.Comment body:string
}

@test "types, redact and a reference with --binary-id; every field required" {
	golden embedded-every-type embedded Shop.Line a:integer b:decimal c:boolean d:map \
		e:array:integer f:enum:x:y g:uuid h:utc_datetime_usec i:string:redact \
		j:references:items --binary-id
}

@test "no attributes: an empty embedded_schema" {
	phx-gen embedded Blog.Empty
	diff <(sed -n 6,7p lib/hello/blog/empty.ex) <(printf '  embedded_schema do \n  end\n')
}

help='

mix phx.gen.embedded expects a module name followed by
any number of attributes:

    mix phx.gen.embedded Blog.Post title:string'

@test "errors: Invalid arguments, an invalid module name" {
	run --separate-stderr phx-gen embedded
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) Invalid arguments$help" ]
	run --separate-stderr phx-gen embedded blog
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) Expected the schema argument, \"blog\", to be a valid module name$help" ]
	[ -z "$(changed)" ]
}
