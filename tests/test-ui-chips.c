/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Theme chips as ways through: what was said on a theme's page names its
 * other themes; a person's page lists what they said and the actions they
 * own with their themes; the review names each quote's other themes. Each
 * chip opens its theme in Themes.
 */
#include "config.h"

#include <adwaita.h>

#include "cv-action.h"
#include "cv-contribution.h"
#include "cv-paged-rows.h"
#include "cv-programme.h"
#include "cv-review.h"
#include "cv-review-window.h"
#include "cv-session.h"
#include "cv-stakeholder.h"
#include "cv-stakeholder-editor.h"
#include "cv-stakeholders-view.h"
#include "cv-theme.h"
#include "cv-themes-view.h"
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
is_chip_for (GtkWidget  *widget,
             const char *theme)
{
  g_autofree char *tooltip = g_strdup_printf ("Open the Theme “%s”", theme);

  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The rows of @rows once read (they are read in a worker thread). */
static GtkWidget *
loaded (CvPagedRows *rows)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  run_main_loop (20);
  while (cv_paged_rows_is_loading (rows))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }
  return GTK_WIDGET (cv_paged_rows_get_list_box (rows));
}

/* Clicks @theme's chip inside @scope: Themes shows that theme's page. */
static void
open_chip (Fixture    *f,
           GtkWidget  *scope,
           const char *theme)
{
  CvThemesView *themes = child (f->window, CV_TYPE_WINDOW, "themes_view");
  GtkWidget *chip = find_descendant (scope, is_chip_for, theme);

  g_assert_nonnull (chip);
  g_signal_emit_by_name (chip, "clicked");
  run_main_loop (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->window, CV_TYPE_WINDOW, "view_stack")), ==, "themes");
  g_assert_cmpstr (gtk_editable_get_text (child (themes, CV_TYPE_THEMES_VIEW, "name_row")), ==, theme);
}

static void
test_chips_open_themes (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) programme = add (f, CV_TYPE_PROGRAMME, "name", "Home care collaborative", NULL);
  const char *pid = cv_record_get_id (programme);
  g_autoptr(CvRecord) transport = add (f, CV_TYPE_THEME, "programme-id", pid, "name", "Transport", NULL);
  g_autoptr(CvRecord) buses = add (f, CV_TYPE_THEME, "programme-id", pid, "name", "Buses", NULL);
  g_autoptr(CvRecord) amira = add (f, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", "Amira Patel", NULL);
  g_autoptr(CvRecord) first = add (f, CV_TYPE_SESSION, "programme-id", pid, "title", "January",
                                   "starts-at", "2030-01-01T10:00:00Z", NULL);
  g_autoptr(CvRecord) second = add (f, CV_TYPE_SESSION, "programme-id", pid, "title", "February",
                                    "starts-at", "2030-02-01T10:00:00Z", NULL);
  const char *both[] = { cv_record_get_id (transport), cv_record_get_id (buses), NULL };
  const char *one[] = { cv_record_get_id (buses), NULL };
  const char *first_only[] = { cv_record_get_id (transport), NULL };
  g_autoptr(CvRecord) said = add (f, CV_TYPE_CONTRIBUTION, "programme-id", pid,
                                  "session-id", cv_record_get_id (first), "text", "The 7 o'clock bus never comes.",
                                  "anonymous", FALSE, "stakeholder-id", cv_record_get_id (amira),
                                  "themes", both, NULL);
  /* Transport, raised twice, leads the review; the quote stands under it. */
  g_autoptr(CvRecord) again = add (f, CV_TYPE_CONTRIBUTION, "programme-id", pid,
                                   "session-id", cv_record_get_id (first), "text", "No bus on Sundays.",
                                   "themes", first_only, NULL);
  g_autoptr(CvRecord) action = add (f, CV_TYPE_ACTION, "programme-id", pid, "session-id", cv_record_get_id (first),
                                    "title", "Ask for a later bus", "owner-id", cv_record_get_id (amira),
                                    "themes", one, NULL);
  CvThemesView *themes = child (f->window, CV_TYPE_WINDOW, "themes_view");
  CvStakeholderEditor *person = child (child (f->window, CV_TYPE_WINDOW, "stakeholders_view"),
                                       CV_TYPE_STAKEHOLDERS_VIEW, "editor");
  CvReviewWindow *review;
  GtkWidget *rows;

  cv_window_set_programme (f->window, pid);

  /* On Transport's page, the quote names Buses (not Transport again). */
  cv_window_open_record (f->window, "theme", cv_record_get_id (transport));
  rows = loaded (child (themes, CV_TYPE_THEMES_VIEW, "said_rows"));
  g_assert_null (find_descendant (rows, is_chip_for, "Transport"));
  open_chip (f, rows, "Buses");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL);
  g_assert_cmpstr (gtk_editable_get_text (child (themes, CV_TYPE_THEMES_VIEW, "name_row")), ==, "Transport");

  /* Amira's page: what she said with both its themes, her action with its own. */
  cv_window_open_record (f->window, "stakeholder", cv_record_get_id (amira));
  rows = loaded (child (person, CV_TYPE_STAKEHOLDER_EDITOR, "said_rows"));
  g_assert_nonnull (find_descendant (rows, is_chip_for, "Buses"));
  open_chip (f, rows, "Transport");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL);
  rows = loaded (child (person, CV_TYPE_STAKEHOLDER_EDITOR, "action_rows"));
  open_chip (f, rows, "Buses");

  /* The review: the quote once, its other theme beside it, opening in the main window. */
  review = cv_review_window_new (GTK_WINDOW (f->window), cv_review_build (store_of (f), cv_record_get_id (second),
                                                                          &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (review));
  run_main_loop (20);
  g_assert_null (find_descendant (GTK_WIDGET (review), is_chip_for, "Transport"));
  open_chip (f, GTK_WIDGET (review), "Buses");
  gtk_window_destroy (GTK_WINDOW (review));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cv_application_setup_i18n ();
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/chips/open-themes", Fixture, NULL, fixture_set_up, test_chips_open_themes, fixture_tear_down);

  return g_test_run ();
}
