/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The guide library and the conversations held with it.
 *
 * Built-in guides are stored in English, read-only, and shown in the
 * reader's language. A guide's version counts the versions conversations
 * have seen: it goes up when a guide is changed after a conversation used
 * it. A conversation copies every question into its answers when it starts,
 * so what it recorded never changes when its guide does.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-answer.h"
#include "cv-conversation.h"
#include "cv-conversation-note.h"
#include "cv-error.h"
#include "cv-guide.h"
#include "cv-guide-library.h"
#include "cv-guide-section.h"
#include "cv-guides.h"
#include "cv-prompt.h"
#include "cv-time.h"

guint
cv_guides_n_builtin (void)
{
  return cv_n_builtin_guides;
}

const char *
cv_guides_builtin_id (guint index)
{
  g_return_val_if_fail (index < cv_n_builtin_guides, NULL);
  return cv_builtin_guides[index].id;
}

/**
 * cv_guides_text:
 * @guide: the guide @text belongs to (itself, or one of its sections or prompts)
 *
 * Returns: @text in the reader's language when @guide is built in, else @text
 */
const char *
cv_guides_text (CvRecord   *guide,
                const char *text)
{
  if (text == NULL || *text == '\0')
    return text;
  if (guide != NULL && cv_record_get_boolean (guide, "builtin"))
    return g_dgettext (GETTEXT_PACKAGE, text);
  return text;
}

/**
 * cv_guides_texts:
 * @texts: (nullable): a %NULL-terminated list, such as a prompt's options
 *
 * Returns: (transfer container): @texts as cv_guides_text() gives each,
 *   %NULL-terminated: pass its pdata where a string list is wanted
 */
GPtrArray *
cv_guides_texts (CvRecord           *guide,
                 const char * const *texts)
{
  GPtrArray *shown = g_ptr_array_new ();

  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    g_ptr_array_add (shown, (gpointer) cv_guides_text (guide, texts[i]));
  g_ptr_array_add (shown, NULL);
  return shown;
}

static char *
lookup_text (CvStore    *store,
             const char *sql,
             const char *id)
{
  g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store), sql, NULL);

  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, id);
  if (cv_statement_step (st, NULL) != CV_STEP_ROW)
    return NULL;
  return g_strdup (cv_statement_column_text (st, 0));
}

/**
 * cv_guides_guide_of:
 * @part: a guide, a section or a prompt
 *
 * Returns: (nullable): the id of the guide @part belongs to, as stored
 */
char *
cv_guides_guide_of (CvStore  *store,
                    CvRecord *part)
{
  const char *table = cv_record_get_kind (part)->table;

  if (g_str_equal (table, "guide"))
    return g_strdup (cv_record_get_id (part));
  if (g_str_equal (table, "guide_section"))
    return g_strdup (cv_record_get_string (part, "guide_id"));
  if (g_str_equal (table, "prompt") && cv_record_get_string (part, "section_id") != NULL)
    return lookup_text (store, "SELECT guide_id FROM guide_section WHERE id = ?1",
                        cv_record_get_string (part, "section_id"));
  return NULL;
}

/**
 * cv_guides_check_editable:
 *
 * Returns: %FALSE with %CV_ERROR_READ_ONLY when the stored guide is built in
 */
gboolean
cv_guides_check_editable (CvStore     *store,
                          const char  *guide_id,
                          GError     **error)
{
  g_autoptr(CvStatement) st = NULL;
  CvStep step;

  if (guide_id == NULL)
    return TRUE;
  st = cv_database_prepare (cv_store_get_database (store),
                            "SELECT builtin FROM guide WHERE id = ?1", error);
  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, guide_id);
  step = cv_statement_step (st, error);
  if (step == CV_STEP_ERROR)
    return FALSE;
  if (step == CV_STEP_ROW && cv_statement_column_int64 (st, 0) != 0)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_READ_ONLY,
                   _("This guide comes with Convene and cannot be changed. "
                     "Duplicate it to make a copy you can edit."));
      return FALSE;
    }
  return TRUE;
}

