# mixless-routes.mk: `make routes` (mix phx.routes), included by mixless.mk
# (or on its own).
#
# Inputs (?=, set before the include or on the command line):
#   PHX_ROUTER          the router: a module (HelloWeb.Router) or its .ex
#                       file (default: the project's, as mix finds it)
#   PHX_ROUTES_FORMAT   text (default, as mix prints it), json or csv
#   PHX_ROUTES_OUT      where the table is kept (default $(MIXLESS_SCRATCH)/routes.<format>)
#   PHX_ROUTES_FLAGS    more phx-routes switches (--endpoint MOD...)
#   MIXLESS_SCRATCH     where the depfile goes (default .mixless)
#   MIXLESS_BIN         directory of the tools (default: found on PATH)
#
# Targets:
#   routes   prints the table; it is computed again only when a file the
#            router reads changed (the tool's depfile is included below)

ifndef _mixless_routes_mk_included
_mixless_routes_mk_included := 1
# Our targets (and the depfile's) must not become the includer's default goal.
_mixless_routes_goal := $(.DEFAULT_GOAL)
include $(dir $(lastword $(MAKEFILE_LIST)))mixless-common.mk

PHX_ROUTER ?=
PHX_ROUTES_FORMAT ?= text
PHX_ROUTES_FLAGS ?=
MIXLESS_SCRATCH ?= .mixless
_mixless_routes_ext := $(if $(filter text,$(PHX_ROUTES_FORMAT)),txt,$(PHX_ROUTES_FORMAT))
PHX_ROUTES_OUT ?= $(MIXLESS_SCRATCH)/routes.$(_mixless_routes_ext)

# The depfile names the output by its absolute path, so the rule does too.
_mixless_routes_out := $(abspath $(PHX_ROUTES_OUT))
_mixless_routes_dep := $(abspath $(MIXLESS_SCRATCH))/routes.d
_mixless_routes_bin := $(call _mixless_tool,phx-routes)
_mixless_routes_tool_dep := $(if $(MIXLESS_BIN),$(wildcard $(MIXLESS_BIN)/phx-routes))

.PHONY: routes
routes: $(_mixless_routes_out)
	@cat $<

$(_mixless_routes_out): $(_mixless_routes_tool_dep)
	$(_mixless_q)$(_mixless_routes_bin) $(if $(PHX_ROUTER),--router $(PHX_ROUTER)) \
		--format $(PHX_ROUTES_FORMAT) -o $@ --depfile $(_mixless_routes_dep) $(PHX_ROUTES_FLAGS)

-include $(_mixless_routes_dep)

.DEFAULT_GOAL := $(_mixless_routes_goal)
endif
