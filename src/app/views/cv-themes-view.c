/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The programme's themes with how often and where each was raised and what
 * was done about it, and a theme's page: its words in date order, its
 * actions, and merging two themes into one (with Undo). A programme has tens
 * of themes, not thousands, so they are all loaded and GTK sorts them.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cv-action.h"
#include "cv-format.h"
#include "cv-paged-rows.h"
#include "cv-theme.h"
#include "cv-themes.h"
#include "cv-record-column.h"
#include "cv-themes-view.h"
#include "cv-view.h"
#include "cv-widgets.h"
#include "cv-match-count.h"

struct _CvThemesView
{
  GtkWidget            parent_instance;

  CvStore             *store;
  CvTrash             *trash;
  char                *programme_id;
  GListStore          *themes;
  GHashTable          *counts;     /* theme id → CvThemeCounts, as last counted */
  GCancellable        *counting;   /* the count under way, if any */
  GHashTable          *count_labels; /* the count cells bound, to update when counts arrive */
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
  CvRecord            *theme;      /* the one shown */
  GPtrArray           *merge_ids;  /* the merge row's choices */
  gboolean             loading;

  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkSearchEntry      *search_entry;
  CvMatchCount        *match_count;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *said_column;
  GtkColumnViewColumn *sessions_column;
  GtkColumnViewColumn *open_column;
  GtkColumnViewColumn *done_column;
  GtkStack            *page_stack;
  GtkWidget           *back_button;
  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  AdwComboRow         *status_row;
  GtkColorButton      *colour_button;
  GtkTextView         *description_view;
  guint                save_source;   /* the description, saved once typing pauses */
  GtkLabel            *error_label;
  CvPagedRows         *said_rows;
  CvPagedRows         *action_rows;
  AdwComboRow         *merge_row;
};

static void cv_themes_view_view_init (CvViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CvThemesView, cv_themes_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CV_TYPE_VIEW, cv_themes_view_view_init))

static const CvField *
field_of (GType       type,
          const char *name)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  return cv_record_kind_find_field (CV_RECORD_CLASS (klass)->kind, name);
}

static guint
count_of (CvThemesView *self,
          CvRecord     *theme,
          const char   *which)
{
  CvThemeCounts *c = self->counts != NULL ? g_hash_table_lookup (self->counts, cv_record_get_id (theme)) : NULL;

  if (c == NULL)
    return 0;
  if (g_str_equal (which, "said"))
    return c->contributions;
  if (g_str_equal (which, "sessions"))
    return c->sessions;
  if (g_str_equal (which, "open"))
    return c->open_actions;
  return c->done_actions;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* A count cell says nothing until the counts have come from their worker thread. */
static void
show_count (CvThemesView *self,
            GtkLabel     *label)
{
  CvRecord *theme = g_object_get_data (G_OBJECT (label), "theme");
  const char *which = g_object_get_data (G_OBJECT (label), "count");
  g_autofree char *text = self->counts != NULL ? g_strdup_printf ("%'u", count_of (self, theme, which)) : NULL;

  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CvThemesView             *self)
{
  const char *which = g_object_get_data (G_OBJECT (factory), "count");
  CvRecord *theme = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  if (which == NULL)
    {
      gtk_label_set_text (label, cv_record_get_string (theme, "name"));
      return;
    }
  g_object_set_data (G_OBJECT (label), "theme", theme);
  g_object_set_data (G_OBJECT (label), "count", (gpointer)which);
  g_hash_table_add (self->count_labels, label);
  show_count (self, label);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CvThemesView             *self)
{
  g_hash_table_remove (self->count_labels, gtk_list_item_get_child (item));
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  GObject *sorter = user_data;
  CvThemesView *self = g_object_get_data (sorter, "view");
  const char *which = g_object_get_data (sorter, "count");

  if (which == NULL)
    return g_utf8_collate (cv_record_get_string ((CvRecord *)a, "name"), cv_record_get_string ((CvRecord *)b, "name"));
  return (int)count_of (self, (CvRecord *)a, which) - (int)count_of (self, (CvRecord *)b, which);
}

static void
set_up_column (CvThemesView        *self,
               GtkColumnViewColumn *column,
               const char          *which)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkCustomSorter *sorter = gtk_custom_sorter_new (NULL, NULL, NULL);

  g_object_set_data (G_OBJECT (factory), "count", (gpointer)which);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  g_object_set_data (G_OBJECT (column), "sorter", sorter);
  gtk_column_view_column_set_factory (column, factory);
  g_object_set_data (G_OBJECT (sorter), "view", self);
  g_object_set_data (G_OBJECT (sorter), "count", (gpointer)which);
  gtk_custom_sorter_set_sort_func (sorter, compare_cb, sorter, NULL);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  g_object_unref (sorter);
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  CvThemesView *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  g_autofree char *name = g_utf8_casefold (cv_record_get_string (item, "name"), -1);
  const char *description = cv_record_get_string (item, "description");
  g_autofree char *about = description != NULL ? g_utf8_casefold (description, -1) : NULL;

  return *needle == '\0' || strstr (name, needle) != NULL || (about != NULL && strstr (about, needle) != NULL);
}

