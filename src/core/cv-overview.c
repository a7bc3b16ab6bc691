/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Every figure of the overview comes from one indexed query, so that it
 * opens as fast for a county-wide register as for a small one.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cv-overview.h"
#include "cv-time.h"

/* How many overdue actions the overview names; it counts them all. */
#define OVERDUE_SHOWN 10

static void
item_free (gpointer data)
{
  CvOverviewItem *item = data;

  g_free (item->id);
  g_free (item->title);
  g_free (item->when);
  g_free (item->who);
  g_free (item);
}

void
cv_overview_free (CvOverview *overview)
{
  if (overview == NULL)
    return;
  g_clear_pointer (&overview->upcoming, g_ptr_array_unref);
  g_clear_pointer (&overview->overdue, g_ptr_array_unref);
  g_clear_pointer (&overview->due_this_week, g_ptr_array_unref);
  g_clear_pointer (&overview->themes, g_ptr_array_unref);
  g_free (overview->themes_from);
  g_free (overview->themes_to);
  g_free (overview);
}

/* Runs @sql with ?1 programme, ?2 and ?3 bound, adding a row per item:
 * id, title, when, who, count. */
static GPtrArray *
items (CvStore     *store,
       const char  *sql,
       const char  *programme_id,
       const char  *a,
       const char  *b,
       GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (item_free);
  g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store), sql, error);
  CvStep step;

  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, programme_id);
  cv_statement_bind_text (st, 2, a);
  cv_statement_bind_text (st, 3, b);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    {
      CvOverviewItem *item = g_new0 (CvOverviewItem, 1);

      item->id = g_strdup (cv_statement_column_text (st, 0));
      item->title = g_strdup (cv_statement_column_text (st, 1));
      item->when = g_strdup (cv_statement_column_text (st, 2));
      item->who = g_strdup (cv_statement_column_text (st, 3));
      item->count = cv_statement_column_int64 (st, 4);
      g_ptr_array_add (list, item);
    }
  if (step == CV_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
count (CvStore     *store,
       const char  *sql,
       const char  *programme_id,
       const char  *value,
       guint       *out,
       GError     **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store), sql, error);

  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, programme_id);
  cv_statement_bind_text (st, 2, value);
  if (cv_statement_step (st, error) != CV_STEP_ROW)
    return FALSE;
  *out = cv_statement_column_int64 (st, 0);
  return TRUE;
}

/**
 * cv_overview_build:
 * @now: the present moment; its local date decides what is overdue
 *
 * Returns: (transfer full): the overview, or %NULL with @error set
 */
CvOverview *
cv_overview_build (CvStore     *store,
                   const char  *programme_id,
                   GDateTime   *now,
                   GError     **error)
{
  g_autoptr(CvOverview) overview = g_new0 (CvOverview, 1);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  g_autoptr(GDateTime) in_30_days = g_date_time_add_days (utc, 30);
  g_autoptr(GDateTime) days_ago_90 = g_date_time_add_days (utc, -90);
  g_autoptr(GDateTime) in_a_week = g_date_time_add_days (now, 7);
  g_autofree char *now_text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *later_text = g_date_time_format (in_30_days, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *earlier_text = g_date_time_format (days_ago_90, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *today = cv_local_date (now, NULL);
  g_autofree char *week_end = cv_local_date (in_a_week, NULL);

  g_return_val_if_fail (CV_IS_STORE (store), NULL);

  overview->upcoming = items (store,
                              "SELECT id, title, starts_at, NULL, 0 FROM session"
                              " WHERE programme_id = ?1 AND starts_at >= ?2 AND starts_at < ?3"
                              " AND status <> 'cancelled' ORDER BY starts_at", programme_id, now_text, later_text, error);
  if (overview->upcoming == NULL)
    return NULL;

  overview->overdue = items (store,
                             "SELECT a.id, a.title, a.due_on, (SELECT name FROM stakeholder s WHERE s.id = a.owner_id), 0"
                             " FROM action a WHERE a.programme_id = ?1 AND a.due_on < ?2"
                             " AND a.status NOT IN ('done', 'dropped') ORDER BY a.due_on LIMIT " G_STRINGIFY (OVERDUE_SHOWN),
                             programme_id, today, NULL, error);
  if (overview->overdue == NULL ||
      !count (store, "SELECT count(*) FROM action WHERE programme_id = ?1 AND due_on < ?2"
                     " AND status NOT IN ('done', 'dropped')", programme_id, today, &overview->overdue_count, error))
    return NULL;

  overview->due_this_week = items (store,
                                   "SELECT a.id, a.title, a.due_on, (SELECT name FROM stakeholder s WHERE s.id = a.owner_id), 0"
                                   " FROM action a WHERE a.programme_id = ?1 AND a.due_on >= ?2 AND a.due_on < ?3"
                                   " AND a.status NOT IN ('done', 'dropped') ORDER BY a.due_on",
                                   programme_id, today, week_end, error);
  if (overview->due_this_week == NULL)
    return NULL;

  /* A programme whose sessions are all further back than the window (a
   * finished one, a sample) shows the 90 days up to its latest session, and
   * says so, rather than an empty "last 90 days". The latest is one step
   * back along the (programme, start) index. */
  overview->themes_from = g_strdup (earlier_text);
  overview->themes_to = g_strdup (now_text);
  {
    g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store),
                                                     "SELECT starts_at FROM session WHERE programme_id = ?1"
                                                     " AND starts_at <= ?2 AND status <> 'cancelled'"
                                                     " ORDER BY starts_at DESC LIMIT 1", error);
    CvStep step;

    if (st == NULL)
      return NULL;
    cv_statement_bind_text (st, 1, programme_id);
    cv_statement_bind_text (st, 2, now_text);
    step = cv_statement_step (st, error);
    if (step == CV_STEP_ERROR)
      return NULL;
    if (step == CV_STEP_ROW && g_strcmp0 (cv_statement_column_text (st, 0), earlier_text) < 0)
      {
        g_autoptr(GDateTime) latest = g_date_time_new_from_iso8601 (cv_statement_column_text (st, 0), NULL);

        if (latest != NULL)
          {
            g_autoptr(GDateTime) before = g_date_time_add_days (latest, -90);

            g_free (overview->themes_from);
            g_free (overview->themes_to);
            overview->themes_from = g_date_time_format (before, "%Y-%m-%dT%H:%M:%SZ");
            overview->themes_to = g_date_time_format (latest, "%Y-%m-%dT%H:%M:%SZ");
            overview->themes_latest = TRUE;
          }
      }
  }

  overview->themes = items (store,
                            "SELECT t.id, t.name, NULL, NULL, count(*) AS n FROM session s"
                            " JOIN contribution c ON c.session_id = s.id"
                            " JOIN contribution_theme ct ON ct.contribution_id = c.id"
                            " JOIN theme t ON t.id = ct.value"
                            " WHERE s.programme_id = ?1 AND s.starts_at >= ?2 AND s.starts_at <= ?3"
                            " GROUP BY t.id ORDER BY n DESC, t.name COLLATE NOCASE LIMIT 5",
                            programme_id, overview->themes_from, overview->themes_to, error);
  if (overview->themes == NULL)
    return NULL;

  if (!count (store, "SELECT count(*) FROM stakeholder WHERE programme_id = ?1", programme_id, NULL,
              &overview->stakeholders, error) ||
      !count (store, "SELECT count(*) FROM session WHERE programme_id = ?1 AND status = 'held'", programme_id, NULL,
              &overview->sessions_held, error) ||
      !count (store, "SELECT count(*) FROM contribution WHERE programme_id = ?1", programme_id, NULL,
              &overview->contributions, error) ||
      !count (store, "SELECT count(*) FROM action WHERE programme_id = ?1 AND status = 'done'", programme_id, NULL,
              &overview->actions_done, error) ||
      !count (store, "SELECT count(*) FROM action WHERE programme_id = ?1 AND status NOT IN ('done', 'dropped')",
              programme_id, NULL, &overview->actions_open, error))
    return NULL;

  return g_steal_pointer (&overview);
}

