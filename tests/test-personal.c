/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Personal data: erasure, a person's own record, duplicates. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cv-action.h"
#include "cv-attendance.h"
#include "cv-consent.h"
#include "cv-contribution.h"
#include "cv-duplicates.h"
#include "cv-erasure.h"
#include "cv-person-report.h"
#include "cv-retention.h"
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
  /* Both came: people added to a held session are marked as attended. */
  g_assert_cmpuint (before.attended, ==, 2);
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

/* Duplicates */

static CvRecord *
add_person (CvStore    *store,
            const char *programme_id,
            const char *name,
            const char *email,
            const char *phone,
            const char *organisation_id)
{
  return add (store, CV_TYPE_STAKEHOLDER, "programme-id", programme_id, "name", name, "email", email,
              "phone", phone, "organisation-id", organisation_id, NULL);
}

static CvDuplicatePair *
find_pair (GPtrArray  *pairs,
           const char *a,
           const char *b)
{
  for (guint i = 0; i < pairs->len; i++)
    {
      CvDuplicatePair *pair = g_ptr_array_index (pairs, i);

      if ((g_str_equal (pair->first_name, a) && g_str_equal (pair->second_name, b)) ||
          (g_str_equal (pair->first_name, b) && g_str_equal (pair->second_name, a)))
        return pair;
    }
  return NULL;
}

