/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The database schema, as numbered migrations.
 *
 * Each migration runs in one transaction together with the PRAGMA user_version
 * that records it, so a crash leaves the file at the old version or the new one,
 * never in between. Never edit a migration that has shipped: add a new one.
 *
 * Every record table has id (a UUID, the identity used in exports), created_at and
 * updated_at (UTC, ISO 8601, fixed width so that text order is time order).
 * Enumerations are CHECK constraints that mirror the choices in the record kinds.
 * Every foreign key says why it has its ON DELETE rule.
 */
#include "cv-schema.h"

static const char migration_1[] =
  "CREATE TABLE programme ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  locality TEXT,"
  "  aim TEXT,"
  "  start_on TEXT,"
  "  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed'))"
  ");"
  "CREATE UNIQUE INDEX programme_name ON programme (name COLLATE NOCASE);"

  /* num is declared so that the rowid stays stable: the search index uses it. */
  "CREATE TABLE stakeholder ("
  "  num INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* A programme owns its records: deleting the programme deletes them. */
  "  programme_id TEXT NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  /* Deleting an organisation keeps its people; they only lose the link. */
  "  organisation_id TEXT REFERENCES stakeholder (id) ON DELETE SET NULL,"
  "  role TEXT,"
  "  sector TEXT NOT NULL CHECK (sector IN ('nhs', 'primary_care', 'local_authority',"
  "    'social_care_provider', 'voluntary_community', 'citizen', 'other')),"
  "  email TEXT,"
  "  phone TEXT,"
  "  influence TEXT NOT NULL CHECK (influence IN ('low', 'medium', 'high')),"
  "  interest TEXT NOT NULL CHECK (interest IN ('low', 'medium', 'high')),"
  "  engagement TEXT NOT NULL CHECK (engagement IN ('inform', 'consult', 'involve',"
  "    'collaborate', 'co_produce')),"
  "  consent INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),"
  "  consent_on TEXT,"
  "  notes TEXT"
  ");"
  "CREATE INDEX stakeholder_programme_name ON stakeholder (programme_id, name COLLATE NOCASE);"
  "CREATE INDEX stakeholder_organisation ON stakeholder (organisation_id);"

  "CREATE TABLE stakeholder_tag ("
  /* A tag is part of the stakeholder. */
  "  stakeholder_id TEXT NOT NULL REFERENCES stakeholder (id) ON DELETE CASCADE,"
  "  value TEXT NOT NULL CHECK (length(trim(value)) > 0),"
  "  UNIQUE (stakeholder_id, value)"
  ");"
  "CREATE INDEX stakeholder_tag_value ON stakeholder_tag (value);"

  "CREATE TABLE session ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* A programme owns its records. */
  "  programme_id TEXT NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  kind TEXT NOT NULL CHECK (kind IN ('workshop', 'public_meeting', 'board_meeting',"
  "    'focus_group', 'street_engagement', 'online', 'evolution_group',"
  "    'reflective_conversation', 'other')),"
  "  starts_at TEXT,"
  "  ends_at TEXT,"
  "  location TEXT,"
  "  facilitator TEXT,"
  /* A session stays when its facilitator leaves the register. */
  "  facilitator_id TEXT REFERENCES stakeholder (id) ON DELETE SET NULL,"
  "  purpose TEXT,"
  "  status TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),"
  "  summary TEXT,"
  "  CHECK (starts_at IS NULL OR ends_at IS NULL OR ends_at >= starts_at)"
  ");"
  "CREATE INDEX session_programme_starts ON session (programme_id, starts_at);"
  "CREATE INDEX session_facilitator ON session (facilitator_id);"

  "CREATE TABLE attendance ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* Attendance is a fact about one session and goes with it. */
  "  session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,"
  /* Someone removed from the register leaves the attendance list; the session stays. */
  "  stakeholder_id TEXT NOT NULL REFERENCES stakeholder (id) ON DELETE CASCADE,"
  "  status TEXT NOT NULL CHECK (status IN ('invited', 'attended', 'apologies')),"
  "  role TEXT NOT NULL CHECK (role IN ('participant', 'facilitator', 'speaker', 'organiser')),"
  "  paid INTEGER NOT NULL DEFAULT 0 CHECK (paid IN (0, 1)),"
  "  UNIQUE (session_id, stakeholder_id)"
  ");"
  "CREATE INDEX attendance_stakeholder ON attendance (stakeholder_id);"

  "CREATE TABLE theme ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* A programme owns its records. */
  "  programme_id TEXT NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  description TEXT,"
  "  kind TEXT NOT NULL CHECK (kind IN ('transactional', 'transformational')),"
  "  status TEXT NOT NULL CHECK (status IN ('emerging', 'priority', 'closed')),"
  "  colour TEXT"
  ");"
  "CREATE UNIQUE INDEX theme_programme_name ON theme (programme_id, name COLLATE NOCASE);"

  "CREATE TABLE contribution ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* A programme owns its records. */
  "  programme_id TEXT NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  /* What was said at a session belongs to that session's record. */
  "  session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  anonymous INTEGER NOT NULL DEFAULT 1 CHECK (anonymous IN (0, 1)),"
  /* The words stay when the person who said them leaves the register. */
  "  stakeholder_id TEXT REFERENCES stakeholder (id) ON DELETE SET NULL,"
  /* An anonymous contribution never has a person stored with it. */
  "  CHECK (anonymous = 0 OR stakeholder_id IS NULL)"
  ");"
  "CREATE INDEX contribution_session ON contribution (session_id);"
  "CREATE INDEX contribution_stakeholder ON contribution (stakeholder_id);"
  "CREATE INDEX contribution_programme ON contribution (programme_id);"

  "CREATE TABLE contribution_theme ("
  /* The theme link is part of the contribution. */
  "  contribution_id TEXT NOT NULL REFERENCES contribution (id) ON DELETE CASCADE,"
  /* Deleting a theme only removes it from the contribution, never the words. */
  "  value TEXT NOT NULL REFERENCES theme (id) ON DELETE CASCADE,"
  "  UNIQUE (contribution_id, value)"
  ");"
  "CREATE INDEX contribution_theme_value ON contribution_theme (value);"

  "CREATE TABLE action ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* A programme owns its records. */
  "  programme_id TEXT NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  detail TEXT,"
  /* A commitment outlives the record of the meeting it was agreed at. */
  "  session_id TEXT REFERENCES session (id) ON DELETE SET NULL,"
  /* Deleting a stakeholder never deletes what they promised: the action loses its owner. */
  "  owner_id TEXT REFERENCES stakeholder (id) ON DELETE SET NULL,"
  "  organisation_id TEXT REFERENCES stakeholder (id) ON DELETE SET NULL,"
  "  due_on TEXT,"
  "  status TEXT NOT NULL CHECK (status IN ('proposed', 'agreed', 'in_progress', 'done',"
  "    'dropped')),"
  "  outcome TEXT,"
  /* \"You said, we did\": a done action says what was done. */
  "  CHECK (status <> 'done' OR length(trim(coalesce(outcome, ''))) > 0)"
  ");"
  "CREATE INDEX action_programme_due ON action (programme_id, due_on);"
  "CREATE INDEX action_session ON action (session_id);"
  "CREATE INDEX action_owner ON action (owner_id);"
  "CREATE INDEX action_organisation ON action (organisation_id);"

  "CREATE TABLE action_theme ("
  /* The theme link is part of the action. */
  "  action_id TEXT NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
  /* Deleting a theme only removes it from the action, never the action. */
  "  value TEXT NOT NULL REFERENCES theme (id) ON DELETE CASCADE,"
  "  UNIQUE (action_id, value)"
  ");"
  "CREATE INDEX action_theme_value ON action_theme (value);"

  "CREATE TABLE action_update ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* A progress note is part of its action. */
  "  action_id TEXT NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
  "  noted_on TEXT NOT NULL,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0)"
  ");"
  "CREATE INDEX action_update_action ON action_update (action_id, noted_on);"

  "CREATE TABLE guide ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  topic TEXT,"
  "  audience TEXT,"
  "  introduction TEXT,"
  "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
  "  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))"
  ");"

  "CREATE TABLE guide_section ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* A section is part of its guide. */
  "  guide_id TEXT NOT NULL REFERENCES guide (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0)"
  ");"
  "CREATE INDEX guide_section_guide ON guide_section (guide_id, position);"

  "CREATE TABLE prompt ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* A prompt is part of its section. */
  "  section_id TEXT NOT NULL REFERENCES guide_section (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  question TEXT NOT NULL CHECK (length(trim(question)) > 0),"
  "  guidance TEXT,"
  "  response_kind TEXT NOT NULL CHECK (response_kind IN ('free_text', 'single_choice',"
  "    'yes_no', 'date', 'scale'))"
  ");"
  "CREATE INDEX prompt_section ON prompt (section_id, position);"

  "CREATE TABLE prompt_option ("
  /* A choice is part of its prompt. */
  "  prompt_id TEXT NOT NULL REFERENCES prompt (id) ON DELETE CASCADE,"
  "  value TEXT NOT NULL CHECK (length(trim(value)) > 0),"
  "  UNIQUE (prompt_id, value)"
  ");"

  "CREATE TABLE conversation ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* A programme owns its records. */
  "  programme_id TEXT NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  /* A guide that was used may not disappear from under the record of what was asked. */
  "  guide_id TEXT NOT NULL REFERENCES guide (id) ON DELETE RESTRICT,"
  "  guide_version INTEGER NOT NULL CHECK (guide_version >= 1),"
  "  person_ref TEXT NOT NULL CHECK (length(trim(person_ref)) > 0),"
  "  held_on TEXT,"
  "  staff TEXT,"
  "  place TEXT,"
  "  what_matters TEXT,"
  "  next_steps TEXT,"
  "  follow_up_on TEXT,"
  "  status TEXT NOT NULL CHECK (status IN ('draft', 'complete'))"
  ");"
  "CREATE INDEX conversation_programme_follow_up ON conversation (programme_id, follow_up_on);"
  "CREATE INDEX conversation_guide ON conversation (guide_id);"

  "CREATE TABLE answer ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* An answer is part of its conversation. */
  "  conversation_id TEXT NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,"
  /* The answer keeps the question as it was asked even if the prompt goes. */
  "  prompt_id TEXT REFERENCES prompt (id) ON DELETE SET NULL,"
  "  question TEXT NOT NULL,"
  "  value TEXT,"
  "  skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),"
  "  UNIQUE (conversation_id, prompt_id)"
  ");"
  "CREATE INDEX answer_prompt ON answer (prompt_id);"

  "CREATE TABLE measure ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* A programme owns its records. */
  "  programme_id TEXT NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  unit TEXT,"
  "  better TEXT NOT NULL CHECK (better IN ('higher', 'lower')),"
  "  description TEXT"
  ");"
  "CREATE UNIQUE INDEX measure_programme_name ON measure (programme_id, name COLLATE NOCASE);"

  "CREATE TABLE measure_value ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* A value is part of its measure. */
  "  measure_id TEXT NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
  "  measured_on TEXT NOT NULL,"
  "  value REAL NOT NULL,"
  "  UNIQUE (measure_id, measured_on)"
  ");";

