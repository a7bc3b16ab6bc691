/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-action.h"
#include "cv-contribution.h"
#include "cv-error.h"
#include "cv-reader.h"
#include "cv-theme.h"
#include "cv-themes.h"

struct _CvThemeMerge
{
  CvDeletion *deletion;   /* the theme merged away, with its links */
  char       *into_id;
  GPtrArray  *added;      /* "table\tid" of the records that gained the kept theme */
};

void
cv_theme_merge_free (CvThemeMerge *merge)
{
  if (merge == NULL)
    return;
  g_clear_pointer (&merge->deletion, cv_deletion_free);
  g_free (merge->into_id);
  g_clear_pointer (&merge->added, g_ptr_array_unref);
  g_free (merge);
}

/**
 * cv_themes_count:
 *
 * Returns: (transfer full) (element-type utf8 CvThemeCounts): for each theme
 *   of the programme by id, its counts
 */
GHashTable *
cv_themes_count (CvStore     *store,
                 const char  *programme_id,
                 GError     **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CvStatement) st = NULL;
  CvStep step;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);

  st = cv_database_prepare (cv_store_get_database (store),
                            "SELECT t.id,"
                            " (SELECT count(*) FROM contribution_theme ct WHERE ct.value = t.id),"
                            " (SELECT count(DISTINCT c.session_id) FROM contribution_theme ct"
                            "    JOIN contribution c ON c.id = ct.contribution_id WHERE ct.value = t.id),"
                            " (SELECT count(*) FROM action_theme at JOIN action a ON a.id = at.action_id"
                            "    WHERE at.value = t.id AND a.status NOT IN ('done', 'dropped')),"
                            " (SELECT count(*) FROM action_theme at JOIN action a ON a.id = at.action_id"
                            "    WHERE at.value = t.id AND a.status = 'done')"
                            " FROM theme t WHERE t.programme_id = ?1", error);
  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, programme_id);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    {
      CvThemeCounts *c = g_new0 (CvThemeCounts, 1);

      c->contributions = cv_statement_column_int64 (st, 1);
      c->sessions = cv_statement_column_int64 (st, 2);
      c->open_actions = cv_statement_column_int64 (st, 3);
      c->done_actions = cv_statement_column_int64 (st, 4);
      g_hash_table_insert (counts, g_strdup (cv_statement_column_text (st, 0)), c);
    }
  if (step == CV_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&counts);
}

static gpointer
count_in_thread (CvStore       *reader,
                 gpointer       programme_id,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return cv_themes_count (reader, programme_id, error);
}

/**
 * cv_themes_count_async:
 *
 * As cv_themes_count(), in a worker thread (cv_reader_run_async()): over a
 * county's 200,000 actions the counts take longer than a frame.
 */
void
cv_themes_count_async (CvStore             *store,
                       const char          *programme_id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (CV_IS_STORE (store));
  g_return_if_fail (programme_id != NULL);

  cv_reader_run_async (store, count_in_thread, g_strdup (programme_id), g_free,
                       (GDestroyNotify)g_hash_table_unref, cancellable, callback, user_data);
}

/* Returns: (transfer full): as cv_themes_count(), or %NULL with @error set */
GHashTable *
cv_themes_count_finish (GAsyncResult  *result,
                        GError       **error)
{
  return cv_reader_run_finish (result, error);
}

