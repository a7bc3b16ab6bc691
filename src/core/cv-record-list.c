/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A GListModel over the records of one kind in one programme, searched,
 * filtered and sorted by SQLite. It holds only the rowids of the matching
 * records, in order, and loads a record when a view asks for that position, so
 * a register of 100,000 people costs 800 KB and one query, not 100,000 objects.
 */
#include "config.h"

#include <string.h>

#include "cv-reader.h"
#include "cv-record-list.h"

#define CACHE_LIMIT 512

typedef struct
{
  char *field;
  char *value;
} Filter;

struct _CvRecordList
{
  GObject             parent_instance;

  CvStore            *store;
  GType               type;
  const CvRecordKind *kind;
  char               *programme_id;
  char               *search;
  GArray             *filters;   /* of Filter */
  char               *sort_field;
  char               *excluded_field;
  GStrv               excluded;     /* values of excluded_field not listed */
  char               *range_field;
  char               *range_from;   /* inclusive, or NULL */
  char               *range_to;     /* exclusive, or NULL */
  gboolean            descending;
  gboolean            empty_last;   /* records without the sort field after the rest */

  GArray             *rowids;    /* gint64, in list order */
  guint               n_total;   /* records of the kind in the programme, listed or not, */
  gboolean            total_known; /* … as of the last change of the table */
  GCancellable       *counting;  /* the count under way in a worker, if any */
  GHashTable         *cache;     /* rowid → CvRecord */
  GCancellable       *refreshing; /* the refresh_async() under way, if any */
  gulong              changed_id;
};

