/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A session's page: its details, who was there, and what they said. Like the
 * stakeholder editor it has no Save button: choices are stored at once,
 * typing after a short pause. Times are typed in local time and stored in UTC.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cv-action.h"
#include "cv-attendance.h"
#include "cv-attendee-picker.h"
#include "cv-contribution.h"
#include "cv-error.h"
#include "cv-format.h"
#include "cv-paged-rows.h"
#include "cv-review-window.h"
#include "cv-session.h"
#include "cv-reader.h"
#include "cv-attendance-row.h"
#include "cv-contribution-row.h"
#include "cv-session-editor.h"
#include "cv-record-editor.h"
#include "cv-file.h"
#include "cv-sessions.h"
#include "cv-stakeholder-chooser.h"
#include "cv-theme.h"
#include "cv-time.h"
#include "cv-date-row.h"
#include "cv-widgets.h"

struct _CvSessionEditor
{
  CvRecordEditor        parent_instance;

  CvStore              *store;
  CvTrash              *trash;
  char                 *programme_id;
  CvRecord             *record;          /* as stored; no id while new */
  char                 *facilitator_id;
  char                 *said_by_id;
  GPtrArray            *chosen_themes;   /* of char*: themes for the next contribution */
  CvRecord             *answering;       /* what the next action agreed answers, or NULL */
  CvRecord             *editing;         /* what was said being changed in the form, or NULL */
  GCancellable         *reviewing;       /* the review being read, if any */
  guint                 reload_source;
  gboolean              loading;

  GtkStack             *stack;
  GtkWidget            *back_button;
  GtkScrolledWindow    *scroller;
  GtkLabel             *title_label;
  GtkLabel             *general_error;
  AdwEntryRow          *title_row;
  GtkWidget            *title_error_row;
  GtkLabel             *title_error;
  AdwComboRow          *kind_row;
  AdwEntryRow          *starts_row;
  GtkWidget            *starts_error_row;
  GtkLabel             *starts_error;
  AdwEntryRow          *ends_row;
  GtkWidget            *ends_error_row;
  GtkLabel             *ends_error;
  AdwEntryRow          *location_row;
  AdwEntryRow          *facilitator_text_row;
  AdwActionRow         *facilitator_row;
  GtkWidget            *facilitator_clear_button;
  CvStakeholderChooser *facilitator_chooser;
  AdwComboRow          *status_row;
  GtkTextView          *purpose_view;
  GtkTextView          *summary_view;
  AdwPreferencesGroup  *attendance_group;
  GtkLabel             *attendance_counts;
  GtkButton            *mark_attended_button;
  CvPagedRows          *attendance_list;
  AdwPreferencesGroup  *said_group;
  GtkWidget            *said_text_row;
  GtkLabel             *said_label;
  GtkTextView          *said_view;
  GtkWidget            *add_contribution_button;
  GtkWidget            *cancel_edit_button;
  AdwActionRow         *themes_row;
  GtkListBox           *theme_list;
  GtkEntry             *new_theme_entry;
  GtkSwitch            *anonymous_switch;
  AdwActionRow         *said_by_row;
  CvStakeholderChooser *said_by_chooser;
  GtkWidget            *said_error_row;
  GtkLabel             *said_error;
  CvPagedRows          *contribution_list;
  GtkWidget            *delete_button;
  GtkWidget            *calendar_button;
  GtkWidget            *review_button;
  AdwPreferencesGroup  *actions_group;
  AdwEntryRow          *action_row;
  AdwActionRow         *answering_row;
  CvPagedRows          *action_list;
};

G_DEFINE_FINAL_TYPE (CvSessionEditor, cv_session_editor, CV_TYPE_RECORD_EDITOR)

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* A local time typed in @row, as stored UTC; empty is no time. FALSE when it is not a time. */
static gboolean
utc_of_row (AdwEntryRow  *row,
            char        **utc,
            GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (entry_text (row)));

  *utc = NULL;
  if (*text == '\0')
    return TRUE;
  *utc = cv_utc_from_local (text, NULL, error);
  return *utc != NULL;
}

/* The record as the editor shows it, or NULL when a field is wrong (shown beside it). */
static CvRecord *
record_from_widgets (CvSessionEditor *self)
{
  g_autoptr(CvRecord) record = cv_record_copy (self->record);
  g_autoptr(GError) starts_error = NULL;
  g_autoptr(GError) ends_error = NULL;
  g_autoptr(GError) title_error = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *purpose = cv_text_view_get_text (self->purpose_view);
  g_autofree char *summary = cv_text_view_get_text (self->summary_view);
  g_autofree char *title = g_strstrip (g_strdup (entry_text (self->title_row)));
  const CvField *kind = cv_record_type_find_field (CV_TYPE_SESSION, "kind");
  const CvField *status = cv_record_type_find_field (CV_TYPE_SESSION, "status");
  gboolean ok = TRUE;

  ok &= utc_of_row (self->starts_row, &starts, &starts_error);
  ok &= utc_of_row (self->ends_row, &ends, &ends_error);

  cv_record_set_string (record, "title", title);
  cv_record_set_string (record, "kind", kind->choices[adw_combo_row_get_selected (self->kind_row)].nick);
  cv_record_set_string (record, "starts_at", starts);
  cv_record_set_string (record, "ends_at", ends);
  cv_record_set_string (record, "location", entry_text (self->location_row));
  cv_record_set_string (record, "facilitator", entry_text (self->facilitator_text_row));
  cv_record_set_string (record, "facilitator_id", self->facilitator_id);
  cv_record_set_string (record, "status", status->choices[adw_combo_row_get_selected (self->status_row)].nick);
  cv_record_set_string (record, "purpose", purpose);
  cv_record_set_string (record, "summary", summary);

  /* A new session with no title yet is simply not stored yet. */
  if (!(cv_record_get_id (record) == NULL && title[0] == '\0') &&
      !cv_store_validate_field (self->store, record, "title", &title_error))
    ok = FALSE;
  if (cv_record_get_id (record) == NULL && title[0] == '\0')
    ok = FALSE;

  /* An end before the start is said beside the end. */
  if (starts_error == NULL && ends_error == NULL && starts != NULL && ends != NULL &&
      strcmp (ends, starts) < 0)
    {
      g_set_error (&ends_error, CV_ERROR, CV_ERROR_INVALID,
                   _("Ends: the session cannot end before it starts."));
      ok = FALSE;
    }

  cv_field_show_error (self->title_error_row, self->title_error, GTK_WIDGET (self->title_row), title_error);
  cv_field_show_error (self->starts_error_row, self->starts_error, GTK_WIDGET (self->starts_row), starts_error);
  cv_field_show_error (self->ends_error_row, self->ends_error, GTK_WIDGET (self->ends_row), ends_error);

  return ok ? g_steal_pointer (&record) : NULL;
}

