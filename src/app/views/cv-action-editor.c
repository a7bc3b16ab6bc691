/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An action's page: what was promised, by whom, by when, how it stands, what
 * was done ("we did"), and dated progress notes. Marking it done asks for
 * the outcome, and the core refuses "done" without one.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-action.h"
#include "cv-action-update.h"
#include "cv-contribution.h"
#include "cv-date-row.h"
#include "cv-error.h"
#include "cv-format.h"
#include "cv-stakeholder-chooser.h"
#include "cv-action-editor.h"
#include "cv-record-editor.h"
#include "cv-theme.h"
#include "cv-trash.h"
#include "cv-widgets.h"

struct _CvActionEditor
{
  CvRecordEditor        parent_instance;

  CvStore              *store;
  CvTrash              *trash;
  char                 *programme_id;
  CvRecord             *record;
  char                 *owner_id;
  char                 *organisation_id;
  GPtrArray            *themes;        /* of char* */
  gboolean              loading;

  GtkStack             *stack;
  GtkWidget            *back_button;
  GtkLabel             *title_label;
  GtkLabel             *general_error;
  AdwEntryRow          *title_row;
  GtkWidget            *title_error_row;
  GtkLabel             *title_error;
  AdwActionRow         *themes_row;
  GtkMenuButton        *themes_button;
  GtkListBox           *theme_list;
  GtkWidget            *theme_chips_row;
  GtkFlowBox           *theme_chips;
  AdwActionRow         *session_row;
  GtkWidget            *session_row_arrow;
  GtkListBox           *answers_list;
  AdwActionRow         *owner_row;
  GtkWidget            *owner_row_clear;
  CvStakeholderChooser *owner_chooser;
  AdwActionRow         *organisation_row;
  GtkWidget            *organisation_row_clear;
  CvStakeholderChooser *organisation_chooser;
  GtkWidget            *owner_error_row;
  GtkLabel             *owner_error;
  AdwEntryRow          *due_row;
  GtkWidget            *due_error_row;
  GtkLabel             *due_error;
  AdwComboRow          *status_row;
  GtkTextView          *detail_view;
  GtkTextView          *outcome_view;
  GtkLabel             *outcome_error;
  GtkTextView          *update_view;
  GtkWidget            *add_update_button;
  GtkListBox           *update_list;
  GtkWidget            *delete_button;
};

G_DEFINE_FINAL_TYPE (CvActionEditor, cv_action_editor, CV_TYPE_RECORD_EDITOR)

static const CvField *
status_field (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (CV_TYPE_ACTION);

  return cv_record_kind_find_field (CV_RECORD_CLASS (klass)->kind, "status");
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  cv_text_view_load (view, text);
}

static CvRecord *
record_from_widgets (CvActionEditor *self)
{
  CvRecord *record = cv_record_copy (self->record);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *due = cv_date_row_get_date (self->due_row);
  g_autofree char *detail = cv_text_view_get_text (self->detail_view);
  g_autofree char *outcome = cv_text_view_get_text (self->outcome_view);
  guint status = adw_combo_row_get_selected (self->status_row);

  g_ptr_array_add (self->themes, NULL);
  cv_record_set_string (record, "title", title);
  cv_record_set_string (record, "detail", detail);
  cv_record_set_list (record, "themes", (const char * const *)self->themes->pdata);
  cv_record_set_string (record, "owner_id", self->owner_id);
  cv_record_set_string (record, "organisation_id", self->organisation_id);
  cv_record_set_string (record, "due_on", due);
  if (status != GTK_INVALID_LIST_POSITION)
    cv_record_set_string (record, "status", status_field ()->choices[status].nick);
  cv_record_set_string (record, "outcome", outcome);
  g_ptr_array_remove_index (self->themes, self->themes->len - 1);
  return record;
}

