/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "cv-store.h"

G_BEGIN_DECLS

/* The version of the person report's JSON format (see data/convene-person-report.schema.json). */
#define CV_PERSON_REPORT_FORMAT_VERSION 2

JsonNode *cv_person_report_build      (CvStore     *store,
                                       const char  *stakeholder_id,
                                       GError     **error);
gboolean  cv_person_report_write_json (JsonNode    *report,
                                       const char  *path,
                                       GError     **error);

G_END_DECLS
