// pegkit-check built without the LibreOffice SDK (PEGKIT_EXTENSION=OFF): text formats only.
#include "office.hpp"

#include "messages.hpp"

namespace pegkit::cli {

struct OfficeSession::Impl {
    Lang lang;
};

OfficeSession::OfficeSession(OfficeConfig config) : impl_(std::make_unique<Impl>(Impl{config.lang})) {}
OfficeSession::~OfficeSession() = default;
OfficeRead OfficeSession::read(const std::string&) {
    OfficeRead r;
    r.error = reason(Reason::no_office_support, impl_->lang);
    return r;
}
std::string OfficeSession::write_pdf(const SummaryPlan&, const std::string&, const std::string&) {
    return reason(Reason::no_office_support, impl_->lang);
}
int OfficeSession::starts() const { return 0; }
bool OfficeSession::available() { return false; }
int OfficeSession::interrupted_by() { return 0; }

}  // namespace pegkit::cli