/* Each field the core might refuse, checked beside itself. */
static gboolean
check_fields (CvActionEditor *self,
              CvRecord       *record)
{
  g_autoptr(GError) title = NULL;
  g_autoptr(GError) due = NULL;
  g_autoptr(GError) owner = NULL;
  g_autoptr(GError) whole = NULL;
  gboolean ok = TRUE;

  if (cv_record_get_id (record) == NULL && cv_record_get_string (record, "title") == NULL)
    ok = FALSE;
  else
    ok &= cv_store_validate_field (self->store, record, "title", &title);
  ok &= cv_store_validate_field (self->store, record, "due_on", &due);
  if (!cv_store_validate_field (self->store, record, "owner_id", &owner) ||
      !cv_store_validate_field (self->store, record, "organisation_id", owner == NULL ? &owner : NULL))
    ok = FALSE;

  cv_field_show_error (self->title_error_row, self->title_error, GTK_WIDGET (self->title_row), title);
  cv_field_show_error (self->due_error_row, self->due_error, GTK_WIDGET (self->due_row), due);
  cv_field_show_error (self->owner_error_row, self->owner_error, GTK_WIDGET (self->owner_row), owner);

  /* Done needs an outcome: said under the outcome. */
  if (ok && CV_RECORD_GET_CLASS (record)->validate (record, self->store, &whole) == FALSE)
    ok = FALSE;
  cv_field_show_error (NULL, self->outcome_error, GTK_WIDGET (self->outcome_view), whole);
  return ok;
}

static void reload_updates (CvActionEditor *self);

static void
update_title (CvActionEditor *self)
{
  const char *title = self->record != NULL ? cv_record_get_string (self->record, "title") : NULL;
  gboolean stored = self->record != NULL && cv_record_get_id (self->record) != NULL;

  gtk_label_set_text (self->title_label, title != NULL ? title : _("New Action"));
  gtk_widget_set_sensitive (self->delete_button, stored);
  gtk_widget_set_sensitive (GTK_WIDGET (self->update_view), stored);
  gtk_widget_set_sensitive (self->add_update_button, stored);
}

/* The record as the page shows it, each field checked beside itself;
 * nothing while a record is being shown. */
static gboolean
read_fields (CvRecordEditor  *editor,
             CvRecord       **record)
{
  CvActionEditor *self = CV_ACTION_EDITOR (editor);
  g_autoptr(CvRecord) read = NULL;

  *record = NULL;
  if (self->record == NULL || self->loading)
    return TRUE;
  read = record_from_widgets (self);
  if (!check_fields (self, read))
    return FALSE;
  *record = g_steal_pointer (&read);
  return TRUE;
}

static void
stored (CvRecordEditor *editor,
        CvRecord       *record,
        gboolean        is_new)
{
  CvActionEditor *self = CV_ACTION_EDITOR (editor);

  g_set_object (&self->record, record);
  update_title (self);
}

gboolean
cv_action_editor_save_pending (CvActionEditor *self)
{
  g_return_val_if_fail (CV_IS_ACTION_EDITOR (self), FALSE);
  return cv_record_editor_save_pending (CV_RECORD_EDITOR (self));
}

static void
entry_changed_cb (CvActionEditor *self)
{
  if (!self->loading)
    cv_record_editor_schedule_save (CV_RECORD_EDITOR (self));
}

static void
outcome_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CvActionEditor   *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *outcome = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "done") && *outcome != '\0')
    {
      set_text (self->outcome_view, outcome);
      cv_action_editor_save_pending (self);
      return;
    }
  /* No outcome, no "done": the status goes back to what is stored. */
  self->loading = TRUE;
  adw_combo_row_set_selected (self->status_row, 0);
  for (guint i = 0; status_field ()->choices[i].nick != NULL; i++)
    if (g_strcmp0 (status_field ()->choices[i].nick, cv_record_get_string (self->record, "status")) == 0)
      adw_combo_row_set_selected (self->status_row, i);
  self->loading = FALSE;
}

static void
outcome_entry_changed_cb (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "done", *text != '\0');
}

/* "Done" asks what was done, and is not stored without an answer. */
static void
status_changed_cb (CvActionEditor *self)
{
  guint status = adw_combo_row_get_selected (self->status_row);
  g_autofree char *outcome = NULL;
  GtkWidget *dialog, *entry;

  if (self->loading || self->record == NULL || status == GTK_INVALID_LIST_POSITION)
    return;
  outcome = g_strstrip (cv_text_view_get_text (self->outcome_view));
  if (!g_str_equal (status_field ()->choices[status].nick, "done") || *outcome != '\0')
    {
      cv_action_editor_save_pending (self);
      return;
    }

  dialog = cv_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  _("What Was Done?"),
                                  _("Say what was done, in a sentence people will hear at the next session: "
                                    "“We did …”."),
                                  "done", "cancel",
                                  "cancel", _("_Cancel"), "done", _("_Mark Done"), NULL);
  entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("What was done"), -1);
  cv_message_dialog_set_entry (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "done", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "done", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (outcome_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (outcome_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Themes */

static void
show_themes (CvActionEditor *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  for (guint i = 0; i < self->themes->len; i++)
    g_ptr_array_add (names, cv_store_get_display_name (self->store, "theme", g_ptr_array_index (self->themes, i)));
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (", ", (char **)names->pdata);
  adw_action_row_set_subtitle (self->themes_row, *joined != '\0' ? joined : _("None chosen"));
  /* Each theme also as a chip below, that opens it in Themes. */
  g_ptr_array_add (self->themes, NULL);
  cv_theme_chips_set (self->theme_chips, self->store, (const char * const *)self->themes->pdata);
  g_ptr_array_remove_index (self->themes, self->themes->len - 1);
  gtk_widget_set_visible (self->theme_chips_row, gtk_widget_get_visible (GTK_WIDGET (self->theme_chips)));
}

static void
theme_toggled_cb (GtkCheckButton *check,
                  CvActionEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "theme");

  for (guint i = 0; i < self->themes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->themes, i), id))
      {
        g_ptr_array_remove_index (self->themes, i);
        break;
      }
  if (gtk_check_button_get_active (check))
    g_ptr_array_add (self->themes, g_strdup (id));
  show_themes (self);
  cv_action_editor_save_pending (self);
}

