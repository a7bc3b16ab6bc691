/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"

G_BEGIN_DECLS

#define CV_TYPE_TRASH (cv_trash_get_type ())
G_DECLARE_FINAL_TYPE (CvTrash, cv_trash, CV, TRASH, GObject)

typedef gboolean (*CvTrashUndoFunc) (CvStore   *store,
                                     gpointer   data,
                                     GError   **error);

CvTrash  *cv_trash_new    (CvStore    *store);
gboolean  cv_trash_delete (CvTrash    *self,
                           GPtrArray  *records,
                           GtkWidget  *near);
void      cv_trash_offer_undo (CvTrash         *self,
                               GtkWidget       *near,
                               const char      *title,
                               CvTrashUndoFunc  undo,
                               gpointer         data,
                               GDestroyNotify   destroy);
void      cv_trash_forget (CvTrash    *self);
gboolean  cv_trash_undo   (CvTrash    *self,
                           GError    **error);

G_END_DECLS