static void reload_page (CvSessionEditor *self);
static void show_editing (CvSessionEditor *self);
static void reload_themes (CvSessionEditor *self);

static void
update_title (CvSessionEditor *self)
{
  const char *title = self->record != NULL ? cv_record_get_string (self->record, "title") : NULL;
  gboolean stored = self->record != NULL && cv_record_get_id (self->record) != NULL;

  gtk_label_set_text (self->title_label, title != NULL ? title : _("New Session"));
  gtk_widget_set_sensitive (self->delete_button, stored);
  gtk_widget_set_sensitive (self->calendar_button,
                            stored && cv_record_get_string (self->record, "starts_at") != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->attendance_group), stored);
  gtk_widget_set_visible (GTK_WIDGET (self->said_group), stored);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_group), stored);
  gtk_widget_set_sensitive (self->review_button,
                            stored && cv_record_get_string (self->record, "starts_at") != NULL);
}

/* The record as the page shows it, each field checked beside itself;
 * nothing while a record is being shown. */
static gboolean
read_fields (CvRecordEditor  *editor,
             CvRecord       **record)
{
  CvSessionEditor *self = CV_SESSION_EDITOR (editor);

  *record = NULL;
  if (self->record == NULL || self->loading)
    return TRUE;
  *record = record_from_widgets (self);
  return *record != NULL;
}

static void
stored (CvRecordEditor *editor,
        CvRecord       *record,
        gboolean        is_new)
{
  CvSessionEditor *self = CV_SESSION_EDITOR (editor);

  g_set_object (&self->record, record);
  update_title (self);
  if (is_new)
    reload_page (self);
  else
    /* Every save, not only the first: the list keeps the session in view,
     * whatever its filter. */
    g_signal_emit_by_name (self, "saved", self->record);
}

/**
 * cv_session_editor_save_pending:
 *
 * Returns: %TRUE when nothing is left unsaved
 */
gboolean
cv_session_editor_save_pending (CvSessionEditor *self)
{
  g_return_val_if_fail (CV_IS_SESSION_EDITOR (self), FALSE);
  return cv_record_editor_save_pending (CV_RECORD_EDITOR (self));
}

static void
entry_changed_cb (CvSessionEditor *self)
{
  if (self->loading)
    return;
  cv_record_editor_schedule_save (CV_RECORD_EDITOR (self));
}

/* Tab saves what is waiting before the focus moves on: a new session's
 * attendance, what was said and actions appear once it is stored, and a
 * keyboard user moving on at once would otherwise pass them by. */
static gboolean
tab_pressed_cb (CvSessionEditor       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_KP_Tab) &&
      cv_record_editor_has_pending_save (CV_RECORD_EDITOR (self)))
    cv_session_editor_save_pending (self);
  return GDK_EVENT_PROPAGATE;
}

static void
choice_changed_cb (CvSessionEditor *self)
{
  if (!self->loading)
    cv_session_editor_save_pending (self);
}

/* Facilitator from the register */

static void
show_facilitator (CvSessionEditor *self)
{
  g_autofree char *name = cv_store_get_display_name (self->store, "stakeholder", self->facilitator_id);

  adw_action_row_set_subtitle (self->facilitator_row, name != NULL ? name : _("None"));
  gtk_widget_set_visible (self->facilitator_clear_button, self->facilitator_id != NULL);
}

static void
facilitator_chosen_cb (CvSessionEditor *self,
                       const char      *id)
{
  g_free (self->facilitator_id);
  self->facilitator_id = g_strdup (id);
  show_facilitator (self);
  cv_session_editor_save_pending (self);
}

static void
facilitator_clear_cb (CvSessionEditor *self)
{
  facilitator_chosen_cb (self, NULL);
}

/* Attendance */

static void
attendance_changed_cb (CvAttendanceRow *row,
                       CvSessionEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!cv_store_update (self->store, cv_attendance_row_get_attendance (row), &error))
    {
      cv_record_editor_show_general_error (CV_RECORD_EDITOR (self), error);
    }
}

static void
remove_attendance_cb (CvAttendanceRow *row,
                      CvSessionEditor *self)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (records, g_object_ref (cv_attendance_row_get_attendance (row)));
  cv_trash_delete (self->trash, records, GTK_WIDGET (self));
}

static GtkWidget *
attendance_row_cb (CvRecord *attendance,
                   gpointer  user_data)
{
  CvSessionEditor *self = user_data;
  g_autofree char *name = cv_store_get_display_name (self->store, "stakeholder",
                                                     cv_record_get_string (attendance, "stakeholder_id"));
  GtkWidget *row = cv_attendance_row_new (attendance, name);

  g_signal_connect (row, "changed", G_CALLBACK (attendance_changed_cb), self);
  g_signal_connect (row, "remove", G_CALLBACK (remove_attendance_cb), self);
  return row;
}

