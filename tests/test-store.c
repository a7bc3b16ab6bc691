/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "cv-action.h"
#include "cv-answer.h"
#include "cv-attendance.h"
#include "cv-contribution.h"
#include "cv-conversation.h"
#include "cv-error.h"
#include "cv-guide.h"
#include "cv-guide-section.h"
#include "cv-measure.h"
#include "cv-measure-value.h"
#include "cv-programme.h"
#include "cv-prompt.h"
#include "cv-record-list.h"
#include "cv-session.h"
#include "cv-stakeholder.h"
#include "cv-kinds.h"
#include "cv-store.h"
#include "cv-theme.h"

/* One programme with a record of every kind, for tests to refer to. */
typedef struct
{
  char     *path;
  CvStore  *store;
  CvRecord *programme;
  CvRecord *other_programme;
  CvRecord *organisation;
  CvRecord *person;
  CvRecord *other_person;   /* in other_programme */
  CvRecord *session;
  CvRecord *theme;
  CvRecord *contribution;
  CvRecord *action;
  CvRecord *guide;
  CvRecord *section;
  CvRecord *prompt;
  CvRecord *conversation;
  CvRecord *measure;
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
count_rows (CvStore    *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store), sql, NULL);

  g_assert_nonnull (st);
  g_assert_cmpint (cv_statement_step (st, NULL), ==, CV_STEP_ROW);
  return cv_statement_column_int64 (st, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *themes[2] = { NULL, NULL };

  f->path = g_build_filename (g_get_user_data_dir (), "test", "convene.db", NULL);
  f->store = cv_store_open (f->path, &error);
  g_assert_no_error (error);

  f->programme = add (f->store, CV_TYPE_PROGRAMME, "name", "Home care collaborative", NULL);
  f->other_programme = add (f->store, CV_TYPE_PROGRAMME, "name", "End of life care", NULL);
  f->organisation = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", cv_record_get_id (f->programme),
                         "kind", "organisation", "name", "Riverside Care Agency", NULL);
  f->person = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", cv_record_get_id (f->programme),
                   "name", "Amira Patel", "organisation-id", cv_record_get_id (f->organisation),
                   "role", "Care coordinator", NULL);
  f->other_person = add (f->store, CV_TYPE_STAKEHOLDER,
                         "programme-id", cv_record_get_id (f->other_programme),
                         "name", "Owen Hughes", NULL);
  f->session = add (f->store, CV_TYPE_SESSION, "programme-id", cv_record_get_id (f->programme),
                    "title", "Quarterly meeting", "starts-at", "2018-03-01T10:00:00Z",
                    "ends-at", "2018-03-01T12:00:00Z", NULL);
  f->theme = add (f->store, CV_TYPE_THEME, "programme-id", cv_record_get_id (f->programme),
                  "name", "Financing", NULL);
  themes[0] = cv_record_get_id (f->theme);
  f->contribution = add (f->store, CV_TYPE_CONTRIBUTION, "programme-id", cv_record_get_id (f->programme),
                         "session-id", cv_record_get_id (f->session), "text", "Parking costs too much.",
                         "themes", themes, NULL);
  f->action = add (f->store, CV_TYPE_ACTION, "programme-id", cv_record_get_id (f->programme),
                   "title", "Discount scheme for care workers",
                   "owner-id", cv_record_get_id (f->person),
                   "session-id", cv_record_get_id (f->session), "themes", themes, NULL);
  f->guide = add (f->store, CV_TYPE_GUIDE, "title", "Getting home safely", NULL);
  f->section = add (f->store, CV_TYPE_GUIDE_SECTION, "guide-id", cv_record_get_id (f->guide),
                    "title", "Going home", NULL);
  f->prompt = add (f->store, CV_TYPE_PROMPT, "section-id", cv_record_get_id (f->section),
                   "question", "How do you feel about going home?", "response-kind", "scale", NULL);
  f->conversation = add (f->store, CV_TYPE_CONVERSATION,
                         "programme-id", cv_record_get_id (f->programme),
                         "guide-id", cv_record_get_id (f->guide), "person-ref", "AB-1234", NULL);
  f->measure = add (f->store, CV_TYPE_MEASURE, "programme-id", cv_record_get_id (f->programme),
                    "name", "Clients", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->programme);
  g_clear_object (&f->other_programme);
  g_clear_object (&f->organisation);
  g_clear_object (&f->person);
  g_clear_object (&f->other_person);
  g_clear_object (&f->session);
  g_clear_object (&f->theme);
  g_clear_object (&f->contribution);
  g_clear_object (&f->action);
  g_clear_object (&f->guide);
  g_clear_object (&f->section);
  g_clear_object (&f->prompt);
  g_clear_object (&f->conversation);
  g_clear_object (&f->measure);
  g_assert_finalize_object (f->store);
  g_clear_pointer (&f->path, g_free);
}

