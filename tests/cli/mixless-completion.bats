#!/usr/bin/env bats
# Bash completion (tools/mixless/completion.bash): tasks, commands, switches
# and migration versions, each asked of the tools themselves.

setup() {
	source "$MIXLESS_SOURCE_DIR/tools/mixless/completion.bash"
	cd "$MIXLESS_SOURCE_DIR/examples/hello"
}

complete_words() {
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	_mixless_complete
	echo "${COMPREPLY[*]}"
}

@test "completion: mixless TASK from mixless help, with the project's aliases" {
	[ "$(complete_words mixless ecto.mi)" = "ecto.migrate ecto.migrations" ]
	[[ " $(complete_words mixless s) " == *" setup "* ]]
	[ "$(complete_words mixless help phx.dig)" = "phx.digest phx.digest.clean" ]
}

@test "completion: a tool's commands and a command's switches" {
	[ "$(complete_words ecto-migrate mig)" = "migrate migrations" ]
	[ "$(complete_words ecto-migrate migrate --st)" = "--step --strict-version-order" ]
	[ "$(complete_words ecto-migrate rollback --st)" = "--step" ]
	[[ " $(complete_words mixless ecto.rollback --to) " == *" --to-exclusive "* ]]
}

@test "completion: --to offers the project's migration versions" {
	[ "$(complete_words ecto-migrate migrate --to 2024010)" = "20240101120000 20240102120000 20240103120000" ]
	[ "$(complete_words mixless ecto.rollback --to-exclusive 20240102)" = "20240102120000" ]
}
