/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Any list out to a spreadsheet: a heading row of the fields' labels, then a
 * row per record with every value as a person reads it (choices by their
 * label, references by the name of what they name). The file starts with a
 * BOM, so that Excel reads its accents as UTF-8.
 *
 * For partners, the rule of partner exports holds: only people willing to be
 * named to partners are named (in the register, in attendance, as
 * facilitators or owners), never with their email, phone or notes; nobody is
 * named as having said something; what was said or agreed at a session fewer
 * than CV_EXCHANGE_MIN_CROWD attended does not say which session; and no
 * action is tied to the words it answers.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-action.h"
#include "cv-attendance.h"
#include "cv-contribution.h"
#include "cv-csv.h"
#include "cv-csv-export.h"
#include "cv-csv-import.h"
#include "cv-error.h"
#include "cv-exchange.h"
#include "cv-file.h"
#include "cv-measure.h"
#include "cv-session.h"
#include "cv-consent.h"
#include "cv-sessions.h"
#include "cv-stakeholder.h"

typedef struct
{
  const char *name;        /* on the command line */
  GType     (*type) (void);
  const char *where;       /* the programme's records, ?1 being its id */
} List;

static const List lists[] = {
  { "stakeholders", cv_stakeholder_get_type, "programme_id = ?1" },
  { "sessions", cv_session_get_type, "programme_id = ?1" },
  { "attendance", cv_attendance_get_type, "session_id IN (SELECT id FROM session WHERE programme_id = ?1)" },
  { "contributions", cv_contribution_get_type, "programme_id = ?1" },
  { "actions", cv_action_get_type, "programme_id = ?1" },
  { "measures", cv_measure_get_type, "programme_id = ?1" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (lists) == CV_CSV_N_LISTS);

gboolean
cv_csv_list_from_name (const char *name,
                       CvCsvList  *list)
{
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_strcmp0 (name, lists[i].name) == 0)
      {
        *list = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cv_csv_list_get_name (CvCsvList list)
{
  g_return_val_if_fail (list < CV_CSV_N_LISTS, NULL);
  return lists[list].name;
}

GType
cv_csv_list_get_record_type (CvCsvList list)
{
  g_return_val_if_fail (list < CV_CSV_N_LISTS, G_TYPE_INVALID);
  return lists[list].type ();
}

typedef struct
{
  CvStore    *store;
  gboolean    partner;
  GHashTable *names;   /* "table/id" → what to write for it */
  GHashTable *small;   /* session id → whether fewer than a crowd attended it */
  GHashTable *pooled;  /* programme id → whether its smaller sessions may be pooled */
} Writer;

static void
writer_init (Writer   *w,
             CvStore  *store,
             gboolean  partner)
{
  w->store = store;
  w->partner = partner;
  w->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w->small = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w->pooled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
writer_clear (Writer *w)
{
  g_clear_pointer (&w->names, g_hash_table_unref);
  g_clear_pointer (&w->small, g_hash_table_unref);
  g_clear_pointer (&w->pooled, g_hash_table_unref);
}

/* A person who has not agreed to be named to partners. */
static gboolean
is_unnamed_person (CvRecord *stakeholder)
{
  return g_strcmp0 (cv_record_get_string (stakeholder, "kind"), "organisation") != 0 &&
         !cv_record_get_boolean (stakeholder, "named_to_partners");
}

/* Fewer than a crowd at a session, and what was said or agreed there could
 * point at one of them: a partner list does not say which session it was. */
static gboolean
is_small_session (Writer     *w,
                  const char *session_id)
{
  gpointer known;
  CvAttendanceCounts counts = { 0 };
  gboolean small = TRUE;

  if (g_hash_table_lookup_extended (w->small, session_id, NULL, &known))
    return GPOINTER_TO_INT (known);
  /* Counted as the partner export counts them: the people who came, erased
   * from the register or not; "did not attend" and apologies do not count. */
  if (cv_sessions_count_attendance (w->store, session_id, &counts, NULL))
    small = counts.attended < CV_EXCHANGE_MIN_CROWD;
  g_hash_table_insert (w->small, g_strdup (session_id), GINT_TO_POINTER (small));
  return small;
}

/* Whether what was said and agreed at the programme's smaller sessions may
 * reach partners pooled as "a smaller session": as in the partner JSON,
 * only when enough people attended them all together. A programme that
 * cannot be read counts as not. */
static gboolean
is_pooled (Writer     *w,
           const char *programme_id)
{
  gpointer known;
  gboolean pooled = FALSE;

  if (programme_id == NULL)
    return FALSE;
  if (g_hash_table_lookup_extended (w->pooled, programme_id, NULL, &known))
    return GPOINTER_TO_INT (known);
  if (!cv_exchange_smaller_sessions_pool (w->store, programme_id, &pooled, NULL))
    pooled = FALSE;
  g_hash_table_insert (w->pooled, g_strdup (programme_id), GINT_TO_POINTER (pooled));
  return pooled;
}

/* Partners learn of a person only if they agreed to it, and of what was said
 * at a smaller session only pooled with enough others. */
static gboolean
is_left_out (Writer   *w,
             CvRecord *record)
{
  const char *session;

  if (!w->partner)
    return FALSE;
  if (CV_IS_STAKEHOLDER (record))
    return is_unnamed_person (record);
  if (!CV_IS_CONTRIBUTION (record))
    return FALSE;
  session = cv_record_get_string (record, "session_id");
  return (session == NULL || is_small_session (w, session)) &&
         !is_pooled (w, cv_record_get_string (record, "programme_id"));
}

/* Which fields are columns: not the programme, and for partners not who said what. */
static gboolean
is_shown (const CvRecordKind *kind,
          const CvField      *field,
          gboolean            partner)
{
  if (g_strcmp0 (field->target, "programme") == 0 && (field->flags & CV_FIELD_SCOPE))
    return FALSE;
  if (partner && g_str_equal (kind->table, "contribution") &&
      (g_str_equal (field->name, "stakeholder_id") || g_str_equal (field->name, "anonymous")))
    return FALSE;
  /* What an action answers could tie words to a small session and its people
   * (the JSON partner export keeps only some links; a list keeps none). */
  if (partner && g_str_equal (kind->table, "action") && g_str_equal (field->name, "answers"))
    return FALSE;
  return TRUE;
}

static gboolean
is_private (Writer        *w,
            CvRecord      *record,
            const CvField *field)
{
  const char *table = cv_record_get_kind (record)->table;

  if (!w->partner)
    return FALSE;
  if (g_str_equal (table, "stakeholder"))
    return g_strcmp0 (cv_record_get_string (record, "kind"), "person") == 0 &&
           (g_str_equal (field->name, "email") || g_str_equal (field->name, "phone") ||
            g_str_equal (field->name, "notes") || g_str_has_prefix (field->name, "consent"));
  /* A facilitator written in by hand is a person's name too. */
  return g_str_equal (table, "session") && g_str_equal (field->name, "facilitator");
}

static const char *
reference_text (Writer     *w,
                const char *table,
                const char *id)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", table, id);
  char *text = g_hash_table_lookup (w->names, key);

  if (text != NULL)
    return text;
  if (w->partner && g_str_equal (table, "stakeholder"))
    {
      g_autoptr(CvRecord) stakeholder = cv_store_load (w->store, CV_TYPE_STAKEHOLDER, id, NULL);

      if (stakeholder == NULL || is_unnamed_person (stakeholder))
        text = g_strdup ("");
    }
  if (text == NULL)
    text = cv_store_get_display_name (w->store, table, id);
  if (text == NULL)
    text = g_strdup ("");
  g_hash_table_insert (w->names, g_steal_pointer (&key), text);
  return text;
}

static char *
value_text (Writer        *w,
            CvRecord      *record,
            guint          index)
{
  const CvField *field = &cv_record_get_kind (record)->fields[index];
  const GValue *value = cv_record_get_value (record, index);

  if (is_private (w, record, field))
    return NULL;

  switch (field->type)
    {
    case CV_FIELD_CHOICE:
      {
        const char *label = cv_field_choice_label (field, g_value_get_string (value));
        return label != NULL ? g_strdup (_(label)) : NULL;
      }
    case CV_FIELD_BOOLEAN:
      return g_strdup (g_value_get_boolean (value) ? _("Yes") : _("No"));
    case CV_FIELD_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
    case CV_FIELD_NUMBER:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, g_value_get_double (value)));
      }
    case CV_FIELD_DATE_TIME:
      {
        const char *text = g_value_get_string (value);
        g_autoptr(GDateTime) utc = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
        g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

        /* As a spreadsheet reads a date and time. */
        return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (text);
      }
    case CV_FIELD_REFERENCE:
      {
        const char *id = g_value_get_string (value);

        if (id == NULL)
          return NULL;
        /* An action agreed at a smaller session keeps it unnamed, and says
         * nothing of it at all when the smaller sessions are too few to pool. */
        if (w->partner && g_str_equal (field->target, "session") && !CV_IS_ATTENDANCE (record) &&
            is_small_session (w, id))
          return is_pooled (w, cv_record_get_string (record, "programme_id")) ? g_strdup (_("A smaller session"))
                                                                              : NULL;
        return g_strdup (reference_text (w, field->target, id));
      }
    case CV_FIELD_REFERENCES:
    case CV_FIELD_WORDS:
      {
        const char * const *items = g_value_get_boxed (value);
        g_autoptr(GPtrArray) texts = g_ptr_array_new ();

        for (guint i = 0; items != NULL && items[i] != NULL; i++)
          g_ptr_array_add (texts, (gpointer)(field->type == CV_FIELD_REFERENCES
                                             ? reference_text (w, field->target, items[i])
                                             : g_str_equal (field->name, "consent_purposes")
                                             ? cv_consent_purpose_label (items[i]) : items[i]));
        g_ptr_array_add (texts, NULL);
        return g_strjoinv ("; ", (GStrv)texts->pdata);
      }
    case CV_FIELD_STRING:
    case CV_FIELD_TEXT:
    case CV_FIELD_EMAIL:
    case CV_FIELD_DATE:
    default:
      return g_value_dup_string (value);
    }
}

