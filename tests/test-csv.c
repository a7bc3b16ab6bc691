/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cv-action.h"
#include "cv-attendance.h"
#include "cv-contribution.h"
#include "cv-csv.h"
#include "cv-csv-export.h"
#include "cv-csv-import.h"
#include "cv-error.h"
#include "cv-programme.h"
#include "cv-session.h"
#include "cv-stakeholder.h"
#include "cv-store.h"

typedef struct
{
  CvStore *store;
  char    *programme_id;
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

static char *
add_programme (CvStore    *store,
               const char *name)
{
  g_autoptr(CvRecord) programme = add (store, CV_TYPE_PROGRAMME, "name", name, NULL);

  return g_strdup (cv_record_get_id (programme));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "csv.sqlite", NULL);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  f->store = cv_store_open (path, &error);
  g_assert_no_error (error);
  f->programme_id = add_programme (f->store, "Spreadsheets");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->programme_id);
}

static gint64
count_stakeholders (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 n = cv_store_count (f->store, CV_TYPE_STAKEHOLDER, "programme_id", f->programme_id, &error);

  g_assert_no_error (error);
  return n;
}

static GBytes *
read_data (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static CvCsvImport *
open_import (Fixture    *f,
             GBytes     *bytes,
             GError    **error)
{
  g_autoptr(CvCsvImport) import = cv_csv_import_new (f->programme_id, g_bytes_get_data (bytes, NULL),
                                                     g_bytes_get_size (bytes), 0, error);

  if (import == NULL || !cv_csv_import_check (import, f->store, error))
    return NULL;
  return g_steal_pointer (&import);
}

static CvCsvUndo *
import_named (Fixture         *f,
              const char      *name,
              CvCsvWriteFlags  flags,
              GError         **error)
{
  g_autoptr(GBytes) bytes = read_data (name);
  g_autoptr(CvCsvImport) import = open_import (f, bytes, error);

  if (import == NULL)
    return NULL;
  return cv_csv_import_write (import, f->store, flags, NULL, NULL, NULL, error);
}

static char *
export_stakeholders (Fixture    *f,
                     const char *programme_id,
                     gboolean    partner)
{
  g_autoptr(GError) error = NULL;
  GString *csv = cv_csv_export_programme (f->store, programme_id, CV_CSV_STAKEHOLDERS, partner, &error);

  g_assert_no_error (error);
  return g_string_free (csv, FALSE);
}

static void
assert_problems (CvCsvImport        *import,
                 const char * const *expected)
{
  GPtrArray *problems = cv_csv_import_get_problems (import);

  for (guint i = 0; i < problems->len; i++)
    {
      g_assert_nonnull (expected[i]);
      g_assert_cmpstr (g_ptr_array_index (problems, i), ==, expected[i]);
    }
  g_assert_null (expected[problems->len]);
}

/* Each real-shaped file gives exactly the register it should, accents and all. */
static void
test_files (Fixture       *f,
            gconstpointer  data)
{
  static const char *files[][2] = {
    { "excel-utf8-bom.csv", "expected/excel-utf8-bom.csv" },
    { "windows-1252.csv", "expected/windows-1252.csv" },
    { "semicolon.csv", "expected/semicolon.csv" },
    { "tab.tsv", "expected/tab.csv" },
    { "embedded.csv", "expected/embedded.csv" },
    { "reordered.csv", "expected/reordered.csv" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *programme_id = add_programme (f->store, files[i][0]);
      g_autoptr(GBytes) bytes = read_data (files[i][0]);
      g_autoptr(GBytes) expected = read_data (files[i][1]);
      g_autoptr(CvCsvImport) import = cv_csv_import_new (programme_id, g_bytes_get_data (bytes, NULL),
                                                         g_bytes_get_size (bytes), 0, &error);
      g_autoptr(CvCsvUndo) undo = NULL;
      g_autoptr(GString) csv = NULL;

      g_test_message ("%s", files[i][0]);
      g_assert_no_error (error);
      cv_csv_import_check (import, f->store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (cv_csv_import_get_problems (import)->len, ==, 0);
      undo = cv_csv_import_write (import, f->store, CV_CSV_WRITE_ALL_OR_NOTHING, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      csv = cv_csv_export_programme (f->store, programme_id, CV_CSV_STAKEHOLDERS, FALSE, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (csv->str, ==, g_bytes_get_data (expected, NULL));
      g_assert_cmpuint (csv->len, ==, g_bytes_get_size (expected));
    }

  /* The encodings were found, and the accents are the right UTF-8 bytes. */
  {
    g_autoptr(GBytes) bytes = read_data ("windows-1252.csv");
    g_autoptr(CvCsvTable) table = cv_csv_table_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                     0, NULL);
    g_assert_cmpstr (cv_csv_table_get_encoding (table), ==, "WINDOWS-1252");
    g_assert_cmpstr (cv_csv_table_get_value (table, 0, 0), ==, "Ren\xc3\xa9 Dupr\xc3\xa9");
    g_assert_cmpstr (cv_csv_table_get_value (table, 0, 3), ==, "Budget \xc2\xa3" "250 for travel");
  }
}

static void
test_separators (void)
{
  g_assert_cmpint (cv_csv_detect_separator ("a,b,c\n1;2", 9), ==, ',');
  g_assert_cmpint (cv_csv_detect_separator ("a;b;\"c,d,e\"\n", 12), ==, ';');
  g_assert_cmpint (cv_csv_detect_separator ("a\tb\tc, d\n", 9), ==, '\t');
  g_assert_cmpint (cv_csv_detect_separator ("Name\n", 5), ==, ',');
}

static void
test_headings (void)
{
  static const struct { const char *heading; CvCsvTarget target; } cases[] = {
    { "Full name", CV_CSV_NAME }, { "CONTACT", CV_CSV_NAME }, { "Organization", CV_CSV_ORGANISATION },
    { "Company", CV_CSV_ORGANISATION }, { "E-mail", CV_CSV_EMAIL }, { "Email address", CV_CSV_EMAIL },
    { "Telephone", CV_CSV_PHONE }, { "Mobile", CV_CSV_PHONE }, { "Job title", CV_CSV_ROLE },
    { "Role", CV_CSV_ROLE }, { "Sector", CV_CSV_SECTOR }, { "Tags", CV_CSV_TAGS }, { "Notes", CV_CSV_NOTES },
    { "Surname", CV_CSV_LAST_NAME }, { "First name", CV_CSV_FIRST_NAME }, { " Kind ", CV_CSV_KIND },
    { "Engagement level", CV_CSV_ENGAGEMENT }, { "Favourite colour", CV_CSV_IGNORE }, { "", CV_CSV_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (cv_csv_target_for_heading (cases[i].heading), ==, cases[i].target);
}

/* Every problem by line and column, and nothing written unless asked for the valid rows. */
static void
test_problems (Fixture       *f,
               gconstpointer  data)
{
  static const char *expected[] = {
    "Line 3, Email: “jo@” is not an email address.",
    "Line 4, Name: a name is needed; this row has none.",
    "Line 5, Sector: “Pharma” is not one of: NHS, Primary care, Local authority, Social care provider, "
    "Voluntary and community, Citizen, patient or carer, Other.",
    "Line 6, Consent: “maybe” is neither yes nor no.",
    "Line 6, Consent given on: “2024-02-30” is not a date (write it as 2024-03-31 or 31/03/2024).",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_data ("problems.csv");
  g_autoptr(CvCsvImport) import = open_import (f, bytes, &error);
  g_autoptr(CvCsvUndo) undo = NULL;
  g_autoptr(GPtrArray) people = NULL;

  g_assert_no_error (error);
  assert_problems (import, expected);
  g_assert_cmpuint (cv_csv_import_get_n_valid (import), ==, 1);

  undo = cv_csv_import_write (import, f->store, CV_CSV_WRITE_ALL_OR_NOTHING, NULL, NULL, NULL, &error);
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "5 problems"));
  g_assert_null (undo);
  g_assert_cmpint (count_stakeholders (f), ==, 0);
  g_clear_error (&error);

  undo = cv_csv_import_write (import, f->store, CV_CSV_WRITE_VALID_ROWS, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  people = cv_store_list (f->store, CV_TYPE_STAKEHOLDER, "programme_id", f->programme_id, &error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (people, 0), "name"), ==, "Good Person");
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (people, 0), "consent_on"), ==, "2024-03-31");
  g_assert_true (cv_record_get_boolean (g_ptr_array_index (people, 0), "consent"));
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (people, 0), "sector"), ==, "nhs");
}

/* Line numbers count the lines of the file: blank lines and line breaks in cells too. */
static void
test_lines (Fixture       *f,
            gconstpointer  data)
{
  static const char *blank[] = { "Line 5, Email: “second@” is not an email address.", NULL };
  static const char *ragged[] = { "Line 3: this row has 4 values but the file has 3 headings.", NULL };
  static const char *broken[] = { "Line 5, Email: “x” is not an email address.", NULL };
  const char *text = "Name,Email,Notes\r\nA,a@example.org,\"one\r\ntwo\r\nthree\"\r\nB,x,\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) blank_bytes = read_data ("blank-line.csv");
  g_autoptr(GBytes) ragged_bytes = read_data ("ragged.csv");
  g_autoptr(GBytes) broken_bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(CvCsvImport) import = open_import (f, blank_bytes, &error);
  g_autoptr(CvCsvUndo) undo = NULL;

  g_assert_no_error (error);
  assert_problems (import, blank);
  g_assert_cmpuint (cv_csv_table_get_n_rows (cv_csv_import_get_table (import)), ==, 2);
  g_clear_pointer (&import, cv_csv_import_free);

  import = open_import (f, broken_bytes, &error);
  g_assert_no_error (error);
  assert_problems (import, broken);
  g_clear_pointer (&import, cv_csv_import_free);

  import = open_import (f, ragged_bytes, &error);
  g_assert_no_error (error);
  assert_problems (import, ragged);
  undo = cv_csv_import_write (import, f->store, CV_CSV_WRITE_VALID_ROWS, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_stakeholders (f), ==, 2);
}

static void
assert_bad (Fixture    *f,
            GBytes     *bytes,
            const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvCsvImport) import = cv_csv_import_new (f->programme_id, g_bytes_get_data (bytes, NULL),
                                                     g_bytes_get_size (bytes), 0, &error);

  g_assert_null (import);
  g_assert_error (error, CV_ERROR, CV_ERROR_BAD_FILE);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (count_stakeholders (f), ==, 0);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) empty = read_data ("empty.csv");
  g_autoptr(GBytes) heading_only = read_data ("heading-only.csv");
  g_autoptr(GBytes) binary = read_data ("binary.xlsx");
  g_autoptr(GString) huge = g_string_new ("Name,Email\n");
  g_autoptr(GBytes) too_many = NULL;

  assert_bad (f, empty, "The file is empty.");
  assert_bad (f, heading_only, "The file has headings but no rows: there is nobody to import.");
  assert_bad (f, binary, "This is not a spreadsheet saved as CSV: it holds binary data. "
                         "In your spreadsheet, choose “Save As” and the CSV format.");

  for (guint i = 0; i <= CV_CSV_MAX_ROWS; i++)
    g_string_append_printf (huge, "Person %u,p%u@example.org\n", i, i);
  too_many = g_string_free_to_bytes (g_steal_pointer (&huge));
  assert_bad (f, too_many, "The file has more than 100000 rows. Convene imports up to 100000 rows at a time: "
                           "split the file into smaller ones.");
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  guint64 *seen = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, seen[0]);
  seen[0] = done;
  seen[1] = total;
}

