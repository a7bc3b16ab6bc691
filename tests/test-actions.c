/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cv-action.h"
#include "cv-contribution.h"
#include "cv-error.h"
#include "cv-programme.h"
#include "cv-review.h"
#include "cv-session.h"
#include "cv-stakeholder.h"
#include "cv-store.h"
#include "cv-theme.h"
#include "cv-themes.h"
#include "cv-time.h"

typedef struct
{
  CvStore  *store;
  CvRecord *programme;
  CvRecord *owner;
  CvRecord *org;
  CvRecord *staff, *money;              /* themes */
  CvRecord *s1, *s2, *s3, *s4;          /* sessions in time order; s3 is reviewed */
} Fixture;

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
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "actions.db", NULL);
  const char *pid;

  f->store = cv_store_open (path, &error);
  g_assert_no_error (error);
  f->programme = add (f->store, CV_TYPE_PROGRAMME, "name", "Home care collaborative", NULL);
  pid = cv_record_get_id (f->programme);
  f->org = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "kind", "organisation", "name", "Council", NULL);
  f->owner = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", "Sarah Whitfield",
                  "named-to-partners", TRUE, NULL);   /* so the public review names her */
  f->staff = add (f->store, CV_TYPE_THEME, "programme-id", pid, "name", "Better care of staff", NULL);
  f->money = add (f->store, CV_TYPE_THEME, "programme-id", pid, "name", "Financing", NULL);
  f->s1 = add (f->store, CV_TYPE_SESSION, "programme-id", pid, "title", "December", "starts-at", "2017-12-06T10:00:00Z", NULL);
  f->s2 = add (f->store, CV_TYPE_SESSION, "programme-id", pid, "title", "March", "starts-at", "2018-03-07T10:00:00Z", NULL);
  f->s3 = add (f->store, CV_TYPE_SESSION, "programme-id", pid, "title", "June", "starts-at", "2018-06-06T10:00:00Z", NULL);
  f->s4 = add (f->store, CV_TYPE_SESSION, "programme-id", pid, "title", "September", "starts-at", "2018-09-05T10:00:00Z", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->programme);
  g_clear_object (&f->owner);
  g_clear_object (&f->org);
  g_clear_object (&f->staff);
  g_clear_object (&f->money);
  g_clear_object (&f->s1);
  g_clear_object (&f->s2);
  g_clear_object (&f->s3);
  g_clear_object (&f->s4);
  g_assert_finalize_object (f->store);
}

static CvRecord *
said (Fixture    *f,
      CvRecord   *session,
      const char *text,
      CvRecord   *theme1,
      CvRecord   *theme2)
{
  const char *themes[3] = { cv_record_get_id (theme1), theme2 ? cv_record_get_id (theme2) : NULL, NULL };

  return add (f->store, CV_TYPE_CONTRIBUTION, "programme-id", cv_record_get_id (f->programme),
              "session-id", cv_record_get_id (session), "text", text, "themes", themes, NULL);
}

static CvRecord *
action (Fixture    *f,
        CvRecord   *session,
        const char *title,
        CvRecord   *theme,
        const char *status,
        const char *due)
{
  const char *themes[2] = { theme ? cv_record_get_id (theme) : NULL, NULL };

  return add (f->store, CV_TYPE_ACTION, "programme-id", cv_record_get_id (f->programme),
              "session-id", cv_record_get_id (session), "title", title, "themes", themes,
              "owner-id", cv_record_get_id (f->owner), "status", status, "due-on", due,
              "outcome", g_str_equal (status, "done") ? "Done and reported back." : NULL, NULL);
}

/* Sets when a record was last changed, as if it had been then. */
static void
touch (Fixture    *f,
       CvRecord   *record,
       const char *when)
{
  g_autoptr(GError) error = NULL;

  cv_record_set_timestamps (record, cv_record_get_created_at (record), when);
  g_assert_true (cv_store_write_unchecked (f->store, record, TRUE, &error));
  g_assert_no_error (error);
}