enum {
  REFRESHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CvRecordList, cv_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
cv_record_list_get_item_type (GListModel *model)
{
  return CV_RECORD_LIST (model)->type;
}

static guint
cv_record_list_get_n_items (GListModel *model)
{
  return CV_RECORD_LIST (model)->rowids->len;
}

static gpointer
cv_record_list_get_item (GListModel *model,
                         guint       position)
{
  CvRecordList *self = CV_RECORD_LIST (model);
  g_autoptr(GError) error = NULL;
  gint64 rowid;
  CvRecord *record;

  if (position >= self->rowids->len)
    return NULL;

  rowid = g_array_index (self->rowids, gint64, position);
  record = g_hash_table_lookup (self->cache, &rowid);
  if (record != NULL)
    return g_object_ref (record);

  record = cv_store_load_by_rowid (self->store, self->type, rowid, &error);
  if (record == NULL)
    {
      /* Deleted by another connection since the last refresh: an empty record
       * stands in until the change notification refreshes the list. */
      g_debug ("Row %" G_GINT64_FORMAT " of %s is gone: %s", rowid, self->kind->table, error->message);
      return cv_record_new (self->type);
    }

  if (g_hash_table_size (self->cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_memdup2 (&rowid, sizeof rowid), g_object_ref (record));
  return record;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cv_record_list_get_item_type;
  iface->get_n_items = cv_record_list_get_n_items;
  iface->get_item = cv_record_list_get_item;
}

static void
filter_clear (gpointer data)
{
  Filter *filter = data;

  g_free (filter->field);
  g_free (filter->value);
}

static void
cv_record_list_dispose (GObject *object)
{
  CvRecordList *self = (CvRecordList *)object;

  if (self->refreshing != NULL)
    g_cancellable_cancel (self->refreshing);
  g_clear_object (&self->refreshing);
  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cv_record_list_parent_class)->dispose (object);
}

static void
cv_record_list_finalize (GObject *object)
{
  CvRecordList *self = (CvRecordList *)object;

  g_clear_pointer (&self->programme_id, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->filters, g_array_unref);
  g_clear_pointer (&self->sort_field, g_free);
  g_clear_pointer (&self->range_field, g_free);
  g_clear_pointer (&self->excluded_field, g_free);
  g_clear_pointer (&self->excluded, g_strfreev);
  g_clear_pointer (&self->range_from, g_free);
  g_clear_pointer (&self->range_to, g_free);
  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (cv_record_list_parent_class)->finalize (object);
}

static void
cv_record_list_class_init (CvRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cv_record_list_dispose;
  object_class->finalize = cv_record_list_finalize;

  /**
   * CvRecordList::refreshed:
   *
   * The rows and the total are those of the latest refresh, whether or not
   * any item changed (a search that finds every record changes none).
   */
  signals[REFRESHED] = g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cv_record_list_init (CvRecordList *self)
{
  self->filters = g_array_new (FALSE, TRUE, sizeof (Filter));
  g_array_set_clear_func (self->filters, filter_clear);
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

static gboolean refresh (CvRecordList *self, guint *changed_start, guint *changed_end, GError **error);

static void
store_changed_cb (CvRecordList *self,
                  const char   *table,
                  const char   *id,
                  CvStore      *store)
{
  g_autoptr(GError) error = NULL;
  guint start, end;
  gint64 rowid;

  if (!g_str_equal (table, self->kind->table))
    return;
  self->total_known = FALSE;

  rowid = cv_store_rowid_of (self->store, table, id);
  g_hash_table_remove (self->cache, &rowid);
  if (!refresh (self, &start, &end, &error))
    g_warning ("Could not refresh the list of %s: %s", table, error->message);
  else if (rowid >= 0)
    {
      /* The record may have changed where the list did not move: redraw it. */
      for (guint i = 0; i < self->rowids->len; i++)
        if (g_array_index (self->rowids, gint64, i) == rowid && (i < start || i >= end))
          {
            g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
            break;
          }
    }
}

/**
 * cv_record_list_new:
 * @type: a record kind with a programme (stakeholders, sessions, …)
 *
 * The list is empty until a programme is set and it is refreshed; it then
 * follows every change the store makes.
 */
CvRecordList *
cv_record_list_new (CvStore *store,
                    GType    type)
{
  CvRecordList *self;
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, CV_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  self = g_object_new (CV_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->type = type;
  self->kind = CV_RECORD_CLASS (klass)->kind;
  g_return_val_if_fail (cv_record_kind_find_field (self->kind, "programme_id") != NULL, self);

  self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                              self, G_CONNECT_SWAPPED);
  return self;
}

void
cv_record_list_set_programme (CvRecordList *self,
                              const char   *programme_id)
{
  g_return_if_fail (CV_IS_RECORD_LIST (self));

  g_free (self->programme_id);
  self->programme_id = g_strdup (programme_id);
  self->total_known = FALSE;
}

static gboolean kind_has_search_index (const CvRecordKind *kind);

void
cv_record_list_set_search (CvRecordList *self,
                           const char   *text)
{
  g_return_if_fail (CV_IS_RECORD_LIST (self));

  g_free (self->search);
  self->search = g_strstrip (g_strdup (text != NULL ? text : ""));
  /* Only quotes or other marks: nothing to look for, so everyone is listed. */
  if (kind_has_search_index (self->kind) && self->search != NULL)
    {
      g_autofree char *query = cv_search_to_fts_query (self->search);

      if (query == NULL)
        g_clear_pointer (&self->search, g_free);
    }
  if (self->search != NULL && *self->search == '\0')
    g_clear_pointer (&self->search, g_free);
}

/**
 * cv_record_list_set_filter:
 * @field: a field of the kind; for a list field (tags), the value must be in it
 * @value: (nullable): the value to keep, or %NULL for no filter on @field
 */
void
cv_record_list_set_filter (CvRecordList *self,
                           const char   *field,
                           const char   *value)
{
  Filter filter;

  g_return_if_fail (CV_IS_RECORD_LIST (self));
  g_return_if_fail (cv_record_kind_find_field (self->kind, field) != NULL);

  for (guint i = 0; i < self->filters->len; i++)
    if (g_str_equal (g_array_index (self->filters, Filter, i).field, field))
      {
        g_array_remove_index (self->filters, i);
        break;
      }

  if (value == NULL)
    return;
  filter.field = g_strdup (field);
  filter.value = g_strdup (value);
  g_array_append_val (self->filters, filter);
}

/**
 * cv_record_list_set_range:
 * @field: (nullable): a date or date-time field, or %NULL for no range
 * @from: (nullable): the first value to keep
 * @to: (nullable): the first value no longer kept
 *
 * Keeps the records whose @field lies in [@from, @to): upcoming sessions are
 * those from now on, past ones those before now.
 */
void
cv_record_list_set_range (CvRecordList *self,
                          const char   *field,
                          const char   *from,
                          const char   *to)
{
  g_return_if_fail (CV_IS_RECORD_LIST (self));
  g_return_if_fail (field == NULL || cv_record_kind_find_field (self->kind, field) != NULL);

  g_free (self->range_field);
  g_free (self->range_from);
  g_free (self->range_to);
  self->range_field = g_strdup (field);
  self->range_from = g_strdup (from);
  self->range_to = g_strdup (to);
}

/**
 * cv_record_list_set_excluded:
 * @field: (nullable): a choice field, or %NULL for no exclusion
 * @values: (nullable): the values whose records are not listed
 *
 * Overdue actions, for example, are those past due that are neither done
 * nor dropped.
 */
void
cv_record_list_set_excluded (CvRecordList       *self,
                             const char         *field,
                             const char * const *values)
{
  g_return_if_fail (CV_IS_RECORD_LIST (self));
  g_return_if_fail (field == NULL || cv_record_kind_find_field (self->kind, field) != NULL);

  g_free (self->excluded_field);
  g_strfreev (self->excluded);
  self->excluded_field = g_strdup (field);
  self->excluded = g_strdupv ((char **)values);
}

void
cv_record_list_set_sort (CvRecordList *self,
                         const char   *field,
                         gboolean      descending)
{
  g_return_if_fail (CV_IS_RECORD_LIST (self));
  g_return_if_fail (field == NULL || g_str_equal (field, "updated_at") ||
                    cv_record_kind_find_field (self->kind, field) != NULL);

  g_free (self->sort_field);
  self->sort_field = g_strdup (field);
  self->descending = descending;
}

/**
 * cv_record_list_set_empty_last:
 *
 * Lists records whose sort field is empty after all the others, whichever
 * the direction: conversations with a follow-up date before those without.
 * (Off by default, because then an index on the field cannot give the order.)
 */
void
cv_record_list_set_empty_last (CvRecordList *self,
                               gboolean      empty_last)
{
  g_return_if_fail (CV_IS_RECORD_LIST (self));
  self->empty_last = empty_last;
}

/**
 * cv_search_to_fts_query:
 *
 * Turns what a person typed into an FTS5 query: every word must match the
 * start of a word, and nothing typed is read as FTS syntax. Each word is
 * quoted, with any quotes it held removed, and a word of marks alone (quotes,
 * dashes) is left out as the index would leave it out.
 *
 * Returns: (nullable): the query, or %NULL when @text has no words
 */
char *
cv_search_to_fts_query (const char *text)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) query = g_string_new (NULL);

  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GString) word = g_string_new (words[i]);

