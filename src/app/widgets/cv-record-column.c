/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A column of records shows one field as a person reads it: a choice by its
 * label, a reference by the name of what it names, a time in local time. The
 * column sorts by that field through a CvSortKey.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-consent.h"
#include "cv-format.h"
#include "cv-record-column.h"
#include "cv-sort-key.h"
#include "cv-stakeholder.h"
#include "cv-time.h"

/* A person's consent in the register, sorted by its review date: lapsed
 * and withdrawn consent said in words, for everyone to see. */
static char *
consent_text (CvRecord       *record,
              CvConsentState *state)
{
  g_autofree char *today = cv_consent_today ();
  g_autofree char *review = cv_format_date (cv_record_get_string (record, "consent_review_on"));

  *state = cv_consent_state (record, today);
  switch (*state)
    {
    case CV_CONSENT_CURRENT:
      /* TRANSLATORS: consent in the register, with the date it is to be reviewed by */
      return g_strdup_printf (_("Given, review by %s"), review);
    case CV_CONSENT_DUE:
      return g_strdup_printf (_("Review due by %s"), review);
    case CV_CONSENT_LAPSED:
      return g_strdup (_("Lapsed"));
    case CV_CONSENT_WITHDRAWN:
      return g_strdup (_("Withdrawn"));
    case CV_CONSENT_NONE:
    default:
      return NULL;
    }
}

/* Returns: (transfer full) (nullable): @field of @record in the person's words */
char *
cv_record_cell_text (CvStore    *store,
                     CvRecord   *record,
                     const char *field_name)
{
  const CvField *field;

  if (g_str_equal (field_name, "updated_at"))
    return cv_format_timestamp (cv_record_get_updated_at (record));
  if (g_str_equal (field_name, "consent_review_on") && CV_IS_STAKEHOLDER (record))
    {
      CvConsentState state;
      return consent_text (record, &state);
    }

  field = cv_record_kind_find_field (cv_record_get_kind (record), field_name);
  g_return_val_if_fail (field != NULL, NULL);

  switch (field->type)
    {
    case CV_FIELD_CHOICE:
      {
        const char *label = cv_field_choice_label (field, cv_record_get_string (record, field_name));
        return label != NULL ? g_strdup (_(label)) : NULL;
      }
    case CV_FIELD_REFERENCE:
      return cv_store_get_display_name (store, field->target, cv_record_get_string (record, field_name));
    case CV_FIELD_REFERENCES:
      {
        const char * const *ids = cv_record_get_list (record, field_name);
        g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

        for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
          g_ptr_array_add (names, cv_store_get_display_name (store, field->target, ids[i]));
        g_ptr_array_add (names, NULL);
        return names->len > 1 ? g_strjoinv (", ", (char **)names->pdata) : NULL;
      }
    case CV_FIELD_WORDS:
      {
        const char * const *words = cv_record_get_list (record, field_name);
        return words != NULL ? g_strjoinv (", ", (char **)words) : NULL;
      }
    case CV_FIELD_DATE_TIME:
      return cv_format_timestamp (cv_record_get_string (record, field_name));
    case CV_FIELD_DATE:
      return cv_format_date (cv_record_get_string (record, field_name));
    case CV_FIELD_BOOLEAN:
      return g_strdup (cv_record_get_boolean (record, field_name) ? _("Yes") : _("No"));
    case CV_FIELD_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cv_record_get_integer (record, field_name));
    case CV_FIELD_NUMBER:
      return g_strdup_printf ("%g", cv_record_get_number (record, field_name));
    case CV_FIELD_STRING:
    case CV_FIELD_TEXT:
    case CV_FIELD_EMAIL:
    default:
      return g_strdup (cv_record_get_string (record, field_name));
    }
}

/* A value cut short by its column shows in full in a tooltip; assistive
 * technology reads the label's whole text anyway. */
static gboolean
query_tooltip_cb (GtkLabel   *label,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CvStore                  *store)
{
  const char *field = g_object_get_data (G_OBJECT (factory), "field");
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cv_record_cell_text (store, gtk_list_item_get_item (item), field);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  /* Lapsed or withdrawn consent stands out; due for review a little. */
  if (g_str_equal (field, "consent_review_on") && CV_IS_STAKEHOLDER (gtk_list_item_get_item (item)))
    {
      CvConsentState state;
      g_autofree char *again = consent_text (gtk_list_item_get_item (item), &state);

      if (state == CV_CONSENT_LAPSED || state == CV_CONSENT_WITHDRAWN)
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
      if (state == CV_CONSENT_DUE)
        gtk_widget_add_css_class (label, "warning");
      else
        gtk_widget_remove_css_class (label, "warning");
    }
}

/**
 * cv_record_column_set_up:
 * @field: the field the column shows, or "updated_at"
 *
 * Gives @column a factory that shows @field and a sort key for it.
 */
