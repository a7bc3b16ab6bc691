#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The "You said, we did" PDF can be published as it is: poppler reads it as
tagged, with its title, author, subject and language; its structure has the headings
and every quote in reading order (the themes as the review orders them, the
quotes numbered 1, 2, 3… as lists); each theme is a bookmark. In Welsh too."""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

convene, sample_path = sys.argv[1:3]


def run(*args, env=None):
    return subprocess.run(args, check=True, capture_output=True, text=True, env=env).stdout


with tempfile.TemporaryDirectory() as folder:
    database = os.path.join(folder, "sample.db")
    run(convene, "--database", database, "--import", sample_path)
    db = sqlite3.connect(database)
    # The session whose review holds most: the latest one.
    session_id, session_title = db.execute(
        "SELECT id, title FROM session ORDER BY starts_at DESC LIMIT 1").fetchone()
    programme = db.execute("SELECT name FROM programme").fetchone()[0]

    for language, lang_tag, title_start in (("en", "en-GB", "You said, we did: "),
                                            ("cy", "cy", "Dywedoch chi, gwnaethom ni: ")):
        pdf = os.path.join(folder, f"review-{language}.pdf")
        env = dict(os.environ, LANG="C.UTF-8", LANGUAGE=language)
        run(convene, "--database", database, f"--review={session_id}", f"--pdf={pdf}", env=env)

        info = run("pdfinfo", pdf)
        fields = dict(re.findall(r"^([A-Za-z ]+):\s*(.*)$", info, re.M))
        assert fields.get("Tagged") == "yes", info
        assert fields.get("Title") == title_start + session_title, info
        assert fields.get("Author") == programme, info
        # The subject says which period the review covers.
        assert fields.get("Subject"), info
        data = open(pdf, "rb").read()
        assert re.search(rb"/Type /Catalog[^\n]*(\n[^\n]*)*?\n\s*/Lang \(" + lang_tag.encode() + rb"\)", data), \
            f"no /Lang ({lang_tag}) in the catalogue"

        struct = run("pdfinfo", "-struct-text", pdf)
        # Poppler warns on stderr about a malformed structure; there must be none.
        warnings = subprocess.run(["pdfinfo", "-struct", pdf], capture_output=True, text=True).stderr
        assert warnings == "", warnings
        lines = [line.rstrip() for line in struct.splitlines()]
        assert lines[0] == "Document", lines[:3]
        tags = [(len(line) - len(line.lstrip()), line.strip()) for line in lines]

        # The headings, in order: the title first, then a theme (H2), each
        # with its "YOU SAID" / "WE DID" / "STILL OPEN" parts (H3).
        headings = [t.split()[0] for _, t in tags if re.match(r"H[1-3] ", t)]
        assert headings[0] == "H1", headings
        assert headings.count("H1") == 1, headings
        assert "H2" in headings and "H3" in headings, headings
        assert headings.index("H2") < headings.index("H3"), headings

        # Every quote, in order, as an item of a list under its heading.
        texts = []
        for i, (depth, tag) in enumerate(tags):
            if tag.startswith("LI"):
                assert tags[i - 1][1].startswith(("L ", "LI")) or tags[i - 1][0] > depth, tags[i - 1]
                texts.append(tags[i + 1][1].strip('"'))
        numbers = [int(m.group(1)) for m in (re.match(r"(\d+)\. “", t) for t in texts) if m]
        assert numbers == list(range(1, len(numbers) + 1)) and numbers, texts

        # The text reads in the order it is printed, no word cut short.
        text = " ".join(run("pdftotext", pdf, "-").split())
        position = 0
        for quote in texts:
            found = text.find(" ".join(quote.split()), position)
            assert found >= 0, f"“{quote}” is not where it belongs in the text"
            position = found

        # A bookmark for the title and one for each theme.
        outline_items = len(re.findall(rb"/Parent \d+ 0 R", data))
        assert outline_items >= headings.count("H2") + 1, outline_items

print("review PDF: tagged, titled, in its language, in reading order")
