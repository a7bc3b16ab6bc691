/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The programme's sessions, upcoming or past, beside the page of the session
 * chosen. Searching, filtering and sorting are done by the core's list model.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cv-list-export.h"
#include "cv-list-pane.h"
#include "cv-record-column.h"
#include "cv-record-list.h"
#include "cv-session.h"
#include "cv-session-editor.h"
#include "cv-file.h"
#include "cv-sessions.h"
#include "cv-contribution.h"
#include "cv-sessions-view.h"
#include "cv-view.h"
#include "cv-time.h"
#include "cv-widgets.h"

enum {
  WHEN_UPCOMING,
  WHEN_PAST,
  WHEN_ALL,
};

struct _CvSessionsView
{
  GtkWidget            parent_instance;

  CvStore             *store;
  CvTrash             *trash;
  char                *programme_id;
  CvRecordList        *list;

  CvListPane          *pane;
  GtkDropDown         *when_filter;
  GtkDropDown         *kind_filter;
  GtkDropDown         *status_filter;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *starts_column;
  GtkColumnViewColumn *location_column;
  GtkColumnViewColumn *status_column;
  CvSessionEditor     *editor;
};

static void cv_sessions_view_view_init (CvViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CvSessionsView, cv_sessions_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CV_TYPE_VIEW, cv_sessions_view_view_init))

/* Nothing planned is a different thing from nothing found; and with nothing
 * planned yet, planning one is the next thing to do. */
static void
refresh (CvSessionsView *self)
{
  gboolean only_upcoming = cv_list_pane_get_search (self->pane)[0] == '\0' &&
                           gtk_drop_down_get_selected (self->kind_filter) == 0 &&
                           gtk_drop_down_get_selected (self->status_filter) == 0 &&
                           gtk_drop_down_get_selected (self->when_filter) == WHEN_UPCOMING;

  cv_list_pane_set_no_results (self->pane,
                               only_upcoming ? _("No Upcoming Sessions") : _("No Matching Sessions"),
                               only_upcoming ? _("Plan the next one, or choose Past or All Sessions to see those already held.")
                                             : _("Try other words, or clear the filters."),
                               only_upcoming);
  cv_list_pane_refresh (self->pane);
}

/* Upcoming soonest first; past latest first. */
static void
filter_changed_cb (CvSessionsView *self)
{
  g_autofree char *now = cv_utc_now ();
  guint when = gtk_drop_down_get_selected (self->when_filter);

  if (self->list == NULL)
    return;
  cv_record_list_set_filter (self->list, "kind", cv_choice_filter_get (self->kind_filter, cv_record_type_find_field (CV_TYPE_SESSION, "kind")));
  cv_record_list_set_filter (self->list, "status",
                             cv_choice_filter_get (self->status_filter, cv_record_type_find_field (CV_TYPE_SESSION, "status")));
  cv_record_list_set_range (self->list, when == WHEN_ALL ? NULL : "starts_at",
                            when == WHEN_UPCOMING ? now : NULL, when == WHEN_PAST ? now : NULL);
  cv_record_list_set_sort (self->list, "starts_at", when == WHEN_PAST);
  refresh (self);
}

static void
selected_cb (CvSessionsView *self,
             CvRecord       *record)
{
  if (cv_record_get_id (record) != NULL &&
      g_strcmp0 (cv_session_editor_get_id (self->editor), cv_record_get_id (record)) != 0)
    cv_session_editor_set_record (self->editor, record);
}

static void
activated_cb (CvSessionsView *self,
              CvRecord       *record)
{
  cv_session_editor_set_record (self->editor, record);
  cv_session_editor_focus (self->editor);
}

/* The session on the page beside the list is always in the list, selected. */
static void
keep_in_view (CvSessionsView *self,
              CvRecord       *record)
{
  const char *id = cv_record_get_id (record);

  /* A session saved where the list's "when" would hide it (a new one dated
   * in the past, or one moved) is never lost from view: the list shows all. */
  if (cv_list_pane_select_record (self->pane, id))
    return;
  if (gtk_drop_down_get_selected (self->when_filter) != WHEN_ALL)
    {
      gtk_drop_down_set_selected (self->when_filter, WHEN_ALL);
      if (cv_list_pane_select_record (self->pane, id))
        return;
    }
  /* Nor do its kind, its status or the words searched for hide it. */
  gtk_drop_down_set_selected (self->kind_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  cv_list_pane_clear_search (self->pane);
  refresh (self);
  cv_list_pane_select_record (self->pane, id);
}

static void
editor_saved_cb (CvSessionsView *self,
                 CvRecord       *record)
{
  keep_in_view (self, record);
}

/* The page beside the list never shows a session that is gone. */
static void
deleted_cb (CvSessionsView *self)
{
  if (cv_session_editor_get_id (self->editor) != NULL &&
      cv_store_rowid_of (self->store, "session", cv_session_editor_get_id (self->editor)) < 0)
    cv_session_editor_set_record (self->editor, NULL);
}

void
cv_sessions_view_delete_selected (CvSessionsView *self)
{
  g_return_if_fail (CV_IS_SESSIONS_VIEW (self));
  cv_list_pane_delete_selected (self->pane);
}

static void
upcoming_saved_cb (GtkNativeDialog *dialog,
                   int              response,
                   CvSessionsView  *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = cv_utc_now ();
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) sessions = cv_sessions_upcoming (self->store, self->programme_id, now, &error);
      guint left_out = 0;
      g_autofree char *ics = sessions != NULL ? cv_sessions_to_icalendar (self->store, sessions, now,
                                                                          &left_out, &error) : NULL;

      if ((ics == NULL || !cv_file_write_contents (file, ics, strlen (ics), &error)) && overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      else if (left_out > 0 && overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), cv_not_invited_toast (left_out));
    }
  g_object_unref (dialog);
}

