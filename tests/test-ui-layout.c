/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Every view fits the width it is given: at 360, 800 and 1280 pixels the
 * window keeps its width, and no visible widget lies outside it, with the
 * list showing, with a record of each kind open, and for a programme with
 * no records at all. The detail pane keeps its width whatever the title of
 * the record in it, and a narrow list opens a record with one click.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cv-action.h"
#include "cv-conversation-window.h"
#include "cv-csv-import-dialog.h"
#include "cv-guides.h"
#include "cv-guides-view.h"
#include "cv-measure.h"
#include "cv-programme.h"
#include "cv-session.h"
#include "cv-stakeholder.h"
#include "cv-theme.h"
#include "ui-test.h"

static const int widths[] = { 360, 800, 1280 };

static const char * const views[] = {
  "overview", "stakeholders", "sessions", "themes", "actions", "measures", "guides",
};

/* The records opened in each view: the kind, and the view it opens in. */
static const struct { const char *table; GType (*type) (void); const char *view; } kinds[] = {
  { "stakeholder", cv_stakeholder_get_type, "stakeholders" },
  { "session", cv_session_get_type, "sessions" },
  { "action", cv_action_get_type, "actions" },
  { "theme", cv_theme_get_type, "themes" },
  { "measure", cv_measure_get_type, "measures" },
};

/* The first widget of @type under @widget, depth first. */
static gpointer
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      gpointer found = find_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
visible_view (Fixture *f)
{
  GtkStack *stack = child (f->window, CV_TYPE_WINDOW, "view_stack");

  return gtk_stack_get_visible_child (stack);
}

/* Without a compositor GTK keeps a border for resizing inside the size
 * asked for: the window is that much narrower than its default width. */
static int border;

/* As choosing the view in the sidebar does: in a narrow window the view
 * then takes the place of the sidebar. */
static void
show_view (Fixture    *f,
           const char *name)
{
  cv_window_show_view (f->window, name);
  adw_leaflet_set_visible_child (child (f->window, CV_TYPE_WINDOW, "leaflet"),
                                 child (f->window, CV_TYPE_WINDOW, "content"));
  run_main_loop (300);
}

static void
resize (Fixture *f,
        int      width)
{
  /* The window's first size (its default, 1000) tells the border. */
  for (guint waited = 0; waited < 100 && gtk_widget_get_width (GTK_WIDGET (f->window)) == 0; waited++)
    run_main_loop (100);
  if (border == 0)
    border = 1000 - gtk_widget_get_width (GTK_WIDGET (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), width + border, 720);
  /* The X server answers in its own time on a loaded machine: wait up to
   * 30 s, asking again every 5 s. */
  for (guint waited = 0; waited < 300 && gtk_widget_get_width (GTK_WIDGET (f->window)) != width; waited++)
    {
      if (waited > 0 && waited % 50 == 0)
        {
          gtk_window_set_default_size (GTK_WINDOW (f->window), width + border + 1, 720);
          run_main_loop (100);
          gtk_window_set_default_size (GTK_WINDOW (f->window), width + border, 720);
        }
      run_main_loop (100);
    }
  run_main_loop (300);
}

/* Collects the widgets that reach outside [0, width) of the window and have
 * no child that does: the ones that make the others overflow. */
static GtkPolicyType
horizontal_policy (GtkScrolledWindow *scrolled)
{
  GtkPolicyType h;

  gtk_scrolled_window_get_policy (scrolled, &h, NULL);
  return h;
}

static gboolean
collect_overflow (GtkWidget *widget,
                  GtkWidget *window,
                  int        width,
                  GString   *found)
{
  graphene_rect_t bounds;
  gboolean child_overflows = FALSE;

  /* Overlay scrollbars sit over the edge by design. */
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget) || GTK_IS_SCROLLBAR (widget))
    return FALSE;
  /* What scrolls sideways on purpose (a preview of a spreadsheet's columns)
   * is clipped by its scrolled window, which is checked itself. */
  if (!GTK_IS_SCROLLED_WINDOW (widget) || horizontal_policy (GTK_SCROLLED_WINDOW (widget)) == GTK_POLICY_NEVER)
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      child_overflows |= collect_overflow (child, window, width, found);
  if (child_overflows)
    return TRUE;
  if (gtk_widget_get_width (widget) == 0 || !gtk_widget_compute_bounds (widget, window, &bounds))
    return FALSE;
  /* Headers may reach a pixel past the edge under their borders. */
  if (bounds.origin.x >= -2 && bounds.origin.x + bounds.size.width <= width + 2)
    return FALSE;
  g_string_append_printf (found, "\n  %s%s%s at x %.0f, %.0f wide", G_OBJECT_TYPE_NAME (widget),
                          GTK_IS_LABEL (widget) ? " " : "",
                          GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "",
                          bounds.origin.x, bounds.size.width);
  return TRUE;
}

