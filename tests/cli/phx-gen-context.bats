#!/usr/bin/env bats
# phx-gen context: mix phx.gen.context's files and injections, byte for
# byte, the existing-context prompt, and every validation message.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/helpers/phx_gen.bash"
load "$MIXLESS_SOURCE_DIR/tests/helpers/need.bash"

setup() {
	phx_gen_setup
}

@test "a new context: schema, migration, context, tests and fixtures" {
	golden context-new context Shop Order orders title:string price:decimal count:integer
}

@test "an existing context with --merge-with-existing-context: injected, with the fixture note" {
	golden context-existing context Accounts Credential credentials email:string:unique \
		token:binary:unique age:integer:unique --merge-with-existing-context
}

@test "--no-schema: the context functions that raise TODO, no schema or migration" {
	golden context-no-schema context Reports Summary summaries --no-schema
}

@test "--binary-id with a date, a text and a reference" {
	golden context-binary-id context Shop Cart carts note:text opened_on:date \
		user_id:references:users --binary-id
}

@test "every type: samples, asserts, fixtures" {
	golden context-every-type context Shop Item items a:integer b:float c:decimal d:boolean e:map \
		f:string g:text h:date i:time j:time_usec k:naive_datetime l:naive_datetime_usec \
		m:utc_datetime n:utc_datetime_usec o:uuid p:binary q:array:string r:enum:x:y \
		s:datetime t:references:users u:string:redact v:integer:unique
}

@test "injection is idempotent: a second run changes no context, test or fixture file" {
	phx-gen context Shop Order orders title:string
	cp lib/hello/shop.ex test/hello/shop_test.exs test/support/fixtures/shop_fixtures.ex "$BATS_TEST_TMPDIR/"
	run phx-gen context Shop Order orders title:string --yes
	[ "$status" -eq 0 ]
	[[ "$output" != *"injecting"* ]]
	cmp lib/hello/shop.ex "$BATS_TEST_TMPDIR/shop.ex"
	cmp test/hello/shop_test.exs "$BATS_TEST_TMPDIR/shop_test.exs"
	cmp test/support/fixtures/shop_fixtures.ex "$BATS_TEST_TMPDIR/shop_fixtures.ex"
}

@test "a second resource is injected into the context made by the first" {
	phx-gen context Shop Order orders title:string
	run phx-gen context Shop Coupon coupons code:string --merge-with-existing-context
	[ "$status" -eq 0 ]
	[[ "$output" == *"* injecting lib/hello/shop.ex"* ]]
	grep -q 'def list_orders do' lib/hello/shop.ex
	grep -q 'def list_coupons do' lib/hello/shop.ex
	[ "$(tail -n 3 lib/hello/shop.ex)" = "$(printf '    Coupon.changeset(coupon, attrs)\n  end\nend')" ]
	grep -q 'describe "coupons" do' test/hello/shop_test.exs
	grep -q 'def coupon_fixture' test/support/fixtures/shop_fixtures.ex
}

@test "the existing-context prompt: counts, then no terminal means nothing written" {
	run --separate-stderr phx-gen context Accounts Credential credentials email:string </dev/null
	[ "$status" -eq 1 ]
	[[ "$output" == "You are generating into an existing context."* ]]
	[[ "$output" == *"The Hello.Accounts context currently has 7 functions and 1 file in its directory."* ]]
	[[ "$output" == *"If you are not sure, prefer creating a new context over adding to the existing one."* ]]
	[[ "$stderr" == *'cannot ask "Would you like to proceed?"'*"--yes"* ]]
	[ -z "$(changed)" ]
}

@test "the existing-context prompt answered on a terminal: no halts, yes goes on" {
	need script bsdutils
	run script -qec "phx-gen context Accounts Credential credentials email:string" /dev/null <<<"n"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Would you like to proceed? [Yn]"* ]]
	[ -z "$(changed)" ]
	run script -qec "phx-gen context Accounts Credential credentials email:string" /dev/null <<<"y"
	[ "$status" -eq 0 ]
	[[ "$output" == *"injecting lib/hello/accounts.ex"* ]]
	grep -q 'def list_credentials do' lib/hello/accounts.ex
}

