/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Programmes as JSON files, for partner organisations and for backups.
 *
 * The file is one object: the format's name and version, when and by what it
 * was made, which kind of export it is, the programme, and one array per kind
 * of record. Every key is the name the core uses for the field. Export writes
 * record by record, so a county-sized programme never sits in memory as one
 * tree. Import checks the whole file before it writes anything, then writes
 * everything in one transaction, checks every written record again against
 * the database, and commits only if all of it is right.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cv-action.h"
#include "cv-action-update.h"
#include "cv-answer.h"
#include "cv-attendance.h"
#include "cv-contribution.h"
#include "cv-consent.h"
#include "cv-consent-event.h"
#include "cv-conversation.h"
#include "cv-conversation-note.h"
#include "cv-error.h"
#include "cv-exchange.h"
#include "cv-schema.h"
#include "cv-file.h"
#include "cv-guide.h"
#include "cv-guide-section.h"
#include "cv-measure.h"
#include "cv-measure-value.h"
#include "cv-programme.h"
#include "cv-prompt.h"
#include "cv-session.h"
#include "cv-stakeholder.h"
#include "cv-theme.h"

/* Deeper than any Convene file needs; deeper still is refused unread. */
#define MAX_DEPTH 32

static guint64 read_limit = CV_FILE_DEFAULT_READ_LIMIT;

typedef struct
{
  const char *key;        /* the array in the file */
  GType     (*type) (void);
  const char *where;      /* the programme's records, ?1 being its id */
  gboolean    full_only;  /* personal data: in a full backup only */
  const char *partner_where;  /* in a partner export, when it keeps fewer */
} Section;

/* In the order they are written and read: what is referred to comes first. */
static const Section sections[] = {
  { "stakeholders", cv_stakeholder_get_type, "programme_id = ?1", FALSE,
    "programme_id = ?1 AND (kind = 'organisation' OR named_to_partners = 1)" },
  { "sessions", cv_session_get_type, "programme_id = ?1", FALSE },
  { "attendance", cv_attendance_get_type,
    "session_id IN (SELECT id FROM session WHERE programme_id = ?1)", FALSE,
    /* Only who a partner may see named: organisations, and people who said
     * yes. One lookup of each row's person: two IN lists made SQLite try every
     * session with every named person (195 s on the county database). */
    "session_id IN (SELECT id FROM session WHERE programme_id = ?1) AND"
    " (SELECT p.kind = 'organisation' OR p.named_to_partners = 1 FROM stakeholder p"
    " WHERE p.id = attendance.stakeholder_id)" },
  { "themes", cv_theme_get_type, "programme_id = ?1", FALSE },
  { "contributions", cv_contribution_get_type, "programme_id = ?1", FALSE },
  { "actions", cv_action_get_type, "programme_id = ?1", FALSE },
  { "action_updates", cv_action_update_get_type,
    "action_id IN (SELECT id FROM action WHERE programme_id = ?1)", FALSE },
  /* Guides are shared by every programme: custom ones travel whole, built-in
   * ones by reference (every Convene has them). */
  { "guides", cv_guide_get_type, "builtin = 0", FALSE },
  { "guide_sections", cv_guide_section_get_type,
    "guide_id IN (SELECT id FROM guide WHERE builtin = 0)", FALSE },
  { "prompts", cv_prompt_get_type,
    "section_id IN (SELECT s.id FROM guide_section s JOIN guide g ON g.id = s.guide_id"
    " WHERE g.builtin = 0)", FALSE },
  { "conversations", cv_conversation_get_type, "programme_id = ?1", TRUE },
  { "answers", cv_answer_get_type,
    "conversation_id IN (SELECT id FROM conversation WHERE programme_id = ?1)", TRUE },
  { "conversation_notes", cv_conversation_note_get_type,
    "conversation_id IN (SELECT id FROM conversation WHERE programme_id = ?1)", TRUE },
  { "measures", cv_measure_get_type, "programme_id = ?1", FALSE },
  { "measure_values", cv_measure_value_get_type,
    "measure_id IN (SELECT id FROM measure WHERE programme_id = ?1)", FALSE },
  /* A person's consent history: in a full backup only. */
  { "consent_events", cv_consent_event_get_type,
    "stakeholder_id IN (SELECT id FROM stakeholder WHERE programme_id = ?1)", TRUE },
};

#define N_SECTIONS G_N_ELEMENTS (sections)

static const CvRecordKind *
kind_of (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  return CV_RECORD_CLASS (klass)->kind;
}

/* Export */

/* What a partner export leaves out: contact details, consent and notes of
 * people, and who said what. */
static gboolean
left_out_for_partners (CvRecord      *record,
                       const CvField *field)
{
  const char *table = cv_record_get_kind (record)->table;

  /* A person's consent is between them and this programme: a partner
   * learns only that they are willing to be named, by their being there. */
  if (g_str_equal (table, "stakeholder") &&
      g_strcmp0 (cv_record_get_string (record, "kind"), "person") == 0)
    return g_str_equal (field->name, "email") || g_str_equal (field->name, "phone") ||
           g_str_equal (field->name, "notes") || g_str_has_prefix (field->name, "consent");
  if (g_str_equal (table, "contribution"))
    return g_str_equal (field->name, "stakeholder_id");
  return FALSE;
}

/*
 * A partner export must not let anyone be re-identified by joining its
 * tables, so beyond leaving fields out it follows these rules:
 *
 * - A person appears only if they are willing to be named to partners;
 *   nobody else's id appears anywhere (attendance, owners, facilitators).
 * - Attendance of the others travels as counts per session and status.
 * - What was said is linked to its session only when at least
 *   CV_EXCHANGE_MIN_CROWD people attended it. What was said at a smaller
 *   session travels under one stand-in session, "smaller sessions", that
 *   pools them all, with the stand-in's own time (the programme's making)
 *   instead of its own; and
 *   every contribution is listed in the order of its random id, so neither
 *   its time nor its place in the file points back to its session. Actions
 *   agreed at a smaller session are pooled the same way, so that their
 *   themes cannot point back either. When fewer than CV_EXCHANGE_MIN_CROWD
 *   people attended the smaller sessions all together, what was said at them
 *   is left out.
 * - An action owned by an unnamed person names the owner's organisation.
 */
typedef struct
{
  GHashTable *named;           /* stakeholder ids a partner may see */
  GHashTable *crowded;         /* sessions attended by enough people */
  GHashTable *owner_org;       /* unnamed owner → their organisation */
  gint64      pool;            /* people who attended the smaller sessions */
  gint64      pooled;          /* contributions and actions of smaller sessions */
  char       *pool_id;         /* the stand-in session's id */
  char       *pool_time;       /* the one time every pooled record is given */
} PartnerRules;

static void
partner_rules_clear (PartnerRules *rules)
{
  g_clear_pointer (&rules->named, g_hash_table_unref);
  g_clear_pointer (&rules->crowded, g_hash_table_unref);
  g_clear_pointer (&rules->owner_org, g_hash_table_unref);
  g_clear_pointer (&rules->pool_id, g_free);
  g_clear_pointer (&rules->pool_time, g_free);
}

/* A partner rule's query, bound: ?1 is the programme, ?2 (when used) the
 * smallest crowd. */
static CvStatement *
prepare_for_programme (CvStore     *store,
                       const char  *sql,
                       const char  *programme_id,
                       GError     **error)
{
  CvStatement *st = cv_database_prepare (cv_store_get_database (store), sql, error);

  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, programme_id);
  if (sqlite3_bind_parameter_count (cv_statement_get_stmt (st)) >= 2)
    cv_statement_bind_int64 (st, 2, CV_EXCHANGE_MIN_CROWD);
  return st;
}

/* A number from one query of prepare_for_programme()'s kind. */
static gint64
count_of (CvStore     *store,
          const char  *sql,
          const char  *programme_id,
          GError     **error)
{
  g_autoptr(CvStatement) st = prepare_for_programme (store, sql, programme_id, error);

  if (st == NULL)
    return -1;
  if (cv_statement_step (st, error) != CV_STEP_ROW)
    return -1;
  return cv_statement_column_int64 (st, 0);
}

/* The same id for the same name, every time: a name-based UUID. */
static char *
name_based_id (const char *prefix,
               const char *name)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *hex;

  g_checksum_update (sum, (const guchar *)prefix, -1);
  g_checksum_update (sum, (const guchar *)name, -1);
  hex = g_checksum_get_string (sum);
  /* Shaped as a name-based UUID: version 5, RFC 4122 variant. */
  return g_strdup_printf ("%.8s-%.4s-5%.3s-%c%.3s-%.12s", hex, hex + 8, hex + 13,
                          "89ab"[g_ascii_xdigit_value (hex[16]) & 3], hex + 17, hex + 20);
}

