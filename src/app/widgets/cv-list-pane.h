/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-trash.h"

G_BEGIN_DECLS

#define CV_TYPE_LIST_PANE (cv_list_pane_get_type ())
G_DECLARE_FINAL_TYPE (CvListPane, cv_list_pane, CV, LIST_PANE, GtkWidget)

void        cv_list_pane_set_model          (CvListPane  *self,
                                             GListModel  *model);
GListModel *cv_list_pane_get_model          (CvListPane  *self);
void        cv_list_pane_set_trash          (CvListPane  *self,
                                             CvTrash     *trash);
void        cv_list_pane_refresh            (CvListPane  *self);
void        cv_list_pane_refresh_now        (CvListPane  *self);
void        cv_list_pane_update_page        (CvListPane  *self);
void        cv_list_pane_set_filtered       (CvListPane  *self,
                                             gboolean     filtered);
void        cv_list_pane_set_no_results     (CvListPane  *self,
                                             const char  *title,
                                             const char  *description,
                                             gboolean     offer_add);
const char *cv_list_pane_get_search         (CvListPane  *self);
void        cv_list_pane_clear_search       (CvListPane  *self);
void        cv_list_pane_focus_search       (CvListPane  *self);
void        cv_list_pane_show_list          (CvListPane  *self);
void        cv_list_pane_show_detail        (CvListPane  *self);
gboolean    cv_list_pane_get_folded         (CvListPane  *self);
void        cv_list_pane_unselect_all       (CvListPane  *self);
gboolean    cv_list_pane_select_record      (CvListPane  *self,
                                             const char  *id);
void        cv_list_pane_delete_selected    (CvListPane  *self);
void        cv_list_pane_delete_record      (CvListPane  *self,
                                             GObject     *record);
void        cv_list_pane_set_show_alternative (CvListPane *self,
                                               gboolean    show);

G_END_DECLS