/* Builds the list before the popover opens (a "show" handler runs after GTK
 * chose where the focus goes in it, and the focus was lost the first time). */
static void
themes_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  CvActionEditor *self = CV_ACTION_EDITOR (user_data);
  g_autoptr(GPtrArray) themes = cv_store_list (self->store, CV_TYPE_THEME, "programme_id", self->programme_id, NULL);

  cv_list_box_clear (self->theme_list);
  for (guint i = 0; themes != NULL && i < themes->len; i++)
    {
      CvRecord *theme = g_ptr_array_index (themes, i);
      GtkWidget *check = gtk_check_button_new_with_label (cv_record_get_string (theme, "name"));
      gboolean on = FALSE;

      for (guint j = 0; j < self->themes->len; j++)
        on |= g_str_equal (g_ptr_array_index (self->themes, j), cv_record_get_id (theme));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      g_object_set_data_full (G_OBJECT (check), "theme", g_strdup (cv_record_get_id (theme)), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (theme_toggled_cb), self);
      gtk_list_box_append (self->theme_list, cv_check_row_new (GTK_CHECK_BUTTON (check)));
    }
}

/* Owner and organisation */

static void
show_person_link (AdwActionRow *row,
                  const char   *id)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), id != NULL);
  if (id != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", "stakeholder", id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), NULL);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), NULL);
    }
}

static void
show_people (CvActionEditor *self)
{
  g_autofree char *owner = cv_store_get_display_name (self->store, "stakeholder", self->owner_id);
  g_autofree char *organisation = cv_store_get_display_name (self->store, "stakeholder", self->organisation_id);

  adw_action_row_set_subtitle (self->owner_row, owner != NULL ? owner : _("Nobody yet"));
  adw_action_row_set_subtitle (self->organisation_row, organisation != NULL ? organisation : _("None"));
  gtk_widget_set_visible (self->owner_row_clear, self->owner_id != NULL);
  gtk_widget_set_visible (self->organisation_row_clear, self->organisation_id != NULL);
  /* A named owner or organisation opens on the register. */
  show_person_link (self->owner_row, self->owner_id);
  show_person_link (self->organisation_row, self->organisation_id);
}

static void
owner_chosen_cb (CvActionEditor *self,
                 const char     *id)
{
  g_free (self->owner_id);
  self->owner_id = g_strdup (id);
  show_people (self);
  cv_action_editor_save_pending (self);
}

static void
owner_clear_cb (CvActionEditor *self)
{
  owner_chosen_cb (self, NULL);
}

static void
organisation_chosen_cb (CvActionEditor *self,
                        const char     *id)
{
  g_free (self->organisation_id);
  self->organisation_id = g_strdup (id);
  show_people (self);
  cv_action_editor_save_pending (self);
}

static void
organisation_clear_cb (CvActionEditor *self)
{
  organisation_chosen_cb (self, NULL);
}

/* Progress notes */

static void
reload_updates (CvActionEditor *self)
{
  g_autoptr(GPtrArray) updates = NULL;

  cv_list_box_clear (self->update_list);
  if (self->record == NULL || cv_record_get_id (self->record) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->update_list), FALSE);
      return;
    }
  updates = cv_store_list (self->store, CV_TYPE_ACTION_UPDATE, "action_id", cv_record_get_id (self->record), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->update_list), updates != NULL && updates->len > 0);
  /* Newest first: the list comes oldest first, and notes are dated. */
  for (guint i = updates != NULL ? updates->len : 0; i > 0; i--)
    {
      CvRecord *update = g_ptr_array_index (updates, i - 1);
      g_autofree char *when = cv_format_date (cv_record_get_string (update, "noted_on"));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cv_record_get_string (update, "text"));
      /* A note of several lines is read whole. */
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      gtk_list_box_append (self->update_list, row);
    }
}

