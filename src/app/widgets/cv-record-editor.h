/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"

G_BEGIN_DECLS

#define CV_TYPE_RECORD_EDITOR (cv_record_editor_get_type ())
G_DECLARE_DERIVABLE_TYPE (CvRecordEditor, cv_record_editor, CV, RECORD_EDITOR, GtkWidget)

/**
 * CvRecordEditorClass:
 * @read_fields: reads the fields into a new record to store, in @record
 *   (%NULL when there is nothing to store: no record shown, or one being
 *   loaded); %FALSE when a field is refused, its error shown beside it
 * @stored: @record was stored (inserted when @is_new): show it
 *
 * The page of one record beside a list, stored as it is typed: what every
 * such page shares (the autosave, storing, errors and the signals the list
 * pane listens to); a subclass says how its fields read and are checked.
 */
struct _CvRecordEditorClass
{
  GtkWidgetClass parent_class;

  gboolean  (*read_fields)  (CvRecordEditor  *self,
                             CvRecord       **record);
  void      (*stored)       (CvRecordEditor *self,
                             CvRecord       *record,
                             gboolean        is_new);

  gpointer padding[8];
};

void     cv_record_editor_set_store          (CvRecordEditor *self,
                                              CvStore        *store);
void     cv_record_editor_set_general_error  (CvRecordEditor *self,
                                              GtkLabel       *label);
gboolean cv_record_editor_save_pending       (CvRecordEditor *self);
void     cv_record_editor_schedule_save      (CvRecordEditor *self);
void     cv_record_editor_cancel_save        (CvRecordEditor *self);
gboolean cv_record_editor_has_pending_save   (CvRecordEditor *self);
void     cv_record_editor_show_general_error (CvRecordEditor *self,
                                              const GError   *error);
void     cv_record_editor_go_back            (CvRecordEditor *self);
void     cv_record_editor_request_delete     (CvRecordEditor *self,
                                              CvRecord       *record);

void     cv_field_show_error                 (GtkWidget      *error_row,
                                              GtkLabel       *error_label,
                                              GtkWidget      *field,
                                              const GError   *error);

G_END_DECLS
