/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How long looking after people's data takes on a county-sized database:
 * the duplicate scan, the list of people past retention, and erasing one
 * person. Prints figures; judges nothing. Erasing changes the file: run it
 * on a copy.
 *
 *   bench-personal DATABASE PROGRAMME-ID [TODAY] [--erase STAKEHOLDER-ID]
 *
 * Targets (issue 16): the scan within 10 s, an erasure within 1 s.
 */
#include "config.h"

#include <sys/resource.h>

#include "cv-duplicates.h"
#include "cv-erasure.h"
#include "cv-retention.h"

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  guint *n = user_data;

  (*n)++;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvStore) store = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) past = NULL;
  const char *today = argc > 3 && argv[3][0] != '-' ? argv[3] : "2026-12-02";
  const char *erase = argc > 4 && g_str_equal (argv[argc - 2], "--erase") ? argv[argc - 1] : NULL;
  guint n_progress = 0;
  gint64 start;
  double cpu;

  if (argc < 3)
    {
      g_printerr ("bench-personal DATABASE PROGRAMME-ID [TODAY] [--erase STAKEHOLDER-ID]\n");
      return 2;
    }
  store = cv_store_open (argv[1], &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  past = cv_retention_past (store, argv[2], today, FALSE, &error);
  g_assert_no_error (error);
  g_print ("past retention: %u people, %.2f s wall, %.2f s CPU\n", past->len,
           (g_get_monotonic_time () - start) / 1e6, cpu_seconds () - cpu);

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  pairs = cv_duplicates_find (cv_store_get_database (store), argv[2], progress_cb, &n_progress, NULL, &error);
  g_assert_no_error (error);
  g_print ("duplicate scan: %u pairs, %u progress reports, %.2f s wall, %.2f s CPU\n", pairs->len, n_progress,
           (g_get_monotonic_time () - start) / 1e6, cpu_seconds () - cpu);

  if (erase != NULL)
    {
      start = g_get_monotonic_time ();
      cpu = cpu_seconds ();
      g_assert_true (cv_erasure_erase (store, erase, &error));
      g_assert_no_error (error);
      g_print ("erasure: %.2f s wall, %.2f s CPU\n", (g_get_monotonic_time () - start) / 1e6, cpu_seconds () - cpu);
    }
  return 0;
}
