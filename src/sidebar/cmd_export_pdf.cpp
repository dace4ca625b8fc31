// Export PDF: the summary sheet of the active plan (summary_link.hpp) stored as a PDF, as it
// prints (summary_write.hpp: set_print); the document is never written, so there is no undo step
// and a read-only document may export too.
#include "command.hpp"
#include "messages.hpp"
#include "summary_write.hpp"

#include "catalogue.hpp"

#include "convert.hpp"

#include <com/sun/star/frame/XStorable.hpp>
#include <osl/file.hxx>

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace pegkit::sidebar {

Outcome export_pdf(const ActiveSheet& s, const std::optional<std::string>& url, Lang lang) {
    const SummaryTarget target = summary_target_of(s);
    if (!target.existing) return failure(say("cmd_pdf_no_summary", lang, {target.plan}));
    const Reference<css::frame::XStorable> own(s.model, UNO_QUERY_THROW);
    rtl::OUString out = url ? uno::to_ou(*url) : rtl::OUString();
    if (out.isEmpty()) {
        if (!own->hasLocation()) return failure(say("cmd_pdf_unsaved", lang));
        out = beside(own->getLocation(), " (" + say("cmd_step_summary", lang) + ").pdf");
    }
    const std::string& name = target.existing->summary;
    try {
        store_pdf(s.model, sheet_of(s, name).sheet, out);
    } catch (const css::uno::Exception& e) {
        Outcome o = failure(say("cmd_pdf_failed", lang, {uno::to_utf8(out)}));
        o.add("Detail", Any(e.Message));
        return o;
    }
    rtl::OUString path;
    osl::FileBase::getSystemPathFromFileURL(out, path);
    Outcome o;
    o.ok = true;
    o.message = say("cmd_pdf_done", lang, {name, uno::to_utf8(path.isEmpty() ? out : path)});
    o.add("URL", Any(out));
    o.add("Sheet", Any(uno::to_ou(name)));
    return o;
}

}  // namespace pegkit::sidebar