/* 2,000 rows, 20 organisations, one transaction. */
static void
test_many_rows (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Name,Organisation,Email,Tags\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CvCsvImport) import = NULL;
  g_autoptr(CvCsvUndo) undo = NULL;
  g_autoptr(CvRecord) last = NULL;
  g_autoptr(GPtrArray) found = NULL;
  guint64 progress[2] = { 0, 0 };

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "Siân Person %u,Trust %u,person%u@example.org,\"t%u, all\"\r\n",
                            i, i % 20, i, i % 3);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  import = open_import (f, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cv_csv_import_get_n_valid (import), ==, 2000);
  g_assert_cmpuint (cv_csv_import_get_n_new_organisations (import), ==, 20);
  undo = cv_csv_import_write (import, f->store, CV_CSV_WRITE_ALL_OR_NOTHING,
                              progress_cb, progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress[0], ==, progress[1]);
  g_assert_cmpuint (progress[1], >, 0);
  g_assert_cmpint (count_stakeholders (f), ==, 2020);
  found = cv_store_list (f->store, CV_TYPE_STAKEHOLDER, "email", "person1999@example.org", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (found, 0), "name"), ==, "Si\xc3\xa2n Person 1999");
  g_assert_cmpstr (cv_record_get_list (g_ptr_array_index (found, 0), "tags")[1], ==, "all");
}

