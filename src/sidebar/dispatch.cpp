// The protocol handler behind vnd.pegkit:Validate|Normalize|Summary|ClearMarks (commands.hpp):
// finds the active sheet, checks that the command may write, reads and checks the sheet once,
// and hands over to the command (cmd_*.cpp). No exception leaves a UNO method.
#include "commands.hpp"

#include "catalogue.hpp"

#include "command.hpp"
#include "messages.hpp"
#include "open_deck.hpp"
#include "settings.hpp"
#include "writable.hpp"

#include "convert.hpp"
#include "column_choice.hpp"
#include "doc_options.hpp"
#include "grid.hpp"
#include "merges.hpp"
#include "doc_store.hpp"
#include "summary_link.hpp"

#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/beans/StringPair.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/InfobarType.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XInfobarProvider.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/URL.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <mutex>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using rtl::OUString;

namespace pegkit::sidebar {
namespace {

constexpr char implementation_name[] = "it.pegkit.calc.CommandsImpl";

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// One command at a time in the office: a click while the progress bar runs reschedules on the
// same thread, so this is a flag, not a lock.
bool running = false;
std::mutex watchers_mutex;
std::vector<CommandWatcher*> watchers;

void tell_watchers() {
    std::vector<CommandWatcher*> now;
    {
        std::lock_guard<std::mutex> lock(watchers_mutex);
        now = watchers;
    }
    for (CommandWatcher* w : now) w->command_finished();
}

class Busy {
public:
    Busy() : m_took(!running) { running = true; }
    ~Busy() {
        if (!m_took) return;
        running = false;
        tell_watchers();
    }
    bool took() const { return m_took; }
    Busy(const Busy&) = delete;
    Busy& operator=(const Busy&) = delete;

private:
    bool m_took;
};

}  // namespace

void watch_commands(CommandWatcher* watcher) {
    std::lock_guard<std::mutex> lock(watchers_mutex);
    watchers.push_back(watcher);
}
void unwatch_commands(CommandWatcher* watcher) {
    std::lock_guard<std::mutex> lock(watchers_mutex);
    watchers.erase(std::remove(watchers.begin(), watchers.end(), watcher), watchers.end());
}
bool command_running() { return running; }

namespace {

std::optional<Command> command_of(const css::util::URL& url) {
    if (url.Protocol != OUString::createFromAscii(std::string(command_protocol).c_str())) return std::nullopt;
    for (Command c : {Command::validate, Command::normalize, Command::summary, Command::clear_marks,
                      Command::mark_not_assessable, Command::excel_copy, Command::export_pdf})
        if (url.Path == OUString::createFromAscii(std::string(command_path(c)).c_str())) return c;
    return std::nullopt;
}

// vnd.pegkit:NormalizePreview, the PEG menu's Normalize: opens the deck's preview, writes nothing.
bool is_preview(const css::util::URL& url) {
    return url.Protocol == OUString::createFromAscii(std::string(command_protocol).c_str()) && url.Path == "NormalizePreview";
}

// Why there is no table (no_header, empty_sheet, a missing column, a card), as the core words it.
std::optional<std::string> table_problem(const SheetCheck& check, Lang lang) {
    if (check.found) return std::nullopt;
    for (const Finding& f : check.findings)
        if (f.code == Diag::empty_sheet || says_why_no_table(f.code)) {
            std::string m = message(f.code, lang, f.args);
            if (!m.empty()) m[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(m[0])));
            return m + ".";
        }
    return message(Diag::no_header, lang);
}

// Every other sheet with a table, checked as the active one is, for a Summary of the workbook
// (one office keeps a sheet per Settore); summary sheets and sheets too large to read are left out.
Summary workbook_summary(const ActiveSheet& s, const SheetCheck& active, const SheetOptions& options) {
    std::vector<SheetCheck> checks;
    std::vector<std::string> names;
    const Reference<css::container::XIndexAccess> sheets(s.document->getSheets(), css::uno::UNO_QUERY_THROW);
    const std::string links = uno::read_text_property(s.model, summaries_property).value_or("");
    const std::vector<std::string> all_names = sheet_names(s);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        if (i == s.sheet_index) continue;
        const Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(i), css::uno::UNO_QUERY_THROW);
        const std::string name = uno::to_utf8(Reference<css::container::XNamed>(sheet, css::uno::UNO_QUERY_THROW)->getName());
        if (name.rfind("Riepilogo PEG", 0) == 0 || is_summary_sheet(links, name, all_names)) continue;
        const uno::SheetArea area = uno::used_area(sheet);
        if (uno::exceeds_cell_limit(area)) continue;
        Grid grid = uno::read_grid(s.document, sheet, area);
        grid.merges = uno::read_merges(sheet, area);
        SheetOptions o = options;
        o.actual_column.reset();  // the panel's choice names the active sheet's columns
        o.weight_column.reset();
        SheetCheck check = check_sheet(grid, uno::with_document(s.document, sheet, area, o, Lang::en).options);
        if (!check.found) continue;
        checks.push_back(std::move(check));
        names.push_back(name);
    }
    std::vector<NamedCheck> all{{s.sheet_name, &active}};
    for (std::size_t i = 0; i < checks.size(); ++i) all.push_back({names[i], &checks[i]});
    return summarize(all);
}

