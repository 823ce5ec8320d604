# Install rules and the Debian package (CPack). `cmake --install build` places
#   bin/ectl
#   share/man/man1/ectl.1.gz, ectl-<command>.1.gz      (gzip -9n, from man/)
#   share/bash-completion/completions/ectl             (bash-completion loads it on demand)
#   share/zsh/vendor-completions/_ectl
#   share/fish/vendor_completions.d/ectl.fish
#   share/doc/ectl/copyright, changelog.Debian.gz
# and, with -DECTL_INSTALL_ETCDCTL_LINK=ON, `etcdctl` as a link to each: bin/etcdctl,
# man1/etcdctl.1.gz, completions/etcdctl, etcdctl.fish (zsh's _ectl names both commands).
# `cpack -G DEB` (in build/) makes ectl_<version>_<arch>.deb from the same rules with the
# prefix /usr; tests/package/package_test.sh checks it with lintian.
include(GNUInstallDirs)

# Installing and packaging take what the build made and build nothing themselves (by
# default `make install` and cpack first build every target, the tests included): build
# first, e.g. `cmake --build build --target ectl ectl-docs-gz`.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

option(ECTL_INSTALL_ETCDCTL_LINK
  "Also install etcdctl as a link to ectl (binary, man page, completions)" OFF)

set(CMAKE_INSTALL_DEFAULT_COMPONENT_NAME ectl)
set(_ectl_completions "${PROJECT_SOURCE_DIR}/completions")
set(_ectl_bash_dir "${CMAKE_INSTALL_DATAROOTDIR}/bash-completion/completions")
set(_ectl_zsh_dir "${CMAKE_INSTALL_DATAROOTDIR}/zsh/vendor-completions")
set(_ectl_fish_dir "${CMAKE_INSTALL_DATAROOTDIR}/fish/vendor_completions.d")
set(_ectl_man_dir "${CMAKE_INSTALL_MANDIR}/man1")
set(_ectl_doc_dir "${CMAKE_INSTALL_DATAROOTDIR}/doc/ectl")

