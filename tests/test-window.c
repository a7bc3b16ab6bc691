/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The window and the Stakeholders view, driven through their real widgets
 * under Xvfb, checked through the core.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cv-application.h"
#include "cv-csv-import-dialog.h"
#include "cv-list-export.h"
#include "cv-power-grid.h"
#include "cv-progress-dialog.h"
#include "cv-programme.h"
#include "cv-programme-dialog.h"
#include "cv-stakeholder.h"
#include "cv-stakeholder-chooser.h"
#include "cv-stakeholder-editor.h"
#include "cv-stakeholders-view.h"
#include "cv-attendance.h"
#include "cv-attendee-picker.h"
#include "cv-contribution.h"
#include "cv-session.h"
#include "cv-session-editor.h"
#include "cv-sessions.h"
#include "cv-sessions-view.h"
#include "cv-time.h"
#include "cv-measure.h"
#include "cv-measure-value.h"
#include "cv-measures-view.h"
#include "cv-overview-view.h"
#include "cv-paged-rows.h"
#include "cv-action.h"
#include "cv-action-editor.h"
#include "cv-actions-view.h"
#include "cv-review-window.h"
#include "cv-theme.h"
#include "cv-themes.h"
#include "cv-themes-view.h"
#include "cv-window.h"
#include "cv-answer.h"
#include "cv-conversation.h"
#include "cv-conversation-note.h"
#include "cv-conversation-window.h"
#include "cv-format.h"
#include "cv-guides.h"
#include "cv-guides-view.h"
#include "cv-record-list.h"
#include "cv-guide.h"
#include "cv-guide-section.h"
#include "cv-prompt.h"
#include "cv-widgets.h"
#include "ui-test.h"

/* Creates a programme the way a person does: the button, the dialog, Create. */
static void
create_programme (Fixture    *f,
                  const char *name)
{
  CvProgrammeDialog *dialog;
  GtkStack *main_stack = child (f->window, CV_TYPE_WINDOW, "main_stack");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-programme", NULL);
  run_main_loop (50);
  dialog = find_toplevel (CV_TYPE_PROGRAMME_DIALOG);
  g_assert_nonnull (dialog);

  gtk_editable_set_text (child (dialog, CV_TYPE_PROGRAMME_DIALOG, "name_row"), name);
  gtk_editable_set_text (child (dialog, CV_TYPE_PROGRAMME_DIALOG, "locality_row"), "Wirral");
  gtk_editable_set_text (child (dialog, CV_TYPE_PROGRAMME_DIALOG, "start_row"), "2017-12-01");
  g_signal_emit_by_name (child (dialog, CV_TYPE_PROGRAMME_DIALOG, "save_button"), "clicked");
  run_main_loop (50);

  g_assert_null (find_toplevel (CV_TYPE_PROGRAMME_DIALOG));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "programme");
}

static CvStakeholdersView *
stakeholders_view (Fixture *f)
{
  cv_window_show_view (f->window, "stakeholders");
  return child (f->window, CV_TYPE_WINDOW, "stakeholders_view");
}

static CvStakeholderEditor *
editor_of (Fixture *f)
{
  return child (stakeholders_view (f), CV_TYPE_STAKEHOLDERS_VIEW, "editor");
}

static gpointer
editor_child (Fixture    *f,
              const char *name)
{
  return child (editor_of (f), CV_TYPE_STAKEHOLDER_EDITOR, name);
}

static void
add_stakeholder (Fixture    *f,
                 const char *name,
                 const char *email)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL);
  gtk_editable_set_text (editor_child (f, "name_row"), name);
  if (email != NULL)
    gtk_editable_set_text (editor_child (f, "email_row"), email);
  g_assert_true (cv_stakeholder_editor_save_pending (editor_of (f)));
  run_main_loop (20);
}

static guint
search (Fixture    *f,
        const char *text)
{
  GtkSearchEntry *entry = pane_child (stakeholders_view (f), "search_entry");

  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  /* The search runs in a worker thread. */
  while (cv_stakeholders_view_is_searching (stakeholders_view (f)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }
  return g_list_model_get_n_items (cv_stakeholders_view_get_model (stakeholders_view (f)));
}

static void
test_first_run_and_create_programme (Fixture       *f,
                                     gconstpointer  data)
{
  GtkStack *main_stack = child (f->window, CV_TYPE_WINDOW, "main_stack");
  g_autoptr(GPtrArray) programmes = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "welcome");
  create_programme (f, "Home care collaborative");

  programmes = cv_store_list (store_of (f), CV_TYPE_PROGRAMME, "status", "active", NULL);
  g_assert_cmpuint (programmes->len, ==, 1);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (programmes, 0), "name"), ==,
                   "Home care collaborative");
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (programmes, 0), "start_on"), ==, "2017-12-01");
  g_assert_cmpstr (cv_window_get_programme_id (f->window), ==,
                   cv_record_get_id (g_ptr_array_index (programmes, 0)));

  /* The programme is remembered: a new window opens it again. */
  close_window (f);
  open_window (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->window, CV_TYPE_WINDOW, "main_stack")),
                   ==, "programme");
}

static void
test_duplicate_programme_refused (Fixture       *f,
                                  gconstpointer  data)
{
  CvProgrammeDialog *dialog;
  GtkLabel *error_label;

  create_programme (f, "Vanguard");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-programme", NULL);
  dialog = find_toplevel (CV_TYPE_PROGRAMME_DIALOG);
  gtk_editable_set_text (child (dialog, CV_TYPE_PROGRAMME_DIALOG, "name_row"), "vanguard");
  g_signal_emit_by_name (child (dialog, CV_TYPE_PROGRAMME_DIALOG, "save_button"), "clicked");
  run_main_loop (20);

  /* The dialog stays open and says why. */
  g_assert_true (find_toplevel (CV_TYPE_PROGRAMME_DIALOG) == dialog);
  error_label = child (dialog, CV_TYPE_PROGRAMME_DIALOG, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "already exists"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_add_find_and_edit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) stored = NULL;
  CvRecord *shown;
  g_autofree char *id = NULL;

  create_programme (f, "Home care collaborative");
  add_stakeholder (f, "Amira Patel", "amira.patel@example.org");
  add_stakeholder (f, "Gwen Morgan", NULL);

  g_assert_cmpuint (search (f, ""), ==, 2);
  g_assert_cmpuint (search (f, "ami"), ==, 1);
  g_assert_cmpuint (search (f, "zzz"), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pane_child (stakeholders_view (f), "list_stack")), ==,
                   "no-results");
  g_assert_cmpuint (search (f, "ami"), ==, 1);

  /* Open her from the list and change her role: stored without a Save button. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (cv_stakeholders_view_get_model (stakeholders_view (f))),
                                   0, TRUE);
  shown = cv_stakeholder_editor_get_record (editor_of (f));
  g_assert_cmpstr (cv_record_get_string (shown, "name"), ==, "Amira Patel");
  id = g_strdup (cv_record_get_id (shown));
  gtk_editable_set_text (editor_child (f, "role_row"), "Care coordinator");
  /* Stored after a pause in typing; a loaded machine may take longer. */
  for (guint waited = 0; waited < 100; waited++)
    {
      run_main_loop (100);
      g_clear_object (&stored);
      stored = cv_store_load (store_of (f), CV_TYPE_STAKEHOLDER, id, &error);
      g_assert_no_error (error);
      if (g_strcmp0 (cv_record_get_string (stored, "role"), "Care coordinator") == 0)
        break;
    }
  g_assert_cmpstr (cv_record_get_string (stored, "role"), ==, "Care coordinator");
  g_assert_cmpuint (search (f, "coordinator"), ==, 1);

  /* A choice is stored at once. */
  adw_combo_row_set_selected (editor_child (f, "sector_row"), 0);
  g_clear_object (&stored);
  stored = cv_store_load (store_of (f), CV_TYPE_STAKEHOLDER, id, &error);
  g_assert_cmpstr (cv_record_get_string (stored, "sector"), ==, "nhs");
}

static void
test_invalid_email_shown (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CvRecord) stored = NULL;
  GtkLabel *message;
  g_autofree char *id = NULL;

  create_programme (f, "Home care collaborative");
  add_stakeholder (f, "Amira Patel", "amira.patel@example.org");
  id = g_strdup (cv_stakeholder_editor_get_id (editor_of (f)));
  g_assert_nonnull (id);

  gtk_editable_set_text (editor_child (f, "email_row"), "amira.patel@");
  g_assert_false (cv_stakeholder_editor_save_pending (editor_of (f)));

  message = editor_child (f, "email_error");
  g_assert_true (gtk_widget_get_visible (editor_child (f, "email_error_row")));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "not an email address"));
  g_assert_true (gtk_widget_has_css_class (editor_child (f, "email_row"), "error"));

  /* Nothing invalid was stored. */
  stored = cv_store_load (store_of (f), CV_TYPE_STAKEHOLDER, id, NULL);
  g_assert_cmpstr (cv_record_get_string (stored, "email"), ==, "amira.patel@example.org");

  /* Putting it right clears the message and stores it. */
  gtk_editable_set_text (editor_child (f, "email_row"), "amira@example.org");
  g_assert_true (cv_stakeholder_editor_save_pending (editor_of (f)));
  g_assert_false (gtk_widget_get_visible (editor_child (f, "email_error_row")));
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *model;
  const char *tags[] = { "carer", NULL };
  g_autoptr(CvRecord) organisation = cv_record_new (CV_TYPE_STAKEHOLDER);
  g_autoptr(CvRecord) restored = NULL;
  g_autofree char *amira = NULL;
  g_autoptr(GError) error = NULL;

  create_programme (f, "Home care collaborative");
  g_object_set (organisation, "programme-id", cv_window_get_programme_id (f->window), "kind", "organisation",
                "name", "Riverside Care", NULL);
  g_assert_true (cv_store_insert (store_of (f), organisation, NULL));
  add_stakeholder (f, "Amira Patel", NULL);
  amira = g_strdup (cv_stakeholder_editor_get_id (editor_of (f)));
  add_stakeholder (f, "Beth Jones", NULL);
  add_stakeholder (f, "Gwen Morgan", NULL);
  {
    g_autoptr(CvRecord) r = cv_store_load (store_of (f), CV_TYPE_STAKEHOLDER, amira, NULL);
    cv_record_set_string (r, "organisation_id", cv_record_get_id (organisation));
    cv_record_set_list (r, "tags", tags);
    g_assert_true (cv_store_update (store_of (f), r, NULL));
  }

  model = cv_stakeholders_view_get_model (stakeholders_view (f));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  /* One, by the Delete action, then Undo. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);   /* Amira */
  gtk_widget_activate_action (GTK_WIDGET (stakeholders_view (f)), "stakeholders.delete-selected", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  restored = cv_store_load (store_of (f), CV_TYPE_STAKEHOLDER, amira, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cv_record_get_string (restored, "organisation_id"), ==, cv_record_get_id (organisation));
  g_assert_true (g_strv_equal (cv_record_get_list (restored, "tags"), tags));

  /* Several at once, then Undo brings all of them back. */
  gtk_selection_model_select_range (GTK_SELECTION_MODEL (model), 1, 3, TRUE);
  cv_stakeholders_view_delete_selected (stakeholders_view (f));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  /* Deleting the organisation keeps the person; Undo relinks her. */
  cv_stakeholders_view_open (stakeholders_view (f), cv_record_get_id (organisation));
  g_signal_emit_by_name (editor_child (f, "delete_button"), "clicked");
  g_clear_object (&restored);
  restored = cv_store_load (store_of (f), CV_TYPE_STAKEHOLDER, amira, NULL);
  g_assert_null (cv_record_get_string (restored, "organisation_id"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_clear_object (&restored);
  restored = cv_store_load (store_of (f), CV_TYPE_STAKEHOLDER, amira, NULL);
  g_assert_cmpstr (cv_record_get_string (restored, "organisation_id"), ==, cv_record_get_id (organisation));

  /* Opened from a mention while another row is selected, the list follows
   * the record on the page: Delete removes that one and no other. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 2, TRUE);   /* Gwen */
  cv_window_open_record (f->window, "stakeholder", amira);
  run_main_loop (50);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 0));
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 2));
  cv_stakeholders_view_delete_selected (stakeholders_view (f));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_clear_object (&restored);
  restored = cv_store_load (store_of (f), CV_TYPE_STAKEHOLDER, amira, NULL);
  g_assert_null (restored);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  restored = cv_store_load (store_of (f), CV_TYPE_STAKEHOLDER, amira, NULL);
  g_assert_nonnull (restored);
}

