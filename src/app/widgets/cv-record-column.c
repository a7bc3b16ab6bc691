/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A column of records shows one field as a person reads it: a choice by its
 * label, a reference by the name of what it names, a time in local time. The
 * column sorts by that field through a CvSortKey.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-format.h"
#include "cv-record-column.h"
#include "cv-sort-key.h"
#include "cv-time.h"

/* Returns: (transfer full) (nullable): @field of @record in the person's words */
char *
cv_record_cell_text (CvStore    *store,
                     CvRecord   *record,
                     const char *field_name)
{
  const CvField *field;

  if (g_str_equal (field_name, "updated_at"))
    return cv_format_timestamp (cv_record_get_updated_at (record));

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

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CvStore                  *store)
{
  const char *field = g_object_get_data (G_OBJECT (factory), "field");
  g_autofree char *text = cv_record_cell_text (store, gtk_list_item_get_item (item), field);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
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
