// The Scoring profile panel's form (src/sidebar/profile_form): what the fields show for a stored
// profile, what Save stores, and what it refuses, with the interval at fault. The profiles are the
// worked examples of docs/scoring.md.
#include "../../src/sidebar/profile_form.hpp"  // not on the include path (rewrite_list_test.cpp says why)

#include <catch2/catch.hpp>

using namespace pegkit;
using namespace pegkit::sidebar;

namespace {

ProfileValues form(std::initializer_list<std::pair<const char*, const char*>> set) {
    ProfileValues v = profile_values(Profile{});
    for (const auto& [k, x] : set) v[k] = x;
    return v;
}

}  // namespace

TEST_CASE("profile form: the fields show the document's profile", "[profile_form]") {
    const ProfileValues defaults = profile_values(Profile{});
    CHECK(defaults.at("bands").empty());
    CHECK(defaults.at("indicators") == "weighted");
    CHECK(defaults.at("lower") == "ratio");
    CHECK(defaults.size() == profile_fields().size());
    const ProfileParse stored = parse_profile("fasce=0-60:0 | 60-90:pro | 90-100:100; tetto=1,2; indicatori=minimo; tolleranza=15");
    REQUIRE(stored);
    const ProfileValues v = profile_values(stored.profile);
    CHECK(v.at("bands") == "0-60:0 | 60-90:pro | 90-100:100");
    CHECK(v.at("cap") == "1.2");
    CHECK(v.at("indicators") == "min");
    CHECK(v.at("late") == "15");
    CHECK(v.at("threshold").empty());
}

TEST_CASE("profile form: Save stores the canonical text, or refuses naming the fault", "[profile_form]") {
    struct Case {
        const char* what;
        ProfileValues values;
        const char* stored;  // nullptr: refused
        const char* error;   // a part of the first error's text (English)
    };
    const Case cases[] = {
        {"nothing changed: the defaults, stored as an empty profile", form({}), "", ""},
        {"bands with a decimal comma, a cap", form({{"bands", "0-60:0 | 60-100:pro"}, {"cap", "1,1"}}),
         "cap=1.1; bands=0-60:0 | 60-100:pro", ""},
        {"a list's choice", form({{"indicators", "all"}, {"lower", "linear"}}), "lower=linear; indicators=all", ""},
        {"bands that leave a gap", form({{"bands", "0-50:0 | 60-100:100"}}), nullptr, "50"},
        {"bands that overlap", form({{"bands", "0-70:0 | 60-100:100"}}), nullptr, "60"},
        {"bands beside four thresholds", form({{"bands", "0-100:pro"}, {"four_thresholds", "60/100/110/120"}}), nullptr, ""},
        {"a cap that is not a number", form({{"cap", "molto"}}), nullptr, "molto"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        const ProfileForm f = read_form(c.values);
        if (c.stored) {
            REQUIRE(f.text);
            CHECK(*f.text == c.stored);
            CHECK(f.errors.empty());
            // what is stored shows again as it was typed
            const ProfileParse back = parse_profile(*f.text);
            REQUIRE(back);
            CHECK(read_form(profile_values(back.profile)).text == f.text);
        } else {
            CHECK_FALSE(f.text);
            REQUIRE_FALSE(f.errors.empty());
            CHECK(message(f.errors.front(), Lang::en).find(c.error) != std::string::npos);
        }
    }
}

TEST_CASE("profile form: the as-of date", "[profile_form]") {
    CHECK(as_of_text("") == std::string());
    CHECK(as_of_text("  ") == std::string());
    CHECK(as_of_text("30/06/2026") == std::string("2026-06-30"));
    CHECK(as_of_text("2026-06-30") == std::string("2026-06-30"));
    CHECK_FALSE(as_of_text("31/06/2026"));
    CHECK_FALSE(as_of_text("giugno"));
}