static void
test_theme_counts_and_merge (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) merged = NULL;
  g_autoptr(CvThemeMerge) merge = NULL;
  g_autoptr(CvRecord) c1 = said (f, f->s1, "Parking costs us money.", f->staff, f->money);
  g_autoptr(CvRecord) c2 = said (f, f->s2, "Nobody thanks care workers.", f->staff, NULL);
  g_autoptr(CvRecord) c3 = said (f, f->s2, "Rates do not cover travel.", f->money, NULL);
  g_autoptr(CvRecord) a1 = action (f, f->s1, "Parking permits", f->money, "done", "2018-01-31");
  g_autoptr(CvRecord) a2 = action (f, f->s2, "Lanyards", f->staff, "agreed", "2018-05-31");
  g_autoptr(CvRecord) back = NULL;
  CvThemeCounts *staff, *money;

  counts = cv_themes_count (f->store, cv_record_get_id (f->programme), &error);
  g_assert_no_error (error);
  staff = g_hash_table_lookup (counts, cv_record_get_id (f->staff));
  money = g_hash_table_lookup (counts, cv_record_get_id (f->money));
  g_assert_cmpuint (staff->contributions, ==, 2);
  g_assert_cmpuint (staff->sessions, ==, 2);
  g_assert_cmpuint (staff->open_actions, ==, 1);
  g_assert_cmpuint (staff->done_actions, ==, 0);
  g_assert_cmpuint (money->contributions, ==, 2);
  g_assert_cmpuint (money->sessions, ==, 2);
  g_assert_cmpuint (money->open_actions, ==, 0);
  g_assert_cmpuint (money->done_actions, ==, 1);

  /* Merge Financing into Better care of staff: nothing is lost, c1 is counted once. */
  merge = cv_themes_merge (f->store, cv_record_get_id (f->money), cv_record_get_id (f->staff), &error);
  g_assert_no_error (error);
  merged = cv_themes_count (f->store, cv_record_get_id (f->programme), &error);
  g_assert_cmpuint (g_hash_table_size (merged), ==, 1);
  staff = g_hash_table_lookup (merged, cv_record_get_id (f->staff));
  g_assert_cmpuint (staff->contributions, ==, 3);
  g_assert_cmpuint (staff->open_actions, ==, 1);
  g_assert_cmpuint (staff->done_actions, ==, 1);
  g_assert_cmpint (cv_store_count (f->store, CV_TYPE_CONTRIBUTION, "programme_id", cv_record_get_id (f->programme), NULL), ==, 3);

  /* Undo puts both themes back as they were. */
  g_assert_true (cv_themes_unmerge (f->store, merge, &error));
  g_assert_no_error (error);
  g_clear_pointer (&counts, g_hash_table_unref);
  counts = cv_themes_count (f->store, cv_record_get_id (f->programme), &error);
  g_assert_cmpuint (((CvThemeCounts *)g_hash_table_lookup (counts, cv_record_get_id (f->staff)))->contributions, ==, 2);
  g_assert_cmpuint (((CvThemeCounts *)g_hash_table_lookup (counts, cv_record_get_id (f->money)))->contributions, ==, 2);
  back = cv_store_load (f->store, CV_TYPE_ACTION, cv_record_get_id (a1), &error);
  g_assert_cmpstr (cv_record_get_list (back, "themes")[0], ==, cv_record_get_id (f->money));
  g_assert_null (cv_record_get_list (back, "themes")[1]);

  g_assert_null (cv_themes_merge (f->store, cv_record_get_id (f->staff), cv_record_get_id (f->staff), &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
}

static void
test_overdue_in_time_zones (void)
{
  g_autoptr(CvRecord) a = cv_record_new (CV_TYPE_ACTION);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) east = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GTimeZone) west = g_time_zone_new_offset (-5 * 3600);
  /* 23:30 UTC on the due date: still that day in London, the next day two hours east. */
  g_autoptr(GDateTime) late = g_date_time_new_utc (2024, 6, 30, 23, 30, 0);
  g_autoptr(GDateTime) early = g_date_time_new_utc (2024, 7, 1, 3, 0, 0);
  g_autofree char *in_utc = cv_local_date (late, utc);
  g_autofree char *in_east = cv_local_date (late, east);
  g_autofree char *west_early = cv_local_date (early, west);

  g_object_set (a, "title", "Lanyards", "due-on", "2024-06-30", "status", "agreed", NULL);
  g_assert_cmpstr (in_utc, ==, "2024-06-30");
  g_assert_false (cv_action_is_overdue (CV_ACTION (a), in_utc));        /* due today */
  g_assert_cmpstr (in_east, ==, "2024-07-01");
  g_assert_true (cv_action_is_overdue (CV_ACTION (a), in_east));        /* past, there */
  g_assert_cmpstr (west_early, ==, "2024-06-30");
  g_assert_false (cv_action_is_overdue (CV_ACTION (a), west_early));   /* still the 30th in the west */
  cv_record_set_string (a, "status", "done");
  g_assert_false (cv_action_is_overdue (CV_ACTION (a), in_east));
}