/* The same id for a programme's stand-in session in every export. */
static char *
pool_id_for (const char *programme_id)
{
  return name_based_id ("convene-smaller-sessions:", programme_id);
}

/* Fills @table with the first column of @sql (and the second as values, with
 * @pairs); @sql is of prepare_for_programme()'s kind. */
static gboolean
collect (CvStore     *store,
         const char  *sql,
         const char  *programme_id,
         GHashTable  *table,
         gboolean     pairs,
         GError     **error)
{
  g_autoptr(CvStatement) st = prepare_for_programme (store, sql, programme_id, error);
  CvStep step;

  if (st == NULL)
    return FALSE;
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    g_hash_table_insert (table, g_strdup (cv_statement_column_text (st, 0)),
                         pairs ? g_strdup (cv_statement_column_text (st, 1)) : NULL);
  return step == CV_STEP_DONE;
}

/* Returns: (transfer full): when the programme was made, or %NULL with @error set */
static char *
programme_created_at (CvStore     *store,
                      const char  *programme_id,
                      GError     **error)
{
  g_autoptr(CvStatement) st = prepare_for_programme (store, "SELECT created_at FROM programme WHERE id = ?1",
                                                     programme_id, error);

  if (st == NULL)
    return NULL;
  if (cv_statement_step (st, error) != CV_STEP_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CV_ERROR, CV_ERROR_NOT_FOUND, _("This programme no longer exists."));
      return NULL;
    }
  return g_strdup (cv_statement_column_text (st, 0));
}

/* People erased from the register still came: their counts are kept. */
#define ATTENDED(session) \
  "((SELECT count(*) FROM attendance b WHERE b.session_id = " session " AND b.status = 'attended')" \
  " + coalesce ((SELECT e.attended FROM session_erased_attendance e WHERE e.session_id = " session "), 0))"

/* How many people attended the programme's smaller sessions, all together. */
static const char smaller_sessions_crowd_sql[] =
  "SELECT count(DISTINCT a.stakeholder_id) FROM attendance a"
  " JOIN session s ON s.id = a.session_id"
  " WHERE s.programme_id = ?1 AND a.status = 'attended'"
  " AND " ATTENDED ("a.session_id") " < ?2";

/**
 * cv_exchange_smaller_sessions_pool:
 * @programme_id: a programme
 * @pooled: (out): whether what was said and agreed at the programme's
 *   smaller sessions may travel to partners pooled under one "smaller
 *   sessions" (at least %CV_EXCHANGE_MIN_CROWD people attended them all
 *   together); when not, partners get none of what was said there
 *
 * The rule of every partner export, JSON or spreadsheet.
 *
 * Returns: %FALSE with @error set when the database could not be read
 */
gboolean
cv_exchange_smaller_sessions_pool (CvStore     *store,
                                   const char  *programme_id,
                                   gboolean    *pooled,
                                   GError     **error)
{
  gint64 crowd;

  g_return_val_if_fail (CV_IS_STORE (store), FALSE);
  g_return_val_if_fail (pooled != NULL, FALSE);

  crowd = count_of (store, smaller_sessions_crowd_sql, programme_id, error);
  *pooled = crowd >= CV_EXCHANGE_MIN_CROWD;
  return crowd >= 0;
}

static gboolean
partner_rules_load (PartnerRules  *rules,
                    CvStore       *store,
                    const char    *programme_id,
                    GError       **error)
{
  rules->named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rules->crowded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rules->owner_org = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);


  return collect (store, "SELECT id FROM stakeholder WHERE programme_id = ?1"
                         " AND (kind = 'organisation' OR named_to_partners = 1)",
                  programme_id, rules->named, FALSE, error) &&
         collect (store, "SELECT s.id FROM session s WHERE s.programme_id = ?1 AND " ATTENDED ("s.id") " >= ?2",
                  programme_id, rules->crowded, FALSE, error) &&
         (rules->pool = count_of (store, smaller_sessions_crowd_sql, programme_id, error)) >= 0 &&
         (rules->pooled = count_of (store, "SELECT count(*) FROM (SELECT session_id FROM contribution"
                                           " WHERE programme_id = ?1 UNION ALL SELECT session_id FROM action"
                                           " WHERE programme_id = ?1 AND session_id IS NOT NULL) r"
                                           " WHERE " ATTENDED ("r.session_id") " < ?2",
                                    programme_id, error)) >= 0 &&
         (rules->pool_id = pool_id_for (programme_id)) != NULL &&
         (rules->pool_time = programme_created_at (store, programme_id, error)) != NULL &&
         collect (store, "SELECT s.id, s.organisation_id FROM stakeholder s"
                         " WHERE s.programme_id = ?1 AND s.kind = 'person'"
                         " AND s.named_to_partners = 0 AND s.organisation_id IS NOT NULL"
                         " AND s.id IN (SELECT owner_id FROM action WHERE programme_id = ?1)",
                  programme_id, rules->owner_org, TRUE, error);
}

/* Whether the export has a stand-in session for what smaller sessions said. */
static gboolean
partner_rules_need_pool (PartnerRules *rules)
{
  return rules->pooled > 0 && rules->pool >= CV_EXCHANGE_MIN_CROWD;
}

/* Returns: (transfer full): the stand-in session */
static CvRecord *
partner_rules_pool_session (PartnerRules *rules,
                            CvRecord     *programme)
{
  CvRecord *session = cv_record_new (CV_TYPE_SESSION);

  cv_record_set_id (session, rules->pool_id);
  cv_record_set_timestamps (session, cv_record_get_created_at (programme), cv_record_get_created_at (programme));
  cv_record_set_string (session, "programme_id", cv_record_get_id (programme));
  cv_record_set_string (session, "title", _("Smaller sessions (fewer than five people each)"));
  cv_record_set_string (session, "kind", "other");
  cv_record_set_string (session, "status", "held");
  cv_record_set_string (session, "summary",
                        _("What was said and agreed at sessions attended by fewer than five people, "
                          "gathered here so that nobody can be recognised from it."));
  return session;
}

/* An action answers only what was said at sessions big enough for the words
 * to travel with their session: a link to words from a smaller session could
 * point back at it through the action. */
static gboolean
partner_rules_filter_answers (PartnerRules  *rules,
                              CvStore       *store,
                              CvRecord      *action,
                              GError       **error)
{
  const char * const *answers = cv_record_get_list (action, "answers");
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);

  if (answers == NULL || answers[0] == NULL)
    return TRUE;
  for (guint i = 0; answers[i] != NULL; i++)
    {
      g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store),
                                                       "SELECT session_id FROM contribution WHERE id = ?1", error);
      CvStep step;

      if (st == NULL)
        return FALSE;
      cv_statement_bind_text (st, 1, answers[i]);
      step = cv_statement_step (st, error);
      if (step == CV_STEP_ERROR)
        return FALSE;
      if (step == CV_STEP_ROW && g_hash_table_contains (rules->crowded, cv_statement_column_text (st, 0)))
        g_ptr_array_add (kept, g_strdup (answers[i]));
    }
  g_ptr_array_add (kept, NULL);
  cv_record_set_list (action, "answers", (const char * const *)kept->pdata);
  return TRUE;
}

/* Applies the rules above to @record, a copy loaded for the export; @keep
 * says whether it is written at all. */
static gboolean
partner_rules_apply (PartnerRules  *rules,
                     CvStore       *store,
                     CvRecord      *record,
                     gboolean      *keep,
                     GError       **error)
{
  const char *table = cv_record_get_kind (record)->table;

  *keep = TRUE;

  if (g_str_equal (table, "session"))
    {
      const char *facilitator = cv_record_get_string (record, "facilitator_id");

      if (facilitator != NULL && !g_hash_table_contains (rules->named, facilitator))
        cv_record_set_string (record, "facilitator_id", NULL);
    }
  else if (g_str_equal (table, "action"))
    {
      const char *owner = cv_record_get_string (record, "owner_id");
      const char *session = cv_record_get_string (record, "session_id");

      if (owner != NULL && !g_hash_table_contains (rules->named, owner))
        {
          const char *organisation = g_hash_table_lookup (rules->owner_org, owner);

          if (cv_record_get_string (record, "organisation_id") == NULL && organisation != NULL)
            cv_record_set_string (record, "organisation_id", organisation);
          cv_record_set_string (record, "owner_id", NULL);
        }
      /* Agreed at a smaller session: neither its session nor its time may
       * point back there (the day it was recorded is the session's day). */
      if (session != NULL && !g_hash_table_contains (rules->crowded, session))
        {
          cv_record_set_string (record, "session_id", partner_rules_need_pool (rules) ? rules->pool_id : NULL);
          cv_record_set_timestamps (record, rules->pool_time, rules->pool_time);
        }
      if (!partner_rules_filter_answers (rules, store, record, error))
        return FALSE;
    }
  else if (g_str_equal (table, "contribution"))
    {
      const char *session = cv_record_get_string (record, "session_id");

      if (session == NULL || !g_hash_table_contains (rules->crowded, session))
        {
          if (!partner_rules_need_pool (rules))
            {
              *keep = FALSE;
              return TRUE;
            }
          /* One time for all of them, the stand-in session's: even a month
           * names the session when it was the only small one that month. */
          cv_record_set_string (record, "session_id", rules->pool_id);
          cv_record_set_timestamps (record, rules->pool_time, rules->pool_time);
        }
    }
  return TRUE;
}

