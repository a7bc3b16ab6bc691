/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * People Past Retention: the people of a programme last seen before its
 * retention period, longest unseen first, to erase (with the erasure's own
 * confirmation) or to keep with a reason, which takes them off the list
 * until another period has passed. The list is read on a worker thread with
 * its own connection and shown by a list view that makes rows only for what
 * is on screen.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-format.h"
#include "cv-retention.h"
#include "cv-retention-window.h"
#include "cv-widgets.h"

struct _CvRetentionWindow
{
  AdwWindow         parent_instance;

  CvStore          *store;
  char             *programme_id;
  GCancellable     *cancellable;
  GPtrArray        *entries;      /* of CvRetentionEntry, longest unseen first */
  GHashTable       *by_id;        /* id → CvRetentionEntry, in entries */
  GtkStringList    *ids;          /* what the list view shows */
  gboolean          loading;

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  GtkSpinner       *spinner;
  AdwStatusPage    *empty_page;
  GtkLabel         *summary_label;
  GtkListView      *list_view;
};

enum {
  ERASE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CvRetentionWindow, cv_retention_window, ADW_TYPE_WINDOW)

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Loading */

typedef struct
{
  char *path;
  char *programme_id;
  char *today;
} Query;

static void
query_free (Query *query)
{
  g_free (query->path);
  g_free (query->programme_id);
  g_free (query->today);
  g_free (query);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Query *query = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CvDatabase) database = cv_database_open (query->path, &error);
  g_autoptr(CvStore) store = NULL;
  GPtrArray *entries = NULL;

  if (database != NULL)
    {
      store = cv_store_new (database);
      entries = cv_retention_past (store, query->programme_id, query->today, FALSE, &error);
    }
  if (entries == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, entries, (GDestroyNotify)g_ptr_array_unref);
  else
    g_ptr_array_unref (entries);
}

static void
show_entries (CvRetentionWindow *self)
{
  guint years = cv_retention_get_years (self->store, self->programme_id);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  guint n = self->entries->len;

  if (n == 0)
    {
      g_autofree char *description = NULL;

      if (years == 0)
        description = g_strdup (_("This programme keeps people without a limit. To set one, open the programme’s "
                                  "settings and fill in “Keep People For (Years)”."));
      else
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Everyone was seen at a session, or named on an action, "
                                                    "in the last year, or was kept with a reason.",
                                                    "Everyone was seen at a session, or named on an action, "
                                                    "in the last %u years, or was kept with a reason.", years),
                                       years);
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      g_autofree char *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u person has not been seen at a session, nor "
                                                               "named on an action, for more than %u years. Erase "
                                                               "them, or keep them with a reason.",
                                                               "%u people have not been seen at a session, nor "
                                                               "named on an action, for more than %u years. Erase "
                                                               "them, or keep them with a reason.", n), n, years);

      gtk_label_set_text (self->summary_label, summary);
      gtk_stack_set_visible_child_name (self->stack, "people");
    }

  /* One splice: the list view makes rows only for what it shows. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, ((CvRetentionEntry *)g_ptr_array_index (self->entries, i))->id);
  g_ptr_array_add (ids, NULL);
  gtk_string_list_splice (self->ids, 0, g_list_model_get_n_items (G_LIST_MODEL (self->ids)),
                          (const char * const *)ids->pdata);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CvRetentionWindow *self = CV_RETENTION_WINDOW (source);
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = g_task_propagate_pointer (G_TASK (result), &error);

  if (entries == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->loading = FALSE;
          gtk_spinner_stop (self->spinner);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
        }
      return;
    }
  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  g_hash_table_remove_all (self->by_id);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;
  for (guint i = 0; i < entries->len; i++)
    {
      CvRetentionEntry *entry = g_ptr_array_index (entries, i);
      g_hash_table_insert (self->by_id, entry->id, entry);
    }
  show_entries (self);
}

/**
 * cv_retention_window_reload:
 *
 * Lists the people past retention again, off the main thread.
 */
