/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The list half of every record view, and the leaflet that puts the record's
 * page beside it: a search with its match count, a slot for the view's
 * filters, the list with its selection, delete with Undo, the page shown when
 * there is nothing yet (with the add button) and the one shown when a search
 * or filter leaves nothing, and a detail pane of constant width. When the
 * leaflet is folded one click or Enter opens the record.
 *
 * A view declares it in its template with its own parts as children:
 *   <child>                   the list (a GtkColumnView or GtkListView)
 *   <child type="filter">     filters, at the start of the tool bar
 *   <child type="end">        more buttons (a menu), before delete and add
 *   <child type="alternative"> another way to show the same records (a grid)
 *   <child type="detail">     the record's page (a #CvRecordEditor is wired
 *                             to the list: back, delete and saved)
 * and gives it its model with cv_list_pane_set_model(). Over a CvRecordList
 * the pane searches and refreshes the list itself; over any other model the
 * view filters on "search-changed" and calls cv_list_pane_update_page().
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-list-pane.h"
#include "cv-match-count.h"
#include "cv-pane-layout.h"
#include "cv-record.h"
#include "cv-record-editor.h"
#include "cv-record-list.h"
#include "cv-selection.h"
#include "cv-sort-key.h"
#include "cv-widgets.h"

struct _CvListPane
{
  GtkWidget          parent_instance;

  GListModel        *model;
  CvRecordList      *records;    /* model, when it is a record list */
  CvSelection       *selection;
  CvTrash           *trash;
  GtkWidget         *list;
  GtkWidget         *detail;
  char              *sort_field; /* the order when no column is chosen */
  gulong             sorter_id;
  gboolean           filtered;   /* the view's filters leave records out */
  gboolean           threaded;
  gboolean           show_alternative;
  gboolean           built;      /* the pane's own template is in place */

  AdwLeaflet        *leaflet;
  GtkWidget         *list_side;
  GtkSearchEntry    *search_entry;
  GtkWidget         *filter_box;
  GtkWidget         *end_box;
  GtkButton         *delete_button;
  GtkButton         *add_button;
  CvMatchCount      *match_count;
  GtkStack          *list_stack;
  GtkScrolledWindow *scrolled;
  AdwStatusPage     *empty_page;
  GtkButton         *empty_add_button;
  AdwStatusPage     *no_results_page;
  GtkButton         *no_results_add_button;
};

static void cv_list_pane_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CvListPane, cv_list_pane, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, cv_list_pane_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_KIND,
  PROP_SEARCH_PLACEHOLDER,
  PROP_ADD_TOOLTIP,
  PROP_ADD_LABEL,
  PROP_DELETE_TOOLTIP,
  PROP_EMPTY_ICON_NAME,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_NO_RESULTS_TITLE,
  PROP_NO_RESULTS_DESCRIPTION,
  PROP_THREADED,
  PROP_SORT_FIELD,
  PROP_FOLDED,
  N_PROPS
};

enum {
  SEARCH_CHANGED,
  ADD,
  SELECTED,
  ACTIVATED,
  DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_narrowed (CvListPane *self)
{
  return self->filtered || gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0' ||
         (self->records != NULL && cv_record_list_is_narrowed (self->records));
}

/**
 * cv_list_pane_update_page:
 *
 * Shows the list, or when it has no rows, the page that says why: nothing
 * yet, or nothing that matches.
 */
void
cv_list_pane_update_page (CvListPane *self)
{
  g_return_if_fail (CV_IS_LIST_PANE (self));

  if (self->model != NULL && g_list_model_get_n_items (self->model) > 0)
    gtk_stack_set_visible_child_name (self->list_stack, self->show_alternative ? "alternative" : "list");
  else
    gtk_stack_set_visible_child_name (self->list_stack, is_narrowed (self) ? "no-results" : "empty");
}

static void
refreshed_cb (gpointer owner)
{
  cv_list_pane_update_page (CV_LIST_PANE (owner));
}

/**
 * cv_list_pane_refresh_now:
 *
 * Lists the records again at once, on this thread: for a filter that is
 * quick to apply and whose result the view looks at straight after.
 */
void
cv_list_pane_refresh_now (CvListPane *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CV_IS_LIST_PANE (self));

