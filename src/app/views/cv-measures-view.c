/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Measures: outcomes followed over time. A measure's page draws its values,
 * lists them to add, correct or remove, and says how much any two dates
 * differ, as a number and a percentage, and whether that is better.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cv-date-row.h"
#include "cv-list-export.h"
#include "cv-list-pane.h"
#include "cv-measure.h"
#include "cv-measure-chart.h"
#include "cv-measure-value.h"
#include "cv-measures-view.h"
#include "cv-record-column.h"
#include "cv-record-list.h"
#include "cv-view.h"
#include "cv-overview.h"
#include "cv-format.h"
#include "cv-widgets.h"

struct _CvMeasuresView
{
  GtkWidget       parent_instance;

  CvStore        *store;
  CvTrash        *trash;
  char           *programme_id;
  CvRecordList   *list;
  CvRecord       *measure;    /* the one shown; without an id until it is named */
  GArray         *points;
  gboolean        loading;

  CvListPane          *pane;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *unit_column;
  GtkStack       *page_stack;
  GtkWidget      *back_button;
  GtkLabel       *title_label;
  CvMeasureChart *chart;
  AdwComboRow    *from_row;
  AdwComboRow    *to_row;
  AdwActionRow   *change_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *value_row;
  GtkLabel       *value_error;
  GtkListBox     *value_list;
  AdwEntryRow    *name_row;
  AdwEntryRow    *unit_row;
  AdwComboRow    *better_row;
  AdwEntryRow    *description_row;
  GtkLabel       *page_error;
};

static void cv_measures_view_view_init (CvViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CvMeasuresView, cv_measures_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CV_TYPE_VIEW, cv_measures_view_view_init))

static const CvField *
better_field (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (CV_TYPE_MEASURE);

  return cv_record_kind_find_field (CV_RECORD_CLASS (klass)->kind, "better");
}

static void
clear_points (CvMeasuresView *self)
{
  g_clear_pointer (&self->points, g_array_unref);
}

/* The measures as listed, out to a spreadsheet. */
static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CvMeasuresView *self = CV_MEASURES_VIEW (widget);

  if (self->programme_id == NULL)
    return;
  /* TRANSLATORS: the name suggested for an exported list of measures */
  cv_list_export_choose (widget, self->store, CV_CSV_MEASURES, G_LIST_MODEL (self->list), _("measures.csv"));
}

/* The change between the two dates chosen, in words. */
static void
change_cb (CvMeasuresView *self)
{
  guint from = adw_combo_row_get_selected (self->from_row);
  guint to = adw_combo_row_get_selected (self->to_row);
  g_autofree char *text = NULL;

  if (self->loading || self->points == NULL || self->points->len < 2 ||
      from >= self->points->len || to >= self->points->len)
    {
      adw_action_row_set_subtitle (self->change_row, _("Add at least two values"));
      return;
    }
  {
    g_autofree char *change = cv_measure_describe_change (g_array_index (self->points, CvMeasurePoint, from).value,
                                                          g_array_index (self->points, CvMeasurePoint, to).value,
                                                          cv_record_get_string (self->measure, "better"));
    g_autofree char *since = cv_format_date (g_array_index (self->points, CvMeasurePoint, from).date);
    g_autofree char *until = cv_format_date (g_array_index (self->points, CvMeasurePoint, to).date);

    /* TRANSLATORS: a measure's change between two dates:
     * “+150 (+24%), better, from 1 January 2018 to 1 January 2021” */
    text = g_strdup_printf (_("%s, from %s to %s"), change, since, until);
  }
  adw_action_row_set_subtitle (self->change_row, text);
}

/* The number typed in @editable, or FALSE with @error set. */
static gboolean
read_number (GtkEditable  *editable,
             double       *number,
             GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  char *end = NULL;

  *number = g_ascii_strtod (text, &end);
  if (*text == '\0' || end == NULL || *end != '\0' || !isfinite (*number))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Value: “%s” is not a number."), text);
      return FALSE;
    }
  return TRUE;
}