void
cv_retention_window_reload (CvRetentionWindow *self)
{
  g_autoptr(GTask) task = NULL;
  Query *query;

  g_return_if_fail (CV_IS_RETENTION_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  if (self->entries == NULL || self->entries->len == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);

  query = g_new0 (Query, 1);
  query->path = g_strdup (cv_database_get_path (cv_store_get_database (self->store)));
  query->programme_id = g_strdup (self->programme_id);
  query->today = today ();
  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_task_data (task, query, (GDestroyNotify)query_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
cv_retention_window_is_loading (CvRetentionWindow *self)
{
  g_return_val_if_fail (CV_IS_RETENTION_WINDOW (self), FALSE);
  return self->loading;
}

/* For tests: how many are listed, and who is at @position. */
guint
cv_retention_window_get_n_people (CvRetentionWindow *self)
{
  g_return_val_if_fail (CV_IS_RETENTION_WINDOW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->ids));
}

const char *
cv_retention_window_get_id (CvRetentionWindow *self,
                            guint              position)
{
  g_return_val_if_fail (CV_IS_RETENTION_WINDOW (self), NULL);
  return gtk_string_list_get_string (self->ids, position);
}

/* Keeping someone */

static void
remove_listed (CvRetentionWindow *self,
               const char        *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->ids));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->ids, i), id) == 0)
      {
        gtk_string_list_remove (self->ids, i);
        break;
      }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->ids)) == 0)
    {
      g_ptr_array_set_size (self->entries, 0);
      g_hash_table_remove_all (self->by_id);
      show_entries (self);
    }
}

/**
 * cv_retention_window_keep:
 * @reason: why they are kept past the period
 *
 * Keeps the person with the reason, as the "Keep…" dialog does: they leave
 * the list until another period has passed.
 */
gboolean
cv_retention_window_keep (CvRetentionWindow  *self,
                          const char         *stakeholder_id,
                          const char         *reason,
                          GError            **error)
{
  g_return_val_if_fail (CV_IS_RETENTION_WINDOW (self), FALSE);

  if (!cv_retention_keep (self->store, stakeholder_id, reason, error))
    return FALSE;
  remove_listed (self, stakeholder_id);
  return TRUE;
}

