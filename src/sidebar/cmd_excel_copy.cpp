// Copy for Excel: the workbook stored as a temporary .ods, loaded hidden, every cell that calls a
// pegkit function given its value (core excel_copy.hpp), stored as .xlsx where asked; the user's
// document is never written, so there is no undo step.
#include "cells.hpp"
#include "command.hpp"
#include "messages.hpp"

#include "catalogue.hpp"
#include "excel_copy.hpp"

#include "convert.hpp"

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XProtectable.hpp>
#include <osl/file.hxx>

#include <stdexcept>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace pegkit::sidebar {
namespace {

Sequence<css::beans::PropertyValue> props(std::initializer_list<css::beans::PropertyValue> list) {
    return Sequence<css::beans::PropertyValue>(list.begin(), sal_Int32(list.size()));
}

// A sheet protected with a password, which the copy cannot write (its name).
struct ProtectedSheet : std::runtime_error {
    explicit ProtectedSheet(const std::string& name) : std::runtime_error(name) {}
};

// Every cell of `sheet` whose formula calls our functions takes its value: one getFormulaArray and
// getDataArray per formula range, one setDataArray per run (errors as their text, "Err:504"). The
// write drops the notes of the cells it covers: they are put back. A sheet protected without a
// password is unprotected and protected again after.

int freeze_sheet(const Reference<css::sheet::XSpreadsheet>& sheet, const Reference<css::lang::XMultiServiceFactory>& factory) {
    const Reference<css::util::XProtectable> protectable(sheet, UNO_QUERY);
    const bool was_protected = protectable.is() && protectable->isProtected();
    if (was_protected) {
        try {
            protectable->unprotect(rtl::OUString());
        } catch (const css::uno::Exception&) {
        }
        if (protectable->isProtected())
            throw ProtectedSheet(uno::to_utf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName()));
    }
    const std::map<CellPos, std::string> notes = read_notes(sheet);
    const Reference<css::sheet::XCellRangesQuery> query(sheet, UNO_QUERY_THROW);
    const Reference<css::sheet::XSheetCellRanges> found = query->queryContentCells(css::sheet::CellFlags::FORMULA);
    int frozen = 0;
    for (const css::table::CellRangeAddress& a : found->getRangeAddresses()) {
        const Reference<css::table::XCellRange> range =
            sheet->getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow);
        const Sequence<Sequence<rtl::OUString>> f = Reference<css::sheet::XCellRangeFormula>(range, UNO_QUERY_THROW)->getFormulaArray();
        std::vector<std::vector<std::string>> formulas;
        for (const auto& row : f) {
            formulas.emplace_back();
            for (const rtl::OUString& x : row) formulas.back().push_back(uno::to_utf8(x));
        }
        const std::vector<CellRun> runs = pegkit_runs(formulas);
        if (runs.empty()) continue;
        const Sequence<Sequence<Any>> values = Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray();
        for (const CellRun& run : runs) {
            Sequence<Sequence<Any>> out(run.last_row - run.first_row + 1);
            for (int r = run.first_row; r <= run.last_row; ++r) {
                Any v = values[r][run.col];
                if (!v.hasValue())  // an error: its text, as the cell shows it
                    v <<= Reference<css::text::XTextRange>(range->getCellByPosition(run.col, r), UNO_QUERY_THROW)->getString();
                out.getArray()[r - run.first_row] = Sequence<Any>(&v, 1);
            }
            const Reference<css::table::XCellRange> target =
                range->getCellRangeByPosition(run.col, run.first_row, run.col, run.last_row);
            Reference<css::sheet::XCellRangeData>(target, UNO_QUERY_THROW)->setDataArray(out);
            frozen += run.last_row - run.first_row + 1;
        }
    }
    const std::map<CellPos, std::string> now = read_notes(sheet);
    std::map<CellPos, std::optional<std::string>> lost;
    for (const auto& [p, text] : notes)
        if (!now.count(p)) lost[p] = text;
    if (!lost.empty()) set_notes(sheet, factory, lost, now);
    if (was_protected) protectable->protect(rtl::OUString());
    return frozen;
}

}  // namespace

Outcome excel_copy(const ActiveSheet& s, const Reference<css::uno::XComponentContext>& context,
                   const std::optional<std::string>& url, Lang lang) {
    const Reference<css::frame::XStorable> own(s.model, UNO_QUERY_THROW);
    rtl::OUString target = url ? uno::to_ou(*url) : rtl::OUString();
    if (target.isEmpty()) {
        if (!own->hasLocation()) return failure(say("cmd_excel_copy_unsaved", lang));
        target = beside(own->getLocation(), " (" + say("cmd_excel_copy_suffix", lang) + ").xlsx");
    }
    if (own->hasLocation() && target == own->getLocation()) return failure(say("cmd_excel_copy_same_file", lang));
    rtl::OUString temp;
    if (osl::FileBase::createTempFile(nullptr, nullptr, &temp) != osl::FileBase::E_None)
        return failure(say("cmd_excel_copy_failed", lang, {"temporary file"}));
    osl::File::remove(temp);  // a unique name, used with the extension the filter wants
    temp += ".ods";
    // the hidden copy is closed and the temporary file removed however this ends
    struct Scratch {
        rtl::OUString file;
        Reference<css::lang::XComponent> copy;
        ~Scratch() {
            try {
                if (const Reference<css::util::XCloseable> c{copy, UNO_QUERY}; c.is()) c->close(true);
            } catch (...) {
            }
            osl::File::remove(file);
        }
    } scratch{temp, nullptr};
    int frozen = 0;
    try {
        // storeToURL leaves the document's own location and modified state as they are
        own->storeToURL(temp, props({uno::property("FilterName", Any(rtl::OUString("calc8")))}));
        const Reference<css::frame::XDesktop2> desktop = css::frame::Desktop::create(context);
        scratch.copy = desktop->loadComponentFromURL(temp, "_blank", 0, props({uno::property("Hidden", Any(true)), uno::property("ReadOnly", Any(false))}));
        const Reference<css::sheet::XSpreadsheetDocument> doc(scratch.copy, UNO_QUERY_THROW);
        const Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
        for (sal_Int32 i = 0; i < sheets->getCount(); ++i)
            frozen += freeze_sheet(Reference<css::sheet::XSpreadsheet>(sheets->getByIndex(i), UNO_QUERY_THROW),
                                   Reference<css::lang::XMultiServiceFactory>(scratch.copy, UNO_QUERY_THROW));
        Reference<css::frame::XStorable>(scratch.copy, UNO_QUERY_THROW)
            ->storeToURL(target, props({uno::property("FilterName", Any(rtl::OUString("Calc MS Excel 2007 XML"))), uno::property("Overwrite", Any(true))}));
    } catch (const ProtectedSheet& p) {
        return failure(say("cmd_excel_copy_protected", lang, {p.what()}));
    } catch (const css::uno::Exception& e) {
        Outcome o = failure(say("cmd_excel_copy_failed", lang, {uno::to_utf8(target)}));
        o.add("Detail", Any(e.Message));
        return o;
    }
    rtl::OUString path;
    osl::FileBase::getSystemPathFromFileURL(target, path);
    Outcome o;
    o.ok = true;
    o.message = say("cmd_excel_copy_done", lang, {uno::to_utf8(path.isEmpty() ? target : path), std::to_string(frozen)});
    o.add("URL", Any(target));
    o.add("Frozen", Any(sal_Int32(frozen)));
    return o;
}

}  // namespace pegkit::sidebar