static void
reload_attendance (CvSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  CvAttendanceCounts counts = { 0 };
  g_autofree char *summary = NULL;

  /* The counts are one indexed query; the rows come a page at a time. */
  cv_paged_rows_set_key (self->attendance_list, cv_record_get_id (self->record));
  if (!cv_sessions_count_attendance (self->store, cv_record_get_id (self->record), &counts, &error))
    {
      cv_widget_report_error (GTK_WIDGET (self), "Could not count the attendance", error);
      return;
    }

  /* TRANSLATORS: the counts under a session's attendance list */
  summary = g_strdup_printf (_("%'u listed · %'u invited · %'u attended · %'u sent apologies · %'u did not attend · "
                               "%'u paid for their time"),
                             counts.listed, counts.invited, counts.attended, counts.apologies, counts.absent,
                             counts.paid);
  gtk_label_set_text (self->attendance_counts, counts.listed > 0 ? summary : _("Nobody is listed yet."));
  {
    /* TRANSLATORS: the accessible name of “Mark All Attended”; %s is the session */
    g_autofree char *mark_label = g_strdup_printf (_("Mark everyone still invited to %s as attended"),
                                                   cv_record_get_string (self->record, "title"));

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->mark_attended_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, mark_label, -1);
  }
  /* Only people still invited are marked: there is nothing to do without them. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.mark-attended", counts.invited > 0);
}

static gboolean
unmark_attended_cb (CvStore  *store,
                    gpointer  data,
                    GError  **error)
{
  return cv_sessions_set_status (store, (const char * const *)data, "invited", error);
}

/**
 * cv_session_editor_mark_attended:
 *
 * Marks everyone still invited to the session shown as having come, offering
 * Undo (which gives them back "Invited").
 *
 * Returns: how many were marked
 */
guint
cv_session_editor_mark_attended (CvSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *title = NULL;
  guint n;

  g_return_val_if_fail (CV_IS_SESSION_EDITOR (self), 0);

  if (self->record == NULL || cv_record_get_id (self->record) == NULL)
    return 0;
  ids = cv_sessions_mark_attended (self->store, cv_record_get_id (self->record), &error);
  if (ids == NULL)
    {
      cv_record_editor_show_general_error (CV_RECORD_EDITOR (self), error);
      return 0;
    }
  n = g_strv_length (ids);
  if (n == 0)
    return 0;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u person marked as attended",
                                        "%'u people marked as attended", n), n);
  cv_trash_offer_undo (self->trash, GTK_WIDGET (self), title, unmark_attended_cb,
                       g_steal_pointer (&ids), (GDestroyNotify)g_strfreev);
  return n;
}

static void
mark_attended_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  cv_session_editor_mark_attended (CV_SESSION_EDITOR (widget));
}

static void
people_added_cb (CvSessionEditor  *self,
                 guint             added,
                 guint             already,
                 const char       *message,
                 CvAttendeePicker *picker)
{
  g_autofree char *text = NULL;
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (message != NULL)
    text = g_strdup (message);
  else if (already > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u added; %u was already on the list",
                                         "%u added; %u were already on the list", already),
                            added, already);
  if (text != NULL && overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

void
cv_session_editor_add_people (CvSessionEditor *self)
{
  CvAttendeePicker *picker;

  g_return_if_fail (CV_IS_SESSION_EDITOR (self));

  if (self->record == NULL || cv_record_get_id (self->record) == NULL)
    return;
  picker = cv_attendee_picker_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                   self->programme_id, cv_record_get_id (self->record));
  g_signal_connect_object (picker, "added", G_CALLBACK (people_added_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}

static void
add_people_cb (CvSessionEditor *self)
{
  cv_session_editor_add_people (self);
}

/* What people said */

static gboolean
theme_chosen (CvSessionEditor *self,
              const char      *id)
{
  for (guint i = 0; i < self->chosen_themes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->chosen_themes, i), id))
      return TRUE;
  return FALSE;
}

static void
show_chosen_themes (CvSessionEditor *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  for (guint i = 0; i < self->chosen_themes->len; i++)
    g_ptr_array_add (names, cv_store_get_display_name (self->store, "theme",
                                                       g_ptr_array_index (self->chosen_themes, i)));
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (", ", (char **)names->pdata);
  adw_action_row_set_subtitle (self->themes_row, *joined != '\0' ? joined : _("None chosen"));
}

static void
theme_toggled_cb (GtkCheckButton  *button,
                  CvSessionEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "theme");

  if (gtk_check_button_get_active (button) && !theme_chosen (self, id))
    g_ptr_array_add (self->chosen_themes, g_strdup (id));
  else if (!gtk_check_button_get_active (button))
    for (guint i = 0; i < self->chosen_themes->len; i++)
      if (g_str_equal (g_ptr_array_index (self->chosen_themes, i), id))
        {
          g_ptr_array_remove_index (self->chosen_themes, i);
          break;
        }
  show_chosen_themes (self);
}

static void
reload_themes (CvSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) themes = cv_store_list (self->store, CV_TYPE_THEME, "programme_id", self->programme_id, &error);

  cv_list_box_clear (self->theme_list);
  if (themes == NULL)
    {
      cv_widget_report_error (GTK_WIDGET (self), "Could not list the themes", error);
      return;
    }
  for (guint i = 0; i < themes->len; i++)
    {
      CvRecord *theme = g_ptr_array_index (themes, i);
      GtkWidget *check = gtk_check_button_new_with_label (cv_record_get_string (theme, "name"));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), theme_chosen (self, cv_record_get_id (theme)));
      g_object_set_data_full (G_OBJECT (check), "theme", g_strdup (cv_record_get_id (theme)), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (theme_toggled_cb), self);
      gtk_list_box_append (self->theme_list, cv_check_row_new (GTK_CHECK_BUTTON (check)));
    }
  show_chosen_themes (self);
}