/* A stored record of the fixture that a reference field may name. */
static CvRecord *
fixture_target (Fixture       *f,
                const CvField *field)
{
  const char *t = field->target;

  if (g_str_equal (t, "programme")) return f->programme;
  if (g_str_equal (t, "stakeholder"))
    return field->target_kind != NULL ? f->organisation : f->person;
  if (g_str_equal (t, "session")) return f->session;
  if (g_str_equal (t, "theme")) return f->theme;
  if (g_str_equal (t, "contribution")) return f->contribution;
  if (g_str_equal (t, "action")) return f->action;
  if (g_str_equal (t, "guide")) return f->guide;
  if (g_str_equal (t, "guide_section")) return f->section;
  if (g_str_equal (t, "prompt")) return f->prompt;
  if (g_str_equal (t, "conversation")) return f->conversation;
  if (g_str_equal (t, "measure")) return f->measure;
  g_assert_not_reached ();
}

/* Sets every field of @record to a valid value that differs from its default. */
static void
fill_every_field (Fixture  *f,
                  CvRecord *record,
                  int       variant)
{
  const CvRecordKind *kind = cv_record_get_kind (record);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CvField *field = &kind->fields[i];
      g_autofree char *text = g_strdup_printf ("%s %d", field->name, variant);

      switch (field->type)
        {
        case CV_FIELD_STRING:
        case CV_FIELD_TEXT:
          cv_record_set_string (record, field->name, text);
          break;
        case CV_FIELD_EMAIL:
          cv_record_set_string (record, field->name, variant ? "b@example.org" : "a@example.org");
          break;
        case CV_FIELD_CHOICE:
          {
            guint n = 0;
            while (field->choices[n].nick != NULL)
              n++;
            cv_record_set_string (record, field->name, field->choices[n - 1 - variant % n].nick);
          }
          break;
        case CV_FIELD_BOOLEAN:
          cv_record_set_boolean (record, field->name, variant == 0);
          break;
        case CV_FIELD_INTEGER:
          cv_record_set_integer (record, field->name, 3 + variant);
          break;
        case CV_FIELD_NUMBER:
          cv_record_set_number (record, field->name, 2.5 + variant);
          break;
        case CV_FIELD_DATE:
          cv_record_set_string (record, field->name, variant ? "2024-03-01" : "2024-02-29");
          break;
        case CV_FIELD_DATE_TIME:
          cv_record_set_string (record, field->name,
                                variant ? "2024-03-02T09:30:00Z" : "2024-03-01T23:59:59Z");
          break;
        case CV_FIELD_REFERENCE:
          cv_record_set_string (record, field->name, cv_record_get_id (fixture_target (f, field)));
          break;
        case CV_FIELD_WORDS:
          {
            const char *words[] = { "carer", variant ? "seldom heard" : "Citizens Board", NULL };
            cv_record_set_list (record, field->name, words);
          }
          break;
        case CV_FIELD_REFERENCES:
          {
            const char *ids[] = { cv_record_get_id (fixture_target (f, field)), NULL };
            cv_record_set_list (record, field->name, variant ? NULL : ids);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* Rules across fields that the generic filling would break. */
  if (G_TYPE_CHECK_INSTANCE_TYPE (record, CV_TYPE_STAKEHOLDER))
    cv_record_set_string (record, "kind", "person");
  if (G_TYPE_CHECK_INSTANCE_TYPE (record, CV_TYPE_CONTRIBUTION))
    cv_record_set_boolean (record, "anonymous", FALSE);
  if (G_TYPE_CHECK_INSTANCE_TYPE (record, CV_TYPE_PROMPT))
    cv_record_set_string (record, "response_kind", "single_choice");
  if (G_TYPE_CHECK_INSTANCE_TYPE (record, CV_TYPE_ANSWER))
    {
      cv_record_set_boolean (record, "skipped", FALSE);
      cv_record_set_string (record, "response_kind", "scale");
      cv_record_set_string (record, "value", variant ? "7" : "10");
    }
  if (G_TYPE_CHECK_INSTANCE_TYPE (record, CV_TYPE_ACTION))
    cv_record_set_string (record, "status", variant ? "done" : "in_progress");
  if (G_TYPE_CHECK_INSTANCE_TYPE (record, CV_TYPE_GUIDE))
    {
      /* Only installed guides are built in; the store counts versions. */
      cv_record_set_boolean (record, "builtin", FALSE);
      cv_record_set_integer (record, "version", 1);
    }
  if (G_TYPE_CHECK_INSTANCE_TYPE (record, CV_TYPE_PROGRAMME) ||
      G_TYPE_CHECK_INSTANCE_TYPE (record, CV_TYPE_THEME) ||
      G_TYPE_CHECK_INSTANCE_TYPE (record, CV_TYPE_MEASURE))
    {
      g_autofree char *name = g_strdup_printf ("Unique name %d", variant);
      cv_record_set_string (record, "name", name);
    }
}

static void
assert_same_fields (CvRecord *a,
                    CvRecord *b)
{
  const CvRecordKind *kind = cv_record_get_kind (a);

  g_assert_cmpstr (cv_record_get_id (a), ==, cv_record_get_id (b));
  g_assert_cmpstr (cv_record_get_created_at (a), ==, cv_record_get_created_at (b));
  g_assert_cmpstr (cv_record_get_updated_at (a), ==, cv_record_get_updated_at (b));
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_auto(GValue) x = G_VALUE_INIT;
      g_auto(GValue) y = G_VALUE_INIT;
      g_autofree char *sx = NULL;
      g_autofree char *sy = NULL;

      g_value_init (&x, G_TYPE_STRING);
      g_value_init (&y, G_TYPE_STRING);
      if (G_VALUE_HOLDS (cv_record_get_value (a, i), G_TYPE_STRV))
        {
          const char * const *la = g_value_get_boxed (cv_record_get_value (a, i));
          const char * const *lb = g_value_get_boxed (cv_record_get_value (b, i));
          sx = la ? g_strjoinv ("|", (char **)la) : g_strdup ("");
          sy = lb ? g_strjoinv ("|", (char **)lb) : g_strdup ("");
        }
      else
        {
          g_value_transform (cv_record_get_value (a, i), &x);
          g_value_transform (cv_record_get_value (b, i), &y);
          sx = g_value_dup_string (&x);
          sy = g_value_dup_string (&y);
        }
      if (g_strcmp0 (sx, sy) != 0)
        g_error ("%s.%s: %s != %s", kind->table, kind->fields[i].name, sx, sy);
    }
}

/* Create, read back every field, update every field, delete: for every kind. */
static void
test_every_kind_round_trip (Fixture       *f,
                            gconstpointer  data)
{
  guint n_types;
  const GType *types = cv_kinds_all (&n_types);

  g_assert_cmpuint (n_types, ==, 17);
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CvRecord) record = cv_record_new (types[t]);
      g_autoptr(CvRecord) loaded = NULL;
      g_autoptr(CvRecord) updated = NULL;
      g_autoptr(CvDeletion) deletion = NULL;
      const char *table = cv_record_get_kind (record)->table;
      g_autofree char *id = NULL;

      g_test_message ("kind %s", table);
      fill_every_field (f, record, 0);
      cv_store_insert (f->store, record, &error);
      g_assert_no_error (error);
      g_assert_true (g_uuid_string_is_valid (cv_record_get_id (record)));
      g_assert_nonnull (cv_record_get_created_at (record));
      id = g_strdup (cv_record_get_id (record));

      loaded = cv_store_load (f->store, types[t], id, &error);
      g_assert_no_error (error);
      assert_same_fields (record, loaded);

      fill_every_field (f, loaded, 1);
      cv_store_update (f->store, loaded, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cv_record_get_updated_at (loaded), >=, cv_record_get_updated_at (record));
      updated = cv_store_load (f->store, types[t], id, &error);
      g_assert_no_error (error);
      assert_same_fields (loaded, updated);

      deletion = cv_store_delete (f->store, updated, &error);
      g_assert_no_error (error);
      g_assert_nonnull (deletion);
      g_clear_object (&loaded);
      loaded = cv_store_load (f->store, types[t], id, &error);
      g_assert_error (error, CV_ERROR, CV_ERROR_NOT_FOUND);
      g_assert_null (loaded);
      g_clear_error (&error);

      /* Undo brings back exactly what was there. */
      cv_store_restore (f->store, deletion, &error);
      g_assert_no_error (error);
      loaded = cv_store_load (f->store, types[t], id, &error);
      g_assert_no_error (error);
      assert_same_fields (updated, loaded);
      (void)table;
    }
}

