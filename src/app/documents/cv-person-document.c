/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A person's own record (see cv-person-report.c) as a readable document:
 * the same sections as the JSON, in words, with when each thing was
 * recorded and last changed. Laid out with CvDocument, like the review.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cv-format.h"
#include "cv-consent.h"
#include "cv-person-document.h"
#include "cv-person-report.h"

static const char *
member_text (JsonObject *object,
             const char *member)
{
  if (object == NULL || !json_object_has_member (object, member) ||
      json_object_get_null_member (object, member))
    return NULL;
  return json_object_get_string_member (object, member);
}

/* A field's value as a person reads it: choices by their label, yes or no. */
static char *
field_text (JsonObject    *record,
            const CvField *field)
{
  JsonNode *node = json_object_get_member (record, field->name);

  if (node == NULL || json_node_is_null (node))
    return NULL;
  switch (field->type)
    {
    case CV_FIELD_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
    case CV_FIELD_CHOICE:
      {
        const char *label = cv_field_choice_label (field, json_node_get_string (node));
        return g_strdup (label != NULL ? _(label) : json_node_get_string (node));
      }
    case CV_FIELD_DATE:
      return cv_format_date (json_node_get_string (node));
    case CV_FIELD_DATE_TIME:
      return cv_format_timestamp (json_node_get_string (node));
    case CV_FIELD_WORDS:
    case CV_FIELD_REFERENCES:
      {
        JsonArray *items = json_node_get_array (node);
        GString *text = g_string_new (NULL);

        for (guint i = 0; i < json_array_get_length (items); i++)
          {
            const char *item = json_array_get_string_element (items, i);

            /* Consent purposes are keys for the built-in ones: shown by their label. */
            if (strstr (field->name, "purposes") != NULL)
              item = cv_consent_purpose_label (item);
            g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", item);
          }
        return text->len > 0 ? g_string_free (text, FALSE) : (g_string_free (text, TRUE), NULL);
      }
    case CV_FIELD_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case CV_FIELD_NUMBER:
      return g_strdup_printf ("%g", json_node_get_double (node));
    default:
      return g_strdup (json_node_get_string (node));
    }
}

static void
add_heading (CvDocument *document,
             const char *title)
{
  cv_document_add_as (document, CV_DOCUMENT_HEADING_2, 17, 0, 22, "<b>%s</b>", title);
}

static void
add_none (CvDocument *document)
{
  cv_document_add (document, 12, 12, 4, "<i>%s</i>", _("None"));
}

/* "Recorded 2 March 2025 · last changed 4 March 2025", in grey. */
static void
add_dates (CvDocument *document,
           JsonObject *record,
           double      indent)
{
  g_autofree char *created = cv_format_timestamp (member_text (record, "created_at"));
  g_autofree char *updated = cv_format_timestamp (member_text (record, "updated_at"));
  g_autofree char *text = g_strdup_printf (_("Recorded %s · last changed %s"), created, updated);

  cv_document_add (document, 10, indent, 1, "<span foreground=\"#555555\">%s</span>", text);
}

static void
add_details (CvDocument *document,
             JsonObject *person,
             JsonArray  *organisations)
{
  const CvRecordKind *kind = cv_store_kind_for_table ("stakeholder");

  add_heading (document, _("Details"));
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CvField *field = &kind->fields[i];
      g_autofree char *value = NULL;

      if (field->type == CV_FIELD_REFERENCE)
        {
          /* The only reference a person's page shows is their organisation. */
          if (g_str_equal (field->name, "organisation_id") && json_array_get_length (organisations) > 0)
            value = g_strdup (member_text (json_array_get_object_element (organisations, 0), "name"));
        }
      else
        value = field_text (person, field);
      if (value != NULL)
        cv_document_add (document, 12, 12, 4, "<b>%s:</b> %s", _(field->label), value);
    }
  add_dates (document, person, 12);
}