/* Likely duplicates are shown, and skipped or merged, never doubled. */
static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  static const char *expected[] = {
    "Line 2: “Amira P.” is probably already in the register (the same email address).",
    "Line 3: “jo  BLOGGS” is probably already in the register (the same name and organisation).",
    "Line 5: “New Person” repeats line 4.",
    "Line 6: “acme housing” is probably already in the register (an organisation of that name).",
    NULL
  };
  const char *text =
    "Name,Organisation,Email,Phone,Tags,Kind\n"
    "Amira P.,,AMIRA@example.org,01632 960123,board,\n"
    "jo  BLOGGS,  Acme   Housing ,,,,\n"
    "New Person,,new@example.org,,,\n"
    "New Person,,new@example.org,,,\n"
    "acme housing,,,,,Organisation\n";
  const char *tags[] = { "carer", NULL };
  g_autoptr(CvRecord) acme = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", f->programme_id,
                                  "kind", "organisation", "name", "Acme Housing", NULL);
  g_autoptr(CvRecord) amira = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", f->programme_id,
                                   "name", "Amira Patel", "email", "amira@example.org", "tags", tags, NULL);
  g_autoptr(CvRecord) jo = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", f->programme_id,
                                "name", "Jo Bloggs", "organisation-id", cv_record_get_id (acme), NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(CvCsvImport) import = open_import (f, bytes, &error);
  g_autoptr(CvCsvUndo) undo = NULL;
  g_autoptr(CvRecord) merged = NULL;
  GPtrArray *duplicates;

  g_assert_no_error (error);
  duplicates = cv_csv_import_get_duplicates (import);
  for (guint i = 0; i < duplicates->len; i++)
    g_assert_cmpstr (g_ptr_array_index (duplicates, i), ==, expected[i]);
  g_assert_null (expected[duplicates->len]);

  /* Skipped: only the new person is added. */
  undo = cv_csv_import_write (import, f->store, CV_CSV_WRITE_ALL_OR_NOTHING, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_stakeholders (f), ==, 4);
  merged = cv_store_load (f->store, CV_TYPE_STAKEHOLDER, cv_record_get_id (amira), &error);
  g_assert_null (cv_record_get_string (merged, "phone"));
  g_clear_object (&merged);

  /* Merged: the register learns the phone and the tag; Undo takes both back. */
  g_assert_true (cv_csv_undo_apply (f->store, undo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&undo, cv_csv_undo_free);
  g_assert_cmpint (count_stakeholders (f), ==, 3);
  undo = cv_csv_import_write (import, f->store, CV_CSV_WRITE_MERGE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_stakeholders (f), ==, 4);
  merged = cv_store_load (f->store, CV_TYPE_STAKEHOLDER, cv_record_get_id (amira), &error);
  g_assert_cmpstr (cv_record_get_string (merged, "phone"), ==, "01632 960123");
  g_assert_cmpstr (cv_record_get_string (merged, "name"), ==, "Amira Patel");
  g_assert_cmpstr (cv_record_get_list (merged, "tags")[1], ==, "board");
  g_clear_object (&merged);

  g_assert_true (cv_csv_undo_apply (f->store, undo, &error));
  g_assert_no_error (error);
  merged = cv_store_load (f->store, CV_TYPE_STAKEHOLDER, cv_record_get_id (amira), &error);
  g_assert_null (cv_record_get_string (merged, "phone"));
  g_assert_cmpuint (g_strv_length ((GStrv)cv_record_get_list (merged, "tags")), ==, 1);
  g_assert_cmpstr (cv_record_get_updated_at (merged), ==, cv_record_get_updated_at (amira));
  g_assert_cmpint (count_stakeholders (f), ==, 3);
}

