/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cv-action.h"
#include "cv-contribution.h"
#include "cv-error.h"
#include "cv-measure.h"
#include "cv-measure-value.h"
#include "cv-overview.h"
#include "cv-programme.h"
#include "cv-session.h"
#include "cv-stakeholder.h"
#include "cv-store.h"
#include "cv-theme.h"

static CvRecord *
add (CvStore    *store,
     GType       type,
     const char *first_property,
     ...)
{
  g_autoptr(GError) error = NULL;
  CvRecord *record = cv_record_new (type);
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (record), first_property, args);
  va_end (args);
  cv_store_insert (store, record, &error);
  g_assert_no_error (error);
  return record;
}

static void
test_percent_change (void)
{
  double percent;
  g_autofree char *clients = cv_measure_describe_change (626, 776, "higher");
  g_autofree char *visits = cv_measure_describe_change (6362, 9817, "higher");
  g_autofree char *outstanding = cv_measure_describe_change (287, 0, "lower");
  g_autofree char *from_zero = cv_measure_describe_change (0, 12, "lower");
  g_autofree char *same = cv_measure_describe_change (5, 5, "higher");

  g_assert_true (cv_measure_percent_change (626, 776, &percent));
  g_assert_cmpfloat_with_epsilon (percent, 23.96, 0.01);
  g_assert_true (cv_measure_percent_change (6362, 9817, &percent));
  g_assert_cmpfloat_with_epsilon (percent, 54.31, 0.01);
  g_assert_false (cv_measure_percent_change (0, 12, &percent));

  g_assert_nonnull (strstr (clients, "+150"));
  g_assert_nonnull (strstr (clients, "+24%"));
  g_assert_nonnull (strstr (clients, "better"));
  g_assert_nonnull (strstr (visits, "+54%"));
  g_assert_nonnull (strstr (outstanding, "-100%"));
  g_assert_nonnull (strstr (outstanding, "better"));   /* down is better here */
  g_assert_nonnull (strstr (from_zero, "no percentage from zero"));
  g_assert_nonnull (strstr (from_zero, "worse"));
  g_assert_nonnull (strstr (same, "no change"));
}