      gboolean has_letters = FALSE;

      g_string_replace (word, "\"", "", 0);
      for (const char *p = word->str; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          has_letters = TRUE;
      /* The index holds words, not marks: "-" alone would match nothing. */
      if (!has_letters)
        continue;
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_printf (query, "\"%s\"*", word->str);
    }
  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

static gboolean
kind_has_search_index (const CvRecordKind *kind)
{
  return g_str_equal (kind->table, "stakeholder");
}

/* A LIKE pattern that finds @text anywhere, with LIKE's own characters escaped. */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static void
append_order (CvRecordList *self,
              GString      *sql)
{
  const CvField *field = self->sort_field != NULL
    ? cv_record_kind_find_field (self->kind, self->sort_field) : NULL;
  const char *direction = self->descending ? "DESC" : "ASC";

  if (self->sort_field != NULL && g_str_equal (self->sort_field, "updated_at"))
    g_string_append_printf (sql, " ORDER BY t.updated_at %s", direction);
  else if (field == NULL)
    {
      const CvField *display = cv_record_kind_display_field (self->kind);
      g_string_append_printf (sql, " ORDER BY t.%s COLLATE NOCASE %s", display->name, direction);
    }
  else if (field->type == CV_FIELD_REFERENCE)
    {
      const CvField *display = cv_record_kind_display_field (
          cv_store_kind_for_table (field->target));
      g_string_append_printf (sql, " ORDER BY (SELECT r.%s FROM %s r WHERE r.id = t.%s) COLLATE NOCASE %s",
                              display->name, field->target, field->name, direction);
    }
  else if (field->type == CV_FIELD_WORDS || field->type == CV_FIELD_REFERENCES)
    g_string_append_printf (sql, " ORDER BY (SELECT group_concat(l.value, ' ') FROM %s l"
                                 " WHERE l.%s_id = t.id) COLLATE NOCASE %s",
                            field->link_table, self->kind->table, direction);
  else if (field->type == CV_FIELD_DATE || field->type == CV_FIELD_DATE_TIME ||
           field->type == CV_FIELD_INTEGER || field->type == CV_FIELD_NUMBER ||
           field->type == CV_FIELD_BOOLEAN)
    /* No collation: dates and numbers sort as stored, so an index on the
     * field gives the order without sorting (200,000 actions by due date:
     * 16 ms instead of 220 ms). */
    {
      g_string_append (sql, " ORDER BY ");
      if (self->empty_last)
        g_string_append_printf (sql, "t.%s IS NULL, ", field->name);
      g_string_append_printf (sql, "t.%s %s", field->name, direction);
    }
  else
    g_string_append_printf (sql, " ORDER BY t.%s COLLATE NOCASE %s", field->name, direction);

  g_string_append_printf (sql, ", t.rowid %s", direction);
}

static char *
build_query (CvRecordList *self)
{
  GString *sql = g_string_new (NULL);
  int param = 2;

  /* With words to find, start from the search index's matches (CROSS JOIN
   * keeps that order of work): a few thousand matches sort faster than a
   * walk of the whole register in name order. */
  if (self->search != NULL && kind_has_search_index (self->kind))
    g_string_append_printf (sql, "SELECT t.rowid FROM %s_search f CROSS JOIN %s t ON t.rowid = f.rowid"
                                 " WHERE f.%s_search MATCH ?%d AND t.programme_id = ?1",
                            self->kind->table, self->kind->table, self->kind->table, param++);
  else
    g_string_append_printf (sql, "SELECT t.rowid FROM %s t WHERE t.programme_id = ?1", self->kind->table);

  if (self->search != NULL)
    {
      if (kind_has_search_index (self->kind))
        ;
      else
        g_string_append_printf (sql, " AND t.%s LIKE ?%d ESCAPE '\\'",
                                cv_record_kind_display_field (self->kind)->name, param++);
    }

  for (guint i = 0; i < self->filters->len; i++)
    {
      Filter *filter = &g_array_index (self->filters, Filter, i);
      const CvField *field = cv_record_kind_find_field (self->kind, filter->field);

      if (field->type == CV_FIELD_WORDS || field->type == CV_FIELD_REFERENCES)
        g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM %s l WHERE l.%s_id = t.id"
                                     " AND l.value = ?%d)",
                                field->link_table, self->kind->table, param++);
      else
        g_string_append_printf (sql, " AND t.%s = ?%d", field->name, param++);
    }

