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

// Text pasted from PDFs carries decomposed accents (a letter, then U+0300 or U+0301).
TEST_CASE("clean composes decomposed accents (NFC)", "[clean][unicode]") {
    auto [raw, expected] = GENERATE(table<std::string, std::string>({
        {"non piu\xCC\x80 di 10", "non pi\xC3\xB9 di 10"},                        // u + grave
        {"Citta\xCC\x80 metropolitana", "Citt\xC3\xA0 metropolitana"},
        {"E\xCC\x80 stato rispettato", "\xC3\x88 stato rispettato"},              // capital È
        {"perche\xCC\x81", "perch\xC3\xA9"},                                      // e + acute
        {"si\xCC\x80", "s\xC3\xAC"},
        {"piu&#768; di 10", "pi\xC3\xB9 di 10"},                                  // accent as an entity
        {"pi<b>u</b>\xCC\x80", "pi\xC3\xB9"},                                     // joined once the tag is out
        {"piu\xE2\x80\x8B\xCC\x80", "pi\xC3\xB9"},                                // joined once U+200B is out
        {"\xE2\x89\xA5 80%", "\xE2\x89\xA5 80%"},                                 // ≥ has no decomposition
        {"\xE1\xBF\xBD" "80", "'80"},                                             // U+1FFD is U+00B4, an apostrophe
        {"\xCC\x80" "a", "\xCC\x80" "a"},                                         // a lone accent stays
        {"Citt\xC3\xA0", "Citt\xC3\xA0"},                                         // composed already
    }));
    CAPTURE(raw);
    CHECK(clean(raw) == expected);
    CHECK(clean(clean(raw)) == clean(raw));
}

TEST_CASE("fold_case folds every script and keeps the byte length", "[clean][unicode]") {
    auto [raw, expected] = GENERATE(table<std::string, std::string>({
        {"ENTRO IL 31/12/2020", "entro il 31/12/2020"},
        {"NON PI\xC3\x99 DI 10", "non pi\xC3\xB9 di 10"},                         // Ù
        {"ATTIVIT\xC3\x80", "attivit\xC3\xA0"},                                   // À
        {"\xC3\x89", "\xC3\xA9"},                                                 // É
        {"NON PIU\xCC\x80", "non piu\xCC\x80"},                                   // decomposed: the mark stays
        {"\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x8A\xCE\x91", "\xCF\x83\xCE\xBF\xCF\x86\xCE\xAF\xCE\xB1"},  // ΣΟΦΊΑ
        {"\xD0\x9F\xD0\x95\xD0\x93", "\xD0\xBF\xD0\xB5\xD0\xB3"},                 // ПЕГ
        {"\xC4\xB0stanbul", "\xC4\xB0stanbul"},                                   // İ folds to two code points: kept
        {"\xE1\xBA\x9E", "\xE1\xBA\x9E"},                                         // ẞ folds to "ss": kept
        {"\xC3\x9F", "\xC3\x9F"},                                                 // ß
        {"\xFF" "ABC", "\xFF" "abc"},                                             // an invalid byte is kept
        {"\xE2\x89\xA5 80%", "\xE2\x89\xA5 80%"},
    }));
    CAPTURE(raw);
    CHECK(pegkit::fold_case(raw) == expected);
    CHECK(pegkit::fold_case(raw).size() == raw.size());
}

// target.cpp cuts tokens out of the folded text and reads the original at the same offsets.
TEST_CASE("fold_case keeps the byte length of every code point", "[clean][unicode]") {
    std::string all;
    for (char32_t cp = 1; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        std::string one = cp < 0x80 ? std::string(1, static_cast<char>(cp))
                        : cp < 0x800 ? std::string{static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))}
                        : cp < 0x10000 ? std::string{static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                                                     static_cast<char>(0x80 | (cp & 0x3F))}
                                       : std::string{static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                                                     static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
        all += one;
    }
    const std::string folded = pegkit::fold_case(all);
    REQUIRE(folded.size() == all.size());
    // Same length and every code point starts where it started: walk both by lead bytes.
    std::size_t changed = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const bool lead_a = (static_cast<unsigned char>(all[i]) & 0xC0) != 0x80;
        const bool lead_f = (static_cast<unsigned char>(folded[i]) & 0xC0) != 0x80;
        if (lead_a != lead_f) FAIL("code point boundary moved at byte " << i);
        if (lead_a && all.compare(i, 4, folded, i, 4) != 0) ++changed;
    }
    CHECK(changed > 1000);  // the fold did fold: Latin, Greek, Cyrillic, Armenian, ...
}

TEST_CASE("fold_key folds case and strips accents, composed or not", "[clean][unicode]") {
    auto [raw, expected] = GENERATE(table<std::string, std::string>({
        {"Centro di Responsabilit\xC3\xA0", "centro di responsabilita"},
        {"CENTRO DI RESPONSABILIT\xC3\x80", "centro di responsabilita"},
        {"Centro di responsabilita\xCC\x80", "centro di responsabilita"},         // decomposed
        {"Attivit\xC3\xA0'", "attivita'"},
        {"PERCH\xC3\x89", "perche"},
        {"S\xC3\xAC", "si"},
        {"s\xC3\xAD", "si"},                                                      // í
        {"si\xCC\x80", "si"},
        {"Citt\xC3\xA0 metropolitana", "citta metropolitana"},
        {"Indicatore (PEG)", "indicatore (peg)"},
        {"", ""},
        {"\xFF" "CdR", "\xEF\xBF\xBD" "cdr"},                                     // invalid byte as U+FFFD
    }));
    CAPTURE(raw);
    CHECK(pegkit::fold_key(raw) == expected);
}