static gboolean
add_theme_links (CvStore     *store,
                 const char  *link_table,
                 const char  *owner_table,
                 const char  *from_id,
                 const char  *into_id,
                 GPtrArray   *added,
                 GError     **error)
{
  CvDatabase *db = cv_store_get_database (store);
  g_autofree char *select = g_strdup_printf ("SELECT %s_id FROM %s WHERE value = ?1 AND %s_id NOT IN"
                                             " (SELECT %s_id FROM %s WHERE value = ?2)",
                                             owner_table, link_table, owner_table, owner_table, link_table);
  g_autofree char *insert = g_strdup_printf ("INSERT INTO %s (%s_id, value) VALUES (?1, ?2)",
                                             link_table, owner_table);
  g_autoptr(GPtrArray) owners = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CvStatement) st = cv_database_prepare (db, select, error);
  CvStep step;

  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, from_id);
  cv_statement_bind_text (st, 2, into_id);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    g_ptr_array_add (owners, g_strdup (cv_statement_column_text (st, 0)));
  if (step == CV_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&st, cv_statement_release);

  for (guint i = 0; i < owners->len; i++)
    {
      g_autoptr(CvStatement) add = cv_database_prepare (db, insert, error);

      if (add == NULL)
        return FALSE;
      cv_statement_bind_text (add, 1, g_ptr_array_index (owners, i));
      cv_statement_bind_text (add, 2, into_id);
      if (!cv_statement_run (add, error))
        return FALSE;
      g_ptr_array_add (added, g_strdup_printf ("%s\t%s", owner_table, (char *)g_ptr_array_index (owners, i)));
    }
  return TRUE;
}

/**
 * cv_themes_merge:
 * @from_id: the theme that goes
 * @into_id: the theme that stays and gathers the other's contributions and actions
 *
 * Returns: (transfer full): what cv_themes_unmerge() needs to undo it
 */
CvThemeMerge *
cv_themes_merge (CvStore     *store,
                 const char  *from_id,
                 const char  *into_id,
                 GError     **error)
{
  CvDatabase *db = cv_store_get_database (store);
  g_autoptr(CvThemeMerge) merge = g_new0 (CvThemeMerge, 1);
  g_autoptr(CvRecord) from = NULL;
  g_autofree char *from_programme = NULL;
  g_autofree char *into_programme = NULL;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);

  if (g_strcmp0 (from_id, into_id) == 0)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID, _("A theme cannot be merged into itself."));
      return NULL;
    }
  from_programme = cv_store_programme_of (store, "theme", from_id);
  into_programme = cv_store_programme_of (store, "theme", into_id);
  if (from_programme == NULL || into_programme == NULL || !g_str_equal (from_programme, into_programme))
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID, _("Only two themes of the same programme can be merged."));
      return NULL;
    }

  merge->into_id = g_strdup (into_id);
  merge->added = g_ptr_array_new_with_free_func (g_free);
  if (!cv_database_begin (db, error))
    return NULL;
  from = cv_store_load (store, CV_TYPE_THEME, from_id, error);
  if (from == NULL ||
      !add_theme_links (store, "contribution_theme", "contribution", from_id, into_id, merge->added, error) ||
      !add_theme_links (store, "action_theme", "action", from_id, into_id, merge->added, error) ||
      (merge->deletion = cv_store_delete (store, from, error)) == NULL ||
      !cv_database_commit (db, error))
    {
      cv_database_rollback (db);
      return NULL;
    }
  cv_store_announce (store, "contribution");
  cv_store_announce (store, "action");
  cv_store_announce (store, "theme");
  return g_steal_pointer (&merge);
}

/* Puts the merged-away theme back and takes the kept theme off the records that gained it. */
gboolean
cv_themes_unmerge (CvStore       *store,
                   CvThemeMerge  *merge,
                   GError       **error)
{
  CvDatabase *db = cv_store_get_database (store);

  g_return_val_if_fail (CV_IS_STORE (store), FALSE);

  if (!cv_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < merge->added->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (merge->added, i), "\t", 2);
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s_theme WHERE %s_id = ?1 AND value = ?2",
                                              parts[0], parts[0]);
      g_autoptr(CvStatement) st = cv_database_prepare (db, sql, error);

      if (st == NULL)
        goto failed;
      cv_statement_bind_text (st, 1, parts[1]);
      cv_statement_bind_text (st, 2, merge->into_id);
      if (!cv_statement_run (st, error))
        goto failed;
    }
  if (!cv_store_restore (store, merge->deletion, error) || !cv_database_commit (db, error))
    goto failed;
  cv_store_announce (store, "contribution");
  cv_store_announce (store, "action");
  cv_store_announce (store, "theme");
  return TRUE;

failed:
  cv_database_rollback (db);
  return FALSE;
}