/* Search over the register: names, organisation names, roles and tags, by word
 * prefix and without regard to accents. The index keeps its own copy of the text
 * and is kept in step by triggers, so no code path can forget it. */
static const char migration_2[] =
  "CREATE VIEW stakeholder_search_source AS"
  "  SELECT s.num AS num, s.name AS name,"
  "    (SELECT o.name FROM stakeholder o WHERE o.id = s.organisation_id) AS organisation,"
  "    s.role AS role,"
  "    (SELECT group_concat(t.value, ' ') FROM stakeholder_tag t"
  "       WHERE t.stakeholder_id = s.id) AS tags"
  "  FROM stakeholder s;"
  "CREATE VIRTUAL TABLE stakeholder_search USING fts5 (name, organisation, role, tags,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');"
  "INSERT INTO stakeholder_search (rowid, name, organisation, role, tags)"
  "  SELECT num, name, organisation, role, tags FROM stakeholder_search_source;"
  "CREATE TRIGGER stakeholder_search_insert AFTER INSERT ON stakeholder BEGIN"
  "  INSERT INTO stakeholder_search (rowid, name, organisation, role, tags)"
  "    SELECT num, name, organisation, role, tags FROM stakeholder_search_source"
  "    WHERE num = new.num;"
  "END;"
  "CREATE TRIGGER stakeholder_search_update AFTER UPDATE ON stakeholder BEGIN"
  "  DELETE FROM stakeholder_search WHERE rowid = old.num;"
  "  INSERT INTO stakeholder_search (rowid, name, organisation, role, tags)"
  "    SELECT num, name, organisation, role, tags FROM stakeholder_search_source"
  "    WHERE num = new.num;"
  "END;"
  /* People are found by their organisation's name, so renaming it re-indexes them. */
  "CREATE TRIGGER stakeholder_search_rename AFTER UPDATE OF name ON stakeholder"
  "  WHEN old.name IS NOT new.name BEGIN"
  "  DELETE FROM stakeholder_search WHERE rowid IN"
  "    (SELECT num FROM stakeholder WHERE organisation_id = new.id);"
  "  INSERT INTO stakeholder_search (rowid, name, organisation, role, tags)"
  "    SELECT v.num, v.name, v.organisation, v.role, v.tags"
  "    FROM stakeholder_search_source v JOIN stakeholder m ON m.num = v.num"
  "    WHERE m.organisation_id = new.id;"
  "END;"
  "CREATE TRIGGER stakeholder_search_delete AFTER DELETE ON stakeholder BEGIN"
  "  DELETE FROM stakeholder_search WHERE rowid = old.num;"
  "END;"
  "CREATE TRIGGER stakeholder_search_tag_insert AFTER INSERT ON stakeholder_tag BEGIN"
  "  DELETE FROM stakeholder_search WHERE rowid ="
  "    (SELECT num FROM stakeholder WHERE id = new.stakeholder_id);"
  "  INSERT INTO stakeholder_search (rowid, name, organisation, role, tags)"
  "    SELECT v.num, v.name, v.organisation, v.role, v.tags"
  "    FROM stakeholder_search_source v JOIN stakeholder s ON s.num = v.num"
  "    WHERE s.id = new.stakeholder_id;"
  "END;"
  "CREATE TRIGGER stakeholder_search_tag_delete AFTER DELETE ON stakeholder_tag BEGIN"
  "  DELETE FROM stakeholder_search WHERE rowid ="
  "    (SELECT num FROM stakeholder WHERE id = old.stakeholder_id);"
  "  INSERT INTO stakeholder_search (rowid, name, organisation, role, tags)"
  "    SELECT v.num, v.name, v.organisation, v.role, v.tags"
  "    FROM stakeholder_search_source v JOIN stakeholder s ON s.num = v.num"
  "    WHERE s.id = old.stakeholder_id;"
  "END;";

