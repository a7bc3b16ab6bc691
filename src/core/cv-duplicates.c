/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Duplicates: people entered twice in one register, found and merged.
 *
 * Finding reads every person of a programme once, on the caller's own
 * connection (a worker thread opens one), and groups them by keys:
 *   - the email, trimmed and lower-cased;
 *   - the phone's digits (+44 written as 0);
 *   - the name without case, accents, spacing or punctuation;
 *   - the organisation, within which names are compared for similarity
 *     (the same surname and a first name that is an initial, a shorter
 *     form or one letter apart, or the same first name and a surname one
 *     letter apart).
 * A key shared by more than CV_DUPLICATES_MAX_SHARED people (a switchboard
 * number, a common name) is no evidence and is passed over. Each pair gets a
 * score from its reasons; pairs someone dismissed are left out.
 *
 * Merging keeps one record with the values chosen for each field, moves every
 * link of the other to it (attendance without double rows, contributions,
 * actions owned or held by an organisation, members, facilitated sessions,
 * dismissals), and deletes the other. It returns what Undo needs to put both
 * records and every link back exactly, timestamps included.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cv-action.h"
#include "cv-attendance.h"
#include "cv-contribution.h"
#include "cv-consent-event.h"
#include "cv-duplicates.h"
#include "cv-error.h"
#include "cv-session.h"
#include "cv-stakeholder.h"

typedef struct
{
  char   *id;
  char   *name;
  char   *name_key;
  GStrv   words;
  char   *email_key;
  char   *phone_key;
  char   *organisation_id;
} Person;

static void
person_clear (gpointer data)
{
  Person *p = data;

  g_free (p->id);
  g_free (p->name);
  g_free (p->name_key);
  g_strfreev (p->words);
  g_free (p->email_key);
  g_free (p->phone_key);
  g_free (p->organisation_id);
}

void
cv_duplicate_pair_free (CvDuplicatePair *pair)
{
  if (pair == NULL)
    return;
  g_free (pair->first_id);
  g_free (pair->second_id);
  g_free (pair->first_name);
  g_free (pair->second_name);
  g_free (pair);
}

/* The name's words without accents, case or punctuation, space-separated. */
static char *
plain_words (const char *name)
{
  g_autofree char *decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFKD);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, g_unichar_tolower (c));
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

/**
 * cv_duplicates_name_key:
 *
 * Returns: (transfer full): @name without case, accents, spacing or
 *   punctuation: "Siân  O'Neill" and "sian oneill" have the same key
 */
char *
cv_duplicates_name_key (const char *name)
{
  g_autofree char *words = plain_words (name != NULL ? name : "");
  GString *key = g_string_new (NULL);

  for (const char *p = words; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (key, *p);
  return g_string_free (key, FALSE);
}

static char *
phone_key (const char *phone)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = phone; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (g_str_has_prefix (digits->str, "44") && digits->len >= 11)
    {
      g_string_erase (digits, 0, 2);
      g_string_prepend_c (digits, '0');
    }
  if (digits->len < 6)
    return (g_string_free (digits, TRUE), NULL);
  return g_string_free (digits, FALSE);
}

/* Levenshtein distance, stopping early once it is beyond @limit. */
static guint
distance (const char *a,
          const char *b,
          guint       limit)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = NULL;

  if ((la > lb ? la - lb : lb - la) > limit)
    return limit + 1;
  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];
      guint best;

      row[0] = i;
      best = row[0];
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
          best = MIN (best, row[j]);
        }
      if (best > limit)
        return limit + 1;
    }
  return row[lb];
}

/* "J" and "John", "Jon" and "Jonathan", "Jon" and "John" (not "Sam" and "Pam"). */
static gboolean
first_names_match (const char *a,
                   const char *b)
{
  gsize la = strlen (a), lb = strlen (b);

  if (g_str_equal (a, b))
    return TRUE;
  if ((la == 1 || lb == 1) && a[0] == b[0])
    return TRUE;
  if (MIN (la, lb) >= 3 && (g_str_has_prefix (a, b) || g_str_has_prefix (b, a)))
    return TRUE;
  /* One letter apart, starting alike: "Jon" and "John", not "Sam" and "Pam". */
  return MIN (la, lb) >= 3 && a[0] == b[0] && distance (a, b, 1) <= 1;
}

