/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for spreadsheet import: any bytes are read, checked and,
 * if any row is valid, written and undone. Reading either succeeds or says
 * the file is bad; nothing may crash, leak or stay written after Undo.
 */
#include "config.h"

#include <stdint.h>

#include "cv-csv-export.h"
#include "cv-csv-import.h"
#include "cv-error.h"
#include "cv-programme.h"
#include "cv-stakeholder.h"

static CvStore *store;
static char *programme_id;

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvCsvImport) import = NULL;
  g_autoptr(CvCsvUndo) undo = NULL;

  if (store == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("convene-fuzz-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "convene.db", NULL);
      g_autoptr(CvRecord) programme = cv_record_new (CV_TYPE_PROGRAMME);

      store = cv_store_open (path, NULL);
      g_assert (store != NULL);
      cv_record_set_string (programme, "name", "Fuzzing");
      g_assert (cv_store_insert (store, programme, NULL));
      programme_id = g_strdup (cv_record_get_id (programme));
    }

  import = cv_csv_import_new (programme_id, (const char *)data, size, 0, &error);
  if (import == NULL)
    {
      g_assert (g_error_matches (error, CV_ERROR, CV_ERROR_BAD_FILE));
      return 0;
    }
  g_assert (cv_csv_import_check (import, store, NULL));
  undo = cv_csv_import_write (import, store, CV_CSV_WRITE_VALID_ROWS | CV_CSV_WRITE_MERGE, NULL, NULL, NULL, &error);
  if (undo == NULL)
    {
      g_assert (g_error_matches (error, CV_ERROR, CV_ERROR_INVALID));
      return 0;
    }
  g_assert (cv_csv_undo_apply (store, undo, NULL));
  g_assert (cv_store_count (store, CV_TYPE_STAKEHOLDER, "programme_id", programme_id, NULL) == 0);
  return 0;
}