/* Version 3: the overview's counts and lists read indexes, not tables. Open
 * actions are a partial index so that "overdue" and "due this week" are a
 * range in it, already in due order. */
static const char migration_3[] =
  "CREATE INDEX action_open_due ON action (programme_id, due_on)"
  "  WHERE status NOT IN ('done', 'dropped');"
  "CREATE INDEX action_programme_status ON action (programme_id, status);"
  "CREATE INDEX session_programme_status ON session (programme_id, status);";

/* Version 4: a conversation keeps what it asked. Each answer row is written
 * when the conversation starts, a copy of its prompt (section, position,
 * guidance, kind of response and options), so that later edits of the guide
 * never change an earlier conversation; and a completed conversation is
 * amended only by dated notes added to it. */
static const char migration_4[] =
  "ALTER TABLE answer ADD COLUMN position INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE answer ADD COLUMN section TEXT;"
  "ALTER TABLE answer ADD COLUMN guidance TEXT;"
  "ALTER TABLE answer ADD COLUMN response_kind TEXT NOT NULL DEFAULT 'free_text'"
  "  CHECK (response_kind IN ('free_text', 'single_choice', 'yes_no', 'date', 'scale'));"
  "CREATE INDEX answer_conversation ON answer (conversation_id, position);"

  "CREATE TABLE answer_option ("
  /* A choice is part of its answer's copy of the question. */
  "  answer_id TEXT NOT NULL REFERENCES answer (id) ON DELETE CASCADE,"
  "  value TEXT NOT NULL CHECK (length(trim(value)) > 0),"
  "  UNIQUE (answer_id, value)"
  ");"

  "CREATE TABLE conversation_note ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* A note is part of its conversation. */
  "  conversation_id TEXT NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,"
  "  noted_on TEXT NOT NULL,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0)"
  ");"
  "CREATE INDEX conversation_note_conversation ON conversation_note (conversation_id, noted_on);"

  /* Answers written before this version take their copy from their prompt. */
  "UPDATE answer SET"
  "  section = (SELECT s.title FROM prompt p JOIN guide_section s ON s.id = p.section_id"
  "             WHERE p.id = answer.prompt_id),"
  "  guidance = (SELECT p.guidance FROM prompt p WHERE p.id = answer.prompt_id),"
  "  response_kind = coalesce ((SELECT p.response_kind FROM prompt p WHERE p.id = answer.prompt_id),"
  "                            'free_text'),"
  "  position = coalesce ((SELECT s.position * 1000 + p.position FROM prompt p"
  "                        JOIN guide_section s ON s.id = p.section_id WHERE p.id = answer.prompt_id), 0)"
  "  WHERE prompt_id IS NOT NULL;"
  "INSERT INTO answer_option (answer_id, value)"
  "  SELECT a.id, o.value FROM answer a JOIN prompt_option o ON o.prompt_id = a.prompt_id"
  "  ORDER BY a.rowid, o.rowid;";

