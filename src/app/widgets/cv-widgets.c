/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cv-widgets.h"

/* Removes every row of @list. */
void
cv_list_box_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Returns: (transfer full): the whole text of @view */
char *
cv_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Shows @error's message in @label, or hides the label when @error is %NULL. */
void
cv_error_label_show (GtkLabel     *label,
                     const GError *error)
{
  gtk_label_set_text (label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
}

/* A failure while showing records is told to the person, never only logged:
 * a toast on @widget's window says what went wrong; @what, in English, goes
 * to the log for whoever reads it. */
void
cv_widget_report_error (GtkWidget    *widget,
                        const char   *what,
                        const GError *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *message = NULL;

  g_return_if_fail (error != NULL);

  g_message ("%s: %s", what, error->message);
  if (overlay == NULL)
    return;
  /* TRANSLATORS: %s is the reason, for example "The database is busy …" */
  message = g_strdup_printf (_("Could not read from the database. %s"), error->message);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}
