// The one catalogue of user texts (src/core/catalogue.hpp) and the front ends' lookups into it.
#include "catalogue.hpp"
#include "diagnostic.hpp"
#include "messages.hpp"  // src/cli: reason()
#include "status.hpp"
#include "../../src/addin/names.hpp"
#include "../../src/options/labels.hpp"
#include "../../src/sidebar/messages.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <set>
#include <string>
#include <utility>

using namespace pegkit;

namespace {

std::set<std::string> placeholders(std::string_view text) {
    std::set<std::string> out;
    for (std::size_t i = 0; i + 2 < text.size(); ++i)
        if (text[i] == '{' && text[i + 2] == '}' && std::isdigit(static_cast<unsigned char>(text[i + 1])))
            out.insert(std::string(text.substr(i, 3)));
    return out;
}

// Lower-case words; bytes of UTF-8 sequences count as letters, so "più" stays one word. A word
// after '-' is part of an option name (--max-rows) or a hyphenated term, not prose.
std::set<std::string> words(std::string_view text) {
    std::set<std::string> out;
    std::string w;
    bool option = false;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const auto u = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
        if (std::isalpha(u) || u >= 0x80) {
            if (w.empty()) option = i > 0 && text[i - 1] == '-';
            w += static_cast<char>(std::tolower(u));
        } else if (!w.empty()) {
            if (!option) out.insert(w);
            w.clear();
        }
    }
    return out;
}

}  // namespace

TEST_CASE("catalogue: every entry has a unique key and both languages", "[catalogue]") {
    std::set<std::string_view> keys;
    std::set<std::pair<std::string_view, std::string_view>> texts;
    for (const Phrase& p : catalogue()) {
        CAPTURE(p.key);
        CHECK(!p.key.empty());
        CHECK(keys.insert(p.key).second);
        CHECK(!p.it.empty());
        CHECK(!p.en.empty());
        // No text twice: a text two front ends show alike is one entry they share.
        CHECK(texts.insert({p.it, p.en}).second);
        CHECK(phrase(p.key, Lang::it) == p.it);
        CHECK(phrase(p.key, Lang::en) == p.en);
    }
    CHECK(catalogue().size() > 100);
    CHECK(phrase("no_such_key", Lang::it).empty());
    CHECK(say("no_such_key", Lang::en, {"x"}).empty());
}

TEST_CASE("catalogue: Italian and English name the same placeholders", "[catalogue]") {
    for (const Phrase& p : catalogue()) {
        CAPTURE(p.key, p.it, p.en);
        CHECK(placeholders(p.it) == placeholders(p.en));
    }
}

TEST_CASE("catalogue: no English word left in an Italian text", "[catalogue]") {
    // Words an Italian reader would not use; "target", "file", "office", "info" and "CdR" are
    // Italian office usage and stay.
    const std::set<std::string> english = {
        "the", "and", "of", "is", "not", "no", "with", "to", "found", "missing", "sheet", "cell", "cells",
        "rows", "columns", "error", "errors", "warning", "warnings", "validate", "normalize", "summary",
        "clear", "marks", "done", "failed", "save", "reset", "apply", "preview", "total", "mission",
        "weight", "deadline", "baseline", "objective", "objectives", "folder", "cannot", "read",
        "plan", "year", "rules", "none", "unit", "actual",
    };
    for (const Phrase& p : catalogue()) {
        if (p.it == p.en) continue;
        CAPTURE(p.key, p.it);
        // "sì/no": the Italian answers an actual cell may hold (PEG.ATTAIN's help), not English "no".
        std::string it(p.it);
        for (std::size_t at; (at = it.find("sì/no")) != std::string::npos;) it.erase(at, std::string("sì/no").size());
        for (const std::string& w : words(it)) {
            CAPTURE(w);
            CHECK(english.count(w) == 0);
        }
    }
}

TEST_CASE("catalogue: placeholders filled from the arguments", "[catalogue]") {
    auto [key, lang, args, expected] = GENERATE(table<std::string_view, Lang, std::vector<std::string>, std::string>({
        {"cmd_validated", Lang::it, {"3", "1", "4", "2"}, "3 errori e 1 avvisi: 4 celle evidenziate, 2 con un commento."},
        {"cmd_undo_title", Lang::en, {"Normalize"}, "PEG: Normalize"},
        {"cmd_summary_title", Lang::it, {"PEG 2020"}, "Riepilogo PEG del foglio «PEG 2020»"},  // missing arg: empty
        {"panel_counts", Lang::en, {"2", "0", "5"}, "Errors: 2   Warnings: 0   Info: 5"},
        {"panel_page", Lang::it, {"1", "3"}, "Pagina 1 di 3"},
        {"diag_impossible_date", Lang::it, {"{1}"}, "data inesistente: «{1}»"},  // an arg is not read again
    }));
    CAPTURE(key);
    CHECK(say(key, lang, args) == expected);
}

