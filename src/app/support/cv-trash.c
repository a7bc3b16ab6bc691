/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Deleting, with Undo. Every view deletes through the window's one trash, so
 * Ctrl+Z and the toast's Undo button always put back the latest deletion,
 * whichever view made it. Only the latest can be undone.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-trash.h"

struct _CvTrash
{
  GObject    parent_instance;

  CvStore         *store;
  GPtrArray       *last;         /* of CvDeletion */
  CvTrashUndoFunc  undo;         /* or something else to undo */
  gpointer         undo_data;
  GDestroyNotify   undo_destroy;
};

G_DEFINE_FINAL_TYPE (CvTrash, cv_trash, G_TYPE_OBJECT)

static void
forget (CvTrash *self)
{
  g_clear_pointer (&self->last, g_ptr_array_unref);
  if (self->undo_destroy != NULL && self->undo_data != NULL)
    self->undo_destroy (self->undo_data);
  self->undo = NULL;
  self->undo_data = NULL;
  self->undo_destroy = NULL;
}

static void
cv_trash_finalize (GObject *object)
{
  CvTrash *self = (CvTrash *)object;

  forget (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cv_trash_parent_class)->finalize (object);
}

static void
cv_trash_class_init (CvTrashClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cv_trash_finalize;
}

static void
cv_trash_init (CvTrash *self)
{
}

CvTrash *
cv_trash_new (CvStore *store)
{
  CvTrash *self = g_object_new (CV_TYPE_TRASH, NULL);

  self->store = g_object_ref (store);
  return self;
}

static void
show_toast (GtkWidget *near,
            AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (near, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/**
 * cv_trash_delete:
 * @records: (element-type CvRecord): what to delete
 * @near: a widget inside the window's toast overlay
 *
 * Deletes @records and offers Undo in a toast (win.undo).
 *
 * Returns: %TRUE if everything was deleted
 */
gboolean
cv_trash_delete (CvTrash   *self,
                 GPtrArray *records,
                 GtkWidget *near)
{
  g_autoptr(GPtrArray) deletions = g_ptr_array_new_with_free_func ((GDestroyNotify)cv_deletion_free);
  g_autofree char *title = NULL;
  AdwToast *toast;
  gboolean ok = TRUE;

  g_return_val_if_fail (CV_IS_TRASH (self), FALSE);

  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(GError) error = NULL;
      CvDeletion *deletion = cv_store_delete (self->store, g_ptr_array_index (records, i), &error);

      if (deletion == NULL)
        {
          show_toast (near, adw_toast_new (error->message));
          ok = FALSE;
          continue;
        }
      g_ptr_array_add (deletions, deletion);
    }
  if (deletions->len == 0)
    return FALSE;

  if (records->len == 1)
    {
      CvRecord *record = g_ptr_array_index (records, 0);
      const CvField *display = cv_record_kind_display_field (cv_record_get_kind (record));
      const char *name = display != NULL ? cv_record_get_string (record, display->name) : NULL;

      title = name != NULL ? g_strdup_printf (_("“%s” deleted"), name) : g_strdup (_("Deleted"));
    }
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u record deleted", "%'u records deleted",
                                          deletions->len), deletions->len);

  forget (self);
  self->last = g_steal_pointer (&deletions);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (near, toast);
  return ok;
}

/**
 * cv_trash_undo:
 *
 * Puts back the latest deletion, with everything that went with it.
 *
 * Returns: %TRUE if something was put back
 */
/**
 * cv_trash_forget:
 *
 * Drops what Undo would bring back, for a change after which it must not
 * (erasing a person).
 */
void
cv_trash_forget (CvTrash *self)
{
  g_return_if_fail (CV_IS_TRASH (self));
  forget (self);
}

gboolean
cv_trash_undo (CvTrash  *self,
               GError  **error)
{
  g_autoptr(GPtrArray) deletions = NULL;

  g_return_val_if_fail (CV_IS_TRASH (self), FALSE);

  if (self->undo != NULL)
    {
      gboolean ok = self->undo (self->store, self->undo_data, error);

      forget (self);
      return ok;
    }

  deletions = g_steal_pointer (&self->last);
  if (deletions == NULL)
    return FALSE;
  /* In the opposite order of deletion. */
  for (guint i = deletions->len; i > 0; i--)
    if (!cv_store_restore (self->store, g_ptr_array_index (deletions, i - 1), error))
      return FALSE;
  return TRUE;
}

/**
 * cv_trash_offer_undo:
 * @undo: puts back what was done (a merge, say)
 * @data: (transfer full): for @undo, freed with @destroy
 *
 * Offers Undo for something other than a deletion, in the same toast and
 * through the same Ctrl+Z.
 */
void
cv_trash_offer_undo (CvTrash         *self,
                     GtkWidget       *near,
                     const char      *title,
                     CvTrashUndoFunc  undo,
                     gpointer         data,
                     GDestroyNotify   destroy)
{
  AdwToast *toast;

  g_return_if_fail (CV_IS_TRASH (self));

  forget (self);
  self->undo = undo;
  self->undo_data = data;
  self->undo_destroy = destroy;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (near, toast);
}
