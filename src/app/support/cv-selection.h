/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CV_TYPE_SELECTION (cv_selection_get_type ())
G_DECLARE_FINAL_TYPE (CvSelection, cv_selection, CV, SELECTION, GObject)

CvSelection *cv_selection_new                (GListModel  *model);
GPtrArray   *cv_selection_get_selected_items (CvSelection *self);

G_END_DECLS