/**
 * cv_guides_note_change:
 *
 * Called after a guide, a section or a prompt changed: a guide whose current
 * version a conversation used moves on to the next version.
 */
gboolean
cv_guides_note_change (CvStore     *store,
                       const char  *guide_id,
                       GError     **error)
{
  g_autoptr(CvStatement) st = NULL;

  if (guide_id == NULL)
    return TRUE;
  st = cv_database_prepare (cv_store_get_database (store),
                            "UPDATE guide SET version = version + 1 WHERE id = ?1 AND EXISTS"
                            " (SELECT 1 FROM conversation c WHERE c.guide_id = guide.id"
                            " AND c.guide_version = guide.version)", error);
  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, guide_id);
  return cv_statement_run (st, error);
}

/* A guide's version is the core's to count: a stored guide keeps the one
 * in the database whatever the caller's copy says. */
static gboolean
keep_version (CvStore   *store,
              CvRecord  *guide,
              GError   **error)
{
  g_autoptr(CvStatement) st = NULL;
  CvStep step;

  st = cv_database_prepare (cv_store_get_database (store), "SELECT version FROM guide WHERE id = ?1", error);
  if (st == NULL)
    return FALSE;
  cv_statement_bind_text (st, 1, cv_record_get_id (guide));
  step = cv_statement_step (st, error);
  if (step == CV_STEP_ERROR)
    return FALSE;
  if (step == CV_STEP_ROW)
    cv_record_set_integer (guide, "version", cv_statement_column_int64 (st, 0));
  return TRUE;
}

/**
 * cv_guides_prepare_write:
 * @part: a guide, one of its sections or one of its questions
 *
 * The write hook of the guide kinds, before the write: a built-in guide's
 * parts are not deleted, and a guide written keeps its stored version.
 */
gboolean
cv_guides_prepare_write (CvRecord  *part,
                         CvStore   *store,
                         CvWrite   *write,
                         GError   **error)
{
  if (cv_write_is_deletion (write))
    {
      g_autofree char *guide_id = cv_guides_guide_of (store, part);

      return cv_guides_check_editable (store, guide_id, error);
    }
  if (CV_IS_GUIDE (part) && cv_write_replaces (write))
    return keep_version (store, part, error);
  return TRUE;
}

/**
 * cv_guides_finish_write:
 *
 * The write hook of the guide kinds, after the write: a change to a guide
 * that conversations used makes a new version of it, and the guide is
 * announced as changed when one of its parts was.
 */
gboolean
cv_guides_finish_write (CvRecord  *part,
                        CvStore   *store,
                        CvWrite   *write,
                        GError   **error)
{
  g_autofree char *guide_id = cv_guides_guide_of (store, part);

  if (CV_IS_GUIDE (part))
    return cv_write_is_deletion (write) ||
           (cv_guides_note_change (store, guide_id, error) && keep_version (store, part, error));
  if (!cv_guides_note_change (store, guide_id, error))
    return FALSE;
  if (guide_id != NULL)
    cv_write_announce (write, "guide", guide_id);
  return TRUE;
}

/* Installing the built-in guides */

static gboolean
write_part (CvStore   *store,
            CvRecord  *record,
            gboolean   replace_existing,
            GError   **error)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = cv_timestamp_now ();

  if (cv_record_get_id (record) == NULL)
    cv_record_set_id (record, id);
  cv_record_set_timestamps (record, now, now);
  return cv_store_write_unchecked (store, record, replace_existing, error);
}

