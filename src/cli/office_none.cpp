// pegkit-check built without the LibreOffice SDK (PEGKIT_EXTENSION=OFF): text formats only.
#include "office.hpp"

namespace pegkit::cli {

struct OfficeSession::Impl {};

OfficeSession::OfficeSession(OfficeConfig) {}
OfficeSession::~OfficeSession() = default;
OfficeRead OfficeSession::read(const std::string&) {
    OfficeRead r;
    r.error = "this pegkit-check was built without LibreOffice support (PEGKIT_EXTENSION=OFF): save the sheet as .tsv or .csv";
    return r;
}
int OfficeSession::starts() const { return 0; }
bool OfficeSession::available() { return false; }
int OfficeSession::interrupted_by() { return 0; }

}  // namespace pegkit::cli