// What the caller asked for beyond the command itself (the dispatch arguments, commands.hpp).
struct Request {
    SheetOptions options;
    bool workbook = false;  // Summary: every sheet with a table
    int max_notes = default_max_notes;
    NormalizeRequest normalize;
    MarkRequest mark;
    std::optional<std::string> url;  // ExcelCopy
    Reference<css::uno::XComponentContext> context;
};

// "Rows": sheet rows, as sequence<long> (C++) or sequence<any> (Basic, Python).
std::vector<int> sheet_rows(const Any& value) {
    std::vector<int> out;
    Sequence<sal_Int32> longs;
    if (value >>= longs) {
        for (sal_Int32 r : longs) if (r >= 0) out.push_back(int(r));
        return out;
    }
    Sequence<Any> any;
    value >>= any;
    for (const Any& a : any) {
        sal_Int32 r = -1;
        if ((a >>= r) && r >= 0) out.push_back(int(r));
    }
    return out;
}

// "Cells": the Normalize preview's ticked cells, {long row, long column, string after} each.
std::vector<ChosenRewrite> chosen_cells(const Any& value) {
    std::vector<ChosenRewrite> out;
    Sequence<Sequence<Any>> rows;
    if (!(value >>= rows)) {
        // a macro's array of arrays arrives as sequence<any> (Basic, Python)
        Sequence<Any> outer;
        value >>= outer;
        rows.realloc(outer.getLength());
        for (sal_Int32 i = 0; i < outer.getLength(); ++i) outer[i] >>= rows.getArray()[i];
    }
    for (const Sequence<Any>& r : rows) {
        sal_Int32 row = -1, col = -1;
        OUString after;
        if (r.getLength() >= 3 && (r[0] >>= row) && (r[1] >>= col) && (r[2] >>= after) && row >= 0 && col >= 0)
            out.push_back({{int(row), int(col)}, uno::to_utf8(after)});
    }
    return out;
}

Outcome run(Command command, const Reference<css::frame::XFrame>& frame, Lang lang, const Request& request) {
    const SheetOptions& options = request.options;
    const bool workbook = request.workbook;
    const auto started = std::chrono::steady_clock::now();
    auto s = active_sheet(frame, request.context);
    if (!s) return failure(text(Msg::no_document, lang));
    if (command == Command::excel_copy) return excel_copy(*s, request.context, request.url, lang);  // writes a copy only
    if (command == Command::export_pdf) return export_pdf(*s, request.url, lang);                    // writes a PDF only
    std::optional<SummaryLink> existing;
    if (command == Command::summary) {
        // from its summary sheet, Summary reads the plan; an existing summary is rewritten
        const SummaryTarget target = summary_target_of(*s);
        if (target.plan != s->sheet_name) s = sheet_of(*s, target.plan);
        existing = target.existing;
    }
    const Writes writes = command == Command::summary               ? (existing ? Writes::sheet : Writes::new_sheet)
                          : command == Command::mark_not_assessable ? Writes::document
                                                                    : Writes::sheet;
    if (auto why = why_not_writable(existing ? sheet_of(*s, existing->summary) : *s, writes, lang))
        return failure(*why);
    Progress progress(frame, text(Msg::progress, lang, {command_name(command, lang)}));
    if (command == Command::clear_marks) return clear_marks(*s, lang);

    const uno::SheetArea area = uno::used_area(s->sheet);
    if (uno::exceeds_cell_limit(area))
        return failure(text(Msg::too_large, lang, {std::to_string(area.rows), std::to_string(area.cols),
                                                   std::to_string(uno::default_cell_limit)}));
    Checked c;
    c.max_notes = request.max_notes;
    c.normalize = request.normalize;
    auto t0 = std::chrono::steady_clock::now();
    c.grid = uno::read_grid(s->document, s->sheet, area);
    c.first_row = area.first_row;
    c.grid.merges = uno::read_merges(s->sheet, area);  // a header on two rows, as the panels read it
    c.hidden = uno::hidden_rows(s->sheet, area);
    c.read_seconds = seconds_since(t0);
    progress.set(30);
    t0 = std::chrono::steady_clock::now();
    const uno::DocumentOptions document = uno::with_document(s->document, s->sheet, area, options, lang);
    if (!document.profile_error.empty() && (command == Command::validate || command == Command::summary))
        return failure(say("cmd_profile_unreadable", lang, {document.profile_error}));  // never scored by rules it did not ask for
    c.check = check_sheet(c.grid, document.options);
    c.check_seconds = seconds_since(t0);
    progress.set(60);
    if (auto problem = table_problem(c.check, lang)) return failure(*problem);
    if (command == Command::summary && workbook) c.workbook = workbook_summary(*s, c.check, options);

    t0 = std::chrono::steady_clock::now();
    Outcome o = command == Command::validate              ? validate(*s, c, lang)
                : command == Command::normalize           ? normalize(*s, c, lang)
                : command == Command::mark_not_assessable ? mark_not_assessable(*s, c, request.mark, lang)
                                                          : summary(*s, c, existing, lang);
    // where the time goes, for ./dev bench
    char timing[200];
    std::snprintf(timing, sizeof timing, "in the office %.3f s: read %.3f s, check %.3f s, plan and write %.3f s",
                  seconds_since(started), c.read_seconds, c.check_seconds, seconds_since(t0));
    o.add("Timing", Any(uno::to_ou(timing)));
    return o;
}

