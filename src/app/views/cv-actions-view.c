/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The action tracker: every action of the programme, with what is overdue
 * standing out (in words as well as colour), beside the page of the action
 * chosen. Searching, filtering and sorting are done by the core's list model.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cv-list-export.h"
#include "cv-list-pane.h"
#include "cv-record-column.h"
#include "cv-record-list.h"
#include "cv-action.h"
#include "cv-action-editor.h"
#include "cv-stakeholder-chooser.h"
#include "cv-actions-view.h"
#include "cv-view.h"
#include "cv-format.h"
#include "cv-theme.h"
#include "cv-widgets.h"

struct _CvActionsView
{
  GtkWidget            parent_instance;

  CvStore             *store;
  CvTrash             *trash;
  char                *programme_id;
  CvRecordList        *list;

  CvListPane          *pane;
  GtkToggleButton     *overdue_toggle;
  GtkDropDown         *theme_filter;
  GPtrArray           *theme_ids;   /* the theme filter's choices, after "All themes" */
  char                *owner_id;    /* filters, or NULL for anyone */
  char                *organisation_id;
  GtkMenuButton        *owner_filter;
  GtkMenuButton        *organisation_filter;
  CvStakeholderChooser *owner_filter_chooser;
  CvStakeholderChooser *organisation_filter_chooser;
  GtkDropDown         *status_filter;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *owner_column;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *themes_column;
  GtkColumnViewColumn *updated_column;
  CvActionEditor     *editor;
};

static void cv_actions_view_view_init (CvViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CvActionsView, cv_actions_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CV_TYPE_VIEW, cv_actions_view_view_init))

static const CvField *
action_field (const char *name)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (CV_TYPE_ACTION);

  return cv_record_kind_find_field (CV_RECORD_CLASS (klass)->kind, name);
}

/* A county's 200,000 actions are searched, filtered and sorted on a worker
 * thread; a newer refresh cancels an older one. */
static void
refresh (CvActionsView *self)
{
  cv_list_pane_refresh (self->pane);
}

/* Overdue: due before today (the person's day) and neither done nor dropped. */
static void
filter_changed_cb (CvActionsView *self)
{
  static const char *finished[] = { "done", "dropped", NULL };
  g_autofree char *today = cv_today ();
  guint theme = gtk_drop_down_get_selected (self->theme_filter);
  gboolean overdue = gtk_toggle_button_get_active (self->overdue_toggle);

  if (self->list == NULL)
    return;
  cv_record_list_set_filter (self->list, "status",
                             cv_choice_filter_get (self->status_filter, cv_record_type_find_field (CV_TYPE_ACTION, "status")));
  cv_record_list_set_filter (self->list, "themes",
                             theme > 0 && self->theme_ids != NULL && theme - 1 < self->theme_ids->len
                               ? g_ptr_array_index (self->theme_ids, theme - 1) : NULL);
  cv_record_list_set_filter (self->list, "owner_id", self->owner_id);
  cv_record_list_set_filter (self->list, "organisation_id", self->organisation_id);
  cv_record_list_set_range (self->list, overdue ? "due_on" : NULL, NULL, overdue ? today : NULL);
  cv_record_list_set_excluded (self->list, overdue ? "status" : NULL, overdue ? finished : NULL);
  refresh (self);
}

static void
show_people_filters (CvActionsView *self)
{
  g_autofree char *owner = cv_store_get_display_name (self->store, "stakeholder", self->owner_id);
  g_autofree char *organisation = cv_store_get_display_name (self->store, "stakeholder", self->organisation_id);

  gtk_menu_button_set_label (self->owner_filter, owner != NULL ? owner : _("Anyone"));
  gtk_menu_button_set_label (self->organisation_filter, organisation != NULL ? organisation : _("Any organisation"));
}

static void
set_people_filter (CvActionsView  *self,
                   char          **slot,
                   const char     *id)
{
  g_free (*slot);
  *slot = g_strdup (id);
  show_people_filters (self);
  filter_changed_cb (self);
}

static void
owner_filter_cb (CvActionsView *self,
                 const char    *id)
{
  set_people_filter (self, &self->owner_id, id);
}

static void
owner_filter_clear_cb (CvActionsView *self)
{
  set_people_filter (self, &self->owner_id, NULL);
}

