/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <string.h>

#include "cv-action.h"
#include "cv-action-update.h"
#include "cv-answer.h"
#include "cv-attendance.h"
#include "cv-contribution.h"
#include "cv-conversation.h"
#include "cv-conversation-note.h"
#include "cv-error.h"
#include "cv-exchange.h"
#include "cv-file.h"
#include "cv-guide.h"
#include "cv-guide-section.h"
#include "cv-measure.h"
#include "cv-measure-value.h"
#include "cv-programme.h"
#include "cv-prompt.h"
#include "cv-session.h"
#include "cv-sessions.h"
#include "cv-stakeholder.h"
#include "cv-kinds.h"
#include "cv-store.h"
#include "cv-theme.h"

#define STAMP "2026-11-23T10:00:00Z"

static CvStore *
new_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  CvStore *store = cv_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

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

/* A programme with a record of every kind, personal data included. */
static char *
fill_programme (CvStore *store)
{
  g_autoptr(CvRecord) p = add (store, CV_TYPE_PROGRAMME, "name", "Home care collaborative",
                               "locality", "Wirral", "start-on", "2017-12-01", NULL);
  const char *pid = cv_record_get_id (p);
  g_autoptr(CvRecord) org = add (store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "kind", "organisation",
                                 "name", "Riverside Care", "email", "office@riverside.example", NULL);
  const char *tags[] = { "carer", "Citizens Board", NULL };
  g_autoptr(CvRecord) amira = add (store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", "Amira Patel",
                                   "organisation-id", cv_record_get_id (org), "email", "amira.patel@example.org",
                                   "phone", "01632 960123", "notes", "Prefers mornings; son is her carer.",
                                   "tags", tags, "consent", TRUE, "consent-on", "2018-01-05", NULL);
  g_autoptr(CvRecord) session = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", "Quarterly meeting",
                                     "starts-at", "2018-03-01T10:00:00Z", "ends-at", "2018-03-01T12:00:00Z",
                                     "location", "Town Hall", NULL);
  g_autoptr(CvRecord) attendance = add (store, CV_TYPE_ATTENDANCE, "session-id", cv_record_get_id (session),
                                        "stakeholder-id", cv_record_get_id (amira), "status", "attended",
                                        "paid", TRUE, NULL);
  g_autoptr(CvRecord) theme = add (store, CV_TYPE_THEME, "programme-id", pid, "name", "Better care of staff", NULL);
  const char *themes[] = { cv_record_get_id (theme), NULL };
  g_autoptr(CvRecord) said = add (store, CV_TYPE_CONTRIBUTION, "programme-id", pid,
                                  "session-id", cv_record_get_id (session), "themes", themes,
                                  "text", "Care workers cannot afford to park.", "anonymous", FALSE,
                                  "stakeholder-id", cv_record_get_id (amira), NULL);
  g_autoptr(CvRecord) action = add (store, CV_TYPE_ACTION, "programme-id", pid, "title", "Parking permits",
                                    "owner-id", cv_record_get_id (amira), "organisation-id", cv_record_get_id (org),
                                    "session-id", cv_record_get_id (session), "themes", themes,
                                    "due-on", "2018-06-30", "status", "done",
                                    "outcome", "Permits issued to 120 care workers.", NULL);
  g_autoptr(CvRecord) update = add (store, CV_TYPE_ACTION_UPDATE, "action-id", cv_record_get_id (action),
                                    "noted-on", "2018-04-01", "text", "Council agreed in principle.", NULL);
  g_autoptr(CvRecord) guide = add (store, CV_TYPE_GUIDE, "title", "Getting home safely (our version)", NULL);
  g_autoptr(CvRecord) section = add (store, CV_TYPE_GUIDE_SECTION, "guide-id", cv_record_get_id (guide),
                                     "title", "Going home", NULL);
  const char *options[] = { "At home", "With family", NULL };
  g_autoptr(CvRecord) prompt = add (store, CV_TYPE_PROMPT, "section-id", cv_record_get_id (section),
                                    "question", "Where would you like to recover?", "response-kind", "single_choice",
                                    "options", options, NULL);
  g_autoptr(CvRecord) conversation = add (store, CV_TYPE_CONVERSATION, "programme-id", pid,
                                          "guide-id", cv_record_get_id (guide), "person-ref", "AB-1234",
                                          "what-matters", "Being home for the grandchildren.", NULL);
  g_autoptr(CvRecord) answer = add (store, CV_TYPE_ANSWER, "conversation-id", cv_record_get_id (conversation),
                                    "prompt-id", cv_record_get_id (prompt), "section", "Going home",
                                    "question", "Where would you like to recover?", "response-kind", "single_choice",
                                    "options", options, "value", "At home", NULL);
  g_autoptr(CvRecord) note = add (store, CV_TYPE_CONVERSATION_NOTE, "conversation-id", cv_record_get_id (conversation),
                                  "noted-on", "2018-05-02", "text", "Key safe fitted by the council.", NULL);
  g_autoptr(CvRecord) measure = add (store, CV_TYPE_MEASURE, "programme-id", pid, "name", "Clients", NULL);
  g_autoptr(CvRecord) v1 = add (store, CV_TYPE_MEASURE_VALUE, "measure-id", cv_record_get_id (measure),
                                "measured-on", "2018-01-01", "value", 626.0, NULL);
  g_autoptr(CvRecord) v2 = add (store, CV_TYPE_MEASURE_VALUE, "measure-id", cv_record_get_id (measure),
                                "measured-on", "2021-01-01", "value", 776.5, NULL);

  return g_strdup (pid);
}

