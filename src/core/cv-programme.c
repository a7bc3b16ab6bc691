/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-programme.h"

static const CvChoice statuses[] = {
  { "active", N_("Active") },
  { "closed", N_("Closed") },
  { NULL, NULL }
};

static const CvField fields[] = {
  { "name", N_("Name"), CV_FIELD_STRING, CV_FIELD_REQUIRED | CV_FIELD_UNIQUE,
    .duplicate_message = N_("A programme called “%s” already exists.") },
  { "locality", N_("Locality"), CV_FIELD_STRING },
  { "aim", N_("Aim"), CV_FIELD_TEXT },
  { "start_on", N_("Start date"), CV_FIELD_DATE },
  { "status", N_("Status"), CV_FIELD_CHOICE, .choices = statuses },
};

static const CvRecordKind kind = { "programme", N_("Programme"), fields, G_N_ELEMENTS (fields) };

CV_DEFINE_RECORD_TYPE (CvProgramme, cv_programme, kind, NULL)