static void
organisation_filter_cb (CvActionsView *self,
                        const char    *id)
{
  set_people_filter (self, &self->organisation_id, id);
}

static void
organisation_filter_clear_cb (CvActionsView *self)
{
  set_people_filter (self, &self->organisation_id, NULL);
}

static void
reload_themes (CvActionsView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) themes = NULL;

  g_clear_pointer (&self->theme_ids, g_ptr_array_unref);
  self->theme_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _("All themes"));
  if (self->programme_id != NULL)
    themes = cv_store_list (self->store, CV_TYPE_THEME, "programme_id", self->programme_id, NULL);
  for (guint i = 0; themes != NULL && i < themes->len; i++)
    {
      gtk_string_list_append (names, cv_record_get_string (g_ptr_array_index (themes, i), "name"));
      g_ptr_array_add (self->theme_ids, g_strdup (cv_record_get_id (g_ptr_array_index (themes, i))));
    }
  /* A new model resets the choice to All themes; the caller refreshes once. */
  g_signal_handlers_block_by_func (self->theme_filter, filter_changed_cb, self);
  gtk_drop_down_set_model (self->theme_filter, G_LIST_MODEL (names));
  g_signal_handlers_unblock_by_func (self->theme_filter, filter_changed_cb, self);
}

static void
selected_cb (CvActionsView *self,
             CvRecord      *record)
{
  if (cv_record_get_id (record) != NULL &&
      g_strcmp0 (cv_action_editor_get_id (self->editor), cv_record_get_id (record)) != 0)
    cv_action_editor_set_record (self->editor, record);
}

static void
activated_cb (CvActionsView *self,
              CvRecord      *record)
{
  cv_action_editor_set_record (self->editor, record);
  cv_action_editor_focus (self->editor);
}

static void
store_changed_cb (CvActionsView *self,
                  const char     *table,
                  const char     *id,
                  CvStore        *store)
{
  if (g_str_equal (table, "theme"))
    {
      reload_themes (self);
      filter_changed_cb (self);
    }
}

/* The page beside the list never shows an action that is gone. */
static void
deleted_cb (CvActionsView *self)
{
  if (cv_action_editor_get_id (self->editor) != NULL &&
      cv_store_rowid_of (self->store, "action", cv_action_editor_get_id (self->editor)) < 0)
    cv_action_editor_set_record (self->editor, NULL);
}

void
cv_actions_view_delete_selected (CvActionsView *self)
{
  g_return_if_fail (CV_IS_ACTIONS_VIEW (self));
  cv_list_pane_delete_selected (self->pane);
}

/* The status is changed in place with a drop-down; overdue stands out in
 * words ("Overdue") as well as in colour. "Done" goes through the action's
 * page, which asks what was done. */
typedef struct
{
  CvActionsView *self;
  CvRecord      *action;
  const char    *status;   /* a nick from the field's choices */
  GWeakRef       dropdown;
} StatusChange;

static void
show_status (GtkDropDown *dropdown,
             const char  *status)
{
  const CvField *field = action_field ("status");

  g_object_set_data (G_OBJECT (dropdown), "binding", GINT_TO_POINTER (TRUE));
  for (guint i = 0; field->choices[i].nick != NULL; i++)
    if (g_strcmp0 (field->choices[i].nick, status) == 0)
      gtk_drop_down_set_selected (dropdown, i);
  g_object_set_data (G_OBJECT (dropdown), "binding", NULL);
}

static void
status_change_free (StatusChange *change)
{
  g_object_unref (change->self);
  g_object_unref (change->action);
  g_weak_ref_clear (&change->dropdown);
  g_free (change);
}

/* Runs after the drop-down's own handlers: storing the change rebuilds the
 * rows, and with them the drop-down that announced it. */
static gboolean
store_status_idle_cb (gpointer data)
{
  StatusChange *change = data;
  g_autoptr(CvRecord) changed = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (change->status, "done"))
    {
      g_autoptr(GtkDropDown) dropdown = g_weak_ref_get (&change->dropdown);

      /* Until what was done is said and stored, the list shows the status stored. */
      if (dropdown != NULL)
        show_status (dropdown, cv_record_get_string (change->action, "status"));
      cv_actions_view_open (change->self, cv_record_get_id (change->action));
      cv_action_editor_choose_status (change->self->editor, change->status);
      return G_SOURCE_REMOVE;
    }
  changed = cv_record_copy (change->action);
  cv_record_set_string (changed, "status", change->status);
  if (!cv_store_update (change->self->store, changed, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (change->self), ADW_TYPE_TOAST_OVERLAY);

      gtk_widget_error_bell (GTK_WIDGET (change->self));
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      else
        g_object_unref (g_object_ref_sink (toast));
      cv_record_list_refresh (change->self->list, NULL);
    }
  return G_SOURCE_REMOVE;
}