void
cv_record_column_set_up (GtkColumnViewColumn *column,
                         CvStore             *store,
                         const char          *field)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(CvSortKey) key = cv_sort_key_new (field);

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (CV_IS_STORE (store));

  g_object_set_data_full (G_OBJECT (factory), "field", g_strdup (field), g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), store, 0);
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (key));
}

/* How a table fits its pane: the main column takes the width the others
 * leave, the others are shown in their order of importance as long as the
 * main column keeps this much, and nothing scrolls sideways. */
#define MAIN_MINIMUM 180

typedef struct
{
  GtkColumnView       *view;      /* unowned: the table owns this */
  GtkColumnViewColumn *main;
  GPtrArray           *others;    /* most important first */
  int                 *widths;    /* their widths when shown */
  int                  width;     /* the width last fitted to */
  guint                idle;
} Fit;

static void
fit_free (gpointer data)
{
  Fit *fit = data;

  g_clear_handle_id (&fit->idle, g_source_remove);
  g_ptr_array_unref (fit->others);
  g_free (fit->widths);
  g_free (fit);
}

static gboolean
fit_columns (gpointer data)
{
  Fit *fit = data;
  int room = fit->width - MAIN_MINIMUM;
  gboolean fits = TRUE;

  fit->idle = 0;
  for (guint i = 0; i < fit->others->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (fit->others, i);
      gboolean shown = gtk_column_view_column_get_visible (column);

      /* A column the person resized keeps its new width. */
      if (shown)
        fit->widths[i] = gtk_column_view_column_get_fixed_width (column);
      /* Once one does not fit, the less important ones stay hidden too, so
       * columns come and go in the stated order. */
      fits = fits && fit->widths[i] <= room;
      if (fits)
        room -= fit->widths[i];
      if (shown == fits)
        continue;
      /* GTK 4.8 counts a hidden column's width in the table's minimum, which
       * the main column then cannot take: a hidden column is given none. */
      gtk_column_view_column_set_fixed_width (column, fits ? fit->widths[i] : 0);
      gtk_column_view_column_set_visible (column, fits);
    }
  return G_SOURCE_REMOVE;
}

/* The horizontal adjustment is configured with the scrolled window's width
 * each time it is allocated. Columns change in an idle, not inside the
 * allocation that told of the new width. */
static void
page_size_changed_cb (GtkAdjustment *adjustment,
                      Fit           *fit)
{
  int width = (int)gtk_adjustment_get_page_size (adjustment);

  if (width <= 0 || width == fit->width)
    return;
  fit->width = width;
  if (fit->idle == 0)
    fit->idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_columns, fit, NULL);
}

int
cv_record_table_main_minimum (void)
{
  return MAIN_MINIMUM;
}

/**
 * cv_record_table_fit:
 * @view: a table inside a #GtkScrolledWindow
 * @leaflet: (nullable): the list/detail leaflet the table is the list of
 * @main: the column that takes the spare width (a record's name or title)
 * @...: the other columns, most important first, then %NULL
 *
 * Makes @view fit the width it is given instead of scrolling sideways: the
 * least important columns hide as the pane narrows and come back as it
 * widens. While @leaflet is folded one click (or Enter) opens a record, since
 * a selection alone shows nothing there.
 */
void
cv_record_table_fit (GtkColumnView       *view,
                     AdwLeaflet          *leaflet,
                     GtkColumnViewColumn *main,
                     ...)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  Fit *fit;
  va_list args;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (main));
  g_return_if_fail (scrolled != NULL);

  fit = g_new0 (Fit, 1);
  fit->view = view;
  fit->main = main;
  fit->others = g_ptr_array_new ();
  va_start (args, main);
  for (GtkColumnViewColumn *column = va_arg (args, GtkColumnViewColumn *); column != NULL;
       column = va_arg (args, GtkColumnViewColumn *))
    g_ptr_array_add (fit->others, column);
  va_end (args);
  fit->widths = g_new0 (int, fit->others->len);
  for (guint i = 0; i < fit->others->len; i++)
    fit->widths[i] = gtk_column_view_column_get_fixed_width (g_ptr_array_index (fit->others, i));

  gtk_column_view_column_set_fixed_width (main, -1);
  gtk_column_view_column_set_expand (main, TRUE);
  gtk_column_view_column_set_resizable (main, FALSE);
  /* External: the table may be wider than the pane for the moment between a
   * narrower allocation and the columns that follow it, without forcing the
   * window wider. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_EXTERNAL, GTK_POLICY_AUTOMATIC);
  g_object_set_data_full (G_OBJECT (view), "cv-record-table-fit", fit, fit_free);
  g_signal_connect (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)), "changed",
                    G_CALLBACK (page_size_changed_cb), fit);

  if (leaflet != NULL)
    g_object_bind_property (leaflet, "folded", view, "single-click-activate", G_BINDING_SYNC_CREATE);
}
