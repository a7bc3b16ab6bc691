/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One section of a guide on the guide's page: its title (with Move Up,
 * Move Down and Remove beside it), its questions (#CvPromptRow), and a row
 * to add a question. A built-in guide's section shows its questions only.
 *
 * The group changes nothing itself: "rename", "add-prompt", "move" and
 * "remove" ask the guide's page to.
 */
#include "config.h"

#include "cv-guides.h"
#include "cv-section-group.h"

struct _CvSectionGroup
{
  AdwPreferencesGroup  parent_instance;

  CvRecord            *section;

  GtkWidget           *tools;
  GtkWidget           *title_row;
  GtkWidget           *add_row;
};

enum
{
  RENAME,
  ADD_PROMPT,
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CvSectionGroup, cv_section_group, ADW_TYPE_PREFERENCES_GROUP)

static void
rename_cb (CvSectionGroup *self)
{
  g_signal_emit (self, signals[RENAME], 0, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static void
add_cb (CvSectionGroup *self)
{
  g_signal_emit (self, signals[ADD_PROMPT], 0, gtk_editable_get_text (GTK_EDITABLE (self->add_row)));
}

static void
move_up_cb (CvSectionGroup *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
move_down_cb (CvSectionGroup *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
remove_cb (CvSectionGroup *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
cv_section_group_dispose (GObject *object)
{
  CvSectionGroup *self = CV_SECTION_GROUP (object);

  g_clear_object (&self->section);
  G_OBJECT_CLASS (cv_section_group_parent_class)->dispose (object);
}

static void
cv_section_group_class_init (CvSectionGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cv_section_group_dispose;

  /** CvSectionGroup::rename: @title: the section's new title */
  signals[RENAME] = g_signal_new ("rename", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /** CvSectionGroup::add-prompt: @question: the words of a new question, last in the section */
  signals[ADD_PROMPT] = g_signal_new ("add-prompt", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /** CvSectionGroup::move: @delta: -1 up, 1 down */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_INT);
  /** CvSectionGroup::remove: Remove Section was pressed. */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-section-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CvSectionGroup, tools);
  gtk_widget_class_bind_template_child (widget_class, CvSectionGroup, title_row);
  gtk_widget_class_bind_template_child (widget_class, CvSectionGroup, add_row);
  gtk_widget_class_bind_template_callback (widget_class, rename_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_up_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_down_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_cb);
}

static void
cv_section_group_init (CvSectionGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cv_section_group_new:
 * @guide: the guide (its texts, whether it is built in)
 * @section: the section
 *
 * Returns: (transfer floating): the section's group, with no questions yet
 */
GtkWidget *
cv_section_group_new (CvRecord *guide,
                      CvRecord *section)
{
  CvSectionGroup *self;
  gboolean editable;

  g_return_val_if_fail (CV_IS_RECORD (guide), NULL);
  g_return_val_if_fail (CV_IS_RECORD (section), NULL);

  self = g_object_new (CV_TYPE_SECTION_GROUP, NULL);
  self->section = g_object_ref (section);
  editable = !cv_record_get_boolean (guide, "builtin");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   cv_guides_text (guide, cv_record_get_string (section, "title")));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), cv_record_get_string (section, "title"));
  if (!editable)
    {
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), NULL);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->title_row);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->add_row);
      self->tools = self->title_row = self->add_row = NULL;
    }
  return GTK_WIDGET (self);
}

/**
 * cv_section_group_get_id:
 *
 * Returns: the id of the section
 */
const char *
cv_section_group_get_id (CvSectionGroup *self)
{
  g_return_val_if_fail (CV_IS_SECTION_GROUP (self), NULL);

  return cv_record_get_id (self->section);
}

/**
 * cv_section_group_add_prompt:
 * @prompt_row: a #CvPromptRow
 *
 * Adds a question after the ones already there, above the row that adds one.
 */
void
cv_section_group_add_prompt (CvSectionGroup *self,
                             GtkWidget      *prompt_row)
{
  g_return_if_fail (CV_IS_SECTION_GROUP (self));

  if (self->add_row == NULL)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), prompt_row);
      return;
    }
  /* The group's rows are in one list box: the question goes before the row
   * that adds one. */
  gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (self->add_row)), prompt_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->add_row)));
}

/**
 * cv_section_group_get_title_row:
 *
 * Returns: (transfer none) (nullable): the row that renames the section;
 *   %NULL in a built-in guide
 */
GtkWidget *
cv_section_group_get_title_row (CvSectionGroup *self)
{
  g_return_val_if_fail (CV_IS_SECTION_GROUP (self), NULL);

  return self->title_row;
}

/**
 * cv_section_group_get_add_row:
 *
 * Returns: (transfer none) (nullable): the row that adds a question; %NULL
 *   in a built-in guide
 */
GtkWidget *
cv_section_group_get_add_row (CvSectionGroup *self)
{
  g_return_val_if_fail (CV_IS_SECTION_GROUP (self), NULL);

  return self->add_row;
}
