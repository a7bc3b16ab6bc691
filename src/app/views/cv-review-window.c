/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * "You said, we did" on the screen, in large type, for the start of a
 * meeting; saved as PDF or printed from the same layout as the command line.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-format.h"
#include "cv-review-document.h"
#include "cv-review-text.h"
#include "cv-review-window.h"
#include "cv-widgets.h"

struct _CvReviewWindow
{
  AdwWindow        parent_instance;

  CvReview        *review;
  CvDocument       *printing;

  AdwToastOverlay *toast_overlay;
  GtkBox          *page;
};

G_DEFINE_FINAL_TYPE (CvReviewWindow, cv_review_window, ADW_TYPE_WINDOW)

static GtkWidget *
add_label (CvReviewWindow *self,
           const char     *text,
           const char     *css_class,
           int             indent)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_margin_start (label, indent);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->page, label);
  return label;
}

static void
add_action (CvReviewWindow       *self,
            const CvReviewAction *action)
{
  g_autofree char *status = cv_review_status_text (action);
  g_autofree char *line = g_markup_printf_escaped ("<b>%s</b> — %s%s", action->title, status,
                                                   action->recent ? _(" · changed since the previous session") : "");
  g_autofree char *answers = cv_review_answers_text (action);
  g_autofree char *due = cv_format_date (action->due_on);
  g_autofree char *who = cv_review_who_text (action, due);
  GtkWidget *title = add_label (self, NULL, NULL, 24);

  gtk_label_set_markup (GTK_LABEL (title), line);
  if (who != NULL)
    gtk_widget_add_css_class (add_label (self, who, "said-where", 48), "dim-label");
  if (answers != NULL)
    add_label (self, answers, "said-where", 48);
  if (action->outcome != NULL && cv_review_action_is_dropped (action))
    {
      g_autofree char *why = g_strdup_printf (_("Why not: %s"), action->outcome);
      add_label (self, why, NULL, 48);
    }
  else if (action->outcome != NULL && !cv_review_action_is_open (action))
    {
      g_autofree char *did = g_strdup_printf (_("We did: %s"), action->outcome);
      add_label (self, did, NULL, 48);
    }
}

static void
add_more (CvReviewWindow *self,
          guint           n)
{
  g_autofree char *more = NULL;

  if (n == 0)
    return;
  more = cv_review_more_text (n);
  gtk_widget_add_css_class (add_label (self, more, "said-where", 24), "dim-label");
}

static void
build_page (CvReviewWindow *self)
{
  CvReview *review = self->review;
  g_autofree char *when = cv_format_timestamp (review->session_starts);
  g_autofree char *subtitle = g_strdup_printf ("%s — %s, %s", review->programme != NULL ? review->programme : "",
                                               review->session_title, when != NULL ? when : "");
  g_autofree char *period = cv_review_period_text (review);

  add_label (self, _("You said, we did"), "title-1", 0);
  add_label (self, subtitle, "dim-label", 0);
  add_label (self, period, NULL, 0);
  if (review->groups->len == 0)
    add_label (self, _("Nothing was said or done in this period."), NULL, 0);

  for (guint g = 0; g < review->groups->len; g++)
    {
      CvReviewGroup *group = g_ptr_array_index (review->groups, g);
      GtkWidget *heading = add_label (self, group->theme != NULL ? group->theme : _("Under No Theme"), "title-2", 0);

      gtk_widget_set_margin_top (heading, 24);
      gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
      if (group->said->len > 0)
        add_label (self, _("YOU SAID"), "caption-heading", 0);
      for (guint i = 0; i < group->said->len; i++)
        {
          CvReviewSaid *said = g_ptr_array_index (group->said, i);
          /* TRANSLATORS: the number actions refer to, and what was said */
          g_autofree char *quote = g_strdup_printf (_("%u. “%s”"), said->number, said->text);
          g_autofree char *where = cv_review_where_text (said, FALSE);
          GtkWidget *chips = cv_theme_chips_new ();

          add_label (self, quote, NULL, 24);
          gtk_widget_add_css_class (add_label (self, where, "said-where", 24), "dim-label");
          /* Its other themes beside it, each opening its theme in the main window. */
          cv_theme_chips_set_named (GTK_FLOW_BOX (chips), (const char * const *)said->also_ids,
                                    (const char * const *)said->also_names);
          gtk_widget_set_margin_start (chips, 24);
          gtk_box_append (self->page, chips);
        }
      add_more (self, group->said_more);
      if (group->actions->len > 0)
        add_label (self, _("WE DID"), "caption-heading", 0);
      for (guint i = 0; i < group->actions->len; i++)
        add_action (self, g_ptr_array_index (group->actions, i));
      add_more (self, group->actions_more);
      if (group->open->len > 0)
        add_label (self, _("STILL OPEN"), "caption-heading", 0);
      for (guint i = 0; i < group->open->len; i++)
        add_action (self, g_ptr_array_index (group->open, i));
      add_more (self, group->open_more);
      if (group->dropped->len > 0)
        add_label (self, _("NOT GOING AHEAD"), "caption-heading", 0);
      for (guint i = 0; i < group->dropped->len; i++)
        add_action (self, g_ptr_array_index (group->dropped, i));
      add_more (self, group->dropped_more);
    }
}

