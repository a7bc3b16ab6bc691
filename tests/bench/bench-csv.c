/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How long a spreadsheet of stakeholders takes: reading and checking it for
 * the preview, and writing it. Prints figures; judges nothing.
 *
 *   _build/tests/bench/bench-csv [ROWS]      (10,000 rows unless told)
 *
 * Targets: the preview of 10,000 rows within 1 s, the import within 3 s.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#include "cv-csv-export.h"
#include "cv-csv-import.h"
#include "cv-programme.h"
#include "cv-stakeholder.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* CPU time used so far: on a shared, loaded machine the wall clock says
 * as much about the other programs as about this one. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  guint rows = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-csv-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(CvStore) store = NULL;
  g_autoptr(CvRecord) programme = cv_record_new (CV_TYPE_PROGRAMME);
  g_autoptr(GString) text = g_string_new ("\xef\xbb\xbf" "Full name,Company,E-mail,Telephone,Job title,Sector,Tags,Notes\r\n");
  g_autoptr(CvCsvImport) import = NULL;
  g_autoptr(CvCsvUndo) undo = NULL;
  g_autoptr(GString) csv = NULL;
  gint64 start;
  double preview, write, export;
  double preview_cpu, write_cpu, cpu;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.sqlite", NULL);
  store = cv_store_open (path, &error);
  g_assert_no_error (error);
  cv_record_set_string (programme, "name", "Benchmark");
  cv_store_insert (store, programme, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (text, "Siân Évans %u,Trust %u,person%u@example.org,01632 %06u,Officer,NHS,"
                            "\"carer, board\",\"Met at the fair;\r\nfollow up\"\r\n", i, i % 200, i, i);

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  import = cv_csv_import_new (cv_record_get_id (programme), text->str, text->len, 0, &error);
  g_assert_no_error (error);
  cv_csv_import_check (import, store, &error);
  g_assert_no_error (error);
  preview = seconds_since (start);
  preview_cpu = cpu_seconds () - cpu;

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  undo = cv_csv_import_write (import, store, CV_CSV_WRITE_ALL_OR_NOTHING, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  write = seconds_since (start);
  write_cpu = cpu_seconds () - cpu;

  start = g_get_monotonic_time ();
  csv = cv_csv_export_programme (store, cv_record_get_id (programme), CV_CSV_STAKEHOLDERS, FALSE, &error);
  g_assert_no_error (error);
  export = seconds_since (start);

  g_print ("%u rows (%zu bytes): preview (read, map, check) %.3f s (CPU %.3f s); "
           "import (check again, write) %.3f s (CPU %.3f s); export %.3f s\n",
           rows, text->len, preview, preview_cpu, write, write_cpu, export);

  g_clear_object (&store);
  g_remove (path);
  g_rmdir (dir);
  return 0;
}