static void
status_chosen_cb (GtkDropDown   *dropdown,
                  GParamSpec    *pspec,
                  CvActionsView *self)
{
  CvRecord *action = g_object_get_data (G_OBJECT (dropdown), "action");
  guint chosen = gtk_drop_down_get_selected (dropdown);
  StatusChange *change;

  if (action == NULL || g_object_get_data (G_OBJECT (dropdown), "binding") != NULL ||
      chosen == GTK_INVALID_LIST_POSITION ||
      g_strcmp0 (action_field ("status")->choices[chosen].nick, cv_record_get_string (action, "status")) == 0)
    return;
  change = g_new0 (StatusChange, 1);
  change->self = g_object_ref (self);
  change->action = g_object_ref (action);
  change->status = action_field ("status")->choices[chosen].nick;
  g_weak_ref_init (&change->dropdown, dropdown);
  g_idle_add_full (G_PRIORITY_DEFAULT, store_status_idle_cb, change, (GDestroyNotify)status_change_free);
}

static void
status_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CvActionsView            *self)
{
  const CvField *field = action_field ("status");
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *overdue = gtk_label_new (_("Overdue"));
  GtkWidget *dropdown;

  for (guint i = 0; field->choices[i].nick != NULL; i++)
    gtk_string_list_append (labels, _(field->choices[i].label));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_widget_add_css_class (dropdown, "status");
  gtk_widget_add_css_class (overdue, "error");
  gtk_widget_add_css_class (overdue, "caption-heading");
  gtk_widget_set_name (overdue, "overdue");
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (status_chosen_cb), self, 0);
  gtk_box_append (GTK_BOX (box), overdue);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_list_item_set_child (item, box);
}

static void
status_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CvActionsView            *self)
{
  CvRecord *action = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *overdue_label = gtk_widget_get_first_child (box);
  GtkWidget *dropdown = gtk_widget_get_next_sibling (overdue_label);
  g_autofree char *today = cv_today ();
  const char *nick = cv_record_get_string (action, "status");
  gboolean overdue = nick != NULL && cv_action_is_overdue (CV_ACTION (action), today);
  g_autofree char *label = NULL;

  g_object_set_data_full (G_OBJECT (dropdown), "action", g_object_ref (action), g_object_unref);
  show_status (GTK_DROP_DOWN (dropdown), nick);
  gtk_widget_set_visible (overdue_label, overdue);
  label = overdue ? g_strdup_printf (_("Status of “%s”, overdue"), cv_record_get_string (action, "title"))
                  : g_strdup_printf (_("Status of “%s”"), cv_record_get_string (action, "title"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
status_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (gtk_widget_get_last_child (box)), "action", NULL);
}

static void
folded_changed_cb (CvActionsView *self)
{
  cv_action_editor_set_show_back (self->editor, cv_list_pane_get_folded (self->pane));
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CvActionsView *self = CV_ACTIONS_VIEW (widget);

  /* TRANSLATORS: the name suggested for an exported list of actions */
  cv_list_export_choose (widget, self->store, CV_CSV_ACTIONS, G_LIST_MODEL (self->list), _("actions.csv"));
}

static void
cv_actions_view_dispose (GObject *object)
{
  CvActionsView *self = (CvActionsView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_ACTIONS_VIEW);
  g_clear_object (&self->list);
  g_clear_object (&self->trash);
  g_clear_object (&self->store);
  g_clear_pointer (&self->programme_id, g_free);
  g_clear_pointer (&self->theme_ids, g_ptr_array_unref);
  g_clear_pointer (&self->owner_id, g_free);
  g_clear_pointer (&self->organisation_id, g_free);

  G_OBJECT_CLASS (cv_actions_view_parent_class)->dispose (object);
}

static void
cv_actions_view_class_init (CvActionsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cv_actions_view_dispose;

  g_type_ensure (CV_TYPE_ACTION_EDITOR);
  g_type_ensure (CV_TYPE_STAKEHOLDER_CHOOSER);
  g_type_ensure (CV_TYPE_LIST_PANE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-actions-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CvActionsView, name)
  BIND (pane);
  BIND (overdue_toggle);
  BIND (owner_filter);
  BIND (organisation_filter);
  BIND (owner_filter_chooser);
  BIND (organisation_filter_chooser);
  BIND (theme_filter);
  BIND (status_filter);
  BIND (column_view);
  BIND (title_column);
  BIND (owner_column);
  BIND (due_column);
  BIND (status_column);
  BIND (themes_column);
  BIND (updated_column);
  BIND (editor);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, deleted_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, owner_filter_cb);
  gtk_widget_class_bind_template_callback (widget_class, owner_filter_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, organisation_filter_cb);
  gtk_widget_class_bind_template_callback (widget_class, organisation_filter_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, cv_actions_view_new_action);

  gtk_widget_class_install_action (widget_class, "actions.export-csv", NULL, export_csv_action);
}

