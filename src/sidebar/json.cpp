#include <boost/json/src.hpp>  // header-only Boost.JSON: its one translation unit in libpegkit.so
