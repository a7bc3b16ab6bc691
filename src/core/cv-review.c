/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cv-error.h"
#include "cv-review.h"
#include "cv-session.h"

static void
said_free (gpointer data)
{
  CvReviewSaid *said = data;

  g_free (said->text);
  g_free (said->session_title);
  g_free (said->session_starts);
  g_free (said);
}

static void
action_free (gpointer data)
{
  CvReviewAction *action = data;

  g_free (action->id);
  g_free (action->title);
  g_free (action->owner);
  g_free (action->organisation);
  g_free (action->status);
  g_free (action->outcome);
  g_free (action->due_on);
  g_free (action);
}

static void
group_free (gpointer data)
{
  CvReviewGroup *group = data;

  g_free (group->theme);
  g_ptr_array_unref (group->said);
  g_ptr_array_unref (group->actions);
  g_free (group);
}

void
cv_review_free (CvReview *review)
{
  if (review == NULL)
    return;
  g_free (review->programme);
  g_free (review->session_title);
  g_free (review->session_starts);
  g_free (review->previous_starts);
  g_clear_pointer (&review->groups, g_ptr_array_unref);
  g_free (review);
}

static CvReviewGroup *
group_new (const char *theme)
{
  CvReviewGroup *group = g_new0 (CvReviewGroup, 1);

  group->theme = g_strdup (theme);
  group->said = g_ptr_array_new_with_free_func (said_free);
  group->actions = g_ptr_array_new_with_free_func (action_free);
  return group;
}

/* The earlier sessions: held before this one starts, not cancelled. */
#define EARLIER \
  "SELECT e.id FROM session e, session s WHERE s.id = ?1 AND e.programme_id = s.programme_id" \
  " AND e.status <> 'cancelled' AND e.starts_at < s.starts_at"

static gboolean
fill_group (CvStore        *store,
            CvReviewGroup  *group,
            const char     *session_id,
            const char     *theme_id,
            const char     *previous,
            GError        **error)
{
  CvDatabase *db = cv_store_get_database (store);
  g_autoptr(CvStatement) said = NULL;
  g_autoptr(CvStatement) actions = NULL;
  CvStep step;

  said = cv_database_prepare (db,
                              "SELECT c.text, e.title, e.starts_at FROM contribution c"
                              " JOIN contribution_theme ct ON ct.contribution_id = c.id"
                              " JOIN session e ON e.id = c.session_id"
                              " WHERE ct.value = ?2 AND c.session_id IN (" EARLIER ")"
                              " ORDER BY e.starts_at, c.rowid", error);
  if (said == NULL)
    return FALSE;
  cv_statement_bind_text (said, 1, session_id);
  cv_statement_bind_text (said, 2, theme_id);
  while ((step = cv_statement_step (said, error)) == CV_STEP_ROW)
    {
      CvReviewSaid *s = g_new0 (CvReviewSaid, 1);

      s->text = g_strdup (cv_statement_column_text (said, 0));
      s->session_title = g_strdup (cv_statement_column_text (said, 1));
      s->session_starts = g_strdup (cv_statement_column_text (said, 2));
      g_ptr_array_add (group->said, s);
    }
  if (step == CV_STEP_ERROR)
    return FALSE;

  /* Actions agreed at earlier sessions; those changed since the previous
   * session first (what there is news of), then by due date. With no theme
   * given, the actions that have none. */
  actions = cv_database_prepare (db,
                                 "SELECT a.id, a.title,"
                                 " (SELECT name FROM stakeholder o WHERE o.id = a.owner_id),"
                                 " (SELECT name FROM stakeholder o WHERE o.id = a.organisation_id),"
                                 " a.status, a.outcome, a.due_on, a.updated_at >= coalesce(?3, '') FROM action a"
                                 " WHERE a.session_id IN (" EARLIER ") AND"
                                 " ((?2 IS NOT NULL AND EXISTS (SELECT 1 FROM action_theme at"
                                 "     WHERE at.action_id = a.id AND at.value = ?2))"
                                 "  OR (?2 IS NULL AND NOT EXISTS (SELECT 1 FROM action_theme at"
                                 "     WHERE at.action_id = a.id)))"
                                 " ORDER BY a.updated_at >= coalesce(?3, '') DESC, a.due_on IS NULL, a.due_on, a.rowid",
                                 error);
  if (actions == NULL)
    return FALSE;
  cv_statement_bind_text (actions, 1, session_id);
  cv_statement_bind_text (actions, 2, theme_id);
  cv_statement_bind_text (actions, 3, previous);
  while ((step = cv_statement_step (actions, error)) == CV_STEP_ROW)
    {
      CvReviewAction *a = g_new0 (CvReviewAction, 1);

      a->id = g_strdup (cv_statement_column_text (actions, 0));
      a->title = g_strdup (cv_statement_column_text (actions, 1));
      a->owner = g_strdup (cv_statement_column_text (actions, 2));
      a->organisation = g_strdup (cv_statement_column_text (actions, 3));
      a->status = g_strdup (cv_statement_column_text (actions, 4));
      a->outcome = g_strdup (cv_statement_column_text (actions, 5));
      a->due_on = g_strdup (cv_statement_column_text (actions, 6));
      a->recent = previous != NULL && cv_statement_column_int64 (actions, 7) != 0;
      g_ptr_array_add (group->actions, a);
    }
  return step == CV_STEP_DONE;
}