static void
test_duplicates_find (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  const char *pid = cv_record_get_id (f->programme);
  const char *org = cv_record_get_id (f->organisation);
  /* Different people whose names look alike, all at one organisation. */
  const char *distinct[] = { "Sam Patel", "Pam Patel", "Anna Lee", "Hannah Lee", "Owen Howells", "Owain Howells",
                             "Rhys Evans", "Rhian Evans", "Dafydd Jones", "David Jones", "Ian Price", "Ieuan Price",
                             "Mair Davies", "Mari Davis" };
  CvDuplicatePair *pair;

  g_ptr_array_add (added, add_person (f->store, pid, "Siân O’Neill", NULL, NULL, NULL));
  g_ptr_array_add (added, add_person (f->store, pid, "sian  oneill", NULL, NULL, NULL));
  g_ptr_array_add (added, add_person (f->store, pid, "Gareth Evans", "G.Evans@Example.org", NULL, NULL));
  g_ptr_array_add (added, add_person (f->store, pid, "Gary Evans", "g.evans@example.org", NULL, NULL));
  g_ptr_array_add (added, add_person (f->store, pid, "Nia Roberts", NULL, "+44 7700 900111", NULL));
  g_ptr_array_add (added, add_person (f->store, pid, "N. Roberts", NULL, "07700 900111", NULL));
  g_ptr_array_add (added, add_person (f->store, pid, "Jon Smith", NULL, NULL, org));
  g_ptr_array_add (added, add_person (f->store, pid, "John Smith", NULL, NULL, org));
  g_ptr_array_add (added, add_person (f->store, pid, "Ffion Bowen", "ffion@example.org", NULL, NULL));
  g_ptr_array_add (added, add_person (f->store, pid, "FFION BOWEN", "ffion@example.org", NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (distinct); i++)
    g_ptr_array_add (added, add_person (f->store, pid, distinct[i], NULL, NULL, org));
  /* A switchboard number shared by many is no evidence. */
  for (guint i = 0; i < CV_DUPLICATES_MAX_SHARED + 1; i++)
    {
      g_autofree char *name = g_strdup_printf ("Switchboard Caller %c", 'A' + i);
      g_ptr_array_add (added, add_person (f->store, pid, name, NULL, "01632 960000", NULL));
    }

  pairs = cv_duplicates_find (cv_store_get_database (f->store), pid, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  pair = find_pair (pairs, "Siân O’Neill", "sian  oneill");
  g_assert_nonnull (pair);
  g_assert_cmpint (pair->reasons, ==, CV_DUPLICATE_SAME_NAME);
  g_assert_cmpint (find_pair (pairs, "Gareth Evans", "Gary Evans")->reasons, ==, CV_DUPLICATE_SAME_EMAIL);
  g_assert_cmpint (find_pair (pairs, "Nia Roberts", "N. Roberts")->reasons, ==, CV_DUPLICATE_SAME_PHONE);
  g_assert_cmpint (find_pair (pairs, "Jon Smith", "John Smith")->reasons, ==, CV_DUPLICATE_SIMILAR_NAME_ORG);
  /* Two reasons come first, and the reasons are said. */
  pair = g_ptr_array_index (pairs, 0);
  g_assert_cmpstr (pair->first_name, ==, "Ffion Bowen");
  g_assert_cmpint (pair->reasons, ==, CV_DUPLICATE_SAME_EMAIL | CV_DUPLICATE_SAME_NAME);
  {
    g_autofree char *why = cv_duplicate_reason_text (pair->reasons);
    g_assert_cmpstr (why, ==, "Same email · same name");
  }
  /* Exactly the seeded pairs: none among the distinct names or the callers. */
  for (guint i = 0; i < pairs->len; i++)
    g_test_message ("pair: %s / %s", ((CvDuplicatePair *)g_ptr_array_index (pairs, i))->first_name,
                    ((CvDuplicatePair *)g_ptr_array_index (pairs, i))->second_name);
  g_assert_cmpuint (pairs->len, ==, 5);

  /* "Not the same person" is remembered. */
  g_assert_true (cv_duplicates_dismiss (f->store, find_pair (pairs, "Jon Smith", "John Smith")->second_id,
                                        find_pair (pairs, "Jon Smith", "John Smith")->first_id, &error));
  g_clear_pointer (&pairs, g_ptr_array_unref);
  pairs = cv_duplicates_find (cv_store_get_database (f->store), pid, NULL, NULL, NULL, &error);
  g_assert_cmpuint (pairs->len, ==, 4);
  g_assert_null (find_pair (pairs, "Jon Smith", "John Smith"));
}

/* Every row of every table a merge touches, as text, in a fixed order. */
static char *
dump_tables (CvStore *store)
{
  const char *tables[] = { "stakeholder", "stakeholder_tag", "attendance", "contribution", "action", "session",
                           "duplicate_dismissal" };
  GString *out = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      /* A stakeholder's num is the row's place in the file, not part of the record. */
      g_autofree char *sql = t == 0 ? g_strdup ("SELECT * FROM stakeholder ORDER BY id")
                                    : g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[t]);
      g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store), sql, NULL);
      sqlite3_stmt *stmt = cv_statement_get_stmt (st);

      g_string_append_printf (out, "[%s]\n", tables[t]);
      while (cv_statement_step (st, NULL) == CV_STEP_ROW)
        {
          for (int c = t == 0 ? 1 : 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", (const char *)sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static void
test_duplicates_merge (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *pid = cv_record_get_id (f->programme);
  const char *person = cv_record_get_id (f->person);
  const char *tags[] = { "carer", "volunteer", NULL };
  const char *ids[2] = { NULL, NULL };
  g_autoptr(CvRecord) twin = NULL;
  g_autoptr(CvRecord) second_session = NULL;
  g_autoptr(CvRecord) contribution = NULL;
  g_autoptr(CvRecord) action = NULL;
  g_autoptr(CvRecord) kept = NULL;
  g_autoptr(CvRecord) third = NULL;
  g_autoptr(CvMerge) merge = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  CvAttendanceCounts counts;

  /* The same person entered again, linked to a record of every kind. */
  twin = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", "Gwen Ap Rhys", "phone", "07700 900999",
              "role", "Carer and volunteer", "tags", tags, NULL);
  third = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", "Someone Else", NULL);
  second_session = add (f->store, CV_TYPE_SESSION, "programme-id", pid, "title", "Carers evening",
                        "facilitator-id", cv_record_get_id (twin), NULL);
  ids[0] = cv_record_get_id (twin);
  g_assert_true (cv_sessions_add_attendees (f->store, cv_record_get_id (f->session), ids, NULL, NULL, &error));
  g_assert_true (cv_sessions_add_attendees (f->store, cv_record_get_id (second_session), ids, NULL, NULL, &error));
  contribution = add (f->store, CV_TYPE_CONTRIBUTION, "programme-id", pid, "session-id",
                      cv_record_get_id (second_session), "text", "More evening sessions", "anonymous", FALSE,
                      "stakeholder-id", cv_record_get_id (twin), NULL);
  action = add (f->store, CV_TYPE_ACTION, "programme-id", pid, "title", "Book the library",
                "owner-id", cv_record_get_id (twin), NULL);
  g_assert_true (cv_duplicates_dismiss (f->store, cv_record_get_id (twin), cv_record_get_id (third), &error));
  g_assert_no_error (error);
  g_assert_true (cv_sessions_count_attendance (f->store, cv_record_get_id (f->session), &counts, &error));
  g_assert_cmpuint (counts.listed, ==, 3);

  before = dump_tables (f->store);

  /* Keep the first record with the twin's phone and role, and both tag lists. */
  kept = cv_store_load (f->store, CV_TYPE_STAKEHOLDER, person, &error);
  cv_record_set_string (kept, "phone", "07700 900999");
  cv_record_set_string (kept, "role", "Carer and volunteer");
  {
    const char *all_tags[] = { "carer", "Citizens Board", "volunteer", NULL };
    cv_record_set_list (kept, "tags", all_tags);
  }
  merge = cv_duplicates_merge (f->store, kept, cv_record_get_id (twin), &error);
  g_assert_no_error (error);
  g_assert_nonnull (merge);

  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM stakeholder WHERE id = ?1", cv_record_get_id (twin)),
                   ==, 0);
  /* One row at the session both were at, still "attended" and paid. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM attendance WHERE stakeholder_id = ?1", person), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM attendance WHERE stakeholder_id = ?1"
                              " AND status = 'attended' AND paid = 1", person), ==, 1);
  g_assert_true (cv_sessions_count_attendance (f->store, cv_record_get_id (f->session), &counts, &error));
  g_assert_cmpuint (counts.listed, ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM contribution WHERE stakeholder_id = ?1", person), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM action WHERE owner_id = ?1", person), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM session WHERE facilitator_id = ?1", person), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM stakeholder_tag WHERE stakeholder_id = ?1", person),
                   ==, 3);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM stakeholder WHERE id = ?1 AND phone = '07700 900999'",
                              person), ==, 1);

  /* Undo puts back both records and every link, timestamps and all. */
  g_assert_true (cv_duplicates_unmerge (f->store, merge, &error));
  g_assert_no_error (error);
  after_undo = dump_tables (f->store);
  g_assert_cmpstr (after_undo, ==, before);
}

