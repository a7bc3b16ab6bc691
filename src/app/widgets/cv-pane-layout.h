/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CV_TYPE_PANE_LAYOUT (cv_pane_layout_get_type ())
G_DECLARE_FINAL_TYPE (CvPaneLayout, cv_pane_layout, CV, PANE_LAYOUT, GtkLayoutManager)

#define CV_DETAIL_PANE_WIDTH 360

void cv_pane_layout_fix_width (GtkWidget *pane,
                               int        width);

G_END_DECLS
