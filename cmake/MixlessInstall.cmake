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
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/MixlessConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/MixlessConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/Mixless.cmake DESTINATION ${MIXLESS_CMAKE_DIR})
install(FILES ${PROJECT_SOURCE_DIR}/make/mixless.mk DESTINATION ${CMAKE_INSTALL_DATADIR}/mixless/make)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/mixless/templates)
