/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Consent with a purpose and a review date: review dates from the programme,
 * history, withdrawal, lapsed consent left out of contact lists, the
 * due-for-review list, exports, the upgrade of a version 10 file; and
 * erasing someone twice. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cv-consent.h"
#include "cv-consent-event.h"
#include "cv-csv-export.h"
#include "cv-erasure.h"
#include "cv-error.h"
#include "cv-exchange.h"
#include "cv-programme.h"
#include "cv-record-list.h"
#include "cv-stakeholder.h"
#include "cv-store.h"

typedef struct
{
  char     *dir;
  char     *path;
  CvStore  *store;
  CvRecord *programme;
} Fixture;

static CvRecord *
add_person (Fixture    *f,
            const char *name,
            const char *first_property,
            ...)
{
  g_autoptr(GError) error = NULL;
  CvRecord *record = cv_record_new (CV_TYPE_STAKEHOLDER);
  va_list args;

  g_object_set (record, "programme-id", cv_record_get_id (f->programme), "kind", "person", "name", name, NULL);
  if (first_property != NULL)
    {
      va_start (args, first_property);
      g_object_set_valist (G_OBJECT (record), first_property, args);
      va_end (args);
    }
  g_assert_true (cv_store_insert (f->store, record, &error));
  g_assert_no_error (error);
  return record;
}

