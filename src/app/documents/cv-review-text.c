/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-format.h"
#include "cv-review-text.h"

/* Returns: (transfer full): which period the review tells */
char *
cv_review_period_text (const CvReview *review)
{
  g_autofree char *since = cv_format_timestamp (review->previous_starts);

  if (since == NULL)
    return g_strdup (_("What was said and done before this session."));
  return g_strdup_printf (_("What was said and done since the previous session, %s."), since);
}

/* Returns: (transfer full): where and when something was said, and with
 * @name_themes under which other themes (the window shows those as links) */
char *
cv_review_where_text (const CvReviewSaid *said,
                      gboolean            name_themes)
{
  g_autofree char *at = cv_format_timestamp (said->session_starts);
  GString *where = g_string_new (NULL);

  g_string_append_printf (where, "%s, %s", said->session_title, at != NULL ? at : "");
  if (said->earlier)
    g_string_append (where, _(" · said before this period"));
  if (name_themes && said->also != NULL)
    g_string_append_printf (where, _(" · also under %s"), said->also);
  return g_string_free (where, FALSE);
}

/* Returns: (transfer full) (nullable): who owns an action and when it is due */
char *
cv_review_who_text (const CvReviewAction *action,
                    const char           *due)
{
  g_autofree char *who = NULL;

  if (action->owner != NULL && action->organisation != NULL)
    who = g_strdup_printf ("%s, %s", action->owner, action->organisation);
  else
    who = g_strdup (action->owner != NULL ? action->owner : action->organisation);
  if (who != NULL && due != NULL)
    return g_strdup_printf (_("%s · due %s"), who, due);
  if (due != NULL)
    return g_strdup_printf (_("Due %s"), due);
  return g_steal_pointer (&who);
}
