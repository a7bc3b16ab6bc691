/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The long lists of a record's page, read a page at a time: order, lengths
 * kept right through insert, delete, undo and merge, and reads in a worker
 * thread where a newer request cancels an older one.
 */
#include "config.h"

#include "cv-action.h"
#include "cv-attendance.h"
#include "cv-contribution.h"
#include "cv-error.h"
#include "cv-programme.h"
#include "cv-record-list.h"
#include "cv-record-page.h"
#include "cv-register.h"
#include "cv-session.h"
#include "cv-stakeholder.h"
#include "cv-store.h"
#include "cv-theme.h"
#include "cv-themes.h"

#define N_SESSIONS 7

typedef struct
{
  CvStore  *store;
  CvRecord *programme;
  CvRecord *theme;
  CvRecord *other_theme;
  CvRecord *person;
  CvRecord *sessions[N_SESSIONS];
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

static CvRecord *
add_said (Fixture    *f,
          guint       session,
          const char *theme_id,
          const char *text)
{
  const char *themes[] = { theme_id, NULL };

  return add (f->store, CV_TYPE_CONTRIBUTION, "programme-id", cv_record_get_id (f->programme),
              "session-id", cv_record_get_id (f->sessions[session]), "text", text, "themes", themes, NULL);
}

/* Seven sessions, stored latest first so that rowid order is not date order;
 * the theme raised once at each; the person at each and owning three actions. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "pages.db", NULL);
  const char *programme_id;

  f->store = cv_store_open (path, &error);
  g_assert_no_error (error);
  f->programme = add (f->store, CV_TYPE_PROGRAMME, "name", "Home care collaborative", NULL);
  programme_id = cv_record_get_id (f->programme);
  f->theme = add (f->store, CV_TYPE_THEME, "programme-id", programme_id, "name", "Transport", NULL);
  f->other_theme = add (f->store, CV_TYPE_THEME, "programme-id", programme_id, "name", "Buses", NULL);
  f->person = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", programme_id, "name", "Amira Patel", NULL);
  for (int i = N_SESSIONS - 1; i >= 0; i--)
    {
      g_autofree char *title = g_strdup_printf ("Session %d", i);
      g_autofree char *starts = g_strdup_printf ("2030-03-%02dT10:00:00Z", i + 1);
      g_autofree char *ends = g_strdup_printf ("2030-03-%02dT12:00:00Z", i + 1);
      g_autoptr(CvRecord) attendance = NULL;
      g_autoptr(CvRecord) said = NULL;
      g_autofree char *text = g_strdup_printf ("Said at session %d", i);

      f->sessions[i] = add (f->store, CV_TYPE_SESSION, "programme-id", programme_id, "title", title,
                            "starts-at", starts, "ends-at", ends, NULL);
      attendance = add (f->store, CV_TYPE_ATTENDANCE, "session-id", cv_record_get_id (f->sessions[i]),
                        "stakeholder-id", cv_record_get_id (f->person), NULL);
      said = add_said (f, i, cv_record_get_id (f->theme), text);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Action %u", i);
      g_autoptr(CvRecord) action = add (f->store, CV_TYPE_ACTION, "programme-id", programme_id, "title", title,
                                        "owner-id", cv_record_get_id (f->person), NULL);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < N_SESSIONS; i++)
    g_clear_object (&f->sessions[i]);
  g_clear_object (&f->person);
  g_clear_object (&f->other_theme);
  g_clear_object (&f->theme);
  g_clear_object (&f->programme);
  g_assert_finalize_object (f->store);
}

static guint
total_of (Fixture     *f,
          CvPagedList  list,
          const char  *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecordPage) page = cv_record_page_load (f->store, list, key, 0, 1, &error);

  g_assert_no_error (error);
  return page->total;
}

static void
test_pages_in_order (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *theme_id = cv_record_get_id (f->theme);
  const char *person_id = cv_record_get_id (f->person);
  guint seen = 0;

  /* What was said under the theme, oldest session first, three at a time. */
  for (guint offset = 0; offset < N_SESSIONS + 3; offset += 3)
    {
      g_autoptr(CvRecordPage) page = cv_record_page_load (f->store, CV_PAGED_THEME_CONTRIBUTIONS, theme_id,
                                                          offset, 3, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->total, ==, N_SESSIONS);
      g_assert_cmpuint (page->records->len, ==, MIN (3, N_SESSIONS - MIN (offset, N_SESSIONS)));
      for (guint i = 0; i < page->records->len; i++, seen++)
        {
          CvRecord *said = g_ptr_array_index (page->records, i);

          g_assert_true (CV_IS_CONTRIBUTION (said));
          g_assert_cmpstr (cv_record_get_string (said, "session_id"), ==, cv_record_get_id (f->sessions[seen]));
        }
    }
  g_assert_cmpuint (seen, ==, N_SESSIONS);

  /* The person's sessions, latest first. */
  {
    g_autoptr(CvRecordPage) page = cv_record_page_load (f->store, CV_PAGED_STAKEHOLDER_SESSIONS, person_id,
                                                        0, 2, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (page->total, ==, N_SESSIONS);
    g_assert_cmpuint (page->records->len, ==, 2);
    g_assert_cmpstr (cv_record_get_id (g_ptr_array_index (page->records, 0)), ==,
                     cv_record_get_id (f->sessions[N_SESSIONS - 1]));
    g_assert_cmpstr (cv_record_get_id (g_ptr_array_index (page->records, 1)), ==,
                     cv_record_get_id (f->sessions[N_SESSIONS - 2]));
  }

  g_assert_cmpuint (total_of (f, CV_PAGED_STAKEHOLDER_ACTIONS, person_id), ==, 3);

  /* What the person said, named, latest session first; anonymous words name nobody. */
  {
    g_autoptr(CvRecord) early = add (f->store, CV_TYPE_CONTRIBUTION, "programme-id", cv_record_get_id (f->programme),
                                     "session-id", cv_record_get_id (f->sessions[1]), "text", "Early",
                                     "anonymous", FALSE, "stakeholder-id", person_id, NULL);
    g_autoptr(CvRecord) late = add (f->store, CV_TYPE_CONTRIBUTION, "programme-id", cv_record_get_id (f->programme),
                                    "session-id", cv_record_get_id (f->sessions[4]), "text", "Late",
                                    "anonymous", FALSE, "stakeholder-id", person_id, NULL);
    g_autoptr(CvRecordPage) page = cv_record_page_load (f->store, CV_PAGED_STAKEHOLDER_CONTRIBUTIONS, person_id,
                                                        0, 5, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (page->total, ==, 2);
    g_assert_cmpstr (cv_record_get_id (g_ptr_array_index (page->records, 0)), ==, cv_record_get_id (late));
    g_assert_cmpstr (cv_record_get_id (g_ptr_array_index (page->records, 1)), ==, cv_record_get_id (early));
  }
  g_assert_cmpuint (total_of (f, CV_PAGED_SESSION_ATTENDANCE, cv_record_get_id (f->sessions[0])), ==, 1);
  g_assert_cmpuint (total_of (f, CV_PAGED_SESSION_CONTRIBUTIONS, cv_record_get_id (f->sessions[0])), ==, 1);
  g_assert_cmpuint (total_of (f, CV_PAGED_SESSION_ACTIONS, cv_record_get_id (f->sessions[0])), ==, 0);
  g_assert_cmpuint (total_of (f, CV_PAGED_THEME_ACTIONS, theme_id), ==, 0);
  g_assert_cmpuint (total_of (f, CV_PAGED_THEME_CONTRIBUTIONS, "no such theme"), ==, 0);
}

/* The lengths are counted, not kept: right after every kind of change. */
static void
test_totals_follow_changes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *theme_id = cv_record_get_id (f->theme);
  const char *other_id = cv_record_get_id (f->other_theme);
  g_autoptr(CvRecord) said = add_said (f, 2, theme_id, "One more time");
  g_autoptr(CvRecord) on_buses = add_said (f, 3, other_id, "The buses stop at six");
  g_autoptr(CvDeletion) deletion = NULL;
  g_autoptr(CvDeletion) session_gone = NULL;
  g_autoptr(CvThemeMerge) merge = NULL;

  g_assert_cmpuint (total_of (f, CV_PAGED_THEME_CONTRIBUTIONS, theme_id), ==, N_SESSIONS + 1);

  deletion = cv_store_delete (f->store, said, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total_of (f, CV_PAGED_THEME_CONTRIBUTIONS, theme_id), ==, N_SESSIONS);
  g_assert_true (cv_store_restore (f->store, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (total_of (f, CV_PAGED_THEME_CONTRIBUTIONS, theme_id), ==, N_SESSIONS + 1);

  /* A session deleted takes what was said there and its attendance with it; undo brings both back. */
  session_gone = cv_store_delete (f->store, f->sessions[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total_of (f, CV_PAGED_THEME_CONTRIBUTIONS, theme_id), ==, N_SESSIONS);
  g_assert_cmpuint (total_of (f, CV_PAGED_STAKEHOLDER_SESSIONS, cv_record_get_id (f->person)), ==, N_SESSIONS - 1);
  g_assert_true (cv_store_restore (f->store, session_gone, &error));
  g_assert_cmpuint (total_of (f, CV_PAGED_THEME_CONTRIBUTIONS, theme_id), ==, N_SESSIONS + 1);
  g_assert_cmpuint (total_of (f, CV_PAGED_STAKEHOLDER_SESSIONS, cv_record_get_id (f->person)), ==, N_SESSIONS);

  /* Merged: the kept theme has both lists; undone: each its own again. */
  merge = cv_themes_merge (f->store, other_id, theme_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total_of (f, CV_PAGED_THEME_CONTRIBUTIONS, theme_id), ==, N_SESSIONS + 2);
  g_assert_cmpuint (total_of (f, CV_PAGED_THEME_CONTRIBUTIONS, other_id), ==, 0);
  g_assert_true (cv_themes_unmerge (f->store, merge, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (total_of (f, CV_PAGED_THEME_CONTRIBUTIONS, theme_id), ==, N_SESSIONS + 1);
  g_assert_cmpuint (total_of (f, CV_PAGED_THEME_CONTRIBUTIONS, other_id), ==, 1);
}

typedef struct
{
  CvRecordPage *page;
  GError       *error;
  gboolean      done;
} Answer;

static void
answered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Answer *answer = user_data;

  answer->page = cv_record_page_load_finish (result, &answer->error);
  answer->done = TRUE;
}

static void
wait_for_answers (Answer *answers,
                  guint   n)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  for (guint i = 0; i < n; i++)
    while (!answers[i].done)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, until);
        g_main_context_iteration (NULL, TRUE);
      }
}

static void
test_async_newer_cancels_older (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GCancellable) older = g_cancellable_new ();
  g_autoptr(GCancellable) newer = g_cancellable_new ();
  g_autoptr(CvRecord) later = NULL;
  Answer answers[2] = { { 0 } };

  cv_record_page_load_async (f->store, CV_PAGED_THEME_CONTRIBUTIONS, cv_record_get_id (f->theme), 0, 50,
                             older, answered_cb, &answers[0]);
  /* As a view does when another theme is chosen before the first arrived. */
  g_cancellable_cancel (older);
  cv_record_page_load_async (f->store, CV_PAGED_THEME_CONTRIBUTIONS, cv_record_get_id (f->theme), 2, 3,
                             newer, answered_cb, &answers[1]);
  wait_for_answers (answers, 2);

  g_assert_null (answers[0].page);
  g_assert_error (answers[0].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_no_error (answers[1].error);
  g_assert_cmpuint (answers[1].page->total, ==, N_SESSIONS);
  g_assert_cmpuint (answers[1].page->records->len, ==, 3);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (answers[1].page->records, 0), "session_id"), ==,
                   cv_record_get_id (f->sessions[2]));
  g_clear_error (&answers[0].error);
  g_clear_pointer (&answers[1].page, cv_record_page_free);

  /* The worker's own connection sees what the window's connection just wrote. */
  later = add_said (f, 6, cv_record_get_id (f->theme), "Written before the read");
  memset (answers, 0, sizeof answers);
  cv_record_page_load_async (f->store, CV_PAGED_THEME_CONTRIBUTIONS, cv_record_get_id (f->theme), 0, 50,
                             NULL, answered_cb, &answers[0]);
  wait_for_answers (answers, 1);
  g_assert_no_error (answers[0].error);
  g_assert_cmpuint (answers[0].page->total, ==, N_SESSIONS + 1);
  g_assert_cmpuint (answers[0].page->records->len, ==, N_SESSIONS + 1);
  g_clear_pointer (&answers[0].page, cv_record_page_free);
}

