#pragma once
// What every command works on and returns: the active sheet of a frame, the outcome reported to
// the caller (commands.hpp), a progress bar. Used by the command files (cmd_*.cpp, dispatch.cpp).
#include "diagnostic.hpp"
#include "plan.hpp"
#include "sheet.hpp"
#include "summary_link.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pegkit::sidebar {

struct ActiveSheet {
    css::uno::Reference<css::frame::XModel> model;
    css::uno::Reference<css::sheet::XSpreadsheetDocument> document;
    css::uno::Reference<css::sheet::XSpreadsheet> sheet;
    css::uno::Reference<css::lang::XMultiServiceFactory> factory;
    css::uno::Reference<css::frame::XController> controller;
    css::uno::Reference<css::uno::XComponentContext> context;  // the office's services (text_format_first.hpp)
    std::string sheet_name;
    sal_Int16 sheet_index = 0;
};

// The frame's document and active sheet; nullopt when it is no Calc view.
std::optional<ActiveSheet> active_sheet(const css::uno::Reference<css::frame::XFrame>& frame,
                                        const css::uno::Reference<css::uno::XComponentContext>& context);
// Another sheet of the same view, as the commands see the active one. Throws UNO exceptions.
ActiveSheet sheet_of(const ActiveSheet& s, const std::string& name);
std::vector<std::string> sheet_names(const ActiveSheet& s);
// The plan a summary command works on from `s` and its summary sheet, if any (summary_link.hpp).
SummaryTarget summary_target_of(const ActiveSheet& s);

struct Outcome {
    bool ok = false;
    std::string message;
    std::vector<css::beans::PropertyValue> values;  // "Findings", "Errors", ... (commands.hpp)
    bool offer_clear = false;                        // the infobar offers Clear marks
    void add(const char* name, css::uno::Any value);
};
Outcome failure(std::string message);
struct EditRun;
// A write that failed half way: the message in the user's words, the technical reason as "Detail".
Outcome failed_edit(const EditRun& run, Lang lang);

class Progress {
public:
    Progress(const css::uno::Reference<css::frame::XFrame>& frame, const std::string& label);
    void set(int percent);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

private:
    css::uno::Reference<css::task::XStatusIndicator> m_indicator;
};

// What Normalize was asked for: the preview's ticked cells (none given: every rewrite of the
// plan, as a macro asks) and whether the texts go into new columns beside the originals.
struct NormalizeRequest {
    std::optional<std::vector<ChosenRewrite>> chosen;
    bool new_columns = false;
};

// Mark not assessable: the rows (0-based sheet rows; none given: the selection's) and the reason,
// or clear their marks.
struct MarkRequest {
    std::optional<std::vector<int>> rows;
    std::string reason;
    bool clear = false;
};

// The sheet read and checked.
struct Checked {
    Grid grid;
    int first_row = 0;  // the sheet row of grid row 0
    SheetCheck check;
    std::vector<bool> hidden;  // per grid row
    double read_seconds = 0, check_seconds = 0;
    std::optional<Summary> workbook;  // Summary over every sheet with a table, when asked for
    int max_notes = default_max_notes;  // Tools ▸ Options ▸ PEG: notes Validate writes
    NormalizeRequest normalize;
    MarkRequest mark;
};

// Told when a command ends, whoever dispatched it (the menu, a macro, a panel), so that the panels
// show the sheet as it is then. Registered by the panels for their lifetime (dispatch.cpp).
class CommandWatcher {
public:
    virtual void command_finished() = 0;

protected:
    ~CommandWatcher() = default;
};
void watch_commands(CommandWatcher* watcher);
void unwatch_commands(CommandWatcher* watcher);
bool command_running();  // a panel must not read a sheet a command is writing

// The commands, each after the dispatcher has found the sheet writable (writable.hpp).
Outcome validate(const ActiveSheet& s, const Checked& c, Lang lang);
Outcome clear_marks(const ActiveSheet& s, Lang lang);
Outcome normalize(const ActiveSheet& s, const Checked& c, Lang lang);
// Summary of the plan sheet `s`: a new sheet, or `existing` rewritten in place (summary_link.hpp).
Outcome summary(const ActiveSheet& s, const Checked& c, const std::optional<SummaryLink>& existing, Lang lang);
Outcome mark_not_assessable(const ActiveSheet& s, const Checked& c, const MarkRequest& request, Lang lang);
// Export PDF: the summary sheet of the active plan (or the active summary) as a PDF (url, or
// "<name> (riepilogo).pdf" beside the document), never the document.
Outcome export_pdf(const ActiveSheet& s, const std::optional<std::string>& url, Lang lang);
// "file:///srv/peg/PEG 2020.ods" -> "file:///srv/peg/PEG 2020<suffix>", the suffix URL-encoded.
rtl::OUString beside(const rtl::OUString& url, const std::string& suffix);
// Copy for Excel: writes a copy (url, or "<name> (valori).xlsx" beside the document), never the document.
Outcome excel_copy(const ActiveSheet& s, const css::uno::Reference<css::uno::XComponentContext>& context,
                   const std::optional<std::string>& url, Lang lang);

}  // namespace pegkit::sidebar