static gboolean
file_holds (const char *path,
            const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize n = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* "Export Everything About This Person" writes their record; "Erase This
 * Person": the confirmation says what changes, names the backup
 * and that there is no Undo; afterwards no byte of them is in the file. */
static void
test_erase_person (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".bak-v4", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(CvRecord) session = cv_record_new (CV_TYPE_SESSION);
  g_autoptr(CvRecord) contribution = cv_record_new (CV_TYPE_CONTRIBUTION);
  const char *ids[2] = { NULL, NULL };
  AdwMessageDialog *dialog;
  CvAttendanceCounts counts;
  const char *needles[] = { "Gwenllian Ap-Rhys", "gwen.aprhys@example.org", "07700 900123" };

  create_programme (f, "Home care collaborative");
  add_stakeholder (f, "Owen Hughes", NULL);
  add_stakeholder (f, "Gwenllian Ap-Rhys", "gwen.aprhys@example.org");
  gtk_editable_set_text (editor_child (f, "phone_row"), "07700 900123");
  g_assert_true (cv_stakeholder_editor_save_pending (editor_of (f)));
  person = g_strdup (cv_stakeholder_editor_get_id (editor_of (f)));
  g_object_set (session, "programme-id", cv_window_get_programme_id (f->window), "title", "Quarterly meeting",
                NULL);
  g_assert_true (cv_store_insert (store_of (f), session, &error));
  ids[0] = person;
  g_assert_true (cv_sessions_add_attendees (store_of (f), cv_record_get_id (session), ids, NULL, NULL, &error));
  g_object_set (contribution, "programme-id", cv_window_get_programme_id (f->window),
                "session-id", cv_record_get_id (session), "text", "More time to talk",
                "anonymous", FALSE, "stakeholder-id", person, NULL);
  g_assert_true (cv_store_insert (store_of (f), contribution, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (backup, "older copy", -1, NULL));

  cv_stakeholders_view_open (stakeholders_view (f), person);
  g_assert_true (gtk_widget_get_visible (editor_child (f, "personal_group")));

  /* Their own record first: a PDF and the JSON data beside it. */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "gwenllian.pdf", NULL);
    g_autofree char *json = g_build_filename (f->dir, "gwenllian.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (pdf);
    g_autofree char *saved = NULL;

    g_assert_true (cv_stakeholder_editor_export_person (editor_of (f), file, &error));
    g_assert_no_error (error);
    g_assert_true (file_holds (pdf, "%PDF"));
    g_assert_true (g_file_get_contents (json, &saved, NULL, NULL));
    g_assert_nonnull (strstr (saved, "\"More time to talk\""));
    g_assert_nonnull (strstr (saved, "\"Quarterly meeting\""));
    g_assert_cmpint (g_remove (pdf), ==, 0);
    g_assert_cmpint (g_remove (json), ==, 0);
  }
  g_signal_emit_by_name (editor_child (f, "erase_button"), "clicked");
  run_main_loop (20);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Gwenllian Ap-Rhys"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be undone"));
  {
    const char *details = gtk_label_get_text (GTK_LABEL (adw_message_dialog_get_extra_child (dialog)));

    g_assert_nonnull (strstr (details, "1 contribution attributed to them becomes anonymous"));
    g_assert_nonnull (strstr (details, "There is no Undo"));
    g_assert_nonnull (strstr (details, backup));
  }

  /* Cancel changes nothing. */
  adw_message_dialog_response (dialog, "cancel");
  run_main_loop (20);
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_STAKEHOLDER, "id", person, NULL), ==, 1);

  g_signal_emit_by_name (editor_child (f, "erase_button"), "clicked");
  run_main_loop (20);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (dialog, "erase");
  run_main_loop (20);

  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_STAKEHOLDER, "id", person, NULL), ==, 0);
  g_assert_null (cv_stakeholder_editor_get_id (editor_of (f)));
  g_assert_cmpuint (search (f, ""), ==, 1);
  g_assert_true (cv_sessions_count_attendance (store_of (f), cv_record_get_id (session), &counts, &error));
  g_assert_cmpuint (counts.listed, ==, 1);
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_CONTRIBUTION, "anonymous", "1", NULL), ==, 1);
  /* Undo has nothing to bring back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_STAKEHOLDER, "id", person, NULL), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      g_assert_false (file_holds (f->path, needles[i]));
      g_assert_false (file_holds (wal, needles[i]));
    }
  g_assert_true (file_holds (backup, "older copy"));
}

/* Spins the main loop until a window of @type is open, or fails after 2
 * minutes (a file of megabytes under AddressSanitizer on a busy machine). */
static gpointer
wait_for_open (GType type)
{
  gint64 until = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  gpointer window;

  while ((window = find_toplevel (type)) == NULL)
    {
      if (g_get_monotonic_time () > until)
        g_error ("no %s opened", g_type_name (type));
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return window;
}

/* Spins the main loop until no window of @type is open, or fails after 30 s. */
static void
wait_for_closed (GType type)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (find_toplevel (type) != NULL)
    {
      if (g_get_monotonic_time () > until)
        g_error ("a %s stayed open", g_type_name (type));
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* The preview: a column read as another field, one ignored, the valid rows
 * imported on a worker thread, all of them undone at once; then the list as
 * searched taken out to a spreadsheet. */
static void
test_spreadsheet_import_and_export (Fixture       *f,
                                    gconstpointer  data)
{
  const char *text = "Who,Company,E-mail,Shoe size,Notes\r\n"
                     "Ann Smith,Riverside Care,ann@example.org,5,Met once\r\n"
                     "Bob Jones,Riverside Care,bob@,7,\r\n"
                     "Cara Lee,,cara@example.org,6,\r\n";
  g_autofree char *path = g_build_filename (f->dir, "people.csv", NULL);
  g_autofree char *out_path = g_build_filename (f->dir, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *written = NULL;
  CvStakeholdersView *view;
  CvCsvImportDialog *dialog;
  CvCsvImport *import;
  GtkButton *import_button;
  GtkLabel *problems;
  const char *programme_id;

  create_programme (f, "Home care collaborative");
  programme_id = cv_window_get_programme_id (f->window);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  view = stakeholders_view (f);
  cv_stakeholders_view_import_file (view, file);
  dialog = wait_for_open (CV_TYPE_CSV_IMPORT_DIALOG);
  g_assert_null (find_toplevel (CV_TYPE_PROGRESS_DIALOG));
  import = cv_csv_import_dialog_get_import (dialog);
  import_button = child (dialog, CV_TYPE_CSV_IMPORT_DIALOG, "import_button");
  problems = child (dialog, CV_TYPE_CSV_IMPORT_DIALOG, "problems_label");

  /* "Who" is not a heading Convene knows: nothing can be imported yet. */
  g_assert_cmpint (cv_csv_import_get_target (import, 0), ==, CV_CSV_IGNORE);
  g_assert_cmpint (cv_csv_import_get_target (import, 2), ==, CV_CSV_EMAIL);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (import_button)));

  adw_combo_row_set_selected (cv_csv_import_dialog_get_column_row (dialog, 0), CV_CSV_NAME);
  adw_combo_row_set_selected (cv_csv_import_dialog_get_column_row (dialog, 4), CV_CSV_IGNORE);
  g_assert_cmpint (cv_csv_import_get_target (import, 0), ==, CV_CSV_NAME);
  g_assert_cmpint (cv_csv_import_get_target (import, 4), ==, CV_CSV_IGNORE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (import_button)));
  g_assert_cmpstr (gtk_button_get_label (import_button), ==, "_Import the 2 Valid Rows");
  g_assert_cmpstr (gtk_label_get_text (problems), ==, "Line 3, E-mail: “bob@” is not an email address.");

  g_signal_emit_by_name (import_button, "clicked");
  wait_for_closed (CV_TYPE_CSV_IMPORT_DIALOG);
  g_assert_null (find_toplevel (CV_TYPE_PROGRESS_DIALOG));

  /* Two people and the organisation named; the ignored notes are not kept. */
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_STAKEHOLDER, "programme_id", programme_id, NULL), ==, 3);
  found = cv_store_list (store_of (f), CV_TYPE_STAKEHOLDER, "email", "ann@example.org", NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_null (cv_record_get_string (g_ptr_array_index (found, 0), "notes"));
  g_assert_nonnull (cv_record_get_string (g_ptr_array_index (found, 0), "organisation_id"));
  g_assert_cmpuint (search (f, ""), ==, 3);

  /* The list as searched goes out to a spreadsheet: Ann, not Cara. */
  g_assert_cmpuint (search (f, "Ann"), ==, 1);
  g_assert_true (cv_list_export_to_file (GTK_WIDGET (view), store_of (f), CV_CSV_STAKEHOLDERS,
                                         cv_stakeholders_view_get_model (view), out));
  g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "\xef\xbb\xbf\"Kind\",\"Name\""));
  g_assert_nonnull (strstr (written, "\"Ann Smith\",\"Riverside Care\""));
  g_assert_null (strstr (written, "Cara"));
  g_clear_pointer (&written, g_free);

  /* Attendance, which no view lists whole, goes out for the programme. */
  g_assert_true (cv_list_export_programme_to_file (GTK_WIDGET (view), store_of (f), programme_id,
                                                   CV_CSV_ATTENDANCE, out));
  g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, "\xef\xbb\xbf\"Session\",\"Stakeholder\",\"Status\",\"Role\","
                                "\"Paid for their time\"\r\n");

  /* Undo takes the whole import back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_STAKEHOLDER, "programme_id", programme_id, NULL), ==, 0);
  g_assert_cmpuint (search (f, ""), ==, 0);
}

/* A value longer than the register takes is a problem on its line, and the
 * preview lays out only its start: a two-million-character name took the
 * window minutes to show. */
static void
test_spreadsheet_over_long_value (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *name = g_strnfill (1000001, 'a');   /* one byte over the limit */
  g_autofree char *text = g_strdup_printf ("Name,Email\r\n%s,long@example.org\r\nCara Lee,cara@example.org\r\n",
                                           name);
  g_autofree char *path = g_build_filename (f->dir, "long.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CvCsvImportDialog *dialog;
  GtkWidget *grid;
  GtkLabel *problems;
  guint n_labels = 0;

  create_programme (f, "Home care collaborative");
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  cv_stakeholders_view_import_file (stakeholders_view (f), file);
  dialog = wait_for_open (CV_TYPE_CSV_IMPORT_DIALOG);
  problems = child (dialog, CV_TYPE_CSV_IMPORT_DIALOG, "problems_label");
  g_assert_cmpstr (gtk_label_get_text (problems), ==,
                   "Line 2, Name: this is longer than the 1,000,000 bytes of text Convene accepts in one field.");
  g_assert_cmpuint (g_utf8_strlen (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                      cv_csv_import_dialog_get_column_row (dialog, 0))), -1), <=, 61);
  grid = child (dialog, CV_TYPE_CSV_IMPORT_DIALOG, "preview_grid");
  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    if (GTK_IS_LABEL (cell))
      {
        g_assert_cmpuint (g_utf8_strlen (gtk_label_get_text (GTK_LABEL (cell)), -1), <=, 201);
        n_labels++;
      }
  g_assert_cmpuint (n_labels, ==, 9);
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for_closed (CV_TYPE_CSV_IMPORT_DIALOG);
}

static void
test_grid_quadrant (Fixture       *f,
                    gconstpointer  data)
{
  CvStakeholdersView *view;
  CvPowerGrid *grid;
  g_autofree char *id = NULL;
  double x, y;

  create_programme (f, "Home care collaborative");
  add_stakeholder (f, "Amira Patel", NULL);
  id = g_strdup (cv_stakeholder_editor_get_id (editor_of (f)));
  adw_combo_row_set_selected (editor_child (f, "influence_row"), 2);   /* high */
  adw_combo_row_set_selected (editor_child (f, "interest_row"), 0);    /* low */

  view = stakeholders_view (f);
  gtk_toggle_button_set_active (child (view, CV_TYPE_STAKEHOLDERS_VIEW, "grid_toggle"), TRUE);
  run_main_loop (200);
  /* The grid is the list pane's other way of showing the records. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pane_child (view, "list_stack")),
                   ==, "alternative");
  grid = child (view, CV_TYPE_STAKEHOLDERS_VIEW, "power_grid");
  g_assert_true (cv_power_grid_get_point_position (grid, id, &x, &y));
  g_assert_cmpstr (cv_power_grid_quadrant_at (grid, x, y), ==, "Keep satisfied");
  g_assert_cmpstr (cv_power_grid_stakeholder_at (grid, x, y), ==, id);

  /* Interest raised: she moves to "Manage closely". */
  adw_combo_row_set_selected (editor_child (f, "interest_row"), 2);
  run_main_loop (100);
  g_assert_true (cv_power_grid_get_point_position (grid, id, &x, &y));
  g_assert_cmpstr (cv_power_grid_quadrant_at (grid, x, y), ==, "Manage closely");
}

/* Waits for the list to start with @name, or fails saying what it starts with. */
static void
wait_for_first (GListModel *model,
                const char *name)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  g_autoptr(CvRecord) first = NULL;

  for (;;)
    {
      g_clear_object (&first);
      first = g_list_model_get_item (model, 0);
      if ((first != NULL && g_strcmp0 (cv_record_get_string (first, "name"), name) == 0) ||
          g_get_monotonic_time () > until)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_nonnull (first);
  g_assert_cmpstr (cv_record_get_string (first, "name"), ==, name);
}

static void
test_sort_by_column (Fixture       *f,
                     gconstpointer  data)
{
  CvStakeholdersView *view;
  GtkColumnView *column_view;
  GListModel *model;

  create_programme (f, "Home care collaborative");
  add_stakeholder (f, "Amira Patel", NULL);
  add_stakeholder (f, "Zac Owen", NULL);
  view = stakeholders_view (f);
  column_view = child (view, CV_TYPE_STAKEHOLDERS_VIEW, "column_view");
  model = cv_stakeholders_view_get_model (view);

  /* Sorted on the worker thread, as searches are. */
  gtk_column_view_sort_by_column (column_view, child (view, CV_TYPE_STAKEHOLDERS_VIEW, "name_column"),
                                  GTK_SORT_DESCENDING);
  wait_for_first (model, "Zac Owen");
  gtk_column_view_sort_by_column (column_view, child (view, CV_TYPE_STAKEHOLDERS_VIEW, "name_column"),
                                  GTK_SORT_ASCENDING);
  wait_for_first (model, "Amira Patel");
}

