#include "report.hpp"

#include "columns.hpp"
#include "header.hpp"

#include "clean.hpp"
#include "messages.hpp"

#include <exception>
#include <new>

namespace pegkit::cli {

int FileReport::errors() const {
    int n = 0;
    for (const auto& s : sheets) n += s.counts.count(Severity::error) ? s.counts.at(Severity::error) : 0;
    return n;
}

void Totals::add(const FileReport& f) {
    ++files;
    if (f.status == FileStatus::unreadable) ++unreadable;
    for (const auto& s : f.sheets) {
        ++sheets;
        objectives += s.objectives;
        for (const auto& [severity, n] : s.counts) counts[severity] += n;
    }
}

FileReport guarded_check(const std::string& path, const std::string& format, Lang lang,
                         const std::function<FileReport()>& check) {
    std::string why;
    try {
        return check();
    } catch (const std::bad_alloc&) {
        why = reason(Reason::out_of_memory, lang);
    } catch (const std::exception& e) {
        why = reason(Reason::internal_error, lang, {e.what()});
    } catch (...) {
        why = reason(Reason::internal_error, lang, {"?"});
    }
    FileReport f;
    f.path = path;
    f.format = format;
    f.status = FileStatus::unreadable;
    f.error = std::move(why);
    return f;
}

SheetReport check_grid(std::string name, const Grid& grid, const SheetOptions& options, const ReportOptions& report) {
    const SheetCheck check = check_sheet(grid, options);
    SheetReport out;
    out.name = std::move(name);
    out.found = check.found;
    out.header_row = check.found ? check.header_row + 1 : 0;
    out.plan_year = check.plan_year;
    out.objectives = check.objective_count;
    out.indicators = static_cast<int>(check.objectives.size());
    out.sections = check.section_count;
    for (const RoleChoice& r : check.roles) {
        const bool other_year = r.reason == RoleReason::other_year;
        out.roles.push_back({other_year ? "target_other" : std::string(role_key(r.role)), column_letters(r.col), r.heading,
                             std::string(role_reason_name(r.reason)), r.year});
    }

    auto header_of = [&](int col) -> std::string {
        if (col < 0 || !check.found || check.header_row >= grid.rows || col >= grid.cols) return {};
        const Cell& h = grid.at(check.header_row, col);
        return h.type == CellType::text ? clean(h.text) : std::string();
    };
    auto field_of = [&](int col) -> std::string {
        for (std::size_t c = 0; c < column_count; ++c)
            if (col >= 0 && check.column[c] == col) return std::string(column_name(static_cast<Column>(c)));
        return {};
    };
    for (const Finding& f : check.findings) {
        ++out.counts[f.severity];
        if (f.severity < report.min_severity) continue;
        out.findings.push_back({f.col < 0 && f.row == 0 ? 0 : f.row + 1, column_letters(f.col), header_of(f.col), field_of(f.col), f.severity,
                                std::string(code_name(f.code)), message(f.code, report.lang, f.args), f.args});
    }
    for (const Objective& o : check.objectives) {
        ++out.peg_kinds[std::string(kind_name(o.peg.kind))];
        if (check.col(Column::dup_target) >= 0) ++out.dup_kinds[std::string(kind_name(o.dup.kind))];
    }
    out.summary = summarize(check);
    out.profile = format_profile(Profile{options.rules, options.scoring});
    out.as_of = options.as_of;
    if (report.summary_plan && check.found) out.summary_plan = plan_summary(check, nullptr, &grid);
    return out;
}

}  // namespace pegkit::cli