@test "--no-merge-with-existing-context stops without a word, --no-context skips the prompt" {
	run --separate-stderr phx-gen context Accounts Credential credentials email:string --no-merge-with-existing-context
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ -z "$(changed)" ]
	run phx-gen context Accounts Credential credentials email:string --no-context </dev/null
	[ "$status" -eq 0 ]
	[[ "$output" != *"existing context"* ]]
	grep -q 'def list_credentials do' lib/hello/accounts.ex
}

help='

mix phx.gen.html, phx.gen.json, phx.gen.live, and phx.gen.context
expect a context module name, followed by singular and plural names
of the generated resource, ending with any number of attributes.
For example:

    mix phx.gen.html Accounts User users name:string
    mix phx.gen.json Accounts User users name:string
    mix phx.gen.live Accounts User users name:string
    mix phx.gen.context Accounts User users name:string

The context serves as the API boundary for the given resource.
Multiple resources may belong to a context and a resource may be
split over distinct contexts (such as Accounts.User and Payments.User).'

@test "validation messages in Phoenix's order, with the help text" {
	check() {
		local msg=$1
		shift
		run --separate-stderr phx-gen context "$@"
		[ "$status" -eq 1 ]
		[ "$stderr" = "** (Mix) $msg$help" ]
	}
	check "Invalid arguments" Accounts User
	check 'Expected the context, "accounts", to be a valid module name' accounts User users
	check 'Expected the schema, "user", to be a valid module name' Accounts user users
	check "The context and schema should have different names" User User users
	check "Cannot generate context Hello because it has the same name as the application" Hello User users
	check "Cannot generate schema Hello because it has the same name as the application" Accounts Hello users
	check 'Expected the plural argument, "Users", to be all lowercase using snake_case convention' Accounts User Users
	[ -z "$(changed)" ]
}

@test "a unique uuid field asks for a fixture implementation" {
	run phx-gen context Shop Ticket tickets code:uuid:unique
	[ "$status" -eq 0 ]
	[[ "$output" == *"unique implementations for the following fixture function(s) in
test/support/fixtures/shop_fixtures.ex:

    def unique_ticket_code do
      raise \"implement the logic to generate a unique ticket code\"
    end"* ]]
}

@test "umbrella: from the _web app, context_app from config puts the context in ../shop" {
	cp -r "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen-umbrella" "$BATS_TEST_TMPDIR/umb"
	cd "$BATS_TEST_TMPDIR/umb/apps/shop_web"
	run phx-gen context Catalog Product products name:string
	[ "$status" -eq 0 ]
	[[ "$output" == "* creating ../shop/lib/shop/catalog/product.ex
* creating ../shop/priv/repo/migrations/20251205020000_create_products.exs
* creating ../shop/lib/shop/catalog.ex"* ]]
	grep -q '^defmodule Shop.Catalog.Product do' ../shop/lib/shop/catalog/product.ex
	grep -q '  alias Shop.Repo' ../shop/lib/shop/catalog.ex
	grep -q '  use Shop.DataCase' ../shop/test/shop/catalog_test.exs
	[ -f ../shop/test/support/fixtures/catalog_fixtures.ex ]
	[ ! -e lib/shop_web/catalog ]
}

@test "umbrella: --context-app names the app; one missing from the deps is Phoenix's error" {
	cp -r "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen-umbrella" "$BATS_TEST_TMPDIR/umb"
	cd "$BATS_TEST_TMPDIR/umb/apps/shop_web"
	run phx-gen schema Catalog.Tag tags name --context-app shop
	[ "$status" -eq 0 ]
	[ -f ../shop/lib/shop/catalog/tag.ex ]
	run --separate-stderr phx-gen schema Catalog.Tag tags name --context-app nope
	[ "$status" -eq 1 ]
	[[ "$stderr" == "** (Mix) no directory for context_app :nope found in shop_web's deps."* ]]
	cd "$BATS_TEST_TMPDIR/umb"
	run --separate-stderr phx-gen context Catalog Product products
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) mix phx.gen.context must be invoked from within your *_web application root directory" ]
}
