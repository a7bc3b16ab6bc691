/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The list pane every record view is built on, on its own with a small list
 * of people: the search narrows the list and the match count says so, an
 * empty list offers to add, a search that finds nothing says so, delete
 * offers Undo and Undo brings the record back, and in a narrow window one
 * click (or Enter) opens the record.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cv-application.h"
#include "cv-list-pane.h"
#include "cv-match-count.h"
#include "cv-programme.h"
#include "cv-record-list.h"
#include "cv-stakeholder.h"
#include "ui-test.h"

typedef struct
{
  char         *dir;
  CvStore      *store;
  CvTrash      *trash;
  CvRecordList *list;
  char         *programme_id;
  GtkWindow    *window;
  CvListPane   *pane;
  GtkWidget    *list_view;
  GtkWidget    *detail;
} PaneFixture;

static const char pane_ui[] =
  "<interface>"
  "  <object class='GtkWindow' id='window'>"
  "    <property name='child'>"
  "      <object class='AdwToastOverlay'>"
  "        <property name='child'>"
  "          <object class='CvListPane' id='pane'>"
  "            <property name='kind'>stakeholder</property>"
  "            <property name='search-placeholder'>Search people</property>"
  "            <property name='add-tooltip'>Add a Person</property>"
  "            <property name='add-label'>_Add Person</property>"
  "            <property name='delete-tooltip'>Delete the Selected People</property>"
  "            <property name='empty-title'>No People Yet</property>"
  "            <property name='no-results-title'>No Matching People</property>"
  "            <child>"
  "              <object class='GtkListView' id='list_view'/>"
  "            </child>"
  "            <child type='detail'>"
  "              <object class='GtkLabel' id='detail'>"
  "                <property name='label'>A person</property>"
  "              </object>"
  "            </child>"
  "          </object>"
  "        </property>"
  "      </object>"
  "    </property>"
  "  </object>"
  "</interface>";

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       cv_record_get_string (gtk_list_item_get_item (item), "name"));
}

static void
add_person (PaneFixture *f,
            const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) person = cv_record_new (CV_TYPE_STAKEHOLDER);

  cv_record_set_string (person, "programme_id", f->programme_id);
  cv_record_set_string (person, "name", name);
  g_assert_true (cv_store_insert (f->store, person, &error));
  g_assert_no_error (error);
}

static void
pane_set_up (PaneFixture   *f,
             gconstpointer  data)
{
  const char * const *people = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autofree char *path = NULL;
  g_autoptr(CvRecord) programme = cv_record_new (CV_TYPE_PROGRAMME);

  f->dir = g_dir_make_tmp ("convene-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "convene.db", NULL);
  f->store = cv_store_open (path, &error);
  g_assert_no_error (error);
  f->trash = cv_trash_new (f->store);
  cv_record_set_string (programme, "name", "Home care collaborative");
  g_assert_true (cv_store_insert (f->store, programme, &error));
  f->programme_id = g_strdup (cv_record_get_id (programme));
  for (guint i = 0; people != NULL && people[i] != NULL; i++)
    add_person (f, people[i]);

  g_type_ensure (CV_TYPE_LIST_PANE);
  builder = gtk_builder_new_from_string (pane_ui, -1);
  f->window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "window")));
  f->pane = CV_LIST_PANE (gtk_builder_get_object (builder, "pane"));
  f->list_view = GTK_WIDGET (gtk_builder_get_object (builder, "list_view"));
  f->detail = GTK_WIDGET (gtk_builder_get_object (builder, "detail"));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  gtk_list_view_set_factory (GTK_LIST_VIEW (f->list_view), factory);

  f->list = cv_record_list_new (f->store, CV_TYPE_STAKEHOLDER);
  cv_record_list_set_sort (f->list, "name", FALSE);
  cv_record_list_set_programme (f->list, f->programme_id);
  cv_list_pane_set_model (f->pane, G_LIST_MODEL (f->list));
  cv_list_pane_set_trash (f->pane, f->trash);
  cv_list_pane_refresh (f->pane);
}

static void
pane_tear_down (PaneFixture   *f,
                gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_assert_finalize_object (f->window);
  g_clear_object (&f->list);
  g_clear_object (&f->trash);
  g_clear_object (&f->store);
  g_free (f->programme_id);
  g_autofree char *path = g_build_filename (f->dir, "convene.db", NULL);
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" :
                                                 g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);
      g_remove (file);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
show (PaneFixture *f,
      int          width)
{
  gtk_window_set_default_size (f->window, width, 600);
  gtk_window_present (f->window);
}

static const char *
visible_page (PaneFixture *f)
{
  return gtk_stack_get_visible_child_name (child (f->pane, CV_TYPE_LIST_PANE, "list_stack"));
}

/* Spins the main loop until the pane shows @page, or fails saying what it shows. */
static void
wait_for_page (PaneFixture *f,
               const char  *page)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_strcmp0 (visible_page (f), page) != 0 && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (visible_page (f), ==, page);
}

static void
search (PaneFixture *f,
        const char  *text)
{
  GtkWidget *entry = child (f->pane, CV_TYPE_LIST_PANE, "search_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
}

static void
wait_for_count (PaneFixture *f,
                const char  *expected)
{
  CvMatchCount *count = child (f->pane, CV_TYPE_LIST_PANE, "match_count");
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_strcmp0 (cv_match_count_get_text (count), expected) != 0 && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (cv_match_count_get_text (count), ==, expected);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (count)));
}