/* Version 5: erasure that really erases. A person erased from the register
 * leaves only their record's id and the date in the erasure log (so that an
 * import of an older file can tell they were erased on purpose). The sessions
 * they were listed at keep their counts: each session holds how many erased
 * people were invited, came, sent apologies and were paid, added to the
 * counts of the attendance rows that remain. */
static const char migration_5[] =
  "CREATE TABLE erasure ("
  /* Only the id of the erased record and the day: nothing that names them. */
  "  stakeholder_id TEXT NOT NULL,"
  "  erased_on TEXT NOT NULL"
  ");"
  "CREATE TABLE session_erased_attendance ("
  /* The counts are a fact about the session and go with it. */
  "  session_id TEXT PRIMARY KEY NOT NULL REFERENCES session (id) ON DELETE CASCADE,"
  "  invited INTEGER NOT NULL DEFAULT 0 CHECK (invited >= 0),"
  "  attended INTEGER NOT NULL DEFAULT 0 CHECK (attended >= 0),"
  "  apologies INTEGER NOT NULL DEFAULT 0 CHECK (apologies >= 0),"
  "  paid INTEGER NOT NULL DEFAULT 0 CHECK (paid >= 0)"
  ");";

/* Version 6: said → did is a stored link. An action answers one or more
 * contributions; the link goes with either side, never taking the other. */
