"""A headless LibreOffice for tests: throwaway profile, socket connection, extension install,
guaranteed shutdown. Every wait is bounded; a failure says what happened and shows soffice's log.

Runs with Debian's /usr/bin/python3 (the one that has `uno`).
"""
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import uno
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.document import XUndoManagerListener
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment, XProgressHandler

SOFFICE = os.environ.get("PEGKIT_SOFFICE", "soffice")

CONNECT_TIMEOUT = 60.0
SHUTDOWN_TIMEOUT = 20.0

# Filter names for storeToURL.
ODS = "calc8"
XLSX = "Calc MS Excel 2007 XML"
FODS = "OpenDocument Spreadsheet Flat XML"


class OfficeError(RuntimeError):
    pass


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def props(**kw):
    return tuple(prop(k, v) for k, v in kw.items())


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def registry_xcu(ui_locale=None, english_function_names=None):
    """registrymodifications.xcu text: the UI locale and Calc's "Use English function names"."""
    items = []

    def item(path, name, value):
        items.append(f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
                     f'<value>{value}</value></prop></item>')

    if ui_locale:
        item("/org.openoffice.Setup/L10N", "ooLocale", ui_locale)
        item("/org.openoffice.Office.Linguistic/General", "UILocale", ui_locale)
        item("/org.openoffice.Setup/L10N", "ooSetupSystemLocale", ui_locale)
    if english_function_names is not None:
        item("/org.openoffice.Office.Calc/Formula/Syntax", "EnglishFunctionName",
             "true" if english_function_names else "false")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            + "\n".join(items) + "\n</oor:items>\n")


class _Approve(unohelper.Base, XCommandEnvironment, XInteractionHandler, XProgressHandler):
    """Command environment for the extension manager: approves every request (licence,
    'install for user?'), records the requests, ignores progress."""

    def __init__(self):
        self.requests = []

    def getInteractionHandler(self):
        return self

    def getProgressHandler(self):
        return self

    def handle(self, request):
        try:
            req = request.getRequest()
            self.requests.append(f"{type(req).__name__}: {getattr(req, 'Message', req)}")
        except Exception as e:  # some requests do not convert to Python
            self.requests.append(f"(request not readable: {type(e).__name__})")
        for c in request.getContinuations():
            if c.queryInterface(uno.getTypeByName("com.sun.star.task.XInteractionApprove")):
                c.select()
                return

    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


