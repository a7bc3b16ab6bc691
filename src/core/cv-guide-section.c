/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-guide-section.h"
#include "cv-guides.h"

static const CvField fields[] = {
  { "guide_id", N_("Guide"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_SCOPE,
    .target = "guide", .on_delete = CV_ON_DELETE_CASCADE },
  { "position", N_("Position"), CV_FIELD_INTEGER },
  { "title", N_("Title"), CV_FIELD_STRING, CV_FIELD_REQUIRED },
};

static const CvRecordKind kind = { "guide_section", N_("Section"), fields, G_N_ELEMENTS (fields) };

static gboolean
cv_guide_section_validate (CvRecord  *record,
                           CvStore   *store,
                           GError   **error)
{
  return cv_guides_check_editable (store, cv_record_get_string (record, "guide_id"), error);
}

CV_DEFINE_RECORD_TYPE_WITH_WRITE (CvGuideSection, cv_guide_section, kind, cv_guide_section_validate,
                                  cv_guides_prepare_write, cv_guides_finish_write)
