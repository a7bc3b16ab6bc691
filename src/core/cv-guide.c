/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-guide.h"

/* Guides are shared by every programme, so a guide has no scope. */
static const CvField fields[] = {
  { "title", N_("Title"), CV_FIELD_STRING, CV_FIELD_REQUIRED },
  { "topic", N_("Topic"), CV_FIELD_STRING },
  { "audience", N_("Who it is for"), CV_FIELD_STRING },
  { "introduction", N_("Introduction"), CV_FIELD_TEXT },
  { "version", N_("Version"), CV_FIELD_INTEGER, .default_value = "1" },
  { "builtin", N_("Built in"), CV_FIELD_BOOLEAN },
};

static const CvRecordKind kind = { "guide", N_("Guide"), fields, G_N_ELEMENTS (fields) };

CV_DEFINE_RECORD_TYPE (CvGuide, cv_guide, kind, NULL)
