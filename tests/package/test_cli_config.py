#!/usr/bin/python3
"""pegkit-check --config FILE on the real sample: the file's settings apply, the command line wins
over them, and a bad file is refused (exit 2) naming the line.

  /usr/bin/python3 tests/package/test_cli_config.py --cli build/pegkit-check --sample ../shared/data/peg-2020-cm-venezia.tsv
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
from lo import Report  # noqa: E402

# (case, config file text or None for a missing file, extra arguments, exit status, plan year
#  read for the sample's sheet, text expected on stderr)
CASES = [
    ("no setting: the sheet's own year", "# only a comment\n\n", [], 1, 2020, ""),
    ("plan-year from the file", "plan-year = 2019\n", [], 1, 2019, ""),
    ("plan-year = sheet", "plan-year = sheet\nmax-notes = 50\n", [], 1, 2020, ""),
    ("rule and comment", "rule = cap=1.2; late=30   # over-achievement\n", [], 1, 2020, ""),
    ("the command line wins", "plan-year = 2019\n", ["--plan-year", "2021"], 1, 2021, ""),
    ("bad rule", "plan-year = 2020\nrule = cap=abc\n", [], 2, None, "line 2: rule:"),
    ("unknown key", "year = 2020\n", [], 2, None, "line 1: unknown setting 'year'"),
    ("bad year", "plan-year = 20x0\n", [], 2, None, "line 1: plan-year must be"),
    ("negative notes", "max-notes = -1\n", [], 2, None, "line 1: max-notes"),
    ("no '='", "plan-year 2020\n", [], 2, None, "line 1: expected 'key = value'"),
    ("missing file", None, [], 2, None, "cannot read"),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--sample", required=True)
    args = ap.parse_args()
    r = Report()
    with tempfile.TemporaryDirectory() as tmp:
        for case, text, extra, status, year, stderr_has in CASES:
            path = os.path.join(tmp, "pegkit.conf")
            if os.path.exists(path):
                os.remove(path)
            if text is not None:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
            run = subprocess.run([args.cli, "--json", "--config", path, *extra, args.sample],
                                 capture_output=True, text=True, timeout=120)
            ok = run.returncode == status and stderr_has in run.stderr
            detail = f"exit {run.returncode}, stderr {run.stderr.strip()[:200]!r}"
            if ok and year is not None:
                sheets = json.loads(run.stdout)["files"][0]["sheets"]
                ok = sheets[0]["plan_year"] == year
                detail = f"plan year read: {sheets[0]['plan_year']}"
            r.check(f"--config, {case}", ok, detail)
    return r.finish()


if __name__ == "__main__":
    sys.exit(main())