  if (self->records != NULL && !cv_record_list_refresh (self->records, &error))
    cv_widget_report_error (GTK_WIDGET (self), "Could not list the records", error);
  cv_list_pane_update_page (self);
}

/**
 * cv_list_pane_refresh:
 *
 * Lists the records again after the view changed a filter of its record
 * list: on a worker thread (a newer refresh cancels an older one), or at
 * once when the pane is not #CvListPane:threaded.
 */
void
cv_list_pane_refresh (CvListPane *self)
{
  g_return_if_fail (CV_IS_LIST_PANE (self));

  if (self->records == NULL || !self->threaded)
    {
      cv_list_pane_refresh_now (self);
      return;
    }
  cv_record_list_refresh_for (self->records, GTK_WIDGET (self), "Could not list the records", refreshed_cb);
}

static void
search_changed_cb (CvListPane *self)
{
  if (self->records != NULL)
    {
      cv_record_list_set_search (self->records, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      cv_list_pane_refresh (self);
    }
  g_signal_emit (self, signals[SEARCH_CHANGED], 0);
}

static void
add_cb (CvListPane *self)
{
  g_signal_emit (self, signals[ADD], 0);
}

static void
selection_changed_cb (CvListPane *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (selected);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list-pane.delete-selected", n > 0);
  if (n == 1)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, gtk_bitset_get_nth (selected, 0));

      if (item != NULL)
        g_signal_emit (self, signals[SELECTED], 0, item);
    }
}

static void
list_activate_cb (CvListPane *self,
                  guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (self->model, position);

  if (item == NULL)
    return;
  cv_list_pane_show_detail (self);
  g_signal_emit (self, signals[ACTIVATED], 0, item);
}

/* Rows come and go with a refresh, and with records added or deleted. */
static void
model_changed_cb (CvListPane *self)
{
  cv_list_pane_update_page (self);
}

/* A column chosen in a table sorts the record list; none, its own order. */
static void
sorter_changed_cb (CvListPane *self,
                   GtkSorterChange change,
                   GtkSorter  *sorter)
{
  gboolean descending = FALSE;
  const char *field;

  if (self->records == NULL)
    return;
  field = cv_sort_key_read_column_view (sorter, &descending);
  cv_record_list_set_sort (self->records, field != NULL ? field : self->sort_field, descending);
  cv_list_pane_refresh (self);
}

static void
folded_changed_cb (CvListPane *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  cv_list_pane_delete_selected (CV_LIST_PANE (widget));
}

