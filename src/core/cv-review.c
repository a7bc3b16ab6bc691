/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cv-action.h"
#include "cv-error.h"
#include "cv-review.h"
#include "cv-stakeholder.h"
#include "cv-session.h"

static void
said_free (gpointer data)
{
  CvReviewSaid *said = data;

  g_free (said->id);
  g_free (said->text);
  g_free (said->session_title);
  g_free (said->session_starts);
  g_free (said->also);
  g_strfreev (said->also_ids);
  g_strfreev (said->also_names);
  g_free (said);
}

static void
action_free (gpointer data)
{
  CvReviewAction *action = data;

  g_free (action->id);
  g_free (action->title);
  g_free (action->owner);
  g_free (action->organisation);
  g_free (action->status);
  g_free (action->outcome);
  g_free (action->due_on);
  g_free (action->answers);
  g_free (action);
}

static void
group_free (gpointer data)
{
  CvReviewGroup *group = data;

  if (group == NULL)
    return;
  g_free (group->theme);
  g_ptr_array_unref (group->said);
  g_ptr_array_unref (group->actions);
  g_ptr_array_unref (group->open);
  g_ptr_array_unref (group->dropped);
  g_free (group);
}

void
cv_review_free (CvReview *review)
{
  if (review == NULL)
    return;
  g_free (review->programme);
  g_free (review->session_title);
  g_free (review->session_starts);
  g_free (review->previous_starts);
  g_clear_pointer (&review->groups, g_ptr_array_unref);
  g_free (review);
}

static CvReviewGroup *
group_new (const char *theme)
{
  CvReviewGroup *group = g_new0 (CvReviewGroup, 1);

  group->theme = g_strdup (theme);
  group->said = g_ptr_array_new_with_free_func (said_free);
  group->actions = g_ptr_array_new_with_free_func (action_free);
  group->open = g_ptr_array_new_with_free_func (action_free);
  group->dropped = g_ptr_array_new_with_free_func (action_free);
  return group;
}

/* What the review is built from, before it is grouped and trimmed. */
typedef struct
{
  CvReviewSaid *said;      /* owned until placed in a group */
  GStrv         themes;    /* theme ids, in the order given */
  guint         group;     /* index into the theme order; n_themes for none */
  gboolean      answered;  /* an action of the review answers it */
} Quote;

typedef struct
{
  CvReviewAction *action;
  GStrv           themes;
  GStrv           answers; /* contribution ids */
  guint           group;
} Deed;

typedef struct
{
  CvStore    *store;
  const char *programme_id;
  const char *period_start;   /* NULL: from the beginning */
  const char *period_end;     /* the reviewed session's start */
  GPtrArray  *quotes;         /* of Quote */
  GHashTable *quote_index;    /* contribution id → index + 1 */
  GPtrArray  *deeds;          /* of Deed */
  GHashTable *deed_ids;       /* action id */
  GPtrArray  *theme_ids;
  GPtrArray  *theme_names;
  guint      *theme_rank;     /* theme index → its place in the order */
} Builder;

static void
quote_free (gpointer data)
{
  Quote *quote = data;

  if (quote->said != NULL)
    said_free (quote->said);
  g_strfreev (quote->themes);
  g_free (quote);
}

static void
deed_free (gpointer data)
{
  Deed *deed = data;

  if (deed->action != NULL)
    action_free (deed->action);
  g_strfreev (deed->themes);
  g_strfreev (deed->answers);
  g_free (deed);
}

static GStrv
list_ids (CvStore     *store,
          const char  *sql,
          const char  *id,
          GError     **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store), sql, error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  CvStep step;

  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, id);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    g_ptr_array_add (ids, g_strdup (cv_statement_column_text (st, 0)));
  if (step == CV_STEP_ERROR)
    {
      g_ptr_array_set_free_func (ids, g_free);
      return NULL;
    }
  g_ptr_array_add (ids, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/* Adds the quotes that @sql selects (id, text, session title, session start). */
static gboolean
gather_quotes (Builder     *b,
               const char  *sql,
               gboolean     earlier,
               GError     **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (b->store), sql, error);
  CvStep step;

  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, b->programme_id);
  cv_statement_bind_text (st, 2, b->period_start);
  cv_statement_bind_text (st, 3, b->period_end);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    {
      const char *id = cv_statement_column_text (st, 0);
      Quote *quote;

      if (g_hash_table_contains (b->quote_index, id))
        continue;
      quote = g_new0 (Quote, 1);
      quote->said = g_new0 (CvReviewSaid, 1);
      quote->said->id = g_strdup (id);
      quote->said->text = g_strdup (cv_statement_column_text (st, 1));
      quote->said->session_title = g_strdup (cv_statement_column_text (st, 2));
      quote->said->session_starts = g_strdup (cv_statement_column_text (st, 3));
      quote->said->earlier = earlier;
      g_ptr_array_add (b->quotes, quote);
      g_hash_table_insert (b->quote_index, quote->said->id, GUINT_TO_POINTER (b->quotes->len));
    }
  return step == CV_STEP_DONE;
}

