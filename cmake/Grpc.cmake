# Defines the interface target ectl::grpc: gRPC++, protobuf and their dependencies.
#
# By default the stack is linked from Debian's static archives. A CLI pays the dynamic
# loader on every invocation, and resolving gRPC's ~57 shared libraries (abseil is split
# into dozens) costs more than the whole request. glibc pieces stay dynamic.
pkg_check_modules(GRPCPP REQUIRED IMPORTED_TARGET grpc++ protobuf)

add_library(ectl_grpc INTERFACE)
add_library(ectl::grpc ALIAS ectl_grpc)
target_include_directories(ectl_grpc SYSTEM INTERFACE ${GRPCPP_INCLUDE_DIRS})

if(ECTL_STATIC_GRPC)
  execute_process(
    COMMAND ${PKG_CONFIG_EXECUTABLE} --static --libs-only-l grpc++ protobuf
    OUTPUT_VARIABLE _grpc_libs OUTPUT_STRIP_TRAILING_WHITESPACE)
  separate_arguments(_grpc_libs UNIX_COMMAND "${_grpc_libs}")
  set(_static "")
  set(_dynamic "")
  foreach(_flag IN LISTS _grpc_libs)
    string(REGEX REPLACE "^-l" "" _name "${_flag}")
    if(_name MATCHES "^(dl|rt|m|pthread|atomic|c)$")
      list(APPEND _dynamic "${_flag}")
    elseif(_flag MATCHES "^-l")
      find_library(_lib_${_name} NAMES lib${_name}.a)
      if(_lib_${_name})
        list(APPEND _static "${_lib_${_name}}")
      else()
        list(APPEND _dynamic "${_flag}")
      endif()
    endif()
  endforeach()
  list(REMOVE_DUPLICATES _static)
  # The archives depend on each other in cycles (abseil <-> grpc), so let the linker
  # rescan the whole group.
  target_link_libraries(ectl_grpc INTERFACE
    "-Wl,--start-group" ${_static} "-Wl,--end-group" ${_dynamic} Threads::Threads)
else()
  target_link_libraries(ectl_grpc INTERFACE PkgConfig::GRPCPP Threads::Threads)
endif()
