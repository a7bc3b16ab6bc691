/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How fast the window shows the register, how fast search answers, and how
 * much memory it takes. Prints figures; judges nothing.
 *
 *   convene-generate --stakeholders 100000 --sessions 20000 --actions 200000 \
 *                    --conversations 50000 /tmp/county.db
 *   tests/bench/run-bench.sh _build /tmp/county.db
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cv-application.h"
#include "cv-guides.h"
#include "cv-guides-view.h"
#include "cv-overview.h"
#include "cv-stakeholders-view.h"
#include "cv-window.h"

static gint64 main_started;
static gint64 main_started_real;
static gint64 painted_at;

/* Milliseconds from the exec of the process to main(), when the caller says
 * when it started us (run-bench.sh does), else 0. */
static double
exec_to_main_ms (gint64 main_real_us)
{
  const char *started = g_getenv ("BENCH_STARTED_AT_NS");

  if (started == NULL)
    return 0;
  return (main_real_us - g_ascii_strtoll (started, NULL, 10) / 1000) / 1000.0;
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
}

static void
wait_for_paint (gint64 after)
{
  while (painted_at <= after)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CvApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  CvWindow *window;
  CvStakeholdersView *view;
  GtkSearchEntry *entry;
  GListModel *model;
  double startup_offset;
  const char *typed[] = { "a", "am", "ami", "amir", "amira", "amira ", "amira p", "amira pa", "amira pat" };
  double worst_update = 0, worst_frame = 0;

  main_started = g_get_monotonic_time ();
  main_started_real = g_get_real_time ();
  if (argc != 2)
    {
      g_printerr ("usage: bench-startup DATABASE\n");
      return 2;
    }

  cv_application_setup_i18n ();
  gtk_init ();
  adw_init ();
  app = cv_application_new ();
  cv_application_set_database_path (app, argv[1]);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("toolkit ready: %.1f ms after main()\n", (g_get_monotonic_time () - main_started) / 1000.0);
  window = cv_window_new (app);
  cv_window_show_view (window, "stakeholders");
  g_print ("window built and register queried: %.1f ms after main()\n",
           (g_get_monotonic_time () - main_started) / 1000.0);
  gtk_window_present (GTK_WINDOW (window));
  view = CV_STAKEHOLDERS_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), CV_TYPE_WINDOW,
                                                              "stakeholders_view"));
  model = cv_stakeholders_view_get_model (view);
  entry = GTK_SEARCH_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (view), CV_TYPE_STAKEHOLDERS_VIEW,
                                                           "search_entry"));

  while (gtk_native_get_surface (GTK_NATIVE (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window))),
                    "after-paint", G_CALLBACK (after_paint_cb), NULL);
  wait_for_paint (main_started);

  startup_offset = exec_to_main_ms (main_started_real);
  g_print ("stakeholders listed: %u\n", g_list_model_get_n_items (model));
  g_print ("first rows painted: %.1f ms after main(), %.1f ms after the process was started\n",
           (painted_at - main_started) / 1000.0, (painted_at - main_started) / 1000.0 + startup_offset);
  g_print ("resident memory after start: %.1f MB\n", rss_kib () / 1024.0);

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        gint64 t0 = g_get_monotonic_time ();
        gint64 t1;
        double update, frame;

        /* As typing does: add the next letter, or go back to the first one. */
        if (i == 0 && gtk_editable_get_text (GTK_EDITABLE (entry))[0] == '\0')
          {
            int end = 0;
            gtk_editable_insert_text (GTK_EDITABLE (entry), typed[0], -1, &end);
          }
        else if (i == 0)
          gtk_editable_delete_text (GTK_EDITABLE (entry), 1, -1);
        else
          {
            int end = strlen (typed[i - 1]);
            gtk_editable_insert_text (GTK_EDITABLE (entry), typed[i] + end, -1, &end);
          }
        g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, typed[i]);
        g_signal_emit_by_name (entry, "search-changed");
        t1 = g_get_monotonic_time ();
        wait_for_paint (t1);
        update = (t1 - t0) / 1000.0;
        frame = (painted_at - t0) / 1000.0;
        if (round == 1)
          {
            g_print ("search “%s”: %u matches, list updated in %.2f ms, painted after %.2f ms\n",
                     typed[i], g_list_model_get_n_items (model), update, frame);
            worst_update = MAX (worst_update, update);
            worst_frame = MAX (worst_frame, frame);
          }
      }

  g_print ("worst search keystroke: list updated in %.2f ms, painted after %.2f ms\n", worst_update, worst_frame);
  g_print ("resident memory after searching: %.1f MB\n", rss_kib () / 1024.0);

  /* The overview: its queries alone, then the view switched to and painted. */
  {
    CvStore *store = cv_application_get_store (app, NULL);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    gint64 t0 = g_get_monotonic_time ();
    CvOverview *overview = cv_overview_build (store, cv_window_get_programme_id (window), now, &error);

    if (overview == NULL)
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
    g_print ("overview queries: %.2f ms (%u stakeholders, %u sessions held, %u actions open, %u done)\n",
             (g_get_monotonic_time () - t0) / 1000.0, overview->stakeholders, overview->sessions_held,
             overview->actions_open, overview->actions_done);
    cv_overview_free (overview);

    t0 = g_get_monotonic_time ();
    cv_window_show_view (window, "overview");
    wait_for_paint (t0);
    g_print ("overview shown and painted: %.2f ms after it was chosen\n", (painted_at - t0) / 1000.0);

    /* The other views catch up with the programme when first shown. */
    for (guint i = 0; i < 5; i++)
      {
        const char *views[] = { "actions", "themes", "sessions", "measures", "guides" };

        t0 = g_get_monotonic_time ();
        cv_window_show_view (window, views[i]);
        wait_for_paint (t0);
        g_print ("%s first shown and painted: %.2f ms after it was chosen\n", views[i], (painted_at - t0) / 1000.0);
      }

    /* A built-in guide's page: every section and question, built from the guide. */
    {
      CvGuidesView *guides = CV_GUIDES_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), CV_TYPE_WINDOW,
                                                                            "guides_view"));

      t0 = g_get_monotonic_time ();
      cv_guides_view_open_guide (guides, cv_guides_builtin_id (0));
      wait_for_paint (t0);
      g_print ("a built-in guide's page shown and painted: %.2f ms after it was chosen\n", (painted_at - t0) / 1000.0);
    }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
