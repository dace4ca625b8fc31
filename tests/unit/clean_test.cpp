// PEG.CLEAN, PEG.CODE and PEG.LABEL on real cells of the Venezia 2020 PEG (TARGETS.md §4).
#include "clean.hpp"

#include <catch2/catch.hpp>

#include <string>

using pegkit::clean;
using pegkit::split_code;

TEST_CASE("clean removes HTML, unifies spaces, dashes and quotes", "[clean]") {
    auto [raw, expected] = GENERATE(table<std::string, std::string>({
        {"<b>Obiettivo routinario</b>", "Obiettivo routinario"},
        {"<b>Rispetto n.8 scadenze</b>", "Rispetto n.8 scadenze"},
        {"entro il 31/07/2020  (salvo eventuale proroga autorizzata dalla PCM)",
         "entro il 31/07/2020 (salvo eventuale proroga autorizzata dalla PCM)"},
        {"10 \xE2\x80\x93 Risorse umane", "10 - Risorse umane"},                // en dash
        {"05 \xE2\x80\x94 Braga", "05 - Braga"},                                // em dash
        {"\xE2\x80\x98Questionario ai Comuni\xE2\x80\x99", "'Questionario ai Comuni'"},
        {"\xE2\x80\x9CPiattaforma\xE2\x80\x9D", "\"Piattaforma\""},
        {"&nbsp;30/06/2020&nbsp;", "30/06/2020"},
        {"Salute &amp; sicurezza", "Salute & sicurezza"},
        {"Citt&agrave; metropolitana", "Città metropolitana"},
        {"\xC2\xA0" "Almeno\xC2\xA0" "3\r\n", "Almeno 3"},                        // NBSP, CRLF
        {"prima riga<br>seconda riga", "prima riga seconda riga"},
        {"riga\nnuova", "riga nuova"},
        {"< =5 giorni", "< =5 giorni"},                                          // an operator, not a tag
        {"<=9", "<=9"},
        {"&lt;b&gt;x&lt;/b&gt;", "x"},                                           // escaped tags are tags too
        {"<<b>b>x", "x"},
        {"", ""},
        {"   ", ""},
        {"\xFF\xFEtesto", "\xEF\xBF\xBD\xEF\xBF\xBDtesto"},                      // invalid UTF-8 -> U+FFFD
    }));
    CAPTURE(raw);
    CHECK(clean(raw) == expected);
    CHECK(clean(clean(raw)) == clean(raw));
}

TEST_CASE("code and label of missions, programmes and CdR", "[clean]") {
    auto [raw, code, label] = GENERATE(table<std::string, long, std::string>({
        {"50 - Direttore generale (Direzione Generale)", 50, "Direttore generale (Direzione Generale)"},
        {"01-Organismi istituzionali", 1, "Organismi istituzionali"},
        {"4 \xE2\x80\x93 Istruzione e diritto allo studio", 4, "Istruzione e diritto allo studio"},
        {"12 Agrondi (Area Lavori pubblici - Servizio edilizia)", 12, "Agrondi (Area Lavori pubblici - Servizio edilizia)"},
        {"04 -Dirigente (Affari generali)", 4, "Dirigente (Affari generali)"},
        {"116 -Todesco - (Servizio Promozione del territorio)", 116, "Todesco - (Servizio Promozione del territorio)"},
        {"115 \xE2\x80\x93Sallustio (Area istruzione)", 115, "Sallustio (Area istruzione)"},
        {"09-sviluppo sostenibile e tutela del territorio", 9, "sviluppo sostenibile e tutela del territorio"},
        {"12", 12, ""},
        {"<b>11- Soccorso civile</b>", 11, "Soccorso civile"},
    }));
    CAPTURE(raw);
    const pegkit::CodeLabel r = split_code(raw);
    REQUIRE(r.code);
    CHECK(*r.code == code);
    CHECK(r.label == label);
}

TEST_CASE("text with no leading code keeps all of it as label", "[clean]") {
    auto raw = GENERATE(as<std::string>{}, "Oltre i confini metropolitani", "2020/2021 programmazione", "4.0 digitale", "");
    CAPTURE(raw);
    const pegkit::CodeLabel r = split_code(raw);
    CHECK_FALSE(r.code);
    CHECK(r.label == clean(raw));
}

TEST_CASE("fold_case lowers ASCII and Italian accented capitals, keeping byte offsets", "[clean]") {
    CHECK(pegkit::fold_case("MISSIONE") == "missione");
    CHECK(pegkit::fold_case("CITT\xC3\x80 \xC3\x88 PI\xC3\x99") == "citt\xC3\xA0 \xC3\xA8 pi\xC3\xB9");
    CHECK(pegkit::fold_case("\xC3\x97") == "\xC3\x97");  // × is no letter
}