static void
keep_response_cb (AdwMessageDialog  *dialog,
                  const char        *response,
                  CvRetentionWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  const char *id = g_object_get_data (G_OBJECT (dialog), "stakeholder-id");

  if (!g_str_equal (response, "keep"))
    return;
  if (!cv_retention_window_keep (self, id, gtk_editable_get_text (entry), &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "keep", *reason != '\0');
}

static void
keep_clicked_cb (GtkButton         *button,
                 CvRetentionWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "stakeholder-id");
  CvRetentionEntry *entry = id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
  guint years = cv_retention_get_years (self->store, self->programme_id);
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *reason;

  if (entry == NULL)
    return;
  heading = g_strdup_printf (_("Keep %s?"), entry->name);
  dialog = cv_message_dialog_new (GTK_WINDOW (self), heading, NULL, "keep", "cancel",
                                  "cancel", _("_Cancel"), "keep", _("_Keep"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Say why they are kept past the retention period. They leave this "
                                               "list for %u year, then come back to it to be looked at again.",
                                               "Say why they are kept past the retention period. They leave this "
                                               "list for %u years, then come back to it to be looked at again.",
                                               years), years);
  reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason, for example “safeguarding case open”"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why they are kept"), -1);
  cv_message_dialog_set_entry (ADW_MESSAGE_DIALOG (dialog), reason);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "keep", FALSE);
  g_object_set_data (G_OBJECT (dialog), "entry", reason);
  g_object_set_data_full (G_OBJECT (dialog), "stakeholder-id", g_strdup (id), g_free);
  g_signal_connect_object (reason, "changed", G_CALLBACK (reason_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (keep_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (reason);
}

static void
erase_clicked_cb (GtkButton         *button,
                  CvRetentionWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "stakeholder-id");

  if (id != NULL)
    g_signal_emit (self, signals[ERASE_REQUESTED], 0, id);
}

/* Rows, made for what is on screen */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CvRetentionWindow        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *keep = gtk_button_new_with_mnemonic (_("_Keep…"));
  GtkWidget *erase = gtk_button_new_with_mnemonic (_("_Erase…"));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (keep, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (erase, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (erase, "destructive-action");
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), detail);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), keep);
  gtk_box_append (GTK_BOX (box), erase);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "detail", detail);
  g_object_set_data (G_OBJECT (box), "keep", keep);
  g_object_set_data (G_OBJECT (box), "erase", erase);
  g_signal_connect_object (keep, "clicked", G_CALLBACK (keep_clicked_cb), self, 0);
  g_signal_connect_object (erase, "clicked", G_CALLBACK (erase_clicked_cb), self, 0);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CvRetentionWindow        *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  const char *id = gtk_string_object_get_string (gtk_list_item_get_item (item));
  CvRetentionEntry *entry = g_hash_table_lookup (self->by_id, id);
  g_autofree char *seen = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *keep_name = NULL;
  g_autofree char *erase_name = NULL;
  g_autofree char *day = NULL;

  if (entry == NULL)
    return;
  day = g_strndup (entry->last_seen, 10);
  seen = cv_format_date (day);
  if (entry->kept_reason != NULL)
    /* TRANSLATORS: when a person was last seen, and why they were kept before */
    detail = g_strdup_printf (_("Last seen %s · kept before: %s"), seen, entry->kept_reason);
  else
    detail = g_strdup_printf (_("Last seen %s"), seen);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "name"), entry->name);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "detail"), detail);
  /* The buttons name whom they act on. */
  keep_name = g_strdup_printf (_("Keep %s, with a reason"), entry->name);
  erase_name = g_strdup_printf (_("Erase %s"), entry->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (box), "keep")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, keep_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (box), "erase")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, erase_name, -1);
  g_object_set_data_full (g_object_get_data (G_OBJECT (box), "keep"), "stakeholder-id", g_strdup (id), g_free);
  g_object_set_data_full (g_object_get_data (G_OBJECT (box), "erase"), "stakeholder-id", g_strdup (id), g_free);
}

/* Someone erased elsewhere, or the period changed: read the list again. */
static void
store_changed_cb (CvRetentionWindow *self,
                  const char        *table,
                  const char        *id,
                  CvStore           *store)
{
  if (g_str_equal (table, "stakeholder") || g_str_equal (table, "programme"))
    cv_retention_window_reload (self);
}

static void
cv_retention_window_dispose (GObject *object)
{
  CvRetentionWindow *self = (CvRetentionWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_RETENTION_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->ids);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->programme_id, g_free);

  G_OBJECT_CLASS (cv_retention_window_parent_class)->dispose (object);
}

static void
cv_retention_window_class_init (CvRetentionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cv_retention_window_dispose;

  signals[ERASE_REQUESTED] = g_signal_new ("erase-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/convene/Convene/cv-retention-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CvRetentionWindow, name)
  BIND (toast_overlay);
  BIND (stack);
  BIND (spinner);
  BIND (empty_page);
  BIND (summary_label);
  BIND (list_view);
#undef BIND
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cv_retention_window_init (CvRetentionWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->ids = gtk_string_list_new (NULL);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)cv_retention_entry_free);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->ids)));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

/**
 * cv_retention_window_new:
 *
 * Returns: (transfer floating): the window, already reading the list
 */
CvRetentionWindow *
cv_retention_window_new (GtkWindow  *parent,
                         CvStore    *store,
                         const char *programme_id)
{
  CvRetentionWindow *self = g_object_new (CV_TYPE_RETENTION_WINDOW, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->programme_id = g_strdup (programme_id);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  cv_retention_window_reload (self);
  return self;
}
