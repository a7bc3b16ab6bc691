/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The contract between the window and its views: see CvViewInterface.
 */
#include "config.h"

#include "cv-view.h"

G_DEFINE_INTERFACE (CvView, cv_view, GTK_TYPE_WIDGET)

static void
cv_view_default_init (CvViewInterface *iface)
{
}

void
cv_view_set_store (CvView  *self,
                   CvStore *store,
                   CvTrash *trash)
{
  g_return_if_fail (CV_IS_VIEW (self));
  CV_VIEW_GET_IFACE (self)->set_store (self, store, trash);
}

void
cv_view_set_programme (CvView     *self,
                       const char *programme_id)
{
  g_return_if_fail (CV_IS_VIEW (self));
  CV_VIEW_GET_IFACE (self)->set_programme (self, programme_id);
}

/* Returns: whether @self is where a record of @table opens */
gboolean
cv_view_opens (CvView     *self,
               const char *table)
{
  const char * const *tables;

  g_return_val_if_fail (CV_IS_VIEW (self), FALSE);
  tables = CV_VIEW_GET_IFACE (self)->tables;
  return tables != NULL && g_strv_contains (tables, table);
}

void
cv_view_open (CvView     *self,
              const char *table,
              const char *id)
{
  g_return_if_fail (cv_view_opens (self, table));
  CV_VIEW_GET_IFACE (self)->open (self, table, id);
}

/* Returns: %FALSE when the view adds no records of its own */
gboolean
cv_view_new_record (CvView *self)
{
  CvViewInterface *iface;

  g_return_val_if_fail (CV_IS_VIEW (self), FALSE);
  iface = CV_VIEW_GET_IFACE (self);
  if (iface->new_record == NULL)
    return FALSE;
  iface->new_record (self);
  return TRUE;
}

/* Returns: %FALSE when the view has no search */
gboolean
cv_view_focus_search (CvView *self)
{
  CvViewInterface *iface;

  g_return_val_if_fail (CV_IS_VIEW (self), FALSE);
  iface = CV_VIEW_GET_IFACE (self);
  if (iface->focus_search == NULL)
    return FALSE;
  iface->focus_search (self);
  return TRUE;
}

void
cv_view_save_pending (CvView *self)
{
  CvViewInterface *iface;

  g_return_if_fail (CV_IS_VIEW (self));
  iface = CV_VIEW_GET_IFACE (self);
  if (iface->save_pending != NULL)
    iface->save_pending (self);
}
