/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What assistive technology is told: every control of every view, record
 * page, popover, dialog and window has a name that is not empty and not a
 * type name, said once; check boxes are check boxes; windows are windows.
 *
 * GTK 4.8 has no getter for an accessible name, so the test follows what
 * GTK 4.8 computes (gtk_at_context_get_name): the label property, else the
 * label properties of the widgets it is labelled by, else its type name.
 * It compares with GTK's test API, which needs the "test" accessibility
 * backend: main() asks for it.
 */
#include "config.h"

#include <string.h>

#include "cv-action.h"
#include "cv-attendance.h"
#include "cv-contribution.h"
#include "cv-attendee-picker.h"
#include "cv-conversation-window.h"
#include "cv-csv-import-dialog.h"
#include "cv-guides.h"
#include "cv-guides-view.h"
#include "cv-measure.h"
#include "cv-measure-chart.h"
#include "cv-power-grid.h"
#include "cv-programme-dialog.h"
#include "cv-register.h"
#include "cv-review-window.h"
#include "cv-session.h"
#include "cv-session-editor.h"
#include "cv-sessions-view.h"
#include "cv-stakeholder.h"
#include "cv-stakeholders-view.h"
#include "cv-theme.h"
#include "cv-duplicates-window.h"
#include "cv-actions-view.h"
#include "cv-action-editor.h"
#include "cv-measures-view.h"
#include "ui-test.h"

static gboolean
property_differs (GtkWidget             *widget,
                  GtkAccessibleProperty  property,
                  const char            *value)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, value);

  return mismatch != NULL;
}

/* A label property that is there, not empty and not the type name. */
static gboolean
has_own_name (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
         property_differs (widget, GTK_ACCESSIBLE_PROPERTY_LABEL, "") &&
         property_differs (widget, GTK_ACCESSIBLE_PROPERTY_LABEL, G_OBJECT_TYPE_NAME (widget));
}

static gboolean
labelled_by_named (GtkWidget *widget,
                   GtkWidget *candidate)
{
  g_autofree char *mismatch = NULL;

  if (candidate == widget)
    return FALSE;
  mismatch = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                 candidate, NULL);
  return mismatch == NULL && has_own_name (candidate);
}

static gboolean
labelled_by_named_within (GtkWidget *widget,
                          GtkWidget *tree)
{
  if (labelled_by_named (widget, tree))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (tree); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (labelled_by_named_within (widget, c))
      return TRUE;
  return FALSE;
}

/* What labels a control is near it: an ancestor, or a label beside it. */
static gboolean
is_named (GtkWidget *widget)
{
  GtkWidget *near = widget;

  if (has_own_name (widget))
    return TRUE;
  if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;
  for (guint up = 0; up < 4 && gtk_widget_get_parent (near) != NULL; up++)
    {
      near = gtk_widget_get_parent (near);
      if (labelled_by_named (widget, near))
        return TRUE;
    }
  return labelled_by_named_within (widget, near);
}

static const char *
raw_mnemonic_label (GtkWidget *widget)
{
  const char *label = NULL;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
    label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  return label != NULL && strchr (label, '_') != NULL ? label : NULL;
}

static gboolean
is_control (GtkWidget *widget)
{
  /* A menu button or drop-down is announced as the parent of its button. */
  if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget))
    return TRUE;
  if (!gtk_widget_get_focusable (widget))
    return FALSE;
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_TEXT (widget) || GTK_IS_TEXT_VIEW (widget) || GTK_IS_LIST_BOX_ROW (widget) ||
         GTK_IS_FLOW_BOX_CHILD (widget);
}

/* The label assistive technology reads for @widget, or NULL: GTK 4.8 has
 * no getter, but its test API answers a mismatch with the value it has. */
static char *
label_of (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");
}

