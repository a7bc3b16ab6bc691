/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The guide library and conversations: the built-in guides, read-only rules,
 * duplicating, versions, answer kinds, drafts that survive a killed process,
 * completion and notes.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cv-answer.h"
#include "cv-conversation.h"
#include "cv-conversation-note.h"
#include "cv-error.h"
#include "cv-exchange.h"
#include "cv-guide.h"
#include "cv-guide-section.h"
#include "cv-guides.h"
#include "cv-programme.h"
#include "cv-prompt.h"
#include "cv-store.h"

typedef struct
{
  char     *dir;
  char     *path;
  CvStore  *store;
  CvRecord *programme;
} Fixture;

static gint64
count_rows (CvStore    *store,
            const char *sql)
{
  g_autoptr(CvStatement) st = cv_database_prepare (cv_store_get_database (store), sql, NULL);

  g_assert_nonnull (st);
  g_assert_cmpint (cv_statement_step (st, NULL), ==, CV_STEP_ROW);
  return cv_statement_column_int64 (st, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("convene-guides-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "guides.db", NULL);
  f->store = cv_store_open (f->path, &error);
  g_assert_no_error (error);
  cv_guides_install_builtin (f->store, &error);
  g_assert_no_error (error);
  f->programme = cv_record_new (CV_TYPE_PROGRAMME);
  cv_record_set_string (f->programme, "name", "Home care collaborative");
  cv_store_insert (f->store, f->programme, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->programme);
  g_clear_object (&f->store);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static CvRecord *
builtin (Fixture *f,
         guint    index)
{
  g_autoptr(GError) error = NULL;
  CvRecord *guide = cv_store_load (f->store, CV_TYPE_GUIDE, cv_guides_builtin_id (index), &error);

  g_assert_no_error (error);
  return guide;
}

/* A custom guide with one section: a scale question and a free-text one. */
static CvRecord *
custom_guide (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) section = NULL;
  g_autoptr(CvRecord) scale = NULL;
  g_autoptr(CvRecord) text = NULL;
  CvRecord *guide = cv_record_new (CV_TYPE_GUIDE);

  cv_record_set_string (guide, "title", "Carers’ check-in");
  cv_store_insert (f->store, guide, &error);
  g_assert_no_error (error);
  section = cv_guides_add_section (f->store, cv_record_get_id (guide), "How things are", &error);
  g_assert_no_error (error);
  scale = cv_guides_add_prompt (f->store, cv_record_get_id (section), "How well are you sleeping?", &error);
  g_assert_no_error (error);
  cv_record_set_string (scale, "response_kind", "scale");
  cv_store_update (f->store, scale, &error);
  g_assert_no_error (error);
  text = cv_guides_add_prompt (f->store, cv_record_get_id (section), "What would help?", &error);
  g_assert_no_error (error);
  return guide;
}

static CvRecord *
start (Fixture  *f,
       CvRecord *guide)
{
  g_autoptr(GError) error = NULL;
  CvRecord *conversation = cv_conversation_start (f->store, cv_record_get_id (f->programme), guide,
                                                  "AB-1234", "Nurse Jones", "Ward 7", &error);

  g_assert_no_error (error);
  return conversation;
}

/* Every built-in guide is there, of substance, and complete. */
static void
test_builtin_complete (Fixture       *f,
                       gconstpointer  data)
{
  g_assert_cmpuint (cv_guides_n_builtin (), >=, 3);
  for (guint i = 0; i < cv_guides_n_builtin (); i++)
    {
      g_autoptr(CvRecord) guide = builtin (f, i);
      g_autoptr(GPtrArray) sections = NULL;
      g_autoptr(GError) error = NULL;
      guint n_prompts = 0;

      g_assert_true (cv_record_get_boolean (guide, "builtin"));
      g_assert_nonnull (cv_record_get_string (guide, "topic"));
      g_assert_nonnull (cv_record_get_string (guide, "audience"));
      g_assert_cmpuint (strlen (cv_record_get_string (guide, "introduction")), >, 80);
      sections = cv_store_list (f->store, CV_TYPE_GUIDE_SECTION, "guide_id", cv_record_get_id (guide), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (sections->len, >=, 3);

      for (guint s = 0; s < sections->len; s++)
        {
          CvRecord *section = g_ptr_array_index (sections, s);
          g_autoptr(GPtrArray) prompts = cv_store_list (f->store, CV_TYPE_PROMPT, "section_id",
                                                        cv_record_get_id (section), &error);

          g_assert_no_error (error);
          g_assert_cmpint (cv_record_get_integer (section, "position"), ==, s);
          g_assert_cmpuint (prompts->len, >, 0);
          for (guint p = 0; p < prompts->len; p++)
            {
              CvRecord *prompt = g_ptr_array_index (prompts, p);
              const char *kind = cv_record_get_string (prompt, "response_kind");
              const CvField *field = cv_record_kind_find_field (cv_record_get_kind (prompt), "response_kind");

              g_assert_true (cv_field_has_choice (field, kind));
              g_assert_cmpuint (strlen (cv_record_get_string (prompt, "guidance")), >, 40);
              g_assert_true (g_str_has_suffix (cv_record_get_string (prompt, "question"), "?"));
              if (g_str_equal (kind, "single_choice"))
                g_assert_cmpuint (g_strv_length ((char **) cv_record_get_list (prompt, "options")), >=, 2);
              else
                g_assert_null (cv_record_get_list (prompt, "options"));
              /* Valid by the store's own rules, as a copy would have to be. */
              cv_record_set_string (prompt, "section_id", NULL);
              n_prompts++;
            }
        }
      g_assert_cmpuint (n_prompts, >=, 10);
      g_assert_cmpuint (n_prompts, <=, 25);
      g_assert_cmpuint (cv_guides_count_prompts (f->store, cv_record_get_id (guide)), ==, n_prompts);
    }
}

/* Installing again when the guides are current writes nothing, and a
 * conversation's questions are its own copies, whatever the prompts become. */
static void
test_builtin_install_again (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) guide = builtin (f, 0);
  g_autoptr(CvRecord) conversation = start (f, guide);
  g_autoptr(CvRecord) again = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  gint64 prompts = count_rows (f->store, "SELECT count(*) FROM prompt");
  gint64 guides = count_rows (f->store, "SELECT count(*) FROM guide");

  cv_guides_install_builtin (f->store, &error);
  g_assert_no_error (error);
  again = builtin (f, 0);
  g_assert_cmpstr (cv_record_get_updated_at (again), ==, cv_record_get_updated_at (guide));
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM prompt"), ==, prompts);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM guide"), ==, guides);

  /* As a newer Convene replacing the text would: the prompts go. */
  cv_database_exec (cv_store_get_database (f->store), "DELETE FROM guide_section", &error);
  g_assert_no_error (error);
  answers = cv_conversation_answers (f->store, cv_record_get_id (conversation), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 14);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (answers, 0), "question"), ==,
                   "What matters most to you at the moment?");
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (answers, 0), "section"), ==, "What matters to you");
  g_assert_null (cv_record_get_string (g_ptr_array_index (answers, 0), "prompt_id"));
  g_assert_nonnull (cv_record_get_string (g_ptr_array_index (answers, 0), "guidance"));
  g_assert_true (cv_conversation_answer (f->store, g_ptr_array_index (answers, 0), "Seeing my grandson", &error));
  g_assert_no_error (error);
}

