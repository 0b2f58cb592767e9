# Installing boravak, and the Debian package made from that install (docs/deploy.md):
#
#   cmake --build build --target package      # or: cd build && cpack -G DEB
#
# gives build/boravak_<version>_<arch>.deb with
#   /usr/bin/boravak
#   /usr/share/boravak/{rules,guides,web,api,locale}     the data the binary reads at start
#   /usr/lib/systemd/system/boravak{,-bot}.service      hardened units (deploy/systemd/)
#   /etc/default/boravak                                extra options, a conffile
#   /usr/share/doc/boravak/                             the docs and the proxy examples
#
# The installed binary does not find /usr/share/boravak by itself: the units set
# BORAVAK_RULES and BORAVAK_LOCALE. The web page, api/openapi.json and guides/ are found beside
# the rules folder, which is why they sit next to it.
#
# Included at the end of the top-level CMakeLists.txt, so the boravak target and the catalogs
# (boravak_catalogs, built by `all`) exist. cpack installs what the build made; it does not
# build, so run it after `cmake --build`.

include(GNUInstallDirs)

set(BORAVAK_SHARE_DIR "${CMAKE_INSTALL_DATADIR}/boravak")

install(TARGETS boravak RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")

# The rules, and the guides that src/content reads from rules/../guides.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/rules/" DESTINATION "${BORAVAK_SHARE_DIR}/rules")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/guides/" DESTINATION "${BORAVAK_SHARE_DIR}/guides")
# `boravak serve` reads web/ and api/openapi.json beside the rules folder, and will not start
# without the OpenAPI document.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/web/" DESTINATION "${BORAVAK_SHARE_DIR}/web")
install(FILES "${PROJECT_SOURCE_DIR}/api/openapi.json" DESTINATION "${BORAVAK_SHARE_DIR}/api")
# The compiled catalogs only (<lang>/LC_MESSAGES/boravak.mo), not the merged .po files made on
# the way.
install(DIRECTORY "${CMAKE_BINARY_DIR}/locale/" DESTINATION "${BORAVAK_SHARE_DIR}/locale"
        FILES_MATCHING PATTERN "*.mo")
# The page's WebAssembly engine, beside the catalogs: the server serves it as /static/wasm/.
if(BORAVAK_WASM AND NOT BORAVAK_FUZZ)
  install(FILES "${CMAKE_BINARY_DIR}/wasm/boravak-engine.js" "${CMAKE_BINARY_DIR}/wasm/boravak-engine.wasm"
          DESTINATION "${BORAVAK_SHARE_DIR}/wasm")
endif()

# systemd looks in /usr/lib/systemd/system as well as /lib/systemd/system.
install(FILES "${PROJECT_SOURCE_DIR}/deploy/systemd/boravak.service"
              "${PROJECT_SOURCE_DIR}/deploy/systemd/boravak-bot.service"
        DESTINATION lib/systemd/system)
# An absolute destination: the DEB generator installs into its staging root (it sets DESTDIR),
# so this lands in the package as /etc/default/boravak. `make install` writes the real one.
install(FILES "${PROJECT_SOURCE_DIR}/deploy/boravak.default" DESTINATION /etc/default RENAME boravak)

install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${PROJECT_SOURCE_DIR}/docs/deploy.md" "${PROJECT_SOURCE_DIR}/docs/api.md"
              "${PROJECT_SOURCE_DIR}/docs/bot.md"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(FILES "${PROJECT_SOURCE_DIR}/deploy/nginx/boravak.conf" "${PROJECT_SOURCE_DIR}/deploy/caddy/Caddyfile"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}/examples")

if(BORAVAK_HASWELL)
  message(STATUS "Packaging: BORAVAK_HASWELL is ON, so a package built on an AVX2 machine runs only on AVX2 "
                 "machines; configure with -DBORAVAK_HASWELL=OFF for a package to give away")
endif()

# The Debian package.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "boravak")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "boravak")
set(CPACK_PACKAGE_CONTACT "boravak maintainers <boravak@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "how long a foreigner may stay in Serbia, and what to do next")
# The long description, one line each (dpkg indents them). Set for the DEB generator itself:
# CPACK_PACKAGE_DESCRIPTION would be passed over while CPACK_PACKAGE_DESCRIPTION_FILE is
# CMake's generic default. The summary above becomes its first line.
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "boravak counts the days a foreigner has used and has left in Serbia under each\n"
    "entry regime: the last legal day, the next possible entries, the address\n"
    "registration deadline. It plans residence permit applications with their\n"
    "fees and payment slips. It answers on the command line, as a web page with a\n"
    "JSON API (boravak serve) and as a Telegram bot (boravak bot), each answer with\n"
    "the legal source it rests on.")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_NAME "boravak")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "web")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# The shared libraries the binary links (Boost.Locale, OpenSSL, SQLite, libpqxx, libical, …)
# become the package's dependencies, read from the binary by dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Added to those: the bot reaches api.telegram.org through libcurl, which checks the server's
# certificate against the system's certificate authorities.
# The printable slips are drawn in DejaVu Sans, found through fontconfig.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "ca-certificates, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "nginx | caddy")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "sqlite3, postgresql")
# /etc/default/boravak is a conffile: an upgrade keeps the administrator's edits (dpkg asks when
# both sides changed). The maintainer scripts reload systemd, restart the running services on an
# upgrade, and stop and disable them on removal; they never delete the database.
set(BORAVAK_CONFFILES "${CMAKE_BINARY_DIR}/deb-control/conffiles")
file(WRITE "${BORAVAK_CONFFILES}" "/etc/default/boravak\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${BORAVAK_CONFFILES}"
    "${PROJECT_SOURCE_DIR}/deploy/debian/postinst"
    "${PROJECT_SOURCE_DIR}/deploy/debian/prerm"
    "${PROJECT_SOURCE_DIR}/deploy/debian/postrm")
# Maintainer scripts 0755, conffiles 0644, whatever the source tree's modes.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