/**
 * cv_exchange_record_to_node:
 * @partner: leave out what a partner export leaves out
 *
 * Returns: (transfer full): @record as the JSON object the exchange format
 *   writes: its id, timestamps and every field under its own name
 */
JsonNode *
cv_exchange_record_to_node (CvRecord *record,
                            gboolean  partner)
{
  const CvRecordKind *kind = cv_record_get_kind (record);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, cv_record_get_id (record));
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, cv_record_get_created_at (record));
  json_builder_set_member_name (builder, "updated_at");
  json_builder_add_string_value (builder, cv_record_get_updated_at (record));

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CvField *field = &kind->fields[i];
      const GValue *value = cv_record_get_value (record, i);

      if (partner && left_out_for_partners (record, field))
        continue;

      json_builder_set_member_name (builder, field->name);
      /* A partner never learns who said what. */
      if (partner && g_str_equal (kind->table, "contribution") && g_str_equal (field->name, "anonymous"))
        json_builder_add_boolean_value (builder, TRUE);
      else if (G_VALUE_HOLDS_BOOLEAN (value))
        json_builder_add_boolean_value (builder, g_value_get_boolean (value));
      else if (G_VALUE_HOLDS_INT64 (value))
        json_builder_add_int_value (builder, g_value_get_int64 (value));
      else if (G_VALUE_HOLDS_DOUBLE (value))
        json_builder_add_double_value (builder, g_value_get_double (value));
      else if (G_VALUE_HOLDS_STRING (value))
        {
          if (g_value_get_string (value) != NULL)
            json_builder_add_string_value (builder, g_value_get_string (value));
          else
            json_builder_add_null_value (builder);
        }
      else
        {
          const char * const *items = g_value_get_boxed (value);

          json_builder_begin_array (builder);
          for (guint j = 0; items != NULL && items[j] != NULL; j++)
            json_builder_add_string_value (builder, items[j]);
          json_builder_end_array (builder);
        }
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

typedef struct
{
  CvStore            *store;
  GOutputStream      *stream;
  GCancellable       *cancellable;
  gboolean            partner;
  gboolean            first;
  guint64             done;
  guint64             total;
  CvExchangeProgress  progress;
  gpointer            user_data;
  PartnerRules        rules;
} Writer;

static gboolean
write_text (Writer      *w,
            const char  *text,
            GError     **error)
{
  return g_output_stream_write_all (w->stream, text, strlen (text), NULL, w->cancellable, error);
}

static gboolean
write_record_cb (CvRecord  *record,
                 gpointer   user_data,
                 GError   **error)
{
  Writer *w = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  if (g_cancellable_set_error_if_cancelled (w->cancellable, error))
    return FALSE;

  /* A built-in guide travels as a reference: its id, version and title. */
  if (g_str_equal (cv_record_get_kind (record)->table, "guide") && cv_record_get_boolean (record, "builtin"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, cv_record_get_id (record));
      json_builder_set_member_name (builder, "builtin");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, cv_record_get_integer (record, "version"));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, cv_record_get_string (record, "title"));
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
    }
  else
    {
      gboolean keep = TRUE;

      if (w->partner && !partner_rules_apply (&w->rules, w->store, record, &keep, error))
        return FALSE;
      if (!keep)
        return TRUE;
      node = cv_exchange_record_to_node (record, w->partner);
    }

  json = json_to_string (node, FALSE);
  if (!write_text (w, w->first ? "\n    " : ",\n    ", error) || !write_text (w, json, error))
    return FALSE;
  w->first = FALSE;
  w->done++;
  if (w->progress != NULL && (w->done % 1000 == 0 || w->done == w->total))
    w->progress (w->done, w->total, w->user_data);
  return TRUE;
}

/* The built-in guides a programme's conversations used: referred to, not copied. */
static const char builtin_guides_used[] =
  "builtin = 1 AND id IN (SELECT guide_id FROM conversation WHERE programme_id = ?1)";

static char *
quoted (const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  return json_to_string (node, FALSE);
}

/* How many people of each status attended each session: in a partner export,
 * instead of the rows of people who are not named. */
static gboolean
write_attendance_counts (Writer      *w,
                         CvStore     *store,
                         const char  *programme_id,
                         GError     **error)
{
  g_autoptr(CvStatement) st = NULL;
  CvStep step;
  gboolean first = TRUE;

  st = cv_database_prepare (cv_store_get_database (store),
                            "SELECT session_id, status, sum(n) FROM ("
                            " SELECT a.session_id, a.status, count(*) AS n FROM attendance a"
                            "  JOIN session s ON s.id = a.session_id WHERE s.programme_id = ?1"
                            "  GROUP BY a.session_id, a.status"
                            /* and the people erased from the register, who still came */
                            " UNION ALL SELECT e.session_id, 'invited', e.invited FROM session_erased_attendance e"
                            "  JOIN session s ON s.id = e.session_id WHERE s.programme_id = ?1 AND e.invited > 0"
                            " UNION ALL SELECT e.session_id, 'attended', e.attended FROM session_erased_attendance e"
                            "  JOIN session s ON s.id = e.session_id WHERE s.programme_id = ?1 AND e.attended > 0"
                            " UNION ALL SELECT e.session_id, 'apologies', e.apologies FROM session_erased_attendance e"
                            "  JOIN session s ON s.id = e.session_id WHERE s.programme_id = ?1 AND e.apologies > 0"
                            " UNION ALL SELECT e.session_id, 'absent', e.absent FROM session_erased_attendance e"
                            "  JOIN session s ON s.id = e.session_id WHERE s.programme_id = ?1 AND e.absent > 0)"
                            " GROUP BY session_id, status ORDER BY session_id, status", error);
  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, programme_id);
  if (!write_text (w, ",\n  \"attendance_counts\": [", error))
    return FALSE;
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    {
      g_autofree char *session = quoted (cv_statement_column_text (st, 0));
      g_autofree char *status = quoted (cv_statement_column_text (st, 1));
      g_autofree char *line = g_strdup_printf ("%s\n    {\"session_id\": %s, \"status\": %s, \"count\": %"
                                               G_GINT64_FORMAT "}", first ? "" : ",", session, status,
                                               cv_statement_column_int64 (st, 2));

      if (!write_text (w, line, error))
        return FALSE;
      first = FALSE;
    }
  if (step != CV_STEP_DONE)
    return FALSE;
  return write_text (w, first ? "]" : "\n  ]", error);
}

