# The LibreOffice SDK from Debian's libreoffice-dev: tools, type libraries, headers, link libraries.
# The C++ headers for UNO types are not shipped; pegkit_uno_headers generates them (LIBREOFFICE-NOTES.md).
set(LO_PROGRAM /usr/lib/libreoffice/program CACHE PATH "LibreOffice program directory")
set(LO_SDK /usr/lib/libreoffice/sdk CACHE PATH "LibreOffice SDK directory")
set(LO_TYPES ${LO_PROGRAM}/types.rdb)
set(LO_OFFAPI ${LO_PROGRAM}/types/offapi.rdb)
find_program(CPPUMAKER cppumaker PATHS ${LO_SDK}/bin NO_DEFAULT_PATH REQUIRED)
find_program(UNOIDL_WRITE unoidl-write PATHS ${LO_SDK}/bin NO_DEFAULT_PATH REQUIRED)
foreach(lib sal cppu cppuhelpergcc3)
  find_library(LO_LIB_${lib} uno_${lib} PATHS ${LO_SDK}/lib NO_DEFAULT_PATH REQUIRED)
endforeach()
if(NOT EXISTS ${LO_TYPES} OR NOT EXISTS ${LO_OFFAPI} OR NOT EXISTS /usr/include/libreoffice/sal/types.h)
  message(FATAL_ERROR "LibreOffice SDK not found: install libreoffice-dev (./dev does)")
endif()

add_library(lo_sdk INTERFACE)
target_include_directories(lo_sdk SYSTEM INTERFACE /usr/include/libreoffice)
target_compile_definitions(lo_sdk INTERFACE UNX GCC LINUX CPPU_ENV=gcc3)
target_link_libraries(lo_sdk INTERFACE ${LO_LIB_cppuhelpergcc3} ${LO_LIB_cppu} ${LO_LIB_sal})

# pegkit_uno_types(RDB <out.rdb> HEADERS <dir> IDL <file.idl> TYPES <type;...>)
# compiles our IDL into a type library and generates C++ headers for it and for the office's types.
function(pegkit_uno_types)
  cmake_parse_arguments(U "" "RDB;HEADERS;IDL" "TYPES" ${ARGN})
  set(stamp ${U_HEADERS}/.stamp)
  list(JOIN U_TYPES "\;" types)
  add_custom_command(
    OUTPUT ${U_RDB} ${stamp}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${U_HEADERS}
    COMMAND ${UNOIDL_WRITE} ${LO_TYPES} ${LO_OFFAPI} ${U_IDL} ${U_RDB}
    COMMAND ${CPPUMAKER} -Gc -O${U_HEADERS} ${LO_TYPES} ${LO_OFFAPI}
    COMMAND ${CPPUMAKER} -Gc -O${U_HEADERS} -T${types} ${U_RDB} -X${LO_TYPES} -X${LO_OFFAPI}
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    DEPENDS ${U_IDL}
    COMMENT "UNO types: ${U_IDL} -> ${U_RDB} and C++ headers"
    VERBATIM)
  add_custom_target(pegkit_uno_headers DEPENDS ${U_RDB} ${stamp})
endfunction()