static void
new_theme_cb (CvSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) theme = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_theme_entry))));

  if (*name == '\0')
    return;
  theme = cv_sessions_theme_by_name (self->store, self->programme_id, name, TRUE, &error);
  if (theme == NULL)
    {
      cv_field_show_error (self->said_error_row, self->said_error, GTK_WIDGET (self->themes_row), error);
      return;
    }
  if (!theme_chosen (self, cv_record_get_id (theme)))
    g_ptr_array_add (self->chosen_themes, g_strdup (cv_record_get_id (theme)));
  gtk_editable_set_text (GTK_EDITABLE (self->new_theme_entry), "");
  reload_themes (self);
}

static void
show_said_by (CvSessionEditor *self)
{
  g_autofree char *name = cv_store_get_display_name (self->store, "stakeholder", self->said_by_id);

  adw_action_row_set_subtitle (self->said_by_row, name != NULL ? name : _("Nobody chosen"));
}

static void
anonymous_toggled_cb (CvSessionEditor *self)
{
  gboolean anonymous = gtk_switch_get_active (self->anonymous_switch);

  gtk_widget_set_visible (GTK_WIDGET (self->said_by_row), !anonymous);
  if (anonymous)
    g_clear_pointer (&self->said_by_id, g_free);
  show_said_by (self);
}

static void
said_by_chosen_cb (CvSessionEditor *self,
                   const char      *id)
{
  g_free (self->said_by_id);
  self->said_by_id = g_strdup (id);
  show_said_by (self);
}

static char *
theme_names (CvSessionEditor    *self,
             const char * const *themes)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint t = 0; themes != NULL && themes[t] != NULL; t++)
    g_ptr_array_add (names, cv_store_get_display_name (self->store, "theme", themes[t]));
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **)names->pdata);
}

/* What the next action agreed will answer, and the themes it takes from it,
 * said beside the field where it is typed. */
static void
show_answering (CvSessionEditor *self)
{
  g_autofree char *themes = NULL;
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->answering_row), self->answering != NULL);
  if (self->answering == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->action_row), _("Agree an Action"));
      return;
    }
  themes = theme_names (self, cv_record_get_list (self->answering, "themes"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->action_row), _("Agree an Action That Answers It"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->answering_row),
                                 cv_record_get_string (self->answering, "text"));
  subtitle = *themes != '\0' ? g_strdup_printf (_("Answers this, under its themes: %s"), themes)
                             : g_strdup (_("Answers this; it has no themes"));
  adw_action_row_set_subtitle (self->answering_row, subtitle);
}

static void
set_answering (CvSessionEditor *self,
               CvRecord        *contribution)
{
  g_set_object (&self->answering, contribution);
  show_answering (self);
  cv_paged_rows_reload (self->action_list);
}

static void
agree_clicked_cb (CvContributionRow *row,
                  CvSessionEditor   *self)
{
  cv_session_editor_agree_action_for (self, cv_contribution_row_get_contribution (row));
}

/**
 * cv_session_editor_agree_action_for:
 * @contribution: what was said at this session
 *
 * Readies the "Agree an Action" field to make an action that answers
 * @contribution and takes its themes, and puts the cursor there; the
 * actions already agreed here offer to answer it too.
 */
void
cv_session_editor_agree_action_for (CvSessionEditor *self,
                                    CvRecord        *contribution)
{
  g_return_if_fail (CV_IS_SESSION_EDITOR (self));
  g_return_if_fail (CV_IS_RECORD (contribution));

  set_answering (self, contribution);
  gtk_widget_grab_focus (GTK_WIDGET (self->action_row));
}

static void
stop_answering_cb (CvSessionEditor *self)
{
  set_answering (self, NULL);
}

static void
remove_contribution_cb (CvContributionRow *row,
                        CvSessionEditor   *self)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (records, g_object_ref (cv_contribution_row_get_contribution (row)));
  cv_trash_delete (self->trash, records, GTK_WIDGET (self));
}

static void
edit_clicked_cb (CvContributionRow *row,
                 CvSessionEditor   *self)
{
  cv_session_editor_edit_contribution (self, cv_contribution_row_get_contribution (row));
}

static GtkWidget *
contribution_row_cb (CvRecord *contribution,
                     gpointer  user_data)
{
  CvSessionEditor *self = user_data;
  GtkWidget *row = cv_contribution_row_new (self->store, contribution);

  g_signal_connect (row, "edit", G_CALLBACK (edit_clicked_cb), self);
  g_signal_connect (row, "agree", G_CALLBACK (agree_clicked_cb), self);
  g_signal_connect (row, "remove", G_CALLBACK (remove_contribution_cb), self);
  cv_contribution_row_set_being_edited (CV_CONTRIBUTION_ROW (row), self->editing != NULL &&
                                        g_strcmp0 (cv_record_get_id (self->editing),
                                                   cv_record_get_id (contribution)) == 0);
  return row;
}

static void
reload_contributions (CvSessionEditor *self)
{
  cv_paged_rows_set_key (self->contribution_list, cv_record_get_id (self->record));
}

/* The form says whether it adds what was said or changes what it holds. */
static void
show_editing (CvSessionEditor *self)
{
  gboolean editing = self->editing != NULL;

  gtk_label_set_text (self->said_label, editing ? _("Change What Was Said") : _("What Was Said"));
  gtk_button_set_label (GTK_BUTTON (self->add_contribution_button),
                        editing ? _("_Save Changes") : _("Add What Was _Said"));
  gtk_widget_set_visible (self->cancel_edit_button, editing);
}