/* A built-in guide cannot be changed in any way; a duplicate can. */
static void
test_builtin_read_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) guide = builtin (f, 1);
  g_autoptr(GPtrArray) sections = cv_store_list (f->store, CV_TYPE_GUIDE_SECTION, "guide_id",
                                                 cv_record_get_id (guide), NULL);
  CvRecord *section = g_ptr_array_index (sections, 0);
  g_autoptr(GPtrArray) prompts = cv_store_list (f->store, CV_TYPE_PROMPT, "section_id",
                                                cv_record_get_id (section), NULL);
  CvRecord *prompt = g_ptr_array_index (prompts, 0);
  g_autoptr(CvRecord) added = NULL;
  g_autoptr(CvRecord) copy = NULL;
  g_autoptr(CvDeletion) deletion = NULL;
  g_autoptr(CvRecord) fake = cv_record_new (CV_TYPE_GUIDE);
  gint64 before = count_rows (f->store, "SELECT count(*) FROM prompt");

  cv_record_set_string (guide, "title", "My own title");
  g_assert_false (cv_store_update (f->store, guide, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "Duplicate"));
  g_clear_error (&error);

  cv_record_set_string (prompt, "question", "Changed?");
  g_assert_false (cv_store_update (f->store, prompt, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_READ_ONLY);
  g_clear_error (&error);

  added = cv_guides_add_prompt (f->store, cv_record_get_id (section), "Another?", &error);
  g_assert_null (added);
  g_assert_error (error, CV_ERROR, CV_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_null (cv_guides_add_section (f->store, cv_record_get_id (guide), "More", &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (cv_guides_move (f->store, prompt, 2, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_READ_ONLY);
  g_clear_error (&error);

  deletion = cv_store_delete (f->store, prompt, &error);
  g_assert_null (deletion);
  g_assert_error (error, CV_ERROR, CV_ERROR_READ_ONLY);
  g_clear_error (&error);
  deletion = cv_store_delete (f->store, guide, &error);
  g_assert_null (deletion);
  g_assert_error (error, CV_ERROR, CV_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Nor can a guide claim to be built in. */
  cv_record_set_string (fake, "title", "Looks official");
  cv_record_set_boolean (fake, "builtin", TRUE);
  g_assert_false (cv_store_insert (f->store, fake, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM prompt"), ==, before);
  g_clear_object (&guide);
  guide = builtin (f, 1);
  g_assert_cmpstr (cv_record_get_string (guide, "title"), ==, "Getting home safely after a hospital stay");

  /* Duplicate: an editable copy with every prompt, at version 1. */
  copy = cv_guides_duplicate (f->store, guide, &error);
  g_assert_no_error (error);
  g_assert_false (cv_record_get_boolean (copy, "builtin"));
  g_assert_cmpint (cv_record_get_integer (copy, "version"), ==, 1);
  g_assert_cmpstr (cv_record_get_string (copy, "title"), ==, "Getting home safely after a hospital stay (copy)");
  g_assert_cmpuint (cv_guides_count_prompts (f->store, cv_record_get_id (copy)), ==,
                    cv_guides_count_prompts (f->store, cv_record_get_id (guide)));
  cv_record_set_string (copy, "title", "Home from hospital, our way");
  cv_store_update (f->store, copy, &error);
  g_assert_no_error (error);
  g_clear_object (&added);
  {
    g_autoptr(GPtrArray) copied = cv_store_list (f->store, CV_TYPE_GUIDE_SECTION, "guide_id",
                                                 cv_record_get_id (copy), NULL);
    added = cv_guides_add_prompt (f->store, cv_record_get_id (g_ptr_array_index (copied, 0)),
                                  "Who feeds the cat?", &error);
    g_assert_no_error (error);
    g_assert_cmpint (cv_record_get_integer (added, "position"), ==, 2);
  }
}

/* Editing a guide after a conversation used it makes a new version; the
 * conversation keeps what it asked, and the kind of answer it asked for. */
static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) guide = custom_guide (f);
  g_autoptr(CvRecord) first = NULL;
  g_autoptr(CvRecord) second = NULL;
  g_autoptr(CvRecord) stored = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) sections = cv_store_list (f->store, CV_TYPE_GUIDE_SECTION, "guide_id",
                                                 cv_record_get_id (guide), NULL);
  g_autoptr(GPtrArray) prompts = cv_store_list (f->store, CV_TYPE_PROMPT, "section_id",
                                                cv_record_get_id (g_ptr_array_index (sections, 0)), NULL);
  CvRecord *sleep = g_ptr_array_index (prompts, 0);

  /* Edits before any conversation stay at version 1. */
  cv_record_set_string (guide, "topic", "Carers");
  cv_store_update (f->store, guide, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cv_record_get_integer (guide, "version"), ==, 1);

  first = start (f, guide);
  g_assert_cmpint (cv_record_get_integer (first, "guide_version"), ==, 1);

  cv_record_set_string (sleep, "question", "How many hours do you sleep?");
  cv_record_set_string (sleep, "response_kind", "free_text");
  cv_store_update (f->store, sleep, &error);
  g_assert_no_error (error);
  stored = cv_store_load (f->store, CV_TYPE_GUIDE, cv_record_get_id (guide), &error);
  g_assert_cmpint (cv_record_get_integer (stored, "version"), ==, 2);

  /* Further edits belong to the same new version; the caller's stale copy
   * of the guide does not take the version back. */
  cv_record_set_string (guide, "audience", "Carers’ workers");
  cv_store_update (f->store, guide, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cv_record_get_integer (guide, "version"), ==, 2);

  /* The first conversation asks what it asked, as it asked it. */
  answers = cv_conversation_answers (f->store, cv_record_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 2);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (answers, 0), "question"), ==, "How well are you sleeping?");
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (answers, 0), "response_kind"), ==, "scale");
  g_assert_false (cv_conversation_answer (f->store, g_ptr_array_index (answers, 0), "about six", &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cv_conversation_answer (f->store, g_ptr_array_index (answers, 0), "4", &error));
  g_assert_no_error (error);

  /* A new conversation uses the new version and its new question. */
  second = start (f, guide);
  g_assert_cmpint (cv_record_get_integer (second, "guide_version"), ==, 2);
  g_clear_pointer (&answers, g_ptr_array_unref);
  answers = cv_conversation_answers (f->store, cv_record_get_id (second), &error);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (answers, 0), "question"), ==, "How many hours do you sleep?");
  g_assert_true (cv_conversation_answer (f->store, g_ptr_array_index (answers, 0), "about six", &error));
  g_assert_no_error (error);

  /* Removing a prompt after that is version 3; the answers stay. */
  {
    g_autoptr(CvDeletion) deletion = cv_store_delete (f->store, sleep, &error);
    g_assert_no_error (error);
  }
  g_clear_object (&stored);
  stored = cv_store_load (f->store, CV_TYPE_GUIDE, cv_record_get_id (guide), &error);
  g_assert_cmpint (cv_record_get_integer (stored, "version"), ==, 3);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM answer WHERE value IN ('4', 'about six')"), ==, 2);

  /* A guide that conversations used cannot be deleted from under them. */
  g_assert_null (cv_store_delete (f->store, guide, &error));
  g_assert_nonnull (error);
}

