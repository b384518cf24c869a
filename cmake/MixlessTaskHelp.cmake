# Run as a script by the help-tasks target (MixlessTask.cmake):
#   cmake -DMIXLESS=<mixless> -DTASKS=<tasks.tsv> -P MixlessTaskHelp.cmake
# `mixless help` with the tasks phx_add_task registered; SEARCH from the
# environment, as `make help SEARCH=...`.
set(args help)
if(EXISTS "${TASKS}")
  list(APPEND args --with "${TASKS}")
endif()
if(NOT "$ENV{SEARCH}" STREQUAL "")
  list(APPEND args --search "$ENV{SEARCH}")
endif()
execute_process(COMMAND "${MIXLESS}" ${args} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "mixless help failed (${rc})")
endif()
