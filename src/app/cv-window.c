/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-contribution.h"
#include "cv-duplicates.h"
#include "cv-exchange.h"
#include "cv-programme.h"
#include "cv-programme-dialog.h"
#include "cv-progress-dialog.h"
#include "cv-actions-view.h"
#include "cv-guides-view.h"
#include "cv-measures-view.h"
#include "cv-overview-view.h"
#include "cv-sessions-view.h"
#include "cv-themes-view.h"
#include "cv-stakeholders-view.h"
#include "cv-view.h"
#include "cv-window.h"
#include "cv-widgets.h"

struct _CvWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  CvStore              *store;          /* NULL when it could not be opened */
  char                 *store_problem;  /* why, when it could not */
  CvTrash              *trash;
  CvRecord             *programme;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkWidget            *new_programme_button;
  GtkWidget            *read_only_banner;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_button;
  GtkWidget            *content;
  GtkMenuButton        *programme_button;
  GtkLabel             *programme_label;
  GtkPopover           *programme_popover;
  GtkListBox           *programme_list;
  GtkListBox           *view_list;
  AdwWindowTitle       *view_title;
  GtkStack             *view_stack;
  CvStakeholdersView   *stakeholders_view;   /* for tests: child () by name */
  CvSessionsView       *sessions_view;
  CvActionsView        *actions_view;
  CvThemesView         *themes_view;
  CvMeasuresView       *measures_view;
  CvGuidesView         *guides_view;
  CvOverviewView       *overview_view;

  /* Where "Back" (Alt+Left) goes: the places left by following a mention,
   * each a strv { view, table, id } (table and id may be missing). */
  GPtrArray            *history;
  GStrv                 here;
};

G_DEFINE_FINAL_TYPE (CvWindow, cv_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_STORE_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_programme_actions (CvWindow *self)
{
  gboolean has = self->programme != NULL;
  gboolean closed = has && g_strcmp0 (cv_record_get_string (self->programme, "status"), "closed") == 0;

  gboolean writable = self->store != NULL && !cv_database_is_read_only (cv_store_get_database (self->store));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-programme", has && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-programme", has && !closed && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reopen-programme", closed && writable);
}

static void
programme_row_activated_cb (CvWindow      *self,
                            GtkListBoxRow *row)
{
  gtk_popover_popdown (self->programme_popover);
  cv_window_set_programme (self, g_object_get_data (G_OBJECT (row), "programme-id"));
}

/* The switcher lists every programme; closed ones say so. */
static void
reload_programme_list (CvWindow *self)
{
  g_autoptr(GError) error = NULL;

  cv_list_box_clear (self->programme_list);

  for (guint pass = 0; pass < 2; pass++)
    {
      const char *status = pass == 0 ? "active" : "closed";
      g_autoptr(GPtrArray) some = cv_store_list (self->store, CV_TYPE_PROGRAMME, "status", status, &error);

      if (some == NULL)
        {
          cv_widget_report_error (GTK_WIDGET (self), "Could not list the programmes", error);
          return;
        }
      for (guint i = 0; i < some->len; i++)
        {
          CvRecord *programme = g_ptr_array_index (some, i);
          GtkWidget *row = adw_action_row_new ();
          const char *locality = cv_record_get_string (programme, "locality");

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cv_record_get_string (programme, "name"));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          if (pass == 1)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Closed"));
          else if (locality != NULL)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), locality);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "programme-id",
                                  g_strdup (cv_record_get_id (programme)), g_free);
          if (self->programme != NULL &&
              g_str_equal (cv_record_get_id (programme), cv_record_get_id (self->programme)))
            adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                       gtk_image_new_from_icon_name ("object-select-symbolic"));
          gtk_list_box_append (self->programme_list, row);
        }
    }
}

/* Only the view on screen follows the programme; the others catch up when
 * they are shown, so that opening a large programme queries one view, not
 * all of them. */
static void
show_programme_in_view (CvWindow *self)
{
  GtkWidget *view = gtk_stack_get_visible_child (self->view_stack);
  const char *id;

  if (self->programme == NULL || view == NULL)
    return;
  id = cv_record_get_id (self->programme);
  cv_view_set_programme (CV_VIEW (view), id);
}