static void
seen_cb (CvListPane *pane,
         gboolean   *seen)
{
  *seen = TRUE;
}

static void
test_empty_offers_add (PaneFixture   *f,
                       gconstpointer  data)
{
  GtkButton *add = child (f->pane, CV_TYPE_LIST_PANE, "empty_add_button");
  GtkWidget *add_icon = child (f->pane, CV_TYPE_LIST_PANE, "add_button");
  gboolean added = FALSE;

  show (f, 1280);
  wait_for_page (f, "empty");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (add)));
  g_assert_cmpstr (gtk_button_get_label (add), ==, "_Add Person");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (add_icon), ==, "Add a Person");
  g_signal_connect (f->pane, "add", G_CALLBACK (seen_cb), &added);
  g_signal_emit_by_name (add, "clicked");
  g_assert_true (added);
}

static void
test_search_counts (PaneFixture   *f,
                    gconstpointer  data)
{
  GListModel *shown = cv_list_pane_get_model (f->pane);

  show (f, 1280);
  wait_for_n_items (shown, 3);
  wait_for_page (f, "list");

  search (f, "gwen");
  wait_for_n_items (shown, 1);
  wait_for_count (f, "1 of 3 stakeholders");
  g_assert_cmpstr (visible_page (f), ==, "list");

  search (f, "nobody of that name");
  wait_for_n_items (shown, 0);
  wait_for_page (f, "no-results");
  wait_for_count (f, "0 of 3 stakeholders");
  g_assert_cmpstr (adw_status_page_get_title (child (f->pane, CV_TYPE_LIST_PANE, "no_results_page")), ==,
                   "No Matching People");

  cv_list_pane_clear_search (f->pane);
  cv_list_pane_refresh (f->pane);
  wait_for_n_items (shown, 3);
  wait_for_page (f, "list");
}

static void
test_delete_undo (PaneFixture   *f,
                  gconstpointer  data)
{
  GListModel *shown = cv_list_pane_get_model (f->pane);
  GtkWidget *delete = child (f->pane, CV_TYPE_LIST_PANE, "delete_button");
  gboolean deleted = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) first = NULL;
  g_autoptr(CvRecord) now_first = NULL;

  show (f, 1280);
  wait_for_n_items (shown, 3);
  g_assert_false (gtk_widget_get_sensitive (delete));
  first = g_list_model_get_item (shown, 0);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (shown), 0, TRUE);
  g_assert_true (gtk_widget_get_sensitive (delete));

  g_signal_connect (f->pane, "deleted", G_CALLBACK (seen_cb), &deleted);
  g_assert_true (gtk_widget_activate_action (f->list_view, "list-pane.delete-selected", NULL));
  g_assert_true (deleted);
  g_assert_cmpint (cv_store_rowid_of (f->store, "stakeholder", cv_record_get_id (first)), <, 0);
  wait_for_n_items (shown, 2);

  g_assert_true (cv_trash_undo (f->trash, &error));
  g_assert_no_error (error);
  wait_for_n_items (shown, 3);
  now_first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (cv_record_get_id (now_first), ==, cv_record_get_id (first));
  g_assert_cmpstr (cv_record_get_string (now_first, "name"), ==, "Amira Patel");
}

static void
activated_cb (CvListPane *pane,
              GObject    *item,
              GObject   **opened)
{
  g_set_object (opened, item);
}

static void
test_narrow_click_opens (PaneFixture   *f,
                         gconstpointer  data)
{
  GListModel *shown = cv_list_pane_get_model (f->pane);
  AdwLeaflet *leaflet = child (f->pane, CV_TYPE_LIST_PANE, "leaflet");
  g_autoptr(GObject) opened = NULL;
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gboolean single_click = FALSE;

  show (f, 360);
  wait_for_n_items (shown, 3);
  while (!cv_list_pane_get_folded (f->pane) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cv_list_pane_get_folded (f->pane));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (f->pane, CV_TYPE_LIST_PANE, "list_side"));
  /* Narrow, one click activates the row. */
  g_object_get (f->list_view, "single-click-activate", &single_click, NULL);
  g_assert_true (single_click);

  g_signal_connect (f->pane, "activated", G_CALLBACK (activated_cb), &opened);
  g_assert_true (gtk_widget_activate_action (f->list_view, "list.activate-item", "u", 1));
  g_assert_nonnull (opened);
  g_assert_cmpstr (cv_record_get_string (CV_RECORD (opened), "name"), ==, "Gwen Morgan");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == f->detail);

  cv_list_pane_show_list (f->pane);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (f->pane, CV_TYPE_LIST_PANE, "list_side"));
}

int
main (int   argc,
      char *argv[])
{
  static const char *people[] = { "Amira Patel", "Gwen Morgan", "Owen Hughes", NULL };

  g_test_init (&argc, &argv, NULL);
  cv_application_setup_i18n ();
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/list-pane/empty-offers-add", PaneFixture, NULL, pane_set_up, test_empty_offers_add,
              pane_tear_down);
  g_test_add ("/ui/list-pane/search-counts", PaneFixture, people, pane_set_up, test_search_counts,
              pane_tear_down);
  g_test_add ("/ui/list-pane/delete-undo", PaneFixture, people, pane_set_up, test_delete_undo,
              pane_tear_down);
  g_test_add ("/ui/list-pane/narrow-click-opens", PaneFixture, people, pane_set_up, test_narrow_click_opens,
              pane_tear_down);
  return g_test_run ();
}