/* Undo takes a whole import back: people and the organisations it made. */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) kept = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", f->programme_id,
                                  "name", "Already Here", NULL);
  g_autoptr(CvCsvUndo) undo = import_named (f, "excel-utf8-bom.csv", CV_CSV_WRITE_ALL_OR_NOTHING, &error);
  g_autofree char *summary = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (count_stakeholders (f), ==, 1 + 3 + 2);
  summary = cv_csv_undo_describe (undo);
  g_assert_cmpstr (summary, ==, "3 people added, 2 organisations added.");
  g_assert_true (cv_csv_undo_apply (f->store, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_stakeholders (f), ==, 1);
}

/* Export, import into an empty programme, export again: the same file. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  const char *tags[] = { "carer", "Citizens’ board", NULL };
  g_autoptr(CvRecord) org = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", f->programme_id,
                                 "kind", "organisation", "name", "Ysbyty Gwynedd", "sector", "nhs",
                                 "email", "post@ysbyty.example", "engagement", "collaborate", NULL);
  g_autoptr(CvRecord) a = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", f->programme_id,
                               "name", "Siôn Ó Briain", "organisation-id", cv_record_get_id (org),
                               "role", "Porter, nights", "email", "sion@example.org", "phone", "+44 1632 960999",
                               "influence", "high", "interest", "low", "tags", tags, "consent", TRUE,
                               "consent-on", "2024-03-31", "notes", "Said \"no\";\nthen yes.", NULL);
  g_autoptr(CvRecord) b = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", f->programme_id,
                               "name", "Zoë", "sector", "citizen", NULL);
  g_autofree char *first = export_stakeholders (f, f->programme_id, FALSE);
  g_autofree char *other = add_programme (f->store, "Empty");
  g_autoptr(GError) error = NULL;
  g_autoptr(CvCsvImport) import = cv_csv_import_new (other, first, strlen (first), 0, &error);
  g_autoptr(CvCsvUndo) undo = NULL;
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  undo = cv_csv_import_write (import, f->store, CV_CSV_WRITE_ALL_OR_NOTHING, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  second = export_stakeholders (f, other, FALSE);
  g_assert_cmpstr (second, ==, first);
  g_assert_nonnull (strstr (first, "\"Citizen, patient or carer\""));
}

/* Columns can be read as another field, or not at all. */
static void
test_mapping (Fixture       *f,
              gconstpointer  data)
{
  const char *text = "Who,Email,Phone\nAnn,ann@example.org,01632 960000\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(CvCsvImport) import = open_import (f, bytes, &error);
  g_autoptr(CvCsvUndo) undo = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *stored = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (cv_csv_import_get_target (import, 0), ==, CV_CSV_IGNORE);
  g_assert_cmpuint (cv_csv_import_get_problems (import)->len, ==, 2);

  cv_csv_import_set_target (import, 0, CV_CSV_NAME);
  cv_csv_import_set_target (import, 2, CV_CSV_IGNORE);
  cv_csv_import_check (import, f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cv_csv_import_get_problems (import)->len, ==, 0);
  stored = cv_csv_import_get_stored (import, 0, CV_CSV_NAME);
  g_assert_cmpstr (stored, ==, "Ann");

  /* A field is read from one column: choosing it for another frees the first. */
  cv_csv_import_set_target (import, 2, CV_CSV_EMAIL);
  g_assert_cmpint (cv_csv_import_get_target (import, 1), ==, CV_CSV_IGNORE);
  cv_csv_import_set_target (import, 1, CV_CSV_EMAIL);
  g_assert_cmpint (cv_csv_import_get_target (import, 2), ==, CV_CSV_IGNORE);

  undo = cv_csv_import_write (import, f->store, CV_CSV_WRITE_ALL_OR_NOTHING, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  people = cv_store_list (f->store, CV_TYPE_STAKEHOLDER, "programme_id", f->programme_id, &error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_null (cv_record_get_string (g_ptr_array_index (people, 0), "phone"));
}

/* For partners: only people willing to be named are, and never with their
 * contact details or notes; nobody is named as having said something; words
 * from a session fewer than five attended do not say which session, and are
 * left out while fewer than five attended the smaller sessions all together
 * (the partner JSON's rule: a lone small session would point at its few). */
static void
test_partner (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CvRecord) org = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", f->programme_id,
                                 "kind", "organisation", "name", "Riverside Care",
                                 "email", "office@riverside.example", NULL);
  g_autoptr(CvRecord) amira = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", f->programme_id,
                                   "name", "Amira Patel", "email", "amira@example.org", "phone", "01632 960123",
                                   "notes", "Prefers mornings", NULL);
  g_autoptr(CvRecord) dai = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", f->programme_id,
                                 "name", "Dai Evans", "email", "dai@example.org", "named-to-partners", TRUE, NULL);
  g_autoptr(CvRecord) session = add (f->store, CV_TYPE_SESSION, "programme-id", f->programme_id,
                                     "title", "Listening event", "facilitator", "Bea Jones", NULL);
  g_autoptr(CvRecord) crowd = add (f->store, CV_TYPE_SESSION, "programme-id", f->programme_id,
                                   "title", "Town meeting", NULL);
  g_autoptr(CvRecord) came = add (f->store, CV_TYPE_ATTENDANCE, "session-id", cv_record_get_id (session),
                                  "stakeholder-id", cv_record_get_id (amira), "status", "attended", NULL);
  g_autoptr(CvRecord) came_too = add (f->store, CV_TYPE_ATTENDANCE, "session-id", cv_record_get_id (session),
                                      "stakeholder-id", cv_record_get_id (org), NULL);
  g_autoptr(CvRecord) came_named = add (f->store, CV_TYPE_ATTENDANCE, "session-id", cv_record_get_id (session),
                                        "stakeholder-id", cv_record_get_id (dai), "status", "attended", NULL);
  g_autoptr(CvRecord) said = add (f->store, CV_TYPE_CONTRIBUTION, "programme-id", f->programme_id,
                                  "session-id", cv_record_get_id (session), "text", "More buses",
                                  "anonymous", FALSE, "stakeholder-id", cv_record_get_id (amira), NULL);
  g_autoptr(CvRecord) said_aloud = add (f->store, CV_TYPE_CONTRIBUTION, "programme-id", f->programme_id,
                                        "session-id", cv_record_get_id (crowd), "text", "Later trains", NULL);
  const char *answers[] = { cv_record_get_id (said), NULL };
  g_autoptr(CvRecord) done = add (f->store, CV_TYPE_ACTION, "programme-id", f->programme_id,
                                  "title", "Extend the bus route", "answers", answers,
                                  "owner-id", cv_record_get_id (amira), NULL);
  g_autoptr(GError) error = NULL;
  struct { CvCsvList list; gboolean partner; const char *present; const char *absent; } cases[] = {
    { CV_CSV_STAKEHOLDERS, TRUE, "office@riverside.example", "Amira" },
    { CV_CSV_STAKEHOLDERS, TRUE, "Dai Evans", "dai@example.org" },
    { CV_CSV_STAKEHOLDERS, TRUE, "Riverside Care", "Prefers mornings" },
    { CV_CSV_STAKEHOLDERS, FALSE, "amira@example.org", "\"Programme\"" },
    { CV_CSV_STAKEHOLDERS, FALSE, "01632 960123", "Bea Jones" },
    { CV_CSV_ATTENDANCE, TRUE, "Riverside Care", "Amira" },
    { CV_CSV_ATTENDANCE, TRUE, "Dai Evans", "Amira" },
    { CV_CSV_ATTENDANCE, FALSE, "Amira Patel", "Spreadsheets" },
    { CV_CSV_CONTRIBUTIONS, TRUE, "Later trains", "More buses" },
    { CV_CSV_CONTRIBUTIONS, TRUE, "Later trains", "Listening event" },
    { CV_CSV_CONTRIBUTIONS, TRUE, "Later trains", "Said by" },
    { CV_CSV_CONTRIBUTIONS, FALSE, "\"Said by\"", "Bea Jones" },
    { CV_CSV_CONTRIBUTIONS, FALSE, "\"Listening event\",\"More buses\"", "smaller" },
    { CV_CSV_SESSIONS, TRUE, "Listening event", "Bea Jones" },
    { CV_CSV_SESSIONS, FALSE, "Bea Jones", "Amira" },
    { CV_CSV_ACTIONS, TRUE, "Extend the bus route", "More buses" },
    { CV_CSV_ACTIONS, TRUE, "\"Owner\"", "Amira" },
    { CV_CSV_ACTIONS, FALSE, "More buses", "Spreadsheets" },
    { CV_CSV_ACTIONS, FALSE, "Amira Patel", "Bea Jones" },
  };
  CvRecord *more[4] = { NULL, };

  /* Five at the town meeting: what was said there keeps its session. */
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      g_autofree char *name = g_strdup_printf ("Neighbour %u", i);
      g_autoptr(CvRecord) here = NULL;

      more[i] = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", f->programme_id, "name", name, NULL);
      here = add (f->store, CV_TYPE_ATTENDANCE, "session-id", cv_record_get_id (crowd),
                  "stakeholder-id", cv_record_get_id (more[i]), "status", "attended", NULL);
    }
  {
    g_autoptr(CvRecord) here = add (f->store, CV_TYPE_ATTENDANCE, "session-id", cv_record_get_id (crowd),
                                    "stakeholder-id", cv_record_get_id (dai), "status", "attended", NULL);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) csv = cv_csv_export_programme (f->store, f->programme_id, cases[i].list,
                                                        cases[i].partner, &error);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (csv->str, "\xef\xbb\xbf\""));
      g_assert_nonnull (strstr (csv->str, cases[i].present));
      g_assert_null (strstr (csv->str, cases[i].absent));
    }
  {
    g_autoptr(GString) csv = cv_csv_export_programme (f->store, f->programme_id, CV_CSV_CONTRIBUTIONS, TRUE, &error);
    g_assert_nonnull (strstr (csv->str, "\"Town meeting\",\"Later trains\""));
  }
  /* A second small session with three others: five attended the smaller
   * sessions together, so what was said at them travels, unnamed. */
  {
    g_autoptr(CvRecord) small_too = add (f->store, CV_TYPE_SESSION, "programme-id", f->programme_id,
                                         "title", "Coffee morning", NULL);
    g_autoptr(GString) csv = NULL;

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(CvRecord) here = add (f->store, CV_TYPE_ATTENDANCE, "session-id", cv_record_get_id (small_too),
                                        "stakeholder-id", cv_record_get_id (more[i]), "status", "attended", NULL);
      }
    csv = cv_csv_export_programme (f->store, f->programme_id, CV_CSV_CONTRIBUTIONS, TRUE, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (csv->str, "\"A smaller session\",\"More buses\""));
    g_assert_null (strstr (csv->str, "Listening event"));
  }
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    g_object_unref (more[i]);
}

