# mixless-task.mk: a project's own tasks as make targets, and `make help`,
# which lists them beside every task mixless runs.
#
# Inputs (set before the include):
#   PHX_TASKS                  the task names (hello.greeting ...)
#   PHX_TASK_<name>_SHORTDOC   what help shows for it (one line)
#   PHX_TASK_<name>_COMMAND    its command, run in the Makefile's directory
#                              (default: mixless <name>, the project's task of
#                              that name in tasks/, with its config)
#   MIXLESS_SCRATCH            where the list for help goes (default .mixless)
#   SEARCH                     make help SEARCH=ecto: the tasks whose name holds it
#   PHX_ALIASES                aliases of mix.exs to make targets of (setup ...),
#                              each running `mixless <alias>`; all of them:
#                              PHX_ALIASES := $(shell mixless help --aliases --names)
#   OPEN=1, IEX=1              make phx.server OPEN=1: --open, --iex
#
# Targets: one per task of PHX_TASKS and per alias of PHX_ALIASES; help;
# phx.server (mixless phx.server: mix phx.server when Elixir is installed).
#
#   PHX_TASKS += hello.greeting
#   PHX_TASK_hello.greeting_SHORTDOC = Sends a greeting
#   PHX_TASK_hello.greeting_COMMAND = ./tasks/hello.greeting
#   include path/to/mixless/make/mixless.mk

ifndef _mixless_task_mk_included
_mixless_task_mk_included := 1
_mixless_task_goal := $(.DEFAULT_GOAL)
include $(dir $(lastword $(MAKEFILE_LIST)))mixless-common.mk

PHX_TASKS ?=
MIXLESS_SCRATCH ?= .mixless

define _mixless_nl


endef
_mixless_tab := $(shell printf '\t')

define _mixless_task_rule
.PHONY: $(1)
$(1):
	$$(_mixless_q)$$(or $$(PHX_TASK_$(1)_COMMAND),$$(call _mixless_tool,mixless) $(1))
endef

$(foreach t,$(PHX_TASKS),$(eval $(call _mixless_task_rule,$(t))))

PHX_ALIASES ?=

define _mixless_alias_rule
.PHONY: $(1)
$(1):
	$$(_mixless_q)$$(call _mixless_tool,mixless) $(1)
endef
# An alias that another part already makes a target of (ecto.setup) is left
# to it.
$(foreach a,$(filter-out $(PHX_TASKS) ecto.setup ecto.reset,$(PHX_ALIASES)),$(eval $(call _mixless_alias_rule,$(a))))

.PHONY: phx.server
phx.server:
	$(_mixless_q)$(call _mixless_tool,mixless) phx.server $(if $(OPEN),--open) $(if $(IEX),--iex)

# The registered tasks as "name<TAB>shortdoc" lines, for mixless help --with.
_mixless_tasks_file := $(abspath $(MIXLESS_SCRATCH))/tasks.tsv

.PHONY: help
help:
	$(shell mkdir -p $(dir $(_mixless_tasks_file)))$(file >$(_mixless_tasks_file),$(foreach t,$(PHX_TASKS),$(t)$(_mixless_tab)$(PHX_TASK_$(t)_SHORTDOC)$(_mixless_nl)))
	$(_mixless_q)$(call _mixless_tool,mixless) help --with $(_mixless_tasks_file) $(if $(SEARCH),--search $(SEARCH))

.DEFAULT_GOAL := $(_mixless_task_goal)
endif