  for (guint i = 0; self->excluded != NULL && self->excluded[i] != NULL; i++)
    g_string_append_printf (sql, " AND t.%s IS NOT ?%d", self->excluded_field, param++);
  if (self->range_field != NULL && self->range_from != NULL)
    g_string_append_printf (sql, " AND t.%s >= ?%d", self->range_field, param++);
  if (self->range_field != NULL && self->range_to != NULL)
    g_string_append_printf (sql, " AND t.%s < ?%d", self->range_field, param++);

  append_order (self, sql);
  return g_string_free (sql, FALSE);
}

/* Whether a search, filter, range or exclusion may leave records out. */
static gboolean
is_narrowed (CvRecordList *self)
{
  return self->search != NULL || self->filters->len > 0 || self->excluded != NULL ||
         (self->range_field != NULL && (self->range_from != NULL || self->range_to != NULL));
}

/* How many records of the kind the programme has: a count along the index
 * every kind has on its programme, run only when the list is narrowed. */
static char *
build_total_query (CvRecordList *self)
{
  if (!is_narrowed (self))
    return NULL;
  return g_strdup_printf ("SELECT count(*) FROM %s WHERE programme_id = ?1", self->kind->table);
}

/* The values bound to build_query()'s placeholders, in order, all text. */
static GPtrArray *
query_values (CvRecordList *self)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (values, g_strdup (self->programme_id));
  if (self->search != NULL)
    g_ptr_array_add (values, kind_has_search_index (self->kind) ? cv_search_to_fts_query (self->search)
                                                                : like_pattern (self->search));
  for (guint i = 0; i < self->filters->len; i++)
    g_ptr_array_add (values, g_strdup (g_array_index (self->filters, Filter, i).value));
  for (guint i = 0; self->excluded != NULL && self->excluded[i] != NULL; i++)
    g_ptr_array_add (values, g_strdup (self->excluded[i]));
  if (self->range_field != NULL && self->range_from != NULL)
    g_ptr_array_add (values, g_strdup (self->range_from));
  if (self->range_field != NULL && self->range_to != NULL)
    g_ptr_array_add (values, g_strdup (self->range_to));
  return values;
}

