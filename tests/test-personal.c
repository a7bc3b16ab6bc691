/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Personal data: erasure, a person's own record, duplicates. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cv-action.h"
#include "cv-attendance.h"
#include "cv-contribution.h"
#include "cv-erasure.h"
#include "cv-person-report.h"
#include "cv-error.h"
#include "cv-programme.h"
#include "cv-record-list.h"
#include "cv-session.h"
#include "cv-sessions.h"
#include "cv-stakeholder.h"
#include "cv-store.h"

#define NAME  "Gwenllian Ap-Rhys"
#define EMAIL "gwen.aprhys@example.org"
#define PHONE "07700 900123"

typedef struct
{
  char     *path;
  CvStore  *store;
  CvRecord *programme;
  CvRecord *organisation;
  CvRecord *person;       /* linked to a record of every kind */
  CvRecord *other;        /* another person at the same session */
  CvRecord *session;
  CvRecord *contribution; /* attributed to person */
  CvRecord *action;       /* owned by person */
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

static gint64
query_int (CvStore    *store,
           const char *sql,
           const char *value)
{
  g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store), sql, NULL);

  g_assert_nonnull (st);
  if (value != NULL)
    cv_statement_bind_text (st, 1, value);
  g_assert_cmpint (cv_statement_step (st, NULL), ==, CV_STEP_ROW);
  return cv_statement_column_int64 (st, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "carer", "Citizens Board", NULL };
  const char *pid;
  const char *ids[3] = { NULL, NULL, NULL };
  g_autoptr(CvRecord) attendance = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  f->path = g_build_filename (g_get_user_data_dir (), "personal", "convene.db", NULL);
  f->store = cv_store_open (f->path, &error);
  g_assert_no_error (error);

  f->programme = add (f->store, CV_TYPE_PROGRAMME, "name", "Home care collaborative", NULL);
  pid = cv_record_get_id (f->programme);
  f->organisation = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "kind", "organisation",
                         "name", "Riverside Care Agency", NULL);
  f->person = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", "Gwen Rhys",
                   "organisation-id", cv_record_get_id (f->organisation), "role", "Carer",
                   "email", "old.address@example.org", "phone", PHONE, "tags", tags,
                   "consent", TRUE, "consent-on", "2025-01-10", "notes", "Prefers mornings", NULL);
  /* Edited twice, so that older copies of the row existed in the file. */
  cv_record_set_string (f->person, "name", NAME);
  g_assert_true (cv_store_update (f->store, f->person, &error));
  cv_record_set_string (f->person, "email", EMAIL);
  g_assert_true (cv_store_update (f->store, f->person, &error));
  g_assert_no_error (error);
  f->other = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", "Owen Hughes",
                  "email", "owen@example.org", NULL);
  f->session = add (f->store, CV_TYPE_SESSION, "programme-id", pid, "title", "Quarterly meeting",
                    "starts-at", "2025-03-01T10:00:00Z", "status", "held",
                    "facilitator-id", cv_record_get_id (f->person), "facilitator", NAME, NULL);
  ids[0] = cv_record_get_id (f->person);
  ids[1] = cv_record_get_id (f->other);
  g_assert_true (cv_sessions_add_attendees (f->store, cv_record_get_id (f->session), ids, NULL, NULL, &error));
  g_assert_no_error (error);
  rows = cv_store_list (f->store, CV_TYPE_ATTENDANCE, "stakeholder_id", cv_record_get_id (f->person), &error);
  g_assert_cmpuint (rows->len, ==, 1);
  attendance = g_object_ref (g_ptr_array_index (rows, 0));
  g_object_set (attendance, "status", "attended", "paid", TRUE, NULL);
  g_assert_true (cv_store_update (f->store, attendance, &error));
  f->contribution = add (f->store, CV_TYPE_CONTRIBUTION, "programme-id", pid,
                         "session-id", cv_record_get_id (f->session),
                         "text", "Visits are too short to talk", "anonymous", FALSE,
                         "stakeholder-id", cv_record_get_id (f->person), NULL);
  f->action = add (f->store, CV_TYPE_ACTION, "programme-id", pid, "title", "Longer first visits",
                   "owner-id", cv_record_get_id (f->person), "session-id", cv_record_get_id (f->session),
                   "due-on", "2025-06-01", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->programme);
  g_clear_object (&f->organisation);
  g_clear_object (&f->person);
  g_clear_object (&f->other);
  g_clear_object (&f->session);
  g_clear_object (&f->contribution);
  g_clear_object (&f->action);
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  g_clear_pointer (&f->path, g_free);
}

/* Whether @needle occurs anywhere in the bytes of the file at @path. */
static gboolean
file_holds (const char *path,
            const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize n = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_no_trace (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  const char *needles[] = {
    NAME, EMAIL, PHONE, "Gwen Rhys", "old.address@example.org", "Prefers mornings",
    /* The search index keeps words lower-cased and split. */
    "gwenllian", "aprhys",
  };

  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      if (file_holds (path, needles[i]) || file_holds (wal, needles[i]))
        g_error ("“%s” is still in %s or its WAL", needles[i], path);
    }
}