/* The sessions of the period: not cancelled, from the previous session's
 * start up to (not including) the reviewed one's. */
#define IN_PERIOD(e) \
  e ".programme_id = ?1 AND " e ".status <> 'cancelled' AND " e ".starts_at >= coalesce(?2, '')" \
  " AND " e ".starts_at < ?3"

/* An action changed in the period. */
#define CHANGED_IN_PERIOD(a) \
  a ".updated_at >= coalesce(?2, '') AND " a ".updated_at < ?3"

/* The review is read out and published: an owner is named only when they
 * agreed to be named beyond the programme (as in a partner export), and
 * otherwise stands as their organisation. */
static gboolean
owner_named (Builder         *b,
             CvRecord        *action,
             CvReviewAction  *a,
             GError         **error)
{
  const char *owner_id = cv_record_get_string (action, "owner_id");
  g_autoptr(CvRecord) owner = NULL;

  if (owner_id == NULL)
    return TRUE;
  owner = cv_store_load (b->store, CV_TYPE_STAKEHOLDER, owner_id, error);
  if (owner == NULL)
    return FALSE;
  if (g_strcmp0 (cv_record_get_string (owner, "kind"), "organisation") == 0 ||
      cv_record_get_boolean (owner, "named_to_partners"))
    a->owner = g_strdup (cv_record_get_string (owner, "name"));
  else if (a->organisation == NULL)
    a->organisation = cv_store_get_display_name (b->store, "stakeholder",
                                                 cv_record_get_string (owner, "organisation_id"));
  return TRUE;
}

static gboolean
gather (Builder  *b,
        GError  **error)
{
  g_autoptr(CvStatement) st = NULL;
  CvStep step;

  /* What was said in the period. */
  if (!gather_quotes (b,
                      "SELECT c.id, c.text, e.title, e.starts_at FROM session e"
                      " JOIN contribution c ON c.session_id = e.id"
                      " WHERE " IN_PERIOD ("e") " ORDER BY e.starts_at, c.rowid",
                      FALSE, error))
    return FALSE;
  /* Said before it, and answered by an action that changed in it. */
  if (b->period_start != NULL &&
      !gather_quotes (b,
                      "SELECT c.id, c.text, e.title, e.starts_at FROM action a"
                      " JOIN action_answer aa ON aa.action_id = a.id"
                      " JOIN contribution c ON c.id = aa.value"
                      " JOIN session e ON e.id = c.session_id"
                      " WHERE a.programme_id = ?1 AND " CHANGED_IN_PERIOD ("a")
                      " AND e.starts_at < ?2 ORDER BY e.starts_at, c.rowid",
                      TRUE, error))
    return FALSE;

  for (guint i = 0; i < b->quotes->len; i++)
    {
      Quote *quote = g_ptr_array_index (b->quotes, i);

      quote->themes = list_ids (b->store, "SELECT value FROM contribution_theme WHERE contribution_id = ?1"
                                " ORDER BY rowid", quote->said->id, error);
      if (quote->themes == NULL)
        return FALSE;
    }

  /* What was done: actions agreed in the period, changed in it, or
   * answering what was said in it. */
  st = cv_database_prepare (cv_store_get_database (b->store),
                            "SELECT a.id, a.updated_at >= coalesce(?2, '') AND a.updated_at < ?3 FROM action a"
                            " WHERE a.programme_id = ?1 AND ("
                            "  a.session_id IN (SELECT e.id FROM session e WHERE " IN_PERIOD ("e") ")"
                            "  OR " CHANGED_IN_PERIOD ("a")
                            "  OR EXISTS (SELECT 1 FROM action_answer aa JOIN contribution c ON c.id = aa.value"
                            "    JOIN session e ON e.id = c.session_id WHERE aa.action_id = a.id AND "
                            IN_PERIOD ("e") "))"
                            " ORDER BY a.due_on IS NULL, a.due_on, a.rowid",
                            error);
  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, b->programme_id);
  cv_statement_bind_text (st, 2, b->period_start);
  cv_statement_bind_text (st, 3, b->period_end);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    {
      g_autoptr(CvRecord) record = cv_store_load (b->store, CV_TYPE_ACTION, cv_statement_column_text (st, 0), error);
      Deed *deed;
      CvReviewAction *a;

      if (record == NULL)
        return FALSE;
      deed = g_new0 (Deed, 1);
      deed->action = a = g_new0 (CvReviewAction, 1);
      deed->themes = g_strdupv ((char **)cv_record_get_list (record, "themes"));
      deed->answers = g_strdupv ((char **)cv_record_get_list (record, "answers"));
      a->id = g_strdup (cv_record_get_id (record));
      a->title = g_strdup (cv_record_get_string (record, "title"));
      a->organisation = cv_store_get_display_name (b->store, "stakeholder",
                                                   cv_record_get_string (record, "organisation_id"));
      if (!owner_named (b, record, a, error))
        return FALSE;
      a->status = g_strdup (cv_record_get_string (record, "status"));
      a->outcome = g_strdup (cv_record_get_string (record, "outcome"));
      a->due_on = g_strdup (cv_record_get_string (record, "due_on"));
      a->recent = cv_statement_column_int64 (st, 1) != 0;
      g_ptr_array_add (b->deeds, deed);
    }
  return step == CV_STEP_DONE;
}