/* Collects the innermost widgets whose minimum width is over @limit: the
 * ones that force a window wider than asked. */
static gboolean
collect_wide_minimum (GtkWidget *widget,
                      int        limit,
                      GString   *found)
{
  gboolean child_wide = FALSE;
  int minimum;

  if (!gtk_widget_get_visible (widget))
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    child_wide |= collect_wide_minimum (child, limit, found);
  if (child_wide)
    return TRUE;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum <= limit)
    return FALSE;
  g_string_append_printf (found, "\n  %s%s%s needs %d px", G_OBJECT_TYPE_NAME (widget),
                          GTK_IS_LABEL (widget) ? " " : "",
                          GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "", minimum);
  /* A box too wide for children that each fit: say what is side by side. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = GTK_IS_LABEL (child) ? child : find_type (child, GTK_TYPE_LABEL);

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_string_append_printf (found, "%s %s %d px%s%s", child == gtk_widget_get_first_child (widget) ? ":" : ",",
                              G_OBJECT_TYPE_NAME (child), minimum, label != NULL ? " " : "",
                              label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "");
    }
  return TRUE;
}

static void
assert_fits (Fixture    *f,
             int         width,
             const char *where)
{
  g_autoptr(GString) found = g_string_new (NULL);
  GtkWidget *window = GTK_WIDGET (f->window);

  g_test_message ("%s at %d px", where, width);
  for (GtkWidget *c = gtk_widget_get_first_child (window); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_overflow (c, window, width, found);
  if (gtk_widget_get_width (window) != width || found->len > 0)
    {
      g_autoptr(GString) wide = g_string_new (NULL);

      /* A page's content is at most the window less its margins. */
      for (GtkWidget *c = gtk_widget_get_first_child (window); c != NULL; c = gtk_widget_get_next_sibling (c))
        collect_wide_minimum (c, width - 24, wide);
      g_error ("%s at %d px: the window is %d px wide%s%s; widest minimum widths:%s", where, width,
               gtk_widget_get_width (window), found->len > 0 ? "; outside it:" : "", found->str, wide->str);
    }
}

static void
every_view_fits (Fixture *f,
                 int      width)
{
  CvStore *store = store_of (f);

  resize (f, width);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      show_view (f, views[i]);
      assert_fits (f, width, views[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GPtrArray) records = cv_store_list (store, kinds[i].type (), "programme_id",
                                                    cv_window_get_programme_id (f->window), NULL);

      g_assert_nonnull (records);
      g_assert_cmpuint (records->len, >, 0);
      /* The first and the last: titles long and short. */
      for (guint j = 0; j < 2; j++)
        {
          CvRecord *record = g_ptr_array_index (records, j == 0 ? 0 : records->len - 1);
          g_autofree char *where = g_strdup_printf ("%s %s open", kinds[i].table, cv_record_get_id (record));

          cv_window_open_record (f->window, kinds[i].table, cv_record_get_id (record));
          run_main_loop (400);
          assert_fits (f, width, where);
        }
    }
}

static void
test_every_view_fits (Fixture       *f,
                      gconstpointer  data)
{
  open_sample (f);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    every_view_fits (f, widths[w]);
}

/* A window of its own (a conversation, a dialog) at @width. */
static void
assert_window_fits (GtkWindow  *window,
                    int         width,
                    const char *what)
{
  g_autoptr(GString) found = g_string_new (NULL);

  gtk_window_set_default_size (window, width + border, 720);
  for (guint waited = 0; waited < 100 && gtk_widget_get_width (GTK_WIDGET (window)) != width; waited++)
    run_main_loop (100);
  run_main_loop (300);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (window)); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_overflow (c, GTK_WIDGET (window), width, found);
  if (gtk_widget_get_width (GTK_WIDGET (window)) != width || found->len > 0)
    {
      g_autoptr(GString) wide = g_string_new (NULL);

      for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (window)); c != NULL; c = gtk_widget_get_next_sibling (c))
        collect_wide_minimum (c, width - 24, wide);
      g_error ("%s at %d px is %d px wide%s%s; widest minimum widths:%s", what, width,
               gtk_widget_get_width (GTK_WIDGET (window)), found->len > 0 ? "; outside it:" : "", found->str, wide->str);
    }
}

