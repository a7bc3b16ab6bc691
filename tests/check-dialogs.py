#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every dialog answers Enter.

A message dialog is made only through cv_message_dialog_new(), which
requires a default response; every call names one (not NULL). A window
dialog (a .ui template whose header bar holds a suggested button) names
that button as its default widget, and each of its entries activates it.
Fails naming the file and what is missing, so a new dialog cannot be added
without its default."""
import os
import re
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1]
problems = []

HELPER = os.path.join('src', 'app', 'widgets', 'cv-widgets.c')


def call_args(text, start):
    """The top-level arguments of the call whose '(' is at @start."""
    depth, args, current, i, quote = 0, [], '', start, None
    while i < len(text):
        c = text[i]
        if quote:
            current += c
            if c == '\\':
                current += text[i + 1]
                i += 1
            elif c == quote:
                quote = None
        elif c in '"\'':
            quote = c
            current += c
        elif c == '(':
            depth += 1
            if depth > 1:
                current += c
        elif c == ')':
            depth -= 1
            if depth == 0:
                args.append(current.strip())
                return args
            current += c
        elif c == ',' and depth == 1:
            args.append(current.strip())
            current = ''
        else:
            current += c
        i += 1
    return args


for folder, _, files in os.walk(os.path.join(root, 'src', 'app')):
    for name in files:
        if not name.endswith('.c'):
            continue
        path = os.path.join(folder, name)
        rel = os.path.relpath(path, root)
        text = open(path, encoding='utf-8').read()
        if rel != HELPER:
            for forbidden in ('adw_message_dialog_new', 'ADW_TYPE_MESSAGE_DIALOG', 'gtk_dialog_new',
                              'gtk_message_dialog_new'):
                if re.search(r'\b%s\b' % forbidden, text):
                    problems.append('%s: makes a dialog with %s; use cv_message_dialog_new(), '
                                    'which requires a default response' % (rel, forbidden))
        for m in re.finditer(r'\bcv_message_dialog_new\s*\(', text):
            if text[:m.start()].rstrip().endswith('*'):
                continue   # its definition
            args = call_args(text, m.end() - 1)
            if args[3] == 'NULL' or args[4] == 'NULL':
                line = text[:m.start()].count('\n') + 1
                problems.append('%s:%d: a message dialog without a default or close response' % (rel, line))

for folder, _, files in os.walk(os.path.join(root, 'ui')):
    for name in files:
        if not name.endswith('.ui'):
            continue
        path = os.path.join(folder, name)
        tree = ET.parse(path)
        for template in tree.getroot().iter('template'):
            if template.get('parent') not in ('AdwWindow', 'GtkWindow', 'AdwMessageDialog'):
                continue
            if template.get('parent') == 'AdwMessageDialog':
                problems.append('%s: a message dialog in a .ui; make it with cv_message_dialog_new()' % name)
                continue
            suggested = []
            for bar in template.iter('object'):
                if bar.get('class') != 'AdwHeaderBar':
                    continue
                for obj in bar.iter('object'):
                    if any(c.get('name') == 'suggested-action' for c in obj.findall('style/class')):
                        suggested.append(obj.get('id'))
            if not suggested:
                continue   # a window, not a dialog
            default = [p.text for p in template.findall('property') if p.get('name') == 'default-widget']
            if not default or default[0] not in suggested:
                problems.append('%s: a dialog whose default-widget is not its suggested button (%s)'
                                % (name, ', '.join(str(s) for s in suggested)))
            for obj in template.iter('object'):
                if obj.get('class') not in ('GtkEntry', 'AdwEntryRow', 'GtkPasswordEntry'):
                    continue
                activates = any(p.get('name') == 'activates-default' and p.text == 'True'
                                for p in obj.findall('property'))
                handled = any(s.get('name') in ('activate', 'entry-activated') for s in obj.findall('signal'))
                if not activates and not handled:
                    problems.append('%s: entry %s in a dialog does not activate its default'
                                    % (name, obj.get('id')))

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
