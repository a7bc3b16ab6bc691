/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * CvStore reads and writes records. It is the only place that knows how a
 * record kind maps to its table: the SQL it prepares is assembled from the
 * kind's field table (never from values, which are always bound), and every
 * write is validated first and runs in a transaction.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cv-error.h"
#include "cv-kinds.h"
#include "cv-store.h"

struct _CvStore
{
  GObject     parent_instance;

  CvDatabase *database;
};

typedef struct
{
  char *table;
  char *column;
  char *owner_id;
  char *value;
  gboolean list;   /* a side-table row to put back, rather than a column to set */
} CvLink;

/* A row of a table that is not a record kind (a dismissed pair, a reason to
 * keep someone, a session's counts of erased people) that went with a
 * deleted record, as it was, rowid first. */
typedef struct
{
  char      *table;
  GStrv      columns;
  GPtrArray *values;    /* sqlite3_value *, one a column */
} CvRow;

struct _CvDeletion
{
  GPtrArray *records;   /* the deleted record first, then what cascaded with it */
  GArray    *rowids;    /* gint64, each record's rowid: its place in lists and in the search index */
  GArray    *links;     /* references the deletion cleared */
  GPtrArray *rows;      /* CvRow: other rows the deletion took with it */
  GHashTable *row_keys; /* "table rowid" of those, so that a row taken twice is kept once */
  GHashTable *cascades; /* table → the queries that read those rows for one of its records */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CvStore, cv_store, G_TYPE_OBJECT)

static void
cv_store_dispose (GObject *object)
{
  CvStore *self = (CvStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (cv_store_parent_class)->dispose (object);
}

static void
cv_store_class_init (CvStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cv_store_dispose;

  /**
   * CvStore::changed:
   * @table: the table of the record that changed
   * @id: (nullable): the record's id, or %NULL when many changed at once
   *
   * Emitted after a record was inserted, updated, deleted or restored.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
cv_store_init (CvStore *self)
{
}

CvStore *
cv_store_new (CvDatabase *database)
{
  CvStore *self;

  g_return_val_if_fail (CV_IS_DATABASE (database), NULL);

  self = g_object_new (CV_TYPE_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

CvStore *
cv_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(CvDatabase) database = cv_database_open (path, error);

  if (database == NULL)
    return NULL;
  return cv_store_new (database);
}

CvDatabase *
cv_store_get_database (CvStore *self)
{
  g_return_val_if_fail (CV_IS_STORE (self), NULL);
  return self->database;
}

static const CvRecordKind *
kind_of_type (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  return CV_RECORD_CLASS (klass)->kind;
}

GType
cv_store_type_for_table (const char *table)
{
  guint n;
  const GType *types = cv_kinds_all (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (kind_of_type (types[i])->table, table))
      return types[i];
  return G_TYPE_INVALID;
}

const CvRecordKind *
cv_store_kind_for_table (const char *table)
{
  GType type = cv_store_type_for_table (table);

  g_assert (type != G_TYPE_INVALID);
  return kind_of_type (type);
}

/* The field a person knows a record by: its first required line of text. */
const CvField *
cv_record_kind_display_field (const CvRecordKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if ((kind->fields[i].type == CV_FIELD_STRING || kind->fields[i].type == CV_FIELD_TEXT) &&
        (kind->fields[i].flags & CV_FIELD_REQUIRED))
      return &kind->fields[i];
  return NULL;
}

static gboolean
is_column (const CvField *field)
{
  return field->type != CV_FIELD_WORDS && field->type != CV_FIELD_REFERENCES;
}

static gboolean
is_list (const CvField *field)
{
  return !is_column (field);
}

static void
emit_changed (CvStore    *self,
              const char *table,
              const char *id)
{
  g_signal_emit (self, signals[CHANGED], 0, table, id);
}

/* SQL assembly. Only names from the static kind tables go into the text. */

static char *
select_sql (const CvRecordKind *kind,
            const char         *where)
{
  GString *sql = g_string_new ("SELECT id, created_at, updated_at");

  for (guint i = 0; i < kind->n_fields; i++)
    if (is_column (&kind->fields[i]))
      g_string_append_printf (sql, ", %s", kind->fields[i].name);
  g_string_append_printf (sql, " FROM %s WHERE %s", kind->table, where);
  return g_string_free (sql, FALSE);
}

static gboolean
load_lists (CvStore   *self,
            CvRecord  *record,
            GError   **error)
{
  const CvRecordKind *kind = cv_record_get_kind (record);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CvField *field = &kind->fields[i];
      g_autofree char *sql = NULL;
      g_autoptr(CvStatement) st = NULL;
      g_autoptr(GPtrArray) values = NULL;
      CvStep step;

      if (!is_list (field))
        continue;

      sql = g_strdup_printf ("SELECT value FROM %s WHERE %s_id = ?1 ORDER BY rowid",
                             field->link_table, kind->table);
      st = cv_database_prepare (self->database, sql, error);
      if (st == NULL)
        return FALSE;
      cv_statement_bind_text (st, 1, cv_record_get_id (record));

      values = g_ptr_array_new_with_free_func (g_free);
      while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
        g_ptr_array_add (values, g_strdup (cv_statement_column_text (st, 0)));
      if (step == CV_STEP_ERROR)
        return FALSE;
      g_ptr_array_add (values, NULL);
      cv_record_set_list (record, field->name, (const char * const *)values->pdata);
    }
  return TRUE;
}

/* Reads the current row of a statement made by select_sql() into a record. */
static CvRecord *
record_from_row (CvStore      *self,
                 GType         type,
                 CvStatement  *st,
                 GError      **error)
{
  g_autoptr(CvRecord) record = cv_record_new (type);
  const CvRecordKind *kind = cv_record_get_kind (record);
  int column = 3;

  cv_record_set_id (record, cv_statement_column_text (st, 0));
  cv_record_set_timestamps (record, cv_statement_column_text (st, 1),
                            cv_statement_column_text (st, 2));

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CvField *field = &kind->fields[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if (!is_column (field))
        continue;

      switch (field->type)
        {
        case CV_FIELD_BOOLEAN:
          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, cv_statement_column_int64 (st, column) != 0);
          break;
        case CV_FIELD_INTEGER:
          g_value_init (&value, G_TYPE_INT64);
          g_value_set_int64 (&value, cv_statement_column_int64 (st, column));
          break;
        case CV_FIELD_NUMBER:
          g_value_init (&value, G_TYPE_DOUBLE);
          g_value_set_double (&value, cv_statement_column_double (st, column));
          break;
        default:
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, cv_statement_column_text (st, column));
          break;
        }
      cv_record_set_value (record, i, &value);
      column++;
    }

  if (!load_lists (self, record, error))
    return NULL;
  return g_steal_pointer (&record);
}

