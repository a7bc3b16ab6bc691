/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Personal data through the window under Xvfb. Possible Duplicates: the scan
 * on its worker thread, "Not the Same Person" remembered, a merge with a
 * field chosen side by side, and Undo bringing both records back. Consent
 * withdrawn from the editor, dated; consent due for review opened from the
 * overview; People Past Retention kept with a reason and erased; a
 * partner's file holding someone already here offering the merge.
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "cv-attendance.h"
#include "cv-consent.h"
#include "cv-overview-view.h"
#include "cv-retention.h"
#include "cv-retention-window.h"
#include "cv-stakeholder-editor.h"
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

static gboolean
is_row_titled (GtkWidget  *widget,
               const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* Waits, without a clock, for a dialog on screen whose heading starts with @heading. */
static AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  for (;;)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
              g_str_has_prefix (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading))
            return ADW_MESSAGE_DIALOG (window);
        }
      if (g_get_monotonic_time () > until)
        g_error ("no dialog “%s…” opened", heading);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static CvRecord *
add_programme (Fixture    *f,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  CvRecord *programme = cv_record_new (CV_TYPE_PROGRAMME);

  g_object_set (programme, "name", name, NULL);
  g_assert_true (cv_store_insert (store_of (f), programme, &error));
  cv_window_set_programme (f->window, cv_record_get_id (programme));
  return programme;
}

static CvRecord *
add_consenting (Fixture    *f,
                const char *name,
                const char *given_on)
{
  g_autoptr(GError) error = NULL;
  const char *purposes[] = { "invitations", "newsletters", NULL };
  CvRecord *record = cv_record_new (CV_TYPE_STAKEHOLDER);

  g_object_set (record, "programme-id", cv_window_get_programme_id (f->window), "name", name,
                "email", "someone@example.org", "consent", TRUE, "consent-on", given_on,
                "consent-purposes", purposes, NULL);
  g_assert_true (cv_store_insert (store_of (f), record, &error));
  g_assert_no_error (error);
  return record;
}

static void
test_withdraw_consent (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) programme = add_programme (f, "Carers’ voices");
  g_autoptr(CvRecord) nia = add_consenting (f, "Nia Rowlands", "2026-09-01");
  g_autoptr(CvRecord) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *today = cv_consent_today ();
  GtkWidget *view = child (f->window, CV_TYPE_WINDOW, "stakeholders_view");
  CvStakeholderEditor *editor = child (view, CV_TYPE_STAKEHOLDERS_VIEW, "editor");
  AdwMessageDialog *dialog;
  AdwActionRow *consent_row;

  cv_window_show_view (f->window, "stakeholders");
  cv_stakeholders_view_open (CV_STAKEHOLDERS_VIEW (view), cv_record_get_id (nia));
  consent_row = child (editor, CV_TYPE_STAKEHOLDER_EDITOR, "consent_row");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (consent_row), "review by"));

  /* One action, asked first: Cancel changes nothing. */
  g_signal_emit_by_name (child (editor, CV_TYPE_STAKEHOLDER_EDITOR, "withdraw_button"), "clicked");
  dialog = wait_for_dialog ("Withdraw the Consent of Nia Rowlands");
  adw_message_dialog_response (dialog, "cancel");
  run_main_loop (20);
  stored = cv_store_load (store_of (f), CV_TYPE_STAKEHOLDER, cv_record_get_id (nia), &error);
  g_assert_true (cv_record_get_boolean (stored, "consent"));
  g_clear_object (&stored);

  /* Turning the switch off asks the same; Withdraw withdraws, dated today. */
  gtk_switch_set_active (child (editor, CV_TYPE_STAKEHOLDER_EDITOR, "consent_switch"), FALSE);
  dialog = wait_for_dialog ("Withdraw the Consent of Nia Rowlands");
  adw_message_dialog_response (dialog, "withdraw");
  run_main_loop (20);
  stored = cv_store_load (store_of (f), CV_TYPE_STAKEHOLDER, cv_record_get_id (nia), &error);
  g_assert_false (cv_record_get_boolean (stored, "consent"));
  g_assert_cmpstr (cv_record_get_string (stored, "consent_withdrawn_on"), ==, today);
  g_assert_null (cv_record_get_list (stored, "consent_purposes"));
  history = cv_consent_history (store_of (f), cv_record_get_id (nia), &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (history, 1), "kind"), ==, "withdrawn");
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (history, 1), "happened_on"), ==, today);
  /* The editor says so, and the switch is off. */
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (consent_row), "Withdrawn on"));
  g_assert_false (gtk_switch_get_active (child (editor, CV_TYPE_STAKEHOLDER_EDITOR, "consent_switch")));
  g_assert_false (gtk_widget_get_visible (child (editor, CV_TYPE_STAKEHOLDER_EDITOR, "consent_buttons_row")));
}

