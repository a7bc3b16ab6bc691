/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cv-attendance.h"
#include "cv-error.h"
#include "cv-session.h"
#include "cv-consent.h"
#include "cv-sessions.h"
#include "cv-theme.h"
#include "cv-time.h"

/**
 * cv_sessions_count_attendance:
 *
 * How many people are listed at a session, and how many of them were
 * invited, came, sent apologies, did not come, and were paid for their time. People erased
 * from the register still count (see cv_erasure_erase()).
 */
gboolean
cv_sessions_count_attendance (CvStore             *store,
                              const char          *session_id,
                              CvAttendanceCounts  *counts,
                              GError             **error)
{
  g_autoptr(CvStatement) st = NULL;

  g_return_val_if_fail (CV_IS_STORE (store), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  st = cv_database_prepare (cv_store_get_database (store),
                            "SELECT a.n + coalesce (e.invited + e.attended + e.apologies + e.absent, 0),"
                            " a.invited + coalesce (e.invited, 0), a.attended + coalesce (e.attended, 0),"
                            " a.apologies + coalesce (e.apologies, 0), a.absent + coalesce (e.absent, 0),"
                            " a.paid + coalesce (e.paid, 0)"
                            " FROM (SELECT count(*) AS n, count(*) FILTER (WHERE status = 'invited') AS invited,"
                            "       count(*) FILTER (WHERE status = 'attended') AS attended,"
                            "       count(*) FILTER (WHERE status = 'apologies') AS apologies,"
                            "       count(*) FILTER (WHERE status = 'absent') AS absent,"
                            "       count(*) FILTER (WHERE paid = 1) AS paid"
                            "       FROM attendance WHERE session_id = ?1) a"
                            " LEFT JOIN session_erased_attendance e ON e.session_id = ?1", error);
  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, session_id);
  if (cv_statement_step (st, error) != CV_STEP_ROW)
    return FALSE;
  counts->listed = cv_statement_column_int64 (st, 0);
  counts->invited = cv_statement_column_int64 (st, 1);
  counts->attended = cv_statement_column_int64 (st, 2);
  counts->apologies = cv_statement_column_int64 (st, 3);
  counts->absent = cv_statement_column_int64 (st, 4);
  counts->paid = cv_statement_column_int64 (st, 5);
  return TRUE;
}

/**
 * cv_sessions_status_of:
 *
 * How someone stands on a session's list: one row, along the list's unique
 * index, for a person's page that lists their sessions a page at a time.
 *
 * Returns: (transfer full) (nullable): the attendance status ("attended",
 *   "absent" …), or %NULL when they are not listed (@error then unset) or on
 *   an error
 */
char *
cv_sessions_status_of (CvStore     *store,
                       const char  *session_id,
                       const char  *stakeholder_id,
                       GError     **error)
{
  g_autoptr(CvStatement) st = NULL;
  CvStep step;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);

  st = cv_database_prepare (cv_store_get_database (store),
                            "SELECT status FROM attendance WHERE session_id = ?1 AND stakeholder_id = ?2", error);
  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, session_id);
  cv_statement_bind_text (st, 2, stakeholder_id);
  step = cv_statement_step (st, error);
  return step == CV_STEP_ROW ? g_strdup (cv_statement_column_text (st, 0)) : NULL;
}

/**
 * cv_sessions_mark_attended:
 *
 * Marks everyone still only invited to a session as having come to it, in
 * one transaction. Apologies and "did not attend" are answers someone gave
 * or recorded, and stay as they are.
 *
 * Returns: (transfer full): the ids of the attendance rows changed (perhaps
 *   none), for cv_sessions_set_status() to undo it; %NULL with @error set
 */
char **
cv_sessions_mark_attended (CvStore     *store,
                           const char  *session_id,
                           GError     **error)
{
  CvDatabase *db;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(CvStatement) st = NULL;
  g_autofree char *now = NULL;
  CvStep step;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);

  db = cv_store_get_database (store);
  if (!cv_database_begin (db, error))
    return NULL;
  now = cv_utc_now ();
  st = cv_database_prepare (db, "UPDATE attendance SET status = 'attended', updated_at = ?2"
                                " WHERE session_id = ?1 AND status = 'invited' RETURNING id", error);
  if (st != NULL)
    {
      cv_statement_bind_text (st, 1, session_id);
      cv_statement_bind_text (st, 2, now);
      while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
        g_strv_builder_add (ids, cv_statement_column_text (st, 0));
      g_clear_pointer (&st, cv_statement_release);
    }
  else
    step = CV_STEP_ERROR;
  if (step != CV_STEP_DONE || !cv_database_commit (db, error))
    {
      cv_database_rollback (db);
      return NULL;
    }
  cv_store_announce (store, "attendance");
  return g_strv_builder_end (ids);
}

