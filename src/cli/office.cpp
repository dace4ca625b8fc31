#include "office.hpp"

#include "columns.hpp"
#include "not_assessable.hpp"
#include "convert.hpp"
#include "doc_store.hpp"
#include "merges.hpp"
#include "grid.hpp"
#include "messages.hpp"
#include "summary_write.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <osl/file.hxx>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

namespace fs = std::filesystem;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using Clock = std::chrono::steady_clock;

namespace pegkit::cli {
namespace {

constexpr auto connect_timeout = std::chrono::seconds(60);
constexpr auto shutdown_timeout = std::chrono::seconds(20);
constexpr int max_restarts = 5;  // an office killed by one file is restarted; one killed by every file is not

// The office's process group, for the signal handler: Ctrl-C must not leave a soffice behind.
// The handler stops the office (the call waiting on it then fails) and the batch ends after
// that file, so that the profile is removed; a second Ctrl-C ends the program at once.
volatile std::sig_atomic_t office_group = 0;
volatile std::sig_atomic_t interrupted = 0;

extern "C" void on_signal(int sig) {
    interrupted = sig;
    if (office_group > 0) ::kill(-office_group, SIGKILL);
    std::signal(sig, SIG_DFL);
}

int free_port() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) return 0;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 && ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(s);
    return port;
}

OUString file_url(const std::string& path) {
    std::error_code ec;
    const fs::path abs = fs::absolute(path, ec);
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(pegkit::uno::to_ou(abs.string()), url);
    return url;
}

std::string what(const css::uno::Exception& e) {
    const std::string m = pegkit::uno::to_utf8(e.Message);
    return m.empty() ? "the office gave no reason" : m;
}

// Closes a document however the reading ended.
struct DocumentGuard {
    Reference<css::lang::XComponent> doc;
    ~DocumentGuard() {
        if (!doc.is()) return;
        try {
            Reference<css::util::XCloseable> closeable(doc, UNO_QUERY);
            if (closeable.is()) closeable->close(true);
            else doc->dispose();
        } catch (...) {
            // the office may be gone: nothing left to close
        }
    }
};

}  // namespace

struct OfficeSession::Impl {
    OfficeConfig config;
    Reference<css::uno::XComponentContext> local;
    Reference<css::frame::XDesktop2> desktop;
    pid_t pid = -1;
    fs::path tmp;
    int starts = 0;
    std::string failure;  // set when no office can be had: every later document gets it
    bool lost = false;     // the office died under the last document
    bool retried = false;  // ... which was already a second try

    OfficeRead read(const std::string& path);

    // Watchdog: a document that keeps the office busy past the timeout gets the office killed.
    std::mutex mutex;
    std::condition_variable wake;
    std::optional<Clock::time_point> deadline;
    bool timed_out = false, quit = false;
    std::thread watchdog;

    explicit Impl(OfficeConfig c) : config(std::move(c)) {}

    void log(const std::string& s) const {
        if (config.verbose) std::cerr << "pegkit-check: " << s << '\n';
    }

    void watch() {
        std::unique_lock<std::mutex> lock(mutex);
        while (!quit) {
            if (!deadline) {
                wake.wait(lock);
            } else if (wake.wait_until(lock, *deadline) == std::cv_status::timeout && deadline && Clock::now() >= *deadline) {
                deadline.reset();
                timed_out = true;
                if (pid > 0) ::kill(-pid, SIGKILL);
            }
        }
    }

    void arm() {
        std::lock_guard<std::mutex> lock(mutex);
        deadline = Clock::now() + std::chrono::seconds(config.timeout);
        timed_out = false;
        wake.notify_all();
    }

    void disarm() {
        std::lock_guard<std::mutex> lock(mutex);
        deadline.reset();
        wake.notify_all();
    }

    bool bootstrap() {
        if (local.is()) return true;
        // The client finds the office's UNO runtime through this, as LIBREOFFICE-NOTES.md says.
        ::setenv("URE_BOOTSTRAP", "vnd.sun.star.pathname:/usr/lib/libreoffice/program/fundamentalrc", 0);
        try {
            local = cppu::defaultBootstrap_InitialComponentContext();
        } catch (const css::uno::Exception& e) {
            failure = reason(Reason::office_start_failed, config.lang, {"UNO runtime: " + what(e)});
        } catch (const std::exception& e) {
            failure = reason(Reason::office_start_failed, config.lang, {std::string("UNO runtime: ") + e.what()});
        }
        return local.is();
    }

