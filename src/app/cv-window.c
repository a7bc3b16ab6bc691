/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-programme.h"
#include "cv-programme-dialog.h"
#include "cv-sessions-view.h"
#include "cv-stakeholders-view.h"
#include "cv-window.h"

struct _CvWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  CvStore              *store;
  CvTrash              *trash;
  CvRecord             *programme;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  GtkMenuButton        *programme_button;
  GtkLabel             *programme_label;
  GtkPopover           *programme_popover;
  GtkListBox           *programme_list;
  GtkListBox           *view_list;
  AdwWindowTitle       *view_title;
  GtkStack             *view_stack;
  CvStakeholdersView   *stakeholders_view;
  CvSessionsView       *sessions_view;
};

G_DEFINE_FINAL_TYPE (CvWindow, cv_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_programme_actions (CvWindow *self)
{
  gboolean has = self->programme != NULL;
  gboolean closed = has && g_strcmp0 (cv_record_get_string (self->programme, "status"), "closed") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-programme", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-programme", has && !closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reopen-programme", closed);
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
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->programme_list))) != NULL)
    gtk_list_box_remove (self->programme_list, child);

  for (guint pass = 0; pass < 2; pass++)
    {
      const char *status = pass == 0 ? "active" : "closed";
      g_autoptr(GPtrArray) some = cv_store_list (self->store, CV_TYPE_PROGRAMME, "status", status, &error);

      if (some == NULL)
        {
          g_warning ("Could not list the programmes: %s", error->message);
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

static void
show_programme (CvWindow *self)
{
  const char *name;

  update_programme_actions (self);
  if (self->programme == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      g_settings_set_string (self->settings, "last-programme", "");
      return;
    }

  name = cv_record_get_string (self->programme, "name");
  gtk_label_set_text (self->programme_label, name);
  adw_window_title_set_subtitle (self->view_title, name);
  gtk_window_set_title (GTK_WINDOW (self), name);
  g_settings_set_string (self->settings, "last-programme", cv_record_get_id (self->programme));
  cv_stakeholders_view_set_programme (self->stakeholders_view, cv_record_get_id (self->programme));
  cv_sessions_view_set_programme (self->sessions_view, cv_record_get_id (self->programme));
  reload_programme_list (self);
  gtk_stack_set_visible_child_name (self->main_stack, "programme");
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

void
cv_window_show_view (CvWindow   *self,
                     const char *name)
{
  GtkStackPage *page;

  g_return_if_fail (CV_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->view_stack, name);
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
static gboolean
showing_sessions (CvWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "sessions") == 0;
}

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
  if (showing_sessions (self))
    {
      cv_sessions_view_new_session (self->sessions_view);
      return;
    }
  cv_window_show_view (self, "stakeholders");
  cv_stakeholders_view_new_stakeholder (self->stakeholders_view);
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
  if (showing_sessions (self))
    {
      cv_sessions_view_focus_search (self->sessions_view);
      return;
    }
  cv_window_show_view (self, "stakeholders");
  cv_stakeholders_view_focus_search (self->stakeholders_view);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CvWindow *self = CV_WINDOW (widget);
  g_autoptr(GError) error = NULL;

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
    cv_window_set_programme (self, cv_record_get_id (self->programme));
  else
    reload_programme_list (self);
}

static void
open_store (CvWindow *self)
{
  g_autoptr(GError) error = NULL;
  CvApplication *app = CV_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autofree char *last = NULL;

  self->store = cv_application_get_store (app, &error);
  if (self->store == NULL)
    {
      g_autofree char *description =
        g_strdup_printf (_("%s\n\nThe file is %s. Nothing in it has been changed."),
                         error->message, cv_application_get_database_path (app));
      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-programme", FALSE);
      return;
    }
  g_object_ref (self->store);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  self->trash = cv_trash_new (self->store);
  cv_stakeholders_view_set_store (self->stakeholders_view, self->store, self->trash);
  cv_sessions_view_set_store (self->sessions_view, self->store, self->trash);

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

  cv_stakeholders_view_save_pending (self->stakeholders_view);
  cv_sessions_view_save_pending (self->sessions_view);

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
  g_clear_object (&self->trash);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cv_window_parent_class)->dispose (object);
}

static void
cv_window_class_init (CvWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cv_window_dispose;
  window_class->close_request = cv_window_close_request;

  g_type_ensure (CV_TYPE_STAKEHOLDERS_VIEW);
  g_type_ensure (CV_TYPE_SESSIONS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CvWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CvWindow, leaflet);
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

  gtk_widget_class_install_action (widget_class, "win.new-programme", NULL, new_programme_action);
  gtk_widget_class_install_action (widget_class, "win.rename-programme", NULL, rename_programme_action);
  gtk_widget_class_install_action (widget_class, "win.close-programme", NULL, close_programme_action);
  gtk_widget_class_install_action (widget_class, "win.reopen-programme", NULL, reopen_programme_action);
  gtk_widget_class_install_action (widget_class, "win.new-record", NULL, new_record_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  /* Import and the sample programme arrive with the exchange format. */
  gtk_widget_class_install_action (widget_class, "win.import", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, NULL);
}

static void
cv_window_init (CvWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-sample", FALSE);

  build_view_list (self);
  g_signal_connect_object (self->view_list, "row-activated", G_CALLBACK (view_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->programme_list, "row-activated",
                           G_CALLBACK (programme_row_activated_cb), self, G_CONNECT_SWAPPED);
  cv_window_show_view (self, "stakeholders");
}

CvWindow *
cv_window_new (CvApplication *application)
{
  CvWindow *self = g_object_new (CV_TYPE_WINDOW, "application", application, NULL);

  open_store (self);
  return self;
}
