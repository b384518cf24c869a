# Internal: how mixless builds one of its binaries. Not part of the public
# CMake interface (that is Mixless.cmake).
include_guard(GLOBAL)

# _mixless_add_tool(<name> [LIBS <lib>...])
#
# tools/<name>/main.c becomes the executable <name> (in <build>/bin, with the
# alias Mixless::<name>); every other .c file in the folder goes into the
# static library <name>_lib (dashes as underscores), which the unit tests in
# tests/unit/<name>/ link too. Its man page is made from its command entries.
function(_mixless_add_tool name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "LIBS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "_mixless_add_tool: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  string(REPLACE "-" "_" lib "${name}_lib")
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.c)
  list(REMOVE_ITEM srcs ${CMAKE_CURRENT_SOURCE_DIR}/main.c)
  if(srcs)
    add_library(${lib} STATIC ${srcs})
    target_include_directories(${lib} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
    target_link_libraries(${lib} PUBLIC mixless::lib ${arg_LIBS})
  else()
    add_library(${lib} INTERFACE)
    target_include_directories(${lib} INTERFACE ${CMAKE_CURRENT_SOURCE_DIR})
    target_link_libraries(${lib} INTERFACE mixless::lib ${arg_LIBS})
  endif()
  add_executable(${name} main.c)
  target_link_libraries(${name} PRIVATE ${lib})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
  add_executable(Mixless::${name} ALIAS ${name})
  install(TARGETS ${name} EXPORT MixlessTargets RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

  # Its man page, from its command entries (see MixlessMan.cmake).
  set(man ${CMAKE_BINARY_DIR}/man/${name}.1)
  add_custom_command(OUTPUT ${man}
    COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:${name}> -DOUT=${man}
      -P ${PROJECT_SOURCE_DIR}/cmake/MixlessMan.cmake
    DEPENDS ${name} ${PROJECT_SOURCE_DIR}/cmake/MixlessMan.cmake VERBATIM)
  add_custom_target(${name}-man ALL DEPENDS ${man})
  install(FILES ${man} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endfunction()