    bool running() {
        if (pid <= 0) return false;
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == 0) return true;
        pid = -1;
        office_group = 0;
        return false;
    }

    // Starts soffice headless on a loopback socket with a throwaway profile (tests/integration/lo.py's flags).
    bool spawn(int port) {
        if (tmp.empty()) {
            std::string dir = (fs::temp_directory_path() / "pegkit-check-XXXXXX").string();
            if (!::mkdtemp(dir.data())) {
                failure = reason(Reason::office_start_failed, config.lang, {std::string("mkdtemp: ") + std::strerror(errno)});
                return false;
            }
            tmp = dir;
        }
        const std::string profile = pegkit::uno::to_utf8(file_url((tmp / "profile").string()));
        const std::string log_file = (tmp / "soffice.log").string();
        const char* soffice = std::getenv("PEGKIT_SOFFICE") ? std::getenv("PEGKIT_SOFFICE") : "soffice";
        std::vector<std::string> args = {soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                                         "--nolockcheck", "-env:UserInstallation=" + profile,
                                         "--accept=socket,host=127.0.0.1,port=" + std::to_string(port) + ";urp;"};
        // Everything for exec is built before fork: the child of a threaded process may only make system calls.
        std::vector<std::string> env;
        for (char** e = environ; *e; ++e) {
            const std::string_view v(*e);
            if (v.rfind("DISPLAY=", 0) != 0 && v.rfind("SAL_USE_VCLPLUGIN=", 0) != 0 && v.rfind("URE_BOOTSTRAP=", 0) != 0)
                env.emplace_back(v);
        }
        env.emplace_back("SAL_USE_VCLPLUGIN=svp");
        std::vector<char*> argv, envp;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        for (auto& e : env) envp.push_back(e.data());
        envp.push_back(nullptr);
        const pid_t child = ::fork();
        if (child < 0) {
            failure = reason(Reason::office_start_failed, config.lang, {std::string("soffice: ") + std::strerror(errno)});
            return false;
        }
        if (child == 0) {
            ::setsid();  // its own group, so that oosplash and soffice.bin stop together
            const int out = ::open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
            const int in = ::open("/dev/null", O_RDONLY);
            if (out >= 0) ::dup2(out, 1), ::dup2(out, 2);
            if (in >= 0) ::dup2(in, 0);
            ::execvpe(argv[0], argv.data(), envp.data());
            ::_exit(127);
        }
        {
            std::lock_guard<std::mutex> lock(mutex);
            pid = child;
        }
        office_group = child;
        ++starts;
        log("office start " + std::to_string(starts) + " (pid " + std::to_string(child) + ", port " + std::to_string(port) + ")");
        return true;
    }

    bool connect() {
        if (!bootstrap()) return false;
        const bool own = config.connect.empty();
        const int port = own ? free_port() : 0;
        if (own && !spawn(port)) return false;
        const std::string spec = own ? "socket,host=127.0.0.1,port=" + std::to_string(port) : config.connect;
        const std::string url = spec.rfind("uno:", 0) == 0 ? spec : "uno:" + spec + ";urp;StarOffice.ComponentContext";
        const auto until = Clock::now() + connect_timeout;
        std::string last = "no answer";
        Reference<css::bridge::XUnoUrlResolver> resolver;
        try {
            resolver = css::bridge::UnoUrlResolver::create(local);
        } catch (const css::uno::Exception& e) {
            failure = reason(Reason::office_start_failed, config.lang, {"UnoUrlResolver: " + what(e)});
            return false;
        }
        do {
            if (own && !running()) {
                failure = reason(Reason::office_start_failed, config.lang, {"soffice exited (log: " + (tmp / "soffice.log").string() + ")"});
                return false;
            }
            try {
                Reference<css::uno::XComponentContext> remote(resolver->resolve(pegkit::uno::to_ou(url)), UNO_QUERY_THROW);
                desktop = css::frame::Desktop::create(remote);
                return true;
            } catch (const css::connection::NoConnectException& e) {
                last = what(e);
            } catch (const css::uno::Exception& e) {
                last = what(e);
            }
            if (!own) break;  // someone else's office: it is there or it is not
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        } while (Clock::now() < until);
        failure = reason(Reason::office_no_connection, config.lang, {spec, last});
        if (own) stop();
        return false;
    }

    // `lost`: the bridge is gone, so the office is dead or dying: no polite wait.
    void stop(bool lost = false) {
        if (lost && pid > 0) ::kill(-pid, SIGKILL);
        if (!lost && desktop.is() && config.connect.empty()) {
            try {
                desktop->terminate();
            } catch (...) {
                // the bridge goes away while the office quits: expected
            }
        }
        desktop.clear();
        if (pid <= 0) return;
        const auto until = Clock::now() + shutdown_timeout;
        while (running() && Clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (running()) {
            log("office did not quit: killed");
            ::kill(-pid, SIGTERM);
            for (int i = 0; i < 50 && running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
            if (running()) ::kill(-pid, SIGKILL);
            int status = 0;
            ::waitpid(pid, &status, 0);
        }
        std::lock_guard<std::mutex> lock(mutex);
        pid = -1;
        office_group = 0;
    }

    OfficeRead load(const std::string& path) {
        OfficeRead out;
        css::uno::Sequence<css::beans::PropertyValue> props(4);
        props[0] = pegkit::uno::property("Hidden", css::uno::Any(true));
        props[1] = pegkit::uno::property("ReadOnly", css::uno::Any(true));
        props[2] = pegkit::uno::property("MacroExecutionMode", css::uno::Any(css::document::MacroExecMode::NEVER_EXECUTE));
        props[3] = pegkit::uno::property("UpdateDocMode", css::uno::Any(css::document::UpdateDocMode::NO_UPDATE));
        DocumentGuard guard;
        guard.doc = desktop->loadComponentFromURL(file_url(path), "_blank", 0, props);
        if (!guard.doc.is()) {
            out.error = reason(Reason::office_cannot_open, config.lang);
            return out;
        }
        const Reference<css::sheet::XSpreadsheetDocument> document(guard.doc, UNO_QUERY);
        if (!document.is()) {
            out.error = reason(Reason::office_not_spreadsheet, config.lang);
            return out;
        }
        const Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
        const std::string stored = pegkit::uno::read_text_property(guard.doc, columns_property).value_or("");
        out.profile = pegkit::uno::read_text_property(guard.doc, profile_property).value_or("");
        out.as_of = pegkit::uno::read_text_property(guard.doc, as_of_property).value_or("");
        const std::string marks = pegkit::uno::read_text_property(guard.doc, not_assessable_property).value_or("");
        for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
            const Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(i), UNO_QUERY_THROW);
            const Reference<css::container::XNamed> named(sheet, UNO_QUERY);
            OfficeSheet s;
            s.name = named.is() ? pegkit::uno::to_utf8(named->getName()) : "#" + std::to_string(i + 1);
            const pegkit::uno::SheetArea area = pegkit::uno::used_area(sheet);
            const auto rows = static_cast<std::size_t>(std::max(0, area.rows)), cols = static_cast<std::size_t>(std::max(0, area.cols));
            if (config.max_rows && rows > config.max_rows) {
                out.error = reason(Reason::sheet_too_many_rows, config.lang,
                                   {s.name, grouped(rows, config.lang), grouped(config.max_rows, config.lang)});
                out.sheets.clear();
                return out;
            }
            if (config.max_cells && cols && rows > config.max_cells / cols) {
                out.error = reason(Reason::sheet_too_many_cells, config.lang,
                                   {s.name, grouped(rows, config.lang), grouped(cols, config.lang), grouped(config.max_cells, config.lang)});
                out.sheets.clear();
                return out;
            }
            // --max-cells was checked above; read_grid's own default limit must not undo a higher one.
            s.grid = pegkit::uno::read_grid(document, sheet, area, config.max_cells ? config.max_cells : SIZE_MAX);
            s.grid.merges = pegkit::uno::read_merges(sheet, area);
            s.first_row = area.first_row;
            s.first_col = area.first_col;
            s.columns = stored_choice(stored, s.name);
            s.not_assessable = stored_marks(marks, s.name, area.first_row);
            out.sheets.push_back(std::move(s));
        }
        return out;
    }
};

