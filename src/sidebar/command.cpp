#include "command.hpp"

#include "convert.hpp"
#include "doc_store.hpp"
#include "edit.hpp"
#include "messages.hpp"

#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <rtl/uri.hxx>

using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace pegkit::sidebar {

std::optional<ActiveSheet> active_sheet(const Reference<css::frame::XFrame>& frame,
                                        const Reference<css::uno::XComponentContext>& context) {
    ActiveSheet t;
    t.context = context;
    if (!frame.is()) return std::nullopt;
    t.controller = frame->getController();
    if (!t.controller.is()) return std::nullopt;
    t.model = t.controller->getModel();
    t.document.set(t.model, UNO_QUERY);
    t.factory.set(t.model, UNO_QUERY);
    const Reference<css::sheet::XSpreadsheetView> view(t.controller, UNO_QUERY);
    if (!t.document.is() || !t.factory.is() || !view.is()) return std::nullopt;
    t.sheet = view->getActiveSheet();
    if (!t.sheet.is()) return std::nullopt;
    const Reference<css::container::XNamed> named(t.sheet, UNO_QUERY);
    if (named.is()) t.sheet_name = uno::to_utf8(named->getName());
    const Reference<css::sheet::XCellRangeAddressable> addressable(t.sheet, UNO_QUERY);
    if (addressable.is()) t.sheet_index = addressable->getRangeAddress().Sheet;
    return t;
}

ActiveSheet sheet_of(const ActiveSheet& s, const std::string& name) {
    ActiveSheet o = s;
    o.sheet = Reference<css::sheet::XSpreadsheet>(s.document->getSheets()->getByName(uno::to_ou(name)), css::uno::UNO_QUERY_THROW);
    o.sheet_name = name;
    o.sheet_index = Reference<css::sheet::XCellRangeAddressable>(o.sheet, css::uno::UNO_QUERY_THROW)->getRangeAddress().Sheet;
    return o;
}

std::vector<std::string> sheet_names(const ActiveSheet& s) {
    std::vector<std::string> out;
    for (const rtl::OUString& n : s.document->getSheets()->getElementNames()) out.push_back(uno::to_utf8(n));
    return out;
}

SummaryTarget summary_target_of(const ActiveSheet& s) {
    return summary_target(uno::read_text_property(s.model, summaries_property).value_or(""), s.sheet_name, sheet_names(s));
}

void Outcome::add(const char* name, css::uno::Any value) { values.push_back(uno::property(name, std::move(value))); }

Outcome failure(std::string message) {
    Outcome o;
    o.message = std::move(message);
    return o;
}

Outcome failed_edit(const EditRun& run, Lang lang) {
    Outcome o = failure(text(run.result == EditRun::Result::not_restored ? Msg::failed_not_restored : Msg::failed_restored, lang));
    o.add("Detail", css::uno::Any(uno::to_ou(run.reason)));
    o.add("Restored", css::uno::Any(run.result != EditRun::Result::not_restored));
    return o;
}

rtl::OUString beside(const rtl::OUString& url, const std::string& suffix) {
    const sal_Int32 slash = url.lastIndexOf('/');
    sal_Int32 dot = url.lastIndexOf('.');
    if (dot <= slash) dot = url.getLength();
    return url.copy(0, dot) + rtl::Uri::encode(uno::to_ou(suffix), rtl_UriCharClassPchar, rtl_UriEncodeIgnoreEscapes,
                                               RTL_TEXTENCODING_UTF8);
}

Progress::Progress(const Reference<css::frame::XFrame>& frame, const std::string& label) {
    try {
        const Reference<css::task::XStatusIndicatorFactory> factory(frame, UNO_QUERY);
        if (factory.is()) m_indicator = factory->createStatusIndicator();
        if (m_indicator.is()) m_indicator->start(uno::to_ou(label), 100);
    } catch (const css::uno::Exception&) {
        m_indicator.clear();
    }
}

void Progress::set(int percent) {
    try {
        if (m_indicator.is()) m_indicator->setValue(percent);
    } catch (const css::uno::Exception&) {
    }
}

Progress::~Progress() {
    try {
        if (m_indicator.is()) m_indicator->end();
    } catch (...) {
    }
}

}  // namespace pegkit::sidebar
