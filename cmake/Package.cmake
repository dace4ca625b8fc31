# The extension's identity and its update feed, generated at configure time from templates so the
# .oxt, the feed and `project(VERSION)` carry one version number (tests/package checks the
# published feed against the generated one).
set(PEGKIT_URL "https://github.com/pegkit/pegkit" CACHE STRING "Publisher and source repository (placeholder to confirm)")
set(PEGKIT_FEED_URL "https://raw.githubusercontent.com/pegkit/pegkit/main/extension/update/pegkit.update.xml"
    CACHE STRING "Where the Extension Manager looks for updates")

set(PEGKIT_PACKAGE_DIR ${CMAKE_BINARY_DIR}/package)
configure_file(${PROJECT_SOURCE_DIR}/description.xml.in ${PEGKIT_PACKAGE_DIR}/description.xml @ONLY)
foreach(lang it en)
  configure_file(${PROJECT_SOURCE_DIR}/extension/description/desc_${lang}.txt
                 ${PEGKIT_PACKAGE_DIR}/description/desc_${lang}.txt @ONLY)
endforeach()
configure_file(${PROJECT_SOURCE_DIR}/extension/update/pegkit.update.xml.in
               ${CMAKE_BINARY_DIR}/pegkit.update.xml @ONLY)
