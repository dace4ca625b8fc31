#include "batch.hpp"

#include "status.hpp"

#include "inputs.hpp"
#include "messages.hpp"
#include "office.hpp"
#include "text_reader.hpp"
#include "writers.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <new>

namespace pegkit::cli {
namespace {

// What pegkit-check saw, for debugging and for building test workbooks from a text sample.
void dump(const std::string& name, const Grid& grid) {
    if (!name.empty()) std::cout << "# sheet " << name << '\n';
    for (int r = 0; r < grid.rows; ++r) {
        for (int c = 0; c < grid.cols; ++c) {
            const Cell& cell = grid.at(r, c);
            if (c) std::cout << '\t';
            if (cell.type == CellType::text) std::cout << cell.text;
            else if (!cell.empty()) std::cout << cell.number;
        }
        std::cout << '\n';
    }
}

FileReport check_file(const Input& in, OfficeSession& office, const Options& o) {
    FileReport f;
    f.path = in.path;
    f.format = in.format;
    auto unreadable = [&f](std::string why) {
        f.status = FileStatus::unreadable;
        f.error = std::move(why);
        return f;
    };
    if (!in.error.empty()) return unreadable(in.error);
    if (in.format.empty()) return unreadable(reason(Reason::not_a_table_file, o.report.lang));
    if (in.format == "tsv" || in.format == "csv") {
        TextRead text = read_text_table(in.path, in.format == "csv", {o.max_rows, o.max_cells}, o.report.lang);
        if (!text) return unreadable(text.error);
        f.notes = std::move(text.notes);
        if (o.dump_grid) return dump({}, text.grid), f;
        SheetOptions options = o.sheet;
        if (o.columns) apply(*o.columns, options);
        f.sheets.push_back(check_grid({}, text.grid, options, o.report));
        return f;
    }
    OfficeRead doc = office.read(in.path);
    if (!doc) return unreadable(doc.error);
    // A workbook may hold a cover, notes or pivot sheets beside the PEG: every sheet with a PEG
    // header is reported; when none has one, the first sheet says so.
    if (o.dump_grid) {
        for (const OfficeSheet& s : doc.sheets) dump(s.name, s.grid);
        return f;
    }
    // the document's profile between the --config rule and --profile/--rule
    SheetOptions document_options = o.sheet;
    if (!doc.profile.empty()) {
        const ProfileParse stored = parse_profile(doc.profile);
        const ProfileParse merged = parse_profile(o.profile_before_document + "\n" + doc.profile + "\n" + o.profile_after_document);
        if (stored && merged) apply_profile(merged.profile, document_options);
        else f.notes.push_back(std::string(profile_property) + ": " + message(stored ? merged.diagnostics.front() : stored.diagnostics.front(), o.report.lang));
    }
    if (!o.as_of_given && !doc.as_of.empty()) {
        if (const std::optional<Date> d = parse_date(doc.as_of)) document_options.as_of = d;
        else f.notes.push_back(std::string(as_of_property) + ": " + doc.as_of);
    }
    std::vector<SheetReport> skipped;
    for (const OfficeSheet& s : doc.sheets) {
        // the choice stored in the document, then --columns on top; letters name sheet columns
        SheetOptions options = document_options;
        options.not_assessable = s.not_assessable;
        if (const ColumnChoiceParse stored = parse_columns(s.columns); stored && !s.columns.empty())
            apply(stored.choice, options, s.first_row, s.first_col);
        if (o.columns) apply(*o.columns, options, s.first_row, s.first_col);
        SheetReport r = check_grid(s.name, s.grid, options, o.report);
        if (r.found) f.sheets.push_back(std::move(r));
        else skipped.push_back(std::move(r));
    }
    if (f.sheets.empty() && !skipped.empty()) f.sheets.push_back(std::move(skipped.front()));
    else if (o.verbose)
        for (const SheetReport& s : skipped) std::cerr << in.path << '[' << s.name << "]: no PEG header, skipped\n";
    return f;
}

// --pdf: each plan sheet's summary as a PDF in the folder, named after the file (and the sheet when
// the file has several); where each went, or why not, is a note of the file's report.
void write_pdfs(FileReport& f, OfficeSession& office, const Options& o) {
    std::vector<const SheetReport*> plans;
    for (const SheetReport& s : f.sheets)
        if (s.summary_plan) plans.push_back(&s);
    if (plans.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(o.pdf_dir, ec);
    const std::string stem = std::filesystem::path(f.path).stem().string();
    for (const SheetReport* s : plans) {
        const std::string name = plans.size() > 1 && !s->name.empty() ? stem + " - " + s->name : stem;
        const std::string path = (std::filesystem::path(o.pdf_dir) / (name + ".pdf")).string();
        const std::string error = office.write_pdf(*s->summary_plan, s->name.empty() ? stem : s->name, path);
        f.notes.push_back(error.empty() ? reason(Reason::pdf_written, o.report.lang, {path})
                                        : reason(Reason::pdf_failed, o.report.lang, {path, error}));
    }
}

// Every input in turn; returns 0, or a status that overrides the totals' (128 + the signal that
// interrupted the batch, 2 when the reader of our output went away).
int check_inputs(const Options& o, Writer& writer, Totals& totals) {
    const Lang lang = o.report.lang;
    const std::vector<Input> inputs = collect_inputs(o.inputs, lang);
    const bool tty = isatty(STDERR_FILENO);
    const bool progress = o.progress || (tty && inputs.size() > 5);
    OfficeSession office({o.office, o.timeout, o.max_rows, o.max_cells, lang, o.verbose});
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const Input& in = inputs[i];
        if (progress) std::cerr << (tty ? "\r\033[K" : "") << '[' << i + 1 << '/' << inputs.size() << "] " << in.path << (tty ? "" : "\n") << std::flush;
        FileReport f = guarded_check(in.path, in.format, lang, [&] { return check_file(in, office, o); });
        if (!o.pdf_dir.empty() && f.status == FileStatus::checked) write_pdfs(f, office, o);
        totals.office_starts = office.starts();
        if (const int sig = OfficeSession::interrupted_by()) {
            totals.stopped = reason(Reason::interrupted, lang);
            return 128 + sig;
        }
        totals.add(f);
        if (o.dump_grid) {
            if (f.status == FileStatus::unreadable) std::cerr << f.path << ": " << f.error << '\n';
            continue;
        }
        writer.file(f);
        if (!std::cout) return 2;  // the reader of our output went away (pegkit-check … | head)
    }
    if (progress && tty) std::cerr << "\r\033[K" << std::flush;
    totals.office_starts = office.starts();
    return 0;
}

}  // namespace

int run_batch(const Options& o) {
    std::unique_ptr<Writer> writer = o.format == Format::json ? json_writer(std::cout, o)
                                   : o.format == Format::csv  ? csv_writer(std::cout, o)
                                                              : text_writer(std::cout, o);
    Totals totals;
    int status = 0;
    // Whatever stops the batch, the report is closed (JSON stays valid) and says it stopped.
    try {
        status = check_inputs(o, *writer, totals);
    } catch (const std::bad_alloc&) {
        totals.stopped = reason(Reason::out_of_memory, o.report.lang);
        status = 2;
    } catch (const std::exception& e) {
        totals.stopped = reason(Reason::internal_error, o.report.lang, {e.what()});
        status = 2;
    }
    if (!totals.stopped.empty()) std::cerr << "\npegkit-check: " << totals.stopped << '\n';
    if (!o.dump_grid && std::cout) writer->end(totals);
    if (o.verbose) std::cerr << "pegkit-check: " << totals.files << " files, office starts: " << totals.office_starts << '\n';
    return status ? status : totals.exit_status();
}

}  // namespace pegkit::cli
