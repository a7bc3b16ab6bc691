/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writes the calendar of a small programme's upcoming sessions to a file, for
 * check-icalendar.py to read with a real iCalendar parser.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cv-programme.h"
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
  ics = cv_sessions_to_icalendar (upcoming, "2026-11-23T10:00:00Z");
  if (!g_file_set_contents (argv[1], ics, -1, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_unlink (path);
  return 0;
}