/* Undo of a note just added: it goes again. */
static gboolean
remove_update_cb (CvStore  *store,
                  gpointer  data,
                  GError  **error)
{
  g_autoptr(CvDeletion) deletion = cv_store_delete (store, data, error);

  return deletion != NULL;
}

/**
 * cv_action_editor_add_update:
 *
 * Adds a progress note dated today, and offers to undo it.
 */
gboolean
cv_action_editor_add_update (CvActionEditor *self,
                             const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) update = cv_record_new (CV_TYPE_ACTION_UPDATE);
  g_autofree char *today = cv_today ();

  g_return_val_if_fail (CV_IS_ACTION_EDITOR (self), FALSE);

  if (self->record == NULL || cv_record_get_id (self->record) == NULL)
    return FALSE;
  g_object_set (update, "action-id", cv_record_get_id (self->record), "noted-on", today, "text", text, NULL);
  if (!cv_store_insert (self->store, update, &error))
    {
      gtk_label_set_text (self->general_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
  reload_updates (self);
  if (self->trash != NULL)
    cv_trash_offer_undo (self->trash, GTK_WIDGET (self), _("Progress note added"), remove_update_cb,
                         g_object_ref (update), g_object_unref);
  return TRUE;
}

static void
add_update_cb (CvActionEditor *self)
{
  g_autofree char *text = g_strstrip (cv_text_view_get_text (self->update_view));

  if (*text == '\0')
    return;
  /* Emptied for the next note; Ctrl+Z then takes the note back rather than
   * bringing its words back into the field. */
  if (cv_action_editor_add_update (self, text))
    cv_text_view_load (self->update_view, NULL);
}

/* Enter adds the note, as it adds what was said on a session's page;
 * Shift+Enter starts a new line. */
static gboolean
update_key_pressed_cb (GtkEventControllerKey *keys,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       CvActionEditor        *self)
{
  gboolean plain = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0;

  if (plain && (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter))
    {
      add_update_cb (self);
      return TRUE;
    }
  return FALSE;
}

/* What it answers */

static void reload_answers (CvActionEditor *self);

static void
unlink_answer_cb (GtkButton      *button,
                  CvActionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) record = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  const char *gone = g_object_get_data (G_OBJECT (button), "contribution-id");
  const char * const *answers;

  cv_action_editor_save_pending (self);
  if (self->record == NULL || cv_record_get_id (self->record) == NULL)
    return;
  record = cv_record_copy (self->record);
  answers = cv_record_get_list (record, "answers");
  for (guint i = 0; answers != NULL && answers[i] != NULL; i++)
    if (!g_str_equal (answers[i], gone))
      g_ptr_array_add (kept, (gpointer)answers[i]);
  g_ptr_array_add (kept, NULL);
  cv_record_set_list (record, "answers", (const char * const *)kept->pdata);
  if (!cv_store_update (self->store, record, &error))
    {
      gtk_label_set_text (self->general_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
      return;
    }
  g_set_object (&self->record, record);
  reload_answers (self);
}

static void
reload_answers (CvActionEditor *self)
{
  const char * const *answers = cv_record_get_list (self->record, "answers");

  cv_list_box_clear (self->answers_list);
  gtk_widget_set_visible (GTK_WIDGET (self->answers_list), answers != NULL && answers[0] != NULL);
  for (guint i = 0; answers != NULL && answers[i] != NULL; i++)
    {
      g_autoptr(CvRecord) said = cv_store_load (self->store, CV_TYPE_CONTRIBUTION, answers[i], NULL);
      g_autofree char *session = NULL;
      GtkWidget *row, *unlink;

      if (said == NULL)
        continue;
      session = cv_store_get_display_name (self->store, "session", cv_record_get_string (said, "session_id"));
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cv_record_get_string (said, "text"));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), session != NULL ? session : "");
      unlink = gtk_button_new_from_icon_name ("edit-clear-symbolic");
      gtk_widget_set_valign (unlink, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (unlink, "flat");
      gtk_widget_set_tooltip_text (unlink, _("No Longer Answers This"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (unlink), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("No Longer Answers This"), -1);
      g_object_set_data_full (G_OBJECT (unlink), "contribution-id", g_strdup (answers[i]), g_free);
      g_signal_connect (unlink, "clicked", G_CALLBACK (unlink_answer_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlink);
      cv_opens_record (row, "contribution", answers[i]);
      gtk_list_box_append (self->answers_list, row);
    }
}

static void
session_activated_cb (CvActionEditor *self)
{
  const char *session = self->record != NULL ? cv_record_get_string (self->record, "session_id") : NULL;

  if (session != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "(ss)", "session", session);
}

/* Loading */

static void
load_record (CvActionEditor *self)
{
  CvRecord *r = self->record;
  const char * const *themes = cv_record_get_list (r, "themes");
  g_autofree char *session = cv_store_get_display_name (self->store, "session", cv_record_get_string (r, "session_id"));
  const char *due = cv_record_get_string (r, "due_on");

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), cv_record_get_string (r, "title") ? cv_record_get_string (r, "title") : "");
  set_text (self->detail_view, cv_record_get_string (r, "detail"));
  set_text (self->outcome_view, cv_record_get_string (r, "outcome"));
  cv_date_row_set_date (self->due_row, due);
  g_ptr_array_set_size (self->themes, 0);
  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    g_ptr_array_add (self->themes, g_strdup (themes[i]));
  g_free (self->owner_id);
  self->owner_id = g_strdup (cv_record_get_string (r, "owner_id"));
  g_free (self->organisation_id);
  self->organisation_id = g_strdup (cv_record_get_string (r, "organisation_id"));
  for (guint i = 0; status_field ()->choices[i].nick != NULL; i++)
    if (g_strcmp0 (status_field ()->choices[i].nick, cv_record_get_string (r, "status")) == 0)
      adw_combo_row_set_selected (self->status_row, i);
  self->loading = FALSE;

  adw_action_row_set_subtitle (self->session_row, session != NULL ? session : _("Not at a session"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->session_row), session != NULL);
  gtk_widget_set_visible (self->session_row_arrow, session != NULL);
  reload_answers (self);
  show_people (self);
  show_themes (self);
  cv_field_show_error (self->title_error_row, self->title_error, GTK_WIDGET (self->title_row), NULL);
  cv_field_show_error (self->due_error_row, self->due_error, GTK_WIDGET (self->due_row), NULL);
  cv_field_show_error (self->owner_error_row, self->owner_error, GTK_WIDGET (self->owner_row), NULL);
  cv_field_show_error (NULL, self->outcome_error, GTK_WIDGET (self->outcome_view), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
  update_title (self);
  reload_updates (self);
}

