# mixless-common.mk: what every part of mixless's Make include shares. Each
# part includes it, so mixless.mk and any part included on its own
# (mixless-digest.mk, mixless-ecto.mk, ...) work alike.
#
# Inputs (set before the include, or on the command line):
#   MIXLESS_BIN   directory of the mixless tools (default: found on PATH)
#   V=1           show the commands
#
# Defines no target: including it never changes the includer's default goal.

ifndef _mixless_common_mk_included
_mixless_common_mk_included := 1

MIXLESS_BIN ?=

# $(call _mixless_tool,<tool>): the command that runs a tool.
_mixless_tool = $(if $(MIXLESS_BIN),$(MIXLESS_BIN)/$(1),$(1))

# Recipe prefix: quiet unless V=1.
_mixless_q := $(if $(filter 1,$(V)),,@)

# A half-written output must never look up to date.
.DELETE_ON_ERROR:

endif