typedef void (*Breaker) (Fixture *f, CvRecord *record);

typedef struct
{
  const char *name;
  GType     (*type) (void);
  Breaker     breaker;
  int         code;
  const char *message_part;
} Refusal;

static void break_empty_name (Fixture *f, CvRecord *r) { cv_record_set_string (r, "name", "   "); }
static void break_email (Fixture *f, CvRecord *r) { cv_record_set_string (r, "email", "amira.patel@"); }
static void break_choice (Fixture *f, CvRecord *r) { cv_record_set_string (r, "sector", "pharma"); }
static void break_date (Fixture *f, CvRecord *r) { cv_record_set_string (r, "consent_on", "2024-02-30"); }
static void break_other_programme (Fixture *f, CvRecord *r)
{
  cv_record_set_string (r, "organisation_id", cv_record_get_id (f->other_person));
}
static void break_not_organisation (Fixture *f, CvRecord *r)
{
  cv_record_set_string (r, "organisation_id", cv_record_get_id (f->person));
}
static void break_missing_reference (Fixture *f, CvRecord *r)
{
  cv_record_set_string (r, "organisation_id", "5d9e8a3c-2f1b-4c6d-9e7f-0a1b2c3d4e5f");
}
static void break_session_end (Fixture *f, CvRecord *r)
{
  cv_record_set_string (r, "starts_at", "2024-05-01T10:00:00Z");
  cv_record_set_string (r, "ends_at", "2024-05-01T09:59:59Z");
}
static void break_session_time (Fixture *f, CvRecord *r) { cv_record_set_string (r, "starts_at", "2024-05-01 10:00"); }
static void break_done_without_outcome (Fixture *f, CvRecord *r) { cv_record_set_string (r, "status", "done"); }
static void break_owner_other_programme (Fixture *f, CvRecord *r)
{
  cv_record_set_string (r, "owner_id", cv_record_get_id (f->other_person));
}
static void break_action_organisation (Fixture *f, CvRecord *r)
{
  cv_record_set_string (r, "organisation_id", cv_record_get_id (f->person));
}
static void break_due_date (Fixture *f, CvRecord *r) { cv_record_set_string (r, "due_on", "2023-13-01"); }
static void break_duplicate_theme (Fixture *f, CvRecord *r) { cv_record_set_string (r, "name", "FINANCING"); }
static void break_named_anonymous (Fixture *f, CvRecord *r)
{
  cv_record_set_string (r, "stakeholder_id", cv_record_get_id (f->person));
}
static void break_scale_answer (Fixture *f, CvRecord *r) { cv_record_set_string (r, "value", "quite happy"); }
static void break_scale_range (Fixture *f, CvRecord *r) { cv_record_set_string (r, "value", "11"); }
static void break_choice_without_options (Fixture *f, CvRecord *r) { cv_record_set_string (r, "response_kind", "single_choice"); }
static void break_empty_tag (Fixture *f, CvRecord *r)
{
  const char *tags[] = { "carer", " ", NULL };
  cv_record_set_list (r, "tags", tags);
}
static void break_not_uuid (Fixture *f, CvRecord *r) { cv_record_set_id (r, "not-a-uuid"); }
static void break_number (Fixture *f, CvRecord *r) { cv_record_set_number (r, "value", INFINITY); }

