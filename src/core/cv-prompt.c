/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-error.h"
#include "cv-guides.h"
#include "cv-prompt.h"

/* How a question is answered; an answer keeps its own copy of the kind. */
const CvChoice cv_response_kinds[] = {
  { "free_text", N_("Free text") },
  { "single_choice", N_("Single choice") },
  { "yes_no", N_("Yes or no") },
  { "date", N_("Date") },
  { "scale", N_("Scale from 0 to 10") },
  { NULL, NULL }
};

static const CvField fields[] = {
  { "section_id", N_("Section"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_SCOPE,
    .target = "guide_section", .on_delete = CV_ON_DELETE_CASCADE },
  { "position", N_("Position"), CV_FIELD_INTEGER },
  { "question", N_("Question"), CV_FIELD_TEXT, CV_FIELD_REQUIRED },
  { "guidance", N_("Guidance for staff"), CV_FIELD_TEXT },
  { "response_kind", N_("Response"), CV_FIELD_CHOICE, .choices = cv_response_kinds },
  { "options", N_("Options"), CV_FIELD_WORDS, .link_table = "prompt_option" },
};

static const CvRecordKind kind = { "prompt", N_("Prompt"), fields, G_N_ELEMENTS (fields) };

static gboolean
cv_prompt_validate (CvRecord  *record,
                    CvStore   *store,
                    GError   **error)
{
  const char * const *options = cv_record_get_list (record, "options");
  gboolean choice = g_strcmp0 (cv_record_get_string (record, "response_kind"), "single_choice") == 0;
  g_autofree char *guide_id = cv_guides_guide_of (store, record);

  if (!cv_guides_check_editable (store, guide_id, error))
    return FALSE;

  if (choice && (options == NULL || options[0] == NULL || options[1] == NULL))
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("Options: a single-choice question needs at least two options."));
      return FALSE;
    }
  return TRUE;
}

CV_DEFINE_RECORD_TYPE_WITH_WRITE (CvPrompt, cv_prompt, kind, cv_prompt_validate,
                                  cv_guides_prepare_write, cv_guides_finish_write)