static void
test_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "template.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *data = NULL;
  g_autoptr(CvCsvTable) table = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (cv_csv_write_template (file, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &data, NULL, &error);
  g_assert_cmpstr (data, ==, "\xef\xbb\xbf\"Name\",\"Kind\",\"Organisation\",\"Role\",\"Sector\",\"Email\","
                             "\"Phone\",\"Influence\",\"Interest\",\"Engagement level\",\"Tags\","
                             "\"Consent to be contacted\",\"Consent given on\",\"Willing to be named to partners\","
                             "\"Notes\"\r\n");
  /* Every heading of the template is read as its own field. */
  for (CvCsvTarget t = CV_CSV_NAME; t < CV_CSV_N_TARGETS; t++)
    g_assert_cmpint (cv_csv_target_for_heading (cv_csv_target_label (t)), ==, t);
}

/* Text a spreadsheet would run as a formula is written as text (after an
 * apostrophe); numbers, negative ones too, stay numbers. */
static void
test_formula_written_as_text (void)
{
  const char *values[] = { "=HYPERLINK(\"http://evil.example/\",\"Click\")", "+cmd|' /C calc'!A1", "@SUM(A1)",
                           "-5", "+3.5", "Priya Shah" };
  g_autoptr(GString) csv = g_string_new (NULL);

  cv_csv_append_row (csv, values, G_N_ELEMENTS (values));
  g_assert_cmpstr (csv->str, ==,
                   "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"Click\"\")\","
                   "\"'+cmd|' /C calc'!A1\",\"'@SUM(A1)\",\"-5\",\"+3.5\",\"Priya Shah\"\r\n");
}

