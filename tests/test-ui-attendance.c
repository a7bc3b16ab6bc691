/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A session's attendance, driven through its page under Xvfb: one person
 * marked "Did Not Attend" from their row, "Mark All Attended" for those still
 * invited, and Undo giving them back "Invited"; the counts under the list and
 * in the database follow each step.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cv-attendance.h"
#include "cv-paged-rows.h"
#include "cv-programme.h"
#include "cv-session.h"
#include "cv-session-editor.h"
#include "cv-sessions.h"
#include "cv-sessions-view.h"
#include "cv-stakeholder.h"
#include "cv-stakeholder-editor.h"
#include "cv-stakeholders-view.h"
#include "ui-test.h"

static CvRecord *
add (Fixture    *f,
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
  g_assert_true (cv_store_insert (store_of (f), record, &error));
  g_assert_no_error (error);
  return record;
}

static CvSessionEditor *
session_editor (Fixture *f)
{
  return child (child (f->window, CV_TYPE_WINDOW, "sessions_view"), CV_TYPE_SESSIONS_VIEW, "editor");
}

static gpointer
session_child (Fixture    *f,
               const char *name)
{
  return child (session_editor (f), CV_TYPE_SESSION_EDITOR, name);
}

/* Spins until the counts under the list say @text. */
static void
wait_for_counts (Fixture    *f,
                 const char *text)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GtkLabel *label = session_child (f, "attendance_counts");

  while (strstr (gtk_label_get_text (label), text) == NULL)
    {
      if (g_get_monotonic_time () > until)
        g_error ("the counts say “%s”, not “%s”", gtk_label_get_text (label), text);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
is_drop_down (GtkWidget  *widget,
              const char *unused)
{
  return GTK_IS_DROP_DOWN (widget);
}

/* The status drop-down (the first of the row's choices) of the row with
 * @who's name on it, once the rows are loaded. */
static GtkDropDown *
status_of (Fixture    *f,
           const char *who)
{
  CvPagedRows *rows = session_child (f, "attendance_list");
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GtkWidget *list;

  while (cv_paged_rows_is_loading (rows))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }
  list = GTK_WIDGET (cv_paged_rows_get_list_box (rows));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && find_descendant (row, is_button_labelled, who) != NULL)
      return find_descendant (row, is_drop_down, NULL);
  g_error ("nobody called %s on the list", who);
  return NULL;
}

/* The position of @label among the drop-down's choices, as a person reads them. */
static guint
choice_labelled (GtkDropDown *drop_down,
                 const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        return i;
    }
  g_error ("no choice “%s”", label);
  return 0;
}

static void
test_mark_all_and_did_not_attend (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) programme = NULL;
  g_autoptr(CvRecord) session = NULL;
  const char *names[] = { "Amira Patel", "Gwen Morgan", "Owen Hughes" };
  CvRecord *people[G_N_ELEMENTS (names)];
  const char *ids[G_N_ELEMENTS (names) + 1] = { NULL };
  GtkWidget *mark_button;
  CvAttendanceCounts counts;
  GtkDropDown *status;

  programme = add (f, CV_TYPE_PROGRAMME, "name", "Home care collaborative", NULL);
  cv_window_set_programme (f->window, cv_record_get_id (programme));
  session = add (f, CV_TYPE_SESSION, "programme-id", cv_record_get_id (programme), "title", "Quarterly meeting",
                 "starts-at", "2030-03-01T10:00:00Z", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      people[i] = add (f, CV_TYPE_STAKEHOLDER, "programme-id", cv_record_get_id (programme), "name", names[i], NULL);
      ids[i] = cv_record_get_id (people[i]);
    }
  /* Still to come: all three are invited. */
  g_assert_true (cv_sessions_add_attendees (store_of (f), cv_record_get_id (session), ids, NULL, NULL, &error));
  g_assert_no_error (error);

  cv_window_open_record (f->window, "session", cv_record_get_id (session));
  g_assert_cmpstr (cv_session_editor_get_id (session_editor (f)), ==, cv_record_get_id (session));
  wait_for_counts (f, "3 invited");
  mark_button = session_child (f, "mark_attended_button");
  g_assert_true (gtk_widget_is_sensitive (mark_button));

  /* Gwen did not come, and said nothing: chosen from her row. */
  status = status_of (f, "Gwen Morgan");
  gtk_drop_down_set_selected (status, choice_labelled (status, "Did Not Attend"));
  wait_for_counts (f, "1 did not attend");
  g_assert_true (cv_sessions_count_attendance (store_of (f), cv_record_get_id (session), &counts, &error));
  g_assert_cmpuint (counts.absent, ==, 1);
  g_assert_cmpuint (counts.invited, ==, 2);

  /* Everyone else came. */
  gtk_widget_activate_action (GTK_WIDGET (session_editor (f)), "session.mark-attended", NULL);
  wait_for_counts (f, "2 attended");
  g_assert_true (cv_sessions_count_attendance (store_of (f), cv_record_get_id (session), &counts, &error));
  g_assert_cmpuint (counts.attended, ==, 2);
  g_assert_cmpuint (counts.absent, ==, 1);
  g_assert_cmpuint (counts.invited, ==, 0);
  /* Nobody is left to mark. */
  g_assert_false (gtk_widget_is_sensitive (mark_button));
  g_assert_cmpuint (gtk_drop_down_get_selected (status_of (f, "Amira Patel")), ==,
                    choice_labelled (status_of (f, "Amira Patel"), "Attended"));
  g_assert_cmpuint (gtk_drop_down_get_selected (status_of (f, "Gwen Morgan")), ==,
                    choice_labelled (status_of (f, "Gwen Morgan"), "Did Not Attend"));

  /* Gwen's own page says how she stood at the session. */
  cv_window_open_record (f->window, "stakeholder", ids[1]);
  {
    GtkWidget *stakeholders = child (f->window, CV_TYPE_WINDOW, "stakeholders_view");
    CvPagedRows *rows = child (child (stakeholders, CV_TYPE_STAKEHOLDERS_VIEW, "editor"),
                               CV_TYPE_STAKEHOLDER_EDITOR, "session_rows");
    gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
    GtkWidget *row;

    while (cv_paged_rows_is_loading (rows) ||
           !ADW_IS_ACTION_ROW (gtk_widget_get_first_child (GTK_WIDGET (cv_paged_rows_get_list_box (rows)))))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, until);
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
      }
    row = gtk_widget_get_first_child (GTK_WIDGET (cv_paged_rows_get_list_box (rows)));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Quarterly meeting");
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Did Not Attend"));
  }
  cv_window_open_record (f->window, "session", cv_record_get_id (session));

  /* Undo, as the toast's button does: they are invited again, Gwen still did not come. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  wait_for_counts (f, "2 invited");
  g_assert_true (cv_sessions_count_attendance (store_of (f), cv_record_get_id (session), &counts, &error));
  g_assert_cmpuint (counts.attended, ==, 0);
  g_assert_cmpuint (counts.invited, ==, 2);
  g_assert_cmpuint (counts.absent, ==, 1);
  g_assert_true (gtk_widget_is_sensitive (mark_button));

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    g_object_unref (people[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cv_application_setup_i18n ();
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/attendance/mark-all-and-did-not-attend", Fixture, NULL, fixture_set_up,
              test_mark_all_and_did_not_attend, fixture_tear_down);

  return g_test_run ();
}