/* "3 of 40 themes" while a search leaves some out. */
static void
count_matches (CvThemesView *self)
{
  cv_match_count_update (self->match_count, g_list_model_get_n_items (G_LIST_MODEL (self->filtered)),
                         g_list_model_get_n_items (G_LIST_MODEL (self->themes)),
                         gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0');
}

static void
search_changed_cb (CvThemesView *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  count_matches (self);
}

static void show_theme (CvThemesView *self);

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CvThemesView *self = user_data;   /* alive: dispose cancels the count */
  g_autoptr(GError) error = NULL;
  GHashTable *counts = cv_themes_count_finish (result, &error);
  GHashTableIter iter;
  gpointer label;
  GtkColumnViewColumn *columns[] = { self->said_column, self->sessions_column, self->open_column,
                                     self->done_column };

  if (counts == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* a newer count took its place */
  g_clear_object (&self->counting);
  if (counts == NULL)
    {
      cv_widget_report_error (GTK_WIDGET (self), "Could not count the themes", error);
      return;
    }
  g_clear_pointer (&self->counts, g_hash_table_unref);
  self->counts = counts;
  g_hash_table_iter_init (&iter, self->count_labels);
  while (g_hash_table_iter_next (&iter, &label, NULL))
    show_count (self, label);
  /* The themes sorted by a count take their places. */
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    gtk_sorter_changed (g_object_get_data (G_OBJECT (columns[i]), "sorter"), GTK_SORTER_CHANGE_DIFFERENT);
}

/* The counts join every contribution and action of the programme: over a
 * county's 200,000 actions that is longer than a frame, so they are counted
 * in a worker thread; the cells show the last counts until then. */
static void
count_themes (CvThemesView *self)
{
  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  self->counting = g_cancellable_new ();
  cv_themes_count_async (self->store, self->programme_id, self->counting, counted_cb, self);
}

static void
reload (CvThemesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  g_autofree char *shown = self->theme != NULL ? g_strdup (cv_record_get_id (self->theme)) : NULL;

  g_list_store_remove_all (self->themes);
  if (self->programme_id == NULL)
    return;
  themes = cv_store_list (self->store, CV_TYPE_THEME, "programme_id", self->programme_id, &error);
  if (themes == NULL)
    {
      cv_widget_report_error (GTK_WIDGET (self), "Could not list the themes", error);
      return;
    }
  count_themes (self);
  g_list_store_splice (self->themes, 0, 0, themes->pdata, themes->len);
  gtk_stack_set_visible_child_name (self->list_stack, themes->len > 0 ? "list" : "empty");

  /* Keep the page of the theme shown, if it is still there. */
  g_clear_object (&self->theme);
  if (shown != NULL)
    self->theme = cv_store_load (self->store, CV_TYPE_THEME, shown, NULL);
  show_theme (self);
}

static GtkWidget *
page_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* What was said, where, and the other themes it raised (each opens its
 * theme); the row opens it on its session's page. */
static GtkWidget *
said_row_cb (CvRecord *contribution,
             gpointer  user_data)
{
  CvThemesView *self = user_data;
  g_autofree char *session = cv_store_get_display_name (self->store, "session",
                                                        cv_record_get_string (contribution, "session_id"));
  const char * const *themes = cv_record_get_list (contribution, "themes");
  const char *shown = self->theme != NULL ? cv_record_get_id (self->theme) : NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  GtkWidget *chips = cv_theme_chips_new ();

  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    if (g_strcmp0 (themes[i], shown) != 0)
      g_ptr_array_add (others, (gpointer)themes[i]);
  g_ptr_array_add (others, NULL);
  cv_theme_chips_set (GTK_FLOW_BOX (chips), self->store, (const char * const *)others->pdata);
  return cv_chips_row_new (cv_record_get_string (contribution, "text"), session, chips,
                           "contribution", cv_record_get_id (contribution));
}

static GtkWidget *
action_row_cb (CvRecord *action,
               gpointer  user_data)
{
  const CvField *status = field_of (CV_TYPE_ACTION, "status");
  const char *label = _(cv_field_choice_label (status, cv_record_get_string (action, "status")));
  g_autofree char *today = cv_today ();
  g_autofree char *subtitle = cv_action_is_overdue (CV_ACTION (action), today)
    ? g_strdup_printf (_("%s — overdue"), label) : g_strdup (label);

  GtkWidget *row = page_row (cv_record_get_string (action, "title"), subtitle);

  cv_opens_record (row, "action", cv_record_get_id (action));
  return row;
}

static void
select_choice (AdwComboRow   *row,
               const CvField *field,
               const char    *nick)
{
  for (guint i = 0; field->choices[i].nick != NULL; i++)
    if (g_strcmp0 (field->choices[i].nick, nick) == 0)
      adw_combo_row_set_selected (row, i);
}

static void
show_theme (CvThemesView *self)
{
  g_autoptr(GtkStringList) others = gtk_string_list_new (NULL);
  const char *colour;
  GdkRGBA rgba;

  if (self->theme == NULL)
    {
      cv_paged_rows_set_key (self->said_rows, NULL);
      cv_paged_rows_set_key (self->action_rows, NULL);
      gtk_stack_set_visible_child_name (self->page_stack, "none");
      return;
    }

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), cv_record_get_string (self->theme, "name"));
  {
    g_autofree char *shown = cv_text_view_get_text (self->description_view);
    const char *description = cv_record_get_string (self->theme, "description");

    /* The theme read again after its own save, or while what is typed waits
     * to be saved: the text being typed stays, cursor and all. */
    if (self->save_source == 0 && g_strcmp0 (shown, description != NULL ? description : "") != 0)
      cv_text_view_load (self->description_view, description);
  }
  select_choice (self->kind_row, field_of (CV_TYPE_THEME, "kind"), cv_record_get_string (self->theme, "kind"));
  select_choice (self->status_row, field_of (CV_TYPE_THEME, "status"), cv_record_get_string (self->theme, "status"));
  colour = cv_record_get_string (self->theme, "colour");
  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    gdk_rgba_parse (&rgba, "#9a9996");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);

  g_clear_pointer (&self->merge_ids, g_ptr_array_unref);
  self->merge_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->themes)); i++)
    {
      g_autoptr(CvRecord) other = g_list_model_get_item (G_LIST_MODEL (self->themes), i);

      if (g_str_equal (cv_record_get_id (other), cv_record_get_id (self->theme)))
        continue;
      gtk_string_list_append (others, cv_record_get_string (other, "name"));
      g_ptr_array_add (self->merge_ids, g_strdup (cv_record_get_id (other)));
    }
  adw_combo_row_set_model (self->merge_row, G_LIST_MODEL (others));
  self->loading = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  /* A theme raised thousands of times: a page of each, read off the main thread. */
  cv_paged_rows_set_key (self->said_rows, cv_record_get_id (self->theme));
  cv_paged_rows_set_key (self->action_rows, cv_record_get_id (self->theme));

  gtk_stack_set_visible_child_name (self->page_stack, "theme");
}

