#include "panel.hpp"

#include "column_choice.hpp"

#include "convert.hpp"
#include "grid.hpp"
#include "messages.hpp"
#include "finding_list.hpp"
#include "panel_sheet.hpp"
#include "profile_form.hpp"
#include "rewrite_list.hpp"
#include "settings.hpp"

#include "catalogue.hpp"
#include "columns.hpp"
#include "doc_store.hpp"
#include "not_assessable.hpp"
#include "status.hpp"
#include "command.hpp"

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
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
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
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/util/URL.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XRequestCallback.hpp>
#include <com/sun/star/sheet/XActivationBroadcaster.hpp>
#include <com/sun/star/sheet/XActivationEventListener.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <cppuhelper/implbase11.hxx>
#include <rtl/ref.hxx>
#include <sal/log.hxx>

#include <algorithm>
#include <cctype>
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
    else if (name == "Profile") kind = PanelKind::profile;
    else return false;
    return true;
}

namespace {

// The roles the Table panel lets the user set, most needed first.
constexpr Column table_roles[10] = {Column::peg_target, Column::peg_objective, Column::peg_indicator, Column::cdr,
                                     Column::actual,     Column::weight,        Column::baseline,      Column::deadline,
                                     Column::attainment, Column::unit};

// The panels refresh by themselves after an edit up to this size; beyond it a keystroke would
// wait for a whole re-read, so they say the list is out of date instead.
constexpr std::size_t auto_refresh_cells = 200'000;

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

using PanelBase = cppu::WeakImplHelper11<css::ui::XUIElement, css::ui::XToolPanel, css::ui::XSidebarPanel,
                                       css::lang::XComponent, css::awt::XActionListener,
                                       css::awt::XItemListener, css::awt::XWindowListener,
                                       css::frame::XDispatchResultListener, css::util::XModifyListener,
                                       css::sheet::XActivationEventListener, css::awt::XCallback>;

// One panel: a container window of awt controls laid out in rows, a status line at the bottom.
class Panel : public PanelBase, private CommandWatcher {
public:
    Panel(PanelKind kind, const OUString& url, const Reference<css::uno::XComponentContext>& context,
          const Reference<css::frame::XFrame>& frame, const Reference<css::ui::XSidebar>& sidebar)
        : m_kind(kind), m_url(url), m_context(context), m_frame(frame), m_sidebar(sidebar),
          m_lang(uno::ui_language(context)) {}

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
            row(24, {button("validate", t("cmd_name_validate")), button("clear", t("cmd_clear_button"))});
            m_counts = label("");
            row(20, {m_counts});
            m_show_info = add("CheckBox", {{"Label", Any(uno::to_ou(t("panel_show_info")))}, {"State", Any(sal_Int16(0))}});
            Reference<css::awt::XCheckBox>(m_show_info, UNO_QUERY_THROW)->addItemListener(this);
            row(20, {m_show_info});
            m_list = list(false);
            row(220, {m_list});
            break;
        case PanelKind::normalize:
            m_changes = label("");
            row(20, {m_changes});
            m_column = list(true);
            row(24, {m_column});
            row(24, {button("tick_all", t("panel_tick_all")), button("tick_none", t("panel_tick_none"))});
            for (auto& box : m_ticks) {
                box = add("CheckBox", {{"Label", Any(OUString())}, {"State", Any(sal_Int16(1))}});
                Reference<css::awt::XCheckBox>(box, UNO_QUERY_THROW)->addItemListener(this);
                row(20, {box});
            }
            m_page = label("");
            row(24, {button("page_prev", "◀"), m_page, button("page_next", "▶")});
            m_new_column = add("CheckBox", {{"Label", Any(uno::to_ou(t("panel_new_column")))}, {"State", Any(sal_Int16(0))}});
            row(20, {m_new_column});
            row(24, {button("preview", t("panel_preview")), button("apply", t("panel_apply"))});
            break;
        case PanelKind::summary:
            row(20, {label(t("panel_actual_caption"))});
            m_actual = list(true);
            row(24, {m_actual});
            row(20, {label(t("panel_weight_caption"))});
            m_weight = list(true);
            row(24, {m_weight});
            m_workbook = add("CheckBox", {{"Label", Any(uno::to_ou(t("panel_whole_workbook")))}, {"State", Any(sal_Int16(0))}});
            row(20, {m_workbook});
            row(24, {button("create", t("panel_create"))});
            row(24, {button("excel_copy", t("cmd_name_excel_copy"))});
            row(24, {button("export_pdf", t("cmd_name_export_pdf"))});
            break;
        case PanelKind::table:
            m_header = list(true);
            row(24, {label(t("panel_header_caption")), m_header});
            for (std::size_t i = 0; i < m_roles.size(); ++i) {
                m_roles[i] = list(true);
                row(24, {label(t("panel_role_" + std::string(role_key(table_roles[i])))), m_roles[i]});
            }
            row(24, {button("save_columns", t("panel_save_choice")), button("reset_columns", t("panel_reset_choice"))});
            break;
        case PanelKind::profile:
            build_profile();
            break;
        }
        m_status = label("");
        row(m_kind == PanelKind::profile ? 52 : 36, {m_status});  // a refused band names its interval