/**
 * cv_sessions_set_status:
 * @attendance_ids: attendance rows, as cv_sessions_mark_attended() returns them
 * @status: one of the attendance statuses
 *
 * Gives many attendance rows one status, in one transaction (Undo of
 * "Mark All Attended" gives them back "invited").
 */
gboolean
cv_sessions_set_status (CvStore             *store,
                        const char * const  *attendance_ids,
                        const char          *status,
                        GError             **error)
{
  g_autoptr(CvRecord) probe = cv_record_new (CV_TYPE_ATTENDANCE);
  const CvField *field = cv_record_kind_find_field (cv_record_get_kind (probe), "status");
  CvDatabase *db;
  g_autoptr(CvStatement) st = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CV_IS_STORE (store), FALSE);

  if (status == NULL || !cv_field_has_choice (field, status))
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID, _("“%s” is not an attendance status."), status);
      return FALSE;
    }
  db = cv_store_get_database (store);
  if (!cv_database_begin (db, error))
    return FALSE;
  now = cv_utc_now ();
  st = cv_database_prepare (db, "UPDATE attendance SET status = ?2, updated_at = ?3 WHERE id = ?1", error);
  for (guint i = 0; st != NULL && attendance_ids != NULL && attendance_ids[i] != NULL; i++)
    {
      cv_statement_bind_text (st, 1, attendance_ids[i]);
      cv_statement_bind_text (st, 2, status);
      cv_statement_bind_text (st, 3, now);
      if (!cv_statement_run (st, error))
        {
          g_clear_pointer (&st, cv_statement_release);
          break;
        }
      sqlite3_reset (cv_statement_get_stmt (st));
    }
  if (st == NULL || !cv_database_commit (db, error))
    {
      cv_database_rollback (db);
      return FALSE;
    }
  cv_store_announce (store, "attendance");
  return TRUE;
}

/**
 * cv_sessions_add_attendees:
 * @stakeholder_ids: the people to list, as invited participants
 * @added: (out) (optional): how many were added
 * @already_listed: (out) (optional): how many were on the list already and left as they were
 *
 * Adds many people to a session at once, in one transaction: all of them or,
 * on an error, none. Someone already listed is not an error; they are counted.
 */
