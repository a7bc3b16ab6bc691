/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Creates a programme, or edits the name, locality, aim and start date of one.
 * The core validates; the dialog shows what it says and stays open.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-date-row.h"
#include "cv-programme.h"
#include "cv-programme-dialog.h"
#include "cv-consent.h"
#include "cv-retention.h"

struct _CvProgrammeDialog
{
  AdwWindow    parent_instance;

  CvStore     *store;
  CvRecord    *programme;   /* NULL when creating */

  GtkButton   *save_button;
  AdwEntryRow *name_row;
  AdwEntryRow *locality_row;
  AdwEntryRow *aim_row;
  AdwEntryRow *start_row;
  GtkSpinButton *retention_spin;
  GtkSpinButton *consent_review_spin;
  AdwEntryRow   *consent_purposes_row;
  GtkLabel    *error_label;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CvProgrammeDialog, cv_programme_dialog, ADW_TYPE_WINDOW)

static void
save_cb (CvProgrammeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) record = NULL;
  gboolean ok;

  record = self->programme != NULL ? cv_record_copy (self->programme) : cv_record_new (CV_TYPE_PROGRAMME);
  cv_record_set_string (record, "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  cv_record_set_string (record, "locality", gtk_editable_get_text (GTK_EDITABLE (self->locality_row)));
  cv_record_set_string (record, "aim", gtk_editable_get_text (GTK_EDITABLE (self->aim_row)));
  {
    g_autofree char *start = cv_date_row_get_date (self->start_row);

    cv_record_set_string (record, "start_on", start);
  }
  cv_record_set_integer (record, "consent_review_years", gtk_spin_button_get_value_as_int (self->consent_review_spin));
  {
    g_auto(GStrv) labels = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->consent_purposes_row)), ",", -1);
    g_autoptr(GPtrArray) purposes = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; labels[i] != NULL; i++)
      {
        char *purpose = cv_consent_purpose_from_label (labels[i]);

        if (*purpose == '\0' || g_ptr_array_find_with_equal_func (purposes, purpose, g_str_equal, NULL))
          g_free (purpose);
        else
          g_ptr_array_add (purposes, purpose);
      }
    g_ptr_array_add (purposes, NULL);
    /* None written: the default ones. */
    cv_record_set_list (record, "consent_purposes", purposes->len > 1 ? (const char * const *)purposes->pdata
                                                                      : cv_consent_default_purposes ());
  }

  if (self->programme != NULL)
    ok = cv_store_update (self->store, record, &error);
  else
    ok = cv_store_insert (self->store, record, &error);

  if (ok)
    ok = cv_retention_set_years (self->store, cv_record_get_id (record),
                                 (guint)gtk_spin_button_get_value_as_int (self->retention_spin), &error);
  if (!ok)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, record);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
name_changed_cb (CvProgrammeDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), *trimmed != '\0');
}

static void
cv_programme_dialog_dispose (GObject *object)
{
  CvProgrammeDialog *self = (CvProgrammeDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_PROGRAMME_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->programme);

  G_OBJECT_CLASS (cv_programme_dialog_parent_class)->dispose (object);
}

static void
cv_programme_dialog_class_init (CvProgrammeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cv_programme_dialog_dispose;

  /**
   * CvProgrammeDialog::saved:
   * @programme: the programme as stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, CV_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/convene/Convene/cv-programme-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CvProgrammeDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CvProgrammeDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CvProgrammeDialog, locality_row);
  gtk_widget_class_bind_template_child (widget_class, CvProgrammeDialog, aim_row);
  gtk_widget_class_bind_template_child (widget_class, CvProgrammeDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, CvProgrammeDialog, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, CvProgrammeDialog, consent_review_spin);
  gtk_widget_class_bind_template_child (widget_class, CvProgrammeDialog, consent_purposes_row);
  gtk_widget_class_bind_template_child (widget_class, CvProgrammeDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cv_programme_dialog_init (CvProgrammeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cv_date_row_attach_calendar (self->start_row);
  /* Enter in a number answers the dialog as in every other field (a spin
   * button has no activates-default before GTK 4.14: its text has). */
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->retention_spin))), TRUE);
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->consent_review_spin))),
                                  TRUE);
}

/**
 * cv_programme_dialog_new:
 * @programme: (nullable): the programme to edit, or %NULL to create one
 */
CvProgrammeDialog *
cv_programme_dialog_new (GtkWindow *parent,
                         CvStore   *store,
                         CvRecord  *programme)
{
  CvProgrammeDialog *self = g_object_new (CV_TYPE_PROGRAMME_DIALOG,
                                          "transient-for", parent,
                                          "modal", TRUE,
                                          NULL);

  self->store = g_object_ref (store);
  {
    const char * const *purposes = programme != NULL ? cv_record_get_list (programme, "consent_purposes") : NULL;
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    g_autofree char *text = NULL;

    if (purposes == NULL || purposes[0] == NULL)
      purposes = cv_consent_default_purposes ();
    for (guint i = 0; purposes[i] != NULL; i++)
      g_ptr_array_add (labels, (gpointer)cv_consent_purpose_label (purposes[i]));
    g_ptr_array_add (labels, NULL);
    text = g_strjoinv (", ", (GStrv)labels->pdata);
    gtk_editable_set_text (GTK_EDITABLE (self->consent_purposes_row), text);
  }
  if (programme != NULL)
    {
      const char *start = cv_record_get_string (programme, "start_on");
      const char *locality = cv_record_get_string (programme, "locality");
      const char *aim = cv_record_get_string (programme, "aim");

      self->programme = g_object_ref (programme);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Programme"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), cv_record_get_string (programme, "name"));
      gtk_editable_set_text (GTK_EDITABLE (self->locality_row), locality != NULL ? locality : "");
      gtk_editable_set_text (GTK_EDITABLE (self->aim_row), aim != NULL ? aim : "");
      cv_date_row_set_date (self->start_row, start);
      gtk_spin_button_set_value (self->retention_spin,
                                 cv_retention_get_years (store, cv_record_get_id (programme)));
      gtk_spin_button_set_value (self->consent_review_spin,
                                 (double)cv_record_get_integer (programme, "consent_review_years"));
    }
  name_changed_cb (self);
  /* The name is what a person writes first, not Cancel at the top left. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
  return self;
}
