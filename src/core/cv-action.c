/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cv-action.h"
#include "cv-error.h"

static const CvChoice statuses[] = {
  { "proposed", N_("Proposed") },
  { "agreed", N_("Agreed") },
  { "in_progress", N_("In progress") },
  { "done", N_("Done") },
  { "dropped", N_("Dropped") },
  { NULL, NULL }
};

static const CvField fields[] = {
  { "programme_id", N_("Programme"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_SCOPE,
    .target = "programme", .on_delete = CV_ON_DELETE_CASCADE },
  { "title", N_("Title"), CV_FIELD_STRING, CV_FIELD_REQUIRED },
  { "detail", N_("Detail"), CV_FIELD_TEXT },
  { "themes", N_("Themes"), CV_FIELD_REFERENCES, .target = "theme",
    .on_delete = CV_ON_DELETE_CASCADE, .link_table = "action_theme" },
  /* "You said, we did": what was said that this action answers. */
  { "answers", N_("Answers"), CV_FIELD_REFERENCES, .target = "contribution",
    .on_delete = CV_ON_DELETE_CASCADE, .link_table = "action_answer" },
  { "session_id", N_("Agreed at"), CV_FIELD_REFERENCE, .target = "session",
    .on_delete = CV_ON_DELETE_SET_NULL },
  { "owner_id", N_("Owner"), CV_FIELD_REFERENCE, .target = "stakeholder",
    .on_delete = CV_ON_DELETE_SET_NULL },
  { "organisation_id", N_("Owning organisation"), CV_FIELD_REFERENCE, .target = "stakeholder",
    .target_kind = "organisation", .on_delete = CV_ON_DELETE_SET_NULL },
  { "due_on", N_("Due"), CV_FIELD_DATE },
  { "status", N_("Status"), CV_FIELD_CHOICE, .choices = statuses },
  { "outcome", N_("Outcome"), CV_FIELD_TEXT },
};

static const CvRecordKind kind = { "action", N_("Action"), fields, G_N_ELEMENTS (fields) };

static gboolean
cv_action_validate (CvRecord  *record,
                    CvStore   *store,
                    GError   **error)
{
  const char *outcome = cv_record_get_string (record, "outcome");
  g_autofree char *trimmed = g_strstrip (g_strdup (outcome != NULL ? outcome : ""));

  if (g_strcmp0 (cv_record_get_string (record, "status"), "done") == 0 && *trimmed == '\0')
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("Outcome: say what was done before marking the action done."));
      return FALSE;
    }
  return TRUE;
}

CV_DEFINE_RECORD_TYPE (CvAction, cv_action, kind, cv_action_validate)

/**
 * cv_action_is_overdue:
 * @today: the user's local date, YYYY-MM-DD
 *
 * An action is overdue once its due date has passed (not on the day itself)
 * while it is neither done nor dropped.
 */
gboolean
cv_action_is_overdue (CvAction   *self,
                      const char *today)
{
  const char *due;
  const char *status;

  g_return_val_if_fail (CV_IS_ACTION (self), FALSE);
  g_return_val_if_fail (cv_date_is_valid (today), FALSE);

  due = cv_record_get_string (CV_RECORD (self), "due_on");
  status = cv_record_get_string (CV_RECORD (self), "status");
  if (due == NULL || g_str_equal (status, "done") || g_str_equal (status, "dropped"))
    return FALSE;
  return strcmp (due, today) < 0;
}