class Office:
    """`with Office(ui_locale="it-IT", english_function_names=False) as office: ...`

    The profile directory is created on entry and removed on exit; soffice is always stopped.
    """

    def __init__(self, ui_locale=None, english_function_names=None, keep_profile=False, profile_dir=None,
                 user=None):
        self.user = user  # run soffice as this user (a file root may write is one another user may not)
        self.ui_locale = ui_locale
        self.english_function_names = english_function_names
        self.keep_profile = keep_profile
        self.profile_dir = profile_dir  # a profile that stays (./dev demo); None: a throwaway one
        self.tmp = None
        self.proc = None
        self.ctx = None
        self.smgr = None
        self.desktop = None
        self.log_path = None
        self._log = None
        self.starts = 0

    # --- lifetime -----------------------------------------------------------------------------

    def __enter__(self):
        self.tmp = tempfile.mkdtemp(prefix="pegkit-lo-")
        self.profile = os.path.abspath(self.profile_dir) if self.profile_dir else os.path.join(self.tmp, "profile")
        os.makedirs(os.path.join(self.profile, "user"), exist_ok=True)
        if self.ui_locale or self.english_function_names is not None:
            with open(os.path.join(self.profile, "user", "registrymodifications.xcu"), "w",
                      encoding="utf-8") as f:
                f.write(registry_xcu(self.ui_locale, self.english_function_names))
        self.log_path = os.path.join(self.tmp, "soffice.log")
        if self.user:
            import pwd
            pw = pwd.getpwnam(self.user)
            for top, dirs, files in os.walk(self.tmp):
                for name in [top] + [os.path.join(top, n) for n in dirs + files]:
                    os.chown(name, pw.pw_uid, pw.pw_gid)
        try:
            self.start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, exc_type, exc, tb):
        try:
            self.stop()
        finally:
            if self._log:
                self._log.close()
                self._log = None
            if exc_type is not None:
                print(self.log_tail())
            if self.tmp and not self.keep_profile:
                shutil.rmtree(self.tmp, ignore_errors=True)
        return False

    def log_tail(self, limit=4000):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError:
            return "(no soffice log)"
        text = text[-limit:]
        return f"--- soffice log ({self.log_path}) ---\n{text}\n--- end of log ---"

    def display_mode(self):
        """soffice's display flags and environment: headless here; a windowed office overrides it."""
        env = dict(os.environ)
        env.pop("DISPLAY", None)  # headless means headless, even under a desktop session
        env["SAL_USE_VCLPLUGIN"] = "svp"
        return ["--headless", "--invisible"], env

    def start(self):
        if shutil.which(SOFFICE) is None:
            raise OfficeError(f"{SOFFICE} not found on PATH: LibreOffice is not installed")
        port = free_port()
        if self._log is None:
            self._log = open(self.log_path, "ab")
        self._log.write(f"\n=== start {self.starts + 1}, port {port} ===\n".encode())
        self._log.flush()
        flags, env = self.display_mode()
        cmd = [SOFFICE, *flags, "--norestore", "--nologo", "--nodefault",
               "--nolockcheck", f"-env:UserInstallation={url(self.profile)}",
               f"--accept=socket,host=127.0.0.1,port={port};urp;"]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", "env", f"HOME={self.tmp}", *cmd]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=self._log,
                                     stderr=subprocess.STDOUT, start_new_session=True, env=env)
        self.starts += 1
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + CONNECT_TIMEOUT
        last = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise OfficeError(f"soffice exited with status {self.proc.returncode} before "
                                  f"accepting connections\n{self.log_tail()}")
            try:
                self.ctx = resolver.resolve(
                    f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                self.smgr = self.ctx.ServiceManager
                self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop",
                                                                   self.ctx)
                return
            except Exception as e:  # NoConnectException while it starts
                last = e
                time.sleep(0.25)
        self._kill()
        raise OfficeError(f"no connection to soffice on port {port} after {CONNECT_TIMEOUT:.0f} s "
                          f"({last})\n{self.log_tail()}")

    def stop(self):
        if self.proc is None:
            return
        if self.proc.poll() is None and self.desktop is not None:
            try:
                for comp in list(_iterate(self.desktop.getComponents())):
                    try:
                        comp.close(True)
                    except Exception:
                        pass
                self.desktop.terminate()
            except Exception:
                pass  # the bridge goes away while the office quits: expected
        try:
            self.proc.wait(timeout=SHUTDOWN_TIMEOUT)
        except subprocess.TimeoutExpired:
            self._kill()
        self.proc = self.ctx = self.smgr = self.desktop = None

    def _kill(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=5)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait(timeout=5)

    def restart(self):
        self.stop()
        self.start()

    # --- extensions ---------------------------------------------------------------------------

    def extension_manager(self):
        return self.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")

    def install_extension(self, oxt_path, restart=True):
        """Installs an .oxt for the profile's user, checks it is registered, restarts the office
        (Calc builds its add-in list once per process). Returns the extension's identifier."""
        if not os.path.isfile(oxt_path):
            raise OfficeError(f"no extension at {oxt_path}")
        mgr = self.extension_manager()
        env = _Approve()
        abort = mgr.createAbortChannel()
        try:
            pkg = mgr.addExtension(url(oxt_path), (), "user", abort, env)
        except Exception as e:
            raise OfficeError(f"addExtension({oxt_path}) failed: {e}; requests seen: {env.requests}"
                              f"\n{self.log_tail()}")
        if pkg is None:
            raise OfficeError(f"addExtension({oxt_path}) returned nothing; requests: {env.requests}")
        ident = pkg.getIdentifier().Value
        states = _registration(mgr, pkg, env)
        bad = [f"{name}: {state}" for name, state in states if state not in ("yes", "n/a")]
        if bad:
            raise OfficeError(f"extension {ident} installed but not registered: {bad} "
                              f"(requests: {env.requests})\n{self.log_tail()}")
        self.last_registration = states
        if restart:
            self.restart()
        return ident

    def registered_extensions(self):
        """[(identifier, [(item, 'yes'|'no'|'n/a'|'ambiguous'), ...])] for the user's extensions."""
        mgr = self.extension_manager()
        env = _Approve()
        return [(pkg.getIdentifier().Value, _registration(mgr, pkg, env))
                for pkg in mgr.getDeployedExtensions("user", mgr.createAbortChannel(), env)]

    # --- documents ----------------------------------------------------------------------------

    def create(self, kind="scalc"):
        return self.desktop.loadComponentFromURL(f"private:factory/{kind}", "_blank", 0,
                                                 props(Hidden=True))

    def load(self, path):
        doc = self.desktop.loadComponentFromURL(url(path), "_blank", 0, props(Hidden=True))
        if doc is None:
            raise OfficeError(f"could not load {path}\n{self.log_tail()}")
        return doc

    @staticmethod
    def store(doc, path, filter_name=ODS):
        doc.storeToURL(url(path), props(FilterName=filter_name, Overwrite=True))

    @staticmethod
    def close(doc):
        try:
            doc.close(True)
        except Exception:
            pass

    def function_descriptions(self):
        """[{Name, Description, Category, Id, Arguments: [(name, description, optional)]}] for
        every function Calc knows, names as shown in the UI language."""
        fd = self.smgr.createInstanceWithContext("com.sun.star.sheet.FunctionDescriptions",
                                                 self.ctx)
        out = []
        for i in range(fd.getCount()):
            d = {p.Name: p.Value for p in fd.getByIndex(i)}
            d["Arguments"] = [(a.Name, a.Description, a.IsOptional) for a in (d.get("Arguments") or ())]
            out.append(d)
        return out


