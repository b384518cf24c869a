#[=======================================================================[.rst:
Mixless
-------

Phoenix and Ecto mix tasks as ordinary CMake targets. Use it after
``find_package(Mixless)`` or, in a tree that builds mixless itself, after
``add_subdirectory(path/to/mixless)`` (the tools are then the in-tree
``Mixless::<tool>`` targets, built before they are used).

Functions (each documented in its own module):

``add_phx_digest(...)``   mix phx.digest / phx.digest.clean   (MixlessDigest.cmake)
``add_ecto_repo(...)``    mix ecto.create / migrate / ...      (MixlessEcto.cmake)
``add_phx_routes(...)``   mix phx.routes                       (MixlessRoutes.cmake)
``phx_add_task(...)``     a custom task that ``mixless help`` lists (MixlessTask.cmake)
``add_mix_aliases(...)``  the aliases of mix.exs as targets       (MixlessTask.cmake)
``add_phx_server(...)``   mix phx.server, through mixless        (MixlessTask.cmake)

Every wrapper is an ``add_custom_command`` whose tool writes a depfile listing
each input it read and each directory it walked, so a target reruns only when
an input changed and a no-op build does nothing.

A documented function that this version does not provide yet
(``add_phx_routes``) exists all the same and stops the
configure step with "not available in this version of mixless" and the
reason, never "Unknown CMake command".
#]=======================================================================]
include_guard(GLOBAL)

# Where the scratch files (depfiles, stamps) of every target go.
set(MIXLESS_SCRATCH_DIR "${CMAKE_BINARY_DIR}/.mixless" CACHE INTERNAL "")

# _mixless_tool(<var> <tool>): the command to run a tool, the in-tree or
# imported target Mixless::<tool>, else the program on PATH.
function(_mixless_tool var tool)
  if(TARGET Mixless::${tool})
    set(${var} "$<TARGET_FILE:Mixless::${tool}>" PARENT_SCOPE)
  else()
    find_program(_mixless_${tool}_exe ${tool} REQUIRED)
    set(${var} "${_mixless_${tool}_exe}" PARENT_SCOPE)
  endif()
endfunction()

# _mixless_tool_depends(<var> <tool>): what a custom command must DEPEND on so
# it reruns when the tool itself is rebuilt.
function(_mixless_tool_depends var tool)
  if(TARGET Mixless::${tool})
    set(${var} Mixless::${tool} PARENT_SCOPE)
  else()
    set(${var} "" PARENT_SCOPE)
  endif()
endfunction()

# _mixless_not_available(<function> <reason>): what a documented function
# that this version does not provide yet does when it is called.
function(_mixless_not_available fn reason)
  message(FATAL_ERROR "${fn}: not available in this version of mixless (${reason})")
endfunction()

# Every module is required: a missing one is an error, never a function that
# is silently absent.
foreach(_mixless_module Digest Ecto Routes Task)
  include("${CMAKE_CURRENT_LIST_DIR}/Mixless${_mixless_module}.cmake")
endforeach()