/* The worker's connection reads only: a write through it fails and leaves the file alone. */
static void
test_reader_refuses_writes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvDatabase) reader = cv_database_open_reader (cv_database_get_path (cv_store_get_database (f->store)),
                                                          &error);
  g_autoptr(CvStatement) st = NULL;

  g_assert_no_error (error);
  st = cv_database_prepare (reader, "DELETE FROM contribution", &error);
  g_assert_no_error (error);
  g_assert_false (cv_statement_run (st, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_READ_ONLY);
  g_assert_cmpuint (total_of (f, CV_PAGED_THEME_CONTRIBUTIONS, cv_record_get_id (f->theme)), ==, N_SESSIONS);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Refreshed;

static void
refreshed_cb (GObject      *list,
              GAsyncResult *result,
              gpointer      user_data)
{
  Refreshed *refreshed = user_data;

  refreshed->ok = cv_record_list_refresh_finish (CV_RECORD_LIST (list), result, &refreshed->error);
  refreshed->done = TRUE;
}

static void
wait_for_refreshes (Refreshed *refreshed,
                    guint      n)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  for (guint i = 0; i < n; i++)
    while (!refreshed[i].done)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, until);
        g_main_context_iteration (NULL, TRUE);
      }
}

/* Search as typing does: each keystroke's search in a worker thread, the
 * newer one cancelling the older, and the list showing only the newer rows. */