/* Whether an AdwPreferencesRow titled @title is somewhere inside @widget. */
static gboolean
row_with_title (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (row_with_title (c, title))
      return TRUE;
  return FALSE;
}

/* Waits until a page's long list has its rows (they are read in a worker thread). */
static GtkWidget *
loaded_rows (CvPagedRows *rows)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (cv_paged_rows_is_loading (rows))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }
  return GTK_WIDGET (cv_paged_rows_get_list_box (rows));
}

static CvSessionsView *
sessions_view (Fixture *f)
{
  return child (f->window, CV_TYPE_WINDOW, "sessions_view");
}

static CvSessionEditor *
session_editor (Fixture *f)
{
  return child (sessions_view (f), CV_TYPE_SESSIONS_VIEW, "editor");
}

static gpointer
session_child (Fixture    *f,
               const char *name)
{
  return child (session_editor (f), CV_TYPE_SESSION_EDITOR, name);
}

/* Types what was said into the session's multi-line field. */
static void
say (Fixture    *f,
     const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (session_child (f, "said_view")), text, -1);
}

static char *
said_text (Fixture *f)
{
  return cv_text_view_get_text (session_child (f, "said_view"));
}

/* Ticks a theme in the themes popover by its name. */
static void
tick_theme (Fixture    *f,
            const char *name)
{
  GtkWidget *list = session_child (f, "theme_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), name) == 0)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          return;
        }
    }
  g_error ("No theme called %s", name);
}

static void
test_session_attendance_and_contributions (Fixture       *f,
                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) said = NULL;
  g_autoptr(CvRecord) stored = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *expected_start = NULL;
  const char *people[] = { "Amira Patel", "Gwen Morgan", "Owen Hughes" };
  char *ids[3] = { NULL, NULL, NULL };
  CvAttendeePicker *picker;
  CvAttendanceCounts counts;
  GtkDropDown *status;

  create_programme (f, "Home care collaborative");
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      add_stakeholder (f, people[i], NULL);
      ids[i] = g_strdup (cv_stakeholder_editor_get_id (editor_of (f)));
    }

  /* A new session, typed in local time. */
  cv_window_show_view (f->window, "sessions");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL);
  gtk_editable_set_text (session_child (f, "title_row"), "Quarterly meeting");
  gtk_editable_set_text (session_child (f, "starts_row"), "2030-03-01 10:00");
  gtk_editable_set_text (session_child (f, "ends_row"), "2030-03-01 09:00");
  g_assert_false (cv_session_editor_save_pending (session_editor (f)));
  g_assert_true (gtk_widget_get_visible (session_child (f, "ends_error_row")));
  g_assert_null (cv_session_editor_get_id (session_editor (f)));   /* nothing stored */
  gtk_editable_set_text (session_child (f, "ends_row"), "2030-03-01 12:00");
  g_assert_true (cv_session_editor_save_pending (session_editor (f)));
  session_id = g_strdup (cv_session_editor_get_id (session_editor (f)));
  g_assert_nonnull (session_id);
  stored = cv_store_load (store_of (f), CV_TYPE_SESSION, session_id, &error);
  expected_start = cv_utc_from_local ("2030-03-01 10:00", NULL, NULL);
  g_assert_cmpstr (cv_record_get_string (stored, "starts_at"), ==, expected_start);

  /* Three people in one go, through the picker. */
  cv_session_editor_add_people (session_editor (f));
  picker = find_toplevel (CV_TYPE_ATTENDEE_PICKER);
  g_assert_nonnull (picker);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    cv_attendee_picker_toggle (picker, ids[i]);
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (picker), CV_TYPE_ATTENDEE_PICKER, "add_button"),
                         "clicked");
  run_main_loop (20);
  g_assert_null (find_toplevel (CV_TYPE_ATTENDEE_PICKER));
  g_assert_true (cv_sessions_count_attendance (store_of (f), session_id, &counts, &error));
  g_assert_cmpuint (counts.listed, ==, 3);

  /* Mark the first as attended, from their row. */
  {
    GtkWidget *list = loaded_rows (session_child (f, "attendance_list"));
    GtkWidget *row = gtk_widget_get_first_child (list);
    GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
    GtkWidget *controls = gtk_widget_get_last_child (box);

    status = GTK_DROP_DOWN (gtk_widget_get_first_child (controls));
    gtk_drop_down_set_selected (status, 1);   /* attended */
    run_main_loop (20);
  }
  g_assert_true (cv_sessions_count_attendance (store_of (f), session_id, &counts, &error));
  g_assert_cmpuint (counts.attended, ==, 1);
  g_assert_nonnull (strstr (gtk_label_get_text (session_child (f, "attendance_counts")), "1 attended"));

  /* Two contributions, each with its themes; a theme made by typing its name. */
  say (f, "Care workers cannot afford to park near the people they visit.");
  gtk_editable_set_text (session_child (f, "new_theme_entry"), "Better care of staff");
  g_signal_emit_by_name (session_child (f, "new_theme_entry"), "activate");
  gtk_editable_set_text (session_child (f, "new_theme_entry"), "Financing");
  g_signal_emit_by_name (session_child (f, "new_theme_entry"), "activate");
  g_assert_true (cv_session_editor_add_contribution (session_editor (f)));
  {
    g_autofree char *left = said_text (f);

    g_assert_cmpstr (left, ==, "");
  }

  say (f, "Nobody told us who to call when the carer did not come.");
  tick_theme (f, "Better care of staff");
  gtk_switch_set_active (session_child (f, "anonymous_switch"), FALSE);
  g_assert_true (cv_session_editor_add_contribution (session_editor (f)));

  /* Close the window, open a new one: it is all there. */
  close_window (f);
  open_window (f);
  cv_window_show_view (f->window, "sessions");
  cv_sessions_view_open (sessions_view (f), session_id);
  g_assert_cmpstr (cv_session_editor_get_id (session_editor (f)), ==, session_id);
  said = cv_store_list (store_of (f), CV_TYPE_CONTRIBUTION, "session_id", session_id, &error);
  g_assert_cmpuint (said->len, ==, 2);
  g_assert_cmpuint (g_strv_length ((char **)cv_record_get_list (g_ptr_array_index (said, 0), "themes")), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **)cv_record_get_list (g_ptr_array_index (said, 1), "themes")), ==, 1);
  g_assert_true (cv_record_get_boolean (g_ptr_array_index (said, 0), "anonymous"));
  {
    g_autoptr(GListModel) rows = gtk_widget_observe_children (loaded_rows (session_child (f, "contribution_list")));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  }
  attendance = cv_store_list (store_of (f), CV_TYPE_ATTENDANCE, "session_id", session_id, &error);
  g_assert_cmpuint (attendance->len, ==, 3);

  /* Her page lists the session she is listed at. */
  cv_window_show_view (f->window, "stakeholders");
  cv_stakeholders_view_open (stakeholders_view (f), ids[0]);
  g_assert_true (gtk_widget_get_visible (editor_child (f, "sessions_group")));
  loaded_rows (editor_child (f, "session_rows"));
  g_assert_true (row_with_title (editor_child (f, "sessions_group"), "Quarterly meeting"));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (ids[i]);
}


static void
test_sample_export_and_bad_import (Fixture       *f,
                                   gconstpointer  data)
{
  gboolean imported = FALSE;
  gboolean exported = FALSE;
  g_autofree char *out_path = g_build_filename (f->dir, "partner.json", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autofree char *written = NULL;
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "data", "bad", "impossible-date.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  AdwMessageDialog *dialog;

  /* First run: the welcome page offers the sample programme. */
  g_signal_connect (f->window, "imported", G_CALLBACK (signal_seen_cb), &imported);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-sample", NULL);
  wait_for (&imported);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->window, CV_TYPE_WINDOW, "main_stack")), ==, "programme");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Home Care Collaborative (sample)");
  g_assert_cmpuint (g_list_model_get_n_items (cv_stakeholders_view_get_model (stakeholders_view (f))), ==, 16);

  /* A partner export on its worker thread. */
  g_signal_connect (f->window, "exported", G_CALLBACK (signal_seen_cb), &exported);
  cv_window_export_file (f->window, CV_EXPORT_PARTNER, out);
  wait_for (&exported);
  g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "\"export_kind\": \"partner\""));
  g_assert_nonnull (strstr (written, "Streamlining the allocation of care packages"));

  /* A bad file: the window says where and what, and nothing changes. */
  before = cv_store_list (store_of (f), CV_TYPE_STAKEHOLDER, "kind", "person", NULL);
  cv_window_import_file (f->window, bad);
  {
    gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
    while ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) == NULL && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "actions[0].due_on"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing in your database was changed"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  after = cv_store_list (store_of (f), CV_TYPE_STAKEHOLDER, "kind", "person", NULL);
  g_assert_cmpuint (before->len, ==, after->len);
}

static gboolean
is_label_containing (GtkWidget  *widget,
                     const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean is_button_with_tooltip (GtkWidget  *widget,
                                        const char *tooltip);

static gboolean
label_with_text (GtkWidget  *widget,
                 const char *text)
{
  return find_descendant (widget, is_label_containing, text) != NULL;
}

static void
test_action_done_and_review (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(CvRecord) stored = NULL;
  g_autofree char *first = NULL;
  g_autofree char *action_id = NULL;
  g_autofree char *pdf_path = g_build_filename (f->dir, "review.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  CvActionEditor *editor;
  CvActionsView *view;
  AdwMessageDialog *dialog;
  CvReviewWindow *review;
  int status = 0;

  create_programme (f, "Home care collaborative");

  /* The first session, with an action agreed at it. */
  cv_window_show_view (f->window, "sessions");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL);
  gtk_editable_set_text (session_child (f, "title_row"), "Our workforce");
  gtk_editable_set_text (session_child (f, "starts_row"), "2018-06-06 10:00");
  g_assert_true (cv_session_editor_save_pending (session_editor (f)));
  first = g_strdup (cv_session_editor_get_id (session_editor (f)));
  gtk_editable_set_text (session_child (f, "action_row"), "Give every care worker a lanyard");
  g_signal_emit_by_name (session_child (f, "action_row"), "entry-activated");
  actions = cv_store_list (store_of (f), CV_TYPE_ACTION, "session_id", first, &error);
  g_assert_cmpuint (actions->len, ==, 1);
  action_id = g_strdup (cv_record_get_id (g_ptr_array_index (actions, 0)));
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (actions, 0), "status"), ==, "agreed");

  /* Marked done in the tracker: it asks what was done, and takes no empty answer. */
  cv_window_show_view (f->window, "actions");
  view = child (f->window, CV_TYPE_WINDOW, "actions_view");
  cv_actions_view_open (view, action_id);
  editor = child (view, CV_TYPE_ACTIONS_VIEW, "editor");
  adw_combo_row_set_selected (child (editor, CV_TYPE_ACTION_EDITOR, "status_row"), 3);   /* done */
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "done"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "Lanyards given to 1,150 care workers.");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "done"));
  adw_message_dialog_response (dialog, "done");
  gtk_window_destroy (GTK_WINDOW (dialog));
  stored = cv_store_load (store_of (f), CV_TYPE_ACTION, action_id, &error);
  g_assert_cmpstr (cv_record_get_string (stored, "status"), ==, "done");
  g_assert_cmpstr (cv_record_get_string (stored, "outcome"), ==, "Lanyards given to 1,150 care workers.");
  g_assert_true (cv_action_editor_add_update (editor, "Shops joined the discount scheme."));

  /* Done is never overdue, though its due date is long past. */
  g_clear_object (&stored);
  stored = cv_store_load (store_of (f), CV_TYPE_ACTION, action_id, &error);
  cv_record_set_string (stored, "due_on", "2018-09-30");
  g_assert_true (cv_store_update (store_of (f), stored, &error));
  wait_for_n_items (cv_actions_view_get_model (view), 1);
  gtk_toggle_button_set_active (child (view, CV_TYPE_ACTIONS_VIEW, "overdue_toggle"), TRUE);
  wait_for_n_items (cv_actions_view_get_model (view), 0);
  gtk_toggle_button_set_active (child (view, CV_TYPE_ACTIONS_VIEW, "overdue_toggle"), FALSE);

  /* The next session's review shows it, done, with what was done. */
  cv_window_show_view (f->window, "sessions");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL);
  gtk_editable_set_text (session_child (f, "title_row"), "One year on");
  gtk_editable_set_text (session_child (f, "starts_row"), "2018-12-05 10:00");
  g_assert_true (cv_session_editor_save_pending (session_editor (f)));
  g_signal_emit_by_name (session_child (f, "review_button"), "clicked");
  review = wait_for_toplevel (CV_TYPE_REVIEW_WINDOW);
  g_assert_nonnull (review);
  g_assert_true (label_with_text (GTK_WIDGET (review), "Give every care worker a lanyard"));
  g_assert_true (label_with_text (GTK_WIDGET (review), "Lanyards given to 1,150 care workers."));

  /* Saved as a PDF with its pages and words. */
  g_assert_true (cv_review_window_save_pdf (review, pdf, &error));
  g_assert_no_error (error);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext != NULL)
    {
      g_autofree char *to_text = g_strdup_printf ("pdftotext %s -", pdf_path);
      g_autofree char *info = g_strdup_printf ("pdfinfo %s", pdf_path);
      const char *count;

      g_assert_true (g_spawn_command_line_sync (to_text, &text, NULL, &status, NULL));
      g_assert_nonnull (strstr (text, "Give every care worker a lanyard"));
      g_assert_nonnull (strstr (text, "You said, we did"));
      g_assert_true (g_spawn_command_line_sync (info, &pages, NULL, &status, NULL));
      count = strstr (pages, "Pages:");
      g_assert_nonnull (count);
      g_assert_cmpint (atoi (count + strlen ("Pages:")), ==, 1);
    }
  else
    g_test_message ("pdftotext is not installed: only checked that the PDF was written");
  g_assert_true (g_file_query_exists (pdf, NULL));
  gtk_window_destroy (GTK_WINDOW (review));
}

