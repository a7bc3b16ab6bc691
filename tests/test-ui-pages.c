/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The rows of a long list on a record's page: the first page, "Show N More",
 * a reload after the list changed, and a newer list replacing one still
 * being read. Driven through the real widget under Xvfb.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cv-contribution.h"
#include "cv-paged-rows.h"
#include "cv-programme.h"
#include "cv-session.h"
#include "cv-store.h"
#include "cv-theme.h"

typedef struct
{
  char        *dir;
  CvStore     *store;
  CvRecord    *programme;
  CvRecord    *session;
  CvRecord    *themes[2];
  CvPagedRows *rows;
  guint        loaded;
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
          guint       theme,
          const char *text)
{
  const char *themes[] = { cv_record_get_id (f->themes[theme]), NULL };

  return add (f->store, CV_TYPE_CONTRIBUTION, "programme-id", cv_record_get_id (f->programme),
              "session-id", cv_record_get_id (f->session), "text", text, "themes", themes, NULL);
}

static GtkWidget *
said_row_cb (CvRecord *said,
             gpointer  user_data)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cv_record_get_string (said, "text"));
  return row;
}

static void
loaded_cb (Fixture *f)
{
  f->loaded++;
}

/* Seven things said under the first theme, two under the second; pages of three. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *programme_id;

  f->dir = g_dir_make_tmp ("convene-pages-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "pages.db", NULL);
  f->store = cv_store_open (path, &error);
  g_assert_no_error (error);
  f->programme = add (f->store, CV_TYPE_PROGRAMME, "name", "Home care collaborative", NULL);
  programme_id = cv_record_get_id (f->programme);
  f->session = add (f->store, CV_TYPE_SESSION, "programme-id", programme_id, "title", "Quarterly meeting",
                    "starts-at", "2030-03-01T10:00:00Z", "ends-at", "2030-03-01T12:00:00Z", NULL);
  f->themes[0] = add (f->store, CV_TYPE_THEME, "programme-id", programme_id, "name", "Transport", NULL);
  f->themes[1] = add (f->store, CV_TYPE_THEME, "programme-id", programme_id, "name", "Loneliness", NULL);
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *text = g_strdup_printf ("Said %u", i);
      g_autoptr(CvRecord) said = add_said (f, i < 7 ? 0 : 1, text);
    }

  f->rows = g_object_ref_sink (g_object_new (CV_TYPE_PAGED_ROWS, NULL));
  cv_paged_rows_set_list (f->rows, f->store, CV_PAGED_THEME_CONTRIBUTIONS, said_row_cb, f, "Nothing said");
  cv_paged_rows_set_page_size (f->rows, 3);
  g_signal_connect_swapped (f->rows, "loaded", G_CALLBACK (loaded_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "pages.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_finalize_object (f->rows);
  for (guint i = 0; i < G_N_ELEMENTS (f->themes); i++)
    g_clear_object (&f->themes[i]);
  g_clear_object (&f->session);
  g_clear_object (&f->programme);
  g_assert_finalize_object (f->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
wait_until_loaded (Fixture *f)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (cv_paged_rows_is_loading (f->rows))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The titles of the record rows, in order, and the "Show N More" button if there is one. */
static char *
shown (Fixture    *f,
       GtkButton **more)
{
  GtkWidget *list = GTK_WIDGET (cv_paged_rows_get_list_box (f->rows));
  g_autoptr(GString) titles = g_string_new (NULL);

  *more = NULL;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_PREFERENCES_ROW (row))
        g_string_append_printf (titles, "%s%s", titles->len > 0 ? "," : "",
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      else
        {
          GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
          GtkWidget *last = gtk_widget_get_last_child (box);

          if (GTK_IS_BUTTON (last))
            *more = GTK_BUTTON (last);
        }
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
test_show_more (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) later = NULL;
  g_autoptr(CvDeletion) deletion = NULL;
  GtkButton *more;
  char *titles;

  cv_paged_rows_set_key (f->rows, cv_record_get_id (f->themes[0]));
  g_assert_true (cv_paged_rows_is_loading (f->rows));
  wait_until_loaded (f);
  titles = shown (f, &more);
  g_assert_cmpstr (titles, ==, "Said 0,Said 1,Said 2");
  g_free (titles);
  g_assert_cmpuint (cv_paged_rows_get_total (f->rows), ==, 7);
  g_assert_nonnull (more);
  g_assert_cmpstr (gtk_button_get_label (more), ==, "Show 3 More");

  g_signal_emit_by_name (more, "clicked");
  wait_until_loaded (f);
  g_free (shown (f, &more));
  g_assert_cmpuint (cv_paged_rows_get_n_shown (f->rows), ==, 6);
  g_assert_cmpstr (gtk_button_get_label (more), ==, "Show 1 More");

  g_signal_emit_by_name (more, "clicked");
  wait_until_loaded (f);
  titles = shown (f, &more);
  g_assert_cmpstr (titles, ==, "Said 0,Said 1,Said 2,Said 3,Said 4,Said 5,Said 6");
  g_free (titles);
  g_assert_null (more);

  /* One more said: the rows shown stay, the new one is offered. */
  later = add_said (f, 0, "Said later");
  cv_paged_rows_reload (f->rows);
  wait_until_loaded (f);
  g_free (shown (f, &more));
  g_assert_cmpuint (cv_paged_rows_get_total (f->rows), ==, 8);
  g_assert_cmpuint (cv_paged_rows_get_n_shown (f->rows), ==, 7);
  g_assert_nonnull (more);
  g_assert_cmpstr (gtk_button_get_label (more), ==, "Show 1 More");

  /* Deleted, then put back by Undo. */
  deletion = cv_store_delete (f->store, later, &error);
  g_assert_no_error (error);
  cv_paged_rows_reload (f->rows);
  wait_until_loaded (f);
  g_free (shown (f, &more));
  g_assert_cmpuint (cv_paged_rows_get_total (f->rows), ==, 7);
  g_assert_null (more);
  g_assert_true (cv_store_restore (f->store, deletion, &error));
  cv_paged_rows_reload (f->rows);
  wait_until_loaded (f);
  g_assert_cmpuint (cv_paged_rows_get_total (f->rows), ==, 8);
}

/* Another theme chosen while the first is still being read: only the second's rows appear. */
static void
test_newer_replaces_older (Fixture       *f,
                           gconstpointer  data)
{
  GtkButton *more;
  char *titles;

  cv_paged_rows_set_key (f->rows, cv_record_get_id (f->themes[0]));
  cv_paged_rows_set_key (f->rows, cv_record_get_id (f->themes[1]));
  wait_until_loaded (f);
  /* The older request's answer, if its thread finished, must not arrive later either. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  titles = shown (f, &more);
  g_assert_cmpstr (titles, ==, "Said 7,Said 8");
  g_free (titles);
  g_assert_null (more);
  g_assert_cmpuint (f->loaded, ==, 1);
  g_assert_cmpuint (cv_paged_rows_get_total (f->rows), ==, 2);

  /* A list with nothing in it says so. */
  cv_paged_rows_set_key (f->rows, "no such theme");
  wait_until_loaded (f);
  g_assert_cmpuint (cv_paged_rows_get_total (f->rows), ==, 0);
  g_assert_cmpuint (f->loaded, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/pages/show-more", Fixture, NULL, fixture_set_up, test_show_more, fixture_tear_down);
  g_test_add ("/ui/pages/newer-replaces-older", Fixture, NULL, fixture_set_up, test_newer_replaces_older,
              fixture_tear_down);

  return g_test_run ();
}
