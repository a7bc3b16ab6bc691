/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A person's own record (UK GDPR article 15, subject access): everything the
 * database holds about one person, with when each thing was recorded and
 * last changed. It is built as one JSON document (the format is described
 * by data/convene-person-report.schema.json); the readable PDF is laid out
 * from the same document, so the two always say the same.
 *
 * Records appear as the exchange format writes them (cv_exchange_record_to_node,
 * so the schema refers to the programme schema's definitions), each wrapped
 * with the names of what it refers to, so that the person does not have to
 * look anything up.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-action.h"
#include "cv-action-update.h"
#include "cv-attendance.h"
#include "cv-contribution.h"
#include "cv-error.h"
#include "cv-exchange.h"
#include "cv-file.h"
#include "cv-consent.h"
#include "cv-person-report.h"
#include "cv-programme.h"
#include "cv-record.h"
#include "cv-session.h"
#include "cv-stakeholder.h"

static void
add_name (JsonObject *object,
          CvStore    *store,
          const char *member,
          const char *table,
          const char *id)
{
  g_autofree char *name = id != NULL ? cv_store_get_display_name (store, table, id) : NULL;

  if (name != NULL)
    json_object_set_string_member (object, member, name);
  else
    json_object_set_null_member (object, member);
}

static JsonArray *
theme_names (CvStore  *store,
             CvRecord *record)
{
  const char * const *themes = cv_record_get_list (record, "themes");
  JsonArray *names = json_array_new ();

  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    {
      g_autofree char *name = cv_store_get_display_name (store, "theme", themes[i]);
      if (name != NULL)
        json_array_add_string_element (names, name);
    }
  return names;
}

static gboolean
add_sessions (CvStore     *store,
              const char  *id,
              JsonArray   *sessions,
              GError     **error)
{
  g_autoptr(GPtrArray) attendance = cv_store_list (store, CV_TYPE_ATTENDANCE, "stakeholder_id", id, error);
  g_autoptr(GPtrArray) facilitated = NULL;

  if (attendance == NULL)
    return FALSE;
  for (guint i = 0; i < attendance->len; i++)
    {
      CvRecord *row = g_ptr_array_index (attendance, i);
      g_autoptr(CvRecord) session = cv_store_load (store, CV_TYPE_SESSION,
                                                   cv_record_get_string (row, "session_id"), error);
      JsonObject *entry;

      if (session == NULL)
        return FALSE;
      entry = json_object_new ();
      json_object_set_member (entry, "session", cv_exchange_record_to_node (session, FALSE));
      json_object_set_member (entry, "attendance", cv_exchange_record_to_node (row, FALSE));
      json_object_set_boolean_member (entry, "facilitated", FALSE);
      json_array_add_object_element (sessions, entry);
    }

  facilitated = cv_store_list (store, CV_TYPE_SESSION, "facilitator_id", id, error);
  if (facilitated == NULL)
    return FALSE;
  for (guint i = 0; i < facilitated->len; i++)
    {
      JsonObject *entry = json_object_new ();

      json_object_set_member (entry, "session", cv_exchange_record_to_node (g_ptr_array_index (facilitated, i), FALSE));
      json_object_set_null_member (entry, "attendance");
      json_object_set_boolean_member (entry, "facilitated", TRUE);
      json_array_add_object_element (sessions, entry);
    }
  return TRUE;
}

static gboolean
add_contributions (CvStore     *store,
                   const char  *id,
                   JsonArray   *contributions,
                   GError     **error)
{
  g_autoptr(GPtrArray) list = cv_store_list (store, CV_TYPE_CONTRIBUTION, "stakeholder_id", id, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      CvRecord *contribution = g_ptr_array_index (list, i);
      JsonObject *entry = json_object_new ();

      json_object_set_member (entry, "contribution", cv_exchange_record_to_node (contribution, FALSE));
      add_name (entry, store, "session_title", "session", cv_record_get_string (contribution, "session_id"));
      json_object_set_array_member (entry, "theme_names", theme_names (store, contribution));
      json_array_add_object_element (contributions, entry);
    }
  return TRUE;
}

static gboolean
add_actions (CvStore     *store,
             const char  *id,
             JsonArray   *actions,
             GError     **error)
{
  g_autoptr(GPtrArray) list = cv_store_list (store, CV_TYPE_ACTION, "owner_id", id, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      CvRecord *action = g_ptr_array_index (list, i);
      JsonObject *entry = json_object_new ();
      g_autoptr(GPtrArray) updates = cv_store_list (store, CV_TYPE_ACTION_UPDATE, "action_id",
                                                    cv_record_get_id (action), error);
      JsonArray *update_array = json_array_new ();

      json_array_add_object_element (actions, entry);
      json_object_set_member (entry, "action", cv_exchange_record_to_node (action, FALSE));
      json_object_set_array_member (entry, "updates", update_array);
      if (updates == NULL)
        return FALSE;
      add_name (entry, store, "session_title", "session", cv_record_get_string (action, "session_id"));
      add_name (entry, store, "organisation_name", "stakeholder", cv_record_get_string (action, "organisation_id"));
      json_object_set_array_member (entry, "theme_names", theme_names (store, action));
      for (guint j = 0; j < updates->len; j++)
        json_array_add_element (update_array, cv_exchange_record_to_node (g_ptr_array_index (updates, j), FALSE));
    }
  return TRUE;
}

/* What they agreed to, and when: every change of their consent (given,
 * reviewed, withdrawn), oldest first, each dated. */
static JsonArray *
consent_history (CvStore     *store,
                 const char  *stakeholder_id,
                 GError     **error)
{
  g_autoptr(GPtrArray) events = cv_consent_history (store, stakeholder_id, error);
  JsonArray *history;

  if (events == NULL)
    return NULL;
  history = json_array_new ();
  for (guint i = 0; i < events->len; i++)
    json_array_add_element (history, cv_exchange_record_to_node (g_ptr_array_index (events, i), FALSE));
  return history;
}

/**
 * cv_person_report_build:
 * @stakeholder_id: a person
 *
 * Gathers everything about one person: their details, consent, the
 * organisation they belong to, the sessions they were listed at or
 * facilitated, the contributions attributed to them and the actions they
 * own, each with `created_at` (recorded) and `updated_at` (last changed).
 *
 * Returns: (transfer full): the report as a JSON document, or %NULL with
 *   @error set
 */
JsonNode *
cv_person_report_build (CvStore     *store,
                        const char  *stakeholder_id,
                        GError     **error)
{
  g_autoptr(CvRecord) person = NULL;
  g_autoptr(CvRecord) programme = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now = NULL;
  JsonObject *report;
  JsonArray *organisations;
  JsonArray *sessions;
  JsonArray *contributions;
  JsonArray *actions;
  const char *organisation_id;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);
  g_return_val_if_fail (stakeholder_id != NULL, NULL);

  person = cv_store_load (store, CV_TYPE_STAKEHOLDER, stakeholder_id, error);
  if (person == NULL)
    return NULL;
  if (g_strcmp0 (cv_record_get_string (person, "kind"), "person") != 0)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("“%s” is an organisation, not a person: there is no personal record to export."),
                   cv_record_get_string (person, "name"));
      return NULL;
    }
  programme = cv_store_load (store, CV_TYPE_PROGRAMME, cv_record_get_string (person, "programme_id"), error);
  if (programme == NULL)
    return NULL;

  root = json_node_new (JSON_NODE_OBJECT);
  report = json_object_new ();
  json_node_take_object (root, report);
  now = cv_timestamp_now ();
  json_object_set_string_member (report, "format", "convene-person-report");
  json_object_set_int_member (report, "format_version", CV_PERSON_REPORT_FORMAT_VERSION);
  json_object_set_string_member (report, "generated_at", now);
  json_object_set_string_member (report, "generator", "Convene " PACKAGE_VERSION);
  json_object_set_member (report, "programme", cv_exchange_record_to_node (programme, FALSE));
  json_object_set_member (report, "person", cv_exchange_record_to_node (person, FALSE));
  {
    JsonArray *history = consent_history (store, stakeholder_id, error);

    if (history == NULL)
      return NULL;
    json_object_set_array_member (report, "consent", history);
  }

  organisations = json_array_new ();
  json_object_set_array_member (report, "organisations", organisations);
  organisation_id = cv_record_get_string (person, "organisation_id");
  if (organisation_id != NULL)
    {
      g_autoptr(CvRecord) organisation = cv_store_load (store, CV_TYPE_STAKEHOLDER, organisation_id, error);

      if (organisation == NULL)
        return NULL;
      json_array_add_element (organisations, cv_exchange_record_to_node (organisation, FALSE));
    }

  sessions = json_array_new ();
  json_object_set_array_member (report, "sessions", sessions);
  contributions = json_array_new ();
  json_object_set_array_member (report, "contributions", contributions);
  actions = json_array_new ();
  json_object_set_array_member (report, "actions", actions);
  if (!add_sessions (store, stakeholder_id, sessions, error) ||
      !add_contributions (store, stakeholder_id, contributions, error) ||
      !add_actions (store, stakeholder_id, actions, error))
    return NULL;

  return g_steal_pointer (&root);
}

/**
 * cv_person_report_write_json:
 *
 * Writes @report, indented, to @path: whole or not at all (see cv-file.c).
 */
gboolean
cv_person_report_write_json (JsonNode    *report,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(CvFileWriter) writer = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  writer = cv_file_writer_new (file, error);
  if (writer == NULL)
    return FALSE;
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, report);
  return json_generator_to_stream (generator, cv_file_writer_get_stream (writer), NULL, error) &&
         cv_file_writer_commit (writer, NULL, error);
}