/* Every kind of answer is checked by the core; a wrong one writes nothing. */
static void
test_answer_kinds (Fixture       *f,
                   gconstpointer  data)
{
  static const struct { const char *kind; const char *good; const char *bad; } cases[] = {
    { "scale", "0", "quite happy" },
    { "scale", "10", "11" },
    { "scale", "7", "-1" },
    { "yes_no", "yes", "maybe" },
    { "date", "2026-02-28", "2026-02-30" },
    { "single_choice", "Not sure", "On the moon" },
  };
  g_autoptr(CvRecord) guide = builtin (f, 1);
  g_autoptr(CvRecord) conversation = start (f, guide);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = cv_conversation_answers (f->store, cv_record_get_id (conversation), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, cv_guides_count_prompts (f->store, cv_record_get_id (guide)));
  g_assert_cmpuint (cv_conversation_resume_at (answers), ==, 0);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      CvRecord *answer = NULL;
      g_autoptr(CvRecord) stored = NULL;

      for (guint i = 0; i < answers->len && answer == NULL; i++)
        if (g_str_equal (cv_record_get_string (g_ptr_array_index (answers, i), "response_kind"), cases[c].kind))
          answer = g_ptr_array_index (answers, i);
      g_assert_nonnull (answer);
      cv_conversation_answer (f->store, answer, NULL, &error);
      g_assert_no_error (error);

      g_assert_false (cv_conversation_answer (f->store, answer, cases[c].bad, &error));
      g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Answer: "));
      g_clear_error (&error);
      g_assert_null (cv_record_get_string (answer, "value"));
      stored = cv_store_load (f->store, CV_TYPE_ANSWER, cv_record_get_id (answer), &error);
      g_assert_null (cv_record_get_string (stored, "value"));

      g_assert_true (cv_conversation_answer (f->store, answer, cases[c].good, &error));
      g_assert_no_error (error);
      g_clear_object (&stored);
      stored = cv_store_load (f->store, CV_TYPE_ANSWER, cv_record_get_id (answer), &error);
      g_assert_cmpstr (cv_record_get_string (stored, "value"), ==, cases[c].good);
    }
}

