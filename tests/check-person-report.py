#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""convene --person-report writes everything about one person: the JSON is
valid against data/convene-person-report.schema.json (which refers to the
programme schema's records) and has every section filled for a person linked
to each kind of record; the PDF's text names their sessions and actions, and
the PDF can be handed over as it is: tagged, with its title, author, subject
and language, in English and in Welsh.
A person who does not exist, an organisation and an unknown extension are
refused with nothing written."""
import json
import os
import re
import pathlib
import subprocess
import sys
import tempfile

from jsonschema import Draft202012Validator, RefResolver

convene, fixture, report_schema_path, programme_schema_path = sys.argv[1:5]
PERSON = "7a1c1600-0000-4000-8000-000000000003"
ORGANISATION = "7a1c1600-0000-4000-8000-000000000002"

report_schema = json.load(open(report_schema_path, encoding="utf-8"))
programme_schema = json.load(open(programme_schema_path, encoding="utf-8"))
Draft202012Validator.check_schema(report_schema)
# The report's records refer to the programme schema beside it by its file name.
base = pathlib.Path(report_schema_path).resolve().as_uri()
resolver = RefResolver(base, report_schema,
                       store={pathlib.Path(programme_schema_path).resolve().as_uri(): programme_schema})
validator = Draft202012Validator(report_schema, resolver=resolver)

with tempfile.TemporaryDirectory() as folder:
    db = os.path.join(folder, "convene.db")
    env = dict(os.environ, GSETTINGS_BACKEND="memory")
    run = lambda *args, **kw: subprocess.run([convene, "--database", db, *args], env=env,
                                             capture_output=True, text=True, **kw)
    run("--import", fixture, check=True)

    out_json = os.path.join(folder, "amira.json")
    out_pdf = os.path.join(folder, "amira.pdf")
    run("--person-report", PERSON, out_json, check=True)
    run("--person-report", PERSON, out_pdf, check=True)

    report = json.load(open(out_json, encoding="utf-8"))
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
    for e in errors[:10]:
        print(f"{'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
    assert not errors, "the person report does not match its schema"

    # The validator does look inside the programme schema's records.
    broken = json.loads(json.dumps(report))
    broken["sessions"][0]["attendance"]["status"] = "maybe"
    broken["person"]["created_at"] = "yesterday"
    assert len(list(validator.iter_errors(broken))) == 2, "the schema did not catch a broken report"

    assert report["person"]["name"] == "Amira Patel"
    assert report["person"]["email"] == "amira@example.org"
    # Written before consent had purposes: given on its date, for contact,
    # reviewed two years on, and that giving is the first line of its history.
    assert report["person"]["consent_purposes"] == ["invitations", "newsletters"]
    assert report["person"]["consent_review_on"] == "2027-01-02"
    given = report["consent"][0]
    assert given["kind"] == "given" and given["happened_on"] == "2025-01-02", given
    assert given["purposes"] == ["invitations", "newsletters"] and given["review_on"] == "2027-01-02"
    assert [o["name"] for o in report["organisations"]] == ["Riverside Care"]
    sessions = {s["session"]["title"]: s for s in report["sessions"]}
    assert sessions["Quarterly meeting"]["attendance"]["status"] == "attended"
    assert sessions["Carers evening"]["facilitated"] is True
    assert report["contributions"][0]["contribution"]["text"] == "Visits are too short to talk"
    assert report["contributions"][0]["theme_names"] == ["Time to talk"]
    assert report["actions"][0]["action"]["title"] == "Longer first visits"
    assert report["actions"][0]["updates"][0]["text"] == "Rota drafted with the agency"
    for entry in [report["person"], *report["organisations"]]:
        assert entry["created_at"] and entry["updated_at"]

    text = " ".join(subprocess.run(["pdftotext", out_pdf, "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    for needle in ["Amira Patel", "amira@example.org", "07700 900456", "Quarterly meeting", "Carers evening",
                   "Visits are too short to talk", "Longer first visits", "Rota drafted with the agency",
                   "Riverside Care", "Details", "Consent History", "Given on", "Covers: Invitations, Newsletters",
                   "Organisations", "Sessions", "Actions They Own"]:
        assert needle in text, f"the PDF does not say “{needle}”"

    # Accessible as a document: poppler reads it as tagged, with its metadata.
    programme = report["programme"]["name"]
    for language, lang_tag, title in (("en", "en-GB", "Everything Convene holds about Amira Patel"),
                                      ("cy", "cy", None)):
        pdf = os.path.join(folder, f"amira-{language}.pdf")
        subprocess.run([convene, "--database", db, "--person-report", PERSON, pdf], check=True,
                       env=dict(env, LANG="C.UTF-8", LANGUAGE=language), capture_output=True)
        info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
        fields = dict(re.findall(r"^([A-Za-z ]+):\s*(.*)$", info, re.M))
        assert fields.get("Tagged") == "yes", info
        assert fields.get("Author") == programme, info
        assert fields.get("Subject", "").startswith(programme + " · "), info
        if title is not None:
            assert fields.get("Title") == title, info
        else:
            # The Welsh title is the Welsh heading, not the English one.
            assert fields.get("Title") and "Amira Patel" in fields["Title"], info
            assert fields["Title"] != "Everything Convene holds about Amira Patel", info
        data = open(pdf, "rb").read()
        assert re.search(rb"/Lang \(" + lang_tag.encode() + rb"\)", data), f"no /Lang ({lang_tag}) in {pdf}"
        warnings = subprocess.run(["pdfinfo", "-struct", pdf], capture_output=True, text=True).stderr
        assert warnings == "", warnings
        struct = subprocess.run(["pdfinfo", "-struct-text", pdf], check=True, capture_output=True,
                                text=True).stdout
        assert struct.splitlines()[0] == "Document" and "H1" in struct and "H2" in struct, struct[:500]

    for args, message in [((ORGANISATION, os.path.join(folder, "o.json")), "not a person"),
                          (("7a1c1600-0000-4000-8000-0000000000ff", os.path.join(folder, "x.json")), ""),
                          ((PERSON, os.path.join(folder, "amira.txt")), ".pdf")]:
        result = run("--person-report", *args)
        assert result.returncode != 0, f"{args} was accepted"
        assert message in result.stderr, result.stderr
        assert not os.path.exists(args[1]), f"{args[1]} was written"
print("ok: person report valid, every section present, PDF names sessions and actions")
