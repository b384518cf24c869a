#!/usr/bin/env bats
# A project's priv/templates/<generator>/<file> replaces phx-gen's template
# and is rendered as EEx with Phoenix's bindings, as Phoenix renders it.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/helpers/phx_gen.bash"

setup() {
	phx_gen_setup
	mkdir -p priv/templates/phx.gen.schema priv/templates/phx.gen.context
}

@test "a schema override sees schema and Mix.Phoenix.Schema's functions" {
	cat >priv/templates/phx.gen.schema/schema.ex <<'EEX'
defmodule <%= inspect schema.module %> do
  # <%= schema.human_plural %> in <%= schema.table %> (<%= schema.singular %>)
<%= Mix.Phoenix.Schema.format_fields_for_schema(schema) %>
<%= for {k, v} <- schema.attrs do %>  # <%= k %>: <%= inspect Mix.Phoenix.Schema.type_for_migration(v) %>
<% end %><%= for {_, k, _, s} <- schema.assocs do %>  # <%= k %> -> <%= inspect s %>
<% end %>  # <%= Enum.map_join(Mix.Phoenix.Schema.required_fields(schema), ", ", &inspect(elem(&1, 0))) %>
end
EEX
	run phx-gen schema Blog.Tag tags name:string:unique st:enum:a:b meta:map post_id:references:posts --no-migration
	[ "$status" -eq 0 ]
	diff lib/hello/blog/tag.ex - <<'EXS'
defmodule Hello.Blog.Tag do
  # Tags in tags (tag)
    field :meta, :map
    field :name, :string
    field :st, Ecto.Enum, values: [:a, :b]
  # name: :string
  # st: :string
  # meta: :map
  # post_id -> :posts
  # :name, :st
end
EXS
}

@test "a context override sees context and schema; samples print as Phoenix's" {
	cat >priv/templates/phx.gen.context/test_cases.exs <<'EEX'

  # <%= inspect context.module %> / <%= inspect context.alias %> / <%= inspect schema.alias %>
  # <%= Mix.Phoenix.to_text schema.params.create %>
<%= for {field, value} <- schema.params.update do %>  # <%= field %> == <%= Mix.Phoenix.Schema.value(schema, field, value) %>
<% end %>
EEX
	run phx-gen context Shop Order orders price:decimal on:date
	[ "$status" -eq 0 ]
	diff test/hello/shop_test.exs - <<'EXS'
defmodule Hello.ShopTest do
  use Hello.DataCase

  alias Hello.Shop

  # Hello.Shop / Shop / Order
  # %{on: ~D[2025-12-04], price: "120.5"}
  # on == ~D[2025-12-05]
  # price == Decimal.new("456.7")

end
EXS
}

@test "what the evaluator cannot run is an error at file:line:col, and nothing is written" {
	printf 'ok\n  <%%= File.rm_rf!("x") %%>\n' >priv/templates/phx.gen.schema/schema.ex
	run --separate-stderr phx-gen schema Blog.Tag tags name
	[ "$status" -eq 1 ]
	[ "$stderr" = "priv/templates/phx.gen.schema/schema.ex:2:7: unsupported call File.rm_rf!/1" ]
	[ -z "$(changed | grep -v priv/templates)" ]
}

@test "an EEx syntax error in an override is reported at its position" {
	printf 'a\n<%%= if true do %%>\n' >priv/templates/phx.gen.schema/migration.exs
	run --separate-stderr phx-gen schema Blog.Tag tags name
	[ "$status" -eq 1 ]
	[[ "$stderr" == "priv/templates/phx.gen.schema/migration.exs:"* ]]
	[ -z "$(changed | grep -v priv/templates)" ]
}