static gboolean
export_sections (Writer      *w,
                 CvStore     *store,
                 const char  *programme_id,
                 const char  *exported_at,
                 GError     **error)
{
  g_autoptr(CvRecord) programme = NULL;
  g_autoptr(JsonNode) programme_node = NULL;
  g_autofree char *programme_json = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *header = NULL;

  programme = cv_store_load (store, CV_TYPE_PROGRAMME, programme_id, error);
  if (programme == NULL)
    return FALSE;

  for (guint s = 0; s < N_SECTIONS; s++)
    if (!(sections[s].full_only && w->partner))
      {
        const char *where = w->partner && sections[s].partner_where != NULL
          ? sections[s].partner_where : sections[s].where;
        gint64 n = cv_store_count_where (store, sections[s].type (), where, programme_id, error);

        if (n < 0)
          return FALSE;
        w->total += n;
      }

  programme_node = cv_exchange_record_to_node (programme, w->partner);
  programme_json = json_to_string (programme_node, FALSE);
  stamp = quoted (exported_at);
  header = g_strdup_printf ("{\n  \"format\": \"convene-programme\",\n  \"format_version\": %d,\n"
                            "  \"exported_at\": %s,\n"
                            "  \"generator\": {\"name\": \"Convene\", \"version\": \"%s\"},\n"
                            "  \"export_kind\": \"%s\",\n  \"programme\": %s",
                            CV_EXCHANGE_FORMAT_VERSION, stamp, PACKAGE_VERSION,
                            w->partner ? "partner" : "full", programme_json);
  if (!write_text (w, header, error))
    return FALSE;

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      g_autofree char *opening = NULL;
      const char *where = w->partner && sections[s].partner_where != NULL
        ? sections[s].partner_where : sections[s].where;

      if (sections[s].full_only && w->partner)
        continue;
      opening = g_strdup_printf (",\n  \"%s\": [", sections[s].key);
      if (!write_text (w, opening, error))
        return FALSE;
      w->first = TRUE;
      if (g_str_equal (sections[s].key, "guides") && !w->partner &&
          !cv_store_foreach (store, CV_TYPE_GUIDE, builtin_guides_used, programme_id,
                             write_record_cb, w, error))
        return FALSE;
      if (!cv_store_foreach (store, sections[s].type (), where, programme_id,
                             write_record_cb, w, error))
        return FALSE;
      if (w->partner && sections[s].type () == CV_TYPE_SESSION && partner_rules_need_pool (&w->rules))
        {
          g_autoptr(CvRecord) pool = partner_rules_pool_session (&w->rules, programme);

          w->total++;
          if (!write_record_cb (pool, w, error))
            return FALSE;
        }
      if (!write_text (w, w->first ? "]" : "\n  ]", error))
        return FALSE;
      if (w->partner && sections[s].type () == CV_TYPE_ATTENDANCE &&
          !write_attendance_counts (w, store, programme_id, error))
        return FALSE;
    }
  return write_text (w, "\n}\n", error);
}

/**
 * cv_exchange_export_stream:
 * @exported_at: when, as stored UTC; tests pass a fixed one
 *
 * Writes the programme to @stream, record by record. A partner export
 * follows the rules described at PartnerRules.
 */
gboolean
cv_exchange_export_stream (CvStore             *store,
                           const char          *programme_id,
                           CvExportKind         kind,
                           const char          *exported_at,
                           GOutputStream       *stream,
                           CvExchangeProgress   progress,
                           gpointer             user_data,
                           GCancellable        *cancellable,
                           GError             **error)
{
  Writer w = { store, stream, cancellable, kind == CV_EXPORT_PARTNER, TRUE, 0, 0, progress, user_data, { 0 } };
  gboolean ok;

  g_return_val_if_fail (CV_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (exported_at != NULL, FALSE);

  if (w.partner && !partner_rules_load (&w.rules, store, programme_id, error))
    {
      partner_rules_clear (&w.rules);
      return FALSE;
    }
  ok = export_sections (&w, store, programme_id, exported_at, error);
  partner_rules_clear (&w.rules);
  return ok;
}

/**
 * cv_exchange_describe_partner_export:
 *
 * Returns: (transfer full): what a partner export of the programme leaves
 *   out, in words for the person about to make one, or %NULL with @error
 */
char *
cv_exchange_describe_partner_export (CvStore     *store,
                                     const char  *programme_id,
                                     GError     **error)
{
  gint64 people, unnamed;
  GString *text;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);

  people = count_of (store, "SELECT count(*) FROM stakeholder WHERE programme_id = ?1 AND kind = 'person'",
                     programme_id, error);
  unnamed = people < 0 ? -1 : count_of (store, "SELECT count(*) FROM stakeholder WHERE programme_id = ?1"
                                               " AND kind = 'person' AND named_to_partners = 0",
                                        programme_id, error);
  if (unnamed < 0)
    return NULL;

  text = g_string_new (_("A partner export leaves out people’s contact details and notes, every "
                         "care-planning conversation, and who said what."));
  g_string_append_c (text, ' ');
  if (unnamed == 0)
    g_string_append (text, _("Everyone in the register is willing to be named to partners."));
  else
    /* TRANSLATORS: the first number is of people left out, the second of all people */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%2$d of the %1$d people in the register has not said they "
                                               "are willing to be named to partners: they are left out, and "
                                               "counted in each session’s numbers instead.",
                                               "%2$d of the %1$d people in the register have not said they "
                                               "are willing to be named to partners: they are left out, and "
                                               "counted in each session’s numbers instead.",
                                               (gulong)unnamed),
                            (int)people, (int)unnamed);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, _("What was said or agreed at a session attended by fewer than %d people is "
                                  "not linked to that session, and is left out when too few people came to "
                                  "such sessions at all."), CV_EXCHANGE_MIN_CROWD);
  return g_string_free (text, FALSE);
}

/**
 * cv_exchange_export_file:
 *
 * Writes to a temporary file beside @file and puts it in place only when
 * all of it is written: a failure or a cancel leaves nothing half-written.
 * The file is readable by its owner alone.
 */
gboolean
cv_exchange_export_file (CvStore             *store,
                         const char          *programme_id,
                         CvExportKind         kind,
                         GFile               *file,
                         CvExchangeProgress   progress,
                         gpointer             user_data,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_autoptr(CvFileWriter) writer = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  writer = cv_file_writer_new (file, error);
  if (writer == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (cv_file_writer_get_stream (writer), 64 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);

  /* Freeing an uncommitted writer leaves the destination as it was. */
  return cv_exchange_export_stream (store, programme_id, kind, stamp, buffered, progress, user_data,
                                    cancellable, error) &&
         g_output_stream_flush (buffered, cancellable, error) &&
         cv_file_writer_commit (writer, cancellable, error);
}

/* Import: reading and checking */

struct _CvImportSummary
{
  char  *programme_id;
  GPtrArray *added_people;           /* ids of the people the import added */
  guint  possible_duplicates;        /* of them, how many look like someone already here */
  guint  added[N_SECTIONS + 1];      /* the last is the programme */
  guint  updated[N_SECTIONS + 1];
  guint  unchanged[N_SECTIONS + 1];
};

void
cv_import_summary_free (CvImportSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->programme_id);
  g_clear_pointer (&summary->added_people, g_ptr_array_unref);
  g_free (summary);
}

const char *
cv_import_summary_get_programme_id (CvImportSummary *summary)
{
  return summary->programme_id;
}

/**
 * cv_import_summary_get_added_people:
 *
 * Returns: (transfer none) (element-type utf8): the ids of the people the
 *   import added to the register, to look among for someone already there
 */
GPtrArray *
cv_import_summary_get_added_people (CvImportSummary *summary)
{
  return summary->added_people;
}

/**
 * cv_import_summary_get_possible_duplicates:
 *
 * Returns: how many people the import added look like someone who was in
 *   the register before (cv_exchange_import_async() counts them)
 */
guint
cv_import_summary_get_possible_duplicates (CvImportSummary *summary)
{
  return summary->possible_duplicates;
}

void
cv_import_summary_set_possible_duplicates (CvImportSummary *summary,
                                           guint            n)
{
  summary->possible_duplicates = n;
}

static int
section_index (const char *key)
{
  if (g_str_equal (key, "programme"))
    return N_SECTIONS;
  for (guint s = 0; s < N_SECTIONS; s++)
    if (g_str_equal (sections[s].key, key))
      return s;
  return -1;
}

/**
 * cv_import_summary_count:
 * @key: "programme" or an array of the file ("stakeholders" …)
 * @what: "added", "updated" or "unchanged"
 */
guint
cv_import_summary_count (CvImportSummary *summary,
                         const char      *key,
                         const char      *what)
{
  int s = section_index (key);

  g_return_val_if_fail (s >= 0, 0);
  if (g_str_equal (what, "added"))
    return summary->added[s];
  if (g_str_equal (what, "updated"))
    return summary->updated[s];
  return summary->unchanged[s];
}

/* Returns: (transfer full): what the import did, a line per kind of record */
char *
cv_import_summary_describe (CvImportSummary *summary)
{
  GString *text = g_string_new (NULL);

  for (guint s = 0; s <= N_SECTIONS; s++)
    {
      const char *label = s == N_SECTIONS ? N_("Programme") : kind_of (sections[s].type ())->label;

      if (summary->added[s] + summary->updated[s] + summary->unchanged[s] == 0)
        continue;
      /* TRANSLATORS: a kind of record, then how many were added, updated and left as they were */
      g_string_append_printf (text, _("%s: %u added, %u updated, %u unchanged\n"), _(label),
                              summary->added[s], summary->updated[s], summary->unchanged[s]);
    }
  if (text->len == 0)
    g_string_append (text, _("The file held nothing to import."));
  else
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

static gboolean
bad_file (GError    **error,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static gboolean
bad_file (GError    **error,
          const char *format,
          ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CV_ERROR, CV_ERROR_BAD_FILE, message);
  return FALSE;
}

typedef struct
{
  GHashTable *keys;   /* NULL for an array */
  gboolean    want_key;
} Frame;

static void
frame_free (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->keys, g_hash_table_unref);
  g_free (frame);
}

