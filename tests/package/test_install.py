#!/usr/bin/python3
"""`cmake --install` into a throwaway prefix installs exactly pegkit.oxt (share/pegkit) and
pegkit-check (bin), and the installed pegkit-check runs from there.

  /usr/bin/python3 tests/package/test_install.py --build build
"""
import argparse
import filecmp
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
from lo import Report  # noqa: E402

EXPECTED = {"bin/pegkit-check", "share/pegkit/pegkit.oxt"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    args = ap.parse_args()
    r = Report()
    with tempfile.TemporaryDirectory() as prefix:
        run = subprocess.run(["cmake", "--install", args.build, "--prefix", prefix],
                             capture_output=True, text=True, timeout=120)
        r.check("cmake --install succeeds", run.returncode == 0, run.stderr[-500:])
        found = {os.path.relpath(os.path.join(d, f), prefix) for d, _, fs in os.walk(prefix) for f in fs}
        r.check("installs exactly pegkit.oxt and pegkit-check", found == EXPECTED, str(sorted(found)))
        oxt = os.path.join(prefix, "share/pegkit/pegkit.oxt")
        r.check("the installed .oxt is the built one",
                os.path.isfile(oxt) and filecmp.cmp(oxt, os.path.join(args.build, "pegkit.oxt"), shallow=False))
        cli = os.path.join(prefix, "bin/pegkit-check")
        if os.path.isfile(cli):
            help_run = subprocess.run([cli, "--help"], capture_output=True, text=True, timeout=60)
            r.check("the installed pegkit-check runs", help_run.returncode == 0 and "--config" in help_run.stdout,
                    help_run.stderr[-300:])
    return r.finish()


if __name__ == "__main__":
    sys.exit(main())
