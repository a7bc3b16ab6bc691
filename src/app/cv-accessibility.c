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
 *  - a menu button's popover, closed with Escape, or a drop-down's list,
 *    closed by a choice, can leave the focus on a widget inside it that is
 *    no longer on screen: it goes back to the button;
 *  - a list row built of a box of labels has no name at all: it is named
 *    after the first label it shows (a row that names itself is left alone);
 *  - a dialog opened from the keyboard shows no focus ring until the next
 *    key press: it shows it from the start when its parent window did;
 *  - a dialog closed leaves its parent's focus wherever it fell meanwhile
 *    (nowhere, when what had it was rebuilt): it goes back to the control
 *    that opened the dialog, or the one that replaced it;
 *  - a scrolled window follows the focus only when it can measure it at
 *    once: a control focused in a row that was just built (a list rebuilt
 *    after a change) stayed out of view. The focus is scrolled into view
 *    once it is laid out, in every window.
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
  /* A drop-down's list, closed by a choice, keeps the focus too. */
  if (GTK_IS_DROP_DOWN (outer))
    for (GtkWidget *child = gtk_widget_get_first_child (outer); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER (child))
        g_signal_connect_object (child, "closed", G_CALLBACK (popover_closed_cb), button, 0);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
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

/* Moves @adjustment so that what starts at @start (from the view's edge)
 * and is @size long shows in a view @view_size long; a control longer than
 * the view shows its start. */
static void
scroll_into_view (GtkAdjustment *adjustment,
                  double         start,
                  double         size,
                  double         view_size)
{
  double value = gtk_adjustment_get_value (adjustment);

  if (start < 0 || size > view_size)
    gtk_adjustment_set_value (adjustment, value + start - 6);
  else if (start + size > view_size)
    gtk_adjustment_set_value (adjustment, value + start + size - view_size + 6);
}

/* Once laid out: every scrolled window around the focus shows it. A row
 * built in this frame has its size only after this frame's layout, so the
 * check runs for a few frames (and stops as soon as there is nothing to do). */
static gboolean
scroll_to_focus_cb (GtkWidget     *window,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  guint frames = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), "cv-scroll-to-focus"));

  if (focus == NULL || !gtk_widget_get_mapped (focus) || frames == 0 || frames > 6)
    {
      g_object_set_data (G_OBJECT (window), "cv-scroll-to-focus", NULL);
      return G_SOURCE_REMOVE;
    }
  g_object_set_data (G_OBJECT (window), "cv-scroll-to-focus", GUINT_TO_POINTER (frames + 1));
  for (GtkWidget *a = gtk_widget_get_parent (focus); a != NULL && !GTK_IS_NATIVE (a); a = gtk_widget_get_parent (a))
    {
      graphene_rect_t bounds;

      if (!GTK_IS_SCROLLED_WINDOW (a) || !gtk_widget_compute_bounds (focus, a, &bounds))
        continue;
      scroll_into_view (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (a)),
                        bounds.origin.y, bounds.size.height, gtk_widget_get_height (a));
      scroll_into_view (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (a)),
                        bounds.origin.x, bounds.size.width, gtk_widget_get_width (a));
    }
  return G_SOURCE_CONTINUE;
}

static void
focus_moved_cb (GtkWindow  *window,
                GParamSpec *pspec,
                gpointer    user_data)
{
  gboolean running = g_object_get_data (G_OBJECT (window), "cv-scroll-to-focus") != NULL;

  /* Counts frames from 1 again; one callback at a time. */
  g_object_set_data (G_OBJECT (window), "cv-scroll-to-focus", GUINT_TO_POINTER (1));
  if (running)
    return;
  gtk_widget_add_tick_callback (GTK_WIDGET (window), scroll_to_focus_cb, NULL, NULL);
}

/* The control that had the parent's focus when @window opened, if any. */
static void
remember_opener (GtkWindow *window)
{
  GtkWindow *parent = gtk_window_get_transient_for (window);
  GtkWidget *opener = parent != NULL ? gtk_window_get_focus (parent) : NULL;
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, opener);
  g_object_set_data_full (G_OBJECT (window), "cv-opener", ref, (GDestroyNotify) weak_ref_free);
}

static void
give_focus_back_cb (GtkWindow *window)
{
  GtkWindow *parent = gtk_window_get_transient_for (window);
  GWeakRef *ref = g_object_get_data (G_OBJECT (window), "cv-opener");
  g_autoptr(GtkWidget) opener = ref != NULL ? g_weak_ref_get (ref) : NULL;
  GtkWidget *focus;

  if (parent == NULL || opener == NULL)
    return;
  focus = gtk_window_get_focus (parent);
  /* Only where the focus was lost: the dialog may have sent it on purpose. */
  if (focus != NULL && gtk_widget_get_mapped (focus))
    return;
  if (gtk_widget_get_root (opener) == GTK_ROOT (parent) && gtk_widget_get_mapped (opener))
    gtk_widget_grab_focus (opener);
}

static void
window_active_cb (GtkWindow  *window,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  GtkWindow *parent = gtk_window_get_transient_for (window);

  /* Once: from then on, the window's own keys and clicks decide. */
  if (!gtk_window_is_active (window))
    return;
  g_signal_handlers_disconnect_by_func (window, window_active_cb, user_data);
  if (parent != NULL && gtk_window_get_focus_visible (parent))
    gtk_window_set_focus_visible (window, TRUE);
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
  if (GTK_IS_WINDOW (widget) && gtk_window_get_transient_for (GTK_WINDOW (widget)) != NULL)
    {
      g_signal_connect (widget, "notify::is-active", G_CALLBACK (window_active_cb), NULL);
      remember_opener (GTK_WINDOW (widget));
      g_signal_connect (widget, "hide", G_CALLBACK (give_focus_back_cb), NULL);
    }
  if (GTK_IS_WINDOW (widget))
    g_signal_connect (widget, "notify::focus-widget", G_CALLBACK (focus_moved_cb), NULL);
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
