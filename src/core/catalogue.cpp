#include "catalogue.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

namespace pegkit {
namespace {

// Key, Italian, English. Grouped by the front end that shows the text; a text two front ends
// show alike is one entry (the unit test refuses twins).
constexpr Phrase phrases[] = {
    // The findings (diagnostic.hpp: message), one per Diag plus two wordings chosen by its args.
    {"diag_empty_target",
     "target mancante: indicare un valore misurabile",
     "target missing: give a measurable value"},
    {"diag_not_measurable",
     "target non misurabile: nessun numero, data o formula di conformità riconosciuta",
     "target not measurable: no number, date or recognised compliance phrase"},
    {"diag_excel_date_artifact",
     "«{0}» è probabilmente il numero {1} formattato come data",
     "'{0}' is probably the number {1} formatted as a date"},
    // "00/01/1900": Excel shows a fraction below 1 (e.g. 90 %) as day 0 of January 1900.
    {"diag_excel_date_artifact_fraction",
     "«{0}» è probabilmente una frazione (ad es. una percentuale) formattata come data",
     "'{0}' is probably a fraction (e.g. a percentage) formatted as a date"},
    {"diag_impossible_date", "data inesistente: «{0}»", "impossible date: '{0}'"},
    {"diag_two_numbers", "due numeri nel target: indicarne uno solo", "two numbers in the target: give only one"},
    {"diag_number_range",
     "intervallo di valori: indicare un solo valore da raggiungere",
     "range of values: give a single value to reach"},
    {"diag_start_not_target",
     "data di inizio, non un termine: indicare la scadenza",
     "start date, not a target: give the deadline"},
    {"diag_no_year", "data senza anno: «{0}»", "date with no year: '{0}'"},
    {"diag_outside_plan_year",
     "scadenza {0} fuori dall'anno del piano ({1})",
     "deadline {0} outside the plan year ({1})"},
    {"diag_missing_number", "operatore senza valore da raggiungere", "operator with no value to reach"},
    {"diag_ambiguous_number",
     "«{0}» letto come {1}: la virgola è decimale o separa le migliaia?",
     "'{0}' read as {1}: is the comma decimal or a thousands separator?"},
    {"diag_direction_inferred",
     "letto come valore massimo (≤): l'indicatore contiene «{0}»",
     "read as a maximum (≤): the indicator contains '{0}'"},
    {"diag_direction_inferred_higher",
     "letto come valore minimo (≥): l'indicatore contiene «{0}»",
     "read as a minimum (≥): the indicator contains '{0}'"},
    {"diag_would_normalize", "forma normalizzata: «{0}»", "normalized form: '{0}'"},
    {"diag_missing_peg_target", "target PEG mancante", "PEG target missing"},
    {"diag_missing_dup_target", "target DUP mancante", "DUP target missing"},
    {"diag_peg_after_dup",
     "scadenza PEG ({0}) successiva a quella del DUP ({1})",
     "PEG deadline ({0}) later than the DUP deadline ({1})"},
    {"diag_no_header",
     "tabella degli obiettivi non trovata: nessuna intestazione riconosciuta (obiettivo, indicatore, target)",
     "objective table not found: no column heading recognised (objective, indicator, target)"},
    {"diag_empty_sheet", "foglio vuoto", "empty sheet"},
    {"diag_no_target_column",
     "trovate le colonne {0}, nessuna colonna del target: indicala nel pannello o con --columns",
     "found {0}, no target column: choose it in the panel or with --columns"},
    {"diag_no_objective_column",
     "trovate le colonne {0}, nessuna colonna dell'obiettivo o dell'indicatore: indicala nel pannello o con --columns",
     "found {0}, no objective or indicator column: choose it in the panel or with --columns"},
    {"diag_section_row",
     "riga di sezione: «{0}» vale per le righe seguenti",
     "section row: '{0}' applies to the rows below"},
    {"diag_role_prose",
     "«{0}» letta come descrizione: il target è in un'altra colonna",
     "'{0}' read as a description: the target is in another column"},
    {"diag_bad_actual", "valore raggiunto non valido: «{0}»", "invalid actual value: '{0}'"},
    {"diag_bad_rule", "regola non valida: «{0}»", "invalid rule: '{0}'"},
    {"diag_part_count",
     "valori raggiunti attesi: {0} (uno per parte del target), indicati: {1}",
     "actual values expected: {0} (one per part of the target), given: {1}"},
    {"diag_empty_or_zero",
     "cella vuota o numero 0 (Calc li passa uguali): per un target zero scrivere «= 0» o «zero»",
     "empty cell or the number 0 (Calc passes both alike): for a zero target write '= 0' or 'zero'"},
    {"diag_bands_overlap", "le fasce {0} e {1} si sovrappongono su {2}", "bands {0} and {1} overlap on {2}"},
    {"diag_bands_gap", "le fasce {0} e {1} lasciano scoperto {2}", "bands {0} and {1} leave {2} uncovered"},
    {"diag_bands_order",
     "la fascia {0} viene dopo {1}: elencare le fasce dalla più bassa",
     "band {0} comes after {1}: list the bands from the lowest"},
    {"diag_band_empty",
     "fascia {0} vuota o rovesciata: scrivere da-a con da < a",
     "band {0} is empty or reversed: write from-to with from < to"},
    {"diag_profile_conflict",
     "fasce e quattro soglie insieme: sceglierne una",
     "bands and four thresholds together: choose one"},
    {"diag_override_unjustified",
     "valore validato {0} senza giustificazione: resta il valore calcolato",
     "validated value {0} with no justification: the computed value stands"},
    {"diag_override_applied",
     "valore validato {0} al posto di quello calcolato: «{1}»",
     "validated value {0} replaces the computed one: '{1}'"},
    {"diag_neutralised",
     "obiettivo non valutabile, escluso dai punteggi: «{0}»",
     "objective not assessable, left out of the scores: '{0}'"},
    {"diag_no_baseline",
     "variazione rispetto a un valore di partenza che la riga non indica: non valutabile",
     "change against a baseline the row does not give: not assessable"},
    {"diag_missing_year_target", "nessun target per l'anno del piano ({0})", "no target for the plan year ({0})"},
    {"diag_weights_not_100",
     "pesi di «{0}» in totale {1}%: di solito sommano a 100",
     "weights of '{0}' add up to {1}%: an office usually makes them 100"},

    // The commands and the summary sheet (src/sidebar/messages.hpp: text, command_name, summary_label).
    {"cmd_protected_sheet",
     "Il foglio «{0}» è protetto: rimuovere la protezione (Strumenti ▸ Proteggi foglio) e riprovare. Nessuna modifica.",
     "Sheet '{0}' is protected: unprotect it (Tools ▸ Protect Sheet) and try again. Nothing was changed."},
    {"cmd_read_only",
     "Il documento è aperto in sola lettura: scegliere «Modifica documento» (Modifica ▸ Modifica documento) e riprovare. Nessuna modifica.",
     "The document is open read-only: choose Edit Document (Edit ▸ Edit Document) and try again. Nothing was changed."},
    {"cmd_busy",
     "Un altro comando PEG è in corso: attendere che finisca.",
     "Another PEG command is running: wait for it to finish."},
    {"cmd_too_large",
     "Il foglio usa {0} righe × {1} colonne, oltre il limite di {2} celle: non è stato letto. Eliminare le righe o colonne vuote in fondo al foglio e riprovare.",
     "The sheet uses {0} rows × {1} columns, beyond the limit of {2} cells: it was not read. Delete the empty rows or columns at its end and try again."},
    {"cmd_no_document", "Il comando funziona su un foglio di Calc.", "This command works on a Calc spreadsheet."},
    {"cmd_internal_error",
     "Il comando non è riuscito per un errore inatteso.",
     "The command failed with an unexpected error."},
    {"cmd_failed_restored",
     "Il comando non è riuscito a scrivere tutto; quanto aveva scritto è stato annullato: il documento è com'era.",
     "The command could not write everything; what it had written was taken back: the document is as it was."},
    {"cmd_failed_not_restored",
     "Il comando non è riuscito a scrivere tutto e non ha potuto ripristinare ogni cella: controllare il foglio, o chiudere il documento senza salvare.",
     "The command could not write everything, nor take back all it had written: check the sheet, or close the document without saving."},
    {"cmd_undo_title", "PEG: {0}", "PEG: {0}"},
    {"cmd_validated",
     "{0} errori e {1} avvisi: {2} celle evidenziate, {3} con un commento.",
     "{0} errors and {1} warnings: {2} cells highlighted, {3} with a comment."},
    {"cmd_validated_clean", "Nessun errore né avviso in {0} obiettivi.", "No errors or warnings in {0} objectives."},
    {"cmd_cleared", "Segni di verifica rimossi da {0} celle.", "Validation marks removed from {0} cells."},
    {"cmd_nothing_to_clear", "Nessun segno di verifica nel foglio.", "No validation marks on this sheet."},
    {"cmd_normalized",
     "{0} celle di testo normalizzate (un solo Annulla le ripristina).",
     "{0} text cells normalized (a single Undo restores them)."},
    {"cmd_normalized_hidden",
     " {0} celle in righe nascoste o filtrate lasciate com'erano.",
     " {0} cells in hidden or filtered rows were left as they were."},
    {"cmd_nothing_to_normalize",
     "Niente da normalizzare: il testo è già in forma normale.",
     "Nothing to normalize: the text is already in normal form."},
    {"cmd_summary_done", "Riepilogo scritto nel foglio «{0}».", "Summary written to sheet '{0}'."},
    {"cmd_summary_no_actual",
     "Riepilogo scritto nel foglio «{0}»; manca la colonna Valore raggiunto: nessun obiettivo valutato.",
     "Summary written to sheet '{0}'; there is no Valore raggiunto column: nothing assessed."},
    {"cmd_summary_protected_doc",
     "La struttura del documento è protetta (Strumenti ▸ Proteggi struttura): non si può aggiungere il foglio di riepilogo. Nessuna modifica.",
     "The document structure is protected (Tools ▸ Protect Spreadsheet Structure): the summary sheet cannot be added. Nothing was changed."},
    {"cmd_col_objectives", "Obiettivi", "Objectives"},
    {"cmd_col_assessed", "Valutati", "Assessed"},
    {"cmd_col_met", "Raggiunti", "Met"},
    {"cmd_col_pct_met", "% raggiunti", "% met"},
    {"cmd_col_mean", "Raggiungimento medio", "Mean attainment"},
    {"cmd_col_not_assessable", "Non valutabili", "Not assessable"},
    {"cmd_by_cdr", "CdR", "CdR"},
    {"cmd_by_mission", "Missione", "Mission"},
    {"cmd_by_programme", "Programma", "Programme"},
    {"cmd_by_strategic", "Obiettivo strategico", "Strategic objective"},
    {"cmd_total", "Totale", "Total"},
    {"cmd_not_given", "(non indicato)", "(not given)"},
    {"cmd_summary_title", "Riepilogo PEG del foglio «{0}»{1}", "PEG summary of sheet '{0}'{1}"},
    {"cmd_summary_weighted",
     "Raggiungimento medio ponderato con la colonna Peso.",
     "Mean attainment weighted by the Peso column."},
    {"cmd_summary_legend",
     "Colori: verde ≥ 90%, giallo 60–90%, rosso < 60%.",
     "Colours: green ≥ 90%, amber 60–90%, red < 60%."},
    {"cmd_chart_title", "Raggiungimento medio per CdR", "Mean attainment per CdR"},
    {"cmd_progress", "PEG: {0}…", "PEG: {0}…"},
    {"cmd_error_word", "errore", "error"},
    {"cmd_warning_word", "avviso", "warning"},
    {"cmd_clear_button", "Cancella segni", "Clear marks"},
    {"cmd_step_validate", "verifica", "validate"},
    {"cmd_step_clear", "cancella segni", "clear marks"},
    {"cmd_step_normalize", "normalizza", "normalize"},
    {"cmd_step_summary", "riepilogo", "summary"},
    {"cmd_name_validate", "Verifica", "Validate"},
    {"cmd_name_normalize", "Normalizza", "Normalize"},
    {"cmd_name_summary", "Riepilogo", "Summary"},
    {"cmd_first_of", "… i primi {0} di {1}", "… the first {0} of {1}"},

    // Why pegkit-check could not read a file or folder (src/cli/messages.hpp: reason).
    {"cli_no_such_file", "file o cartella inesistente", "no such file or directory"},
    {"cli_system_error", "lettura non riuscita: {0}", "cannot read it: {0}"},
    {"cli_not_a_table_file", "non è un file .tsv, .csv, .ods o .xlsx", "not a .tsv, .csv, .ods or .xlsx file"},
    {"cli_folder_unlistable", "impossibile elencare la cartella: {0}", "cannot list the folder: {0}"},
    {"cli_folder_empty",
     "nessun file .tsv, .csv, .ods o .xlsx in questa cartella",
     "no .tsv, .csv, .ods or .xlsx file in this folder"},
    {"cli_binary_content",
     "contenuto binario, non un file di testo separato da tabulazioni o virgole",
     "binary content, not a tab- or comma-separated text file"},
    {"cli_too_many_rows",
     "più di {0} righe, molte più di quante ne abbia un PEG: non controllato (--max-rows 0 toglie il limite)",
     "more than {0} rows, far more than a PEG sheet holds: not checked (--max-rows 0 lifts the limit)"},
    {"cli_too_many_cells",
     "tabella di {0} righe per {1} colonne, oltre il limite di {2} celle: non controllata (--max-cells 0 toglie il limite)",
     "a table of {0} rows by {1} columns, beyond the limit of {2} cells: not checked (--max-cells 0 lifts the limit)"},
    {"cli_sheet_too_many_rows",
     "il foglio '{0}' usa {1} righe, più di {2}: non controllato (--max-rows 0 toglie il limite)",
     "sheet '{0}' uses {1} rows, more than {2}: not checked (--max-rows 0 lifts the limit)"},
    {"cli_sheet_too_many_cells",
     "il foglio '{0}' usa {1} righe per {2} colonne, oltre il limite di {3} celle: non controllato (--max-cells 0 toglie il limite)",
     "sheet '{0}' uses {1} rows by {2} columns, beyond the limit of {3} cells: not checked (--max-cells 0 lifts the limit)"},
    {"cli_out_of_memory",
     "memoria insufficiente per leggere e controllare questo file",
     "not enough memory to read and check this file"},
    {"cli_internal_error",
     "errore interno di pegkit-check su questo file: {0}",
     "internal error of pegkit-check on this file: {0}"},
    {"cli_no_office_support",
     "questo pegkit-check è compilato senza LibreOffice (PEGKIT_EXTENSION=OFF): salvare il foglio come .tsv o .csv",
     "this pegkit-check was built without LibreOffice support (PEGKIT_EXTENSION=OFF): save the sheet as .tsv or .csv"},
    {"cli_office_cannot_open",
     "l'office non è riuscito ad aprirlo (non è un foglio di calcolo, è danneggiato o protetto da password)",
     "the office could not open it (not a spreadsheet, damaged or password-protected)"},
    {"cli_office_not_spreadsheet",
     "l'office l'ha aperto, ma non come foglio di calcolo",
     "the office opened it, but not as a spreadsheet"},
    {"cli_office_timeout",
     "l'office ci ha impiegato più di {0} s ed è stato fermato",
     "the office took more than {0} s over it and was stopped"},
    {"cli_office_stopped", "l'office si è fermato durante la lettura", "the office stopped while reading it"},
    {"cli_office_restarts",
     "l'office si è fermato {0} volte: i file office non vengono più letti",
     "the office stopped {0} times: office files are no longer read"},
    {"cli_office_gone", "l'office su {0} non risponde più", "the office at {0} went away"},
    {"cli_office_error", "errore dell'office: {0}", "office error: {0}"},
    {"cli_office_start_failed", "impossibile avviare l'office: {0}", "cannot start the office: {0}"},
    {"cli_office_no_connection",
     "nessuna connessione all'office su {0}: {1}",
     "no connection to the office at {0}: {1}"},
    {"cli_interrupted", "interrotto", "interrupted"},
    {"cli_windows_1252", "non UTF-8: letto come Windows-1252", "not UTF-8: read as Windows-1252"},

    // pegkit-check's text report (src/cli/write_text.cpp). Its severities are cmd_error_word and
    // cmd_warning_word, its summary headings cmd_by_* and cmd_total.
    {"cli_info_word", "informazione", "info"},
    {"cli_errors", "errori", "errors"},
    {"cli_warnings", "avvisi", "warnings"},
    {"cli_infos", "informazioni", "info"},
    {"cli_objectives", "obiettivi", "objectives"},
    {"cli_header_row", "intestazione alla riga", "header on row"},
    {"cli_plan_year", "anno del piano", "plan year"},
    {"cli_no_header", "nessuna intestazione PEG", "no PEG header"},
    {"cli_unreadable", "illeggibile", "unreadable"},
    {"cli_files", "file", "files"},
    {"cli_sheets", "fogli", "sheets"},
    {"cli_summary_columns", "obiettivi  valutati  raggiunti  media", "objectives  assessed  met  mean"},
    {"cli_not_assessed", "non valutato", "not assessed"},
    {"cli_stopped", "controllo interrotto", "check stopped"},
    {"cli_status", "Stato", "Status"},
    {"cli_marked_row", "non valutabile riga {0} «{1}»: {2}", "not assessable row {0} «{1}»: {2}"},
    {"cli_override_row",
     "valore validato, riga {0}: {1} (calcolato {2}): {3}",
     "validated value, row {0}: {1} (computed {2}): {3}"},

    // Where an objective stands (src/core/status.hpp: status_label); the codes that go into CSV
    // and JSON are status_code's, not these.
    {"status_reached", "raggiunto", "reached"},
    {"status_on_track", "in linea", "on track"},
    {"status_at_risk", "a rischio", "at risk"},
    {"status_not_reached", "non raggiunto", "not reached"},
    {"status_in_progress", "in corso", "in progress"},
    {"status_not_assessable", "non valutabile", "not assessable"},

    // The Options page (src/options/labels.hpp); its Validate heading is cmd_name_validate.
    {"options_year_line", "Anno del piano", "Plan year"},
    {"options_from_sheet",
     "Dal foglio (l'anno di scadenza più frequente)",
     "From the sheet (its most frequent deadline year)"},
    {"options_fixed", "Un anno fisso:", "A fixed year:"},
    {"options_rule_line", "Regole di valutazione per i nuovi documenti", "Scoring rules for new documents"},
    {"options_rule_label",
     "Regole, ad es. tetto=1,2; tolleranza=30 (vuoto: le regole predefinite)",
     "Rules, e.g. cap=1.2; late=30 (empty: the default rules)"},
    {"options_notes_label",
     "Note scritte sulle celle segnate (0: nessuna):",
     "Notes written on marked cells (0: none):"},
    {"options_help_label",
     "Premere F1 o Aiuto per il significato di ogni impostazione.",
     "Press F1 or Help for what each setting does."},
    {"options_bad_rule_title", "pegkit: regole di valutazione non salvate", "pegkit: scoring rules not saved"},

    // The panels (src/sidebar/panel.cpp's Texts). Validate and Clear marks are cmd_name_validate and
    // cmd_clear_button; a role's label is "panel_role_" + role_key(column) (columns.hpp).
    {"panel_counts", "Errori: {0}   Avvisi: {1}   Info: {2}", "Errors: {0}   Warnings: {1}   Info: {2}"},
    {"panel_no_findings", "Nessun problema trovato.", "No problems found."},
    {"panel_no_changes", "Nessuna cella da cambiare.", "No cells to change."},
    {"panel_preview", "Anteprima", "Preview"},
    {"panel_apply", "Applica", "Apply"},
    {"panel_actual_caption", "Colonna del valore raggiunto:", "Actual value column:"},
    {"panel_weight_caption", "Colonna del peso:", "Weight column:"},
    {"panel_none", "(nessuna)", "(none)"},
    {"panel_create", "Crea riepilogo", "Create summary"},
    {"panel_no_header",
     "Intestazione PEG non trovata nel foglio attivo.",
     "No PEG header found on the active sheet."},
    {"panel_not_sheet",
     "Il documento attivo non è un foglio di calcolo.",
     "The active document is not a spreadsheet."},
    {"panel_no_command", "Comando {0} non disponibile.", "Command {0} is not available."},
    {"panel_done", "Fatto.", "Done."},
    {"panel_failed", "Il comando non è riuscito.", "The command failed."},
    {"panel_header_caption", "Riga d'intestazione:", "Header row:"},
    {"panel_save_choice", "Salva nel documento", "Save in the document"},
    {"panel_reset_choice", "Ripristina", "Reset"},
    {"panel_saved", "Colonne salvate nel documento: {0}", "Columns saved in the document: {0}"},
    {"panel_forgotten",
     "Scelta rimossa: le colonne seguono le intestazioni.",
     "Choice removed: the columns follow the headings."},
    {"panel_role_target", "Target:", "Target:"},
    {"panel_role_objective", "Obiettivo:", "Objective:"},
    {"panel_role_indicator", "Indicatore:", "Indicator:"},
    {"panel_role_cdr", "Responsabile (CdR, Settore…):", "Responsible (CdR, unit…):"},
    {"panel_role_actual", "Valore raggiunto:", "Actual value:"},
    {"panel_role_weight", "Peso:", "Weight:"},
    {"panel_role_baseline", "Valore di partenza:", "Baseline:"},
    {"panel_role_deadline", "Scadenza:", "Deadline:"},
    {"panel_role_attainment", "Grado di raggiungimento:", "Attainment:"},
    {"panel_role_unit", "Unità di misura:", "Unit of measure:"},
    {"panel_whole_workbook", "Tutti i fogli del documento", "Every sheet of the workbook"},
    {"panel_show_info", "Mostra anche le informazioni", "Show information too"},
    {"panel_no_table", "Nessuna tabella PEG in questo foglio.", "No PEG table on this sheet."},
    {"panel_changes_count", "Celle da cambiare: {0}, spuntate: {1}", "Cells to change: {0}, ticked: {1}"},
    {"panel_all_columns", "Tutte le colonne", "Every column"},
    {"panel_tick_all", "Tutte", "All"},
    {"panel_tick_none", "Nessuna", "None"},
    {"panel_page", "Pagina {0} di {1}", "Page {0} of {1}"},
    {"panel_new_column", "Scrivi in una nuova colonna accanto", "Write into a new column beside"},
    {"panel_stale", "Il foglio è cambiato: premere {0} per aggiornare l'elenco.", "The sheet has changed: press {0} to update the list."},

    // Normalize from the preview (src/sidebar/cmd_normalize.cpp) and PEG ▸ Normalizza… (open_deck.cpp).
    {"cmd_preview_stale",
     "Il foglio è cambiato dopo l'anteprima in {1} delle celle spuntate (la prima è {0}): premere Anteprima e riprovare. Nessuna modifica.",
     "The sheet changed after the preview in {1} of the ticked cells (the first is {0}): press Preview and try again. Nothing was changed."},
    {"cmd_nothing_ticked", "Nessuna cella spuntata nell'anteprima: nessuna modifica.", "No cell ticked in the preview: nothing was changed."},
    {"cmd_normalized_suffix", "normalizzato", "normalized"},
    {"cmd_no_room_for_columns",
     "Non c'è posto per nuove colonne a destra della tabella: l'ultima colonna del foglio è usata. Nessuna modifica.",
     "There is no room for new columns right of the table: the sheet's last column is used. Nothing was changed."},
    {"cmd_normalized_columns",
     "{0} celle normalizzate scritte nelle nuove colonne {1}; le celle originali restano come erano (un solo Annulla toglie le colonne).",
     "{0} normalized cells written to the new columns {1}; the original cells stay as they were (a single Undo removes the columns)."},
    {"cmd_preview_opened", "Anteprima di Normalizza aperta nel pannello laterale.", "Normalize's preview opened in the sidebar."},
    {"cmd_preview_no_window",
     "Il documento non ha una finestra visibile: l'anteprima di Normalizza è nel pannello laterale.",
     "The document has no visible window: Normalize's preview is in the sidebar."},
    {"cmd_no_deck", "Il pannello Obiettivi PEG non è disponibile.", "The PEG targets deck is not available."},

};

constexpr std::size_t phrase_count = std::size(phrases);
static_assert(phrase_count < UINT16_MAX, "the index holds 16-bit positions");

// Positions of `phrases` sorted by key, built once: lookups are a binary search, not a scan,
// because a sheet check can turn thousands of findings into text.
const std::array<std::uint16_t, phrase_count>& index() noexcept {
    static const auto sorted = [] {
        std::array<std::uint16_t, phrase_count> a{};
        for (std::size_t i = 0; i < phrase_count; ++i) a[i] = static_cast<std::uint16_t>(i);
        std::sort(a.begin(), a.end(), [](auto x, auto y) { return phrases[x].key < phrases[y].key; });
        return a;
    }();
    return sorted;
}

const Phrase* find(std::string_view key) noexcept {
    const auto& a = index();
    auto it = std::lower_bound(a.begin(), a.end(), key,
                               [](std::uint16_t i, std::string_view k) { return phrases[i].key < k; });
    return it != a.end() && phrases[*it].key == key ? &phrases[*it] : nullptr;
}

std::string fill(std::string_view pattern, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
            pattern[i + 1] <= '9') {
            const auto n = static_cast<std::size_t>(pattern[i + 1] - '0');
            if (n < args.size()) out += args[n];
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

}  // namespace

std::string_view phrase(std::string_view key, Lang lang) noexcept {
    const Phrase* p = find(key);
    if (!p) return {};
    return lang == Lang::it ? p->it : p->en;
}

std::string say(std::string_view key, Lang lang, const std::vector<std::string>& args) {
    return fill(phrase(key, lang), args);
}

Phrases catalogue() noexcept { return {std::begin(phrases), std::end(phrases)}; }

}  // namespace pegkit
