/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-answer.h"
#include "cv-error.h"
#include "cv-prompt.h"


/* An answer is written when its conversation starts, with a copy of its
 * prompt as it was asked (section, question, guidance, kind of response and
 * options), so that a later edit of the guide never changes what an earlier
 * conversation recorded. Until it is answered or skipped its value is empty. */
static const CvField fields[] = {
  { "conversation_id", N_("Conversation"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_SCOPE,
    .target = "conversation", .on_delete = CV_ON_DELETE_CASCADE },
  { "prompt_id", N_("Prompt"), CV_FIELD_REFERENCE, CV_FIELD_UNIQUE,
    .target = "prompt", .on_delete = CV_ON_DELETE_SET_NULL,
    .duplicate_message = N_("This question already has an answer in this conversation.") },
  { "question", N_("Question"), CV_FIELD_TEXT, CV_FIELD_REQUIRED },
  { "value", N_("Answer"), CV_FIELD_TEXT },
  { "skipped", N_("Skipped"), CV_FIELD_BOOLEAN },
  { "position", N_("Position"), CV_FIELD_INTEGER },
  { "section", N_("Section"), CV_FIELD_STRING },
  { "guidance", N_("Guidance for staff"), CV_FIELD_TEXT },
  { "response_kind", N_("Response"), CV_FIELD_CHOICE, .choices = cv_response_kinds },
  { "options", N_("Options"), CV_FIELD_WORDS, .link_table = "answer_option" },
};

static const CvRecordKind kind = { "answer", N_("Answer"), fields, G_N_ELEMENTS (fields) };

static gboolean
answer_error (GError     **error,
              const char  *message)
{
  g_set_error (error, CV_ERROR, CV_ERROR_INVALID, _("Answer: %s"), message);
  return FALSE;
}

static gboolean
is_scale_value (const char *text)
{
  guint64 number;

  return g_ascii_string_to_unsigned (text, 10, 0, 10, &number, NULL);
}

/* An answer must be of the kind its question asks for: the kind and the
 * options copied into the answer, not the prompt's, which may have changed. */
static gboolean
cv_answer_validate (CvRecord  *record,
                    CvStore   *store,
                    GError   **error)
{
  const char *value = cv_record_get_string (record, "value");
  const char *response_kind = cv_record_get_string (record, "response_kind");
  const char * const *options = cv_record_get_list (record, "options");

  if (cv_record_get_boolean (record, "skipped"))
    {
      if (value != NULL)
        return answer_error (error, _("a skipped question has no answer."));
      return TRUE;
    }
  if (g_str_equal (response_kind, "single_choice") &&
      (options == NULL || options[0] == NULL || options[1] == NULL))
    return answer_error (error, _("a single-choice question needs at least two options."));
  if (value == NULL)
    return TRUE;

  if (g_str_equal (response_kind, "yes_no") && !g_str_equal (value, "yes") && !g_str_equal (value, "no"))
    return answer_error (error, _("this question is answered yes or no."));
  if (g_str_equal (response_kind, "scale") && !is_scale_value (value))
    return answer_error (error, _("this question is answered with a whole number from 0 to 10."));
  if (g_str_equal (response_kind, "date") && !cv_date_is_valid (value))
    return answer_error (error, _("this question is answered with a real date."));
  if (g_str_equal (response_kind, "single_choice") && !g_strv_contains (options, value))
    return answer_error (error, _("this is not one of the question’s options."));
  return TRUE;
}

CV_DEFINE_RECORD_TYPE (CvAnswer, cv_answer, kind, cv_answer_validate)
