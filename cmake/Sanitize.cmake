# A checking build: sanitizers (ECTL_SANITIZE) and libFuzzer instrumentation (ECTL_FUZZ).
# Included from the top-level CMakeLists.txt instead of the static link options.
#
# The sanitizer runtimes replace malloc and operator new and must see libstdc++ and the
# gRPC stack as shared libraries, so a checking build links them dynamically; the
# start-up cost that the static link avoids does not matter here.
if(ECTL_STATIC_GRPC)
  message(STATUS "ECTL_SANITIZE/ECTL_FUZZ: linking gRPC, protobuf and abseil dynamically")
  set(ECTL_STATIC_GRPC OFF CACHE BOOL "Link gRPC, protobuf and abseil from their static archives" FORCE)
endif()

if(ECTL_SANITIZE)
  # No recovery: undefined behaviour ends the process like an ASan report does, so a test
  # cannot pass over it. Frame pointers and line tables give whole, symbolized stacks.
  add_compile_options(-fsanitize=${ECTL_SANITIZE} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${ECTL_SANITIZE})
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    add_compile_options(-gline-tables-only)
  else()
    add_compile_options(-g1)
  endif()
endif()

if(ECTL_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "ECTL_FUZZ needs clang (-DCMAKE_CXX_COMPILER=clang++)")
  endif()
  # Coverage instrumentation for every library the fuzz targets reach; the libFuzzer
  # runtime itself is linked into the fuzz targets only (fuzz/CMakeLists.txt). Elsewhere
  # (ectl, the tests) the coverage hooks are the sanitizer runtime's no-ops.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