static char *
export_to_string (CvStore      *store,
                  const char   *programme_id,
                  CvExportKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  gboolean ok = cv_exchange_export_stream (store, programme_id, kind, STAMP, out, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_round_trip (void)
{
  g_autoptr(CvStore) a = new_store ("a.db");
  g_autoptr(CvStore) b = new_store ("b.db");
  g_autofree char *pid = fill_programme (a);
  g_autofree char *first = export_to_string (a, pid, CV_EXPORT_FULL);
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CvImportSummary) summary = NULL;
  g_autoptr(CvImportSummary) again = NULL;

  summary = cv_exchange_import_data (b, first, strlen (first), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cv_import_summary_count (summary, "stakeholders", "added"), ==, 2);
  g_assert_cmpuint (cv_import_summary_count (summary, "answers", "added"), ==, 1);
  g_assert_cmpuint (cv_import_summary_count (summary, "programme", "added"), ==, 1);

  /* Exported again, the file is the same to the byte. */
  second = export_to_string (b, pid, CV_EXPORT_FULL);
  g_assert_cmpstr (first, ==, second);

  /* Importing the same file twice changes nothing. */
  again = cv_exchange_import_data (b, first, strlen (first), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cv_import_summary_count (again, "stakeholders", "added"), ==, 0);
  g_assert_cmpuint (cv_import_summary_count (again, "stakeholders", "updated"), ==, 0);
  g_assert_cmpuint (cv_import_summary_count (again, "stakeholders", "unchanged"), ==, 2);
}

static void
test_partner_export_private (void)
{
  g_autoptr(CvStore) a = new_store ("a.db");
  g_autofree char *pid = fill_programme (a);
  g_autofree char *partner = export_to_string (a, pid, CV_EXPORT_PARTNER);
  g_autofree char *full = export_to_string (a, pid, CV_EXPORT_FULL);
  g_autoptr(CvStore) b = new_store ("b.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CvImportSummary) summary = NULL;
  g_autoptr(GPtrArray) people = cv_store_list (a, CV_TYPE_STAKEHOLDER, "kind", "person", &error);

  /* Every person's email, phone and notes are in the backup and not in the partner file. */
  g_assert_cmpuint (people->len, >, 0);
  for (guint i = 0; i < people->len; i++)
    {
      const char *fields[] = { "email", "phone", "notes" };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          const char *value = cv_record_get_string (g_ptr_array_index (people, i), fields[f]);

          g_assert_nonnull (value);
          g_assert_nonnull (strstr (full, value));
          g_assert_null (strstr (partner, value));
        }
    }
  /* An organisation's office address is not personal data. */
  g_assert_nonnull (strstr (partner, "office@riverside.example"));
  /* No conversations, no answers, and nobody named as a speaker. */
  g_assert_null (strstr (partner, "\"conversations\""));
  g_assert_null (strstr (partner, "\"conversation_notes\""));
  g_assert_null (strstr (partner, "Key safe"));
  g_assert_nonnull (strstr (full, "Key safe fitted by the council."));
  g_assert_null (strstr (partner, "AB-1234"));
  g_assert_null (strstr (partner, "grandchildren"));
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonArray *said;

    g_assert_true (json_parser_load_from_data (parser, partner, -1, NULL));
    said = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "contributions");
    /* One person attended: what was said there could only be theirs. */
    g_assert_cmpuint (json_array_get_length (said), ==, 0);
    for (guint i = 0; i < json_array_get_length (said); i++)
      g_assert_false (json_object_has_member (json_array_get_object_element (said, i), "stakeholder_id"));
  }
  g_assert_null (strstr (partner, "\"anonymous\":false"));
  g_assert_nonnull (strstr (partner, "\"export_kind\": \"partner\""));
  /* Amira has not said she is willing to be named to partners. */
  g_assert_null (strstr (partner, "Amira"));
  g_assert_nonnull (strstr (full, "Amira"));
  g_assert_nonnull (strstr (partner, "\"attendance_counts\": [\n    {\"session_id\""));
  /* Custom guides travel with it. */
  g_assert_nonnull (strstr (partner, "Getting home safely (our version)"));

  summary = cv_exchange_import_data (b, partner, strlen (partner), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cv_import_summary_count (summary, "stakeholders", "added"), ==, 1);
  g_assert_cmpuint (cv_import_summary_count (summary, "actions", "added"), ==, 1);
}

static JsonArray *
array_of (JsonParser *parser,
          const char *key)
{
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), key);
}

/* A generated programme exported for partners, read as an attacker would:
 * joining what was said to who came, and looking for names. */