static void
back_clicked_cb (CvActionEditor *self)
{
  cv_record_editor_go_back (CV_RECORD_EDITOR (self));
}

static void
delete_clicked_cb (CvActionEditor *self)
{
  cv_record_editor_request_delete (CV_RECORD_EDITOR (self), self->record);
}

static void
cv_action_editor_dispose (GObject *object)
{
  CvActionEditor *self = (CvActionEditor *)object;

  if (cv_record_editor_has_pending_save (CV_RECORD_EDITOR (self)))
    cv_action_editor_save_pending (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_ACTION_EDITOR);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  g_clear_object (&self->trash);
  g_clear_pointer (&self->programme_id, g_free);
  g_clear_pointer (&self->owner_id, g_free);
  g_clear_pointer (&self->organisation_id, g_free);
  g_clear_pointer (&self->themes, g_ptr_array_unref);

  G_OBJECT_CLASS (cv_action_editor_parent_class)->dispose (object);
}

static void
cv_action_editor_class_init (CvActionEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cv_action_editor_dispose;
  CV_RECORD_EDITOR_CLASS (klass)->read_fields = read_fields;
  CV_RECORD_EDITOR_CLASS (klass)->stored = stored;
  g_type_ensure (CV_TYPE_STAKEHOLDER_CHOOSER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-action-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CvActionEditor, name)
  BIND (stack);
  BIND (back_button);
  BIND (title_label);
  BIND (general_error);
  BIND (title_row);
  BIND (title_error_row);
  BIND (title_error);
  BIND (themes_row);
  BIND (themes_button);
  BIND (theme_list);
  BIND (theme_chips_row);
  BIND (theme_chips);
  BIND (session_row);
  BIND (session_row_arrow);
  BIND (answers_list);
  BIND (owner_row);
  BIND (owner_row_clear);
  BIND (owner_chooser);
  BIND (organisation_row);
  BIND (organisation_row_clear);
  BIND (organisation_chooser);
  BIND (owner_error_row);
  BIND (owner_error);
  BIND (due_row);
  BIND (due_error_row);
  BIND (due_error);
  BIND (status_row);
  BIND (detail_view);
  BIND (outcome_view);
  BIND (outcome_error);
  BIND (update_view);
  BIND (add_update_button);
  BIND (update_list);
  BIND (delete_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, session_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, owner_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, owner_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, organisation_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, organisation_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_update_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
cv_action_editor_init (CvActionEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->themes = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  cv_record_editor_set_general_error (CV_RECORD_EDITOR (self), self->general_error);

  self->loading = TRUE;
  for (const CvChoice *c = status_field ()->choices; c->nick != NULL; c++)
    gtk_string_list_append (statuses, _(c->label));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  self->loading = FALSE;

  cv_stakeholder_chooser_set_kind (self->organisation_chooser, "organisation");
  cv_date_row_attach_calendar (self->due_row);
  gtk_menu_button_set_create_popup_func (self->themes_button, themes_popup_cb, self, NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->detail_view), "changed",
                           G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->outcome_view), "changed",
                           G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    /* Before the text view inserts a new line. */
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (update_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->update_view), keys);
  }
  gtk_stack_set_visible_child_name (self->stack, "none");
}

