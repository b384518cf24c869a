# mixless-ecto.mk: Ecto's mix tasks as make targets, included by mixless.mk
# (or on its own).
#
# Inputs (?=, set before the include or on the command line):
#   ECTO_REPO            repo(s) to run on, e.g. Hello.Repo (default: :ecto_repos)
#   ECTO_MIGRATIONS_PATH migrations directories (default: the repo's priv)
#   ECTO_PREFIX          --prefix for migrate/rollback/migrations
#   ECTO_LOCK            table (default) or advisory
#   ECTO_SEEDS           a .sql file for ecto.setup/ecto.reset
#   ECTO_FLAGS           any other ecto-migrate switches (--quiet, --wait=30...)
#   STEP, TO, ALL        strategy: make rollback STEP=2, make migrate TO=2024...
#   DATABASE_URL         read by ecto-migrate from the environment (never put
#                        on a command line, so V=1 cannot show a password)
#   MIXLESS_BIN          directory of the tools (default: found on PATH)
#
# Targets: migrate rollback ecto.create ecto.drop ecto.migrate ecto.rollback
#          ecto.migrations ecto.reset ecto.setup ecto.dump ecto.load
#
# A database is not a file: these targets are phony and always run, as the
# mix tasks do; `make migrate` with nothing pending changes nothing.

ifndef _mixless_ecto_mk_included
_mixless_ecto_mk_included := 1
# Our targets must not become the includer's default goal.
_mixless_ecto_goal := $(.DEFAULT_GOAL)
include $(dir $(lastword $(MAKEFILE_LIST)))mixless-common.mk

ECTO_REPO ?=
ECTO_MIGRATIONS_PATH ?=
ECTO_PREFIX ?=
ECTO_LOCK ?=
ECTO_SEEDS ?=
ECTO_FLAGS ?=

_mixless_ecto = $(call _mixless_tool,ecto-migrate)
_mixless_ecto_repo = $(foreach r,$(ECTO_REPO),-r $(r))
_mixless_ecto_paths = $(foreach p,$(ECTO_MIGRATIONS_PATH),--migrations-path $(p))
_mixless_ecto_prefix = $(if $(ECTO_PREFIX),--prefix $(ECTO_PREFIX))
_mixless_ecto_lock = $(if $(ECTO_LOCK),--lock $(ECTO_LOCK))
_mixless_ecto_seeds = $(if $(ECTO_SEEDS),--seeds $(ECTO_SEEDS))
_mixless_ecto_strategy = $(if $(STEP),--step $(STEP)) $(if $(TO),--to $(TO)) $(if $(ALL),--all)
_mixless_ecto_run = $(_mixless_q)$(_mixless_ecto) $(1) $(_mixless_ecto_repo) $(ECTO_FLAGS)

.PHONY: migrate rollback ecto.create ecto.drop ecto.migrate ecto.rollback \
	ecto.migrations ecto.reset ecto.setup ecto.dump ecto.load

migrate: ecto.migrate
rollback: ecto.rollback

ecto.create:
	$(call _mixless_ecto_run,create)

ecto.drop:
	$(call _mixless_ecto_run,drop)

ecto.migrate:
	$(call _mixless_ecto_run,migrate) $(_mixless_ecto_paths) $(_mixless_ecto_prefix) $(_mixless_ecto_lock) $(_mixless_ecto_strategy)

ecto.rollback:
	$(call _mixless_ecto_run,rollback) $(_mixless_ecto_paths) $(_mixless_ecto_prefix) $(_mixless_ecto_lock) $(_mixless_ecto_strategy)

ecto.migrations:
	$(call _mixless_ecto_run,migrations) $(_mixless_ecto_paths) $(_mixless_ecto_prefix)

ecto.setup:
	$(call _mixless_ecto_run,setup) $(_mixless_ecto_paths) $(_mixless_ecto_lock) $(_mixless_ecto_seeds)

ecto.reset:
	$(call _mixless_ecto_run,reset) $(_mixless_ecto_paths) $(_mixless_ecto_lock) $(_mixless_ecto_seeds)

ecto.dump:
	$(call _mixless_ecto_run,dump)

ecto.load:
	$(call _mixless_ecto_run,load)

.DEFAULT_GOAL := $(_mixless_ecto_goal)
endif