static const char migration_6[] =
  "CREATE TABLE action_answer ("
  /* The link is part of the action. */
  "  action_id TEXT NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
  /* Deleting what was said leaves the action, answering nothing more. */
  "  value TEXT NOT NULL REFERENCES contribution (id) ON DELETE CASCADE,"
  "  UNIQUE (action_id, value)"
  ");"
  "CREATE INDEX action_answer_value ON action_answer (value);";

/* Version 7: a person is named in a partner export only when they have said
 * they are willing to be; nobody is, until someone records that they are. */
static const char migration_7[] =
  "ALTER TABLE stakeholder ADD COLUMN named_to_partners INTEGER NOT NULL DEFAULT 0"
  "  CHECK (named_to_partners IN (0, 1));";

/* Version 8: a pair of stakeholders someone said are not the same person is
 * not suggested as a possible duplicate again. The pair is stored with the
 * smaller id first, so that each pair has one row. */
static const char migration_8[] =
  "CREATE TABLE duplicate_dismissal ("
  /* A dismissal is about both records and goes with either. */
  "  first_id TEXT NOT NULL REFERENCES stakeholder (id) ON DELETE CASCADE,"
  "  second_id TEXT NOT NULL REFERENCES stakeholder (id) ON DELETE CASCADE,"
  "  dismissed_at TEXT NOT NULL,"
  "  CHECK (first_id < second_id),"
  "  UNIQUE (first_id, second_id)"
  ");"
  "CREATE INDEX duplicate_dismissal_second ON duplicate_dismissal (second_id);";

/* Version 9: the power / interest grid reads an index, not the register. Its
 * nine counts are a walk of the index alone and the first names of each cell
 * a short range of it, already in name order: 100,000 stakeholders drew in
 * seconds before. */
static const char migration_9[] =
  "CREATE INDEX stakeholder_programme_grid ON stakeholder"
  "  (programme_id, influence, interest, name COLLATE NOCASE);";

/* Version 10: retention. A programme may say how many years to keep people
 * not seen at any session nor named on any action (no row: no limit); it is
 * a setting of this copy of the programme, not part of the exchange. Someone
 * kept past it is kept with a reason. */