/* The count of build_total_query(), or the number of rows when it is %NULL. */
static gboolean
query_total (CvStore     *store,
             const char  *sql,
             const char  *programme_id,
             GArray      *rowids,
             guint       *total,
             GError     **error)
{
  g_autoptr(CvStatement) st = NULL;

  if (sql == NULL)
    {
      *total = rowids->len;
      return TRUE;
    }
  st = cv_database_prepare (cv_store_get_database (store), sql, error);
  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, programme_id);
  if (cv_statement_step (st, error) != CV_STEP_ROW)
    return FALSE;
  *total = cv_statement_column_int64 (st, 0);
  return TRUE;
}

static GArray *
query_rowids (CvStore       *store,
              const char    *sql,
              GPtrArray     *values,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store), sql, error);
  CvStep step;

  if (st == NULL)
    return NULL;
  for (guint i = 0; i < values->len; i++)
    cv_statement_bind_text (st, i + 1, g_ptr_array_index (values, i));
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    {
      gint64 rowid = cv_statement_column_int64 (st, 0);

      g_array_append_val (rowids, rowid);
      if ((rowids->len & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }
  if (step == CV_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rowids);
}

static void apply_rowids (CvRecordList *self, GArray *rowids, guint n_total, guint *changed_start, guint *changed_end);

typedef struct
{
  char *sql;
  char *programme_id;
} CountQuery;

static void
count_query_free (CountQuery *query)
{
  g_free (query->sql);
  g_free (query->programme_id);
  g_free (query);
}

static gpointer
count_in_thread (CvStore       *reader,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  CountQuery *query = data;
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint total;

  if (!query_total (reader, query->sql, query->programme_id, none, &total, error))
    return NULL;
  return g_memdup2 (&total, sizeof total);
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  /* Not a reference: a count still under way must not keep the list (and
   * its store) alive. Disposing the list cancels it, and a cancelled read
   * reports so before this looks at the list. */
  CvRecordList *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree guint *total = cv_reader_run_finish (result, &error);

  if (total == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count the %s: %s", self->kind->table, error->message);
      return;
    }
  g_clear_object (&self->counting);
  self->n_total = *total;
  self->total_known = TRUE;
  g_signal_emit (self, signals[REFRESHED], 0);
}

/* Counts the programme's records in a worker (@sql from build_total_query()),
 * then reports "refreshed" with the total. */
static void
count_in_worker (CvRecordList *self,
                 char         *sql)
{
  CountQuery *query = g_new0 (CountQuery, 1);

  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  self->counting = g_cancellable_new ();
  query->sql = sql;
  query->programme_id = g_strdup (self->programme_id);
  cv_reader_run_async (self->store, count_in_thread, query, (GDestroyNotify)count_query_free, g_free,
                       self->counting, counted_cb, self);
}

/**
 * cv_record_list_refresh:
 *
 * Runs the query again and reports the difference as one items-changed.
 */
static gboolean
refresh (CvRecordList  *self,
         guint         *changed_start,
         guint         *changed_end,
         GError       **error)
{
  g_autoptr(GArray) rowids = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *total_sql = NULL;
  guint total = 0;

  /* A refresh now makes any read still under way out of date. */
  if (self->refreshing != NULL)
    g_cancellable_cancel (self->refreshing);
  g_clear_object (&self->refreshing);

  if (self->programme_id != NULL)
    {
      sql = build_query (self);
      values = query_values (self);
      total_sql = build_total_query (self);
      rowids = query_rowids (self->store, sql, values, NULL, error);
      if (rowids == NULL)
        return FALSE;
      /* The total grows with the register: it is not counted here, on the
       * caller's (the window's) thread, but kept from the last count, or
       * counted in a worker that reports "refreshed" again. */
      if (total_sql == NULL)
        total = rowids->len;
      else if (self->total_known)
        total = self->n_total;
      else
        {
          total = G_MAXUINT;
          count_in_worker (self, g_steal_pointer (&total_sql));
        }
    }
  else
    rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  apply_rowids (self, g_steal_pointer (&rowids), total, changed_start, changed_end);
  return TRUE;
}

/* Takes @rowids as the list's rows, reporting only the part that changed. */
static void
apply_rowids (CvRecordList *self,
              GArray       *rowids,
              guint         n_total,
              guint        *changed_start,
              guint        *changed_end)
{
  g_autoptr(GArray) old = NULL;
  guint prefix = 0;
  guint suffix = 0;
  guint removed, added;

  old = g_steal_pointer (&self->rowids);
  self->rowids = rowids;
  /* Set before the change is announced, so that a view counting in its
   * items-changed handler reads both numbers of the same refresh. */
  self->n_total = n_total;
  if (n_total != G_MAXUINT)
    self->total_known = TRUE;

  /* Report only the part that differs, so that views keep their scroll
   * position and selection across an edit. */
  while (prefix < old->len && prefix < self->rowids->len &&
         g_array_index (old, gint64, prefix) == g_array_index (self->rowids, gint64, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < self->rowids->len - prefix &&
         g_array_index (old, gint64, old->len - 1 - suffix) ==
         g_array_index (self->rowids, gint64, self->rowids->len - 1 - suffix))
    suffix++;

  *changed_start = prefix;
  *changed_end = self->rowids->len - suffix;
  removed = old->len - prefix - suffix;
  added = self->rowids->len - prefix - suffix;

  /* A small change is one signal. A large one is two, removals then
   * additions: GTK's list views fetch every added item to look for rows to
   * reuse among the removed ones, which for a lazy list means loading
   * thousands of records that will never be shown. */
  if (removed > 0 && added > 0 && removed + added > 64)
    {
      GArray *after = self->rowids;

      self->rowids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), after->len - added);
      g_array_append_vals (self->rowids, after->data, prefix);
      g_array_append_vals (self->rowids, &g_array_index (after, gint64, after->len - suffix), suffix);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, 0);
      g_array_unref (self->rowids);
      self->rowids = after;
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, 0, added);
    }
  else if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
  g_signal_emit (self, signals[REFRESHED], 0);
}

