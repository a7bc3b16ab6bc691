/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Fills a database with plausible, seeded-random data of every kind, for
 * scale work and benchmarks:
 *
 *   convene-generate --stakeholders 100000 --sessions 20000 --actions 200000 \
 *                    --conversations 50000 [--seed N] DB
 *
 * The same seed and counts always give the same records (ids included).
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "cv-action.h"
#include "cv-action-update.h"
#include "cv-answer.h"
#include "cv-attendance.h"
#include "cv-contribution.h"
#include "cv-conversation.h"
#include "cv-conversation-note.h"
#include "cv-guide.h"
#include "cv-guide-section.h"
#include "cv-measure.h"
#include "cv-measure-value.h"
#include "cv-programme.h"
#include "cv-prompt.h"
#include "cv-session.h"
#include "cv-stakeholder.h"
#include "cv-schema.h"
#include "cv-store.h"
#include "cv-theme.h"

static const char *first_names[] = {
  "Amira", "Bethan", "Carys", "Dafydd", "Ebony", "Femi", "Gareth", "Hannah", "Imran", "Jasmine",
  "Kieran", "Lowri", "Mohammed", "Niamh", "Olu", "Priya", "Rhys", "Sian", "Tomasz", "Ursula",
  "Vikram", "Wen", "Yusuf", "Zainab", "Aled", "Bronwen", "Chidi", "Delyth", "Euan", "Grace",
};
static const char *last_names[] = {
  "Patel", "Jones", "Williams", "Okafor", "Evans", "Khan", "Murphy", "Davies", "Nowak", "Hughes",
  "Ahmed", "Roberts", "Thomas", "Lewis", "Singh", "Morgan", "Price", "Begum", "Walsh", "Owen",
};
static const char *org_words[] = {
  "Riverside", "Valley", "Northgate", "Hillside", "Meadow", "Castle", "Harbour", "Oakfield",
};
static const char *org_kinds[] = {
  "Care Agency", "Primary Care Network", "Carers Centre", "Housing Association",
  "Community Trust", "Homecare Ltd", "Council", "Hospital Trust",
};
static const char *roles[] = {
  "Care coordinator", "Carer", "Commissioner", "District nurse", "GP", "Social worker",
  "Patient representative", "Volunteer", "Service manager", "Care worker",
};
static const char *tags[] = {
  "Citizens Board", "seldom heard", "carer", "provider", "commissioner", "young people",
  "Welsh speaker", "paid expert by experience",
};
static const char *theme_names[] = {
  "Streamlining the allocation of care packages", "Managing expectations",
  "Matching capacity with demand", "Better care of staff", "Financing",
  "Working better together as a team", "Meeting specialist needs", "Hospital discharge",
  "End of life care", "Mental health pathways",
};
static const char *said[] = {
  "Visits are too short to do more than the basics.",
  "Nobody told us who to call when the carer did not come.",
  "Care workers cannot afford to park near the people they visit.",
  "Discharge happened on a Friday evening with nothing in place.",
  "We want to be asked before the plan is changed.",
};

typedef struct
{
  CvStore *store;
  GRand   *rand;
  guint64  next_id;
} Generator;

/* Seeded ids keep generated databases identical from run to run. */
static void
give_id (Generator *gen,
         CvRecord  *record)
{
  guint64 n = ++gen->next_id;
  g_autofree char *id = g_strdup_printf ("%08x-%04x-4%03x-8%03x-%012" G_GINT64_MODIFIER "x",
                                         (guint)(n >> 32) ^ 0x5eed0000, (guint)(n >> 16) & 0xffff,
                                         (guint)(n >> 4) & 0xfff, (guint)n & 0xfff, (gint64)n);
  cv_record_set_id (record, id);
}

static const char *
pick (Generator   *gen,
      const char **items,
      guint        n)
{
  return items[g_rand_int_range (gen->rand, 0, n)];
}

#define PICK(gen, array) pick ((gen), (array), G_N_ELEMENTS (array))

static const char *
pick_choice (Generator  *gen,
             CvRecord   *record,
             const char *field_name)
{
  const CvField *field = cv_record_kind_find_field (cv_record_get_kind (record), field_name);
  guint n = 0;

  while (field->choices[n].nick != NULL)
    n++;
  return field->choices[g_rand_int_range (gen->rand, 0, n)].nick;
}

