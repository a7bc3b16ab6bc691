/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cv-register.h"
#include "cv-session.h"

static void
grid_point_clear (gpointer data)
{
  CvGridPoint *point = data;

  g_free (point->id);
  g_free (point->name);
}

void
cv_grid_free (CvGrid *grid)
{
  if (grid == NULL)
    return;
  g_array_unref (grid->points);
  g_free (grid);
}

static const char * const levels[] = { "low", "medium", "high" };

/* As SQLite's NOCASE collation orders them. */
static int
compare_points_by_name (gconstpointer a,
                        gconstpointer b)
{
  return g_ascii_strcasecmp (((const CvGridPoint *)a)->name, ((const CvGridPoint *)b)->name);
}

/* Returns: 0, 1 or 2 for low, medium and high; -1 for anything else */
int
cv_level_from_nick (const char *nick)
{
  if (g_strcmp0 (nick, "low") == 0)
    return 0;
  if (g_strcmp0 (nick, "medium") == 0)
    return 1;
  if (g_strcmp0 (nick, "high") == 0)
    return 2;
  return -1;
}

/**
 * cv_register_grid:
 * @per_cell: how many names to return for each influence × interest cell
 *
 * The power / interest grid of a programme: every cell's count, and the first
 * names in each, so that a register of any size draws at once.
 *
 * Returns: (transfer full): the grid, or %NULL with @error set
 */
CvGrid *
cv_register_grid (CvStore     *store,
                  const char  *programme_id,
                  guint        per_cell,
                  GError     **error)
{
  CvDatabase *db = cv_store_get_database (store);
  g_autoptr(CvGrid) grid = g_new0 (CvGrid, 1);
  g_autoptr(CvStatement) counts = NULL;
  CvStep step;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);

  grid->points = g_array_new (FALSE, TRUE, sizeof (CvGridPoint));
  g_array_set_clear_func (grid->points, grid_point_clear);

  counts = cv_database_prepare (db,
                                "SELECT influence, interest, count(*) FROM stakeholder"
                                " WHERE programme_id = ?1 GROUP BY influence, interest", error);
  if (counts == NULL)
    return NULL;
  cv_statement_bind_text (counts, 1, programme_id);
  while ((step = cv_statement_step (counts, error)) == CV_STEP_ROW)
    {
      int influence = cv_level_from_nick (cv_statement_column_text (counts, 0));
      int interest = cv_level_from_nick (cv_statement_column_text (counts, 1));

      g_assert (influence >= 0 && interest >= 0);
      grid->counts[influence][interest] = cv_statement_column_int64 (counts, 2);
    }
  if (step == CV_STEP_ERROR)
    return NULL;

  /* The first names of each cell: nine short ranges of the grid's index. */
  for (int influence = 0; influence < 3; influence++)
    for (int interest = 0; interest < 3; interest++)
      {
        g_autoptr(CvStatement) names = cv_database_prepare (db,
                                                            "SELECT id, name FROM stakeholder WHERE programme_id = ?1"
                                                            " AND influence = ?2 AND interest = ?3"
                                                            " ORDER BY name COLLATE NOCASE LIMIT ?4", error);

        if (names == NULL)
          return NULL;
        cv_statement_bind_text (names, 1, programme_id);
        cv_statement_bind_text (names, 2, levels[influence]);
        cv_statement_bind_text (names, 3, levels[interest]);
        cv_statement_bind_int64 (names, 4, per_cell);
        while ((step = cv_statement_step (names, error)) == CV_STEP_ROW)
          {
            CvGridPoint point = {
              g_strdup (cv_statement_column_text (names, 0)),
              g_strdup (cv_statement_column_text (names, 1)),
              influence,
              interest,
            };
            g_array_append_val (grid->points, point);
          }
        if (step == CV_STEP_ERROR)
          return NULL;
      }
  /* By name across the cells, as before. */
  g_array_sort (grid->points, compare_points_by_name);

  return g_steal_pointer (&grid);
}

/* Returns: (transfer full): every tag used in the programme, in alphabetical order */
GStrv
cv_register_tags (CvStore     *store,
                  const char  *programme_id,
                  GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(CvStatement) st = NULL;
  CvStep step;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);

  st = cv_database_prepare (cv_store_get_database (store),
                            /* Few distinct tags, many tagged people: list the tags from
                             * the index, then ask of each whether the programme uses it. */
                            "SELECT v.value FROM (SELECT DISTINCT value FROM stakeholder_tag) v"
                            " WHERE EXISTS (SELECT 1 FROM stakeholder_tag t"
                            "   JOIN stakeholder s ON s.id = t.stakeholder_id"
                            "   WHERE t.value = v.value AND s.programme_id = ?1)"
                            " ORDER BY v.value COLLATE NOCASE", error);
  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, programme_id);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    g_strv_builder_add (builder, cv_statement_column_text (st, 0));
  if (step == CV_STEP_ERROR)
    return NULL;
  return g_strv_builder_end (builder);
}