static void
edit_value_cb (AdwEntryRow    *row,
               CvMeasuresView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) value = cv_store_load (self->store, CV_TYPE_MEASURE_VALUE,
                                             g_object_get_data (G_OBJECT (row), "value"), &error);
  double number;

  if (value == NULL || !read_number (GTK_EDITABLE (row), &number, &error))
    {
      cv_error_label_show (self->value_error, error);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  g_object_set (value, "value", number, NULL);
  if (!cv_store_update (self->store, value, &error))
    {
      cv_error_label_show (self->value_error, error);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  cv_error_label_show (self->value_error, NULL);
}

static void
remove_value_cb (GtkButton      *button,
                 CvMeasuresView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) value = cv_store_load (self->store, CV_TYPE_MEASURE_VALUE,
                                             g_object_get_data (G_OBJECT (button), "value"), &error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (value == NULL)
    return;
  g_ptr_array_add (records, g_steal_pointer (&value));
  cv_trash_delete (self->trash, records, GTK_WIDGET (self));
}

static void
show_measure (CvMeasuresView *self)
{
  g_autoptr(GtkStringList) dates = gtk_string_list_new (NULL);

  cv_list_box_clear (self->value_list);
  clear_points (self);
  if (self->measure == NULL)
    {
      gtk_stack_set_visible_child_name (self->page_stack, "none");
      return;
    }

  if (cv_record_get_id (self->measure) != NULL)
    self->points = cv_measure_values (self->store, cv_record_get_id (self->measure), NULL);
  self->loading = TRUE;
  gtk_label_set_text (self->title_label, cv_record_get_string (self->measure, "name") ?: _("New Measure"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), cv_record_get_string (self->measure, "name") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), cv_record_get_string (self->measure, "unit") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), cv_record_get_string (self->measure, "description") ?: "");
  adw_combo_row_set_selected (self->better_row,
                              g_strcmp0 (cv_record_get_string (self->measure, "better"), "lower") == 0 ? 1 : 0);

  for (guint i = 0; self->points != NULL && i < self->points->len; i++)
    {
      CvMeasurePoint *p = &g_array_index (self->points, CvMeasurePoint, i);
      g_autofree char *when = cv_format_date (p->date);
      char number[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *remove_label = g_strdup_printf (_("Remove the value for %s"), when);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_string_list_append (dates, when);
      /* The value for the date, corrected in place and stored with Apply. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      /* Plain digits, as they are typed and read back. */
      gtk_editable_set_text (GTK_EDITABLE (row), g_ascii_formatd (number, sizeof number, "%.10g", p->value));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "value", g_strdup (p->id), g_free);
      g_signal_connect (row, "apply", G_CALLBACK (edit_value_cb), self);
      g_signal_connect (row, "entry-activated", G_CALLBACK (edit_value_cb), self);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data_full (G_OBJECT (remove), "value", g_strdup (p->id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_value_cb), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      gtk_list_box_prepend (self->value_list, row);   /* newest first */
    }
  gtk_widget_set_visible (GTK_WIDGET (self->value_list), self->points != NULL && self->points->len > 0);

  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (dates));
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (dates));
  {
    guint from, to;

    /* The same change as the overview shows. */
    if (cv_measure_default_span (self->points, &from, &to))
      {
        adw_combo_row_set_selected (self->from_row, from);
        adw_combo_row_set_selected (self->to_row, to);
      }
  }
  self->loading = FALSE;

  cv_measure_chart_set_values (self->chart, self->points, cv_record_get_string (self->measure, "better"),
                               cv_record_get_string (self->measure, "unit"));
  change_cb (self);
  gtk_stack_set_visible_child_name (self->page_stack, "measure");
}

void
cv_measures_view_open (CvMeasuresView *self,
                       const char     *measure_id)
{
  g_return_if_fail (CV_IS_MEASURES_VIEW (self));

  g_clear_object (&self->measure);
  self->measure = measure_id != NULL ? cv_store_load (self->store, CV_TYPE_MEASURE, measure_id, NULL) : NULL;
  show_measure (self);
  if (self->measure != NULL)
    {
      cv_list_pane_select_record (self->pane, measure_id);
      cv_list_pane_show_detail (self->pane);
    }
}

static void
selected_cb (CvMeasuresView *self,
             CvRecord       *measure)
{
  if (self->measure != NULL && g_strcmp0 (cv_record_get_id (self->measure), cv_record_get_id (measure)) == 0)
    return;
  g_set_object (&self->measure, measure);
  show_measure (self);
}

