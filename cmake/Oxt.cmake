# build/pegkit.oxt: exactly what the office loads, each file named below (no folder is copied
# whole, so sources such as extension/icons/make_icon.py stay out). Included from the top
# CMakeLists after the component's targets exist.
set(oxt ${CMAKE_BINARY_DIR}/pegkit.oxt)
set(src ${PROJECT_SOURCE_DIR})
set(pkg ${PEGKIT_PACKAGE_DIR})

# path in the .oxt, then its source
set(oxt_entries
  "META-INF/manifest.xml\t${src}/extension/META-INF/manifest.xml"
  "description.xml\t${pkg}/description.xml"
  "description/desc_it.txt\t${pkg}/description/desc_it.txt"
  "description/desc_en.txt\t${pkg}/description/desc_en.txt"
  "registration/license_it.txt\t${src}/extension/registration/license_it.txt"
  "registration/license_en.txt\t${src}/LICENSE"
  "icons/pegkit.png\t${src}/extension/icons/pegkit.png"
  "icons/pegkit-hc.png\t${src}/extension/icons/pegkit-hc.png"
  "icons/pegkit-deck.png\t${src}/extension/icons/pegkit-deck.png"
  "pegkit.components\t${src}/extension/pegkit.components"
  "pegkit.rdb\t${CMAKE_BINARY_DIR}/component/pegkit.rdb"
  "libpegkit.so\t$<TARGET_FILE:pegkit_component>")
file(GLOB registry_files RELATIVE ${src} CONFIGURE_DEPENDS ${src}/registry/*.xcu ${src}/registry/*.xcs)
file(GLOB_RECURSE help_files RELATIVE ${src} CONFIGURE_DEPENDS ${src}/help/*.xhp ${src}/help/*.tree)
file(GLOB dialog_files RELATIVE ${src} CONFIGURE_DEPENDS ${src}/extension/dialogs/*.xdl)
foreach(f IN LISTS registry_files help_files)
  list(APPEND oxt_entries "${f}\t${src}/${f}")
endforeach()
foreach(f IN LISTS dialog_files)
  string(REPLACE "extension/" "" dest ${f})
  list(APPEND oxt_entries "${dest}\t${src}/${f}")
endforeach()

set(oxt_sources)
foreach(e IN LISTS oxt_entries)
  string(REPLACE "\t" ";" parts "${e}")
  list(GET parts 1 s)
  if(NOT s MATCHES "^\\$<")
    list(APPEND oxt_sources ${s})
  endif()
endforeach()
list(JOIN oxt_entries "\n" oxt_list)
file(GENERATE OUTPUT ${pkg}/oxt-files.txt CONTENT "${oxt_list}\n")

add_custom_command(
  OUTPUT ${oxt}
  COMMAND ${CMAKE_COMMAND} -DFILES=${pkg}/oxt-files.txt -DSTAGE=${CMAKE_BINARY_DIR}/oxt-stage -DOXT=${oxt}
          -P ${src}/cmake/PackOxt.cmake
  DEPENDS pegkit_component pegkit_uno_headers ${oxt_sources} ${pkg}/oxt-files.txt ${src}/cmake/PackOxt.cmake
  COMMENT "Packing ${oxt}"
  VERBATIM)
add_custom_target(pegkit_oxt ALL DEPENDS ${oxt})

install(FILES ${oxt} DESTINATION ${CMAKE_INSTALL_DATADIR}/pegkit)
