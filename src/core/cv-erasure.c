/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Erasure that really erases (UK GDPR article 17).
 *
 * Deleting a row is not enough: SQLite leaves the old bytes in free space, the
 * full-text index keeps the old words in its segments until they are merged,
 * and the write-ahead log keeps earlier copies of the pages. So erasing a
 * person
 *   - turns what they said into anonymous contributions, removes their
 *     attendance rows while adding them to the session's erased counts (so
 *     "12 came" stays true), gives the actions they owned to their
 *     organisation (or to no one), clears them as a session's facilitator,
 *     and deletes their record and tags;
 *   - runs with `secure_delete` on (every connection has it, see
 *     cv-database.c), so freed cells and pages are overwritten with zeros;
 *   - merges the search index into one segment ('optimize'), which drops
 *     their words from it;
 *   - checkpoints the WAL into the file and truncates it to nothing.
 * The erasure log keeps the record's id and the day, nothing more.
 *
 * Copies made before (the `.bak-vN` files a migration leaves, exports) still
 * hold the person; cv_erasure_find_backups() lists the ones Convene knows of.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cv-erasure.h"
#include "cv-error.h"
#include "cv-schema.h"

void
cv_erasure_plan_free (CvErasurePlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->name);
  g_strfreev (plan->backups);
  g_free (plan);
}

static int
compare_backups (gconstpointer a,
                 gconstpointer b)
{
  const char *pa = *(const char **)a;
  const char *pb = *(const char **)b;
  gint64 va = g_ascii_strtoll (strrchr (pa, 'v') + 1, NULL, 10);
  gint64 vb = g_ascii_strtoll (strrchr (pb, 'v') + 1, NULL, 10);

  return va < vb ? -1 : va > vb;
}

/**
 * cv_erasure_find_backups:
 *
 * Returns: (transfer full): the `PATH.bak-vN` copies beside the database
 *   (made before a migration), oldest format first; an empty list when none
 */
GStrv
cv_erasure_find_backups (CvDatabase *database)
{
  const char *path;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_return_val_if_fail (CV_IS_DATABASE (database), NULL);

  path = cv_database_get_path (database);
  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  prefix = g_strconcat (base, ".bak-v", NULL);

  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      const char *digits;

      if (!g_str_has_prefix (entry, prefix))
        continue;
      digits = entry + strlen (prefix);
      if (*digits == '\0' || strspn (digits, "0123456789") != strlen (digits))
        continue;
      g_ptr_array_add (found, g_build_filename (folder, entry, NULL));
    }
  g_ptr_array_sort (found, compare_backups);
  g_ptr_array_add (found, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&found), FALSE);
}

static gboolean
count_one (CvDatabase  *db,
           const char  *sql,
           const char  *id,
           guint       *count,
           GError     **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (db, sql, error);

  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, id);
  if (cv_statement_step (st, error) != CV_STEP_ROW)
    return FALSE;
  *count = (guint)cv_statement_column_int64 (st, 0);
  return TRUE;
}

/* The person to erase: their name, programme and organisation. Organisations
 * are not people and are deleted, not erased. */
static gboolean
look_up_person (CvDatabase  *db,
                const char  *id,
                char       **name,
                char       **organisation_id,
                char       **programme_id,
                GError     **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (db,
                                                   "SELECT kind, name, organisation_id, programme_id"
                                                   " FROM stakeholder WHERE id = ?1", error);
  CvStep step;

  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, id);
  step = cv_statement_step (st, error);
  if (step == CV_STEP_ERROR)
    return FALSE;
  if (step == CV_STEP_DONE)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_NOT_FOUND,
                   _("There is no stakeholder with the id “%s” in this database."), id);
      return FALSE;
    }
  if (!g_str_equal (cv_statement_column_text (st, 0), "person"))
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("“%s” is an organisation, not a person: delete it instead of erasing it."),
                   cv_statement_column_text (st, 1));
      return FALSE;
    }
  if (name != NULL)
    *name = g_strdup (cv_statement_column_text (st, 1));
  if (organisation_id != NULL)
    *organisation_id = g_strdup (cv_statement_column_text (st, 2));
  if (programme_id != NULL)
    *programme_id = g_strdup (cv_statement_column_text (st, 3));
  return TRUE;
}

/* Sessions that name the person as facilitator, by link or by the same words. */
#define FACILITATED_WHERE \
  " FROM session WHERE facilitator_id = ?1 OR (programme_id = ?2" \
  " AND trim(facilitator) = trim(?3) COLLATE NOCASE)"