/**
 * cv_review_build:
 * @session_id: the session the review is for, usually the next meeting
 *
 * Gathers, theme by theme (the most raised first), what was said at the
 * programme's earlier sessions and the actions agreed at them, with their
 * owners, status and outcome.
 *
 * Returns: (transfer full): the review, or %NULL with @error set
 */
CvReview *
cv_review_build (CvStore     *store,
                 const char  *session_id,
                 GError     **error)
{
  CvDatabase *db = cv_store_get_database (store);
  g_autoptr(CvReview) review = g_new0 (CvReview, 1);
  g_autoptr(CvRecord) session = NULL;
  g_autoptr(CvStatement) previous = NULL;
  g_autoptr(CvStatement) themes = NULL;
  g_autoptr(GPtrArray) theme_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) theme_names = g_ptr_array_new_with_free_func (g_free);
  CvReviewGroup *other;
  CvStep step;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);

  session = cv_store_load (store, CV_TYPE_SESSION, session_id, error);
  if (session == NULL)
    return NULL;
  if (cv_record_get_string (session, "starts_at") == NULL)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("Give the session a start time: the review gathers what happened at the sessions before it."));
      return NULL;
    }

  review->groups = g_ptr_array_new_with_free_func (group_free);
  review->programme = cv_store_get_display_name (store, "programme", cv_record_get_string (session, "programme_id"));
  review->session_title = g_strdup (cv_record_get_string (session, "title"));
  review->session_starts = g_strdup (cv_record_get_string (session, "starts_at"));

  previous = cv_database_prepare (db, "SELECT max(starts_at) FROM session WHERE id IN (" EARLIER ")", error);
  if (previous == NULL)
    return NULL;
  cv_statement_bind_text (previous, 1, session_id);
  if (cv_statement_step (previous, error) != CV_STEP_ROW)
    return NULL;
  review->previous_starts = g_strdup (cv_statement_column_text (previous, 0));
  g_clear_pointer (&previous, cv_statement_release);

  /* The themes, the most raised at earlier sessions first. */
  themes = cv_database_prepare (db,
                                "SELECT t.id, t.name FROM theme t, session s WHERE s.id = ?1"
                                " AND t.programme_id = s.programme_id ORDER BY"
                                " (SELECT count(*) FROM contribution_theme ct JOIN contribution c"
                                "   ON c.id = ct.contribution_id WHERE ct.value = t.id"
                                "   AND c.session_id IN (" EARLIER ")) DESC, t.name COLLATE NOCASE",
                                error);
  if (themes == NULL)
    return NULL;
  cv_statement_bind_text (themes, 1, session_id);
  while ((step = cv_statement_step (themes, error)) == CV_STEP_ROW)
    {
      g_ptr_array_add (theme_ids, g_strdup (cv_statement_column_text (themes, 0)));
      g_ptr_array_add (theme_names, g_strdup (cv_statement_column_text (themes, 1)));
    }
  if (step == CV_STEP_ERROR)
    return NULL;
  g_clear_pointer (&themes, cv_statement_release);

  for (guint i = 0; i < theme_ids->len; i++)
    {
      CvReviewGroup *group = group_new (g_ptr_array_index (theme_names, i));

      if (!fill_group (store, group, session_id, g_ptr_array_index (theme_ids, i), review->previous_starts, error))
        {
          group_free (group);
          return NULL;
        }
      if (group->said->len == 0 && group->actions->len == 0)
        group_free (group);
      else
        g_ptr_array_add (review->groups, group);
    }

  other = group_new (NULL);
  if (!fill_group (store, other, session_id, NULL, review->previous_starts, error))
    {
      group_free (other);
      return NULL;
    }
  if (other->actions->len > 0)
    g_ptr_array_add (review->groups, other);
  else
    group_free (other);

  return g_steal_pointer (&review);
}