/* Where @widget is, for a failure message: its type and its ancestors'. */
static char *
describe (GtkWidget *widget)
{
  GString *path = g_string_new (G_OBJECT_TYPE_NAME (widget));
  guint depth = 0;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (path, " “%s”", gtk_button_get_label (GTK_BUTTON (widget)));
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_string_append_printf (path, " (tooltip “%s”)", gtk_widget_get_tooltip_text (widget));
  for (GtkWidget *p = gtk_widget_get_parent (widget); p != NULL && depth < 6; p = gtk_widget_get_parent (p), depth++)
    {
      const char *name = gtk_buildable_get_buildable_id (GTK_BUILDABLE (p));

      g_string_append_printf (path, " < %s", G_OBJECT_TYPE_NAME (p));
      if (name != NULL)
        g_string_append_printf (path, "#%s", name);
      if (ADW_IS_PREFERENCES_ROW (p))
        g_string_append_printf (path, " “%s”", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p)));
    }
  return g_string_free (path, FALSE);
}

typedef struct
{
  GString *problems;
  guint    checked;
} Walk;

static void
check_widget (GtkWidget *widget,
              Walk      *walk)
{
  const char *raw;

  /* What a person can reach is on screen: the walk shows every page in turn. */
  if (!gtk_widget_get_mapped (widget))
    return;

  if (is_control (widget) &&
      !gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_NONE) &&
      !gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_PRESENTATION))
    {
      walk->checked++;
      if (!is_named (widget))
        {
          g_autofree char *where = describe (widget);
          g_string_append_printf (walk->problems, "no name: %s\n", where);
        }
      else if ((raw = raw_mnemonic_label (widget)) != NULL &&
               !property_differs (widget, GTK_ACCESSIBLE_PROPERTY_LABEL, raw))
        {
          g_autofree char *where = describe (widget);
          g_string_append_printf (walk->problems, "mnemonic read out: %s\n", where);
        }

      if (GTK_IS_CHECK_BUTTON (widget) &&
          !gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_CHECKBOX) &&
          !gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_RADIO))
        {
          g_autofree char *where = describe (widget);
          g_string_append_printf (walk->problems, "not a check box: %s\n", where);
        }
    }

  /* A picture says in words what it shows. */
  if (CV_IS_POWER_GRID (widget) || CV_IS_MEASURE_CHART (widget))
    {
      walk->checked++;
      if (!has_own_name (widget) ||
          !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION) ||
          !property_differs (widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, ""))
        {
          g_autofree char *where = describe (widget);
          g_string_append_printf (walk->problems, "a picture not described: %s\n", where);
        }
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    check_widget (c, walk);
}

/* The names of the controls inside @widget (not in popovers), into @names. */
static void
collect_control_names (GtkWidget  *widget,
                       GHashTable *names)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      g_autofree char *label = NULL;

      if (GTK_IS_NATIVE (c) || !gtk_widget_get_visible (c))
        continue;
      if ((GTK_IS_BUTTON (c) || GTK_IS_CHECK_BUTTON (c) || GTK_IS_MENU_BUTTON (c) || GTK_IS_DROP_DOWN (c) ||
           GTK_IS_SWITCH (c)) && (label = label_of (c)) != NULL && *label != '\0')
        {
          /* A button that shows its record's own name names it already. */
          g_hash_table_add (names, g_steal_pointer (&label));
          continue;
        }
      collect_control_names (c, names);
    }
}

/* Every control in a row of a list says which record it acts on: no two
 * rows of one list have a control of the same name ("Status", "Delete"),
 * which a screen reader would read alike for every row. */
static void
check_rows_named (GtkWidget *widget,
                  Walk      *walk)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LIST_BOX (widget))
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (GtkWidget *row = gtk_widget_get_first_child (widget); row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          GHashTableIter iter;
          char *name;

          if (!gtk_widget_get_mapped (row))
            continue;
          collect_control_names (row, names);
          g_hash_table_iter_init (&iter, names);
          while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
            {
              walk->checked++;
              if (g_hash_table_contains (seen, name))
                {
                  g_autofree char *where = describe (row);
                  g_string_append_printf (walk->problems, "“%s” in more than one row, not named with its record: %s\n",
                                          name, where);
                }
              else
                g_hash_table_add (seen, g_strdup (name));
            }
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    check_rows_named (c, walk);
}

static void
report (Walk       *walk,
        const char *when)
{
  g_test_message ("%s: %u controls checked", when, walk->checked);
  if (walk->problems->len > 0)
    g_error ("%s:\n%s", when, walk->problems->str);
  g_string_free (walk->problems, TRUE);
}

/* Checks the controls in @widget, a popover. */
static void
check_tree (GtkWidget  *widget,
            const char *when)
{
  Walk walk = { g_string_new (NULL), 0 };

  run_main_loop (20);
  check_widget (widget, &walk);
  report (&walk, when);
}

