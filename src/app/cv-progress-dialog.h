/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CV_TYPE_PROGRESS_DIALOG (cv_progress_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CvProgressDialog, cv_progress_dialog, CV, PROGRESS_DIALOG, AdwWindow)

CvProgressDialog *cv_progress_dialog_new             (GtkWindow        *parent,
                                                      const char       *title);
GCancellable     *cv_progress_dialog_get_cancellable (CvProgressDialog *self);
void              cv_progress_dialog_set_fraction    (CvProgressDialog *self,
                                                      double            fraction);
void              cv_progress_dialog_report          (guint64           done,
                                                      guint64           total,
                                                      gpointer          dialog);

G_END_DECLS
