/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for the importer: any bytes, into a database that already
 * holds a programme. The import must either succeed or refuse with a
 * CV_ERROR_BAD_FILE; it must never crash, leak or write half a file.
 */
#include "config.h"

#include <stdint.h>
#include <glib/gstdio.h>

#include "cv-error.h"
#include "cv-exchange.h"
#include "cv-programme.h"
#include "cv-store.h"

static CvStore *store;

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvImportSummary) summary = NULL;

  if (store == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("convene-fuzz-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "convene.db", NULL);
      g_autoptr(CvRecord) programme = cv_record_new (CV_TYPE_PROGRAMME);

      store = cv_store_open (path, NULL);
      g_assert (store != NULL);
      cv_record_set_string (programme, "name", "Fuzzing");
      g_assert (cv_store_insert (store, programme, NULL));
    }

  summary = cv_exchange_import_data (store, (const char *)data, size, NULL, NULL, NULL, &error);
  if (summary == NULL)
    g_assert (g_error_matches (error, CV_ERROR, CV_ERROR_BAD_FILE) ||
              g_error_matches (error, CV_ERROR, CV_ERROR_DATABASE));
  return 0;
}
