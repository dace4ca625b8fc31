"""pegkit-check on a folder of small PEG workbooks (issue 5): one headless office for the whole
batch. Writes one small .ods through a headless office, copies it N times, then times
`pegkit-check --json DIR` (office start and stop included) and the same folder as .tsv files.
Prints times and files/s; asserts nothing.

usage: /usr/bin/python3 bench/cli_bench.py --cli build/pegkit-check [--files 1000]
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(here, "..", "tests", "integration"))
import lo  # noqa: E402

PEG = [
    ["Obiettivo strategico", "Missione", "CdR", "Obiettivo gestionale PEG", "Indicatore PEG", "Target PEG"],
    ["1 Ente efficiente", "01 - Servizi istituzionali", "50 - Direttore generale", "Report", "Data", "31/12/2020"],
    ["", "", "", "Pratiche", "Tempo medio", "<= 140, 55 giorni"],
    ["", "", "", "Controlli", "Percentuale", ">= 80%"],
    ["", "", "12 Agrondi (Area Lavori pubblici)", "Cantieri", "Avanzamento", "Almeno 3"],
]


def timed(cmd):
    t = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p, time.monotonic() - t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--files", type=int, default=1000)
    args = ap.parse_args()
    cli = os.path.abspath(args.cli)
    with tempfile.TemporaryDirectory(prefix="pegkit-cli-bench-") as tmp:
        ods_dir, tsv_dir = os.path.join(tmp, "ods"), os.path.join(tmp, "tsv")
        os.makedirs(ods_dir)
        os.makedirs(tsv_dir)
        first = os.path.join(ods_dir, "peg-0000.ods")
        with lo.Office() as office:
            doc = office.create()
            lo.write(lo.sheet(doc), f"A1:F{len(PEG)}", PEG)
            lo.Office.store(doc, first, lo.ODS)
            lo.close(doc)
        with open(os.path.join(tsv_dir, "peg-0000.tsv"), "w", encoding="utf-8") as f:
            f.write("\n".join("\t".join(r) for r in PEG) + "\n")
        for i in range(1, args.files):
            shutil.copy(first, os.path.join(ods_dir, f"peg-{i:04d}.ods"))
            shutil.copy(os.path.join(tsv_dir, "peg-0000.tsv"), os.path.join(tsv_dir, f"peg-{i:04d}.tsv"))

        for label, folder in (("ods", ods_dir), ("tsv", tsv_dir)):
            p, seconds = timed([cli, "--json", "--plan-year", "2020", folder])
            if p.returncode not in (0, 1):
                print(f"pegkit-check failed on the {label} folder (status {p.returncode}): {p.stdout[-500:]} {p.stderr[-500:]}")
                return 1
            totals = json.loads(p.stdout)["totals"]
            print(f"pegkit-check {args.files} .{label} files: {seconds:.1f} s, {args.files / seconds:.0f} files/s, "
                  f"office starts {totals['office_starts']}, errors {totals['counts']['error']}")
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(f"peak RSS of a child (pegkit-check or the harness's office): {rss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
