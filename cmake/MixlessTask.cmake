#[=======================================================================[.rst:
MixlessTask
-----------

A project's own task as a build target that ``mixless help`` lists, the
CMake door to the guide's "Creating our own Mix task":

.. code-block:: cmake

  phx_add_task(<task.name> SHORTDOC <text> [COMMAND <command> [<arg>...]]
               [WORKING_DIRECTORY <dir>] [DEPENDS <target-or-file>...] [ALL])

creates the target ``<task.name>`` (``cmake --build build --target
hello.greeting``), running ``COMMAND`` in ``WORKING_DIRECTORY`` (default: the
current source directory, where mix.exs is) with the terminal, and
registers ``<task.name>`` and ``SHORTDOC`` for help. Without ``COMMAND`` it
runs ``mixless <task.name>``: the project's own task of the same name
(``tasks/<task.name>``, as ``phx-gen task`` makes it), with the project's
config in its environment.

The target ``help-tasks`` prints ``mixless help`` with the registered tasks
beside the built-in ones, the project's mix.exs aliases and its tasks/
folder, sorted and aligned as ``mix help`` prints them; ``SEARCH`` in the
environment filters them as ``mixless help --search``:

.. code-block:: sh

  SEARCH=hello cmake --build build --target help-tasks

The aliases of mix.exs and ``phx.server`` as targets:

.. code-block:: cmake

  add_mix_aliases([<alias>...] [EXCLUDE <alias>...])
  add_phx_server([OPEN] [IEX])

``add_mix_aliases`` makes a target per alias (``setup``, ``assets.deploy``),
running ``mixless <alias>``: the steps mixless does, the rest through mix
when Elixir is installed, else named as skipped. Without names it makes one
for every alias ``mixless help --aliases`` lists at configure time (so
mixless must be installed then); a name that is already a target
(``ecto.setup`` of ``add_ecto_repo``) is left to that target.

``add_phx_server`` makes the target ``phx.server``: ``mixless phx.server``
(``--open`` with OPEN, ``--iex`` with IEX), which hands over to
``mix phx.server`` when Elixir is installed and says what is missing when not.
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
    _mixless_tool(mixless mixless)
    set(arg_COMMAND ${mixless} ${name})
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

function(add_mix_aliases)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "" "EXCLUDE")
  _mixless_tool(mixless mixless)
  set(names ${arg_UNPARSED_ARGUMENTS})
  if(NOT names)
    if(TARGET Mixless::mixless)
      get_target_property(imported Mixless::mixless IMPORTED)
      if(imported)
        get_target_property(exe Mixless::mixless LOCATION)
      else()
        message(FATAL_ERROR "add_mix_aliases: mixless is built by this project, so it cannot read the aliases at configure time: name them (add_mix_aliases(setup ...))")
      endif()
    else()
      set(exe "${mixless}")
    endif()
    # one name a line: nothing of a shortdoc can pass for a name
    execute_process(COMMAND "${exe}" help --aliases --names
      WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
      OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "add_mix_aliases: mixless help --aliases --names failed (${rc}): ${err}")
    endif()
    string(REGEX MATCHALL "[^\n]+" names "${out}")
  endif()
  _mixless_tool_depends(dep mixless)
  foreach(name IN LISTS names)
    if(name IN_LIST arg_EXCLUDE OR TARGET ${name})
      continue()
    endif()
    add_custom_target(${name}
      COMMAND ${mixless} ${name}
      WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
      COMMENT "mix.exs alias ${name}"
      USES_TERMINAL VERBATIM)
    if(dep)
      add_dependencies(${name} ${dep})
    endif()
  endforeach()
endfunction()

function(add_phx_server)
  cmake_parse_arguments(PARSE_ARGV 0 arg "OPEN;IEX" "" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "add_phx_server: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  _mixless_tool(mixless mixless)
  _mixless_tool_depends(dep mixless)
  set(switches "")
  if(arg_OPEN)
    list(APPEND switches --open)
  endif()
  if(arg_IEX)
    list(APPEND switches --iex)
  endif()
  add_custom_target(phx.server
    COMMAND ${mixless} phx.server ${switches}
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    USES_TERMINAL VERBATIM)
  if(dep)
    add_dependencies(phx.server ${dep})
  endif()
endfunction()

set(_MIXLESS_TASK_DIR "${CMAKE_CURRENT_LIST_DIR}")
# Without any phx_add_task, help-tasks is mixless help all the same.
_mixless_help_tasks()