static CvRecord *
reload (Fixture  *f,
        CvRecord *record)
{
  g_autoptr(GError) error = NULL;
  CvRecord *again = cv_store_load (f->store, G_OBJECT_TYPE (record), cv_record_get_id (record), &error);

  g_assert_no_error (error);
  return again;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("convene-consent-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "convene.db", NULL);
  f->store = cv_store_open (f->path, &error);
  g_assert_no_error (error);
  f->programme = cv_record_new (CV_TYPE_PROGRAMME);
  cv_record_set_string (f->programme, "name", "Care at home");
  g_assert_true (cv_store_insert (f->store, f->programme, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->programme);
  g_clear_object (&f->store);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_review_dates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) ann = NULL;
  g_autoptr(CvRecord) leap = NULL;
  g_autoptr(CvRecord) bryn = NULL;
  g_autoptr(CvRecord) stored = NULL;
  g_autofree char *today = cv_consent_today ();
  g_autofree char *in_two_years = cv_consent_review_date (today, 2);
  const char * const *purposes = cv_record_get_list (f->programme, "consent_purposes");

  /* A new programme offers the default purposes and reviews after two years. */
  g_assert_nonnull (purposes);
  g_assert_cmpstrv (purposes, cv_consent_default_purposes ());
  g_assert_cmpint (cv_record_get_integer (f->programme, "consent_review_years"), ==, 2);
  g_assert_cmpstr (cv_consent_purpose_label ("newsletters"), ==, "Newsletters");
  g_assert_cmpstr (cv_consent_purpose_label ("Health walks"), ==, "Health walks");
  /* Written back as a person reads them, in any case: the built-in keys. */
  {
    g_autofree char *a = cv_consent_purpose_from_label ("  newsletters ");
    g_autofree char *b = cv_consent_purpose_from_label ("Being Named to Partners");
    g_autofree char *c = cv_consent_purpose_from_label (" Health walks");

    g_assert_cmpstr (a, ==, "newsletters");
    g_assert_cmpstr (b, ==, "named_to_partners");
    g_assert_cmpstr (c, ==, "Health walks");
  }

  ann = add_person (f, "Ann Hughes", "consent", TRUE, "consent-on", "2025-03-01", NULL);
  g_assert_cmpstr (cv_record_get_string (ann, "consent_review_on"), ==, "2027-03-01");
  /* Given without a date: given today, reviewed two years on. */
  bryn = add_person (f, "Bryn Pugh", "consent", TRUE, NULL);
  g_assert_cmpstr (cv_record_get_string (bryn, "consent_on"), ==, today);
  g_assert_cmpstr (cv_record_get_string (bryn, "consent_review_on"), ==, in_two_years);

  /* The programme's own period, from the next consent given. */
  cv_record_set_integer (f->programme, "consent_review_years", 3);
  g_assert_true (cv_store_update (f->store, f->programme, &error));
  g_assert_cmpuint (cv_consent_review_years (f->store, cv_record_get_id (f->programme)), ==, 3);
  leap = add_person (f, "Leap Day", "consent", TRUE, "consent-on", "2024-02-29", NULL);
  g_assert_cmpstr (cv_record_get_string (leap, "consent_review_on"), ==, "2027-02-28");
  stored = reload (f, leap);
  g_assert_cmpstr (cv_record_get_string (stored, "consent_review_on"), ==, "2027-02-28");

  /* A period out of range is refused with a message, nothing written. */
  cv_record_set_integer (f->programme, "consent_review_years", 0);
  g_assert_false (cv_store_update (f->store, f->programme, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_assert_cmpuint (cv_consent_review_years (f->store, cv_record_get_id (f->programme)), ==, 3);
}

static void
test_history_and_withdrawal (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *contact[] = { "invitations", "newsletters", NULL };
  const char *fewer[] = { "invitations", NULL };
  g_autoptr(CvRecord) ceri = add_person (f, "Ceri Morgan", "consent", TRUE, "consent-on", "2025-05-01",
                                         "consent-how", "written", "consent-purposes", contact,
                                         "named-to-partners", TRUE, NULL);
  g_autoptr(CvRecord) after = NULL;
  g_autoptr(GPtrArray) history = NULL;
  CvRecord *event;

  /* What the consent covers changes: a review, dated today. */
  cv_record_set_list (ceri, "consent_purposes", fewer);
  g_assert_true (cv_store_update (f->store, ceri, &error));

  /* Withdrawal is one action, and dated. */
  g_assert_true (cv_consent_withdraw (f->store, cv_record_get_id (ceri), "2026-02-14", &error));
  g_assert_no_error (error);
  after = reload (f, ceri);
  g_assert_false (cv_record_get_boolean (after, "consent"));
  g_assert_cmpstr (cv_record_get_string (after, "consent_withdrawn_on"), ==, "2026-02-14");
  g_assert_null (cv_record_get_list (after, "consent_purposes"));
  g_assert_null (cv_record_get_string (after, "consent_review_on"));
  g_assert_false (cv_record_get_boolean (after, "named_to_partners"));
  g_assert_cmpint (cv_consent_state (after, "2026-03-01"), ==, CV_CONSENT_WITHDRAWN);
  g_assert_true (cv_consent_is_lapsed (after, "2026-03-01"));

  history = cv_consent_history (f->store, cv_record_get_id (ceri), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  event = g_ptr_array_index (history, 0);
  g_assert_cmpstr (cv_record_get_string (event, "kind"), ==, "given");
  g_assert_cmpstr (cv_record_get_string (event, "happened_on"), ==, "2025-05-01");
  g_assert_cmpstr (cv_record_get_string (event, "how"), ==, "written");
  g_assert_cmpstrv (cv_record_get_list (event, "purposes"), contact);
  g_assert_cmpstr (cv_record_get_string (event, "review_on"), ==, "2027-05-01");
  /* Withdrawn on the day said, with what it covered then. */
  event = g_ptr_array_index (history, 2);
  g_assert_cmpstr (cv_record_get_string (event, "kind"), ==, "withdrawn");
  g_assert_cmpstr (cv_record_get_string (event, "happened_on"), ==, "2026-02-14");
  g_assert_cmpstrv (cv_record_get_list (event, "purposes"), fewer);
  event = g_ptr_array_index (history, 1);
  g_assert_cmpstr (cv_record_get_string (event, "kind"), ==, "reviewed");

  /* Nothing left to withdraw or review: said so, nothing written. */
  g_assert_false (cv_consent_withdraw (f->store, cv_record_get_id (ceri), "2026-02-15", &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cv_consent_withdraw (f->store, cv_record_get_id (ceri), "14/02/2026", &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = cv_consent_history (f->store, cv_record_get_id (ceri), &error);
  g_assert_cmpuint (history->len, ==, 3);

  /* Given again: a new review date, the withdrawal date cleared. */
  cv_record_set_boolean (after, "consent", TRUE);
  cv_record_set_string (after, "consent_on", "2026-03-01");
  cv_record_set_list (after, "consent_purposes", contact);
  g_assert_true (cv_store_update (f->store, after, &error));
  g_assert_cmpstr (cv_record_get_string (after, "consent_review_on"), ==, "2028-03-01");
  g_assert_null (cv_record_get_string (after, "consent_withdrawn_on"));
  g_assert_true (cv_consent_covers (after, "newsletters", "2026-03-02"));

  /* Reviewed: the programme's period from the day of the review. */
  g_assert_true (cv_consent_mark_reviewed (f->store, cv_record_get_id (ceri), "2026-04-10", &error));
  g_clear_object (&after);
  after = reload (f, ceri);
  g_assert_cmpstr (cv_record_get_string (after, "consent_review_on"), ==, "2028-04-10");
  g_clear_pointer (&history, g_ptr_array_unref);
  history = cv_consent_history (f->store, cv_record_get_id (ceri), &error);
  g_assert_cmpuint (history->len, ==, 5);
}

static void
test_states (Fixture       *f,
             gconstpointer  data)
{
  const char *contact[] = { "invitations", NULL };
  g_autoptr(CvRecord) dai = add_person (f, "Dai Price", "consent", TRUE, "consent-on", "2024-06-01",
                                        "consent-purposes", contact, NULL);
  g_autoptr(CvRecord) eve = add_person (f, "Eve Rees", NULL);

  /* Review by 2026-06-01. */
  g_assert_cmpint (cv_consent_state (dai, "2026-01-01"), ==, CV_CONSENT_CURRENT);
  g_assert_cmpint (cv_consent_state (dai, "2026-05-15"), ==, CV_CONSENT_DUE);
  g_assert_cmpint (cv_consent_state (dai, "2026-06-01"), ==, CV_CONSENT_DUE);
  g_assert_cmpint (cv_consent_state (dai, "2026-06-02"), ==, CV_CONSENT_LAPSED);
  g_assert_true (cv_consent_covers (dai, "invitations", "2026-06-01"));
  g_assert_false (cv_consent_covers (dai, "invitations", "2026-06-02"));
  g_assert_false (cv_consent_covers (dai, "newsletters", "2026-01-01"));
  g_assert_cmpint (cv_consent_state (eve, "2026-01-01"), ==, CV_CONSENT_NONE);
  g_assert_false (cv_consent_is_lapsed (eve, "2026-01-01"));
}

static char *
contacts_of (Fixture    *f,
             const char *purpose,
             const char *today,
             guint      *left_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = cv_csv_export_contacts (f->store, cv_record_get_id (f->programme), purpose, today,
                                                   left_out, &error);

  g_assert_no_error (error);
  return g_strdup (csv->str);
}

static void
test_contact_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *both[] = { "invitations", "newsletters", NULL };
  const char *invitations[] = { "invitations", NULL };
  g_autoptr(CvRecord) current = add_person (f, "Current Carys", "email", "carys@example.org", "consent", TRUE,
                                            "consent-on", "2026-01-01", "consent-purposes", both, NULL);
  g_autoptr(CvRecord) lapsed = add_person (f, "Lapsed Llew", "email", "llew@example.org", "consent", TRUE,
                                           "consent-on", "2023-01-01", "consent-purposes", both, NULL);
  g_autoptr(CvRecord) withdrawn = add_person (f, "Withdrawn Wyn", "phone", "01632 960000", "consent", TRUE,
                                              "consent-on", "2026-01-01", "consent-purposes", both, NULL);
  g_autoptr(CvRecord) narrow = add_person (f, "Invited Ifan", "email", "ifan@example.org", "consent", TRUE,
                                           "consent-on", "2026-01-01", "consent-purposes", invitations, NULL);
  g_autoptr(CvRecord) never = add_person (f, "Never Nest", "email", "nest@example.org", NULL);
  g_autofree char *newsletter = NULL;
  g_autofree char *anyone = NULL;
  guint left_out = 0;

  g_assert_true (cv_consent_withdraw (f->store, cv_record_get_id (withdrawn), "2026-02-01", &error));

  newsletter = contacts_of (f, "newsletters", "2026-03-01", &left_out);
  g_assert_nonnull (strstr (newsletter, "\"Current Carys\""));
  g_assert_nonnull (strstr (newsletter, "carys@example.org"));
  g_assert_nonnull (strstr (newsletter, "Invitations; Newsletters"));
  g_assert_null (strstr (newsletter, "llew@example.org"));
  g_assert_null (strstr (newsletter, "Withdrawn Wyn"));
  g_assert_null (strstr (newsletter, "ifan@example.org"));
  g_assert_null (strstr (newsletter, "nest@example.org"));
  g_assert_cmpuint (left_out, ==, 4);

  /* Any purpose: Ifan too, never the lapsed, withdrawn or never asked. */
  anyone = contacts_of (f, NULL, "2026-03-01", &left_out);
  g_assert_nonnull (strstr (anyone, "ifan@example.org"));
  g_assert_nonnull (strstr (anyone, "carys@example.org"));
  g_assert_null (strstr (anyone, "llew@example.org"));
  g_assert_null (strstr (anyone, "01632 960000"));
  g_assert_null (strstr (anyone, "nest@example.org"));
  g_assert_cmpuint (left_out, ==, 3);
}

static void
test_due_for_review (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecordList) list = cv_record_list_new (f->store, CV_TYPE_STAKEHOLDER);
  g_autoptr(CvStatement) plan = NULL;
  g_autofree char *until = cv_consent_add_days ("2026-05-15", CV_CONSENT_DUE_DAYS);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autoptr(CvRecord) soon = add_person (f, "Soon Sioned", "consent", TRUE, "consent-on", "2024-06-01", NULL);
  g_autoptr(CvRecord) past = add_person (f, "Past Peredur", "consent", TRUE, "consent-on", "2023-01-01", NULL);
  g_autoptr(CvRecord) later = add_person (f, "Later Lowri", "consent", TRUE, "consent-on", "2026-01-01", NULL);
  g_autoptr(CvRecord) gone = add_person (f, "Gone Gethin", "consent", TRUE, "consent-on", "2023-01-01", NULL);
  g_autoptr(CvRecord) first = NULL;
  CvStep step;

  g_assert_true (cv_consent_withdraw (f->store, cv_record_get_id (gone), "2024-01-01", &error));
  g_assert_cmpint (cv_consent_count_due (f->store, cv_record_get_id (f->programme), "2026-05-15", &error), ==, 2);

  /* The register's "due for review": a range of an index, soonest first. */
  cv_record_list_set_programme (list, cv_record_get_id (f->programme));
  cv_record_list_set_filter (list, "consent", "1");
  cv_record_list_set_range (list, "consent_review_on", NULL, until);
  cv_record_list_set_sort (list, "consent_review_on", FALSE);
  g_assert_true (cv_record_list_refresh (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (cv_record_get_string (first, "name"), ==, "Past Peredur");

  plan = cv_database_prepare (cv_store_get_database (f->store),
                              "EXPLAIN QUERY PLAN SELECT t.rowid FROM stakeholder t WHERE t.programme_id = ?1"
                              " AND t.consent = ?2 AND t.consent_review_on < ?3"
                              " ORDER BY t.consent_review_on ASC, t.rowid ASC", &error);
  g_assert_no_error (error);
  while ((step = cv_statement_step (plan, &error)) == CV_STEP_ROW)
    g_string_append_printf (details, "%s\n", cv_statement_column_text (plan, 3));
  g_assert_cmpint (step, ==, CV_STEP_DONE);
  g_assert_nonnull (strstr (details->str, "stakeholder_consent_review"));
  g_assert_null (strstr (details->str, "TEMP B-TREE"));
}

static char *
export_json (Fixture      *f,
             CvExportKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_assert_true (cv_exchange_export_stream (f->store, cv_record_get_id (f->programme), kind,
                                            "2026-03-01T10:00:00Z", stream, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  g_output_stream_write (stream, "", 1, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_exports (Fixture       *f,
              gconstpointer  data)
{
  const char *named[] = { "invitations", "named_to_partners", NULL };
  g_autoptr(CvRecord) fflur = add_person (f, "Fflur Named", "consent", TRUE, "consent-on", "2026-01-01",
                                          "consent-how", "online", "consent-purposes", named,
                                          "named-to-partners", TRUE, NULL);
  g_autofree char *partner = export_json (f, CV_EXPORT_PARTNER);
  g_autofree char *full = export_json (f, CV_EXPORT_FULL);

  /* The partner learns the person's name, nothing of their consent. */
  g_assert_nonnull (strstr (partner, "Fflur Named"));
  for (const char * const *key = (const char * const[]) { "\"consent\":", "consent_on", "consent_how",
                                                           "consent_review_on", "consent_withdrawn_on",
                                                           "consent_events", NULL }; *key != NULL; key++)
    g_assert_null (strstr (partner, *key));
  g_assert_null (strstr (partner, "online"));
  g_assert_null (strstr (partner, "2028-01-01"));
  /* A full backup keeps it all, and the history. */
  g_assert_nonnull (strstr (full, "\"consent_purposes\""));
  g_assert_nonnull (strstr (full, "2028-01-01"));
  g_assert_nonnull (strstr (full, "\"consent_events\""));
  g_assert_nonnull (strstr (full, "\"given\""));
}

/* A file written before consent had purposes: the programme offers the
 * defaults, consent to be contacted covers invitations and newsletters and
 * is reviewed two years after it was given, and its giving is history. */
static void
test_old_file_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvStore) store = cv_store_open (":memory:", &error);
  const char *file =
    "{\"format\": \"convene-programme\", \"format_version\": 1, \"exported_at\": \"2025-06-01T10:00:00Z\","
    " \"export_kind\": \"full\","
    " \"programme\": {\"id\": \"7a1c1700-0000-4000-8000-000000000001\", \"created_at\": \"2025-01-01T10:00:00Z\","
    "   \"updated_at\": \"2025-01-01T10:00:00Z\", \"name\": \"Older\", \"status\": \"active\"},"
    " \"stakeholders\": ["
    "  {\"id\": \"7a1c1700-0000-4000-8000-000000000002\", \"created_at\": \"2025-01-01T10:00:00Z\","
    "   \"updated_at\": \"2025-01-01T10:00:00Z\", \"programme_id\": \"7a1c1700-0000-4000-8000-000000000001\","
    "   \"kind\": \"person\", \"name\": \"Gwyn Old\", \"sector\": \"citizen\", \"influence\": \"low\","
    "   \"interest\": \"low\", \"engagement\": \"inform\", \"consent\": true, \"consent_on\": \"2025-02-03\","
    "   \"named_to_partners\": true},"
    "  {\"id\": \"7a1c1700-0000-4000-8000-000000000003\", \"created_at\": \"2025-01-01T10:00:00Z\","
    "   \"updated_at\": \"2025-01-01T10:00:00Z\", \"programme_id\": \"7a1c1700-0000-4000-8000-000000000001\","
    "   \"kind\": \"person\", \"name\": \"Heledd No\", \"sector\": \"citizen\", \"influence\": \"low\","
    "   \"interest\": \"low\", \"engagement\": \"inform\", \"consent\": false}]}";
  g_autoptr(CvImportSummary) summary = NULL;
  g_autoptr(CvRecord) programme = NULL;
  g_autoptr(CvRecord) gwyn = NULL;
  g_autoptr(CvRecord) heledd = NULL;
  g_autoptr(GPtrArray) history = NULL;
  const char *expected[] = { "invitations", "newsletters", "named_to_partners", NULL };

  g_assert_no_error (error);
  summary = cv_exchange_import_data (store, file, strlen (file), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  programme = cv_store_load (store, CV_TYPE_PROGRAMME, "7a1c1700-0000-4000-8000-000000000001", &error);
  g_assert_cmpstrv (cv_record_get_list (programme, "consent_purposes"), cv_consent_default_purposes ());
  gwyn = cv_store_load (store, CV_TYPE_STAKEHOLDER, "7a1c1700-0000-4000-8000-000000000002", &error);
  g_assert_cmpstrv (cv_record_get_list (gwyn, "consent_purposes"), expected);
  g_assert_cmpstr (cv_record_get_string (gwyn, "consent_review_on"), ==, "2027-02-03");
  heledd = cv_store_load (store, CV_TYPE_STAKEHOLDER, "7a1c1700-0000-4000-8000-000000000003", &error);
  g_assert_null (cv_record_get_list (heledd, "consent_purposes"));
  g_assert_null (cv_record_get_string (heledd, "consent_review_on"));
  history = cv_consent_history (store, cv_record_get_id (gwyn), &error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (history, 0), "happened_on"), ==, "2025-02-03");

  /* Imported again: the same history, not a second line of it. */
  g_clear_pointer (&summary, cv_import_summary_free);
  summary = cv_exchange_import_data (store, file, strlen (file), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = cv_consent_history (store, cv_record_get_id (gwyn), &error);
  g_assert_cmpuint (history->len, ==, 1);
}

/* A version 10 file: consent to be contacted becomes consent for
 * invitations and newsletters, reviewed two years after it was given (now,
 * when nobody wrote down when), with its giving as its first history. */
static void
test_migrate_from_v10 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convene-v10-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "v10.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".bak-v10", NULL);
  g_autofree char *today = cv_consent_today ();
  const char *programme_id = "7a1c1800-0000-4000-8000-000000000001";

  {
    g_autoptr(CvDatabase) old = cv_database_open_at_version (path, 10, &error);

    g_assert_no_error (error);
    g_assert_true (cv_database_exec (old,
      "INSERT INTO programme (id, created_at, updated_at, name, status) VALUES"
      " ('7a1c1800-0000-4000-8000-000000000001', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 'Ten', 'active');"
      "INSERT INTO stakeholder (id, created_at, updated_at, programme_id, kind, name, sector, influence, interest,"
      " engagement, consent, consent_on, named_to_partners) VALUES"
      " ('7a1c1800-0000-4000-8000-000000000002', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z',"
      "  '7a1c1800-0000-4000-8000-000000000001', 'person', 'Dated Dilys', 'citizen', 'low', 'low', 'inform',"
      "  1, '2025-04-05', 1),"
      " ('7a1c1800-0000-4000-8000-000000000003', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z',"
      "  '7a1c1800-0000-4000-8000-000000000001', 'person', 'Undated Uned', 'citizen', 'low', 'low', 'inform',"
      "  1, NULL, 0),"
      " ('7a1c1800-0000-4000-8000-000000000004', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z',"
      "  '7a1c1800-0000-4000-8000-000000000001', 'person', 'Never Nerys', 'citizen', 'low', 'low', 'inform',"
      "  0, NULL, 0);", &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(CvStore) store = cv_store_open (path, &error);
    g_autoptr(CvRecord) programme = NULL;
    g_autoptr(CvRecord) dilys = NULL;
    g_autoptr(CvRecord) uned = NULL;
    g_autoptr(CvRecord) nerys = NULL;
    g_autoptr(GPtrArray) history = NULL;
    const char *dilys_purposes[] = { "invitations", "newsletters", "named_to_partners", NULL };
    const char *uned_purposes[] = { "invitations", "newsletters", NULL };

    g_assert_no_error (error);
    g_assert_cmpint (cv_database_get_schema_version (cv_store_get_database (store)), ==, CV_DATABASE_SCHEMA_VERSION);
    g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
    programme = cv_store_load (store, CV_TYPE_PROGRAMME, programme_id, &error);
    g_assert_cmpstrv (cv_record_get_list (programme, "consent_purposes"), cv_consent_default_purposes ());
    g_assert_cmpint (cv_record_get_integer (programme, "consent_review_years"), ==, 2);

    dilys = cv_store_load (store, CV_TYPE_STAKEHOLDER, "7a1c1800-0000-4000-8000-000000000002", &error);
    g_assert_cmpstrv (cv_record_get_list (dilys, "consent_purposes"), dilys_purposes);
    g_assert_cmpstr (cv_record_get_string (dilys, "consent_review_on"), ==, "2027-04-05");
    g_assert_cmpstr (cv_record_get_string (dilys, "consent_how"), ==, "not_recorded");
    uned = cv_store_load (store, CV_TYPE_STAKEHOLDER, "7a1c1800-0000-4000-8000-000000000003", &error);
    g_assert_cmpstrv (cv_record_get_list (uned, "consent_purposes"), uned_purposes);
    g_assert_cmpstr (cv_record_get_string (uned, "consent_review_on"), ==, today);
    nerys = cv_store_load (store, CV_TYPE_STAKEHOLDER, "7a1c1800-0000-4000-8000-000000000004", &error);
    g_assert_null (cv_record_get_list (nerys, "consent_purposes"));
    g_assert_null (cv_record_get_string (nerys, "consent_review_on"));

    history = cv_consent_history (store, cv_record_get_id (dilys), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 1);
    g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (history, 0), "kind"), ==, "given");
    g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (history, 0), "happened_on"), ==, "2025-04-05");
    g_assert_true (g_uuid_string_is_valid (cv_record_get_id (g_ptr_array_index (history, 0))));
    g_assert_cmpstrv (cv_record_get_list (g_ptr_array_index (history, 0), "purposes"), dilys_purposes);
    g_clear_pointer (&history, g_ptr_array_unref);
    history = cv_consent_history (store, cv_record_get_id (uned), &error);
    g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (history, 0), "happened_on"), ==, "2025-01-01");
  }
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_unlink (backup);
    g_rmdir (dir);
  }
}

/* Erasing an id already erased says so: it is not reported as done. */
static void
test_erase_twice (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) ifor = add_person (f, "Ifor Erased", "consent", TRUE, NULL);
  g_autofree char *id = g_strdup (cv_record_get_id (ifor));

  g_assert_true (cv_erasure_erase (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_false (cv_erasure_erase (f->store, id, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "already erased"));
  g_clear_error (&error);
  /* The consent history went with them. */
  g_assert_cmpint (cv_store_count (f->store, CV_TYPE_CONSENT_EVENT, "stakeholder_id", id, &error), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/consent/review-dates", test_review_dates);
  ADD ("/consent/history-and-withdrawal", test_history_and_withdrawal);
  ADD ("/consent/states", test_states);
  ADD ("/consent/contact-list", test_contact_list);
  ADD ("/consent/due-for-review", test_due_for_review);
  ADD ("/consent/exports", test_exports);
  ADD ("/consent/erase-twice", test_erase_twice);
#undef ADD
  g_test_add_func ("/consent/old-file-import", test_old_file_import);
  g_test_add_func ("/consent/migrate-from-v10", test_migrate_from_v10);

  return g_test_run ();
}