OfficeSession::OfficeSession(OfficeConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    std::signal(SIGHUP, on_signal);
    impl_->watchdog = std::thread([this] { impl_->watch(); });
}

OfficeSession::~OfficeSession() {
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        impl_->quit = true;
        impl_->wake.notify_all();
    }
    impl_->watchdog.join();
    try {
        impl_->stop();
        if (impl_->local.is()) Reference<css::lang::XComponent>(impl_->local, UNO_QUERY_THROW)->dispose();
    } catch (...) {
        // shutting down: nothing more to do about it
    }
    impl_->local.clear();
    std::error_code ec;
    if (!impl_->tmp.empty()) fs::remove_all(impl_->tmp, ec);
}

int OfficeSession::interrupted_by() { return interrupted; }

OfficeRead OfficeSession::read(const std::string& path) {
    OfficeRead out = impl_->read(path);
    if (interrupted) return out;
    // An office that died under this document may have died of something else (memory, a kill):
    // the document gets one more try in a fresh office before it is blamed.
    if (impl_->lost) out = impl_->read(path);
    return out;
}

OfficeRead OfficeSession::Impl::read(const std::string& path) {
    Impl& m = *this;
    OfficeRead out;
    m.lost = false;
    if (interrupted) m.failure = reason(Reason::interrupted, m.config.lang);
    if (!m.desktop.is() && m.failure.empty()) {
        if (m.starts > max_restarts) m.failure = reason(Reason::office_restarts, m.config.lang, {std::to_string(m.starts)});
        else m.connect();
    }
    if (!m.failure.empty()) {
        out.error = m.failure;
        return out;
    }
    bool disposed = false;
    m.arm();
    try {
        out = m.load(path);
    } catch (const css::lang::DisposedException& e) {
        disposed = true;
        out.sheets.clear();
        out.error = what(e);
    } catch (const css::uno::Exception& e) {
        out.sheets.clear();
        out.error = what(e);
    } catch (const std::exception& e) {
        out.sheets.clear();
        out.error = e.what();
    }
    m.disarm();
    bool timed_out = false;
    {
        std::lock_guard<std::mutex> lock(m.mutex);
        timed_out = m.timed_out;
    }
    const bool own = m.config.connect.empty();
    if (own && (timed_out || disposed || !m.running())) {
        out.sheets.clear();
        out.error = timed_out ? reason(Reason::office_timeout, m.config.lang, {std::to_string(m.config.timeout)})
                              : reason(Reason::office_stopped, m.config.lang);
        m.log(path + ": " + out.error + "; the office will be restarted");
        m.stop(true);
        m.lost = !timed_out && !m.retried;  // a timeout is the document's doing: no second try
        m.retried = m.lost;
        return out;
    }
    m.retried = false;
    if (!own && disposed) {
        // a running office that went away is not ours to restart
        m.desktop.clear();
        m.failure = reason(Reason::office_gone, m.config.lang, {m.config.connect});
    }
    return out;
}