static CvRecord *
insert (Generator *gen,
        CvRecord  *record)
{
  g_autoptr(GError) error = NULL;

  give_id (gen, record);
  if (!cv_store_insert (gen->store, record, &error))
    {
      g_printerr ("convene-generate: %s: %s\n", cv_record_get_kind (record)->table, error->message);
      exit (1);
    }
  return record;
}

static char *
random_date (Generator *gen,
             int        first_year)
{
  return g_strdup_printf ("%04d-%02d-%02d", first_year + g_rand_int_range (gen->rand, 0, 8),
                          g_rand_int_range (gen->rand, 1, 13), g_rand_int_range (gen->rand, 1, 29));
}

int
main (int   argc,
      char *argv[])
{
  int n_stakeholders = 1000, n_sessions = 200, n_actions = 2000, n_conversations = 500, seed = 1;
  GOptionEntry entries[] = {
    { "stakeholders", 0, 0, G_OPTION_ARG_INT, &n_stakeholders, "How many stakeholders", "N" },
    { "sessions", 0, 0, G_OPTION_ARG_INT, &n_sessions, "How many sessions", "N" },
    { "actions", 0, 0, G_OPTION_ARG_INT, &n_actions, "How many actions", "N" },
    { "conversations", 0, 0, G_OPTION_ARG_INT, &n_conversations, "How many conversations", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DB");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) organisations = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) themes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) prompts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CvRecord) programme = NULL;
  g_autoptr(CvRecord) guide = NULL;
  Generator gen = { 0 };
  gint64 started = g_get_monotonic_time ();

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context, "Fill a Convene database with generated records.");
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 ||
      n_stakeholders < 2 || n_sessions < 1 || n_actions < 0 || n_conversations < 0)
    {
      g_printerr ("%s\n", error != NULL ? error->message : g_option_context_get_help (context, TRUE, NULL));
      return 2;
    }

  gen.store = cv_store_open (argv[1], &error);
  if (gen.store == NULL)
    {
      g_printerr ("convene-generate: %s\n", error->message);
      return 1;
    }
  gen.rand = g_rand_new_with_seed (seed);
  gen.next_id = (guint64)seed << 40;

  /* One transaction: all of it or none of it, and much faster. */
  if (!cv_database_begin (cv_store_get_database (gen.store), &error))
    {
      g_printerr ("convene-generate: %s\n", error->message);
      return 1;
    }

  programme = cv_record_new (CV_TYPE_PROGRAMME);
  {
    g_autofree char *name = g_strdup_printf ("County-wide engagement (generated, seed %d)", seed);
    g_object_set (programme, "name", name, "locality", "Generated county", "aim",
                  "Joining up health and care around what people say matters", "start_on", "2018-01-01", NULL);
  }
  insert (&gen, programme);
  const char *pid = cv_record_get_id (programme);

  for (guint i = 0; i < G_N_ELEMENTS (theme_names); i++)
    {
      g_autoptr(CvRecord) theme = cv_record_new (CV_TYPE_THEME);
      g_object_set (theme, "programme-id", pid, "name", theme_names[i], NULL);
      cv_record_set_string (theme, "kind", pick_choice (&gen, theme, "kind"));
      insert (&gen, theme);
      g_ptr_array_add (themes, g_strdup (cv_record_get_id (theme)));
    }

  for (int i = 0; i < n_stakeholders; i++)
    {
      g_autoptr(CvRecord) s = cv_record_new (CV_TYPE_STAKEHOLDER);
      gboolean organisation = i % 10 == 0;
      const char *t[3] = { PICK (&gen, tags), NULL, NULL };
      g_autofree char *name = NULL;

      if (organisation)
        name = g_strdup_printf ("%s %s %d", PICK (&gen, org_words), PICK (&gen, org_kinds), i / 10 + 1);
      else
        name = g_strdup_printf ("%s %s", PICK (&gen, first_names), PICK (&gen, last_names));
      g_object_set (s, "programme-id", pid, "name", name,
                    "kind", organisation ? "organisation" : "person", NULL);
      if (!organisation && organisations->len > 0)
        {
          g_autofree char *email = g_strdup_printf ("person%d@example.org", i);
          g_object_set (s, "organisation-id",
                        g_ptr_array_index (organisations, g_rand_int_range (gen.rand, 0, organisations->len)),
                        "role", PICK (&gen, roles), "email", email, "phone", "01632 960000", NULL);
        }
      if (g_rand_boolean (gen.rand))
        t[1] = PICK (&gen, tags);
      if (t[1] != NULL && g_str_equal (t[0], t[1]))
        t[1] = NULL;
      cv_record_set_list (s, "tags", t);
      cv_record_set_string (s, "sector", pick_choice (&gen, s, "sector"));
      cv_record_set_string (s, "influence", pick_choice (&gen, s, "influence"));
      cv_record_set_string (s, "interest", pick_choice (&gen, s, "interest"));
      cv_record_set_string (s, "engagement", pick_choice (&gen, s, "engagement"));
      insert (&gen, s);
      g_ptr_array_add (organisation ? organisations : people, g_strdup (cv_record_get_id (s)));
    }

  for (int i = 0; i < n_sessions; i++)
    {
      g_autoptr(CvRecord) s = cv_record_new (CV_TYPE_SESSION);
      g_autofree char *day = random_date (&gen, 2018);
      g_autofree char *starts = g_strdup_printf ("%sT10:00:00Z", day);
      g_autofree char *ends = g_strdup_printf ("%sT12:00:00Z", day);
      g_autofree char *title = g_strdup_printf ("Engagement session %d", i + 1);

      g_object_set (s, "programme-id", pid, "title", title, "starts-at", starts, "ends-at", ends,
                    "location", "Community centre", NULL);
      cv_record_set_string (s, "kind", pick_choice (&gen, s, "kind"));
      cv_record_set_string (s, "status", pick_choice (&gen, s, "status"));
      insert (&gen, s);
      g_ptr_array_add (sessions, g_strdup (cv_record_get_id (s)));

      /* A few attendances and contributions per session. */
      for (int a = 0; a < 4 && people->len > 0; a++)
        {
          g_autoptr(CvRecord) at = cv_record_new (CV_TYPE_ATTENDANCE);
          g_object_set (at, "session-id", cv_record_get_id (s), "stakeholder-id",
                        g_ptr_array_index (people, (i * 4 + a) % people->len), NULL);
          cv_record_set_string (at, "status", pick_choice (&gen, at, "status"));
          insert (&gen, at);
        }
      for (int c = 0; c < 2; c++)
        {
          g_autoptr(CvRecord) co = cv_record_new (CV_TYPE_CONTRIBUTION);
          const char *th[2] = { g_ptr_array_index (themes, g_rand_int_range (gen.rand, 0, themes->len)), NULL };
          g_object_set (co, "programme-id", pid, "session-id", cv_record_get_id (s),
                        "text", PICK (&gen, said), "themes", th, NULL);
          insert (&gen, co);
        }
    }

  for (int i = 0; i < n_actions; i++)
    {
      g_autoptr(CvRecord) a = cv_record_new (CV_TYPE_ACTION);
      g_autofree char *due = random_date (&gen, 2018);
      g_autofree char *title = g_strdup_printf ("Action %d: follow up what was said", i + 1);
      const char *th[2] = { g_ptr_array_index (themes, g_rand_int_range (gen.rand, 0, themes->len)), NULL };
      const char *status;

      g_object_set (a, "programme-id", pid, "title", title, "due-on", due, "themes", th,
                    "session-id", g_ptr_array_index (sessions, g_rand_int_range (gen.rand, 0, sessions->len)),
                    "owner-id", g_ptr_array_index (people, g_rand_int_range (gen.rand, 0, people->len)),
                    NULL);
      status = pick_choice (&gen, a, "status");
      cv_record_set_string (a, "status", status);
      if (g_str_equal (status, "done"))
        cv_record_set_string (a, "outcome", "Done and reported back at the next meeting.");
      insert (&gen, a);
      if (i % 10 == 0)
        {
          g_autoptr(CvRecord) u = cv_record_new (CV_TYPE_ACTION_UPDATE);
          g_object_set (u, "action-id", cv_record_get_id (a), "noted-on", due,
                        "text", "Discussed with the provider forum.", NULL);
          insert (&gen, u);
        }
    }

  guide = cv_record_new (CV_TYPE_GUIDE);
  g_object_set (guide, "title", "Generated guide", "topic", "Getting home safely", NULL);
  insert (&gen, guide);
  for (int s = 0; s < 2; s++)
    {
      g_autoptr(CvRecord) section = cv_record_new (CV_TYPE_GUIDE_SECTION);
      g_object_set (section, "guide-id", cv_record_get_id (guide), "position", (gint64)s,
                    "title", s == 0 ? "Going home" : "Support", NULL);
      insert (&gen, section);
      for (int p = 0; p < 3; p++)
        {
          CvRecord *prompt = cv_record_new (CV_TYPE_PROMPT);
          g_object_set (prompt, "section-id", cv_record_get_id (section), "position", (gint64)p,
                        "question", "What matters most to you about going home?",
                        "guidance", "Listen; let the person lead.",
                        "response-kind", p == 2 ? "scale" : "free_text", NULL);
          insert (&gen, prompt);
          g_ptr_array_add (prompts, prompt);
        }
    }

  for (int i = 0; i < n_conversations; i++)
    {
      g_autoptr(CvRecord) c = cv_record_new (CV_TYPE_CONVERSATION);
      g_autofree char *ref = g_strdup_printf ("CASE-%06d", i + 1);
      g_autofree char *held = random_date (&gen, 2019);

      g_object_set (c, "programme-id", pid, "guide-id", cv_record_get_id (guide), "person-ref", ref,
                    "held-on", held, "staff", PICK (&gen, first_names), "status", "complete", NULL);
      insert (&gen, c);
      for (guint p = 0; p < 2; p++)
        {
          g_autoptr(CvRecord) an = cv_record_new (CV_TYPE_ANSWER);
          CvRecord *prompt = g_ptr_array_index (prompts, p * 3 + 2);
          /* As a conversation copies its questions when it starts. */
          g_object_set (an, "conversation-id", cv_record_get_id (c), "prompt-id", cv_record_get_id (prompt),
                        "position", (gint64) p, "section", p == 0 ? "Going home" : "Support",
                        "question", cv_record_get_string (prompt, "question"),
                        "guidance", cv_record_get_string (prompt, "guidance"),
                        "response-kind", cv_record_get_string (prompt, "response_kind"), "value", "7", NULL);
          insert (&gen, an);
        }
      if (i % 10 == 0)
        {
          g_autoptr(CvRecord) note = cv_record_new (CV_TYPE_CONVERSATION_NOTE);

          g_object_set (note, "conversation-id", cv_record_get_id (c), "noted-on", held,
                        "text", "Family asked for a copy of the plan.", NULL);
          insert (&gen, note);
        }
    }

  {
    const char *names[] = { "Clients", "Visits", "Outstanding packages of care (hours)" };
    const double from[] = { 626, 6362, 287 };
    const double to[] = { 776, 9817, 0 };

    for (guint m = 0; m < G_N_ELEMENTS (names); m++)
      {
        g_autoptr(CvRecord) measure = cv_record_new (CV_TYPE_MEASURE);
        g_object_set (measure, "programme-id", pid, "name", names[m],
                      "better", m == 2 ? "lower" : "higher", NULL);
        insert (&gen, measure);
        for (int y = 0; y <= 3; y++)
          {
            g_autoptr(CvRecord) v = cv_record_new (CV_TYPE_MEASURE_VALUE);
            g_autofree char *on = g_strdup_printf ("%d-01-01", 2018 + y);
            g_object_set (v, "measure-id", cv_record_get_id (measure), "measured-on", on,
                          "value", from[m] + (to[m] - from[m]) * y / 3.0, NULL);
            insert (&gen, v);
          }
      }
  }

  /* As an import leaves it: the search index in one segment. */
  if (!cv_database_commit (cv_store_get_database (gen.store), &error) ||
      !cv_schema_merge_search_index (cv_store_get_database (gen.store), &error))
    {
      g_printerr ("convene-generate: %s\n", error->message);
      return 1;
    }

  g_print ("programme %s: %d stakeholders, %d sessions, %d actions, %d conversations in %.1f s\n",
           pid, n_stakeholders, n_sessions, n_actions, n_conversations,
           (g_get_monotonic_time () - started) / 1e6);
  g_rand_free (gen.rand);
  g_object_unref (gen.store);
  return 0;
}
