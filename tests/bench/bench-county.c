/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a person meets on a county-sized database, action by action: how long
 * each takes until it is painted and the longest the main loop was kept from
 * polling during it (a stall: the window answers nothing for that long).
 * Prints figures; judges nothing. run-bench.sh runs it as a user would meet
 * it, beside a minimal libadwaita window started the same way.
 *
 *   bench-county --hello                 a minimal AdwApplicationWindow: ms to its first frame
 *   bench-county --startup-only DATABASE Convene: ms to the register's first rows, then exit
 *   bench-county DATABASE [HELLO_MS]     every action, then the summary
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cv-application.h"
#include "cv-paged-rows.h"
#include "cv-review-window.h"
#include "cv-session-editor.h"
#include "cv-sessions-view.h"
#include "cv-stakeholders-view.h"
#include "cv-themes-view.h"
#include "cv-window.h"

static gint64 main_started;
static gint64 painted_at;
static GPollFunc default_poll;

/* The main-loop watch: the time between leaving poll() and entering it again
 * is time in which no input, redraw or timer could be handled. */
static gint64 left_poll_at;
static gint64 worst_stall_us;

static guint  n_actions;
static double worst_stall_ms;
static char  *worst_stall_action;

static gint
watching_poll (GPollFD *fds,
               guint    nfds,
               gint     timeout)
{
  gint64 now = g_get_monotonic_time ();
  gint result;

  worst_stall_us = MAX (worst_stall_us, now - left_poll_at);
  result = default_poll (fds, nfds, timeout);
  left_poll_at = g_get_monotonic_time ();
  return result;
}

static void
watch_main_loop (void)
{
  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, watching_poll);
  left_poll_at = g_get_monotonic_time ();
}

/* Milliseconds from the exec of the process to @when, when the caller says
 * when it started us (run-bench.sh does), else from main(). */
static double
since_exec_ms (gint64 when)
{
  const char *started = g_getenv ("BENCH_STARTED_AT_NS");
  double offset = 0;

  if (started != NULL)
    offset = (g_get_real_time () - g_get_monotonic_time () + main_started) / 1000.0
             - g_ascii_strtoll (started, NULL, 10) / 1e6;
  return (when - main_started) / 1000.0 + offset;
}

static long
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line != NULL ? strtol (line + strlen (field), NULL, 10) : -1;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
}

static void
follow_paints (GtkWidget *window)
{
  while (gtk_native_get_surface (GTK_NATIVE (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window))),
                    "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

/* Whether a view still waits for a read in a worker thread. */
static gboolean
any_list_loading (GtkWidget *widget)
{
  if (CV_IS_PAGED_ROWS (widget) && cv_paged_rows_is_loading (CV_PAGED_ROWS (widget)))
    return TRUE;
  if (CV_IS_THEMES_VIEW (widget) && cv_themes_view_is_counting (CV_THEMES_VIEW (widget)))
    return TRUE;
  if (CV_IS_STAKEHOLDERS_VIEW (widget) && cv_stakeholders_view_is_searching (CV_STAKEHOLDERS_VIEW (widget)))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (any_list_loading (c))
      return TRUE;
  return FALSE;
}

/* Until what the action asked for is read (worker threads included) and painted. */
static void
wait_until_shown (GtkWidget *window,
                  gint64     after)
{
  /* An action that changes nothing visible would otherwise wait for ever. */
  gtk_widget_queue_draw (window);
  do
    g_main_context_iteration (NULL, TRUE);
  while (painted_at <= after || any_list_loading (window));
  /* Rows that arrived need their own frame. */
  after = g_get_monotonic_time ();
  gtk_widget_queue_draw (window);
  while (painted_at <= after)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  const char *name;
  gint64      started;
  gint64      cpu_started;
} Action;

/* CPU time of the main thread: on a machine shared with other work the
 * wall-clock figures include waiting for a core; this does not. */
static gint64
main_thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static Action
action_begin (const char *name)
{
  Action action = { name, g_get_monotonic_time (), main_thread_cpu_us () };

  /* What the bench did before does not count against this action. */
  left_poll_at = action.started;
  worst_stall_us = 0;
  return action;
}

static double
action_end (Action *action,
            GtkWidget *window)
{
  double took, stall;

  wait_until_shown (window, action->started);
  took = (painted_at - action->started) / 1000.0;
  stall = worst_stall_us / 1000.0;
  n_actions++;
  if (stall > worst_stall_ms)
    {
      worst_stall_ms = stall;
      g_free (worst_stall_action);
      worst_stall_action = g_strdup (action->name);
    }
  g_print ("%-44s %9.1f ms   longest stall %8.1f ms   main thread busy %8.1f ms\n", action->name, took, stall,
           (main_thread_cpu_us () - action->cpu_started) / 1000.0);
  return took;
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
}

static char *
query_one_id (CvStore    *store,
              const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store), sql, &error);

  if (st == NULL || cv_statement_step (st, &error) != CV_STEP_ROW)
    return NULL;
  return g_strdup (cv_statement_column_text (st, 0));
}

