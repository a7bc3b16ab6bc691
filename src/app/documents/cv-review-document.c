/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The "You said, we did" review as a printed document (see cv-document.c).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-action.h"
#include "cv-format.h"
#include "cv-review-document.h"
#include "cv-review-text.h"

/* Returns: (transfer full): an action's status as a person reads it */
char *
cv_review_status_text (const CvReviewAction *action)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (CV_TYPE_ACTION);
  const CvField *field = cv_record_kind_find_field (CV_RECORD_CLASS (klass)->kind, "status");
  const char *label = cv_field_choice_label (field, action->status);

  return g_strdup (label != NULL ? _(label) : action->status);
}

static void
add_action (CvDocument           *self,
            const CvReviewAction *action)
{
  g_autofree char *status = cv_review_status_text (action);
  g_autofree char *due = cv_format_date (action->due_on);
  g_autofree char *who = cv_review_who_text (action, due);
  g_autofree char *answers = cv_review_answers_text (action);

  cv_document_add (self, 13, 12, 6, "<b>%s</b> — %s%s", action->title, status,
             action->recent ? _(" · changed since the previous session") : "");
  if (who != NULL)
    cv_document_add (self, 11, 24, 1, "%s", who);
  if (answers != NULL)
    cv_document_add (self, 11, 24, 1, "%s", answers);
  if (action->outcome != NULL && cv_review_action_is_dropped (action))
    cv_document_add (self, 12, 24, 2, "<i>%s</i> %s", _("Why not:"), action->outcome);
  else if (action->outcome != NULL && !cv_review_action_is_open (action))
    cv_document_add (self, 12, 24, 2, "<i>%s</i> %s", _("We did:"), action->outcome);
}

static void
add_more (CvDocument *self,
          guint             n)
{
  g_autofree char *more = NULL;

  if (n == 0)
    return;
  more = cv_review_more_text (n);
  cv_document_add (self, 11, 12, 4, "%s", more);
}

/**
 * cv_review_document_new:
 *
 * Lays out @review as paragraphs; nothing is measured until it is paginated.
 */
CvDocument *
cv_review_document_new (const CvReview *review)
{
  CvDocument *self = cv_document_new ();
  g_autofree char *when = cv_format_timestamp (review->session_starts);

  cv_document_add_as (self, CV_DOCUMENT_HEADING_1, 24, 0, 0, "<b>%s</b>", _("You said, we did"));
  cv_document_add (self, 12, 0, 4, "%s — %s, %s", review->programme != NULL ? review->programme : "",
             review->session_title, when != NULL ? when : "");
  {
    g_autofree char *period = cv_review_period_text (review);
    /* TRANSLATORS: the title of the review's PDF; %s is the session */
    g_autofree char *title = g_strdup_printf (_("You said, we did: %s"), review->session_title);

    cv_document_add (self, 12, 0, 4, "%s", period);
    cv_document_set_metadata (self, title, review->programme, period);
  }
  if (review->groups->len == 0)
    cv_document_add (self, 13, 0, 18, "%s", _("Nothing was said or done in this period."));

  for (guint g = 0; g < review->groups->len; g++)
    {
      CvReviewGroup *group = g_ptr_array_index (review->groups, g);

      cv_document_add_as (self, CV_DOCUMENT_HEADING_2, 17, 0, 22, "<b>%s</b>",
                          group->theme != NULL ? group->theme : _("Under No Theme"));
      if (group->said->len > 0)
        cv_document_add_as (self, CV_DOCUMENT_HEADING_3, 11, 0, 8, "<b>%s</b>", _("YOU SAID"));
      for (guint i = 0; i < group->said->len; i++)
        {
          CvReviewSaid *said = g_ptr_array_index (group->said, i);
          g_autofree char *where = cv_review_where_text (said, TRUE);

          cv_document_add_as (self, CV_DOCUMENT_LIST_ITEM, 13, 12, 4,
                              "%u. “%s” <span size=\"small\" foreground=\"#555555\">%s</span>",
                              said->number, said->text, where);
        }
      add_more (self, group->said_more);
      if (group->actions->len > 0)
        cv_document_add_as (self, CV_DOCUMENT_HEADING_3, 11, 0, 10, "<b>%s</b>", _("WE DID"));
      for (guint i = 0; i < group->actions->len; i++)
        add_action (self, g_ptr_array_index (group->actions, i));
      add_more (self, group->actions_more);
      if (group->open->len > 0)
        cv_document_add_as (self, CV_DOCUMENT_HEADING_3, 11, 0, 10, "<b>%s</b>", _("STILL OPEN"));
      for (guint i = 0; i < group->open->len; i++)
        add_action (self, g_ptr_array_index (group->open, i));
      add_more (self, group->open_more);
      if (group->dropped->len > 0)
        cv_document_add_as (self, CV_DOCUMENT_HEADING_3, 11, 0, 10, "<b>%s</b>", _("NOT GOING AHEAD"));
      for (guint i = 0; i < group->dropped->len; i++)
        add_action (self, g_ptr_array_index (group->dropped, i));
      add_more (self, group->dropped_more);
    }
  return self;
}

