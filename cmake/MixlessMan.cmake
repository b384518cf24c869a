# Internal: a man page per tool, made at build time from the tool's own
# --help (and each subcommand's --help), so the option tables stay the one
# source of the documentation. Run as a script:
#   cmake -DTOOL=<exe> -DNAME=<name> -DSUMMARY=<text> -DSUBCOMMANDS=<a;b> -DOUT=<file.1> -P MixlessMan.cmake

function(_mixless_roff_escape var text)
  string(REPLACE "\\" "\\e" text "${text}")
  # A line starting with '.' or "'" would be read as a request.
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${var} "${text}" PARENT_SCOPE)
endfunction()

execute_process(COMMAND ${TOOL} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${TOOL} --help failed")
endif()
_mixless_roff_escape(help "${help}")
string(TOUPPER "${NAME}" upper)
set(page ".TH ${upper} 1 \"\" \"mixless ${VERSION}\" \"mixless manual\"\n")
string(APPEND page ".SH NAME\n${NAME} \\- ${SUMMARY}\n")
string(APPEND page ".SH DESCRIPTION\n.nf\n${help}.fi\n")
foreach(sub IN LISTS SUBCOMMANDS)
  execute_process(COMMAND ${TOOL} ${sub} --help OUTPUT_VARIABLE subhelp RESULT_VARIABLE rc)
  if(rc EQUAL 0)
    _mixless_roff_escape(subhelp "${subhelp}")
    string(APPEND page ".SH ${NAME} ${sub}\n.nf\n${subhelp}.fi\n")
  endif()
endforeach()
string(APPEND page ".SH SEE ALSO\nmixless(1), phx-digest(1), ecto-migrate(1), phx-routes(1), phx-gen(1)\n")
file(WRITE "${OUT}" "${page}")
