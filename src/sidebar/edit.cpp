#include "edit.hpp"

#include "cells.hpp"

#include "convert.hpp"

#include <com/sun/star/document/UndoFailedException.hpp>
#include <com/sun/star/document/XUndoAction.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/weakref.hxx>

#include <exception>

using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace pegkit::sidebar {
namespace {

std::string what_of(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const css::uno::Exception& x) {
        return uno::to_utf8(x.Message);
    } catch (const std::exception& x) {
        return x.what();
    } catch (...) {
        return "?";
    }
}

Reference<css::document::XUndoManager> undo_manager(const Reference<css::frame::XModel>& model) {
    const Reference<css::document::XUndoManagerSupplier> supplier(model, UNO_QUERY);
    return supplier.is() ? supplier->getUndoManager() : nullptr;
}

// The lock the running edit holds, for keep_undo_locked(); the office's main thread only.
Reference<css::document::XUndoManager> held;

// Every lock taken off and put back: the count goes through 0, where the manager is disabled anew,
// whoever holds the other locks (a macro may have locked it before the command). Nothing when it
// holds no lock.
void lock_again(const Reference<css::document::XUndoManager>& undo) {
    int locks = 0;
    try {
        for (; locks < 1000; ++locks) undo->unlock();  // NotLockedException once the count is 0
    } catch (const css::uno::Exception&) {
    }
    for (int i = 0; i < locks; ++i) undo->lock();
}

// While an edit writes, Calc's own undo actions are dropped. Also during our own undo and redo:
// an action Calc added then would clear the redo stack, and with it the very action running.
class UndoLocked {
public:
    explicit UndoLocked(const Reference<css::document::XUndoManager>& undo) : m_undo(undo) {
        if (!m_undo.is()) return;
        m_undo->lock();
        if (!held.is()) held = m_undo, m_outer = true;
    }
    ~UndoLocked() {
        try {
            if (m_outer) held.clear();
            if (!m_undo.is()) return;
            m_undo->unlock();
            lock_again(m_undo);  // a caller's own lock, which Calc may have undone meanwhile, holds again
        } catch (...) {
        }
    }
    UndoLocked(const UndoLocked&) = delete;
    UndoLocked& operator=(const UndoLocked&) = delete;

private:
    Reference<css::document::XUndoManager> m_undo;
    bool m_outer = false;
};

// Views repaint once at the end, not after every bulk call.
class Locked {
public:
    explicit Locked(const Reference<css::frame::XModel>& model) : m_model(model) {
        if (m_model.is()) m_model->lockControllers();
    }
    ~Locked() {
        try {
            if (m_model.is()) m_model->unlockControllers();
        } catch (...) {
        }
    }
    Locked(const Locked&) = delete;
    Locked& operator=(const Locked&) = delete;

private:
    Reference<css::frame::XModel> m_model;
};

class UndoAction : public cppu::WeakImplHelper1<css::document::XUndoAction> {
public:
    UndoAction(const Reference<css::frame::XModel>& model, std::shared_ptr<Edit> edit, const std::string& title)
        : m_model(model), m_edit(std::move(edit)), m_title(uno::to_ou(title)) {}
    rtl::OUString SAL_CALL getTitle() override { return m_title; }
    void SAL_CALL undo() override { run(false); }
    void SAL_CALL redo() override { run(true); }

private:
    void run(bool forward) {
        std::exception_ptr failed;
        {
            const Reference<css::frame::XModel> model(m_model);
            const std::shared_ptr<Edit> keep = m_edit;
            UndoLocked undo_locked(undo_manager(model));
            Locked locked(model);
            try {
                if (forward) keep->apply();
                else keep->revert();
            } catch (...) {
                failed = std::current_exception();
            }
            // a half-done redo is taken back; the manager then knows the step failed
            if (failed && forward) {
                try {
                    keep->revert();
                } catch (...) {
                }
            }
        }
        if (failed)
            throw css::document::UndoFailedException(uno::to_ou(what_of(failed)), static_cast<cppu::OWeakObject*>(this),
                                                     css::uno::Any());
    }

    css::uno::WeakReference<css::frame::XModel> m_model;  // the document owns its undo stack, not the reverse
    std::shared_ptr<Edit> m_edit;
    rtl::OUString m_title;
};

}  // namespace

void keep_undo_locked() noexcept {
    try {
        if (held.is() && !held->isLocked()) lock_again(held);  // isLocked: the manager is disabled
    } catch (...) {
    }
}

EditRun run_edit(const Reference<css::frame::XModel>& model, const std::shared_ptr<Edit>& edit, const std::string& title) {
    EditRun run;
    const Reference<css::document::XUndoManager> undo = undo_manager(model);
    const bool step = undo.is() && !undo->isLocked();
    std::exception_ptr failed;
    {
        UndoLocked undo_locked(undo);
        Locked locked(model);
        arm_write_hook();
        try {
            edit->apply();
        } catch (...) {
            failed = std::current_exception();
        }
        if (failed) {
            run.reason = what_of(failed);
            run.result = EditRun::Result::restored;
            try {
                edit->revert();
            } catch (...) {
                run.result = EditRun::Result::not_restored;
            }
        }
        disarm_write_hook();
    }
    // Each write step locks again (keep_undo_locked): Calc 7.4 itself re-enables the undo manager
    // behind the lock, and what it records then would stay below ours.
    if (step && !failed) undo->addUndoAction(new UndoAction(model, edit, title));
    run.undo_step = step && !failed;
    return run;
}

}  // namespace pegkit::sidebar