static CvRecord *
load_where (CvStore     *self,
            GType        type,
            const char  *where,
            const char  *text_key,
            gint64       int_key,
            GError     **error)
{
  const CvRecordKind *kind = kind_of_type (type);
  g_autofree char *sql = select_sql (kind, where);
  g_autoptr(CvStatement) st = cv_database_prepare (self->database, sql, error);
  CvStep step;

  if (st == NULL)
    return NULL;
  if (text_key != NULL)
    cv_statement_bind_text (st, 1, text_key);
  else
    cv_statement_bind_int64 (st, 1, int_key);

  step = cv_statement_step (st, error);
  if (step == CV_STEP_ERROR)
    return NULL;
  if (step == CV_STEP_DONE)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_NOT_FOUND,
                   _("This record no longer exists. It may have been deleted."));
      return NULL;
    }
  return record_from_row (self, type, st, error);
}

/**
 * cv_store_load:
 *
 * Returns: (transfer full): the record with @id, or %NULL with
 *   %CV_ERROR_NOT_FOUND when there is none
 */
CvRecord *
cv_store_load (CvStore     *self,
               GType        type,
               const char  *id,
               GError     **error)
{
  g_return_val_if_fail (CV_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CV_TYPE_RECORD), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return load_where (self, type, "id = ?1", id, 0, error);
}

CvRecord *
cv_store_load_by_rowid (CvStore     *self,
                        GType        type,
                        gint64       rowid,
                        GError     **error)
{
  g_return_val_if_fail (CV_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CV_TYPE_RECORD), NULL);

  return load_where (self, type, "rowid = ?1", NULL, rowid, error);
}

static gboolean
check_field_name (const CvRecordKind *kind,
                  const char         *field)
{
  const CvField *f;

  if (g_str_equal (field, "id"))
    return TRUE;
  f = cv_record_kind_find_field (kind, field);
  return f != NULL && is_column (f);
}

/**
 * cv_store_list:
 * @field: a column field of @type's kind
 * @value: (nullable): the value it must have
 *
 * For the small lists a record page shows: the attendance of a session, the
 * sections of a guide. Large lists use #CvRecordList instead.
 *
 * Returns: (transfer full) (element-type CvRecord): the records in their
 *   position when the kind has one, else oldest first
 */
GPtrArray *
cv_store_list (CvStore     *self,
               GType        type,
               const char  *field,
               const char  *value,
               GError     **error)
{
  const CvRecordKind *kind;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(CvStatement) st = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  CvStep step;

  g_return_val_if_fail (CV_IS_STORE (self), NULL);
  kind = kind_of_type (type);
  g_return_val_if_fail (check_field_name (kind, field), NULL);

  /* Parts of a whole (sections, prompts, answers) come in their order. */
  if (cv_record_kind_find_field (kind, "position") != NULL)
    where = g_strdup_printf ("%s IS ?1 ORDER BY position, rowid", field);
  else
    where = g_strdup_printf ("%s IS ?1 ORDER BY rowid", field);
  sql = select_sql (kind, where);
  st = cv_database_prepare (self->database, sql, error);
  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, value);

  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    {
      CvRecord *record = record_from_row (self, type, st, error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }
  if (step == CV_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&records);
}

/**
 * cv_store_foreach:
 * @where: a fixed condition on the kind's table, with ?1 for @value
 * @func: called with each record, in order of id; returns %FALSE (with its
 *   error set) to stop
 *
 * Reads records one at a time, for work over many (an export) that must
 * not hold them all in memory.
 */
gboolean
cv_store_foreach (CvStore            *self,
                  GType               type,
                  const char         *where,
                  const char         *value,
                  CvStoreRecordFunc   func,
                  gpointer            user_data,
                  GError            **error)
{
  g_autofree char *condition = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(CvStatement) st = NULL;
  CvStep step;

  g_return_val_if_fail (CV_IS_STORE (self), FALSE);
  g_return_val_if_fail (where != NULL && func != NULL, FALSE);

  condition = g_strdup_printf ("%s ORDER BY id", where);
  sql = select_sql (kind_of_type (type), condition);
  st = cv_database_prepare (self->database, sql, error);
  if (st == NULL)
    return FALSE;
  if (value != NULL)
    cv_statement_bind_text (st, 1, value);

  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    {
      g_autoptr(CvRecord) record = record_from_row (self, type, st, error);

      if (record == NULL || !func (record, user_data, error))
        return FALSE;
    }
  return step == CV_STEP_DONE;
}

/* Returns: how many rows of @type meet @where (a fixed condition, ?1 for @value), or -1 */
gint64
cv_store_count_where (CvStore     *self,
                      GType        type,
                      const char  *where,
                      const char  *value,
                      GError     **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(CvStatement) st = NULL;

  g_return_val_if_fail (CV_IS_STORE (self), -1);

  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", kind_of_type (type)->table, where);
  st = cv_database_prepare (self->database, sql, error);
  if (st == NULL)
    return -1;
  if (value != NULL)
    cv_statement_bind_text (st, 1, value);
  if (cv_statement_step (st, error) != CV_STEP_ROW)
    return -1;
  return cv_statement_column_int64 (st, 0);
}

/* Returns: how many records of @type have @field set to @value, or -1 on error */
gint64
cv_store_count (CvStore     *self,
                GType        type,
                const char  *field,
                const char  *value,
                GError     **error)
{
  const CvRecordKind *kind;
  g_autofree char *sql = NULL;
  g_autoptr(CvStatement) st = NULL;

  g_return_val_if_fail (CV_IS_STORE (self), -1);
  kind = kind_of_type (type);
  g_return_val_if_fail (check_field_name (kind, field), -1);

  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s IS ?1", kind->table, field);
  st = cv_database_prepare (self->database, sql, error);
  if (st == NULL)
    return -1;
  cv_statement_bind_text (st, 1, value);
  if (cv_statement_step (st, error) != CV_STEP_ROW)
    return -1;
  return cv_statement_column_int64 (st, 0);
}