install(TARGETS ectl RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")

# Man pages and the Debian changelog, compressed as Debian policy asks: gzip -9 without a
# name or time stamp (-n), so that the package is reproducible.
find_program(GZIP_PROGRAM gzip REQUIRED)
file(GLOB _ectl_man_pages CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/man/*.1")
set(_ectl_gz_files "")
foreach(_page IN LISTS _ectl_man_pages ITEMS "${PROJECT_SOURCE_DIR}/packaging/changelog")
  get_filename_component(_name "${_page}" NAME)
  if(_name STREQUAL "changelog")
    set(_gz "${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz")
  else()
    set(_gz "${CMAKE_BINARY_DIR}/man/${_name}.gz")
  endif()
  get_filename_component(_gz_dir "${_gz}" DIRECTORY)
  add_custom_command(OUTPUT "${_gz}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${_gz_dir}"
    COMMAND sh -c "\"$0\" -9n -c \"$1\" > \"$2\"" "${GZIP_PROGRAM}" "${_page}" "${_gz}"
    DEPENDS "${_page}"
    COMMENT "Compressing ${_name}"
    VERBATIM)
  list(APPEND _ectl_gz_files "${_gz}")
endforeach()
add_custom_target(ectl-docs-gz ALL DEPENDS ${_ectl_gz_files})
list(FILTER _ectl_gz_files EXCLUDE REGEX "changelog\\.Debian\\.gz$")
install(FILES ${_ectl_gz_files} DESTINATION "${_ectl_man_dir}")

install(FILES "${_ectl_completions}/ectl.bash" DESTINATION "${_ectl_bash_dir}" RENAME ectl)
install(FILES "${_ectl_completions}/_ectl.zsh" DESTINATION "${_ectl_zsh_dir}" RENAME _ectl)
install(FILES "${_ectl_completions}/ectl.fish" DESTINATION "${_ectl_fish_dir}")
install(FILES "${PROJECT_SOURCE_DIR}/packaging/copyright"
              "${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz"
        DESTINATION "${_ectl_doc_dir}")

# The etcdctl links, relative so that they hold under any prefix and DESTDIR. Made at
# configure time in build/etcdctl-links/ and installed as links (file(INSTALL) copies a
# link as a link).
set(_links "${CMAKE_BINARY_DIR}/etcdctl-links")
file(MAKE_DIRECTORY "${_links}")
file(CREATE_LINK ectl "${_links}/etcdctl" SYMBOLIC)
file(CREATE_LINK ectl.1.gz "${_links}/etcdctl.1.gz" SYMBOLIC)
file(CREATE_LINK ectl "${_links}/etcdctl.bash" SYMBOLIC)
file(CREATE_LINK ectl.fish "${_links}/etcdctl.fish" SYMBOLIC)
if(ECTL_INSTALL_ETCDCTL_LINK)
  set(_link_scope "")
else()
  set(_link_scope EXCLUDE_FROM_ALL)
endif()
install(FILES "${_links}/etcdctl" DESTINATION "${CMAKE_INSTALL_BINDIR}"
        COMPONENT etcdctl-link ${_link_scope})
install(FILES "${_links}/etcdctl.1.gz" DESTINATION "${_ectl_man_dir}"
        COMPONENT etcdctl-link ${_link_scope})
install(FILES "${_links}/etcdctl.bash" DESTINATION "${_ectl_bash_dir}" RENAME etcdctl
        COMPONENT etcdctl-link ${_link_scope})
install(FILES "${_links}/etcdctl.fish" DESTINATION "${_ectl_fish_dir}"
        COMPONENT etcdctl-link ${_link_scope})

# Debian package. Only in the package: lintian's overrides, each with its reason.
install(FILES "${PROJECT_SOURCE_DIR}/packaging/lintian-overrides"
        DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/lintian/overrides" RENAME ectl
        COMPONENT deb EXCLUDE_FROM_ALL)

# The top entry of packaging/changelog must name the version being packaged.
set(ECTL_DEB_REVISION 1)
file(STRINGS "${PROJECT_SOURCE_DIR}/packaging/changelog" _top LIMIT_COUNT 1)
if(NOT _top MATCHES "^ectl \\(${PROJECT_VERSION}-${ECTL_DEB_REVISION}\\) ")
  message(FATAL_ERROR "packaging/changelog: the top entry must be "
                      "${PROJECT_VERSION}-${ECTL_DEB_REVISION}, the version being built")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ectl)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(ECTL_DEB_MAINTAINER "ectl developers <dev@ectl.local>" CACHE STRING
    "The Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${ECTL_DEB_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
# One package: what `cmake --install` installs (the etcdctl links included when the option
# is on), plus the package-only component.
set(CPACK_INSTALL_CMAKE_PROJECTS
    "${CMAKE_BINARY_DIR};ectl;ALL;/"
    "${CMAKE_BINARY_DIR};ectl;deb;/")
if(ECTL_INSTALL_ETCDCTL_LINK)
  # Debian's etcd-client ships /usr/bin/etcdctl and its man page.
  set(CPACK_DEBIAN_PACKAGE_CONFLICTS etcd-client)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE "${ECTL_DEB_REVISION}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${ECTL_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends from dpkg-shlibdeps (dpkg-dev)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "command-line client for etcd, compatible with etcdctl 3.4")
# The summary above is the description's first line; this is the rest.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "ectl talks to an etcd cluster over its v3 gRPC API. Its commands, flags,
ETCDCTL_* environment variables, output formats, error texts and exit codes
are those of etcdctl 3.4, so scripts written for etcdctl run unchanged.
It adds an interactive txn prompt, <= and >= compares, man pages and shell
completions.")
include(CPack)