/* As the programme's page replaces the welcome page, the focus goes to the
 * list of views, on the one showing: the first useful control, rather than
 * the first one the stack finds (the programme switcher at the top). */
static void
focus_first_control (CvWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->view_list);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
show_programme (CvWindow *self)
{
  const char *name;
  gboolean was_showing;

  update_programme_actions (self);
  if (self->programme == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      g_settings_set_string (self->settings, "last-programme", "");
      /* The first thing a person can do, not the main menu before it. */
      gtk_widget_grab_focus (self->new_programme_button);
      return;
    }

  name = cv_record_get_string (self->programme, "name");
  gtk_label_set_text (self->programme_label, name);
  adw_window_title_set_subtitle (self->view_title, name);
  gtk_window_set_title (GTK_WINDOW (self), name);
  g_settings_set_string (self->settings, "last-programme", cv_record_get_id (self->programme));
  show_programme_in_view (self);
  reload_programme_list (self);
  was_showing = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "programme") == 0;
  gtk_stack_set_visible_child_name (self->main_stack, "programme");
  if (!was_showing)
    focus_first_control (self);
}

void
cv_window_set_programme (CvWindow   *self,
                         const char *programme_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CV_IS_WINDOW (self));

  g_clear_object (&self->programme);
  if (programme_id != NULL && *programme_id != '\0')
    {
      self->programme = cv_store_load (self->store, CV_TYPE_PROGRAMME, programme_id, &error);
      if (self->programme == NULL)
        g_debug ("Programme %s is gone: %s", programme_id, error->message);
    }
  show_programme (self);
}

const char *
cv_window_get_programme_id (CvWindow *self)
{
  g_return_val_if_fail (CV_IS_WINDOW (self), NULL);
  return self->programme != NULL ? cv_record_get_id (self->programme) : NULL;
}

/* The view's own list/page leaflet, when it has one. */
static AdwLeaflet *
inner_leaflet (GtkWidget *view)
{
  GObject *leaflet;

  if (view == NULL)
    return NULL;
  leaflet = gtk_widget_get_template_child (view, G_OBJECT_TYPE (view), "leaflet");
  return ADW_IS_LEAFLET (leaflet) ? ADW_LEAFLET (leaflet) : NULL;
}

/* One back arrow at a time in a narrow window: while a view shows a record's
 * page, its own arrow goes back to the list, and the window's arrow back to
 * the views appears once the list is showing. */
static void
update_sidebar_button (CvWindow *self)
{
  AdwLeaflet *inner = inner_leaflet (gtk_stack_get_visible_child (self->view_stack));
  gboolean page_open = inner != NULL && adw_leaflet_get_folded (inner) &&
                       adw_leaflet_get_adjacent_child (inner, ADW_NAVIGATION_DIRECTION_BACK) != NULL;

  gtk_widget_set_visible (self->sidebar_button, adw_leaflet_get_folded (self->leaflet) && !page_open);
}

void
cv_window_show_view (CvWindow   *self,
                     const char *name)
{
  GtkStackPage *page;

  g_return_if_fail (CV_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->view_stack, name);
  show_programme_in_view (self);
  update_sidebar_button (self);
  page = gtk_stack_get_page (self->view_stack, gtk_stack_get_visible_child (self->view_stack));
  adw_window_title_set_title (self->view_title, gtk_stack_page_get_title (page));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->view_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "view"), name) == 0)
      gtk_list_box_select_row (self->view_list, GTK_LIST_BOX_ROW (row));
}

static void
view_row_activated_cb (CvWindow      *self,
                       GtkListBoxRow *row)
{
  cv_window_show_view (self, g_object_get_data (G_OBJECT (row), "view"));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Ctrl+1 to Ctrl+9: the views in the order of the sidebar, with the focus
 * on the view's first control, as a person would reach it by the sidebar. */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CvWindow *self = CV_WINDOW (widget);
  int index = g_variant_get_int32 (parameter);
  GtkWidget *view = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));

  for (; view != NULL && index > 0; index--)
    view = gtk_widget_get_next_sibling (view);
  if (view == NULL || self->programme == NULL)
    return;
  cv_window_show_view (self, gtk_stack_page_get_name (gtk_stack_get_page (self->view_stack, view)));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  view = gtk_stack_get_visible_child (self->view_stack);
  if (view != NULL && !gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (view);
}

