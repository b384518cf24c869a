#[=======================================================================[.rst:
MixlessDigest
-------------

``mix phx.digest`` and ``mix phx.digest.clean`` as build targets.

.. code-block:: cmake

  add_phx_digest(<input>)
  add_phx_digest(<target> <input> [OUTPUT <dir>] [GZIP_EXTS <ext>...]
                 [NO_VSN] [BROTLI] [ZSTD] [ALL] [JOBS <n>]
                 [CLEAN_AGE <seconds>] [CLEAN_KEEP <n>] [OUT_VAR <var>])

The short form creates the target ``phx.digest``; the long form names it.
Each also gets ``<target>.clean`` (``phx-digest clean``: old versions by
Phoenix's age/keep rule) and ``<target>.clean-all`` (``clean --all``).

``<input>`` and ``OUTPUT`` (default: the input) are relative to the current
source directory. ``GZIP_EXTS`` replaces the project's ``:gzippable_exts``
(which is read from ``config/*.exs`` otherwise). ``ALL`` adds the target to
the default build.

The digest runs only when an input changed: phx-digest writes a depfile
naming every input file and every directory it walked (so an added or
removed file counts), plus the project's config files. A stamp in the
scratch directory is the output, touched after a successful run; the
incremental cache lives in that scratch directory too. The run is quiet and
shows no progress line, even when the build runs on a terminal: its output
would mix with the build tool's own.

The manifest, ``<output>/cache_manifest.json``, is a ``BYPRODUCTS`` of that
command, so a downstream target (a release tarball, a Docker context) can
depend on it, as on the files ``protobuf_generate`` returns. ``OUT_VAR``
names a variable set to its absolute path; the ``PHX_DIGEST_MANIFEST``
property of ``<target>`` holds it too. Depend on the target as well, so that
every generator builds the digest first:

.. code-block:: cmake

  add_phx_digest(assets priv/static OUTPUT ${CMAKE_BINARY_DIR}/static OUT_VAR manifest)
  add_custom_command(OUTPUT release.tar.gz
    COMMAND tar czf release.tar.gz -C ${CMAKE_BINARY_DIR} static
    DEPENDS assets ${manifest})

Like any generated file, the manifest goes with the build's ``clean``
target; the next build writes it again.
#]=======================================================================]
include_guard(GLOBAL)

function(add_phx_digest)
  cmake_parse_arguments(PARSE_ARGV 0 arg "NO_VSN;BROTLI;ZSTD;ALL"
    "OUTPUT;JOBS;CLEAN_AGE;CLEAN_KEEP;OUT_VAR" "GZIP_EXTS")
  list(LENGTH arg_UNPARSED_ARGUMENTS npos)
  if(npos EQUAL 1)
    set(target phx.digest)
    set(input "${arg_UNPARSED_ARGUMENTS}")
  elseif(npos EQUAL 2)
    list(GET arg_UNPARSED_ARGUMENTS 0 target)
    list(GET arg_UNPARSED_ARGUMENTS 1 input)
  else()
    message(FATAL_ERROR "add_phx_digest: expected [<target>] <input>, got: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if("GZIP_EXTS" IN_LIST arg_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "add_phx_digest: GZIP_EXTS needs at least one extension")
  endif()
  if("OUT_VAR" IN_LIST arg_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "add_phx_digest: OUT_VAR needs a variable name")
  endif()

  get_filename_component(input "${input}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(arg_OUTPUT)
    get_filename_component(output "${arg_OUTPUT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  else()
    set(output "${input}")
  endif()

  _mixless_tool(tool phx-digest)
  _mixless_tool_depends(tool_deps phx-digest)
  set(scratch "${MIXLESS_SCRATCH_DIR}")
  set(stamp "${scratch}/${target}.stamp")
  set(depfile "${scratch}/${target}.d")
  set(manifest "${output}/cache_manifest.json")

  set(flags)
  if(arg_NO_VSN)
    list(APPEND flags --no-vsn)
  endif()
  foreach(ext IN LISTS arg_GZIP_EXTS)
    list(APPEND flags --gzip-ext "${ext}")
  endforeach()
  set(zflags)
  if(arg_BROTLI)
    list(APPEND zflags --brotli)
  endif()
  if(arg_ZSTD)
    list(APPEND zflags --zstd)
  endif()
  if(arg_JOBS)
    list(APPEND flags --jobs "${arg_JOBS}")
  endif()
  set(clean_flags)
  if(DEFINED arg_CLEAN_AGE)
    list(APPEND clean_flags --age "${arg_CLEAN_AGE}")
  endif()
  if(DEFINED arg_CLEAN_KEEP)
    list(APPEND clean_flags --keep "${arg_CLEAN_KEEP}")
  endif()

  # Makefile generators (CMake 3.20-3.25 at least) merge a custom command's
  # depfile into the dependencies they cached instead of replacing them, so
  # an input that was removed would stay a (missing, hence always newer)
  # dependency and rerun the digest on every build. Dropping the cache after
  # each run makes the next build read the fresh depfile whole.
  set(forget_deps)
  if(CMAKE_GENERATOR MATCHES "Makefiles")
    set(forget_deps COMMAND "${CMAKE_COMMAND}" -E rm -f
      "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${target}.dir/compiler_depend.internal")
  endif()

  add_custom_command(
    OUTPUT "${stamp}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${scratch}"
    COMMAND "${tool}" "${input}" -o "${output}" ${flags} ${zflags} --quiet --no-progress
            --cache-dir "${scratch}" --depfile "${depfile}" --depfile-target "${stamp}"
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    ${forget_deps}
    BYPRODUCTS "${manifest}"
    DEPFILE "${depfile}"
    DEPENDS ${tool_deps}
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    COMMENT "phx-digest: ${input}"
    VERBATIM)
  if(arg_ALL)
    add_custom_target(${target} ALL DEPENDS "${stamp}")
  else()
    add_custom_target(${target} DEPENDS "${stamp}")
  endif()
  set_property(TARGET ${target} PROPERTY PHX_DIGEST_MANIFEST "${manifest}")
  if(arg_OUT_VAR)
    set(${arg_OUT_VAR} "${manifest}" PARENT_SCOPE)
  endif()

  # The clean targets always run; they also drop the stamp so the next
  # build digests again.
  add_custom_target(${target}.clean
    COMMAND "${tool}" clean -o "${output}" ${clean_flags} ${zflags}
    COMMAND "${CMAKE_COMMAND}" -E rm -f "${stamp}"
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    DEPENDS ${tool_deps}
    VERBATIM)
  add_custom_target(${target}.clean-all
    COMMAND "${tool}" clean -o "${output}" --all ${zflags}
    COMMAND "${CMAKE_COMMAND}" -E rm -f "${stamp}"
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    DEPENDS ${tool_deps}
    VERBATIM)
endfunction()
