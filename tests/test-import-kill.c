/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An import killed with SIGKILL half-way leaves the database exactly as it
 * was before the import, and sound.
 */
#include "config.h"

#include <gio/gio.h>
#include <signal.h>

#include "cv-kinds.h"
#include "cv-store.h"

static char *
run (GError **error,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  char *out = NULL;
  va_list args;
  const char *arg;

  va_start (args, error);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, error);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, error))
    return NULL;
  g_assert_true (g_subprocess_get_successful (process));
  return out;
}

/* Every id and timestamp of every table, and SQLite's own check. */
static char *
state_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvStore) store = cv_store_open (path, &error);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(CvStatement) check = NULL;
  guint n;
  const GType *types = cv_kinds_all (&n);

  g_assert_no_error (error);
  check = cv_database_prepare (cv_store_get_database (store), "PRAGMA integrity_check", &error);
  g_assert_cmpint (cv_statement_step (check, &error), ==, CV_STEP_ROW);
  g_assert_cmpstr (cv_statement_column_text (check, 0), ==, "ok");
  g_clear_pointer (&check, cv_statement_release);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      g_autofree char *sql = g_strdup_printf ("SELECT id, updated_at FROM %s ORDER BY id",
                                              CV_RECORD_CLASS (klass)->kind->table);
      g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store), sql, NULL);

      while (cv_statement_step (st, NULL) == CV_STEP_ROW)
        {
          g_checksum_update (sum, (const guchar *)cv_statement_column_text (st, 0), -1);
          g_checksum_update (sum, (const guchar *)cv_statement_column_text (st, 1), -1);
        }
    }
  return g_strdup (g_checksum_get_string (sum));
}

static void
test_kill_during_import (void)
{
  const char *convene = g_getenv ("CONVENE_BIN");
  const char *generate = g_getenv ("CONVENE_GENERATE_BIN");
  g_autofree char *dir = NULL;
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autofree char *file = NULL;
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-programme.json", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *programme = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GSubprocess) import = NULL;
  g_autoptr(GError) error = NULL;

  if (convene == NULL || generate == NULL)
    {
      g_test_skip ("CONVENE_BIN and CONVENE_GENERATE_BIN are not set");
      return;
    }

  dir = g_dir_make_tmp ("convene-kill-XXXXXX", &error);
  source = g_build_filename (dir, "source.db", NULL);
  target = g_build_filename (dir, "target.db", NULL);
  file = g_build_filename (dir, "programme.json", NULL);

  /* A programme large enough that its import takes seconds. */
  out = run (&error, generate, "--stakeholders", "20000", "--sessions", "2000", "--actions", "20000",
             "--conversations", "0", source, NULL);
  g_assert_no_error (error);
  g_clear_pointer (&out, g_free);
  listing = run (&error, convene, "--database", source, "--list-programmes", NULL);
  programme = g_strndup (listing, 36);
  out = run (&error, convene, "--database", source, "--export", programme, file, "--full", NULL);
  g_assert_no_error (error);
  g_clear_pointer (&out, g_free);

  /* The database it goes into already holds the sample programme. */
  out = run (&error, convene, "--database", target, "--import", sample, NULL);
  g_assert_no_error (error);
  before = state_of (target);

  import = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                             convene, "--database", target, "--import", file, NULL);
  g_assert_no_error (error);
  g_usleep (1500 * 1000);
  if (g_subprocess_get_identifier (import) == NULL)
    g_error ("The import finished before it could be killed: make the programme larger");
  g_subprocess_send_signal (import, SIGKILL);
  g_subprocess_wait (import, NULL, &error);
  g_assert_true (g_subprocess_get_if_signaled (import));
  g_assert_cmpint (g_subprocess_get_term_sig (import), ==, SIGKILL);

  after = state_of (target);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/exchange/kill-during-import", test_kill_during_import);
  return g_test_run ();
}