/* The labels of @widget, in reading order. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, labels);
}

static guint
count_in (const char *text,
          const char *part)
{
  guint n = 0;

  for (const char *at = strstr (text, part); at != NULL; at = strstr (at + 1, part))
    n++;
  return n;
}

/* The whole engagement loop as a new lead walks it: what was said, an action
 * agreed that answers it, its owner and date, done with an outcome, and the
 * next session's review telling it under its theme, once, on the screen and
 * in the PDF. */
static void
test_engagement_loop (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) said = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(CvRecord) action = NULL;
  g_autofree char *first = NULL;
  g_autofree char *owner_id = NULL;
  g_autofree char *pdf_path = g_build_filename (f->dir, "loop.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  const char *quote = "Parking costs care workers a fortune.";
  const char *outcome = "Permits issued to 120 care workers.";
  const char *people[] = { "Amira Patel", "Gwen Morgan" };
  char *ids[2] = { NULL, NULL };
  CvAttendeePicker *picker;
  CvActionsView *actions_view;
  CvActionEditor *editor;
  AdwMessageDialog *dialog;
  CvReviewWindow *review;
  GtkWidget *agree = NULL;
  gint heading = -1, quote_at = -1, outcome_at = -1;

  create_programme (f, "Home care collaborative");
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      add_stakeholder (f, people[i], NULL);
      ids[i] = g_strdup (cv_stakeholder_editor_get_id (editor_of (f)));
    }
  owner_id = g_strdup (ids[1]);

  /* A session with both of them there. */
  cv_window_show_view (f->window, "sessions");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL);
  gtk_editable_set_text (session_child (f, "title_row"), "Spring listening event");
  gtk_editable_set_text (session_child (f, "starts_row"), "2018-03-01 10:00");
  g_assert_true (cv_session_editor_save_pending (session_editor (f)));
  first = g_strdup (cv_session_editor_get_id (session_editor (f)));
  /* Dated in the past, it is still in the list beside its page. */
  g_assert_cmpuint (g_list_model_get_n_items (cv_sessions_view_get_model (sessions_view (f))), ==, 1);
  cv_session_editor_add_people (session_editor (f));
  picker = find_toplevel (CV_TYPE_ATTENDEE_PICKER);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    cv_attendee_picker_toggle (picker, ids[i]);
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (picker), CV_TYPE_ATTENDEE_PICKER, "add_button"),
                         "clicked");
  run_main_loop (20);

  /* Two things said, each with its themes, each entered with Enter. */
  say (f, quote);
  gtk_editable_set_text (session_child (f, "new_theme_entry"), "Better care of staff");
  g_signal_emit_by_name (session_child (f, "new_theme_entry"), "activate");
  gtk_editable_set_text (session_child (f, "new_theme_entry"), "Financing");
  g_signal_emit_by_name (session_child (f, "new_theme_entry"), "activate");
  g_signal_emit_by_name (session_child (f, "add_contribution_button"), "clicked");
  say (f, "Nobody tells us when the carer is late.");
  tick_theme (f, "Better care of staff");
  g_signal_emit_by_name (session_child (f, "add_contribution_button"), "clicked");
  said = cv_store_list (store_of (f), CV_TYPE_CONTRIBUTION, "session_id", first, &error);
  g_assert_cmpuint (said->len, ==, 2);
  run_main_loop (20);

  /* "Agree an Action" from the first: it answers it and takes both its themes. */
  {
    GtkWidget *row = gtk_widget_get_first_child (loaded_rows (session_child (f, "contribution_list")));

    g_assert_true (label_with_text (row, quote));
    agree = find_descendant (row, is_button_with_tooltip, "Agree an Action That Answers This");
    g_assert_nonnull (agree);
    g_signal_emit_by_name (agree, "clicked");
  }
  g_assert_true (gtk_widget_get_visible (session_child (f, "answering_row")));
  gtk_editable_set_text (session_child (f, "action_row"), "Parking permits for care workers");
  g_signal_emit_by_name (session_child (f, "action_row"), "entry-activated");
  g_assert_false (gtk_widget_get_visible (session_child (f, "answering_row")));
  actions = cv_store_list (store_of (f), CV_TYPE_ACTION, "session_id", first, &error);
  g_assert_cmpuint (actions->len, ==, 1);
  action = g_object_ref (g_ptr_array_index (actions, 0));
  g_assert_cmpstr (cv_record_get_list (action, "answers")[0], ==, cv_record_get_id (g_ptr_array_index (said, 0)));
  g_assert_null (cv_record_get_list (action, "answers")[1]);
  g_assert_cmpuint (g_strv_length ((char **)cv_record_get_list (action, "themes")), ==, 2);
  run_main_loop (20);

  /* Its row on the session's page opens it in Actions; Alt+Left comes back. */
  {
    GtkWidget *row = gtk_widget_get_first_child (loaded_rows (session_child (f, "action_list")));

    g_signal_emit_by_name (row, "activate");
  }
  actions_view = child (f->window, CV_TYPE_WINDOW, "actions_view");
  editor = child (actions_view, CV_TYPE_ACTIONS_VIEW, "editor");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->window, CV_TYPE_WINDOW, "view_stack")), ==, "actions");
  g_assert_cmpstr (cv_action_editor_get_id (editor), ==, cv_record_get_id (action));
  g_assert_true (row_with_title (child (editor, CV_TYPE_ACTION_EDITOR, "answers_list"), quote));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->window, CV_TYPE_WINDOW, "view_stack")), ==, "sessions");
  g_assert_cmpstr (cv_session_editor_get_id (session_editor (f)), ==, first);
  {
    GtkWidget *row = gtk_widget_get_first_child (loaded_rows (session_child (f, "action_list")));

    g_signal_emit_by_name (row, "activate");
  }

  /* An owner chosen by typing her name and Enter; a due date; done, with what was done. */
  {
    CvStakeholderChooser *chooser = child (editor, CV_TYPE_ACTION_EDITOR, "owner_chooser");
    GtkWidget *search = child (chooser, CV_TYPE_STAKEHOLDER_CHOOSER, "search_entry");

    gtk_editable_set_text (GTK_EDITABLE (search), "Gwen");
    g_signal_emit_by_name (search, "search-changed");
    g_signal_emit_by_name (search, "activate");
  }
  gtk_editable_set_text (child (editor, CV_TYPE_ACTION_EDITOR, "due_row"), "2018-05-31");
  g_assert_true (cv_action_editor_save_pending (editor));
  adw_combo_row_set_selected (child (editor, CV_TYPE_ACTION_EDITOR, "status_row"), 3);   /* done */
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), outcome);
  adw_message_dialog_response (dialog, "done");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&action);
  action = cv_store_load (store_of (f), CV_TYPE_ACTION, cv_action_editor_get_id (editor), &error);
  g_assert_cmpstr (cv_record_get_string (action, "status"), ==, "done");
  g_assert_cmpstr (cv_record_get_string (action, "owner_id"), ==, owner_id);
  g_assert_cmpstr (cv_record_get_string (action, "due_on"), ==, "2018-05-31");
  g_assert_nonnull (cv_record_get_list (action, "answers")[0]);

  /* The next session's review: the quote and the outcome under one theme, once each. */
  cv_window_show_view (f->window, "sessions");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL);
  gtk_editable_set_text (session_child (f, "title_row"), "Summer meeting");
  gtk_editable_set_text (session_child (f, "starts_row"), "2018-06-06 10:00");
  g_assert_true (cv_session_editor_save_pending (session_editor (f)));
  g_signal_emit_by_name (session_child (f, "review_button"), "clicked");
  review = wait_for_toplevel (CV_TYPE_REVIEW_WINDOW);
  g_assert_nonnull (review);
  collect_labels (GTK_WIDGET (review), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      if (g_str_equal (text, "Better care of staff"))
        {
          g_assert_cmpint (heading, ==, -1);
          heading = i;
        }
      /* No group of its own: the quote is shown once, with Financing as a chip beside it. */
      if (g_str_equal (text, "Financing"))
        {
          GtkWidget *chip = gtk_widget_get_ancestor (g_ptr_array_index (labels, i), GTK_TYPE_BUTTON);

          g_assert_nonnull (chip);
          g_assert_cmpstr (gtk_widget_get_tooltip_text (chip), ==, "Open the Theme “Financing”");
        }
      if (strstr (text, quote) != NULL)
        {
          g_assert_cmpint (quote_at, ==, -1);
          quote_at = i;
        }
      if (strstr (text, outcome) != NULL)
        {
          g_assert_cmpint (outcome_at, ==, -1);
          outcome_at = i;
        }
    }
  g_assert_cmpint (heading, >=, 0);
  g_assert_cmpint (quote_at, >, heading);
  g_assert_cmpint (outcome_at, >, quote_at);
  /* Its other theme named beside it as a chip that opens it (/ui/chips/open-themes). */
  g_assert_false (label_with_text (GTK_WIDGET (review), "also under Financing"));
  g_assert_true (label_with_text (GTK_WIDGET (review), "Answers what was said: 1"));

  /* The PDF says the same. */
  g_assert_true (cv_review_window_save_pdf (review, pdf, &error));
  g_assert_no_error (error);
  {
    g_autofree char *to_text = g_strdup_printf ("pdftotext -layout %s -", pdf_path);
    g_autofree char *text = NULL;
    int status = 0;
    const char *theme_in_text;

    g_assert_true (g_spawn_command_line_sync (to_text, &text, NULL, &status, NULL));
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpuint (count_in (text, quote), ==, 1);
    g_assert_cmpuint (count_in (text, outcome), ==, 1);
    theme_in_text = strstr (text, "Better care of staff");
    g_assert_nonnull (theme_in_text);
    g_assert_true (theme_in_text < strstr (text, quote));
    g_assert_true (strstr (text, quote) < strstr (text, outcome));
  }
  gtk_window_destroy (GTK_WINDOW (review));

  /* Every mention is a way through: the owner opens on the register, her page
   * lists the action, which opens; Back retraces each step. */
  cv_window_show_view (f->window, "actions");
  cv_actions_view_open (actions_view, cv_record_get_id (action));
  g_signal_emit_by_name (child (editor, CV_TYPE_ACTION_EDITOR, "owner_row"), "activate");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->window, CV_TYPE_WINDOW, "view_stack")), ==,
                   "stakeholders");
  g_assert_cmpstr (cv_stakeholder_editor_get_id (editor_of (f)), ==, owner_id);
  g_signal_emit_by_name (gtk_widget_get_first_child (loaded_rows (editor_child (f, "action_rows"))), "activate");
  g_assert_cmpstr (cv_action_editor_get_id (editor), ==, cv_record_get_id (action));
  g_signal_emit_by_name (child (editor, CV_TYPE_ACTION_EDITOR, "session_row"), "activate");
  g_assert_cmpstr (cv_session_editor_get_id (session_editor (f)), ==, first);
  {
    GtkWidget *row = gtk_widget_get_first_child (loaded_rows (session_child (f, "attendance_list")));
    GtkButton *name = find_descendant (row, is_button_with_tooltip, "Open Their Page");

    g_assert_nonnull (name);
    g_signal_emit_by_name (name, "clicked");
  }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->window, CV_TYPE_WINDOW, "view_stack")), ==,
                   "stakeholders");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL);
  g_assert_cmpstr (cv_session_editor_get_id (session_editor (f)), ==, first);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->window, CV_TYPE_WINDOW, "view_stack")), ==,
                   "stakeholders");
  g_assert_cmpstr (cv_stakeholder_editor_get_id (editor_of (f)), ==, owner_id);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (ids[i]);
}

static gboolean
is_text (GtkWidget  *widget,
         const char *unused)
{
  return GTK_IS_TEXT (widget);
}

static gboolean
is_menu_button (GtkWidget  *widget,
                const char *unused)
{
  return GTK_IS_MENU_BUTTON (widget);
}

static gboolean
is_calendar (GtkWidget  *widget,
             const char *unused)
{
  return GTK_IS_CALENDAR (widget);
}

/* Dates as a British user writes them; Enter creates the programme; a date
 * picked from the calendar clears the error a mistyped one raised. */