static void
test_done_needs_outcome (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) a = action (f, f->s1, "Lanyards", f->staff, "agreed", "2018-05-31");
  g_autoptr(CvRecord) stored = NULL;

  cv_record_set_string (a, "status", "done");
  cv_record_set_string (a, "outcome", "   ");
  g_assert_false (cv_store_update (f->store, a, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  stored = cv_store_load (f->store, CV_TYPE_ACTION, cv_record_get_id (a), NULL);
  g_assert_cmpstr (cv_record_get_string (stored, "status"), ==, "agreed");
  cv_record_set_string (a, "outcome", "1,150 lanyards given out.");
  g_assert_true (cv_store_update (f->store, a, &error));
}

static CvRecord *
answering (Fixture    *f,
           CvRecord   *session,
           const char *title,
           CvRecord   *theme,
           const char *status,
           CvRecord   *contribution)
{
  g_autoptr(GError) error = NULL;
  CvRecord *a = action (f, session, title, theme, status, NULL);
  const char *answers[] = { cv_record_get_id (contribution), NULL };

  cv_record_set_list (a, "answers", answers);
  g_assert_true (cv_store_update (f->store, a, &error));
  return a;
}

#define SAID(group, i) ((CvReviewSaid *)g_ptr_array_index ((group)->said, (i)))

/* The review of June tells March to June: what was said then, each quote
 * once under its most raised theme, what was done about it beside it; from
 * before March only what an action changed in the period answers. */
static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) transport = add (f->store, CV_TYPE_THEME, "programme-id", cv_record_get_id (f->programme),
                                       "name", "Transport", NULL);
  g_autoptr(CvRecord) c1 = said (f, f->s1, "Parking costs us money.", f->staff, f->money);
  g_autoptr(CvRecord) c0 = said (f, f->s1, "Said in December, never acted on.", f->staff, NULL);
  g_autoptr(CvRecord) c2 = said (f, f->s2, "Nobody thanks care workers.", f->staff, NULL);
  g_autoptr(CvRecord) c2b = said (f, f->s2, "Pay us for travel time.", f->staff, f->money);
  g_autoptr(CvRecord) c3 = said (f, f->s3, "Said at the reviewed session itself.", f->staff, NULL);
  g_autoptr(CvRecord) c4 = said (f, f->s4, "Said later.", f->money, NULL);
  g_autoptr(CvRecord) old = answering (f, f->s1, "Parking permits", f->staff, "done", c1);
  g_autoptr(CvRecord) fresh = answering (f, f->s1, "Parking discount", f->money, "in_progress", c1);
  g_autoptr(CvRecord) thanks = answering (f, f->s2, "Thank-you cards", NULL, "done", c2);
  g_autoptr(CvRecord) plain = action (f, f->s2, "Write to the minister", NULL, "agreed", NULL);
  g_autoptr(CvRecord) later = action (f, f->s4, "Agreed later", f->staff, "agreed", NULL);
  g_autoptr(CvReview) review = NULL;
  CvReviewGroup *group;
  CvReviewAction *a;

  for (guint i = 0; i < CV_REVIEW_MAX_ITEMS + 2; i++)
    {
      g_autofree char *text = g_strdup_printf ("Bus %u is always late.", i + 1);
      g_autoptr(CvRecord) bus = said (f, f->s2, text, transport, NULL);
    }
  /* Before the period for one, in it for the others; "later" was agreed after it. */
  touch (f, old, "2018-02-01T09:00:00Z");
  touch (f, fresh, "2018-04-01T09:00:00Z");
  touch (f, thanks, "2018-04-02T09:00:00Z");

  review = cv_review_build (f->store, cv_record_get_id (f->s3), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (review->session_title, ==, "June");
  g_assert_cmpstr (review->previous_starts, ==, "2018-03-07T10:00:00Z");
  g_assert_cmpuint (review->groups->len, ==, 3);

  /* The most raised theme first; a long list is trimmed and says by how much. */
  group = g_ptr_array_index (review->groups, 0);
  g_assert_cmpstr (group->theme, ==, "Transport");
  g_assert_cmpuint (group->said->len, ==, CV_REVIEW_MAX_ITEMS);
  g_assert_cmpuint (group->said_more, ==, 2);
  g_assert_cmpstr (SAID (group, 0)->text, ==, "Bus 1 is always late.");
  g_assert_cmpuint (SAID (group, 0)->number, ==, 1);

  /* Each quote once, under its first theme in the review's order, naming the other. */
  group = g_ptr_array_index (review->groups, 1);
  g_assert_cmpstr (group->theme, ==, "Better care of staff");
  g_assert_cmpuint (group->said->len, ==, 3);
  /* What was acted on first: March's words, then December's brought back by
   * an action that changed in the period; then the rest. */
  g_assert_cmpstr (SAID (group, 0)->text, ==, "Nobody thanks care workers.");
  g_assert_false (SAID (group, 0)->earlier);
  g_assert_cmpstr (SAID (group, 1)->text, ==, "Parking costs us money.");
  g_assert_true (SAID (group, 1)->earlier);
  g_assert_cmpstr (SAID (group, 1)->also, ==, "Financing");
  /* Named with its id too, so that the window links to it. */
  g_assert_cmpstr (SAID (group, 1)->also_ids[0], ==, cv_record_get_id (f->money));
  g_assert_cmpstr (SAID (group, 1)->also_names[0], ==, "Financing");
  g_assert_null (SAID (group, 1)->also_ids[1]);
  g_assert_cmpstr (SAID (group, 2)->text, ==, "Pay us for travel time.");
  g_assert_cmpstr (SAID (group, 2)->also, ==, "Financing");
  g_assert_null (SAID (group, 0)->also);
  g_assert_null (SAID (group, 0)->also_ids[0]);

  /* Done, beside what it answers; open, with its news. */
  g_assert_cmpuint (group->actions->len, ==, 1);
  a = g_ptr_array_index (group->actions, 0);
  g_assert_cmpstr (a->title, ==, "Thank-you cards");
  g_assert_cmpuint (SAID (group, 0)->number, ==, CV_REVIEW_MAX_ITEMS + 1);
  g_assert_cmpuint (SAID (group, 1)->number, ==, CV_REVIEW_MAX_ITEMS + 2);
  g_assert_cmpstr (a->answers, ==, "6");
  g_assert_cmpstr (a->outcome, ==, "Done and reported back.");
  g_assert_cmpstr (a->owner, ==, "Sarah Whitfield");
  g_assert_true (a->recent);
  g_assert_cmpuint (group->open->len, ==, 1);
  a = g_ptr_array_index (group->open, 0);
  g_assert_cmpstr (a->title, ==, "Parking discount");
  g_assert_cmpstr (a->answers, ==, "7");
  g_assert_true (cv_review_action_is_open (a));

  /* Financing has nothing of its own left; what has no theme comes last. */
  group = g_ptr_array_index (review->groups, 2);
  g_assert_null (group->theme);
  g_assert_cmpuint (group->said->len, ==, 0);
  g_assert_cmpuint (group->open->len, ==, 1);
  g_assert_cmpstr (((CvReviewAction *)g_ptr_array_index (group->open, 0))->title, ==, "Write to the minister");
  g_assert_false (((CvReviewAction *)g_ptr_array_index (group->open, 0))->recent);

  /* The first session has no period before it: nothing to tell. */
  g_clear_pointer (&review, cv_review_free);
  review = cv_review_build (f->store, cv_record_get_id (f->s1), &error);
  g_assert_no_error (error);
  g_assert_null (review->previous_starts);
  g_assert_cmpuint (review->groups->len, ==, 0);
}

static void
test_review_needs_start (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) undated = add (f->store, CV_TYPE_SESSION, "programme-id", cv_record_get_id (f->programme),
                                     "title", "Some day", NULL);
  g_autoptr(CvReview) review = cv_review_build (f->store, cv_record_get_id (undated), &error);

  g_assert_null (review);
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  FIXTURE_TEST ("/actions/theme-counts-and-merge", test_theme_counts_and_merge);
  g_test_add_func ("/actions/overdue-in-time-zones", test_overdue_in_time_zones);
  FIXTURE_TEST ("/actions/done-needs-outcome", test_done_needs_outcome);
  FIXTURE_TEST ("/actions/review", test_review);
  FIXTURE_TEST ("/actions/review-needs-start", test_review_needs_start);

  return g_test_run ();
}
