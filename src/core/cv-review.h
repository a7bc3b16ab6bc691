/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-store.h"

G_BEGIN_DECLS

/* "You said, we did": what was raised at earlier sessions of a programme, by
 * theme, and what was done about it, ready to show at the next session. */

typedef struct
{
  char *text;
  char *session_title;
  char *session_starts;   /* stored UTC */
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
  gboolean recent;         /* changed since the previous session */
} CvReviewAction;

typedef struct
{
  char      *theme;        /* NULL for actions with no theme */
  GPtrArray *said;         /* of CvReviewSaid */
  GPtrArray *actions;      /* of CvReviewAction */
} CvReviewGroup;

typedef struct
{
  char      *programme;
  char      *session_title;
  char      *session_starts;
  char      *previous_starts;   /* the previous session's start, or NULL */
  GPtrArray *groups;            /* of CvReviewGroup */
} CvReview;

CvReview *cv_review_build (CvStore     *store,
                           const char  *session_id,
                           GError     **error);
void      cv_review_free  (CvReview    *review);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvReview, cv_review_free)

G_END_DECLS