static void
test_dates_as_people_write_them (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *before = g_strdup (setlocale (LC_TIME, NULL));
  g_autoptr(CvRecord) programme = NULL;
  g_autoptr(CvRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  CvProgrammeDialog *dialog;
  CvActionsView *view;
  CvActionEditor *editor;
  GtkWidget *due;
  gint64 until;

  g_assert_nonnull (setlocale (LC_TIME, "en_GB.UTF-8"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-programme", NULL);
  run_main_loop (20);
  dialog = find_toplevel (CV_TYPE_PROGRAMME_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (child (dialog, CV_TYPE_PROGRAMME_DIALOG, "start_row")),
                            "01/04/2026"));
  gtk_editable_set_text (child (dialog, CV_TYPE_PROGRAMME_DIALOG, "name_row"), "Vanguard");
  gtk_editable_set_text (child (dialog, CV_TYPE_PROGRAMME_DIALOG, "start_row"), "1/12/2017");
  /* Enter in the last field. */
  g_signal_emit_by_name (find_descendant (child (dialog, CV_TYPE_PROGRAMME_DIALOG, "start_row"), is_text, NULL),
                         "activate");
  until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (find_toplevel (CV_TYPE_PROGRAMME_DIALOG) != NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (find_toplevel (CV_TYPE_PROGRAMME_DIALOG));
  run_main_loop (20);
  g_assert_nonnull (cv_window_get_programme_id (f->window));
  programme = cv_store_load (store_of (f), CV_TYPE_PROGRAMME, cv_window_get_programme_id (f->window), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cv_record_get_string (programme, "name"), ==, "Vanguard");
  g_assert_cmpstr (cv_record_get_string (programme, "start_on"), ==, "2017-12-01");

  /* An action due on a day that does not exist, then one picked from the calendar. */
  cv_window_show_view (f->window, "actions");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL);
  view = child (f->window, CV_TYPE_WINDOW, "actions_view");
  editor = child (view, CV_TYPE_ACTIONS_VIEW, "editor");
  gtk_editable_set_text (child (editor, CV_TYPE_ACTION_EDITOR, "title_row"), "Parking permits");
  due = child (editor, CV_TYPE_ACTION_EDITOR, "due_row");
  gtk_editable_set_text (GTK_EDITABLE (due), "31/4/2026");
  g_assert_false (cv_action_editor_save_pending (editor));
  g_assert_true (gtk_widget_get_visible (child (editor, CV_TYPE_ACTION_EDITOR, "due_error_row")));
  {
    GtkMenuButton *pick = find_descendant (due, is_menu_button, NULL);
    GtkCalendar *calendar = find_descendant (GTK_WIDGET (gtk_menu_button_get_popover (pick)), is_calendar, NULL);
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 4, 30, 0, 0, 0);

    g_assert_nonnull (calendar);
    gtk_calendar_select_day (calendar, day);
    g_signal_emit_by_name (calendar, "day-selected");
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "30/04/2026");
  g_assert_true (cv_action_editor_save_pending (editor));
  g_assert_false (gtk_widget_get_visible (child (editor, CV_TYPE_ACTION_EDITOR, "due_error_row")));
  stored = cv_store_load (store_of (f), CV_TYPE_ACTION, cv_action_editor_get_id (editor), &error);
  g_assert_cmpstr (cv_record_get_string (stored, "due_on"), ==, "2026-04-30");
  setlocale (LC_TIME, before);
}

static void
test_theme_merge_and_undo (Fixture       *f,
                           gconstpointer  data)
{
  gboolean imported = FALSE;
  CvThemesView *view;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) undone = NULL;
  const char *staff = NULL, *money = NULL;
  const char *programme;
  CvThemeCounts *c;

  g_signal_connect (f->window, "imported", G_CALLBACK (signal_seen_cb), &imported);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-sample", NULL);
  wait_for (&imported);
  programme = cv_window_get_programme_id (f->window);

  cv_window_show_view (f->window, "themes");
  view = child (f->window, CV_TYPE_WINDOW, "themes_view");
  g_assert_cmpuint (g_list_model_get_n_items (cv_themes_view_get_model (view)), ==, 7);
  themes = cv_store_list (store_of (f), CV_TYPE_THEME, "programme_id", programme, NULL);
  for (guint i = 0; i < themes->len; i++)
    {
      CvRecord *t = g_ptr_array_index (themes, i);
      if (g_str_equal (cv_record_get_string (t, "name"), "Better care of staff"))
        staff = cv_record_get_id (t);
      if (g_str_equal (cv_record_get_string (t, "name"), "Financing"))
        money = cv_record_get_id (t);
    }
  before = cv_themes_count (store_of (f), programme, NULL);

  /* Financing into Better care of staff: six themes, nothing lost. */
  cv_themes_view_open (view, money);
  g_assert_true (cv_themes_view_merge_into (view, staff));
  g_assert_cmpuint (g_list_model_get_n_items (cv_themes_view_get_model (view)), ==, 6);
  after = cv_themes_count (store_of (f), programme, NULL);
  c = g_hash_table_lookup (after, staff);
  g_assert_cmpuint (c->contributions, >=, ((CvThemeCounts *)g_hash_table_lookup (before, staff))->contributions);
  g_assert_cmpuint (c->done_actions, >=, ((CvThemeCounts *)g_hash_table_lookup (before, staff))->done_actions);

  /* Undo, as the toast and Ctrl+Z do: seven themes, the counts as before. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cv_themes_view_get_model (view)), ==, 7);
  undone = cv_themes_count (store_of (f), programme, NULL);
  g_assert_cmpuint (((CvThemeCounts *)g_hash_table_lookup (undone, money))->contributions, ==,
                    ((CvThemeCounts *)g_hash_table_lookup (before, money))->contributions);
  g_assert_cmpuint (((CvThemeCounts *)g_hash_table_lookup (undone, staff))->contributions, ==,
                    ((CvThemeCounts *)g_hash_table_lookup (before, staff))->contributions);
}

static guint
n_values (Fixture    *f,
          const char *measure_id)
{
  return cv_store_count (store_of (f), CV_TYPE_MEASURE_VALUE, "measure_id", measure_id, NULL);
}

static void
add_value (CvMeasuresView *view,
           const char     *date,
           const char     *value)
{
  gtk_editable_set_text (child (view, CV_TYPE_MEASURES_VIEW, "date_row"), date);
  gtk_editable_set_text (child (view, CV_TYPE_MEASURES_VIEW, "value_row"), value);
  g_signal_emit_by_name (child (view, CV_TYPE_MEASURES_VIEW, "value_row"), "entry-activated");
  run_main_loop (50);
}

static void
test_measure_values_and_change (Fixture       *f,
                                gconstpointer  data)
{
  CvMeasuresView *view;
  GtkLabel *value_error;
  GtkWidget *chart;
  g_autoptr(GPtrArray) measures = NULL;
  const char *id;

  create_programme (f, "Outcomes");
  cv_window_show_view (f->window, "measures");
  view = child (f->window, CV_TYPE_WINDOW, "measures_view");
  value_error = child (view, CV_TYPE_MEASURES_VIEW, "value_error");

  /* Added from the list pane: stored once it is named. */
  g_signal_emit_by_name (pane_child (view, "add_button"), "clicked");
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_MEASURE, "programme_id", cv_window_get_programme_id (f->window), NULL), ==, 0);
  gtk_editable_set_text (child (view, CV_TYPE_MEASURES_VIEW, "name_row"), "Clients");
  g_signal_emit_by_name (child (view, CV_TYPE_MEASURES_VIEW, "name_row"), "apply");
  run_main_loop (50);
  measures = cv_store_list (store_of (f), CV_TYPE_MEASURE, "programme_id", cv_window_get_programme_id (f->window), NULL);
  g_assert_cmpuint (measures->len, ==, 1);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (measures, 0), "name"), ==, "Clients");
  id = cv_record_get_id (g_ptr_array_index (measures, 0));

  /* One value: no change to speak of yet. */
  add_value (view, "2018-04-01", "626");
  g_assert_cmpuint (n_values (f, id), ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (value_error)));
  g_assert_nonnull (strstr (cv_measures_view_get_change (view), "two values"));

  add_value (view, "2019-03-31", "776");
  g_assert_cmpuint (n_values (f, id), ==, 2);

  /* Bad input is refused with a message, and nothing is written. */
  add_value (view, "2019-06-30", "lots");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (value_error)));
  g_assert_nonnull (strstr (gtk_label_get_text (value_error), "lots"));
  add_value (view, "2019-02-30", "700");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (value_error)));
  add_value (view, "2019-03-31", "800");            /* that date has a value */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (value_error)));
  g_assert_cmpuint (n_values (f, id), ==, 2);

  /* The chart is on screen with room to draw. */
  chart = child (view, CV_TYPE_MEASURES_VIEW, "chart");
  g_assert_true (gtk_widget_get_mapped (chart));
  g_assert_cmpint (gtk_widget_get_width (chart), >, 100);
  g_assert_cmpint (gtk_widget_get_height (chart), >, 100);

  /* From the first date to the second, then back. */
  adw_combo_row_set_selected (child (view, CV_TYPE_MEASURES_VIEW, "from_row"), 0);
  adw_combo_row_set_selected (child (view, CV_TYPE_MEASURES_VIEW, "to_row"), 1);
  g_assert_nonnull (strstr (cv_measures_view_get_change (view), "+150"));
  g_assert_nonnull (strstr (cv_measures_view_get_change (view), "+24%"));
  g_assert_nonnull (strstr (cv_measures_view_get_change (view), "better"));
  adw_combo_row_set_selected (child (view, CV_TYPE_MEASURES_VIEW, "from_row"), 1);
  adw_combo_row_set_selected (child (view, CV_TYPE_MEASURES_VIEW, "to_row"), 0);
  g_assert_nonnull (strstr (cv_measures_view_get_change (view), "-150"));
  g_assert_nonnull (strstr (cv_measures_view_get_change (view), "-19%"));
  g_assert_nonnull (strstr (cv_measures_view_get_change (view), "worse"));

  /* A value corrected in place: 776 was 780; a word is refused and nothing changes. */
  {
    GtkWidget *newest = gtk_widget_get_first_child (child (view, CV_TYPE_MEASURES_VIEW, "value_list"));

    g_assert_true (ADW_IS_ENTRY_ROW (newest));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (newest)), ==, "776");
    gtk_editable_set_text (GTK_EDITABLE (newest), "many");
    g_signal_emit_by_name (newest, "apply");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (value_error)));
    gtk_editable_set_text (GTK_EDITABLE (newest), "780");
    g_signal_emit_by_name (newest, "apply");
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (value_error)));
    run_main_loop (50);
    g_assert_cmpuint (n_values (f, id), ==, 2);
    adw_combo_row_set_selected (child (view, CV_TYPE_MEASURES_VIEW, "from_row"), 0);
    adw_combo_row_set_selected (child (view, CV_TYPE_MEASURES_VIEW, "to_row"), 1);
    g_assert_nonnull (strstr (cv_measures_view_get_change (view), "+154"));
    g_assert_nonnull (strstr (cv_measures_view_get_change (view), "+25%"));
  }

  /* The overview shows the measure with its latest change. */
  cv_window_show_view (f->window, "overview");
  run_main_loop (50);
  g_assert_true (label_with_text (child (f->window, CV_TYPE_WINDOW, "overview_view"), "Clients"));
  g_assert_true (label_with_text (child (f->window, CV_TYPE_WINDOW, "overview_view"), "+25%"));
}

