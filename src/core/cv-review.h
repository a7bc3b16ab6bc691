/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-store.h"

G_BEGIN_DECLS

/* "You said, we did" for one session: the story of one period, the time
 * since the previous session. What was said in it, by theme, each quote
 * once; what was done about it, tied to the quotes each action answers;
 * and what is still open. Something said before the period comes back
 * only when an action answering it changed in the period. */

/* At most this many quotes, actions done and actions open under a theme;
 * the rest are counted ("and 12 more"), so that any review stays a few pages. */
#define CV_REVIEW_MAX_ITEMS 5

typedef struct
{
  char     *id;
  char     *text;
  char     *session_title;
  char     *session_starts;   /* stored UTC */
  guint     number;           /* its number in the review, from 1, for actions to refer to */
  char     *also;             /* the other themes it was raised under, or NULL */
  GStrv     also_ids;         /* their ids (empty when @also is NULL), for links to them */
  GStrv     also_names;       /* their names, in the same order */
  gboolean  earlier;          /* said before the period */
} CvReviewSaid;

typedef struct
{
  char    *id;
  char    *title;
  char    *owner;          /* the owner's name, or NULL */
  char    *organisation;   /* the owning organisation's name, or NULL */
  char    *status;         /* the choice's nick */
  char    *outcome;
  char    *due_on;
  gboolean recent;         /* changed in the period */
  char    *answers;        /* the numbers of the quotes shown that it answers ("1, 4"), or NULL */
} CvReviewAction;

typedef struct
{
  char      *theme;        /* NULL for what has no theme */
  GPtrArray *said;         /* of CvReviewSaid */
  guint      said_more;    /* quotes left out */
  GPtrArray *actions;      /* of CvReviewAction: done ("we did") */
  guint      actions_more;
  GPtrArray *dropped;      /* of CvReviewAction: not going ahead, told apart from what was done */
  guint      dropped_more;
  GPtrArray *open;         /* of CvReviewAction: still open */
  guint      open_more;
} CvReviewGroup;

typedef struct
{
  char      *programme;
  char      *session_title;
  char      *session_starts;
  char      *previous_starts;   /* where the period begins: the previous session's start, or NULL */
  GPtrArray *groups;            /* of CvReviewGroup */
} CvReview;

CvReview *cv_review_build         (CvStore              *store,
                                   const char           *session_id,
                                   GError              **error);
void      cv_review_free          (CvReview             *review);
char     *cv_review_more_text     (guint                 n);
gboolean  cv_review_action_is_open (const CvReviewAction *action);
gboolean  cv_review_action_is_dropped (const CvReviewAction *action);
char     *cv_review_answers_text  (const CvReviewAction *action);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvReview, cv_review_free)

G_END_DECLS