/* "Given on 2 January 2025 · spoken", then what it covered and the review date. */
static void
add_consent (CvDocument *document,
             JsonArray  *consent)
{
  const CvRecordKind *kind = cv_store_kind_for_table ("consent_event");

  add_heading (document, _("Consent History"));
  if (json_array_get_length (consent) == 0)
    add_none (document);
  for (guint i = 0; i < json_array_get_length (consent); i++)
    {
      JsonObject *entry = json_array_get_object_element (consent, i);
      g_autofree char *change = field_text (entry, cv_record_kind_find_field (kind, "kind"));
      g_autofree char *on = cv_format_date (member_text (entry, "happened_on"));
      g_autofree char *how = field_text (entry, cv_record_kind_find_field (kind, "how"));
      g_autofree char *covers = field_text (entry, cv_record_kind_find_field (kind, "purposes"));
      g_autofree char *review = cv_format_date (member_text (entry, "review_on"));

      /* TRANSLATORS: a change of consent and its date: "Given on 2 January 2025" */
      cv_document_add (document, 12, 12, 4, _("<b>%s</b> on %s · %s"), change, on, how);
      if (covers != NULL)
        cv_document_add (document, 11, 24, 1, _("Covers: %s"), covers);
      if (review != NULL)
        cv_document_add (document, 11, 24, 1, _("Review by %s"), review);
      add_dates (document, entry, 24);
    }
}

static void
add_organisations (CvDocument *document,
                   JsonArray  *organisations)
{
  add_heading (document, _("Organisations"));
  if (json_array_get_length (organisations) == 0)
    add_none (document);
  for (guint i = 0; i < json_array_get_length (organisations); i++)
    {
      JsonObject *organisation = json_array_get_object_element (organisations, i);

      cv_document_add (document, 12, 12, 4, "%s", member_text (organisation, "name"));
      add_dates (document, organisation, 12);
    }
}

static const char *
choice_label (const char *table,
              const char *field_name,
              const char *nick)
{
  const CvField *field = cv_record_kind_find_field (cv_store_kind_for_table (table), field_name);
  const char *label = field != NULL ? cv_field_choice_label (field, nick) : NULL;

  return label != NULL ? _(label) : nick;
}

static void
add_sessions (CvDocument *document,
              JsonArray  *sessions)
{
  add_heading (document, _("Sessions"));
  if (json_array_get_length (sessions) == 0)
    add_none (document);
  for (guint i = 0; i < json_array_get_length (sessions); i++)
    {
      JsonObject *entry = json_array_get_object_element (sessions, i);
      JsonObject *session = json_object_get_object_member (entry, "session");
      JsonObject *attendance = json_object_get_null_member (entry, "attendance") ? NULL :
                               json_object_get_object_member (entry, "attendance");
      g_autofree char *when = cv_format_timestamp (member_text (session, "starts_at"));
      g_autofree char *how = NULL;

      cv_document_add (document, 12, 12, 6, "<b>%s</b> %s", member_text (session, "title"), when != NULL ? when : "");
      if (attendance != NULL)
        how = g_strdup_printf ("%s · %s%s", choice_label ("attendance", "status", member_text (attendance, "status")),
                               choice_label ("attendance", "role", member_text (attendance, "role")),
                               json_object_get_boolean_member (attendance, "paid") ? _(" · paid for their time") : "");
      else
        how = g_strdup (_("Facilitator"));
      cv_document_add (document, 11, 24, 1, "%s", how);
      add_dates (document, attendance != NULL ? attendance : session, 24);
    }
}

static char *
joined (JsonArray *names)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; names != NULL && i < json_array_get_length (names); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", json_array_get_string_element (names, i));
  return g_string_free (text, FALSE);
}

static void
add_contributions (CvDocument *document,
                   JsonArray  *contributions)
{
  add_heading (document, _("What They Said"));
  if (json_array_get_length (contributions) == 0)
    add_none (document);
  for (guint i = 0; i < json_array_get_length (contributions); i++)
    {
      JsonObject *entry = json_array_get_object_element (contributions, i);
      JsonObject *contribution = json_object_get_object_member (entry, "contribution");
      g_autofree char *themes = joined (json_object_get_array_member (entry, "theme_names"));
      const char *session = member_text (entry, "session_title");

      cv_document_add (document, 12, 12, 6, "“%s”", member_text (contribution, "text"));
      cv_document_add (document, 11, 24, 1, "%s%s%s", session != NULL ? session : "",
                       *themes != '\0' ? " · " : "", themes);
      add_dates (document, contribution, 24);
    }
}