static GStrv
record_row (Writer   *w,
            CvRecord *record)
{
  const CvRecordKind *kind = cv_record_get_kind (record);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();

  for (guint i = 0; i < kind->n_fields; i++)
    if (is_shown (kind, &kind->fields[i], w->partner))
      {
        g_autofree char *text = value_text (w, record, i);
        g_strv_builder_add (row, text != NULL ? text : "");
      }
  return g_strv_builder_end (row);
}

static GStrv
heading_row (const CvRecordKind *kind,
             gboolean            partner)
{
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();

  for (guint i = 0; i < kind->n_fields; i++)
    if (is_shown (kind, &kind->fields[i], partner))
      g_strv_builder_add (row, _(kind->fields[i].label));
  return g_strv_builder_end (row);
}

static const CvRecordKind *
kind_of_list (CvCsvList list)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (lists[list].type ());

  return CV_RECORD_CLASS (klass)->kind;
}

static GString *
write_rows (const CvRecordKind *kind,
            GPtrArray          *rows,
            gboolean            partner)
{
  GString *csv = cv_csv_begin ();
  g_auto(GStrv) headings = heading_row (kind, partner);

  cv_csv_append_row (csv, (const char * const *)headings, g_strv_length (headings));
  for (guint i = 0; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);
      cv_csv_append_row (csv, (const char * const *)row, g_strv_length (row));
    }
  return csv;
}