/**
 * cv_review_window_save_pdf:
 *
 * Writes the review to @file as a PDF, as "Save as PDF…" does.
 */
gboolean
cv_review_window_save_pdf (CvReviewWindow  *self,
                           GFile           *file,
                           GError         **error)
{
  g_autoptr(CvDocument) document = cv_review_document_new (self->review);
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (CV_IS_REVIEW_WINDOW (self), FALSE);
  return cv_document_write_pdf (document, path, NULL, error);
}

static void
pdf_chosen_cb (GtkNativeDialog *chooser,
               int              response,
               CvReviewWindow  *self)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;

      if (cv_review_window_save_pdf (self, file, &error))
        message = g_strdup_printf (_("Saved “%s”"), name);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message != NULL ? message : error->message));
    }
  g_object_unref (chooser);
}

static void
save_pdf_cb (CvReviewWindow *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save the Review as PDF"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                                               _("_Cancel"));
  g_autofree char *name = g_strdup_printf (_("You said, we did — %s.pdf"), self->review->session_title);

  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (pdf_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                CvReviewWindow    *self)
{
  g_clear_pointer (&self->printing, cv_document_free);
  self->printing = cv_review_document_new (self->review);
  gtk_print_operation_set_n_pages (operation,
                                   cv_document_paginate (self->printing,
                                                                gtk_print_context_get_cairo_context (context),
                                                                gtk_print_context_get_width (context),
                                                                gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              CvReviewWindow    *self)
{
  cv_document_draw_page (self->printing, gtk_print_context_get_cairo_context (context), page);
}

static void
print_cb (CvReviewWindow *self)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_job_name (operation, _("You said, we did"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* A theme named here opens in the main window, which comes to the front;
 * Back there returns to where it was. */
static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent == NULL)
    return;
  gtk_widget_activate_action_variant (GTK_WIDGET (parent), "win.open-record", parameter);
  gtk_window_present (parent);
}

static void
cv_review_window_dispose (GObject *object)
{
  CvReviewWindow *self = (CvReviewWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_REVIEW_WINDOW);
  g_clear_pointer (&self->review, cv_review_free);
  g_clear_pointer (&self->printing, cv_document_free);

  G_OBJECT_CLASS (cv_review_window_parent_class)->dispose (object);
}

static void
cv_review_window_class_init (CvReviewWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cv_review_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CvReviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CvReviewWindow, page);
  gtk_widget_class_bind_template_callback (widget_class, save_pdf_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-record", "(ss)", open_record_action);
}

static void
cv_review_window_init (CvReviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cv_review_window_new:
 * @review: (transfer full): the review to show
 */
CvReviewWindow *
cv_review_window_new (GtkWindow *parent,
                      CvReview  *review)
{
  CvReviewWindow *self = g_object_new (CV_TYPE_REVIEW_WINDOW, "transient-for", parent, NULL);

  self->review = review;
  build_page (self);
  return self;
}