/* The same limit as a full backup's import (test-exchange
 * /exchange/over-long-text): the store's, said by line and column. */
static void
test_over_long_name (Fixture       *f,
                     gconstpointer  data)
{
  static const char *expected[] = {
    "Line 2, Name: this is longer than the 1,000,000 bytes of text Convene accepts in one field.",
    "Line 3, Notes: this is longer than the 1,000,000 bytes of text Convene accepts in one field.",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (2000000, 'a');
  g_autofree char *text = g_strdup_printf ("Name,Email,Notes\n%s,long@example.org,\nShort Name,short@example.org,%s\n"
                                           "Fits,fits@example.org,\n", long_text, long_text);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(CvCsvImport) import = open_import (f, bytes, &error);
  g_autoptr(CvCsvUndo) undo = NULL;

  g_assert_no_error (error);
  assert_problems (import, expected);
  g_assert_cmpuint (cv_csv_import_get_n_valid (import), ==, 1);
  undo = cv_csv_import_write (import, f->store, CV_CSV_WRITE_ALL_OR_NOTHING, NULL, NULL, NULL, &error);
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_assert_null (undo);
  g_assert_cmpint (count_stakeholders (f), ==, 0);
  g_clear_error (&error);
  undo = cv_csv_import_write (import, f->store, CV_CSV_WRITE_VALID_ROWS, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_stakeholders (f), ==, 1);

  /* And the store itself refuses it, whoever asks. */
  {
    g_autoptr(CvRecord) record = cv_record_new (CV_TYPE_STAKEHOLDER);

    g_object_set (record, "programme-id", f->programme_id, "name", long_text, NULL);
    g_assert_false (cv_store_insert (f->store, record, &error));
    g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
    g_assert_cmpint (count_stakeholders (f), ==, 1);
  }
}

/* A quote opened on the last line and never closed is a mistake in the
 * file, not a value: a clear error naming the line, and nothing written. */
static void
test_unclosed_quote (Fixture       *f,
                     gconstpointer  data)
{
  const char *last_line = "Name,Email,Notes\nAmira Patel,amira@example.org,\nDai Evans,dai@example.org,\"Met at the fair\n";
  const char *spanning = "Name,Email,Notes\r\nAmira Patel,amira@example.org,\"one\r\ntwo\r\nDai Evans,dai@example.org,\r\n";
  const char *closed = "Name,Email,Notes\nAmira Patel,amira@example.org,\"Met at the fair\"\n";
  g_autoptr(GBytes) last_line_bytes = g_bytes_new_static (last_line, strlen (last_line));
  g_autoptr(GBytes) spanning_bytes = g_bytes_new_static (spanning, strlen (spanning));
  g_autoptr(GBytes) closed_bytes = g_bytes_new_static (closed, strlen (closed));
  g_autoptr(GError) error = NULL;
  g_autoptr(CvCsvImport) import = NULL;

  assert_bad (f, last_line_bytes, "Line 3: a value opens with a quotation mark (\") that is never closed, so the "
                                  "rest of the file would be read as part of it. Add the closing quotation mark "
                                  "and try again.");
  /* Opened on line 2, it would have swallowed Dai's line. */
  assert_bad (f, spanning_bytes, "Line 2: a value opens with a quotation mark (\") that is never closed, so the "
                                 "rest of the file would be read as part of it. Add the closing quotation mark "
                                 "and try again.");
  import = open_import (f, closed_bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cv_csv_import_get_n_valid (import), ==, 1);
}

/* Every column of the sessions list has its own heading, the one the
 * session's editor shows. */
static void
test_session_headings (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) bea = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", f->programme_id,
                                 "name", "Bea Jones", NULL);
  g_autoptr(CvRecord) session = add (f->store, CV_TYPE_SESSION, "programme-id", f->programme_id,
                                     "title", "Listening event", "facilitator", "Gareth from the council",
                                     "facilitator-id", cv_record_get_id (bea), NULL);
  g_autoptr(GString) csv = cv_csv_export_programme (f->store, f->programme_id, CV_CSV_SESSIONS, FALSE, &error);
  g_autoptr(CvCsvTable) table = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  g_assert_no_error (error);
  table = cv_csv_table_read (csv->str, csv->len, ',', &error);
  g_assert_no_error (error);
  n = cv_csv_table_get_n_columns (table);
  for (guint c = 0; c < n; c++)
    {
      const char *heading = cv_csv_table_get_heading (table, c);

      g_test_message ("heading %u: %s", c, heading);
      g_assert_true (g_hash_table_add (seen, (gpointer)heading));
      if (g_str_equal (heading, "Facilitator"))
        g_assert_cmpstr (cv_csv_table_get_value (table, 0, c), ==, "Gareth from the council");
      if (g_str_equal (heading, "Facilitator from the Register"))
        g_assert_cmpstr (cv_csv_table_get_value (table, 0, c), ==, "Bea Jones");
    }
  g_assert_true (g_hash_table_contains (seen, "Facilitator"));
  g_assert_true (g_hash_table_contains (seen, "Facilitator from the Register"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv/separators", test_separators);
  g_test_add_func ("/csv/formula-written-as-text", test_formula_written_as_text);
  g_test_add_func ("/csv/headings", test_headings);
  g_test_add_func ("/csv/template", test_template);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/csv/import/files", test_files);
  ADD ("/csv/import/problems", test_problems);
  ADD ("/csv/import/lines", test_lines);
  ADD ("/csv/import/bad-files", test_bad_files);
  ADD ("/csv/import/many-rows", test_many_rows);
  ADD ("/csv/import/duplicates", test_duplicates);
  ADD ("/csv/import/undo", test_undo);
  ADD ("/csv/import/mapping", test_mapping);
  ADD ("/csv/export/round-trip", test_round_trip);
  ADD ("/csv/export/partner", test_partner);
  ADD ("/csv/import/over-long-name", test_over_long_name);
  ADD ("/csv/import/unclosed-quote", test_unclosed_quote);
  ADD ("/csv/export/session-headings", test_session_headings);
#undef ADD
  return g_test_run ();
}
