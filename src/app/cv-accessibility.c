/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Repairs, in one place, what GTK 4.8 itself tells assistive technology
 * wrongly about its own composite controls, so that no view has to reach
 * into GTK's internal children:
 *
 *  - a button or check button whose label has a mnemonic gets that raw
 *    label ("_New Programme") as its accessible label, and a button also
 *    names itself after its label child, so a screen reader says
 *    "underscore New Programme New Programme";
 *  - the button inside a drop-down or colour button has no name, so its
 *    type name ("GtkToggleButton", "GtkButton") reaches the screen reader;
 *    inside a menu button it is named after its label ("Choose…") rather
 *    than after what the view calls the menu button ("Choose the Owner");
 *  - a drop-down's or menu button's tooltip stays up over its own open
 *    menu, covering the first item;
 *  - a calendar's arrows are unnamed icon buttons;
 *  - a menu button's popover, closed with Escape, can leave the focus on a
 *    widget inside it that is no longer on screen: it goes back to the
 *    button;
 *  - a list row built of a box of labels has no name at all: it is named
 *    after the first label it shows (a row that names itself is left alone).
 *
 * A window is repaired whole when it is realized, and a control added later
 * when it is realized itself, before assistive technology can see it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "cv-accessibility.h"

/* @label without its mnemonic underscores: "Save _As" → "Save As", "__" → "_". */
static char *
strip_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

static gboolean
has_raw_label (GtkWidget  *widget,
               const char *label)
{
  g_autofree char *mismatch = NULL;

  /* Without accessibility (GTK_A11Y=none) there is nothing to compare. */
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  /* GTK 4.8 offers no getter for an accessible property; this compares. */
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return mismatch == NULL;
}

static void
repair_mnemonic_label (GtkWidget *widget)
{
  const char *label = NULL;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
    label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));

  /* A label a view set on purpose is left alone. */
  if (label == NULL || strchr (label, '_') == NULL || !has_raw_label (widget, label))
    return;

  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
  else
    {
      g_autofree char *text = strip_mnemonic (label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
}

static void
label_changed_cb (GtkWidget *widget)
{
  repair_mnemonic_label (widget);
}

static GtkWidget *
inner_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      return child;
  return NULL;
}

static void
menu_open_changed_cb (GtkToggleButton *button,
                      GParamSpec      *pspec,
                      GtkWidget       *outer)
{
  gboolean open = gtk_toggle_button_get_active (button);

  gtk_widget_set_has_tooltip (outer, !open && gtk_widget_get_tooltip_text (outer) != NULL);
  gtk_widget_trigger_tooltip_query (outer);
}

static void
popover_closed_cb (GtkPopover *popover,
                   GtkWidget  *button)
{
  GtkRoot *root = gtk_widget_get_root (button);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (popover)))
    gtk_widget_grab_focus (button);
}

static void
repair_composite (GtkWidget *outer)
{
  GtkWidget *button = inner_button (outer);

  if (button == NULL)
    return;

  /* The outer widget carries the name the view gave it; the focusable
   * button inside, which is what a screen reader announces, takes it. */
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (outer), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, outer, NULL,
                                      -1);
    }
  else
    {
      /* Or the label beside it whose mnemonic opens it ("_Sector"). */
      g_autoptr(GList) labels = gtk_widget_list_mnemonic_labels (outer);

      if (labels != NULL)
        {
          gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_RELATION_LABELLED_BY, labels->data, NULL,
                                          -1);
        }
    }

  if (GTK_IS_TOGGLE_BUTTON (button))
    g_signal_connect_object (button, "notify::active", G_CALLBACK (menu_open_changed_cb), outer, 0);
  if (GTK_IS_MENU_BUTTON (outer) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (outer)) != NULL)
    g_signal_connect_object (gtk_menu_button_get_popover (GTK_MENU_BUTTON (outer)), "closed",
                             G_CALLBACK (popover_closed_cb), outer, 0);
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) ||
         GTK_IS_DROP_DOWN (widget) || GTK_IS_EDITABLE (widget) || GTK_IS_LIST_BOX (widget);
}

/* The first label inside @widget that is not part of a control within it. */
static GtkWidget *
first_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label;

      if (GTK_IS_LABEL (child))
        return child;
      if (is_control (child))
        continue;
      if ((label = first_label (child)) != NULL)
        return label;
    }
  return NULL;
}

static void
row_title_changed_cb (AdwPreferencesRow *row)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (row), -1);
}

static void
repair_row (GtkWidget *row)
{
  GtkWidget *label;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return;
  /* An expander row keeps its title inside a list of its own. */
  if (ADW_IS_PREFERENCES_ROW (row))
    {
      row_title_changed_cb (ADW_PREFERENCES_ROW (row));
      g_signal_connect (row, "notify::title", G_CALLBACK (row_title_changed_cb), NULL);
    }
  else if ((label = first_label (row)) != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                    -1);
}

/* GTK 4.8's calendar heading: month ‹ › then year ‹ ›, in that order. */
static void
repair_calendar (GtkWidget *calendar)
{
  static const char *names[] = {
    N_("Previous Month"), N_("Next Month"), N_("Previous Year"), N_("Next Year"),
  };
  GtkWidget *heading = gtk_widget_get_first_child (calendar);
  guint n = 0;

  for (GtkWidget *child = heading != NULL ? gtk_widget_get_first_child (heading) : NULL;
       child != NULL && n < G_N_ELEMENTS (names);
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _(names[n]), -1);
        gtk_widget_set_tooltip_text (child, _(names[n]));
        n++;
      }
}

static void
repair (GtkWidget *widget)
{
  static GQuark repaired;

  if (repaired == 0)
    repaired = g_quark_from_static_string ("cv-accessibility-repaired");
  if (g_object_get_qdata (G_OBJECT (widget), repaired) != NULL)
    return;

  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
    {
      g_object_set_qdata (G_OBJECT (widget), repaired, GINT_TO_POINTER (TRUE));
      repair_mnemonic_label (widget);
      g_signal_connect (widget, "notify::label", G_CALLBACK (label_changed_cb), NULL);
    }
  else if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_COLOR_BUTTON (widget))
    {
      g_object_set_qdata (G_OBJECT (widget), repaired, GINT_TO_POINTER (TRUE));
      repair_composite (widget);
    }
  else if (GTK_IS_CALENDAR (widget))
    {
      g_object_set_qdata (G_OBJECT (widget), repaired, GINT_TO_POINTER (TRUE));
      repair_calendar (widget);
    }
  else if (GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_FLOW_BOX_CHILD (widget))
    {
      g_object_set_qdata (G_OBJECT (widget), repaired, GINT_TO_POINTER (TRUE));
      repair_row (widget);
    }
}

static void
repair_tree (GtkWidget *widget)
{
  repair (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    repair_tree (child);
}

static gboolean
realize_hook_cb (GSignalInvocationHint *hint,
                 guint                  n_values,
                 const GValue          *values,
                 gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  /* A window also carries pages that are never realized until shown, yet
   * assistive technology sees them: the whole tree is repaired with it. */
  if (GTK_IS_ROOT (widget))
    repair_tree (widget);
  else
    repair (widget);
  return TRUE;
}

/**
 * cv_accessibility_install:
 *
 * Repairs every control realized from now on. Call once, at start-up.
 */
void
cv_accessibility_install (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                                  realize_hook_cb, NULL, NULL);
      g_type_class_unref (widget_class);
      g_once_init_leave (&installed, 1);
    }
}
