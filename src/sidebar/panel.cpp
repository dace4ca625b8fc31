#include "panel.hpp"

#include "column_choice.hpp"

#include "convert.hpp"
#include "grid.hpp"
#include "messages.hpp"
#include "finding_list.hpp"
#include "panel_sheet.hpp"
#include "settings.hpp"

#include <com/sun/star/awt/ItemEvent.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XFixedText.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/util/URL.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase8.hxx>
#include <rtl/ref.hxx>
#include <sal/log.hxx>

#include <exception>
#include <string>
#include <vector>

using css::uno::Any;
using css::uno::Exception;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace pegkit::sidebar {

bool panel_kind(const OUString& name, PanelKind& kind) {
    if (name == "Validate") kind = PanelKind::validate;
    else if (name == "Normalize") kind = PanelKind::normalize;
    else if (name == "Summary") kind = PanelKind::summary;
    else if (name == "Table") kind = PanelKind::table;
    else return false;
    return true;
}

namespace {

struct Texts {
    const char* validate;
    const char* clear_marks;
    const char* counts;           // errors, warnings, information: "%e", "%w", "%i"
    const char* no_findings;
    const char* changes_caption;
    const char* cells;            // "%n cells"
    const char* no_changes;
    const char* preview;
    const char* apply;
    const char* actual_caption;
    const char* weight_caption;
    const char* none;
    const char* create;
    const char* no_header;
    const char* not_sheet;
    const char* no_command;       // "%c" is the command
    const char* done;
    const char* failed;
    const char* header_caption;
    const char* save_choice;
    const char* reset_choice;
    const char* saved;            // "%c" is the choice's text
    const char* forgotten;
    const char* role_names[10];   // in table_roles order
    const char* whole_workbook;
    const char* show_info;
};

// The roles the Table panel lets the user set, most needed first.
constexpr Column table_roles[10] = {Column::peg_target, Column::peg_objective, Column::peg_indicator, Column::cdr,
                                     Column::actual,     Column::weight,        Column::baseline,      Column::deadline,
                                     Column::attainment, Column::unit};

constexpr Texts italian = {
    "Verifica", "Cancella segni", "Errori: %e   Avvisi: %w   Info: %i", "Nessun problema trovato.",
    "Celle da cambiare, per colonna:", "%n celle", "Nessuna cella da cambiare.",
    "Anteprima", "Applica", "Colonna del valore raggiunto:", "Colonna del peso:", "(nessuna)",
    "Crea riepilogo", "Intestazione PEG non trovata nel foglio attivo.",
    "Il documento attivo non è un foglio di calcolo.", "Comando %c non disponibile.", "Fatto.",
    "Il comando non è riuscito.", "Riga d'intestazione:", "Salva nel documento", "Ripristina",
    "Colonne salvate nel documento: %c", "Scelta rimossa: le colonne seguono le intestazioni.",
    {"Target:", "Obiettivo:", "Indicatore:", "Responsabile (CdR, Settore…):", "Valore raggiunto:", "Peso:",
     "Valore di partenza:", "Scadenza:", "Grado di raggiungimento:", "Unità di misura:"},
    "Tutti i fogli del documento",
    "Mostra anche le informazioni",
};
constexpr Texts english = {
    "Validate", "Clear marks", "Errors: %e   Warnings: %w   Info: %i", "No problems found.",
    "Cells to change, by column:", "%n cells", "No cells to change.",
    "Preview", "Apply", "Actual value column:", "Weight column:", "(none)",
    "Create summary", "No PEG header found on the active sheet.",
    "The active document is not a spreadsheet.", "Command %c is not available.", "Done.",
    "The command failed.", "Header row:", "Save in the document", "Reset",
    "Columns saved in the document: %c", "Choice removed: the columns follow the headings.",
    {"Target:", "Objective:", "Indicator:", "Responsible (CdR, unit…):", "Actual value:", "Weight:",
     "Baseline:", "Deadline:", "Attainment:", "Unit of measure:"},
    "Every sheet of the workbook",
    "Show information too",
};

std::string replace(std::string text, const char* key, const std::string& value) {
    for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
        text.replace(at, std::char_traits<char>::length(key), value);
    return text;
}


// The panel's buttons, disabled while a command runs.
class Disabled {
public:
    explicit Disabled(const std::vector<Reference<css::awt::XWindow>>& buttons) : m_buttons(buttons) { enable(false); }
    ~Disabled() { enable(true); }
    Disabled(const Disabled&) = delete;
    Disabled& operator=(const Disabled&) = delete;

private:
    void enable(bool on) {
        for (const auto& b : m_buttons) {
            try {
                if (b.is()) b->setEnable(on);
            } catch (...) {
            }
        }
    }
    std::vector<Reference<css::awt::XWindow>> m_buttons;
};

using PanelBase = cppu::WeakImplHelper8<css::ui::XUIElement, css::ui::XToolPanel, css::ui::XSidebarPanel,
                                        css::lang::XComponent, css::awt::XActionListener,
                                        css::awt::XItemListener, css::awt::XWindowListener,
                                        css::frame::XDispatchResultListener>;

// One panel: a container window of awt controls laid out in rows, a status line at the bottom.
class Panel : public PanelBase {
public:
    Panel(PanelKind kind, const OUString& url, const Reference<css::uno::XComponentContext>& context,
          const Reference<css::frame::XFrame>& frame, const Reference<css::ui::XSidebar>& sidebar)
        : m_kind(kind), m_url(url), m_context(context), m_frame(frame), m_sidebar(sidebar),
          m_lang(uno::ui_language(context)), m_text(m_lang == Lang::it ? italian : english) {}

    // Two-phase: listeners take references to this, which the constructor must not hand out.
    void build(const Reference<css::awt::XWindow>& parent) {
        Reference<css::lang::XMultiComponentFactory> smgr = m_context->getServiceManager();
        m_container.set(smgr->createInstanceWithContext("com.sun.star.awt.UnoControlContainer", m_context),
                        UNO_QUERY_THROW);
        Reference<css::awt::XControlModel> model(
            smgr->createInstanceWithContext("com.sun.star.awt.UnoControlContainerModel", m_context), UNO_QUERY_THROW);
        m_container->setModel(model);
        Reference<css::awt::XToolkit> toolkit(css::awt::Toolkit::create(m_context), UNO_QUERY_THROW);
        m_container->createPeer(toolkit,
                                Reference<css::awt::XWindowPeer>(parent, UNO_QUERY_THROW));
        m_window.set(m_container, UNO_QUERY_THROW);

        switch (m_kind) {
        case PanelKind::validate:
            row(24, {button("validate", m_text.validate), button("clear", m_text.clear_marks)});
            m_counts = label("");
            row(20, {m_counts});
            m_show_info = add("CheckBox", {{"Label", Any(uno::to_ou(m_text.show_info))}, {"State", Any(sal_Int16(0))}});
            Reference<css::awt::XCheckBox>(m_show_info, UNO_QUERY_THROW)->addItemListener(this);
            row(20, {m_show_info});
            m_list = list(false);
            row(220, {m_list});
            break;
        case PanelKind::normalize:
            row(20, {label(m_text.changes_caption)});
            m_list = list(false);
            row(110, {m_list});
            row(24, {button("preview", m_text.preview), button("apply", m_text.apply)});
            break;
        case PanelKind::summary:
            row(20, {label(m_text.actual_caption)});
            m_actual = list(true);
            row(24, {m_actual});
            row(20, {label(m_text.weight_caption)});
            m_weight = list(true);
            row(24, {m_weight});
            m_workbook = add("CheckBox", {{"Label", Any(uno::to_ou(m_text.whole_workbook))}, {"State", Any(sal_Int16(0))}});
            row(20, {m_workbook});
            row(24, {button("create", m_text.create)});
            break;
        case PanelKind::table:
            m_header = list(true);
            row(24, {label(m_text.header_caption), m_header});
            for (std::size_t i = 0; i < m_roles.size(); ++i) {
                m_roles[i] = list(true);
                row(24, {label(m_text.role_names[i]), m_roles[i]});
            }
            row(24, {button("save_columns", m_text.save_choice), button("reset_columns", m_text.reset_choice)});
            break;
        }
        m_status = label("");
        row(36, {m_status});

        m_window->addWindowListener(this);
        const css::awt::Rectangle size = parent->getPosSize();
        m_window->setPosSize(0, 0, size.Width, size.Height, css::awt::PosSize::POSSIZE);
        layout(size.Width);
        m_window->setVisible(true);
        refresh(false);
    }

    // XUIElement
    Reference<css::frame::XFrame> SAL_CALL getFrame() override { return m_frame; }
    OUString SAL_CALL getResourceURL() override { return m_url; }
    sal_Int16 SAL_CALL getType() override { return css::ui::UIElementType::TOOLPANEL; }
    Reference<css::uno::XInterface> SAL_CALL getRealInterface() override {
        return static_cast<css::ui::XToolPanel*>(this);
    }

    // XToolPanel
    Reference<css::awt::XWindow> SAL_CALL getWindow() override {
        if (!m_window.is()) throw css::lang::DisposedException("pegkit panel disposed", *this);
        return m_window;
    }
    Reference<css::accessibility::XAccessible> SAL_CALL createAccessible(
        const Reference<css::accessibility::XAccessible>&) override {
        return Reference<css::accessibility::XAccessible>(m_window, UNO_QUERY);
    }

    // XSidebarPanel
    css::ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32) override {
        const sal_Int32 h = content_height();
        return css::ui::LayoutSize(h, h, h);
    }
    sal_Int32 SAL_CALL getMinimalWidth() override { return 300; }  // room for a finding's text

    // XComponent
    void SAL_CALL dispose() override {
        try {
            Reference<css::lang::XComponent> window(m_container, UNO_QUERY);
            if (m_window.is()) m_window->removeWindowListener(this);
            m_rows.clear();
            m_buttons.clear();
            m_counts.clear(); m_list.clear(); m_actual.clear(); m_weight.clear(); m_status.clear();
            m_window.clear();
            m_container.clear();
            if (window.is()) window->dispose();  // disposes the controls it holds
        } catch (const Exception& e) {
            SAL_WARN("pegkit", "panel dispose: " << e.Message);
        } catch (...) {
        }
        m_frame.clear();
        m_sidebar.clear();
    }
    void SAL_CALL addEventListener(const Reference<css::lang::XEventListener>&) override {}
    void SAL_CALL removeEventListener(const Reference<css::lang::XEventListener>&) override {}

    // XActionListener: the buttons
    void SAL_CALL actionPerformed(const css::awt::ActionEvent& e) override {
        try {
            if (e.ActionCommand == "validate") {
                // The command's own findings when it returns them; the core's reading otherwise.
                if (!dispatch("vnd.pegkit:Validate", {}) || !show_command_findings()) refresh(true);
            } else if (e.ActionCommand == "clear") {
                dispatch("vnd.pegkit:ClearMarks", {});
            } else if (e.ActionCommand == "preview") {
                refresh(true);
            } else if (e.ActionCommand == "apply") {
                if (dispatch("vnd.pegkit:Normalize", {})) refresh(true);  // keeps the outcome shown
            } else if (e.ActionCommand == "create") {
                create_summary();
            } else if (e.ActionCommand == "save_columns") {
                save_columns(false);
            } else if (e.ActionCommand == "reset_columns") {
                save_columns(true);
            }
        } catch (const Exception& ex) {
            status(uno::to_utf8(ex.Message));
        } catch (const std::exception& ex) {
            status(ex.what());
        } catch (...) {
            status(m_text.failed);
        }
    }

    // XItemListener: choosing a finding selects its cell
    void SAL_CALL itemStateChanged(const css::awt::ItemEvent& e) override {
        try {
            if (m_kind != PanelKind::validate) return;
            if (e.Source == Reference<css::uno::XInterface>(m_show_info, UNO_QUERY)) return render_findings();
            if (e.Source != Reference<css::uno::XInterface>(m_list, UNO_QUERY)) return;
            if (e.Selected < 0 || std::size_t(e.Selected) >= m_places.size()) return;
            const ListedFinding& f = m_places[std::size_t(e.Selected)];
            // the whole text, however narrow the sidebar
            Reference<css::beans::XPropertySet> model(Reference<css::awt::XControl>(m_list, UNO_QUERY_THROW)->getModel(),
                                                      UNO_QUERY_THROW);
            model->setPropertyValue("HelpText", Any(uno::to_ou(f.text)));
            if (f.col >= -1 && m_sheet.is()) select_cell({f.row, f.col});
        } catch (const Exception& ex) {
            SAL_WARN("pegkit", "select finding: " << ex.Message);
        } catch (...) {
        }
    }

    // XWindowListener: follow the sidebar's width
    void SAL_CALL windowResized(const css::awt::WindowEvent& e) override {
        try {
            layout(e.Width);
        } catch (...) {
        }
    }
    void SAL_CALL windowMoved(const css::awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const css::lang::EventObject&) override {
        try {
            // the active sheet may have changed meanwhile
            if (m_kind == PanelKind::summary || m_kind == PanelKind::table) refresh(true);
        } catch (...) {
        }
    }
    void SAL_CALL windowHidden(const css::lang::EventObject&) override {}

    // XDispatchResultListener: the outcome as src/sidebar/commands.hpp describes it
    void SAL_CALL dispatchFinished(const css::frame::DispatchResultEvent& e) override {
        try {
            m_failed = e.State == css::frame::DispatchResultState::FAILURE;
            Sequence<css::beans::PropertyValue> result;
            if (!(e.Result >>= result)) return;
            for (const css::beans::PropertyValue& p : result) {
                OUString text;
                if (p.Name == "Message" && (p.Value >>= text)) m_result = uno::to_utf8(text);
                else if (p.Name == "Findings") m_findings_result = p.Value;
                else if (p.Name == "Infos") p.Value >>= m_infos_total;
            }
        } catch (...) {
        }
    }

    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    struct Place { int row, col; };
    struct Row { int height; std::vector<Reference<css::awt::XWindow>> cells; };

    PanelKind m_kind;
    OUString m_url;
    Reference<css::uno::XComponentContext> m_context;
    Reference<css::frame::XFrame> m_frame;
    Reference<css::ui::XSidebar> m_sidebar;
    Lang m_lang;
    const Texts& m_text;
    Reference<css::awt::XControl> m_container;
    Reference<css::awt::XWindow> m_window;
    std::vector<Row> m_rows;
    Reference<css::awt::XWindow> m_counts, m_list, m_actual, m_weight, m_status, m_show_info;
    std::vector<Reference<css::awt::XWindow>> m_buttons;
    Reference<css::sheet::XSpreadsheet> m_sheet;
    std::vector<ListedFinding> m_findings;  // as read or as the command returned them
    bool m_no_table = false;
    int m_infos_total = 0;                  // the command lists the first 1,000 information findings
    std::vector<ListedFinding> m_places;    // one per list item
    std::vector<int> m_actual_cols, m_weight_cols;  // sheet column per choice, -1 for none
    Reference<css::awt::XWindow> m_header, m_workbook;
    std::array<Reference<css::awt::XWindow>, 10> m_roles;
    std::vector<int> m_table_cols, m_header_rows;     // sheet column / row per drop-down item
    std::array<int, 10> m_read_cols{};                // what the panel showed, to store only changes
    int m_read_header = -1;
    std::string m_table_note;                         // why the active sheet has no table, empty when it has one
    int m_control_count = 0;
    std::string m_result;
    Any m_findings_result;
    bool m_failed = false;

    static constexpr int margin = 6, gap = 4;

    Reference<css::awt::XWindow> add(const char* kind, std::initializer_list<std::pair<const char*, Any>> props) {
        Reference<css::lang::XMultiComponentFactory> smgr = m_context->getServiceManager();
        const OUString base = OUString("com.sun.star.awt.UnoControl") + OUString::createFromAscii(kind);
        Reference<css::awt::XControl> control(smgr->createInstanceWithContext(base, m_context), UNO_QUERY_THROW);
        Reference<css::beans::XPropertySet> model(smgr->createInstanceWithContext(base + "Model", m_context),
                                                  UNO_QUERY_THROW);
        for (const auto& [name, value] : props) model->setPropertyValue(OUString::createFromAscii(name), value);
        model->setPropertyValue("HelpURL", Any(OUString::createFromAscii(help_id())));  // F1 on any control
        control->setModel(Reference<css::awt::XControlModel>(model, UNO_QUERY_THROW));
        Reference<css::awt::XControlContainer>(m_container, UNO_QUERY_THROW)
            ->addControl("c" + OUString::number(++m_control_count), control);
        return Reference<css::awt::XWindow>(control, UNO_QUERY_THROW);
    }
    // The deck's help page, at this panel's section (help/*/it.pegkit.calc/deck.xhp).
    const char* help_id() const {
        switch (m_kind) {
        case PanelKind::validate: return "it.pegkit.calc.Deck.Validate";
        case PanelKind::normalize: return "it.pegkit.calc.Deck.Normalize";
        case PanelKind::summary: return "it.pegkit.calc.Deck.Summary";
        case PanelKind::table: return "it.pegkit.calc.Deck.Columns";
        }
        return "it.pegkit.calc.Deck";
    }
    Reference<css::awt::XWindow> button(const char* command, const char* text) {
        Reference<css::awt::XWindow> w = add("Button", {{"Label", Any(uno::to_ou(text))}});
        Reference<css::awt::XButton> b(w, UNO_QUERY_THROW);
        b->setActionCommand(OUString::createFromAscii(command));
        b->addActionListener(this);
        m_buttons.push_back(w);
        return w;
    }
    Reference<css::awt::XWindow> label(const std::string& text) {
        return add("FixedText", {{"Label", Any(uno::to_ou(text))}, {"MultiLine", Any(true)}});
    }
    Reference<css::awt::XWindow> list(bool dropdown) {
        Reference<css::awt::XWindow> w = add("ListBox", {{"Dropdown", Any(dropdown)}, {"Border", Any(sal_Int16(1))}});
        Reference<css::awt::XListBox>(w, UNO_QUERY_THROW)->addItemListener(this);
        return w;
    }
    void row(int height, std::vector<Reference<css::awt::XWindow>> cells) {
        m_rows.push_back({height, std::move(cells)});
    }

    int content_height() const {
        int h = margin;
        for (const Row& r : m_rows) h += r.height + gap;
        return h + margin - gap;
    }
    void layout(int width) {
        int y = margin;
        for (const Row& r : m_rows) {
            const int n = int(r.cells.size());
            const int w = std::max(20, (width - 2 * margin - gap * (n - 1)) / std::max(n, 1));
            for (int i = 0; i < n; ++i)
                r.cells[i]->setPosSize(margin + i * (w + gap), y, w, r.height, css::awt::PosSize::POSSIZE);
            y += r.height + gap;
        }
    }

    void set_label(const Reference<css::awt::XWindow>& w, const std::string& text) {
        Reference<css::awt::XFixedText> t(w, UNO_QUERY);
        if (t.is()) t->setText(uno::to_ou(text));
    }
    void status(const std::string& text) { set_label(m_status, text); }

    void set_items(const Reference<css::awt::XWindow>& w, const std::vector<std::string>& items) {
        Reference<css::awt::XListBox> box(w, UNO_QUERY_THROW);
        box->removeItems(0, box->getItemCount());
        Sequence<OUString> seq(sal_Int32(items.size()));
        for (std::size_t i = 0; i < items.size(); ++i) seq.getArray()[i] = uno::to_ou(items[i]);
        box->addItems(seq, 0);
    }

    // Dispatches through the frame, as a toolbar button would; the outcome goes to the status line.
    bool dispatch(const char* command, Sequence<css::beans::PropertyValue> args) {
        args.realloc(args.getLength() + 1);
        args.getArray()[args.getLength() - 1].Name = "Quiet";  // the panel shows the outcome itself
        args.getArray()[args.getLength() - 1].Value <<= true;
        m_result.clear();
        m_findings_result.clear();
        m_infos_total = 0;
        m_failed = false;
        css::util::URL url;
        url.Complete = OUString::createFromAscii(command);
        css::util::URLTransformer::create(m_context)->parseStrict(url);
        Reference<css::frame::XDispatchProvider> provider(m_frame, UNO_QUERY);
        Reference<css::frame::XDispatch> dispatch = provider.is() ? provider->queryDispatch(url, "", 0) : nullptr;
        if (!dispatch.is()) {
            status(replace(m_text.no_command, "%c", command));
            return false;
        }
        Reference<css::frame::XNotifyingDispatch> notifying(dispatch, UNO_QUERY);
        {
            // a click while the command's progress bar reschedules would start another command
            Disabled disabled(m_buttons);
            if (notifying.is()) notifying->dispatchWithNotification(url, args, this);
            else dispatch->dispatch(url, args);
        }
        status(!m_result.empty() ? m_result : m_failed ? m_text.failed : m_text.done);
        return !m_failed;
    }

    // Reads the active sheet and fills the panel; `keep_status` leaves a command's outcome shown.
    void refresh(bool keep_status) {
        try {
            Reference<css::frame::XController> controller = m_frame.is() ? m_frame->getController() : nullptr;
            SheetView view = read_active_sheet(controller, m_lang, uno::sheet_options(uno::read_settings(m_context)));
            m_sheet = view.sheet;
            std::string note;
            if (!view.ok) note = m_text.not_sheet;
            else if (view.too_large) note = text(Msg::too_large, m_lang, {std::to_string(view.rows), std::to_string(view.cols),
                                                                  std::to_string(uno::default_cell_limit)});
            else if (!view.check.found) note = table_note(view.check);
            m_table_note = view.check.found ? std::string() : note;
            switch (m_kind) {
            case PanelKind::validate: show_findings(view); break;
            case PanelKind::normalize: show_changes(view); break;
            case PanelKind::summary: show_columns(view); break;
            case PanelKind::table: show_roles(view); break;
            }
            if (!keep_status || !note.empty()) status(note);
        } catch (const Exception& e) {
            status(uno::to_utf8(e.Message));
        } catch (const std::exception& e) {
            status(e.what());
        }
    }

    // Why there is no table, as the core says it ("found Indicatore (C), no target column").
    std::string table_note(const SheetCheck& check) const {
        for (const Finding& f : check.findings)
            if (f.code == Diag::no_target_column || f.code == Diag::no_objective_column || f.code == Diag::no_header)
                return message(f.code, m_lang, f.args);
        return m_text.no_header;
    }

    void show_findings(const SheetView& view) {
        m_findings.clear();
        for (const SheetFinding& f : view.findings) m_findings.push_back({f.severity, f.text, f.sheet_row, f.sheet_col});
        m_infos_total = 0;
        m_no_table = !view.check.found;
        render_findings();
    }

    bool show_command_findings() {
        Sequence<Sequence<Any>> rows;
        if (!(m_findings_result >>= rows)) return false;
        Reference<css::frame::XController> controller = m_frame.is() ? m_frame->getController() : nullptr;
        Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY);
        if (view.is()) m_sheet = view->getActiveSheet();
        m_findings.clear();
        for (const Sequence<Any>& r : rows) {
            if (r.getLength() < 6) continue;
            OUString cell, severity, message;
            sal_Int32 row = 0, col = -1;
            r[0] >>= cell; r[1] >>= row; r[2] >>= col; r[3] >>= severity; r[5] >>= message;
            const Severity level = severity == "error" ? Severity::error
                                   : severity == "warning" ? Severity::warning : Severity::info;
            m_findings.push_back({level, uno::to_utf8(cell) + " · " + uno::to_utf8(message), int(row), int(col)});
        }
        m_no_table = false;
        render_findings();
        return true;
    }

    void render_findings() {
        sal_Int16 state = 0;
        Reference<css::awt::XCheckBox> box(m_show_info, UNO_QUERY);
        if (box.is()) state = box->getState();
        const FindingList list = list_findings(m_findings, state == 1, m_lang, default_list_limit, m_infos_total);
        std::string counts = m_text.counts;
        counts = replace(counts, "%e", std::to_string(list.errors));
        counts = replace(counts, "%w", std::to_string(list.warnings));
        counts = replace(counts, "%i", std::to_string(list.infos));
        set_label(m_counts, m_findings.empty() && !m_no_table ? m_text.no_findings : counts);
        m_places = list.shown;
        set_items(m_list, list.items);
    }

    void show_changes(const SheetView& view) {
        std::vector<std::string> items;
        for (const ColumnChange& c : view.changes)
            items.push_back(c.column + ": " + replace(m_text.cells, "%n", std::to_string(c.cells)));
        if (items.empty() && view.check.found) items.push_back(m_text.no_changes);
        set_items(m_list, items);
    }

    void show_columns(const SheetView& view) {
        std::vector<std::string> items{m_text.none};
        std::vector<int> cols{-1};
        for (const SheetColumn& c : view.columns) {
            items.push_back(c.label);
            cols.push_back(c.sheet_col);
        }
        auto choose = [&](const Reference<css::awt::XWindow>& w, std::vector<int>& keep, int found) {
            set_items(w, items);
            keep = cols;
            sal_Int16 pos = 0;
            for (std::size_t i = 0; i < cols.size(); ++i)
                if (cols[i] == found) pos = sal_Int16(i);
            Reference<css::awt::XListBox>(w, UNO_QUERY_THROW)->selectItemPos(pos, true);
        };
        choose(m_actual, m_actual_cols, view.actual_col);
        choose(m_weight, m_weight_cols, view.weight_col);
    }

    // Every column of the used area, the header row's candidates, and what each role took.
    void show_roles(const SheetView& view) {
        std::vector<std::string> items{m_text.none};
        m_table_cols = {-1};
        for (const SheetColumn& c : view.all_columns) {
            items.push_back(c.label);
            m_table_cols.push_back(c.sheet_col);
        }
        auto select = [](const Reference<css::awt::XWindow>& w, const std::vector<int>& values, int value) {
            sal_Int16 pos = 0;
            for (std::size_t i = 0; i < values.size(); ++i)
                if (values[i] == value) pos = sal_Int16(i);
            Reference<css::awt::XListBox>(w, UNO_QUERY_THROW)->selectItemPos(pos, true);
        };
        for (std::size_t i = 0; i < m_roles.size(); ++i) {
            set_items(m_roles[i], items);
            m_read_cols[i] = view.role_cols[static_cast<std::size_t>(table_roles[i])];
            select(m_roles[i], m_table_cols, m_read_cols[i]);
        }
        std::vector<std::string> rows{m_text.none};
        m_header_rows = {-1};
        for (const SheetColumn& r : view.header_rows) {
            rows.push_back(r.label);
            m_header_rows.push_back(r.sheet_col);
        }
        set_items(m_header, rows);
        m_read_header = view.header_row;
        select(m_header, m_header_rows, m_read_header);
    }

    // The roles the user changed, on top of the choice the document holds, stored in the
    // document; `reset` forgets the sheet's choice. Validate, Normalize, Summary and pegkit-check
    // read it (src/uno/column_choice.hpp).
    void save_columns(bool reset) {
        Reference<css::frame::XController> controller = m_frame.is() ? m_frame->getController() : nullptr;
        Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY);
        Reference<css::uno::XInterface> document(controller.is() ? controller->getModel() : nullptr, UNO_QUERY);
        if (!view.is() || !document.is()) return status(m_text.not_sheet);
        // a choice "saved in the document" must be one the user can save: not in a read-only one
        const Reference<css::frame::XStorable> storable(document, UNO_QUERY);
        if (storable.is() && storable->isReadonly()) return status(text(Msg::read_only, m_lang));
        // Calc hands out a new sheet object on each call: the name says whether the sheet is the one shown
        const Reference<css::container::XNamed> active(view->getActiveSheet(), UNO_QUERY), shown(m_sheet, UNO_QUERY);
        if (!active.is() || !shown.is() || active->getName() != shown->getName()) return refresh(false);
        std::optional<ColumnChoice> choice;
        if (!reset) {
            choice = uno::stored_choice(document, m_sheet).value_or(ColumnChoice{});
            for (std::size_t i = 0; i < m_roles.size(); ++i) {
                const int col = chosen(m_roles[i], m_table_cols);
                if (col == m_read_cols[i]) continue;
                auto& cols = choice->columns;
                cols.erase(std::remove_if(cols.begin(), cols.end(), [&](const auto& p) { return p.first == table_roles[i]; }),
                           cols.end());
                cols.emplace_back(table_roles[i], col);
            }
            const int header = chosen(m_header, m_header_rows);
            if (header != m_read_header && header >= 0) choice->header_row = header;
        }
        uno::store_choice(document, m_sheet, choice);
        refresh(true);
        const std::string said = reset ? m_text.forgotten : replace(m_text.saved, "%c", format_columns(*choice));
        status(m_table_note.empty() ? said : said + "\n" + m_table_note);
    }

    static int chosen(const Reference<css::awt::XWindow>& w, const std::vector<int>& cols) {
        const sal_Int16 pos = Reference<css::awt::XListBox>(w, UNO_QUERY_THROW)->getSelectedItemPos();
        return pos >= 0 && std::size_t(pos) < cols.size() ? cols[std::size_t(pos)] : -1;
    }

    // The chosen columns go to the command as 0-based sheet columns (-1: none). Columns read from
    // another sheet mean nothing here: after a sheet switch the panel reads the active sheet first
    // and the columns found on it are used.
    void create_summary() {
        Reference<css::sheet::XSpreadsheetView> view(m_frame.is() ? m_frame->getController() : nullptr, UNO_QUERY);
        if (view.is() && view->getActiveSheet() != m_sheet) refresh(true);
        Sequence<css::beans::PropertyValue> args(3);
        const Reference<css::awt::XCheckBox> workbook(m_workbook, UNO_QUERY);
        args.getArray()[2].Name = "Workbook";
        args.getArray()[2].Value <<= bool(workbook.is() && workbook->getState() == 1);
        args.getArray()[0].Name = "ActualColumn";
        args.getArray()[0].Value <<= sal_Int32(chosen(m_actual, m_actual_cols));
        args.getArray()[1].Name = "WeightColumn";
        args.getArray()[1].Value <<= sal_Int32(chosen(m_weight, m_weight_cols));
        dispatch("vnd.pegkit:Summary", args);
    }

    void select_cell(const Place& p) {
        Reference<css::frame::XController> controller = m_frame.is() ? m_frame->getController() : nullptr;
        Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY);
        Reference<css::view::XSelectionSupplier> selection(controller, UNO_QUERY);
        if (!view.is() || !selection.is()) return;
        if (view->getActiveSheet() != m_sheet) view->setActiveSheet(m_sheet);
        const int col = std::max(p.col, 0);
        Reference<css::table::XCellRange> range(m_sheet, UNO_QUERY_THROW);
        selection->select(Any(range->getCellRangeByPosition(col, p.row, col, p.row)));
    }
};

}  // namespace

Reference<css::ui::XUIElement> create_panel(PanelKind kind, const OUString& url,
                                            const Reference<css::uno::XComponentContext>& context,
                                            const Reference<css::frame::XFrame>& frame,
                                            const Reference<css::awt::XWindow>& parent,
                                            const Reference<css::ui::XSidebar>& sidebar) {
    try {
        rtl::Reference<Panel> panel(new Panel(kind, url, context, frame, sidebar));
        panel->build(parent);
        return panel.get();
    } catch (const Exception& e) {
        SAL_WARN("pegkit", "create_panel: " << e.Message);
    } catch (const std::exception& e) {
        SAL_WARN("pegkit", "create_panel: " << e.what());
    } catch (...) {
    }
    return nullptr;
}

}  // namespace pegkit::sidebar
