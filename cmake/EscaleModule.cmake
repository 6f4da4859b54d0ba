# escale_module(<name> [DEPENDS <modules>...] [LIBS <libraries>...] [PRIVATE_LIBS <libraries>...]
#               SOURCES <files>...)
#
# One static library per core module, escale_<name>, linking the modules it DEPENDS on (public:
# their headers appear in its own) and third-party libraries: LIBS when its headers expose them,
# PRIVATE_LIBS otherwise (OpenSSL, SQLite, libssh, QuaZip, qtkeychain stay inside the module that
# uses them). escale_check_layering() then makes the build fail when a file includes a header of
# a module its own does not depend on (directly or through its dependencies).
function(escale_module name)
  cmake_parse_arguments(M "" "" "DEPENDS;LIBS;PRIVATE_LIBS;SOURCES" ${ARGN})
  if(NOT M_SOURCES)
    message(FATAL_ERROR "escale_module(${name}): SOURCES is required")
  endif()
  list(TRANSFORM M_DEPENDS PREPEND escale_ OUTPUT_VARIABLE deps)
  add_library(escale_${name} STATIC ${M_SOURCES})
  target_include_directories(escale_${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(escale_${name} PUBLIC ${deps} ${M_LIBS} PRIVATE ${M_PRIVATE_LIBS})
  set_property(GLOBAL APPEND PROPERTY ESCALE_MODULES ${name})
  set_property(GLOBAL PROPERTY ESCALE_MODULE_${name}_DEPENDS ${M_DEPENDS})
  set_property(GLOBAL PROPERTY ESCALE_MODULE_${name}_SOURCES ${M_SOURCES})
endfunction()

# Writes what each module may include (itself and every module it depends on, transitively) and
# which module each file belongs to, and adds the build step that checks every include against it
# (cmake/CheckLayering.cmake). Every module's build waits for the check.
function(escale_check_layering)
  get_property(modules GLOBAL PROPERTY ESCALE_MODULES)
  set(map "")
  set(all_sources "")
  foreach(m IN LISTS modules)
    # The transitive closure of the module's dependencies.
    set(closure ${m})
    set(todo ${m})
    while(todo)
      list(POP_FRONT todo current)
      get_property(deps GLOBAL PROPERTY ESCALE_MODULE_${current}_DEPENDS)
      foreach(d IN LISTS deps)
        if(NOT d IN_LIST modules)
          message(FATAL_ERROR "escale_module(${current}): unknown module '${d}' (declare it first)")
        endif()
        if(NOT d IN_LIST closure)
          list(APPEND closure ${d})
          list(APPEND todo ${d})
        endif()
      endforeach()
    endwhile()
    list(JOIN closure "," allowed)
    string(APPEND map "module ${m} ${allowed}\n")
    get_property(sources GLOBAL PROPERTY ESCALE_MODULE_${m}_SOURCES)
    foreach(s IN LISTS sources)
      string(APPEND map "file ${m} ${s}\n")
      list(APPEND all_sources ${CMAKE_CURRENT_SOURCE_DIR}/${s})
    endforeach()
  endforeach()
  set(map_file ${CMAKE_CURRENT_BINARY_DIR}/layering.map)
  file(WRITE ${map_file} "${map}")
  set(stamp ${CMAKE_CURRENT_BINARY_DIR}/layering.stamp)
  add_custom_command(
    OUTPUT ${stamp}
    COMMAND ${CMAKE_COMMAND} -DMAP=${map_file} -DSOURCE_DIR=${CMAKE_CURRENT_SOURCE_DIR} -DSTAMP=${stamp}
            -P ${PROJECT_SOURCE_DIR}/cmake/CheckLayering.cmake
    DEPENDS ${all_sources} ${map_file} ${PROJECT_SOURCE_DIR}/cmake/CheckLayering.cmake
    COMMENT "Checking that core modules include only what they depend on"
    VERBATIM)
  add_custom_target(escale_layering DEPENDS ${stamp})
  foreach(m IN LISTS modules)
    add_dependencies(escale_${m} escale_layering)
  endforeach()
endfunction()
