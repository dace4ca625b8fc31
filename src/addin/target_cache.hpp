#pragma once
// What a target cell and a rule text read as, kept between calls. Sheets repeat their targets
// (one deadline filled down a column, the same thresholds in every CdR) and Calc passes the
// same pooled string for a repeated cell text, so a repeat is found by the string's identity
// before its content is hashed, and shared rather than copied. Safe from any thread; bounded.
#include "attainment.hpp"
#include "profile.hpp"
#include "target.hpp"

#include <com/sun/star/uno/Any.hxx>
#include <rtl/ustring.hxx>

#include <memory>
#include <optional>

namespace pegkit::addin {

// A target as a sheet function receives it (a text, a number; void or a lone 0 is empty, see
// uno::to_value_arg) read with the functions' options and the given plan year.
std::shared_ptr<const Target> cached_target(const css::uno::Any& value, std::optional<int> plan_year, bool lone);

// The optional rule text: default rules when empty; nullopt when it does not parse.
std::optional<Rules> cached_rules(const rtl::OUString& text);

// The document's profile (pegkit.profile, "" for none) with the formula's rule text on top (a
// rule is a profile fragment: its entries win); nullopt when either does not parse.
std::optional<Profile> cached_profile(const rtl::OUString& document, const rtl::OUString& rule);

}  // namespace pegkit::addin