static int
hex_value (const char *p)
{
  int value = 0;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* A string of the file, from after its opening quote to its closing one,
 * with its escapes undone into @out. The JSON parser would take a lone half
 * of a surrogate pair as bytes that are not UTF-8, and cut a string short at
 * an escaped zero, so both are refused here; a malformed escape is left to
 * the parser to name. */
static gboolean
lone_surrogate (GError **error,
                guint    line,
                int      unit)
{
  return bad_file (error, _("Line %u: a text holds “\\u%04x”, half of a character without its other half "
                            "(a lone surrogate), so it is not valid Unicode."), line, (guint)unit);
}

static gboolean
unescape_string (const char  *text,
                 gsize        length,
                 GString     *out,
                 guint        line,
                 GError     **error)
{
  g_string_truncate (out, 0);
  for (gsize i = 0; i < length; i++)
    {
      int unit, low;

      if (text[i] != '\\')
        {
          g_string_append_c (out, text[i]);
          continue;
        }
      if (++i >= length)
        return TRUE;
      if (text[i] != 'u')
        {
          const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
          const char *at = strchr (from, text[i]);

          g_string_append_c (out, at != NULL && *at != '\0' ? to[at - from] : text[i]);
          continue;
        }
      if (i + 4 >= length || (unit = hex_value (text + i + 1)) < 0)
        return TRUE;
      i += 4;
      if (unit == 0)
        return bad_file (error, _("Line %u: a text holds an escaped zero character (\\u0000), "
                                  "which Convene does not accept."), line);
      if (unit >= 0xdc00 && unit <= 0xdfff)
        return lone_surrogate (error, line, unit);
      if (unit >= 0xd800 && unit <= 0xdbff)
        {
          if (i + 6 >= length || text[i + 1] != '\\' || text[i + 2] != 'u' ||
              (low = hex_value (text + i + 3)) < 0xdc00 || low > 0xdfff)
            return lone_surrogate (error, line, unit);
          i += 6;
          g_string_append_unichar (out, 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00));
          continue;
        }
      g_string_append_unichar (out, unit);
    }
  return TRUE;
}

/* JSON parsers keep the last of two equal keys without a word, and follow
 * nesting as deep as it goes. A file with either is refused before parsing,
 * keys compared as the parser will read them (escapes undone), and so is text
 * that is not Unicode once its escapes are undone. */
static gboolean
check_structure (const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (frame_free);
  g_autoptr(GString) text = g_string_new (NULL);
  guint line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      Frame *top = stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;

      if (c == '\n')
        line++;
      else if (c == '"')
        {
          gsize start = ++i;
          guint string_line = line;

          while (i < length && data[i] != '"')
            {
              if (data[i] == '\\')
                i++;
              else if (data[i] == '\n')
                line++;
              i++;
            }
          if (i >= length)
            return TRUE;   /* unterminated: the parser says so */
          if (!unescape_string (data + start, i - start, text, string_line, error))
            return FALSE;
          if (top != NULL && top->keys != NULL && top->want_key)
            {
              if (g_hash_table_contains (top->keys, text->str))
                return bad_file (error, _("Line %u: the key “%s” appears twice in the same object."),
                                 string_line, text->str);
              g_hash_table_add (top->keys, g_strdup (text->str));
              top->want_key = FALSE;
            }
        }
      else if (c == '{' || c == '[')
        {
          Frame *frame = g_new0 (Frame, 1);

          if (stack->len >= MAX_DEPTH)
            {
              g_free (frame);
              return bad_file (error, _("Line %u: the file nests more deeply than a Convene programme ever does."),
                               line);
            }
          if (c == '{')
            frame->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          frame->want_key = c == '{';
          g_ptr_array_add (stack, frame);
        }
      else if (c == '}' || c == ']')
        {
          if (stack->len == 0)
            return TRUE;
          g_ptr_array_remove_index (stack, stack->len - 1);
        }
      else if (c == ',' && top != NULL && top->keys != NULL)
        top->want_key = TRUE;
    }
  return TRUE;
}

static gboolean
is_utc_timestamp (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL || !g_str_has_suffix (text, "Z") || strlen (text) < 20)
    return FALSE;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

static const char *
describe_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return _("empty (null)");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return _("true or false");
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return _("a number");
    default:
      return _("text");
    }
}

static const char *
string_of (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
    ? json_node_get_string (node) : NULL;
}

/* One field of a record, from the file, checked for its type and its form. */
static gboolean
set_field (CvRecord       *record,
           const CvField  *field,
           JsonNode       *node,
           const char     *path,
           GError        **error)
{
  const char *text = string_of (node);

  switch (field->type)
    {
    case CV_FIELD_BOOLEAN:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return bad_file (error, _("%s: must be true or false, not %s."), path, describe_node (node));
      cv_record_set_boolean (record, field->name, json_node_get_boolean (node));
      return TRUE;

    case CV_FIELD_INTEGER:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXINT32)
        return bad_file (error, _("%s: must be a whole number from 0 to %d."), path, G_MAXINT32);
      cv_record_set_integer (record, field->name, json_node_get_int (node));
      return TRUE;

    case CV_FIELD_NUMBER:
      if (!JSON_NODE_HOLDS_VALUE (node) ||
          (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE) ||
          !isfinite (json_node_get_double (node)) || fabs (json_node_get_double (node)) > 1e15)
        return bad_file (error, _("%s: must be a number from -1,000,000,000,000,000 to 1,000,000,000,000,000."),
                         path);
      cv_record_set_number (record, field->name, json_node_get_double (node));
      return TRUE;

    case CV_FIELD_WORDS:
    case CV_FIELD_REFERENCES:
      {
        JsonArray *array;
        g_autoptr(GPtrArray) items = g_ptr_array_new ();

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return bad_file (error, _("%s: must be a list, not %s."), path, describe_node (node));
        array = json_node_get_array (node);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            const char *item = string_of (json_array_get_element (array, i));

            if (item == NULL || *item == '\0')
              return bad_file (error, _("%s[%u]: must be text."), path, i);
            if (field->type == CV_FIELD_REFERENCES && !g_uuid_string_is_valid (item))
              return bad_file (error, _("%s[%u]: “%s” is not a UUID."), path, i, item);
            g_ptr_array_add (items, (gpointer)item);
          }
        g_ptr_array_add (items, NULL);
        cv_record_set_list (record, field->name, (const char * const *)items->pdata);
        return TRUE;
      }

    case CV_FIELD_STRING:
    case CV_FIELD_TEXT:
    case CV_FIELD_EMAIL:
    case CV_FIELD_CHOICE:
    case CV_FIELD_DATE:
    case CV_FIELD_DATE_TIME:
    case CV_FIELD_REFERENCE:
    default:
      if (!JSON_NODE_HOLDS_NULL (node) && text == NULL)
        return bad_file (error, _("%s: must be text, not %s."), path, describe_node (node));
      /* The parser's own escapes can make bytes that are not UTF-8. */
      if (text != NULL && !g_utf8_validate (text, -1, NULL))
        return bad_file (error, _("%s: is not valid Unicode text."), path);
      if (text == NULL || *text == '\0')
        {
          if (field->flags & CV_FIELD_REQUIRED)
            return bad_file (error, _("%s: must not be empty."), path);
          cv_record_set_string (record, field->name, NULL);
          return TRUE;
        }
      if (field->type == CV_FIELD_CHOICE && !cv_field_has_choice (field, text))
        return bad_file (error, _("%s: “%s” is not one of the choices."), path, text);
      if (field->type == CV_FIELD_DATE && !cv_date_is_valid (text))
        return bad_file (error, _("%s: “%s” is not a date."), path, text);
      if (field->type == CV_FIELD_DATE_TIME && !cv_date_time_is_valid (text))
        return bad_file (error, _("%s: “%s” is not a UTC date and time (YYYY-MM-DDTHH:MM:SSZ)."), path, text);
      if (field->type == CV_FIELD_EMAIL && !cv_email_is_valid (text))
        return bad_file (error, _("%s: “%s” is not an email address."), path, text);
      if (field->type == CV_FIELD_REFERENCE && !g_uuid_string_is_valid (text))
        return bad_file (error, _("%s: “%s” is not a UUID."), path, text);
      cv_record_set_string (record, field->name, text);
      return TRUE;
    }
}

