/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The review as a document: however long the programme, the review of one
 * period is a few pages. Needs Cairo and Pango, not a display.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cv-action.h"
#include "cv-contribution.h"
#include "cv-programme.h"
#include "cv-review.h"
#include "cv-review-document.h"
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

/* A busy programme: 40 sessions a month apart, each with 30 things said
 * under 8 themes and 40 actions agreed, some answering what was said. */
static void
test_long_programme_few_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "review.db", NULL);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "review.pdf", NULL);
  g_autoptr(CvStore) store = cv_store_open (path, &error);
  g_autoptr(CvRecord) programme = NULL;
  g_autoptr(GPtrArray) themes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CvRecord) last = NULL;
  g_autoptr(CvReview) review = NULL;
  g_autoptr(CvDocument) document = NULL;
  const char *pid;
  guint said_total = 0;
  int pages = 0;

  g_assert_no_error (error);
  programme = add (store, CV_TYPE_PROGRAMME, "name", "County", NULL);
  pid = cv_record_get_id (programme);
  for (guint t = 0; t < 8; t++)
    {
      g_autofree char *name = g_strdup_printf ("Theme %u", t + 1);
      g_ptr_array_add (themes, add (store, CV_TYPE_THEME, "programme-id", pid, "name", name, NULL));
    }

  g_assert_true (cv_database_begin (cv_store_get_database (store), &error));
  for (guint s = 0; s < 40; s++)
    {
      g_autofree char *title = g_strdup_printf ("Meeting %u", s + 1);
      g_autofree char *starts = g_strdup_printf ("%04u-%02u-01T10:00:00Z", 2020 + s / 12, s % 12 + 1);
      g_autoptr(CvRecord) session = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", title,
                                         "starts-at", starts, "status", "held", NULL);
      g_autoptr(GPtrArray) said = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint c = 0; c < 30; c++)
        {
          g_autofree char *text = g_strdup_printf ("At meeting %u, person %u said the waiting list for "
                                                   "home care is too long and nobody rings back.", s + 1, c + 1);
          const char *th[] = { cv_record_get_id (g_ptr_array_index (themes, c % 8)),
                               cv_record_get_id (g_ptr_array_index (themes, (c + 3) % 8)), NULL };

          g_ptr_array_add (said, add (store, CV_TYPE_CONTRIBUTION, "programme-id", pid,
                                      "session-id", cv_record_get_id (session), "text", text, "themes", th, NULL));
          said_total++;
        }
      for (guint a = 0; a < 40; a++)
        {
          g_autofree char *what = g_strdup_printf ("Action %u of meeting %u", a + 1, s + 1);
          const char *answers[] = { cv_record_get_id (g_ptr_array_index (said, a % said->len)), NULL };
          const char *th[] = { cv_record_get_id (g_ptr_array_index (themes, a % 8)), NULL };
          const char *status = a % 3 == 0 ? "done" : "agreed";

          g_object_unref (add (store, CV_TYPE_ACTION, "programme-id", pid, "session-id", cv_record_get_id (session),
                               "title", what, "themes", th, "answers", a % 2 == 0 ? answers : NULL,
                               "status", status, "outcome", g_str_equal (status, "done") ? "Done." : NULL, NULL));
        }
      g_set_object (&last, session);
    }
  g_assert_true (cv_database_commit (cv_store_get_database (store), &error));

  review = cv_review_build (store, cv_record_get_id (last), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (review->groups->len, <=, 8 + 1);
  for (guint g = 0; g < review->groups->len; g++)
    {
      CvReviewGroup *group = g_ptr_array_index (review->groups, g);

      g_assert_cmpuint (group->said->len, <=, CV_REVIEW_MAX_ITEMS);
      g_assert_cmpuint (group->actions->len, <=, CV_REVIEW_MAX_ITEMS);
      g_assert_cmpuint (group->open->len, <=, CV_REVIEW_MAX_ITEMS);
      /* Only the previous meeting's words: 30 of the 1,170 said before. */
      g_assert_cmpuint (group->said->len + group->said_more, <=, 30);
    }
  g_assert_cmpuint (said_total, ==, 1200);

  document = cv_review_document_new (review);
  g_assert_true (cv_document_write_pdf (document, pdf, &pages, &error));
  g_assert_no_error (error);
  g_test_message ("%d pages", pages);
  g_assert_cmpint (pages, >=, 1);
  g_assert_cmpint (pages, <=, 8);
}