static gboolean
gather_themes (Builder  *b,
               GError  **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (b->store),
                                                   "SELECT id, name FROM theme WHERE programme_id = ?1"
                                                   " ORDER BY name COLLATE NOCASE, rowid", error);
  CvStep step;

  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, b->programme_id);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    {
      g_ptr_array_add (b->theme_ids, g_strdup (cv_statement_column_text (st, 0)));
      g_ptr_array_add (b->theme_names, g_strdup (cv_statement_column_text (st, 1)));
    }
  return step == CV_STEP_DONE;
}

static int
theme_index (Builder    *b,
             const char *id)
{
  for (guint i = 0; i < b->theme_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (b->theme_ids, i), id))
      return i;
  return -1;
}

/* The place (in the theme order) of the first of @themes, or n_themes. */
static guint
first_group (Builder            *b,
             const char * const *themes)
{
  guint best = b->theme_ids->len;

  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    {
      int t = theme_index (b, themes[i]);

      if (t >= 0 && b->theme_rank[t] < best)
        best = b->theme_rank[t];
    }
  return best;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      counts)
{
  guint ia = *(const guint *)a, ib = *(const guint *)b;
  const guint *c = counts;

  if (c[ia] != c[ib])
    return c[ia] > c[ib] ? -1 : 1;
  return ia < ib ? -1 : ia > ib;   /* then by name, the order they were read in */
}

/* The themes in the order the review shows them: the most raised in the
 * period first. */
static void
rank_themes (Builder *b)
{
  guint n = b->theme_ids->len;
  g_autofree guint *counts = g_new0 (guint, n + 1);
  g_autofree guint *order = g_new0 (guint, n + 1);

  for (guint q = 0; q < b->quotes->len; q++)
    {
      Quote *quote = g_ptr_array_index (b->quotes, q);

      for (guint i = 0; quote->themes[i] != NULL; i++)
        {
          int t = theme_index (b, quote->themes[i]);

          if (t >= 0 && !quote->said->earlier)
            counts[t]++;
        }
    }
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_counts, counts);
  b->theme_rank = g_new0 (guint, n + 1);
  for (guint i = 0; i < n; i++)
    b->theme_rank[order[i]] = i;
}

/* Neither done nor dropped. */
gboolean
cv_review_action_is_open (const CvReviewAction *action)
{
  return !g_str_equal (action->status, "done") && !g_str_equal (action->status, "dropped");
}

/* Dropped: agreed, then not going ahead. Not something done. */
gboolean
cv_review_action_is_dropped (const CvReviewAction *action)
{
  return g_str_equal (action->status, "dropped");
}

/* The themes other than the group's own, for "also raised under": their
 * names joined into @said's text, and their ids for links to them. */
