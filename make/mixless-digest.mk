# mixless-digest.mk: `make digest` and `make digest.clean`, included by
# mixless.mk (or on its own).
#
# Inputs (?=, set before the include or on the command line):
#   PHX_STATIC_DIR         digest input (default priv/static)
#   PHX_DIGEST_OUT         digest output (default: PHX_STATIC_DIR)
#   PHX_DIGEST_FLAGS       more phx-digest switches (--no-vsn, --brotli, --jobs 4...)
#   PHX_DIGEST_CLEAN_FLAGS more `phx-digest clean` switches (--age 600 --keep 3)
#   MIXLESS_SCRATCH        where the stamp, depfile and cache go (default .mixless)
#   MIXLESS_BIN            directory of the tools (default: found on PATH)
#
# Targets:
#   digest             mix phx.digest; reruns only when an input, a directory
#                      of the input or the project config changed (the tool's
#                      depfile is included below)
#   digest.clean       mix phx.digest.clean (old versions, by --age OR --keep)
#   digest.clean-all   mix phx.digest.clean --all

ifndef _mixless_digest_mk_included
_mixless_digest_mk_included := 1
# Our targets (and the depfile's) must not become the includer's default goal.
_mixless_digest_goal := $(.DEFAULT_GOAL)
include $(dir $(lastword $(MAKEFILE_LIST)))mixless-common.mk

PHX_STATIC_DIR ?= priv/static
PHX_DIGEST_OUT ?= $(PHX_STATIC_DIR)
PHX_DIGEST_FLAGS ?=
PHX_DIGEST_CLEAN_FLAGS ?=
MIXLESS_SCRATCH ?= .mixless

# The depfile names the stamp by its absolute path, so the rule does too.
_mixless_digest_stamp := $(abspath $(MIXLESS_SCRATCH))/phx.digest.stamp
_mixless_digest_dep := $(abspath $(MIXLESS_SCRATCH))/phx.digest.d
_mixless_digest_bin := $(call _mixless_tool,phx-digest)
# Rebuilt tools mean a rerun (only when we know where the tool is).
_mixless_digest_tool_dep := $(if $(MIXLESS_BIN),$(wildcard $(MIXLESS_BIN)/phx-digest))

.PHONY: digest digest.clean digest.clean-all
digest: $(_mixless_digest_stamp)

$(_mixless_digest_stamp): $(_mixless_digest_tool_dep)
	@mkdir -p $(@D)
	$(_mixless_q)$(_mixless_digest_bin) $(PHX_STATIC_DIR) -o $(PHX_DIGEST_OUT) \
		--cache-dir $(abspath $(MIXLESS_SCRATCH)) --no-progress \
		--depfile $(_mixless_digest_dep) --depfile-target $@ $(PHX_DIGEST_FLAGS)
	@touch $@

digest.clean:
	$(_mixless_q)$(_mixless_digest_bin) clean -o $(PHX_DIGEST_OUT) $(PHX_DIGEST_CLEAN_FLAGS)
	@rm -f $(_mixless_digest_stamp)

digest.clean-all:
	$(_mixless_q)$(_mixless_digest_bin) clean -o $(PHX_DIGEST_OUT) --all $(PHX_DIGEST_CLEAN_FLAGS)
	@rm -f $(_mixless_digest_stamp)

-include $(_mixless_digest_dep)

.DEFAULT_GOAL := $(_mixless_digest_goal)
endif
