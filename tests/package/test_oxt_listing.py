#!/usr/bin/python3
"""The .oxt as a distributor receives it: exactly the expected files, every file the manifest and
description.xml name is inside, one version number (CMake, description.xml, update feed), and the
published update feed in the repository is the one generated from its template.

  /usr/bin/python3 tests/package/test_oxt_listing.py --oxt build/pegkit.oxt \
      --expected tests/package/expected_oxt_listing.txt --version 0.1.0 \
      --feed build/pegkit.update.xml --published-feed extension/update/pegkit.update.xml
"""
import argparse
import os
import sys
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
from lo import Report  # noqa: E402

D = "{http://openoffice.org/extensions/description/2006}"
U = "{http://openoffice.org/extensions/update/2006}"
L = "{http://libreoffice.org/extensions/description/2011}"
XLINK = "{http://www.w3.org/1999/xlink}href"
M = "{http://openoffice.org/2001/manifest}"
C = "{http://openoffice.org/2010/uno-components}"

# Files the office reads only when the manifest names them.
NEEDS_MANIFEST = (".xcu", ".xcs", ".rdb", ".components")


def check_listing(r, names, expected_path):
    with open(expected_path, encoding="utf-8") as f:
        expected = sorted(line.strip() for line in f if line.strip() and not line.startswith("#"))
    extra = sorted(set(names) - set(expected))
    missing = sorted(set(expected) - set(names))
    r.check("oxt holds exactly the expected files", not extra and not missing,
            f"unexpected: {extra}; missing: {missing}")


def check_manifest(r, oxt, names):
    root = ET.fromstring(oxt.read("META-INF/manifest.xml"))
    entries = {e.get(M + "full-path"): e.get(M + "media-type") for e in root.iter(M + "file-entry")}
    for path in entries:
        inside = path in names or any(n.startswith(path.rstrip("/") + "/") for n in names)
        r.check(f"manifest entry {path} is in the oxt", inside)
    for n in names:
        if n.endswith(NEEDS_MANIFEST):
            r.check(f"{n} is in the manifest", n in entries)
    if any(n.startswith("help/") for n in names):
        r.check("help folder registered in the manifest",
                entries.get("help") == "application/vnd.sun.star.help", str(entries.get("help")))
    comps = ET.fromstring(oxt.read("pegkit.components"))
    for c in comps.iter(C + "component"):
        r.check(f"component library {c.get('uri')} is in the oxt", c.get("uri") in names)


def check_description(r, oxt, names, version):
    text = oxt.read("description.xml").decode("utf-8")
    r.check("description.xml has no template placeholder left", "@PEGKIT" not in text and "@PROJECT" not in text)
    root = ET.fromstring(text)
    r.check("description.xml version is the CMake version",
            root.find(D + "version").get("value") == version, root.find(D + "version").get("value"))
    lic = root.findall(f"{D}registration/{D}simple-license/{D}license-text")
    r.check("licence texts in Italian and English", sorted(e.get("lang") for e in lic) == ["en", "it"])
    r.check("licence accepted by each user", root.find(f"{D}registration/{D}simple-license").get("accept-by") == "user")
    for e in lic:
        href = e.get(XLINK)
        ok = href in names and b"EUPL" in oxt.read(href) and len(oxt.read(href)) > 10000
        r.check(f"licence text {href} is the full EUPL", ok)
    desc = root.findall(f"{D}extension-description/{D}src")
    r.check("extension description in Italian and English", sorted(e.get("lang") for e in desc) == ["en", "it"])
    for e in desc:
        r.check(f"description {e.get(XLINK)} is in the oxt", e.get(XLINK) in names)
    for kind in ("default", "high-contrast"):
        icon = root.find(f"{D}icon/{D}{kind}")
        href = icon.get(XLINK) if icon is not None else None
        r.check(f"{kind} icon {href} is a PNG in the oxt",
                href in names and oxt.read(href)[:8] == b"\x89PNG\r\n\x1a\n")
    pubs = root.findall(f"{D}publisher/{D}name")
    r.check("publisher has a web address in both languages",
            len(pubs) == 2 and all((p.get(XLINK) or "").startswith("https://") for p in pubs))
    notes = root.findall(f"{D}release-notes/{D}src")
    r.check("release notes in both languages", sorted(n.get("lang") for n in notes) == ["en", "it"])
    feeds = [s.get(XLINK) for s in root.findall(f"{D}update-information/{D}src")]
    r.check("update-information names a feed", len(feeds) == 1 and feeds[0].startswith("https://"), str(feeds))
    return root.find(D + "identifier").get("value")


def check_feed(r, feed_path, published_path, version, identifier):
    root = ET.parse(feed_path).getroot()
    r.check("update feed version is the CMake version", root.find(U + "version").get("value") == version)
    r.check("update feed names this extension", root.find(U + "identifier").get("value") == identifier)
    dl = root.find(f"{U}update-download/{U}src").get(XLINK)
    r.check("update feed downloads this version's .oxt", f"/v{version}/pegkit.oxt" in dl, dl)
    with open(feed_path, "rb") as a, open(published_path, "rb") as b:
        r.check("published feed in the repository is the generated one (copy build/pegkit.update.xml "
                "to extension/update/ after a version change)", a.read() == b.read())


def main():
    ap = argparse.ArgumentParser()
    for a in ("--oxt", "--expected", "--version", "--feed", "--published-feed"):
        ap.add_argument(a, required=True)
    args = ap.parse_args()
    r = Report()
    with zipfile.ZipFile(args.oxt) as oxt:
        names = [n for n in oxt.namelist() if not n.endswith("/")]
        check_listing(r, names, args.expected)
        check_manifest(r, oxt, names)
        identifier = check_description(r, oxt, names, args.version)
    check_feed(r, args.feed, args.published_feed, args.version, identifier)
    return r.finish()


if __name__ == "__main__":
    sys.exit(main())