/* The sidebar lists the pages of the view stack, so the two cannot disagree. */
static void
build_view_list (CvWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkStackPage *page = gtk_stack_get_page (self->view_stack, child);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page)));
      gtk_box_append (GTK_BOX (box), gtk_label_new (gtk_stack_page_get_title (page)));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "view", g_strdup (gtk_stack_page_get_name (page)), g_free);
      gtk_list_box_append (self->view_list, row);
    }
}

static void
programme_saved_cb (CvWindow          *self,
                    CvRecord          *programme,
                    CvProgrammeDialog *dialog)
{
  cv_window_set_programme (self, cv_record_get_id (programme));
}

static void
new_programme_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CvWindow *self = CV_WINDOW (widget);
  CvProgrammeDialog *dialog = cv_programme_dialog_new (GTK_WINDOW (self), self->store, NULL);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (programme_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_programme_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CvWindow *self = CV_WINDOW (widget);
  CvProgrammeDialog *dialog;

  g_return_if_fail (self->programme != NULL);

  dialog = cv_programme_dialog_new (GTK_WINDOW (self), self->store, self->programme);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (programme_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_programme_status (CvWindow   *self,
                      const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) programme = cv_record_copy (self->programme);
  g_autofree char *message = NULL;

  cv_record_set_string (programme, "status", status);
  if (!cv_store_update (self->store, programme, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  cv_window_set_programme (self, cv_record_get_id (programme));
  if (g_str_equal (status, "closed"))
    {
      AdwToast *toast;

      message = g_strdup_printf (_("“%s” is closed. Its records are kept."),
                                 cv_record_get_string (programme, "name"));
      toast = adw_toast_new (message);
      adw_toast_set_button_label (toast, _("_Reopen"));
      adw_toast_set_action_name (toast, "win.reopen-programme");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
close_programme_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  set_programme_status (CV_WINDOW (widget), "closed");
}

static void
reopen_programme_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  set_programme_status (CV_WINDOW (widget), "active");
}

/* Ctrl+N and Ctrl+F act on the view shown; views without records of their
 * own yet go to the stakeholders. */
static void
new_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CvWindow *self = CV_WINDOW (widget);

  if (self->programme == NULL)
    {
      gtk_widget_activate_action (widget, "win.new-programme", NULL);
      return;
    }
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  /* Where the view adds nothing of its own: a stakeholder, whom the rest names. */
  if (!cv_view_new_record (CV_VIEW (gtk_stack_get_visible_child (self->view_stack))))
    {
      cv_window_show_view (self, "stakeholders");
      cv_view_new_record (CV_VIEW (gtk_stack_get_visible_child (self->view_stack)));
    }
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CvWindow *self = CV_WINDOW (widget);

  if (self->programme == NULL)
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  if (!cv_view_focus_search (CV_VIEW (gtk_stack_get_visible_child (self->view_stack))))
    {
      cv_window_show_view (self, "stakeholders");
      cv_view_focus_search (CV_VIEW (gtk_stack_get_visible_child (self->view_stack)));
    }
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CvWindow *self = CV_WINDOW (widget);
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  /* In a text of several lines (what was said, notes, outcomes…), Ctrl+Z
   * undoes the typing there first, as in any editor; then what was deleted. */
  if (focus != NULL && GTK_IS_TEXT_VIEW (focus) &&
      gtk_text_buffer_get_can_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus))))
    {
      gtk_text_buffer_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)));
      return;
    }
  if (self->trash != NULL && !cv_trash_undo (self->trash, &error) && error != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_leaflet_navigate (CV_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Sharing: the core imports and exports on a worker thread; the window
 * shows how far it has got, and what came of it. */

typedef struct
{
  CvWindow         *window;
  GFile            *file;     /* the file written or read, if any */
  CvProgressDialog *dialog;
} Sharing;

static Sharing *
sharing_new (CvWindow   *self,
             GFile      *file,
             const char *title)
{
  Sharing *sharing = g_new0 (Sharing, 1);

  sharing->window = g_object_ref (self);
  sharing->file = file != NULL ? g_object_ref (file) : NULL;
  sharing->dialog = g_object_ref_sink (cv_progress_dialog_new (GTK_WINDOW (self), title));
  gtk_window_present (GTK_WINDOW (sharing->dialog));
  return sharing;
}

static void
sharing_free (Sharing *sharing)
{
  gtk_window_destroy (GTK_WINDOW (sharing->dialog));
  g_object_unref (sharing->dialog);
  g_clear_object (&sharing->file);
  g_object_unref (sharing->window);
  g_free (sharing);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sharing, sharing_free)

static void
show_message (CvWindow   *self,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = cv_message_dialog_new (GTK_WINDOW (self), heading, body, "close", "close",
                                             "close", _("_Close"), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
review_duplicates_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               CvWindow         *self)
{
  if (g_str_equal (response, "review"))
    cv_window_open_record (self, "duplicates", NULL);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Sharing) sharing = user_data;
  CvWindow *self = sharing->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(CvImportSummary) summary = cv_exchange_import_finish (CV_STORE (source), result, &error);
  g_autofree char *text = NULL;
  guint n_already;

  if (summary == NULL)
    {
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_toast_overlay_add_toast (self->toast_overlay,
                                       adw_toast_new (_("Import stopped. Nothing was changed.")));
          return;
        }
      body = g_strdup_printf (_("%s\n\nNothing in your database was changed."), error->message);
      show_message (self, _("Could Not Import"), body);
      return;
    }

  cv_window_set_programme (self, cv_import_summary_get_programme_id (summary));
  n_already = cv_import_summary_get_possible_duplicates (summary);
  if (n_already > 0)
    {
      g_autofree char *summary_text = sharing->file != NULL ? cv_import_summary_describe (summary) : NULL;
      g_autofree char *already = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u person may already be in the register under "
                                                               "another id. Review them, to merge or to say they "
                                                               "are not the same person.",
                                                               "%u people may already be in the register under "
                                                               "another id. Review them, to merge or to say they "
                                                               "are not the same people.", n_already),
                                                  n_already);
      GtkWidget *dialog;

      text = summary_text != NULL ? g_strdup_printf ("%s\n\n%s", summary_text, already) : g_strdup (already);
      dialog = cv_message_dialog_new (GTK_WINDOW (self), _("Import Finished"), text, "review", "close",
                                      "close", _("_Close"), "review", _("_Review Possible Duplicates"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "review", ADW_RESPONSE_SUGGESTED);
      g_signal_connect_object (dialog, "response", G_CALLBACK (review_duplicates_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (sharing->file != NULL)
    {
      text = cv_import_summary_describe (summary);
      show_message (self, _("Import Finished"), text);
    }
  g_signal_emit_by_name (self, "imported", cv_import_summary_get_programme_id (summary));
}

static void
start_import (CvWindow *self,
              GFile    *file,
              GBytes   *data)
{
  Sharing *sharing = sharing_new (self, file, _("Importing…"));

  cv_exchange_import_async (self->store, file, data, cv_progress_dialog_report, sharing->dialog,
                            cv_progress_dialog_get_cancellable (sharing->dialog), import_done_cb, sharing);
}

/**
 * cv_window_import_file:
 *
 * Imports @file on a worker thread; on success the window shows the programme.
 */
void
cv_window_import_file (CvWindow *self,
                       GFile    *file)
{
  g_return_if_fail (CV_IS_WINDOW (self));
  start_import (self, file, NULL);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Sharing) sharing = user_data;
  CvWindow *self = sharing->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!cv_exchange_export_finish (CV_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Export stopped. No file was written.")));
      else
        show_message (self, _("Could Not Export"), error->message);
      return;
    }
  name = g_file_get_basename (sharing->file);
  message = g_strdup_printf (_("Saved “%s”"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  g_signal_emit_by_name (self, "exported", sharing->file);
}

/**
 * cv_window_export_file:
 *
 * Writes the programme shown to @file on a worker thread.
 */
void
cv_window_export_file (CvWindow     *self,
                       CvExportKind  kind,
                       GFile        *file)
{
  Sharing *sharing;

  g_return_if_fail (CV_IS_WINDOW (self));
  g_return_if_fail (self->programme != NULL);

  sharing = sharing_new (self, file, _("Exporting…"));
  cv_exchange_export_async (self->store, cv_record_get_id (self->programme), kind, file, cv_progress_dialog_report,
                            sharing->dialog, cv_progress_dialog_get_cancellable (sharing->dialog), export_done_cb,
                            sharing);
}

static void
import_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  CvWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      cv_window_import_file (self, file);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CvWindow *self = CV_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import a Programme"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Convene programme files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GBytes) sample = g_resources_lookup_data ("/io/github/convene/Convene/sample-programme.json",
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_return_if_fail (sample != NULL);
  start_import (CV_WINDOW (widget), NULL, sample);
}

static void
export_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  CvWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      CvExportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind"));

      cv_window_export_file (self, kind, file);
    }
  g_object_unref (chooser);
}

static void
choose_export_file (CvWindow     *self,
                    CvExportKind  kind)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (kind == CV_EXPORT_FULL ? _("Save a Full Backup") : _("Export for Partners"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf (kind == CV_EXPORT_FULL ? _("%s (full backup).json") : _("%s.json"),
                          cv_record_get_string (self->programme, "name"));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "kind", GINT_TO_POINTER (kind));
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_kind_chosen_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CvWindow         *self)
{
  if (g_str_equal (response, "partner"))
    choose_export_file (self, CV_EXPORT_PARTNER);
  else if (g_str_equal (response, "full"))
    choose_export_file (self, CV_EXPORT_FULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CvWindow *self = CV_WINDOW (widget);
  GtkWidget *dialog;
  g_autoptr(GError) error = NULL;
  g_autofree char *partner = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (self->programme != NULL);

  partner = cv_exchange_describe_partner_export (self->store, cv_record_get_id (self->programme), &error);
  if (partner == NULL)
    {
      cv_widget_report_error (widget, "Could not describe the partner export", error);
      return;
    }
  body = g_strdup_printf ("%s\n\n%s", partner,
                          _("A full backup holds everything, personal data included. Keep it as safe "
                            "as this computer and never send it to partners."));
  dialog = cv_message_dialog_new (GTK_WINDOW (self), _("Export the Programme"), body, "partner", "cancel",
                                  "cancel", _("_Cancel"),
                                  "full", _("_Full Backup…"),
                                  "partner", _("Export for _Partners…"),
                                  NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "full", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "partner", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_kind_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows a record in its own view, or a view filtered to a kind of record. */
static void
show_record (CvWindow   *self,
             const char *table,
             const char *id)
{
  if (g_str_equal (table, "view"))
    {
      cv_window_show_view (self, id);
      return;
    }
  for (GtkWidget *view = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack)); view != NULL;
       view = gtk_widget_get_next_sibling (view))
    if (cv_view_opens (CV_VIEW (view), table))
      {
        cv_window_show_view (self, gtk_stack_page_get_name (gtk_stack_get_page (self->view_stack, view)));
        cv_view_open (CV_VIEW (view), table, id);
        return;
      }
  g_warning ("No view opens a %s", table);
}

static GStrv
place_new (const char *view,
           const char *table,
           const char *id)
{
  GStrv place = g_new0 (char *, 4);

  place[0] = g_strdup (view != NULL ? view : "overview");
  place[1] = g_strdup (table);
  place[2] = table != NULL ? g_strdup (id) : NULL;
  return place;
}

/* Every record named on a page opens in its view, and Back comes here again. */
static void
open_record_cb (CvWindow   *self,
                const char *table,
                const char *id)
{
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);

  /* Reached through the sidebar rather than a mention: the view is the place. */
  if (self->here == NULL || g_strcmp0 (self->here[0], view) != 0)
    {
      g_clear_pointer (&self->here, g_strfreev);
      self->here = place_new (view, NULL, NULL);
    }
  g_ptr_array_add (self->history, g_steal_pointer (&self->here));
  show_record (self, table, id);
  /* In a narrow window the record, not the sidebar, is what was asked for. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  self->here = place_new (gtk_stack_get_visible_child_name (self->view_stack), table, id);
  /* Nothing of the page's first field selected for a stray key to replace. */
  cv_focus_keep_text (GTK_WIDGET (self));
}

static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *table, *id;

  g_variant_get (parameter, "(&s&s)", &table, &id);
  open_record_cb (CV_WINDOW (widget), table, id);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CvWindow *self = CV_WINDOW (widget);
  char **there;

  if (self->history->len == 0)
    return;
  there = g_ptr_array_steal_index (self->history, self->history->len - 1);
  if (there[1] != NULL && there[2] != NULL)
    show_record (self, there[1], there[2]);
  else
    cv_window_show_view (self, there[0]);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  g_clear_pointer (&self->here, g_strfreev);
  self->here = there;
  /* Nothing of the page's first field selected for a stray key to replace. */
  cv_focus_keep_text (GTK_WIDGET (self));
}

