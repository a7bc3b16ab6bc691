/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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
