# escale_add_test(<class name> LABEL unit|integration|gui [SOURCES ...] [LIBS ...] [TIMEOUT s]
#                 [ENVIRONMENT ...] [WRAPPER command...])
#
# One Qt Test executable per class: tests/<dir>/tst_<name>.cpp becomes the executable
# tst_<name>, registered with ctest under the same name and the given label.
# GUI tests run on the offscreen platform so they need no display. WRAPPER runs the executable
# through a command (the keychain tests: a private D-Bus session with an unlocked keyring).
function(escale_add_test name)
  cmake_parse_arguments(T "" "LABEL;TIMEOUT" "SOURCES;LIBS;ENVIRONMENT;WRAPPER" ${ARGN})
  if(NOT T_LABEL)
    message(FATAL_ERROR "escale_add_test(${name}): LABEL is required")
  endif()
  if(NOT T_SOURCES)
    set(T_SOURCES tst_${name}.cpp)
  endif()
  add_executable(tst_${name} ${T_SOURCES})
  target_link_libraries(tst_${name} PRIVATE Qt6::Test escale_core escale_test_support ${T_LIBS})
  # Test tables are easier to read with string literals; production code keeps the strict casts.
  target_compile_options(tst_${name} PRIVATE -UQT_NO_CAST_FROM_ASCII -UQT_NO_CAST_TO_ASCII)
  target_compile_definitions(tst_${name} PRIVATE
    ESCALE_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
    ESCALE_TEST_SOURCE_DIR="${PROJECT_SOURCE_DIR}/tests"
    ESCALE_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${name} COMMAND ${T_WRAPPER} $<TARGET_FILE:tst_${name}>)
  set(env "QT_QPA_PLATFORM=offscreen" ${T_ENVIRONMENT})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${name} PROPERTIES LABELS "${T_LABEL}" TIMEOUT ${T_TIMEOUT} ENVIRONMENT "${env}")
endfunction()