static void
set_other_themes (Builder            *b,
                  CvReviewSaid       *said,
                  const char * const *themes,
                  guint               group)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; themes[i] != NULL; i++)
    {
      int t = theme_index (b, themes[i]);

      if (t >= 0 && b->theme_rank[t] != group)
        {
          g_ptr_array_add (names, g_ptr_array_index (b->theme_names, t));
          g_ptr_array_add (ids, g_ptr_array_index (b->theme_ids, t));
        }
    }
  g_ptr_array_add (names, NULL);
  g_ptr_array_add (ids, NULL);
  said->also_ids = g_strdupv ((char **)ids->pdata);
  said->also_names = g_strdupv ((char **)names->pdata);
  if (names->len > 1)
    said->also = g_strjoinv (", ", (char **)names->pdata);
}

static void
add_capped (GPtrArray *into,
            guint     *more,
            gpointer   item,
            GDestroyNotify free_func)
{
  if (into->len < CV_REVIEW_MAX_ITEMS)
    g_ptr_array_add (into, item);
  else
    {
      (*more)++;
      free_func (item);
    }
}

static void
arrange (Builder  *b,
         CvReview *review)
{
  guint n = b->theme_ids->len;
  g_autofree guint *by_rank = g_new0 (guint, n + 1);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (group_free);

  for (guint t = 0; t < n; t++)
    by_rank[b->theme_rank[t]] = t;
  for (guint r = 0; r < n; r++)
    g_ptr_array_add (groups, group_new (g_ptr_array_index (b->theme_names, by_rank[r])));
  g_ptr_array_add (groups, group_new (NULL));

  /* Each quote under its first theme; each action beside the first quote it
   * answers, else under its own first theme. */
  for (guint q = 0; q < b->quotes->len; q++)
    {
      Quote *quote = g_ptr_array_index (b->quotes, q);

      quote->group = first_group (b, (const char * const *)quote->themes);
      set_other_themes (b, quote->said, (const char * const *)quote->themes, quote->group);
    }
  for (guint d = 0; d < b->deeds->len; d++)
    {
      Deed *deed = g_ptr_array_index (b->deeds, d);
      Quote *first = NULL;

      for (guint i = 0; deed->answers != NULL && deed->answers[i] != NULL; i++)
        {
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (b->quote_index, deed->answers[i]));
          Quote *quote = at > 0 ? g_ptr_array_index (b->quotes, at - 1) : NULL;

          if (quote == NULL)
            continue;
          quote->answered = TRUE;
          if (first == NULL)
            first = quote;
        }
      deed->group = first != NULL ? first->group : first_group (b, (const char * const *)deed->themes);
    }

  /* What was acted on first, so that the quotes an action answers are shown. */
  for (int pass = 0; pass < 2; pass++)
    for (guint q = 0; q < b->quotes->len; q++)
      {
        Quote *quote = g_ptr_array_index (b->quotes, q);
        CvReviewGroup *group = g_ptr_array_index (groups, quote->group);

        if (quote->answered != (pass == 0))
          continue;
        if (group->said->len < CV_REVIEW_MAX_ITEMS)
          g_ptr_array_add (group->said, quote->said);
        else
          group->said_more++;
      }

  /* Numbered in reading order; an action names the numbers of those it answers. */
  {
    guint number = 0;

    for (guint g = 0; g < groups->len; g++)
      {
        CvReviewGroup *group = g_ptr_array_index (groups, g);

        for (guint i = 0; i < group->said->len; i++)
          ((CvReviewSaid *)g_ptr_array_index (group->said, i))->number = ++number;
      }
  }
  for (guint d = 0; d < b->deeds->len; d++)
    {
      Deed *deed = g_ptr_array_index (b->deeds, d);
      g_autoptr(GString) numbers = g_string_new (NULL);

      for (guint i = 0; deed->answers != NULL && deed->answers[i] != NULL; i++)
        {
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (b->quote_index, deed->answers[i]));
          Quote *quote = at > 0 ? g_ptr_array_index (b->quotes, at - 1) : NULL;

          if (quote == NULL || quote->said->number == 0)
            continue;
          g_string_append_printf (numbers, numbers->len > 0 ? ", %u" : "%u", quote->said->number);
        }
      if (numbers->len > 0)
        deed->action->answers = g_string_free (g_steal_pointer (&numbers), FALSE);
    }
  /* The groups own the quotes they show now. */
  for (guint q = 0; q < b->quotes->len; q++)
    {
      Quote *quote = g_ptr_array_index (b->quotes, q);

      if (quote->said->number > 0)
        quote->said = NULL;
    }

  /* Done with the news first: what changed in the period. */
  for (int pass = 0; pass < 2; pass++)
    for (guint d = 0; d < b->deeds->len; d++)
      {
        Deed *deed = g_ptr_array_index (b->deeds, d);
        CvReviewGroup *group = g_ptr_array_index (groups, deed->group);

        if (deed->action == NULL || deed->action->recent != (pass == 0))
          continue;
        if (cv_review_action_is_open (deed->action))
          add_capped (group->open, &group->open_more, g_steal_pointer (&deed->action), action_free);
        else if (cv_review_action_is_dropped (deed->action))
          add_capped (group->dropped, &group->dropped_more, g_steal_pointer (&deed->action), action_free);
        else
          add_capped (group->actions, &group->actions_more, g_steal_pointer (&deed->action), action_free);
      }

  for (guint g = 0; g < groups->len; g++)
    {
      CvReviewGroup *group = g_ptr_array_index (groups, g);

      if (group->said->len + group->actions->len + group->open->len + group->dropped->len > 0)
        g_ptr_array_add (review->groups, g_steal_pointer (&groups->pdata[g]));
    }
}

