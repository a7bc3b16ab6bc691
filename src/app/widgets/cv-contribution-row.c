/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What one person said at a session, whole: the words, who said them (their
 * name opens their page; anonymous or nobody named otherwise) and its themes
 * (each opens its theme), with Change, Agree an Action and Delete beside it.
 * The buttons name what they act on by the start of the words, so that a
 * screen reader tells one row's Delete from the next.
 *
 * The row acts on nothing itself: "edit", "agree" and "remove" ask the
 * session's page to.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-contribution-row.h"
#include "cv-format.h"
#include "cv-widgets.h"

struct _CvContributionRow
{
  GtkListBoxRow  parent_instance;

  CvRecord      *contribution;

  GtkLabel      *quote_label;
  GtkButton     *speaker_button;
  GtkLabel      *no_speaker_label;
  GtkFlowBox    *theme_chips;
  GtkButton     *edit_button;
  GtkButton     *agree_button;
  GtkButton     *remove_button;
};

enum
{
  EDIT,
  AGREE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CvContributionRow, cv_contribution_row, GTK_TYPE_LIST_BOX_ROW)

static void
edit_clicked_cb (CvContributionRow *self)
{
  g_signal_emit (self, signals[EDIT], 0);
}

static void
agree_clicked_cb (CvContributionRow *self)
{
  g_signal_emit (self, signals[AGREE], 0);
}

static void
remove_clicked_cb (CvContributionRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
name_button (GtkButton  *button,
             const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
cv_contribution_row_dispose (GObject *object)
{
  CvContributionRow *self = CV_CONTRIBUTION_ROW (object);

  g_clear_object (&self->contribution);
  G_OBJECT_CLASS (cv_contribution_row_parent_class)->dispose (object);
}

static void
cv_contribution_row_class_init (CvContributionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cv_contribution_row_dispose;

  /** CvContributionRow::edit: Change was pressed. */
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  /** CvContributionRow::agree: Agree an Action That Answers This was pressed. */
  signals[AGREE] = g_signal_new ("agree", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);
  /** CvContributionRow::remove: Delete was pressed. */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-contribution-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CvContributionRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, CvContributionRow, speaker_button);
  gtk_widget_class_bind_template_child (widget_class, CvContributionRow, no_speaker_label);
  gtk_widget_class_bind_template_child (widget_class, CvContributionRow, theme_chips);
  gtk_widget_class_bind_template_child (widget_class, CvContributionRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, CvContributionRow, agree_button);
  gtk_widget_class_bind_template_child (widget_class, CvContributionRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, agree_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
cv_contribution_row_init (CvContributionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cv_contribution_row_new:
 * @store: the database, for the names of the speaker and the themes
 * @contribution: what was said
 *
 * Returns: (transfer floating): a row showing @contribution
 */
GtkWidget *
cv_contribution_row_new (CvStore  *store,
                         CvRecord *contribution)
{
  CvContributionRow *self;
  const char *text;
  gboolean anonymous;
  const char *speaker_id;
  g_autofree char *who = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *agree_label = NULL;
  g_autofree char *remove_label = NULL;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);
  g_return_val_if_fail (CV_IS_RECORD (contribution), NULL);

  self = g_object_new (CV_TYPE_CONTRIBUTION_ROW, NULL);
  self->contribution = g_object_ref (contribution);
  text = cv_record_get_string (contribution, "text");
  anonymous = cv_record_get_boolean (contribution, "anonymous");
  speaker_id = anonymous ? NULL : cv_record_get_string (contribution, "stakeholder_id");
  who = cv_store_get_display_name (store, "stakeholder", speaker_id);
  excerpt = cv_format_excerpt (text, 60);

  gtk_label_set_text (self->quote_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, excerpt, -1);
  if (who != NULL)
    {
      cv_button_set_long_label (self->speaker_button, who);
      cv_opens_record (GTK_WIDGET (self->speaker_button), "stakeholder", speaker_id);
    }
  else
    gtk_label_set_text (self->no_speaker_label, anonymous ? _("Anonymous") : _("Nobody named"));
  gtk_widget_set_visible (GTK_WIDGET (self->speaker_button), who != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->no_speaker_label), who == NULL);
  cv_theme_chips_set (self->theme_chips, store, cv_record_get_list (contribution, "themes"));

  /* TRANSLATORS: the accessible name of an edit button; %s is the start of what was said */
  edit_label = g_strdup_printf (_("Change “%s”"), excerpt);
  name_button (self->edit_button, edit_label);
  /* TRANSLATORS: the accessible name of a button; %s is the start of what was said */
  agree_label = g_strdup_printf (_("Agree an Action That Answers “%s”"), excerpt);
  name_button (self->agree_button, agree_label);
  /* TRANSLATORS: the accessible name of a delete button; %s is the start of what was said */
  remove_label = g_strdup_printf (_("Delete “%s”"), excerpt);
  name_button (self->remove_button, remove_label);
  return GTK_WIDGET (self);
}

/**
 * cv_contribution_row_get_contribution:
 *
 * Returns: (transfer none): what was said, as the row shows it
 */
CvRecord *
cv_contribution_row_get_contribution (CvContributionRow *self)
{
  g_return_val_if_fail (CV_IS_CONTRIBUTION_ROW (self), NULL);

  return self->contribution;
}

/**
 * cv_contribution_row_set_being_edited:
 *
 * Marks the row whose words are in the form above the list.
 */
void
cv_contribution_row_set_being_edited (CvContributionRow *self,
                                      gboolean           being_edited)
{
  g_return_if_fail (CV_IS_CONTRIBUTION_ROW (self));

  if (being_edited)
    gtk_widget_add_css_class (GTK_WIDGET (self), "being-edited");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "being-edited");
}