/**
 * cv_measure_percent_change:
 * @percent: (out): the change from @from to @to, as a percentage of @from
 *
 * Returns: %FALSE when there is no percentage: a change from zero
 */
gboolean
cv_measure_percent_change (double  from,
                           double  to,
                           double *percent)
{
  if (from == 0)
    return FALSE;
  *percent = (to - from) / fabs (from) * 100.0;
  return TRUE;
}

/**
 * cv_measure_describe_change:
 * @better: "higher" or "lower", the measure's better direction
 *
 * Returns: (transfer full): the change in words: "+150 (+24%), better"
 */
char *
cv_measure_describe_change (double      from,
                            double      to,
                            const char *better)
{
  double difference = to - from;
  double percent;
  const char *verdict;
  g_autofree char *number = NULL;
  g_autofree char *share = NULL;

  if (difference == 0)
    verdict = _("no change");
  else if ((difference > 0) == (g_strcmp0 (better, "lower") != 0))
    verdict = _("better");
  else
    verdict = _("worse");

  number = g_strdup_printf ("%+'.10g", difference);
  if (cv_measure_percent_change (from, to, &percent))
    share = g_strdup_printf ("%+.0f%%", percent);
  else
    share = g_strdup (_("no percentage from zero"));
  /* TRANSLATORS: a change such as “+150 (+24%), better” */
  return g_strdup_printf (_("%s (%s), %s"), number, share, verdict);
}

/**
 * cv_measure_default_span:
 * @points: (element-type CvMeasurePoint): a measure's values, oldest first
 * @from: (out): the index of the value the change is measured from
 * @to: (out): the index of the value it is measured to
 *
 * The change a measure shows until someone chooses other dates: from its
 * first value to its latest. The overview and the measure's own page both
 * show this one, so that they agree.
 *
 * Returns: %FALSE when there are fewer than two values: no change to show
 */
gboolean
cv_measure_default_span (GArray *points,
                         guint  *from,
                         guint  *to)
{
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (points == NULL || points->len < 2)
    return FALSE;
  *from = 0;
  *to = points->len - 1;
  return TRUE;
}

static void
point_clear (gpointer data)
{
  CvMeasurePoint *point = data;

  g_free (point->id);
  g_free (point->date);
}

/* Returns: (transfer full) (element-type CvMeasurePoint): a measure's values, oldest first */
GArray *
cv_measure_values (CvStore     *store,
                   const char  *measure_id,
                   GError     **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (CvMeasurePoint));
  g_autoptr(CvStatement) st = NULL;
  CvStep step;

  g_array_set_clear_func (points, point_clear);
  st = cv_database_prepare (cv_store_get_database (store),
                            "SELECT id, measured_on, value FROM measure_value WHERE measure_id = ?1"
                            " ORDER BY measured_on", error);
  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, measure_id);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    {
      CvMeasurePoint point = { g_strdup (cv_statement_column_text (st, 0)),
                               g_strdup (cv_statement_column_text (st, 1)),
                               cv_statement_column_double (st, 2) };
      g_array_append_val (points, point);
    }
  if (step == CV_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&points);
}