/**
 * cv_review_build:
 * @session_id: the session the review is for, usually the next meeting
 *
 * Gathers the story of the period before @session_id: what was said since
 * the previous session, theme by theme (the most raised first), and what
 * was done about it.
 *
 * Returns: (transfer full): the review, or %NULL with @error set
 */
CvReview *
cv_review_build (CvStore     *store,
                 const char  *session_id,
                 GError     **error)
{
  CvDatabase *db = cv_store_get_database (store);
  g_autoptr(CvReview) review = g_new0 (CvReview, 1);
  g_autoptr(CvRecord) session = NULL;
  g_autoptr(CvStatement) previous = NULL;
  Builder b = { 0, };
  gboolean ok;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);

  session = cv_store_load (store, CV_TYPE_SESSION, session_id, error);
  if (session == NULL)
    return NULL;
  if (cv_record_get_string (session, "starts_at") == NULL)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("Give the session a start time: the review gathers what happened at the sessions before it."));
      return NULL;
    }

  review->groups = g_ptr_array_new_with_free_func (group_free);
  review->programme = cv_store_get_display_name (store, "programme", cv_record_get_string (session, "programme_id"));
  review->session_title = g_strdup (cv_record_get_string (session, "title"));
  review->session_starts = g_strdup (cv_record_get_string (session, "starts_at"));

  previous = cv_database_prepare (db,
                                  "SELECT max(e.starts_at) FROM session e WHERE e.programme_id = ?1"
                                  " AND e.status <> 'cancelled' AND e.starts_at < ?2", error);
  if (previous == NULL)
    return NULL;
  cv_statement_bind_text (previous, 1, cv_record_get_string (session, "programme_id"));
  cv_statement_bind_text (previous, 2, review->session_starts);
  if (cv_statement_step (previous, error) != CV_STEP_ROW)
    return NULL;
  review->previous_starts = g_strdup (cv_statement_column_text (previous, 0));
  g_clear_pointer (&previous, cv_statement_release);

  b.store = store;
  b.programme_id = cv_record_get_string (session, "programme_id");
  b.period_start = review->previous_starts;
  b.period_end = review->session_starts;
  b.quotes = g_ptr_array_new_with_free_func (quote_free);
  b.quote_index = g_hash_table_new (g_str_hash, g_str_equal);
  b.deeds = g_ptr_array_new_with_free_func (deed_free);
  b.theme_ids = g_ptr_array_new_with_free_func (g_free);
  b.theme_names = g_ptr_array_new_with_free_func (g_free);

  ok = gather_themes (&b, error) && gather (&b, error);
  if (ok)
    {
      rank_themes (&b);
      arrange (&b, review);
    }

  g_hash_table_unref (b.quote_index);
  g_ptr_array_unref (b.quotes);
  g_ptr_array_unref (b.deeds);
  g_ptr_array_unref (b.theme_ids);
  g_ptr_array_unref (b.theme_names);
  g_free (b.theme_rank);
  return ok ? g_steal_pointer (&review) : NULL;
}

/* Returns: (transfer full): what a trimmed list says of what it left out */
char *
cv_review_more_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "…and %'u more", "…and %'u more", n), n);
}

/**
 * cv_review_answers_text:
 *
 * Returns: (transfer full) (nullable): which of the quotes shown @action
 *   answers, by their numbers, or %NULL when it answers none of them
 */
char *
cv_review_answers_text (const CvReviewAction *action)
{
  if (action->answers == NULL)
    return NULL;
  /* TRANSLATORS: %s is a list of the numbers the review gives to what was said, as "1, 4" */
  return g_strdup_printf (_("Answers what was said: %s"), action->answers);
}