/* Every row of every table in the file, the search index included, as text.
 * Rows of records (tables with an id) are listed with their rowid, in rowid
 * order: the rowid is their place in lists (who came to a session, in the
 * order they were added) and, for a stakeholder, their row in the search
 * index, so an undo must give it back.
 *
 * What is allowed to differ, and why: the rowid of a value list's row
 * (stakeholder_tag, stakeholder_consent_purpose, …, the tables without an id
 * column). Saving a record rewrites its lists, so every edit renews those
 * rowids and they mean nothing; what they carry, each owner's values in their
 * order, is compared (ordered by owner, then rowid). The search index's
 * internal b-tree tables (stakeholder_search_*) hold segments whose layout
 * depends on the history of writes, not on what is indexed; the index's
 * content is compared through the index itself, row by row. */
static char *
dump_everything (CvStore *store)
{
  CvDatabase *db = cv_store_get_database (store);
  g_autoptr(CvStatement) tables = cv_database_prepare (db,
                                                       "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                                       " AND name NOT LIKE 'sqlite_%'"
                                                       " AND name NOT LIKE 'stakeholder_search_%' ORDER BY name",
                                                       NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  while (cv_statement_step (tables, NULL) == CV_STEP_ROW)
    g_ptr_array_add (names, g_strdup (cv_statement_column_text (tables, 0)));
  g_assert_cmpuint (names->len, >, 20);

  for (guint t = 0; t < names->len; t++)
    {
      const char *table = g_ptr_array_index (names, t);
      g_autofree char *probe_sql = g_strdup_printf ("SELECT count(*) FROM pragma_table_info (?1)"
                                                    " WHERE name = 'id'");
      g_autoptr(CvStatement) probe = cv_database_prepare (db, probe_sql, NULL);
      gboolean is_record;
      g_autofree char *sql = NULL;
      g_autoptr(CvStatement) st = NULL;
      sqlite3_stmt *stmt;

      cv_statement_bind_text (probe, 1, table);
      g_assert_cmpint (cv_statement_step (probe, NULL), ==, CV_STEP_ROW);
      is_record = cv_statement_column_int64 (probe, 0) > 0 || g_str_equal (table, "stakeholder_search");
      sql = is_record ? g_strdup_printf ("SELECT rowid, * FROM \"%s\" ORDER BY rowid", table)
                      : g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, rowid", table);
      st = cv_database_prepare (db, sql, NULL);
      g_assert_nonnull (st);
      stmt = cv_statement_get_stmt (st);
      g_string_append_printf (out, "[%s]\n", table);
      while (cv_statement_step (st, NULL) == CV_STEP_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                                  ? "NULL" : (const char *)sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

/* Both people linked to a record of every kind, the kept one taking values
 * (consent among them) from the other: after Undo, every table is as it was. */
static void
test_duplicates_merge_undo_exact (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *pid = cv_record_get_id (f->programme);
  const char *person = cv_record_get_id (f->person);
  const char *twin_tags[] = { "volunteer", "carer", NULL };
  const char *purposes[] = { "invitations", NULL };
  const char *ids[2] = { NULL, NULL };
  g_autoptr(CvRecord) twin = NULL;
  g_autoptr(CvRecord) third = NULL;
  g_autoptr(CvRecord) fourth = NULL;
  g_autoptr(CvRecord) second_session = NULL;
  g_autoptr(CvRecord) contribution = NULL;
  g_autoptr(CvRecord) action = NULL;
  g_autoptr(CvRecord) kept = NULL;
  g_autoptr(CvMerge) merge = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *before = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *after_undo = NULL;

  twin = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", "Gwen Ap Rhys", "phone", "07700 900999",
              "organisation-id", cv_record_get_id (f->organisation), "role", "Carer and volunteer",
              "tags", twin_tags, "consent", TRUE, "consent-on", "2024-05-01", "consent-how", "written",
              "consent-purposes", purposes, "notes", "Entered again at the carers evening", NULL);
  /* Consent with a history: given, then reviewed. */
  g_assert_true (cv_consent_mark_reviewed (f->store, cv_record_get_id (twin), "2025-04-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM consent_event WHERE stakeholder_id = ?1",
                              cv_record_get_id (twin)), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM consent_event WHERE stakeholder_id = ?1", person),
                   ==, 1);
  third = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", "Someone Else", NULL);
  fourth = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", "Another One", NULL);
  second_session = add (f->store, CV_TYPE_SESSION, "programme-id", pid, "title", "Carers evening",
                        "starts-at", "2025-05-01T18:00:00Z", "status", "held",
                        "facilitator-id", cv_record_get_id (twin), NULL);
  /* Both at the quarterly meeting (the twin listed after Owen), the twin alone at the evening. */
  ids[0] = cv_record_get_id (twin);
  g_assert_true (cv_sessions_add_attendees (f->store, cv_record_get_id (f->session), ids, NULL, NULL, &error));
  g_assert_true (cv_sessions_add_attendees (f->store, cv_record_get_id (second_session), ids, NULL, NULL, &error));
  g_assert_no_error (error);
  rows = cv_store_list (f->store, CV_TYPE_ATTENDANCE, "stakeholder_id", cv_record_get_id (twin), &error);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      g_object_set (g_ptr_array_index (rows, i), "status", "attended", NULL);
      g_assert_true (cv_store_update (f->store, g_ptr_array_index (rows, i), &error));
    }
  contribution = add (f->store, CV_TYPE_CONTRIBUTION, "programme-id", pid, "session-id",
                      cv_record_get_id (second_session), "text", "More evening sessions", "anonymous", FALSE,
                      "stakeholder-id", cv_record_get_id (twin), NULL);
  action = add (f->store, CV_TYPE_ACTION, "programme-id", pid, "title", "Book the library",
                "owner-id", cv_record_get_id (twin), "session-id", cv_record_get_id (second_session), NULL);
  g_assert_true (cv_duplicates_dismiss (f->store, cv_record_get_id (twin), cv_record_get_id (third), &error));
  g_assert_true (cv_duplicates_dismiss (f->store, person, cv_record_get_id (fourth), &error));
  g_assert_true (cv_retention_keep (f->store, cv_record_get_id (twin), "Sits on the carers board", &error));
  g_assert_no_error (error);

  before = dump_everything (f->store);
  g_assert_nonnull (strstr (before, "Gwen Ap Rhys|"));
  g_assert_nonnull (strstr (before, "[stakeholder_search]"));

  /* Keep the first record with the twin's phone, role and consent. */
  kept = cv_store_load (f->store, CV_TYPE_STAKEHOLDER, person, &error);
  cv_record_set_string (kept, "phone", "07700 900999");
  cv_record_set_string (kept, "role", "Carer and volunteer");
  cv_record_set_string (kept, "consent_on", "2024-05-01");
  cv_record_set_string (kept, "consent_how", "written");
  cv_record_set_list (kept, "consent_purposes", purposes);
  {
    const char *all_tags[] = { "carer", "Citizens Board", "volunteer", NULL };
    cv_record_set_list (kept, "tags", all_tags);
  }
  merge = cv_duplicates_merge (f->store, kept, cv_record_get_id (twin), &error);
  g_assert_no_error (error);
  g_assert_nonnull (merge);
  merged = dump_everything (f->store);
  g_assert_cmpstr (merged, !=, before);
  /* The kept person has both histories and the change of consent the merge made. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM consent_event WHERE stakeholder_id = ?1", person),
                   ==, 4);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM retention_keep WHERE stakeholder_id = ?1", person),
                   ==, 1);

  g_assert_true (cv_duplicates_unmerge (f->store, merge, &error));
  g_assert_no_error (error);
  after_undo = dump_everything (f->store);
  g_assert_cmpstr (after_undo, ==, before);
  {
    g_autoptr(CvStatement) check = cv_database_prepare (cv_store_get_database (f->store),
                                                        "PRAGMA foreign_key_check", NULL);

    /* Nothing points at a record that is not there. */
    g_assert_cmpint (cv_statement_step (check, NULL), ==, CV_STEP_DONE);
  }
}

static void
test_duplicates_merge_organisations (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *pid = cv_record_get_id (f->programme);
  g_autoptr(CvRecord) twin = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "kind", "organisation",
                                  "name", "Riverside Care Agency Ltd", NULL);
  g_autoptr(CvRecord) member = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", "Tomos Ellis",
                                    "organisation-id", cv_record_get_id (twin), NULL);
  g_autoptr(CvRecord) kept = cv_store_load (f->store, CV_TYPE_STAKEHOLDER, cv_record_get_id (f->organisation), NULL);
  g_autoptr(CvMerge) merge = NULL;
  g_autofree char *before = dump_tables (f->store);
  g_autofree char *after_undo = NULL;

  /* A person and an organisation are never merged. */
  g_assert_null (cv_duplicates_merge (f->store, kept, cv_record_get_id (f->person), &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  after_undo = dump_tables (f->store);
  g_assert_cmpstr (after_undo, ==, before);
  g_clear_pointer (&after_undo, g_free);

  merge = cv_duplicates_merge (f->store, kept, cv_record_get_id (twin), &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM stakeholder WHERE organisation_id = ?1",
                              cv_record_get_id (f->organisation)), ==, 2);
  g_assert_true (cv_duplicates_unmerge (f->store, merge, &error));
  after_undo = dump_tables (f->store);
  g_assert_cmpstr (after_undo, ==, before);
}