gboolean
cv_record_list_refresh (CvRecordList  *self,
                        GError       **error)
{
  guint start, end;

  g_return_val_if_fail (CV_IS_RECORD_LIST (self), FALSE);

  return refresh (self, &start, &end, error);
}

/* Returns: the position of the record with @id, or G_MAXUINT when it is not listed */
guint
cv_record_list_find (CvRecordList *self,
                     const char   *id)
{
  gint64 rowid;

  g_return_val_if_fail (CV_IS_RECORD_LIST (self), G_MAXUINT);

  rowid = cv_store_rowid_of (self->store, self->kind->table, id);
  for (guint i = 0; i < self->rowids->len; i++)
    if (g_array_index (self->rowids, gint64, i) == rowid)
      return i;
  return G_MAXUINT;
}

typedef struct
{
  char      *sql;
  char      *total_sql;
  char      *programme_id;
  GPtrArray *values;
} RowidQuery;

static void
rowid_query_free (RowidQuery *query)
{
  g_free (query->sql);
  g_free (query->total_sql);
  g_free (query->programme_id);
  g_ptr_array_unref (query->values);
  g_free (query);
}

/* What a worker thread finds: the rows, and how many there are in all. */
typedef struct
{
  GArray *rowids;
  guint   n_total;
} RowidAnswer;

static void
rowid_answer_free (RowidAnswer *answer)
{
  g_clear_pointer (&answer->rowids, g_array_unref);
  g_free (answer);
}