static void save_pending (CvThemesView *self,
                          gboolean      now);

static void
selection_changed_cb (CvThemesView *self)
{
  CvRecord *theme = gtk_single_selection_get_selected_item (self->selection);

  if (theme == NULL || (self->theme != NULL && g_str_equal (cv_record_get_id (theme), cv_record_get_id (self->theme))))
    return;
  save_pending (self, FALSE);
  g_clear_object (&self->theme);
  self->theme = cv_record_copy (theme);
  show_theme (self);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->page_stack));
  cv_focus_keep_text (GTK_WIDGET (self));
}

static void
save_cb (CvThemesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) theme = NULL;
  g_autofree char *colour = NULL;
  GdkRGBA rgba;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->loading || self->theme == NULL)
    return;
  theme = cv_record_copy (self->theme);
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);
  colour = g_strdup_printf ("#%02x%02x%02x", (int)(rgba.red * 255), (int)(rgba.green * 255), (int)(rgba.blue * 255));
  cv_record_set_string (theme, "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  {
    g_autofree char *description = cv_text_view_get_text (self->description_view);

    cv_record_set_string (theme, "description", description);
  }
  cv_record_set_string (theme, "kind", field_of (CV_TYPE_THEME, "kind")->choices[adw_combo_row_get_selected (self->kind_row)].nick);
  cv_record_set_string (theme, "status", field_of (CV_TYPE_THEME, "status")->choices[adw_combo_row_get_selected (self->status_row)].nick);
  cv_record_set_string (theme, "colour", colour);
  if (!cv_store_update (self->store, theme, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_set_object (&self->theme, theme);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CvThemesView *self = user_data;

  self->save_source = 0;
  save_cb (self);
  return G_SOURCE_REMOVE;
}

/* The description is saved as it is typed, once the typing pauses. */
static void
description_changed_cb (CvThemesView *self)
{
  if (self->loading || self->theme == NULL)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (400, save_timeout_cb, self);
}

typedef struct
{
  CvStore  *store;
  CvRecord *theme;
} PendingSave;

static void
pending_save_free (gpointer data)
{
  PendingSave *pending = data;

  g_object_unref (pending->store);
  g_object_unref (pending->theme);
  g_free (pending);
}

static gboolean
pending_save_cb (gpointer data)
{
  PendingSave *pending = data;
  g_autoptr(GError) error = NULL;

  if (!cv_store_update (pending->store, pending->theme, &error))
    g_message ("Could not save the description of a theme: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* The description typed into the theme shown, not saved yet, is saved as
 * another theme is shown: once the page has changed (the save reads the
 * list again, which must not happen while its selection changes), or at
 * once when the view goes. */
static void
save_pending (CvThemesView *self,
              gboolean      now)
{
  PendingSave *pending;
  g_autofree char *description = NULL;

  if (self->save_source == 0 || self->theme == NULL)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  description = cv_text_view_get_text (self->description_view);
  pending = g_new0 (PendingSave, 1);
  pending->store = g_object_ref (self->store);
  pending->theme = cv_record_copy (self->theme);
  cv_record_set_string (pending->theme, "description", description);
  if (now)
    {
      pending_save_cb (pending);
      pending_save_free (pending);
    }
  else
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, pending_save_cb, pending, pending_save_free);
}

static gboolean
unmerge_cb (CvStore  *store,
            gpointer  data,
            GError  **error)
{
  return cv_themes_unmerge (store, data, error);
}

/**
 * cv_themes_view_merge_into:
 *
 * Merges the theme shown into @into_id, offering Undo.
 */
gboolean
cv_themes_view_merge_into (CvThemesView *self,
                           const char   *into_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *into_name = NULL;
  g_autofree char *title = NULL;
  CvThemeMerge *merge;

  g_return_val_if_fail (CV_IS_THEMES_VIEW (self), FALSE);

  if (self->theme == NULL)
    return FALSE;
  into_name = cv_store_get_display_name (self->store, "theme", into_id);
  title = g_strdup_printf (_("“%s” merged into “%s”"), cv_record_get_string (self->theme, "name"), into_name);
  merge = cv_themes_merge (self->store, cv_record_get_id (self->theme), into_id, &error);
  if (merge == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  cv_trash_offer_undo (self->trash, GTK_WIDGET (self), title, unmerge_cb, merge,
                       (GDestroyNotify)cv_theme_merge_free);
  cv_themes_view_open (self, into_id);
  return TRUE;
}

static void
merge_cb (CvThemesView *self)
{
  guint chosen = adw_combo_row_get_selected (self->merge_row);

  if (self->merge_ids != NULL && chosen < self->merge_ids->len)
    cv_themes_view_merge_into (self, g_ptr_array_index (self->merge_ids, chosen));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CvThemesView     *self)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (!g_str_equal (response, "delete") || self->theme == NULL)
    return;
  g_ptr_array_add (records, g_object_ref (self->theme));
  cv_trash_delete (self->trash, records, GTK_WIDGET (self));
  g_clear_object (&self->theme);
  show_theme (self);
}

/* Deleting asks first: the words and actions stay, without this theme. */
static void
delete_cb (CvThemesView *self)
{
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (self->theme == NULL)
    return;
  heading = g_strdup_printf (_("Delete “%s”?"), cv_record_get_string (self->theme, "name"));
  dialog = cv_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                  _("What people said and the actions agreed stay; they only lose this theme."),
                                  "cancel", "cancel",
                                  "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_cb (CvThemesView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
store_changed_cb (CvThemesView *self,
                  const char   *table,
                  const char   *id,
                  CvStore      *store)
{
  if (g_str_equal (table, "theme") || g_str_equal (table, "contribution") || g_str_equal (table, "action"))
    reload (self);
}

static void
folded_changed_cb (CvThemesView *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
cv_themes_view_dispose (GObject *object)
{
  CvThemesView *self = (CvThemesView *)object;

  save_pending (self, TRUE);
  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_THEMES_VIEW);
  g_clear_pointer (&self->count_labels, g_hash_table_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->themes);
  g_clear_object (&self->theme);
  g_clear_object (&self->trash);
  g_clear_object (&self->store);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->programme_id, g_free);
  g_clear_pointer (&self->merge_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (cv_themes_view_parent_class)->dispose (object);
}

static void
cv_themes_view_class_init (CvThemesViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cv_themes_view_dispose;
  g_type_ensure (CV_TYPE_PAGED_ROWS);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (CV_TYPE_MATCH_COUNT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-themes-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CvThemesView, name)
  BIND (leaflet);
  BIND (list_pane);
  BIND (search_entry);
  BIND (match_count);
  BIND (list_stack);
  BIND (column_view);
  BIND (name_column);
  BIND (said_column);
  BIND (sessions_column);
  BIND (open_column);
  BIND (done_column);
  BIND (page_stack);
  BIND (back_button);
  BIND (name_row);
  BIND (kind_row);
  BIND (status_row);
  BIND (colour_button);
  BIND (description_view);
  BIND (error_label);
  BIND (said_rows);
  BIND (action_rows);
  BIND (merge_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_cb);
}

static void
fill_choices (AdwComboRow   *row,
              const CvField *field)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  for (const CvChoice *c = field->choices; c->nick != NULL; c++)
    gtk_string_list_append (strings, _(c->label));
  adw_combo_row_set_model (row, G_LIST_MODEL (strings));
}

static void
cv_themes_view_init (CvThemesView *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (description_changed_cb), self, G_CONNECT_SWAPPED);
  self->count_labels = g_hash_table_new (NULL, NULL);
  self->themes = g_list_store_new (CV_TYPE_THEME);

  self->loading = TRUE;
  fill_choices (self->kind_row, field_of (CV_TYPE_THEME, "kind"));
  fill_choices (self->status_row, field_of (CV_TYPE_THEME, "status"));
  self->loading = FALSE;

  set_up_column (self, self->name_column, NULL);
  set_up_column (self, self->said_column, "said");
  set_up_column (self, self->sessions_column, "sessions");
  set_up_column (self, self->open_column, "open");
  set_up_column (self, self->done_column, "done");
  /* A click on a theme opens it already, folded or not. */
  cv_record_table_fit (self->column_view, NULL, self->name_column, self->said_column, self->open_column,
                       self->done_column, self->sessions_column, NULL);

  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->themes)),
                                              GTK_FILTER (gtk_custom_filter_new (filter_cb, self, NULL)));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (count_matches), self, G_CONNECT_SWAPPED);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self, G_CONNECT_SWAPPED);
  folded_changed_cb (self);
  /* The most raised first, until the person sorts otherwise. */
  gtk_column_view_sort_by_column (self->column_view, self->said_column, GTK_SORT_DESCENDING);
}