/* Checks every open window; @when says what was on screen, for failures. */
static void
check_all (const char *when)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  Walk walk = { g_string_new (NULL), 0 };

  run_main_loop (20);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (!gtk_widget_get_visible (window))
        continue;
      if (!gtk_test_accessible_has_role (GTK_ACCESSIBLE (window), GTK_ACCESSIBLE_ROLE_WINDOW) &&
          !gtk_test_accessible_has_role (GTK_ACCESSIBLE (window), GTK_ACCESSIBLE_ROLE_DIALOG) &&
          !gtk_test_accessible_has_role (GTK_ACCESSIBLE (window), GTK_ACCESSIBLE_ROLE_ALERT_DIALOG))
        g_string_append_printf (walk.problems, "not a window: %s\n", G_OBJECT_TYPE_NAME (window));
      if (gtk_window_get_title (GTK_WINDOW (window)) == NULL &&
          !gtk_test_accessible_has_property (GTK_ACCESSIBLE (window), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
          !ADW_IS_MESSAGE_DIALOG (window))
        g_string_append_printf (walk.problems, "window without a title: %s\n", G_OBJECT_TYPE_NAME (window));
      check_widget (window, &walk);
      check_rows_named (window, &walk);
    }
  g_assert_cmpuint (walk.checked, >, 0);
  report (&walk, when);
}

static void
collect_menu_buttons (GtkWidget *widget,
                      GPtrArray *found)
{
  if (!gtk_widget_get_visible (widget))
    return;
  /* Each once: the header's menus are on screen in every view. */
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget) && gtk_widget_is_sensitive (widget) &&
      g_object_get_data (G_OBJECT (widget), "test-opened") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "test-opened", GINT_TO_POINTER (TRUE));
      g_ptr_array_add (found, g_object_ref (widget));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_menu_buttons (c, found);
}

static gboolean
is_on_screen (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, root, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (root);
}

static void
wait_until_on_screen (GtkWidget *widget)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!is_on_screen (widget) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (is_on_screen (widget));
}

/* Opens each menu button on screen in @root, checks, and closes it again. */
static void
check_popovers (GtkWidget  *root,
                const char *when)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new_with_free_func (g_object_unref);

  collect_menu_buttons (root, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (buttons, i);
      g_autofree char *where = describe (GTK_WIDGET (button));
      g_autofree char *what = g_strdup_printf ("%s, popover of %s", when, where);

      /* As a keyboard user reaches it: focused, and so scrolled into view. */
      gtk_widget_grab_focus (GTK_WIDGET (button));
      wait_until_on_screen (GTK_WIDGET (button));
      gtk_menu_button_popup (button);
      /* Only what opened: the rest of the window was checked already. */
      check_tree (GTK_WIDGET (gtk_menu_button_get_popover (button)), what);
      /* Its tooltip does not cover its own menu while it is open. */
      g_assert_false (gtk_widget_get_has_tooltip (GTK_WIDGET (button)));
      gtk_menu_button_popdown (button);
      run_main_loop (10);
      g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (button)) ==
                     (gtk_widget_get_tooltip_text (GTK_WIDGET (button)) != NULL));
    }
  run_main_loop (20);
}

static char *
first_id (Fixture *f,
          GType    type)
{
  g_autoptr(GPtrArray) records = cv_store_list (store_of (f), type, "programme_id",
                                                     cv_window_get_programme_id (f->window), NULL);

  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, >, 0);
  return g_strdup (cv_record_get_id (g_ptr_array_index (records, 0)));
}

static gboolean
is_tooltip (GtkWidget  *widget,
            const char *tooltip)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The grid's description in words, from a grid made by hand. */