static void
test_partner_export_not_reidentifying (void)
{
  g_autoptr(CvStore) store = new_store ("crowds.db");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);
  g_autoptr(CvRecord) p = add (store, CV_TYPE_PROGRAMME, "name", "Crowds", NULL);
  const char *pid = cv_record_get_id (p);
  g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) person_org = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) attended = g_hash_table_new (g_str_hash, g_str_equal);   /* session → count */
  g_autoptr(GHashTable) unnamed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CvRecord) theme = add (store, CV_TYPE_THEME, "programme-id", pid, "name", "Discharge", NULL);
  const char *themes[] = { cv_record_get_id (theme), NULL };
  g_autofree char *partner = NULL;
  JsonArray *counts, *said, *actions, *stakeholders, *attendance, *sessions;
  g_autofree char *pool_id = NULL;
  g_autofree char *pool_time = NULL;
  guint pooled = 0, linked = 0, small_sessions = 0;
  const char *previous = "";

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Organisation %c", 'A' + i);

      g_ptr_array_add (orgs, add (store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "kind", "organisation",
                                  "name", name, NULL));
    }
  for (guint i = 0; i < 60; i++)
    {
      /* Distinct names, none inside another. */
      g_autofree char *name = g_strdup_printf ("Zed%03uqx Person", i);
      CvRecord *org = g_ptr_array_index (orgs, i % orgs->len);
      CvRecord *person = add (store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", name,
                              "organisation-id", i % 5 == 4 ? NULL : cv_record_get_id (org),
                              "email", "x@example.org", "named-to-partners", i % 4 == 0, NULL);

      g_ptr_array_add (people, person);
      if (i % 4 != 0)
        g_hash_table_add (unnamed, (gpointer)cv_record_get_string (person, "name"));
      if (i % 5 != 4)
        g_hash_table_insert (person_org, (gpointer)cv_record_get_id (person), (gpointer)cv_record_get_id (org));
    }
  for (guint s = 0; s < 40; s++)
    {
      g_autofree char *title = g_strdup_printf ("Session %u", s);
      g_autoptr(CvRecord) session = add (store, CV_TYPE_SESSION, "programme-id", pid, "title", title,
                                         "status", "held", NULL);
      guint n = g_rand_int_range (rand, 0, 12);
      guint start = g_rand_int_range (rand, 0, people->len);

      for (guint k = 0; k < n; k++)
        {
          CvRecord *person = g_ptr_array_index (people, (start + k) % people->len);
          g_autoptr(CvRecord) row = add (store, CV_TYPE_ATTENDANCE, "session-id", cv_record_get_id (session),
                                         "stakeholder-id", cv_record_get_id (person),
                                         "status", k % 6 == 5 ? "apologies" : "attended", NULL);
        }
      for (guint c = 0; c < 3; c++)
        {
          g_autofree char *text = g_strdup_printf ("Said at %u, number %u", s, c);
          g_autoptr(CvRecord) said_here = add (store, CV_TYPE_CONTRIBUTION, "programme-id", pid,
                                               "session-id", cv_record_get_id (session), "text", text,
                                               "themes", themes, NULL);
        }
      {
        CvRecord *owner = g_ptr_array_index (people, g_rand_int_range (rand, 0, people->len));
        g_autoptr(CvRecord) action = add (store, CV_TYPE_ACTION, "programme-id", pid, "title", title,
                                          "owner-id", cv_record_get_id (owner),
                                          "session-id", cv_record_get_id (session), "themes", themes, NULL);
      }
    }

  partner = export_to_string (store, pid, CV_EXPORT_PARTNER);
  g_assert_true (json_parser_load_from_data (parser, partner, -1, NULL));

  /* No name of a person who has not agreed appears anywhere in the file. */
  {
    GHashTableIter iter;
    gpointer name;

    g_hash_table_iter_init (&iter, unnamed);
    while (g_hash_table_iter_next (&iter, &name, NULL))
      if (strstr (partner, name) != NULL)
        g_error ("%s is in the partner file", (const char *)name);
  }
  g_assert_null (strstr (partner, "x@example.org"));

  /* Every stakeholder a partner sees is an organisation or willing to be named,
   * and every reference to a stakeholder leads to one of them. */
  stakeholders = array_of (parser, "stakeholders");
  for (guint i = 0; i < json_array_get_length (stakeholders); i++)
    {
      JsonObject *o = json_array_get_object_element (stakeholders, i);

      g_assert_true (g_str_equal (json_object_get_string_member (o, "kind"), "organisation") ||
                     json_object_get_boolean_member (o, "named_to_partners"));
    }
  g_assert_cmpuint (json_array_get_length (stakeholders), ==, 4 + 15);
  attendance = array_of (parser, "attendance");
  for (guint i = 0; i < json_array_get_length (attendance); i++)
    {
      const char *who = json_object_get_string_member (json_array_get_object_element (attendance, i), "stakeholder_id");
      g_autoptr(CvRecord) person = cv_store_load (store, CV_TYPE_STAKEHOLDER, who, NULL);

      g_assert_true (cv_record_get_boolean (person, "named_to_partners"));
    }

  /* Counts per session stand in for the others. */
  counts = array_of (parser, "attendance_counts");
  g_assert_cmpuint (json_array_get_length (counts), >, 0);
  for (guint i = 0; i < json_array_get_length (counts); i++)
    {
      JsonObject *o = json_array_get_object_element (counts, i);

      if (g_str_equal (json_object_get_string_member (o, "status"), "attended"))
        g_hash_table_insert (attended, (gpointer)json_object_get_string_member (o, "session_id"),
                             GINT_TO_POINTER (json_object_get_int_member (o, "count")));
    }

  /* The stand-in session gathers the smaller ones. */
  sessions = array_of (parser, "sessions");
  for (guint i = 0; i < json_array_get_length (sessions); i++)
    {
      JsonObject *o = json_array_get_object_element (sessions, i);
      const char *id = json_object_get_string_member (o, "id");

      if (cv_store_rowid_of (store, "session", id) < 0)
        {
          g_assert_null (pool_id);
          pool_id = g_strdup (id);
          pool_time = g_strdup (json_object_get_string_member (o, "created_at"));
        }
      else if (GPOINTER_TO_INT (g_hash_table_lookup (attended, id)) < CV_EXCHANGE_MIN_CROWD)
        small_sessions++;
    }
  g_assert_nonnull (pool_id);
  g_assert_cmpuint (small_sessions, >, 0);

  /* Joined to the counts, nothing said is linked to fewer than five people. */
  said = array_of (parser, "contributions");
  g_assert_cmpuint (json_array_get_length (said), ==, 40 * 3);
  for (guint i = 0; i < json_array_get_length (said); i++)
    {
      JsonObject *o = json_array_get_object_element (said, i);
      const char *session = json_object_get_string_member (o, "session_id");
      const char *id = json_object_get_string_member (o, "id");

      g_assert_false (json_object_has_member (o, "stakeholder_id"));
      g_assert_true (json_object_get_boolean_member (o, "anonymous"));
      /* In the order of their ids, which say nothing. */
      g_assert_cmpstr (previous, <, id);
      previous = id;
      if (g_str_equal (session, pool_id))
        {
          pooled++;
          /* No time of its own: even a month names the only small session in it. */
          g_assert_cmpstr (json_object_get_string_member (o, "created_at"), ==, pool_time);
          g_assert_cmpstr (json_object_get_string_member (o, "updated_at"), ==, pool_time);
        }
      else
        {
          linked++;
          g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (attended, session)), >=, CV_EXCHANGE_MIN_CROWD);
        }
    }
  g_assert_cmpuint (pooled, ==, small_sessions * 3);
  g_assert_cmpuint (linked, >, 0);
  /* The pool itself holds enough people. */
  {
    g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store),
      "SELECT count(DISTINCT stakeholder_id) FROM attendance a WHERE status = 'attended'"
      " AND (SELECT count(*) FROM attendance b WHERE b.session_id = a.session_id AND b.status = 'attended') < 5",
      NULL);

    g_assert_cmpint (cv_statement_step (st, NULL), ==, CV_STEP_ROW);
    g_assert_cmpint (cv_statement_column_int64 (st, 0), >=, CV_EXCHANGE_MIN_CROWD);
  }

  /* Actions: an unnamed owner gives way to their organisation; smaller
   * sessions' actions are pooled too. */
  actions = array_of (parser, "actions");
  g_assert_cmpuint (json_array_get_length (actions), ==, 40);
  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      JsonObject *o = json_array_get_object_element (actions, i);
      g_autoptr(CvRecord) stored = cv_store_load (store, CV_TYPE_ACTION, json_object_get_string_member (o, "id"), NULL);
      const char *owner = cv_record_get_string (stored, "owner_id");
      g_autoptr(CvRecord) person = cv_store_load (store, CV_TYPE_STAKEHOLDER, owner, NULL);
      const char *session = json_object_get_string_member (o, "session_id");

      if (cv_record_get_boolean (person, "named_to_partners"))
        g_assert_cmpstr (json_object_get_string_member (o, "owner_id"), ==, owner);
      else
        {
          g_assert_true (json_object_get_null_member (o, "owner_id"));
          if (g_hash_table_contains (person_org, owner))
            g_assert_cmpstr (json_object_get_string_member (o, "organisation_id"), ==,
                             g_hash_table_lookup (person_org, owner));
        }
      g_assert_true (g_str_equal (session, pool_id) ||
                     GPOINTER_TO_INT (g_hash_table_lookup (attended, session)) >= CV_EXCHANGE_MIN_CROWD);
      /* An action's time is its session's day: pooled, it has the pool's. */
      if (g_str_equal (session, pool_id))
        {
          g_assert_cmpstr (json_object_get_string_member (o, "created_at"), ==, pool_time);
          g_assert_cmpstr (json_object_get_string_member (o, "updated_at"), ==, pool_time);
        }
    }

  /* A partner imports it without complaint. */
  {
    g_autoptr(CvStore) other = new_store ("partner.db");
    g_autoptr(GError) error = NULL;
    g_autoptr(CvImportSummary) summary = cv_exchange_import_data (other, partner, strlen (partner),
                                                                  NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cv_import_summary_count (summary, "contributions", "added"), ==, 40 * 3);
  }
}

