/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-record-list.h"
#include "cv-store.h"

G_BEGIN_DECLS

/* Small things every view does with GTK widgets, written once. */
void  cv_list_box_clear      (GtkListBox  *list);
char *cv_text_view_get_text  (GtkTextView *view);
void  cv_text_view_load      (GtkTextView *view,
                              const char  *text);
void  cv_focus_keep_text     (GtkWidget   *widget);
void  cv_error_label_show    (GtkLabel    *label,
                              const GError *error);
void  cv_widget_report_error (GtkWidget    *widget,
                              const char   *what,
                              const GError *error);
GtkWidget *cv_check_row_new   (GtkCheckButton *check);
void  cv_opens_record        (GtkWidget    *widget,
                              const char   *table,
                              const char   *id);
GListModel *cv_choice_labels  (const CvField *field);
void  cv_choice_filter_fill  (GtkDropDown   *drop_down,
                              const CvField *field,
                              const char    *all_label);
const char *cv_choice_filter_get (GtkDropDown   *drop_down,
                                  const CvField *field);
void  cv_button_set_long_label (GtkButton   *button,
                                const char  *label);
GtkWidget *cv_theme_chips_new (void);
void  cv_theme_chips_set     (GtkFlowBox         *chips,
                              CvStore            *store,
                              const char * const *themes);
void  cv_theme_chips_set_named (GtkFlowBox         *chips,
                                const char * const *ids,
                                const char * const *names);
GtkWidget *cv_chips_row_new   (const char *title,
                               const char *subtitle,
                               GtkWidget  *chips,
                               const char *table,
                               const char *id);

AdwToast *cv_not_invited_toast (guint        left_out);

GtkWidget *cv_message_dialog_new (GtkWindow  *parent,
                                  const char *heading,
                                  const char *body,
                                  const char *default_response,
                                  const char *close_response,
                                  const char *first_response,
                                  ...) G_GNUC_NULL_TERMINATED;
void       cv_message_dialog_set_entry (AdwMessageDialog *dialog,
                                        GtkWidget        *entry);

typedef void (*CvRefreshed) (gpointer owner);
void  cv_record_list_refresh_for (CvRecordList *list,
                                  GtkWidget    *owner,
                                  const char   *what,
                                  CvRefreshed   done);

G_END_DECLS
