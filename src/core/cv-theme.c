/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-theme.h"

static const CvChoice kinds[] = {
  { "transactional", N_("Transactional") },
  { "transformational", N_("Transformational") },
  { NULL, NULL }
};

static const CvChoice statuses[] = {
  { "emerging", N_("Emerging") },
  { "priority", N_("Priority") },
  { "closed", N_("Closed") },
  { NULL, NULL }
};

static const CvField fields[] = {
  { "programme_id", N_("Programme"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_SCOPE,
    .target = "programme", .on_delete = CV_ON_DELETE_CASCADE },
  { "name", N_("Name"), CV_FIELD_STRING, CV_FIELD_REQUIRED | CV_FIELD_UNIQUE,
    .duplicate_message = N_("A theme called “%s” already exists in this programme.") },
  { "description", N_("Description"), CV_FIELD_TEXT },
  { "kind", N_("Kind"), CV_FIELD_CHOICE, .choices = kinds },
  { "status", N_("Status"), CV_FIELD_CHOICE, .choices = statuses },
  { "colour", N_("Colour"), CV_FIELD_STRING },
};

static const CvRecordKind kind = { "theme", N_("Theme"), fields, G_N_ELEMENTS (fields) };

CV_DEFINE_RECORD_TYPE (CvTheme, cv_theme, kind, NULL)