def _registration(mgr, pkg, env):
    """Registration state of an extension and of each item in it (libraries, .rdb, .xcu)."""
    def state(p):
        r = p.isRegistered(mgr.createAbortChannel(), env)
        if not r.IsPresent:
            return "n/a"  # nothing to register
        if r.Value.IsAmbiguous:
            return "ambiguous"
        return "yes" if r.Value.Value else "no"

    out = [(pkg.getName() or pkg.getIdentifier().Value, state(pkg))]
    for item in pkg.getBundle(mgr.createAbortChannel(), env) or ():
        out.append((item.getName(), state(item)))
    return out


def _iterate(enum_access):
    e = enum_access.createEnumeration()
    while e.hasMoreElements():
        yield e.nextElement()


# --- sheet helpers (small ranges) -------------------------------------------------------------

def sheet(doc, index=0):
    return doc.Sheets.getByIndex(index)


def recalc(doc):
    doc.calculateAll()


def read(sheet_, rng):
    """getDataArray of an A1 range: tuples of float/str ('' for empty)."""
    return sheet_.getCellRangeByName(rng).getDataArray()


def write(sheet_, rng, rows):
    sheet_.getCellRangeByName(rng).setDataArray(tuple(tuple(r) for r in rows))


def write_formulas(sheet_, rng, rows):
    sheet_.getCellRangeByName(rng).setFormulaArray(tuple(tuple(r) for r in rows))


def cell(sheet_, name):
    return sheet_.getCellRangeByName(name)


def cell_value(c):
    """The result of a cell as Python: float, str, or ('error', code) for an error."""
    from com.sun.star.table.CellContentType import FORMULA, TEXT, VALUE
    t = c.getType()
    if t == FORMULA:
        if c.getError():
            return ("error", c.getError())
        rt = c.FormulaResultType2
        # FormulaResult constants: VALUE=1, STRING=2, ERROR=4
        if rt == 2:
            return c.getString()
        return c.getValue()
    if t == VALUE:
        return c.getValue()
    if t == TEXT:
        return c.getString()
    return None


def close(doc):
    Office.close(doc)


class WhileRunning(unohelper.Base, XUndoManagerListener):
    """An undo-manager listener whose `during()` runs once, when the command adds its undo action:
    the command is still running then, and the bridge runs what `during()` calls on the office's
    thread that waits, where a click during the progress bar's rescheduling would land."""
    def __init__(self):
        self.seen = []

    def during(self):
        raise NotImplementedError

    def undoActionAdded(self, event):
        if not self.seen:
            self.seen.append(self.during())

    def _ignore(self, *args):
        pass
    actionUndone = actionRedone = allActionsCleared = redoActionsCleared = resetAll = _ignore
    enteredContext = enteredHiddenContext = leftContext = leftHiddenContext = cancelledContext = _ignore
    disposing = _ignore


class Report:
    """What a test script prints: a line per check, then "N passed, M failed" (ctest reads the
    exit status; the closing line is for a person and for CI's log). quiet=True prints a passing
    check only when verbose."""

    def __init__(self, verbose=False):
        self.passed = self.failed = 0
        self.verbose = verbose
        self.started = time.monotonic()

    def check(self, name, ok, detail="", quiet=False):
        if ok:
            self.passed += 1
            if not quiet or self.verbose:
                print(f"PASS {name}")
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""))
        return ok

    def finish(self):
        """Prints the closing line; the exit status: 0 only when something passed and nothing failed."""
        print(f"{self.passed} passed, {self.failed} failed ({time.monotonic() - self.started:.1f} s)")
        return 0 if self.failed == 0 and self.passed > 0 else 1