/* A single text value from one row, or NULL when there is no such row. */
static char *
lookup_text (CvStore    *self,
             const char *sql,
             const char *key)
{
  g_autoptr(CvStatement) st = cv_database_prepare (self->database, sql, NULL);

  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, key);
  if (cv_statement_step (st, NULL) != CV_STEP_ROW)
    return NULL;
  return g_strdup (cv_statement_column_text (st, 0));
}

static gboolean
row_exists (CvStore    *self,
            const char *table,
            const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE id = ?1", table);
  g_autofree char *found = lookup_text (self, sql, id);

  return found != NULL;
}

/* Returns: (nullable): the name or title of a record, for showing a reference */
char *
cv_store_get_display_name (CvStore    *self,
                           const char *table,
                           const char *id)
{
  const CvField *field;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CV_IS_STORE (self), NULL);

  if (id == NULL)
    return NULL;
  field = cv_record_kind_display_field (cv_store_kind_for_table (table));
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", field->name, table);
  return lookup_text (self, sql, id);
}

gint64
cv_store_rowid_of (CvStore    *self,
                   const char *table,
                   const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE id = ?1", table);
  g_autoptr(CvStatement) st = cv_database_prepare (self->database, sql, NULL);

  if (st == NULL)
    return -1;
  cv_statement_bind_text (st, 1, id);
  if (cv_statement_step (st, NULL) != CV_STEP_ROW)
    return -1;
  return cv_statement_column_int64 (st, 0);
}

/**
 * cv_store_programme_of:
 *
 * Returns: (nullable): the id of the programme the stored record belongs to,
 *   or %NULL for records shared by all programmes (guides) and missing ones
 */
char *
cv_store_programme_of (CvStore    *self,
                       const char *table,
                       const char *id)
{
  const CvRecordKind *kind;
  const CvField *scope;
  g_autofree char *sql = NULL;
  g_autofree char *parent = NULL;

  g_return_val_if_fail (CV_IS_STORE (self), NULL);

  if (id == NULL)
    return NULL;
  if (g_str_equal (table, "programme"))
    return g_strdup (id);

  kind = cv_store_kind_for_table (table);
  scope = cv_record_kind_scope_field (kind);
  if (scope == NULL)
    return NULL;

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", scope->name, table);
  parent = lookup_text (self, sql, id);
  return cv_store_programme_of (self, scope->target, parent);
}

static char *
record_programme (CvStore  *self,
                  CvRecord *record)
{
  const CvRecordKind *kind = cv_record_get_kind (record);
  const CvField *scope = cv_record_kind_scope_field (kind);

  if (g_str_equal (kind->table, "programme"))
    return g_strdup (cv_record_get_id (record));
  if (scope == NULL)
    return NULL;
  return cv_store_programme_of (self, scope->target, cv_record_get_string (record, scope->name));
}

