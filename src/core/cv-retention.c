/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Retention (UK GDPR storage limitation). A programme says how many years
 * to keep people who have not been seen at any session nor named on any
 * action (table programme_retention; no row: no limit). A person was last seen at
 * the latest of: when they were recorded, the start of a session they
 * attended, and the last change of an action they own. Those seen before the
 * period are listed to review: erase them, or keep them with a reason. When
 * each person was last seen is kept up to date by the database itself (table
 * stakeholder_seen, see migration 13), so the list is a range of its index.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-error.h"
#include "cv-retention.h"

void
cv_retention_entry_free (CvRetentionEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->name);
  g_free (entry->last_seen);
  g_free (entry->kept_reason);
  g_free (entry);
}

/* The first day inside the period: @years before @today, as SQLite counts
 * (the 29th of February goes to the 1st of March). */
static char *
retention_cutoff (CvStore     *store,
                  const char  *today,
                  guint        years,
                  GError     **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store),
                                                   "SELECT date (?1, printf ('-%d years', ?2))", error);

  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, today);
  cv_statement_bind_int64 (st, 2, years);
  if (cv_statement_step (st, error) != CV_STEP_ROW)
    return NULL;
  return g_strdup (cv_statement_column_text (st, 0));
}

/**
 * cv_retention_past:
 * @today: the day to count back from, `YYYY-MM-DD`
 * @include_kept: whether to list people kept with a reason within the
 *   period too; without it, someone kept drops off the list until a whole
 *   period has passed since they were kept
 *
 * Returns: (transfer full) (element-type CvRetentionEntry): the people of
 *   the programme last seen before its retention period, longest unseen
 *   first (none when the programme keeps people without a limit), or %NULL
 *   with @error set
 */
GPtrArray *
cv_retention_past (CvStore     *store,
                   const char  *programme_id,
                   const char  *today,
                   gboolean     include_kept,
                   GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)cv_retention_entry_free);
  g_autoptr(CvStatement) st = NULL;
  g_autofree char *cutoff = NULL;
  guint years;
  CvStep step;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);
  g_return_val_if_fail (programme_id != NULL, NULL);
  g_return_val_if_fail (cv_date_is_valid (today), NULL);

  years = cv_retention_get_years (store, programme_id);
  if (years == 0)
    return g_steal_pointer (&entries);
  cutoff = retention_cutoff (store, today, years, error);
  if (cutoff == NULL)
    return NULL;
  st = cv_database_prepare (cv_store_get_database (store),
                            "SELECT s.id, s.name, v.seen_at, k.reason"
                            " FROM stakeholder_seen v JOIN stakeholder s ON s.num = v.num"
                            " LEFT JOIN retention_keep k ON k.stakeholder_id = s.id"
                            " WHERE v.programme_id = ?1 AND v.seen_at < ?2 AND s.kind = 'person'"
                            " AND (?3 OR k.kept_on IS NULL OR k.kept_on < ?2)"
                            " ORDER BY v.seen_at, s.name", error);
  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, programme_id);
  cv_statement_bind_text (st, 2, cutoff);
  cv_statement_bind_int64 (st, 3, include_kept);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    {
      CvRetentionEntry *entry = g_new0 (CvRetentionEntry, 1);

      entry->id = g_strdup (cv_statement_column_text (st, 0));
      entry->name = g_strdup (cv_statement_column_text (st, 1));
      entry->last_seen = g_strdup (cv_statement_column_text (st, 2));
      entry->kept_reason = g_strdup (cv_statement_column_text (st, 3));
      g_ptr_array_add (entries, entry);
    }
  if (step == CV_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&entries);
}

/**
 * cv_retention_get_years:
 *
 * Returns: how many years the programme keeps people not seen, or 0 for no limit
 */
guint
cv_retention_get_years (CvStore    *store,
                        const char *programme_id)
{
  g_autoptr(CvStatement) st = NULL;

  g_return_val_if_fail (CV_IS_STORE (store), 0);

  st = cv_database_prepare (cv_store_get_database (store),
                            "SELECT years FROM programme_retention WHERE programme_id = ?1", NULL);
  if (st == NULL)
    return 0;
  cv_statement_bind_text (st, 1, programme_id);
  return cv_statement_step (st, NULL) == CV_STEP_ROW ? (guint)cv_statement_column_int64 (st, 0) : 0;
}

/**
 * cv_retention_set_years:
 * @years: from 1 to 99, or 0 for no limit
 */
gboolean
cv_retention_set_years (CvStore     *store,
                        const char  *programme_id,
                        guint        years,
                        GError     **error)
{
  g_autoptr(CvStatement) st = NULL;

  g_return_val_if_fail (CV_IS_STORE (store), FALSE);
  g_return_val_if_fail (programme_id != NULL, FALSE);

  if (years > 99)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("Keep people for: give a number of years from 1 to 99, or 0 to keep them without a limit."));
      return FALSE;
    }
  if (cv_store_rowid_of (store, "programme", programme_id) < 0)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_NOT_FOUND, _("This record no longer exists. It may have been deleted."));
      return FALSE;
    }
  st = cv_database_prepare (cv_store_get_database (store),
                            years == 0 ? "DELETE FROM programme_retention WHERE programme_id = ?1 AND ?2 IS NOT NULL"
                                       : "INSERT INTO programme_retention (programme_id, years) VALUES (?1, ?2)"
                                         " ON CONFLICT (programme_id) DO UPDATE SET years = excluded.years",
                            error);
  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, programme_id);
  cv_statement_bind_int64 (st, 2, years);
  if (!cv_statement_run (st, error))
    return FALSE;
  cv_store_announce (store, "programme");
  return TRUE;
}

/**
 * cv_retention_keep:
 * @reason: why they are kept past the retention period (required)
 *
 * Keeps a person past the period, with the reason and today's date; a
 * second call replaces the reason.
 */
gboolean
cv_retention_keep (CvStore     *store,
                   const char  *stakeholder_id,
                   const char  *reason,
                   GError     **error)
{
  g_autoptr(CvStatement) st = NULL;
  g_autofree char *now = cv_timestamp_now ();
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  g_return_val_if_fail (CV_IS_STORE (store), FALSE);
  g_return_val_if_fail (stakeholder_id != NULL, FALSE);

  if (*trimmed == '\0')
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("Say why this person is kept past the retention period."));
      return FALSE;
    }
  if (cv_store_rowid_of (store, "stakeholder", stakeholder_id) < 0)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_NOT_FOUND,
                   _("There is no stakeholder with the id “%s” in this database."), stakeholder_id);
      return FALSE;
    }
  st = cv_database_prepare (cv_store_get_database (store),
                            "INSERT INTO retention_keep (stakeholder_id, reason, kept_on) VALUES (?1, ?2, ?3)"
                            " ON CONFLICT (stakeholder_id) DO UPDATE SET reason = excluded.reason,"
                            " kept_on = excluded.kept_on", error);
  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, stakeholder_id);
  cv_statement_bind_text (st, 2, trimmed);
  cv_statement_bind_text (st, 3, now);
  if (!cv_statement_run (st, error))
    return FALSE;
  cv_store_announce (store, "stakeholder");
  return TRUE;
}
