#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The shipped JSON Schema is the one Convene's field tables make, and real
exports of both kinds (and the sample programme) are valid against it, checked
with a real validator (python3-jsonschema)."""
import json
import os
import subprocess
import sys
import tempfile

from jsonschema import Draft202012Validator

schema_tool, convene, generate, schema_path, sample_path = sys.argv[1:6]

shipped = json.load(open(schema_path, encoding="utf-8"))
made = json.loads(subprocess.run([schema_tool], check=True, capture_output=True, text=True).stdout)
assert shipped == made, "data/convene-programme.schema.json is out of date: run convene-schema > it"
Draft202012Validator.check_schema(shipped)
validator = Draft202012Validator(shipped)


def check(path):
    document = json.load(open(path, encoding="utf-8"))
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for e in errors[:10]:
        print(f"{path}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
    assert not errors, f"{path} does not match the schema"
    return document


check(sample_path)
with tempfile.TemporaryDirectory() as folder:
    db = os.path.join(folder, "convene.db")
    env = dict(os.environ, GSETTINGS_BACKEND="memory")
    subprocess.run([generate, "--stakeholders", "300", "--sessions", "20", "--actions", "60",
                    "--conversations", "10", db], check=True, capture_output=True)
    listing = subprocess.run([convene, "--database", db, "--list-programmes"], check=True,
                             capture_output=True, text=True, env=env).stdout
    programme = listing.split("\t")[0]
    for kind in ("partner", "full"):
        out = os.path.join(folder, kind + ".json")
        args = [convene, "--database", db, "--export", programme, out] + (["--full"] if kind == "full" else [])
        subprocess.run(args, check=True, env=env)
        document = check(out)
        assert document["export_kind"] == kind
        assert ("conversations" in document) == (kind == "full")
print("ok: schema up to date; sample, partner and full exports valid")