/* A valid new record of @type, in the fixture's programme. */
static CvRecord *
valid_record (Fixture *f,
              GType    type)
{
  CvRecord *r = cv_record_new (type);
  const char *programme = cv_record_get_id (f->programme);

  if (type == CV_TYPE_STAKEHOLDER)
    g_object_set (r, "programme-id", programme, "name", "Jo Bloggs", NULL);
  else if (type == CV_TYPE_SESSION)
    g_object_set (r, "programme-id", programme, "title", "Workshop", NULL);
  else if (type == CV_TYPE_ACTION)
    g_object_set (r, "programme-id", programme, "title", "Lanyards for care workers", NULL);
  else if (type == CV_TYPE_THEME)
    g_object_set (r, "programme-id", programme, "name", "Better care of staff", NULL);
  else if (type == CV_TYPE_CONTRIBUTION)
    g_object_set (r, "programme-id", programme, "session-id", cv_record_get_id (f->session),
                  "text", "Visits are too short", NULL);
  else if (type == CV_TYPE_ANSWER)
    g_object_set (r, "conversation-id", cv_record_get_id (f->conversation),
                  "prompt-id", cv_record_get_id (f->prompt), "question", "How do you feel?",
                  "response-kind", "scale", NULL);
  else if (type == CV_TYPE_PROMPT)
    g_object_set (r, "section-id", cv_record_get_id (f->section), "question", "Who helps you?", NULL);
  else if (type == CV_TYPE_MEASURE_VALUE)
    g_object_set (r, "measure-id", cv_record_get_id (f->measure), "measured-on", "2018-01-01",
                  "value", 626.0, NULL);
  else
    g_assert_not_reached ();
  return r;
}

static const Refusal refusals[] = {
  { "empty-name", cv_stakeholder_get_type, break_empty_name, CV_ERROR_INVALID, "Name" },
  { "email", cv_stakeholder_get_type, break_email, CV_ERROR_INVALID, "email address" },
  { "unknown-choice", cv_stakeholder_get_type, break_choice, CV_ERROR_INVALID, "Sector" },
  { "impossible-date", cv_stakeholder_get_type, break_date, CV_ERROR_INVALID, "real date" },
  { "other-programme", cv_stakeholder_get_type, break_other_programme, CV_ERROR_INVALID, "another programme" },
  { "not-organisation", cv_stakeholder_get_type, break_not_organisation, CV_ERROR_INVALID, "organisation" },
  { "missing-reference", cv_stakeholder_get_type, break_missing_reference, CV_ERROR_INVALID, "does not exist" },
  { "empty-tag", cv_stakeholder_get_type, break_empty_tag, CV_ERROR_INVALID, "Tags" },
  { "not-uuid", cv_stakeholder_get_type, break_not_uuid, CV_ERROR_INVALID, "UUID" },
  { "end-before-start", cv_session_get_type, break_session_end, CV_ERROR_INVALID, "end before" },
  { "date-time-form", cv_session_get_type, break_session_time, CV_ERROR_INVALID, "date and time" },
  { "done-needs-outcome", cv_action_get_type, break_done_without_outcome, CV_ERROR_INVALID, "Outcome" },
  { "owner-other-programme", cv_action_get_type, break_owner_other_programme, CV_ERROR_INVALID, "another programme" },
  { "owning-organisation", cv_action_get_type, break_action_organisation, CV_ERROR_INVALID, "organisation" },
  { "due-date", cv_action_get_type, break_due_date, CV_ERROR_INVALID, "real date" },
  { "duplicate-theme", cv_theme_get_type, break_duplicate_theme, CV_ERROR_DUPLICATE, "FINANCING" },
  { "named-anonymous", cv_contribution_get_type, break_named_anonymous, CV_ERROR_INVALID, "anonymous" },
  { "answer-kind", cv_answer_get_type, break_scale_answer, CV_ERROR_INVALID, "0 to 10" },
  { "answer-range", cv_answer_get_type, break_scale_range, CV_ERROR_INVALID, "0 to 10" },
  { "choice-options", cv_prompt_get_type, break_choice_without_options, CV_ERROR_INVALID, "two options" },
  { "number", cv_measure_value_get_type, break_number, CV_ERROR_INVALID, "number" },
};