/* Each built-in guide's page. */
static CvGuidesView *
guides_fit (Fixture *f,
            int      width)
{
  CvGuidesView *view;

  resize (f, width);
  show_view (f, "guides");
  view = child (f->window, CV_TYPE_WINDOW, "guides_view");
  for (guint i = 0; i < cv_guides_n_builtin (); i++)
    {
      g_autofree char *where = g_strdup_printf ("guide %u", i);

      cv_guides_view_open_guide (view, cv_guides_builtin_id (i));
      run_main_loop (300);
      assert_fits (f, width, where);
    }
  return view;
}

/* Each guide's page, and a conversation's own window at the same width. */
static void
guides_and_conversation_fit (Fixture *f,
                             int      width)
{
  CvGuidesView *view = guides_fit (f, width);
  GtkWidget *conversation;

  gtk_editable_set_text (find_descendant (GTK_WIDGET (view), is_entry_row_titled, "Person Reference"), "EF-9");
  gtk_editable_set_text (find_descendant (GTK_WIDGET (view), is_entry_row_titled, "Staff Member"), "Nurse Adeyemi");
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (view), is_button_labelled, "_Start Conversation"), "clicked");
  run_main_loop (300);
  conversation = find_toplevel (CV_TYPE_CONVERSATION_WINDOW);
  g_assert_nonnull (conversation);
  assert_window_fits (GTK_WINDOW (conversation), width, "the conversation window");
  gtk_window_destroy (GTK_WINDOW (conversation));
  run_main_loop (100);
}

/* The spreadsheet import window, with a file whose values are long. */
static void
csv_import_fits (Fixture *f,
                 int      width)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "people.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CvTrash) trash = cv_trash_new (store_of (f));
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (path,
                                      "Name,Organisation,Email,Role or title\n"
                                      "Angharad Wynne-Llewellyn,Cyngor Sir Ynys Môn Adult Social Care Directorate,"
                                      "angharad.wynne-llewellyn@example.org,Community Engagement and Involvement Lead\n",
                                      -1, &error));
  g_assert_no_error (error);
  cv_csv_import_dialog_open (GTK_WIDGET (f->window), store_of (f), trash, cv_window_get_programme_id (f->window), file);
  for (guint waited = 0; waited < 100 && find_toplevel (CV_TYPE_CSV_IMPORT_DIALOG) == NULL; waited++)
    run_main_loop (100);
  dialog = find_toplevel (CV_TYPE_CSV_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  run_main_loop (300);
  assert_window_fits (GTK_WINDOW (dialog), width, "the spreadsheet import window");
  gtk_window_destroy (GTK_WINDOW (dialog));
  run_main_loop (100);
}

static void
test_guides_and_conversation_fit (Fixture       *f,
                                  gconstpointer  data)
{
  open_sample (f);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    guides_and_conversation_fit (f, widths[w]);
  csv_import_fits (f, 360);
}

static void
test_empty_programme_fits (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CvRecord) programme = cv_record_new (CV_TYPE_PROGRAMME);
  g_autoptr(GError) error = NULL;

  open_sample (f);
  cv_record_set_string (programme, "name", "A programme with nothing in it yet");
  g_assert_true (cv_store_insert (store_of (f), programme, &error));
  g_assert_no_error (error);
  cv_window_set_programme (f->window, cv_record_get_id (programme));

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      resize (f, widths[w]);
      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        {
          g_autofree char *where = g_strdup_printf ("%s, empty", views[i]);

          show_view (f, views[i]);
          assert_fits (f, widths[w], where);
        }
    }
}

/* The detail pane beside the list is as wide for a long title as for a short
 * one, so the list does not lose columns to whatever is selected. */
static void
test_detail_pane_constant (Fixture       *f,
                           gconstpointer  data)
{
  CvStore *store;

  open_sample (f);
  store = store_of (f);
  resize (f, 1280);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GPtrArray) records = cv_store_list (store, kinds[i].type (), "programme_id",
                                                    cv_window_get_programme_id (f->window), NULL);
      GtkWidget *view;
      GtkWidget *leaflet;
      int list_width = -1;

      show_view (f, kinds[i].view);
      view = visible_view (f);
      leaflet = find_type (view, ADW_TYPE_LEAFLET);
      g_assert_nonnull (leaflet);
      for (guint j = 0; j < records->len; j++)
        {
          CvRecord *record = g_ptr_array_index (records, j);
          GtkWidget *list = gtk_widget_get_first_child (leaflet);

          cv_window_open_record (f->window, kinds[i].table, cv_record_get_id (record));
          run_main_loop (200);
          if (list_width < 0)
            list_width = gtk_widget_get_width (list);
          if (gtk_widget_get_width (list) != list_width)
            g_error ("%s: the list is %d px wide beside “%s”, %d px beside the first", kinds[i].view,
                     gtk_widget_get_width (list), cv_record_get_id (record), list_width);
        }
    }
}