/* Retention */

static CvRecord *
add_old (CvStore    *store,
         GType       type,
         const char *recorded_at,
         const char *first_property,
         ...)
{
  g_autoptr(GError) error = NULL;
  CvRecord *record = cv_record_new (type);
  g_autofree char *id = g_uuid_string_random ();
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (record), first_property, args);
  va_end (args);
  cv_record_set_id (record, id);
  cv_record_set_timestamps (record, recorded_at, recorded_at);
  g_assert_true (cv_store_write_unchecked (store, record, FALSE, &error));
  g_assert_no_error (error);
  return record;
}

static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *pid = cv_record_get_id (f->programme);
  g_autoptr(CvRecord) unseen = NULL;
  g_autoptr(CvRecord) seen_long_ago = NULL;
  g_autoptr(CvRecord) owns_action = NULL;
  g_autoptr(CvRecord) old_session = NULL;
  g_autoptr(CvRecord) attendance = NULL;
  g_autoptr(CvRecord) action = NULL;
  g_autoptr(GPtrArray) past = NULL;
  CvRetentionEntry *entry;

  unseen = add_old (f->store, CV_TYPE_STAKEHOLDER, "2019-05-01T09:00:00Z", "programme-id", pid,
                    "name", "Alun Unseen", NULL);
  seen_long_ago = add_old (f->store, CV_TYPE_STAKEHOLDER, "2019-05-01T09:00:00Z", "programme-id", pid,
                           "name", "Beca Seen", NULL);
  owns_action = add_old (f->store, CV_TYPE_STAKEHOLDER, "2019-05-01T09:00:00Z", "programme-id", pid,
                         "name", "Carys Owner", NULL);
  old_session = add_old (f->store, CV_TYPE_SESSION, "2020-01-01T09:00:00Z", "programme-id", pid,
                         "title", "Winter meeting", "starts-at", "2020-02-01T10:00:00Z", "status", "held", NULL);
  attendance = add_old (f->store, CV_TYPE_ATTENDANCE, "2020-01-01T09:00:00Z",
                        "session-id", cv_record_get_id (old_session),
                        "stakeholder-id", cv_record_get_id (seen_long_ago), "status", "attended", NULL);
  /* Named on an action changed this year: seen recently. */
  action = add (f->store, CV_TYPE_ACTION, "programme-id", pid, "title", "Ring round the carers",
                "owner-id", cv_record_get_id (owns_action), NULL);

  /* No limit: nobody is past it. */
  past = cv_retention_past (f->store, pid, "2026-12-02", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (past->len, ==, 0);
  g_clear_pointer (&past, g_ptr_array_unref);

  /* A limit out of range is refused; three years is stored. */
  g_assert_false (cv_retention_set_years (f->store, pid, 120, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (cv_retention_get_years (f->store, pid), ==, 0);
  g_assert_true (cv_retention_set_years (f->store, pid, 3, &error));
  g_assert_cmpuint (cv_retention_get_years (f->store, pid), ==, 3);

  past = cv_retention_past (f->store, pid, "2026-12-02", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (past->len, ==, 2);
  entry = g_ptr_array_index (past, 0);
  g_assert_cmpstr (entry->name, ==, "Alun Unseen");
  g_assert_cmpstr (entry->last_seen, ==, "2019-05-01T09:00:00Z");
  g_assert_null (entry->kept_reason);
  entry = g_ptr_array_index (past, 1);
  g_assert_cmpstr (entry->name, ==, "Beca Seen");
  g_assert_cmpstr (entry->last_seen, ==, "2020-02-01T10:00:00Z");

  /* Kept with a reason: still listed, with the reason; a blank reason is refused. */
  g_assert_false (cv_retention_keep (f->store, cv_record_get_id (unseen), "  ", &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cv_retention_keep (f->store, cv_record_get_id (unseen), "Safeguarding case open", &error));
  g_clear_pointer (&past, g_ptr_array_unref);
  past = cv_retention_past (f->store, pid, "2026-12-02", TRUE, &error);
  g_assert_cmpstr (((CvRetentionEntry *)g_ptr_array_index (past, 0))->kept_reason, ==, "Safeguarding case open");
  /* The list to review leaves them out until a whole period has passed
   * since they were kept. */
  g_clear_pointer (&past, g_ptr_array_unref);
  past = cv_retention_past (f->store, pid, "2026-12-02", FALSE, &error);
  g_assert_cmpuint (past->len, ==, 1);
  g_assert_cmpstr (((CvRetentionEntry *)g_ptr_array_index (past, 0))->name, ==, "Beca Seen");
  g_clear_pointer (&past, g_ptr_array_unref);
  /* Everyone is past it by then, Alun again among them. */
  past = cv_retention_past (f->store, pid, "2099-12-02", FALSE, &error);
  g_assert_cmpuint (past->len, ==, 5);
  g_assert_cmpstr (((CvRetentionEntry *)g_ptr_array_index (past, 0))->kept_reason, ==, "Safeguarding case open");

  /* Erasing is the other answer: they leave the list. */
  g_assert_true (cv_erasure_erase (f->store, cv_record_get_id (seen_long_ago), &error));
  g_clear_pointer (&past, g_ptr_array_unref);
  past = cv_retention_past (f->store, pid, "2026-12-02", TRUE, &error);
  g_assert_cmpuint (past->len, ==, 1);

  /* Back to no limit. */
  g_assert_true (cv_retention_set_years (f->store, pid, 0, &error));
  g_clear_pointer (&past, g_ptr_array_unref);
  past = cv_retention_past (f->store, pid, "2026-12-02", TRUE, &error);
  g_assert_cmpuint (past->len, ==, 0);
}

/* The names on the list past retention, in its order, and each one's last
 * sighting; and that the kept-up last sightings agree with working them out
 * afresh from the records. */
static char *
past_names (Fixture    *f,
            const char *today,
            gboolean    include_kept)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) past = cv_retention_past (f->store, cv_record_get_id (f->programme), today, include_kept,
                                                 &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < past->len; i++)
    {
      CvRetentionEntry *entry = g_ptr_array_index (past, i);
      g_string_append_printf (out, "%s%s@%.10s", i > 0 ? ", " : "", entry->name, entry->last_seen);
    }
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM stakeholder_seen_source v"
                              " LEFT JOIN stakeholder_seen t ON t.num = v.num WHERE t.seen_at IS NOT v.seen_at", NULL),
                   ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT (SELECT count(*) FROM stakeholder_seen)"
                              " - (SELECT count(*) FROM stakeholder)", NULL), ==, 0);
  return g_string_free (out, FALSE);
}