static gboolean
names_similar (const Person *a,
               const Person *b)
{
  guint na = g_strv_length (a->words), nb = g_strv_length (b->words);
  const char *fa, *fb, *la, *lb;

  if (na == 0 || nb == 0)
    return FALSE;
  if (g_str_equal (a->name_key, b->name_key))
    return TRUE;
  if (na == 1 || nb == 1)
    return strlen (a->name_key) >= 5 && distance (a->name_key, b->name_key, 1) <= 1;
  fa = a->words[0];
  fb = b->words[0];
  la = a->words[na - 1];
  lb = b->words[nb - 1];
  if (g_str_equal (la, lb))
    return first_names_match (fa, fb);
  return g_str_equal (fa, fb) && MIN (strlen (la), strlen (lb)) >= 5 && distance (la, lb, 1) <= 1;
}

static int
reason_score (CvDuplicateReason reasons)
{
  return ((reasons & CV_DUPLICATE_SAME_EMAIL) ? 50 : 0) +
         ((reasons & CV_DUPLICATE_SAME_PHONE) ? 40 : 0) +
         ((reasons & CV_DUPLICATE_SAME_NAME) ? 30 : 0) +
         ((reasons & CV_DUPLICATE_SIMILAR_NAME_ORG) ? 25 : 0);
}

/**
 * cv_duplicate_reason_text:
 *
 * Returns: (transfer full): why a pair is suspected, in words
 */
char *
cv_duplicate_reason_text (CvDuplicateReason reasons)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (reasons & CV_DUPLICATE_SAME_EMAIL)
    g_ptr_array_add (parts, _("same email"));
  if (reasons & CV_DUPLICATE_SAME_PHONE)
    g_ptr_array_add (parts, _("same phone"));
  if (reasons & CV_DUPLICATE_SAME_NAME)
    g_ptr_array_add (parts, _("same name"));
  if (reasons & CV_DUPLICATE_SIMILAR_NAME_ORG)
    g_ptr_array_add (parts, _("similar names in the same organisation"));
  g_ptr_array_add (parts, NULL);
  {
    /* TRANSLATORS: the reasons are joined with this, e.g. "Same email · same name" */
    g_autofree char *joined = g_strjoinv (_(" · "), (char **)parts->pdata);
    char first[8] = { 0 };

    if (*joined == '\0')
      return g_strdup ("");
    /* A capital first letter, in any language. */
    g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (joined)), first);
    return g_strconcat (first, g_utf8_next_char (joined), NULL);
  }
}

static char *
pair_key (const char *a,
          const char *b)
{
  return strcmp (a, b) < 0 ? g_strconcat (a, "|", b, NULL) : g_strconcat (b, "|", a, NULL);
}

typedef struct
{
  GArray     *people;     /* of Person */
  GHashTable *pairs;      /* "id|id" → CvDuplicatePair */
  GHashTable *dismissed;  /* "id|id" */
} Scan;

static void
add_pair (Scan              *scan,
          guint              i,
          guint              j,
          CvDuplicateReason  reason)
{
  Person *a = &g_array_index (scan->people, Person, MIN (i, j));
  Person *b = &g_array_index (scan->people, Person, MAX (i, j));
  g_autofree char *key = pair_key (a->id, b->id);
  CvDuplicatePair *pair;

  if (i == j || g_hash_table_contains (scan->dismissed, key))
    return;
  pair = g_hash_table_lookup (scan->pairs, key);
  if (pair == NULL)
    {
      pair = g_new0 (CvDuplicatePair, 1);
      pair->first_id = g_strdup (a->id);
      pair->second_id = g_strdup (b->id);
      pair->first_name = g_strdup (a->name);
      pair->second_name = g_strdup (b->name);
      g_hash_table_insert (scan->pairs, g_steal_pointer (&key), pair);
    }
  pair->reasons |= reason;
  pair->score = reason_score (pair->reasons);
}

