# Internal: a tool's man page, made at build time by the tool itself from its
# command entries (the hidden --man: synopsis, each command's usage, full
# documentation and options), so the entries stay the one source of the
# documentation. Run as a script:
#   cmake -DTOOL=<exe> -DOUT=<file.1> -P MixlessMan.cmake

execute_process(COMMAND ${TOOL} --man OUTPUT_VARIABLE page RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR page STREQUAL "")
  message(FATAL_ERROR "MixlessMan.cmake: ${TOOL} --man failed (${rc})")
endif()
file(WRITE "${OUT}" "${page}")