static void
test_erase_plan (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvErasurePlan) plan = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".bak-v3", NULL);
  g_autofree char *not_backup = g_strconcat (f->path, ".bak-vx", NULL);

  g_assert_true (g_file_set_contents (backup, "old", -1, NULL));
  g_assert_true (g_file_set_contents (not_backup, "x", -1, NULL));
  plan = cv_erasure_plan (f->store, cv_record_get_id (f->person), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan->name, ==, NAME);
  g_assert_cmpuint (plan->n_contributions, ==, 1);
  g_assert_cmpuint (plan->n_attendance, ==, 1);
  g_assert_cmpuint (plan->n_actions, ==, 1);
  g_assert_cmpuint (plan->n_facilitated, ==, 1);
  g_assert_cmpuint (plan->n_tags, ==, 2);
  g_assert_cmpuint (g_strv_length (plan->backups), ==, 1);
  g_assert_cmpstr (plan->backups[0], ==, backup);

  /* Organisations are deleted, not erased; unknown ids are said to be unknown. */
  g_assert_null (cv_erasure_plan (f->store, cv_record_get_id (f->organisation), &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cv_erasure_erase (f->store, cv_record_get_id (f->organisation), &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cv_erasure_erase (f->store, "no-such-id", &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM stakeholder", NULL), ==, 3);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM erasure", NULL), ==, 0);
}

static void
test_erase (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CvAttendanceCounts before, after;
  const char *person = cv_record_get_id (f->person);
  g_autoptr(CvRecord) contribution = NULL;
  g_autoptr(CvRecord) action = NULL;
  g_autoptr(CvRecord) session = NULL;
  g_autoptr(CvRecordList) search = NULL;

  g_assert_true (cv_sessions_count_attendance (f->store, cv_record_get_id (f->session), &before, &error));
  g_assert_cmpuint (before.listed, ==, 2);
  g_assert_cmpuint (before.attended, ==, 1);
  g_assert_cmpuint (before.paid, ==, 1);

  g_assert_true (cv_erasure_erase (f->store, person, &error));
  g_assert_no_error (error);

  /* The person is gone; what they were part of stays. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM stakeholder WHERE id = ?1", person), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM stakeholder_tag WHERE stakeholder_id = ?1",
                              person), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM attendance", NULL), ==, 1);
  g_assert_true (cv_sessions_count_attendance (f->store, cv_record_get_id (f->session), &after, &error));
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);

  contribution = cv_store_load (f->store, CV_TYPE_CONTRIBUTION, cv_record_get_id (f->contribution), &error);
  g_assert_no_error (error);
  g_assert_true (cv_record_get_boolean (contribution, "anonymous"));
  g_assert_null (cv_record_get_string (contribution, "stakeholder_id"));
  g_assert_cmpstr (cv_record_get_string (contribution, "text"), ==, "Visits are too short to talk");

  action = cv_store_load (f->store, CV_TYPE_ACTION, cv_record_get_id (f->action), &error);
  g_assert_null (cv_record_get_string (action, "owner_id"));
  g_assert_cmpstr (cv_record_get_string (action, "organisation_id"), ==, cv_record_get_id (f->organisation));
  g_assert_cmpstr (cv_record_get_string (action, "title"), ==, "Longer first visits");

  session = cv_store_load (f->store, CV_TYPE_SESSION, cv_record_get_id (f->session), &error);
  g_assert_null (cv_record_get_string (session, "facilitator_id"));
  g_assert_null (cv_record_get_string (session, "facilitator"));

  /* The log holds the id and the day, nothing else. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM erasure WHERE stakeholder_id = ?1"
                              " AND length(erased_on) = 10", person), ==, 1);

  /* Search still finds the others. */
  search = cv_record_list_new (f->store, CV_TYPE_STAKEHOLDER);
  cv_record_list_set_programme (search, cv_record_get_id (f->programme));
  cv_record_list_set_search (search, "owen");
  g_assert_true (cv_record_list_refresh (search, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 1);
  cv_record_list_set_search (search, "gwenllian");
  g_assert_true (cv_record_list_refresh (search, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 0);
  g_clear_object (&search);

  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM pragma_integrity_check"
                              " WHERE integrity_check <> 'ok'", NULL), ==, 0);

  /* The raw bytes, while the database is still open and after it is closed. */
  assert_no_trace (f->path);
  g_clear_object (&f->programme);
  g_clear_object (&f->person);
  g_assert_finalize_object (g_steal_pointer (&f->store));
  assert_no_trace (f->path);
}

/* Subject access: every section holds what the person is linked to. */
static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) report = cv_person_report_build (f->store, cv_record_get_id (f->person), &error);
  JsonObject *root;
  JsonArray *sessions;

  g_assert_no_error (error);
  root = json_node_get_object (report);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "convene-person-report");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "person"), "email"),
                   ==, EMAIL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "consent")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "organisations")), ==, 1);
  sessions = json_object_get_array_member (root, "sessions");
  /* Listed at the session and its facilitator: both are said. */
  g_assert_cmpuint (json_array_get_length (sessions), ==, 2);
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (sessions, 0), "facilitated"));
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (sessions, 1), "facilitated"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "contributions")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "actions")), ==, 1);

  /* The other person's report names nothing of this one's. */
  g_clear_pointer (&report, json_node_unref);
  report = cv_person_report_build (f->store, cv_record_get_id (f->other), &error);
  root = json_node_get_object (report);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "contributions")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "actions")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "sessions")), ==, 1);

  /* An organisation has no personal record; an unknown id is not found. */
  g_assert_null (cv_person_report_build (f->store, cv_record_get_id (f->organisation), &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cv_person_report_build (f->store, "no-such-id", &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/personal/erase/plan", test_erase_plan);
  ADD ("/personal/erase/no-trace", test_erase);
  ADD ("/personal/report/sections", test_report);
#undef ADD

  return g_test_run ();
}
