#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the CSV fixtures byte for byte, as the spreadsheets that make such
# files write them (run from this folder; the files are committed).

def write(name, data):
    with open(name, 'wb') as f:
        f.write(data)

# Excel, "CSV UTF-8": a BOM, CRLF, a heading row of its own words.
write('excel-utf8-bom.csv', '\ufeff'.encode('utf-8') + (
    'Full name,Company,E-mail,Telephone,Job title,Sector,Tags,Notes\r\n'
    'Siân Evans,Riverside Care,sian.evans@example.org,01632 960001,Care manager,Social care provider,"carer, Wirral",\r\n'
    'Zoë Ångström,Riverside Care,zoe@example.org,,Nurse,NHS,,Speaks Swedish\r\n'
    'Dafydd ap Gwilym,Menter Iaith,dafydd@example.cymru,,Chair,Voluntary and community,Welsh;rural,\r\n'
).encode('utf-8'))

# Excel's plain "CSV" on Windows: Windows-1252, no BOM.
write('windows-1252.csv', (
    'Name,Organisation,Email,Notes\r\n'
    'René Dupré,Café Santé,rene@example.fr,Budget £250 for travel\r\n'
    'Chloé Martin,Café Santé,chloe@example.fr,\r\n'
).encode('cp1252'))

# LibreOffice or Excel in a country where the comma is the decimal mark.
write('semicolon.csv', (
    'Name;Organization;Email;Phone;Influence;Interest\n'
    'Jo Bloggs;Acme Housing, North;jo@example.org;0161 496 0000;High;Low\n'
    'Sam Smith;;sam@example.org;;medium;HIGH\n'
).encode('utf-8'))

# Copied out of a spreadsheet as text: tab-separated.
write('tab.tsv', (
    'Contact\tEmployer\tMobile\tKind\n'
    'Priya Shah\tNorth Surgery\t07700 900123\tPerson\n'
    'North Surgery\t\t\tOrganisation\n'
).encode('utf-8'))

# Quoted values with separators, doubled quotes and line breaks.
write('embedded.csv', (
    'Name,Organisation,Notes\r\n'
    '"Ann O\'Neill","Smith, Jones & Co","Said ""yes"" at once.\r\nCall after 3pm."\r\n'
    'Bob Brown,,"Two lines\nin a cell"\r\n'
).encode('utf-8'))

# A blank line between rows, and an empty row as separators alone.
write('blank-line.csv', (
    'Name,Email\n'
    'First Person,first@example.org\n'
    '\n'
    ',\n'
    'Second Person,second@\n'
).encode('utf-8'))

# A short row (trailing values left off) and a long one.
write('ragged.csv', (
    'Name,Email,Role\n'
    'Short Row,short@example.org\n'
    'Long Row,long@example.org,Lead,extra\n'
    'Right Row,right@example.org,Member\n'
).encode('utf-8'))

# The headings in another order, and first and last names apart.
write('reordered.csv', (
    'Notes,Email,Surname,First name,Organisation\n'
    'Met at the fair,kay@example.org,Jones,Kay,Age Concern\n'
).encode('utf-8'))

# Rows with problems, each to be reported by its line.
write('problems.csv', (
    'Name,Email,Sector,Consent,Consent given on\n'
    'Good Person,good@example.org,NHS,yes,31/03/2024\n'
    'Bad Email,jo@,,,\n'
    ',nobody@example.org,,,\n'
    'Bad Sector,sector@example.org,Pharma,,\n'
    'Bad Date,date@example.org,,maybe,2024-02-30\n'
).encode('utf-8'))

write('empty.csv', b'')
write('heading-only.csv', b'Name,Email,Organisation\r\n')
# What a spreadsheet program saves in its own format: not text.
write('binary.xlsx', b'PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00b\xee\x9dh^\x01\x00\x00\x90\x04\x00\x00')