/* The row inside @widget whose title is @title, or NULL. */
static gboolean
is_row_titled (GtkWidget  *widget,
               const char *title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static AdwActionRow *
row_titled (GtkWidget  *widget,
            const char *title)
{
  return find_descendant (widget, is_row_titled, title);
}

static void
test_overview_opens_records (Fixture       *f,
                             gconstpointer  data)
{
  gboolean imported = FALSE;
  GtkWidget *overview;
  GtkStack *view_stack = child (f->window, CV_TYPE_WINDOW, "view_stack");
  CvActionEditor *editor;
  AdwActionRow *row;

  g_signal_connect (f->window, "imported", G_CALLBACK (signal_seen_cb), &imported);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-sample", NULL);
  wait_for (&imported);

  cv_window_show_view (f->window, "overview");
  run_main_loop (50);
  overview = child (f->window, CV_TYPE_WINDOW, "overview_view");
  /* The sample's totals, and its one overdue action. */
  g_assert_true (label_with_text (overview, "stakeholders"));
  g_assert_nonnull (row_titled (overview, "Clients"));
  row = row_titled (overview, "No discharge home after 3pm on a Friday without care confirmed");
  g_assert_nonnull (row);

  g_signal_emit_by_name (row, "activated");
  run_main_loop (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "actions");
  editor = child (child (f->window, CV_TYPE_WINDOW, "actions_view"), CV_TYPE_ACTIONS_VIEW, "editor");
  g_assert_nonnull (cv_action_editor_get_record (editor));
  g_assert_cmpstr (cv_record_get_string (cv_action_editor_get_record (editor), "title"), ==,
                   "No discharge home after 3pm on a Friday without care confirmed");

  /* Back on the overview, a measure opens its chart. */
  cv_window_show_view (f->window, "overview");
  run_main_loop (50);
  g_signal_emit_by_name (row_titled (overview, "Clients"), "activated");
  run_main_loop (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "measures");
  g_assert_cmpstr (gtk_label_get_text (child (child (f->window, CV_TYPE_WINDOW, "measures_view"),
                                              CV_TYPE_MEASURES_VIEW, "title_label")), ==, "Clients");

  /* More overdue than the overview lists: a row opens the tracker showing all of them. */
  for (guint i = 0; i < 11; i++)
    {
      g_autoptr(CvRecord) late = cv_record_new (CV_TYPE_ACTION);
      g_autofree char *title = g_strdup_printf ("Late action %u", i);
      g_autoptr(GError) error = NULL;

      g_object_set (late, "programme-id", cv_window_get_programme_id (f->window), "title", title,
                    "status", "agreed", "due-on", "2020-01-10", NULL);
      g_assert_true (cv_store_insert (store_of (f), late, &error));
    }
  cv_window_show_view (f->window, "overview");
  run_main_loop (50);
  g_assert_true (label_with_text (overview, "Overdue Actions: 12"));
  row = row_titled (overview, "See Every Overdue Action");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  run_main_loop (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "actions");
  wait_for_n_items (cv_actions_view_get_model (child (f->window, CV_TYPE_WINDOW, "actions_view")), 12);
}

/* The tracker's status drop-down for the action called @title, or NULL. */
static gboolean
is_status_of (GtkWidget  *widget,
              const char *title)
{
  CvRecord *action = GTK_IS_DROP_DOWN (widget) ? g_object_get_data (G_OBJECT (widget), "action") : NULL;

  return action != NULL && g_strcmp0 (cv_record_get_string (action, "title"), title) == 0;
}

static GtkDropDown *
status_drop_down (GtkWidget  *widget,
                  const char *title)
{
  return find_descendant (widget, is_status_of, title);
}

static CvRecord *
action_titled (Fixture    *f,
               const char *title)
{
  g_autoptr(GPtrArray) actions = cv_store_list (store_of (f), CV_TYPE_ACTION, "title", title, NULL);

  g_assert_cmpuint (actions->len, ==, 1);
  return g_object_ref (g_ptr_array_index (actions, 0));
}

static void
test_action_status_in_place (Fixture       *f,
                             gconstpointer  data)
{
  const char *training = "Train two providers in dementia care at home";
  gboolean imported = FALSE;
  CvActionsView *view;
  GtkDropDown *status;
  AdwMessageDialog *dialog;
  g_autoptr(CvRecord) stored = NULL;

  g_signal_connect (f->window, "imported", G_CALLBACK (signal_seen_cb), &imported);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-sample", NULL);
  wait_for (&imported);
  cv_window_show_view (f->window, "actions");
  view = child (f->window, CV_TYPE_WINDOW, "actions_view");
  run_main_loop (100);

  /* Agreed → In progress, straight from the list. */
  status = status_drop_down (GTK_WIDGET (view), training);
  g_assert_nonnull (status);
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, 1);       /* agreed */
  gtk_drop_down_set_selected (status, 2);
  run_main_loop (50);
  stored = action_titled (f, training);
  g_assert_cmpstr (cv_record_get_string (stored, "status"), ==, "in_progress");
  run_main_loop (50);

  /* Done asks what was done; cancelling leaves it as it was. */
  status = status_drop_down (GTK_WIDGET (view), training);
  gtk_drop_down_set_selected (status, 3);
  run_main_loop (50);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&stored);
  stored = action_titled (f, training);
  g_assert_cmpstr (cv_record_get_string (stored, "status"), ==, "in_progress");
  g_assert_cmpuint (gtk_drop_down_get_selected (status_drop_down (GTK_WIDGET (view), training)), ==, 2);

  /* Then with an answer it is done, with the outcome stored. */
  run_main_loop (50);
  status = status_drop_down (GTK_WIDGET (view), training);
  gtk_drop_down_set_selected (status, 3);
  run_main_loop (50);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "Both providers trained 40 carers.");
  adw_message_dialog_response (dialog, "done");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&stored);
  stored = action_titled (f, training);
  g_assert_cmpstr (cv_record_get_string (stored, "status"), ==, "done");
  g_assert_cmpstr (cv_record_get_string (stored, "outcome"), ==, "Both providers trained 40 carers.");
}


static gboolean
is_shown_text_view (GtkWidget  *widget,
                    const char *unused)
{
  return GTK_IS_TEXT_VIEW (widget) && gtk_widget_get_mapped (widget);
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Does what pressing @keys (as "<Alt>Right") does on @widget: finds the
 * shortcut among the widget's own controllers and activates its action with
 * its arguments. Fails when no shortcut has those keys. */
static void
press (GtkWidget  *widget,
       const char *keys)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_auto(GStrv) alternatives = g_strsplit (trigger, "|", -1);

          if (g_strv_contains ((const char * const *) alternatives, keys))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              run_main_loop (20);
              return;
            }
        }
    }
  g_error ("No shortcut %s on %s", keys, G_OBJECT_TYPE_NAME (widget));
}

static CvConversationWindow *
conversation_window (void)
{
  CvConversationWindow *window = find_toplevel (CV_TYPE_CONVERSATION_WINDOW);

  g_assert_nonnull (window);
  return window;
}

/* Keys or an action (Skip has a button, not a key). */
static void
step (CvConversationWindow *window,
      const char           *keys_or_action,
      guint                 expected_index)
{
  if (keys_or_action[0] == '<')
    press (GTK_WIDGET (window), keys_or_action);
  else
    {
      gtk_widget_activate_action (GTK_WIDGET (window), keys_or_action, NULL);
      run_main_loop (20);
    }
  g_assert_cmpuint (cv_conversation_window_get_index (window), ==, expected_index);
}

/* A conversation held with the keyboard's actions only: answers of four
 * kinds, a skip, Back, the window closed half-way with text not yet stored,
 * then reopened from the list where it left off, finished with Ctrl+Enter,
 * amended with a note; deleting asks first and offers Undo. */
static void
test_conversation_keyboard_and_resume (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(CvRecord) stored = NULL;
  g_autofree char *conversation_id = NULL;
  g_autofree char *today = cv_today ();
  CvGuidesView *view;
  CvConversationWindow *window;
  GtkWidget *row;
  GtkWidget *list;
  AdwMessageDialog *dialog;

  create_programme (f, "Wirral home care");
  cv_window_show_view (f->window, "guides");
  view = child (f->window, CV_TYPE_WINDOW, "guides_view");
  g_assert_true (row_titled (GTK_WIDGET (view), "Getting home safely after a hospital stay") != NULL);
  cv_guides_view_open_guide (view, cv_guides_builtin_id (1));
  run_main_loop (50);

  /* Nothing starts without a person reference. */
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (view), is_button_labelled, "_Start Conversation"), "clicked");
  run_main_loop (50);
  g_assert_null (find_toplevel (CV_TYPE_CONVERSATION_WINDOW));
  g_assert_true (label_with_text (GTK_WIDGET (view), "Person reference"));

  gtk_editable_set_text (find_descendant (GTK_WIDGET (view), is_entry_row_titled, "Person Reference"), "EF-9");
  gtk_editable_set_text (find_descendant (GTK_WIDGET (view), is_entry_row_titled, "Staff Member"), "Nurse Adeyemi");
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (view), is_button_labelled, "_Start Conversation"), "clicked");
  run_main_loop (100);
  window = conversation_window ();
  conversation_id = g_strdup (cv_conversation_window_get_id (window));
  /* The reference is cleared for the next person; the staff member stays,
   * in another guide too. */
  cv_guides_view_open_guide (view, cv_guides_builtin_id (0));
  run_main_loop (50);
  g_assert_cmpstr (gtk_editable_get_text (find_descendant (GTK_WIDGET (view), is_entry_row_titled, "Person Reference")), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (find_descendant (GTK_WIDGET (view), is_entry_row_titled, "Staff Member")), ==, "Nurse Adeyemi");
  g_assert_cmpuint (cv_conversation_window_get_index (window), ==, 0);
  g_assert_cmpstr (cv_conversation_window_get_page (window), ==, "question");

  /* 1, free text; 2, a scale; 3 skipped; 4 yes or no; back and on again. */
  g_assert_true (GTK_IS_TEXT_VIEW (cv_conversation_window_get_input (window)));
  set_text_view (cv_conversation_window_get_input (window), "Being back with my cat");
  step (window, "<Alt>Right", 1);
  gtk_toggle_button_set_active (find_descendant (cv_conversation_window_get_input (window), is_button_labelled, "8"), TRUE);
  run_main_loop (20);
  step (window, "<Alt>Right", 2);
  step (window, "<Alt>s", 3);
  set_text_view (cv_conversation_window_get_input (window), "Getting in and out of the bath");
  step (window, "<Alt>Right", 4);
  gtk_toggle_button_set_active (find_descendant (cv_conversation_window_get_input (window), is_button_labelled, "Yes"), TRUE);
  run_main_loop (20);
  step (window, "<Alt>Left", 3);
  step (window, "<Alt>Right", 4);
  step (window, "<Alt>Right", 5);

  /* Typed, then the window closes before the pause that stores typing. */
  set_text_view (cv_conversation_window_get_input (window), "Stairs are harder");
  gtk_window_close (GTK_WINDOW (window));
  run_main_loop (50);
  g_assert_null (find_toplevel (CV_TYPE_CONVERSATION_WINDOW));

  answers = cv_conversation_answers (store_of (f), conversation_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (answers, 0), "value"), ==, "Being back with my cat");
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (answers, 1), "value"), ==, "8");
  g_assert_true (cv_record_get_boolean (g_ptr_array_index (answers, 2), "skipped"));
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (answers, 3), "value"), ==, "Getting in and out of the bath");
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (answers, 4), "value"), ==, "yes");
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (answers, 5), "value"), ==, "Stairs are harder");
  g_assert_cmpuint (cv_conversation_resume_at (answers), ==, 6);

  /* The list shows the draft; opening it carries on where it stopped. */
  list = cv_guides_view_get_conversation_list (view);
  g_assert_true (label_with_text (list, "EF-9"));
  g_assert_true (label_with_text (list, "Draft"));
  g_signal_emit_by_name (list, "activate",
                         cv_record_list_find (CV_RECORD_LIST (cv_guides_view_get_conversations (view)), conversation_id));
  run_main_loop (100);
  window = conversation_window ();
  g_assert_cmpuint (cv_conversation_window_get_index (window), ==, 6);

  /* Typed, and the window destroyed outright (as when the application
   * quits): the typing is stored all the same. */
  set_text_view (cv_conversation_window_get_input (window), "A neighbour pops in");
  gtk_window_destroy (GTK_WINDOW (window));
  run_main_loop (50);
  {
    g_autoptr(GPtrArray) again = cv_conversation_answers (store_of (f), conversation_id, &error);

    g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (again, 6), "value"), ==, "A neighbour pops in");
  }
  g_signal_emit_by_name (list, "activate",
                         cv_record_list_find (CV_RECORD_LIST (cv_guides_view_get_conversations (view)), conversation_id));
  run_main_loop (100);
  window = conversation_window ();
  g_assert_cmpuint (cv_conversation_window_get_index (window), ==, 7);

  /* Ctrl+Enter: to the end page, and from it the conversation is complete. */
  step (window, "<Control>Return", 13);
  g_assert_cmpstr (cv_conversation_window_get_page (window), ==, "end");
  g_assert_true (label_with_text (GTK_WIDGET (window), "Stairs are harder"));
  set_text_view (find_descendant (GTK_WIDGET (window), is_shown_text_view, NULL), "Getting home to the cat");
  gtk_editable_set_text (find_descendant (GTK_WIDGET (window), is_entry_row_titled, "Follow-up date (for example 2026-04-01)"),
                         "2026-02-30");
  press (GTK_WIDGET (window), "<Control>Return");
  g_assert_cmpstr (cv_conversation_window_get_page (window), ==, "end");
  g_assert_true (label_with_text (GTK_WIDGET (window), "real date"));
  gtk_editable_set_text (find_descendant (GTK_WIDGET (window), is_entry_row_titled, "Follow-up date (for example 2026-04-01)"),
                         today);
  press (GTK_WIDGET (window), "<Control>Return");
  g_assert_cmpstr (cv_conversation_window_get_page (window), ==, "record");
  stored = cv_store_load (store_of (f), CV_TYPE_CONVERSATION, conversation_id, &error);
  g_assert_cmpstr (cv_record_get_string (stored, "status"), ==, "complete");
  g_assert_cmpstr (cv_record_get_string (stored, "what_matters"), ==, "Getting home to the cat");
  g_assert_cmpstr (cv_record_get_string (stored, "follow_up_on"), ==, today);

  /* Read-only now; a dated note amends it. */
  g_assert_null (find_descendant (GTK_WIDGET (window), is_shown_text_view, NULL));
  row = find_descendant (GTK_WIDGET (window), is_entry_row_titled, "Add a Note");
  gtk_editable_set_text (GTK_EDITABLE (row), "Daughter will visit daily for the first week.");
  g_signal_emit_by_name (row, "apply");
  run_main_loop (20);
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_CONVERSATION_NOTE, "conversation_id", conversation_id, NULL), ==, 1);
  g_assert_true (label_with_text (GTK_WIDGET (window), "Daughter will visit daily"));

  /* Delete asks first; Cancel keeps it; Delete removes it, with Undo. */
  gtk_widget_activate_action (GTK_WIDGET (window), "conversation.delete", NULL);
  run_main_loop (50);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  run_main_loop (50);
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_CONVERSATION, "id", conversation_id, NULL), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "conversation.delete", NULL);
  run_main_loop (50);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (dialog, "delete");
  run_main_loop (50);
  g_assert_null (find_toplevel (CV_TYPE_CONVERSATION_WINDOW));
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_CONVERSATION, "id", conversation_id, NULL), ==, 0);
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_ANSWER, "conversation_id", conversation_id, NULL), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  run_main_loop (50);
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_ANSWER, "conversation_id", conversation_id, NULL), ==, 13);
  g_assert_true (label_with_text (list, "EF-9"));
  g_assert_true (label_with_text (list, "Follow-up due"));
  g_assert_false (label_with_text (list, "Draft"));
}

