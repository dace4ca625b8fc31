#include "target_cache.hpp"

#include "convert.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <mutex>
#include <unordered_map>

namespace pegkit::addin {
namespace {

constexpr std::size_t bound = 4096;  // distinct entries kept; then the table starts again
constexpr std::size_t slots = 1024;  // recent strings found by identity

// A text, a number or nothing, with the plan year it was read for.
struct Key {
    enum class Form { text, number, empty } form = Form::text;
    rtl::OUString text;
    std::uint64_t number = 0;  // the bits of a number target
    int year = 0;
    bool is_text() const { return form == Form::text; }
    bool operator==(const Key& o) const {
        return form == o.form && year == o.year && (is_text() ? text == o.text : number == o.number);
    }
};

struct KeyHash {
    std::size_t operator()(const Key& k) const {
        const std::size_t h = k.is_text() ? static_cast<std::size_t>(k.text.hashCode()) : std::hash<std::uint64_t>()(k.number);
        return h ^ (static_cast<std::size_t>(k.year) * 0x9E3779B97F4A7C15ULL) ^ static_cast<std::size_t>(k.form);
    }
};

template <class Value>
class Cache {
public:
    // `make` runs outside the lock: two threads may read the same text once each.
    template <class Make>
    std::shared_ptr<const Value> get(Key key, Make&& make) {
        const std::size_t slot = key.is_text() ? (reinterpret_cast<std::uintptr_t>(key.text.pData) >> 4 ^ key.year) % slots : slots;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (slot < slots) {
                const Recent& r = m_recent[slot];
                // The same rtl_uString: the same immutable text (the slot holds a reference to it).
                if (r.value && r.text.pData == key.text.pData && r.year == key.year) return r.value;
            }
            if (auto it = m_known.find(key); it != m_known.end()) {
                if (slot < slots) m_recent[slot] = {key.text, key.year, it->second};
                return it->second;
            }
        }
        std::shared_ptr<const Value> value = std::make_shared<const Value>(make());
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_known.size() >= bound) m_known.clear();
        if (slot < slots) m_recent[slot] = {key.text, key.year, value};
        m_known.emplace(std::move(key), value);
        return value;
    }

private:
    struct Recent {
        rtl::OUString text;
        int year = 0;
        std::shared_ptr<const Value> value;
    };
    std::mutex m_mutex;
    std::array<Recent, slots> m_recent;
    std::unordered_map<Key, std::shared_ptr<const Value>, KeyHash> m_known;
};

// A formula argument carries no number format: a date cell arrives as a plain number.
ReadOptions read_options(std::optional<int> plan_year) {
    ReadOptions options;
    options.format_unknown = true;
    options.plan_year = plan_year;
    return options;
}

}  // namespace

std::shared_ptr<const Target> cached_target(const css::uno::Any& value, std::optional<int> plan_year, bool lone) {
    static Cache<Target> cache;
    Key key;
    key.year = plan_year.value_or(0);
    if (value.getValueTypeClass() == css::uno::TypeClass_STRING) {
        key.text = *static_cast<const rtl::OUString*>(value.getValue());
        return cache.get(std::move(key), [&] { return read_target(uno::to_cell(value), read_options(plan_year)); });
    }
    Cell cell = uno::to_cell(value);
    if (lone && cell.type == CellType::number && cell.number == 0) cell = Cell{};  // as uno::to_value_arg
    if (cell.type == CellType::number) {
        key.form = Key::Form::number;
        std::memcpy(&key.number, &cell.number, sizeof key.number);
    } else if (cell.empty()) {
        key.form = Key::Form::empty;
    } else {
        return std::make_shared<const Target>(read_target(cell, read_options(plan_year)));
    }
    return cache.get(std::move(key), [&] { return read_target(cell, read_options(plan_year)); });
}

std::optional<Rules> cached_rules(const rtl::OUString& text) {
    static Cache<std::optional<Rules>> cache;
    if (text.isEmpty()) return Rules{};
    Key key;
    key.text = text;
    return *cache.get(std::move(key), [&]() -> std::optional<Rules> {
        const RulesParse parsed = parse_rules(uno::to_utf8(text));
        return parsed ? std::optional<Rules>(parsed.rules) : std::nullopt;
    });
}

std::optional<Profile> cached_profile(const rtl::OUString& document, const rtl::OUString& rule) {
    static Cache<std::optional<Profile>> cache;
    if (document.isEmpty() && rule.isEmpty()) return Profile{};
    Key key;
    key.text = document + "\n" + rule;
    return *cache.get(std::move(key), [&]() -> std::optional<Profile> {
        // each text alone first: a document profile that cannot be read is not mended by a rule
        if (!document.isEmpty() && !parse_profile(uno::to_utf8(document))) return std::nullopt;
        const ProfileParse parsed = parse_profile(uno::to_utf8(document) + "\n" + uno::to_utf8(rule));
        return parsed ? std::optional<Profile>(parsed.profile) : std::nullopt;
    });
}

}  // namespace pegkit::addin
