/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A multiple selection that never looks at the items.
 *
 * GtkMultiSelection remembers selected items and, on every items-changed,
 * fetches each added item to find them again. Over a lazy list of 100,000
 * stakeholders that loads every record on every search keystroke. This
 * selection keeps positions only: a change of the list moves the selection
 * with the rows that stay and drops it from the rows that go.
 */
#include "config.h"

#include "cv-selection.h"

struct _CvSelection
{
  GObject     parent_instance;

  GListModel *model;
  GtkBitset  *selected;
};

static void list_model_iface_init (GListModelInterface *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CvSelection, cv_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, selection_model_iface_init))

static GType
cv_selection_get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (CV_SELECTION (list)->model);
}

static guint
cv_selection_get_n_items (GListModel *list)
{
  return g_list_model_get_n_items (CV_SELECTION (list)->model);
}

static gpointer
cv_selection_get_item (GListModel *list,
                       guint       position)
{
  return g_list_model_get_item (CV_SELECTION (list)->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cv_selection_get_item_type;
  iface->get_n_items = cv_selection_get_n_items;
  iface->get_item = cv_selection_get_item;
}

static gboolean
cv_selection_is_selected (GtkSelectionModel *model,
                          guint              position)
{
  return gtk_bitset_contains (CV_SELECTION (model)->selected, position);
}

static GtkBitset *
cv_selection_get_selection_in_range (GtkSelectionModel *model,
                                     guint              position,
                                     guint              n_items)
{
  return gtk_bitset_ref (CV_SELECTION (model)->selected);
}

/* Applies @mask's bits of @selected and reports the rows that changed.
 * The other selection calls (select one, a range, all…) come here too. */
static gboolean
cv_selection_set_selection (GtkSelectionModel *model,
                            GtkBitset         *selected,
                            GtkBitset         *mask)
{
  CvSelection *self = CV_SELECTION (model);
  g_autoptr(GtkBitset) before = gtk_bitset_copy (self->selected);
  g_autoptr(GtkBitset) add = gtk_bitset_copy (selected);
  guint min, max;

  gtk_bitset_intersect (add, mask);
  gtk_bitset_subtract (self->selected, mask);
  gtk_bitset_union (self->selected, add);

  /* What changed is the symmetric difference of before and after. */
  gtk_bitset_difference (before, self->selected);
  if (gtk_bitset_is_empty (before))
    return TRUE;
  min = gtk_bitset_get_minimum (before);
  max = gtk_bitset_get_maximum (before);
  gtk_selection_model_selection_changed (model, min, max - min + 1);
  return TRUE;
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = cv_selection_is_selected;
  iface->get_selection_in_range = cv_selection_get_selection_in_range;
  iface->set_selection = cv_selection_set_selection;
}

static void
items_changed_cb (CvSelection *self,
                  guint        position,
                  guint        removed,
                  guint        added,
                  GListModel  *model)
{
  gtk_bitset_splice (self->selected, position, removed, added);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
cv_selection_dispose (GObject *object)
{
  CvSelection *self = (CvSelection *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->selected, gtk_bitset_unref);

  G_OBJECT_CLASS (cv_selection_parent_class)->dispose (object);
}

static void
cv_selection_class_init (CvSelectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cv_selection_dispose;
}

static void
cv_selection_init (CvSelection *self)
{
  self->selected = gtk_bitset_new_empty ();
}

/**
 * cv_selection_new:
 * @model: (transfer none): the list to select in
 */
CvSelection *
cv_selection_new (GListModel *model)
{
  CvSelection *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (CV_TYPE_SELECTION, NULL);
  self->model = g_object_ref (model);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (items_changed_cb), self);
  return self;
}

/**
 * cv_selection_get_selected_items:
 *
 * Returns: (transfer full): the selected items, in list order
 */
GPtrArray *
cv_selection_get_selected_items (CvSelection *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (CV_IS_SELECTION (self), items);

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, self->selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (items, g_list_model_get_item (self->model, position));
  return items;
}