/* Ready for the next one: empty, anonymous again, no themes chosen. */
static void
clear_said_form (CvSessionEditor *self)
{
  gboolean was_editing = self->editing != NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->said_view), "", -1);
  g_ptr_array_set_size (self->chosen_themes, 0);
  gtk_switch_set_active (self->anonymous_switch, TRUE);
  g_clear_object (&self->editing);
  show_editing (self);
  cv_field_show_error (self->said_error_row, self->said_error, self->said_text_row, NULL);
  reload_themes (self);
  if (was_editing)
    cv_paged_rows_reload (self->contribution_list);
}

/**
 * cv_session_editor_edit_contribution:
 * @contribution: what was said at this session
 *
 * Puts @contribution in the form above the list, its text, themes and who
 * said it, to be changed and saved (with Undo) or left as it was.
 */
void
cv_session_editor_edit_contribution (CvSessionEditor *self,
                                     CvRecord        *contribution)
{
  const char * const *themes;
  const char *text;
  gboolean anonymous;

  g_return_if_fail (CV_IS_SESSION_EDITOR (self));
  g_return_if_fail (CV_IS_RECORD (contribution));

  themes = cv_record_get_list (contribution, "themes");
  text = cv_record_get_string (contribution, "text");
  anonymous = cv_record_get_boolean (contribution, "anonymous");
  g_set_object (&self->editing, contribution);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->said_view), text != NULL ? text : "", -1);
  g_ptr_array_set_size (self->chosen_themes, 0);
  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    g_ptr_array_add (self->chosen_themes, g_strdup (themes[i]));
  gtk_switch_set_active (self->anonymous_switch, anonymous);
  g_free (self->said_by_id);
  self->said_by_id = anonymous ? NULL : g_strdup (cv_record_get_string (contribution, "stakeholder_id"));
  show_said_by (self);
  cv_field_show_error (self->said_error_row, self->said_error, self->said_text_row, NULL);
  show_editing (self);
  reload_themes (self);
  cv_paged_rows_reload (self->contribution_list);
  gtk_widget_grab_focus (GTK_WIDGET (self->said_view));
}

static void
cancel_edit_cb (CvSessionEditor *self)
{
  clear_said_form (self);
}

static gboolean
put_back_record (CvStore   *store,
                 gpointer   data,
                 GError   **error)
{
  return cv_store_update (store, CV_RECORD (data), error);
}

/* Fills @contribution from the form. */
static void
contribution_from_form (CvSessionEditor *self,
                        CvRecord        *contribution)
{
  g_autofree char *text = g_strstrip (cv_text_view_get_text (self->said_view));
  gboolean anonymous = gtk_switch_get_active (self->anonymous_switch);

  g_ptr_array_add (self->chosen_themes, NULL);
  g_object_set (contribution,
                "text", text,
                "themes", self->chosen_themes->pdata,
                "anonymous", anonymous,
                "stakeholder-id", anonymous ? NULL : self->said_by_id,
                NULL);
  g_ptr_array_remove_index (self->chosen_themes, self->chosen_themes->len - 1);
}

/* Stores the changes to what the form holds, and offers to undo them. */
static gboolean
save_contribution_changes (CvSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) before = cv_store_load (self->store, CV_TYPE_CONTRIBUTION,
                                              cv_record_get_id (self->editing), &error);
  g_autoptr(CvRecord) after = NULL;

  if (before == NULL)
    {
      cv_field_show_error (self->said_error_row, self->said_error, self->said_text_row, error);
      return FALSE;
    }
  after = cv_record_copy (before);
  contribution_from_form (self, after);
  if (!cv_store_update (self->store, after, &error))
    {
      cv_field_show_error (self->said_error_row, self->said_error, self->said_text_row, error);
      return FALSE;
    }
  if (!cv_record_same_fields (before, after))
    cv_trash_offer_undo (self->trash, GTK_WIDGET (self), _("What was said is changed"),
                         put_back_record, g_steal_pointer (&before), g_object_unref);
  clear_said_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->said_view));
  return TRUE;
}

/**
 * cv_session_editor_add_contribution:
 *
 * Stores what was typed as said at this session, with the themes chosen,
 * and clears the form for the next one; when the form holds something said
 * before, stores the changes to it instead.
 *
 * Returns: %TRUE if it was stored
 */
gboolean
cv_session_editor_add_contribution (CvSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) contribution = cv_record_new (CV_TYPE_CONTRIBUTION);

  g_return_val_if_fail (CV_IS_SESSION_EDITOR (self), FALSE);

  if (self->record == NULL || cv_record_get_id (self->record) == NULL)
    return FALSE;
  if (self->editing != NULL)
    return save_contribution_changes (self);

  g_object_set (contribution,
                "programme-id", self->programme_id,
                "session-id", cv_record_get_id (self->record),
                NULL);
  contribution_from_form (self, contribution);
  if (!cv_store_insert (self->store, contribution, &error))
    {
      cv_field_show_error (self->said_error_row, self->said_error, self->said_text_row, error);
      return FALSE;
    }
  clear_said_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->said_view));
  return TRUE;
}

/* Enter stores what was said, as in a one-line field; Shift+Enter starts a
 * new line; Escape leaves a change unsaved. */
static gboolean
said_key_pressed_cb (GtkEventControllerKey *keys,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     CvSessionEditor       *self)
{
  gboolean plain = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0;

  if (plain && (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter))
    {
      cv_session_editor_add_contribution (self);
      return TRUE;
    }
  if (plain && keyval == GDK_KEY_Escape && self->editing != NULL)
    {
      clear_said_form (self);
      return TRUE;
    }
  return FALSE;
}

static void
add_contribution_cb (CvSessionEditor *self)
{
  cv_session_editor_add_contribution (self);
}