static void
set_button_text (GtkButton  *button,
                 const char *text)
{
  gtk_widget_set_visible (GTK_WIDGET (button), text != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
set_threaded (CvListPane *self,
              gboolean    threaded)
{
  self->threaded = threaded;
  /* A search on a worker thread is cancelled by the next: no need to wait
   * for a pause in typing. */
  g_object_set (self->search_entry, "search-delay", threaded ? 0 : 150, NULL);
}

/* GtkBuildable: the view's parts go where they belong in the pane. */

static void
set_list (CvListPane *self,
          GtkWidget  *list)
{
  GtkEventController *shortcuts;

  g_return_if_fail (self->list == NULL);
  g_return_if_fail (g_signal_lookup ("activate", G_OBJECT_TYPE (list)) != 0);

  self->list = list;
  shortcuts = gtk_shortcut_controller_new ();
  gtk_scrolled_window_set_child (self->scrolled, list);
  /* Delete in the list, not in a field of the page beside it. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("list-pane.delete-selected")));
  gtk_widget_add_controller (list, shortcuts);
  g_signal_connect_object (list, "activate", G_CALLBACK (list_activate_cb), self, G_CONNECT_SWAPPED);
  /* Narrow, the list is all there is to see: a click opens the record. */
  g_object_bind_property (self->leaflet, "folded", list, "single-click-activate", G_BINDING_SYNC_CREATE);
}

static void
editor_back_cb (CvListPane *self)
{
  cv_list_pane_show_list (self);
}

static void
editor_delete_cb (CvListPane *self,
                  CvRecord   *record)
{
  cv_list_pane_delete_record (self, G_OBJECT (record));
}

/* The record just stored is the one selected in the list. */
static void
editor_saved_cb (CvListPane *self,
                 CvRecord   *record)
{
  cv_list_pane_select_record (self, cv_record_get_id (record));
}

static void
set_detail (CvListPane *self,
            GtkWidget  *detail)
{
  int list_minimum;

  g_return_if_fail (self->detail == NULL);

  /* Folded, the detail takes the whole width the list had; unfolded, it is
   * never narrower than the list may be. */
  gtk_widget_get_size_request (self->list_side, &list_minimum, NULL);
  gtk_widget_set_size_request (detail, list_minimum, -1);
  self->detail = detail;
  gtk_widget_set_hexpand (detail, FALSE);
  cv_pane_layout_fix_width (detail, CV_DETAIL_PANE_WIDTH);
  adw_leaflet_append (self->leaflet, detail);
  /* A record's page goes back to the list, deletes through it and has the
   * record it stores selected in it. */
  if (CV_IS_RECORD_EDITOR (detail))
    {
      g_signal_connect_object (detail, "back", G_CALLBACK (editor_back_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (detail, "delete-requested", G_CALLBACK (editor_delete_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (detail, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
cv_list_pane_add_child (GtkBuildable *buildable,
                        GtkBuilder   *builder,
                        GObject      *child,
                        const char   *type)
{
  CvListPane *self = CV_LIST_PANE (buildable);

  if (!self->built || !GTK_IS_WIDGET (child))
    parent_buildable_iface->add_child (buildable, builder, child, type);
  else if (g_strcmp0 (type, "filter") == 0)
    gtk_box_append (GTK_BOX (self->filter_box), GTK_WIDGET (child));
  else if (g_strcmp0 (type, "end") == 0)
    gtk_box_append (GTK_BOX (self->end_box), GTK_WIDGET (child));
  else if (g_strcmp0 (type, "alternative") == 0)
    gtk_stack_add_named (self->list_stack, GTK_WIDGET (child), "alternative");
  else if (g_strcmp0 (type, "detail") == 0)
    set_detail (self, GTK_WIDGET (child));
  else if (type == NULL)
    set_list (self, GTK_WIDGET (child));
  else
    g_warning ("CvListPane has no place for a child of type “%s”", type);
}

static void
cv_list_pane_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = cv_list_pane_add_child;
}

static void
cv_list_pane_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CvListPane *self = CV_LIST_PANE (object);

  switch (prop_id)
    {
    case PROP_THREADED:
      g_value_set_boolean (value, self->threaded);
      break;
    case PROP_SORT_FIELD:
      g_value_set_string (value, self->sort_field);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, adw_leaflet_get_folded (self->leaflet));
      break;
    case PROP_SEARCH_PLACEHOLDER:
      g_object_get_property (G_OBJECT (self->search_entry), "placeholder-text", value);
      break;
    case PROP_ADD_TOOLTIP:
      g_value_set_string (value, gtk_widget_get_tooltip_text (GTK_WIDGET (self->add_button)));
      break;
    case PROP_ADD_LABEL:
      g_value_set_string (value, gtk_button_get_label (self->empty_add_button));
      break;
    case PROP_DELETE_TOOLTIP:
      g_value_set_string (value, gtk_widget_get_tooltip_text (GTK_WIDGET (self->delete_button)));
      break;
    case PROP_EMPTY_ICON_NAME:
      g_value_set_string (value, adw_status_page_get_icon_name (self->empty_page));
      break;
    case PROP_EMPTY_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->empty_page));
      break;
    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, adw_status_page_get_description (self->empty_page));
      break;
    case PROP_NO_RESULTS_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->no_results_page));
      break;
    case PROP_NO_RESULTS_DESCRIPTION:
      g_value_set_string (value, adw_status_page_get_description (self->no_results_page));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cv_list_pane_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CvListPane *self = CV_LIST_PANE (object);
  const char *text = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;

  switch (prop_id)
    {
    case PROP_KIND:
      cv_match_count_set_kind (self->match_count, text);
      break;
    case PROP_THREADED:
      set_threaded (self, g_value_get_boolean (value));
      break;
    case PROP_SORT_FIELD:
      g_free (self->sort_field);
      self->sort_field = g_value_dup_string (value);
      break;
    case PROP_SEARCH_PLACEHOLDER:
      g_object_set (self->search_entry, "placeholder-text", text, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      text, -1);
      break;
    case PROP_ADD_TOOLTIP:
      set_button_text (self->add_button, text);
      break;
    case PROP_ADD_LABEL:
      gtk_button_set_label (self->empty_add_button, text);
      gtk_button_set_label (self->no_results_add_button, text);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_add_button), text != NULL);
      break;
    case PROP_DELETE_TOOLTIP:
      set_button_text (self->delete_button, text);
      break;
    case PROP_EMPTY_ICON_NAME:
      adw_status_page_set_icon_name (self->empty_page, text);
      break;
    case PROP_EMPTY_TITLE:
      adw_status_page_set_title (self->empty_page, text);
      break;
    case PROP_EMPTY_DESCRIPTION:
      adw_status_page_set_description (self->empty_page, text);
      break;
    case PROP_NO_RESULTS_TITLE:
      adw_status_page_set_title (self->no_results_page, text);
      break;
    case PROP_NO_RESULTS_DESCRIPTION:
      adw_status_page_set_description (self->no_results_page, text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cv_list_pane_dispose (GObject *object)
{
  CvListPane *self = CV_LIST_PANE (object);

  self->records = NULL;
  if (self->sorter_id != 0)
    g_clear_signal_handler (&self->sorter_id, gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->list)));
  if (self->list != NULL)
    g_object_set (self->list, "model", NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_LIST_PANE);
  self->list = NULL;
  self->detail = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  self->records = NULL;
  g_clear_object (&self->trash);
  g_clear_pointer (&self->sort_field, g_free);

  G_OBJECT_CLASS (cv_list_pane_parent_class)->dispose (object);
}

static GParamSpec *
text_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
cv_list_pane_class_init (CvListPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cv_list_pane_dispose;
  object_class->get_property = cv_list_pane_get_property;
  object_class->set_property = cv_list_pane_set_property;

  /* The kind of record listed, as the match count names it ("action"). */
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL,
                                               G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_PLACEHOLDER] = text_property ("search-placeholder");
  /* The add button's tooltip and name; %NULL: the view adds no records here. */
  properties[PROP_ADD_TOOLTIP] = text_property ("add-tooltip");
  /* The label of the add button on the empty page ("_Add Action"). */
  properties[PROP_ADD_LABEL] = text_property ("add-label");
  /* The delete button's tooltip and name; %NULL: the view deletes its own way. */
  properties[PROP_DELETE_TOOLTIP] = text_property ("delete-tooltip");
  properties[PROP_EMPTY_ICON_NAME] = text_property ("empty-icon-name");
  properties[PROP_EMPTY_TITLE] = text_property ("empty-title");
  properties[PROP_EMPTY_DESCRIPTION] = text_property ("empty-description");
  properties[PROP_NO_RESULTS_TITLE] = text_property ("no-results-title");
  properties[PROP_NO_RESULTS_DESCRIPTION] = text_property ("no-results-description");
  /* Whether a record list is refreshed on a worker thread (a county's
   * thousands of records) or at once (a programme's tens of sessions, where
   * what was saved is looked for in the list straight after). */
  properties[PROP_THREADED] = g_param_spec_boolean ("threaded", NULL, NULL, TRUE,
                                                    G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* The field a record list is sorted by when no column is chosen
   * (%NULL: the kind's own order). */
  properties[PROP_SORT_FIELD] = text_property ("sort-field");
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CvListPane::search-changed:
   *
   * The words searched for changed (a record list is already searched).
   */
  signals[SEARCH_CHANGED] = g_signal_new ("search-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CvListPane::add:
   *
   * The add button of the tool bar, the empty page or the no-results page.
   */
  signals[ADD] = g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CvListPane::selected:
   * @item: the one item selected
   */
  signals[SELECTED] = g_signal_new ("selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
  /**
   * CvListPane::activated:
   * @item: the item opened (Enter, a double click, or one click when narrow)
   *
   * Emitted once the detail pane is showing.
   */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
  /**
   * CvListPane::deleted:
   *
   * Records were deleted (Undo is offered): the detail may show one of them.
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (CV_TYPE_MATCH_COUNT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-list-pane.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CvListPane, name)
  BIND (leaflet);
  BIND (list_side);
  BIND (search_entry);
  BIND (filter_box);
  BIND (end_box);
  BIND (delete_button);
  BIND (add_button);
  BIND (match_count);
  BIND (list_stack);
  BIND (scrolled);
  BIND (empty_page);
  BIND (empty_add_button);
  BIND (no_results_page);
  BIND (no_results_add_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "list-pane.delete-selected", NULL, delete_selected_action);
}

static void
cv_list_pane_init (CvListPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->built = TRUE;
  set_threaded (self, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list-pane.delete-selected", FALSE);
  set_button_text (self->add_button, NULL);
  set_button_text (self->delete_button, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_add_button), FALSE);
}

/**
 * cv_list_pane_set_model:
 * @model: (transfer none): the records to list; over a #CvRecordList the
 *   pane searches, counts the matches and refreshes it
 *
 * Shows @model in the list through a selection of several rows.
 */
void
cv_list_pane_set_model (CvListPane *self,
                        GListModel *model)
{
  g_return_if_fail (CV_IS_LIST_PANE (self));
  g_return_if_fail (G_IS_LIST_MODEL (model));
  g_return_if_fail (self->model == NULL);
  g_return_if_fail (self->list != NULL);

  self->model = g_object_ref (model);
  if (CV_IS_RECORD_LIST (model))
    {
      self->records = CV_RECORD_LIST (model);
      cv_match_count_follow (self->match_count, self->records);
      if (GTK_IS_COLUMN_VIEW (self->list))
        self->sorter_id = g_signal_connect_object (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->list)),
                                                   "changed", G_CALLBACK (sorter_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
    }
  self->selection = cv_selection_new (model);
  g_object_set (self->list, "model", self->selection, NULL);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (model_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/* Returns: (transfer none) (nullable): the list as shown, with its selection */
GListModel *
cv_list_pane_get_model (CvListPane *self)
{
  g_return_val_if_fail (CV_IS_LIST_PANE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/* @trash: the window's, which deletes with Undo */
void
cv_list_pane_set_trash (CvListPane *self,
                        CvTrash    *trash)
{
  g_return_if_fail (CV_IS_LIST_PANE (self));
  g_return_if_fail (CV_IS_TRASH (trash));

  g_set_object (&self->trash, trash);
}

/**
 * cv_list_pane_set_filtered:
 * @filtered: whether the view's own filters leave records out
 *
 * For a model that is not a record list (which knows this itself): an empty
 * list is then "no results" rather than "nothing yet".
 */
void
cv_list_pane_set_filtered (CvListPane *self,
                           gboolean    filtered)
{
  g_return_if_fail (CV_IS_LIST_PANE (self));
  self->filtered = filtered;
}

/**
 * cv_list_pane_set_no_results:
 * @title: (nullable): the no-results page's title, or %NULL for the one declared
 * @description: (nullable): its description
 * @offer_add: whether the page offers to add a record
 *
 * Says what the view's filters mean when they leave nothing ("No Upcoming
 * Sessions" is not "No Matching Sessions").
 */
void
cv_list_pane_set_no_results (CvListPane *self,
                             const char *title,
                             const char *description,
                             gboolean    offer_add)
{
  g_return_if_fail (CV_IS_LIST_PANE (self));

  if (title != NULL)
    adw_status_page_set_title (self->no_results_page, title);
  if (description != NULL)
    adw_status_page_set_description (self->no_results_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->no_results_add_button), offer_add);
}

/* Returns: the words searched for, "" when none */
const char *
cv_list_pane_get_search (CvListPane *self)
{
  g_return_val_if_fail (CV_IS_LIST_PANE (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

/* Clears the search at once (a record list is searched without waiting for
 * the entry's delay). */
void
cv_list_pane_clear_search (CvListPane *self)
{
  g_return_if_fail (CV_IS_LIST_PANE (self));

  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  if (self->records != NULL)
    cv_record_list_set_search (self->records, NULL);
  g_signal_emit (self, signals[SEARCH_CHANGED], 0);
}

void
cv_list_pane_focus_search (CvListPane *self)
{
  g_return_if_fail (CV_IS_LIST_PANE (self));

  cv_list_pane_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
cv_list_pane_show_list (CvListPane *self)
{
  g_return_if_fail (CV_IS_LIST_PANE (self));
  adw_leaflet_set_visible_child (self->leaflet, self->list_side);
}

void
cv_list_pane_show_detail (CvListPane *self)
{
  g_return_if_fail (CV_IS_LIST_PANE (self));
  g_return_if_fail (self->detail != NULL);

  adw_leaflet_set_visible_child (self->leaflet, self->detail);
}

/* Returns: whether the list and the detail take turns (a narrow window) */
gboolean
cv_list_pane_get_folded (CvListPane *self)
{
  g_return_val_if_fail (CV_IS_LIST_PANE (self), FALSE);
  return adw_leaflet_get_folded (self->leaflet);
}

void
cv_list_pane_unselect_all (CvListPane *self)
{
  g_return_if_fail (CV_IS_LIST_PANE (self));

  if (self->selection != NULL)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

/**
 * cv_list_pane_select_record:
 * @id: a record's id
 *
 * Selects the record's row (and only it), if the list shows it; when it
 * does not, nothing stays selected, so that Delete never acts on a row
 * other than the record on the page.
 *
 * Returns: whether the list shows it
 */
gboolean
cv_list_pane_select_record (CvListPane *self,
                            const char *id)
{
  guint position = G_MAXUINT;

  g_return_val_if_fail (CV_IS_LIST_PANE (self), FALSE);

  if (self->model == NULL || id == NULL)
    {
      cv_list_pane_unselect_all (self);
      return FALSE;
    }
  if (self->records != NULL)
    position = cv_record_list_find (self->records, id);
  else
    for (guint i = 0, n = g_list_model_get_n_items (self->model); i < n && position == G_MAXUINT; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (self->model, i);

        if (CV_IS_RECORD (item) && g_strcmp0 (cv_record_get_id (CV_RECORD (item)), id) == 0)
          position = i;
      }
  if (position == G_MAXUINT)
    {
      cv_list_pane_unselect_all (self);
      return FALSE;
    }
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (self->list, "list.scroll-to-item", "u", position);
  return TRUE;
}

static void
delete_records (CvListPane *self,
                GPtrArray  *records)
{
  if (records->len == 0 || self->trash == NULL)
    return;
  cv_trash_delete (self->trash, records, GTK_WIDGET (self));
  g_signal_emit (self, signals[DELETED], 0);
}

/* Deletes the records selected, offering Undo. */
void
cv_list_pane_delete_selected (CvListPane *self)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_if_fail (CV_IS_LIST_PANE (self));

  if (self->selection == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->delete_button)))
    return;
  records = cv_selection_get_selected_items (self->selection);
  delete_records (self, records);
}

/* Deletes the record the detail shows, offering Undo, and goes back to the list. */
void
cv_list_pane_delete_record (CvListPane *self,
                            GObject    *record)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (CV_IS_LIST_PANE (self));
  g_return_if_fail (CV_IS_RECORD (record));

  g_ptr_array_add (records, g_object_ref (record));
  delete_records (self, records);
  cv_list_pane_show_list (self);
}

/* @show: whether the records are shown the other way (a grid) instead of the list */
void
cv_list_pane_set_show_alternative (CvListPane *self,
                                   gboolean    show)
{
  g_return_if_fail (CV_IS_LIST_PANE (self));

  self->show_alternative = show;
  cv_list_pane_update_page (self);
}
