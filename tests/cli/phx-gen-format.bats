#!/usr/bin/env bats
# The generated code is Elixir that parses, and is `mix format` clean where
# Phoenix's own output is (Phoenix does not format what it generates: its
# embedded schema keeps a space after `embedded_schema do`, an empty
# ecto.gen.migration keeps a blank line in change/0, and many attributes
# make lines longer than the formatter's 98 columns; those cases are
# parsed only). Needs elixir (Debian's package); skipped without it.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/helpers/phx_gen.bash"
load "$MIXLESS_SOURCE_DIR/tests/helpers/need.bash"

setup() {
	need elixir elixir
	phx_gen_setup
	fmt="$PHX_GEN_FIXTURES/formatter.exs"
}

# The files a run created or changed, as paths relative to the project.
generated() {
	changed | awk '{print $2}' | grep -E '\.exs?$' | grep -v '^\.formatter'
}

format_clean() {
	phx-gen "$@" >/dev/null
	local files
	files=$(generated)
	[ -n "$files" ]
	# shellcheck disable=SC2086
	mix format --dot-formatter "$fmt" --check-formatted $files
}

parses() {
	phx-gen "$@" >/dev/null
	for f in $(generated); do
		elixir -e 'Code.string_to_quoted!(File.read!(hd(System.argv())), file: hd(System.argv()))' "$f"
	done
}

@test "format clean: schema (guide), --binary-id --prefix, --no-migration, --repo" {
	format_clean schema Accounts.Credential credentials email:string:unique user_id:references:users
	git clean -qfd
	format_clean schema Blog.Tag tags name:string:unique post_id:references:posts --binary-id --prefix blog
	git clean -qfd
	format_clean schema Blog.Note notes body:text --no-migration
	git clean -qfd
	format_clean schema Admin.Role roles name --table admin_roles --repo Hello.Repo.Auth
}

@test "format clean: a new context, and one with --binary-id" {
	format_clean context Shop Order orders title:string price:decimal count:integer
	git clean -qfd
	format_clean context Shop Cart carts note:text opened_on:date user_id:references:users --binary-id
}

@test "everything generated parses: every type, existing context, no schema, embedded, migration" {
	parses schema Shop.Item items a:integer b:float c:decimal d:boolean e:map f:string g:text \
		h:date i:time j:time_usec k:naive_datetime l:naive_datetime_usec m:utc_datetime \
		n:utc_datetime_usec o:uuid p:binary q:array:string r:enum:x:y s:datetime \
		t:references:users u:string:redact v:integer:unique
	git clean -qfd
	parses context Shop Item items a:integer c:decimal d:boolean e:map q:array:string \
		r:enum:x:y h:date m:utc_datetime v:integer:unique o:uuid:unique
	parses context Accounts Credential credentials email:string:unique --merge-with-existing-context
	parses context Reports Summary summaries --no-schema
	parses embedded Blog.Comment body:string n:integer:redact
	parses ecto.gen.migration add_comments_table
}

@test "format clean: channel (socket made --from-channel), presence, notifier" {
	format_clean channel Room --yes
	git clean -qfd
	format_clean presence
	git clean -qfd
	format_clean notifier Accounts User welcome reset_password
}

@test "socket without a channel parses (Phoenix's own keeps a double blank line there)" {
	parses socket User
	run mix format --dot-formatter "$fmt" --check-formatted lib/hello_web/channels/user_socket.ex
	[ "$status" -ne 0 ]
}
