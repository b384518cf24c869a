# mixless.mk: Phoenix and Ecto mix tasks as make targets.
#
#   include path/to/mixless/make/mixless.mk
#
# Inputs (set before the include, or on the command line):
#   MIXLESS_BIN      directory of the mixless tools (default: found on PATH)
#   PHX_STATIC_DIR   digest input (default priv/static)
#   PHX_DIGEST_OUT   digest output (default: PHX_STATIC_DIR)
#   DATABASE_URL     database for the ecto targets (default: the repo config)
#   STEP, TO, ALL    migrate/rollback strategy (make rollback STEP=2)
#   PHX_ROUTER       router for `make routes` (default: the project's)
#   V=1              show the commands
#   PHX_TASKS        the project's own tasks, each with PHX_TASK_<name>_SHORTDOC
#                    and PHX_TASK_<name>_COMMAND (see mixless-task.mk)
#
# Targets: digest digest.clean migrate rollback routes ecto.create ecto.drop
#          ecto.reset ecto.setup ecto.migrations ecto.dump ecto.load help
#          (SEARCH=) phx.server, one per task of PHX_TASKS and alias of
#          PHX_ALIASES
# (each defined by a part below; a part may be included on its own).
#
# The include leaves the Makefile's default goal alone: placed before the
# first rule, it does not make `digest` what a bare `make` builds.

ifndef _mixless_mk_included
_mixless_mk_included := 1
_mixless_goal := $(.DEFAULT_GOAL)

_mixless_dir := $(dir $(lastword $(MAKEFILE_LIST)))

# Every part is required: a missing one is an error, never a silently
# absent target.
include $(_mixless_dir)mixless-common.mk
include $(_mixless_dir)mixless-digest.mk
include $(_mixless_dir)mixless-ecto.mk
include $(_mixless_dir)mixless-routes.mk
include $(_mixless_dir)mixless-task.mk

.DEFAULT_GOAL := $(_mixless_goal)
endif