/* Finds the action called @title in any group of @review. */
static CvReviewAction *
find_action (CvReview   *review,
             const char *title)
{
  for (guint g = 0; g < review->groups->len; g++)
    {
      CvReviewGroup *group = g_ptr_array_index (review->groups, g);
      GPtrArray *lists[] = { group->actions, group->open };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; i < lists[l]->len; i++)
          if (g_str_equal (((CvReviewAction *)g_ptr_array_index (lists[l], i))->title, title))
            return g_ptr_array_index (lists[l], i);
    }
  return NULL;
}

/* The review is read out and published: an owner who did not agree to be
 * named beyond the programme stands as their organisation. */
static void
test_owner_named_only_with_consent (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "owners.db", NULL);
  g_autoptr(CvStore) store = cv_store_open (path, &error);
  g_autoptr(CvRecord) programme = add (store, CV_TYPE_PROGRAMME, "name", "Owners", NULL);
  const char *pid = cv_record_get_id (programme);
  g_autoptr(CvRecord) trust = add (store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "kind", "organisation",
                                   "name", "Community Health NHS Trust", NULL);
  g_autoptr(CvRecord) helen = add (store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "kind", "person",
                                   "name", "Helen Morris", "organisation-id", cv_record_get_id (trust), NULL);
  g_autoptr(CvRecord) sarah = add (store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "kind", "person",
                                   "name", "Sarah Whitfield", "named-to-partners", TRUE, NULL);
  g_autoptr(CvRecord) first = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", "First",
                                   "starts-at", "2030-01-01T10:00:00Z", "status", "held", NULL);
  g_autoptr(CvRecord) second = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", "Second",
                                    "starts-at", "2030-02-01T10:00:00Z", NULL);
  g_autoptr(CvRecord) quiet = add (store, CV_TYPE_ACTION, "programme-id", pid, "session-id", cv_record_get_id (first),
                                   "title", "Ring everyone back", "owner-id", cv_record_get_id (helen), NULL);
  g_autoptr(CvRecord) named = add (store, CV_TYPE_ACTION, "programme-id", pid, "session-id", cv_record_get_id (first),
                                   "title", "Write the leaflet", "owner-id", cv_record_get_id (sarah), NULL);
  g_autoptr(CvReview) review = cv_review_build (store, cv_record_get_id (second), &error);
  CvReviewAction *a;

  g_assert_no_error (error);
  a = find_action (review, "Ring everyone back");
  g_assert_nonnull (a);
  g_assert_null (a->owner);
  g_assert_cmpstr (a->organisation, ==, "Community Health NHS Trust");
  a = find_action (review, "Write the leaflet");
  g_assert_nonnull (a);
  g_assert_cmpstr (a->owner, ==, "Sarah Whitfield");
}

/* Counts are grouped as the person's locale groups them: a county review
 * leaves out thousands. */
static void
test_more_grouped (void)
{
  g_autofree char *more = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, "en_GB.UTF-8") == NULL)
    {
      g_test_skip ("The en_GB.UTF-8 locale is not installed");
      return;
    }
  more = cv_review_more_text (12345);
  setlocale (LC_ALL, saved);
  g_assert_cmpstr (more, ==, "…and 12,345 more");
}

/* A dropped action is not something done: the review tells it apart, under
 * "Not going ahead" with its reason, in the model and in the PDF (the same
 * document Print and `convene --review … --pdf` make). */
