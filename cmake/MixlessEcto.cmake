#[=======================================================================[.rst:
MixlessEcto
-----------

``add_ecto_repo`` turns Ecto's mix tasks for one repo into build targets,
run by ``ecto-migrate`` with mix's semantics::

  add_ecto_repo(<Repo>
                [MIGRATIONS <dir>...]      # --migrations-path (default: the repo's priv)
                [URL <url>]                # --url (default: DATABASE_URL, then config)
                [WORKING_DIRECTORY <dir>]  # the Phoenix project (default: this source dir)
                [PREFIX <schema>]          # --prefix for migrate/rollback/migrations
                [LOCK table|advisory]      # --lock
                [SEEDS <file.sql>])        # --seeds for setup/reset

Targets (the first repo gets the plain names; a later repo's targets end in
``.<repo>``, e.g. ``ecto.migrate.other_repo``)::

  ecto.create  ecto.drop  ecto.migrate (and migrate)  ecto.rollback (one step)
  ecto.migrations  ecto.reset  ecto.setup  ecto.dump  ecto.load

A database is not a file, so these are always-run targets, like ``mix``'s
tasks; each is idempotent where the task is (``migrate`` with nothing
pending logs "Migrations already up" and changes nothing). Prefer a URL
from the environment (DATABASE_URL) to ``URL``: a URL given here is stored
in the build files.
#]=======================================================================]
include_guard(GLOBAL)

function(add_ecto_repo repo)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "URL;WORKING_DIRECTORY;PREFIX;LOCK;SEEDS" "MIGRATIONS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "add_ecto_repo: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT repo MATCHES "^[A-Z][A-Za-z0-9_]*(\\.[A-Z][A-Za-z0-9_]*)*$")
    message(FATAL_ERROR "add_ecto_repo: '${repo}' is not a module name (e.g. MyApp.Repo)")
  endif()
  if(arg_LOCK AND NOT arg_LOCK MATCHES "^(table|advisory)$")
    message(FATAL_ERROR "add_ecto_repo: LOCK must be table or advisory, got '${arg_LOCK}'")
  endif()
  if(NOT arg_WORKING_DIRECTORY)
    set(arg_WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}")
  endif()
  get_filename_component(workdir "${arg_WORKING_DIRECTORY}" ABSOLUTE)

  _mixless_tool(tool ecto-migrate)
  _mixless_tool_depends(tool_dep ecto-migrate)

  # Target names: plain for the first repo, suffixed for later ones.
  get_property(first GLOBAL PROPERTY _mixless_ecto_first_repo)
  if(NOT first)
    set_property(GLOBAL PROPERTY _mixless_ecto_first_repo "${repo}")
    set(suffix "")
  else()
    string(REGEX REPLACE "^.*\\." "" last "${repo}")
    string(REGEX REPLACE "([a-z0-9])([A-Z])" "\\1_\\2" last "${last}")
    string(TOLOWER "${last}" last)
    set(suffix ".${last}")
  endif()

  set(common -r ${repo} -C ${workdir})
  if(arg_URL)
    list(APPEND common --url ${arg_URL})
  endif()
  set(paths "")
  foreach(dir IN LISTS arg_MIGRATIONS)
    get_filename_component(dir "${dir}" ABSOLUTE BASE_DIR "${workdir}")
    list(APPEND paths --migrations-path ${dir})
  endforeach()
  set(prefix "")
  if(arg_PREFIX)
    set(prefix --prefix ${arg_PREFIX})
  endif()
  set(lock "")
  if(arg_LOCK)
    set(lock --lock ${arg_LOCK})
  endif()
  set(seeds "")
  if(arg_SEEDS)
    get_filename_component(s "${arg_SEEDS}" ABSOLUTE BASE_DIR "${workdir}")
    set(seeds --seeds ${s})
  endif()

  _mixless_ecto_target(ecto.create${suffix} "mix ecto.create (${repo})" ${tool} create ${common})
  _mixless_ecto_target(ecto.drop${suffix} "mix ecto.drop (${repo})" ${tool} drop ${common})
  _mixless_ecto_target(ecto.migrate${suffix} "mix ecto.migrate (${repo})"
    ${tool} migrate ${common} ${paths} ${prefix} ${lock})
  _mixless_ecto_target(ecto.rollback${suffix} "mix ecto.rollback (${repo})"
    ${tool} rollback ${common} ${paths} ${prefix} ${lock})
  _mixless_ecto_target(ecto.migrations${suffix} "mix ecto.migrations (${repo})"
    ${tool} migrations ${common} ${paths} ${prefix})
  _mixless_ecto_target(ecto.setup${suffix} "mix ecto.setup (${repo})"
    ${tool} setup ${common} ${paths} ${lock} ${seeds})
  _mixless_ecto_target(ecto.reset${suffix} "mix ecto.reset (${repo})"
    ${tool} reset ${common} ${paths} ${lock} ${seeds})
  _mixless_ecto_target(ecto.dump${suffix} "mix ecto.dump (${repo})" ${tool} dump ${common})
  _mixless_ecto_target(ecto.load${suffix} "mix ecto.load (${repo})" ${tool} load ${common})
  if(NOT suffix AND NOT TARGET migrate)
    add_custom_target(migrate DEPENDS ecto.migrate)
  endif()
  foreach(t create drop migrate rollback migrations setup reset dump load)
    if(tool_dep)
      add_dependencies(ecto.${t}${suffix} ${tool_dep})
    endif()
  endforeach()
endfunction()

# _mixless_ecto_target(<name> <comment> <command>...): an always-run target
# with the terminal (drop and load may ask a question).
function(_mixless_ecto_target name comment)
  add_custom_target(${name}
    COMMAND ${ARGN}
    COMMENT "${comment}"
    USES_TERMINAL
    VERBATIM)
endfunction()