/* What the action answers, as "id,id". */
static char *
answers_of (CvStore    *store,
            const char *action_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) action = cv_store_load (store, CV_TYPE_ACTION, action_id, &error);
  const char * const *answers;

  g_assert_no_error (error);
  answers = cv_record_get_list (action, "answers");
  return answers != NULL ? g_strjoinv (",", (char **)answers) : g_strdup ("");
}

static char *
import_into_new (const char *name,
                 const char *file,
                 const char *action_id)
{
  g_autoptr(CvStore) store = new_store (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(CvImportSummary) summary = cv_exchange_import_data (store, file, strlen (file), NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return answers_of (store, action_id);
}

/* "Did not attend" travels in a full backup, is counted in a partner
 * export's attendance_counts, and never counts as being there: four who came
 * and three who did not are a smaller session. */
static void
test_absent (void)
{
  g_autoptr(CvStore) a = new_store ("absent.db");
  g_autoptr(CvStore) b = new_store ("absent-copy.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) p = add (a, CV_TYPE_PROGRAMME, "name", "Loop", NULL);
  const char *pid = cv_record_get_id (p);
  g_autoptr(CvRecord) session = add (a, CV_TYPE_SESSION, "programme-id", pid, "title", "Drop-in",
                                     "starts-at", "2026-03-01T10:00:00Z", "status", "held", NULL);
  g_autoptr(CvRecord) said = NULL;
  g_autoptr(CvImportSummary) summary = NULL;
  g_autofree char *full = NULL, *partner = NULL;
  CvAttendanceCounts counts;

  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autoptr(CvRecord) person = add (a, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", name, NULL);

      g_object_unref (add (a, CV_TYPE_ATTENDANCE, "session-id", cv_record_get_id (session),
                           "stakeholder-id", cv_record_get_id (person),
                           "status", i < 4 ? "attended" : "absent", NULL));
    }
  said = add (a, CV_TYPE_CONTRIBUTION, "programme-id", pid, "session-id", cv_record_get_id (session),
              "text", "Nobody told us the clinic had moved.", NULL);

  partner = export_to_string (a, pid, CV_EXPORT_PARTNER);
  g_assert_nonnull (strstr (partner, "\"status\": \"absent\", \"count\": 3}"));
  g_assert_nonnull (strstr (partner, "\"status\": \"attended\", \"count\": 4}"));
  /* Four came: too few for what was said to travel. */
  g_assert_null (strstr (partner, "Nobody told us"));

  full = export_to_string (a, pid, CV_EXPORT_FULL);
  g_assert_nonnull (strstr (full, "Nobody told us"));
  summary = cv_exchange_import_data (b, full, strlen (full), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cv_sessions_count_attendance (b, cv_record_get_id (session), &counts, &error));
  g_assert_cmpuint (counts.attended, ==, 4);
  g_assert_cmpuint (counts.absent, ==, 3);
}

/* An action knows what it answers: the link travels in both kinds of export,
 * except that a partner never learns it for words said at a small session;
 * deleting either side leaves the other. */
static void
test_action_answers (void)
{
  g_autoptr(CvStore) a = new_store ("a.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) p = add (a, CV_TYPE_PROGRAMME, "name", "Loop", NULL);
  const char *pid = cv_record_get_id (p);
  g_autoptr(CvRecord) big = add (a, CV_TYPE_SESSION, "programme-id", pid, "title", "Public meeting",
                                 "starts-at", "2026-03-01T10:00:00Z", "status", "held", NULL);
  g_autoptr(CvRecord) small = add (a, CV_TYPE_SESSION, "programme-id", pid, "title", "Two of us",
                                   "starts-at", "2026-03-02T10:00:00Z", "status", "held", NULL);
  g_autoptr(CvRecord) said_big = NULL, said_small = NULL, action = NULL;
  g_autoptr(CvDeletion) deletion = NULL;
  g_autofree char *full = NULL, *partner = NULL, *in_full = NULL, *in_partner = NULL, *expected = NULL;
  g_autofree char *now = NULL;
  const char *answers[3];

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autoptr(CvRecord) person = add (a, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", name, NULL);
      /* Five came to the big one; the sixth was only invited. One came to the small one. */
      g_autoptr(CvRecord) came = add (a, CV_TYPE_ATTENDANCE, "session-id", cv_record_get_id (big),
                                      "stakeholder-id", cv_record_get_id (person),
                                      "status", i < 5 ? "attended" : "invited", NULL);

      if (i == 0)
        g_object_unref (add (a, CV_TYPE_ATTENDANCE, "session-id", cv_record_get_id (small),
                             "stakeholder-id", cv_record_get_id (person), "status", "attended", NULL));
    }
  said_big = add (a, CV_TYPE_CONTRIBUTION, "programme-id", pid, "session-id", cv_record_get_id (big),
                  "text", "The bus stops before the surgery opens.", NULL);
  said_small = add (a, CV_TYPE_CONTRIBUTION, "programme-id", pid, "session-id", cv_record_get_id (small),
                    "text", "My husband's carer never has time to sit down.", NULL);
  answers[0] = cv_record_get_id (said_big);
  answers[1] = cv_record_get_id (said_small);
  answers[2] = NULL;
  action = add (a, CV_TYPE_ACTION, "programme-id", pid, "title", "Ask for an earlier bus",
                "session-id", cv_record_get_id (big), "answers", answers, NULL);

  /* A full backup keeps both links; a partner export only the one from the big session. */
  full = export_to_string (a, pid, CV_EXPORT_FULL);
  partner = export_to_string (a, pid, CV_EXPORT_PARTNER);
  in_full = import_into_new ("full.db", full, cv_record_get_id (action));
  expected = g_strjoinv (",", (char **)answers);
  g_assert_cmpstr (in_full, ==, expected);
  in_partner = import_into_new ("partner.db", partner, cv_record_get_id (action));
  g_assert_cmpstr (in_partner, ==, cv_record_get_id (said_big));
  g_assert_null (strstr (strstr (partner, "\"actions\""), cv_record_get_id (said_small)));

  /* A link to words that are not in the programme is refused. */
  {
    g_autoptr(CvRecord) copy = cv_record_copy (action);
    const char *stray[] = { "7d4c1f0e-1111-4222-8333-944455556666", NULL };

    cv_record_set_list (copy, "answers", stray);
    g_assert_false (cv_store_update (a, copy, &error));
    g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
    g_clear_error (&error);
    now = answers_of (a, cv_record_get_id (action));
    g_assert_cmpstr (now, ==, expected);
    g_clear_pointer (&now, g_free);
  }

  /* Deleting what was said leaves the action answering the rest; Undo links it again. */
  deletion = cv_store_delete (a, said_big, &error);
  g_assert_no_error (error);
  now = answers_of (a, cv_record_get_id (action));
  g_assert_cmpstr (now, ==, cv_record_get_id (said_small));
  g_clear_pointer (&now, g_free);
  g_assert_true (cv_store_restore (a, deletion, &error));
  g_assert_no_error (error);
  now = answers_of (a, cv_record_get_id (action));
  g_assert_cmpuint (strlen (now), ==, strlen (expected));
  g_assert_nonnull (strstr (now, cv_record_get_id (said_big)));
  g_clear_pointer (&now, g_free);
  g_clear_pointer (&deletion, cv_deletion_free);

  /* Deleting the action leaves what was said. */
  deletion = cv_store_delete (a, action, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CvRecord) still = cv_store_load (a, CV_TYPE_CONTRIBUTION, cv_record_get_id (said_small), &error);

    g_assert_no_error (error);
    g_assert_nonnull (still);
  }
}

static void
test_merge_newer_wins (void)
{
  g_autoptr(CvStore) a = new_store ("a.db");
  g_autoptr(CvStore) b = new_store ("b.db");
  g_autofree char *pid = fill_programme (a);
  g_autofree char *file = export_to_string (a, pid, CV_EXPORT_FULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CvImportSummary) first = cv_exchange_import_data (b, file, strlen (file), NULL, NULL, NULL, &error);
  g_autoptr(CvImportSummary) second = NULL;
  g_autoptr(GPtrArray) in_a = cv_store_list (a, CV_TYPE_THEME, "programme_id", pid, &error);
  g_autoptr(GPtrArray) in_b = cv_store_list (b, CV_TYPE_THEME, "programme_id", pid, &error);
  g_autoptr(GPtrArray) sessions_b = cv_store_list (b, CV_TYPE_SESSION, "programme_id", pid, &error);
  g_autoptr(CvRecord) theme = NULL;
  g_autoptr(CvRecord) session = NULL;
  g_autofree char *newer_file = NULL;

  /* A later edit in A (the theme) wins; a later edit in B (the session) is kept. */
  cv_record_set_string (g_ptr_array_index (in_a, 0), "description", "Edited in A");
  g_assert_true (cv_store_update (a, g_ptr_array_index (in_a, 0), &error));
  cv_record_set_string (g_ptr_array_index (sessions_b, 0), "location", "Edited in B");
  g_assert_true (cv_store_update (b, g_ptr_array_index (sessions_b, 0), &error));
  newer_file = export_to_string (a, pid, CV_EXPORT_FULL);

  second = cv_exchange_import_data (b, newer_file, strlen (newer_file), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cv_import_summary_count (second, "themes", "updated"), ==, 1);
  g_assert_cmpuint (cv_import_summary_count (second, "sessions", "updated"), ==, 0);
  g_assert_cmpuint (cv_import_summary_count (second, "sessions", "unchanged"), ==, 1);

  theme = cv_store_load (b, CV_TYPE_THEME, cv_record_get_id (g_ptr_array_index (in_b, 0)), &error);
  g_assert_cmpstr (cv_record_get_string (theme, "description"), ==, "Edited in A");
  session = cv_store_load (b, CV_TYPE_SESSION, cv_record_get_id (g_ptr_array_index (sessions_b, 0)), &error);
  g_assert_cmpstr (cv_record_get_string (session, "location"), ==, "Edited in B");
}

/* A digest of every row of every table: equal digests, unchanged database. */
static char *
digest (CvStore *store)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint n;
  const GType *types = cv_kinds_all (&n);

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
test_bad_files (void)
{
  g_autoptr(CvStore) store = new_store ("bad.db");
  g_autofree char *pid = fill_programme (store);
  g_autofree char *before = digest (store);
  g_autofree char *listing = NULL;
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "data", "bad", "EXPECTED", NULL);
  g_auto(GStrv) lines = NULL;
  guint checked = 0;

  g_assert_true (g_file_get_contents (expected_path, &listing, NULL, NULL));
  lines = g_strsplit (listing, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "\t", 2);
      g_autofree char *path = NULL;
      g_autofree char *data = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CvImportSummary) summary = NULL;
      gsize length;

      if (parts[0] == NULL || parts[1] == NULL)
        continue;
      path = g_test_build_filename (G_TEST_DIST, "data", "bad", parts[0], NULL);
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));

      summary = cv_exchange_import_data (store, data, length, NULL, NULL, NULL, &error);
      if (summary != NULL)
        g_error ("%s was imported", parts[0]);
      g_assert_error (error, CV_ERROR, CV_ERROR_BAD_FILE);
      if (strstr (error->message, parts[1]) == NULL)
        g_error ("%s: “%s” does not say “%s”", parts[0], error->message, parts[1]);
      g_test_message ("%s: %s", parts[0], error->message);

      after = digest (store);
      g_assert_cmpstr (before, ==, after);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 40);
}

