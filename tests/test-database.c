/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cv-answer.h"
#include "cv-conversation.h"
#include "cv-error.h"
#include "cv-exchange.h"
#include "cv-guide.h"
#include "cv-guide-section.h"
#include "cv-programme.h"
#include "cv-prompt.h"
#include "cv-record-list.h"
#include "cv-attendance.h"
#include "cv-sessions.h"
#include "cv-stakeholder.h"
#include "cv-store.h"

static char *
temp_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "convene", name, NULL);
}

static int
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_create (void)
{
  g_autofree char *path = temp_path ("new.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CvDatabase) db = cv_database_open (path, &error);
  g_autoptr(CvStatement) st = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (cv_database_get_schema_version (db), ==, CV_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (mode_of (path), ==, 0600);
  g_assert_cmpint (mode_of (dir), ==, 0700);

  st = cv_database_prepare (db, "PRAGMA journal_mode", &error);
  g_assert_cmpint (cv_statement_step (st, &error), ==, CV_STEP_ROW);
  g_assert_cmpstr (cv_statement_column_text (st, 0), ==, "wal");
  g_clear_pointer (&st, cv_statement_release);

  st = cv_database_prepare (db, "PRAGMA foreign_keys", &error);
  g_assert_cmpint (cv_statement_step (st, &error), ==, CV_STEP_ROW);
  g_assert_cmpint (cv_statement_column_int64 (st, 0), ==, 1);
}

static void
test_default_path (void)
{
  g_autofree char *path = cv_database_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "convene", "convene.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_newer_refused (void)
{
  g_autofree char *path = temp_path ("newer.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(GError) error = NULL;
  CvDatabase *db;
  sqlite3 *handle;

  /* A file as a future Convene would leave it. */
  {
    g_autoptr(CvDatabase) current = cv_database_open (path, &error);
    g_assert_no_error (error);
    cv_database_exec (current, "CREATE TABLE future (x); PRAGMA user_version = 99;", &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  sqlite3_exec (handle, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (handle);

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  db = cv_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, CV_ERROR, CV_ERROR_NEWER_DATABASE);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_not_a_database (void)
{
  g_autofree char *path = temp_path ("notes.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(CvDatabase) db = NULL;
  g_autofree char *after = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  const char *text = "These are my meeting notes, not a database. They go on for a while......";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  db = cv_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, CV_ERROR, CV_ERROR_DATABASE);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
}

/* A programme as an older version stored it: today's record has fields
 * (consent purposes, their review period) that older tables lack. */
static void
insert_old_programme (CvDatabase *db,
                      CvRecord   *programme,
                      const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(CvStatement) st = cv_database_prepare (db,
    "INSERT INTO programme (id, created_at, updated_at, name, status)"
    " VALUES (?1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ?2, 'active')", &error);

  g_assert_no_error (error);
  cv_statement_bind_text (st, 1, id);
  cv_statement_bind_text (st, 2, name);
  g_assert_true (cv_statement_run (st, &error));
  cv_record_set_id (programme, id);
  cv_record_set_string (programme, "name", name);
}

static void
test_migrate_with_backup (void)
{
  g_autofree char *path = temp_path ("old.db");
  g_autofree char *backup = g_strconcat (path, ".bak-v1", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) programme = cv_record_new (CV_TYPE_PROGRAMME);
  g_autoptr(CvRecord) person = cv_record_new (CV_TYPE_STAKEHOLDER);

  /* Version 1 had no search index. */
  {
    g_autoptr(CvDatabase) old = cv_database_open_at_version (path, 1, &error);
    g_autoptr(CvStore) store = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (cv_database_get_schema_version (old), ==, 1);
    store = cv_store_new (old);
    insert_old_programme (old, programme, "Vanguard");
    /* Written as version 1 wrote people: today's record has fields it lacked. */
    {
      g_autoptr(CvStatement) st = cv_database_prepare (old,
        "INSERT INTO stakeholder (id, created_at, updated_at, programme_id, kind, name, sector, influence,"
        " interest, engagement)"
        " VALUES (?1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ?2, 'person', 'Gwen Morgan', 'other',"
        " 'low', 'low', 'inform')", &error);
      g_autofree char *id = g_uuid_string_random ();

      g_assert_no_error (error);
      cv_statement_bind_text (st, 1, id);
      cv_statement_bind_text (st, 2, cv_record_get_id (programme));
      g_assert_true (cv_statement_run (st, &error));
      cv_record_set_id (person, id);
    }
    g_assert_no_error (error);
  }
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  {
    g_autoptr(CvStore) store = cv_store_open (path, &error);
    g_autoptr(CvRecordList) list = NULL;
    g_autoptr(CvDatabase) copy = NULL;
    g_autoptr(CvStatement) st = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (cv_database_get_schema_version (cv_store_get_database (store)), ==, CV_DATABASE_SCHEMA_VERSION);

    /* The existing person is found through the index the migration built. */
    list = cv_record_list_new (store, CV_TYPE_STAKEHOLDER);
    cv_record_list_set_programme (list, cv_record_get_id (programme));
    cv_record_list_set_search (list, "gwe");
    g_assert_true (cv_record_list_refresh (list, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

    /* Nobody is named to partners until they say so. */
    {
      g_autoptr(CvRecord) gwen = cv_store_load (store, CV_TYPE_STAKEHOLDER, cv_record_get_id (person), &error);

      g_assert_no_error (error);
      g_assert_false (cv_record_get_boolean (gwen, "named_to_partners"));
    }

    /* The backup is private, at version 1, and holds the data. */
    g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
    g_assert_cmpint (mode_of (backup), ==, 0600);
  }

  {
    sqlite3 *handle;
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_open_v2 (backup, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT (SELECT user_version FROM pragma_user_version),"
                                         " (SELECT name FROM stakeholder)", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==, "Gwen Morgan");
    sqlite3_finalize (stmt);
    sqlite3_close (handle);
  }
}


/* Version 11 rebuilds the attendance table to allow "did not attend": a file
 * of version 10 keeps every row, in its order, with its index, and counts. */
static void
test_migrate_attendance (void)
{
  g_autofree char *path = temp_path ("attendance-v10.db");
  g_autoptr(GError) error = NULL;
  const char *programme_id = "7a1c1600-0000-4000-8000-000000000001";
  const char *session_id = "7a1c1600-0000-4000-8000-000000000002";
  const char *people[] = { "7a1c1600-0000-4000-8000-000000000013", "7a1c1600-0000-4000-8000-000000000011",
                           "7a1c1600-0000-4000-8000-000000000012" };
  const char *statuses[] = { "attended", "apologies", "invited" };

  {
    g_autoptr(CvDatabase) old = cv_database_open_at_version (path, 10, &error);
    g_autoptr(CvStatement) st = NULL;

    g_assert_no_error (error);
    g_assert_true (cv_database_exec (old,
      "INSERT INTO programme (id, created_at, updated_at, name) VALUES"
      " ('7a1c1600-0000-4000-8000-000000000001', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Vanguard');"
      "INSERT INTO session (id, created_at, updated_at, programme_id, title, kind, status) VALUES"
      " ('7a1c1600-0000-4000-8000-000000000002', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z',"
      "  '7a1c1600-0000-4000-8000-000000000001', 'Quarterly meeting', 'workshop', 'held');"
      "INSERT INTO session_erased_attendance (session_id, attended) VALUES"
      " ('7a1c1600-0000-4000-8000-000000000002', 2);", &error));
    g_assert_no_error (error);
    st = cv_database_prepare (old,
      "INSERT INTO stakeholder (id, created_at, updated_at, programme_id, kind, name, sector, influence,"
      " interest, engagement) VALUES (?1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ?2, 'person',"
      " ?1, 'other', 'low', 'low', 'inform')", &error);
    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (people); i++)
      {
        cv_statement_bind_text (st, 1, people[i]);
        cv_statement_bind_text (st, 2, programme_id);
        g_assert_true (cv_statement_run (st, &error));
        sqlite3_reset (cv_statement_get_stmt (st));
      }
    g_clear_pointer (&st, cv_statement_release);
    /* Listed in an order that is not the order of their ids. */
    st = cv_database_prepare (old,
      "INSERT INTO attendance (id, created_at, updated_at, session_id, stakeholder_id, status, role, paid)"
      " VALUES (?1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ?2, ?1, ?3, 'participant', ?4)", &error);
    for (guint i = 0; i < G_N_ELEMENTS (people); i++)
      {
        cv_statement_bind_text (st, 1, people[i]);
        cv_statement_bind_text (st, 2, session_id);
        cv_statement_bind_text (st, 3, statuses[i]);
        cv_statement_bind_int64 (st, 4, i == 0);
        g_assert_true (cv_statement_run (st, &error));
        sqlite3_reset (cv_statement_get_stmt (st));
      }
    g_clear_pointer (&st, cv_statement_release);
    /* Version 10 knows no "did not attend". */
    g_assert_false (cv_database_exec (old, "UPDATE attendance SET status = 'absent'", &error));
    g_assert_error (error, CV_ERROR, CV_ERROR_DATABASE);
    g_clear_error (&error);
  }

  {
    g_autoptr(CvStore) store = cv_store_open (path, &error);
    CvDatabase *db;
    g_autoptr(CvStatement) st = NULL;
    g_autoptr(CvRecord) gwen = NULL;
    CvAttendanceCounts counts;
    guint n = 0;

    g_assert_no_error (error);
    db = cv_store_get_database (store);
    g_assert_cmpint (cv_database_get_schema_version (db), ==, CV_DATABASE_SCHEMA_VERSION);

    /* Every row, in the order it was listed, as it was. */
    st = cv_database_prepare (db, "SELECT stakeholder_id, status, paid FROM attendance ORDER BY rowid", &error);
    while (cv_statement_step (st, &error) == CV_STEP_ROW)
      {
        g_assert_cmpuint (n, <, G_N_ELEMENTS (people));
        g_assert_cmpstr (cv_statement_column_text (st, 0), ==, people[n]);
        g_assert_cmpstr (cv_statement_column_text (st, 1), ==, statuses[n]);
        g_assert_cmpint (cv_statement_column_int64 (st, 2), ==, n == 0);
        n++;
      }
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (people));
    g_clear_pointer (&st, cv_statement_release);

    /* The index is still there, and the new one too. */
    st = cv_database_prepare (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'attendance'"
                                  " AND name IN ('attendance_stakeholder', 'attendance_session_status')", &error);
    g_assert_cmpint (cv_statement_step (st, &error), ==, CV_STEP_ROW);
    g_assert_cmpint (cv_statement_column_int64 (st, 0), ==, 2);
    g_clear_pointer (&st, cv_statement_release);

    /* "Did not attend" is stored and counted; erased people still count. */
    {
      g_autoptr(GPtrArray) rows = cv_store_list (store, CV_TYPE_ATTENDANCE, "stakeholder_id", people[2], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);
      gwen = g_object_ref (g_ptr_array_index (rows, 0));
    }
    cv_record_set_string (gwen, "status", "absent");
    g_assert_true (cv_store_update (store, gwen, &error));
    g_assert_no_error (error);
    g_assert_true (cv_sessions_count_attendance (store, session_id, &counts, &error));
    g_assert_cmpuint (counts.listed, ==, 5);
    g_assert_cmpuint (counts.attended, ==, 3);
    g_assert_cmpuint (counts.apologies, ==, 1);
    g_assert_cmpuint (counts.absent, ==, 1);
    g_assert_cmpuint (counts.invited, ==, 0);

    /* Foreign keys still hold: the session takes its attendance with it. */
    g_assert_true (cv_database_exec (db, "DELETE FROM session", &error));
    st = cv_database_prepare (db, "SELECT count(*) FROM attendance", &error);
    g_assert_cmpint (cv_statement_step (st, &error), ==, CV_STEP_ROW);
    g_assert_cmpint (cv_statement_column_int64 (st, 0), ==, 0);
  }
}

/* Answers stored before version 4 take their copy of the question (kind,
 * options, section, guidance, order) from their prompt, and still validate. */
static void
test_migrate_answers (void)
{
  g_autofree char *path = temp_path ("answers-v3.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) programme = cv_record_new (CV_TYPE_PROGRAMME);
  g_autoptr(CvRecord) guide = cv_record_new (CV_TYPE_GUIDE);
  g_autoptr(CvRecord) section = cv_record_new (CV_TYPE_GUIDE_SECTION);
  g_autoptr(CvRecord) prompt = cv_record_new (CV_TYPE_PROMPT);
  g_autoptr(CvRecord) conversation = cv_record_new (CV_TYPE_CONVERSATION);
  const char *options[] = { "At home", "In a hospice", "Not sure yet", NULL };
  const char *answer_id = "3f1c5a56-0c6e-4a53-9d2b-0c1f5b7d8e21";

  {
    g_autoptr(CvDatabase) old = cv_database_open_at_version (path, 3, &error);
    g_autoptr(CvStore) store = NULL;
    g_autoptr(CvStatement) st = NULL;

    g_assert_no_error (error);
    store = cv_store_new (old);
    insert_old_programme (old, programme, "Vanguard");
    cv_record_set_string (guide, "title", "Our guide");
    g_assert_true (cv_store_insert (store, guide, &error));
    g_object_set (section, "guide-id", cv_record_get_id (guide), "title", "Your wishes", "position", (gint64) 2, NULL);
    g_assert_true (cv_store_insert (store, section, &error));
    g_object_set (prompt, "section-id", cv_record_get_id (section), "question", "Where would you like to be cared for?",
                  "guidance", "A preference, not a promise.", "response-kind", "single_choice",
                  "options", options, "position", (gint64) 1, NULL);
    g_assert_true (cv_store_insert (store, prompt, &error));
    g_object_set (conversation, "programme-id", cv_record_get_id (programme), "guide-id", cv_record_get_id (guide),
                  "person-ref", "AB-1", "status", "draft", NULL);
    g_assert_true (cv_store_insert (store, conversation, &error));
    g_assert_no_error (error);

    /* As version 3 stored an answer: the question and the value only. */
    st = cv_database_prepare (old, "INSERT INTO answer (id, created_at, updated_at, conversation_id, prompt_id,"
                                   " question, value, skipped) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, 0)", &error);
    g_assert_no_error (error);
    cv_statement_bind_text (st, 1, answer_id);
    cv_statement_bind_text (st, 2, "2025-01-01T10:00:00Z");
    cv_statement_bind_text (st, 3, cv_record_get_id (conversation));
    cv_statement_bind_text (st, 4, cv_record_get_id (prompt));
    cv_statement_bind_text (st, 5, "Where would you like to be cared for?");
    cv_statement_bind_text (st, 6, "In a hospice");
    g_assert_true (cv_statement_run (st, &error));
  }

  {
    g_autoptr(CvStore) store = cv_store_open (path, &error);
    g_autoptr(CvRecord) answer = NULL;
    const char * const *copied;

    g_assert_no_error (error);
    answer = cv_store_load (store, CV_TYPE_ANSWER, answer_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cv_record_get_string (answer, "response_kind"), ==, "single_choice");
    g_assert_cmpstr (cv_record_get_string (answer, "section"), ==, "Your wishes");
    g_assert_cmpstr (cv_record_get_string (answer, "guidance"), ==, "A preference, not a promise.");
    g_assert_cmpint (cv_record_get_integer (answer, "position"), ==, 2001);
    copied = cv_record_get_list (answer, "options");
    g_assert_nonnull (copied);
    g_assert_cmpuint (g_strv_length ((char **) copied), ==, 3);
    g_assert_cmpstr (copied[0], ==, "At home");
    g_assert_cmpstr (copied[2], ==, "Not sure yet");
    g_assert_cmpstr (cv_record_get_string (answer, "value"), ==, "In a hospice");
    /* Still valid by its own kind, and checked by it. */
    g_assert_true (cv_store_validate (store, answer, &error));
    cv_record_set_string (answer, "value", "On the moon");
    g_assert_false (cv_store_validate (store, answer, &error));
    g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  }
}

static void
test_transactions_nest (void)
{
  g_autofree char *path = temp_path ("nest.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CvStore) store = cv_store_open (path, &error);
  CvDatabase *db = cv_store_get_database (store);
  g_autoptr(CvRecord) a = cv_record_new (CV_TYPE_PROGRAMME);
  g_autoptr(CvRecord) b = cv_record_new (CV_TYPE_PROGRAMME);

  /* An outer transaction that is rolled back takes inner writes with it. */
  g_assert_true (cv_database_begin (db, &error));
  cv_record_set_string (a, "name", "A");
  g_assert_true (cv_store_insert (store, a, &error));
  cv_record_set_string (b, "name", "a");   /* same name: refused, inner rollback only */
  g_assert_false (cv_store_insert (store, b, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (cv_store_count (store, CV_TYPE_PROGRAMME, "status", "active", NULL), ==, 1);
  cv_database_rollback (db);
  g_assert_cmpint (cv_store_count (store, CV_TYPE_PROGRAMME, "status", "active", NULL), ==, 0);
}


/* Everything a person can do with a database they may only read: open it,
 * list and export, and be told clearly that it cannot change. Runs in a child
 * that, under root, becomes "nobody" so that file modes apply. */
static void
check_read_only (const char *path,
                 const char *programme_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvStore) store = NULL;
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(CvRecord) another = cv_record_new (CV_TYPE_PROGRAMME);
  g_autofree char *out_dir = g_dir_make_tmp ("convene-ro-XXXXXX", &error);
  g_autofree char *out = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = cv_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cv_database_is_read_only (cv_store_get_database (store)));

  programmes = cv_store_list (store, CV_TYPE_PROGRAMME, "status", "active", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (programmes->len, ==, 1);

  for (CvExportKind kind = CV_EXPORT_PARTNER; kind <= CV_EXPORT_FULL; kind++)
    {
      g_autofree char *contents = NULL;

      out = g_build_filename (out_dir, kind == CV_EXPORT_FULL ? "full.json" : "partner.json", NULL);
      file = g_file_new_for_path (out);
      g_assert_true (cv_exchange_export_file (store, programme_id, kind, file, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
      g_assert_nonnull (strstr (contents, "Read-only check"));
      g_unlink (out);
      g_clear_pointer (&out, g_free);
      g_clear_object (&file);
    }
  g_rmdir (out_dir);

  cv_record_set_string (another, "name", "Not written");
  g_assert_false (cv_store_insert (store, another, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_read_only (void)
{
  const char *cases[] = { "file", "folder" };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("convene-db-XXXXXX", &error);
      g_autofree char *path = g_build_filename (dir, "ro.db", NULL);
      g_autofree char *programme_id = NULL;
      gboolean folder = g_str_equal (cases[c], "folder");
      int status;
      pid_t child;

      g_assert_no_error (error);
      {
        g_autoptr(CvStore) store = cv_store_open (path, &error);
        g_autoptr(CvRecord) programme = cv_record_new (CV_TYPE_PROGRAMME);

        g_assert_no_error (error);
        cv_record_set_string (programme, "name", "Read-only check");
        g_assert_true (cv_store_insert (store, programme, &error));
        programme_id = g_strdup (cv_record_get_id (programme));
      }

      if (getuid () == 0)
        {
          /* "nobody" may read the file; for "file", the folder is theirs. */
          g_assert_cmpint (g_chmod (path, 0644), ==, 0);
          g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
          if (!folder)
            g_assert_cmpint (chown (dir, 65534, 65534), ==, 0);
        }
      else
        {
          g_assert_cmpint (g_chmod (path, folder ? 0644 : 0444), ==, 0);
          g_assert_cmpint (g_chmod (dir, folder ? 0555 : 0755), ==, 0);
        }

      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          if (getuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
            _exit (3);
          check_read_only (path, programme_id);
          _exit (0);
        }
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      g_test_message ("read-only %s: child status %d", cases[c], status);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);

      g_chmod (dir, 0700);
      g_chmod (path, 0600);
    }
}

typedef struct
{
  const char *path;
  gboolean    ok;
  char       *message;
} Writer;

static gpointer
second_writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CvStore) store = cv_store_open (w->path, &error);
  g_autoptr(CvRecord) programme = cv_record_new (CV_TYPE_PROGRAMME);

  cv_record_set_string (programme, "name", "Second");
  w->ok = store != NULL && cv_store_insert (store, programme, &error);
  if (error != NULL)
    w->message = g_strdup (error->message);
  return NULL;
}

/* A second writer waits for the first, up to the busy timeout, instead of
 * giving up as soon as the first commits. */
static void
test_second_writer_waits (void)
{
  g_autofree char *path = temp_path ("busy.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CvStore) first = cv_store_open (path, &error);
  g_autoptr(CvRecord) programme = cv_record_new (CV_TYPE_PROGRAMME);
  g_autoptr(GPtrArray) all = NULL;
  Writer w = { path, FALSE, NULL };
  GThread *thread;

  g_assert_no_error (error);
  g_assert_true (cv_database_begin (cv_store_get_database (first), &error));
  cv_record_set_string (programme, "name", "First");
  g_assert_true (cv_store_insert (first, programme, &error));

  thread = g_thread_new ("second-writer", second_writer_thread, &w);
  /* Let the second writer start and wait on the lock the first holds. */
  g_usleep (300 * 1000);
  g_assert_true (cv_database_commit (cv_store_get_database (first), &error));
  g_thread_join (thread);

  g_assert_cmpstr (w.message, ==, NULL);
  g_assert_true (w.ok);
  all = cv_store_list (first, CV_TYPE_PROGRAMME, "status", "active", &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_free (w.message);
}

/* Runs this test program again as another process of Convene would use the
 * file: "open" opens and closes it, "count" prints how many programmes it
 * holds. */
static char *
run_other_process (const char *what,
                   const char *path)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self, "--other-process", what, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (self);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strstrip (g_steal_pointer (&out));
}

static int
other_process (const char *what,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvStore) store = cv_store_open (path, &error);
  g_autoptr(GPtrArray) all = NULL;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_str_equal (what, "count"))
    {
      all = cv_store_list (store, CV_TYPE_PROGRAMME, "status", "active", &error);
      if (all == NULL)
        return 1;
      g_print ("%u\n", all->len);
    }
  return 0;
}

/* What GTK's file chooser does to each file of a folder it shows: read its
 * start to guess its type and close it, which drops every lock the process
 * holds on that file. Another process of Convene opening and closing the
 * database must not then take the open window's -wal file away from it. */
static void
test_other_process_keeps_wal (void)
{
  g_autofree char *path = temp_path ("shared.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  const char *files[] = { path, wal, shm };
  g_autoptr(GError) error = NULL;
  g_autoptr(CvStore) store = cv_store_open (path, &error);
  g_autoptr(CvRecord) before = cv_record_new (CV_TYPE_PROGRAMME);
  g_autoptr(CvRecord) after = cv_record_new (CV_TYPE_PROGRAMME);
  g_autofree char *out = NULL;
  g_autofree char *count = NULL;

  g_assert_no_error (error);
  cv_record_set_string (before, "name", "Before");
  g_assert_true (cv_store_insert (store, before, &error));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      char head[16];
      int fd = g_open (files[i], O_RDONLY | O_CLOEXEC, 0);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (read (fd, head, sizeof head), >, 0);
      close (fd);
    }

  out = run_other_process ("open", path);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));

  cv_record_set_string (after, "name", "After");
  g_assert_true (cv_store_insert (store, after, &error));
  g_assert_no_error (error);
  count = run_other_process ("count", path);
  g_assert_cmpstr (count, ==, "2");
}

/* The last connection of the last process checkpoints as usual: the file
 * alone then holds everything, for a copy taken with a file manager. */
static void
test_last_process_checkpoints (void)
{
  g_autofree char *path = temp_path ("alone.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  CvStore *store = cv_store_open (path, &error);
  g_autoptr(CvStore) reader = NULL;
  g_autoptr(CvRecord) programme = cv_record_new (CV_TYPE_PROGRAMME);

  g_assert_no_error (error);
  cv_record_set_string (programme, "name", "Alone");
  g_assert_true (cv_store_insert (store, programme, &error));
  /* A second connection in the same process is not another process. */
  reader = cv_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&reader);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_clear_object (&store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--other-process"))
    return other_process (argv[2], argv[3]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/database/create", test_create);
  g_test_add_func ("/database/default-path", test_default_path);
  g_test_add_func ("/database/newer-refused", test_newer_refused);
  g_test_add_func ("/database/not-a-database", test_not_a_database);
  g_test_add_func ("/database/migrate-with-backup", test_migrate_with_backup);
  g_test_add_func ("/database/migrate-answers", test_migrate_answers);
  g_test_add_func ("/database/migrate-attendance", test_migrate_attendance);
  g_test_add_func ("/database/transactions-nest", test_transactions_nest);
  g_test_add_func ("/database/read-only", test_read_only);
  g_test_add_func ("/database/second-writer-waits", test_second_writer_waits);
  g_test_add_func ("/database/other-process-keeps-wal", test_other_process_keeps_wal);
  g_test_add_func ("/database/last-process-checkpoints", test_last_process_checkpoints);

  return g_test_run ();
}
