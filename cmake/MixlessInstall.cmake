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
