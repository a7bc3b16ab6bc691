/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Column views sort lists that SQLite has already ordered. Each sortable
 * column carries a CvSortKey naming the field it shows; when the person
 * clicks a header, the view asks which key is now first and in which
 * direction, and re-runs its query.
 *
 * GTK 4.8 has no call that names the column view's primary sort column (it
 * came in 4.10), so cv_sort_key_read_column_view() asks the column view's
 * sorter to compare two items (for one item and itself it answers "equal"
 * without asking anyone) while the keys are listening: the
 * first key consulted is the primary one, and whether the answer comes back
 * inverted gives the direction. Outside that probe a key compares everything
 * as equal, so GTK never reorders anything itself.
 */
#include "config.h"

#include "cv-sort-key.h"

struct _CvSortKey
{
  GtkSorter  parent_instance;

  char      *field;
};

G_DEFINE_FINAL_TYPE (CvSortKey, cv_sort_key, GTK_TYPE_SORTER)

/* Only ever set on the main thread, for the length of one probe. */
static CvSortKey *probe_first;
static gboolean probing;

static GtkOrdering
cv_sort_key_compare (GtkSorter *sorter,
                     gpointer   item1,
                     gpointer   item2)
{
  if (!probing)
    return GTK_ORDERING_EQUAL;
  if (probe_first == NULL)
    probe_first = CV_SORT_KEY (sorter);
  return GTK_ORDERING_LARGER;
}

static GtkSorterOrder
cv_sort_key_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
cv_sort_key_finalize (GObject *object)
{
  CvSortKey *self = (CvSortKey *)object;

  g_clear_pointer (&self->field, g_free);

  G_OBJECT_CLASS (cv_sort_key_parent_class)->finalize (object);
}

static void
cv_sort_key_class_init (CvSortKeyClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cv_sort_key_finalize;
  sorter_class->compare = cv_sort_key_compare;
  sorter_class->get_order = cv_sort_key_get_order;
}

static void
cv_sort_key_init (CvSortKey *self)
{
}

CvSortKey *
cv_sort_key_new (const char *field)
{
  CvSortKey *self = g_object_new (CV_TYPE_SORT_KEY, NULL);

  self->field = g_strdup (field);
  return self;
}

const char *
cv_sort_key_get_field (CvSortKey *self)
{
  g_return_val_if_fail (CV_IS_SORT_KEY (self), NULL);
  return self->field;
}

/**
 * cv_sort_key_read_column_view:
 * @column_view_sorter: the sorter of a #GtkColumnView whose columns carry keys
 * @descending: (out): whether the order is descending
 *
 * Returns: (nullable): the field of the primary sort column, or %NULL when
 *   the person has not chosen one
 */
const char *
cv_sort_key_read_column_view (GtkSorter *column_view_sorter,
                              gboolean  *descending)
{
  g_autoptr(GObject) item1 = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) item2 = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering result;
  CvSortKey *first;

  g_return_val_if_fail (GTK_IS_SORTER (column_view_sorter), NULL);

  probing = TRUE;
  probe_first = NULL;
  result = gtk_sorter_compare (column_view_sorter, item1, item2);
  first = probe_first;
  probing = FALSE;
  probe_first = NULL;

  *descending = result == GTK_ORDERING_SMALLER;
  return first != NULL && result != GTK_ORDERING_EQUAL ? first->field : NULL;
}