/* Actions agreed here */

/* Themes and answers, each once: what the action had, then what it gains. */
static void
add_unique (GPtrArray          *into,
            const char * const *values)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < into->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (into, j), values[i]);
      if (!seen)
        g_ptr_array_add (into, (gpointer)values[i]);
    }
}

static void
answer_too_cb (GtkButton       *button,
               CvSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) action = NULL;
  g_autoptr(GPtrArray) answers = g_ptr_array_new ();
  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  const char *one[] = { NULL, NULL };

  if (self->answering == NULL)
    return;
  action = cv_record_copy (g_object_get_data (G_OBJECT (button), "action"));
  one[0] = cv_record_get_id (self->answering);
  add_unique (answers, cv_record_get_list (action, "answers"));
  add_unique (answers, one);
  g_ptr_array_add (answers, NULL);
  add_unique (themes, cv_record_get_list (action, "themes"));
  add_unique (themes, cv_record_get_list (self->answering, "themes"));
  g_ptr_array_add (themes, NULL);
  cv_record_set_list (action, "answers", (const char * const *)answers->pdata);
  cv_record_set_list (action, "themes", (const char * const *)themes->pdata);
  if (!cv_store_update (self->store, action, &error))
    {
      cv_field_show_error (self->said_error_row, self->said_error, GTK_WIDGET (self->action_row), error);
      return;
    }
  set_answering (self, NULL);
}


static GtkWidget *
action_row_cb (CvRecord *action,
               gpointer  user_data)
{
  CvSessionEditor *self = user_data;
  const CvField *status = cv_record_type_find_field (CV_TYPE_ACTION, "status");
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *owner = cv_store_get_display_name (self->store, "stakeholder",
                                                      cv_record_get_string (action, "owner_id"));
  g_autofree char *subtitle = g_strdup_printf ("%s%s%s", _(cv_field_choice_label (status, cv_record_get_string (action, "status"))),
                                               owner != NULL ? " · " : "", owner != NULL ? owner : "");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cv_record_get_string (action, "title"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (self->answering != NULL)
    {
      GtkWidget *link = gtk_button_new_with_mnemonic (_("Answers It _Too"));

      gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (link), "action", g_object_ref (action), g_object_unref);
      g_signal_connect (link, "clicked", G_CALLBACK (answer_too_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
    }
  /* The action's own page is where its owner and date are set. */
  cv_opens_record (row, "action", cv_record_get_id (action));
  return row;
}

static void
reload_actions (CvSessionEditor *self)
{
  cv_paged_rows_set_key (self->action_list, cv_record_get_id (self->record));
}

static void
add_action_cb (CvSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) action = cv_record_new (CV_TYPE_ACTION);

  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  const char *answers[] = { NULL, NULL };

  if (self->record == NULL || cv_record_get_id (self->record) == NULL)
    return;
  /* An action answering what was said takes its themes; otherwise it takes
   * those ticked for what is being typed now, if any. */
  if (self->answering != NULL)
    {
      answers[0] = cv_record_get_id (self->answering);
      add_unique (themes, cv_record_get_list (self->answering, "themes"));
    }
  else
    {
      g_ptr_array_add (self->chosen_themes, NULL);
      add_unique (themes, (const char * const *)self->chosen_themes->pdata);
      g_ptr_array_remove_index (self->chosen_themes, self->chosen_themes->len - 1);
    }
  g_ptr_array_add (themes, NULL);
  g_object_set (action, "programme-id", self->programme_id, "session-id", cv_record_get_id (self->record),
                "title", entry_text (self->action_row), "status", "agreed",
                "themes", themes->pdata, "answers", answers, NULL);
  if (!cv_store_insert (self->store, action, &error))
    {
      cv_field_show_error (self->said_error_row, self->said_error, GTK_WIDGET (self->action_row), error);
      return;
    }
  cv_field_show_error (self->said_error_row, self->said_error, GTK_WIDGET (self->action_row), NULL);
  set_entry (self->action_row, NULL);
  set_answering (self, NULL);
}

/* The review reads every session of the period: on a worker thread. */
static gpointer
read_review (CvStore       *reader,
             gpointer       session_id,
             GCancellable  *cancellable,
             GError       **error)
{
  return cv_review_build (reader, session_id, error);
}

static void
review_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CvSessionEditor *self = user_data;   /* alive: dispose cancels the read */
  g_autoptr(GError) error = NULL;
  CvReview *review = cv_reader_run_finish (result, &error);

  if (review == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->reviewing);
  gtk_widget_set_sensitive (self->review_button, TRUE);
  if (review == NULL)
    {
      cv_record_editor_show_general_error (CV_RECORD_EDITOR (self), error);
      return;
    }
  gtk_window_present (GTK_WINDOW (cv_review_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                        review)));
}

static void
review_cb (CvSessionEditor *self)
{
  if (self->record == NULL || cv_record_get_id (self->record) == NULL || self->reviewing != NULL)
    return;
  /* The button stays sensitive while the review is read (self->reviewing
   * keeps a second press from reading it twice): made insensitive, it
   * would drop the keyboard focus, and the review's window would give it
   * back to nothing. */
  self->reviewing = g_cancellable_new ();
  cv_reader_run_async (self->store, read_review, g_strdup (cv_record_get_id (self->record)), g_free,
                       (GDestroyNotify)cv_review_free, self->reviewing, review_read_cb, self);
}

static void
reload_page (CvSessionEditor *self)
{
  if (self->record == NULL || cv_record_get_id (self->record) == NULL)
    return;
  reload_actions (self);
  reload_attendance (self);
  reload_themes (self);
  reload_contributions (self);
}

/* Calendar */