/* Alt+Left goes back in one press wherever the focus is: a window's
 * binding comes after the focused widget's own keys, and a text field or a
 * leaflet takes Alt+Left first. With nowhere to go back to, the key goes
 * on to them. */
static gboolean
go_back_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  CvWindow *self = CV_WINDOW (widget);

  if (self->history->len == 0)
    return FALSE;
  gtk_widget_activate_action (widget, "win.go-back", NULL);
  return TRUE;
}

/**
 * cv_window_open_record:
 * @table: the kind of record ("session", "action", …), or "view" with a view's name as @id
 *
 * Opens a record in its view, as following a mention of it does; Back returns.
 */
void
cv_window_open_record (CvWindow   *self,
                       const char *table,
                       const char *id)
{
  g_return_if_fail (CV_IS_WINDOW (self));
  open_record_cb (self, table, id);
}

static void
store_changed_cb (CvWindow   *self,
                  const char *table,
                  const char *id,
                  CvStore    *store)
{
  if (!g_str_equal (table, "programme"))
    return;
  /* No id: many programmes changed at once (an import). */
  if (self->programme != NULL && (id == NULL || g_str_equal (id, cv_record_get_id (self->programme))))
    {
      /* A copy: setting the programme frees the record its id is read from. */
      g_autofree char *current = g_strdup (cv_record_get_id (self->programme));

      cv_window_set_programme (self, current);
    }
  else
    reload_programme_list (self);
}