static void
test_grid_description (void)
{
  CvGrid *grid = g_new0 (CvGrid, 1);
  CvGridPoint points[] = {
    { (char *) "a", (char *) "Priya Shah", 2, 2 },
    { (char *) "b", (char *) "Owen Hughes", 1, 2 },
    { (char *) "c", (char *) "Gwen Morgan", 0, 0 },
  };
  g_autofree char *text = NULL;

  grid->points = g_array_new (FALSE, FALSE, sizeof (CvGridPoint));
  g_array_append_vals (grid->points, points, G_N_ELEMENTS (points));
  grid->counts[2][2] = 1;
  grid->counts[1][2] = 4;   /* three more than are named */
  grid->counts[0][0] = 1;
  text = cv_power_grid_describe (grid);
  g_assert_cmpstr (text, ==,
                   "Manage closely: 5 — Priya Shah, Owen Hughes, and 3 more; Keep satisfied: 0; "
                   "Keep informed: 0; Monitor: 1 — Gwen Morgan");
  g_array_free (grid->points, TRUE);
  g_free (grid);
}

static void
test_welcome (Fixture       *f,
              gconstpointer  data)
{
  check_all ("welcome page");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-programme", NULL);
  run_main_loop (20);
  g_assert_nonnull (find_toplevel (CV_TYPE_PROGRAMME_DIALOG));
  check_all ("new programme dialog");
  gtk_window_destroy (find_toplevel (CV_TYPE_PROGRAMME_DIALOG));
}

static void
test_views_and_records (Fixture       *f,
                        gconstpointer  data)
{
  static const char *views[] = { "overview", "stakeholders", "sessions", "actions", "themes", "measures", "guides" };
  static const struct { const char *table; GType (*type) (void); } records[] = {
    { "action", cv_action_get_type },
    { "theme", cv_theme_get_type },
    { "measure", cv_measure_get_type },
  };
  GtkWidget *overview = child (f->window, CV_TYPE_WINDOW, "overview_view");
  CvStakeholdersView *stakeholders = child (f->window, CV_TYPE_WINDOW, "stakeholders_view");
  g_autofree char *stakeholder_id = NULL;
  g_autofree char *session_id = NULL;

  open_sample (f);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *when = g_strdup_printf ("the %s view", views[i]);

      cv_window_show_view (f->window, views[i]);
      check_all (when);
      check_popovers (GTK_WIDGET (f->window), when);
    }

  /* The grid, and the list that says the same in rows, reached from the
   * keyboard by the Show as List toggle beside it. */
  cv_window_show_view (f->window, "stakeholders");
  gtk_toggle_button_set_active (child (stakeholders, CV_TYPE_STAKEHOLDERS_VIEW, "grid_toggle"), TRUE);
  check_all ("the power and interest grid");
  {
    GtkWidget *grid = child (stakeholders, CV_TYPE_STAKEHOLDERS_VIEW, "power_grid");
    GtkWidget *list_toggle = find_descendant (GTK_WIDGET (stakeholders), is_tooltip, "Show as List");

    g_assert_true (gtk_widget_get_mapped (grid));
    g_assert_true (gtk_widget_get_focusable (list_toggle) && gtk_widget_get_mapped (list_toggle));
    /* 12 names a cell, as the view asks for. */
    g_autoptr(CvGrid) shown = cv_register_grid (store_of (f), cv_window_get_programme_id (f->window), 12, NULL);
    g_autofree char *expected = cv_power_grid_describe (shown);

    g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                       expected));
  }
  gtk_toggle_button_set_active (find_descendant (GTK_WIDGET (stakeholders), is_tooltip, "Show as List"), TRUE);
  stakeholder_id = first_id (f, CV_TYPE_STAKEHOLDER);
  cv_stakeholders_view_open (stakeholders, stakeholder_id);
  check_all ("a stakeholder");
  check_popovers (GTK_WIDGET (f->window), "a stakeholder");

  session_id = busiest_session (f);
  g_signal_emit_by_name (overview, "open-record", "session", session_id);
  check_all ("a session");
  check_popovers (GTK_WIDGET (f->window), "a session");

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_autofree char *id = first_id (f, records[i].type ());
      g_autofree char *when = g_strdup_printf ("a record of %s", records[i].table);

      g_signal_emit_by_name (overview, "open-record", records[i].table, id);
      check_all (when);
      check_popovers (GTK_WIDGET (f->window), when);
    }
}