static gpointer
query_in_thread (CvStore       *reader,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  RowidQuery *query = data;
  g_autoptr(GArray) rowids = query_rowids (reader, query->sql, query->values, cancellable, error);
  RowidAnswer *answer;
  guint total;

  if (rowids == NULL || !query_total (reader, query->total_sql, query->programme_id, rowids, &total, error))
    return NULL;
  answer = g_new0 (RowidAnswer, 1);
  answer->rowids = g_steal_pointer (&rowids);
  answer->n_total = total;
  return answer;
}

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CvRecordList *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  RowidAnswer *answer = cv_reader_run_finish (result, &error);
  guint start, end;

  if (answer == NULL)
    {
      /* Cancelled means a newer refresh is the one under way now. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_clear_object (&self->refreshing);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_object (&self->refreshing);
  apply_rowids (self, g_steal_pointer (&answer->rowids), answer->n_total, &start, &end);
  rowid_answer_free (answer);
  g_task_return_boolean (task, TRUE);
}

/**
 * cv_record_list_refresh_async:
 *
 * As cv_record_list_refresh(), with the query run in a worker thread
 * (cv_reader_run_async()): a search over 100,000 people takes longer than a
 * frame. The rows change when the answer arrives, on the main loop. A newer
 * refresh, of either kind, cancels this one: its @callback then reports
 * %G_IO_ERROR_CANCELLED and the list keeps the newer rows.
 */
void
cv_record_list_refresh_async (CvRecordList        *self,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RowidQuery *query;

  g_return_if_fail (CV_IS_RECORD_LIST (self));

  if (self->refreshing != NULL)
    g_cancellable_cancel (self->refreshing);
  g_clear_object (&self->refreshing);
  self->refreshing = g_cancellable_new ();
  task = g_task_new (self, self->refreshing, callback, user_data);
  g_task_set_source_tag (task, cv_record_list_refresh_async);

  if (self->programme_id == NULL)
    {
      guint start, end;

      g_clear_object (&self->refreshing);
      apply_rowids (self, g_array_new (FALSE, FALSE, sizeof (gint64)), 0, &start, &end);
      g_task_return_boolean (task, TRUE);
      return;
    }
  query = g_new0 (RowidQuery, 1);
  query->sql = build_query (self);
  query->values = query_values (self);
  query->total_sql = build_total_query (self);
  query->programme_id = g_strdup (self->programme_id);
  /* This read counts too: an older count is out of date. */
  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  cv_reader_run_async (self->store, query_in_thread, query, (GDestroyNotify)rowid_query_free,
                       (GDestroyNotify)rowid_answer_free, self->refreshing, refreshed_cb, g_steal_pointer (&task));
}

gboolean
cv_record_list_refresh_finish (CvRecordList  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Returns: whether a refresh_async() is still waiting for its rows */
gboolean
cv_record_list_is_refreshing (CvRecordList *self)
{
  g_return_val_if_fail (CV_IS_RECORD_LIST (self), FALSE);
  return self->refreshing != NULL;
}

/**
 * cv_record_list_get_n_total:
 *
 * How many records of the list's kind its programme has, listed or not, as
 * of the last refresh: with the number of items, "12 of 140 stakeholders".
 * Counted (along an index, never on the thread that refreshes synchronously)
 * only when a search or filter narrows the list.
 *
 * Returns: the total, or %G_MAXUINT while it is being counted ("refreshed"
 *   is emitted again when it is known)
 */
guint
cv_record_list_get_n_total (CvRecordList *self)
{
  g_return_val_if_fail (CV_IS_RECORD_LIST (self), 0);
  return self->n_total;
}

/* Returns: whether a search, filter or range may leave records out */
gboolean
cv_record_list_is_narrowed (CvRecordList *self)
{
  g_return_val_if_fail (CV_IS_RECORD_LIST (self), FALSE);
  return is_narrowed (self);
}

/* Returns: (nullable): the words searched for, or %NULL when there are none */
const char *
cv_record_list_get_search (CvRecordList *self)
{
  g_return_val_if_fail (CV_IS_RECORD_LIST (self), NULL);
  return self->search;
}