/* A record of @type from an object of the file; @where names it in errors. */
static CvRecord *
record_from_object (GType        type,
                    JsonNode    *node,
                    const char  *where,
                    GError     **error)
{
  g_autoptr(CvRecord) record = cv_record_new (type);
  const CvRecordKind *kind = cv_record_get_kind (record);
  JsonObject *object;
  g_autoptr(GList) members = NULL;
  const char *id, *created, *updated;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bad_file (error, _("%s: must be an object, not %s."), where, describe_node (node));
      return NULL;
    }
  object = json_node_get_object (node);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "id") && !g_str_equal (l->data, "created_at") &&
        !g_str_equal (l->data, "updated_at") && cv_record_kind_find_field (kind, l->data) == NULL)
      {
        bad_file (error, _("%s.%s: is not a field of a %s."), where, (const char *)l->data, _(kind->label));
        return NULL;
      }

  id = json_object_has_member (object, "id") ? string_of (json_object_get_member (object, "id")) : NULL;
  created = json_object_has_member (object, "created_at")
    ? string_of (json_object_get_member (object, "created_at")) : NULL;
  updated = json_object_has_member (object, "updated_at")
    ? string_of (json_object_get_member (object, "updated_at")) : NULL;
  if (id == NULL || !g_uuid_string_is_valid (id))
    {
      bad_file (error, _("%s.id: not a UUID."), where);
      return NULL;
    }
  if (!is_utc_timestamp (created))
    {
      bad_file (error, _("%s.created_at: not a UTC date and time."), where);
      return NULL;
    }
  if (!is_utc_timestamp (updated))
    {
      bad_file (error, _("%s.updated_at: not a UTC date and time."), where);
      return NULL;
    }
  cv_record_set_id (record, id);
  cv_record_set_timestamps (record, created, updated);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CvField *field = &kind->fields[i];
      g_autofree char *path = g_strdup_printf ("%s.%s", where, field->name);

      if (!json_object_has_member (object, field->name))
        {
          if (field->flags & CV_FIELD_REQUIRED)
            {
              bad_file (error, _("%s: is missing."), path);
              return NULL;
            }
          continue;
        }
      if (!set_field (record, field, json_object_get_member (object, field->name), path, error))
        return NULL;
    }
  return g_steal_pointer (&record);
}

typedef struct
{
  CvRecord *record;
  char     *where;     /* its place in the file, for errors */
  int       section;   /* N_SECTIONS for the programme */
} Item;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->record);
  g_clear_pointer (&item->where, g_free);
}

typedef struct
{
  GArray     *items;     /* of Item, in writing order */
  GHashTable *ids;       /* "table:id" of every record in the file */
  GHashTable *bare_ids;  /* the same ids alone: one id is one record, whatever its kind */
  GHashTable *builtin;   /* ids of built-in guides the file refers to */
  char       *programme_id;
  gboolean    before_purposes;  /* written before consent had purposes */
} Contents;

/* Consent in a file written before consent had purposes was consent to be
 * contacted: as the database's own upgrade does, it covers invitations and
 * newsletters (and being named to partners for those who said yes to that)
 * and is reviewed the programme's period after it was given, or today when
 * nobody wrote down when that was. */
static CvRecord *
upgrade_consent (CvRecord *stakeholder,
                 gint64    years)
{
  g_autoptr(GStrvBuilder) purposes = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  const char *given_on = cv_record_get_string (stakeholder, "consent_on");
  CvRecord *event;
  g_autofree char *event_id = NULL;

  if (!cv_record_get_boolean (stakeholder, "consent"))
    return NULL;
  g_strv_builder_add_many (purposes, CV_CONSENT_INVITATIONS, CV_CONSENT_NEWSLETTERS, NULL);
  if (cv_record_get_boolean (stakeholder, "named_to_partners"))
    g_strv_builder_add (purposes, CV_CONSENT_NAMED_TO_PARTNERS);
  list = g_strv_builder_end (purposes);
  if (cv_record_get_list (stakeholder, "consent_purposes") == NULL ||
      cv_record_get_list (stakeholder, "consent_purposes")[0] == NULL)
    cv_record_set_list (stakeholder, "consent_purposes", (const char * const *)list);
  if (cv_record_get_string (stakeholder, "consent_review_on") == NULL)
    {
      g_autofree char *today = cv_consent_today ();
      g_autofree char *review = given_on != NULL ? cv_consent_review_date (given_on, CLAMP (years, 1, 10)) : NULL;

      cv_record_set_string (stakeholder, "consent_review_on", review != NULL ? review : today);
    }

  /* Its history starts with its giving, under the same id at every import. */
  event = cv_record_new (CV_TYPE_CONSENT_EVENT);
  event_id = name_based_id ("convene-consent-given:", cv_record_get_id (stakeholder));
  cv_record_set_id (event, event_id);
  cv_record_set_timestamps (event, cv_record_get_updated_at (stakeholder), cv_record_get_updated_at (stakeholder));
  cv_record_set_string (event, "stakeholder_id", cv_record_get_id (stakeholder));
  cv_record_set_string (event, "kind", "given");
  {
    /* Nobody wrote down when: the day the person was recorded. */
    g_autofree char *day = g_strndup (cv_record_get_created_at (stakeholder), 10);
    cv_record_set_string (event, "happened_on", given_on != NULL ? given_on : day);
  }
  cv_record_set_list (event, "purposes", cv_record_get_list (stakeholder, "consent_purposes"));
  cv_record_set_string (event, "review_on", cv_record_get_string (stakeholder, "consent_review_on"));
  return event;
}

static void
contents_clear (Contents *c)
{
  g_clear_pointer (&c->items, g_array_unref);
  g_clear_pointer (&c->ids, g_hash_table_unref);
  g_clear_pointer (&c->bare_ids, g_hash_table_unref);
  g_clear_pointer (&c->builtin, g_hash_table_unref);
  g_clear_pointer (&c->programme_id, g_free);
}

static gboolean
add_item (Contents    *c,
          CvRecord    *record,
          const char  *where,
          int          section,
          GError     **error)
{
  Item item = { g_object_ref (record), g_strdup (where), section };
  char *key = g_strdup_printf ("%s:%s", cv_record_get_kind (record)->table, cv_record_get_id (record));

  if (g_hash_table_contains (c->ids, key))
    {
      g_free (key);
      item_clear (&item);
      return bad_file (error, _("%s.id: the same record appears twice in the file."), where);
    }
  if (!g_hash_table_add (c->bare_ids, g_strdup (cv_record_get_id (record))))
    {
      g_free (key);
      item_clear (&item);
      return bad_file (error, _("%s.id: another kind of record in the file has the same id."), where);
    }
  g_hash_table_add (c->ids, key);
  g_array_append_val (c->items, item);
  return TRUE;
}

/* Counts of attendance in a partner export: checked, then left alone (they
 * are derived from the partner's own rows, which stay with the partner). */
static gboolean
check_attendance_counts (JsonObject  *top,
                         GError     **error)
{
  JsonNode *member = json_object_get_member (top, "attendance_counts");
  const CvField *status = cv_record_kind_find_field (kind_of (CV_TYPE_ATTENDANCE), "status");
  JsonArray *array;

  if (member == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (member))
    return bad_file (error, _("%s: must be a list, not %s."), "attendance_counts", describe_node (member));
  array = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      JsonNode *count;
      const char *session, *value;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return bad_file (error, _("attendance_counts[%u]: must be an object, not %s."), i, describe_node (element));
      object = json_node_get_object (element);
      if (json_object_get_size (object) != 3)
        return bad_file (error, _("attendance_counts[%u]: must have session_id, status and count, and nothing else."), i);
      session = json_object_has_member (object, "session_id")
        ? string_of (json_object_get_member (object, "session_id")) : NULL;
      if (session == NULL || !g_uuid_string_is_valid (session))
        return bad_file (error, _("attendance_counts[%u].session_id: not a UUID."), i);
      value = json_object_has_member (object, "status") ? string_of (json_object_get_member (object, "status")) : NULL;
      if (value == NULL || !cv_field_has_choice (status, value))
        return bad_file (error, _("attendance_counts[%u].status: not one of the choices."), i);
      count = json_object_get_member (object, "count");
      if (count == NULL || !JSON_NODE_HOLDS_VALUE (count) || json_node_get_value_type (count) != G_TYPE_INT64 ||
          json_node_get_int (count) < 0 || json_node_get_int (count) > G_MAXINT32)
        return bad_file (error, _("attendance_counts[%u].count: must be a whole number from 0 to %d."), i, G_MAXINT32);
    }
  return TRUE;
}