static void
test_one_value_per_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "m.db", NULL);
  g_autoptr(CvStore) store = cv_store_open (path, &error);
  g_autoptr(CvRecord) p = add (store, CV_TYPE_PROGRAMME, "name", "Measures", NULL);
  g_autoptr(CvRecord) m = add (store, CV_TYPE_MEASURE, "programme-id", cv_record_get_id (p), "name", "Clients", NULL);
  g_autoptr(CvRecord) v = add (store, CV_TYPE_MEASURE_VALUE, "measure-id", cv_record_get_id (m),
                               "measured-on", "2018-01-01", "value", 626.0, NULL);
  g_autoptr(CvRecord) again = cv_record_new (CV_TYPE_MEASURE_VALUE);
  g_autoptr(CvRecord) bad = cv_record_new (CV_TYPE_MEASURE_VALUE);
  g_autoptr(GArray) values = NULL;

  g_object_set (again, "measure-id", cv_record_get_id (m), "measured-on", "2018-01-01", "value", 700.0, NULL);
  g_assert_false (cv_store_insert (store, again, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_object_set (bad, "measure-id", cv_record_get_id (m), "measured-on", "2018-02-30", "value", 700.0, NULL);
  g_assert_false (cv_store_insert (store, bad, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);

  values = cv_measure_values (store, cv_record_get_id (m), &error);
  g_assert_cmpuint (values->len, ==, 1);
  g_assert_cmpfloat (g_array_index (values, CvMeasurePoint, 0).value, ==, 626);
}

static void
test_overview_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "o.db", NULL);
  g_autoptr(CvStore) store = cv_store_open (path, &error);
  g_autoptr(CvRecord) p = add (store, CV_TYPE_PROGRAMME, "name", "Overview", NULL);
  g_autoptr(CvRecord) other = add (store, CV_TYPE_PROGRAMME, "name", "Elsewhere", NULL);
  const char *pid = cv_record_get_id (p);
  /* "Now" is 2024-06-15 12:00 UTC. */
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 6, 15, 12, 0, 0);
  g_autoptr(CvRecord) owner = add (store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", "Sarah", NULL);
  g_autoptr(CvRecord) someone = add (store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", "Daniel", NULL);
  g_autoptr(CvRecord) elsewhere = add (store, CV_TYPE_STAKEHOLDER, "programme-id", cv_record_get_id (other), "name", "Owen", NULL);
  g_autoptr(CvRecord) held = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", "May", "status", "held",
                                  "starts-at", "2024-05-01T10:00:00Z", NULL);
  g_autoptr(CvRecord) old = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", "January", "status", "held",
                                 "starts-at", "2024-01-10T10:00:00Z", NULL);
  g_autoptr(CvRecord) soon = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", "Soon",
                                  "starts-at", "2024-07-01T10:00:00Z", NULL);
  g_autoptr(CvRecord) later = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", "Later",
                                   "starts-at", "2024-09-01T10:00:00Z", NULL);
  g_autoptr(CvRecord) cancelled = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", "Cancelled",
                                       "status", "cancelled", "starts-at", "2024-06-20T10:00:00Z", NULL);
  g_autoptr(CvRecord) staff = add (store, CV_TYPE_THEME, "programme-id", pid, "name", "Staff", NULL);
  g_autoptr(CvRecord) money = add (store, CV_TYPE_THEME, "programme-id", pid, "name", "Money", NULL);
  const char *both[] = { cv_record_get_id (staff), cv_record_get_id (money), NULL };
  const char *just_staff[] = { cv_record_get_id (staff), NULL };
  g_autoptr(CvRecord) c1 = add (store, CV_TYPE_CONTRIBUTION, "programme-id", pid, "session-id", cv_record_get_id (held),
                                "text", "One", "themes", both, NULL);
  g_autoptr(CvRecord) c2 = add (store, CV_TYPE_CONTRIBUTION, "programme-id", pid, "session-id", cv_record_get_id (held),
                                "text", "Two", "themes", just_staff, NULL);
  g_autoptr(CvRecord) c3 = add (store, CV_TYPE_CONTRIBUTION, "programme-id", pid, "session-id", cv_record_get_id (old),
                                "text", "Too long ago", "themes", both, NULL);
  g_autoptr(CvRecord) a1 = add (store, CV_TYPE_ACTION, "programme-id", pid, "title", "Late", "due-on", "2024-06-01",
                                "owner-id", cv_record_get_id (owner), "status", "agreed", NULL);
  g_autoptr(CvRecord) a2 = add (store, CV_TYPE_ACTION, "programme-id", pid, "title", "Later still", "due-on", "2024-05-01",
                                "status", "in_progress", NULL);
  g_autoptr(CvRecord) a3 = add (store, CV_TYPE_ACTION, "programme-id", pid, "title", "This week", "due-on", "2024-06-18",
                                "status", "agreed", NULL);
  g_autoptr(CvRecord) a4 = add (store, CV_TYPE_ACTION, "programme-id", pid, "title", "Done late", "due-on", "2024-06-01",
                                "status", "done", "outcome", "Done.", NULL);
  g_autoptr(CvRecord) a5 = add (store, CV_TYPE_ACTION, "programme-id", pid, "title", "Dropped", "due-on", "2024-06-01",
                                "status", "dropped", NULL);
  g_autoptr(CvRecord) a6 = add (store, CV_TYPE_ACTION, "programme-id", pid, "title", "Next month", "due-on", "2024-07-15",
                                "status", "proposed", NULL);
  g_autoptr(CvOverview) overview = cv_overview_build (store, pid, now, &error);
  CvOverviewItem *item;

  g_assert_no_error (error);
  g_assert_cmpuint (overview->upcoming->len, ==, 1);
  g_assert_cmpstr (((CvOverviewItem *)g_ptr_array_index (overview->upcoming, 0))->title, ==, "Soon");

  g_assert_cmpuint (overview->overdue_count, ==, 2);
  g_assert_cmpuint (overview->overdue->len, ==, 2);
  item = g_ptr_array_index (overview->overdue, 0);
  g_assert_cmpstr (item->title, ==, "Later still");   /* the most overdue first */
  item = g_ptr_array_index (overview->overdue, 1);
  g_assert_cmpstr (item->title, ==, "Late");
  g_assert_cmpstr (item->who, ==, "Sarah");

  g_assert_cmpuint (overview->due_this_week->len, ==, 1);
  g_assert_cmpstr (((CvOverviewItem *)g_ptr_array_index (overview->due_this_week, 0))->title, ==, "This week");

  /* In the last 90 days: Staff twice, Money once; January is too long ago. */
  g_assert_cmpuint (overview->themes->len, ==, 2);
  item = g_ptr_array_index (overview->themes, 0);
  g_assert_cmpstr (item->title, ==, "Staff");
  g_assert_cmpuint (item->count, ==, 2);
  item = g_ptr_array_index (overview->themes, 1);
  g_assert_cmpstr (item->title, ==, "Money");
  g_assert_cmpuint (item->count, ==, 1);

  g_assert_cmpuint (overview->stakeholders, ==, 2);
  g_assert_cmpuint (overview->sessions_held, ==, 2);
  g_assert_cmpuint (overview->contributions, ==, 3);
  g_assert_cmpuint (overview->actions_done, ==, 1);
  g_assert_cmpuint (overview->actions_open, ==, 4);
}

/* The overview and a measure's page show one change by default: from the
 * first value to the latest (the sample's Clients: 626 on 1 January 2018 to
 * 776, "+150 (+24%)", not the last step's "+52 (+7%)"). */