TEST_CASE("catalogue: the findings' texts as before", "[catalogue]") {
    auto [code, lang, args, expected] = GENERATE(table<Diag, Lang, std::vector<std::string>, std::string>({
        {Diag::empty_target, Lang::it, {}, "target mancante: indicare un valore misurabile"},
        {Diag::excel_date_artifact, Lang::it, {"05/01/1900", "5"}, "«05/01/1900» è probabilmente il numero 5 formattato come data"},
        {Diag::excel_date_artifact, Lang::en, {"00/01/1900", ""},
         "'00/01/1900' is probably a fraction (e.g. a percentage) formatted as a date"},
        {Diag::direction_inferred, Lang::it, {"riduzione", "lower"}, "letto come valore massimo (≤): l'indicatore contiene «riduzione»"},
        {Diag::direction_inferred, Lang::en, {"aumento", "higher"}, "read as a minimum (≥): the indicator contains 'aumento'"},
        {Diag::weights_not_100, Lang::it, {"Settore 3", "90"}, "pesi di «Settore 3» in totale 90%: di solito sommano a 100"},
    }));
    CAPTURE(code_name(code));
    CHECK(message(code, lang, args) == expected);
}

TEST_CASE("catalogue: every front end's key is in it", "[catalogue]") {
    const Lang lang = GENERATE(Lang::it, Lang::en);
    for (int d = 0; d <= static_cast<int>(Diag::weights_not_100); ++d) {
        CAPTURE(code_name(static_cast<Diag>(d)));
        CHECK(!message(static_cast<Diag>(d), lang).empty());
    }
    for (int r = 0; r <= static_cast<int>(cli::Reason::interrupted); ++r) {
        CAPTURE(r);
        CHECK(!cli::reason(static_cast<cli::Reason>(r), lang).empty());
    }
    for (int m = 0; m <= static_cast<int>(sidebar::Msg::first_of); ++m) {
        CAPTURE(m);
        CHECK(!sidebar::text(static_cast<sidebar::Msg>(m), lang).empty());
    }
    for (const options::Label& l : options::labels) {
        CAPTURE(l.control);
        CHECK(!phrase(l.key, lang).empty());
    }
    CHECK(!phrase(options::bad_rule_title, lang).empty());
}

TEST_CASE("catalogue: the panels' keys", "[catalogue]") {
    // src/sidebar/panel.cpp's Texts, field by field (its Validate and Clear marks are the commands').
    auto key = GENERATE(as<std::string_view>{},
        "cmd_name_validate", "cmd_clear_button", "panel_counts", "panel_no_findings",
        "panel_no_changes", "panel_preview", "panel_apply", "panel_actual_caption",
        "panel_weight_caption", "panel_none", "panel_create", "panel_no_header", "panel_not_sheet",
        "panel_no_command", "panel_done", "panel_failed", "panel_header_caption", "panel_save_choice",
        "panel_reset_choice", "panel_saved", "panel_forgotten", "panel_role_target", "panel_role_objective",
        "panel_role_indicator", "panel_role_cdr", "panel_role_actual", "panel_role_weight", "panel_role_baseline",
        "panel_role_deadline", "panel_role_attainment", "panel_role_unit", "panel_whole_workbook",
        "panel_show_info", "panel_no_table", "panel_changes_count", "panel_all_columns",
        "panel_tick_all", "panel_tick_none", "panel_page", "panel_new_column", "panel_stale", "cmd_preview_stale",
        "cmd_nothing_ticked", "cmd_normalized_suffix", "cmd_no_room_for_columns", "cmd_normalized_columns",
        "cmd_preview_opened", "cmd_preview_no_window", "cmd_no_deck");
    CAPTURE(key);
    CHECK(!phrase(key, Lang::it).empty());
    CHECK(!phrase(key, Lang::en).empty());
}

