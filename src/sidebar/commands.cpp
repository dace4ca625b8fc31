// The protocol handler behind vnd.pegkit:Validate|Normalize|Summary|ClearMarks (commands.hpp).
// Each command reads the active sheet once into a Grid, calls the core, and writes once, inside
// one undo context. Failures are reported, never thrown: no exception leaves a UNO method.
#include "commands.hpp"

#include "clean.hpp"
#include "convert.hpp"
#include "grid.hpp"
#include "sheet.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/beans/PropertyState.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/StringPair.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/InfobarType.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XInfobarProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/i18n/NumberFormatIndex.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetAnnotationAnchor.hpp>
#include <com/sun/star/sheet/XSheetAnnotations.hpp>
#include <com/sun/star/sheet/XSheetAnnotationsSupplier.hpp>
#include <com/sun/star/sheet/XSheetCellRangeContainer.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUniqueCellFormatRangesSupplier.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableChart.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/URL.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <com/sun/star/util/XProtectable.hpp>
#include <com/sun/star/xml/AttributeData.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace pegkit::sidebar {
namespace {

constexpr char implementation_name[] = "it.pegkit.calc.CommandsImpl";
constexpr char mark_attribute[] = "pegkit:mark";
constexpr char mark_namespace[] = "urn:it.pegkit:marks";
// Our notes start with this, so Clear marks never removes a note the user wrote.
constexpr char note_prefix[] = "[PEG] ";
constexpr char summary_base[] = "Riepilogo PEG";

// Excel's "bad", "neutral" and "good" fills: what office users read as red, amber, green.
constexpr sal_Int32 red = 0xFFC7CE, amber = 0xFFEB9C, green = 0xC6EFCE;

using OUString = rtl::OUString;

// ---------------------------------------------------------------------------------- messages

enum class Msg {
    protected_sheet, nothing_changed, no_document, internal_error,
    validated, validated_clean, cleared, nothing_to_clear, normalized, nothing_to_normalize,
    summary_done, summary_no_actual, summary_protected_doc,
    col_objectives, col_assessed, col_met, col_pct_met, col_mean, col_not_assessable,
    by_cdr, by_mission, by_programme, by_strategic, total, not_given, summary_title, summary_weighted,
    summary_legend, chart_title, progress, error_word, warning_word, clear_button,
};

struct Text { Msg id; std::string_view it, en; };
constexpr Text texts[] = {
    {Msg::protected_sheet, "Il foglio «{0}» è protetto: rimuovere la protezione (Strumenti ▸ Proteggi foglio) e riprovare.",
     "Sheet '{0}' is protected: unprotect it (Tools ▸ Protect Sheet) and try again."},
    {Msg::nothing_changed, "Nessuna modifica.", "Nothing was changed."},
    {Msg::no_document, "Il comando funziona su un foglio di Calc.", "This command works on a Calc spreadsheet."},
    {Msg::internal_error, "Errore interno: {0}", "Internal error: {0}"},
    {Msg::validated, "{0} errori e {1} avvisi: {2} celle evidenziate con un commento.",
     "{0} errors and {1} warnings: {2} cells highlighted with a comment."},
    {Msg::validated_clean, "Nessun errore né avviso in {0} obiettivi.", "No errors or warnings in {0} objectives."},
    {Msg::cleared, "Segni di verifica rimossi da {0} celle.", "Validation marks removed from {0} cells."},
    {Msg::nothing_to_clear, "Nessun segno di verifica nel foglio.", "No validation marks on this sheet."},
    {Msg::normalized, "{0} celle di testo normalizzate (un solo Annulla le ripristina).",
     "{0} text cells normalized (a single Undo restores them)."},
    {Msg::nothing_to_normalize, "Niente da normalizzare: il testo è già in forma normale.",
     "Nothing to normalize: the text is already in normal form."},
    {Msg::summary_done, "Riepilogo scritto nel foglio «{0}».", "Summary written to sheet '{0}'."},
    {Msg::summary_no_actual, "Riepilogo scritto nel foglio «{0}»; manca la colonna Valore raggiunto: nessun obiettivo valutato.",
     "Summary written to sheet '{0}'; there is no Valore raggiunto column: nothing assessed."},
    {Msg::summary_protected_doc, "La struttura del documento è protetta: non si può aggiungere il foglio di riepilogo.",
     "The document structure is protected: the summary sheet cannot be added."},
    {Msg::col_objectives, "Obiettivi", "Objectives"},
    {Msg::col_assessed, "Valutati", "Assessed"},
    {Msg::col_met, "Raggiunti", "Met"},
    {Msg::col_pct_met, "% raggiunti", "% met"},
    {Msg::col_mean, "Raggiungimento medio", "Mean attainment"},
    {Msg::col_not_assessable, "Non valutabili", "Not assessable"},
    {Msg::by_cdr, "CdR", "CdR"},
    {Msg::by_mission, "Missione", "Mission"},
    {Msg::by_programme, "Programma", "Programme"},
    {Msg::by_strategic, "Obiettivo strategico", "Strategic objective"},
    {Msg::total, "Totale", "Total"},
    {Msg::not_given, "(non indicato)", "(not given)"},
    {Msg::summary_title, "Riepilogo PEG del foglio «{0}»{1}", "PEG summary of sheet '{0}'{1}"},
    {Msg::summary_weighted, "Raggiungimento medio ponderato con la colonna Peso.", "Mean attainment weighted by the Peso column."},
    {Msg::summary_legend, "Colori: verde ≥ 90%, giallo 60–90%, rosso < 60%.", "Colours: green ≥ 90%, amber 60–90%, red < 60%."},
    {Msg::chart_title, "Raggiungimento medio per CdR", "Mean attainment per CdR"},
    {Msg::progress, "PEG: {0}…", "PEG: {0}…"},
    {Msg::error_word, "errore", "error"},
    {Msg::warning_word, "avviso", "warning"},
    {Msg::clear_button, "Cancella segni", "Clear marks"},
};

std::string text(Msg id, Lang lang, const std::vector<std::string>& args = {}) {
    std::string_view pattern;
    for (const Text& t : texts)
        if (t.id == id) pattern = lang == Lang::it ? t.it : t.en;
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
            const std::size_t n = static_cast<std::size_t>(pattern[i + 1] - '0');
            if (n < args.size()) out += args[n];
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

// ----------------------------------------------------------------------------- sheet helpers

std::string cell_name(int row, int col) {
    std::string letters;
    for (int c = col + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row + 1);
}

css::table::CellRangeAddress range_address(sal_Int16 sheet, int first_row, int first_col, int last_row, int last_col) {
    css::table::CellRangeAddress a;
    a.Sheet = sheet;
    a.StartRow = first_row;
    a.StartColumn = first_col;
    a.EndRow = last_row;
    a.EndColumn = last_col;
    return a;
}

// A collection of ranges, to set a property on many cells in one call.
Reference<css::sheet::XSheetCellRangeContainer> make_ranges(const Reference<css::lang::XMultiServiceFactory>& factory,
                                                            const std::vector<css::table::CellRangeAddress>& addresses) {
    Reference<css::sheet::XSheetCellRangeContainer> ranges(factory->createInstance("com.sun.star.sheet.SheetCellRanges"),
                                                           UNO_QUERY_THROW);
    ranges->addRangeAddresses(Sequence<css::table::CellRangeAddress>(addresses.data(), static_cast<sal_Int32>(addresses.size())),
                              false);
    return ranges;
}

// One undo step for everything a command writes; also keeps the views from repainting per call.
// Left without commit() (an exception on the way), the step is undone: a failure changes nothing.
class UndoStep {
public:
    UndoStep(const Reference<css::frame::XModel>& model, const OUString& title) : m_model(model) {
        const Reference<css::document::XUndoManagerSupplier> supplier(model, UNO_QUERY);
        if (supplier.is()) m_undo = supplier->getUndoManager();
        if (m_undo.is()) {
            m_depth = m_undo->getAllUndoActionTitles().getLength();
            m_undo->enterUndoContext(title);
        }
        m_model->lockControllers();
    }
    void commit() { m_committed = true; }
    ~UndoStep() {
        try {
            m_model->unlockControllers();
            if (!m_undo.is()) return;
            m_undo->leaveUndoContext();
            // an empty context adds no action: then undo() would take back the user's last edit
            if (!m_committed && m_undo->getAllUndoActionTitles().getLength() > m_depth) m_undo->undo();
        } catch (...) {
        }
    }
    UndoStep(const UndoStep&) = delete;
    UndoStep& operator=(const UndoStep&) = delete;

private:
    Reference<css::frame::XModel> m_model;
    Reference<css::document::XUndoManager> m_undo;
    sal_Int32 m_depth = 0;
    bool m_committed = false;
};

class Progress {
public:
    Progress(const Reference<css::frame::XFrame>& frame, const std::string& label) {
        try {
            const Reference<css::task::XStatusIndicatorFactory> factory(frame, UNO_QUERY);
            if (factory.is()) m_indicator = factory->createStatusIndicator();
            if (m_indicator.is()) m_indicator->start(uno::to_ou(label), 100);
        } catch (const css::uno::Exception&) {
            m_indicator.clear();
        }
    }
    void set(int percent) {
        try {
            if (m_indicator.is()) m_indicator->setValue(percent);
        } catch (const css::uno::Exception&) {
        }
    }
    ~Progress() {
        try {
            if (m_indicator.is()) m_indicator->end();
        } catch (...) {
        }
    }
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

private:
    Reference<css::task::XStatusIndicator> m_indicator;
};

// ----------------------------------------------------------------------------------- outcome

struct Outcome {
    bool ok = false;
    std::string message;
    std::vector<css::beans::PropertyValue> values;  // "Findings", "Errors", ... (commands.hpp)
    bool offer_clear = false;                        // the infobar offers Clear marks

    void add(const char* name, Any value) {
        css::beans::PropertyValue p;
        p.Name = OUString::createFromAscii(name);
        p.Value = std::move(value);
        values.push_back(std::move(p));
    }
};

Outcome failure(std::string message, Lang lang) {
    Outcome o;
    o.message = std::move(message) + " " + text(Msg::nothing_changed, lang);
    return o;
}

// What a command works on: the frame's Calc document and its active sheet.
struct Target {
    Reference<css::frame::XModel> model;
    Reference<css::sheet::XSpreadsheetDocument> document;
    Reference<css::sheet::XSpreadsheet> sheet;
    Reference<css::lang::XMultiServiceFactory> factory;
    Reference<css::frame::XController> controller;
    std::string sheet_name;
    sal_Int16 sheet_index = 0;
};

std::optional<Target> target_of(const Reference<css::frame::XFrame>& frame) {
    Target t;
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

bool is_protected(const Reference<css::uno::XInterface>& object) {
    const Reference<css::util::XProtectable> protectable(object, UNO_QUERY);
    return protectable.is() && protectable->isProtected();
}

// The sheet read and checked; a failure when there is no PEG table to work on.
struct Checked {
    Grid grid;
    SheetCheck check;
    double read_seconds = 0, check_seconds = 0;
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::optional<Checked> read_and_check(const Target& t, Progress& progress, const SheetOptions& options) {
    Checked c;
    auto t0 = std::chrono::steady_clock::now();
    c.grid = uno::read_grid(t.document, t.sheet, uno::used_area(t.sheet));
    c.read_seconds = seconds_since(t0);
    progress.set(30);
    t0 = std::chrono::steady_clock::now();
    c.check = check_sheet(c.grid, options);
    c.check_seconds = seconds_since(t0);
    progress.set(60);
    return c;
}

// no_header or empty_sheet, as the core words it.
std::optional<std::string> table_problem(const SheetCheck& check, Lang lang) {
    if (check.found) return std::nullopt;
    for (const Finding& f : check.findings)
        if (f.code == Diag::empty_sheet || f.code == Diag::no_header) {
            std::string m = message(f.code, lang, f.args);
            if (!m.empty()) m[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(m[0])));
            return m + ".";
        }
    return message(Diag::no_header, lang);
}

// --------------------------------------------------------------------------------- the marks
// A marked cell holds a user-defined attribute "pegkit:mark" recording the state it had before:
// "bg=default" or "bg=<colour>", "uda=default|kept", "note=0|1". Clear marks restores exactly that;
// our notes start with note_prefix, so a note the user wrote or already had is never removed.

struct MarkState {
    std::string bg;            // "default" or the colour as a decimal number
    bool uda_default = true;   // the cell had no user-defined attributes of its own
    bool note = false;         // we added the note
};

std::string encode(const MarkState& s) {
    return "bg=" + s.bg + ";uda=" + (s.uda_default ? "default" : "kept") + ";note=" + (s.note ? "1" : "0");
}

MarkState decode(const std::string& value) {
    MarkState s;
    s.bg = "default";
    std::size_t pos = 0;
    while (pos <= value.size()) {
        std::size_t end = value.find(';', pos);
        if (end == std::string::npos) end = value.size();
        const std::string item = value.substr(pos, end - pos);
        if (item.rfind("bg=", 0) == 0) s.bg = item.substr(3);
        else if (item == "uda=kept") s.uda_default = false;
        else if (item == "note=1") s.note = true;
        pos = end + 1;
    }
    return s;
}

Any attribute_value(const std::string& value) {
    css::xml::AttributeData data;
    data.Namespace = OUString::createFromAscii(mark_namespace);
    data.Type = "CDATA";
    data.Value = uno::to_ou(value);
    return Any(data);
}

std::optional<std::string> mark_of(const Reference<css::beans::XPropertySet>& props) {
    Reference<css::container::XNameContainer> uda;
    if (!(props->getPropertyValue("UserDefinedAttributes") >>= uda) || !uda.is() || !uda->hasByName(mark_attribute))
        return std::nullopt;
    css::xml::AttributeData data;
    uda->getByName(mark_attribute) >>= data;
    return uno::to_utf8(data.Value);
}

// Restores every marked cell of the sheet; returns how many cells were restored.
int clear_marks(const Target& t) {
    const Reference<css::sheet::XUniqueCellFormatRangesSupplier> supplier(t.sheet, UNO_QUERY_THROW);
    const Reference<css::container::XIndexAccess> groups = supplier->getUniqueCellFormatRanges();
    struct Group { Reference<css::sheet::XSheetCellRanges> ranges; MarkState state; };
    std::vector<Group> marked;
    for (sal_Int32 i = 0; i < groups->getCount(); ++i) {
        Reference<css::sheet::XSheetCellRanges> ranges(groups->getByIndex(i), UNO_QUERY);
        const Reference<css::beans::XPropertySet> props(ranges, UNO_QUERY);
        if (!props.is()) continue;
        if (auto value = mark_of(props)) marked.push_back({ranges, decode(*value)});
    }
    if (marked.empty()) return 0;

    // Our notes first, while we still know which cells are ours.
    std::vector<css::table::CellRangeAddress> notes;
    int cells = 0;
    for (const Group& g : marked)
        for (const auto& a : g.ranges->getRangeAddresses())
            for (sal_Int32 r = a.StartRow; r <= a.EndRow; ++r)
                for (sal_Int32 c = a.StartColumn; c <= a.EndColumn; ++c) {
                    ++cells;
                    if (!g.state.note) continue;
                    const Reference<css::sheet::XSheetAnnotationAnchor> anchor(t.sheet->getCellByPosition(c, r), UNO_QUERY);
                    const Reference<css::text::XSimpleText> note(anchor.is() ? anchor->getAnnotation() : nullptr, UNO_QUERY);
                    if (note.is() && note->getString().startsWith(note_prefix))
                        notes.push_back(range_address(t.sheet_index, r, c, r, c));
                }
    if (!notes.empty()) {
        const Reference<css::sheet::XSheetOperation> op(make_ranges(t.factory, notes), UNO_QUERY_THROW);
        op->clearContents(css::sheet::CellFlags::ANNOTATION);
    }

    for (const Group& g : marked) {
        const Reference<css::beans::XPropertySet> props(g.ranges, UNO_QUERY_THROW);
        const Reference<css::beans::XPropertyState> state(g.ranges, UNO_QUERY_THROW);
        if (g.state.bg == "default") {
            state->setPropertyToDefault("CellBackColor");
        } else {
            const sal_Int32 colour = static_cast<sal_Int32>(std::strtol(g.state.bg.c_str(), nullptr, 10));
            props->setPropertyValue("CellBackColor", Any(colour));
            if (colour == -1) props->setPropertyValue("IsCellBackgroundTransparent", Any(true));
        }
        Reference<css::container::XNameContainer> uda;
        props->getPropertyValue("UserDefinedAttributes") >>= uda;
        if (uda.is() && uda->hasByName(mark_attribute)) uda->removeByName(mark_attribute);
        if (g.state.uda_default && (!uda.is() || !uda->hasElements()))
            state->setPropertyToDefault("UserDefinedAttributes");
        else
            props->setPropertyValue("UserDefinedAttributes", Any(uda));
    }
    return cells;
}

std::string_view severity_word(Severity s) { return severity_name(s); }

Outcome validate(const Target& t, const Checked& c, Lang lang, int cleared_before) {
    // Findings by cell, in sheet order; info findings are listed, not marked.
    std::map<std::pair<int, int>, std::vector<const Finding*>> by_cell;
    int errors = 0, warnings = 0;
    std::vector<Sequence<Any>> rows;
    // Info findings (Normalize would change a cell) can run to one per target on a large sheet:
    // the list carries the first few, the count all of them.
    constexpr int max_info_listed = 1000;
    int infos = 0;
    for (const Finding& f : c.check.findings) {
        if (f.severity == Severity::error) ++errors;
        if (f.severity == Severity::warning) ++warnings;
        if (f.severity == Severity::info && ++infos > max_info_listed) continue;
        const std::string msg = message(f.code, lang, f.args);
        Sequence<Any> row(6);
        Any* out = row.getArray();
        out[0] <<= uno::to_ou(f.col >= 0 ? cell_name(f.row, f.col) : std::string());
        out[1] <<= static_cast<sal_Int32>(f.row);
        out[2] <<= static_cast<sal_Int32>(f.col);
        out[3] <<= uno::to_ou(severity_word(f.severity));
        out[4] <<= uno::to_ou(code_name(f.code));
        out[5] <<= uno::to_ou(msg);
        rows.push_back(row);
        if (f.col >= 0 && f.severity != Severity::info) by_cell[{f.row, f.col}].push_back(&f);
    }

    // The cells' state before marking, grouped so that each group is set in one call.
    struct Key {
        Severity severity;
        std::string state;
        bool operator<(const Key& o) const { return std::tie(severity, state) < std::tie(o.severity, o.state); }
    };
    std::map<Key, std::vector<css::table::CellRangeAddress>> groups;
    struct Kept { css::table::CellRangeAddress address; Severity severity; MarkState state; Reference<css::container::XNameContainer> uda; };
    std::vector<Kept> kept;  // cells with user-defined attributes of their own: set one by one
    const Reference<css::sheet::XSheetAnnotations> annotations =
        Reference<css::sheet::XSheetAnnotationsSupplier>(t.sheet, UNO_QUERY_THROW)->getAnnotations();
    constexpr int max_notes = 200;
    int noted = 0;
    // The cells' previous background and attributes, read per group of identically formatted
    // cells (a few calls for the whole sheet, not a few per cell).
    struct Before { MarkState state; Reference<css::container::XNameContainer> uda; };
    std::map<std::pair<int, int>, Before> before;
    {
        const Reference<css::container::XIndexAccess> formats =
            Reference<css::sheet::XUniqueCellFormatRangesSupplier>(t.sheet, UNO_QUERY_THROW)->getUniqueCellFormatRanges();
        for (sal_Int32 i = 0; i < formats->getCount(); ++i) {
            const Reference<css::sheet::XSheetCellRanges> ranges(formats->getByIndex(i), UNO_QUERY);
            const Reference<css::beans::XPropertySet> props(ranges, UNO_QUERY);
            const Reference<css::beans::XPropertyState> state(ranges, UNO_QUERY);
            if (!ranges.is() || !props.is() || !state.is()) continue;
            std::vector<std::pair<int, int>> inside;
            for (const auto& a : ranges->getRangeAddresses())
                for (auto it = by_cell.lower_bound({a.StartRow, 0}); it != by_cell.end() && it->first.first <= a.EndRow; ++it)
                    if (it->first.second >= a.StartColumn && it->first.second <= a.EndColumn) inside.push_back(it->first);
            if (inside.empty()) continue;
            Before b;
            if (state->getPropertyState("CellBackColor") == css::beans::PropertyState_DEFAULT_VALUE) {
                b.state.bg = "default";
            } else {
                sal_Int32 colour = -1;
                props->getPropertyValue("CellBackColor") >>= colour;
                b.state.bg = std::to_string(colour);
            }
            if (state->getPropertyState("UserDefinedAttributes") != css::beans::PropertyState_DEFAULT_VALUE) {
                props->getPropertyValue("UserDefinedAttributes") >>= b.uda;
                b.state.uda_default = !b.uda.is() || !b.uda->hasElements();
            }
            for (const auto& pos : inside) before[pos] = b;
        }
    }
    for (const auto& [pos, findings] : by_cell) {
        const auto [row, col] = pos;
        MarkState s;
        s.bg = "default";
        Reference<css::container::XNameContainer> uda;
        if (auto it = before.find(pos); it != before.end()) {
            s = it->second.state;
            // each kept cell gets its own copy of its attributes
            if (!s.uda_default) {
                const Reference<css::beans::XPropertySet> props(t.sheet->getCellByPosition(col, row), UNO_QUERY_THROW);
                props->getPropertyValue("UserDefinedAttributes") >>= uda;
            }
        }
        Reference<css::text::XSimpleText> note;
        if (noted < max_notes) {
            const Reference<css::sheet::XSheetAnnotationAnchor> anchor(t.sheet->getCellByPosition(col, row), UNO_QUERY_THROW);
            note.set(anchor->getAnnotation(), UNO_QUERY);
        }
        const Severity severity = std::any_of(findings.begin(), findings.end(),
                                              [](const Finding* f) { return f->severity == Severity::error; })
                                      ? Severity::error : Severity::warning;
        // A note costs a drawing object: the first cells get one, every marked cell gets its colour
        // and the panel lists every finding.
        if (noted < max_notes && (!note.is() || note->getString().isEmpty())) {
            ++noted;
            std::string body = note_prefix;
            for (std::size_t i = 0; i < findings.size(); ++i) {
                if (i) body += "\n";
                body += text(findings[i]->severity == Severity::error ? Msg::error_word : Msg::warning_word, lang) + ": " +
                        message(findings[i]->code, lang, findings[i]->args);
            }
            css::table::CellAddress address;
            address.Sheet = t.sheet_index;
            address.Column = col;
            address.Row = row;
            annotations->insertNew(address, uno::to_ou(body));
            s.note = true;
        }
        const auto address = range_address(t.sheet_index, row, col, row, col);
        if (s.uda_default) groups[{severity, encode(s)}].push_back(address);
        else kept.push_back({address, severity, s, uda});
    }
    for (const auto& [key, addresses] : groups) {
        const Reference<css::beans::XPropertySet> props(make_ranges(t.factory, addresses), UNO_QUERY_THROW);
        Reference<css::container::XNameContainer> uda;
        props->getPropertyValue("UserDefinedAttributes") >>= uda;
        if (!uda.is()) throw std::runtime_error("no UserDefinedAttributes container");
        uda->insertByName(mark_attribute, attribute_value(key.state));
        props->setPropertyValue("UserDefinedAttributes", Any(uda));
        props->setPropertyValue("CellBackColor", Any(key.severity == Severity::error ? red : amber));
    }
    for (Kept& k : kept) {
        const Reference<css::beans::XPropertySet> props(make_ranges(t.factory, {k.address}), UNO_QUERY_THROW);
        if (k.uda->hasByName(mark_attribute)) k.uda->removeByName(mark_attribute);
        k.uda->insertByName(mark_attribute, attribute_value(encode(k.state)));
        props->setPropertyValue("UserDefinedAttributes", Any(k.uda));
        props->setPropertyValue("CellBackColor", Any(k.severity == Severity::error ? red : amber));
    }

    Outcome o;
    o.ok = true;
    const int marked = static_cast<int>(by_cell.size());
    o.message = errors + warnings
                    ? text(Msg::validated, lang, {std::to_string(errors), std::to_string(warnings), std::to_string(marked)})
                    : text(Msg::validated_clean, lang, {std::to_string(c.check.objectives.size())});
    o.offer_clear = marked > 0;
    o.add("Findings", Any(Sequence<Sequence<Any>>(rows.data(), static_cast<sal_Int32>(rows.size()))));
    o.add("Errors", Any(static_cast<sal_Int32>(errors)));
    o.add("Warnings", Any(static_cast<sal_Int32>(warnings)));
    o.add("Infos", Any(static_cast<sal_Int32>(infos)));
    o.add("Noted", Any(static_cast<sal_Int32>(noted)));
    o.add("Marked", Any(static_cast<sal_Int32>(marked)));
    o.add("Cleared", Any(static_cast<sal_Int32>(cleared_before)));
    return o;
}

// ------------------------------------------------------------------------------- normalizing

// The new text of each text cell of the table that normalizing changes: targets take the
// canonical form check_sheet announced (would_normalize), every other text cell is cleaned.
std::map<std::pair<int, int>, std::string> normalized_cells(const Checked& c) {
    std::map<std::pair<int, int>, std::string> out;
    for (const Finding& f : c.check.findings)
        if (f.code == Diag::would_normalize && !f.args.empty()) out[{f.col, f.row}] = f.args[0];
    for (int col : c.check.column) {
        if (col < 0) continue;
        for (int row = c.check.first_row; row <= c.check.last_row; ++row) {
            const Cell& cell = c.grid.at(row, col);
            if (cell.type != CellType::text || cell.formula || out.count({col, row})) continue;
            std::string cleaned = clean(cell.text);
            if (cleaned != cell.text) out[{col, row}] = std::move(cleaned);
        }
    }
    for (auto it = out.begin(); it != out.end();) {
        const Cell& cell = c.grid.at(it->first.second, it->first.first);
        const bool keep = cell.type == CellType::text && !cell.formula && it->second != cell.text;
        it = keep ? std::next(it) : out.erase(it);
    }
    return out;
}

Outcome normalize_sheet(const Target& t, const Checked& c, Lang lang, Progress& progress) {
    const auto changes = normalized_cells(c);
    Outcome o;
    o.ok = true;
    if (changes.empty()) {
        o.message = text(Msg::nothing_to_normalize, lang);
        o.add("Changed", Any(sal_Int32(0)));
        return o;
    }
    {
        UndoStep step(t.model, uno::to_ou(lang == Lang::it ? "PEG: normalizza" : "PEG: normalize"));
        // Runs of consecutive changed cells in one column (keys are ordered by column, then row).
        auto it = changes.begin();
        while (it != changes.end()) {
            const int col = it->first.first, first = it->first.second;
            std::vector<Sequence<Any>> run;
            int row = first;
            for (; it != changes.end() && it->first.first == col && it->first.second == row; ++it, ++row) {
                Sequence<Any> one(1);
                one.getArray()[0] <<= uno::to_ou(it->second);
                run.push_back(one);
            }
            const Reference<css::sheet::XCellRangeData> data(
                t.sheet->getCellRangeByPosition(col, first, col, row - 1), UNO_QUERY_THROW);
            data->setDataArray(Sequence<Sequence<Any>>(run.data(), static_cast<sal_Int32>(run.size())));
        }
        step.commit();
    }
    progress.set(90);
    o.message = text(Msg::normalized, lang, {std::to_string(changes.size())});
    o.add("Changed", Any(static_cast<sal_Int32>(changes.size())));
    return o;
}

// ---------------------------------------------------------------------------------- summary

std::string unique_sheet_name(const Reference<css::sheet::XSpreadsheets>& sheets) {
    std::string name = summary_base;
    for (int n = 2; sheets->hasByName(uno::to_ou(name)); ++n) name = std::string(summary_base) + " " + std::to_string(n);
    return name;
}

Outcome summary_sheet(const Target& t, const Checked& c, Lang lang, Progress& progress) {
    if (is_protected(t.document)) return failure(text(Msg::summary_protected_doc, lang), lang);
    const Summary s = summarize(c.check);
    const Reference<css::sheet::XSpreadsheets> sheets = t.document->getSheets();
    const std::string name = unique_sheet_name(sheets);

    // The whole sheet as one data array, 7 columns. Empty cells are empty strings: setDataArray
    // turns a void into #N/A.
    constexpr int width = 7;
    std::vector<std::vector<Any>> cells;
    std::vector<int> header_rows, total_rows;
    struct Coloured { int row, col; double value; };
    std::vector<Coloured> coloured;
    int cdr_first = -1, cdr_last = -1;
    auto row_of = [&](std::vector<Any> r) { r.resize(width, Any(OUString())); cells.push_back(std::move(r)); return int(cells.size()) - 1; };
    const std::string year = c.check.plan_year ? ", " + std::to_string(*c.check.plan_year) : std::string();
    row_of({Any(uno::to_ou(text(Msg::summary_title, lang, {t.sheet_name, year})))});
    const bool weighted = c.check.col(Column::weight) >= 0;
    row_of({Any(uno::to_ou(text(Msg::summary_legend, lang) + (weighted ? " " + text(Msg::summary_weighted, lang) : "")))});
    auto numbers = [&](const SummaryRow& r, std::vector<Any>& out) {
        out.push_back(Any(double(r.objectives)));
        out.push_back(Any(double(r.assessed)));
        out.push_back(Any(double(r.met)));
        out.push_back(r.assessed ? Any(r.pct_met()) : Any(OUString()));
        out.push_back(r.mean_attainment ? Any(*r.mean_attainment) : Any(OUString()));
        out.push_back(Any(double(r.not_assessable)));
    };
    auto colour = [&](int row, const SummaryRow& r) {
        if (r.assessed) coloured.push_back({row, 4, r.pct_met()});
        if (r.mean_attainment) coloured.push_back({row, 5, *r.mean_attainment});
    };
    for (const SummaryTable& table : s.tables) {
        row_of({});
        const Msg by = table.by == Column::cdr ? Msg::by_cdr : table.by == Column::mission ? Msg::by_mission
                       : table.by == Column::programme ? Msg::by_programme : Msg::by_strategic;
        std::vector<Any> head{Any(uno::to_ou(text(by, lang)))};
        for (Msg m : {Msg::col_objectives, Msg::col_assessed, Msg::col_met, Msg::col_pct_met, Msg::col_mean, Msg::col_not_assessable})
            head.push_back(Any(uno::to_ou(text(m, lang))));
        header_rows.push_back(row_of(head));
        if (table.by == Column::cdr) cdr_first = header_rows.back();
        for (const SummaryRow& r : table.rows) {
            std::vector<Any> line{Any(uno::to_ou(r.group.empty() ? text(Msg::not_given, lang) : r.group))};
            numbers(r, line);
            const int at = row_of(line);
            colour(at, r);
            if (table.by == Column::cdr) cdr_last = at;
        }
        std::vector<Any> total{Any(uno::to_ou(text(Msg::total, lang)))};
        numbers(s.total, total);
        total_rows.push_back(row_of(total));
        colour(total_rows.back(), s.total);
    }
    progress.set(70);

    UndoStep step(t.model, uno::to_ou(lang == Lang::it ? "PEG: riepilogo" : "PEG: summary"));
    sheets->insertNewByName(uno::to_ou(name), static_cast<sal_Int16>(t.sheet_index + 1));
    const Reference<css::sheet::XSpreadsheet> out(sheets->getByName(uno::to_ou(name)), UNO_QUERY_THROW);
    const sal_Int16 index = Reference<css::sheet::XCellRangeAddressable>(out, UNO_QUERY_THROW)->getRangeAddress().Sheet;
    const int rows = static_cast<int>(cells.size());
    std::vector<Sequence<Any>> data;
    for (const auto& r : cells) data.emplace_back(r.data(), width);
    Reference<css::sheet::XCellRangeData>(out->getCellRangeByPosition(0, 0, width - 1, rows - 1), UNO_QUERY_THROW)
        ->setDataArray(Sequence<Sequence<Any>>(data.data(), rows));

    // Styles: bold headings and totals, percentages, traffic lights; each set once over all its cells.
    std::vector<css::table::CellRangeAddress> bold{range_address(index, 0, 0, 0, 0)}, percent, colours[3];
    for (int r : header_rows) bold.push_back(range_address(index, r, 0, r, width - 1));
    for (int r : total_rows) bold.push_back(range_address(index, r, 0, r, width - 1));
    percent.push_back(range_address(index, 0, 4, rows - 1, 5));
    for (const Coloured& k : coloured)
        colours[k.value >= 0.9 - 1e-12 ? 0 : k.value >= 0.6 - 1e-12 ? 1 : 2].push_back(range_address(index, k.row, k.col, k.row, k.col));
    Reference<css::beans::XPropertySet>(make_ranges(t.factory, bold), UNO_QUERY_THROW)
        ->setPropertyValue("CharWeight", Any(css::awt::FontWeight::BOLD));
    const Reference<css::util::XNumberFormatTypes> types(
        Reference<css::util::XNumberFormatsSupplier>(t.document, UNO_QUERY_THROW)->getNumberFormats(), UNO_QUERY_THROW);
    const sal_Int32 pct2 = types->getFormatIndex(css::i18n::NumberFormatIndex::PERCENT_DEC2, css::lang::Locale());
    Reference<css::beans::XPropertySet>(make_ranges(t.factory, percent), UNO_QUERY_THROW)->setPropertyValue("NumberFormat", Any(pct2));
    const sal_Int32 light[3] = {green, amber, red};
    for (int k = 0; k < 3; ++k)
        if (!colours[k].empty())
            Reference<css::beans::XPropertySet>(make_ranges(t.factory, colours[k]), UNO_QUERY_THROW)
                ->setPropertyValue("CellBackColor", Any(light[k]));
    const Reference<css::table::XColumnRowRange> columns(out, UNO_QUERY_THROW);
    const Reference<css::container::XIndexAccess> cols(columns->getColumns(), UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet>(cols->getByIndex(0), UNO_QUERY_THROW)->setPropertyValue("Width", Any(sal_Int32(9000)));
    for (int k = 1; k < width; ++k)
        Reference<css::beans::XPropertySet>(cols->getByIndex(k), UNO_QUERY_THROW)->setPropertyValue("Width", Any(sal_Int32(2600)));
    progress.set(85);

    // The chart: mean attainment per CdR, beside the tables.
    if (cdr_first >= 0 && cdr_last > cdr_first) {
        css::awt::Point at;
        Reference<css::beans::XPropertySet>(cols->getByIndex(width + 1), UNO_QUERY_THROW)->getPropertyValue("Position") >>= at;
        css::awt::Rectangle rect(at.X, 1000, 18000, 12000);
        Sequence<css::table::CellRangeAddress> source(2);
        source.getArray()[0] = range_address(index, cdr_first, 0, cdr_last, 0);
        source.getArray()[1] = range_address(index, cdr_first, 5, cdr_last, 5);
        const Reference<css::table::XTableCharts> charts =
            Reference<css::table::XTableChartsSupplier>(out, UNO_QUERY_THROW)->getCharts();
        // chart names are the document's embedded objects' names: one per summary sheet
        const OUString chart_name = uno::to_ou("PEG CdR - " + name);
        charts->addNewByName(chart_name, rect, source, true, true);
        try {
            const Reference<css::document::XEmbeddedObjectSupplier> embedded(charts->getByName(chart_name), UNO_QUERY_THROW);
            const Reference<css::chart::XChartDocument> chart(embedded->getEmbeddedObject(), UNO_QUERY_THROW);
            const Reference<css::beans::XPropertySet> props(chart, UNO_QUERY_THROW);
            props->setPropertyValue("HasMainTitle", Any(true));
            props->setPropertyValue("HasLegend", Any(false));
            Reference<css::beans::XPropertySet>(chart->getTitle(), UNO_QUERY_THROW)
                ->setPropertyValue("String", Any(uno::to_ou(text(Msg::chart_title, lang))));
        } catch (const css::uno::Exception&) {
            // the chart is there; its cosmetics are not worth failing the summary for
        }
    }
    step.commit();
    const Reference<css::sheet::XSpreadsheetView> view(t.controller, UNO_QUERY);
    if (view.is()) view->setActiveSheet(out);

    Outcome o;
    o.ok = true;
    o.message = text(c.check.col(Column::actual) >= 0 ? Msg::summary_done : Msg::summary_no_actual, lang, {name});
    o.add("Sheet", Any(uno::to_ou(name)));
    return o;
}

// ----------------------------------------------------------------------------- the handler

std::optional<Command> command_of(const css::util::URL& url) {
    if (url.Protocol != OUString::createFromAscii(std::string(command_protocol).c_str())) return std::nullopt;
    for (Command c : {Command::validate, Command::normalize, Command::summary, Command::clear_marks})
        if (url.Path == OUString::createFromAscii(std::string(command_path(c)).c_str())) return c;
    return std::nullopt;
}

Outcome run(Command command, const Reference<css::frame::XFrame>& frame, Lang lang, const SheetOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    const auto t = target_of(frame);
    if (!t) return failure(text(Msg::no_document, lang), lang);
    const bool writes_sheet = command != Command::summary;
    if (writes_sheet && is_protected(t->sheet)) return failure(text(Msg::protected_sheet, lang, {t->sheet_name}), lang);

    const std::string path(command_path(command));
    Progress progress(frame, text(Msg::progress, lang, {path}));
    if (command == Command::clear_marks) {
        int cleared = 0;
        {
            UndoStep step(t->model, uno::to_ou(lang == Lang::it ? "PEG: cancella segni" : "PEG: clear marks"));
            cleared = clear_marks(*t);
            step.commit();
        }
        Outcome o;
        o.ok = true;
        o.message = cleared ? text(Msg::cleared, lang, {std::to_string(cleared)}) : text(Msg::nothing_to_clear, lang);
        o.add("Cleared", Any(static_cast<sal_Int32>(cleared)));
        return o;
    }
    const auto checked = read_and_check(*t, progress, options);
    if (auto problem = table_problem(checked->check, lang)) return failure(*problem, lang);
    switch (command) {
    case Command::validate: {
        const auto t0 = std::chrono::steady_clock::now();
        UndoStep step(t->model, uno::to_ou(lang == Lang::it ? "PEG: verifica" : "PEG: validate"));
        const int cleared = clear_marks(*t);
        const double clear_seconds = seconds_since(t0);
        Outcome o = validate(*t, *checked, lang, cleared);
        step.commit();
        // where the time goes, for ./dev bench
        char timing[200];
        std::snprintf(timing, sizeof timing, "in the office %.3f s: read %.3f s, check %.3f s, clear %.3f s, mark %.3f s",
                      seconds_since(started), checked->read_seconds, checked->check_seconds, clear_seconds,
                      seconds_since(t0) - clear_seconds);
        o.add("Timing", Any(uno::to_ou(timing)));
        return o;
    }
    case Command::normalize: return normalize_sheet(*t, *checked, lang, progress);
    case Command::summary: return summary_sheet(*t, *checked, lang, progress);
    case Command::clear_marks: break;
    }
    return failure(text(Msg::internal_error, lang, {"command"}), lang);
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
            if (command_of(url)) return this;
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
            event.IsEnabled = command_of(url).has_value();
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
        std::string path = "?";
        bool quiet = false;
        Reference<css::frame::XFrame> frame;
        try {
            // Summary's ActualColumn / WeightColumn: 0-based sheet columns the user chose, -1 for none
            SheetOptions options;
            for (const auto& a : args) {
                sal_Int32 column = -1;
                if (a.Name == "Quiet") a.Value >>= quiet;
                else if (a.Name == "ActualColumn" && (a.Value >>= column)) options.actual_column = column;
                else if (a.Name == "WeightColumn" && (a.Value >>= column)) options.weight_column = column;
            }
            lang = uno::ui_language(m_context);
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                frame = m_frame;
            }
            if (const auto command = command_of(url)) {
                path = std::string(command_path(*command));
                std::lock_guard<std::mutex> busy(m_busy);
                outcome = run(*command, frame, lang, options);
            } else {
                outcome = failure(text(Msg::internal_error, lang, {uno::to_utf8(url.Complete)}), lang);
            }
        } catch (const css::uno::Exception& e) {
            outcome = failure(text(Msg::internal_error, lang, {uno::to_utf8(e.Message)}), lang);
        } catch (const std::exception& e) {
            outcome = failure(text(Msg::internal_error, lang, {e.what()}), lang);
        } catch (...) {
            outcome = failure(text(Msg::internal_error, lang, {"?"}), lang);
        }
        try {
            if (!quiet) show(frame, path, outcome, lang);
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
    static void show(const Reference<css::frame::XFrame>& frame, const std::string& path, const Outcome& o, Lang lang) {
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
        bars->appendInfobar(id, uno::to_ou("PEG " + path), uno::to_ou(o.message),
                            o.ok ? css::frame::InfobarType::INFO : css::frame::InfobarType::WARNING, buttons, true);
    }

    Reference<css::uno::XComponentContext> m_context;
    Reference<css::frame::XFrame> m_frame;
    std::mutex m_mutex;
    std::mutex m_busy;  // one command at a time per frame
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
