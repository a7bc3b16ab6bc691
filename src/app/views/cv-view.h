/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cv-store.h"
#include "cv-trash.h"

G_BEGIN_DECLS

#define CV_TYPE_VIEW (cv_view_get_type ())
G_DECLARE_INTERFACE (CvView, cv_view, CV, VIEW, GtkWidget)

/**
 * CvViewInterface:
 * @tables: the kinds of record the view opens (%NULL-terminated), as named
 *   in mentions ("session", "action", …)
 * @set_store: gives the view the open database and the window's undo trash
 * @set_programme: shows the programme (called while the view is on screen)
 * @open: shows one record of a kind in @tables
 * @new_record: starts a new record; %NULL when the view adds none
 * @focus_search: puts the focus in the search; %NULL when it has none
 * @save_pending: writes an edit still waiting for its autosave
 *
 * What the window asks of each of its views. A new view is a widget that
 * implements this and is added to the window's view stack; the window has
 * no code for any one view.
 */
struct _CvViewInterface
{
  GTypeInterface parent_iface;

  const char * const *tables;

  void (*set_store)     (CvView     *self,
                         CvStore    *store,
                         CvTrash    *trash);
  void (*set_programme) (CvView     *self,
                         const char *programme_id);
  void (*open)          (CvView     *self,
                         const char *table,
                         const char *id);
  void (*new_record)    (CvView     *self);
  void (*focus_search)  (CvView     *self);
  void (*save_pending)  (CvView     *self);
};

void     cv_view_set_store     (CvView     *self,
                                CvStore    *store,
                                CvTrash    *trash);
void     cv_view_set_programme (CvView     *self,
                                const char *programme_id);
gboolean cv_view_opens         (CvView     *self,
                                const char *table);
void     cv_view_open          (CvView     *self,
                                const char *table,
                                const char *id);
gboolean cv_view_new_record    (CvView     *self);
gboolean cv_view_focus_search  (CvView     *self);
void     cv_view_save_pending  (CvView     *self);

G_END_DECLS