static void
export_upcoming_cb (CvSessionsView *self)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Save Upcoming Sessions to a Calendar File"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("upcoming-sessions.ics"));
  g_signal_connect (dialog, "response", G_CALLBACK (upcoming_saved_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
folded_changed_cb (CvSessionsView *self)
{
  cv_session_editor_set_show_back (self->editor, cv_list_pane_get_folded (self->pane));
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CvSessionsView *self = CV_SESSIONS_VIEW (widget);

  /* TRANSLATORS: the name suggested for an exported list of sessions */
  cv_list_export_choose (widget, self->store, CV_CSV_SESSIONS, G_LIST_MODEL (self->list), _("sessions.csv"));
}

static void
export_programme_csv_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CvSessionsView *self = CV_SESSIONS_VIEW (widget);
  gboolean attendance = g_str_equal (action_name, "sessions.export-attendance-csv");

  if (self->programme_id == NULL)
    return;
  cv_list_export_programme_choose (widget, self->store, self->programme_id,
                                   attendance ? CV_CSV_ATTENDANCE : CV_CSV_CONTRIBUTIONS,
                                   /* TRANSLATORS: names suggested for exported lists */
                                   attendance ? _("attendance.csv") : _("contributions.csv"));
}

static void
cv_sessions_view_dispose (GObject *object)
{
  CvSessionsView *self = (CvSessionsView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_SESSIONS_VIEW);
  g_clear_object (&self->list);
  g_clear_object (&self->trash);
  g_clear_object (&self->store);
  g_clear_pointer (&self->programme_id, g_free);

  G_OBJECT_CLASS (cv_sessions_view_parent_class)->dispose (object);
}

static void
cv_sessions_view_class_init (CvSessionsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cv_sessions_view_dispose;

  g_type_ensure (CV_TYPE_SESSION_EDITOR);
  g_type_ensure (CV_TYPE_LIST_PANE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-sessions-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CvSessionsView, name)
  BIND (pane);
  BIND (when_filter);
  BIND (kind_filter);
  BIND (status_filter);
  BIND (column_view);
  BIND (title_column);
  BIND (kind_column);
  BIND (starts_column);
  BIND (location_column);
  BIND (status_column);
  BIND (editor);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, deleted_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_upcoming_cb);
  gtk_widget_class_bind_template_callback (widget_class, cv_sessions_view_new_session);
  gtk_widget_class_bind_template_callback (widget_class, editor_saved_cb);

  gtk_widget_class_install_action (widget_class, "sessions.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "sessions.export-attendance-csv", NULL,
                                   export_programme_csv_action);
  gtk_widget_class_install_action (widget_class, "sessions.export-contributions-csv", NULL,
                                   export_programme_csv_action);
}

static void
cv_sessions_view_init (CvSessionsView *self)
{
  g_autoptr(GtkStringList) when = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (when, _("Upcoming"));
  gtk_string_list_append (when, _("Past"));
  gtk_string_list_append (when, _("All Sessions"));
  gtk_drop_down_set_model (self->when_filter, G_LIST_MODEL (when));
  cv_choice_filter_fill (self->kind_filter, cv_record_type_find_field (CV_TYPE_SESSION, "kind"), _("All kinds"));
  cv_choice_filter_fill (self->status_filter, cv_record_type_find_field (CV_TYPE_SESSION, "status"), _("Any status"));

  cv_record_table_fit (self->column_view, NULL, self->title_column, self->starts_column,
                       self->status_column, self->kind_column, self->location_column, NULL);
  folded_changed_cb (self);
}