/* The store was given at construction; without one, the window says why
 * (the problem, as the application found it) and offers nothing to do. */
static void
open_store (CvWindow *self)
{
  g_autofree char *last = NULL;

  if (self->store == NULL)
    {
      adw_status_page_set_description (self->error_page, self->store_problem);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-programme", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-sample", FALSE);
      return;
    }
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  if (cv_database_is_read_only (cv_store_get_database (self->store)))
    {
      /* Everything can be seen and exported; nothing offers to change it. */
      gtk_widget_set_visible (self->read_only_banner, TRUE);
      for (const char * const *name = (const char * const[]) { "win.new-programme", "win.import", "win.open-sample",
                                                               "win.new-record", "win.undo", NULL };
           *name != NULL; name++)
        gtk_widget_action_set_enabled (GTK_WIDGET (self), *name, FALSE);
    }
  self->trash = cv_trash_new (self->store);
  for (GtkWidget *view = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack)); view != NULL;
       view = gtk_widget_get_next_sibling (view))
    cv_view_set_store (CV_VIEW (view), self->store, self->trash);

  last = g_settings_get_string (self->settings, "last-programme");
  cv_window_set_programme (self, last);
  if (self->programme == NULL)
    {
      g_autoptr(GPtrArray) active = cv_store_list (self->store, CV_TYPE_PROGRAMME, "status", "active", NULL);

      if (active != NULL && active->len > 0)
        cv_window_set_programme (self, cv_record_get_id (g_ptr_array_index (active, 0)));
    }
}

