#pragma once
// One command's change to a document, as one undo step of our own. The command applies it with
// the document's undo manager locked (Calc records nothing of its own), and then adds one action
// whose undo restores the command's own snapshot and whose redo applies it again. A failure half
// way restores the snapshot at once. Never XUndoManager::undo(): undoing Calc's own sheet
// insertion acts on the active view, which may be another document's, or none (LIBREOFFICE-NOTES.md).
#include <com/sun/star/frame/XModel.hpp>

#include <memory>
#include <string>

namespace pegkit::sidebar {

class Edit {
public:
    virtual ~Edit() = default;
    virtual void apply() = 0;   // may throw half way
    virtual void revert() = 0;  // puts back what apply may have written; safe after a partial apply
};

struct EditRun {
    enum class Result { done, restored, not_restored } result = Result::done;
    std::string reason;   // the failure, for the message
    bool undo_step = false;
};

// Before each write of an edit (cells.hpp, write_step): Calc 7.4 re-enables its undo manager
// inside some writes (a multi-line text through setDataArray, a note, a merge), after which the
// lock held by run_edit no longer drops Calc's own actions. Locks it again; no-op outside an edit.
void keep_undo_locked() noexcept;

// Applies `edit` to `model`'s document; on success adds one undo action titled `title`.
EditRun run_edit(const css::uno::Reference<css::frame::XModel>& model, const std::shared_ptr<Edit>& edit,
                 const std::string& title);

}  // namespace pegkit::sidebar