static void
cv_actions_view_init (CvActionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cv_choice_filter_fill (self->status_filter, cv_record_type_find_field (CV_TYPE_ACTION, "status"), _("Any status"));

  cv_record_table_fit (self->column_view, NULL, self->title_column, self->status_column,
                       self->due_column, self->owner_column, self->themes_column, self->updated_column, NULL);
  folded_changed_cb (self);
}

void
cv_actions_view_set_store (CvActionsView *self,
                            CvStore        *store,
                            CvTrash        *trash)
{
  g_return_if_fail (CV_IS_ACTIONS_VIEW (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->trash = g_object_ref (trash);
  cv_record_column_set_up (self->title_column, store, "title");
  cv_record_column_set_up (self->owner_column, store, "owner_id");
  cv_record_column_set_up (self->due_column, store, "due_on");
  cv_record_column_set_up (self->status_column, store, "status");
  cv_record_column_set_up (self->themes_column, store, "themes");
  cv_record_column_set_up (self->updated_column, store, "updated_at");
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect_object (factory, "setup", G_CALLBACK (status_setup_cb), self, 0);
    g_signal_connect_object (factory, "bind", G_CALLBACK (status_bind_cb), self, 0);
    g_signal_connect (factory, "unbind", G_CALLBACK (status_unbind_cb), NULL);
    gtk_column_view_column_set_factory (self->status_column, factory);
  }
  self->list = cv_record_list_new (store, CV_TYPE_ACTION);
  /* A tracker reads by due date until a column is chosen. */
  cv_record_list_set_sort (self->list, "due_on", FALSE);
  cv_list_pane_set_model (self->pane, G_LIST_MODEL (self->list));
  cv_list_pane_set_trash (self->pane, trash);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  cv_action_editor_set_store (self->editor, store, trash);
  cv_stakeholder_chooser_set_store (self->owner_filter_chooser, store);
  cv_stakeholder_chooser_set_store (self->organisation_filter_chooser, store);
  cv_stakeholder_chooser_set_kind (self->organisation_filter_chooser, "organisation");
  show_people_filters (self);
}

void
cv_actions_view_set_programme (CvActionsView *self,
                                const char     *programme_id)
{
  g_return_if_fail (CV_IS_ACTIONS_VIEW (self));
  g_return_if_fail (self->store != NULL);

  if (g_strcmp0 (self->programme_id, programme_id) == 0)
    return;
  cv_action_editor_save_pending (self->editor);
  g_free (self->programme_id);
  self->programme_id = g_strdup (programme_id);
  cv_action_editor_set_programme (self->editor, programme_id);
  cv_action_editor_set_record (self->editor, NULL);
  cv_record_list_set_programme (self->list, programme_id);
  cv_stakeholder_chooser_set_programme (self->owner_filter_chooser, programme_id);
  cv_stakeholder_chooser_set_programme (self->organisation_filter_chooser, programme_id);
  g_clear_pointer (&self->owner_id, g_free);
  g_clear_pointer (&self->organisation_id, g_free);
  show_people_filters (self);
  reload_themes (self);
  filter_changed_cb (self);
}

void
cv_actions_view_new_action (CvActionsView *self)
{
  g_autoptr(CvRecord) record = NULL;

  g_return_if_fail (CV_IS_ACTIONS_VIEW (self));

  if (self->programme_id == NULL)
    return;
  record = cv_record_new (CV_TYPE_ACTION);
  cv_record_set_string (record, "programme_id", self->programme_id);
  cv_list_pane_unselect_all (self->pane);
  cv_action_editor_set_record (self->editor, record);
  cv_list_pane_show_detail (self->pane);
  cv_action_editor_focus (self->editor);
}

void
cv_actions_view_focus_search (CvActionsView *self)
{
  g_return_if_fail (CV_IS_ACTIONS_VIEW (self));

  cv_list_pane_focus_search (self->pane);
}

void
cv_actions_view_open (CvActionsView *self,
                      const char    *action_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) record = NULL;

  g_return_if_fail (CV_IS_ACTIONS_VIEW (self));

  record = cv_store_load (self->store, CV_TYPE_ACTION, action_id, &error);
  if (record == NULL)
    {
      cv_widget_report_error (GTK_WIDGET (self), "Could not open the action", error);
      return;
    }
  cv_action_editor_set_record (self->editor, record);
  /* Opened from a mention: the list follows, so Delete acts on this record. */
  cv_list_pane_select_record (self->pane, cv_record_get_id (record));
  cv_list_pane_show_detail (self->pane);
}

