#!/usr/bin/python3
"""Checks publiccode.yml against the mandatory keys and value rules of the publiccode.yml standard
(core schema, version 0.4: publiccodeyml/publiccode.yml docs/standard/schema.core.rst), and that
softwareVersion is the CMake project version. First it checks itself: each broken variant in
BROKEN must be refused, or the checker could not fail.

  /usr/bin/python3 tests/package/check_publiccode.py publiccode.yml --version 0.1.0
"""
import argparse
import copy
import re
import sys

import yaml

VERSIONS = {"0.4"}
DEVELOPMENT_STATUS = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPES = {"standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web",
                  "standalone/backend", "standalone/other", "addon", "library", "configurationFiles"}
MAINTENANCE = {"internal", "contract", "community", "none"}
PLATFORMS = {"web", "windows", "mac", "linux", "ios", "android"}
# docs/standard/categories-list.rst
CATEGORIES = set("""accounting agile-project-management applicant-tracking application-development
appointment-scheduling backup billing-and-invoicing blog budgeting business-intelligence
business-process-management cad call-center-management cloud-management collaboration communications
compliance-management contact-management content-management crm customer-service-and-support
data-analytics data-collection data-visualization design design-system digital-asset-management
digital-citizenship document-management donor-management e-commerce e-signature educational-content
email-management email-marketing employee-management enterprise-project-management
enterprise-social-networking erp event-management facility-management feedback-and-reviews-management
financial-reporting fleet-management fundraising gamification geographic-information-systems
grant-management graphic-design help-desk hr ide identity-management instant-messaging
inventory-management it-asset-management it-development it-management it-security
it-service-management knowledge-management learning-management-system marketing mind-mapping
mobile-marketing mobile-payment network-management office online-booking online-community
payment-gateway payroll predictive-analysis procurement productivity-suite project-collaboration
project-management property-management real-estate-management remote-support resource-management
sales-management seo service-desk social-media-management survey talent-management task-management
taxes-management test-management time-management time-tracking translation video-conferencing
video-editing visitor-management voip warehouse-management web-collaboration web-conferencing
website-builder whistleblowing workflow-management""".split())
# docs/standard/scope-list.rst
SCOPES = set("""agriculture culture defence education emergency-services employment energy environment
finance-and-economic-development foreign-affairs healthcare infrastructures justice local-authorities
manufacturing research science-and-technology security society sport tourism transportation
welfare""".split())
# The SPDX identifiers an open-source catalogue entry may plausibly use here; extend as needed.
SPDX = {"EUPL-1.2", "EUPL-1.1", "AGPL-3.0-or-later", "AGPL-3.0-only", "GPL-3.0-or-later", "GPL-3.0-only",
        "GPL-2.0-or-later", "LGPL-3.0-or-later", "LGPL-2.1-or-later", "MPL-2.0", "Apache-2.0", "MIT",
        "BSD-3-Clause", "BSD-2-Clause"}
BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def problems(doc, version):
    """Every rule the document breaks, as readable lines; empty when it conforms."""
    out = []

    def need(cond, what):
        if not cond:
            out.append(what)
        return cond

    if not need(isinstance(doc, dict), "the document is not a mapping"):
        return out
    need(doc.get("publiccodeYmlVersion") in VERSIONS,
         f"publiccodeYmlVersion must be a string in {sorted(VERSIONS)}")
    need(isinstance(doc.get("name"), str) and doc["name"].strip(), "name is mandatory")
    need(isinstance(doc.get("url"), str) and re.match(r"^https?://", doc["url"]), "url must be an http(s) URL")
    plats = doc.get("platforms")
    plats = [plats] if isinstance(plats, str) else plats
    need(isinstance(plats, list) and plats and all(isinstance(p, str) for p in plats), "platforms is mandatory")
    cats = doc.get("categories")
    if need(isinstance(cats, list) and cats, "categories is mandatory (a list)"):
        for c in cats:
            need(c in CATEGORIES, f"category {c!r} is not in the standard's list")
    need(doc.get("developmentStatus") in DEVELOPMENT_STATUS, "developmentStatus has no allowed value")
    need(doc.get("softwareType") in SOFTWARE_TYPES, "softwareType has no allowed value")
    for scope in (doc.get("intendedAudience") or {}).get("scope", []):
        need(scope in SCOPES, f"intendedAudience/scope {scope!r} is not in the standard's list")
    need("it" not in doc, "the 'it' section is deprecated (0.4 uses the 'IT' country section)")
    if "releaseDate" in doc:
        need(DATE.match(str(doc["releaseDate"])), "releaseDate must be YYYY-MM-DD")
    need(doc.get("softwareVersion") == version, f"softwareVersion must be the project version {version}")

    desc = doc.get("description")
    if need(isinstance(desc, dict) and desc, "description needs at least one language"):
        for lang, d in desc.items():
            need(BCP47.match(str(lang)), f"description/{lang}: not a BCP 47 tag")
            if not need(isinstance(d, dict), f"description/{lang} is not a mapping"):
                continue
            short = d.get("shortDescription")
            need(isinstance(short, str) and 0 < len(short.strip()) <= 150,
                 f"description/{lang}/shortDescription is mandatory, at most 150 characters")
            long_ = d.get("longDescription")
            need(isinstance(long_, str) and 150 <= len(long_) <= 10000,
                 f"description/{lang}/longDescription must have 150 to 10000 characters")
            feats = d.get("features")
            need(isinstance(feats, list) and feats and all(isinstance(f, str) and f.strip() for f in feats),
                 f"description/{lang}/features must be a non-empty list")

    lic = (doc.get("legal") or {}).get("license")
    need(lic in SPDX, f"legal/license must be an SPDX identifier (got {lic!r})")

    m = doc.get("maintenance")
    if need(isinstance(m, dict) and m.get("type") in MAINTENANCE, "maintenance/type has no allowed value"):
        if m["type"] in ("internal", "community"):
            contacts = m.get("contacts")
            need(isinstance(contacts, list) and contacts and all(isinstance(c, dict) and c.get("name")
                                                                 for c in contacts),
                 "maintenance/contacts with a name each is mandatory for internal or community maintenance")
        if m["type"] == "contract":
            cs = m.get("contractors")
            need(isinstance(cs, list) and cs and all(isinstance(c, dict) and c.get("name") and
                                                     DATE.match(str(c.get("until", ""))) for c in cs),
                 "maintenance/contractors with name and until (YYYY-MM-DD) is mandatory for contract maintenance")

    loc = doc.get("localisation")
    if need(isinstance(loc, dict), "localisation is mandatory"):
        need(isinstance(loc.get("localisationReady"), bool), "localisation/localisationReady must be a boolean")
        langs = loc.get("availableLanguages")
        need(isinstance(langs, list) and langs and all(BCP47.match(str(x)) for x in langs),
             "localisation/availableLanguages must list BCP 47 tags")
    return out


def broken_variants(doc):
    """(what is broken, document) pairs the checker must refuse."""
    def variant(change):
        d = copy.deepcopy(doc)
        change(d)
        return d
    first = next(iter(doc["description"]))
    return [
        ("no name", variant(lambda d: d.pop("name"))),
        ("version as a number", variant(lambda d: d.update(publiccodeYmlVersion=0.4))),
        ("unknown category", variant(lambda d: d.update(categories=["spreadsheets"]))),
        ("bad softwareType", variant(lambda d: d.update(softwareType="plugin"))),
        ("deprecated it section", variant(lambda d: d.update(it={"conforme": {}}))),
        ("short longDescription", variant(lambda d: d["description"][first].update(longDescription="Breve."))),
        ("long shortDescription", variant(lambda d: d["description"][first].update(shortDescription="x" * 151))),
        ("no features", variant(lambda d: d["description"][first].pop("features"))),
        ("no licence", variant(lambda d: d["legal"].pop("license"))),
        ("community without contacts", variant(lambda d: d["maintenance"].update(type="community", contacts=[]))),
        ("contract without contractors", variant(lambda d: d["maintenance"].update(type="contract"))),
        ("localisationReady as text", variant(lambda d: d["localisation"].update(localisationReady="yes"))),
        ("other version", variant(lambda d: d.update(softwareVersion="9.9.9"))),
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--version", required=True, help="the CMake project version")
    args = ap.parse_args()
    with open(args.file, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    passed = failed = 0
    for what, bad in broken_variants(doc):
        if problems(bad, args.version):
            passed += 1
        else:
            failed += 1
            print(f"FAIL the checker accepts a broken file: {what}")
    found = problems(doc, args.version)
    for p in found:
        print(f"FAIL {args.file}: {p}")
    if not found:
        passed += 1
        print(f"PASS {args.file} has every mandatory key of publiccode.yml 0.4 and valid values")
    failed += len(found)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
