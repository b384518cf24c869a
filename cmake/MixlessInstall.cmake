# Installs the binaries (see _mixless_add_tool), the CMake package
# (find_package(Mixless)), the Make include and the templates.
include_guard(GLOBAL)
include(CMakePackageConfigHelpers)

set(MIXLESS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/Mixless)
install(EXPORT MixlessTargets NAMESPACE Mixless:: DESTINATION ${MIXLESS_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/MixlessConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/MixlessConfig.cmake INSTALL_DESTINATION ${MIXLESS_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/MixlessConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
# The public modules: Mixless.cmake and the per-task Mixless<Task>.cmake it
# includes (the build's own MixlessTool/MixlessInstall stay behind).
file(GLOB _mixless_modules CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/cmake/Mixless*.cmake)
list(FILTER _mixless_modules EXCLUDE REGEX "/Mixless(Tool|Install)\\.cmake$")
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/MixlessConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/MixlessConfigVersion.cmake
  ${_mixless_modules} DESTINATION ${MIXLESS_CMAKE_DIR})
file(GLOB _mixless_makefiles CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/make/*.mk)
install(FILES ${_mixless_makefiles} DESTINATION ${CMAKE_INSTALL_DATADIR}/mixless/make)
# phx-gen's templates (none yet: git keeps no empty folder).
if(EXISTS ${PROJECT_SOURCE_DIR}/templates)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/mixless/templates)
endif()

# Bash completion, one file per command (bash-completion loads a command's
# completion from the file of its name); each file completes all five.
foreach(_mixless_cmd mixless phx-gen phx-digest ecto-migrate phx-routes)
  install(FILES ${PROJECT_SOURCE_DIR}/tools/mixless/completion.bash
    DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME ${_mixless_cmd})
endforeach()

# Packages: `cpack` (or `cmake --build build --target package`) makes a .deb
# and a .tar.gz of the install. The .deb names the Debian 12 libraries the
# binaries link, so `dpkg -i` (apt install ./mixless_*.deb) pulls them in.
set(CPACK_PACKAGE_NAME mixless)
set(CPACK_PACKAGE_VENDOR "mixless")
set(CPACK_PACKAGE_CONTACT "mixless maintainers <mixless@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libc6 (>= 2.34), libpq5, zlib1g, libssl3, libbrotli1, libzstd1")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "elixir, postgresql-client")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "mixless runs the everyday Phoenix 1.7 and ecto_sql 3.x mix tasks (phx.digest,\necto.migrate, phx.routes, phx.gen.*) without Elixir, with CMake functions\nand a Make include that make each task a build target.")
set(CPACK_ARCHIVE_FILE_NAME "mixless-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}")
include(CPack)
