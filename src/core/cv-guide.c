/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-error.h"
#include "cv-guide.h"
#include "cv-guides.h"

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

/* Built-in guides come with Convene: they are installed, never written
 * through the store, and stay as they came. */
static gboolean
cv_guide_validate (CvRecord  *record,
                   CvStore   *store,
                   GError   **error)
{
  if (!cv_guides_check_editable (store, cv_record_get_id (record), error))
    return FALSE;
  if (cv_record_get_boolean (record, "builtin"))
    {
      g_set_error (error, CV_ERROR, CV_ERROR_READ_ONLY,
                   _("Only the guides that come with Convene are built in."));
      return FALSE;
    }
  return TRUE;
}

CV_DEFINE_RECORD_TYPE_WITH_WRITE (CvGuide, cv_guide, kind, cv_guide_validate,
                                  cv_guides_prepare_write, cv_guides_finish_write)