void
cv_actions_view_save_pending (CvActionsView *self)
{
  g_return_if_fail (CV_IS_ACTIONS_VIEW (self));
  cv_action_editor_save_pending (self->editor);
}

/* Returns: (transfer none): the list as shown, for tests */
GListModel *
cv_actions_view_get_model (CvActionsView *self)
{
  g_return_val_if_fail (CV_IS_ACTIONS_VIEW (self), NULL);
  return cv_list_pane_get_model (self->pane);
}

/* Every overdue action of the programme, whatever else was filtered. */
void
cv_actions_view_show_overdue (CvActionsView *self)
{
  g_return_if_fail (CV_IS_ACTIONS_VIEW (self));

  GObject *filters[] = { G_OBJECT (self->status_filter), G_OBJECT (self->theme_filter),
                         G_OBJECT (self->overdue_toggle) };

  /* One refresh at the end, not one per filter changed. */
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    g_signal_handlers_block_by_func (filters[i], filter_changed_cb, self);
  cv_list_pane_clear_search (self->pane);
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->theme_filter, 0);
  g_clear_pointer (&self->owner_id, g_free);
  g_clear_pointer (&self->organisation_id, g_free);
  show_people_filters (self);
  gtk_toggle_button_set_active (self->overdue_toggle, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    g_signal_handlers_unblock_by_func (filters[i], filter_changed_cb, self);
  filter_changed_cb (self);
  cv_list_pane_show_list (self->pane);
}

/* The view contract */

static void
as_view_set_store (CvView  *view,
                   CvStore *store,
                   CvTrash *trash)
{
  cv_actions_view_set_store (CV_ACTIONS_VIEW (view), store, trash);
}

static void
as_view_set_programme (CvView     *view,
                       const char *programme_id)
{
  cv_actions_view_set_programme (CV_ACTIONS_VIEW (view), programme_id);
}

static void
as_view_open (CvView     *view,
              const char *table,
              const char *id)
{
  if (g_str_equal (table, "overdue"))
    cv_actions_view_show_overdue (CV_ACTIONS_VIEW (view));
  else
    cv_actions_view_open (CV_ACTIONS_VIEW (view), id);
}

static void
as_view_new_record (CvView *view)
{
  cv_actions_view_new_action (CV_ACTIONS_VIEW (view));
}

static void
as_view_focus_search (CvView *view)
{
  cv_actions_view_focus_search (CV_ACTIONS_VIEW (view));
}

static void
as_view_save_pending (CvView *view)
{
  cv_actions_view_save_pending (CV_ACTIONS_VIEW (view));
}

static void
cv_actions_view_view_init (CvViewInterface *iface)
{
  static const char * const tables[] = { "action", "overdue", NULL };

  iface->tables = tables;
  iface->set_store = as_view_set_store;
  iface->set_programme = as_view_set_programme;
  iface->open = as_view_open;
  iface->new_record = as_view_new_record;
  iface->focus_search = as_view_focus_search;
  iface->save_pending = as_view_save_pending;
}