/* Every pair within each group of a few people sharing a key. */
static void
pair_groups (Scan              *scan,
             GHashTable        *groups,
             CvDuplicateReason  reason)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *members = value;

      if (members->len < 2 || members->len > CV_DUPLICATES_MAX_SHARED)
        continue;
      for (guint x = 0; x < members->len; x++)
        for (guint y = x + 1; y < members->len; y++)
          add_pair (scan, g_array_index (members, guint, x), g_array_index (members, guint, y), reason);
    }
}

static void
group_add (GHashTable *groups,
           const char *key,
           guint       index)
{
  GArray *members;

  if (key == NULL || *key == '\0')
    return;
  members = g_hash_table_lookup (groups, key);
  if (members == NULL)
    {
      members = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (groups, g_strdup (key), members);
    }
  g_array_append_val (members, index);
}

static GHashTable *
new_groups (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const CvDuplicatePair *pa = *(CvDuplicatePair **)a;
  const CvDuplicatePair *pb = *(CvDuplicatePair **)b;

  if (pa->score != pb->score)
    return pb->score - pa->score;
  return g_utf8_collate (pa->first_name, pb->first_name);
}

static gboolean
load_people (CvDatabase    *db,
             const char    *programme_id,
             Scan          *scan,
             GError       **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (db,
                                                   "SELECT id, name, email, phone, organisation_id FROM stakeholder"
                                                   " WHERE programme_id = ?1 AND kind = 'person' ORDER BY num", error);
  g_autoptr(CvStatement) dismissed = NULL;
  CvStep step;

  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, programme_id);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    {
      Person p = { 0 };
      g_autofree char *words = plain_words (cv_statement_column_text (st, 1));
      const char *email = cv_statement_column_text (st, 2);

      p.id = g_strdup (cv_statement_column_text (st, 0));
      p.name = g_strdup (cv_statement_column_text (st, 1));
      p.name_key = cv_duplicates_name_key (p.name);
      p.words = g_strsplit (words, " ", -1);
      if (email != NULL)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (email));
          p.email_key = g_utf8_strdown (trimmed, -1);
        }
      p.phone_key = phone_key (cv_statement_column_text (st, 3));
      p.organisation_id = g_strdup (cv_statement_column_text (st, 4));
      g_array_append_val (scan->people, p);
    }
  if (step == CV_STEP_ERROR)
    return FALSE;

  dismissed = cv_database_prepare (db,
                                   "SELECT d.first_id, d.second_id FROM duplicate_dismissal d"
                                   " JOIN stakeholder s ON s.id = d.first_id WHERE s.programme_id = ?1", error);
  if (dismissed == NULL)
    return FALSE;
  cv_statement_bind_text (dismissed, 1, programme_id);
  while ((step = cv_statement_step (dismissed, error)) == CV_STEP_ROW)
    g_hash_table_add (scan->dismissed, pair_key (cv_statement_column_text (dismissed, 0),
                                                 cv_statement_column_text (dismissed, 1)));
  return step == CV_STEP_DONE;
}

/**
 * cv_duplicates_find:
 * @database: a connection of the calling thread's own
 * @progress: (nullable): told how far the scan is, from this thread
 *
 * Returns: (transfer full) (element-type CvDuplicatePair): the likely pairs
 *   of the same person, best first; %NULL with @error set on failure or
 *   when cancelled
 */