class Commands : public cppu::WeakImplHelper4<css::frame::XDispatchProvider, css::frame::XNotifyingDispatch,
                                              css::lang::XInitialization, css::lang::XServiceInfo> {
public:
    explicit Commands(const Reference<css::uno::XComponentContext>& context) : m_context(context) {}

    // XInitialization: the framework passes the frame the handler serves.
    void SAL_CALL initialize(const Sequence<Any>& args) override {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (const Any& a : args) {
            Reference<css::frame::XFrame> frame;
            if ((a >>= frame) && frame.is()) m_frame = frame;
        }
    }

    // XDispatchProvider
    Reference<css::frame::XDispatch> SAL_CALL queryDispatch(const css::util::URL& url, const OUString&, sal_Int32) override {
        try {
            if (command_of(url) || is_preview(url)) return this;
        } catch (...) {
        }
        return nullptr;
    }
    Sequence<Reference<css::frame::XDispatch>> SAL_CALL
    queryDispatches(const Sequence<css::frame::DispatchDescriptor>& requests) override {
        Sequence<Reference<css::frame::XDispatch>> out(requests.getLength());
        for (sal_Int32 i = 0; i < requests.getLength(); ++i)
            out.getArray()[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName, requests[i].SearchFlags);
        return out;
    }

    // XDispatch
    void SAL_CALL dispatch(const css::util::URL& url, const Sequence<css::beans::PropertyValue>& args) override {
        dispatchWithNotification(url, args, nullptr);
    }
    void SAL_CALL addStatusListener(const Reference<css::frame::XStatusListener>& listener, const css::util::URL& url) override {
        // Always enabled: a command on a sheet that is no PEG says why instead of greying out.
        try {
            if (!listener.is()) return;
            css::frame::FeatureStateEvent event;
            event.Source = static_cast<cppu::OWeakObject*>(this);
            event.FeatureURL = url;
            event.IsEnabled = command_of(url).has_value() || is_preview(url);
            listener->statusChanged(event);
        } catch (...) {
        }
    }
    void SAL_CALL removeStatusListener(const Reference<css::frame::XStatusListener>&, const css::util::URL&) override {}

    // XNotifyingDispatch
    void SAL_CALL dispatchWithNotification(const css::util::URL& url, const Sequence<css::beans::PropertyValue>& args,
                                           const Reference<css::frame::XDispatchResultListener>& listener) override {
        Outcome outcome;
        Lang lang = Lang::en;
        std::string path = "?", title = "?";
        bool quiet = false;
        Reference<css::frame::XFrame> frame;
        try {
            // Summary's ActualColumn / WeightColumn: 0-based sheet columns the user chose, -1 for none
            const uno::Settings settings = uno::read_settings(m_context);
            Request request;
            request.options = uno::sheet_options(settings);
            request.max_notes = settings.max_notes;
            request.context = m_context;
            for (const auto& a : args) {
                sal_Int32 column = -1;
                if (a.Name == "Quiet") a.Value >>= quiet;
                else if (a.Name == "Workbook") a.Value >>= request.workbook;
                else if (a.Name == "ActualColumn" && (a.Value >>= column)) request.options.actual_column = column;
                else if (a.Name == "WeightColumn" && (a.Value >>= column)) request.options.weight_column = column;
                else if (a.Name == "Cells") request.normalize.chosen = chosen_cells(a.Value);
                else if (a.Name == "NewColumn") a.Value >>= request.normalize.new_columns;
                else if (a.Name == "Rows") request.mark.rows = sheet_rows(a.Value);
                else if (a.Name == "URL") {
                    OUString u;
                    if (a.Value >>= u) request.url = uno::to_utf8(u);
                }
                else if (a.Name == "Clear") a.Value >>= request.mark.clear;
                else if (a.Name == "Reason") {
                    OUString reason;
                    a.Value >>= reason;
                    request.mark.reason = uno::to_utf8(reason);
                }
            }
            lang = uno::ui_language(m_context);
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                frame = m_frame;
            }
            const auto command = command_of(url);
            Busy busy;
            if (command) path = std::string(command_path(*command)), title = command_name(*command, lang);
            if (is_preview(url)) {
                path = "NormalizePreview";
                quiet = true;  // the deck is the answer; it writes nothing, so it needs no Busy
                outcome = show_normalize_preview(m_context, frame, lang);
            } else if (!command) outcome = failure(text(Msg::no_document, lang));
            else if (!busy.took()) outcome = failure(text(Msg::busy, lang)), outcome.add("Busy", Any(true));
            else outcome = run(*command, frame, lang, request);
        } catch (const css::uno::Exception& e) {
            outcome = failure(text(Msg::internal_error, lang));
            outcome.add("Detail", Any(e.Message));
        } catch (const std::exception& e) {
            outcome = failure(text(Msg::internal_error, lang));
            outcome.add("Detail", Any(uno::to_ou(e.what())));
        } catch (...) {
            outcome = failure(text(Msg::internal_error, lang));
        }
        try {
            if (!quiet) show(frame, title, outcome, lang);
        } catch (...) {
        }
        try {
            if (listener.is()) {
                outcome.add("Command", Any(uno::to_ou(path)));
                outcome.add("Message", Any(uno::to_ou(outcome.message)));
                css::frame::DispatchResultEvent event;
                event.Source = static_cast<cppu::OWeakObject*>(this);
                event.State = outcome.ok ? css::frame::DispatchResultState::SUCCESS : css::frame::DispatchResultState::FAILURE;
                event.Result <<= Sequence<css::beans::PropertyValue>(outcome.values.data(),
                                                                     static_cast<sal_Int32>(outcome.values.size()));
                listener->dispatchFinished(event);
            }
        } catch (...) {
        }
    }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override { return implementation_name; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override { return cppu::supportsService(this, name); }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        Sequence<OUString> names(1);
        names.getArray()[0] = "com.sun.star.frame.ProtocolHandler";
        return names;
    }