static gboolean
cv_window_close_request (GtkWindow *window)
{
  CvWindow *self = CV_WINDOW (window);
  int width, height;

  for (GtkWidget *view = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack)); view != NULL;
       view = gtk_widget_get_next_sibling (view))
    cv_view_save_pending (CV_VIEW (view));

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (cv_window_parent_class)->close_request (window);
}

static void
cv_window_dispose (GObject *object)
{
  CvWindow *self = (CvWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_WINDOW);
  g_clear_object (&self->programme);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->here, g_strfreev);
  g_clear_object (&self->trash);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->store_problem, g_free);

  G_OBJECT_CLASS (cv_window_parent_class)->dispose (object);
}

static void
cv_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CvWindow *self = CV_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_STORE_PROBLEM:
      self->store_problem = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cv_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CvWindow *self = CV_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STORE_PROBLEM:
      g_value_set_string (value, self->store_problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cv_window_constructed (GObject *object)
{
  G_OBJECT_CLASS (cv_window_parent_class)->constructed (object);
  open_store (CV_WINDOW (object));
}

static void
cv_window_class_init (CvWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cv_window_dispose;
  object_class->set_property = cv_window_set_property;
  object_class->get_property = cv_window_get_property;
  object_class->constructed = cv_window_constructed;
  window_class->close_request = cv_window_close_request;

  /**
   * CvWindow:store:
   *
   * The open database every view shows, or %NULL when it could not be
   * opened (the window then shows #CvWindow:store-problem).
   */
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, CV_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * CvWindow:store-problem:
   *
   * Why the database could not be opened, for the person, when there is
   * no #CvWindow:store.
   */
  properties[PROP_STORE_PROBLEM] = g_param_spec_string ("store-problem", NULL, NULL, NULL,
                                                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                        G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CV_TYPE_STAKEHOLDERS_VIEW);
  g_type_ensure (CV_TYPE_SESSIONS_VIEW);
  g_type_ensure (CV_TYPE_ACTIONS_VIEW);
  g_type_ensure (CV_TYPE_THEMES_VIEW);
  g_type_ensure (CV_TYPE_MEASURES_VIEW);
  g_type_ensure (CV_TYPE_OVERVIEW_VIEW);
  g_type_ensure (CV_TYPE_GUIDES_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CvWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, new_programme_button);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, content);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, programme_button);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, programme_popover);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, programme_label);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, programme_list);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, view_list);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, view_title);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, stakeholders_view);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, sessions_view);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, actions_view);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, themes_view);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, measures_view);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, overview_view);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, guides_view);
  gtk_widget_class_bind_template_callback (widget_class, open_record_cb);

  gtk_widget_class_install_action (widget_class, "win.new-programme", NULL, new_programme_action);
  gtk_widget_class_install_action (widget_class, "win.rename-programme", NULL, rename_programme_action);
  gtk_widget_class_install_action (widget_class, "win.close-programme", NULL, close_programme_action);
  gtk_widget_class_install_action (widget_class, "win.reopen-programme", NULL, reopen_programme_action);
  gtk_widget_class_install_action (widget_class, "win.new-record", NULL, new_record_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.open-record", "(ss)", open_record_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "i", show_view_action);
  for (int i = 0; i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK, "win.show-view", "i", i);

  /**
   * CvWindow::imported:
   * @programme_id: the programme imported
   */
  g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CvWindow::exported:
   * @file: the file written
   */
  g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, G_TYPE_FILE);
}

static void
cv_window_init (CvWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));


  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Left, GDK_ALT_MASK),
                                                            gtk_callback_action_new (go_back_shortcut_cb, NULL, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  build_view_list (self);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_sidebar_button),
                           self, G_CONNECT_SWAPPED);
  for (GtkWidget *view = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       view != NULL; view = gtk_widget_get_next_sibling (view))
    {
      AdwLeaflet *inner = inner_leaflet (view);

      if (inner == NULL)
        continue;
      g_signal_connect_object (inner, "notify::folded", G_CALLBACK (update_sidebar_button),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inner, "notify::visible-child", G_CALLBACK (update_sidebar_button),
                               self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->view_list, "row-activated", G_CALLBACK (view_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->programme_list, "row-activated",
                           G_CALLBACK (programme_row_activated_cb), self, G_CONNECT_SWAPPED);
  /* A programme opens at a glance; the sidebar's first row. */
  cv_window_show_view (self, "overview");
}

CvWindow *
cv_window_new (GtkApplication *application,
               CvStore        *store,
               const char     *problem)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || CV_IS_STORE (store), NULL);

  return g_object_new (CV_TYPE_WINDOW, "application", application, "store", store, "store-problem", problem, NULL);
}
