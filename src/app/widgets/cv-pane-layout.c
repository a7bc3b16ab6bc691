/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The detail pane beside a list asks for the same width whatever record it
 * shows: a long title ellipsizes inside the pane instead of widening it and
 * taking columns away from the list. Its children are laid out as a GtkBinLayout
 * would; only its natural width is fixed (it is never narrower than its
 * minimum).
 */
#include "config.h"

#include "cv-pane-layout.h"

struct _CvPaneLayout
{
  GtkLayoutManager parent_instance;

  int width;
};

G_DEFINE_FINAL_TYPE (CvPaneLayout, cv_pane_layout, GTK_TYPE_LAYOUT_MANAGER)

static void
cv_pane_layout_measure (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               for_size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  CvPaneLayout *self = CV_PANE_LAYOUT (manager);

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, self->width);
}

static void
cv_pane_layout_allocate (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
cv_pane_layout_class_init (CvPaneLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->measure = cv_pane_layout_measure;
  manager_class->allocate = cv_pane_layout_allocate;
}

static void
cv_pane_layout_init (CvPaneLayout *self)
{
  self->width = CV_DETAIL_PANE_WIDTH;
}

/**
 * cv_pane_layout_fix_width:
 * @pane: a widget whose children fill it (an editor, a page stack)
 * @width: the width it asks for, whatever it shows
 */
void
cv_pane_layout_fix_width (GtkWidget *pane,
                          int        width)
{
  CvPaneLayout *layout = g_object_new (CV_TYPE_PANE_LAYOUT, NULL);

  g_return_if_fail (GTK_IS_WIDGET (pane));
  layout->width = width;
  gtk_widget_set_layout_manager (pane, GTK_LAYOUT_MANAGER (layout));
}