static const char *
test_db_path (void)
{
  return g_getenv ("CONVENE_TEST_DRAFT_DB");
}

/* Answers stored one by one survive a process killed half-way. */
static void
test_draft_survives_kill (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) guide = builtin (f, 2);
  g_autoptr(CvRecord) conversation = start (f, guide);
  g_autoptr(CvStore) reopened = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(CvRecord) stored = NULL;

  g_setenv ("CONVENE_TEST_DRAFT_DB", f->path, TRUE);
  g_test_trap_subprocess ("/guides/conversation/draft-survives-kill/child", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  /* Open the file as a new process would, beside the old connection. */
  reopened = cv_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (reopened, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), ==, 1);
  answers = cv_conversation_answers (reopened, cv_record_get_id (conversation), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (answers, 0), "value"), ==,
                   "My children and my allotment");
  g_assert_true (cv_record_get_boolean (g_ptr_array_index (answers, 1), "skipped"));
  g_assert_null (cv_record_get_string (g_ptr_array_index (answers, 1), "value"));
  g_assert_cmpuint (cv_conversation_resume_at (answers), ==, 2);
  stored = cv_store_load (reopened, CV_TYPE_CONVERSATION, cv_record_get_id (conversation), &error);
  g_assert_cmpstr (cv_record_get_string (stored, "status"), ==, "draft");
}

