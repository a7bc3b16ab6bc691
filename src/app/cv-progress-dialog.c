/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shows how far long work (an import, an export) has got, and stops it. */
#include "config.h"

#include "cv-progress-dialog.h"

struct _CvProgressDialog
{
  AdwWindow       parent_instance;

  GCancellable   *cancellable;
  GtkLabel       *title_label;
  GtkProgressBar *progress_bar;
  GtkWidget      *cancel_button;
};

G_DEFINE_FINAL_TYPE (CvProgressDialog, cv_progress_dialog, ADW_TYPE_WINDOW)

static void
cancel_cb (CvProgressDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
}

static void
cv_progress_dialog_dispose (GObject *object)
{
  CvProgressDialog *self = (CvProgressDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_PROGRESS_DIALOG);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cv_progress_dialog_parent_class)->dispose (object);
}

static void
cv_progress_dialog_class_init (CvProgressDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cv_progress_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-progress-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CvProgressDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, CvProgressDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CvProgressDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
}

static void
cv_progress_dialog_init (CvProgressDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

CvProgressDialog *
cv_progress_dialog_new (GtkWindow  *parent,
                        const char *title)
{
  CvProgressDialog *self = g_object_new (CV_TYPE_PROGRESS_DIALOG, "transient-for", parent, "title", title, NULL);

  gtk_label_set_text (self->title_label, title);
  return self;
}

GCancellable *
cv_progress_dialog_get_cancellable (CvProgressDialog *self)
{
  g_return_val_if_fail (CV_IS_PROGRESS_DIALOG (self), NULL);
  return self->cancellable;
}

void
cv_progress_dialog_set_fraction (CvProgressDialog *self,
                                 double            fraction)
{
  g_return_if_fail (CV_IS_PROGRESS_DIALOG (self));
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
}

typedef struct
{
  CvProgressDialog *dialog;
  double            fraction;
} ProgressUpdate;

static gboolean
progress_in_main_cb (gpointer data)
{
  ProgressUpdate *update = data;

  cv_progress_dialog_set_fraction (update->dialog, update->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->dialog);
  g_free (update);
}

/**
 * cv_progress_dialog_report:
 * @dialog: a #CvProgressDialog
 *
 * Shows that @done of @total are done. Work on a worker thread calls this
 * (a #CvExchangeProgress or #CvCsvProgress with the dialog as its data); the
 * bar moves on the main thread.
 */
void
cv_progress_dialog_report (guint64  done,
                           guint64  total,
                           gpointer dialog)
{
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->dialog = g_object_ref (dialog);
  update->fraction = total > 0 ? (double)done / total : 1.0;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, progress_in_main_cb, update, progress_update_free);
}