static gboolean
install_guide (CvStore              *store,
               const CvBuiltinGuide *builtin,
               gboolean              replace_existing,
               GError              **error)
{
  g_autoptr(CvRecord) guide = cv_record_new (CV_TYPE_GUIDE);
  g_autoptr(CvStatement) clear = NULL;

  /* Sections of an older text go with their prompts; conversations keep
   * their own copies of what they asked. */
  clear = cv_database_prepare (cv_store_get_database (store),
                               "DELETE FROM guide_section WHERE guide_id = ?1", error);
  if (clear == NULL)
    return FALSE;
  cv_statement_bind_text (clear, 1, builtin->id);
  if (!cv_statement_run (clear, error))
    return FALSE;

  cv_record_set_id (guide, builtin->id);
  g_object_set (guide,
                "title", builtin->title,
                "topic", builtin->topic,
                "audience", builtin->audience,
                "introduction", builtin->introduction,
                "version", builtin->version,
                "builtin", TRUE,
                NULL);
  if (!write_part (store, guide, replace_existing, error))
    return FALSE;

  for (guint s = 0; builtin->sections[s].title != NULL; s++)
    {
      const CvBuiltinSection *bs = &builtin->sections[s];
      g_autoptr(CvRecord) section = cv_record_new (CV_TYPE_GUIDE_SECTION);

      g_object_set (section, "guide-id", builtin->id, "position", (gint64) s,
                    "title", bs->title, NULL);
      if (!write_part (store, section, FALSE, error))
        return FALSE;

      for (guint p = 0; bs->prompts[p].question != NULL; p++)
        {
          const CvBuiltinPrompt *bp = &bs->prompts[p];
          g_autoptr(CvRecord) prompt = cv_record_new (CV_TYPE_PROMPT);

          g_object_set (prompt,
                        "section-id", cv_record_get_id (section),
                        "position", (gint64) p,
                        "question", bp->question,
                        "guidance", bp->guidance,
                        "response-kind", bp->response_kind,
                        NULL);
          if (bp->options[0] != NULL)
            cv_record_set_list (prompt, "options", bp->options);
          if (!write_part (store, prompt, FALSE, error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * cv_guides_install_builtin:
 *
 * Puts the built-in guides in the library, or replaces an older text of
 * one with this Convene's. Guides already current are left alone, so this
 * is cheap to call whenever a database is opened.
 */
gboolean
cv_guides_install_builtin (CvStore  *store,
                           GError  **error)
{
  CvDatabase *db = cv_store_get_database (store);
  gboolean changed = FALSE;

  /* A database that cannot be written keeps the guides it has. */
  if (cv_database_is_read_only (db))
    return TRUE;
  if (!cv_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < cv_n_builtin_guides; i++)
    {
      g_autoptr(CvStatement) st = cv_database_prepare (db, "SELECT version FROM guide WHERE id = ?1", error);
      CvStep step;

      if (st == NULL)
        goto failed;
      cv_statement_bind_text (st, 1, cv_builtin_guides[i].id);
      step = cv_statement_step (st, error);
      if (step == CV_STEP_ERROR)
        goto failed;
      if (step == CV_STEP_ROW && cv_statement_column_int64 (st, 0) >= cv_builtin_guides[i].version)
        continue;
      g_clear_pointer (&st, cv_statement_release);
      if (!install_guide (store, &cv_builtin_guides[i], step == CV_STEP_ROW, error))
        goto failed;
      changed = TRUE;
    }

  if (!cv_database_commit (db, error))
    return FALSE;
  if (changed)
    {
      cv_store_announce (store, "guide");
      cv_store_announce (store, "guide_section");
      cv_store_announce (store, "prompt");
    }
  return TRUE;

failed:
  cv_database_rollback (db);
  return FALSE;
}

/* Editing */

static gint64
next_position (CvStore    *store,
               const char *table,
               const char *field,
               const char *value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(position) + 1, 0) FROM %s WHERE %s = ?1",
                                          table, field);
  g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store), sql, NULL);

  if (st == NULL)
    return 0;
  cv_statement_bind_text (st, 1, value);
  if (cv_statement_step (st, NULL) != CV_STEP_ROW)
    return 0;
  return cv_statement_column_int64 (st, 0);
}

/**
 * cv_guides_duplicate:
 *
 * Copies @guide, its sections and prompts, into a new editable guide at
 * version 1. A built-in guide is copied in the reader's language.
 *
 * Returns: (transfer full): the copy, or %NULL with @error set
 */
CvRecord *
cv_guides_duplicate (CvStore   *store,
                     CvRecord  *guide,
                     GError   **error)
{
  CvDatabase *db = cv_store_get_database (store);
  g_autoptr(CvRecord) copy = cv_record_new (CV_TYPE_GUIDE);
  g_autoptr(GPtrArray) sections = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CV_IS_GUIDE (guide), NULL);

  /* TRANSLATORS: the title of a copy of a guide; %s is the guide's title */
  title = g_strdup_printf (_("%s (copy)"), cv_guides_text (guide, cv_record_get_string (guide, "title")));
  g_object_set (copy,
                "title", title,
                "topic", cv_guides_text (guide, cv_record_get_string (guide, "topic")),
                "audience", cv_guides_text (guide, cv_record_get_string (guide, "audience")),
                "introduction", cv_guides_text (guide, cv_record_get_string (guide, "introduction")),
                NULL);

  if (!cv_database_begin (db, error))
    return NULL;
  sections = cv_store_list (store, CV_TYPE_GUIDE_SECTION, "guide_id", cv_record_get_id (guide), error);
  if (sections == NULL || !cv_store_insert (store, copy, error))
    goto failed;

  for (guint s = 0; s < sections->len; s++)
    {
      CvRecord *section = g_ptr_array_index (sections, s);
      g_autoptr(CvRecord) new_section = cv_record_new (CV_TYPE_GUIDE_SECTION);
      g_autoptr(GPtrArray) prompts = NULL;

      g_object_set (new_section, "guide-id", cv_record_get_id (copy), "position", (gint64) s,
                    "title", cv_guides_text (guide, cv_record_get_string (section, "title")), NULL);
      prompts = cv_store_list (store, CV_TYPE_PROMPT, "section_id", cv_record_get_id (section), error);
      if (prompts == NULL || !cv_store_insert (store, new_section, error))
        goto failed;

      for (guint p = 0; p < prompts->len; p++)
        {
          CvRecord *prompt = g_ptr_array_index (prompts, p);
          g_autoptr(CvRecord) new_prompt = cv_record_new (CV_TYPE_PROMPT);
          g_autoptr(GPtrArray) translated = cv_guides_texts (guide, cv_record_get_list (prompt, "options"));

          g_object_set (new_prompt,
                        "section-id", cv_record_get_id (new_section),
                        "position", (gint64) p,
                        "question", cv_guides_text (guide, cv_record_get_string (prompt, "question")),
                        "guidance", cv_guides_text (guide, cv_record_get_string (prompt, "guidance")),
                        "response-kind", cv_record_get_string (prompt, "response_kind"),
                        NULL);
          cv_record_set_list (new_prompt, "options", (const char * const *) translated->pdata);
          if (!cv_store_insert (store, new_prompt, error))
            goto failed;
        }
    }

  if (!cv_database_commit (db, error))
    return NULL;
  return g_steal_pointer (&copy);

failed:
  cv_database_rollback (db);
  return NULL;
}