/**
 * cv_erasure_plan:
 *
 * Says what cv_erasure_erase() would change, without changing anything.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
CvErasurePlan *
cv_erasure_plan (CvStore     *store,
                 const char  *stakeholder_id,
                 GError     **error)
{
  CvDatabase *db;
  g_autoptr(CvErasurePlan) plan = g_new0 (CvErasurePlan, 1);
  g_autofree char *programme_id = NULL;
  g_autoptr(CvStatement) st = NULL;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);
  g_return_val_if_fail (stakeholder_id != NULL, NULL);

  db = cv_store_get_database (store);
  if (!look_up_person (db, stakeholder_id, &plan->name, NULL, &programme_id, error) ||
      !count_one (db, "SELECT count(*) FROM contribution WHERE stakeholder_id = ?1",
                  stakeholder_id, &plan->n_contributions, error) ||
      !count_one (db, "SELECT count(*) FROM attendance WHERE stakeholder_id = ?1",
                  stakeholder_id, &plan->n_attendance, error) ||
      !count_one (db, "SELECT count(*) FROM action WHERE owner_id = ?1",
                  stakeholder_id, &plan->n_actions, error) ||
      !count_one (db, "SELECT count(*) FROM stakeholder_tag WHERE stakeholder_id = ?1",
                  stakeholder_id, &plan->n_tags, error))
    return NULL;

  st = cv_database_prepare (db, "SELECT count(*)" FACILITATED_WHERE, error);
  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, stakeholder_id);
  cv_statement_bind_text (st, 2, programme_id);
  cv_statement_bind_text (st, 3, plan->name);
  if (cv_statement_step (st, error) != CV_STEP_ROW)
    return NULL;
  plan->n_facilitated = (guint)cv_statement_column_int64 (st, 0);

  plan->backups = cv_erasure_find_backups (db);
  return g_steal_pointer (&plan);
}

/* Runs one statement of the erasure: ?1 the person, ?2 now, ?3 and ?4 as
 * given (a statement may leave some of them unused). */
static gboolean
run (CvDatabase  *db,
     const char  *sql,
     const char  *id,
     const char  *now,
     const char  *third,
     const char  *fourth,
     GError     **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (db, sql, error);

  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, id);
  cv_statement_bind_text (st, 2, now);
  if (third != NULL)
    cv_statement_bind_text (st, 3, third);
  if (fourth != NULL)
    cv_statement_bind_text (st, 4, fourth);
  return cv_statement_run (st, error);
}

static gboolean
erase_rows (CvDatabase  *db,
            const char  *id,
            const char  *now,
            const char  *name,
            const char  *organisation_id,
            const char  *programme_id,
            GError     **error)
{
  g_autofree char *today = g_strndup (now, 10);

  return
    /* The session keeps its counts: the person becomes one more erased attendee. */
    run (db,
         "INSERT INTO session_erased_attendance (session_id, invited, attended, apologies, absent, paid)"
         " SELECT session_id, status = 'invited', status = 'attended', status = 'apologies',"
         " status = 'absent', paid FROM attendance WHERE stakeholder_id = ?1"
         " ON CONFLICT (session_id) DO UPDATE SET invited = invited + excluded.invited,"
         " attended = attended + excluded.attended, apologies = apologies + excluded.apologies,"
         " absent = absent + excluded.absent,"
         " paid = paid + excluded.paid", id, now, NULL, NULL, error) &&
    run (db, "DELETE FROM attendance WHERE stakeholder_id = ?1",
         id, now, NULL, NULL, error) &&
    /* What they said stays, said by no one. */
    run (db, "UPDATE contribution SET anonymous = 1, stakeholder_id = NULL, updated_at = ?2"
         " WHERE stakeholder_id = ?1", id, now, NULL, NULL, error) &&
    /* What they promised stays with their organisation, or with no one. */
    run (db, "UPDATE action SET owner_id = NULL, organisation_id = coalesce (organisation_id, ?3),"
         " updated_at = ?2 WHERE owner_id = ?1", id, now, organisation_id, NULL, error) &&
    run (db, "UPDATE session SET facilitator_id = NULL,"
         " facilitator = CASE WHEN trim(facilitator) = trim(?3) COLLATE NOCASE THEN NULL"
         "   ELSE facilitator END, updated_at = ?2"
         " WHERE facilitator_id = ?1 OR (programme_id = ?4 AND trim(facilitator) = trim(?3) COLLATE NOCASE)",
         id, now, name, programme_id, error) &&
    /* Their tags go with the record (ON DELETE CASCADE), and the search
     * index's trigger removes their row from the index. */
    run (db, "DELETE FROM stakeholder WHERE id = ?1", id, now, NULL, NULL, error) &&
    run (db, "INSERT INTO erasure (stakeholder_id, erased_on) VALUES (?1, ?3)",
         id, now, today, NULL, error) &&
    /* A deleted row's words stay in the index's older segments until they
     * are merged; merging them all now drops them. */
    cv_schema_merge_search_index (db, error);
}