static gboolean
field_error (GError        **error,
             const CvField  *field,
             const char     *message)
{
  /* TRANSLATORS: a field's label, then what is wrong with its value */
  g_set_error (error, CV_ERROR, CV_ERROR_INVALID, _("%s: %s"), _(field->label), message);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
validate_reference (CvStore        *self,
                    CvRecord       *record,
                    const CvField  *field,
                    const char     *programme,
                    const char     *target_id,
                    GError        **error)
{
  g_autofree char *target_programme = NULL;

  if (!row_exists (self, field->target, target_id))
    return field_error (error, field, _("the record it names does not exist."));

  target_programme = cv_store_programme_of (self, field->target, target_id);
  if (programme != NULL && target_programme != NULL && !g_str_equal (programme, target_programme))
    return field_error (error, field, _("the record it names belongs to another programme."));

  if (field->target_kind != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT kind FROM %s WHERE id = ?1", field->target);
      g_autofree char *kind = lookup_text (self, sql, target_id);

      if (g_strcmp0 (kind, field->target_kind) != 0)
        return field_error (error, field, _("this must be an organisation."));
    }

  return TRUE;
}

static gboolean
validate_unique (CvStore        *self,
                 CvRecord       *record,
                 const CvField  *field,
                 const char     *value,
                 GError        **error)
{
  const CvRecordKind *kind = cv_record_get_kind (record);
  const CvField *scope = cv_record_kind_scope_field (kind);
  g_autofree char *sql = NULL;
  g_autoptr(CvStatement) st = NULL;
  CvStep step;

  /* NOCASE, as the unique indexes are: "Financing" and "financing" are one theme. */
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s = ?1 COLLATE NOCASE AND %s IS ?2 AND id IS NOT ?3",
                         kind->table, field->name, scope != NULL ? scope->name : "NULL");
  st = cv_database_prepare (self->database, sql, error);
  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, value);
  cv_statement_bind_text (st, 2, scope != NULL ? cv_record_get_string (record, scope->name) : NULL);
  cv_statement_bind_text (st, 3, cv_record_get_id (record));

  step = cv_statement_step (st, error);
  if (step == CV_STEP_ERROR)
    return FALSE;
  if (step == CV_STEP_ROW)
    {
      g_autofree char *shown = field->type == CV_FIELD_REFERENCE
        ? cv_store_get_display_name (self, field->target, value) : g_strdup (value);

      /* The message comes from the kind's static table and has one %s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_set_error (error, CV_ERROR, CV_ERROR_DUPLICATE, _(field->duplicate_message),
                   shown != NULL ? shown : value);
#pragma GCC diagnostic pop
      return FALSE;
    }
  return TRUE;
}

/**
 * cv_store_check_text_size:
 *
 * Returns: whether @text fits in one field: at most %CV_STORE_MAX_TEXT bytes
 */
gboolean
cv_store_check_text_size (const char  *text,
                          GError     **error)
{
  /* The message says the number: keep them together. */
  G_STATIC_ASSERT (CV_STORE_MAX_TEXT == 1000000);

  if (text != NULL && strlen (text) > CV_STORE_MAX_TEXT)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID, "%s",
                   _("this is longer than the 1,000,000 bytes of text Convene accepts in one field."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_field (CvStore        *self,
                CvRecord       *record,
                guint           index,
                const char     *programme,
                GError        **error)
{
  const CvField *field = &cv_record_get_kind (record)->fields[index];
  const GValue *value = cv_record_get_value (record, index);
  const char *text = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;
  g_autoptr(GError) size_error = NULL;

  if (!cv_store_check_text_size (text, &size_error))
    return field_error (error, field, size_error->message);
  if (G_VALUE_HOLDS_STRING (value) && is_blank (text))
    {
      if (field->flags & CV_FIELD_REQUIRED)
        return field_error (error, field, _("please fill this in."));
      return TRUE;
    }

  switch (field->type)
    {
    case CV_FIELD_EMAIL:
      if (!cv_email_is_valid (text))
        return field_error (error, field, _("this is not an email address (for example, name@example.org)."));
      break;
    case CV_FIELD_CHOICE:
      if (!cv_field_has_choice (field, text))
        return field_error (error, field, _("this is not one of the choices."));
      break;
    case CV_FIELD_DATE:
      if (!cv_date_is_valid (text))
        return field_error (error, field, _("this is not a real date."));
      break;
    case CV_FIELD_DATE_TIME:
      if (!cv_date_time_is_valid (text))
        return field_error (error, field, _("this is not a real date and time."));
      break;
    case CV_FIELD_NUMBER:
      if (!isfinite (g_value_get_double (value)))
        return field_error (error, field, _("this is not a number."));
      break;
    case CV_FIELD_REFERENCE:
      if (!validate_reference (self, record, field, programme, text, error))
        return FALSE;
      break;
    case CV_FIELD_REFERENCES:
    case CV_FIELD_WORDS:
      {
        const char * const *items = g_value_get_boxed (value);

        for (guint i = 0; items != NULL && items[i] != NULL; i++)
          {
            if (is_blank (items[i]))
              return field_error (error, field, _("an entry is empty."));
            if (!cv_store_check_text_size (items[i], &size_error))
              return field_error (error, field, size_error->message);
            if (field->type == CV_FIELD_REFERENCES &&
                !validate_reference (self, record, field, programme, items[i], error))
              return FALSE;
          }
      }
      break;
    case CV_FIELD_STRING:
    case CV_FIELD_TEXT:
    case CV_FIELD_BOOLEAN:
    case CV_FIELD_INTEGER:
    default:
      break;
    }

  if ((field->flags & CV_FIELD_UNIQUE) && !validate_unique (self, record, field, text, error))
    return FALSE;

  return TRUE;
}

/**
 * cv_store_validate:
 *
 * Checks every rule a record must meet before it is written: required fields,
 * choices, dates, email addresses, references to records of the same programme,
 * unique names, and the kind's own rules.
 */
gboolean
cv_store_validate (CvStore   *self,
                   CvRecord  *record,
                   GError   **error)
{
  const CvRecordKind *kind;
  g_autofree char *programme = NULL;
  CvRecordClass *klass;

  g_return_val_if_fail (CV_IS_STORE (self), FALSE);
  g_return_val_if_fail (CV_IS_RECORD (record), FALSE);

  kind = cv_record_get_kind (record);
  programme = record_programme (self, record);

  for (guint i = 0; i < kind->n_fields; i++)
    if (!validate_field (self, record, i, programme, error))
      return FALSE;

  klass = CV_RECORD_GET_CLASS (record);
  if (klass->validate != NULL && !klass->validate (record, self, error))
    return FALSE;

  return TRUE;
}

/**
 * cv_store_validate_field:
 *
 * Checks one field of @record, so that an editor can say which field is wrong
 * while the person is still typing in it.
 */
gboolean
cv_store_validate_field (CvStore     *self,
                         CvRecord    *record,
                         const char  *field,
                         GError     **error)
{
  const CvRecordKind *kind;
  const CvField *f;
  g_autofree char *programme = NULL;

  g_return_val_if_fail (CV_IS_STORE (self), FALSE);
  g_return_val_if_fail (CV_IS_RECORD (record), FALSE);

  kind = cv_record_get_kind (record);
  f = cv_record_kind_find_field (kind, field);
  g_return_val_if_fail (f != NULL, FALSE);

  programme = record_programme (self, record);
  return validate_field (self, record, f - kind->fields, programme, error);
}

static void
bind_field (CvStatement  *st,
            int           index,
            const GValue *value)
{
  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_BOOLEAN:
      cv_statement_bind_int64 (st, index, g_value_get_boolean (value) ? 1 : 0);
      break;
    case G_TYPE_INT64:
      cv_statement_bind_int64 (st, index, g_value_get_int64 (value));
      break;
    case G_TYPE_DOUBLE:
      cv_statement_bind_double (st, index, g_value_get_double (value));
      break;
    default:
      cv_statement_bind_text (st, index, g_value_get_string (value));
      break;
    }
}

/* A new row has no side-table rows yet: clearing them first would be one
 * more statement per list, and each statement inside a long transaction
 * makes the search index flush (an import of thousands pays for it). */
static gboolean
write_lists (CvStore   *self,
             CvRecord  *record,
             gboolean   replace_existing,
             GError   **error)
{
  const CvRecordKind *kind = cv_record_get_kind (record);
  const char *id = cv_record_get_id (record);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CvField *field = &kind->fields[i];
      const char * const *items;
      g_autofree char *clear_sql = NULL;
      g_autofree char *insert_sql = NULL;
      g_autoptr(CvStatement) clear = NULL;

      if (!is_list (field))
        continue;

      if (replace_existing)
        {
          clear_sql = g_strdup_printf ("DELETE FROM %s WHERE %s_id = ?1", field->link_table, kind->table);
          clear = cv_database_prepare (self->database, clear_sql, error);
          if (clear == NULL)
            return FALSE;
          cv_statement_bind_text (clear, 1, id);
          if (!cv_statement_run (clear, error))
            return FALSE;
        }

      insert_sql = g_strdup_printf ("INSERT OR IGNORE INTO %s (%s_id, value) VALUES (?1, ?2)",
                                    field->link_table, kind->table);
      items = g_value_get_boxed (cv_record_get_value (record, i));
      for (guint j = 0; items != NULL && items[j] != NULL; j++)
        {
          g_autoptr(CvStatement) insert = cv_database_prepare (self->database, insert_sql, error);
          g_autofree char *item = g_strstrip (g_strdup (items[j]));

          if (insert == NULL)
            return FALSE;
          cv_statement_bind_text (insert, 1, id);
          cv_statement_bind_text (insert, 2, item);
          if (!cv_statement_run (insert, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Writes the row as it is, timestamps included: for insert, update and
 * restore. A new row takes @rowid when it is positive (a restored record
 * goes back to its place), the next one otherwise. */
static gboolean
write_row_at (CvStore   *self,
              CvRecord  *record,
              gboolean   replace_existing,
              gint64     rowid,
              GError   **error)
{
  const CvRecordKind *kind = cv_record_get_kind (record);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(CvStatement) st = NULL;
  guint n_columns = 3;
  int index = 4;

  if (replace_existing)
    {
      g_string_append_printf (sql, "UPDATE %s SET created_at = ?2, updated_at = ?3", kind->table);
      for (guint i = 0; i < kind->n_fields; i++)
        if (is_column (&kind->fields[i]))
          g_string_append_printf (sql, ", %s = ?%u", kind->fields[i].name, ++n_columns);
      g_string_append (sql, " WHERE id = ?1");
    }
  else
    {
      g_autoptr(GString) values = g_string_new ("?1, ?2, ?3");

      g_string_append_printf (sql, "INSERT INTO %s (id, created_at, updated_at", kind->table);
      for (guint i = 0; i < kind->n_fields; i++)
        if (is_column (&kind->fields[i]))
          {
            g_string_append_printf (sql, ", %s", kind->fields[i].name);
            g_string_append_printf (values, ", ?%u", ++n_columns);
          }
      if (rowid > 0)
        {
          g_string_append (sql, ", rowid");
          g_string_append_printf (values, ", ?%u", ++n_columns);
        }
      g_string_append_printf (sql, ") VALUES (%s)", values->str);
    }

  st = cv_database_prepare (self->database, sql->str, error);
  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, cv_record_get_id (record));
  cv_statement_bind_text (st, 2, cv_record_get_created_at (record));
  cv_statement_bind_text (st, 3, cv_record_get_updated_at (record));
  for (guint i = 0; i < kind->n_fields; i++)
    if (is_column (&kind->fields[i]))
      bind_field (st, index++, cv_record_get_value (record, i));
  if (!replace_existing && rowid > 0)
    cv_statement_bind_int64 (st, index, rowid);

  if (!cv_statement_run (st, error))
    return FALSE;
  if (replace_existing && sqlite3_changes (cv_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_NOT_FOUND,
                   _("This record no longer exists. It may have been deleted."));
      return FALSE;
    }
  return write_lists (self, record, replace_existing, error);
}

static gboolean
write_row (CvStore   *self,
           CvRecord  *record,
           gboolean   replace_existing,
           GError   **error)
{
  return write_row_at (self, record, replace_existing, 0, error);
}

/* One write or deletion as the kinds' hooks see it: whether it replaces a
 * stored record, the records a kind adds to it (written after the record,
 * as new rows, in the same transaction), and the other changes to announce
 * once it is committed. */
struct _CvWrite
{
  gboolean   replace_existing;
  gboolean   deletion;
  GPtrArray *also;       /* CvRecord */
  GPtrArray *announce;   /* table, id, table, id, … (owned strings) */
};

/**
 * cv_write_replaces:
 *
 * Returns: whether the record written replaces the stored one with its id
 */
gboolean
cv_write_replaces (CvWrite *write)
{
  return write->replace_existing;
}

/**
 * cv_write_is_deletion:
 *
 * Returns: whether the record is being deleted rather than written
 */
gboolean
cv_write_is_deletion (CvWrite *write)
{
  return write->deletion;
}

/**
 * cv_write_add:
 * @record: a new record that the write brings with it (a history row)
 *
 * Writes @record, unchecked, after the record the write is for.
 */
void
cv_write_add (CvWrite  *write,
              CvRecord *record)
{
  g_ptr_array_add (write->also, g_object_ref (record));
}

/**
 * cv_write_announce:
 * @table: a table changed by the write besides the record's own
 * @id: (nullable): the record changed in it, or %NULL for any
 *
 * Tells the views of the change once the write is committed.
 */
void
cv_write_announce (CvWrite    *write,
                   const char *table,
                   const char *id)
{
  g_ptr_array_add (write->announce, g_strdup (table));
  g_ptr_array_add (write->announce, g_strdup (id));
}

static void
write_init (CvWrite  *write,
            gboolean  replace_existing,
            gboolean  deletion)
{
  write->replace_existing = replace_existing;
  write->deletion = deletion;
  write->also = g_ptr_array_new_with_free_func (g_object_unref);
  write->announce = g_ptr_array_new_with_free_func (g_free);
}

static void
write_clear (CvWrite *write)
{
  g_clear_pointer (&write->also, g_ptr_array_unref);
  g_clear_pointer (&write->announce, g_ptr_array_unref);
}

static gboolean
prepare_write (CvStore   *self,
               CvRecord  *record,
               CvWrite   *write,
               GError   **error)
{
  CvRecordClass *klass = CV_RECORD_GET_CLASS (record);

  return klass->prepare_write == NULL || klass->prepare_write (record, self, write, error);
}

static gboolean
finish_write (CvStore   *self,
              CvRecord  *record,
              CvWrite   *write,
              GError   **error)
{
  CvRecordClass *klass = CV_RECORD_GET_CLASS (record);

  return klass->finish_write == NULL || klass->finish_write (record, self, write, error);
}

static void
announce_write (CvStore *self,
                CvWrite *write)
{
  for (guint i = 0; i + 1 < write->announce->len; i += 2)
    emit_changed (self, g_ptr_array_index (write->announce, i), g_ptr_array_index (write->announce, i + 1));
}

static gboolean
write_validated (CvStore   *self,
                 CvRecord  *record,
                 gboolean   replace_existing,
                 GError   **error)
{
  CvDatabase *db = self->database;
  CvWrite write;

  write_init (&write, replace_existing, FALSE);
  if (!cv_database_begin (db, error))
    goto cleared;
  if (!prepare_write (self, record, &write, error) ||
      !cv_store_validate (self, record, error) ||
      !write_row (self, record, replace_existing, error))
    goto failed;
  for (guint i = 0; i < write.also->len; i++)
    if (!write_row (self, g_ptr_array_index (write.also, i), FALSE, error))
      goto failed;
  if (!finish_write (self, record, &write, error) || !cv_database_commit (db, error))
    goto failed;

  emit_changed (self, cv_record_get_kind (record)->table, cv_record_get_id (record));
  announce_write (self, &write);
  write_clear (&write);
  return TRUE;

failed:
  cv_database_rollback (db);
cleared:
  write_clear (&write);
  return FALSE;
}

/**
 * cv_store_insert:
 *
 * Validates and stores a new record in one transaction. A record without an
 * id gets a new UUID; one without timestamps gets the current time (an import
 * or an undo keeps the ones it carries).
 */
gboolean
cv_store_insert (CvStore   *self,
                 CvRecord  *record,
                 GError   **error)
{
  g_autofree char *now = NULL;
  g_autofree char *new_id = NULL;
  gboolean ok;

  g_return_val_if_fail (CV_IS_STORE (self), FALSE);
  g_return_val_if_fail (CV_IS_RECORD (record), FALSE);

  if (cv_record_get_id (record) == NULL)
    {
      new_id = g_uuid_string_random ();
      cv_record_set_id (record, new_id);
    }
  else if (!g_uuid_string_is_valid (cv_record_get_id (record)))
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID, _("The record’s identity is not a UUID."));
      return FALSE;
    }

  if (cv_record_get_created_at (record) == NULL)
    {
      now = cv_timestamp_now ();
      cv_record_set_timestamps (record, now, now);
    }

  ok = write_validated (self, record, FALSE, error);
  if (!ok && new_id != NULL)
    {
      /* Leave the caller's record as it was: nothing was stored. */
      cv_record_set_id (record, NULL);
      cv_record_set_timestamps (record, NULL, NULL);
    }
  return ok;
}

/**
 * cv_store_update:
 *
 * Validates and stores every field of an existing record, and sets its
 * updated_at to now. On failure nothing is written and the record keeps its
 * old updated_at.
 */
gboolean
cv_store_update (CvStore   *self,
                 CvRecord  *record,
                 GError   **error)
{
  g_autofree char *previous = NULL;
  g_autofree char *now = NULL;
  g_autoptr(CvRecord) stored = NULL;

  g_return_val_if_fail (CV_IS_STORE (self), FALSE);
  g_return_val_if_fail (CV_IS_RECORD (record), FALSE);
  g_return_val_if_fail (cv_record_get_id (record) != NULL, FALSE);

  /* Nothing changed (an editor saving as the person moves on): nothing is
   * written, so updated_at keeps saying when the record last really changed,
   * which is what a merge of partners' files goes by. */
  stored = cv_store_load (self, G_OBJECT_TYPE (record), cv_record_get_id (record), NULL);
  if (stored != NULL && cv_record_same_fields (stored, record))
    {
      cv_record_set_timestamps (record, cv_record_get_created_at (stored), cv_record_get_updated_at (stored));
      return TRUE;
    }

  previous = g_strdup (cv_record_get_updated_at (record));
  now = cv_timestamp_now ();
  cv_record_set_timestamps (record, cv_record_get_created_at (record), now);
  if (!write_validated (self, record, TRUE, error))
    {
      cv_record_set_timestamps (record, cv_record_get_created_at (record), previous);
      return FALSE;
    }
  return TRUE;
}

/**
 * cv_store_write_unchecked:
 * @replace_existing: %TRUE to overwrite the row with @record's id
 *
 * Writes @record as it is, timestamps included, without validating it and
 * without telling the views: for an import, which validates the whole file
 * first and every written record again before it commits, and then calls
 * cv_store_announce().
 */
gboolean
cv_store_write_unchecked (CvStore   *self,
                          CvRecord  *record,
                          gboolean   replace_existing,
                          GError   **error)
{
  g_return_val_if_fail (CV_IS_STORE (self), FALSE);
  g_return_val_if_fail (CV_IS_RECORD (record), FALSE);
  g_return_val_if_fail (cv_record_get_id (record) != NULL, FALSE);

  return write_row (self, record, replace_existing, error);
}

/**
 * cv_store_announce:
 * @table: the table whose records changed
 *
 * Tells the views that any number of records of @table changed (the
 * #CvStore::changed signal with no id).
 */
void
cv_store_announce (CvStore    *self,
                   const char *table)
{
  g_return_if_fail (CV_IS_STORE (self));
  emit_changed (self, table, NULL);
}

/* Deletion and undo */

static void
link_clear (gpointer data)
{
  CvLink *link = data;

  g_free (link->table);
  g_free (link->column);
  g_free (link->owner_id);
  g_free (link->value);
}

static void
row_free (gpointer data)
{
  CvRow *row = data;

  g_free (row->table);
  g_strfreev (row->columns);
  g_ptr_array_unref (row->values);
  g_free (row);
}

void
cv_deletion_free (CvDeletion *deletion)
{
  if (deletion == NULL)
    return;
  g_ptr_array_unref (deletion->records);
  g_array_unref (deletion->rowids);
  g_array_unref (deletion->links);
  g_ptr_array_unref (deletion->rows);
  g_hash_table_unref (deletion->row_keys);
  g_hash_table_unref (deletion->cascades);
  g_free (deletion);
}

guint
cv_deletion_get_n_records (CvDeletion *deletion)
{
  return deletion->records->len;
}

static gboolean
collect_ids (CvStore     *self,
             const char  *sql,
             const char  *key,
             GPtrArray   *ids,
             GError     **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (self->database, sql, error);
  CvStep step;

  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, key);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    g_ptr_array_add (ids, g_strdup (cv_statement_column_text (st, 0)));
  return step == CV_STEP_DONE;
}

static void
add_link (CvDeletion *deletion,
          const char *table,
          const char *column,
          const char *owner_id,
          const char *value,
          gboolean    list)
{
  CvLink link = { g_strdup (table), g_strdup (column), g_strdup (owner_id), g_strdup (value), list };

  g_array_append_val (deletion->links, link);
}

/* Tells the views about every record a deletion (or its undoing) touched. */
static void
emit_deletion_changed (CvStore    *self,
                       CvDeletion *deletion)
{
  for (guint i = 0; i < deletion->records->len; i++)
    {
      CvRecord *record = g_ptr_array_index (deletion->records, i);
      emit_changed (self, cv_record_get_kind (record)->table, cv_record_get_id (record));
    }
  for (guint i = 0; i < deletion->links->len; i++)
    {
      CvLink *link = &g_array_index (deletion->links, CvLink, i);
      emit_changed (self, link->list ? link->column : link->table, link->owner_id);
    }
}

/* Whether @table holds records, or the values of a record's list: those a
 * deletion gathers as records. */
static gboolean
is_record_table (const char *table)
{
  guint n_types;
  const GType *types = cv_kinds_all (&n_types);

  for (guint t = 0; t < n_types; t++)
    {
      const CvRecordKind *kind = kind_of_type (types[t]);

      if (g_str_equal (kind->table, table))
        return TRUE;
      for (guint f = 0; f < kind->n_fields; f++)
        if (kind->fields[f].link_table != NULL && g_str_equal (kind->fields[f].link_table, table))
          return TRUE;
    }
  return FALSE;
}

/* Gathers the rows of the other tables (no record kind's) that the schema
 * deletes with the record @id of @table: what a merge's or a deletion's
 * undo must put back too, and which no field of a kind describes. They are
 * found in the schema itself, so that a table added later is not forgotten. */
/* The tables the schema deletes rows of with a record of @table, each
 * followed by the query that reads those rows; worked out once a deletion
 * (a programme's takes thousands of records of a few kinds). */
static GPtrArray *
cascade_queries (CvStore     *self,
                 const char  *table,
                 CvDeletion  *deletion,
                 GError     **error)
{
  g_autoptr(CvStatement) refs = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  GPtrArray *known = g_hash_table_lookup (deletion->cascades, table);
  CvStep step;

  if (known != NULL)
    return known;
  refs = cv_database_prepare (self->database,
                              "SELECT m.name, f.\"from\" FROM sqlite_schema m,"
                              " pragma_foreign_key_list (m.name) f"
                              " WHERE m.type = 'table' AND f.\"table\" = ?1"
                              " AND f.\"to\" = 'id' AND f.on_delete = 'CASCADE'"
                              " ORDER BY m.name, f.id",
                              error);
  if (refs == NULL)
    return NULL;
  queries = g_ptr_array_new_with_free_func (g_free);
  cv_statement_bind_text (refs, 1, table);
  while ((step = cv_statement_step (refs, error)) == CV_STEP_ROW)
    {
      const char *other = cv_statement_column_text (refs, 0);

      if (is_record_table (other))
        continue;
      g_ptr_array_add (queries, g_strdup (other));
      g_ptr_array_add (queries, g_strdup_printf ("SELECT rowid, * FROM \"%s\" WHERE \"%s\" = ?1 ORDER BY rowid",
                                                 other, cv_statement_column_text (refs, 1)));
    }
  if (step != CV_STEP_DONE)
    return NULL;
  g_hash_table_insert (deletion->cascades, g_strdup (table), queries);
  return g_steal_pointer (&queries);
}

/* Gathers the rows of the other tables (no record kind's) that the schema
 * deletes with the record @id of @table: what a merge's or a deletion's
 * undo must put back too, and which no field of a kind describes. They are
 * found in the schema itself, so that a table added later is not forgotten. */
static gboolean
capture_rows (CvStore     *self,
              const char  *table,
              const char  *id,
              CvDeletion  *deletion,
              GError     **error)
{
  GPtrArray *queries = cascade_queries (self, table, deletion, error);

  if (queries == NULL)
    return FALSE;
  for (guint q = 0; q + 1 < queries->len; q += 2)
    {
      const char *other = g_ptr_array_index (queries, q);
      g_autoptr(CvStatement) st = cv_database_prepare (self->database, g_ptr_array_index (queries, q + 1), error);
      sqlite3_stmt *stmt;
      CvStep row_step;

      if (st == NULL)
        return FALSE;
      cv_statement_bind_text (st, 1, id);
      stmt = cv_statement_get_stmt (st);
      while ((row_step = cv_statement_step (st, error)) == CV_STEP_ROW)
        {
          int n = sqlite3_column_count (stmt);
          char *key = g_strdup_printf ("%s %" G_GINT64_FORMAT, other, cv_statement_column_int64 (st, 0));
          CvRow *row;

          if (!g_hash_table_add (deletion->row_keys, key))
            continue;
          row = g_new0 (CvRow, 1);
          row->table = g_strdup (other);
          row->columns = g_new0 (char *, n + 1);
          row->values = g_ptr_array_new_with_free_func ((GDestroyNotify)sqlite3_value_free);
          for (int c = 0; c < n; c++)
            {
              /* The first column is the rowid, whatever name SQLite gives it. */
              row->columns[c] = g_strdup (c == 0 ? "rowid" : sqlite3_column_name (stmt, c));
              g_ptr_array_add (row->values, sqlite3_value_dup (sqlite3_column_value (stmt, c)));
            }
          g_ptr_array_add (deletion->rows, row);
        }
      if (row_step != CV_STEP_DONE)
        return FALSE;
    }
  return TRUE;
}

/* Gathers @record and everything its deletion would take or change, following
 * the ON DELETE rule of every reference to its kind. */
static gboolean
capture (CvStore     *self,
         CvRecord    *record,
         CvDeletion  *deletion,
         GError     **error)
{
  const char *table = cv_record_get_kind (record)->table;
  const char *id = cv_record_get_id (record);
  guint n_types;
  const GType *types = cv_kinds_all (&n_types);
  gint64 rowid = cv_store_rowid_of (self, table, id);

  g_ptr_array_add (deletion->records, g_object_ref (record));
  g_array_append_val (deletion->rowids, rowid);
  if (!capture_rows (self, table, id, deletion, error))
    return FALSE;

  for (guint t = 0; t < n_types; t++)
    {
      const CvRecordKind *kind = kind_of_type (types[t]);

      for (guint f = 0; f < kind->n_fields; f++)
        {
          const CvField *field = &kind->fields[f];
          g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *sql = NULL;

          if (field->target == NULL || !g_str_equal (field->target, table))
            continue;

          if (field->type == CV_FIELD_REFERENCES)
            sql = g_strdup_printf ("SELECT %s_id FROM %s WHERE value = ?1 ORDER BY rowid",
                                   kind->table, field->link_table);
          else
            sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1 ORDER BY rowid",
                                   kind->table, field->name);
          if (!collect_ids (self, sql, id, ids, error))
            return FALSE;
          if (ids->len == 0)
            continue;

          if (field->on_delete == CV_ON_DELETE_RESTRICT)
            {
              g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "This cannot be deleted: %u record still depends on it (%s).",
                                        "This cannot be deleted: %u records still depend on it (%s).",
                                        ids->len),
                           ids->len, _(kind->label));
              return FALSE;
            }

          for (guint i = 0; i < ids->len; i++)
            {
              const char *owner = g_ptr_array_index (ids, i);

              if (field->type == CV_FIELD_REFERENCES)
                add_link (deletion, field->link_table, kind->table, owner, id, TRUE);
              else if (field->on_delete == CV_ON_DELETE_SET_NULL)
                add_link (deletion, kind->table, field->name, owner, id, FALSE);
              else
                {
                  g_autoptr(CvRecord) child = cv_store_load (self, types[t], owner, error);

                  if (child == NULL || !capture (self, child, deletion, error))
                    return FALSE;
                }
            }
        }
    }
  return TRUE;
}