static void
test_search_newer_cancels_older (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(CvRecordList) list = cv_record_list_new (f->store, CV_TYPE_STAKEHOLDER);
  g_autoptr(CvRecord) gwen = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", cv_record_get_id (f->programme),
                                  "name", "Gwen Morgan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) shown = NULL;
  Refreshed refreshed[3] = { { 0 } };

  cv_record_list_set_programme (list, cv_record_get_id (f->programme));
  cv_record_list_set_search (list, "ami");
  cv_record_list_refresh_async (list, refreshed_cb, &refreshed[0]);
  g_assert_true (cv_record_list_is_refreshing (list));
  cv_record_list_set_search (list, "gwe");
  cv_record_list_refresh_async (list, refreshed_cb, &refreshed[1]);
  wait_for_refreshes (refreshed, 2);

  g_assert_false (refreshed[0].ok);
  g_assert_error (refreshed[0].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (refreshed[1].ok);
  g_assert_no_error (refreshed[1].error);
  g_assert_false (cv_record_list_is_refreshing (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  shown = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (cv_record_get_id (shown), ==, cv_record_get_id (gwen));
  g_clear_error (&refreshed[0].error);

  /* A refresh on the spot (after an edit) also makes a search under way out of date. */
  cv_record_list_set_search (list, "ami");
  cv_record_list_refresh_async (list, refreshed_cb, &refreshed[2]);
  cv_record_list_set_search (list, NULL);
  g_assert_true (cv_record_list_refresh (list, &error));
  g_assert_no_error (error);
  wait_for_refreshes (&refreshed[2], 1);
  g_assert_error (refreshed[2].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_clear_error (&refreshed[2].error);
}

/* The grid's cells: every count, and the first names of each in name order. */
static void
test_grid_cells (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvGrid) grid = NULL;
  const char *names[] = { "Eve", "dai", "Cerys", "bryn", "Aled" };
  g_autoptr(GString) seen = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", cv_record_get_id (f->programme),
                         "name", names[i], "influence", "high", "interest", "high", NULL));
  g_object_unref (add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", cv_record_get_id (f->programme),
                       "name", "Zac", "influence", "high", "interest", "low", NULL));

  grid = cv_register_grid (f->store, cv_record_get_id (f->programme), 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grid->counts[2][2], ==, 5);
  g_assert_cmpuint (grid->counts[2][0], ==, 1);
  for (guint i = 0; i < grid->points->len; i++)
    {
      CvGridPoint *point = &g_array_index (grid->points, CvGridPoint, i);

      g_string_append_printf (seen, "%s%s:%d%d", i > 0 ? "," : "", point->name, point->influence, point->interest);
    }
  /* Amira Patel of the fixture has the default levels (medium). */
  g_assert_cmpstr (seen->str, ==, "Aled:22,Amira Patel:11,bryn:22,Cerys:22,Zac:20");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pages/in-order", test_pages_in_order);
  ADD ("/pages/totals-follow-changes", test_totals_follow_changes);
  ADD ("/pages/async/newer-cancels-older", test_async_newer_cancels_older);
  ADD ("/pages/reader-refuses-writes", test_reader_refuses_writes);
  ADD ("/register/grid-cells", test_grid_cells);
  ADD ("/record-list/search-newer-cancels-older", test_search_newer_cancels_older);
#undef ADD

  return g_test_run ();
}