void
cv_sessions_view_set_store (CvSessionsView *self,
                            CvStore        *store,
                            CvTrash        *trash)
{
  g_return_if_fail (CV_IS_SESSIONS_VIEW (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->trash = g_object_ref (trash);
  cv_record_column_set_up (self->title_column, store, "title");
  cv_record_column_set_up (self->kind_column, store, "kind");
  cv_record_column_set_up (self->starts_column, store, "starts_at");
  cv_record_column_set_up (self->location_column, store, "location");
  cv_record_column_set_up (self->status_column, store, "status");
  self->list = cv_record_list_new (store, CV_TYPE_SESSION);
  cv_list_pane_set_model (self->pane, G_LIST_MODEL (self->list));
  cv_list_pane_set_trash (self->pane, trash);
  cv_session_editor_set_store (self->editor, store, trash);
}

void
cv_sessions_view_set_programme (CvSessionsView *self,
                                const char     *programme_id)
{
  g_return_if_fail (CV_IS_SESSIONS_VIEW (self));
  g_return_if_fail (self->store != NULL);

  if (g_strcmp0 (self->programme_id, programme_id) == 0)
    return;
  cv_session_editor_save_pending (self->editor);
  g_free (self->programme_id);
  self->programme_id = g_strdup (programme_id);
  cv_session_editor_set_programme (self->editor, programme_id);
  cv_session_editor_set_record (self->editor, NULL);
  cv_record_list_set_programme (self->list, programme_id);
  filter_changed_cb (self);
}

void
cv_sessions_view_new_session (CvSessionsView *self)
{
  g_autoptr(CvRecord) record = NULL;

  g_return_if_fail (CV_IS_SESSIONS_VIEW (self));

  if (self->programme_id == NULL)
    return;
  record = cv_record_new (CV_TYPE_SESSION);
  cv_record_set_string (record, "programme_id", self->programme_id);
  cv_list_pane_unselect_all (self->pane);
  cv_session_editor_set_record (self->editor, record);
  cv_list_pane_show_detail (self->pane);
  cv_session_editor_focus (self->editor);
}

void
cv_sessions_view_focus_search (CvSessionsView *self)
{
  g_return_if_fail (CV_IS_SESSIONS_VIEW (self));

  cv_list_pane_focus_search (self->pane);
}

void
cv_sessions_view_open (CvSessionsView *self,
                       const char     *session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) record = NULL;

  g_return_if_fail (CV_IS_SESSIONS_VIEW (self));

  record = cv_store_load (self->store, CV_TYPE_SESSION, session_id, &error);
  if (record == NULL)
    {
      cv_widget_report_error (GTK_WIDGET (self), "Could not open the session", error);
      return;
    }
  cv_session_editor_set_record (self->editor, record);
  /* Opened from a mention elsewhere (an action's "Agreed At"), a past
   * session is not left beside "No Upcoming Sessions". */
  keep_in_view (self, record);
  cv_list_pane_show_detail (self->pane);
}

void
cv_sessions_view_save_pending (CvSessionsView *self)
{
  g_return_if_fail (CV_IS_SESSIONS_VIEW (self));
  cv_session_editor_save_pending (self->editor);
}

/* Returns: (transfer none): the list as shown, for tests */
GListModel *
cv_sessions_view_get_model (CvSessionsView *self)
{
  g_return_val_if_fail (CV_IS_SESSIONS_VIEW (self), NULL);
  return cv_list_pane_get_model (self->pane);
}

/* The view contract */

/* A contribution opens on the page of the session it was said at. */
static void
as_view_open (CvView     *view,
              const char *table,
              const char *id)
{
  CvSessionsView *self = CV_SESSIONS_VIEW (view);
  g_autoptr(CvRecord) said = NULL;

  if (g_str_equal (table, "contribution"))
    {
      said = cv_store_load (self->store, CV_TYPE_CONTRIBUTION, id, NULL);
      if (said == NULL)
        return;
      id = cv_record_get_string (said, "session_id");
    }
  cv_sessions_view_open (self, id);
}

static void
as_view_set_store (CvView  *view,
                   CvStore *store,
                   CvTrash *trash)
{
  cv_sessions_view_set_store (CV_SESSIONS_VIEW (view), store, trash);
}

static void
as_view_set_programme (CvView     *view,
                       const char *programme_id)
{
  cv_sessions_view_set_programme (CV_SESSIONS_VIEW (view), programme_id);
}

static void
as_view_new_record (CvView *view)
{
  cv_sessions_view_new_session (CV_SESSIONS_VIEW (view));
}

static void
as_view_focus_search (CvView *view)
{
  cv_sessions_view_focus_search (CV_SESSIONS_VIEW (view));
}

static void
as_view_save_pending (CvView *view)
{
  cv_sessions_view_save_pending (CV_SESSIONS_VIEW (view));
}

static void
cv_sessions_view_view_init (CvViewInterface *iface)
{
  static const char * const tables[] = { "session", "contribution", NULL };

  iface->tables = tables;
  iface->set_store = as_view_set_store;
  iface->set_programme = as_view_set_programme;
  iface->open = as_view_open;
  iface->new_record = as_view_new_record;
  iface->focus_search = as_view_focus_search;
  iface->save_pending = as_view_save_pending;
}
