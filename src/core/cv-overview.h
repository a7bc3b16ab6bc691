/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-store.h"

G_BEGIN_DECLS

/* The programme at a glance, and the arithmetic of measures. */

typedef struct
{
  char *id;
  char *title;     /* a session's title, an action's, a theme's name */
  char *when;      /* a session's start (UTC), an action's due date */
  char *who;       /* an action's owner */
  guint count;     /* a theme's contributions */
} CvOverviewItem;

typedef struct
{
  GPtrArray *upcoming;        /* sessions in the next 30 days */
  GPtrArray *overdue;         /* the most overdue actions, at most a page of them */
  guint      overdue_count;   /* all of them */
  GPtrArray *due_this_week;
  GPtrArray *themes;          /* the five most raised in the themes' period */
  char      *themes_from;     /* that period, UTC: the last 90 days, or … */
  char      *themes_to;
  gboolean   themes_latest;   /* … when no session started in them, the 90 days
                               * up to the latest session that has started */
  guint      stakeholders;
  guint      sessions_held;
  guint      contributions;
  guint      actions_done;
  guint      actions_open;
} CvOverview;

CvOverview *cv_overview_build          (CvStore     *store,
                                        const char  *programme_id,
                                        GDateTime   *now,
                                        GError     **error);
void        cv_overview_free           (CvOverview  *overview);

gboolean    cv_measure_percent_change  (double       from,
                                        double       to,
                                        double      *percent);
char       *cv_measure_describe_change (double       from,
                                        double       to,
                                        const char  *better);
gboolean    cv_measure_default_span    (GArray      *points,
                                        guint       *from,
                                        guint       *to);
GArray     *cv_measure_values          (CvStore     *store,
                                        const char  *measure_id,
                                        GError     **error);

typedef struct
{
  char   *id;
  char   *date;
  double  value;
} CvMeasurePoint;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvOverview, cv_overview_free)

G_END_DECLS
