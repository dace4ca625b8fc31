#include "messages.hpp"

#include <cstddef>
#include <iterator>
#include <string_view>

namespace pegkit::cli {
namespace {

struct Entry {
    Reason reason;
    std::string_view it;
    std::string_view en;
};

// One row per Reason, in enum order. {0}, {1}, ... are the args.
constexpr Entry entries[] = {
    {Reason::no_such_file, "file o cartella inesistente", "no such file or directory"},
    {Reason::system_error, "lettura non riuscita: {0}", "cannot read it: {0}"},
    {Reason::not_a_table_file, "non è un file .tsv, .csv, .ods o .xlsx", "not a .tsv, .csv, .ods or .xlsx file"},
    {Reason::folder_unlistable, "impossibile elencare la cartella: {0}", "cannot list the folder: {0}"},
    {Reason::folder_empty, "nessun file .tsv, .csv, .ods o .xlsx in questa cartella",
     "no .tsv, .csv, .ods or .xlsx file in this folder"},
    {Reason::binary_content, "contenuto binario, non un file di testo separato da tabulazioni o virgole",
     "binary content, not a tab- or comma-separated text file"},
    {Reason::too_many_rows, "più di {0} righe, molte più di quante ne abbia un PEG: non controllato (--max-rows 0 toglie il limite)",
     "more than {0} rows, far more than a PEG sheet holds: not checked (--max-rows 0 lifts the limit)"},
    {Reason::too_many_cells, "tabella di {0} righe per {1} colonne, oltre il limite di {2} celle: non controllata (--max-cells 0 toglie il limite)",
     "a table of {0} rows by {1} columns, beyond the limit of {2} cells: not checked (--max-cells 0 lifts the limit)"},
    {Reason::sheet_too_many_rows, "il foglio '{0}' usa {1} righe, più di {2}: non controllato (--max-rows 0 toglie il limite)",
     "sheet '{0}' uses {1} rows, more than {2}: not checked (--max-rows 0 lifts the limit)"},
    {Reason::sheet_too_many_cells,
     "il foglio '{0}' usa {1} righe per {2} colonne, oltre il limite di {3} celle: non controllato (--max-cells 0 toglie il limite)",
     "sheet '{0}' uses {1} rows by {2} columns, beyond the limit of {3} cells: not checked (--max-cells 0 lifts the limit)"},
    {Reason::out_of_memory, "memoria insufficiente per leggere e controllare questo file",
     "not enough memory to read and check this file"},
    {Reason::internal_error, "errore interno di pegkit-check su questo file: {0}", "internal error of pegkit-check on this file: {0}"},
    {Reason::no_office_support,
     "questo pegkit-check è compilato senza LibreOffice (PEGKIT_EXTENSION=OFF): salvare il foglio come .tsv o .csv",
     "this pegkit-check was built without LibreOffice support (PEGKIT_EXTENSION=OFF): save the sheet as .tsv or .csv"},
    {Reason::office_cannot_open, "l'office non è riuscito ad aprirlo (non è un foglio di calcolo, è danneggiato o protetto da password)",
     "the office could not open it (not a spreadsheet, damaged or password-protected)"},
    {Reason::office_not_spreadsheet, "l'office l'ha aperto, ma non come foglio di calcolo",
     "the office opened it, but not as a spreadsheet"},
    {Reason::office_timeout, "l'office ci ha impiegato più di {0} s ed è stato fermato",
     "the office took more than {0} s over it and was stopped"},
    {Reason::office_stopped, "l'office si è fermato durante la lettura", "the office stopped while reading it"},
    {Reason::office_restarts, "l'office si è fermato {0} volte: i file office non vengono più letti",
     "the office stopped {0} times: office files are no longer read"},
    {Reason::office_gone, "l'office su {0} non risponde più", "the office at {0} went away"},
    {Reason::office_error, "errore dell'office: {0}", "office error: {0}"},
    {Reason::office_start_failed, "impossibile avviare l'office: {0}", "cannot start the office: {0}"},
    {Reason::office_no_connection, "nessuna connessione all'office su {0}: {1}", "no connection to the office at {0}: {1}"},
    {Reason::interrupted, "interrotto", "interrupted"},
};

static_assert(std::size(entries) == static_cast<std::size_t>(Reason::interrupted) + 1, "one entry per Reason, in enum order");

std::string fill(std::string_view text, const std::vector<std::string>& args) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '0' && text[i + 1] <= '9') {
            const auto n = static_cast<std::size_t>(text[i + 1] - '0');
            if (n < args.size()) out += args[n];
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

std::string reason(Reason r, Lang lang, const std::vector<std::string>& args) {
    const Entry& e = entries[static_cast<std::size_t>(r)];
    return fill(lang == Lang::it ? e.it : e.en, args);
}

std::string grouped(std::size_t n, Lang lang) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += lang == Lang::it ? '.' : ',';
        out += digits[i];
    }
    return out;
}

}  // namespace pegkit::cli