gboolean
cv_sessions_add_attendees (CvStore             *store,
                           const char          *session_id,
                           const char * const  *stakeholder_ids,
                           guint               *added,
                           guint               *already_listed,
                           GError             **error)
{
  CvDatabase *db;
  const char *status;
  guint n_added = 0;
  guint n_already = 0;

  g_return_val_if_fail (CV_IS_STORE (store), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);

  /* People added to a session already held came to it; to one still to
   * come, they are invited. */
  {
    g_autoptr(CvRecord) session = cv_store_load (store, CV_TYPE_SESSION, session_id, error);

    if (session == NULL)
      return FALSE;
    status = g_strcmp0 (cv_record_get_string (session, "status"), "held") == 0 ? "attended" : "invited";
  }

  db = cv_store_get_database (store);
  if (!cv_database_begin (db, error))
    return FALSE;

  for (guint i = 0; stakeholder_ids != NULL && stakeholder_ids[i] != NULL; i++)
    {
      g_autoptr(CvRecord) attendance = cv_record_new (CV_TYPE_ATTENDANCE);
      g_autoptr(GError) local_error = NULL;

      g_object_set (attendance, "session-id", session_id, "stakeholder-id", stakeholder_ids[i],
                    "status", status, NULL);
      if (cv_store_insert (store, attendance, &local_error))
        n_added++;
      else if (g_error_matches (local_error, CV_ERROR, CV_ERROR_DUPLICATE))
        n_already++;
      else
        {
          cv_database_rollback (db);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (!cv_database_commit (db, error))
    return FALSE;
  if (added != NULL)
    *added = n_added;
  if (already_listed != NULL)
    *already_listed = n_already;
  return TRUE;
}

/**
 * cv_sessions_theme_by_name:
 * @create: whether to create the theme when the programme has none by that name
 *
 * Finds a theme by name, whatever its case, so that typing "financing" picks
 * the existing "Financing" rather than making a second one.
 *
 * Returns: (transfer full) (nullable): the theme, or %NULL (with @error set
 *   when something failed, unset when there is none and @create is %FALSE)
 */
CvRecord *
cv_sessions_theme_by_name (CvStore     *store,
                           const char  *programme_id,
                           const char  *name,
                           gboolean     create,
                           GError     **error)
{
  g_autoptr(CvStatement) st = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr(CvRecord) theme = NULL;
  CvStep step;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  trimmed = g_strstrip (g_strdup (name));
  st = cv_database_prepare (cv_store_get_database (store),
                            "SELECT id FROM theme WHERE programme_id = ?1 AND name = ?2 COLLATE NOCASE",
                            error);
  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, programme_id);
  cv_statement_bind_text (st, 2, trimmed);
  step = cv_statement_step (st, error);
  if (step == CV_STEP_ERROR)
    return NULL;
  if (step == CV_STEP_ROW)
    {
      g_autofree char *id = g_strdup (cv_statement_column_text (st, 0));

      g_clear_pointer (&st, cv_statement_release);
      return cv_store_load (store, CV_TYPE_THEME, id, error);
    }
  if (!create)
    return NULL;

  g_clear_pointer (&st, cv_statement_release);
  theme = cv_record_new (CV_TYPE_THEME);
  g_object_set (theme, "programme-id", programme_id, "name", trimmed, NULL);
  if (!cv_store_insert (store, theme, error))
    return NULL;
  return g_steal_pointer (&theme);
}

/**
 * cv_sessions_upcoming:
 * @from_utc: the moment from which sessions count as upcoming
 *
 * Returns: (transfer full) (element-type CvSession): the sessions that start
 *   at or after @from_utc and are not cancelled, soonest first
 */
GPtrArray *
cv_sessions_upcoming (CvStore     *store,
                      const char  *programme_id,
                      const char  *from_utc,
                      GError     **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CvStatement) st = NULL;
  CvStep step;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);

  st = cv_database_prepare (cv_store_get_database (store),
                            "SELECT id FROM session WHERE programme_id = ?1 AND starts_at >= ?2"
                            " AND status <> 'cancelled' ORDER BY starts_at, rowid", error);
  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, programme_id);
  cv_statement_bind_text (st, 2, from_utc);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    g_ptr_array_add (ids, g_strdup (cv_statement_column_text (st, 0)));
  if (step == CV_STEP_ERROR)
    return NULL;
  g_clear_pointer (&st, cv_statement_release);

  for (guint i = 0; i < ids->len; i++)
    {
      CvRecord *session = cv_store_load (store, CV_TYPE_SESSION, g_ptr_array_index (ids, i), error);

      if (session == NULL)
        return NULL;
      g_ptr_array_add (sessions, session);
    }
  return g_steal_pointer (&sessions);
}

/* iCalendar (RFC 5545) */

/* TEXT values escape backslash, semicolon, comma and newline. */
static void
append_text_value (GString    *line,
                   const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (line, "\\\\"); break;
        case ';': g_string_append (line, "\\;"); break;
        case ',': g_string_append (line, "\\,"); break;
        case '\n': g_string_append (line, "\\n"); break;
        case '\r': break;
        default: g_string_append_c (line, *p); break;
        }
    }
}

/* Lines longer than 75 octets are folded, never inside a UTF-8 character. */
static void
append_folded (GString    *out,
               const char *line)
{
  const char *p = line;
  gsize limit = 75;

  while (strlen (p) > limit)
    {
      const char *cut = p + limit;

      while (cut > p && ((guchar)*cut & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, p, cut - p);
      g_string_append (out, "\r\n ");
      p = cut;
      limit = 74;   /* the leading space counts */
    }
  g_string_append (out, p);
  g_string_append (out, "\r\n");
}

static void
append_property (GString    *out,
                 const char *name,
                 const char *text)
{
  g_autoptr(GString) line = NULL;

  if (text == NULL)
    return;
  line = g_string_new (name);
  g_string_append_c (line, ':');
  append_text_value (line, text);
  append_folded (out, line->str);
}

/* "2024-03-01T10:00:00Z" → "20240301T100000Z" */
static char *
ical_utc (const char *utc)
{
  GString *s = g_string_new (NULL);

  for (const char *p = utc; *p != '\0'; p++)
    if (*p != '-' && *p != ':')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

/* A parameter value: quoted, without the quotes and control characters
 * RFC 5545 does not allow inside one. */
static char *
parameter_value (const char *text)
{
  GString *value = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '"' && (guchar)*p >= 0x20 && *p != 0x7f)
      g_string_append_c (value, *p);
  g_string_append_c (value, '"');
  return g_string_free (value, FALSE);
}

/* Everyone listed at the session (but those who sent apologies) with an
 * email whose consent covers invitations on @today, as ATTENDEE lines;
 * *@left_out counts those listed with an email whose consent does not. */
static gboolean
append_attendees (GString     *out,
                  CvStore     *store,
                  const char  *session_id,
                  const char  *today,
                  guint       *left_out,
                  GError     **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store),
                                                   "SELECT s.name, s.email, "
                                                   CV_CONSENT_COVERS_SQL ("s", "?2", "?3")
                                                   " FROM attendance a JOIN stakeholder s ON s.id = a.stakeholder_id"
                                                   " WHERE a.session_id = ?1 AND a.status NOT IN ('apologies', 'absent')"
                                                   " AND coalesce (s.email, '') <> ''"
                                                   " ORDER BY s.name COLLATE NOCASE, s.rowid", error);
  CvStep step;

  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, session_id);
  cv_statement_bind_text (st, 2, today);
  cv_statement_bind_text (st, 3, CV_CONSENT_INVITATIONS);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    {
      g_autofree char *name = NULL;
      g_autofree char *line = NULL;

      if (cv_statement_column_int64 (st, 2) == 0)
        {
          (*left_out)++;
          continue;
        }
      name = parameter_value (cv_statement_column_text (st, 0));
      line = g_strdup_printf ("ATTENDEE;CN=%s;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:%s",
                              name, cv_statement_column_text (st, 1));
      append_folded (out, line);
    }
  return step == CV_STEP_DONE;
}

