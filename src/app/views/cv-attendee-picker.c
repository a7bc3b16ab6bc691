/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Picks many stakeholders at once to list at a session: search, tick, Add.
 * People already on the list are shown but cannot be ticked again.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-attendance.h"
#include "cv-attendee-picker.h"
#include "cv-record-list.h"
#include "cv-sessions.h"
#include "cv-stakeholder.h"
#include "cv-widgets.h"

struct _CvAttendeePicker
{
  AdwWindow       parent_instance;

  CvStore        *store;
  char           *session_id;
  CvRecordList   *list;
  GHashTable     *chosen;    /* stakeholder id → itself, in the order ticked */
  GPtrArray      *order;     /* of char*, the ids in the order ticked */
  GHashTable     *listed;    /* ids already at the session */
  char           *searched;  /* the text the list shows the results of */

  GtkButton      *add_button;
  GtkSearchEntry *search_entry;
  GtkListView    *list_view;
};

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CvAttendeePicker, cv_attendee_picker, ADW_TYPE_WINDOW)

static void
update_add_button (CvAttendeePicker *self)
{
  guint n = self->order->len;
  g_autofree char *label = NULL;

  if (n == 0)
    label = g_strdup (_("_Add"));
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Add %'u Person", "_Add %'u People", n), n);
  gtk_button_set_label (self->add_button, label);
  gtk_button_set_use_underline (self->add_button, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), n > 0);
}

/**
 * cv_attendee_picker_toggle:
 *
 * Ticks or unticks a stakeholder, as clicking their row does.
 */
void
cv_attendee_picker_toggle (CvAttendeePicker *self,
                           const char       *id)
{
  g_return_if_fail (CV_IS_ATTENDEE_PICKER (self));

  if (g_hash_table_contains (self->listed, id))
    return;
  if (g_hash_table_remove (self->chosen, id))
    {
      for (guint i = 0; i < self->order->len; i++)
        if (g_str_equal (g_ptr_array_index (self->order, i), id))
          {
            g_ptr_array_remove_index (self->order, i);
            break;
          }
    }
  else
    {
      char *copy = g_strdup (id);
      g_hash_table_add (self->chosen, copy);
      g_ptr_array_add (self->order, g_strdup (id));
    }
  update_add_button (self);
}

static void
activate_cb (CvAttendeePicker *self,
             guint             position)
{
  g_autoptr(CvRecord) record = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (record == NULL || cv_record_get_id (record) == NULL)
    return;
  cv_attendee_picker_toggle (self, cv_record_get_id (record));
  /* Redraw the row with its new tick. */
  g_list_model_items_changed (G_LIST_MODEL (self->list), position, 1, 1);
}

/* Enter in the search adds the people ticked, as the dialog's default
 * button does (a search entry has no "activates-default" in GTK 4.8). */
static void
search_activate_cb (CvAttendeePicker *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->add_button)))
    gtk_widget_activate (GTK_WIDGET (self->add_button));
}

static void
search_changed_cb (CvAttendeePicker *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* Down may have searched already, ahead of the entry's delay: searching
   * again would rebuild the rows under the focus. */
  if (self->searched != NULL && g_str_equal (self->searched, text))
    return;
  g_free (self->searched);
  self->searched = g_strdup (text);
  cv_record_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (!cv_record_list_refresh (self->list, &error))
    cv_widget_report_error (GTK_WIDGET (self), "Could not search the stakeholders", error);
}

/**
 * cv_attendee_picker_add:
 * @already_listed: (out) (optional): how many were on the list already
 *
 * Lists everyone ticked at the session, in one transaction.
 *
 * Returns: how many were added; 0 with @error set on failure
 */
guint
cv_attendee_picker_add (CvAttendeePicker  *self,
                        guint             *already_listed,
                        GError           **error)
{
  guint added = 0;

  g_return_val_if_fail (CV_IS_ATTENDEE_PICKER (self), 0);

  g_ptr_array_add (self->order, NULL);
  if (!cv_sessions_add_attendees (self->store, self->session_id, (const char * const *)self->order->pdata,
                                  &added, already_listed, error))
    added = 0;
  g_ptr_array_remove_index (self->order, self->order->len - 1);
  return added;
}

static void
add_cb (CvAttendeePicker *self)
{
  g_autoptr(GError) error = NULL;
  guint already = 0;
  guint added = cv_attendee_picker_add (self, &already, &error);

  g_signal_emit (self, signals[ADDED], 0, added, already, error != NULL ? error->message : NULL);
  if (error == NULL)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  /* The row is what is clicked; the tick only shows the state. */
  gtk_widget_set_can_target (check, FALSE);
  gtk_widget_set_focusable (check, FALSE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), detail);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CvAttendeePicker         *self)
{
  CvRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_first_child (box);
  GtkWidget *labels = gtk_widget_get_next_sibling (check);
  GtkWidget *name = gtk_widget_get_first_child (labels);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  const char *id = cv_record_get_id (record);
  gboolean listed = id != NULL && g_hash_table_contains (self->listed, id);
  g_autofree char *organisation = cv_store_get_display_name (self->store, "stakeholder",
                                                             cv_record_get_string (record, "organisation_id"));
  const char *role = cv_record_get_string (record, "role");

  gtk_label_set_text (GTK_LABEL (name), cv_record_get_string (record, "name"));
  if (listed)
    gtk_label_set_text (GTK_LABEL (detail), _("Already on the list"));
  else
    gtk_label_set_text (GTK_LABEL (detail), organisation != NULL ? organisation : role != NULL ? role : "");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               listed || (id != NULL && g_hash_table_contains (self->chosen, id)));
  gtk_widget_set_sensitive (box, !listed);
  gtk_list_item_set_activatable (item, !listed);

  /* The row is what takes the focus, so it is the check box that assistive
   * technology meets: named after the person, ticked or not. */
  if (gtk_widget_get_parent (box) != NULL)
    {
      GtkAccessible *row = GTK_ACCESSIBLE (gtk_widget_get_parent (box));

      gtk_accessible_update_property (row,
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, cv_record_get_string (record, "name"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, gtk_label_get_text (GTK_LABEL (detail)),
                                      -1);
      gtk_accessible_update_state (row,
                                   GTK_ACCESSIBLE_STATE_CHECKED, gtk_check_button_get_active (GTK_CHECK_BUTTON (check)),
                                   GTK_ACCESSIBLE_STATE_DISABLED, listed,
                                   -1);
    }
}