/**
 * cv_csv_export_records:
 * @records: the records of @list, in the order to write them (a view's model)
 * @partner: whether the privacy rule of partner exports applies
 *
 * Returns: (transfer full): the CSV file's bytes
 */
GString *
cv_csv_export_records (CvStore     *store,
                       CvCsvList    list,
                       GListModel  *records,
                       gboolean     partner,
                       GError     **error)
{
  Writer w;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  guint n;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);
  g_return_val_if_fail (list < CV_CSV_N_LISTS, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (records), NULL);

  writer_init (&w, store, partner);
  n = g_list_model_get_n_items (records);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CvRecord) record = g_list_model_get_item (records, i);

      if (record != NULL && G_TYPE_CHECK_INSTANCE_TYPE (record, lists[list].type ()) && !is_left_out (&w, record))
        g_ptr_array_add (rows, record_row (&w, record));
    }
  writer_clear (&w);
  return write_rows (kind_of_list (list), rows, partner);
}

static gboolean
add_record_cb (CvRecord  *record,
               gpointer   user_data,
               GError   **error)
{
  g_list_store_append (user_data, record);
  return TRUE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const char * const *x = *(const char * const **)a;
  const char * const *y = *(const char * const **)b;

  for (guint i = 0; x[i] != NULL && y[i] != NULL; i++)
    {
      int order = g_utf8_collate (x[i], y[i]);

      if (order == 0)
        order = g_strcmp0 (x[i], y[i]);
      if (order != 0)
        return order;
    }
  return 0;
}

/**
 * cv_csv_export_programme:
 *
 * Writes every record of @list in the programme, in the order of their
 * values (the first column first), so that the same records always make
 * the same file.
 *
 * Returns: (transfer full): the CSV file's bytes, or %NULL with @error set
 */
GString *
cv_csv_export_programme (CvStore      *store,
                         const char   *programme_id,
                         CvCsvList     list,
                         gboolean      partner,
                         GError      **error)
{
  g_autoptr(GListStore) records = NULL;
  Writer w;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  GString *csv;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);
  g_return_val_if_fail (list < CV_CSV_N_LISTS, NULL);

  records = g_list_store_new (lists[list].type ());
  if (!cv_store_foreach (store, lists[list].type (), lists[list].where, programme_id,
                         add_record_cb, records, error))
    return NULL;

  writer_init (&w, store, partner);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (records)); i++)
    {
      g_autoptr(CvRecord) record = g_list_model_get_item (G_LIST_MODEL (records), i);

      if (!is_left_out (&w, record))
        g_ptr_array_add (rows, record_row (&w, record));
    }
  writer_clear (&w);
  g_ptr_array_sort (rows, compare_rows);
  csv = write_rows (kind_of_list (list), rows, partner);
  return csv;
}