static void
test_refusal (Fixture       *f,
              gconstpointer  data)
{
  const Refusal *refusal = data;
  g_autoptr(CvRecord) record = valid_record (f, refusal->type ());
  g_autoptr(GError) error = NULL;
  const char *table = cv_record_get_kind (record)->table;
  gint64 before = count_rows (f->store, table);
  gint64 tags_before = count_rows (f->store, "stakeholder_tag");

  refusal->breaker (f, record);
  g_assert_false (cv_store_insert (f->store, record, &error));
  g_assert_error (error, CV_ERROR, refusal->code);
  if (strstr (error->message, refusal->message_part) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, refusal->message_part);
  g_assert_cmpint (count_rows (f->store, table), ==, before);
  g_assert_cmpint (count_rows (f->store, "stakeholder_tag"), ==, tags_before);

  /* An update with the same fault is refused too, and the row keeps its values. */
  if (refusal->breaker != break_not_uuid)
    {
      g_autoptr(CvRecord) good = valid_record (f, refusal->type ());
      g_autoptr(CvRecord) again = NULL;
      g_autofree char *stamp = NULL;

      cv_store_insert (f->store, good, &error);
      g_clear_error (&error);
      if (refusal->breaker == break_duplicate_theme)
        return;
      g_assert_nonnull (cv_record_get_id (good));
      stamp = g_strdup (cv_record_get_updated_at (good));
      refusal->breaker (f, good);
      g_assert_false (cv_store_update (f->store, good, &error));
      g_assert_error (error, CV_ERROR, refusal->code);
      g_assert_cmpstr (cv_record_get_updated_at (good), ==, stamp);
      g_clear_error (&error);
      again = cv_store_load (f->store, refusal->type (), cv_record_get_id (good), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cv_record_get_updated_at (again), ==, stamp);
    }
}

static void
test_delete_stakeholder_keeps_actions (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) attendance = NULL;
  g_autoptr(CvRecord) action = NULL;
  g_autoptr(CvRecord) member = NULL;
  g_autoptr(CvDeletion) deletion = NULL;
  const char *tags[] = { "carer", "Citizens Board", NULL };

  attendance = add (f->store, CV_TYPE_ATTENDANCE, "session-id", cv_record_get_id (f->session),
                    "stakeholder-id", cv_record_get_id (f->person), "status", "attended", NULL);
  cv_record_set_list (f->person, "tags", tags);
  cv_store_update (f->store, f->person, &error);
  g_assert_no_error (error);

  deletion = cv_store_delete (f->store, f->person, &error);
  g_assert_no_error (error);
  /* The person and their attendance went; the action and the session stayed. */
  g_assert_cmpuint (cv_deletion_get_n_records (deletion), ==, 2);
  action = cv_store_load (f->store, CV_TYPE_ACTION, cv_record_get_id (f->action), &error);
  g_assert_no_error (error);
  g_assert_null (cv_record_get_string (action, "owner_id"));
  g_assert_cmpint (cv_store_count (f->store, CV_TYPE_SESSION, "id", cv_record_get_id (f->session), NULL), ==, 1);
  g_assert_cmpint (cv_store_count (f->store, CV_TYPE_ATTENDANCE, "session_id", cv_record_get_id (f->session), NULL), ==, 0);
  g_assert_cmpint (count_rows (f->store, "stakeholder_tag"), ==, 0);

  /* Undo restores the record, its tags, its attendance and its ownership. */
  cv_store_restore (f->store, deletion, &error);
  g_assert_no_error (error);
  g_clear_object (&action);
  action = cv_store_load (f->store, CV_TYPE_ACTION, cv_record_get_id (f->action), &error);
  g_assert_cmpstr (cv_record_get_string (action, "owner_id"), ==, cv_record_get_id (f->person));
  g_assert_cmpint (cv_store_count (f->store, CV_TYPE_ATTENDANCE, "session_id", cv_record_get_id (f->session), NULL), ==, 1);
  member = cv_store_load (f->store, CV_TYPE_STAKEHOLDER, cv_record_get_id (f->person), &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (cv_record_get_list (member, "tags"), tags));
}