static void
test_good_file (void)
{
  g_autoptr(CvStore) store = new_store ("good.db");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good-programme.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CvImportSummary) summary = cv_exchange_import_file (store, file, NULL, NULL, NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (cv_import_summary_count (summary, "stakeholders", "added"), ==, 2);
  g_assert_cmpuint (cv_import_summary_count (summary, "actions", "added"), ==, 1);
  text = cv_import_summary_describe (summary);
  g_assert_nonnull (strstr (text, "Stakeholder: 2 added, 0 updated, 0 unchanged"));
}

static void
test_sample_programme (void)
{
  g_autoptr(CvStore) store = new_store ("sample.db");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-programme.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CvImportSummary) summary = cv_exchange_import_file (store, file, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  gboolean clients = FALSE;

  g_assert_no_error (error);
  themes = cv_store_list (store, CV_TYPE_THEME, "programme_id", cv_import_summary_get_programme_id (summary), &error);
  g_assert_cmpuint (themes->len, ==, 7);
  measures = cv_store_list (store, CV_TYPE_MEASURE, "programme_id", cv_import_summary_get_programme_id (summary), &error);
  for (guint i = 0; i < measures->len; i++)
    if (g_str_equal (cv_record_get_string (g_ptr_array_index (measures, i), "name"), "Clients"))
      {
        g_autoptr(GPtrArray) values = cv_store_list (store, CV_TYPE_MEASURE_VALUE, "measure_id",
                                                     cv_record_get_id (g_ptr_array_index (measures, i)), &error);
        clients = TRUE;
        g_assert_cmpuint (values->len, >=, 2);
        g_assert_cmpfloat (cv_record_get_number (g_ptr_array_index (values, 0), "value"), ==, 626);
        g_assert_cmpfloat (cv_record_get_number (g_ptr_array_index (values, values->len - 1), "value"), ==, 776);
      }
  g_assert_true (clients);
}