static const char migration_10[] =
  "CREATE TABLE programme_retention ("
  /* The setting is part of its programme. */
  "  programme_id TEXT PRIMARY KEY NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 99)"
  ");"
  "CREATE TABLE retention_keep ("
  /* The reason is about the person and goes with them. */
  "  stakeholder_id TEXT PRIMARY KEY NOT NULL REFERENCES stakeholder (id) ON DELETE CASCADE,"
  "  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),"
  "  kept_on TEXT NOT NULL"
  ");";

/* Version 11: someone listed at a session who did not come, without a word,
 * is told apart from someone still only invited: the attendance table is
 * rebuilt (SQLite cannot change a CHECK in place), keeping every row, its
 * rowid (the list's order) and its index. People erased from the register
 * who did not come are counted with the session like the others. */
static const char migration_11[] =
  "CREATE TABLE attendance_new ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* Attendance is a fact about one session and goes with it. */
  "  session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,"
  /* Someone removed from the register leaves the attendance list; the session stays. */
  "  stakeholder_id TEXT NOT NULL REFERENCES stakeholder (id) ON DELETE CASCADE,"
  "  status TEXT NOT NULL CHECK (status IN ('invited', 'attended', 'apologies', 'absent')),"
  "  role TEXT NOT NULL CHECK (role IN ('participant', 'facilitator', 'speaker', 'organiser')),"
  "  paid INTEGER NOT NULL DEFAULT 0 CHECK (paid IN (0, 1)),"
  "  UNIQUE (session_id, stakeholder_id)"
  ");"
  "INSERT INTO attendance_new (rowid, id, created_at, updated_at, session_id, stakeholder_id, status, role, paid)"
  "  SELECT rowid, id, created_at, updated_at, session_id, stakeholder_id, status, role, paid"
  "  FROM attendance ORDER BY rowid;"
  "DROP TABLE attendance;"
  "ALTER TABLE attendance_new RENAME TO attendance;"
  "CREATE INDEX attendance_stakeholder ON attendance (stakeholder_id);"
  /* Counted with the session, so that a partner export still counts them. */
  "CREATE INDEX attendance_session_status ON attendance (session_id, status);"
  "ALTER TABLE session_erased_attendance ADD COLUMN absent INTEGER NOT NULL DEFAULT 0"
  "  CHECK (absent >= 0);";

/* Version 12: consent with a purpose and a review date. A programme lists
 * the purposes people may consent to (the built-in ones by a key that is
 * shown translated: invitations, newsletters, named_to_partners; others by
 * their own words) and after how many years consent must be reviewed. A
 * person's consent says what it covers, how it was given, when it must be
 * reviewed and when it was withdrawn; its history is kept, one dated row
 * per change. Consent recorded before this version was consent to be
 * contacted: it covers invitations and newsletters (and being named to
 * partners for those who had said yes to that), is reviewed two years after
 * it was given, or now when nobody wrote down when that was. */
#define CONSENT_RANDOM_UUID \
  "lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4' ||" \
  " substr (hex (randomblob (2)), 2) || '-' || substr ('89ab', 1 + abs (random ()) % 4, 1) ||" \
  " substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6)))"

