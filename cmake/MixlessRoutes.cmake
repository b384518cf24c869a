#[=======================================================================[.rst:
MixlessRoutes
-------------

``mix phx.routes`` as a build target:

.. code-block:: cmake

  add_phx_routes(<target> [ROUTER <router.ex>] [OUTPUT <file>]
                 [FORMAT text|json|csv] [ALL] [OUT_VAR <var>])

Writes the routes table of the project in the current source directory (the
one holding ``mix.exs``) to ``OUTPUT`` (default
``${CMAKE_CURRENT_BINARY_DIR}/<target>.txt``, or ``.json``/``.csv`` after
``FORMAT``), exactly as ``mix phx.routes`` prints it for the text format.
``ROUTER`` is the router's source file (default: the project's
``<Web>.Router``, found as mix finds it); the endpoint's socket lines follow
as mix prints them. ``ALL`` adds the target to the default build; ``OUT_VAR``
names a variable set to the output's absolute path.

phx-routes writes a depfile naming every file it read (the router, the web
module, the endpoint, ``mix.exs`` and the config files, which
``Application.compile_env`` conditions read), so the table is written again
only when one of them changed. A router calling another library's route
macro fails the build (phx-routes exits 1 with the table incomplete).
#]=======================================================================]
include_guard(GLOBAL)

function(add_phx_routes target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "ALL" "ROUTER;OUTPUT;FORMAT;OUT_VAR" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "add_phx_routes: unexpected arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  foreach(kw ROUTER OUTPUT FORMAT OUT_VAR)
    if("${kw}" IN_LIST arg_KEYWORDS_MISSING_VALUES)
      message(FATAL_ERROR "add_phx_routes: ${kw} needs a value")
    endif()
  endforeach()
  if(NOT arg_FORMAT)
    set(arg_FORMAT text)
  endif()
  if(NOT arg_FORMAT MATCHES "^(text|json|csv)$")
    message(FATAL_ERROR "add_phx_routes: FORMAT must be text, json or csv, got: ${arg_FORMAT}")
  endif()
  if(arg_OUTPUT)
    get_filename_component(output "${arg_OUTPUT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  elseif(arg_FORMAT STREQUAL "text")
    set(output "${CMAKE_CURRENT_BINARY_DIR}/${target}.txt")
  else()
    set(output "${CMAKE_CURRENT_BINARY_DIR}/${target}.${arg_FORMAT}")
  endif()
  set(router)
  if(arg_ROUTER)
    get_filename_component(file "${arg_ROUTER}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    set(router --router "${file}")
  endif()

  _mixless_tool(tool phx-routes)
  _mixless_tool_depends(tool_deps phx-routes)
  set(depfile "${MIXLESS_SCRATCH_DIR}/${target}.d")

  # As in add_phx_digest: Makefile generators merge depfiles into what they
  # cached; dropping the cache makes the next build read the fresh one.
  set(forget_deps)
  if(CMAKE_GENERATOR MATCHES "Makefiles")
    set(forget_deps COMMAND "${CMAKE_COMMAND}" -E rm -f
      "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${target}.dir/compiler_depend.internal")
  endif()

  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${tool}" ${router} --format "${arg_FORMAT}" -o "${output}" --depfile "${depfile}"
    ${forget_deps}
    DEPFILE "${depfile}"
    DEPENDS ${tool_deps}
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    COMMENT "phx-routes: ${output}"
    VERBATIM)
  if(arg_ALL)
    add_custom_target(${target} ALL DEPENDS "${output}")
  else()
    add_custom_target(${target} DEPENDS "${output}")
  endif()
  set_property(TARGET ${target} PROPERTY PHX_ROUTES_OUTPUT "${output}")
  if(arg_OUT_VAR)
    set(${arg_OUT_VAR} "${output}" PARENT_SCOPE)
  endif()
endfunction()
