/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writes the calendar of a small programme's upcoming sessions to a file, for
 * check-icalendar.py to read with a real iCalendar parser.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cv-attendance.h"
#include "cv-consent.h"
#include "cv-programme.h"
#include "cv-stakeholder.h"
#include "cv-session.h"
#include "cv-sessions.h"
#include "cv-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CvStore) store = NULL;
  g_autoptr(CvRecord) programme = cv_record_new (CV_TYPE_PROGRAMME);
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autofree char *ics = NULL;
  struct { const char *title, *starts, *ends, *location, *purpose, *status; } sessions[] = {
    { "Quarterly meeting of the home care collaborative", "2030-03-01T10:00:00Z", "2030-03-01T12:00:00Z",
      "Town Hall, Room 2; ground floor", "Agree this year’s priorities, with carers, providers and "
      "commissioners.\nEveryone’s voice counts equally.", "planned" },
    { "Cyfarfod y Bwrdd Dinasyddion", "2030-04-01T17:30:00Z", NULL, "Canolfan Gymunedol", NULL, "planned" },
    { "Street engagement", "2030-05-01T09:00:00Z", "2030-05-01T15:00:00Z", NULL, NULL, "cancelled" },
  };

  if (argc != 2)
    return 2;
  dir = g_dir_make_tmp ("convene-ics-XXXXXX", &error);
  path = g_build_filename (dir, "convene.db", NULL);
  store = cv_store_open (path, &error);
  g_assert_no_error (error);
  cv_record_set_string (programme, "name", "Calendar check");
  g_assert_true (cv_store_insert (store, programme, &error));
  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    {
      g_autoptr(CvRecord) s = cv_record_new (CV_TYPE_SESSION);
      g_object_set (s, "programme-id", cv_record_get_id (programme), "title", sessions[i].title,
                    "starts-at", sessions[i].starts, "ends-at", sessions[i].ends,
                    "location", sessions[i].location, "purpose", sessions[i].purpose,
                    "status", sessions[i].status, NULL);
      g_assert_true (cv_store_insert (store, s, &error));
    }

  upcoming = cv_sessions_upcoming (store, cv_record_get_id (programme), "2026-01-01T00:00:00Z", &error);
  g_assert_no_error (error);

  /* Listed at the first session: only Ceri may be invited. The others'
   * consent lapsed, was withdrawn, covers only newsletters, or they sent
   * apologies. */
  {
    const char *invitations[] = { "invitations", NULL };
    const char *newsletters[] = { "newsletters", NULL };
    struct { const char *name, *email, *given_on; const char * const *purposes; gboolean withdraw;
             const char *status; } people[] = {
      { "Ceri Jones, \"CJ\"", "ceri@example.org", "2026-06-01", invitations, FALSE, "invited" },
      { "Lapsed Lewis", "lewis@example.org", "2020-01-01", invitations, FALSE, "invited" },
      { "Withdrawn Wyn", "wyn@example.org", "2026-06-01", invitations, TRUE, "invited" },
      { "Newsletter Nia", "nia@example.org", "2026-06-01", newsletters, FALSE, "invited" },
      { "Apologetic Alun", "alun@example.org", "2026-06-01", invitations, FALSE, "apologies" },
      { "Absent Aled", "aled@example.org", "2026-06-01", invitations, FALSE, "absent" },
    };
    CvRecord *first = g_ptr_array_index (upcoming, 0);

    for (guint i = 0; i < G_N_ELEMENTS (people); i++)
      {
        g_autoptr(CvRecord) p = cv_record_new (CV_TYPE_STAKEHOLDER);
        g_autoptr(CvRecord) a = cv_record_new (CV_TYPE_ATTENDANCE);

        g_object_set (p, "programme-id", cv_record_get_id (programme), "kind", "person", "name", people[i].name,
                      "email", people[i].email, "consent", TRUE, "consent-on", people[i].given_on,
                      "consent-purposes", people[i].purposes, NULL);
        g_assert_true (cv_store_insert (store, p, &error));
        if (people[i].withdraw)
          g_assert_true (cv_consent_withdraw (store, cv_record_get_id (p), "2026-07-01", &error));
        g_object_set (a, "session-id", cv_record_get_id (first), "stakeholder-id", cv_record_get_id (p),
                      "status", people[i].status, "role", "participant", NULL);
        g_assert_true (cv_store_insert (store, a, &error));
      }
  }

  {
    guint left_out = 0;

    ics = cv_sessions_to_icalendar (store, upcoming, "2026-11-23T10:00:00Z", &left_out, &error);
    g_assert_no_error (error);
    /* Lewis, Wyn and Nia; Alun sent apologies and Aled did not attend: neither is counted. */
    g_assert_cmpuint (left_out, ==, 3);
  }
  if (!g_file_set_contents (argv[1], ics, -1, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_unlink (path);
  return 0;
}