GPtrArray *
cv_duplicates_find (CvDatabase            *database,
                    const char            *programme_id,
                    CvDuplicatesProgress   progress,
                    gpointer               user_data,
                    GCancellable          *cancellable,
                    GError               **error)
{
  Scan scan = { 0 };
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (Person));
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify)cv_duplicate_pair_free);
  g_autoptr(GHashTable) dismissed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_email = new_groups ();
  g_autoptr(GHashTable) by_phone = new_groups ();
  g_autoptr(GHashTable) by_name = new_groups ();
  g_autoptr(GHashTable) by_organisation = new_groups ();
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify)cv_duplicate_pair_free);
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  guint done = 0;
  guint n_organisations;

  g_return_val_if_fail (CV_IS_DATABASE (database), NULL);
  g_return_val_if_fail (programme_id != NULL, NULL);

  g_array_set_clear_func (people, person_clear);
  scan.people = people;
  scan.pairs = pairs;
  scan.dismissed = dismissed;

  if (!load_people (database, programme_id, &scan, error))
    return NULL;
  if (progress != NULL)
    progress (0.4, user_data);

  for (guint i = 0; i < people->len; i++)
    {
      Person *p = &g_array_index (people, Person, i);

      group_add (by_email, p->email_key, i);
      group_add (by_phone, p->phone_key, i);
      group_add (by_name, p->name_key, i);
      group_add (by_organisation, p->organisation_id, i);
    }
  pair_groups (&scan, by_email, CV_DUPLICATE_SAME_EMAIL);
  pair_groups (&scan, by_phone, CV_DUPLICATE_SAME_PHONE);
  pair_groups (&scan, by_name, CV_DUPLICATE_SAME_NAME);
  if (progress != NULL)
    progress (0.5, user_data);

  /* Within each organisation, every two names are compared. */
  n_organisations = g_hash_table_size (by_organisation);
  g_hash_table_iter_init (&iter, by_organisation);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *members = value;

      for (guint x = 0; x < members->len; x++)
        for (guint y = x + 1; y < members->len; y++)
          {
            guint i = g_array_index (members, guint, x);
            guint j = g_array_index (members, guint, y);

            if (names_similar (&g_array_index (people, Person, i), &g_array_index (people, Person, j)))
              add_pair (&scan, i, j, CV_DUPLICATE_SIMILAR_NAME_ORG);
          }
      if (++done % 256 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          if (progress != NULL)
            progress (0.5 + 0.5 * done / n_organisations, user_data);
        }
    }

  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_ptr_array_add (result, value);
      g_hash_table_iter_steal (&iter);
      g_free (key);
    }
  g_ptr_array_sort (result, compare_pairs);
  if (progress != NULL)
    progress (1.0, user_data);
  return g_steal_pointer (&result);
}

/**
 * cv_duplicates_count_involving:
 * @pairs: (element-type CvDuplicatePair): what cv_duplicates_find() found
 * @ids: (element-type utf8): records newly added (by an import)
 *
 * Returns: how many of the pairs join one of @ids to a record that was
 *   there before: someone already in the register under another id
 */
guint
cv_duplicates_count_involving (GPtrArray *pairs,
                               GPtrArray *ids)
{
  g_autoptr(GHashTable) added = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  g_return_val_if_fail (pairs != NULL && ids != NULL, 0);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (added, g_ptr_array_index (ids, i));
  for (guint i = 0; i < pairs->len; i++)
    {
      CvDuplicatePair *pair = g_ptr_array_index (pairs, i);

      if (g_hash_table_contains (added, pair->first_id) != g_hash_table_contains (added, pair->second_id))
        n++;
    }
  return n;
}

/**
 * cv_duplicates_dismiss:
 *
 * Remembers that two stakeholders are not the same person, so that they are
 * not suggested again.
 */
gboolean
cv_duplicates_dismiss (CvStore     *store,
                       const char  *first_id,
                       const char  *second_id,
                       GError     **error)
{
  g_autoptr(CvStatement) st = NULL;
  g_autofree char *now = cv_timestamp_now ();
  gboolean ordered;

  g_return_val_if_fail (CV_IS_STORE (store), FALSE);
  g_return_val_if_fail (first_id != NULL && second_id != NULL, FALSE);

  if (g_str_equal (first_id, second_id))
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID, _("A stakeholder is always the same as themself."));
      return FALSE;
    }
  ordered = strcmp (first_id, second_id) < 0;
  st = cv_database_prepare (cv_store_get_database (store),
                            "INSERT OR IGNORE INTO duplicate_dismissal (first_id, second_id, dismissed_at)"
                            " VALUES (?1, ?2, ?3)", error);
  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, ordered ? first_id : second_id);
  cv_statement_bind_text (st, 2, ordered ? second_id : first_id);
  cv_statement_bind_text (st, 3, now);
  if (!cv_statement_run (st, error))
    return FALSE;
  cv_store_announce (store, "duplicate_dismissal");
  return TRUE;
}

