/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "cv-attendance.h"
#include "cv-contribution.h"
#include "cv-list-pane.h"
#include "cv-session.h"
#include "ui-test.h"

void
run_main_loop (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  /* Whatever is pending runs first, however slow the build (sanitizers). */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  return found;
}

void
open_window (Fixture *f)
{
  f->window = cv_application_new_window (f->app);
  g_object_ref (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  run_main_loop (100);
}

void
close_window (Fixture *f)
{
  gtk_window_close (GTK_WINDOW (f->window));
  run_main_loop (50);
  g_assert_finalize_object (f->window);
  f->window = NULL;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("convene-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "convene.db", NULL);
  f->app = cv_application_new ();
  cv_application_set_database_path (f->app, f->path);
  /* A registered application stays on the session bus until the process
   * ends, so each test's has a name of its own. */
  {
    static guint serial;
    g_autofree char *id = g_strdup_printf ("io.github.convene.Convene.Test%u", ++serial);
    g_application_set_application_id (G_APPLICATION (f->app), id);
  }
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  open_window (f);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    close_window (f);
  /* No window may outlive the test. A registered GtkApplication keeps a
   * reference of its own until it shuts down, so it is only released. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 0);
  g_object_unref (f->app);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

CvStore *
store_of (Fixture *f)
{
  CvStore *store = cv_application_get_store (f->app, NULL);

  g_assert_nonnull (store);
  return store;
}

/* The open window of @type, or NULL: dialogs are windows of their own. */
gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* Waits until @model holds @n items: lists over many records are read on a
 * worker thread, and change when the read is done. */
void
wait_for_n_items (GListModel *model,
                  guint       n)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (model) != n && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  run_main_loop (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
}

/* The window of @type once it has opened: some open when a worker thread
 * has read what they show. */
gpointer
wait_for_toplevel (GType type)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gpointer window;

  while ((window = find_toplevel (type)) == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  if (window == NULL)
    g_error ("No %s opened", g_type_name (type));
  run_main_loop (20);
  return window;
}


void
signal_seen_cb (gpointer  instance,
                gpointer  arg,
                gboolean *seen)
{
  *seen = TRUE;
}

void
wait_for (gboolean *flag)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!*flag && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (*flag);
  run_main_loop (20);
}



/* The first widget inside @widget (or itself) that @match accepts, or NULL. */
gpointer
find_descendant (GtkWidget   *widget,
                 WidgetMatch  match,
                 const char  *text)
{
  if (match (widget, text))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      gpointer found = find_descendant (c, match, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_list_pane (GtkWidget  *widget,
              const char *unused)
{
  return CV_IS_LIST_PANE (widget);
}

/**
 * pane_child:
 * @view: a view, or any widget with a #CvListPane inside
 * @name: the id of a part of the pane ("search_entry", "list_stack", …)
 *
 * Returns: (transfer none): the part of the view's list pane
 */
gpointer
pane_child (gpointer    view,
            const char *name)
{
  CvListPane *pane = find_descendant (GTK_WIDGET (view), is_list_pane, NULL);

  g_assert_nonnull (pane);
  return child (pane, CV_TYPE_LIST_PANE, name);
}

gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

gboolean
is_entry_row_titled (GtkWidget  *widget,
                     const char *title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The sample session with the most people and things said, so that its rows are there. */
char *
busiest_session (Fixture *f)
{
  g_autoptr(GPtrArray) sessions = cv_store_list (store_of (f), CV_TYPE_SESSION, "programme_id",
                                                      cv_window_get_programme_id (f->window), NULL);
  guint best = 0;
  char *id = NULL;

  for (guint i = 0; i < sessions->len; i++)
    {
      const char *sid = cv_record_get_id (g_ptr_array_index (sessions, i));
      guint n = cv_store_count (store_of (f), CV_TYPE_CONTRIBUTION, "session_id", sid, NULL) +
                cv_store_count (store_of (f), CV_TYPE_ATTENDANCE, "session_id", sid, NULL);

      if (n > best)
        {
          best = n;
          g_free (id);
          id = g_strdup (sid);
        }
    }
  g_assert_nonnull (id);
  return id;
}

void
open_sample (Fixture *f)
{
  gboolean imported = FALSE;

  /* Within the screen, so that every popover has a monitor to open on. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  g_signal_connect (f->window, "imported", G_CALLBACK (signal_seen_cb), &imported);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-sample", NULL);
  wait_for (&imported);
}