// The summary written as the sidebar writes it (src/sidebar/summary_write.hpp) into a new hidden
// document, never into the user's file, which the batch opened read-only.
std::string OfficeSession::write_pdf(const SummaryPlan& plan, const std::string& plan_sheet, const std::string& path) {
    Impl& m = *impl_;
    if (!m.desktop.is() && m.failure.empty()) m.connect();
    if (!m.failure.empty()) return m.failure;
    std::string error;
    m.arm();
    try {
        css::uno::Sequence<css::beans::PropertyValue> props(1);
        props[0] = pegkit::uno::property("Hidden", css::uno::Any(true));
        DocumentGuard guard;
        guard.doc = m.desktop->loadComponentFromURL("private:factory/scalc", "_blank", 0, props);
        const Reference<css::sheet::XSpreadsheetDocument> document(guard.doc, UNO_QUERY_THROW);
        const Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
        const Reference<css::sheet::XSpreadsheet> out(sheets->getByIndex(0), UNO_QUERY_THROW);
        Reference<css::container::XNamed>(out, UNO_QUERY_THROW)->setName("Riepilogo PEG");
        const Lang lang = m.config.lang;
        pegkit::sidebar::write_summary(document, Reference<css::lang::XMultiServiceFactory>(document, UNO_QUERY_THROW), out, plan,
                                       pegkit::sidebar::summary_cells(plan, lang, plan_sheet),
                                       lang == Lang::it ? css::lang::Locale("it", "IT", "") : css::lang::Locale("en", "US", ""));
        auto chart = pegkit::sidebar::plan_chart(out, 0, plan, lang, plan_sheet, css::awt::Point(-1, 0));
        if (chart) {
            chart->name = pegkit::sidebar::chart_name_for("Riepilogo PEG");
            pegkit::sidebar::add_chart(out, *chart);
        }
        bool created = false;
        pegkit::sidebar::set_print(document, out, plan, chart, created);
        pegkit::sidebar::store_pdf(guard.doc, out, file_url(path));
    } catch (const css::uno::Exception& e) {
        error = what(e);
    } catch (const std::exception& e) {
        error = e.what();
    }
    m.disarm();
    bool timed_out = false;
    {
        std::lock_guard<std::mutex> lock(m.mutex);
        timed_out = m.timed_out;
    }
    if (m.config.connect.empty() && (timed_out || !m.running())) {
        m.stop(true);
        return timed_out ? reason(Reason::office_timeout, m.config.lang, {std::to_string(m.config.timeout)})
                         : reason(Reason::office_stopped, m.config.lang);
    }
    return error;
}

int OfficeSession::starts() const { return impl_->starts; }
bool OfficeSession::available() { return true; }

}  // namespace pegkit::cli