static gboolean
is_expander_titled (GtkWidget  *widget,
                    const char *title)
{
  return ADW_IS_EXPANDER_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_combo_row (GtkWidget  *widget,
              const char *title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_button_with_tooltip (GtkWidget  *widget,
                        const char *tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GPtrArray *
prompts_of_section (Fixture    *f,
                    const char *guide_id,
                    guint       section)
{
  g_autoptr(GPtrArray) sections = cv_store_list (store_of (f), CV_TYPE_GUIDE_SECTION, "guide_id", guide_id, NULL);

  g_assert_cmpuint (sections->len, >, section);
  return cv_store_list (store_of (f), CV_TYPE_PROMPT, "section_id",
                        cv_record_get_id (g_ptr_array_index (sections, section)), NULL);
}

static void
apply_entry (GtkWidget  *row,
             const char *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  run_main_loop (50);
}

/* A built-in guide is read-only; its duplicate is edited in place: a new
 * question, moved with Alt+Up, made a single choice once it has options,
 * removed and put back; the guide's own version goes up only after a
 * conversation used it, and a guide that was used is not deleted. */
static void
test_guide_editor (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) guides = NULL;
  g_autoptr(GPtrArray) prompts = NULL;
  g_autoptr(CvRecord) copy = NULL;
  g_autoptr(CvRecord) conversation = NULL;
  g_autofree char *copy_id = NULL;
  const char *new_question = "What does a good day look like?";
  CvGuidesView *view;
  GtkWidget *expander;

  create_programme (f, "Wirral home care");
  cv_window_show_view (f->window, "guides");
  view = child (f->window, CV_TYPE_WINDOW, "guides_view");
  cv_guides_view_open_guide (view, cv_guides_builtin_id (2));
  run_main_loop (50);
  g_assert_null (find_descendant (GTK_WIDGET (view), is_entry_row_titled, "Add a Question"));
  g_assert_true (label_with_text (GTK_WIDGET (view), "cannot be changed"));

  g_signal_emit_by_name (find_descendant (GTK_WIDGET (view), is_button_labelled, "_Duplicate Guide"), "clicked");
  run_main_loop (100);
  guides = cv_store_list (store_of (f), CV_TYPE_GUIDE, "builtin", "0", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (guides->len, ==, 1);
  copy_id = g_strdup (cv_record_get_id (g_ptr_array_index (guides, 0)));
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (guides, 0), "title"), ==, "Recovery and wellbeing (copy)");
  g_assert_true (row_titled (GTK_WIDGET (view), "Recovery and wellbeing (copy)") != NULL);

  apply_entry (find_descendant (GTK_WIDGET (view), is_entry_row_titled, "Title"), "Recovery, our way");
  copy = cv_store_load (store_of (f), CV_TYPE_GUIDE, copy_id, &error);
  g_assert_cmpstr (cv_record_get_string (copy, "title"), ==, "Recovery, our way");
  g_clear_object (&copy);

  /* A new question goes last in its section; Alt+Up twice makes it first. */
  apply_entry (find_descendant (GTK_WIDGET (view), is_entry_row_titled, "Add a Question"), new_question);
  prompts = prompts_of_section (f, copy_id, 0);
  g_assert_cmpuint (prompts->len, ==, 3);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (prompts, 2), "question"), ==, new_question);
  /* The page was built again; typing goes on in the row to add the next one. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
    GtkWidget *add = find_descendant (GTK_WIDGET (view), is_entry_row_titled, "Add a Question");

    g_assert_nonnull (focus);
    g_assert_true (focus == add || gtk_widget_is_ancestor (focus, add));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");
  }
  press (find_descendant (GTK_WIDGET (view), is_expander_titled, new_question), "<Alt>Up");
  run_main_loop (50);
  press (find_descendant (GTK_WIDGET (view), is_expander_titled, new_question), "<Alt>Up");
  run_main_loop (50);
  g_clear_pointer (&prompts, g_ptr_array_unref);
  prompts = prompts_of_section (f, copy_id, 0);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (prompts, 0), "question"), ==, new_question);
  g_assert_cmpint (cv_record_get_integer (g_ptr_array_index (prompts, 1), "position"), ==, 1);
  /* The moved question keeps the focus, so Alt+Up can be pressed again. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
    GtkWidget *moved = find_descendant (GTK_WIDGET (view), is_expander_titled, new_question);

    g_assert_true (focus == moved || gtk_widget_is_ancestor (focus, moved));
  }

  /* Single choice waits for its options, then both are stored. */
  expander = find_descendant (GTK_WIDGET (view), is_expander_titled, new_question);
  g_assert_null (find_descendant (expander, is_combo_row, "Response"));   /* made when opened */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  adw_combo_row_set_selected (find_descendant (expander, is_combo_row, "Response"), 1);
  run_main_loop (50);
  g_clear_pointer (&prompts, g_ptr_array_unref);
  prompts = prompts_of_section (f, copy_id, 0);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (prompts, 0), "response_kind"), ==, "free_text");
  apply_entry (find_descendant (expander, is_entry_row_titled, "Options, separated by commas"),
               "Morning, Afternoon , Evening,");
  g_clear_pointer (&prompts, g_ptr_array_unref);
  prompts = prompts_of_section (f, copy_id, 0);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (prompts, 0), "response_kind"), ==, "single_choice");
  g_assert_cmpuint (g_strv_length ((char **) cv_record_get_list (g_ptr_array_index (prompts, 0), "options")), ==, 3);
  g_assert_cmpstr (cv_record_get_list (g_ptr_array_index (prompts, 0), "options")[1], ==, "Afternoon");

  /* Remove it, and Undo puts it back where it was. */
  expander = find_descendant (GTK_WIDGET (view), is_expander_titled, new_question);
  g_signal_emit_by_name (find_descendant (expander, is_button_with_tooltip, "Remove Question"), "clicked");
  run_main_loop (50);
  g_clear_pointer (&prompts, g_ptr_array_unref);
  prompts = prompts_of_section (f, copy_id, 0);
  g_assert_cmpuint (prompts->len, ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  run_main_loop (100);
  g_clear_pointer (&prompts, g_ptr_array_unref);
  prompts = prompts_of_section (f, copy_id, 0);
  g_assert_cmpuint (prompts->len, ==, 3);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (prompts, 0), "question"), ==, new_question);
  g_assert_nonnull (find_descendant (GTK_WIDGET (view), is_expander_titled, new_question));

  /* Dragged onto the third question, the new one takes its place. */
  {
    GtkWidget *onto = find_descendant (GTK_WIDGET (view), is_expander_titled,
                                       cv_record_get_string (g_ptr_array_index (prompts, 2), "question"));
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (onto);
    g_auto(GValue) value = G_VALUE_INIT;
    gboolean dropped = FALSE;

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, cv_record_get_id (g_ptr_array_index (prompts, 0)));
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
      }
    g_assert_true (dropped);
    run_main_loop (100);
    g_clear_pointer (&prompts, g_ptr_array_unref);
    prompts = prompts_of_section (f, copy_id, 0);
    g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (prompts, 2), "question"), ==, new_question);
  }

  /* A section moves down with its button. */
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (view), is_button_with_tooltip, "Move Section Down"), "clicked");
  run_main_loop (100);
  g_clear_pointer (&prompts, g_ptr_array_unref);
  prompts = prompts_of_section (f, copy_id, 1);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (prompts, 2), "question"), ==, new_question);

  /* Once a conversation used version 1, an edit makes version 2. */
  copy = cv_store_load (store_of (f), CV_TYPE_GUIDE, copy_id, &error);
  g_assert_cmpint (cv_record_get_integer (copy, "version"), ==, 1);
  conversation = cv_conversation_start (store_of (f), cv_window_get_programme_id (f->window),
                                        copy, "GH-3", NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&copy);
  apply_entry (find_descendant (GTK_WIDGET (view), is_entry_row_titled, "Topic"), "Recovery planning");
  copy = cv_store_load (store_of (f), CV_TYPE_GUIDE, copy_id, &error);
  g_assert_cmpint (cv_record_get_integer (copy, "version"), ==, 2);
  g_assert_nonnull (row_titled (GTK_WIDGET (view), "Version"));
  g_assert_cmpstr (adw_action_row_get_subtitle (row_titled (GTK_WIDGET (view), "Version")), ==, "2");

  /* It was used, so it stays. */
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (view), is_button_labelled, "D_elete Guide"), "clicked");
  run_main_loop (50);
  g_assert_true (label_with_text (GTK_WIDGET (view), "used in 1 conversation"));
  g_assert_cmpint (cv_store_count (store_of (f), CV_TYPE_GUIDE, "id", copy_id, NULL), ==, 1);
}

/* A new session, titled and dated, saved as the page does. */
static char *
add_session (Fixture    *f,
             const char *title,
             const char *starts)
{
  cv_window_show_view (f->window, "sessions");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL);
  gtk_editable_set_text (session_child (f, "title_row"), title);
  gtk_editable_set_text (session_child (f, "starts_row"), starts);
  g_assert_true (cv_session_editor_save_pending (session_editor (f)));
  return g_strdup (cv_session_editor_get_id (session_editor (f)));
}

static CvRecord *
theme_named (Fixture    *f,
             const char *name)
{
  g_autoptr(CvRecord) theme = cv_sessions_theme_by_name (store_of (f), cv_window_get_programme_id (f->window),
                                                         name, FALSE, NULL);

  g_assert_nonnull (theme);
  return g_steal_pointer (&theme);
}

/* What was said is changed where it is shown, and the change undone; its
 * theme chips and its speaker open their pages, and Back returns. */