/* Who is past the period, as people and their records change: seen at a
 * session in the period, named on an action changed in it, kept with a
 * reason, only invited, never seen. */
static void
test_retention_last_seen (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *pid = cv_record_get_id (f->programme);
  const char *today = "2026-12-02";
  g_autoptr(CvRecord) alun = NULL, beca = NULL, carys = NULL, dafydd = NULL, eleri = NULL, club = NULL;
  g_autoptr(CvRecord) old_session = NULL, recent_session = NULL;
  g_autoptr(CvRecord) old_visit = NULL, recent_visit = NULL, invited = NULL, action = NULL;
  g_autofree char *names = NULL;

#define RECORDED "2019-05-01T09:00:00Z"
  alun = add_old (f->store, CV_TYPE_STAKEHOLDER, RECORDED, "programme-id", pid, "name", "Alun Never Seen", NULL);
  beca = add_old (f->store, CV_TYPE_STAKEHOLDER, RECORDED, "programme-id", pid, "name", "Beca At A Session", NULL);
  carys = add_old (f->store, CV_TYPE_STAKEHOLDER, RECORDED, "programme-id", pid, "name", "Carys On An Action", NULL);
  dafydd = add_old (f->store, CV_TYPE_STAKEHOLDER, RECORDED, "programme-id", pid, "name", "Dafydd Kept", NULL);
  eleri = add_old (f->store, CV_TYPE_STAKEHOLDER, RECORDED, "programme-id", pid, "name", "Eleri Only Invited", NULL);
  club = add_old (f->store, CV_TYPE_STAKEHOLDER, RECORDED, "programme-id", pid, "kind", "organisation",
                  "name", "Old Carers Club", NULL);
  old_session = add_old (f->store, CV_TYPE_SESSION, "2020-01-01T09:00:00Z", "programme-id", pid,
                         "title", "Winter meeting", "starts-at", "2020-02-01T10:00:00Z", "status", "held", NULL);
  recent_session = add_old (f->store, CV_TYPE_SESSION, "2025-01-01T09:00:00Z", "programme-id", pid,
                            "title", "Spring meeting", "starts-at", "2025-03-01T10:00:00Z", "status", "held", NULL);
  old_visit = add_old (f->store, CV_TYPE_ATTENDANCE, "2020-01-01T09:00:00Z", "session-id",
                       cv_record_get_id (old_session), "stakeholder-id", cv_record_get_id (beca),
                       "status", "attended", NULL);
  recent_visit = add_old (f->store, CV_TYPE_ATTENDANCE, "2025-01-01T09:00:00Z", "session-id",
                          cv_record_get_id (recent_session), "stakeholder-id", cv_record_get_id (beca),
                          "status", "attended", NULL);
  invited = add_old (f->store, CV_TYPE_ATTENDANCE, "2025-01-01T09:00:00Z", "session-id",
                     cv_record_get_id (recent_session), "stakeholder-id", cv_record_get_id (eleri),
                     "status", "invited", NULL);
  action = add_old (f->store, CV_TYPE_ACTION, "2024-06-01T09:00:00Z", "programme-id", pid,
                    "title", "Ring round the carers", "owner-id", cv_record_get_id (carys), NULL);
  g_assert_true (cv_retention_keep (f->store, cv_record_get_id (dafydd), "Complaint still open", &error));
  g_assert_true (cv_retention_set_years (f->store, pid, 3, &error));
  g_assert_no_error (error);

  names = past_names (f, today, FALSE);
  g_assert_cmpstr (names, ==, "Alun Never Seen@2019-05-01, Eleri Only Invited@2019-05-01");
  g_clear_pointer (&names, g_free);
  names = past_names (f, today, TRUE);
  g_assert_cmpstr (names, ==, "Alun Never Seen@2019-05-01, Dafydd Kept@2019-05-01, Eleri Only Invited@2019-05-01");
  g_clear_pointer (&names, g_free);
  /* Ten years on, everyone is, the people recorded today among them. */
  names = past_names (f, "2036-12-02", FALSE);
  g_assert_nonnull (strstr (names, "Beca At A Session@2025-03-01"));
  g_assert_nonnull (strstr (names, "Carys On An Action@2024-06-01"));
  g_assert_null (strstr (names, "Old Carers Club"));
  g_clear_pointer (&names, g_free);

  /* The spring meeting was in fact held before the period: Beca was last
   * seen then, and Eleri coming to it does not bring her into the period. */
  cv_record_set_string (recent_session, "starts_at", "2021-03-01T10:00:00Z");
  g_assert_true (cv_store_update (f->store, recent_session, &error));
  g_object_set (invited, "status", "attended", NULL);
  g_assert_true (cv_store_update (f->store, invited, &error));
  g_assert_no_error (error);
  names = past_names (f, today, FALSE);
  g_assert_cmpstr (names, ==, "Alun Never Seen@2019-05-01, Beca At A Session@2021-03-01, "
                              "Eleri Only Invited@2021-03-01");
  g_clear_pointer (&names, g_free);

  /* Beca's record of coming is removed: her last sighting goes back. */
  {
    g_autoptr(CvDeletion) gone = cv_store_delete (f->store, recent_visit, &error);

    g_assert_no_error (error);
    names = past_names (f, today, FALSE);
    g_assert_cmpstr (names, ==, "Alun Never Seen@2019-05-01, Beca At A Session@2020-02-01, "
                                "Eleri Only Invited@2021-03-01");
    g_clear_pointer (&names, g_free);
    /* And back with Undo. */
    g_assert_true (cv_store_restore (f->store, gone, &error));
    names = past_names (f, today, FALSE);
    g_assert_nonnull (strstr (names, "Beca At A Session@2021-03-01"));
    g_clear_pointer (&names, g_free);
  }

  /* The action passes from Carys to Alun, today: Alun is seen, Carys is not. */
  cv_record_set_string (action, "owner_id", cv_record_get_id (alun));
  g_assert_true (cv_store_update (f->store, action, &error));
  g_assert_no_error (error);
  names = past_names (f, today, FALSE);
  g_assert_cmpstr (names, ==, "Carys On An Action@2019-05-01, Beca At A Session@2021-03-01, "
                              "Eleri Only Invited@2021-03-01");
  g_clear_pointer (&names, g_free);

  /* Erased: gone from the list and from the last sightings. */
  g_assert_true (cv_erasure_erase (f->store, cv_record_get_id (carys), &error));
  g_assert_no_error (error);
  names = past_names (f, today, FALSE);
  g_assert_cmpstr (names, ==, "Beca At A Session@2021-03-01, Eleri Only Invited@2021-03-01");
#undef RECORDED
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
  ADD ("/personal/duplicates/find", test_duplicates_find);
  ADD ("/personal/duplicates/merge-undo", test_duplicates_merge);
  ADD ("/personal/duplicates/merge-undo-exact", test_duplicates_merge_undo_exact);
  ADD ("/personal/duplicates/merge-organisations", test_duplicates_merge_organisations);
  ADD ("/personal/retention", test_retention);
  ADD ("/personal/retention/last-seen", test_retention_last_seen);
#undef ADD

  return g_test_run ();
}