static int
run_hello (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.convene.BenchHello", G_APPLICATION_NON_UNIQUE);
  GtkWidget *window;

  adw_init ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = adw_application_window_new (GTK_APPLICATION (app));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), gtk_label_new ("Hello"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  follow_paints (window);
  while (painted_at == 0)
    g_main_context_iteration (NULL, TRUE);
  g_print ("hello window painted: %.1f ms after exec\n", since_exec_ms (painted_at));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

static int
type_and_measure (CvWindow  *window,
                  GtkWidget *entry,
                  GArray    *times)
{
  /* Twenty keystrokes as a person types and corrects: letters that narrow the
   * matches, a space, a backspace that widens them again. */
  const char *typed[] = { "a", "am", "ami", "amir", "amira", "amira ", "amira p", "amira pa", "amira pat",
                          "amira pa", "amira p", "amira ", "amira", "amir", "g", "gw", "gwe", "gwen",
                          "gwen m", "gwen mo" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *name = g_strdup_printf ("search keystroke %2u “%s”", i + 1, typed[i]);
      Action action = action_begin (name);
      double took;

      gtk_editable_set_text (GTK_EDITABLE (entry), typed[i]);
      g_signal_emit_by_name (entry, "search-changed");
      took = action_end (&action, GTK_WIDGET (window));
      g_array_append_val (times, took);
    }
  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CvApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  CvWindow *window;
  CvStore *store;
  GtkWidget *stakeholders;
  double startup_ms, hello_ms = 0;
  gboolean startup_only = FALSE;
  const char *database;
  Action action;

  main_started = g_get_monotonic_time ();
  if (argc >= 2 && g_str_equal (argv[1], "--hello"))
    {
      gtk_init ();
      return run_hello ();
    }
  if (argc >= 2 && g_str_equal (argv[1], "--startup-only"))
    {
      startup_only = TRUE;
      argv++;
      argc--;
    }
  if (argc < 2)
    {
      g_printerr ("usage: bench-county [--hello | --startup-only] DATABASE [HELLO_MS]\n");
      return 2;
    }
  database = argv[1];
  if (argc >= 3)
    hello_ms = g_ascii_strtod (argv[2], NULL);

  watch_main_loop ();
  action = action_begin ("start-up to the register's first rows");
  cv_application_setup_i18n ();
  gtk_init ();
  adw_init ();
  app = cv_application_new ();
  cv_application_set_database_path (app, database);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  window = cv_application_new_window (app);
  cv_window_show_view (window, "stakeholders");
  gtk_window_present (GTK_WINDOW (window));
  follow_paints (GTK_WIDGET (window));
  action_end (&action, GTK_WIDGET (window));
  startup_ms = since_exec_ms (painted_at);
  if (startup_only)
    {
      g_print ("convene first rows painted: %.1f ms after exec\n", startup_ms);
      gtk_window_destroy (GTK_WINDOW (window));
      return 0;
    }

  store = cv_application_get_store (app, NULL);
  stakeholders = child (window, CV_TYPE_WINDOW, "stakeholders_view");

  {
    GArray *sorted;
    double p95;

    type_and_measure (window, child (stakeholders, CV_TYPE_STAKEHOLDERS_VIEW, "search_entry"), keystrokes);
    sorted = g_array_copy (keystrokes);
    g_array_sort (sorted, compare_doubles);
    p95 = g_array_index (sorted, double, (guint)(0.95 * (sorted->len - 1) + 0.5));
    g_print ("search keystrokes: median %.1f ms, 95th percentile %.1f ms, worst %.1f ms (target: 95th ≤ 50 ms)\n",
             g_array_index (sorted, double, sorted->len / 2), p95, g_array_index (sorted, double, sorted->len - 1));
    g_array_unref (sorted);
    gtk_editable_set_text (GTK_EDITABLE (child (stakeholders, CV_TYPE_STAKEHOLDERS_VIEW, "search_entry")), "");
    g_signal_emit_by_name (child (stakeholders, CV_TYPE_STAKEHOLDERS_VIEW, "search_entry"), "search-changed");
  }

  action = action_begin ("power/interest grid shown");
  gtk_toggle_button_set_active (child (stakeholders, CV_TYPE_STAKEHOLDERS_VIEW, "grid_toggle"), TRUE);
  action_end (&action, GTK_WIDGET (window));

  {
    const char *views[] = { "overview", "sessions", "themes", "actions", "measures", "guides" };

    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      {
        g_autofree char *name = g_strdup_printf ("%s first shown", views[i]);

        action = action_begin (name);
        cv_window_show_view (window, views[i]);
        action_end (&action, GTK_WIDGET (window));
      }
  }

  /* The theme raised most often: thousands of quotes and actions. */
  {
    g_autofree char *theme_id = query_one_id (store, "SELECT value FROM contribution_theme GROUP BY value"
                                                     " ORDER BY count(*) DESC LIMIT 1");

    if (theme_id != NULL)
      {
        cv_window_show_view (window, "themes");
        action = action_begin ("a theme's page (most raised theme)");
        cv_themes_view_open (child (window, CV_TYPE_WINDOW, "themes_view"), theme_id);
        action_end (&action, GTK_WIDGET (window));
      }
  }

  /* A stakeholder's page: the person listed at the most sessions. */
  {
    g_autofree char *person_id = query_one_id (store, "SELECT stakeholder_id FROM attendance GROUP BY stakeholder_id"
                                                      " ORDER BY count(*) DESC LIMIT 1");

    if (person_id != NULL)
      {
        cv_window_show_view (window, "stakeholders");
        gtk_toggle_button_set_active (child (stakeholders, CV_TYPE_STAKEHOLDERS_VIEW, "grid_toggle"), FALSE);
        action = action_begin ("a stakeholder's page (most sessions)");
        cv_stakeholders_view_open (CV_STAKEHOLDERS_VIEW (stakeholders), person_id);
        action_end (&action, GTK_WIDGET (window));
      }
  }

  /* The session with the most people listed, then its "You said, we did" review. */
  {
    g_autofree char *session_id = query_one_id (store, "SELECT session_id FROM attendance GROUP BY session_id"
                                                       " ORDER BY count(*) DESC LIMIT 1");
    CvSessionsView *sessions = child (window, CV_TYPE_WINDOW, "sessions_view");

    if (session_id != NULL)
      {
        CvSessionEditor *editor = child (sessions, CV_TYPE_SESSIONS_VIEW, "editor");
        GtkWindow *review = NULL;

        cv_window_show_view (window, "sessions");
        action = action_begin ("a session's page (most attended)");
        cv_sessions_view_open (sessions, session_id);
        action_end (&action, GTK_WIDGET (window));

        action = action_begin ("opening the session's review");
        g_signal_emit_by_name (child (editor, CV_TYPE_SESSION_EDITOR, "review_button"), "clicked");
        {
          GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours to unref */
          gint64 until = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

          /* The review is read on a worker thread: its window opens when it has. */
          while (review == NULL && g_get_monotonic_time () < until)
            {
              g_main_context_iteration (NULL, TRUE);
              for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
                {
                  g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

                  if (CV_IS_REVIEW_WINDOW (w))
                    g_set_object (&review, w);
                }
            }
        }
        if (review != NULL)
          {
            painted_at = 0;
            follow_paints (GTK_WIDGET (review));
            action_end (&action, GTK_WIDGET (review));
            gtk_window_destroy (review);
            g_object_unref (review);
          }
        else
          g_print ("opening the session's review: no review window appeared\n");
      }
  }

  g_print ("start-up: Convene %.1f ms after exec", startup_ms);
  if (hello_ms > 0)
    g_print (", a minimal libadwaita window %.1f ms: %.2f× (target ≤ 1.5×)", hello_ms, startup_ms / hello_ms);
  g_print ("\n");
  g_print ("resident memory after every action: %.1f MB (peak %.1f MB; target < 150 MB)\n",
           status_kib ("VmRSS:") / 1024.0, status_kib ("VmHWM:") / 1024.0);
  g_print ("the worst stall was during: %s\n", worst_stall_action != NULL ? worst_stall_action : "none");
  g_print ("county: worst main-loop stall %.0f ms over %u actions\n", worst_stall_ms, n_actions);
  gtk_window_destroy (GTK_WINDOW (window));
  g_free (worst_stall_action);
  return 0;
}