static void
test_draft_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvStore) store = NULL;
  g_autoptr(CvStatement) st = NULL;
  g_autoptr(CvRecord) conversation = NULL;
  g_autoptr(GPtrArray) answers = NULL;

  if (!g_test_subprocess ())
    return;
  store = cv_store_open (test_db_path (), &error);
  g_assert_no_error (error);
  st = cv_database_prepare (cv_store_get_database (store), "SELECT id FROM conversation", &error);
  g_assert_cmpint (cv_statement_step (st, &error), ==, CV_STEP_ROW);
  conversation = cv_store_load (store, CV_TYPE_CONVERSATION, cv_statement_column_text (st, 0), &error);
  g_assert_no_error (error);
  answers = cv_conversation_answers (store, cv_record_get_id (conversation), &error);
  g_assert_true (cv_conversation_answer (store, g_ptr_array_index (answers, 0), "My children and my allotment", &error));
  g_assert_true (cv_conversation_skip (store, g_ptr_array_index (answers, 1), &error));
  g_assert_no_error (error);
  /* No close, no clean-up: the process is gone at once. */
  raise (SIGKILL);
}

/* A complete conversation keeps its answers; it is amended by dated notes
 * and never travels in a partner file. */
static void
test_complete_and_notes (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) guide = builtin (f, 1);
  g_autoptr(CvRecord) conversation = start (f, guide);
  g_autoptr(GPtrArray) answers = cv_conversation_answers (f->store, cv_record_get_id (conversation), &error);
  g_autoptr(CvRecord) note = NULL;
  g_autoptr(CvRecord) stored = NULL;
  g_autofree char *partner = g_build_filename (f->dir, "partner.json", NULL);
  g_autofree char *full = g_build_filename (f->dir, "full.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) partner_file = NULL;
  g_autoptr(GFile) full_file = NULL;

  cv_conversation_answer (f->store, g_ptr_array_index (answers, 0), "My dog, Biscuit", &error);
  g_assert_no_error (error);
  g_assert_false (cv_conversation_complete (f->store, conversation, "Being home with Biscuit",
                                            "Ask the council about a key safe", "2026-02-30", &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (cv_record_get_string (conversation, "status"), ==, "draft");

  g_assert_true (cv_conversation_complete (f->store, conversation, "Being home with Biscuit",
                                           "Ask the council about a key safe", "2026-12-01", &error));
  g_assert_no_error (error);
  stored = cv_store_load (f->store, CV_TYPE_CONVERSATION, cv_record_get_id (conversation), &error);
  g_assert_cmpstr (cv_record_get_string (stored, "status"), ==, "complete");
  g_assert_cmpstr (cv_record_get_string (stored, "follow_up_on"), ==, "2026-12-01");

  g_assert_false (cv_conversation_answer (f->store, g_ptr_array_index (answers, 0), "My cat", &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cv_conversation_skip (f->store, g_ptr_array_index (answers, 1), &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cv_conversation_complete (f->store, conversation, "x", "y", NULL, &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM answer WHERE value = 'My dog, Biscuit'"), ==, 1);

  g_assert_null (cv_conversation_add_note (f->store, conversation, "   ", &error));
  g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
  g_clear_error (&error);
  note = cv_conversation_add_note (f->store, conversation, "Key safe fitted on Tuesday.", &error);
  g_assert_no_error (error);
  g_assert_true (cv_date_is_valid (cv_record_get_string (note, "noted_on")));

  partner_file = g_file_new_for_path (partner);
  full_file = g_file_new_for_path (full);
  cv_exchange_export_file (f->store, cv_record_get_id (f->programme), CV_EXPORT_PARTNER, partner_file,
                           NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (partner, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (contents, "AB-1234"));
  g_assert_null (strstr (contents, "Biscuit"));
  g_assert_null (strstr (contents, "Key safe"));
  g_clear_pointer (&contents, g_free);

  cv_exchange_export_file (f->store, cv_record_get_id (f->programme), CV_EXPORT_FULL, full_file,
                           NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (full, &contents, NULL, &error);
  g_assert_nonnull (strstr (contents, "Key safe fitted"));
  g_assert_nonnull (strstr (contents, "My dog, Biscuit"));
  g_unlink (partner);
  g_unlink (full);
}

/* Sections and prompts move among their siblings; the order is stored. */
static void
test_reorder (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) guide = custom_guide (f);
  g_autoptr(GPtrArray) sections = cv_store_list (f->store, CV_TYPE_GUIDE_SECTION, "guide_id",
                                                 cv_record_get_id (guide), NULL);
  CvRecord *section = g_ptr_array_index (sections, 0);
  g_autoptr(CvRecord) third = cv_guides_add_prompt (f->store, cv_record_get_id (section), "Anything else?", &error);
  g_autoptr(CvRecord) second_section = cv_guides_add_section (f->store, cv_record_get_id (guide), "Next steps", &error);
  g_autoptr(GPtrArray) prompts = NULL;

  g_assert_no_error (error);
  g_assert_true (cv_guides_move (f->store, third, 0, &error));
  g_assert_no_error (error);
  prompts = cv_store_list (f->store, CV_TYPE_PROMPT, "section_id", cv_record_get_id (section), NULL);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (prompts, 0), "question"), ==, "Anything else?");
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (prompts, 1), "question"), ==, "How well are you sleeping?");
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (prompts, 2), "question"), ==, "What would help?");
  for (guint i = 0; i < prompts->len; i++)
    g_assert_cmpint (cv_record_get_integer (g_ptr_array_index (prompts, i), "position"), ==, i);

  /* Past the end is the end. */
  g_assert_true (cv_guides_move (f->store, third, 99, &error));
  g_clear_pointer (&prompts, g_ptr_array_unref);
  prompts = cv_store_list (f->store, CV_TYPE_PROMPT, "section_id", cv_record_get_id (section), NULL);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (prompts, 2), "question"), ==, "Anything else?");

  g_assert_true (cv_guides_move (f->store, second_section, 0, &error));
  g_clear_pointer (&sections, g_ptr_array_unref);
  sections = cv_store_list (f->store, CV_TYPE_GUIDE_SECTION, "guide_id", cv_record_get_id (guide), NULL);
  g_assert_cmpstr (cv_record_get_string (g_ptr_array_index (sections, 0), "title"), ==, "Next steps");

  /* A guide without questions cannot start a conversation. */
  {
    g_autoptr(CvRecord) empty = cv_record_new (CV_TYPE_GUIDE);
    gint64 before = count_rows (f->store, "SELECT count(*) FROM conversation");

    cv_record_set_string (empty, "title", "Empty");
    cv_store_insert (f->store, empty, &error);
    g_assert_no_error (error);
    g_assert_null (cv_conversation_start (f->store, cv_record_get_id (f->programme), empty, "X", NULL, NULL, &error));
    g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (cv_conversation_start (f->store, cv_record_get_id (f->programme), guide, "  ", NULL, NULL, &error));
    g_assert_error (error, CV_ERROR, CV_ERROR_INVALID);
    g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM conversation"), ==, before);
    g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM answer"), ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/guides/builtin/complete", test_builtin_complete);
  ADD ("/guides/builtin/install-again", test_builtin_install_again);
  ADD ("/guides/builtin/read-only", test_builtin_read_only);
  ADD ("/guides/versions", test_versions);
  ADD ("/guides/conversation/answer-kinds", test_answer_kinds);
  ADD ("/guides/conversation/draft-survives-kill", test_draft_survives_kill);
  g_test_add_func ("/guides/conversation/draft-survives-kill/child", test_draft_child);
  ADD ("/guides/conversation/complete-and-notes", test_complete_and_notes);
  ADD ("/guides/reorder", test_reorder);
#undef ADD

  return g_test_run ();
}