static void
test_dialogs_and_windows (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *overview = child (f->window, CV_TYPE_WINDOW, "overview_view");
  CvSessionsView *sessions = child (f->window, CV_TYPE_WINDOW, "sessions_view");
  CvSessionEditor *editor = child (sessions, CV_TYPE_SESSIONS_VIEW, "editor");
  CvGuidesView *guides = child (f->window, CV_TYPE_WINDOW, "guides_view");
  g_autofree char *session_id = NULL;
  GtkWindow *window;

  open_sample (f);
  session_id = busiest_session (f);
  g_signal_emit_by_name (overview, "open-record", "session", session_id);
  run_main_loop (20);

  cv_session_editor_add_people (editor);
  window = find_toplevel (CV_TYPE_ATTENDEE_PICKER);
  g_assert_nonnull (window);
  check_all ("the Add People dialog");
  gtk_window_destroy (window);

  g_signal_emit_by_name (child (editor, CV_TYPE_SESSION_EDITOR, "review_button"), "clicked");
  window = wait_for_toplevel (CV_TYPE_REVIEW_WINDOW);
  g_assert_nonnull (window);
  check_all ("the review window");
  gtk_window_destroy (window);

  /* The spreadsheet import's preview, with a problem and a duplicate to show. */
  {
    g_autofree char *path = g_build_filename (f->dir, "people.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    CvStakeholdersView *stakeholders = child (f->window, CV_TYPE_WINDOW, "stakeholders_view");
    gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    g_assert_true (g_file_set_contents (path, "Name,Email,Notes\nAnn Smith,ann@,Met once\nAnn Smith,,\n",
                                        -1, NULL));
    cv_window_show_view (f->window, "stakeholders");
    cv_stakeholders_view_import_file (stakeholders, file);
    while ((window = find_toplevel (CV_TYPE_CSV_IMPORT_DIALOG)) == NULL && g_get_monotonic_time () < until)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    g_assert_nonnull (window);
    check_all ("the spreadsheet import dialog");
    gtk_window_destroy (window);
  }

  /* Possible Duplicates, with the sample's pairs listed. */
  {
    CvDuplicatesWindow *duplicates;
    gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    cv_window_show_view (f->window, "stakeholders");
    gtk_widget_activate_action (GTK_WIDGET (child (f->window, CV_TYPE_WINDOW, "stakeholders_view")),
                                "stakeholders.find-duplicates", NULL);
    duplicates = find_toplevel (CV_TYPE_DUPLICATES_WINDOW);
    g_assert_nonnull (duplicates);
    while (cv_duplicates_window_is_scanning (duplicates) && g_get_monotonic_time () < until)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    check_all ("the Possible Duplicates window");
    gtk_window_destroy (GTK_WINDOW (duplicates));
  }

  /* Done asks what was done, in a dialog of its own. */
  {
    CvActionsView *actions = child (f->window, CV_TYPE_WINDOW, "actions_view");
    g_autoptr(GPtrArray) all = cv_store_list (store_of (f), CV_TYPE_ACTION, "programme_id",
                                              cv_window_get_programme_id (f->window), NULL);
    const char *action_id = NULL;

    /* One not done yet, so that Done asks what was done. */
    for (guint i = 0; i < all->len && action_id == NULL; i++)
      if (cv_record_get_string (g_ptr_array_index (all, i), "outcome") == NULL)
        action_id = cv_record_get_id (g_ptr_array_index (all, i));
    g_assert_nonnull (action_id);
    cv_window_show_view (f->window, "actions");
    cv_actions_view_open (actions, action_id);
    run_main_loop (20);
    cv_action_editor_choose_status (child (actions, CV_TYPE_ACTIONS_VIEW, "editor"), "done");
    run_main_loop (20);
    window = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (window);
    check_all ("the question of what was done");
    gtk_window_destroy (window);
  }

  cv_window_show_view (f->window, "guides");
  cv_guides_view_open_guide (guides, cv_guides_builtin_id (0));
  run_main_loop (20);
  check_all ("a guide");
  gtk_editable_set_text (find_descendant (GTK_WIDGET (guides), is_entry_row_titled, "Person Reference"), "EF-9");
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (guides), is_button_labelled, "_Start Conversation"), "clicked");
  run_main_loop (50);
  window = find_toplevel (CV_TYPE_CONVERSATION_WINDOW);
  g_assert_nonnull (window);
  check_all ("a conversation");
  check_popovers (GTK_WIDGET (window), "a conversation");
  gtk_window_close (window);
  run_main_loop (20);
}

