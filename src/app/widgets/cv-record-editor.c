/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the stakeholder, session and action pages share: a record's page is
 * stored as it is typed, a short pause after the last change (or at once when
 * the focus moves on, another record is opened or the programme changes);
 * each field the core refuses says why beside itself and to assistive
 * technology; and the page asks its list to go back, to delete its record
 * (with Undo) and to select a record just stored.
 */
#include "config.h"

#include "cv-record-editor.h"

#define SAVE_DELAY_MS 400

typedef struct
{
  CvStore  *store;
  GtkLabel *general_error;
  guint     save_source;
} CvRecordEditorPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CvRecordEditor, cv_record_editor, GTK_TYPE_WIDGET)

enum {
  BACK,
  DELETE_REQUESTED,
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cv_record_editor_dispose (GObject *object)
{
  CvRecordEditor *self = CV_RECORD_EDITOR (object);
  CvRecordEditorPrivate *priv = cv_record_editor_get_instance_private (self);

  g_clear_handle_id (&priv->save_source, g_source_remove);
  g_clear_object (&priv->store);
  priv->general_error = NULL;

  G_OBJECT_CLASS (cv_record_editor_parent_class)->dispose (object);
}

static void
cv_record_editor_class_init (CvRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cv_record_editor_dispose;

  /**
   * CvRecordEditor::back:
   *
   * The page's back button (narrow): what was typed is stored first.
   */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CvRecordEditor::delete-requested:
   * @record: the record shown, as stored
   */
  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                            NULL, NULL, NULL, G_TYPE_NONE, 1, CV_TYPE_RECORD);
  /**
   * CvRecordEditor::saved:
   * @record: a new record, stored for the first time
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, CV_TYPE_RECORD);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
cv_record_editor_init (CvRecordEditor *self)
{
}

/* @store: where the page's record is stored */
void
cv_record_editor_set_store (CvRecordEditor *self,
                            CvStore        *store)
{
  CvRecordEditorPrivate *priv = cv_record_editor_get_instance_private (self);

  g_return_if_fail (CV_IS_RECORD_EDITOR (self));
  g_return_if_fail (CV_IS_STORE (store));

  g_set_object (&priv->store, store);
}

/* @label: where an error that is no one field's is said, at the top of the page */
void
cv_record_editor_set_general_error (CvRecordEditor *self,
                                    GtkLabel       *label)
{
  CvRecordEditorPrivate *priv = cv_record_editor_get_instance_private (self);

  g_return_if_fail (CV_IS_RECORD_EDITOR (self));
  g_return_if_fail (GTK_IS_LABEL (label));

  priv->general_error = label;
}

/* @error: (nullable): what went wrong, or %NULL to hide the last error */
void
cv_record_editor_show_general_error (CvRecordEditor *self,
                                     const GError   *error)
{
  CvRecordEditorPrivate *priv = cv_record_editor_get_instance_private (self);

  g_return_if_fail (CV_IS_RECORD_EDITOR (self));

  if (priv->general_error == NULL)
    return;
  gtk_label_set_text (priv->general_error, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->general_error), error != NULL);
}

/**
 * cv_record_editor_save_pending:
 *
 * Stores what the page shows, if the core accepts it; a field it refuses
 * says why beside itself.
 *
 * Returns: %TRUE when nothing is left unsaved
 */
gboolean
cv_record_editor_save_pending (CvRecordEditor *self)
{
  CvRecordEditorPrivate *priv = cv_record_editor_get_instance_private (self);
  CvRecordEditorClass *klass = CV_RECORD_EDITOR_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) record = NULL;
  gboolean is_new;
  gboolean ok;

  g_return_val_if_fail (CV_IS_RECORD_EDITOR (self), FALSE);
  g_assert (klass->read_fields != NULL);

  g_clear_handle_id (&priv->save_source, g_source_remove);
  if (!klass->read_fields (self, &record))
    return FALSE;
  if (record == NULL)
    return TRUE;

  is_new = cv_record_get_id (record) == NULL;
  ok = is_new ? cv_store_insert (priv->store, record, &error) : cv_store_update (priv->store, record, &error);
  cv_record_editor_show_general_error (self, error);
  if (!ok)
    return FALSE;
  if (klass->stored != NULL)
    klass->stored (self, record, is_new);
  if (is_new)
    g_signal_emit (self, signals[SAVED], 0, record);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CvRecordEditor *self = user_data;
  CvRecordEditorPrivate *priv = cv_record_editor_get_instance_private (self);

  priv->save_source = 0;
  cv_record_editor_save_pending (self);
  return G_SOURCE_REMOVE;
}

/* A field changed: stored after a short pause, a new change waiting again. */
void
cv_record_editor_schedule_save (CvRecordEditor *self)
{
  CvRecordEditorPrivate *priv = cv_record_editor_get_instance_private (self);

  g_return_if_fail (CV_IS_RECORD_EDITOR (self));

  g_clear_handle_id (&priv->save_source, g_source_remove);
  priv->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* What was typed and not yet stored is dropped (the record is being deleted). */
void
cv_record_editor_cancel_save (CvRecordEditor *self)
{
  CvRecordEditorPrivate *priv = cv_record_editor_get_instance_private (self);

  g_return_if_fail (CV_IS_RECORD_EDITOR (self));
  g_clear_handle_id (&priv->save_source, g_source_remove);
}

/* Returns: whether a change waits for its autosave */
gboolean
cv_record_editor_has_pending_save (CvRecordEditor *self)
{
  CvRecordEditorPrivate *priv = cv_record_editor_get_instance_private (self);

  g_return_val_if_fail (CV_IS_RECORD_EDITOR (self), FALSE);
  return priv->save_source != 0;
}

/* The back button: stores what was typed, then asks the list to show itself. */
void
cv_record_editor_go_back (CvRecordEditor *self)
{
  g_return_if_fail (CV_IS_RECORD_EDITOR (self));

  cv_record_editor_save_pending (self);
  g_signal_emit (self, signals[BACK], 0);
}

/* The delete button: unsaved typing goes with the record, and Undo brings
 * back what was stored. */
void
cv_record_editor_request_delete (CvRecordEditor *self,
                                 CvRecord       *record)
{
  g_autoptr(CvRecord) held = NULL;

  g_return_if_fail (CV_IS_RECORD_EDITOR (self));

  if (record == NULL || cv_record_get_id (record) == NULL)
    return;
  cv_record_editor_cancel_save (self);
  held = g_object_ref (record);
  g_signal_emit (self, signals[DELETE_REQUESTED], 0, held);
}

/**
 * cv_field_show_error:
 * @error_row: (nullable): the row that holds @error_label, shown with it
 * @error_label: where the error is said, under the field
 * @field: the field it is about: marked invalid and described by the error
 * @error: (nullable): what is wrong, or %NULL when nothing is
 *
 * Says beside a field why the core refused it, and tells assistive
 * technology the same (the field's description and invalid state).
 */
void
cv_field_show_error (GtkWidget    *error_row,
                     GtkLabel     *error_label,
                     GtkWidget    *field,
                     const GError *error)
{
  g_return_if_fail (GTK_IS_LABEL (error_label));
  g_return_if_fail (GTK_IS_WIDGET (field));

  gtk_widget_set_visible (error_row != NULL ? error_row : GTK_WIDGET (error_label), error != NULL);
  gtk_label_set_text (error_label, error != NULL ? error->message : "");
  if (error != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      error->message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}
