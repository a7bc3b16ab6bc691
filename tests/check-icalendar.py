#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads Convene's calendar export with a real iCalendar parser (python3-icalendar)."""
import datetime
import subprocess
import sys
import tempfile

from icalendar import Calendar

with tempfile.TemporaryDirectory() as folder:
    path = folder + "/sessions.ics"
    subprocess.run([sys.argv[1], path], check=True)
    raw = open(path, "rb").read()

calendar = Calendar.from_ical(raw)
events = [c for c in calendar.walk() if c.name == "VEVENT"]
# The cancelled session is not upcoming, so two events.
assert len(events) == 2, events
first, second = events
assert str(first["SUMMARY"]) == "Quarterly meeting of the home care collaborative"
assert str(first["LOCATION"]) == "Town Hall, Room 2; ground floor"
assert "Everyone’s voice counts equally." in str(first["DESCRIPTION"])
utc = datetime.timezone.utc
assert first.decoded("DTSTART") == datetime.datetime(2030, 3, 1, 10, 0, tzinfo=utc), first.decoded("DTSTART")
assert first.decoded("DTEND") == datetime.datetime(2030, 3, 1, 12, 0, tzinfo=utc)
assert str(second["SUMMARY"]) == "Cyfarfod y Bwrdd Dinasyddion"
assert "DTEND" not in second
assert str(first["UID"]).endswith("@convene") and first["UID"] != second["UID"]
# Only the person whose consent holds and covers invitations is invited:
# lapsed, withdrawn and newsletter-only consent, apologies and "did not
# attend", are left out.
attendees = first.get("ATTENDEE")
attendees = attendees if isinstance(attendees, list) else [attendees]
assert [str(a) for a in attendees] == ["mailto:ceri@example.org"], attendees
assert str(attendees[0].params["CN"]) == "Ceri Jones, CJ", attendees[0].params
for name in ["lewis", "wyn", "nia", "alun", "aled"]:
    assert name.encode() not in raw, f"{name} was invited"
assert "ATTENDEE" not in second
print("ok: 2 events parsed, one consenting attendee")