/* Saves @window as a PNG in $CONVENE_SHOTS (when set), to be looked at. */
static void
save_shot (GtkWidget  *window,
           const char *name)
{
  const char *folder = g_getenv ("CONVENE_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;

  if (folder == NULL)
    return;
  run_main_loop (300);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  path = g_build_filename (folder, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* No part of the window's visible tree reaches past its right edge. */
static void
assert_nothing_outside (GtkWidget  *widget,
                        GtkWidget  *window,
                        const char *when)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget) || GTK_IS_SCROLLBAR (widget))
    return;
  if (widget != window && gtk_widget_get_width (widget) > 0 && gtk_widget_compute_bounds (widget, window, &bounds) &&
      bounds.origin.x + bounds.size.width > gtk_widget_get_width (window) + 2 &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW) == NULL)
    {
      g_autofree char *where = describe (widget);
      g_error ("%s: %s reaches past the window's edge", when, where);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    assert_nothing_outside (c, window, when);
}

/* The desktop's high contrast (libadwaita's style, from the a11y settings)
 * and large text (text scaling 1.5): the style manager follows, the grid
 * and the measure chart are drawn with them and nothing is pushed out of
 * the window. CONVENE_SHOTS=folder keeps pictures to look at. */
static void
test_high_contrast_large_text (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), "org.gnome.desktop.a11y.interface", TRUE);
  CvStakeholdersView *stakeholders = child (f->window, CV_TYPE_WINDOW, "stakeholders_view");
  GtkSettings *settings = gtk_settings_get_default ();
  g_autoptr(GSettings) a11y = NULL;
  int dpi = 0;
  gint64 until;

  if (schema == NULL)
    {
      g_test_skip ("The desktop's accessibility settings (gsettings-desktop-schemas) are not installed");
      return;
    }
  a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  g_object_set (settings, "gtk-xft-dpi", (int) (96 * 1.5 * 1024), NULL);
  until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!adw_style_manager_get_high_contrast (adw_style_manager_get_default ()) && g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_true (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));

  open_sample (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  cv_window_show_view (f->window, "stakeholders");
  gtk_toggle_button_set_active (child (stakeholders, CV_TYPE_STAKEHOLDERS_VIEW, "grid_toggle"), TRUE);
  run_main_loop (200);
  g_assert_true (gtk_widget_get_mapped (child (stakeholders, CV_TYPE_STAKEHOLDERS_VIEW, "power_grid")));
  assert_nothing_outside (GTK_WIDGET (f->window), GTK_WIDGET (f->window), "the grid, high contrast, large text");
  save_shot (GTK_WIDGET (f->window), "grid-hc-large.png");

  {
    CvMeasuresView *measures = child (f->window, CV_TYPE_WINDOW, "measures_view");
    g_autofree char *measure_id = first_id (f, CV_TYPE_MEASURE);
    GtkWidget *overview = child (f->window, CV_TYPE_WINDOW, "overview_view");

    cv_window_show_view (f->window, "measures");
    g_signal_emit_by_name (overview, "open-record", "measure", measure_id);
    run_main_loop (200);
    g_assert_true (gtk_widget_get_mapped (child (measures, CV_TYPE_MEASURES_VIEW, "chart")));
    assert_nothing_outside (GTK_WIDGET (f->window), GTK_WIDGET (f->window), "a measure, high contrast, large text");
    save_shot (GTK_WIDGET (f->window), "chart-hc-large.png");
  }

  g_settings_set_boolean (a11y, "high-contrast", FALSE);
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  run_main_loop (50);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend, which records what the app says. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  cv_application_setup_i18n ();
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/accessibility/grid-description", test_grid_description);
  g_test_add ("/ui/accessibility/welcome", Fixture, NULL, fixture_set_up, test_welcome, fixture_tear_down);
  g_test_add ("/ui/accessibility/views-and-records", Fixture, NULL,
              fixture_set_up, test_views_and_records, fixture_tear_down);
  g_test_add ("/ui/accessibility/dialogs-and-windows", Fixture, NULL,
              fixture_set_up, test_dialogs_and_windows, fixture_tear_down);

  g_test_add ("/ui/accessibility/high-contrast-large-text", Fixture, NULL,
              fixture_set_up, test_high_contrast_large_text, fixture_tear_down);

  return g_test_run ();
}