static void
test_dropped_apart (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "dropped.db", NULL);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "dropped.pdf", NULL);
  g_autoptr(CvStore) store = cv_store_open (path, &error);
  g_autoptr(CvRecord) programme = add (store, CV_TYPE_PROGRAMME, "name", "Dropped", NULL);
  const char *pid = cv_record_get_id (programme);
  g_autoptr(CvRecord) theme = add (store, CV_TYPE_THEME, "programme-id", pid, "name", "Transport", NULL);
  const char *themes[] = { cv_record_get_id (theme), NULL };
  g_autoptr(CvRecord) first = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", "First",
                                   "starts-at", "2030-01-01T10:00:00Z", "status", "held", NULL);
  g_autoptr(CvRecord) second = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", "Second",
                                    "starts-at", "2030-02-01T10:00:00Z", NULL);
  g_autoptr(CvRecord) done = add (store, CV_TYPE_ACTION, "programme-id", pid, "session-id", cv_record_get_id (first),
                                  "title", "Later bus", "themes", themes, "status", "done",
                                  "outcome", "The 7 o'clock bus runs again.", NULL);
  g_autoptr(CvRecord) dropped = add (store, CV_TYPE_ACTION, "programme-id", pid,
                                     "session-id", cv_record_get_id (first), "title", "Free parking",
                                     "themes", themes, "status", "dropped",
                                     "outcome", "The council would not pay for it.", NULL);
  g_autoptr(CvReview) review = cv_review_build (store, cv_record_get_id (second), &error);
  g_autoptr(CvDocument) document = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  CvReviewGroup *group;

  g_assert_no_error (error);
  g_assert_cmpuint (review->groups->len, ==, 1);
  group = g_ptr_array_index (review->groups, 0);
  g_assert_cmpuint (group->actions->len, ==, 1);
  g_assert_cmpstr (((CvReviewAction *)g_ptr_array_index (group->actions, 0))->title, ==, "Later bus");
  g_assert_cmpuint (group->dropped->len, ==, 1);
  g_assert_cmpstr (((CvReviewAction *)g_ptr_array_index (group->dropped, 0))->title, ==, "Free parking");
  g_assert_true (cv_review_action_is_dropped (g_ptr_array_index (group->dropped, 0)));
  g_assert_false (cv_review_action_is_open (g_ptr_array_index (group->dropped, 0)));

  document = cv_review_document_new (review);
  g_assert_true (cv_document_write_pdf (document, pdf, NULL, &error));
  g_assert_no_error (error);
  if (pdftotext == NULL)
    {
      g_test_message ("pdftotext is not installed: only the review's model was checked");
      return;
    }
  {
    g_autofree char *command = g_strdup_printf ("pdftotext -layout %s -", pdf);
    g_autofree char *text = NULL;
    int status = 0;
    const char *we_did, *not_ahead;

    g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, NULL));
    g_assert_cmpint (status, ==, 0);
    we_did = strstr (text, "WE DID");
    not_ahead = strstr (text, "NOT GOING AHEAD");
    g_assert_nonnull (we_did);
    g_assert_nonnull (not_ahead);
    /* What was done under "We did"; the dropped one only after "Not going ahead", with why. */
    g_assert_true (we_did < strstr (text, "Later bus"));
    g_assert_true (strstr (text, "Later bus") < not_ahead);
    g_assert_true (not_ahead < strstr (text, "Free parking"));
    g_assert_nonnull (strstr (text, "Why not: The council would not pay for it."));
    g_assert_null (strstr (text, "We did: The council"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/review/long-programme-few-pages", test_long_programme_few_pages);
  g_test_add_func ("/review/more-grouped", test_more_grouped);
  g_test_add_func ("/review/owner-named-only-with-consent", test_owner_named_only_with_consent);
  g_test_add_func ("/review/dropped-apart", test_dropped_apart);
  return g_test_run ();
}