void
cv_action_editor_set_store (CvActionEditor *self,
                            CvStore        *store,
                            CvTrash        *trash)
{
  g_return_if_fail (CV_IS_ACTION_EDITOR (self));

  self->store = g_object_ref (store);
  self->trash = trash != NULL ? g_object_ref (trash) : NULL;
  cv_record_editor_set_store (CV_RECORD_EDITOR (self), store);
  cv_stakeholder_chooser_set_store (self->owner_chooser, store);
  cv_stakeholder_chooser_set_store (self->organisation_chooser, store);
}

void
cv_action_editor_set_programme (CvActionEditor *self,
                                const char     *programme_id)
{
  g_return_if_fail (CV_IS_ACTION_EDITOR (self));

  g_free (self->programme_id);
  self->programme_id = g_strdup (programme_id);
  cv_stakeholder_chooser_set_programme (self->owner_chooser, programme_id);
  cv_stakeholder_chooser_set_programme (self->organisation_chooser, programme_id);
}

void
cv_action_editor_set_record (CvActionEditor *self,
                             CvRecord       *record)
{
  g_return_if_fail (CV_IS_ACTION_EDITOR (self));

  cv_action_editor_save_pending (self);
  /* A note half written is kept, as every field here is, when another action is opened. */
  if (record == NULL || g_strcmp0 (cv_record_get_id (record), cv_action_editor_get_id (self)) != 0)
    {
      add_update_cb (self);
      cv_text_view_load (self->update_view, NULL);
    }
  g_clear_object (&self->record);
  if (record == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  self->record = cv_record_copy (record);
  load_record (self);
  gtk_stack_set_visible_child_name (self->stack, "edit");
}

CvRecord *
cv_action_editor_get_record (CvActionEditor *self)
{
  g_return_val_if_fail (CV_IS_ACTION_EDITOR (self), NULL);
  return self->record;
}

const char *
cv_action_editor_get_id (CvActionEditor *self)
{
  g_return_val_if_fail (CV_IS_ACTION_EDITOR (self), NULL);
  return self->record != NULL ? cv_record_get_id (self->record) : NULL;
}

void
cv_action_editor_set_show_back (CvActionEditor *self,
                                gboolean        show_back)
{
  g_return_if_fail (CV_IS_ACTION_EDITOR (self));
  gtk_widget_set_visible (self->back_button, show_back);
}

void
cv_action_editor_focus (CvActionEditor *self)
{
  g_return_if_fail (CV_IS_ACTION_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), -1, -1);
}

/**
 * cv_action_editor_choose_status:
 * @status: a status nick, such as "done"
 *
 * Chooses @status as the user would in the status row: it is stored at once,
 * except "done" without an outcome, which asks for the outcome first.
 */
void
cv_action_editor_choose_status (CvActionEditor *self,
                                const char     *status)
{
  g_return_if_fail (CV_IS_ACTION_EDITOR (self));

  for (guint i = 0; status_field ()->choices[i].nick != NULL; i++)
    if (g_strcmp0 (status_field ()->choices[i].nick, status) == 0)
      adw_combo_row_set_selected (self->status_row, i);
}