static const char migration_12[] =
  "ALTER TABLE programme ADD COLUMN consent_review_years INTEGER NOT NULL DEFAULT 2"
  "  CHECK (consent_review_years BETWEEN 1 AND 10);"
  "CREATE TABLE programme_consent_purpose ("
  /* A purpose is part of its programme. */
  "  programme_id TEXT NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  value TEXT NOT NULL CHECK (length(trim(value)) > 0),"
  "  UNIQUE (programme_id, value)"
  ");"
  "INSERT INTO programme_consent_purpose (programme_id, value)"
  "  SELECT p.id, v.value FROM programme p,"
  "    (SELECT 'invitations' AS value UNION ALL SELECT 'newsletters' UNION ALL SELECT 'named_to_partners') v"
  "  ORDER BY p.rowid;"

  "ALTER TABLE stakeholder ADD COLUMN consent_how TEXT NOT NULL DEFAULT 'not_recorded'"
  "  CHECK (consent_how IN ('not_recorded', 'spoken', 'written', 'online'));"
  "ALTER TABLE stakeholder ADD COLUMN consent_review_on TEXT;"
  "ALTER TABLE stakeholder ADD COLUMN consent_withdrawn_on TEXT;"
  "CREATE TABLE stakeholder_consent_purpose ("
  /* What a person consented to is part of their record. */
  "  stakeholder_id TEXT NOT NULL REFERENCES stakeholder (id) ON DELETE CASCADE,"
  "  value TEXT NOT NULL CHECK (length(trim(value)) > 0),"
  "  UNIQUE (stakeholder_id, value)"
  ");"
  /* Due for review and lapsed are a range of this index, in review order. */
  "CREATE INDEX stakeholder_consent_review ON stakeholder (programme_id, consent, consent_review_on);"

  "CREATE TABLE consent_event ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  /* A person's consent history is part of their record and goes with it. */
  "  stakeholder_id TEXT NOT NULL REFERENCES stakeholder (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('given', 'reviewed', 'withdrawn')),"
  "  happened_on TEXT NOT NULL,"
  "  how TEXT NOT NULL DEFAULT 'not_recorded'"
  "    CHECK (how IN ('not_recorded', 'spoken', 'written', 'online')),"
  "  review_on TEXT"
  ");"
  "CREATE INDEX consent_event_stakeholder ON consent_event (stakeholder_id, happened_on);"
  "CREATE TABLE consent_event_purpose ("
  /* The purposes are part of the event. */
  "  consent_event_id TEXT NOT NULL REFERENCES consent_event (id) ON DELETE CASCADE,"
  "  value TEXT NOT NULL CHECK (length(trim(value)) > 0),"
  "  UNIQUE (consent_event_id, value)"
  ");"

  "UPDATE stakeholder SET consent_review_on ="
  "  CASE WHEN consent_on IS NULL THEN date ('now') ELSE date (consent_on, '+2 years') END"
  "  WHERE consent = 1;"
  "INSERT INTO stakeholder_consent_purpose (stakeholder_id, value)"
  "  SELECT s.id, v.value FROM stakeholder s,"
  "    (SELECT 'invitations' AS value UNION ALL SELECT 'newsletters') v"
  "  WHERE s.consent = 1 ORDER BY s.rowid;"
  "INSERT INTO stakeholder_consent_purpose (stakeholder_id, value)"
  "  SELECT id, 'named_to_partners' FROM stakeholder WHERE consent = 1 AND named_to_partners = 1;"
  "INSERT INTO consent_event (id, created_at, updated_at, stakeholder_id, kind, happened_on, review_on)"
  "  SELECT " CONSENT_RANDOM_UUID ", strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'),"
  "    strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), id, 'given',"
  "    coalesce (consent_on, substr (created_at, 1, 10)), consent_review_on"
  "  FROM stakeholder WHERE consent = 1 ORDER BY rowid;"
  "INSERT INTO consent_event_purpose (consent_event_id, value)"
  "  SELECT e.id, p.value FROM consent_event e JOIN stakeholder_consent_purpose p"
  "    ON p.stakeholder_id = e.stakeholder_id ORDER BY e.rowid, p.rowid;";

/* Version 13: when each person was last seen, kept up to date by triggers as
 * records change, so that the list of people past retention is a range of
 * one index instead of a walk of the whole register (100,000 people took
 * seconds). Last seen is the latest of: when they were recorded, the start
 * of a session they attended, the last change of an action they own. Like
 * the search index it is derived: it is never exported, and a deletion's
 * undo does not carry it (there is no foreign key to follow); the triggers
 * write it again as the records come back. A new sighting only moves it
 * later; anything else works it out again for the people concerned. */
#define SEEN_AGAIN(who) \
  "  INSERT OR REPLACE INTO stakeholder_seen (num, programme_id, seen_at)" \
  "    SELECT num, programme_id, seen_at FROM stakeholder_seen_source WHERE id = " who ";"

