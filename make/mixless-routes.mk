# mixless-routes.mk: `make routes` (mix phx.routes), included by mixless.mk
# (or on its own).
#
# Not available in this version of mixless: phx-routes does not compute the
# routes table yet. The target is here so that a Makefile using it stops
# with that reason rather than "No rule to make target 'routes'".
#
# Targets: routes

ifndef _mixless_routes_mk_included
_mixless_routes_mk_included := 1
# Our targets must not become the includer's default goal.
_mixless_routes_goal := $(.DEFAULT_GOAL)
include $(dir $(lastword $(MAKEFILE_LIST)))mixless-common.mk

.PHONY: routes
routes:
	$(error make routes is not available in this version of mixless (phx-routes does not compute the routes table yet))

.DEFAULT_GOAL := $(_mixless_routes_goal)
endif
