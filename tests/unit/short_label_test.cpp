// Chart bar labels from real group names: the sample's CdRs (shared/data/peg-2020-cm-venezia.tsv),
// the Regione Sardegna layout's missions and programmes, the Ministero della Giustizia's CdR
// (tests/data/layouts).
#include "short_label.hpp"

#include <catch2/catch.hpp>

using pegkit::short_label;
using pegkit::short_labels;

namespace {
std::size_t chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}
}  // namespace

TEST_CASE("a short label keeps the code and whole words", "[short_label]") {
    struct Case { const char* label; const char* shown; };
    const Case cases[] = {
        // fits: as written
        {"02 - Segreteria generale", "02 - Segreteria generale"},
        {"Dipartimento affari di giustizia", "Dipartimento affari di giustizia"},
        {"01.01 Organi istituzionali", "01.01 Organi istituzionali"},
        // cut at a word, the parenthesis closed, no comma left hanging
        {"23 - Gabbi (Area trasporti e logistica)", "23 - Gabbi (Area trasporti…)"},
        {"15 \xE2\x80\x93 Sallustio (Area istruzione, servizi sociali, culturali, alle imprese ed agli investitori)",
         "15 \xE2\x80\x93 Sallustio (Area istruzione\xE2\x80\xA6)"},
        {"08 - Matteo Todesco (Area Economico Finanziaria)", "08 - Matteo Todesco (Area\xE2\x80\xA6)"},
        {"40 - Sallustio (Area Amministrazione digitale - Servizio protocollo e archivio)", "40 - Sallustio (Area\xE2\x80\xA6)"},
        {"1. Servizi istituzionali, generali e di gestione", "1. Servizi istituzionali, generali\xE2\x80\xA6"},
        // a code joined to its dash, spaces collapsed
        {"01-Organismi istituzionali   e   di   governo   dell'ente", "01 - Organismi istituzionali\xE2\x80\xA6"},
        {"12 Agrondi (Area Lavori pubblici - Servizio edilizia)", "12 Agrondi (Area Lavori pubblici\xE2\x80\xA6)"},
        // no code, one word longer than the room: kept whole
        {"Programmazionedelleattivitàdiufficioesterno dell'ente", "Programmazionedelleattivitàdiufficioesterno\xE2\x80\xA6"},
        {"115 -Sallustio (Area istruzione, servizi sociali, culturali)", "115 - Sallustio (Area istruzione\xE2\x80\xA6)"},
        {"", ""},
    };
    for (const Case& c : cases) {
        INFO(c.label);
        const std::string got = short_label(c.label);
        CHECK(got == c.shown);
        if (chars(c.shown) > 0 && std::string(c.shown).find("Programmazione") == std::string::npos) CHECK(chars(got) <= 36);
    }
}

TEST_CASE("short labels stay apart where the labels are", "[short_label]") {
    // two of the sample's CdRs with the same code and person, written two ways
    const std::vector<std::string> labels{"83 - Matteo Todesco (Area Economico Finanziaria - Servizio Società partecipate)",
                                          "83 - Matteo Todesco Area Economico Finanziaria (Servizio Società partecipate)",
                                          "10 - Todesco (Area Economico Finanziaria - Servizio patrimonio)",
                                          "10 - Todesco (Area Economico Finanziaria - Servizio bilancio)",
                                          "02 - Segreteria generale", "02 - Segreteria generale"};
    const std::vector<std::string> got = short_labels(labels);
    REQUIRE(got.size() == labels.size());
    CHECK(got[0] == "83 - Matteo Todesco (Area\xE2\x80\xA6)");
    CHECK(got[1] == "83 - Matteo Todesco Area Economico\xE2\x80\xA6");
    // alike at 36 characters: each given more, until they differ
    CHECK(got[2] != got[3]);
    CHECK(got[2].find("patrimonio") != std::string::npos);
    CHECK(got[3].find("bilancio") != std::string::npos);
    // the same group twice reads the same
    CHECK(got[4] == got[5]);
    CHECK(got[4] == "02 - Segreteria generale");
}