static void
calendar_saved_cb (GtkNativeDialog *dialog,
                   int              response,
                   CvSessionEditor *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new ();
  g_autofree char *now = cv_utc_now ();
  g_autofree char *ics = NULL;
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (response == GTK_RESPONSE_ACCEPT && self->record != NULL)
    {
      guint left_out = 0;

      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_ptr_array_add (sessions, self->record);
      ics = cv_sessions_to_icalendar (self->store, sessions, now, &left_out, &error);
      if ((ics == NULL || !cv_file_write_contents (file, ics, strlen (ics), &error)) && overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      else if (left_out > 0 && overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), cv_not_invited_toast (left_out));
    }
  g_object_unref (dialog);
}

static void
export_calendar_cb (CvSessionEditor *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->record == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Save to a Calendar File"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.ics", cv_record_get_string (self->record, "title"));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (calendar_saved_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Loading */

static void
load_record (CvSessionEditor *self)
{
  CvRecord *r = self->record;
  g_autofree char *starts = cv_local_from_utc (cv_record_get_string (r, "starts_at"), NULL);
  g_autofree char *ends = cv_local_from_utc (cv_record_get_string (r, "ends_at"), NULL);
  const char *purpose = cv_record_get_string (r, "purpose");
  const char *summary = cv_record_get_string (r, "summary");

  self->loading = TRUE;
  set_entry (self->title_row, cv_record_get_string (r, "title"));
  adw_combo_row_set_selected (self->kind_row, cv_field_choice_index (cv_record_type_find_field (CV_TYPE_SESSION, "kind"),
                                                            cv_record_get_string (r, "kind")));
  set_entry (self->starts_row, starts);
  set_entry (self->ends_row, ends);
  set_entry (self->location_row, cv_record_get_string (r, "location"));
  set_entry (self->facilitator_text_row, cv_record_get_string (r, "facilitator"));
  g_free (self->facilitator_id);
  self->facilitator_id = g_strdup (cv_record_get_string (r, "facilitator_id"));
  show_facilitator (self);
  adw_combo_row_set_selected (self->status_row, cv_field_choice_index (cv_record_type_find_field (CV_TYPE_SESSION, "status"),
                                                              cv_record_get_string (r, "status")));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->purpose_view), purpose != NULL ? purpose : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view), summary != NULL ? summary : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->said_view), "", -1);
  g_clear_object (&self->editing);
  show_editing (self);
  gtk_editable_set_text (GTK_EDITABLE (self->new_theme_entry), "");
  g_ptr_array_set_size (self->chosen_themes, 0);
  gtk_switch_set_active (self->anonymous_switch, TRUE);
  g_clear_object (&self->answering);
  show_answering (self);
  self->loading = FALSE;

  cv_field_show_error (self->title_error_row, self->title_error, GTK_WIDGET (self->title_row), NULL);
  cv_field_show_error (self->starts_error_row, self->starts_error, GTK_WIDGET (self->starts_row), NULL);
  cv_field_show_error (self->ends_error_row, self->ends_error, GTK_WIDGET (self->ends_row), NULL);
  cv_field_show_error (self->said_error_row, self->said_error, self->said_text_row, NULL);
  cv_record_editor_show_general_error (CV_RECORD_EDITOR (self), NULL);
  update_title (self);
  reload_page (self);
}

static void
back_clicked_cb (CvSessionEditor *self)
{
  cv_record_editor_go_back (CV_RECORD_EDITOR (self));
}

static void
delete_clicked_cb (CvSessionEditor *self)
{
  cv_record_editor_request_delete (CV_RECORD_EDITOR (self), self->record);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  CvSessionEditor *self = user_data;

  self->reload_source = 0;
  if (self->record != NULL && cv_record_get_id (self->record) != NULL)
    {
      show_facilitator (self);
      reload_page (self);
    }
  return G_SOURCE_REMOVE;
}

/* The lists are rebuilt once the change is over: the control that caused it
 * (a status menu, a remove button) may still be handling its own signal. */
static void
store_changed_cb (CvSessionEditor *self,
                  const char      *table,
                  const char      *id,
                  CvStore         *store)
{
  if (self->record == NULL || cv_record_get_id (self->record) == NULL)
    return;
  if (!g_str_equal (table, "attendance") && !g_str_equal (table, "contribution") &&
      !g_str_equal (table, "theme") && !g_str_equal (table, "stakeholder") && !g_str_equal (table, "action"))
    return;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

static void
cv_session_editor_dispose (GObject *object)
{
  CvSessionEditor *self = (CvSessionEditor *)object;

  if (cv_record_editor_has_pending_save (CV_RECORD_EDITOR (self)))
    cv_session_editor_save_pending (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->reviewing != NULL)
    g_cancellable_cancel (self->reviewing);
  g_clear_object (&self->reviewing);
  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_SESSION_EDITOR);
  g_clear_object (&self->record);
  g_clear_object (&self->trash);
  g_clear_object (&self->store);
  g_clear_pointer (&self->programme_id, g_free);
  g_clear_pointer (&self->facilitator_id, g_free);
  g_clear_pointer (&self->said_by_id, g_free);
  g_clear_pointer (&self->chosen_themes, g_ptr_array_unref);
  g_clear_object (&self->answering);
  g_clear_object (&self->editing);

  G_OBJECT_CLASS (cv_session_editor_parent_class)->dispose (object);
}