static void
test_contribution_edit_and_undo (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) said = NULL;
  g_autoptr(CvRecord) person = cv_record_new (CV_TYPE_STAKEHOLDER);
  g_autoptr(CvRecord) financing = NULL;
  g_autoptr(CvRecord) staff = NULL;
  g_autofree char *session = NULL;
  const char *before = "Parking costs a fortune.";
  const char *after = "Parking costs care workers a fortune,\nevery single day.";
  CvRecord *stored;
  GtkWidget *row;

  create_programme (f, "Home care collaborative");
  g_object_set (person, "programme-id", cv_window_get_programme_id (f->window), "kind", "person",
                "name", "Amira Patel", NULL);
  g_assert_true (cv_store_insert (store_of (f), person, &error));
  session = add_session (f, "Spring listening event", "2018-03-01 10:00");

  say (f, before);
  gtk_editable_set_text (session_child (f, "new_theme_entry"), "Financing");
  g_signal_emit_by_name (session_child (f, "new_theme_entry"), "activate");
  g_signal_emit_by_name (session_child (f, "add_contribution_button"), "clicked");
  financing = theme_named (f, "Financing");
  run_main_loop (20);

  /* Its row shows it whole, with a chip for its theme. */
  row = gtk_widget_get_first_child (loaded_rows (session_child (f, "contribution_list")));
  g_assert_true (label_with_text (row, before));
  {
    GtkWidget *chip = find_descendant (row, is_button_with_tooltip, "Open the Theme “Financing”");

    g_assert_nonnull (chip);
    g_signal_emit_by_name (chip, "clicked");
  }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->window, CV_TYPE_WINDOW, "view_stack")), ==, "themes");
  {
    CvThemesView *themes = child (f->window, CV_TYPE_WINDOW, "themes_view");

    g_assert_cmpstr (gtk_editable_get_text (child (themes, CV_TYPE_THEMES_VIEW, "name_row")), ==, "Financing");
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->window, CV_TYPE_WINDOW, "view_stack")), ==, "sessions");
  g_assert_cmpstr (cv_session_editor_get_id (session_editor (f)), ==, session);

  /* Change: the form holds it; Cancel leaves it as it was. */
  row = gtk_widget_get_first_child (loaded_rows (session_child (f, "contribution_list")));
  g_signal_emit_by_name (find_descendant (row, is_button_with_tooltip, "Change What Was Said"), "clicked");
  {
    g_autofree char *held = said_text (f);

    g_assert_cmpstr (held, ==, before);
  }
  g_assert_true (gtk_widget_get_visible (session_child (f, "cancel_edit_button")));
  g_assert_cmpstr (gtk_button_get_label (session_child (f, "add_contribution_button")), ==, "_Save Changes");
  say (f, "Something else entirely");
  g_signal_emit_by_name (session_child (f, "cancel_edit_button"), "clicked");
  g_assert_false (gtk_widget_get_visible (session_child (f, "cancel_edit_button")));
  said = cv_store_list (store_of (f), CV_TYPE_CONTRIBUTION, "session_id", session, &error);
  g_assert_cmpuint (said->len, ==, 1);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (said, 0), "text"), ==, before);
  g_clear_pointer (&said, g_ptr_array_unref);

  /* Change its text (two lines), add a theme, name who said it, save. */
  run_main_loop (20);
  row = gtk_widget_get_first_child (loaded_rows (session_child (f, "contribution_list")));
  g_signal_emit_by_name (find_descendant (row, is_button_with_tooltip, "Change What Was Said"), "clicked");
  say (f, after);
  gtk_editable_set_text (session_child (f, "new_theme_entry"), "Better care of staff");
  g_signal_emit_by_name (session_child (f, "new_theme_entry"), "activate");
  staff = theme_named (f, "Better care of staff");
  gtk_switch_set_active (session_child (f, "anonymous_switch"), FALSE);
  g_signal_emit_by_name (session_child (f, "said_by_chooser"), "chosen", cv_record_get_id (person));
  g_signal_emit_by_name (session_child (f, "add_contribution_button"), "clicked");

  said = cv_store_list (store_of (f), CV_TYPE_CONTRIBUTION, "session_id", session, &error);
  g_assert_cmpuint (said->len, ==, 1);   /* changed, not added */
  stored = g_ptr_array_index (said, 0);
  g_assert_cmpstr (cv_record_get_string (stored, "text"), ==, after);
  g_assert_cmpuint (g_strv_length ((char **)cv_record_get_list (stored, "themes")), ==, 2);
  g_assert_false (cv_record_get_boolean (stored, "anonymous"));
  g_assert_cmpstr (cv_record_get_string (stored, "stakeholder_id"), ==, cv_record_get_id (person));
  {
    g_autofree char *left = said_text (f);

    g_assert_cmpstr (left, ==, "");
  }
  g_assert_cmpstr (gtk_button_get_label (session_child (f, "add_contribution_button")), ==, "Add What Was _Said");
  run_main_loop (20);
  row = gtk_widget_get_first_child (loaded_rows (session_child (f, "contribution_list")));
  g_assert_true (label_with_text (row, "every single day."));
  g_assert_nonnull (find_descendant (row, is_button_with_tooltip, "Open the Theme “Better care of staff”"));
  /* The speaker is a way to her page. */
  g_signal_emit_by_name (find_descendant (row, is_button_with_tooltip, "Open Their Page"), "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->window, CV_TYPE_WINDOW, "view_stack")), ==,
                   "stakeholders");
  g_assert_cmpstr (cv_stakeholder_editor_get_id (editor_of (f)), ==, cv_record_get_id (person));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL);
  g_assert_cmpstr (cv_session_editor_get_id (session_editor (f)), ==, session);

  /* Undo puts it back as it was. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_clear_pointer (&said, g_ptr_array_unref);
  said = cv_store_list (store_of (f), CV_TYPE_CONTRIBUTION, "session_id", session, &error);
  g_assert_cmpuint (said->len, ==, 1);
  stored = g_ptr_array_index (said, 0);
  g_assert_cmpstr (cv_record_get_string (stored, "text"), ==, before);
  g_assert_cmpstr (cv_record_get_list (stored, "themes")[0], ==, cv_record_get_id (financing));
  g_assert_null (cv_record_get_list (stored, "themes")[1]);
  g_assert_true (cv_record_get_boolean (stored, "anonymous"));
  g_assert_null (cv_record_get_string (stored, "stakeholder_id"));
}

/* "No Upcoming Sessions" offers to plan one; the list follows a session
 * edited or opened where its filters would hide it. */
static void
test_sessions_empty_add_and_follow (Fixture       *f,
                                    gconstpointer  data)
{
  GtkStack *list_stack;
  GtkSearchEntry *search;
  g_autofree char *past = NULL;
  g_autofree char *spring = NULL;
  g_autofree char *autumn = NULL;
  GListModel *model;

  create_programme (f, "Home care collaborative");
  cv_window_show_view (f->window, "sessions");
  list_stack = pane_child (sessions_view (f), "list_stack");
  search = pane_child (sessions_view (f), "search_entry");
  model = cv_sessions_view_get_model (sessions_view (f));
  /* None yet: the page says so and offers to plan one. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-results");
  g_assert_true (gtk_widget_get_visible (pane_child (sessions_view (f), "no_results_add_button")));

  /* One held in the past: the list shows it beside its page... */
  past = add_session (f, "Listening event", "2018-03-01 10:00");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  /* ...and the upcoming ones, none, with a way to plan the next. */
  gtk_drop_down_set_selected (child (sessions_view (f), CV_TYPE_SESSIONS_VIEW, "when_filter"), 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-results");
  g_assert_cmpstr (adw_status_page_get_title (pane_child (sessions_view (f), "no_results_page")),
                   ==, "No Upcoming Sessions");
  g_assert_true (gtk_widget_get_visible (pane_child (sessions_view (f), "no_results_add_button")));
  g_signal_emit_by_name (pane_child (sessions_view (f), "no_results_add_button"), "clicked");
  g_assert_null (cv_session_editor_get_id (session_editor (f)));
  g_assert_cmpstr (gtk_label_get_text (session_child (f, "title_label")), ==, "New Session");
  gtk_editable_set_text (session_child (f, "title_row"), "Spring meeting");
  gtk_editable_set_text (session_child (f, "starts_row"), "2040-03-01 10:00");
  g_assert_true (cv_session_editor_save_pending (session_editor (f)));
  spring = g_strdup (cv_session_editor_get_id (session_editor (f)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
  autumn = add_session (f, "Autumn meeting", "2040-10-01 10:00");

  /* Searched for one, the other edited: the search no longer hides it. */
  gtk_editable_set_text (GTK_EDITABLE (search), "Spring");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  cv_sessions_view_open (sessions_view (f), autumn);
  gtk_editable_set_text (session_child (f, "title_row"), "Autumn meeting, moved");
  g_assert_true (cv_session_editor_save_pending (session_editor (f)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 2);
  {
    GtkSelectionModel *selection = gtk_column_view_get_model (child (sessions_view (f), CV_TYPE_SESSIONS_VIEW,
                                                                     "column_view"));
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
    g_autoptr(CvRecord) record = NULL;

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    record = g_list_model_get_item (G_LIST_MODEL (selection), gtk_bitset_get_nth (selected, 0));
    g_assert_cmpstr (cv_record_get_id (record), ==, autumn);
  }

  /* Upcoming only, then the past one opened from elsewhere: it is listed too. */
  gtk_drop_down_set_selected (child (sessions_view (f), CV_TYPE_SESSIONS_VIEW, "when_filter"), 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "(ss)", "session", past);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (cv_session_editor_get_id (session_editor (f)), ==, past);
}

/* A session's start is picked from a calendar and a clock; the pick clears
 * an error typed before. */
static void
test_session_date_and_time_picker (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) stored = NULL;
  g_autofree char *session = NULL;
  g_autofree char *expected = cv_utc_from_local ("2018-03-15 14:30", NULL, NULL);
  GtkWidget *starts;
  GtkMenuButton *pick;
  GtkWidget *popover;
  GtkCalendar *calendar;
  GPtrArray *spins = g_ptr_array_new ();

  create_programme (f, "Home care collaborative");
  session = add_session (f, "Listening event", "2018-03-01 10:00");
  starts = session_child (f, "starts_row");
  gtk_editable_set_text (GTK_EDITABLE (starts), "2018-02-31 10:00");
  g_assert_false (cv_session_editor_save_pending (session_editor (f)));
  g_assert_true (gtk_widget_get_visible (session_child (f, "starts_error_row")));

  pick = find_descendant (starts, is_menu_button, NULL);
  g_assert_nonnull (pick);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (pick)), ==, "Choose a Date and Time");
  popover = GTK_WIDGET (gtk_menu_button_get_popover (pick));
  calendar = find_descendant (popover, is_calendar, NULL);
  g_assert_nonnull (calendar);
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (calendar)));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_SPIN_BUTTON (c))
        g_ptr_array_add (spins, c);
  g_assert_cmpuint (spins->len, ==, 2);
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (2018, 3, 15, 0, 0, 0);

    gtk_calendar_select_day (calendar, day);
    g_signal_emit_by_name (calendar, "day-selected");
  }
  gtk_spin_button_set_value (g_ptr_array_index (spins, 0), 14);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 1), 30);
  g_ptr_array_unref (spins);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (starts)), ==, "2018-03-15 14:30");
  g_assert_true (cv_session_editor_save_pending (session_editor (f)));
  g_assert_false (gtk_widget_get_visible (session_child (f, "starts_error_row")));
  stored = cv_store_load (store_of (f), CV_TYPE_SESSION, session, &error);
  g_assert_cmpstr (cv_record_get_string (stored, "starts_at"), ==, expected);
}

/* A file that is not a Convene database: the window is given no store, says
 * why and where the file is, offers nothing that would write, and the file
 * is left as it was. */
static void
test_unopenable_database (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "not-a-database.db", NULL);
  const char *garbage = "This is a shopping list, not a database.\n";
  g_autofree char *after = NULL;
  g_autoptr(CvApplication) app = cv_application_new ();
  g_autoptr(CvStore) store = NULL;
  CvWindow *window;
  GtkStack *stack;
  const char *description;

  g_assert_true (g_file_set_contents (path, garbage, -1, &error));
  cv_application_set_database_path (app, path);
  g_application_set_application_id (G_APPLICATION (app), "io.github.convene.Convene.TestUnopenable");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = cv_application_new_window (app);
  g_assert_nonnull (window);
  g_object_get (window, "store", &store, NULL);
  g_assert_null (store);
  stack = child (window, CV_TYPE_WINDOW, "main_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  description = adw_status_page_get_description (child (window, CV_TYPE_WINDOW, "error_page"));
  g_assert_nonnull (strstr (description, path));
  g_assert_nonnull (strstr (description, "Nothing in it has been changed"));
  /* Nothing offers to write: New Programme does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-programme", NULL);
  run_main_loop (50);
  g_assert_null (find_toplevel (CV_TYPE_PROGRAMME_DIALOG));
  gtk_window_destroy (GTK_WINDOW (window));
  run_main_loop (50);

  g_assert_true (g_file_get_contents (path, &after, NULL, &error));
  g_assert_cmpstr (after, ==, garbage);
}

int
main (int   argc,
      char *argv[])
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK needs the system's icon themes and
   * MIME database. Each test has its own database in its own folder. */
  g_test_init (&argc, &argv, NULL);
  cv_application_setup_i18n ();
  gtk_init ();
  adw_init ();

#define WINDOW_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  WINDOW_TEST ("/ui/programme/create", test_first_run_and_create_programme);
  WINDOW_TEST ("/ui/programme/unopenable-database", test_unopenable_database);
  WINDOW_TEST ("/ui/programme/duplicate-refused", test_duplicate_programme_refused);
  WINDOW_TEST ("/ui/stakeholders/add-find-edit", test_add_find_and_edit);
  WINDOW_TEST ("/ui/stakeholders/invalid-email", test_invalid_email_shown);
  WINDOW_TEST ("/ui/stakeholders/delete-undo", test_delete_and_undo);
  WINDOW_TEST ("/ui/stakeholders/grid-quadrant", test_grid_quadrant);
  WINDOW_TEST ("/ui/stakeholders/erase-person", test_erase_person);
  WINDOW_TEST ("/ui/stakeholders/sort-by-column", test_sort_by_column);
  WINDOW_TEST ("/ui/stakeholders/spreadsheet-import-export", test_spreadsheet_import_and_export);
  WINDOW_TEST ("/ui/stakeholders/spreadsheet-over-long-value", test_spreadsheet_over_long_value);
  WINDOW_TEST ("/ui/sessions/attendance-and-contributions", test_session_attendance_and_contributions);
  WINDOW_TEST ("/ui/exchange/sample-export-bad-import", test_sample_export_and_bad_import);
  WINDOW_TEST ("/ui/actions/done-and-review", test_action_done_and_review);
  WINDOW_TEST ("/ui/actions/status-in-place", test_action_status_in_place);
  WINDOW_TEST ("/ui/themes/merge-and-undo", test_theme_merge_and_undo);
  WINDOW_TEST ("/ui/measures/values-and-change", test_measure_values_and_change);
  WINDOW_TEST ("/ui/overview/opens-records", test_overview_opens_records);
  WINDOW_TEST ("/ui/guides/conversation-keyboard-and-resume", test_conversation_keyboard_and_resume);
  WINDOW_TEST ("/ui/guides/editor", test_guide_editor);
  WINDOW_TEST ("/ui/loop/said-to-did", test_engagement_loop);
  WINDOW_TEST ("/ui/dates/as-people-write-them", test_dates_as_people_write_them);
  WINDOW_TEST ("/ui/sessions/contribution-edit-and-undo", test_contribution_edit_and_undo);
  WINDOW_TEST ("/ui/sessions/empty-add-and-follow", test_sessions_empty_add_and_follow);
  WINDOW_TEST ("/ui/dates/session-date-and-time-picker", test_session_date_and_time_picker);

  return g_test_run ();
}