static void
add_actions (CvDocument *document,
             JsonArray  *actions)
{
  add_heading (document, _("Actions They Own"));
  if (json_array_get_length (actions) == 0)
    add_none (document);
  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      JsonObject *entry = json_array_get_object_element (actions, i);
      JsonObject *action = json_object_get_object_member (entry, "action");
      JsonArray *updates = json_object_get_array_member (entry, "updates");
      g_autofree char *due = cv_format_date (member_text (action, "due_on"));
      const char *outcome = member_text (action, "outcome");

      cv_document_add (document, 12, 12, 6, "<b>%s</b> — %s", member_text (action, "title"),
                       choice_label ("action", "status", member_text (action, "status")));
      if (due != NULL)
        cv_document_add (document, 11, 24, 1, _("Due %s"), due);
      if (member_text (action, "detail") != NULL)
        cv_document_add (document, 11, 24, 1, "%s", member_text (action, "detail"));
      if (outcome != NULL)
        cv_document_add (document, 11, 24, 1, "<i>%s</i> %s", _("We did:"), outcome);
      for (guint j = 0; j < json_array_get_length (updates); j++)
        {
          JsonObject *update = json_array_get_object_element (updates, j);
          g_autofree char *noted = cv_format_date (member_text (update, "noted_on"));

          cv_document_add (document, 11, 36, 1, "%s: %s", noted, member_text (update, "text"));
        }
      add_dates (document, action, 24);
    }
}

/**
 * cv_person_document_new:
 * @report: a report from cv_person_report_build()
 *
 * Returns: (transfer full): the report as a printed document
 */
CvDocument *
cv_person_document_new (JsonNode *report)
{
  JsonObject *root = json_node_get_object (report);
  JsonObject *person = json_object_get_object_member (root, "person");
  JsonObject *programme = json_object_get_object_member (root, "programme");
  JsonArray *organisations = json_object_get_array_member (root, "organisations");
  CvDocument *document = cv_document_new ();
  g_autofree char *title = g_strdup_printf (_("Everything Convene holds about %s"), member_text (person, "name"));
  g_autofree char *written = cv_format_timestamp (member_text (root, "generated_at"));
  g_autofree char *subtitle = g_strdup_printf (_("%s · written %s"), member_text (programme, "name"), written);

  cv_document_add_as (document, CV_DOCUMENT_HEADING_1, 22, 0, 0, "<b>%s</b>", title);
  cv_document_add (document, 12, 0, 4, "%s", subtitle);
  cv_document_set_metadata (document, title, member_text (programme, "name"), subtitle);
  cv_document_add (document, 11, 0, 8, "%s",
                   _("Each item says when it was recorded and when it last changed. "
                     "Contributions recorded anonymously are never linked to anyone, so they are not listed."));
  add_details (document, person, organisations);
  add_consent (document, json_object_get_array_member (root, "consent"));
  add_organisations (document, organisations);
  add_sessions (document, json_object_get_array_member (root, "sessions"));
  add_contributions (document, json_object_get_array_member (root, "contributions"));
  add_actions (document, json_object_get_array_member (root, "actions"));
  return document;
}

/**
 * cv_person_document_save:
 * @path: ends in `.pdf` (a readable document) or `.json` (the data)
 *
 * Writes everything about one person to @path.
 */
gboolean
cv_person_document_save (CvStore     *store,
                         const char  *stakeholder_id,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(JsonNode) report = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (CV_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".pdf") && !g_str_has_suffix (lower, ".json"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("Give the file a name ending in .pdf (a readable document) or .json (the data): “%s”"), path);
      return FALSE;
    }
  report = cv_person_report_build (store, stakeholder_id, error);
  if (report == NULL)
    return FALSE;
  if (g_str_has_suffix (lower, ".json"))
    return cv_person_report_write_json (report, path, error);
  {
    g_autoptr(CvDocument) document = cv_person_document_new (report);
    return cv_document_write_pdf (document, path, NULL, error);
  }
}