/* The consent filter's list is read on a worker thread: wait for it. */
static void
wait_for_list (GtkWidget *view)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  while (cv_stakeholders_view_is_searching (CV_STAKEHOLDERS_VIEW (view)))
    {
      if (g_get_monotonic_time () > until)
        g_error ("the list of stakeholders was not read");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
test_consent_due (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *today = cv_consent_today ();
  g_autofree char *soon_given = NULL;
  g_autoptr(CvRecord) programme = add_programme (f, "Carers’ voices");
  g_autoptr(CvRecord) lapsed = add_consenting (f, "Lapsed Llinos", "2020-01-01");
  g_autoptr(CvRecord) soon = NULL;
  g_autoptr(CvRecord) later = add_consenting (f, "Later Lewys", today);
  g_autoptr(CvRecord) first = NULL;
  GtkWidget *view = child (f->window, CV_TYPE_WINDOW, "stakeholders_view");
  GListModel *model = cv_stakeholders_view_get_model (CV_STAKEHOLDERS_VIEW (view));
  GtkWidget *overview = child (f->window, CV_TYPE_WINDOW, "overview_view");
  GtkWidget *row;

  /* Given two years ago less ten days: to be reviewed in ten days. */
  {
    g_autofree char *back = cv_consent_add_days (today, 10);
    g_autofree char *review_then = g_strdup_printf ("%04d%s", atoi (back) - 2, back + 4);
    soon_given = g_strdup (review_then);
  }
  soon = add_consenting (f, "Soon Siwan", soon_given);

  /* The overview counts them and its row opens the list, soonest first. */
  cv_window_show_view (f->window, "overview");
  run_main_loop (20);
  row = find_descendant (child (overview, CV_TYPE_OVERVIEW_VIEW, "consent_group"), is_row_titled,
                         "2 People’s Consent Is Due for Review");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  wait_for_list (view);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->window, CV_TYPE_WINDOW, "view_stack")), ==,
                   "stakeholders");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (cv_record_get_string (first, "name"), ==, "Lapsed Llinos");
  g_assert_cmpuint (gtk_drop_down_get_selected (child (view, CV_TYPE_STAKEHOLDERS_VIEW, "consent_filter")), ==, 1);

  /* Lapsed alone, then everyone again. */
  gtk_drop_down_set_selected (child (view, CV_TYPE_STAKEHOLDERS_VIEW, "consent_filter"), 2);
  wait_for_list (view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_drop_down_set_selected (child (view, CV_TYPE_STAKEHOLDERS_VIEW, "consent_filter"), 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
}

static CvRecord *
add_unseen (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  CvRecord *record = cv_record_new (CV_TYPE_STAKEHOLDER);

  g_object_set (record, "programme-id", cv_window_get_programme_id (f->window), "name", name, NULL);
  cv_record_set_timestamps (record, "2019-05-01T09:00:00Z", "2019-05-01T09:00:00Z");
  g_assert_true (cv_store_insert (store_of (f), record, &error));
  g_assert_no_error (error);
  return record;
}

static void
wait_for_retention (CvRetentionWindow *window)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (cv_retention_window_is_loading (window))
    {
      if (g_get_monotonic_time () > until)
        g_error ("the list of people past retention was not read");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
test_retention_keep (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) programme = add_programme (f, "Carers’ voices");
  g_autoptr(CvRecord) alun = add_unseen (f, "Alun Unseen");
  g_autoptr(CvRecord) beca = add_unseen (f, "Beca Unseen");
  g_autoptr(GPtrArray) past = NULL;
  CvRetentionWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *button;

  g_assert_true (cv_retention_set_years (store_of (f), cv_record_get_id (programme), 3, &error));
  cv_window_show_view (f->window, "stakeholders");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (child (f->window, CV_TYPE_WINDOW, "stakeholders_view")),
                                             "stakeholders.show-retention", NULL));
  window = wait_for_toplevel (CV_TYPE_RETENTION_WINDOW);
  wait_for_retention (window);
  g_assert_cmpuint (cv_retention_window_get_n_people (window), ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (window, CV_TYPE_RETENTION_WINDOW, "stack")), ==,
                   "people");
  run_main_loop (50);

  /* Keep Alun, with a reason: stored, and off the list. */
  button = find_descendant (child (window, CV_TYPE_RETENTION_WINDOW, "list_view"), is_button_labelled, "_Keep…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  dialog = wait_for_dialog ("Keep Alun Unseen");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "keep"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Safeguarding case open");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "keep"));
  adw_message_dialog_response (dialog, "keep");
  run_main_loop (20);
  g_assert_cmpuint (cv_retention_window_get_n_people (window), ==, 1);
  g_assert_cmpstr (cv_retention_window_get_id (window, 0), ==, cv_record_get_id (beca));
  past = cv_retention_past (store_of (f), cv_record_get_id (programme), "2026-12-02", TRUE, &error);
  g_assert_cmpstr (((CvRetentionEntry *)g_ptr_array_index (past, 0))->kept_reason, ==, "Safeguarding case open");

  /* Erase Beca, through the erasure's own confirmation. */
  run_main_loop (50);
  button = find_descendant (child (window, CV_TYPE_RETENTION_WINDOW, "list_view"), is_button_labelled, "_Erase…");
  g_signal_emit_by_name (button, "clicked");
  dialog = wait_for_dialog ("Erase “Beca Unseen”");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  adw_message_dialog_response (dialog, "erase");
  run_main_loop (20);
  wait_for_retention (window);
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_STAKEHOLDER, "id", cv_record_get_id (beca), NULL), ==, 0);
  g_assert_cmpuint (cv_retention_window_get_n_people (window), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (window, CV_TYPE_RETENTION_WINDOW, "stack")), ==,
                   "empty");

  gtk_window_destroy (GTK_WINDOW (window));
  run_main_loop (20);
}