void
cv_themes_view_set_store (CvThemesView *self,
                          CvStore      *store,
                          CvTrash      *trash)
{
  g_return_if_fail (CV_IS_THEMES_VIEW (self));

  self->store = g_object_ref (store);
  self->trash = g_object_ref (trash);
  cv_paged_rows_set_list (self->said_rows, store, CV_PAGED_THEME_CONTRIBUTIONS, said_row_cb, self,
                          _("Not raised at any session yet"));
  cv_paged_rows_set_list (self->action_rows, store, CV_PAGED_THEME_ACTIONS, action_row_cb, self,
                          _("No actions yet"));
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

void
cv_themes_view_set_programme (CvThemesView *self,
                              const char   *programme_id)
{
  g_return_if_fail (CV_IS_THEMES_VIEW (self));

  if (g_strcmp0 (self->programme_id, programme_id) == 0)
    return;
  g_free (self->programme_id);
  self->programme_id = g_strdup (programme_id);
  save_pending (self, FALSE);
  g_clear_object (&self->theme);
  reload (self);
}

void
cv_themes_view_open (CvThemesView *self,
                     const char   *theme_id)
{
  g_return_if_fail (CV_IS_THEMES_VIEW (self));

  save_pending (self, FALSE);
  g_clear_object (&self->theme);
  self->theme = cv_store_load (self->store, CV_TYPE_THEME, theme_id, NULL);
  show_theme (self);
  if (self->theme != NULL)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->page_stack));
  /* Opened from a mention: the list shows which theme is open, or none. */
  if (self->selection != NULL)
    {
      guint position = GTK_INVALID_LIST_POSITION;

      for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
           i < n && position == GTK_INVALID_LIST_POSITION && theme_id != NULL; i++)
        {
          g_autoptr(CvRecord) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

          if (g_strcmp0 (cv_record_get_id (item), theme_id) == 0)
            position = i;
        }
      gtk_single_selection_set_selected (self->selection, position);
    }
}