/**
 * cv_store_delete:
 *
 * Deletes @record, and with it what its kind's ON DELETE rules take. What was
 * removed or unlinked is returned so that cv_store_restore() can put it back.
 *
 * Returns: (transfer full): the deletion, or %NULL with @error set
 */
CvDeletion *
cv_store_delete (CvStore   *self,
                 CvRecord  *record,
                 GError   **error)
{
  g_autoptr(CvDeletion) deletion = NULL;
  g_autoptr(CvRecord) stored = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(CvStatement) st = NULL;
  CvWrite write;
  const char *table;

  g_return_val_if_fail (CV_IS_STORE (self), NULL);
  g_return_val_if_fail (CV_IS_RECORD (record), NULL);

  table = cv_record_get_kind (record)->table;
  deletion = g_new0 (CvDeletion, 1);
  deletion->records = g_ptr_array_new_with_free_func (g_object_unref);
  deletion->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  deletion->links = g_array_new (FALSE, FALSE, sizeof (CvLink));
  g_array_set_clear_func (deletion->links, link_clear);
  deletion->rows = g_ptr_array_new_with_free_func (row_free);
  deletion->row_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  deletion->cascades = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);

  if (!cv_database_begin (self->database, error))
    return NULL;
  write_init (&write, TRUE, TRUE);

  stored = cv_store_load (self, G_OBJECT_TYPE (record), cv_record_get_id (record), error);
  if (stored == NULL)
    goto failed;
  if (!prepare_write (self, stored, &write, error) || !capture (self, stored, deletion, error))
    goto failed;

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  st = cv_database_prepare (self->database, sql, error);
  if (st == NULL)
    goto failed;
  cv_statement_bind_text (st, 1, cv_record_get_id (record));
  if (!cv_statement_run (st, error))
    goto failed;
  if (!finish_write (self, stored, &write, error) || !cv_database_commit (self->database, error))
    goto failed;

  emit_deletion_changed (self, deletion);
  announce_write (self, &write);
  write_clear (&write);
  return g_steal_pointer (&deletion);