/**
 * cv_sessions_to_icalendar:
 * @store: (nullable): where the sessions' attendance is, to invite the people
 *   listed; %NULL for events without attendees
 * @sessions: (element-type CvSession): the sessions; those without a start are left out
 * @stamp_utc: when the calendar is made, in the stored UTC form; its day is
 *   the day consent must hold on
 * @left_out: (out) (optional): how many people listed with an email were not
 *   invited because their consent has lapsed or does not cover invitations
 *
 * Returns: (transfer full): an iCalendar file with one event per session,
 *   times in UTC, that calendar programs accept; or %NULL with @error set
 */
char *
cv_sessions_to_icalendar (CvStore     *store,
                          GPtrArray   *sessions,
                          const char  *stamp_utc,
                          guint       *left_out,
                          GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *stamp = NULL;
  g_autofree char *today = NULL;
  guint not_invited = 0;

  g_return_val_if_fail (store == NULL || CV_IS_STORE (store), NULL);
  g_return_val_if_fail (sessions != NULL, NULL);
  g_return_val_if_fail (cv_date_time_is_valid (stamp_utc), NULL);

  stamp = ical_utc (stamp_utc);
  today = g_strndup (stamp_utc, 10);
  append_folded (out, "BEGIN:VCALENDAR");
  append_folded (out, "VERSION:2.0");
  append_folded (out, "PRODID:-//Convene//Convene " PACKAGE_VERSION "//EN");
  append_folded (out, "CALSCALE:GREGORIAN");
  append_folded (out, "METHOD:PUBLISH");

  for (guint i = 0; i < sessions->len; i++)
    {
      CvRecord *session = g_ptr_array_index (sessions, i);
      const char *starts = cv_record_get_string (session, "starts_at");
      const char *ends = cv_record_get_string (session, "ends_at");
      const char *status = cv_record_get_string (session, "status");
      g_autofree char *uid = NULL;
      g_autofree char *dtstamp = NULL;
      g_autofree char *dtstart = NULL;
      g_autofree char *start = NULL;

      if (starts == NULL)
        continue;

      start = ical_utc (starts);
      uid = g_strdup_printf ("UID:%s@convene", cv_record_get_id (session));
      dtstamp = g_strdup_printf ("DTSTAMP:%s", stamp);
      dtstart = g_strdup_printf ("DTSTART:%s", start);
      append_folded (out, "BEGIN:VEVENT");
      append_folded (out, uid);
      append_folded (out, dtstamp);
      append_folded (out, dtstart);
      if (ends != NULL)
        {
          g_autofree char *end = ical_utc (ends);
          g_autofree char *dtend = g_strdup_printf ("DTEND:%s", end);
          append_folded (out, dtend);
        }
      append_property (out, "SUMMARY", cv_record_get_string (session, "title"));
      append_property (out, "LOCATION", cv_record_get_string (session, "location"));
      append_property (out, "DESCRIPTION", cv_record_get_string (session, "purpose"));
      append_folded (out, g_strcmp0 (status, "cancelled") == 0 ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
      if (store != NULL &&
          !append_attendees (out, store, cv_record_get_id (session), today, &not_invited, error))
        return NULL;
      append_folded (out, "END:VEVENT");
    }

  append_folded (out, "END:VCALENDAR");
  if (left_out != NULL)
    *left_out = not_invited;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