/**
 * cv_guides_add_section:
 *
 * Returns: (transfer full): a new section at the end of the guide, or %NULL
 */
CvRecord *
cv_guides_add_section (CvStore     *store,
                       const char  *guide_id,
                       const char  *title,
                       GError     **error)
{
  g_autoptr(CvRecord) section = cv_record_new (CV_TYPE_GUIDE_SECTION);

  g_object_set (section, "guide-id", guide_id, "title", title,
                "position", next_position (store, "guide_section", "guide_id", guide_id), NULL);
  if (!cv_store_insert (store, section, error))
    return NULL;
  return g_steal_pointer (&section);
}

/**
 * cv_guides_add_prompt:
 *
 * Returns: (transfer full): a new free-text prompt at the end of the
 *   section, or %NULL
 */
CvRecord *
cv_guides_add_prompt (CvStore     *store,
                      const char  *section_id,
                      const char  *question,
                      GError     **error)
{
  g_autoptr(CvRecord) prompt = cv_record_new (CV_TYPE_PROMPT);

  g_object_set (prompt, "section-id", section_id, "question", question,
                "position", next_position (store, "prompt", "section_id", section_id), NULL);
  if (!cv_store_insert (store, prompt, error))
    return NULL;
  return g_steal_pointer (&prompt);
}

