/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The count under every list's search, driven through the window under
 * Xvfb: "1 of 3 stakeholders" in Stakeholders, Sessions, Actions, Themes,
 * Guides (conversations) and Measures, shown only while a search leaves
 * something out, a status for assistive technology that the search entry
 * points to; and the words themselves, with plurals and the locale's
 * grouping of thousands.
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "cv-action.h"
#include "cv-conversation.h"
#include "cv-guide.h"
#include "cv-match-count.h"
#include "cv-measure.h"
#include "cv-programme.h"
#include "cv-session.h"
#include "cv-stakeholder.h"
#include "cv-theme.h"
#include "ui-test.h"

static CvRecord *
add (Fixture    *f,
     GType       type,
     const char *first_property,
     ...)
{
  g_autoptr(GError) error = NULL;
  CvRecord *record = cv_record_new (type);
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (record), first_property, args);
  va_end (args);
  g_assert_true (cv_store_insert (store_of (f), record, &error));
  g_assert_no_error (error);
  return record;
}

static gboolean
is_match_count (GtkWidget  *widget,
                const char *unused)
{
  return CV_IS_MATCH_COUNT (widget);
}

/* Searches @view for @text as a person types it, and waits for the count
 * under the search to say @expected (NULL: to be hidden). */
static void
search_and_count (Fixture    *f,
                  const char *view,
                  const char *text,
                  const char *expected)
{
  g_autofree char *page_name = g_strconcat (view, "_view", NULL);
  GtkWidget *page;
  GtkWidget *entry;
  CvMatchCount *count;
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  cv_window_show_view (f->window, view);
  page = child (f->window, CV_TYPE_WINDOW, page_name);
  entry = (GtkWidget *)gtk_widget_get_template_child (page, G_OBJECT_TYPE (page), "search_entry");
  if (entry == NULL)
    entry = pane_child (page, "search_entry");
  count = find_descendant (page, is_match_count, NULL);
  g_assert_nonnull (entry);
  g_assert_nonnull (count);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  while (expected != NULL ? g_strcmp0 (cv_match_count_get_text (count), expected) != 0 ||
                            !gtk_widget_get_visible (GTK_WIDGET (count))
                          : gtk_widget_get_visible (GTK_WIDGET (count)))
    {
      if (g_get_monotonic_time () > until)
        g_error ("%s: the count says “%s” (%s), not “%s”", view, cv_match_count_get_text (count),
                 gtk_widget_get_visible (GTK_WIDGET (count)) ? "shown" : "hidden", expected);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  /* A status, read as it changes, that describes the search. */
  {
    g_autoptr(GtkWidget) described = NULL;

    g_object_get (count, "search-entry", &described, NULL);
    g_assert_true (described == entry);
  }
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (count), GTK_ACCESSIBLE_ROLE_STATUS);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, count, NULL);
  if (expected != NULL)
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (count), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
}

static void
test_every_list (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CvRecord) programme = add (f, CV_TYPE_PROGRAMME, "name", "Home care collaborative", NULL);
  const char *pid = cv_record_get_id (programme);
  const char *people[] = { "Amira Patel", "Gwen Morgan", "Owen Hughes" };
  const char *measures[] = { "Clients", "Home care visits", "Outstanding packages of care" };
  g_autoptr(CvRecord) guide = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_object_unref (add (f, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", people[i], NULL));
      g_object_unref (add (f, CV_TYPE_MEASURE, "programme-id", pid, "name", measures[i], NULL));
    }
  g_object_unref (add (f, CV_TYPE_SESSION, "programme-id", pid, "title", "Quarterly meeting",
                       "starts-at", "2030-03-01T10:00:00Z", NULL));
  g_object_unref (add (f, CV_TYPE_SESSION, "programme-id", pid, "title", "Drop-in at the library",
                       "starts-at", "2030-04-01T10:00:00Z", NULL));
  g_object_unref (add (f, CV_TYPE_ACTION, "programme-id", pid, "title", "Ask for an earlier bus", NULL));
  g_object_unref (add (f, CV_TYPE_ACTION, "programme-id", pid, "title", "Publish the rota", NULL));
  g_object_unref (add (f, CV_TYPE_THEME, "programme-id", pid, "name", "Money", NULL));
  g_object_unref (add (f, CV_TYPE_THEME, "programme-id", pid, "name", "Staff", NULL));
  guide = add (f, CV_TYPE_GUIDE, "title", "Our guide", NULL);
  g_object_unref (add (f, CV_TYPE_CONVERSATION, "programme-id", pid, "guide-id", cv_record_get_id (guide),
                       "person-ref", "AB-1", NULL));
  g_object_unref (add (f, CV_TYPE_CONVERSATION, "programme-id", pid, "guide-id", cv_record_get_id (guide),
                       "person-ref", "CD-2", NULL));
  cv_window_set_programme (f->window, pid);

  search_and_count (f, "stakeholders", "gwen", "1 of 3 stakeholders");
  search_and_count (f, "stakeholders", "", NULL);
  search_and_count (f, "sessions", "drop", "1 of 2 sessions");
  search_and_count (f, "sessions", "", NULL);
  search_and_count (f, "actions", "rota", "1 of 2 actions");
  search_and_count (f, "actions", "nothing like it", "0 of 2 actions");
  search_and_count (f, "actions", "", NULL);
  search_and_count (f, "themes", "mon", "1 of 2 themes");
  search_and_count (f, "themes", "", NULL);
  search_and_count (f, "guides", "AB", "1 of 2 conversations");
  search_and_count (f, "guides", "", NULL);
  search_and_count (f, "measures", "care", "2 of 3 measures");
  search_and_count (f, "measures", "", NULL);
}

/* The words: a plural for one, figures grouped as the locale groups them. */
static void
test_words (void)
{
  g_autofree char *one = cv_match_count_text ("stakeholder", 1, 1);
  g_autofree char *none = cv_match_count_text ("conversation", 0, 40);
  g_autofree char *many = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  g_assert_cmpstr (one, ==, "1 of 1 stakeholder");
  g_assert_cmpstr (none, ==, "0 of 40 conversations");
  if (setlocale (LC_NUMERIC, "en_GB.UTF-8") == NULL)
    {
      g_test_skip ("en_GB.UTF-8 is not installed");
      return;
    }
  many = cv_match_count_text ("stakeholder", 1234, 100000);
  setlocale (LC_NUMERIC, saved);
  g_assert_cmpstr (many, ==, "1,234 of 100,000 stakeholders");
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test backend keeps what assistive technology would be told. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  cv_application_setup_i18n ();
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/match-count/words", test_words);
  g_test_add ("/ui/match-count/every-list", Fixture, NULL, fixture_set_up, test_every_list, fixture_tear_down);

  return g_test_run ();
}