static void
test_delete_organisation_keeps_people (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) person = NULL;
  g_autoptr(CvDeletion) deletion = cv_store_delete (f->store, f->organisation, &error);

  g_assert_no_error (error);
  person = cv_store_load (f->store, CV_TYPE_STAKEHOLDER, cv_record_get_id (f->person), &error);
  g_assert_no_error (error);
  g_assert_null (cv_record_get_string (person, "organisation_id"));

  cv_store_restore (f->store, deletion, &error);
  g_assert_no_error (error);
  g_clear_object (&person);
  person = cv_store_load (f->store, CV_TYPE_STAKEHOLDER, cv_record_get_id (f->person), &error);
  g_assert_cmpstr (cv_record_get_string (person, "organisation_id"), ==, cv_record_get_id (f->organisation));
}

static void
test_delete_theme_keeps_actions (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) action = NULL;
  g_autoptr(CvDeletion) deletion = cv_store_delete (f->store, f->theme, &error);

  g_assert_no_error (error);
  action = cv_store_load (f->store, CV_TYPE_ACTION, cv_record_get_id (f->action), &error);
  g_assert_no_error (error);
  g_assert_null (cv_record_get_list (action, "themes"));

  cv_store_restore (f->store, deletion, &error);
  g_assert_no_error (error);
  g_clear_object (&action);
  action = cv_store_load (f->store, CV_TYPE_ACTION, cv_record_get_id (f->action), &error);
  g_assert_cmpstr (cv_record_get_list (action, "themes")[0], ==, cv_record_get_id (f->theme));
}

static void
test_delete_used_guide_refused (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvDeletion) deletion = cv_store_delete (f->store, f->guide, &error);

  g_assert_null (deletion);
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_assert_cmpint (count_rows (f->store, "guide"), ==, 1);
  g_assert_cmpint (count_rows (f->store, "prompt"), ==, 1);
}

static void
test_delete_programme_takes_everything (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvDeletion) deletion = cv_store_delete (f->store, f->other_programme, &error);

  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "programme"), ==, 1);
  g_assert_cmpint (count_rows (f->store, "stakeholder"), ==, 2);
  cv_store_restore (f->store, deletion, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "stakeholder"), ==, 3);
}