typedef struct
{
  GAsyncResult *result;
  guint         progress;
  guint         changed;
} Waiting;

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  Waiting *waiting = data;

  waiting->result = g_object_ref (result);
}

static void
async_progress_cb (guint64  done,
                   guint64  total,
                   gpointer data)
{
  g_atomic_int_inc (&((Waiting *)data)->progress);
}

static void
changed_cb (CvStore    *store,
            const char *table,
            const char *id,
            Waiting    *waiting)
{
  waiting->changed++;
}

static GAsyncResult *
wait_for_result (Waiting *waiting)
{
  while (waiting->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return waiting->result;
}

/* Import and export on a worker thread: the window's connection hears of
 * what was imported; a cancelled import writes nothing; the export writes
 * what the file export writes. */
static void
test_async (void)
{
  g_autoptr(CvStore) store = new_store ("async.db");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-programme.json", NULL);
  g_autofree char *out_path = g_build_filename (g_get_user_data_dir (), "async-out.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CvImportSummary) summary = NULL;
  g_autoptr(GPtrArray) programmes = NULL;
  g_autofree char *programme_id = NULL;
  g_autofree char *written = NULL;
  Waiting first = { 0 }, second = { 0 }, third = { 0 };

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &first);
  g_cancellable_cancel (cancelled);
  cv_exchange_import_async (store, file, NULL, NULL, NULL, cancelled, async_done_cb, &first);
  g_assert_null (cv_exchange_import_finish (store, wait_for_result (&first), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  programmes = cv_store_list (store, CV_TYPE_PROGRAMME, "status", "active", &error);
  g_assert_cmpuint (programmes->len, ==, 0);
  g_assert_cmpuint (first.changed, ==, 0);
  g_clear_object (&first.result);
  g_signal_handlers_disconnect_by_func (store, changed_cb, &first);

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &second);
  cv_exchange_import_async (store, file, NULL, async_progress_cb, &second, NULL, async_done_cb, &second);
  summary = cv_exchange_import_finish (store, wait_for_result (&second), &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  g_assert_cmpuint (second.changed, >, 0);
  g_assert_cmpuint (second.progress, >, 0);
  programme_id = g_strdup (cv_import_summary_get_programme_id (summary));
  g_clear_pointer (&programmes, g_ptr_array_unref);
  programmes = cv_store_list (store, CV_TYPE_PROGRAMME, "status", "active", &error);
  g_assert_cmpuint (programmes->len, ==, 1);
  g_clear_object (&second.result);

  cv_exchange_export_async (store, programme_id, CV_EXPORT_FULL, out, NULL, NULL, NULL, async_done_cb, &third);
  g_assert_true (cv_exchange_export_finish (store, wait_for_result (&third), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "Home Care Collaborative"));
  g_clear_object (&third.result);
}

static void
test_export_file_atomic (void)
{
  g_autoptr(CvStore) store = new_store ("a.db");
  g_autofree char *pid = fill_programme (store);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "out.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  /* A cancelled export leaves no file behind, and an old one untouched. */
  g_assert_true (g_file_set_contents (path, "previous", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (cv_exchange_export_file (store, pid, CV_EXPORT_FULL, file, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous");

  g_assert_true (cv_exchange_export_file (store, pid, CV_EXPORT_FULL, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_find_programme (void)
{
  g_autoptr(CvStore) store = new_store ("a.db");
  g_autofree char *pid = fill_programme (store);
  g_autofree char *by_name = cv_exchange_find_programme (store, "HOME CARE collaborative", NULL);
  g_autofree char *by_id = cv_exchange_find_programme (store, pid, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (by_name, ==, pid);
  g_assert_cmpstr (by_id, ==, pid);
  g_assert_null (cv_exchange_find_programme (store, "Nope", &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_NOT_FOUND);
}


static CvImportSummary *
import_path (CvStore     *store,
             const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cv_exchange_import_file (store, file, NULL, NULL, NULL, error);
}

/* Pipes, devices, folders and oversized files are refused before any is read. */
static void
test_unreadable_inputs (void)
{
  g_autoptr(CvStore) store = new_store ("inputs.db");
  g_autofree char *pid = fill_programme (store);
  g_autofree char *before = digest (store);
  g_autofree char *fifo = g_build_filename (g_get_user_data_dir (), "pipe.json", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "good-programme.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CvImportSummary) summary = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  summary = import_path (store, fifo, &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "not an ordinary file"));
  g_clear_error (&error);

  summary = import_path (store, "/dev/zero", &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  summary = import_path (store, g_get_user_data_dir (), &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  /* Over the limit: the message states the limit; under it, the same file imports. */
  cv_exchange_set_read_limit (1000);
  summary = import_path (store, good, &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Convene reads files of up to 1.0"));
  g_clear_error (&error);
  after = digest (store);
  g_assert_cmpstr (before, ==, after);

  cv_exchange_set_read_limit (CV_FILE_DEFAULT_READ_LIMIT);
  summary = import_path (store, good, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
}

/* A new record may not take the id of a stored record of another kind. */
static void
test_id_of_stored_kind (void)
{
  g_autoptr(CvStore) store = new_store ("ids.db");
  g_autofree char *pid = fill_programme (store);
  g_autoptr(GPtrArray) people = cv_store_list (store, CV_TYPE_STAKEHOLDER, "kind", "person", NULL);
  const char *person = cv_record_get_id (g_ptr_array_index (people, 0));
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "good-programme.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *before = digest (store);
  g_autofree char *after = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CvImportSummary) summary = NULL;

  g_assert_true (g_file_get_contents (good, &text, NULL, NULL));
  changed = g_string_new (text);
  /* The file's theme takes the stored person's id. */
  g_assert_cmpuint (g_string_replace (changed, "7a1c0000-0000-4000-8000-000000000005", person, 0), >, 0);
  summary = cv_exchange_import_data (store, changed->str, changed->len, NULL, NULL, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, CV_ERROR, CV_ERROR_BAD_FILE);
  g_assert_nonnull (strstr (error->message, "themes[0].id: this database already holds another kind of record"));
  after = digest (store);
  g_assert_cmpstr (before, ==, after);
}

/* Text beyond the Basic Multilingual Plane, and Welsh letters, come back byte for byte. */
static void
test_non_bmp_round_trip (void)
{
  g_autoptr(CvStore) a = new_store ("emoji-a.db");
  g_autoptr(CvStore) b = new_store ("emoji-b.db");
  g_autofree char *pid = fill_programme (a);
  const char *name = "Siôn ŵ ŷ 🌻 𝄞 Dŵr";
  g_autoptr(CvRecord) person = add (a, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", name, NULL);
  g_autofree char *first = export_to_string (a, pid, CV_EXPORT_FULL);
  g_autofree char *second = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CvImportSummary) summary = NULL;
  g_autoptr(CvRecord) back = NULL;
  g_autoptr(GString) with_escapes = g_string_new (first);

  summary = cv_exchange_import_data (b, first, strlen (first), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  back = cv_store_load (b, CV_TYPE_STAKEHOLDER, cv_record_get_id (person), &error);
  g_assert_cmpstr (cv_record_get_string (back, "name"), ==, name);
  second = export_to_string (b, pid, CV_EXPORT_FULL);
  g_assert_cmpstr (first, ==, second);

  /* The same text written as escaped surrogate pairs reads as the same characters. */
  g_string_replace (with_escapes, "🌻", "\\ud83c\\udf3b", 0);
  g_clear_pointer (&summary, cv_import_summary_free);
  summary = cv_exchange_import_data (b, with_escapes->str, with_escapes->len, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&back);
  back = cv_store_load (b, CV_TYPE_STAKEHOLDER, cv_record_get_id (person), &error);
  g_assert_cmpstr (cv_record_get_string (back, "name"), ==, name);
}

/* Over-long text is refused with the limit in the message, by the store's
 * validation that a spreadsheet's import goes through too (test-csv
 * /csv/import/over-long-name), and nothing is written. */
static void
test_over_long_text (void)
{
  g_autoptr(CvStore) store = new_store ("long.db");
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "good-programme.json", NULL);
  g_autofree char *text = NULL;
  /* What a walk-through fed a spreadsheet import: two million characters. */
  g_autofree char *long_name = g_strnfill (2000000, 'a');
  g_autofree char *quoted_name = g_strdup_printf ("\"%s\"", long_name);
  g_autoptr(GString) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CvImportSummary) summary = NULL;
  g_autoptr(CvImportSummary) fits = NULL;

  g_assert_true (g_file_get_contents (good, &text, NULL, NULL));
  changed = g_string_new (text);
  g_assert_cmpuint (g_string_replace (changed, "\"Amira Patel\"", quoted_name, 0), ==, 1);
  summary = cv_exchange_import_data (store, changed->str, changed->len, NULL, NULL, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, CV_ERROR, CV_ERROR_BAD_FILE);
  g_assert_nonnull (strstr (error->message, "stakeholders[1]: Name: this is longer than the 1,000,000 bytes"));
  g_assert_cmpint (cv_store_count_where (store, CV_TYPE_STAKEHOLDER, "1", NULL, NULL), ==, 0);
  g_assert_cmpint (cv_store_count_where (store, CV_TYPE_PROGRAMME, "1", NULL, NULL), ==, 0);
  g_clear_error (&error);

  /* Exactly the limit is accepted. */
  g_string_assign (changed, text);
  g_free (long_name);
  long_name = g_strnfill (CV_STORE_MAX_TEXT, 'a');
  g_free (quoted_name);
  quoted_name = g_strdup_printf ("\"%s\"", long_name);
  g_assert_cmpuint (g_string_replace (changed, "\"Amira Patel\"", quoted_name, 0), ==, 1);
  fits = cv_exchange_import_data (store, changed->str, changed->len, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fits);
}

typedef struct
{
  guint calls;
  guint kill_at;
} KillPoint;

static void
kill_at_progress_cb (guint64  done,
                     guint64  total,
                     gpointer user_data)
{
  KillPoint *point = user_data;

  if (++point->calls == point->kill_at)
    raise (SIGKILL);
}

/* Names in @dir that a half-written export could have left. */
static guint
count_strays (const char *dir,
              const char *keep)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint strays = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_str_equal (name, keep) && !g_str_has_prefix (name, "big.db"))
      {
        g_test_message ("left in the folder: %s", name);
        strays++;
      }
  return strays;
}

/* SIGKILL at several points of an export: the destination is the old file or
 * the whole new one, and after the next start no partial file remains. */
static void
test_export_killed (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "exports", NULL);
  g_autofree char *db = g_build_filename (dir, "big.db", NULL);
  g_autofree char *dest = g_build_filename (dir, "programme.json", NULL);
  g_autofree char *pid = NULL;
  g_autofree char *complete = NULL;
  /* Kill points: progress calls; 0 is "not killed". Odd runs have no O_TMPFILE. */
  const guint points[] = { 1, 1, 2, 2, 0 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  {
    g_autoptr(CvStore) store = new_store ("exports/big.db");
    g_autoptr(GError) error = NULL;

    pid = fill_programme (store);
    g_assert_true (cv_database_begin (cv_store_get_database (store), &error));
    for (guint i = 0; i < 2500; i++)
      {
        g_autofree char *name = g_strdup_printf ("Person %u", i);
        g_autofree char *email = g_strdup_printf ("person%u@example.org", i);
        g_autoptr(CvRecord) person = add (store, CV_TYPE_STAKEHOLDER, "programme-id", pid, "name", name,
                                          "email", email, NULL);
      }
    g_assert_true (cv_database_commit (cv_store_get_database (store), &error));
  }
  g_assert_true (g_file_set_contents (dest, "old export", -1, NULL));

  for (guint run = 0; run < G_N_ELEMENTS (points); run++)
    {
      g_autofree char *contents = NULL;
      int status;
      pid_t child;

      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          g_autoptr(CvStore) store = cv_store_open (db, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (dest);
          KillPoint point = { 0, points[run] };

          if (run % 2 == 1)
            g_setenv ("CONVENE_NO_TMPFILE", "1", TRUE);
          _exit (cv_exchange_export_file (store, pid, CV_EXPORT_FULL, file, kill_at_progress_cb, &point,
                                          NULL, NULL) ? 0 : 1);
        }
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      if (points[run] == 0)
        g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      else
        g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      /* Without O_TMPFILE a killed export leaves its journaled partial file … */
      if (run % 2 == 1 && points[run] != 0)
        g_assert_cmpuint (count_strays (dir, "programme.json"), ==, 1);
      /* … which the next start removes; with O_TMPFILE there never was one. */
      cv_file_clean_partial ();
      g_assert_cmpuint (count_strays (dir, "programme.json"), ==, 0);

      g_assert_true (g_file_get_contents (dest, &contents, NULL, NULL));
      if (points[run] != 0)
        g_assert_cmpstr (contents, ==, "old export");
      else
        {
          g_assert_true (g_str_has_suffix (contents, "\n}\n"));
          g_assert_nonnull (strstr (contents, "person2499@example.org"));
          complete = g_steal_pointer (&contents);
        }
    }
  g_assert_nonnull (complete);
  /* The journal is gone once nothing is pending. */
  {
    g_autofree char *journal = g_build_filename (g_get_user_state_dir (), "convene", "partial-files", NULL);

    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  }
}

/* An export given up (an error, a cancel) leaves no partial file. */
static void
test_partial_discarded (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "live.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CvFileWriter *writer;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_setenv ("CONVENE_NO_TMPFILE", "1", TRUE);
  writer = cv_file_writer_new (file, &error);
  g_unsetenv ("CONVENE_NO_TMPFILE");
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (cv_file_writer_get_stream (writer), "{}", 2, NULL, NULL, &error));
  g_assert_cmpuint (count_strays (g_get_user_data_dir (), "nothing"), ==, 1);
  /* Given up without committing: no partial file, no destination. */
  cv_file_writer_free (writer);
  g_assert_cmpuint (count_strays (g_get_user_data_dir (), "nothing"), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/exchange/round-trip", test_round_trip);
  g_test_add_func ("/exchange/partner-export-private", test_partner_export_private);
  g_test_add_func ("/exchange/merge-newer-wins", test_merge_newer_wins);
  g_test_add_func ("/exchange/action-answers", test_action_answers);
  g_test_add_func ("/exchange/absent", test_absent);
  g_test_add_func ("/exchange/partner-export-not-reidentifying", test_partner_export_not_reidentifying);
  g_test_add_func ("/exchange/bad-files", test_bad_files);
  g_test_add_func ("/exchange/good-file", test_good_file);
  g_test_add_func ("/exchange/sample-programme", test_sample_programme);
  g_test_add_func ("/exchange/export-file-atomic", test_export_file_atomic);
  g_test_add_func ("/exchange/async", test_async);
  g_test_add_func ("/exchange/find-programme", test_find_programme);
  g_test_add_func ("/exchange/unreadable-inputs", test_unreadable_inputs);
  g_test_add_func ("/exchange/id-of-stored-kind", test_id_of_stored_kind);
  g_test_add_func ("/exchange/non-bmp-round-trip", test_non_bmp_round_trip);
  g_test_add_func ("/exchange/over-long-text", test_over_long_text);
  g_test_add_func ("/exchange/export-killed", test_export_killed);
  g_test_add_func ("/exchange/partial-discarded", test_partial_discarded);

  return g_test_run ();
}
