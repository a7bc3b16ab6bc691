/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Possible Duplicates, driven through its window under Xvfb: the scan on its
 * worker thread, "Not the Same Person" remembered, a merge with a field
 * chosen side by side, and Undo bringing both records back.
 */
#include "config.h"

#include <adwaita.h>

#include "cv-attendance.h"
#include "cv-duplicates-window.h"
#include "cv-programme.h"
#include "cv-session.h"
#include "cv-sessions.h"
#include "cv-stakeholder.h"
#include "cv-stakeholders-view.h"
#include "ui-test.h"

static CvRecord *
add_person (Fixture    *f,
            const char *name,
            const char *email)
{
  g_autoptr(GError) error = NULL;
  CvRecord *record = cv_record_new (CV_TYPE_STAKEHOLDER);

  g_object_set (record, "programme-id", cv_window_get_programme_id (f->window), "name", name,
                "email", email, NULL);
  g_assert_true (cv_store_insert (store_of (f), record, &error));
  g_assert_no_error (error);
  return record;
}

static void
wait_for_scan (CvDuplicatesWindow *window)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (cv_duplicates_window_is_scanning (window))
    {
      if (g_get_monotonic_time () > until)
        g_error ("the search for duplicates did not finish");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
is_check_labelled (GtkWidget  *widget,
                   const char *label)
{
  return GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

static gint64
count_people (Fixture    *f,
              const char *name)
{
  return cv_store_count (store_of (f), CV_TYPE_STAKEHOLDER, "name", name, NULL);
}

static void
test_dismiss_merge_undo (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) programme = cv_record_new (CV_TYPE_PROGRAMME);
  g_autoptr(CvRecord) sian = NULL;
  g_autoptr(CvRecord) sian_again = NULL;
  g_autoptr(CvRecord) ffion = NULL;
  g_autoptr(CvRecord) ffion_again = NULL;
  g_autoptr(CvRecord) session = cv_record_new (CV_TYPE_SESSION);
  const char *ids[2] = { NULL, NULL };
  CvDuplicatesWindow *window;
  GtkStack *stack;
  GtkWidget *button;

  g_object_set (programme, "name", "Home care collaborative", NULL);
  g_assert_true (cv_store_insert (store_of (f), programme, &error));
  cv_window_set_programme (f->window, cv_record_get_id (programme));
  sian = add_person (f, "Siân O’Neill", NULL);
  sian_again = add_person (f, "sian oneill", NULL);
  ffion = add_person (f, "Ffion Bowen", "ffion@example.org");
  ffion_again = add_person (f, "FFION BOWEN", "ffion@example.org");
  g_object_set (session, "programme-id", cv_record_get_id (programme), "title", "Quarterly meeting", NULL);
  g_assert_true (cv_store_insert (store_of (f), session, &error));
  ids[0] = cv_record_get_id (ffion_again);
  g_assert_true (cv_sessions_add_attendees (store_of (f), cv_record_get_id (session), ids, NULL, NULL, &error));

  cv_window_show_view (f->window, "stakeholders");
  gtk_widget_activate_action (GTK_WIDGET (child (f->window, CV_TYPE_WINDOW, "stakeholders_view")),
                              "stakeholders.find-duplicates", NULL);
  window = find_toplevel (CV_TYPE_DUPLICATES_WINDOW);
  g_assert_nonnull (window);
  stack = child (window, CV_TYPE_DUPLICATES_WINDOW, "stack");
  wait_for_scan (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "pairs");
  g_assert_cmpuint (cv_duplicates_window_get_n_pairs (window), ==, 2);
  /* Best first: the same email and the same name. */
  g_assert_cmpstr (cv_duplicates_window_get_pair (window, 0)->first_name, ==, "Ffion Bowen");

  /* "Not the same person" goes, and stays gone when looked for again. */
  /* The second row is the Siân pair. */
  button = find_descendant (gtk_widget_get_next_sibling (gtk_widget_get_first_child (
                              child (window, CV_TYPE_DUPLICATES_WINDOW, "pairs_list"))),
                            is_button_labelled, "_Not the Same Person");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (cv_duplicates_window_get_n_pairs (window), ==, 1);
  cv_duplicates_window_scan (window);
  wait_for_scan (window);
  g_assert_cmpuint (cv_duplicates_window_get_n_pairs (window), ==, 1);
  g_assert_cmpstr (cv_duplicates_window_get_pair (window, 0)->first_name, ==, "Ffion Bowen");

  /* Merge, keeping the second record's spelling of the name. */
  g_signal_emit_by_name (find_descendant (child (window, CV_TYPE_DUPLICATES_WINDOW, "pairs_list"),
                                          is_button_labelled, "_Merge…"), "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "merge");
  gtk_check_button_set_active (find_descendant (child (window, CV_TYPE_DUPLICATES_WINDOW, "merge_group"),
                                                is_check_labelled, "FFION BOWEN"), TRUE);
  g_signal_emit_by_name (child (window, CV_TYPE_DUPLICATES_WINDOW, "merge_button"), "clicked");
  run_main_loop (20);
  g_assert_cmpint (count_people (f, "Ffion Bowen"), ==, 0);
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_STAKEHOLDER, "id", cv_record_get_id (ffion), NULL), ==, 1);
  g_assert_cmpint (count_people (f, "FFION BOWEN"), ==, 1);
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_ATTENDANCE, "stakeholder_id", cv_record_get_id (ffion),
                                   NULL), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* Undo, from the toast's action: both are back, with their own links. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (count_people (f, "Ffion Bowen"), ==, 1);
  g_assert_cmpint (count_people (f, "FFION BOWEN"), ==, 1);
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_ATTENDANCE, "stakeholder_id",
                                   cv_record_get_id (ffion_again), NULL), ==, 1);
  wait_for_scan (window);
  g_assert_cmpuint (cv_duplicates_window_get_n_pairs (window), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  run_main_loop (20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cv_application_setup_i18n ();
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/personal/duplicates", Fixture, NULL, fixture_set_up, test_dismiss_merge_undo, fixture_tear_down);

  return g_test_run ();
}