/* Merging */

struct _CvMerge
{
  CvRecord   *kept_before;  /* the kept record as it was */
  CvDeletion *deletion;     /* the other record, and what went with it */
  GPtrArray  *changed;      /* records as they were before the merge changed them */
  GPtrArray  *removed;      /* CvDeletion: the other's attendance at sessions the kept one was at */
  GPtrArray  *created;      /* ids of the consent history rows the merge wrote for the kept record */
  gboolean    took_keep;    /* whether the kept record took the other's reason to be kept */
};

void
cv_merge_free (CvMerge *merge)
{
  if (merge == NULL)
    return;
  g_clear_object (&merge->kept_before);
  g_clear_pointer (&merge->deletion, cv_deletion_free);
  g_clear_pointer (&merge->changed, g_ptr_array_unref);
  g_clear_pointer (&merge->removed, g_ptr_array_unref);
  g_clear_pointer (&merge->created, g_ptr_array_unref);
  g_free (merge);
}

static int
attendance_rank (const char *status)
{
  /* Came, then said they could not, then recorded as not coming, then only invited. */
  return g_strcmp0 (status, "attended") == 0 ? 3 : g_strcmp0 (status, "apologies") == 0 ? 2 :
         g_strcmp0 (status, "absent") == 0 ? 1 : 0;
}

/* Gives the kept record the other's attendance: where both were listed at a
 * session, one row stays, with the stronger status and paid if either was. */
static gboolean
move_attendance (CvStore     *store,
                 const char  *kept_id,
                 const char  *other_id,
                 CvMerge     *merge,
                 GError     **error)
{
  g_autoptr(GPtrArray) theirs = cv_store_list (store, CV_TYPE_ATTENDANCE, "stakeholder_id", other_id, error);
  g_autoptr(GPtrArray) ours = NULL;

  if (theirs == NULL)
    return FALSE;
  ours = cv_store_list (store, CV_TYPE_ATTENDANCE, "stakeholder_id", kept_id, error);
  if (ours == NULL)
    return FALSE;

  for (guint i = 0; i < theirs->len; i++)
    {
      CvRecord *row = g_ptr_array_index (theirs, i);
      CvRecord *same = NULL;

      for (guint j = 0; j < ours->len && same == NULL; j++)
        if (g_str_equal (cv_record_get_string (g_ptr_array_index (ours, j), "session_id"),
                         cv_record_get_string (row, "session_id")))
          same = g_ptr_array_index (ours, j);

      CvDeletion *gone;

      if (same == NULL)
        {
          g_ptr_array_add (merge->changed, cv_record_copy (row));
          cv_record_set_string (row, "stakeholder_id", kept_id);
          if (!cv_store_update (store, row, error))
            return FALSE;
          continue;
        }

      g_ptr_array_add (merge->changed, cv_record_copy (same));
      /* Kept whole, so that Undo puts the row back in its place in the list. */
      gone = cv_store_delete (store, row, error);
      if (gone == NULL)
        return FALSE;
      g_ptr_array_add (merge->removed, gone);
      if (attendance_rank (cv_record_get_string (row, "status")) >
          attendance_rank (cv_record_get_string (same, "status")))
        cv_record_set_string (same, "status", cv_record_get_string (row, "status"));
      if (cv_record_get_boolean (row, "paid"))
        cv_record_set_boolean (same, "paid", TRUE);
      if (!cv_store_update (store, same, error))
        return FALSE;
    }
  return TRUE;
}

/* Every record of @type whose @field names the other now names the kept one. */
static gboolean
move_links (CvStore     *store,
            GType        type,
            const char  *field,
            const char  *kept_id,
            const char  *other_id,
            CvMerge     *merge,
            GError     **error)
{
  g_autoptr(GPtrArray) records = cv_store_list (store, type, field, other_id, error);

  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      CvRecord *record = g_ptr_array_index (records, i);

      g_ptr_array_add (merge->changed, cv_record_copy (record));
      cv_record_set_string (record, field, kept_id);
      if (!cv_store_update (store, record, error))
        return FALSE;
    }
  return TRUE;
}