static void
test_import_offers_merge (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) programme = add_programme (f, "Carers’ voices");
  g_autoptr(CvRecord) rhian = add_consenting (f, "Rhian Lloyd", "2026-09-01");
  g_autofree char *path = g_build_filename (f->dir, "partner.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"convene-programme\", \"format_version\": 1, \"exported_at\": \"2026-10-01T10:00:00Z\","
    " \"export_kind\": \"partner\","
    " \"programme\": {\"id\": \"%s\", \"created_at\": \"%s\", \"updated_at\": \"%s\", \"name\": \"Carers’ voices\","
    "   \"status\": \"active\", \"consent_purposes\": [\"invitations\"], \"consent_review_years\": 2},"
    " \"stakeholders\": [{\"id\": \"7a1c1900-0000-4000-8000-000000000002\", \"created_at\": \"2026-01-01T10:00:00Z\","
    "   \"updated_at\": \"2026-01-01T10:00:00Z\", \"programme_id\": \"%s\", \"kind\": \"person\","
    "   \"name\": \"RHIAN  LLOYD\", \"sector\": \"citizen\", \"influence\": \"low\", \"interest\": \"low\","
    "   \"engagement\": \"inform\", \"named_to_partners\": true}]}",
    cv_record_get_id (programme), cv_record_get_created_at (programme), cv_record_get_updated_at (programme),
    cv_record_get_id (programme));
  AdwMessageDialog *dialog;
  CvDuplicatesWindow *duplicates;

  g_assert_true (g_file_set_contents (path, json, -1, &error));
  cv_window_import_file (f->window, file);
  dialog = wait_for_dialog ("Import Finished");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 person may already be in the register"));
  /* Not doubled silently: both are there, and the merge is offered. */
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_STAKEHOLDER, "programme_id", cv_record_get_id (programme),
                                   NULL), ==, 2);
  adw_message_dialog_response (dialog, "review");
  run_main_loop (20);
  duplicates = wait_for_toplevel (CV_TYPE_DUPLICATES_WINDOW);
  wait_for_scan (duplicates);
  g_assert_cmpuint (cv_duplicates_window_get_n_pairs (duplicates), ==, 1);
  g_assert_cmpstr (cv_duplicates_window_get_pair (duplicates, 0)->second_name, ==, "RHIAN  LLOYD");
  gtk_window_destroy (GTK_WINDOW (duplicates));
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
  g_test_add ("/ui/personal/withdraw-consent", Fixture, NULL, fixture_set_up, test_withdraw_consent, fixture_tear_down);
  g_test_add ("/ui/personal/consent-due", Fixture, NULL, fixture_set_up, test_consent_due, fixture_tear_down);
  g_test_add ("/ui/personal/retention-keep", Fixture, NULL, fixture_set_up, test_retention_keep, fixture_tear_down);
  g_test_add ("/ui/personal/import-offers-merge", Fixture, NULL, fixture_set_up, test_import_offers_merge,
              fixture_tear_down);

  return g_test_run ();
}