        m_window->addWindowListener(this);
        const css::awt::Rectangle size = parent->getPosSize();
        m_window->setPosSize(0, 0, size.Width, size.Height, css::awt::PosSize::POSSIZE);
        layout(size.Width);
        m_window->setVisible(true);
        refresh(false);
        listen();
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
            stop_listening();
            Reference<css::lang::XComponent> window(m_container, UNO_QUERY);
            if (m_window.is()) m_window->removeWindowListener(this);
            m_rows.clear();
            m_buttons.clear();
            m_counts.clear(); m_list.clear(); m_actual.clear(); m_weight.clear(); m_status.clear();
            m_changes.clear(); m_column.clear(); m_page.clear(); m_new_column.clear();
            for (auto& box : m_ticks) box.clear();
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
                apply_ticked();
            } else if (e.ActionCommand == "tick_all" || e.ActionCommand == "tick_none") {
                m_preview.tick_shown(e.ActionCommand == "tick_all");
                render_preview();
            } else if (e.ActionCommand == "page_prev" || e.ActionCommand == "page_next") {
                m_preview.turn(e.ActionCommand == "page_next" ? +1 : -1);
                render_preview();
            } else if (e.ActionCommand == "excel_copy") {
                dispatch("vnd.pegkit:ExcelCopy", {});
            } else if (e.ActionCommand == "export_pdf") {
                dispatch("vnd.pegkit:ExportPDF", {});
            } else if (e.ActionCommand == "create") {
                create_summary();
            } else if (e.ActionCommand == "save_columns") {
                save_columns(false);
            } else if (e.ActionCommand == "reset_columns") {
                save_columns(true);
            } else if (e.ActionCommand == "mark_na" || e.ActionCommand == "unmark_na") {
                mark_selection(e.ActionCommand == "unmark_na");
            } else if (e.ActionCommand == "save_profile" || e.ActionCommand == "reset_profile") {
                save_profile(e.ActionCommand == "reset_profile");
            }
        } catch (const Exception& ex) {
            status(uno::to_utf8(ex.Message));
        } catch (const std::exception& ex) {
            status(ex.what());
        } catch (...) {
            status(t("panel_failed"));
        }
    }

    // XItemListener: choosing a finding selects its cell
    void SAL_CALL itemStateChanged(const css::awt::ItemEvent& e) override {
        try {
            if (m_kind == PanelKind::normalize) return preview_item_changed(e);
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
            // the sheet changed while the panel was folded, or the active sheet meanwhile
            if (m_stale || m_kind == PanelKind::summary || m_kind == PanelKind::table) refresh(!m_sheet_switched);
            m_stale = m_sheet_switched = false;
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

    // Fresh state. XModifyListener: an edit, an Undo or a Redo, a command from the menu or a macro.
    void SAL_CALL modified(const css::lang::EventObject&) override { post_refresh(); }
    // XActivationEventListener: another sheet shown; an outcome about the last one would mislead.
    void SAL_CALL activeSpreadsheetChanged(const css::sheet::ActivationEvent&) override {
        m_sheet_switched = true;
        post_refresh();
    }
    // XCallback: once, after the events that posted it, never in the middle of a command.
    void SAL_CALL notify(const Any&) override {
        try {
            m_refresh_posted = false;
            if (!m_window.is() || command_running()) return;  // its end posts again
            if (m_showed_own_command && !m_sheet_switched) {
                m_showed_own_command = false;  // this panel read the sheet after its own command
                return;
            }
            m_showed_own_command = false;
            const Reference<css::awt::XWindow2> window(m_window, UNO_QUERY);
            if (window.is() && !window->isVisible()) {
                m_stale = true;  // a folded panel reads the sheet when it is shown
                return;
            }
            refresh_now();
        } catch (...) {
        }
    }

    void SAL_CALL disposing(const css::lang::EventObject& e) override {
        if (e.Source == Reference<css::uno::XInterface>(m_model_events, UNO_QUERY)) m_model_events.clear();
        if (e.Source == Reference<css::uno::XInterface>(m_view_events, UNO_QUERY)) m_view_events.clear();
    }

    ~Panel() override { unwatch_commands(this); }

private:
    struct Place { int row, col; };
    struct Row { int height; std::vector<Reference<css::awt::XWindow>> cells; };

    PanelKind m_kind;
    OUString m_url;
    Reference<css::uno::XComponentContext> m_context;
    Reference<css::frame::XFrame> m_frame;
    Reference<css::ui::XSidebar> m_sidebar;
    Lang m_lang;
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
    // the Scoring profile panel: a field per profile_fields() entry, the as-of date, what was last shown
    std::vector<Reference<css::awt::XWindow>> m_profile_fields;
    Reference<css::awt::XWindow> m_as_of;
    Reference<css::awt::XWindow> m_na_reason, m_na_marks;  // the reason typed, the sheet's marks
    std::string m_shown_profile, m_shown_as_of;
    bool m_profile_shown = false;
    std::string m_table_note;                         // why the active sheet has no table, empty when it has one
    int m_control_count = 0;
    std::string m_result;
    Any m_findings_result;
    bool m_failed = false;
    // Normalize's preview
    Reference<css::awt::XWindow> m_changes, m_column, m_page, m_new_column;
    std::array<Reference<css::awt::XWindow>, RewritePreview::page_size> m_ticks;
    RewritePreview m_preview;
    bool m_rendering = false;
    // fresh state: the document and the view told us something changed
    Reference<css::util::XModifyBroadcaster> m_model_events;
    Reference<css::sheet::XActivationBroadcaster> m_view_events;
    bool m_refresh_posted = false, m_stale = false, m_sheet_switched = false, m_showed_own_command = false;

    std::string t(std::string_view key, const std::vector<std::string>& args = {}) const { return say(key, m_lang, args); }

    // Set while the panel sets its own controls, whose listeners would take it for the user.
    struct RenderGuard {
        explicit RenderGuard(bool& flag) : m_flag(flag), m_was(flag) { flag = true; }
        ~RenderGuard() { m_flag = m_was; }
        RenderGuard(const RenderGuard&) = delete;
        RenderGuard& operator=(const RenderGuard&) = delete;
        bool& m_flag;
        bool m_was;
    };

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
        case PanelKind::profile: return "it.pegkit.calc.Deck.Profile";
        }
        return "it.pegkit.calc.Deck";
    }
    Reference<css::awt::XWindow> button(const char* command, const std::string& text) {
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
    // The status line shows two or three lines; its tooltip holds the whole text.
    void status(const std::string& text) {
        set_label(m_status, text);
        Reference<css::awt::XControl> control(m_status, UNO_QUERY);
        if (!control.is()) return;
        Reference<css::beans::XPropertySet> model(control->getModel(), UNO_QUERY);
        if (model.is()) model->setPropertyValue("HelpText", Any(uno::to_ou(text)));
    }

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
        args.getArray()[args.getLength() - 1] = uno::property("Quiet", Any(true));  // the panel shows the outcome itself
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
            status(t("panel_no_command", {command}));
            return false;
        }
        Reference<css::frame::XNotifyingDispatch> notifying(dispatch, UNO_QUERY);
        {
            // a click while the command's progress bar reschedules would start another command
            Disabled disabled(m_buttons);
            if (notifying.is()) notifying->dispatchWithNotification(url, args, this);
            else dispatch->dispatch(url, args);
        }
        status(!m_result.empty() ? m_result : m_failed ? t("panel_failed") : t("panel_done"));
        // the caller shows the outcome: the one refresh the command's events posted is not needed
        m_showed_own_command = true;
        return !m_failed;
    }

    void command_finished() override { post_refresh(); }

    void listen() {
        const Reference<css::frame::XController> controller = m_frame.is() ? m_frame->getController() : nullptr;
        m_view_events.set(controller, UNO_QUERY);
        if (m_view_events.is()) m_view_events->addActivationEventListener(this);
        m_model_events.set(controller.is() ? controller->getModel() : nullptr, UNO_QUERY);
        if (m_model_events.is()) m_model_events->addModifyListener(this);
        watch_commands(this);
    }
    void stop_listening() {
        unwatch_commands(this);
        try {
            if (m_view_events.is()) m_view_events->removeActivationEventListener(this);
            if (m_model_events.is()) m_model_events->removeModifyListener(this);
        } catch (...) {
        }
        m_view_events.clear();
        m_model_events.clear();
    }

    // One refresh for a burst of events (a command's writes, a paste), after them.
    void post_refresh() {
        try {
            if (m_refresh_posted || !m_window.is()) return;
            m_refresh_posted = true;
            css::awt::AsyncCallback::create(m_context)->addCallback(this, Any());
        } catch (...) {
            m_refresh_posted = false;
        }
    }

    void refresh_now() {
        const bool switched = m_sheet_switched;
        m_sheet_switched = false;
        const Reference<css::sheet::XSpreadsheetView> view(m_frame.is() ? m_frame->getController() : nullptr, UNO_QUERY);
        const Reference<css::sheet::XSpreadsheet> sheet = view.is() ? view->getActiveSheet() : nullptr;
        if (sheet.is()) {
            const uno::SheetArea area = uno::used_area(sheet);
            if (std::size_t(std::max(area.rows, 0)) * std::size_t(std::max(area.cols, 0)) > auto_refresh_cells) {
                if (m_kind == PanelKind::validate || m_kind == PanelKind::normalize)
                    status(t("panel_stale", {t(m_kind == PanelKind::validate ? "cmd_name_validate" : "panel_preview")}));
                return;
            }
        }
        refresh(!switched);
    }

    // Reads the active sheet and fills the panel; `keep_status` leaves a command's outcome shown.
    void refresh(bool keep_status) {
        if (m_kind == PanelKind::profile) return show_profile(keep_status);
        try {
            Reference<css::frame::XController> controller = m_frame.is() ? m_frame->getController() : nullptr;
            SheetView view = read_active_sheet(controller, m_lang, uno::sheet_options(uno::read_settings(m_context)));
            m_sheet = view.sheet;
            std::string note;
            if (!view.ok) note = t("panel_not_sheet");
            else if (view.too_large) note = text(Msg::too_large, m_lang, {std::to_string(view.rows), std::to_string(view.cols),
                                                                  std::to_string(uno::default_cell_limit)});
            else if (!view.check.found) note = table_note(view.check);
            m_table_note = view.check.found ? std::string() : note;
            switch (m_kind) {
            case PanelKind::validate: show_findings(view); break;
            case PanelKind::normalize: show_changes(view); break;
            case PanelKind::summary: show_columns(view); break;
            case PanelKind::table: show_roles(view); break;
            case PanelKind::profile: break;
            }
            if (!keep_status || !note.empty()) status(note);
        } catch (const Exception& e) {
            status(uno::to_utf8(e.Message));
        } catch (const std::exception& e) {
            status(e.what());
        }
    }

    // Why there is no table, as the core says it ("no target column (found Indicatore (C))"): what
    // is missing first, since the status line shows only its first two lines.
    std::string table_note(const SheetCheck& check) const {
        for (const Finding& f : check.findings)
            if (f.code == Diag::empty_sheet) return {};  // the counts line says "no PEG table on this sheet"
        for (const Finding& f : check.findings)
            if (says_why_no_table(f.code)) return message(f.code, m_lang, f.args);
        return t("panel_no_header");
    }

    void show_findings(const SheetView& view) {
        m_findings.clear();
        if (view.check.found)  // without a table the status line says what was found and what is missing
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
        const std::string counts =
            t("panel_counts", {std::to_string(list.errors), std::to_string(list.warnings), std::to_string(list.infos)});
        // a sheet without a table has nothing to count: "Errori: 1" would greet a new document
        set_label(m_counts, m_no_table ? t("panel_no_table") : m_findings.empty() ? t("panel_no_findings") : counts);
        m_places = list.shown;
        set_items(m_list, list.items);
    }

    // ------------------------------------------------------------ Normalize's preview

    void show_changes(const SheetView& view) {
        std::vector<PreviewLine> lines;
        for (const SheetRewrite& r : view.rewrites) lines.push_back({{r.sheet_row, r.sheet_col}, r.column, r.before, r.after});
        m_preview.set(std::move(lines));
        m_no_table = !view.check.found;
        render_preview();
    }

    void render_preview() {
        const RenderGuard guard(m_rendering);
        const std::size_t total = m_preview.total();
        set_label(m_changes, m_no_table ? t("panel_no_table") : total == 0 ? t("panel_no_changes") : changes_count());
        std::vector<std::string> columns{t("panel_all_columns")};
        for (const std::string& c : m_preview.columns()) columns.push_back(c);
        set_items(m_column, columns);
        Reference<css::awt::XListBox>(m_column, UNO_QUERY_THROW)->selectItemPos(sal_Int16(m_preview.filtered_column() + 1), true);
        const std::vector<const PreviewLine*> lines = m_preview.page_lines();
        for (std::size_t i = 0; i < m_ticks.size(); ++i) {
            const bool used = i < lines.size();
            m_ticks[i]->setVisible(used);
            if (!used) continue;
            const Reference<css::beans::XPropertySet> model(Reference<css::awt::XControl>(m_ticks[i], UNO_QUERY_THROW)->getModel(),
                                                            UNO_QUERY_THROW);
            model->setPropertyValue("Label", Any(uno::to_ou(preview_text(*lines[i], 70))));
            model->setPropertyValue("HelpText", Any(uno::to_ou(preview_text(*lines[i], 0))));  // the whole text
            model->setPropertyValue("State", Any(sal_Int16(lines[i]->ticked ? 1 : 0)));
        }
        set_label(m_page, total == 0 ? "" : t("panel_page", {std::to_string(m_preview.page() + 1), std::to_string(m_preview.pages())}));
    }

    void preview_item_changed(const css::awt::ItemEvent& e) {
        if (m_rendering) return;  // our own State and selection, set while rendering
        if (e.Source == Reference<css::uno::XInterface>(m_column, UNO_QUERY)) {
            m_preview.filter(int(Reference<css::awt::XListBox>(m_column, UNO_QUERY_THROW)->getSelectedItemPos()) - 1);
            return render_preview();
        }
        for (std::size_t i = 0; i < m_ticks.size(); ++i)
            if (e.Source == Reference<css::uno::XInterface>(m_ticks[i], UNO_QUERY)) {
                m_preview.tick_on_page(i, Reference<css::awt::XCheckBox>(m_ticks[i], UNO_QUERY_THROW)->getState() == 1);
                const RenderGuard guard(m_rendering);
                set_label(m_changes, changes_count());
            }
    }

    std::string changes_count() const {
        return t("panel_changes_count", {std::to_string(m_preview.total()), std::to_string(m_preview.ticked())});
    }

    // The ticked cells with the text the preview showed: the command writes them only if the sheet
    // still reads so (src/core/plan.hpp, choose_rewrites).
    void apply_ticked() {
        const std::vector<ChosenRewrite> chosen = m_preview.chosen();
        Sequence<Sequence<Any>> cells(sal_Int32(chosen.size()));
        for (std::size_t i = 0; i < chosen.size(); ++i) {
            const Any cell[] = {Any(sal_Int32(chosen[i].at.row)), Any(sal_Int32(chosen[i].at.col)), Any(uno::to_ou(chosen[i].after))};
            cells.getArray()[i] = Sequence<Any>(cell, 3);
        }
        const Reference<css::awt::XCheckBox> new_column(m_new_column, UNO_QUERY);
        const css::beans::PropertyValue args[] = {
            uno::property("Cells", Any(cells)),
            uno::property("NewColumn", Any(bool(new_column.is() && new_column->getState() == 1)))};
        dispatch("vnd.pegkit:Normalize", Sequence<css::beans::PropertyValue>(args, 2));
        refresh(true);  // keeps the outcome shown
    }

    void show_columns(const SheetView& view) {
        std::vector<std::string> items{t("panel_none")};
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
        std::vector<std::string> items{t("panel_none")};
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
        std::vector<std::string> rows{t("panel_none")};
        m_header_rows = {-1};
        for (const SheetColumn& r : view.header_rows) {
            rows.push_back(r.label);
            m_header_rows.push_back(r.sheet_col);
        }
        set_items(m_header, rows);
        m_read_header = view.header_row;
        select(m_header, m_header_rows, m_read_header);
    }

    // A label and a field per entry of the profile (profile_form.hpp), the as-of date, Save and Defaults.
    void build_profile() {
        for (const ProfileField& f : profile_fields()) {
            Reference<css::awt::XWindow> w;
            if (f.choices.empty()) {
                w = add("Edit", {{"Text", Any(OUString())}, {"Border", Any(sal_Int16(1))},
                                 {"HelpText", Any(uno::to_ou(t("panel_profile_" + f.key + "_help")))}});
            } else {
                w = list(true);
                std::vector<std::string> items;
                for (const std::string& c : f.choices) items.push_back(t("panel_choice_" + c));
                set_items(w, items);
            }
            m_profile_fields.push_back(w);
            // a long field (bands) takes the panel's width under its label
            if (f.key == "bands") {
                row(20, {label(t("panel_profile_" + f.key))});
                row(24, {w});
            } else {
                row(24, {label(t("panel_profile_" + f.key)), w});
            }
        }
        m_as_of = add("Edit", {{"Text", Any(OUString())}, {"Border", Any(sal_Int16(1))},
                               {"HelpText", Any(uno::to_ou(t("panel_profile_as_of_help")))}});
        row(24, {label(t("panel_profile_as_of")), m_as_of});
        row(24, {button("save_profile", t("panel_save_choice")), button("reset_profile", t("panel_profile_defaults"))});
        // objectives not assessable this year: the rows selected on the sheet, with a reason
        row(36, {label(t("panel_na_caption"))});
        m_na_reason = add("Edit", {{"Text", Any(OUString())}, {"Border", Any(sal_Int16(1))},
                                   {"HelpText", Any(uno::to_ou(t("panel_na_reason_help")))}});
        row(24, {label(t("cmd_col_reason")), m_na_reason});
        row(24, {button("mark_na", t("cmd_name_mark")), button("unmark_na", t("panel_na_unmark"))});
        m_na_marks = label("");
        row(36, {m_na_marks});
    }

    // The active sheet's marks, as the document holds them: "Segnate: righe 5 (motivo), 9 (…)".
    void show_marks() {
        const Reference<css::uno::XInterface> doc = document();
        const Reference<css::sheet::XSpreadsheetView> view(m_frame.is() ? m_frame->getController() : nullptr, UNO_QUERY);
        const Reference<css::container::XNamed> sheet(view.is() ? view->getActiveSheet() : nullptr, UNO_QUERY);
        if (!doc.is() || !sheet.is()) return;
        const std::vector<MarkedRow> marks =
            stored_marks(uno::read_text_property(doc, not_assessable_property).value_or(""), uno::to_utf8(sheet->getName()));
        std::string rows;
        for (std::size_t i = 0; i < marks.size() && i < 8; ++i)
            rows += (i ? ", " : "") + std::to_string(marks[i].row + 1) + " (" + marks[i].reason + ")";
        if (marks.size() > 8) rows += ", …";
        const std::string shown = marks.empty() ? t("panel_na_none") : t("panel_na_list", {std::to_string(marks.size()), rows});
        set_label(m_na_marks, shown);
        Reference<css::beans::XPropertySet>(Reference<css::awt::XControl>(m_na_marks, UNO_QUERY_THROW)->getModel(), UNO_QUERY_THROW)
            ->setPropertyValue("HelpText", Any(uno::to_ou(shown)));
    }

    // vnd.pegkit:MarkNotAssessable on the rows selected in the sheet; the command says what it did.
    void mark_selection(bool clear) {
        const css::beans::PropertyValue arg =
            clear ? uno::property("Clear", Any(true))
                  : uno::property("Reason", Any(Reference<css::awt::XTextComponent>(m_na_reason, UNO_QUERY_THROW)->getText()));
        if (dispatch("vnd.pegkit:MarkNotAssessable", Sequence<css::beans::PropertyValue>(&arg, 1)) && !clear)
            Reference<css::awt::XTextComponent>(m_na_reason, UNO_QUERY_THROW)->setText(OUString());
        show_marks();
    }

    Reference<css::uno::XInterface> document() const {
        Reference<css::frame::XController> controller = m_frame.is() ? m_frame->getController() : nullptr;
        return Reference<css::uno::XInterface>(controller.is() ? controller->getModel() : nullptr, UNO_QUERY);
    }

    // The fields follow the document's stored profile, but only when that text changed: a sheet
    // edit (which refreshes every panel) must not wipe what the user is typing here.
    void show_profile(bool keep_status) {
        try {
            const Reference<css::uno::XInterface> doc = document();
            if (!doc.is()) return status(t("panel_not_sheet"));
            const std::string stored = uno::read_text_property(doc, profile_property).value_or("");
            const std::string as_of = uno::read_text_property(doc, as_of_property).value_or("");
            show_marks();
            if (m_profile_shown && stored == m_shown_profile && as_of == m_shown_as_of) return;
            m_profile_shown = true;
            m_shown_profile = stored;
            m_shown_as_of = as_of;
            const ProfileParse parsed = parse_profile(stored);
            const ProfileValues values = profile_values(parsed.profile);
            const auto& fields = profile_fields();
            for (std::size_t i = 0; i < fields.size(); ++i) {
                const std::string& value = values.at(fields[i].key);
                if (fields[i].choices.empty()) {
                    Reference<css::awt::XTextComponent>(m_profile_fields[i], UNO_QUERY_THROW)->setText(uno::to_ou(value));
                } else {
                    const auto at = std::find(fields[i].choices.begin(), fields[i].choices.end(), value);
                    Reference<css::awt::XListBox>(m_profile_fields[i], UNO_QUERY_THROW)
                        ->selectItemPos(sal_Int16(at == fields[i].choices.end() ? 0 : at - fields[i].choices.begin()), true);
                }
            }
            std::string shown_date = as_of;
            if (const std::optional<Date> d = parse_date(as_of))
                shown_date = format_date(*d);
            Reference<css::awt::XTextComponent>(m_as_of, UNO_QUERY_THROW)->setText(uno::to_ou(shown_date));
            if (!parsed) status(t("panel_profile_unreadable", {message(parsed.diagnostics.front(), m_lang)}));
            else if (!keep_status) status(profile_summary(stored, as_of));
        } catch (const Exception& e) {
            status(uno::to_utf8(e.Message));
        }
    }

    // "regole predefinite; data di riferimento: oggi": the fields show the rules themselves
    std::string profile_summary(const std::string& text, const std::string& as_of) const {
        const std::optional<Date> d = parse_date(as_of);
        std::string date = d ? t("panel_profile_as_of") + ": " + format_date(*d) : t("panel_profile_today");
        if (d && !date.empty()) date[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(date[0])));
        return text.empty() ? t("panel_profile_default_rules") + "; " + date : date;
    }

    // The fields read as a profile and stored in the document (pegkit.profile, pegkit.as_of), or
    // refused with the entry or interval at fault; `defaults` stores the default rules and today.
    void save_profile(bool defaults) {
        const Reference<css::uno::XInterface> doc = document();
        if (!doc.is()) return status(t("panel_not_sheet"));
        const Reference<css::frame::XStorable> storable(doc, UNO_QUERY);
        if (storable.is() && storable->isReadonly()) return status(text(Msg::read_only, m_lang));
        std::string text_to_store, date_to_store;
        if (!defaults) {
            ProfileValues values;
            const auto& fields = profile_fields();
            for (std::size_t i = 0; i < fields.size(); ++i) {
                if (fields[i].choices.empty()) {
                    values[fields[i].key] = uno::to_utf8(Reference<css::awt::XTextComponent>(m_profile_fields[i], UNO_QUERY_THROW)->getText());
                } else {
                    const sal_Int16 pos = Reference<css::awt::XListBox>(m_profile_fields[i], UNO_QUERY_THROW)->getSelectedItemPos();
                    values[fields[i].key] = fields[i].choices[std::size_t(std::clamp<int>(pos, 0, int(fields[i].choices.size()) - 1))];
                }
            }
            const ProfileForm form = read_form(values);
            if (!form.text) return status(t("panel_profile_refused", {message(form.errors.front(), m_lang)}));
            const std::string typed = uno::to_utf8(Reference<css::awt::XTextComponent>(m_as_of, UNO_QUERY_THROW)->getText());
            const std::optional<std::string> date = as_of_text(typed);
            if (!date) return status(t("panel_profile_bad_date", {typed}));
            text_to_store = *form.text;
            date_to_store = *date;
        }
        uno::write_text_property(doc, profile_property, text_to_store.empty() ? std::nullopt : std::optional<std::string>(text_to_store));
        uno::write_text_property(doc, as_of_property, date_to_store.empty() ? std::nullopt : std::optional<std::string>(date_to_store));
        // PEG.ATTAIN, PEG.MET and PEG.SCORE read the profile: their cells are not dirty, so recalculate
        if (const Reference<css::sheet::XCalculatable> calc{doc, UNO_QUERY}; calc.is()) calc->calculateAll();
        m_profile_shown = false;  // show what was stored, as the document now holds it
        show_profile(true);
        status(t("panel_profile_saved", {profile_summary(text_to_store, date_to_store)}));
    }

    // The roles the user changed, on top of the choice the document holds, stored in the
    // document; `reset` forgets the sheet's choice. Validate, Normalize, Summary and pegkit-check
    // read it (src/uno/column_choice.hpp).
    void save_columns(bool reset) {
        Reference<css::frame::XController> controller = m_frame.is() ? m_frame->getController() : nullptr;
        Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY);
        Reference<css::uno::XInterface> document(controller.is() ? controller->getModel() : nullptr, UNO_QUERY);
        if (!view.is() || !document.is()) return status(t("panel_not_sheet"));
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
        const std::string said = reset ? t("panel_forgotten") : t("panel_saved", {format_columns(*choice)});
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
        const Reference<css::awt::XCheckBox> workbook(m_workbook, UNO_QUERY);
        const css::beans::PropertyValue args[] = {
            uno::property("ActualColumn", Any(sal_Int32(chosen(m_actual, m_actual_cols)))),
            uno::property("WeightColumn", Any(sal_Int32(chosen(m_weight, m_weight_cols)))),
            uno::property("Workbook", Any(bool(workbook.is() && workbook->getState() == 1)))};
        dispatch("vnd.pegkit:Summary", Sequence<css::beans::PropertyValue>(args, 3));
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