/* The largest rowid of the consent history: whatever the merge writes after
 * it is new (rows moved from the other keep theirs, none is deleted). */
static gboolean
last_consent_event (CvDatabase  *db,
                    gint64      *rowid,
                    GError     **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (db, "SELECT coalesce (max (rowid), 0) FROM consent_event", error);

  if (st == NULL || cv_statement_step (st, error) != CV_STEP_ROW)
    return FALSE;
  *rowid = cv_statement_column_int64 (st, 0);
  return TRUE;
}

static gboolean
note_created_consent_events (CvDatabase  *db,
                             gint64       after,
                             CvMerge     *merge,
                             GError     **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (db, "SELECT id FROM consent_event WHERE rowid > ?1", error);
  CvStep step;

  if (st == NULL)
    return FALSE;
  cv_statement_bind_int64 (st, 1, after);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    g_ptr_array_add (merge->created, g_strdup (cv_statement_column_text (st, 0)));
  return step == CV_STEP_DONE;
}

/* A reason to keep the other past the retention period holds for the
 * person they are part of, unless the kept record has its own. */
static gboolean
take_keep_reason (CvDatabase  *db,
                  const char  *kept_id,
                  const char  *other_id,
                  CvMerge     *merge,
                  GError     **error)
{
  g_autoptr(CvStatement) st = cv_database_prepare (db,
                                                   "INSERT OR IGNORE INTO retention_keep (stakeholder_id, reason, kept_on)"
                                                   " SELECT ?1, reason, kept_on FROM retention_keep"
                                                   " WHERE stakeholder_id = ?2", error);

  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, kept_id);
  cv_statement_bind_text (st, 2, other_id);
  if (!cv_statement_run (st, error))
    return FALSE;
  merge->took_keep = sqlite3_changes (cv_database_get_handle (db)) > 0;
  return TRUE;
}

/**
 * cv_duplicates_merge:
 * @kept: the record to keep, with the value chosen for each field
 * @other_id: the record that goes; everything linked to it moves to @kept
 *
 * Both must be stakeholders of the same kind in the same programme.
 *
 * Returns: (transfer full): what cv_duplicates_unmerge() needs to undo it,
 *   or %NULL with @error set and nothing changed
 */
CvMerge *
cv_duplicates_merge (CvStore     *store,
                     CvRecord    *kept,
                     const char  *other_id,
                     GError     **error)
{
  CvDatabase *db;
  g_autoptr(CvMerge) merge = g_new0 (CvMerge, 1);
  g_autoptr(CvRecord) other = NULL;
  const char *kept_id;
  gint64 last_event = 0;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);
  g_return_val_if_fail (CV_IS_STAKEHOLDER (kept), NULL);
  g_return_val_if_fail (other_id != NULL, NULL);

  db = cv_store_get_database (store);
  kept_id = cv_record_get_id (kept);
  merge->changed = g_ptr_array_new_with_free_func (g_object_unref);
  merge->removed = g_ptr_array_new_with_free_func ((GDestroyNotify)cv_deletion_free);
  merge->created = g_ptr_array_new_with_free_func (g_free);

  if (g_strcmp0 (kept_id, other_id) == 0)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID, _("A stakeholder cannot be merged with themself."));
      return NULL;
    }
  if (!cv_database_begin (db, error))
    return NULL;
  merge->kept_before = cv_store_load (store, CV_TYPE_STAKEHOLDER, kept_id, error);
  if (merge->kept_before == NULL)
    goto failed;
  other = cv_store_load (store, CV_TYPE_STAKEHOLDER, other_id, error);
  if (other == NULL)
    goto failed;
  if (g_strcmp0 (cv_record_get_string (other, "programme_id"), cv_record_get_string (kept, "programme_id")) != 0 ||
      g_strcmp0 (cv_record_get_string (other, "kind"), cv_record_get_string (merge->kept_before, "kind")) != 0)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("Only two people, or two organisations, of the same programme can be merged."));
      goto failed;
    }

  if (!last_consent_event (db, &last_event, error) ||
      !move_attendance (store, kept_id, other_id, merge, error) ||
      !move_links (store, CV_TYPE_CONTRIBUTION, "stakeholder_id", kept_id, other_id, merge, error) ||
      !move_links (store, CV_TYPE_ACTION, "owner_id", kept_id, other_id, merge, error) ||
      !move_links (store, CV_TYPE_ACTION, "organisation_id", kept_id, other_id, merge, error) ||
      !move_links (store, CV_TYPE_SESSION, "facilitator_id", kept_id, other_id, merge, error) ||
      !move_links (store, CV_TYPE_STAKEHOLDER, "organisation_id", kept_id, other_id, merge, error) ||
      /* The other's consent history is the kept person's history too. */
      !move_links (store, CV_TYPE_CONSENT_EVENT, "stakeholder_id", kept_id, other_id, merge, error) ||
      !take_keep_reason (db, kept_id, other_id, merge, error))
    goto failed;

  /* The other goes before the kept record takes its values, so that a
   * unique name or email never meets itself. Its deletion keeps what went
   * with it (the pairs dismissed with it, its reason to be kept). The kept
   * record's change of consent, if it took the other's, is written in its
   * history: Undo takes that away again. */
  merge->deletion = cv_store_delete (store, other, error);
  if (merge->deletion == NULL || !cv_store_update (store, kept, error) ||
      !note_created_consent_events (db, last_event, merge, error) || !cv_database_commit (db, error))
    goto failed;

  cv_store_announce (store, "stakeholder");
  cv_store_announce (store, "attendance");
  return g_steal_pointer (&merge);

