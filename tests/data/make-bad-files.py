#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes tests/data/bad/*.json: programme files that are wrong in one way each,
and bad/EXPECTED, the words each error message must contain.

Run it again after changing a case; test-exchange reads what it wrote."""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "bad")

P = "7a1c0000-0000-4000-8000-000000000001"
ORG = "7a1c0000-0000-4000-8000-000000000002"
PERSON = "7a1c0000-0000-4000-8000-000000000003"
SESSION = "7a1c0000-0000-4000-8000-000000000004"
THEME = "7a1c0000-0000-4000-8000-000000000005"
T = "2024-01-01T10:00:00Z"


def stamp(d, i):
    return dict({"id": i, "created_at": T, "updated_at": T}, **d)


BASE = {
    "format": "convene-programme",
    "format_version": 1,
    "exported_at": "2024-01-02T10:00:00Z",
    "generator": {"name": "Convene", "version": "0.1.0"},
    "export_kind": "full",
    "programme": stamp({"name": "Bad file check", "locality": "Testshire", "aim": None,
                        "start_on": "2024-01-01", "status": "active"}, P),
    "stakeholders": [
        stamp({"programme_id": P, "kind": "organisation", "name": "Riverside Care"}, ORG),
        stamp({"programme_id": P, "kind": "person", "name": "Amira Patel", "organisation_id": ORG,
               "email": "amira@example.org", "tags": ["carer"]}, PERSON),
    ],
    "sessions": [
        stamp({"programme_id": P, "title": "Quarterly meeting", "kind": "workshop",
               "starts_at": "2024-03-01T10:00:00Z", "ends_at": "2024-03-01T12:00:00Z",
               "status": "held"}, SESSION),
    ],
    "themes": [stamp({"programme_id": P, "name": "Financing", "kind": "transactional",
                      "status": "priority"}, THEME)],
    "actions": [
        stamp({"programme_id": P, "title": "Lanyards for care workers", "owner_id": PERSON,
               "due_on": "2024-06-30", "status": "agreed", "themes": [THEME]},
              "7a1c0000-0000-4000-8000-000000000006"),
    ],
}

cases = []


def case(name, expected, change=None, raw=None):
    cases.append((name, expected, change, raw))


def mutate(path_fn):
    def change(doc):
        path_fn(doc)
        return doc
    return change


# Not a Convene file at all
case("empty", "empty", raw=b"")
case("not-json", "not valid JSON", raw=b"These are my meeting notes.\n")
case("truncated", "not valid JSON", raw=json.dumps(BASE).encode()[:300])
case("invalid-utf8", "not UTF-8", raw=b'{"format": "convene-programme", "name": "\xff\xfe"}')
case("zero-byte", "zero byte", raw=b'{"format": "convene\x00-programme"}')
case("array-root", "not an object", raw=b"[1, 2, 3]")
case("string-root", "not an object", raw=b'"convene-programme"')
case("wrong-format", "not a Convene programme file", mutate(lambda d: d.update(format="spreadsheet")))
case("missing-format", "not a Convene programme file", mutate(lambda d: d.pop("format")))
case("newer-version", "format_version 9 is newer than this Convene understands (1)",
     mutate(lambda d: d.update(format_version=9)))
case("version-text", "format_version", mutate(lambda d: d.update(format_version="1")))
case("version-zero", "format_version", mutate(lambda d: d.update(format_version=0)))
case("bad-exported-at", "exported_at", mutate(lambda d: d.update(exported_at="yesterday")))
case("bad-kind", "export_kind", mutate(lambda d: d.update(export_kind="secret")))
case("unknown-section", "surveys: is not part", mutate(lambda d: d.update(surveys=[])))
case("missing-programme", "programme: is missing", mutate(lambda d: d.pop("programme")))
case("programme-not-object", "programme: must be an object", mutate(lambda d: d.update(programme=[1])))
case("programme-empty-name", "programme.name: must not be empty",
     mutate(lambda d: d["programme"].update(name="")))
case("section-not-list", "stakeholders: must be a list", mutate(lambda d: d.update(stakeholders={"a": 1})))
case("record-not-object", "stakeholders[0]: must be an object",
     mutate(lambda d: d["stakeholders"].__setitem__(0, "Riverside")))
case("bad-uuid", "sessions[0].id: not a UUID", mutate(lambda d: d["sessions"][0].update(id="session-1")))
case("missing-id", "themes[0].id: not a UUID", mutate(lambda d: d["themes"][0].pop("id")))
case("bad-created-at", "created_at", mutate(lambda d: d["sessions"][0].update(created_at="2024-01-01")))
case("local-updated-at", "updated_at", mutate(lambda d: d["sessions"][0].update(updated_at="2024-01-01T10:00:00+01:00")))
case("impossible-date", 'actions[0].due_on: “2024-02-30” is not a date',
     mutate(lambda d: d["actions"][0].update(due_on="2024-02-30")))
case("date-as-number", "actions[0].due_on: must be text", mutate(lambda d: d["actions"][0].update(due_on=20240630)))
case("bad-datetime", "sessions[0].starts_at", mutate(lambda d: d["sessions"][0].update(starts_at="1 March 2024")))
case("unknown-choice", "is not one of the choices", mutate(lambda d: d["sessions"][0].update(kind="party")))
case("bad-email", "is not an email address", mutate(lambda d: d["stakeholders"][1].update(email="amira@")))
case("bool-as-text", "must be true or false", mutate(lambda d: d["stakeholders"][1].update(consent="yes")))
case("tags-not-list", "stakeholders[1].tags: must be a list",
     mutate(lambda d: d["stakeholders"][1].update(tags="carer")))
case("tag-number", "stakeholders[1].tags[0]: must be text",
     mutate(lambda d: d["stakeholders"][1].update(tags=[7])))
case("theme-not-uuid", "actions[0].themes[0]", mutate(lambda d: d["actions"][0].update(themes=["Financing"])))
case("unknown-field", "stakeholders[0].shoe_size: is not a field",
     mutate(lambda d: d["stakeholders"][0].update(shoe_size=9)))
case("missing-name", "stakeholders[0].name: is missing", mutate(lambda d: d["stakeholders"][0].pop("name")))
case("null-title", "sessions[0].title: must not be empty", mutate(lambda d: d["sessions"][0].update(title=None)))
case("huge-number", "must be a number from -1,000,000,000,000,000 to 1,000,000,000,000,000", mutate(lambda d: d.update(measures=[stamp(
    {"programme_id": P, "name": "Clients", "better": "higher"}, "7a1c0000-0000-4000-8000-000000000007")],
    measure_values=[stamp({"measure_id": "7a1c0000-0000-4000-8000-000000000007", "measured_on": "2024-01-01",
                           "value": 1e300}, "7a1c0000-0000-4000-8000-000000000008")])))
case("huge-integer", "whole number", mutate(lambda d: d.update(guides=[stamp(
    {"title": "Mine", "version": 99999999999999, "builtin": False}, "7a1c0000-0000-4000-8000-000000000009")])))
case("other-programme", "stakeholders[1].programme_id: is not the programme of this file",
     mutate(lambda d: d["stakeholders"][1].update(programme_id="7a1c0000-0000-4000-8000-0000000000ff")))
case("dangling-reference", "actions[0].owner_id: refers to a record that is neither in the file nor in this database",
     mutate(lambda d: d["actions"][0].update(owner_id="7a1c0000-0000-4000-8000-0000000000fe")))
case("duplicate-record", "the same record appears twice", mutate(lambda d: d["themes"].append(copy.deepcopy(d["themes"][0]))))
case("end-before-start", "cannot end before it starts",
     mutate(lambda d: d["sessions"][0].update(ends_at="2024-03-01T09:00:00Z")))
case("done-without-outcome", "say what was done", mutate(lambda d: d["actions"][0].update(status="done")))
case("own-organisation", "cannot be their own organisation",
     mutate(lambda d: d["stakeholders"][1].update(organisation_id=PERSON)))
case("owning-organisation-is-a-person", "actions[0]: Owning organisation: this must be an organisation",
     mutate(lambda d: d["actions"][0].update(organisation_id=PERSON)))
case("duplicate-theme-name", "already exists", mutate(lambda d: d["themes"].append(stamp(
    {"programme_id": P, "name": "FINANCING", "kind": "transactional", "status": "emerging"},
    "7a1c0000-0000-4000-8000-00000000000a"))))
case("partner-with-conversations", "a partner export never holds these", mutate(lambda d: d.update(
    export_kind="partner", conversations=[{"id": "x"}])))
case("partner-names-speaker", "never says who said what", mutate(lambda d: d.update(
    export_kind="partner", contributions=[stamp({"programme_id": P, "session_id": SESSION, "text": "Too short",
                                                 "anonymous": False, "stakeholder_id": PERSON},
                                                "7a1c0000-0000-4000-8000-00000000000b")])))
case("unknown-builtin-guide", "built-in guide", mutate(lambda d: d.update(guides=[
    {"id": "7a1c0000-0000-4000-8000-00000000000c", "builtin": True, "version": 1, "title": "Gone"}])))
case("deep-nesting", "nests more deeply", raw=b'{"format": "convene-programme", "x": ' + b"[" * 200 + b"]" * 200 + b"}")
case("duplicate-key", "appears twice in the same object",
     raw=json.dumps(BASE, indent=1).replace('"format_version": 1,', '"format_version": 1,\n "format_version": 1,').encode())
case("duplicate-key-in-record", "the key “name” appears twice",
     raw=json.dumps(BASE, indent=1).replace('"name": "Riverside Care"', '"name": "Riverside Care", "name": "Other"').encode())
case("anonymous-with-speaker", "anonymous contribution cannot name", mutate(lambda d: d.update(
    contributions=[stamp({"programme_id": P, "session_id": SESSION, "text": "Too short",
                          "anonymous": True, "stakeholder_id": PERSON}, "7a1c0000-0000-4000-8000-00000000000d")])))
# Escapes that the JSON parser would turn into something other than the text
GOOD = json.dumps(BASE, indent=1, ensure_ascii=False)
case("lone-surrogate", "Line 35: a text holds “\\ud800”, half of a character",
     raw=GOOD.replace('"Amira Patel"', '"Amira \\ud800Patel"').encode())
case("lone-low-surrogate", "“\\udc00”, half of a character without its other half",
     raw=GOOD.replace('"Amira Patel"', '"Amira \\udc00"').encode())
case("surrogate-then-text", "(a lone surrogate)",
     raw=GOOD.replace('"Amira Patel"', '"\\ud83d\\u0041"').encode())
case("escaped-nul", "escaped zero character",
     raw=GOOD.replace('"Riverside Care"', '"Riverside\\u0000 Care"').encode())
case("escaped-nul-in-id", "escaped zero character",
     raw=GOOD.replace(f'"id": "{SESSION}"', f'"id": "{SESSION}\\u0000junk"').encode())
case("escaped-duplicate-key", "the key “name” appears twice",
     raw=GOOD.replace('"name": "Riverside Care"', '"name": "Riverside Care", "n\\u0061me": "Other"').encode())
case("whitespace-only", "The file is empty", raw=b"  \n\t\r\n   ")
case("id-of-another-kind", "themes[0].id: another kind of record in the file has the same id",
     mutate(lambda d: d["themes"][0].update(id=PERSON)))

os.makedirs(OUT, exist_ok=True)
for f in os.listdir(OUT):
    os.remove(os.path.join(OUT, f))
lines = []
for name, expected, change, raw in cases:
    data = raw if raw is not None else json.dumps(change(copy.deepcopy(BASE)), indent=1, ensure_ascii=False).encode()
    with open(os.path.join(OUT, name + ".json"), "wb") as f:
        f.write(data)
    lines.append(f"{name}.json\t{expected}")
with open(os.path.join(OUT, "EXPECTED"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
with open(os.path.join(HERE, "good-programme.json"), "w", encoding="utf-8") as f:
    json.dump(BASE, f, indent=1, ensure_ascii=False)
print(len(cases), "bad files")
