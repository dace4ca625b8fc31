#pragma once
// The dispatch commands vnd.pegkit:Validate, Normalize, Summary, ClearMarks (issue #4), served by
// the protocol handler it.pegkit.calc.CommandsImpl for the frame it is created with.
//
// Contract for callers (menu, sidebar panels, macros, tests):
// - dispatch arguments (all optional): "Quiet" (boolean): no infobar, the caller shows the result.
// - XNotifyingDispatch::dispatchWithNotification reports a DispatchResultEvent whose State is
//   SUCCESS or FAILURE and whose Result is a sequence<PropertyValue>:
//     "Command"   string   "Validate", "Normalize", "Summary", "ClearMarks"
//     "Message"   string   one sentence in the UI language (Italian or English)
//     "Findings"  sequence<sequence<any>>, Validate only: one row per finding
//                 {string cell ("J68"), long row, long column (0-based sheet position, -1 for the
//                  whole sheet), string severity ("error"|"warning"|"info"), string code
//                  (diagnostic code_name), string message}
//     "Errors", "Warnings", "Marked" (long)  Validate; "Changed" (long) Normalize;
//     "Sheet" (string) Summary (the new sheet); "Cleared" (long) ClearMarks and Validate;
//     "Hidden" (long) Normalize: cells left in hidden or filtered rows; "Busy" (true) when another
//     command was running; "Detail" (string) the technical reason of a failure, never in Message
// - MarkNotAssessable: "Reason" (string, required to mark), "Clear" (boolean: remove the marks),
//   "Rows" (sequence<long>, 0-based sheet rows; default the selection's rows). Only the table's
//   objective rows are marked, in the document property "pegkit.not_assessable"
//   (src/core/not_assessable.hpp); result "Changed" (long) and "Rows" (sequence<long>).
// - ExcelCopy: "URL" (string, a file URL; default "<name> (valori).xlsx" beside the document)
//   receives an .xlsx copy in which every cell calling a pegkit function holds its value; the
//   document itself is not written (no undo step, allowed when read-only). Result "URL", "Frozen".
// - ExportPDF: "URL" (string, a file URL; default "<name> (riepilogo).pdf" beside the document)
//   receives the PDF of the summary sheet of the active plan (or of the active summary sheet), as
//   it prints; the document is not written. Result "URL", "Sheet". Refused when there is no
//   summary yet.
// - FAILURE (read-only document, protected sheet or structure, a sheet beyond the cell limit,
//   empty sheet, no PEG header, no Calc document, another command running) changes nothing; a
//   write that fails half way is taken back from the command's own snapshot and says so.
// - A command that changes something is one undo step; one that changes nothing adds none.
//   Validate's marks are kept in the document property "pegkit.marks" (src/core/plan.hpp).
#include <string_view>

namespace pegkit::sidebar {

enum class Command { validate, normalize, summary, clear_marks, mark_not_assessable, excel_copy, export_pdf };

constexpr std::string_view command_protocol = "vnd.pegkit:";
constexpr std::string_view command_path(Command c) noexcept {
    switch (c) {
    case Command::validate: return "Validate";
    case Command::normalize: return "Normalize";
    case Command::summary: return "Summary";
    case Command::clear_marks: return "ClearMarks";
    case Command::mark_not_assessable: return "MarkNotAssessable";
    case Command::excel_copy: return "ExcelCopy";
    case Command::export_pdf: return "ExportPDF";
    }
    return "";
}

}  // namespace pegkit::sidebar
