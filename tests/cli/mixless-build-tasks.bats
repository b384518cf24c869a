#!/usr/bin/env bats
# A project's own tasks through the build doors: CMake's phx_add_task (a
# target, registered for the help-tasks target) and the Make include's
# PHX_TASKS (a target each, listed by make help), each a real small project.

bats_require_minimum_version 1.5.0

setup() {
	unset MAKEFLAGS MFLAGS MAKELEVEL SEARCH
	cd "$BATS_TEST_TMPDIR"
	printf 'defmodule Proj.MixProject do\n  use Mix.Project\n  def project, do: [app: :proj, aliases: [setup: ["deps.get"], "assets.deploy": ["phx.digest st -o out"]]]\nend\n' >mix.exs
	mkdir st
	echo 'a{}' >st/app.css
	# a fake mix, logging what it is asked to run
	mkdir fake
	printf '#!/bin/sh\necho "mix $*" >>"%s/mix.log"\n' "$PWD" >fake/mix
	chmod +x fake/mix
	export MIXLESS_MIX=""
}

cmake_project() {
	{
		printf 'cmake_minimum_required(VERSION 3.20)\nproject(proj NONE)\n'
		printf 'list(APPEND CMAKE_MODULE_PATH "%s")\ninclude(Mixless)\n' "$MIXLESS_SOURCE_DIR/cmake"
		cat
	} >CMakeLists.txt
}

@test "cmake: phx_add_task makes a target that runs its command in the source dir" {
	cmake_project <<-'EOF'
	phx_add_task(proj.greet SHORTDOC "Greets the world" COMMAND sh -c "echo hi from $PWD > greeted")
	phx_add_task(proj.after SHORTDOC "Runs after greet" COMMAND sh -c "cat greeted" DEPENDS proj.greet)
	EOF
	cmake -S . -B _b >/dev/null
	run cmake --build _b --target proj.after
	[ "$status" -eq 0 ]
	[[ "$output" == *"hi from $PWD"* ]]
}

@test "cmake: help-tasks lists registered tasks with the rest, SEARCH filters" {
	cmake_project <<-'EOF'
	phx_add_task(proj.greet SHORTDOC "Greets the world's people" COMMAND true)
	EOF
	cmake -S . -B _b >/dev/null
	run cmake --build _b --target help-tasks
	[ "$status" -eq 0 ]
	[[ "$output" == *"mixless proj.greet         # Greets the world's people"* ]]
	[[ "$output" == *"mixless setup              # Alias for deps.get"* ]]
	[[ "$output" == *"mixless ecto.migrate "* ]]
	SEARCH=greet run cmake --build _b --target help-tasks
	[[ "$output" == *"mixless proj.greet # Greets the world's people"* ]]
	[[ "$output" != *"ecto.migrate"* ]]
}

@test "cmake: phx_add_task without SHORTDOC, or with a bad name, stops the configure" {
	for call in 'phx_add_task(proj.greet COMMAND true)' \
		'phx_add_task(Proj SHORTDOC "x" COMMAND true)' 'phx_add_task(proj.greet BOGUS SHORTDOC "x" COMMAND true)'; do
		echo "$call" | cmake_project
		run cmake -S . -B _b
		[ "$status" -ne 0 ] || { echo "$call"; false; }
		[[ "$output" == *"phx_add_task"* ]]
		rm -rf _b
	done
}

@test "make: PHX_TASKS makes a target each, and make help lists them (SEARCH=)" {
	printf 'all:\n\t@echo default goal\n' >Makefile
	cat >>Makefile <<-EOF
	PHX_TASKS += proj.greet
	PHX_TASK_proj.greet_SHORTDOC = Greets the world
	PHX_TASK_proj.greet_COMMAND = echo hi from make
	include $MIXLESS_SOURCE_DIR/make/mixless.mk
	EOF
	run make
	[ "$output" = "default goal" ]
	run make proj.greet
	[ "$output" = "hi from make" ]
	run make help
	[ "$status" -eq 0 ]
	[[ "$output" == *"mixless proj.greet         # Greets the world"* ]]
	[[ "$output" == *"mixless setup              # Alias for deps.get"* ]]
	run make help SEARCH=greet
	[ "$output" = "mixless proj.greet # Greets the world" ]
}