/* Narrow, a list shows alone: one click (activation on a single click) opens
 * the record instead of only selecting it. */
static void
test_narrow_list_opens_on_one_click (Fixture       *f,
                                     gconstpointer  data)
{
  const char *tables[] = { "stakeholders", "sessions", "actions" };

  open_sample (f);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      GtkWidget *view;
      GtkColumnView *table;

      show_view (f, tables[i]);
      view = visible_view (f);
      table = find_type (view, GTK_TYPE_COLUMN_VIEW);
      g_assert_nonnull (table);
      resize (f, 1280);
      g_assert_false (gtk_column_view_get_single_click_activate (table));
      resize (f, 360);
      g_assert_true (gtk_column_view_get_single_click_activate (table));
    }
}

static void
collect_group_titles (GtkWidget  *widget,
                      GPtrArray  *titles)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));

      if (title != NULL && *title != '\0')
        g_ptr_array_add (titles, (gpointer)title);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_group_titles (c, titles);
}

/* A record's page never shows two headings alike: "Details" and "Detail"
 * were both "Manylion" in Welsh on an action's page. */
static void
headings_distinct (Fixture *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GPtrArray) records = cv_store_list (store_of (f), kinds[i].type (), "programme_id",
                                                    cv_window_get_programme_id (f->window), NULL);
      g_autoptr(GPtrArray) titles = g_ptr_array_new ();

      g_assert_cmpuint (records->len, >, 0);
      cv_window_open_record (f->window, kinds[i].table, cv_record_get_id (g_ptr_array_index (records, 0)));
      run_main_loop (50);
      collect_group_titles (visible_view (f), titles);
      for (guint a = 0; a < titles->len; a++)
        for (guint b = a + 1; b < titles->len; b++)
          if (g_str_equal (g_ptr_array_index (titles, a), g_ptr_array_index (titles, b)))
            g_error ("The page of a %s has two headings “%s”", kinds[i].table, (char *)g_ptr_array_index (titles, a));
    }
}

/* Welsh labels are longer than English ones: at the narrowest width every
 * view, a record of each kind and each guide still fit. GLib decides once
 * per process whether to translate, so meson runs this test in a process of
 * its own started in Welsh (test-ui-layout-welsh). */
static void
test_welsh_narrow_fits (Fixture       *f,
                        gconstpointer  data)
{
  /* The translation is really in use. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Overview"), !=, "Overview");
  open_sample (f);
  every_view_fits (f, 360);
  guides_fit (f, 360);
  csv_import_fits (f, 360);
  headings_distinct (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cv_application_setup_i18n ();
  gtk_init ();
  adw_init ();
  /* A page sliding in is drawn before it is laid out in libadwaita 1.2
   * (a warning, fatal here); the layout under test is the same without. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* Each test goes through the widths in one window, so the sample is read
   * three times, not nine (under AddressSanitizer that is minutes). */
  g_test_add ("/ui/layout/every-view", Fixture, NULL, fixture_set_up, test_every_view_fits, fixture_tear_down);
  g_test_add ("/ui/layout/empty-programme", Fixture, NULL, fixture_set_up, test_empty_programme_fits,
              fixture_tear_down);
  g_test_add ("/ui/layout/guides-and-conversation", Fixture, NULL, fixture_set_up,
              test_guides_and_conversation_fit, fixture_tear_down);
  g_test_add ("/ui/layout/detail-pane-constant", Fixture, NULL, fixture_set_up, test_detail_pane_constant,
              fixture_tear_down);
  g_test_add ("/ui/layout/narrow-opens-on-one-click", Fixture, NULL, fixture_set_up,
              test_narrow_list_opens_on_one_click, fixture_tear_down);
  g_test_add ("/ui/layout/welsh-narrow", Fixture, NULL, fixture_set_up, test_welsh_narrow_fits, fixture_tear_down);

  return g_test_run ();
}