/* Copies the WAL into the file and cuts it to nothing, so that no earlier
 * copy of a page holding the person survives in it. */
static gboolean
truncate_wal (CvDatabase  *db,
              GError     **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (db, "PRAGMA wal_checkpoint(TRUNCATE)", error);

  if (st == NULL || cv_statement_step (st, error) != CV_STEP_ROW)
    return FALSE;
  if (cv_statement_column_int64 (st, 0) != 0)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_DATABASE,
                   _("The person is erased, but another window or program is reading the database, "
                     "so an older copy of their record is still in its journal. "
                     "Close the other window and erase again to clear it."));
      return FALSE;
    }
  return TRUE;
}

/* The day @id was erased, when it is in the erasure log and no longer in
 * the register; *@erased_on is left %NULL otherwise. */
static gboolean
erased_before (CvDatabase  *db,
               const char  *id,
               char       **erased_on,
               GError     **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (db,
                                                   "SELECT substr (max (erased_on), 1, 10) FROM erasure"
                                                   " WHERE stakeholder_id = ?1"
                                                   " AND NOT EXISTS (SELECT 1 FROM stakeholder WHERE id = ?1)",
                                                   error);
  CvStep step;

  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, id);
  step = cv_statement_step (st, error);
  if (step == CV_STEP_ERROR)
    return FALSE;
  *erased_on = step == CV_STEP_ROW ? g_strdup (cv_statement_column_text (st, 0)) : NULL;
  return TRUE;
}

/**
 * cv_erasure_erase:
 * @stakeholder_id: a person (not an organisation)
 *
 * Erases the person everywhere, in one transaction, then clears the WAL.
 * There is no undo. The only thing kept is a line in the erasure log with
 * the record's id and today's date.
 *
 * Erasing an id that is already in the erasure log and no longer in the
 * register clears the WAL again (a first attempt may have met a busy
 * reader), then says that the person was already erased: nothing is
 * reported as erased that was not.
 *
 * Returns: %TRUE when the person is gone and no copy is left in the file or
 *   its WAL; %FALSE with @error set otherwise
 */
gboolean
cv_erasure_erase (CvStore     *store,
                  const char  *stakeholder_id,
                  GError     **error)
{
  CvDatabase *db;
  g_autofree char *name = NULL;
  g_autofree char *organisation_id = NULL;
  g_autofree char *programme_id = NULL;
  g_autofree char *now = NULL;
  g_autofree char *erased_on = NULL;

  g_return_val_if_fail (CV_IS_STORE (store), FALSE);
  g_return_val_if_fail (stakeholder_id != NULL, FALSE);

  db = cv_store_get_database (store);
  if (!erased_before (db, stakeholder_id, &erased_on, error))
    return FALSE;
  if (erased_on != NULL)
    {
      if (!truncate_wal (db, error))
        return FALSE;
      g_set_error (error, CV_ERROR, CV_ERROR_NOT_FOUND,
                   /* TRANSLATORS: %s is a record id, then the date it was erased (YYYY-MM-DD) */
                   _("“%s” was already erased, on %s: there is nothing left to erase."),
                   stakeholder_id, erased_on);
      return FALSE;
    }

  if (!cv_database_begin (db, error))
    return FALSE;
  now = cv_timestamp_now ();
  if (!look_up_person (db, stakeholder_id, &name, &organisation_id, &programme_id, error) ||
      !cv_database_exec (db, "PRAGMA secure_delete = ON", error) ||
      !erase_rows (db, stakeholder_id, now, name, organisation_id, programme_id, error))
    {
      cv_database_rollback (db);
      return FALSE;
    }
  if (!cv_database_commit (db, error))
    return FALSE;

  cv_store_announce (store, "attendance");
  cv_store_announce (store, "contribution");
  cv_store_announce (store, "action");
  cv_store_announce (store, "session");
  cv_store_announce (store, "stakeholder");

  return truncate_wal (db, error);
}
