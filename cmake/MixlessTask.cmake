#[=======================================================================[.rst:
MixlessTask
-----------

A project's own task as a build target that ``mixless help`` lists, the
CMake door to the guide's "Creating our own Mix task":

.. code-block:: cmake

  phx_add_task(<task.name> SHORTDOC <text> COMMAND <command> [<arg>...]
               [WORKING_DIRECTORY <dir>] [DEPENDS <target-or-file>...] [ALL])

creates the target ``<task.name>`` (``cmake --build build --target
hello.greeting``), running ``COMMAND`` in ``WORKING_DIRECTORY`` (default: the
current source directory, where mix.exs is) with the terminal, and
registers ``<task.name>`` and ``SHORTDOC`` for help.

The target ``help-tasks`` prints ``mixless help`` with the registered tasks
beside the built-in ones, the project's mix.exs aliases and its tasks/
folder, sorted and aligned as ``mix help`` prints them; ``SEARCH`` in the
environment filters them as ``mixless help --search``:

.. code-block:: sh

  SEARCH=hello cmake --build build --target help-tasks
#]=======================================================================]
include_guard(GLOBAL)

function(phx_add_task name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "ALL" "SHORTDOC;WORKING_DIRECTORY" "COMMAND;DEPENDS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "phx_add_task: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT name MATCHES "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$")
    message(FATAL_ERROR "phx_add_task: '${name}' is no task name (lowercase words joined by dots, as hello.greeting)")
  endif()
  if(NOT arg_SHORTDOC)
    message(FATAL_ERROR "phx_add_task(${name}): SHORTDOC <text> is required (what mixless help shows)")
  endif()
  if(NOT arg_COMMAND)
    message(FATAL_ERROR "phx_add_task(${name}): COMMAND <command> is required")
  endif()
  if(arg_SHORTDOC MATCHES "[\t\n]")
    message(FATAL_ERROR "phx_add_task(${name}): SHORTDOC must be one line")
  endif()
  if(NOT arg_WORKING_DIRECTORY)
    set(arg_WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}")
  endif()
  set(all "")
  if(arg_ALL)
    set(all ALL)
  endif()
  add_custom_target(${name} ${all}
    COMMAND ${arg_COMMAND}
    WORKING_DIRECTORY "${arg_WORKING_DIRECTORY}"
    COMMENT "mixless task ${name}"
    USES_TERMINAL VERBATIM)
  if(arg_DEPENDS)
    add_dependencies(${name} ${arg_DEPENDS})
  endif()
  set_property(GLOBAL APPEND PROPERTY MIXLESS_REGISTERED_TASKS "${name}\t${arg_SHORTDOC}")
  _mixless_help_tasks()
endfunction()

# The help-tasks target, once; the file of registered tasks it reads is
# written when the top directory is done, when every call is known.
function(_mixless_help_tasks)
  if(TARGET help-tasks)
    return()
  endif()
  # Made at include time, so a missing mixless must not stop a project that
  # uses only other tools: then it is looked up on PATH when run.
  if(TARGET Mixless::mixless)
    set(mixless "$<TARGET_FILE:Mixless::mixless>")
  else()
    find_program(_mixless_mixless_exe mixless)
    set(mixless "${_mixless_mixless_exe}")
    if(NOT mixless)
      set(mixless mixless)
    endif()
  endif()
  _mixless_tool_depends(dep mixless)
  set(list "${MIXLESS_SCRATCH_DIR}/tasks.tsv")
  add_custom_target(help-tasks
    COMMAND ${CMAKE_COMMAND} -DMIXLESS=${mixless} -DTASKS=${list}
      -P "${_MIXLESS_TASK_DIR}/MixlessTaskHelp.cmake"
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    USES_TERMINAL VERBATIM)
  if(dep)
    add_dependencies(help-tasks ${dep})
  endif()
  # A deferred call expands its arguments when it runs: bake the path in.
  cmake_language(EVAL CODE
    "cmake_language(DEFER DIRECTORY [[${CMAKE_SOURCE_DIR}]] CALL _mixless_write_tasks [[${list}]])")
endfunction()

function(_mixless_write_tasks list)
  get_property(rows GLOBAL PROPERTY MIXLESS_REGISTERED_TASKS)
  list(JOIN rows "\n" text)
  file(CONFIGURE OUTPUT "${list}" CONTENT "${text}\n" @ONLY)
endfunction()

set(_MIXLESS_TASK_DIR "${CMAKE_CURRENT_LIST_DIR}")
# Without any phx_add_task, help-tasks is mixless help all the same.
_mixless_help_tasks()