failed:
  cv_database_rollback (self->database);
  write_clear (&write);
  return NULL;
}

/**
 * cv_store_restore:
 *
 * Puts back everything @deletion removed, with the same ids and timestamps,
 * and re-links the records that referred to it. All or nothing.
 */
gboolean
cv_store_restore (CvStore     *self,
                  CvDeletion  *deletion,
                  GError     **error)
{
  g_return_val_if_fail (CV_IS_STORE (self), FALSE);
  g_return_val_if_fail (deletion != NULL, FALSE);

  if (!cv_database_begin (self->database, error))
    return FALSE;

  /* Records come back in the order they were gathered; references among them
   * are checked when the whole restore commits. */
  if (!cv_database_exec (self->database, "PRAGMA defer_foreign_keys = ON", error))
    goto failed;

  for (guint i = 0; i < deletion->records->len; i++)
    if (!write_row_at (self, g_ptr_array_index (deletion->records, i), FALSE,
                       g_array_index (deletion->rowids, gint64, i), error))
      goto failed;

  for (guint i = 0; i < deletion->rows->len; i++)
    {
      CvRow *row = g_ptr_array_index (deletion->rows, i);
      g_autoptr(GString) sql = g_string_new (NULL);
      g_autoptr(GString) values = g_string_new (NULL);
      g_autoptr(CvStatement) st = NULL;

      g_string_append_printf (sql, "INSERT INTO \"%s\" (", row->table);
      for (guint c = 0; row->columns[c] != NULL; c++)
        {
          g_string_append_printf (sql, "%s\"%s\"", c > 0 ? ", " : "", row->columns[c]);
          g_string_append_printf (values, "%s?%u", c > 0 ? ", " : "", c + 1);
        }
      g_string_append_printf (sql, ") VALUES (%s)", values->str);
      st = cv_database_prepare (self->database, sql->str, error);
      if (st == NULL)
        goto failed;
      for (guint c = 0; c < row->values->len; c++)
        sqlite3_bind_value (cv_statement_get_stmt (st), c + 1, g_ptr_array_index (row->values, c));
      if (!cv_statement_run (st, error))
        goto failed;
    }

  for (guint i = 0; i < deletion->links->len; i++)
    {
      CvLink *link = &g_array_index (deletion->links, CvLink, i);
      g_autofree char *sql = NULL;
      g_autoptr(CvStatement) st = NULL;

      if (link->list)
        sql = g_strdup_printf ("INSERT OR IGNORE INTO %s (%s_id, value) VALUES (?1, ?2)",
                               link->table, link->column);
      else
        sql = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE id = ?1", link->table, link->column);
      st = cv_database_prepare (self->database, sql, error);
      if (st == NULL)
        goto failed;
      cv_statement_bind_text (st, 1, link->owner_id);
      cv_statement_bind_text (st, 2, link->value);
      if (!cv_statement_run (st, error))
        goto failed;
    }

  if (!cv_database_commit (self->database, error))
    return FALSE;

  emit_deletion_changed (self, deletion);
  return TRUE;

failed:
  cv_database_rollback (self->database);
  return FALSE;
}