/**
 * cv_guides_move:
 * @part: a section or a prompt
 * @position: where it goes among its siblings, from 0
 *
 * Moves @part and renumbers its siblings, in one transaction.
 */
gboolean
cv_guides_move (CvStore     *store,
                CvRecord    *part,
                guint        position,
                GError     **error)
{
  CvDatabase *db = cv_store_get_database (store);
  const CvRecordKind *kind = cv_record_get_kind (part);
  const char *parent_field = g_str_equal (kind->table, "prompt") ? "section_id" : "guide_id";
  g_autoptr(GPtrArray) siblings = NULL;
  guint from = G_MAXUINT;

  if (!cv_database_begin (db, error))
    return FALSE;
  siblings = cv_store_list (store, G_OBJECT_TYPE (part), parent_field,
                            cv_record_get_string (part, parent_field), error);
  if (siblings == NULL)
    goto failed;
  for (guint i = 0; i < siblings->len; i++)
    if (g_str_equal (cv_record_get_id (g_ptr_array_index (siblings, i)), cv_record_get_id (part)))
      from = i;
  if (from == G_MAXUINT)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_NOT_FOUND, _("This part of the guide no longer exists."));
      goto failed;
    }

  position = MIN (position, siblings->len - 1);
  if (position != from)
    {
      CvRecord *moving = g_ptr_array_steal_index (siblings, from);

      g_ptr_array_insert (siblings, position, moving);
      g_ptr_array_set_free_func (siblings, g_object_unref);
      for (guint i = 0; i < siblings->len; i++)
        {
          CvRecord *sibling = g_ptr_array_index (siblings, i);

          if (cv_record_get_integer (sibling, "position") == (gint64) i && sibling != moving)
            continue;
          cv_record_set_integer (sibling, "position", i);
          if (!cv_store_update (store, sibling, error))
            goto failed;
        }
      cv_record_set_integer (part, "position", position);
    }

  return cv_database_commit (db, error);

failed:
  cv_database_rollback (db);
  return FALSE;
}

guint
cv_guides_count_prompts (CvStore    *store,
                         const char *guide_id)
{
  gint64 n = cv_store_count_where (store, CV_TYPE_PROMPT,
                                   "section_id IN (SELECT id FROM guide_section WHERE guide_id = ?1)",
                                   guide_id, NULL);
  return n < 0 ? 0 : (guint) n;
}

/* Conversations */

/**
 * cv_conversation_start:
 * @person_ref: a case number or initials: nothing more about the person
 *
 * Starts a draft conversation dated today with one unanswered answer for
 * each of @guide's prompts, each a copy of its question as asked now (in
 * the reader's language for a built-in guide).
 *
 * Returns: (transfer full): the conversation, or %NULL with @error set and
 *   nothing written
 */
