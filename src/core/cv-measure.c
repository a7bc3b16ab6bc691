/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-measure.h"

static const CvChoice directions[] = {
  { "higher", N_("Higher is better") },
  { "lower", N_("Lower is better") },
  { NULL, NULL }
};

static const CvField fields[] = {
  { "programme_id", N_("Programme"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_SCOPE,
    .target = "programme", .on_delete = CV_ON_DELETE_CASCADE },
  { "name", N_("Name"), CV_FIELD_STRING, CV_FIELD_REQUIRED | CV_FIELD_UNIQUE,
    .duplicate_message = N_("A measure called “%s” already exists in this programme.") },
  { "unit", N_("Unit"), CV_FIELD_STRING },
  { "better", N_("Better when"), CV_FIELD_CHOICE, .choices = directions },
  { "description", N_("Description"), CV_FIELD_TEXT },
};

static const CvRecordKind kind = { "measure", N_("Measure"), fields, G_N_ELEMENTS (fields) };

CV_DEFINE_RECORD_TYPE (CvMeasure, cv_measure, kind, NULL)