void
cv_themes_view_focus_search (CvThemesView *self)
{
  g_return_if_fail (CV_IS_THEMES_VIEW (self));
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Returns: whether the themes are still being counted */
gboolean
cv_themes_view_is_counting (CvThemesView *self)
{
  g_return_val_if_fail (CV_IS_THEMES_VIEW (self), FALSE);
  return self->counting != NULL;
}

/* Returns: (transfer none): the themes as shown, for tests */
GListModel *
cv_themes_view_get_model (CvThemesView *self)
{
  g_return_val_if_fail (CV_IS_THEMES_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/* The view contract */

static void
as_view_set_store (CvView  *view,
                   CvStore *store,
                   CvTrash *trash)
{
  cv_themes_view_set_store (CV_THEMES_VIEW (view), store, trash);
}

static void
as_view_set_programme (CvView     *view,
                       const char *programme_id)
{
  cv_themes_view_set_programme (CV_THEMES_VIEW (view), programme_id);
}

static void
as_view_open (CvView     *view,
              const char *table,
              const char *id)
{
  cv_themes_view_open (CV_THEMES_VIEW (view), id);
}

static void
as_view_focus_search (CvView *view)
{
  cv_themes_view_focus_search (CV_THEMES_VIEW (view));
}

static void
cv_themes_view_view_init (CvViewInterface *iface)
{
  static const char * const tables[] = { "theme", NULL };

  iface->tables = tables;
  iface->set_store = as_view_set_store;
  iface->set_programme = as_view_set_programme;
  iface->open = as_view_open;
  iface->focus_search = as_view_focus_search;
}
