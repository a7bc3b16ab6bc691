/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "cv-document.h"
#include "cv-store.h"

G_BEGIN_DECLS

CvDocument *cv_person_document_new  (JsonNode    *report);
gboolean    cv_person_document_save (CvStore     *store,
                                     const char  *stakeholder_id,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
