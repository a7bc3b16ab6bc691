/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <string.h>

#include "cv-attendance.h"
#include "cv-contribution.h"
#include "cv-erasure.h"
#include "cv-error.h"
#include "cv-programme.h"
#include "cv-record-list.h"
#include "cv-session.h"
#include "cv-sessions.h"
#include "cv-stakeholder.h"
#include "cv-store.h"
#include "cv-theme.h"
#include "cv-time.h"

typedef struct
{
  CvStore  *store;
  CvRecord *programme;
  CvRecord *session;
  CvRecord *people[3];
} Fixture;

static CvRecord *
add (CvStore    *store,
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
  cv_store_insert (store, record, &error);
  g_assert_no_error (error);
  return record;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "sessions.db", NULL);
  const char *names[] = { "Amira Patel", "Gwen Morgan", "Owen Hughes" };

  f->store = cv_store_open (path, &error);
  g_assert_no_error (error);
  f->programme = add (f->store, CV_TYPE_PROGRAMME, "name", "Home care collaborative", NULL);
  f->session = add (f->store, CV_TYPE_SESSION, "programme-id", cv_record_get_id (f->programme),
                    "title", "Quarterly meeting", "starts-at", "2018-03-01T10:00:00Z",
                    "ends-at", "2018-03-01T12:00:00Z", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    f->people[i] = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", cv_record_get_id (f->programme),
                        "name", names[i], NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (f->people); i++)
    g_clear_object (&f->people[i]);
  g_clear_object (&f->session);
  g_clear_object (&f->programme);
  g_assert_finalize_object (f->store);
}