static const char migration_13[] =
  "CREATE TABLE stakeholder_seen ("
  /* The stakeholder's num: the list reads each person's row straight from it. */
  "  num INTEGER PRIMARY KEY,"
  "  programme_id TEXT NOT NULL,"
  "  seen_at TEXT NOT NULL"
  ");"
  "CREATE INDEX stakeholder_seen_programme ON stakeholder_seen (programme_id, seen_at);"
  /* The latest change of a person's actions is the end of a range of this. */
  "CREATE INDEX action_owner_updated ON action (owner_id, updated_at);"
  "CREATE VIEW stakeholder_seen_source AS"
  "  SELECT s.num AS num, s.id AS id, s.programme_id AS programme_id,"
  "    max (s.created_at,"
  "         coalesce ((SELECT max (se.starts_at) FROM attendance a JOIN session se ON se.id = a.session_id"
  "                    WHERE a.stakeholder_id = s.id AND a.status = 'attended'), ''),"
  "         coalesce ((SELECT max (ac.updated_at) FROM action ac WHERE ac.owner_id = s.id), '')) AS seen_at"
  "  FROM stakeholder s;"
  "INSERT INTO stakeholder_seen (num, programme_id, seen_at)"
  "  SELECT num, programme_id, seen_at FROM stakeholder_seen_source;"

  "CREATE TRIGGER stakeholder_seen_insert AFTER INSERT ON stakeholder BEGIN"
  SEEN_AGAIN ("new.id")
  "END;"
  "CREATE TRIGGER stakeholder_seen_update AFTER UPDATE OF created_at, programme_id ON stakeholder BEGIN"
  SEEN_AGAIN ("new.id")
  "END;"
  "CREATE TRIGGER stakeholder_seen_delete AFTER DELETE ON stakeholder BEGIN"
  "  DELETE FROM stakeholder_seen WHERE num = old.num;"
  "END;"

  "CREATE TRIGGER attendance_seen_insert AFTER INSERT ON attendance WHEN new.status = 'attended' BEGIN"
  "  UPDATE stakeholder_seen SET seen_at ="
  "    max (seen_at, coalesce ((SELECT starts_at FROM session WHERE id = new.session_id), ''))"
  "    WHERE num = (SELECT num FROM stakeholder WHERE id = new.stakeholder_id);"
  "END;"
  "CREATE TRIGGER attendance_seen_update AFTER UPDATE OF session_id, stakeholder_id, status ON attendance"
  "  WHEN old.status = 'attended' OR new.status = 'attended' BEGIN"
  SEEN_AGAIN ("old.stakeholder_id")
  SEEN_AGAIN ("new.stakeholder_id")
  "END;"
  "CREATE TRIGGER attendance_seen_delete AFTER DELETE ON attendance WHEN old.status = 'attended' BEGIN"
  SEEN_AGAIN ("old.stakeholder_id")
  "END;"
  "CREATE TRIGGER session_seen_update AFTER UPDATE OF starts_at ON session"
  "  WHEN old.starts_at IS NOT new.starts_at BEGIN"
  "  INSERT OR REPLACE INTO stakeholder_seen (num, programme_id, seen_at)"
  "    SELECT v.num, v.programme_id, v.seen_at FROM stakeholder_seen_source v"
  "    WHERE v.id IN (SELECT stakeholder_id FROM attendance WHERE session_id = new.id AND status = 'attended');"
  "END;"

  "CREATE TRIGGER action_seen_insert AFTER INSERT ON action WHEN new.owner_id IS NOT NULL BEGIN"
  "  UPDATE stakeholder_seen SET seen_at = max (seen_at, new.updated_at) WHERE num ="
  "    (SELECT num FROM stakeholder WHERE id = new.owner_id);"
  "END;"
  "CREATE TRIGGER action_seen_update AFTER UPDATE ON action"
  "  WHEN old.owner_id IS NOT NULL OR new.owner_id IS NOT NULL BEGIN"
  SEEN_AGAIN ("old.owner_id")
  SEEN_AGAIN ("new.owner_id")
  "END;"
  "CREATE TRIGGER action_seen_delete AFTER DELETE ON action WHEN old.owner_id IS NOT NULL BEGIN"
  SEEN_AGAIN ("old.owner_id")
  "END;";

const char * const cv_schema_migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
  migration_8,
  migration_9,
  migration_10,
  migration_11,
  migration_12,
  migration_13,
};

const guint cv_schema_n_migrations = G_N_ELEMENTS (cv_schema_migrations);

/**
 * cv_schema_merge_search_index:
 *
 * Merges the full-text index of people into one segment. A deleted row's
 * words stay in the index's older segments until they are merged, so an
 * erasure needs it; after a bulk write (an import, a generated county) it
 * also keeps the first erasure and later searches quick, since merging many
 * segments is what takes the time.
 */
gboolean
cv_schema_merge_search_index (CvDatabase  *db,
                              GError     **error)
{
  return cv_database_exec (db, "INSERT INTO stakeholder_search (stakeholder_search) VALUES ('optimize')", error);
}