CvRecord *
cv_conversation_start (CvStore     *store,
                       const char  *programme_id,
                       CvRecord    *guide,
                       const char  *person_ref,
                       const char  *staff,
                       const char  *place,
                       GError     **error)
{
  CvDatabase *db = cv_store_get_database (store);
  g_autoptr(CvRecord) conversation = cv_record_new (CV_TYPE_CONVERSATION);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = cv_local_date (now, NULL);
  g_autoptr(CvRecord) stored = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  gint64 position = 0;

  g_return_val_if_fail (CV_IS_GUIDE (guide), NULL);

  if (!cv_database_begin (db, error))
    return NULL;
  /* The version as stored now, not as the caller last read it. */
  stored = cv_store_load (store, CV_TYPE_GUIDE, cv_record_get_id (guide), error);
  if (stored == NULL)
    goto failed;
  g_object_set (conversation,
                "programme-id", programme_id,
                "guide-id", cv_record_get_id (stored),
                "guide-version", cv_record_get_integer (stored, "version"),
                "person-ref", person_ref,
                "staff", staff,
                "place", place,
                "held-on", today,
                "status", "draft",
                NULL);
  sections = cv_store_list (store, CV_TYPE_GUIDE_SECTION, "guide_id", cv_record_get_id (stored), error);
  if (sections == NULL || !cv_store_insert (store, conversation, error))
    goto failed;

  for (guint s = 0; s < sections->len; s++)
    {
      CvRecord *section = g_ptr_array_index (sections, s);
      g_autoptr(GPtrArray) prompts = cv_store_list (store, CV_TYPE_PROMPT, "section_id",
                                                    cv_record_get_id (section), error);

      if (prompts == NULL)
        goto failed;
      for (guint p = 0; p < prompts->len; p++)
        {
          CvRecord *prompt = g_ptr_array_index (prompts, p);
          g_autoptr(CvRecord) answer = cv_record_new (CV_TYPE_ANSWER);
          g_autoptr(GPtrArray) asked = cv_guides_texts (stored, cv_record_get_list (prompt, "options"));

          g_object_set (answer,
                        "conversation-id", cv_record_get_id (conversation),
                        "prompt-id", cv_record_get_id (prompt),
                        "position", position++,
                        "section", cv_guides_text (stored, cv_record_get_string (section, "title")),
                        "question", cv_guides_text (stored, cv_record_get_string (prompt, "question")),
                        "guidance", cv_guides_text (stored, cv_record_get_string (prompt, "guidance")),
                        "response-kind", cv_record_get_string (prompt, "response_kind"),
                        NULL);
          cv_record_set_list (answer, "options", (const char * const *) asked->pdata);
          if (!cv_store_insert (store, answer, error))
            goto failed;
        }
    }

  if (position == 0)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("This guide has no questions yet. Add at least one before starting a conversation."));
      goto failed;
    }
  if (!cv_database_commit (db, error))
    return NULL;
  return g_steal_pointer (&conversation);

failed:
  cv_database_rollback (db);
  return NULL;
}

/**
 * cv_conversation_answers:
 *
 * Returns: (transfer full) (element-type CvRecord): the conversation's
 *   answers in the order they are asked, or %NULL with @error set
 */
GPtrArray *
cv_conversation_answers (CvStore     *store,
                         const char  *conversation_id,
                         GError     **error)
{
  return cv_store_list (store, CV_TYPE_ANSWER, "conversation_id", conversation_id, error);
}

/**
 * cv_conversation_resume_at:
 *
 * Returns: the index of the first question neither answered nor skipped,
 *   or the number of answers when every one is
 */
guint
cv_conversation_resume_at (GPtrArray *answers)
{
  for (guint i = 0; i < answers->len; i++)
    {
      CvRecord *answer = g_ptr_array_index (answers, i);

      if (cv_record_get_string (answer, "value") == NULL && !cv_record_get_boolean (answer, "skipped"))
        return i;
    }
  return answers->len;
}