gboolean
cv_csv_save (GString  *csv,
             GFile    *file,
             GError  **error)
{
  g_return_val_if_fail (csv != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Never a partial file, nor a hidden copy of it, if Convene is stopped. */
  return cv_file_write_contents (file, csv->str, csv->len, error);
}

/**
 * cv_csv_write_template:
 *
 * Writes a CSV file with only the headings Convene reads best, in the
 * reader's language, for a person to fill in.
 */
gboolean
cv_csv_write_template (GFile   *file,
                       GError **error)
{
  g_autoptr(GString) csv = cv_csv_begin ();
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_auto(GStrv) headings = NULL;

  for (CvCsvTarget t = CV_CSV_NAME; t <= CV_CSV_NOTES; t++)
    if (t != CV_CSV_FIRST_NAME && t != CV_CSV_LAST_NAME)
      g_strv_builder_add (row, cv_csv_target_label (t));
  headings = g_strv_builder_end (row);
  cv_csv_append_row (csv, (const char * const *)headings, g_strv_length (headings));
  return cv_csv_save (csv, file, error);
}

/**
 * cv_csv_export_contacts:
 * @purpose: (nullable): a consent purpose the list is for (a key such as
 *   "newsletters"), or %NULL for anyone whose consent holds
 * @today: the day consent must hold on, YYYY-MM-DD
 * @left_out: (out) (optional): how many people with an email or phone were
 *   left out because their consent does not hold or cover @purpose
 *
 * A contact list: the people of the programme who may be contacted, with
 * their email and phone. Nobody whose consent was withdrawn, has lapsed or
 * does not cover @purpose is in it.
 *
 * Returns: (transfer full): the CSV file's bytes, or %NULL with @error set
 */
GString *
cv_csv_export_contacts (CvStore     *store,
                        const char  *programme_id,
                        const char  *purpose,
                        const char  *today,
                        guint       *left_out,
                        GError     **error)
{
  g_autoptr(CvStatement) st = NULL;
  g_autoptr(GString) csv = NULL;
  const char *headings[] = {
    _("Name"), _("Organisation"), _("Role"), _("Email"), _("Phone"), _("Consent covers"), _("Review consent by"),
  };
  CvStep step;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);
  g_return_val_if_fail (programme_id != NULL, NULL);
  g_return_val_if_fail (cv_date_is_valid (today), NULL);

  /* ?3 NULL: any purpose the person consented to will do. */
  st = cv_database_prepare (cv_store_get_database (store),
                            "SELECT s.name, (SELECT o.name FROM stakeholder o WHERE o.id = s.organisation_id),"
                            " s.role, s.email, s.phone,"
                            " (SELECT group_concat (cp.value, char (31)) FROM stakeholder_consent_purpose cp"
                            "  WHERE cp.stakeholder_id = s.id), s.consent_review_on,"
                            " s.consent = 1 AND s.consent_review_on >= ?2"
                            " AND EXISTS (SELECT 1 FROM stakeholder_consent_purpose cp"
                            "  WHERE cp.stakeholder_id = s.id AND (?3 IS NULL OR cp.value = ?3))"
                            " FROM stakeholder s WHERE s.programme_id = ?1 AND s.kind = 'person'"
                            " AND (coalesce (s.email, '') <> '' OR coalesce (s.phone, '') <> '')"
                            " ORDER BY s.name COLLATE NOCASE, s.rowid", error);
  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, programme_id);
  cv_statement_bind_text (st, 2, today);
  cv_statement_bind_text (st, 3, purpose);

  csv = cv_csv_begin ();
  cv_csv_append_row (csv, headings, G_N_ELEMENTS (headings));
  if (left_out != NULL)
    *left_out = 0;
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    {
      g_auto(GStrv) keys = NULL;
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autofree char *covers = NULL;
      const char *row[G_N_ELEMENTS (headings)];

      if (cv_statement_column_int64 (st, 7) == 0)
        {
          if (left_out != NULL)
            (*left_out)++;
          continue;
        }
      keys = g_strsplit (cv_statement_column_text (st, 5) != NULL ? cv_statement_column_text (st, 5) : "",
                         "\x1f", -1);
      for (guint i = 0; keys[i] != NULL; i++)
        if (*keys[i] != '\0')
          g_ptr_array_add (labels, (gpointer)cv_consent_purpose_label (keys[i]));
      g_ptr_array_add (labels, NULL);
      covers = g_strjoinv ("; ", (GStrv)labels->pdata);
      for (guint i = 0; i < 5; i++)
        row[i] = cv_statement_column_text (st, i);
      row[5] = covers;
      row[6] = cv_statement_column_text (st, 6);
      cv_csv_append_row (csv, row, G_N_ELEMENTS (row));
    }
  if (step == CV_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&csv);
}
