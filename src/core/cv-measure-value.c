/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-measure-value.h"

static const CvField fields[] = {
  { "measure_id", N_("Measure"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_SCOPE,
    .target = "measure", .on_delete = CV_ON_DELETE_CASCADE },
  { "measured_on", N_("Date"), CV_FIELD_DATE, CV_FIELD_REQUIRED | CV_FIELD_UNIQUE,
    .duplicate_message = N_("This measure already has a value for %s.") },
  { "value", N_("Value"), CV_FIELD_NUMBER },
};

static const CvRecordKind kind = { "measure_value", N_("Value"), fields, G_N_ELEMENTS (fields) };

CV_DEFINE_RECORD_TYPE (CvMeasureValue, cv_measure_value, kind, NULL)