static guint
search_count (Fixture    *f,
              const char *text)
{
  g_autoptr(CvRecordList) list = cv_record_list_new (f->store, CV_TYPE_STAKEHOLDER);
  g_autoptr(GError) error = NULL;

  cv_record_list_set_programme (list, cv_record_get_id (f->programme));
  cv_record_list_set_search (list, text);
  cv_record_list_refresh (list, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "seldom heard", NULL };
  g_autoptr(CvDeletion) deletion = NULL;

  g_assert_cmpuint (search_count (f, "ami"), ==, 1);          /* name prefix */
  g_assert_cmpuint (search_count (f, "coord"), ==, 1);        /* role */
  g_assert_cmpuint (search_count (f, "riverside"), ==, 2);    /* organisation, and its member */
  g_assert_cmpuint (search_count (f, "AMIRA pat"), ==, 1);    /* every word, any case */
  g_assert_cmpuint (search_count (f, "owen"), ==, 0);         /* other programme */
  g_assert_cmpuint (search_count (f, "\"*:("), ==, 2);        /* not FTS syntax: only marks, so everyone */
  g_assert_cmpuint (search_count (f, "\""), ==, 2);           /* a lone quote is no error */
  g_assert_cmpuint (search_count (f, "\"\""), ==, 2);
  g_assert_cmpuint (search_count (f, "\"amira\""), ==, 1);     /* quotes are ignored, the word is found */
  g_assert_cmpuint (search_count (f, "ami \" -"), ==, 1);       /* marks beside words are ignored */
  g_assert_cmpuint (search_count (f, "ami*"), ==, 1);
  g_assert_cmpuint (search_count (f, "   "), ==, 2);          /* no words: everyone in the programme */

  cv_record_set_string (f->person, "name", "Zoë Okafor");
  cv_record_set_list (f->person, "tags", tags);
  cv_store_update (f->store, f->person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (search_count (f, "ami"), ==, 0);
  g_assert_cmpuint (search_count (f, "zoe"), ==, 1);          /* accents ignored */
  g_assert_cmpuint (search_count (f, "seldom"), ==, 1);       /* tags */

  cv_record_set_string (f->organisation, "name", "Hillside Homecare");
  cv_store_update (f->store, f->organisation, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (search_count (f, "riverside"), ==, 0);
  g_assert_cmpuint (search_count (f, "hills"), ==, 2);        /* members follow a rename */

  deletion = cv_store_delete (f->store, f->person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (search_count (f, "zoe"), ==, 0);
  cv_store_restore (f->store, deletion, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (search_count (f, "zoe"), ==, 1);
}

typedef struct
{
  guint position, removed, added, calls;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->calls++;
}

static void
test_list_model (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CvRecordList) list = cv_record_list_new (f->store, CV_TYPE_STAKEHOLDER);
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) first = NULL;
  g_autoptr(CvRecord) added = NULL;
  g_autoptr(CvDeletion) deletion = NULL;
  Changes changes = { 0 };
  const char *tags[] = { "carer", NULL };

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == CV_TYPE_STAKEHOLDER);
  cv_record_list_set_programme (list, cv_record_get_id (f->programme));
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  cv_record_list_refresh (list, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.added, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  /* Sorted by name: Amira before Riverside. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (cv_record_get_string (first, "name"), ==, "Amira Patel");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 2));

  /* An insert is one item added at its sorted place. */
  changes.calls = 0;
  added = add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", cv_record_get_id (f->programme),
               "name", "Beth Jones", "tags", tags, NULL);
  g_assert_cmpuint (changes.calls, >=, 1);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  /* An edit that keeps the order redraws that one row. */
  changes.calls = 0;
  cv_record_set_string (added, "role", "Carer");
  cv_store_update (f->store, added, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);

  /* Filters combine with search. */
  cv_record_list_set_filter (list, "tags", "carer");
  cv_record_list_refresh (list, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  cv_record_list_set_filter (list, "kind", "organisation");
  cv_record_list_refresh (list, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  cv_record_list_set_filter (list, "tags", NULL);
  cv_record_list_set_search (list, "river");
  cv_record_list_refresh (list, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  cv_record_list_set_filter (list, "kind", NULL);
  cv_record_list_set_search (list, NULL);

  /* Sorting by a column, both ways. */
  cv_record_list_set_sort (list, "kind", TRUE);
  cv_record_list_refresh (list, &error);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (cv_record_get_string (first, "kind"), ==, "person");
  cv_record_list_set_sort (list, "kind", FALSE);
  cv_record_list_refresh (list, &error);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (cv_record_get_string (first, "kind"), ==, "organisation");
  cv_record_list_set_sort (list, NULL, FALSE);
  cv_record_list_refresh (list, &error);

  /* A delete is one item removed. */
  changes.calls = 0;
  deletion = cv_store_delete (f->store, added, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
}

static void
refreshed_cb (GObject      *list,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (cv_record_list_refresh_finish (CV_RECORD_LIST (list), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
count_refreshed_cb (guint *refreshed)
{
  (*refreshed)++;
}

/* "12 of 140 stakeholders": the list knows how many its programme has,
 * listed or not, after a refresh in this thread or in a worker's; other
 * programmes' records are not counted. */
static void
test_list_total (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CvRecordList) list = cv_record_list_new (f->store, CV_TYPE_STAKEHOLDER);
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) other = add (f->store, CV_TYPE_PROGRAMME, "name", "Elsewhere", NULL);
  gboolean done = FALSE;
  guint refreshed = 0;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("River person %u", i);

      g_object_unref (add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", cv_record_get_id (f->programme),
                           "name", name, NULL));
      g_object_unref (add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", cv_record_get_id (other),
                           "name", name, NULL));
    }
  cv_record_list_set_programme (list, cv_record_get_id (f->programme));
  g_assert_true (cv_record_list_refresh (list, &error));
  g_assert_false (cv_record_list_is_narrowed (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 14);
  g_assert_cmpuint (cv_record_list_get_n_total (list), ==, 14);

  /* "person": the twelve, of fourteen, known from the refresh before. */
  cv_record_list_set_search (list, "person");
  g_assert_true (cv_record_list_is_narrowed (list));
  g_assert_true (cv_record_list_refresh (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 12);
  g_assert_cmpuint (cv_record_list_get_n_total (list), ==, 14);

  /* One more in the programme: a refresh in this thread does not count
   * them again (it grows with the register); a worker does, and says so. */
  g_signal_connect_swapped (list, "refreshed", G_CALLBACK (count_refreshed_cb), &refreshed);
  g_object_unref (add (f->store, CV_TYPE_STAKEHOLDER, "programme-id", cv_record_get_id (f->programme),
                       "name", "Zara Ahmed", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 12);
  g_assert_cmpuint (cv_record_list_get_n_total (list), ==, G_MAXUINT);
  g_assert_cmpuint (refreshed, ==, 1);
  while (refreshed < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (cv_record_list_get_n_total (list), ==, 15);

  /* The same from a worker thread, with a filter as well: none of fifteen. */
  cv_record_list_set_filter (list, "kind", "organisation");
  cv_record_list_refresh_async (list, refreshed_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (cv_record_list_get_n_total (list), ==, 15);

  /* Nothing narrows it: every one of them. */
  cv_record_list_set_filter (list, "kind", NULL);
  cv_record_list_set_search (list, "\"\"");
  g_assert_false (cv_record_list_is_narrowed (list));
  g_assert_true (cv_record_list_refresh (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 15);
  g_assert_cmpuint (cv_record_list_get_n_total (list), ==, 15);
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  CvAction *action = CV_ACTION (f->action);

  g_assert_false (cv_action_is_overdue (action, "2024-01-01"));   /* no due date */
  cv_record_set_string (f->action, "due_on", "2024-01-10");
  g_assert_false (cv_action_is_overdue (action, "2024-01-09"));
  g_assert_false (cv_action_is_overdue (action, "2024-01-10"));   /* due today is not late */
  g_assert_true (cv_action_is_overdue (action, "2024-01-11"));
  cv_record_set_string (f->action, "status", "dropped");
  g_assert_false (cv_action_is_overdue (action, "2024-01-11"));
}

static void
test_values (void)
{
  g_assert_true (cv_date_is_valid ("2024-02-29"));
  g_assert_false (cv_date_is_valid ("2023-02-29"));
  g_assert_false (cv_date_is_valid ("2024-2-29"));
  g_assert_false (cv_date_is_valid ("2024-02-29x"));
  g_assert_false (cv_date_is_valid (NULL));
  g_assert_true (cv_date_time_is_valid ("2024-02-29T23:59:59Z"));
  g_assert_false (cv_date_time_is_valid ("2024-02-29T24:00:00Z"));
  g_assert_false (cv_date_time_is_valid ("2024-02-29T12:00:00+01:00"));
  g_assert_true (cv_email_is_valid ("a.b@nhs.example.uk"));
  g_assert_false (cv_email_is_valid ("a b@example.org"));
  g_assert_false (cv_email_is_valid ("@example.org"));
  g_assert_false (cv_email_is_valid ("a@example"));
  g_assert_false (cv_email_is_valid ("a@@example.org"));
  g_assert_false (cv_email_is_valid ("a@example..org"));
}


static void
count_cb (guint *count)
{
  (*count)++;
}

/* Saving a record as it is stored writes nothing: viewing a record in an
 * editor must not make it "newer" than a partner's edit of it. */
static void
test_update_unchanged (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) loaded = cv_store_load (f->store, CV_TYPE_STAKEHOLDER, cv_record_get_id (f->person), &error);
  g_autofree char *before = g_strdup (cv_record_get_updated_at (loaded));
  g_autoptr(CvRecord) again = NULL;
  guint changes = 0;
  gulong handler = g_signal_connect_swapped (f->store, "changed", G_CALLBACK (count_cb), &changes);

  g_usleep (1100 * 1000);   /* timestamps have whole seconds */
  g_assert_true (cv_store_update (f->store, loaded, &error));
  g_assert_no_error (error);
  again = cv_store_load (f->store, CV_TYPE_STAKEHOLDER, cv_record_get_id (f->person), &error);
  g_assert_cmpstr (cv_record_get_updated_at (again), ==, before);
  g_assert_cmpstr (cv_record_get_updated_at (loaded), ==, before);
  g_assert_cmpuint (changes, ==, 0);

  /* A real change is written and dated. */
  cv_record_set_string (loaded, "role", "Chair");
  g_assert_true (cv_store_update (f->store, loaded, &error));
  g_clear_object (&again);
  again = cv_store_load (f->store, CV_TYPE_STAKEHOLDER, cv_record_get_id (f->person), &error);
  g_assert_cmpstr (cv_record_get_updated_at (again), !=, before);
  g_assert_cmpuint (changes, ==, 1);
  g_signal_handler_disconnect (f->store, handler);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/store/values", test_values);
  FIXTURE_TEST ("/store/record/every-kind-round-trip", test_every_kind_round_trip);
  FIXTURE_TEST ("/store/update-unchanged", test_update_unchanged);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/refuse/%s", refusals[i].name);
      g_test_add (path, Fixture, &refusals[i], fixture_set_up, test_refusal, fixture_tear_down);
    }
  FIXTURE_TEST ("/store/delete/stakeholder-keeps-actions", test_delete_stakeholder_keeps_actions);
  FIXTURE_TEST ("/store/delete/organisation-keeps-people", test_delete_organisation_keeps_people);
  FIXTURE_TEST ("/store/delete/theme-keeps-actions", test_delete_theme_keeps_actions);
  FIXTURE_TEST ("/store/delete/used-guide-refused", test_delete_used_guide_refused);
  FIXTURE_TEST ("/store/delete/programme-takes-everything", test_delete_programme_takes_everything);
  FIXTURE_TEST ("/store/search/stakeholders", test_search);
  FIXTURE_TEST ("/store/list/model", test_list_model);
  FIXTURE_TEST ("/store/list/total", test_list_total);
  FIXTURE_TEST ("/store/action/overdue", test_overdue);

  return g_test_run ();
}