/* Down in the search moves to the first person found. */
static gboolean
search_down_cb (GtkWidget *search_entry,
                GVariant  *args,
                gpointer   user_data)
{
  CvAttendeePicker *self = CV_ATTENDEE_PICKER (user_data);
  GtkWidget *first;

  /* What was typed a moment ago is searched now, not after the entry's delay. */
  search_changed_cb (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return FALSE;
  /* The rows on screen are the list view's children, in order, the first
   * at the top once the list is scrolled there. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  first = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
  return first != NULL && gtk_widget_grab_focus (first);
}

/* Space ticks the focused row, as Enter and a click do (a list row would
 * otherwise take Space to select it, and this list does not select). */
static gboolean
space_cb (GtkWidget *list_view,
          GVariant  *args,
          gpointer   user_data)
{
  GtkWidget *row = gtk_root_get_focus (gtk_widget_get_root (list_view));

  while (row != NULL && gtk_widget_get_parent (row) != list_view)
    row = gtk_widget_get_parent (row);
  if (row == NULL)
    return FALSE;
  return gtk_widget_activate (row);
}

/* GTK 4.8 moves Tab from row to row inside a list view: with a long list a
 * keyboard would be caught there. Shift+Tab goes back to the search, Tab
 * on round to the buttons. */
static gboolean
list_back_cb (GtkWidget *list_view,
              GVariant  *args,
              gpointer   user_data)
{
  CvAttendeePicker *self = CV_ATTENDEE_PICKER (user_data);

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static gboolean
list_forward_cb (GtkWidget *list_view,
                 GVariant  *args,
                 gpointer   user_data)
{
  GtkWindow *window = GTK_WINDOW (user_data);

  gtk_window_set_focus (window, NULL);
  return gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
}

static void
add_key (GtkWidget           *widget,
         GtkPropagationPhase  phase,
         const char          *trigger,
         GtkShortcutFunc      func,
         gpointer             data)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (keys, phase);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_callback_action_new (func, data, NULL)));
  gtk_widget_add_controller (widget, keys);
}

static void
cv_attendee_picker_dispose (GObject *object)
{
  CvAttendeePicker *self = (CvAttendeePicker *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_ATTENDEE_PICKER);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->searched, g_free);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->listed, g_hash_table_unref);

  G_OBJECT_CLASS (cv_attendee_picker_parent_class)->dispose (object);
}

static void
cv_attendee_picker_class_init (CvAttendeePickerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cv_attendee_picker_dispose;

  /**
   * CvAttendeePicker::added:
   * @added: how many were listed
   * @already: how many were on the list already
   * @error: (nullable): why nothing was added
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/convene/Convene/cv-attendee-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, CvAttendeePicker, add_button);
  gtk_widget_class_bind_template_child (widget_class, CvAttendeePicker, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_child (widget_class, CvAttendeePicker, list_view);
  gtk_widget_class_bind_template_callback (widget_class, add_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cv_attendee_picker_init (CvAttendeePicker *self)
{
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->order = g_ptr_array_new_with_free_func (g_free);
  self->listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  update_add_button (self);
  add_key (GTK_WIDGET (self->search_entry), GTK_PHASE_CAPTURE, "Down|KP_Down", search_down_cb, self);
  add_key (GTK_WIDGET (self->list_view), GTK_PHASE_CAPTURE, "space|KP_Space", space_cb, self);
  add_key (GTK_WIDGET (self->list_view), GTK_PHASE_CAPTURE, "<Shift>Tab|<Shift>ISO_Left_Tab", list_back_cb, self);
  add_key (GTK_WIDGET (self->list_view), GTK_PHASE_CAPTURE, "Tab|KP_Tab", list_forward_cb, self);
}

CvAttendeePicker *
cv_attendee_picker_new (GtkWindow  *parent,
                        CvStore    *store,
                        const char *programme_id,
                        const char *session_id)
{
  CvAttendeePicker *self = g_object_new (CV_TYPE_ATTENDEE_PICKER, "transient-for", parent, "modal", TRUE, NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  self->store = g_object_ref (store);
  self->session_id = g_strdup (session_id);
  listed = cv_store_list (store, CV_TYPE_ATTENDANCE, "session_id", session_id, &error);
  for (guint i = 0; listed != NULL && i < listed->len; i++)
    g_hash_table_add (self->listed, g_strdup (cv_record_get_string (g_ptr_array_index (listed, i),
                                                                    "stakeholder_id")));

  self->list = cv_record_list_new (store, CV_TYPE_STAKEHOLDER);
  cv_record_list_set_programme (self->list, programme_id);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  search_changed_cb (self);
  /* A person opens it to find someone: the search has the keyboard. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
  /* Opened from the keyboard, its focus shows from the start. */
  if (parent != NULL)
    gtk_window_set_focus_visible (GTK_WINDOW (self), gtk_window_get_focus_visible (parent));
  return self;
}