static void
cv_session_editor_class_init (CvSessionEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cv_session_editor_dispose;

  g_type_ensure (CV_TYPE_STAKEHOLDER_CHOOSER);
  g_type_ensure (CV_TYPE_PAGED_ROWS);

  CV_RECORD_EDITOR_CLASS (klass)->read_fields = read_fields;
  CV_RECORD_EDITOR_CLASS (klass)->stored = stored;

  gtk_widget_class_install_action (widget_class, "session.mark-attended", NULL, mark_attended_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/convene/Convene/cv-session-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CvSessionEditor, name)
  BIND (stack);
  BIND (back_button);
  BIND (scroller);
  BIND (title_label);
  BIND (general_error);
  BIND (title_row);
  BIND (title_error_row);
  BIND (title_error);
  BIND (kind_row);
  BIND (starts_row);
  BIND (starts_error_row);
  BIND (starts_error);
  BIND (ends_row);
  BIND (ends_error_row);
  BIND (ends_error);
  BIND (location_row);
  BIND (facilitator_text_row);
  BIND (facilitator_row);
  BIND (facilitator_clear_button);
  BIND (facilitator_chooser);
  BIND (status_row);
  BIND (purpose_view);
  BIND (summary_view);
  BIND (attendance_group);
  BIND (attendance_counts);
  BIND (mark_attended_button);
  BIND (attendance_list);
  BIND (said_group);
  BIND (said_text_row);
  BIND (said_label);
  BIND (said_view);
  BIND (add_contribution_button);
  BIND (cancel_edit_button);
  BIND (themes_row);
  BIND (theme_list);
  BIND (new_theme_entry);
  BIND (anonymous_switch);
  BIND (said_by_row);
  BIND (said_by_chooser);
  BIND (said_error_row);
  BIND (said_error);
  BIND (contribution_list);
  BIND (delete_button);
  BIND (calendar_button);
  BIND (review_button);
  BIND (actions_group);
  BIND (action_row);
  BIND (action_list);
  BIND (answering_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_answering_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, facilitator_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, facilitator_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_people_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_contribution_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_edit_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_theme_cb);
  gtk_widget_class_bind_template_callback (widget_class, anonymous_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, said_by_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_calendar_cb);
  gtk_widget_class_bind_template_callback (widget_class, review_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_action_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
cv_session_editor_init (CvSessionEditor *self)
{
  g_autoptr(GListModel) kinds = cv_choice_labels (cv_record_type_find_field (CV_TYPE_SESSION, "kind"));
  g_autoptr(GListModel) statuses = cv_choice_labels (cv_record_type_find_field (CV_TYPE_SESSION, "status"));
  GtkEventController *tab_keys;

  self->chosen_themes = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  cv_record_editor_set_general_error (CV_RECORD_EDITOR (self), self->general_error);
  /* The field with the keyboard is always in sight, however long the page. */
  if (GTK_IS_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)))
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)), TRUE);
  cv_date_row_attach_calendar_and_time (self->starts_row);
  cv_date_row_attach_calendar_and_time (self->ends_row);

  self->loading = TRUE;
  adw_combo_row_set_model (self->kind_row, kinds);
  adw_combo_row_set_model (self->status_row, statuses);
  self->loading = FALSE;

  g_signal_connect_object (gtk_text_view_get_buffer (self->purpose_view), "changed",
                           G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    /* Before the text view's own handling, which would start a new line. */
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (said_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->said_view), keys);
  }
  gtk_stack_set_visible_child_name (self->stack, "none");

  tab_keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (tab_keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (tab_keys, "key-pressed", G_CALLBACK (tab_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), tab_keys);
}

void
cv_session_editor_set_store (CvSessionEditor *self,
                             CvStore         *store,
                             CvTrash         *trash)
{
  g_return_if_fail (CV_IS_SESSION_EDITOR (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  cv_record_editor_set_store (CV_RECORD_EDITOR (self), store);
  self->trash = g_object_ref (trash);
  cv_paged_rows_set_list (self->attendance_list, store, CV_PAGED_SESSION_ATTENDANCE, attendance_row_cb, self, NULL);
  cv_paged_rows_set_list (self->contribution_list, store, CV_PAGED_SESSION_CONTRIBUTIONS, contribution_row_cb, self, NULL);
  cv_paged_rows_set_list (self->action_list, store, CV_PAGED_SESSION_ACTIONS, action_row_cb, self, NULL);
  cv_stakeholder_chooser_set_store (self->facilitator_chooser, store);
  cv_stakeholder_chooser_set_store (self->said_by_chooser, store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

void
cv_session_editor_set_programme (CvSessionEditor *self,
                                 const char      *programme_id)
{
  g_return_if_fail (CV_IS_SESSION_EDITOR (self));

  g_free (self->programme_id);
  self->programme_id = g_strdup (programme_id);
  cv_stakeholder_chooser_set_programme (self->facilitator_chooser, programme_id);
  cv_stakeholder_chooser_set_programme (self->said_by_chooser, programme_id);
}

/**
 * cv_session_editor_set_record:
 * @record: (nullable): a stored session, a new one without an id, or %NULL
 */
void
cv_session_editor_set_record (CvSessionEditor *self,
                              CvRecord        *record)
{
  g_return_if_fail (CV_IS_SESSION_EDITOR (self));

  cv_session_editor_save_pending (self);
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
cv_session_editor_get_record (CvSessionEditor *self)
{
  g_return_val_if_fail (CV_IS_SESSION_EDITOR (self), NULL);
  return self->record;
}

const char *
cv_session_editor_get_id (CvSessionEditor *self)
{
  g_return_val_if_fail (CV_IS_SESSION_EDITOR (self), NULL);
  return self->record != NULL ? cv_record_get_id (self->record) : NULL;
}

void
cv_session_editor_set_show_back (CvSessionEditor *self,
                                 gboolean         show_back)
{
  g_return_if_fail (CV_IS_SESSION_EDITOR (self));
  gtk_widget_set_visible (self->back_button, show_back);
}

void
cv_session_editor_focus (CvSessionEditor *self)
{
  g_return_if_fail (CV_IS_SESSION_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  /* Focus selects the whole text; a stray key must not replace it. */
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), -1, -1);
}
