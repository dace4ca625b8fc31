#include "messages.hpp"

#include <string_view>

namespace pegkit::sidebar {
namespace {

struct Text { Msg id; std::string_view it, en; };
constexpr Text texts[] = {
    {Msg::protected_sheet, "Il foglio «{0}» è protetto: rimuovere la protezione (Strumenti ▸ Proteggi foglio) e riprovare. Nessuna modifica.",
     "Sheet '{0}' is protected: unprotect it (Tools ▸ Protect Sheet) and try again. Nothing was changed."},
    {Msg::read_only, "Il documento è aperto in sola lettura: scegliere «Modifica documento» (Modifica ▸ Modifica documento) e riprovare. Nessuna modifica.",
     "The document is open read-only: choose Edit Document (Edit ▸ Edit Document) and try again. Nothing was changed."},
    {Msg::busy, "Un altro comando PEG è in corso: attendere che finisca.", "Another PEG command is running: wait for it to finish."},
    {Msg::too_large, "Il foglio usa {0} righe × {1} colonne, oltre il limite di {2} celle: non è stato letto. Eliminare le righe o colonne vuote in fondo al foglio e riprovare.",
     "The sheet uses {0} rows × {1} columns, beyond the limit of {2} cells: it was not read. Delete the empty rows or columns at its end and try again."},
    {Msg::no_document, "Il comando funziona su un foglio di Calc.", "This command works on a Calc spreadsheet."},
    {Msg::internal_error, "Il comando non è riuscito per un errore inatteso.", "The command failed with an unexpected error."},
    {Msg::failed_restored, "Il comando non è riuscito a scrivere tutto; quanto aveva scritto è stato annullato: il documento è com'era.",
     "The command could not write everything; what it had written was taken back: the document is as it was."},
    {Msg::failed_not_restored, "Il comando non è riuscito a scrivere tutto e non ha potuto ripristinare ogni cella: controllare il foglio, o chiudere il documento senza salvare.",
     "The command could not write everything, nor take back all it had written: check the sheet, or close the document without saving."},
    {Msg::undo_title, "PEG: {0}", "PEG: {0}"},
    {Msg::validated, "{0} errori e {1} avvisi: {2} celle evidenziate, {3} con un commento.",
     "{0} errors and {1} warnings: {2} cells highlighted, {3} with a comment."},
    {Msg::validated_clean, "Nessun errore né avviso in {0} obiettivi.", "No errors or warnings in {0} objectives."},
    {Msg::cleared, "Segni di verifica rimossi da {0} celle.", "Validation marks removed from {0} cells."},
    {Msg::nothing_to_clear, "Nessun segno di verifica nel foglio.", "No validation marks on this sheet."},
    {Msg::normalized, "{0} celle di testo normalizzate (un solo Annulla le ripristina).",
     "{0} text cells normalized (a single Undo restores them)."},
    {Msg::normalized_hidden, " {0} celle in righe nascoste o filtrate lasciate com'erano.",
     " {0} cells in hidden or filtered rows were left as they were."},
    {Msg::nothing_to_normalize, "Niente da normalizzare: il testo è già in forma normale.",
     "Nothing to normalize: the text is already in normal form."},
    {Msg::summary_done, "Riepilogo scritto nel foglio «{0}».", "Summary written to sheet '{0}'."},
    {Msg::summary_no_actual, "Riepilogo scritto nel foglio «{0}»; manca la colonna Valore raggiunto: nessun obiettivo valutato.",
     "Summary written to sheet '{0}'; there is no Valore raggiunto column: nothing assessed."},
    {Msg::summary_protected_doc, "La struttura del documento è protetta (Strumenti ▸ Proteggi struttura): non si può aggiungere il foglio di riepilogo. Nessuna modifica.",
     "The document structure is protected (Tools ▸ Protect Spreadsheet Structure): the summary sheet cannot be added. Nothing was changed."},
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
    {Msg::step_validate, "verifica", "validate"},
    {Msg::step_clear, "cancella segni", "clear marks"},
    {Msg::step_normalize, "normalizza", "normalize"},
    {Msg::step_summary, "riepilogo", "summary"},
    {Msg::name_validate, "Verifica", "Validate"},
    {Msg::name_normalize, "Normalizza", "Normalize"},
    {Msg::name_summary, "Riepilogo", "Summary"},
    {Msg::first_of, "… i primi {0} di {1}", "… the first {0} of {1}"},
};

Msg msg_of(SummaryLabel l) {
    switch (l) {
    case SummaryLabel::title: return Msg::summary_title;
    case SummaryLabel::legend: case SummaryLabel::legend_weighted: return Msg::summary_legend;
    case SummaryLabel::by_cdr: return Msg::by_cdr;
    case SummaryLabel::by_mission: return Msg::by_mission;
    case SummaryLabel::by_programme: return Msg::by_programme;
    case SummaryLabel::by_strategic: return Msg::by_strategic;
    case SummaryLabel::objectives: return Msg::col_objectives;
    case SummaryLabel::assessed: return Msg::col_assessed;
    case SummaryLabel::met: return Msg::col_met;
    case SummaryLabel::pct_met: return Msg::col_pct_met;
    case SummaryLabel::mean: return Msg::col_mean;
    case SummaryLabel::not_assessable: return Msg::col_not_assessable;
    case SummaryLabel::total: return Msg::total;
    case SummaryLabel::not_given: return Msg::not_given;
    }
    return Msg::total;
}

}  // namespace

std::string command_name(Command command, Lang lang) {
    switch (command) {
    case Command::validate: return text(Msg::name_validate, lang);
    case Command::normalize: return text(Msg::name_normalize, lang);
    case Command::summary: return text(Msg::name_summary, lang);
    case Command::clear_marks: return text(Msg::clear_button, lang);
    }
    return {};
}

std::string text(Msg id, Lang lang, const std::vector<std::string>& args) {
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

std::string summary_label(const SummaryPlan& plan, SummaryLabel label, Lang lang, const std::string& sheet_name) {
    if (label == SummaryLabel::title)
        return text(Msg::summary_title, lang, {sheet_name, plan.plan_year ? ", " + std::to_string(*plan.plan_year) : ""});
    if (label == SummaryLabel::legend_weighted)
        return text(Msg::summary_legend, lang) + " " + text(Msg::summary_weighted, lang);
    return text(msg_of(label), lang);
}

std::string note_text(const Mark& mark, Lang lang) {
    std::string body = note_prefix;
    for (std::size_t i = 0; i < mark.findings.size(); ++i) {
        const Finding& f = mark.findings[i];
        if (i) body += "\n";
        body += text(f.severity == Severity::error ? Msg::error_word : Msg::warning_word, lang) + ": " +
                message(f.code, lang, f.args);
    }
    return body;
}

}  // namespace pegkit::sidebar