static gboolean
read_contents (JsonNode  *root,
               Contents  *c,
               GError   **error)
{
  JsonObject *top;
  JsonNode *member;
  const char *format, *kind;
  gboolean partner;
  g_autoptr(CvRecord) programme = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(GPtrArray) upgraded = g_ptr_array_new_with_free_func (g_object_unref);

  if (root == NULL)
    return bad_file (error, _("The file is empty."));
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return bad_file (error, _("This is not a Convene programme file: it holds %s, not an object."),
                     describe_node (root));
  top = json_node_get_object (root);

  member = json_object_get_member (top, "format");
  format = member != NULL ? string_of (member) : NULL;
  if (g_strcmp0 (format, "convene-programme") != 0)
    return bad_file (error, _("This is not a Convene programme file (its “format” is not “convene-programme”)."));

  member = json_object_get_member (top, "format_version");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64 ||
      json_node_get_int (member) < 1)
    return bad_file (error, _("format_version: must be a whole number from 1."));
  if (json_node_get_int (member) > CV_EXCHANGE_FORMAT_VERSION)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (member));

      return bad_file (error, _("format_version %s is newer than this Convene understands (%d). "
                                "Update Convene to import this file."),
                       version, CV_EXCHANGE_FORMAT_VERSION);
    }

  member = json_object_get_member (top, "exported_at");
  if (member == NULL || !is_utc_timestamp (string_of (member)))
    return bad_file (error, _("exported_at: not a UTC date and time."));

  member = json_object_get_member (top, "export_kind");
  kind = member != NULL ? string_of (member) : NULL;
  if (g_strcmp0 (kind, "partner") != 0 && g_strcmp0 (kind, "full") != 0)
    return bad_file (error, _("export_kind: must be “partner” or “full”."));
  partner = g_str_equal (kind, "partner");

  members = json_object_get_members (top);
  for (GList *l = members; l != NULL; l = l->next)
    if (section_index (l->data) < 0 && !g_str_equal (l->data, "format") &&
        !g_str_equal (l->data, "format_version") && !g_str_equal (l->data, "exported_at") &&
        !g_str_equal (l->data, "generator") && !g_str_equal (l->data, "export_kind") &&
        !g_str_equal (l->data, "attendance_counts"))
      return bad_file (error, _("%s: is not part of a Convene programme file."), (const char *)l->data);

  if (!check_attendance_counts (top, error))
    return FALSE;

  member = json_object_get_member (top, "programme");
  if (member == NULL)
    return bad_file (error, _("programme: is missing."));
  programme = record_from_object (CV_TYPE_PROGRAMME, member, "programme", error);
  if (programme == NULL)
    return FALSE;
  /* A file from before consent had purposes: its programme offers the
   * default ones, and its people's consent is brought up to date below. */
  c->before_purposes = JSON_NODE_HOLDS_OBJECT (member) &&
                       !json_object_has_member (json_node_get_object (member), "consent_purposes");
  if (c->before_purposes)
    cv_record_set_list (programme, "consent_purposes", cv_consent_default_purposes ());
  c->programme_id = g_strdup (cv_record_get_id (programme));
  if (!add_item (c, programme, "programme", N_SECTIONS, error))
    return FALSE;

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      JsonArray *array;

      member = json_object_get_member (top, sections[s].key);
      if (member == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (member))
        return bad_file (error, _("%s: must be a list, not %s."), sections[s].key, describe_node (member));
      array = json_node_get_array (member);
      if (partner && sections[s].full_only && json_array_get_length (array) > 0)
        return bad_file (error, _("%s: a partner export never holds these."), sections[s].key);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *where = g_strdup_printf ("%s[%u]", sections[s].key, i);
          g_autoptr(CvRecord) record = NULL;
          const CvField *programme_field;

          /* A built-in guide is only named: this Convene must have it. */
          if (sections[s].type () == CV_TYPE_GUIDE && JSON_NODE_HOLDS_OBJECT (element) &&
              json_object_has_member (json_node_get_object (element), "builtin") &&
              json_node_get_value_type (json_object_get_member (json_node_get_object (element), "builtin")) == G_TYPE_BOOLEAN &&
              json_object_get_boolean_member (json_node_get_object (element), "builtin"))
            {
              const char *id = json_object_has_member (json_node_get_object (element), "id")
                ? string_of (json_object_get_member (json_node_get_object (element), "id")) : NULL;

              if (id == NULL || !g_uuid_string_is_valid (id))
                return bad_file (error, _("%s.id: not a UUID."), where);
              g_hash_table_add (c->builtin, g_strdup (id));
              continue;
            }

          record = record_from_object (sections[s].type (), element, where, error);
          if (record == NULL)
            return FALSE;

          programme_field = cv_record_kind_find_field (cv_record_get_kind (record), "programme_id");
          if (programme_field != NULL &&
              g_strcmp0 (cv_record_get_string (record, "programme_id"), c->programme_id) != 0)
            return bad_file (error, _("%s.programme_id: is not the programme of this file."), where);
          if (c->before_purposes && sections[s].type () == CV_TYPE_STAKEHOLDER)
            {
              g_autoptr(CvRecord) given = upgrade_consent (record, cv_record_get_integer (programme,
                                                                                          "consent_review_years"));
              if (given != NULL)
                g_ptr_array_add (upgraded, g_steal_pointer (&given));
            }
          if (partner && sections[s].type () == CV_TYPE_CONTRIBUTION &&
              cv_record_get_string (record, "stakeholder_id") != NULL)
            return bad_file (error, _("%s.stakeholder_id: a partner export never says who said what."), where);
          if (!add_item (c, record, where, s, error))
            return FALSE;
        }
    }
  for (guint i = 0; i < upgraded->len; i++)
    {
      CvRecord *given = g_ptr_array_index (upgraded, i);
      g_autofree char *where = g_strdup_printf ("stakeholders[%s].consent",
                                                cv_record_get_string (given, "stakeholder_id"));

      if (!add_item (c, given, where, section_index ("consent_events"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
reference_known (CvStore    *store,
                 Contents   *c,
                 const char *table,
                 const char *id)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", table, id);

  if (g_hash_table_contains (c->ids, key))
    return TRUE;
  if (g_str_equal (table, "guide") && g_hash_table_contains (c->builtin, id))
    return cv_store_rowid_of (store, table, id) >= 0;
  return cv_store_rowid_of (store, table, id) >= 0;
}

/* Every reference must lead to a record in the file or already stored. */
static gboolean
check_references (CvStore   *store,
                  Contents  *c,
                  GError   **error)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, c->builtin);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (cv_store_rowid_of (store, "guide", id) < 0)
      return bad_file (error, _("guides: the file refers to a built-in guide (%s) that this Convene does not have."),
                       (const char *)id);

  for (guint i = 0; i < c->items->len; i++)
    {
      Item *item = &g_array_index (c->items, Item, i);
      const CvRecordKind *kind = cv_record_get_kind (item->record);

      for (guint f = 0; f < kind->n_fields; f++)
        {
          const CvField *field = &kind->fields[f];

          if (field->type == CV_FIELD_REFERENCE)
            {
              const char *target = cv_record_get_string (item->record, field->name);

              if (target != NULL && !reference_known (store, c, field->target, target))
                return bad_file (error, _("%s.%s: refers to a record that is neither in the file nor in this database."),
                                 item->where, field->name);
            }
          else if (field->type == CV_FIELD_REFERENCES)
            {
              const char * const *targets = cv_record_get_list (item->record, field->name);

              for (guint t = 0; targets != NULL && targets[t] != NULL; t++)
                if (!reference_known (store, c, field->target, targets[t]))
                  return bad_file (error, _("%s.%s[%u]: refers to a record that is neither in the file nor in this database."),
                                   item->where, field->name, t);
            }
        }
    }
  return TRUE;
}

/* Import: writing */

static gboolean
newer (const char *a,
       const char *b)
{
  g_autoptr(GDateTime) x = g_date_time_new_from_iso8601 (a, NULL);
  g_autoptr(GDateTime) y = g_date_time_new_from_iso8601 (b, NULL);

  return x != NULL && y != NULL && g_date_time_compare (x, y) > 0;
}

/* One statement that finds an id in any table of records: the table names
 * are the kinds' own, never text from the file. */
static CvStatement *
prepare_id_lookup (CvStore  *store,
                   GError  **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT 'programme' FROM programme WHERE id = ?1");

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      const char *table = kind_of (sections[s].type ())->table;

      g_string_append_printf (sql, " UNION ALL SELECT '%s' FROM %s WHERE id = ?1", table, table);
    }
  g_string_append (sql, " LIMIT 1");
  return cv_database_prepare (cv_store_get_database (store), sql->str, error);
}