@test "without a command, a build task runs the project's task through mixless, with its config" {
	mkdir tasks
	printf '#!/bin/sh\n# @shortdoc Greets\necho "greet: app=$MIXLESS_APP env=$MIX_ENV args=$*"\n' >tasks/proj.greet
	chmod +x tasks/proj.greet
	printf 'PHX_TASKS = proj.greet\ninclude %s/make/mixless.mk\n' "$MIXLESS_SOURCE_DIR" >Makefile
	run make proj.greet
	[ "$status" -eq 0 ]
	[ "$output" = "greet: app=proj env=dev args=" ]
	echo 'phx_add_task(proj.greet SHORTDOC "Greets")' | cmake_project
	cmake -S . -B _b >/dev/null
	MIX_ENV=test run cmake --build _b --target proj.greet
	[ "$status" -eq 0 ]
	[[ "$output" == *"greet: app=proj env=test args="* ]]
}

@test "cmake: add_mix_aliases makes a target per alias of mix.exs, run by mixless" {
	cmake_project <<-'EOF'
	add_mix_aliases()
	add_phx_server(OPEN)
	EOF
	cmake -S . -B _b >/dev/null
	run cmake --build _b --target assets.deploy
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	[ -f out/cache_manifest.json ]
	run cmake --build _b --target setup
	[ "$status" -eq 0 ]
	[[ "$output" == *'skipped "deps.get" of the alias setup'* ]]
	# phx.server: to mix when Elixir is there, else a plain failure
	run cmake --build _b --target phx.server
	[ "$status" -ne 0 ]
	[[ "$output" == *"phx.server needs the BEAM"* ]]
	MIXLESS_MIX=$PWD/fake/mix run cmake --build _b --target phx.server
	[ "$status" -eq 0 ]
	[ "$(cat mix.log)" = "mix phx.server --open" ]
}

@test "cmake: add_mix_aliases with names makes only those" {
	cmake_project <<-'EOF'
	add_mix_aliases(setup EXCLUDE assets.deploy)
	EOF
	run cmake -S . -B _b
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	run cmake --build _b --target help
	[[ "$output" == *"setup"* ]]
	[[ "$output" != *"assets.deploy"* ]]
}

@test "make: PHX_ALIASES makes targets of aliases; make phx.server OPEN=1" {
	printf 'PHX_ALIASES = setup assets.deploy\ninclude %s/make/mixless.mk\n' "$MIXLESS_SOURCE_DIR" >Makefile
	run make assets.deploy
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	[ -f out/cache_manifest.json ]
	MIXLESS_MIX=$PWD/fake/mix run make setup
	[ "$status" -eq 0 ]
	[ "$(cat mix.log)" = "mix deps.get" ]
	MIXLESS_MIX=$PWD/fake/mix run make phx.server OPEN=1
	[ "$status" -eq 0 ]
	[ "$(tail -1 mix.log)" = "mix phx.server --open" ]
}

@test "make: mixless-task.mk on its own keeps the user's default goal and gives make help" {
	printf 'PHX_TASKS = proj.greet\nPHX_TASK_proj.greet_SHORTDOC = Greets\nPHX_TASK_proj.greet_COMMAND = echo hi\ninclude %s/make/mixless-task.mk\n\nall:\n\t@echo user default\n' "$MIXLESS_SOURCE_DIR" >Makefile
	run make
	[ "$output" = "user default" ]
	run make proj.greet
	[ "$output" = "hi" ]
	run make help SEARCH=proj
	[ "$output" = "mixless proj.greet # Greets" ]
}
