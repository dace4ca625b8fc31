# cmake -DFILES=<list file> -DSTAGE=<dir> -DOXT=<file> -P PackOxt.cmake
# Lays the staging folder anew from a list of "path-in-oxt<TAB>source" lines and zips it: the
# .oxt holds exactly the listed files (tests/package/test_oxt_listing.py compares the listing).
file(REMOVE_RECURSE ${STAGE})
file(REMOVE ${OXT})
file(STRINGS ${FILES} lines)
foreach(line IN LISTS lines)
  string(REPLACE "\t" ";" parts "${line}")
  list(GET parts 0 dest)
  list(GET parts 1 src)
  get_filename_component(dir ${STAGE}/${dest} DIRECTORY)
  file(MAKE_DIRECTORY ${dir})
  file(COPY_FILE ${src} ${STAGE}/${dest} ONLY_IF_DIFFERENT)
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E tar cf ${OXT} --format=zip .
                WORKING_DIRECTORY ${STAGE} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "zipping ${OXT} failed: ${rc}")
endif()