static void
activated_cb (CvMeasuresView *self,
              CvRecord       *measure)
{
  g_set_object (&self->measure, measure);
  show_measure (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
}

/**
 * cv_measures_view_new_measure:
 *
 * Opens the page of a new measure, stored once it has a name.
 */
void
cv_measures_view_new_measure (CvMeasuresView *self)
{
  g_return_if_fail (CV_IS_MEASURES_VIEW (self));

  if (self->programme_id == NULL)
    return;
  g_clear_object (&self->measure);
  self->measure = cv_record_new (CV_TYPE_MEASURE);
  cv_record_set_string (self->measure, "programme_id", self->programme_id);
  cv_list_pane_unselect_all (self->pane);
  show_measure (self);
  cv_list_pane_show_detail (self->pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
add_value_cb (CvMeasuresView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) value = cv_record_new (CV_TYPE_MEASURE_VALUE);
  g_autofree char *date = cv_date_row_get_date (self->date_row);
  double number;

  if (self->measure == NULL || cv_record_get_id (self->measure) == NULL)
    return;
  if (!read_number (GTK_EDITABLE (self->value_row), &number, &error))
    {
      cv_error_label_show (self->value_error, error);
      return;
    }
  g_object_set (value, "measure-id", cv_record_get_id (self->measure), "measured-on", date, "value", number, NULL);
  if (!cv_store_insert (self->store, value, &error))
    {
      cv_error_label_show (self->value_error, error);
      return;
    }
  cv_error_label_show (self->value_error, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
}

static void
save_cb (CvMeasuresView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) measure = NULL;
  gboolean is_new;
  gboolean stored;

  if (self->loading || self->measure == NULL)
    return;
  is_new = cv_record_get_id (self->measure) == NULL;
  /* A new measure is stored once it is named. */
  if (is_new && gtk_editable_get_text (GTK_EDITABLE (self->name_row))[0] == '\0')
    return;
  measure = cv_record_copy (self->measure);
  cv_record_set_string (measure, "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  cv_record_set_string (measure, "unit", gtk_editable_get_text (GTK_EDITABLE (self->unit_row)));
  cv_record_set_string (measure, "description", gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  cv_record_set_string (measure, "better", better_field ()->choices[adw_combo_row_get_selected (self->better_row)].nick);
  stored = is_new ? cv_store_insert (self->store, measure, &error) : cv_store_update (self->store, measure, &error);
  if (!stored)
    {
      cv_error_label_show (self->page_error, error);
      return;
    }
  cv_error_label_show (self->page_error, NULL);
  g_set_object (&self->measure, measure);
  show_measure (self);
  if (is_new)
    cv_list_pane_select_record (self->pane, cv_record_get_id (measure));
}

static void
delete_cb (CvMeasuresView *self)
{
  g_autoptr(CvRecord) measure = self->measure != NULL ? g_object_ref (self->measure) : NULL;

  if (measure == NULL)
    return;
  /* Not yet named, it was never stored. */
  if (cv_record_get_id (measure) == NULL)
    {
      g_clear_object (&self->measure);
      show_measure (self);
      cv_list_pane_show_list (self->pane);
      return;
    }
  cv_list_pane_delete_record (self->pane, G_OBJECT (measure));
}

/* The page never shows a measure that is gone. */
static void
deleted_cb (CvMeasuresView *self)
{
  if (self->measure != NULL && cv_record_get_id (self->measure) != NULL &&
      cv_store_rowid_of (self->store, "measure", cv_record_get_id (self->measure)) < 0)
    {
      g_clear_object (&self->measure);
      show_measure (self);
    }
}

static void
back_cb (CvMeasuresView *self)
{
  cv_list_pane_show_list (self->pane);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  CvMeasuresView *self = data;
  g_autofree char *shown = self->measure != NULL ? g_strdup (cv_record_get_id (self->measure)) : NULL;

  /* A new measure not yet named stays as it is. */
  if (self->measure != NULL && shown == NULL)
    return G_SOURCE_REMOVE;
  g_clear_object (&self->measure);
  if (shown != NULL)
    self->measure = cv_store_load (self->store, CV_TYPE_MEASURE, shown, NULL);
  show_measure (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CvMeasuresView *self,
                  const char     *table,
                  const char     *id,
                  CvStore        *store)
{
  /* After the change is over: a remove button may be what caused it. */
  if (g_str_equal (table, "measure") || g_str_equal (table, "measure_value"))
    g_idle_add_full (G_PRIORITY_DEFAULT, refresh_idle_cb, g_object_ref (self), g_object_unref);
}

static void
folded_changed_cb (CvMeasuresView *self)
{
  gtk_widget_set_visible (self->back_button, cv_list_pane_get_folded (self->pane));
}

static void
cv_measures_view_dispose (GObject *object)
{
  CvMeasuresView *self = (CvMeasuresView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_MEASURES_VIEW);
  clear_points (self);
  g_clear_object (&self->measure);
  g_clear_object (&self->list);
  g_clear_object (&self->trash);
  g_clear_object (&self->store);
  g_clear_pointer (&self->programme_id, g_free);

  G_OBJECT_CLASS (cv_measures_view_parent_class)->dispose (object);
}

static void
cv_measures_view_class_init (CvMeasuresViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cv_measures_view_dispose;
  g_type_ensure (CV_TYPE_MEASURE_CHART);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (CV_TYPE_LIST_PANE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-measures-view.ui");
  gtk_widget_class_install_action (widget_class, "measures.export-csv", NULL, export_csv_action);
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CvMeasuresView, name)
  BIND (pane);
  BIND (column_view);
  BIND (name_column);
  BIND (unit_column);
  BIND (page_stack);
  BIND (back_button);
  BIND (title_label);
  BIND (chart);
  BIND (from_row);
  BIND (to_row);
  BIND (change_row);
  BIND (date_row);
  BIND (value_row);
  BIND (value_error);
  BIND (value_list);
  BIND (name_row);
  BIND (unit_row);
  BIND (better_row);
  BIND (description_row);
  BIND (page_error);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, cv_measures_view_new_measure);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, deleted_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_value_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_cb);
}

static void
cv_measures_view_init (CvMeasuresView *self)
{
  g_autoptr(GtkStringList) directions = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = TRUE;
  for (const CvChoice *c = better_field ()->choices; c->nick != NULL; c++)
    gtk_string_list_append (directions, _(c->label));
  adw_combo_row_set_model (self->better_row, G_LIST_MODEL (directions));
  self->loading = FALSE;
  cv_date_row_attach_calendar (self->date_row);
  cv_record_table_fit (self->column_view, NULL, self->name_column, self->unit_column, NULL);
  folded_changed_cb (self);
}

void
cv_measures_view_set_store (CvMeasuresView *self,
                            CvStore        *store,
                            CvTrash        *trash)
{
  g_return_if_fail (CV_IS_MEASURES_VIEW (self));

  self->store = g_object_ref (store);
  self->trash = g_object_ref (trash);
  cv_record_column_set_up (self->name_column, store, "name");
  cv_record_column_set_up (self->unit_column, store, "unit");
  self->list = cv_record_list_new (store, CV_TYPE_MEASURE);
  cv_record_list_set_sort (self->list, "name", FALSE);
  cv_list_pane_set_model (self->pane, G_LIST_MODEL (self->list));
  cv_list_pane_set_trash (self->pane, trash);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

void
cv_measures_view_set_programme (CvMeasuresView *self,
                                const char     *programme_id)
{
  g_return_if_fail (CV_IS_MEASURES_VIEW (self));

  if (g_strcmp0 (self->programme_id, programme_id) == 0)
    return;
  g_free (self->programme_id);
  self->programme_id = g_strdup (programme_id);
  g_clear_object (&self->measure);
  cv_record_list_set_programme (self->list, programme_id);
  cv_list_pane_refresh (self->pane);
  show_measure (self);
}

/* Returns: the change shown between the two dates chosen, for tests */
const char *
cv_measures_view_get_change (CvMeasuresView *self)
{
  g_return_val_if_fail (CV_IS_MEASURES_VIEW (self), NULL);
  return adw_action_row_get_subtitle (self->change_row);
}

/* Ctrl+F: the measures, searched by name. */
void
cv_measures_view_focus_search (CvMeasuresView *self)
{
  g_return_if_fail (CV_IS_MEASURES_VIEW (self));

  cv_list_pane_focus_search (self->pane);
}

/* The view contract */

static void
as_view_set_store (CvView  *view,
                   CvStore *store,
                   CvTrash *trash)
{
  cv_measures_view_set_store (CV_MEASURES_VIEW (view), store, trash);
}

static void
as_view_set_programme (CvView     *view,
                       const char *programme_id)
{
  cv_measures_view_set_programme (CV_MEASURES_VIEW (view), programme_id);
}

static void
as_view_open (CvView     *view,
              const char *table,
              const char *id)
{
  cv_measures_view_open (CV_MEASURES_VIEW (view), id);
}

static void
as_view_new_record (CvView *view)
{
  cv_measures_view_new_measure (CV_MEASURES_VIEW (view));
}

static void
as_view_focus_search (CvView *view)
{
  cv_measures_view_focus_search (CV_MEASURES_VIEW (view));
}

static void
cv_measures_view_view_init (CvViewInterface *iface)
{
  static const char * const tables[] = { "measure", NULL };

  iface->tables = tables;
  iface->set_store = as_view_set_store;
  iface->set_programme = as_view_set_programme;
  iface->open = as_view_open;
  iface->new_record = as_view_new_record;
  iface->focus_search = as_view_focus_search;
}