static gboolean
check_draft (CvStore     *store,
             const char  *conversation_id,
             GError     **error)
{
  g_autoptr(CvRecord) conversation = cv_store_load (store, CV_TYPE_CONVERSATION, conversation_id, error);

  if (conversation == NULL)
    return FALSE;
  if (g_str_equal (cv_record_get_string (conversation, "status"), "complete"))
    {
      g_set_error (error, CV_ERROR, CV_ERROR_READ_ONLY,
                   _("This conversation is complete: its answers stay as they were. Add a note to amend it."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_answer (CvStore     *store,
              CvRecord    *answer,
              const char  *value,
              gboolean     skipped,
              GError     **error)
{
  g_autoptr(CvRecord) changed = NULL;

  if (!check_draft (store, cv_record_get_string (answer, "conversation_id"), error))
    return FALSE;

  /* The caller's answer is changed only once the new one is stored. */
  changed = cv_record_copy (answer);
  cv_record_set_string (changed, "value", value);
  cv_record_set_boolean (changed, "skipped", skipped);
  if (!cv_store_update (store, changed, error))
    return FALSE;
  cv_record_set_string (answer, "value", value);
  cv_record_set_boolean (answer, "skipped", skipped);
  cv_record_set_timestamps (answer, cv_record_get_created_at (changed), cv_record_get_updated_at (changed));
  return TRUE;
}

/**
 * cv_conversation_answer:
 * @value: (nullable): the answer, of the question's kind ("yes"/"no", a
 *   whole number 0–10, a YYYY-MM-DD date, one of the options, or text);
 *   %NULL or empty clears it
 *
 * Stores the answer at once. Refused with a #GError when the value is not
 * of the question's kind or the conversation is complete.
 */
gboolean
cv_conversation_answer (CvStore     *store,
                        CvRecord    *answer,
                        const char  *value,
                        GError     **error)
{
  g_autofree char *stripped = value != NULL ? g_strstrip (g_strdup (value)) : NULL;

  g_return_val_if_fail (CV_IS_ANSWER (answer), FALSE);
  return store_answer (store, answer, stripped != NULL && *stripped != '\0' ? stripped : NULL,
                       FALSE, error);
}

gboolean
cv_conversation_skip (CvStore   *store,
                      CvRecord  *answer,
                      GError   **error)
{
  g_return_val_if_fail (CV_IS_ANSWER (answer), FALSE);
  return store_answer (store, answer, NULL, TRUE, error);
}

/**
 * cv_conversation_complete:
 *
 * Records the end page and marks the conversation complete; from then on
 * it is read-only and amended with notes.
 */
gboolean
cv_conversation_complete (CvStore     *store,
                          CvRecord    *conversation,
                          const char  *what_matters,
                          const char  *next_steps,
                          const char  *follow_up_on,
                          GError     **error)
{
  g_autoptr(CvRecord) changed = NULL;

  g_return_val_if_fail (CV_IS_CONVERSATION (conversation), FALSE);
  if (!check_draft (store, cv_record_get_id (conversation), error))
    return FALSE;

  changed = cv_record_copy (conversation);
  g_object_set (changed,
                "what-matters", what_matters,
                "next-steps", next_steps,
                "follow-up-on", follow_up_on,
                "status", "complete",
                NULL);
  if (!cv_store_update (store, changed, error))
    return FALSE;
  g_object_set (conversation,
                "what-matters", what_matters,
                "next-steps", next_steps,
                "follow-up-on", follow_up_on,
                "status", "complete",
                NULL);
  cv_record_set_timestamps (conversation, cv_record_get_created_at (changed), cv_record_get_updated_at (changed));
  return TRUE;
}

/**
 * cv_conversation_add_note:
 *
 * Amends a conversation with a note dated today.
 *
 * Returns: (transfer full): the note, or %NULL with @error set
 */
CvRecord *
cv_conversation_add_note (CvStore     *store,
                          CvRecord    *conversation,
                          const char  *text,
                          GError     **error)
{
  g_autoptr(CvRecord) note = cv_record_new (CV_TYPE_CONVERSATION_NOTE);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = cv_local_date (now, NULL);

  g_object_set (note, "conversation-id", cv_record_get_id (conversation),
                "noted-on", today, "text", text, NULL);
  if (!cv_store_insert (store, note, error))
    return NULL;
  return g_steal_pointer (&note);
}