failed:
  cv_database_rollback (db);
  return NULL;
}

/**
 * cv_duplicates_unmerge:
 *
 * Undoes cv_duplicates_merge(): both records, every link and every
 * timestamp as they were. All or nothing.
 */
gboolean
cv_duplicates_unmerge (CvStore     *store,
                       CvMerge     *merge,
                       GError     **error)
{
  CvDatabase *db;

  g_return_val_if_fail (CV_IS_STORE (store), FALSE);
  g_return_val_if_fail (merge != NULL, FALSE);

  db = cv_store_get_database (store);
  if (!cv_database_begin (db, error))
    return FALSE;
  if (!cv_store_restore (store, merge->deletion, error))
    goto failed;
  for (guint i = 0; i < merge->removed->len; i++)
    if (!cv_store_restore (store, g_ptr_array_index (merge->removed, i), error))
      goto failed;
  /* Backwards, so that a record changed twice ends as it first was. */
  for (guint i = merge->changed->len; i > 0; i--)
    if (!cv_store_write_unchecked (store, g_ptr_array_index (merge->changed, i - 1), TRUE, error))
      goto failed;
  if (!cv_store_write_unchecked (store, merge->kept_before, TRUE, error))
    goto failed;
  for (guint i = 0; i < merge->created->len; i++)
    {
      g_autoptr(CvStatement) st = cv_database_prepare (db, "DELETE FROM consent_event WHERE id = ?1", error);

      if (st == NULL)
        goto failed;
      cv_statement_bind_text (st, 1, g_ptr_array_index (merge->created, i));
      if (!cv_statement_run (st, error))
        goto failed;
    }
  if (merge->took_keep)
    {
      g_autoptr(CvStatement) st = cv_database_prepare (db, "DELETE FROM retention_keep WHERE stakeholder_id = ?1",
                                                       error);

      if (st == NULL)
        goto failed;
      cv_statement_bind_text (st, 1, cv_record_get_id (merge->kept_before));
      if (!cv_statement_run (st, error))
        goto failed;
    }
  if (!cv_database_commit (db, error))
    return FALSE;

  cv_store_announce (store, "stakeholder");
  cv_store_announce (store, "attendance");
  cv_store_announce (store, "contribution");
  cv_store_announce (store, "action");
  cv_store_announce (store, "session");
  cv_store_announce (store, "consent_event");
  return TRUE;

failed:
  cv_database_rollback (db);
  return FALSE;
}