static void
test_attendance (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *ids[] = { cv_record_get_id (f->people[0]), cv_record_get_id (f->people[1]),
                        cv_record_get_id (f->people[2]), NULL };
  const char *statuses[] = { "attended", "apologies", "invited" };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CvRecord) twice = NULL;
  CvAttendanceCounts counts;
  guint added = 99, already = 99;

  /* Three at once. */
  g_assert_true (cv_sessions_add_attendees (f->store, cv_record_get_id (f->session), ids, &added, &already, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);
  g_assert_cmpuint (already, ==, 0);

  /* Again: nobody is listed twice, and that is not an error. */
  g_assert_true (cv_sessions_add_attendees (f->store, cv_record_get_id (f->session), ids, &added, &already, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (already, ==, 3);

  /* Directly, the store refuses with a message a person understands. */
  twice = cv_record_new (CV_TYPE_ATTENDANCE);
  g_object_set (twice, "session-id", cv_record_get_id (f->session), "stakeholder-id", ids[0], NULL);
  g_assert_false (cv_store_insert (f->store, twice, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "already on the session"));
  g_clear_error (&error);

  /* Each status, and paid, are stored and counted. */
  list = cv_store_list (f->store, CV_TYPE_ATTENDANCE, "session_id", cv_record_get_id (f->session), &error);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < list->len; i++)
    {
      CvRecord *a = g_ptr_array_index (list, i);
      g_assert_cmpstr (cv_record_get_string (a, "status"), ==, "invited");   /* the default */
      g_assert_cmpstr (cv_record_get_string (a, "role"), ==, "participant");
      cv_record_set_string (a, "status", statuses[i]);
      cv_record_set_boolean (a, "paid", i == 0);
      g_assert_true (cv_store_update (f->store, a, &error));
    }
  g_assert_true (cv_sessions_count_attendance (f->store, cv_record_get_id (f->session), &counts, &error));
  g_assert_cmpuint (counts.listed, ==, 3);
  g_assert_cmpuint (counts.attended, ==, 1);
  g_assert_cmpuint (counts.apologies, ==, 1);
  g_assert_cmpuint (counts.invited, ==, 1);
  g_assert_cmpuint (counts.paid, ==, 1);

  /* An unknown status is refused. */
  cv_record_set_string (g_ptr_array_index (list, 0), "status", "maybe");
  g_assert_false (cv_store_update (f->store, g_ptr_array_index (list, 0), &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
}

static void
test_add_attendees_all_or_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *ids[] = { cv_record_get_id (f->people[0]), "00000000-0000-4000-8000-000000000000", NULL };
  CvAttendanceCounts counts;

  g_assert_false (cv_sessions_add_attendees (f->store, cv_record_get_id (f->session), ids, NULL, NULL, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_assert_true (cv_sessions_count_attendance (f->store, cv_record_get_id (f->session), &counts, NULL));
  g_assert_cmpuint (counts.listed, ==, 0);
}

/* People added to a session already held came to it: their status says so. */
static void
test_attendance_follows_session (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) held = add (f->store, CV_TYPE_SESSION, "programme-id", cv_record_get_id (f->programme),
                                  "title", "Held already", "starts-at", "2018-01-01T10:00:00Z",
                                  "status", "held", NULL);
  const char *ids[] = { cv_record_get_id (f->people[0]), cv_record_get_id (f->people[1]), NULL };
  CvAttendanceCounts counts;

  g_assert_true (cv_sessions_add_attendees (f->store, cv_record_get_id (held), ids, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cv_sessions_count_attendance (f->store, cv_record_get_id (held), &counts, &error));
  g_assert_cmpuint (counts.attended, ==, 2);
  g_assert_cmpuint (counts.invited, ==, 0);
  /* A planned one invites them. */
  g_assert_true (cv_sessions_add_attendees (f->store, cv_record_get_id (f->session), ids, NULL, NULL, &error));
  g_assert_true (cv_sessions_count_attendance (f->store, cv_record_get_id (f->session), &counts, &error));
  g_assert_cmpuint (counts.invited, ==, 2);
}

/* "Mark All Attended" marks only those still invited; apologies and "did not
 * attend" stay; Undo gives the marked back "invited"; every count follows,
 * also after someone who did not attend is erased from the register. */
static void
test_mark_attended (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) dai = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", cv_record_get_id (f->programme),
                                 "name", "Dai Jones", NULL);
  const char *ids[] = { cv_record_get_id (f->people[0]), cv_record_get_id (f->people[1]),
                        cv_record_get_id (f->people[2]), cv_record_get_id (dai), NULL };
  const char *session_id = cv_record_get_id (f->session);
  g_autoptr(GPtrArray) list = NULL;
  g_auto(GStrv) marked = NULL;
  g_auto(GStrv) none = NULL;
  CvAttendanceCounts counts;

  g_assert_true (cv_sessions_add_attendees (f->store, session_id, ids, NULL, NULL, &error));
  g_assert_no_error (error);
  list = cv_store_list (f->store, CV_TYPE_ATTENDANCE, "session_id", session_id, &error);
  g_assert_cmpuint (list->len, ==, 4);
  /* Amira sent apologies, Gwen did not come; Owen and Dai are still invited. */
  for (guint i = 0; i < list->len; i++)
    {
      CvRecord *a = g_ptr_array_index (list, i);
      const char *who = cv_record_get_string (a, "stakeholder_id");

      if (g_str_equal (who, ids[0]))
        cv_record_set_string (a, "status", "apologies");
      else if (g_str_equal (who, ids[1]))
        cv_record_set_string (a, "status", "absent");
      g_assert_true (cv_store_update (f->store, a, &error));
      g_assert_no_error (error);
    }
  g_assert_true (cv_sessions_count_attendance (f->store, session_id, &counts, &error));
  g_assert_cmpuint (counts.listed, ==, 4);
  g_assert_cmpuint (counts.invited, ==, 2);
  g_assert_cmpuint (counts.apologies, ==, 1);
  g_assert_cmpuint (counts.absent, ==, 1);
  g_assert_cmpuint (counts.attended, ==, 0);

  /* How each stands, one at a time, as a person's page asks. */
  {
    g_autofree char *gwen = cv_sessions_status_of (f->store, session_id, ids[1], &error);
    g_autoptr(CvRecord) held = add (f->store, CV_TYPE_SESSION, "programme-id", cv_record_get_id (f->programme),
                                    "title", "Another", NULL);
    g_autofree char *elsewhere = cv_sessions_status_of (f->store, cv_record_get_id (held), ids[1], &error);

    g_assert_cmpstr (gwen, ==, "absent");
    g_assert_null (elsewhere);
    g_assert_no_error (error);
  }

  marked = cv_sessions_mark_attended (f->store, session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (marked), ==, 2);
  g_assert_true (cv_sessions_count_attendance (f->store, session_id, &counts, &error));
  g_assert_cmpuint (counts.attended, ==, 2);
  g_assert_cmpuint (counts.invited, ==, 0);
  g_assert_cmpuint (counts.apologies, ==, 1);
  g_assert_cmpuint (counts.absent, ==, 1);

  /* Again: nobody is left to mark. */
  none = cv_sessions_mark_attended (f->store, session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  /* A status that does not exist: refused, nothing written. */
  g_assert_false (cv_sessions_set_status (f->store, (const char * const *)marked, "maybe", &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cv_sessions_count_attendance (f->store, session_id, &counts, &error));
  g_assert_cmpuint (counts.attended, ==, 2);

  /* Undo. */
  g_assert_true (cv_sessions_set_status (f->store, (const char * const *)marked, "invited", &error));
  g_assert_no_error (error);
  g_assert_true (cv_sessions_count_attendance (f->store, session_id, &counts, &error));
  g_assert_cmpuint (counts.attended, ==, 0);
  g_assert_cmpuint (counts.invited, ==, 2);
  g_assert_cmpuint (counts.apologies, ==, 1);
  g_assert_cmpuint (counts.absent, ==, 1);

  /* Gwen, who did not come, is erased: the session still counts her. */
  g_assert_true (cv_erasure_erase (f->store, ids[1], &error));
  g_assert_no_error (error);
  g_assert_true (cv_sessions_count_attendance (f->store, session_id, &counts, &error));
  g_assert_cmpuint (counts.listed, ==, 4);
  g_assert_cmpuint (counts.absent, ==, 1);
  g_assert_cmpuint (counts.invited, ==, 2);
}

static void
test_contributions (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) financing = NULL;
  g_autoptr(CvRecord) staff = NULL;
  g_autoptr(CvRecord) again = NULL;
  g_autoptr(CvRecord) said = NULL;
  g_autoptr(CvRecord) named = NULL;
  g_autoptr(CvRecord) loaded = NULL;
  g_autoptr(CvStatement) st = NULL;
  const char *themes[3] = { NULL, NULL, NULL };

  /* A theme is found by name in any case, or made. */
  financing = cv_sessions_theme_by_name (f->store, cv_record_get_id (f->programme), "Financing", TRUE, &error);
  g_assert_no_error (error);
  again = cv_sessions_theme_by_name (f->store, cv_record_get_id (f->programme), "  financing ", TRUE, &error);
  g_assert_cmpstr (cv_record_get_id (again), ==, cv_record_get_id (financing));
  g_assert_null (cv_sessions_theme_by_name (f->store, cv_record_get_id (f->programme), "Staff", FALSE, &error));
  g_assert_no_error (error);
  staff = cv_sessions_theme_by_name (f->store, cv_record_get_id (f->programme), "Better care of staff", TRUE, &error);

  /* Several themes on one contribution; anonymous unless said otherwise. */
  themes[0] = cv_record_get_id (financing);
  themes[1] = cv_record_get_id (staff);
  said = add (f->store, CV_TYPE_CONTRIBUTION, "programme-id", cv_record_get_id (f->programme),
              "session-id", cv_record_get_id (f->session), "text", "Care workers cannot afford to park.",
              "themes", themes, NULL);
  loaded = cv_store_load (f->store, CV_TYPE_CONTRIBUTION, cv_record_get_id (said), &error);
  g_assert_true (g_strv_equal (cv_record_get_list (loaded, "themes"), themes));
  g_assert_true (cv_record_get_boolean (loaded, "anonymous"));

  /* Anonymous means no person is stored at all, not just hidden. */
  st = cv_database_prepare (cv_store_get_database (f->store),
                            "SELECT stakeholder_id IS NULL FROM contribution WHERE id = ?1", &error);
  cv_statement_bind_text (st, 1, cv_record_get_id (said));
  g_assert_cmpint (cv_statement_step (st, &error), ==, CV_STEP_ROW);
  g_assert_cmpint (cv_statement_column_int64 (st, 0), ==, 1);
  g_clear_pointer (&st, cv_statement_release);

  /* Naming someone needs anonymity turned off first. */
  cv_record_set_string (loaded, "stakeholder_id", cv_record_get_id (f->people[0]));
  g_assert_false (cv_store_update (f->store, loaded, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  cv_record_set_boolean (loaded, "anonymous", FALSE);
  g_assert_true (cv_store_update (f->store, loaded, &error));
  named = cv_store_load (f->store, CV_TYPE_CONTRIBUTION, cv_record_get_id (said), &error);
  g_assert_cmpstr (cv_record_get_string (named, "stakeholder_id"), ==, cv_record_get_id (f->people[0]));
}

static void
test_time_zones (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GTimeZone) india = g_time_zone_new_offset (5 * 3600 + 30 * 60);
  g_autofree char *summer = NULL;
  g_autofree char *winter = NULL;
  g_autofree char *kolkata = NULL;
  g_autofree char *back = NULL;
  g_autofree char *bad = NULL;

  /* Summer time in London is an hour ahead of UTC; winter is not. */
  if (london != NULL)
    {
      summer = cv_utc_from_local ("2024-07-01 10:00", london, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (summer, ==, "2024-07-01T09:00:00Z");
      winter = cv_utc_from_local ("2024-01-15T10:00", london, &error);
      g_assert_cmpstr (winter, ==, "2024-01-15T10:00:00Z");
      back = cv_local_from_utc (summer, london);
      g_assert_cmpstr (back, ==, "2024-07-01 10:00");
      g_clear_pointer (&back, g_free);
    }
  else
    g_test_message ("No Europe/London in the time zone database: checked with a fixed offset only");

  /* A half-hour offset, across midnight. */
  kolkata = cv_utc_from_local ("2024-03-01 02:00", india, &error);
  g_assert_cmpstr (kolkata, ==, "2024-02-29T20:30:00Z");
  back = cv_local_from_utc (kolkata, india);
  g_assert_cmpstr (back, ==, "2024-03-01 02:00");

  bad = cv_utc_from_local ("2024-02-30 10:00", india, &error);
  g_assert_null (bad);
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cv_utc_from_local ("10:00 tomorrow", india, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cv_utc_from_local ("2024-03-01 25:00", india, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
}

static void
test_end_before_start (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) stored = NULL;

  cv_record_set_string (f->session, "ends_at", "2018-03-01T09:00:00Z");
  g_assert_false (cv_store_update (f->store, f->session, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  stored = cv_store_load (f->store, CV_TYPE_SESSION, cv_record_get_id (f->session), NULL);
  g_assert_cmpstr (cv_record_get_string (stored, "ends_at"), ==, "2018-03-01T12:00:00Z");
}

static void
test_upcoming_and_ranges (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) later = NULL;
  g_autoptr(CvRecord) cancelled = NULL;
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(CvRecordList) list = cv_record_list_new (f->store, CV_TYPE_SESSION);

  later = add (f->store, CV_TYPE_SESSION, "programme-id", cv_record_get_id (f->programme),
               "title", "Spring workshop", "starts-at", "2030-04-01T09:00:00Z", NULL);
  cancelled = add (f->store, CV_TYPE_SESSION, "programme-id", cv_record_get_id (f->programme),
                   "title", "Cancelled forum", "starts-at", "2030-05-01T09:00:00Z", "status", "cancelled", NULL);

  upcoming = cv_sessions_upcoming (f->store, cv_record_get_id (f->programme), "2026-01-01T00:00:00Z", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upcoming->len, ==, 1);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (upcoming, 0), "title"), ==, "Spring workshop");

  cv_record_list_set_programme (list, cv_record_get_id (f->programme));
  cv_record_list_set_range (list, "starts_at", "2026-01-01T00:00:00Z", NULL);
  g_assert_true (cv_record_list_refresh (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  cv_record_list_set_range (list, "starts_at", NULL, "2026-01-01T00:00:00Z");
  g_assert_true (cv_record_list_refresh (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  cv_record_list_set_range (list, NULL, NULL, NULL);
  cv_record_list_set_search (list, "work");
  g_assert_true (cv_record_list_refresh (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  cv_record_list_set_search (list, "100%_");   /* LIKE's own characters are literal */
  g_assert_true (cv_record_list_refresh (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

static void
test_icalendar (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new ();
  g_autofree char *ics = NULL;
  g_auto(GStrv) lines = NULL;

  cv_record_set_string (f->session, "location", "Town Hall, Room 2; ground floor");
  cv_record_set_string (f->session, "purpose",
                        "Agree the year’s priorities with carers, providers and commissioners.\n"
                        "Bring your ideas — everyone’s voice counts equally in this room.");
  g_ptr_array_add (sessions, f->session);
  ics = cv_sessions_to_icalendar (NULL, sessions, "2026-11-23T10:00:00Z", NULL, NULL);

  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (g_str_has_suffix (ics, "END:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (ics, "DTSTART:20180301T100000Z\r\n"));
  g_assert_nonnull (strstr (ics, "DTEND:20180301T120000Z\r\n"));
  g_assert_nonnull (strstr (ics, "LOCATION:Town Hall\\, Room 2\\; ground floor\r\n"));

  /* No line is longer than 75 octets, and folds never split a character. */
  lines = g_strsplit (ics, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
}

/* Dates as people write them, in their locale's order, and ISO 8601 always. */
typedef struct
{
  const char *typed;
  const char *stored;   /* NULL: refused */
} TypedDate;

static void
check_dates (const char      *locale,
             const TypedDate *cases,
             guint            n,
             const char      *shown)
{
  g_autofree char *before = g_strdup (setlocale (LC_TIME, NULL));

  /* install-deps.sh generates these locales: checked for real, not only in C. */
  g_assert_nonnull (setlocale (LC_TIME, locale));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *date = cv_date_parse (cases[i].typed, &error);

      g_test_message ("%s: %s", locale, cases[i].typed);
      g_assert_cmpstr (date, ==, cases[i].stored);
      if (cases[i].stored == NULL)
        {
          g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, cases[i].typed));
        }
      else
        g_assert_no_error (error);
    }
  {
    g_autofree char *formatted = cv_date_format ("2026-04-01");
    g_autofree char *again = cv_date_parse (formatted, NULL);

    g_assert_cmpstr (formatted, ==, shown);
    g_assert_cmpstr (again, ==, "2026-04-01");
  }
  setlocale (LC_TIME, before);
}

static const TypedDate british[] = {
  { "1/4/2026", "2026-04-01" },     /* 1 April, not 4 January */
  { "01/04/2026", "2026-04-01" },
  { "1.4.26", "2026-04-01" },
  { " 31/12/2025 ", "2025-12-31" },
  { "29/2/2024", "2024-02-29" },
  { "2026-04-01", "2026-04-01" },
  { "29/2/2026", NULL },             /* not a leap year */
  { "31/4/2026", NULL },
  { "4/13/2026", NULL },             /* no thirteenth month: not read the American way */
  { "0/4/2026", NULL },
  { "1/4", NULL },
  { "1/4/2026/1", NULL },
  { "1/4/202", NULL },
  { "2026-02-30", NULL },
  { "next Tuesday", NULL },
};

static void
test_dates_en_gb (void)
{
  check_dates ("en_GB.UTF-8", british, G_N_ELEMENTS (british), "01/04/2026");
}

static void
test_dates_cy_gb (void)
{
  /* Welsh writes the figures with full stops; the slashes of English are read too. */
  check_dates ("cy_GB.UTF-8", british, G_N_ELEMENTS (british), "01.04.2026");
}

static const TypedDate iso_only[] = {
  { "2026-04-01", "2026-04-01" },
  { "1/4/2026", NULL },              /* no custom to read it by */
  { "2026-13-01", NULL },
  { "2026-4-1", NULL },
  { "", NULL },
};

static void
test_dates_iso (void)
{
  g_autoptr(GError) error = NULL;

  check_dates ("C.UTF-8", iso_only, G_N_ELEMENTS (iso_only) - 1, "2026-04-01");
  /* Nothing typed is no date, and no error. */
  g_assert_null (cv_date_parse ("  ", &error));
  g_assert_no_error (error);
}

/* A session's start in the locale's way, and back. */
static void
test_date_time_en_gb (void)
{
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_strdup (setlocale (LC_TIME, NULL));
  g_autofree char *utc = NULL;
  g_autofree char *shown = NULL;

  g_assert_nonnull (setlocale (LC_TIME, "en_GB.UTF-8"));
  utc = cv_utc_from_local ("1/4/2026 14:30", london, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (utc, ==, "2026-04-01T13:30:00Z");   /* summer time */
  shown = cv_local_from_utc (utc, london);
  g_assert_cmpstr (shown, ==, "01/04/2026 14:30");
  g_clear_pointer (&utc, g_free);
  utc = cv_utc_from_local ("31/4/2026 14:30", london, &error);
  g_assert_null (utc);
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "01/03/2026 14:30"));
  setlocale (LC_TIME, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  FIXTURE_TEST ("/sessions/attendance", test_attendance);
  FIXTURE_TEST ("/sessions/attendance/all-or-nothing", test_add_attendees_all_or_nothing);
  FIXTURE_TEST ("/sessions/contributions", test_contributions);
  FIXTURE_TEST ("/sessions/attendance-follows-session", test_attendance_follows_session);
  FIXTURE_TEST ("/sessions/mark-attended", test_mark_attended);
  g_test_add_func ("/sessions/time-zones", test_time_zones);
  g_test_add_func ("/sessions/dates-en-gb", test_dates_en_gb);
  g_test_add_func ("/sessions/dates-cy-gb", test_dates_cy_gb);
  g_test_add_func ("/sessions/dates-iso", test_dates_iso);
  g_test_add_func ("/sessions/date-time-en-gb", test_date_time_en_gb);
  FIXTURE_TEST ("/sessions/end-before-start", test_end_before_start);
  FIXTURE_TEST ("/sessions/upcoming", test_upcoming_and_ranges);
  FIXTURE_TEST ("/sessions/icalendar", test_icalendar);

  return g_test_run ();
}