static gboolean
write_contents (CvStore             *store,
                Contents            *c,
                CvImportSummary     *summary,
                CvExchangeProgress   progress,
                gpointer             user_data,
                GCancellable        *cancellable,
                GError             **error)
{
  CvDatabase *db = cv_store_get_database (store);
  g_autoptr(GPtrArray) written = g_ptr_array_new ();   /* of Item* */
  guint64 total = (guint64)c->items->len * 2;
  guint64 done = 0;
  g_autoptr(CvStatement) id_lookup = prepare_id_lookup (store, error);
  g_autoptr(GError) merge_error = NULL;

  if (id_lookup == NULL || !cv_database_begin (db, error))
    return FALSE;
  /* Records refer to each other in any order within the file. */
  if (!cv_database_exec (db, "PRAGMA defer_foreign_keys = ON", error))
    goto failed;

  for (guint i = 0; i < c->items->len; i++, done++)
    {
      Item *item = &g_array_index (c->items, Item, i);
      const char *table = cv_record_get_kind (item->record)->table;
      g_autoptr(CvRecord) stored = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;
      if (progress != NULL && done % 1000 == 0)
        progress (done, total, user_data);

      /* The kind's own rules first (an end before its start …), so that a
       * wrong record is named by its place rather than by a database check. */
      if (CV_RECORD_GET_CLASS (item->record)->validate != NULL &&
          !CV_RECORD_GET_CLASS (item->record)->validate (item->record, store, &local_error))
        {
          bad_file (error, "%s: %s", item->where, local_error->message);
          goto failed;
        }

      /* And names that must be unique, against what is stored and written so far. */
      for (guint f = 0; f < cv_record_get_kind (item->record)->n_fields; f++)
        {
          const CvField *field = &cv_record_get_kind (item->record)->fields[f];

          if ((field->flags & CV_FIELD_UNIQUE) &&
              !cv_store_validate_field (store, item->record, field->name, &local_error))
            {
              bad_file (error, "%s: %s", item->where, local_error->message);
              goto failed;
            }
        }

      stored = cv_store_load (store, G_OBJECT_TYPE (item->record), cv_record_get_id (item->record), &local_error);
      if (stored == NULL && !g_error_matches (local_error, CV_ERROR, CV_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }
      g_clear_error (&local_error);

      if (stored == NULL)
        {
          CvStep step;

          /* A new record may not take the id of a stored one of another kind. */
          cv_statement_bind_text (id_lookup, 1, cv_record_get_id (item->record));
          step = cv_statement_step (id_lookup, &local_error);
          sqlite3_reset (cv_statement_get_stmt (id_lookup));
          if (step == CV_STEP_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto failed;
            }
          if (step == CV_STEP_ROW)
            {
              bad_file (error, _("%s.id: this database already holds another kind of record with that id."),
                        item->where);
              goto failed;
            }
          if (!cv_store_write_unchecked (store, item->record, FALSE, &local_error))
            {
              bad_file (error, "%s: %s", item->where, local_error->message);
              goto failed;
            }
          summary->added[item->section]++;
          if (CV_IS_STAKEHOLDER (item->record) &&
              g_strcmp0 (cv_record_get_string (item->record, "kind"), "person") == 0)
            g_ptr_array_add (summary->added_people, g_strdup (cv_record_get_id (item->record)));
          g_ptr_array_add (written, item);
        }
      else
        {
          g_autofree char *stored_programme = cv_store_programme_of (store, table, cv_record_get_id (stored));

          /* The same id in another programme here: never move a record across. */
          if (stored_programme != NULL && g_strcmp0 (stored_programme, c->programme_id) != 0)
            {
              bad_file (error, _("%s.id: this database holds that record in another programme."), item->where);
              goto failed;
            }
          if (newer (cv_record_get_updated_at (item->record), cv_record_get_updated_at (stored)))
            {
              if (!cv_store_write_unchecked (store, item->record, TRUE, &local_error))
                {
                  bad_file (error, "%s: %s", item->where, local_error->message);
                  goto failed;
                }
              summary->updated[item->section]++;
              g_ptr_array_add (written, item);
            }
          else
            summary->unchanged[item->section]++;
        }
    }

  /* Everything written must meet every rule, checked against the database as
   * it now is: names unique in the programme, owners of the same programme … */
  for (guint i = 0; i < written->len; i++, done++)
    {
      Item *item = g_ptr_array_index (written, i);
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;
      if (progress != NULL && done % 1000 == 0)
        progress (done, total, user_data);
      if (!cv_store_validate (store, item->record, &local_error))
        {
          bad_file (error, "%s: %s", item->where, local_error->message);
          goto failed;
        }
    }

  if (!cv_database_commit (db, error))
    return FALSE;
  /* The index was written record by record: one segment from the start
   * keeps searches and the first erasure quick. The import is done either
   * way. */
  if (!cv_schema_merge_search_index (db, &merge_error))
    g_debug ("The search index was not merged: %s", merge_error->message);
  if (progress != NULL)
    progress (total, total, user_data);
  return TRUE;

failed:
  cv_database_rollback (db);
  return FALSE;
}

static gboolean
only_blank (const char *data,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r' && data[i] != '\n')
      return FALSE;
  return TRUE;
}

/**
 * cv_exchange_import_data:
 *
 * Imports a programme file: all of it, or — with @error saying where and
 * what is wrong — none of it. Records merge by id; a stored record is
 * replaced only by a newer one.
 *
 * Returns: (transfer full): what was added, updated and left unchanged
 */
CvImportSummary *
cv_exchange_import_data (CvStore             *store,
                         const char          *data,
                         gsize                length,
                         CvExchangeProgress   progress,
                         gpointer             user_data,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(CvImportSummary) summary = NULL;
  Contents c = { 0 };
  gboolean ok;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);

  if (only_blank (data, length))
    {
      bad_file (error, _("The file is empty."));
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      bad_file (error, _("The file holds a zero byte, so it is not a Convene programme file."));
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      bad_file (error, _("The file is not UTF-8 text, so it is not a Convene programme file."));
      return NULL;
    }
  if (!check_structure (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      bad_file (error, _("The file is not valid JSON: %s"), parse_error->message);
      return NULL;
    }

  c.items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (c.items, item_clear);
  c.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c.bare_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c.builtin = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  summary = g_new0 (CvImportSummary, 1);
  summary->added_people = g_ptr_array_new_with_free_func (g_free);
  ok = read_contents (json_parser_get_root (parser), &c, error) &&
       check_references (store, &c, error) &&
       write_contents (store, &c, summary, progress, user_data, cancellable, error);
  if (ok)
    summary->programme_id = g_strdup (c.programme_id);
  contents_clear (&c);
  if (!ok)
    return NULL;

  cv_exchange_announce (store);
  return g_steal_pointer (&summary);
}

/**
 * cv_exchange_announce:
 *
 * Tells @store's views that any record of a programme may have changed: after
 * an import, on the connection of a window when the import ran on another.
 */
void
cv_exchange_announce (CvStore *store)
{
  g_return_if_fail (CV_IS_STORE (store));

  cv_store_announce (store, "programme");
  for (guint s = 0; s < N_SECTIONS; s++)
    cv_store_announce (store, kind_of (sections[s].type ())->table);
}

/**
 * cv_exchange_set_read_limit:
 * @bytes: the largest file cv_exchange_import_file() reads; tests lower it
 */
void
cv_exchange_set_read_limit (guint64 bytes)
{
  read_limit = bytes;
}

CvImportSummary *
cv_exchange_import_file (CvStore             *store,
                         GFile               *file,
                         CvExchangeProgress   progress,
                         gpointer             user_data,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!cv_file_read_limited (file, read_limit, &data, &length, cancellable, error))
    return NULL;
  return cv_exchange_import_data (store, data, length, progress, user_data, cancellable, error);
}

/**
 * cv_exchange_find_programme:
 * @name_or_id: a programme's id, or its name in any case
 *
 * Returns: (transfer full): the programme's id, or %NULL with %CV_ERROR_NOT_FOUND
 */
char *
cv_exchange_find_programme (CvStore     *store,
                            const char  *name_or_id,
                            GError     **error)
{
  g_autoptr(CvStatement) st = NULL;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);

  st = cv_database_prepare (cv_store_get_database (store),
                            "SELECT id FROM programme WHERE id = ?1 OR name = ?1 COLLATE NOCASE", error);
  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, name_or_id);
  if (cv_statement_step (st, NULL) == CV_STEP_ROW)
    return g_strdup (cv_statement_column_text (st, 0));
  g_set_error (error, CV_ERROR, CV_ERROR_NOT_FOUND, _("There is no programme called “%s”."), name_or_id);
  return NULL;
}