private:
    // A non-modal infobar on a visible document; a hidden one (headless, macros) gets none, so
    // nothing ever waits for a click.
    static void show(const Reference<css::frame::XFrame>& frame, const std::string& title, const Outcome& o, Lang lang) {
        if (!frame.is()) return;
        const Reference<css::awt::XWindow2> window(frame->getContainerWindow(), UNO_QUERY);
        if (!window.is() || !window->isVisible()) return;
        const Reference<css::frame::XInfobarProvider> bars(frame->getController(), UNO_QUERY);
        if (!bars.is()) return;
        const OUString id = "pegkit";
        if (bars->hasInfobar(id)) bars->removeInfobar(id);
        Sequence<css::beans::StringPair> buttons;
        if (o.offer_clear) {
            buttons.realloc(1);
            buttons.getArray()[0] = css::beans::StringPair(uno::to_ou(text(Msg::clear_button, lang)), "vnd.pegkit:ClearMarks");
        }
        bars->appendInfobar(id, uno::to_ou("PEG: " + title), uno::to_ou(o.message),
                            o.ok ? css::frame::InfobarType::INFO : css::frame::InfobarType::WARNING, buttons, true);
    }

    Reference<css::uno::XComponentContext> m_context;
    Reference<css::frame::XFrame> m_frame;
    std::mutex m_mutex;  // m_frame only; never held while a command runs
};

}  // namespace
}  // namespace pegkit::sidebar

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
it_pegkit_calc_Commands_get_implementation(css::uno::XComponentContext* context, const css::uno::Sequence<css::uno::Any>&) {
    try {
        return cppu::acquire(new pegkit::sidebar::Commands(context));
    } catch (...) {
        return nullptr;
    }
}