TEST_CASE("catalogue: pegkit-check's text report keys", "[catalogue]") {
    // src/cli/write_text.cpp's words and lines, and text_reader.cpp's note on the encoding.
    auto key = GENERATE(as<std::string_view>{},
        "cli_info_word", "cmd_warning_word", "cmd_error_word", "cli_infos", "cli_warnings", "cli_errors",
        "cli_objectives", "cli_header_row", "cli_plan_year", "cli_no_header", "cli_unreadable", "cmd_total",
        "cli_files", "cli_sheets", "cmd_by_strategic", "cmd_by_mission", "cmd_by_programme", "cmd_by_cdr",
        "cli_summary_columns", "cli_not_assessed", "cli_stopped", "cli_status", "cli_marked_row",
        "cli_override_row", "cli_windows_1252");
    CAPTURE(key);
    CHECK(!phrase(key, Lang::it).empty());
    CHECK(!phrase(key, Lang::en).empty());
}

TEST_CASE("catalogue: pegkit-check's report lines as before", "[catalogue]") {
    auto [key, lang, args, expected] = GENERATE(table<std::string_view, Lang, std::vector<std::string>, std::string>({
        {"cli_marked_row", Lang::it, {"4", "Revisione", "Obiettivo sterilizzato"},
         "non valutabile riga 4 «Revisione»: Obiettivo sterilizzato"},
        {"cli_marked_row", Lang::en, {"4", "Revisione", "Obiettivo sterilizzato"},
         "not assessable row 4 «Revisione»: Obiettivo sterilizzato"},
        {"cli_override_row", Lang::it, {"3", "90.0%", "75.0%", "Dato rettificato"},
         "valore validato, riga 3: 90.0% (calcolato 75.0%): Dato rettificato"},
        {"cli_override_row", Lang::en, {"3", "90.0%", "75.0%", "Dato rettificato"},
         "validated value, row 3: 90.0% (computed 75.0%): Dato rettificato"},
        {"cli_windows_1252", Lang::it, {}, "non UTF-8: letto come Windows-1252"},
    }));
    CAPTURE(key);
    CHECK(say(key, lang, args) == expected);
}

TEST_CASE("catalogue: the statuses' labels, beside their codes", "[catalogue]") {
    auto [status, code, it, en] = GENERATE(table<Status, std::string_view, std::string_view, std::string_view>({
        {Status::raggiunto, "raggiunto", "raggiunto", "reached"},
        {Status::in_linea, "in_linea", "in linea", "on track"},
        {Status::a_rischio, "a_rischio", "a rischio", "at risk"},
        {Status::non_raggiunto, "non_raggiunto", "non raggiunto", "not reached"},
        {Status::in_corso, "in_corso", "in corso", "in progress"},
        {Status::non_valutabile, "non_valutabile", "non valutabile", "not assessable"},
    }));
    CAPTURE(code);
    CHECK(status_code(status) == code);
    CHECK(status_label(status, Lang::it) == it);
    CHECK(status_label(status, Lang::en) == en);
}

TEST_CASE("catalogue: the Function Wizard's keys", "[catalogue]") {
    // Every key of src/addin/names.hpp resolves, and every fn_ entry is one of them.
    std::set<std::string_view> used;
    for (const addin::FunctionHelp& f : addin::functions) {
        CAPTURE(f.method);
        used.insert(f.help);
        for (const addin::ArgHelp& a : f.args) {
            CHECK(a.name.empty() == a.help.empty());
            if (a.name.empty()) continue;
            used.insert(a.name);
            used.insert(a.help);
        }
    }
    for (std::string_view key : used) {
        CAPTURE(key);
        CHECK(!phrase(key, Lang::it).empty());
        CHECK(!phrase(key, Lang::en).empty());
    }
    for (const Phrase& p : catalogue()) {
        if (p.key.substr(0, 3) != "fn_") continue;
        CAPTURE(p.key);
        CHECK(used.count(p.key) == 1);
    }
}

TEST_CASE("catalogue: the Function Wizard's texts as names.hpp had them", "[catalogue]") {
    auto [key, it, en] = GENERATE(table<std::string_view, std::string_view, std::string_view>({
        {"fn_kind_help",
         "Tipo di target: scadenza, soglia, termine_relativo, conformita, composto, vuoto o non_valido",
         "Kind of target: scadenza, soglia, termine_relativo, conformita, composto, vuoto or non_valido"},
        {"fn_arg_target_name", "target", "target"},
        {"fn_arg_plan_year_name", "anno_piano", "plan_year"},
        {"fn_arg_actual_name", "valore_raggiunto", "actual"},
        {"fn_arg_target_help", "Un target del PEG: una cella, un testo o un intervallo",
         "A PEG target: a cell, a text or a range"},
    }));
    CAPTURE(key);
    CHECK(phrase(key, Lang::it) == it);
    CHECK(phrase(key, Lang::en) == en);
}