static void
test_measure_default_span (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "span.db", NULL);
  g_autoptr(CvStore) store = cv_store_open (path, &error);
  g_autoptr(CvRecord) p = add (store, CV_TYPE_PROGRAMME, "name", "Measures", NULL);
  g_autoptr(CvRecord) m = add (store, CV_TYPE_MEASURE, "programme-id", cv_record_get_id (p), "name", "Clients", NULL);
  const char *dates[] = { "2020-01-01", "2018-01-01", "2021-01-01", "2019-01-01" };
  const double values[] = { 724, 626, 776, 671 };
  g_autoptr(GArray) points = NULL;
  g_autofree char *change = NULL;
  guint from = 99, to = 99;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_object_unref (add (store, CV_TYPE_MEASURE_VALUE, "measure-id", cv_record_get_id (m),
                         "measured-on", dates[i], "value", values[i], NULL));
  points = cv_measure_values (store, cv_record_get_id (m), &error);
  g_assert_no_error (error);
  g_assert_true (cv_measure_default_span (points, &from, &to));
  g_assert_cmpuint (from, ==, 0);
  g_assert_cmpuint (to, ==, 3);
  g_assert_cmpstr (g_array_index (points, CvMeasurePoint, from).date, ==, "2018-01-01");
  change = cv_measure_describe_change (g_array_index (points, CvMeasurePoint, from).value,
                                       g_array_index (points, CvMeasurePoint, to).value, "higher");
  g_assert_nonnull (strstr (change, "+150"));
  g_assert_nonnull (strstr (change, "+24%"));

  /* One value is no change at all. */
  g_array_set_size (points, 1);
  g_assert_false (cv_measure_default_span (points, &from, &to));
  g_assert_false (cv_measure_default_span (NULL, &from, &to));
}

/* A programme whose sessions all lie further back than the overview's 90
 * days shows the 90 days up to its latest session, and says so; once a
 * session is recent, the last 90 days again. */
static void
test_themes_latest_period (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "latest.db", NULL);
  g_autoptr(CvStore) store = cv_store_open (path, &error);
  g_autoptr(CvRecord) p = add (store, CV_TYPE_PROGRAMME, "name", "Finished", NULL);
  const char *pid = cv_record_get_id (p);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 2, 12, 0, 0);
  g_autoptr(CvRecord) staff = add (store, CV_TYPE_THEME, "programme-id", pid, "name", "Staff", NULL);
  g_autoptr(CvRecord) money = add (store, CV_TYPE_THEME, "programme-id", pid, "name", "Money", NULL);
  const char *just_staff[] = { cv_record_get_id (staff), NULL };
  const char *just_money[] = { cv_record_get_id (money), NULL };
  g_autoptr(CvRecord) june = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", "June", "status", "held",
                                  "starts-at", "2018-06-06T10:00:00Z", NULL);
  g_autoptr(CvRecord) december = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", "December",
                                      "status", "held", "starts-at", "2018-12-05T10:00:00Z", NULL);
  /* Planned for the future: not what was raised. */
  g_autoptr(CvRecord) planned = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", "Next year",
                                     "starts-at", "2027-03-03T10:00:00Z", NULL);
  g_autoptr(CvOverview) overview = NULL;
  g_autoptr(CvOverview) again = NULL;
  g_autoptr(CvRecord) recent = NULL;
  CvOverviewItem *item;

  g_object_unref (add (store, CV_TYPE_CONTRIBUTION, "programme-id", pid, "session-id", cv_record_get_id (june),
                       "text", "Too long before", "themes", just_money, NULL));
  g_object_unref (add (store, CV_TYPE_CONTRIBUTION, "programme-id", pid, "session-id", cv_record_get_id (december),
                       "text", "At the last one", "themes", just_staff, NULL));

  overview = cv_overview_build (store, pid, now, &error);
  g_assert_no_error (error);
  g_assert_true (overview->themes_latest);
  g_assert_cmpstr (overview->themes_to, ==, "2018-12-05T10:00:00Z");
  g_assert_cmpstr (overview->themes_from, ==, "2018-09-06T10:00:00Z");
  g_assert_cmpuint (overview->themes->len, ==, 1);
  item = g_ptr_array_index (overview->themes, 0);
  g_assert_cmpstr (item->title, ==, "Staff");
  g_assert_cmpuint (item->count, ==, 1);

  /* A session a week ago: the last 90 days are the period again. */
  recent = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", "Last week", "status", "held",
                "starts-at", "2026-11-25T10:00:00Z", NULL);
  again = cv_overview_build (store, pid, now, &error);
  g_assert_no_error (error);
  g_assert_false (again->themes_latest);
  g_assert_cmpstr (again->themes_to, ==, "2026-12-02T12:00:00Z");
  g_assert_cmpuint (again->themes->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/overview/percent-change", test_percent_change);
  g_test_add_func ("/overview/one-value-per-date", test_one_value_per_date);
  g_test_add_func ("/overview/counts", test_overview_counts);
  g_test_add_func ("/overview/measure-default-span", test_measure_default_span);
  g_test_add_func ("/overview/themes-latest-period", test_themes_latest_period);

  return g_test_run ();
}
