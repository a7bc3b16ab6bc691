/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Prints the JSON Schema (draft 2020-12) of Convene's programme files, made
 * from the same field tables as the store and the exchange, so the contract
 * partners code against cannot drift from what Convene writes. The output is
 * committed as data/convene-programme.schema.json; a test checks they agree.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cv-attendance.h"
#include "cv-exchange.h"
#include "cv-record.h"
#include "cv-kinds.h"
#include "cv-store.h"

static const char *arrays[][2] = {
  { "stakeholders", "stakeholder" }, { "sessions", "session" }, { "attendance", "attendance" },
  { "themes", "theme" }, { "contributions", "contribution" }, { "actions", "action" },
  { "action_updates", "action_update" }, { "guides", "guide" }, { "guide_sections", "guide_section" },
  { "prompts", "prompt" }, { "conversations", "conversation" }, { "answers", "answer" },
  { "conversation_notes", "conversation_note" },
  { "measures", "measure" }, { "measure_values", "measure_value" },
  { "consent_events", "consent_event" },
};

static void
ref (JsonBuilder *b,
     const char  *def)
{
  g_autofree char *path = g_strdup_printf ("#/$defs/%s", def);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$ref");
  json_builder_add_string_value (b, path);
  json_builder_end_object (b);
}

/* { "anyOf": [ <ref>, { "type": "null" } ] } */
static void
nullable_ref (JsonBuilder *b,
              const char  *def)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "anyOf");
  json_builder_begin_array (b);
  ref (b, def);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "null");
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
pattern_def (JsonBuilder *b,
             const char  *name,
             const char  *pattern,
             const char  *description)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "string");
  json_builder_set_member_name (b, "pattern");
  json_builder_add_string_value (b, pattern);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, description);
  json_builder_end_object (b);
}

static void
field_schema (JsonBuilder   *b,
              const CvField *field)
{
  gboolean required = (field->flags & CV_FIELD_REQUIRED) != 0;

  switch (field->type)
    {
    case CV_FIELD_CHOICE:
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "enum");
      json_builder_begin_array (b);
      for (const CvChoice *c = field->choices; c->nick != NULL; c++)
        json_builder_add_string_value (b, c->nick);
      json_builder_end_array (b);
      break;
    case CV_FIELD_BOOLEAN:
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "boolean");
      break;
    case CV_FIELD_INTEGER:
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "integer");
      json_builder_set_member_name (b, "minimum");
      json_builder_add_int_value (b, 0);
      json_builder_set_member_name (b, "maximum");
      json_builder_add_int_value (b, G_MAXINT32);
      break;
    case CV_FIELD_NUMBER:
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "number");
      json_builder_set_member_name (b, "minimum");
      json_builder_add_double_value (b, -1e15);
      json_builder_set_member_name (b, "maximum");
      json_builder_add_double_value (b, 1e15);
      break;
    case CV_FIELD_DATE:
    case CV_FIELD_DATE_TIME:
    case CV_FIELD_REFERENCE:
      {
        const char *def = field->type == CV_FIELD_DATE ? "date"
                        : field->type == CV_FIELD_DATE_TIME ? "date_time" : "uuid";
        if (required)
          ref (b, def);
        else
          nullable_ref (b, def);
        return;
      }
    case CV_FIELD_WORDS:
    case CV_FIELD_REFERENCES:
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "array");
      json_builder_set_member_name (b, "items");
      if (field->type == CV_FIELD_REFERENCES)
        ref (b, "uuid");
      else
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "type");
          json_builder_add_string_value (b, "string");
          json_builder_set_member_name (b, "minLength");
          json_builder_add_int_value (b, 1);
          json_builder_end_object (b);
        }
      break;
    case CV_FIELD_STRING:
    case CV_FIELD_TEXT:
    case CV_FIELD_EMAIL:
    default:
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      if (required)
        {
          json_builder_add_string_value (b, "string");
          json_builder_set_member_name (b, "minLength");
          json_builder_add_int_value (b, 1);
        }
      else
        {
          json_builder_begin_array (b);
          json_builder_add_string_value (b, "string");
          json_builder_add_string_value (b, "null");
          json_builder_end_array (b);
        }
      /* Convene's limit is in bytes of UTF-8; no text has more characters. */
      json_builder_set_member_name (b, "maxLength");
      json_builder_add_int_value (b, CV_STORE_MAX_TEXT);
      if (field->type == CV_FIELD_EMAIL)
        {
          json_builder_set_member_name (b, "format");
          json_builder_add_string_value (b, "email");
        }
      break;
    }
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, field->label);
  json_builder_end_object (b);
}

static void
record_def (JsonBuilder        *b,
            const CvRecordKind *kind)
{
  json_builder_set_member_name (b, kind->table);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, kind->label);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "id");
  json_builder_add_string_value (b, "created_at");
  json_builder_add_string_value (b, "updated_at");
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & CV_FIELD_REQUIRED)
      json_builder_add_string_value (b, kind->fields[i].name);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  ref (b, "uuid");
  json_builder_set_member_name (b, "created_at");
  ref (b, "timestamp");
  json_builder_set_member_name (b, "updated_at");
  ref (b, "timestamp");
  for (guint i = 0; i < kind->n_fields; i++)
    {
      json_builder_set_member_name (b, kind->fields[i].name);
      field_schema (b, &kind->fields[i]);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

int
main (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  guint n;
  const GType *types = cv_kinds_all (&n);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$schema");
  json_builder_add_string_value (b, "https://json-schema.org/draft/2020-12/schema");
  json_builder_set_member_name (b, "$id");
  json_builder_add_string_value (b, "urn:convene:convene-programme");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, "Convene programme file");
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, "One engagement programme and its records, as Convene exports it "
                                    "(format_version 1). Made from Convene's own field tables.");
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  for (const char * const *k = (const char * const[]) { "format", "format_version", "exported_at", "generator",
                                                        "export_kind", "programme", NULL }; *k != NULL; k++)
    json_builder_add_string_value (b, *k);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "const");
  json_builder_add_string_value (b, "convene-programme");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "format_version");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "const");
  json_builder_add_int_value (b, CV_EXCHANGE_FORMAT_VERSION);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "exported_at");
  ref (b, "timestamp");
  json_builder_set_member_name (b, "generator");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "name");
  json_builder_add_string_value (b, "version");
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "export_kind");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "enum");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "partner");
  json_builder_add_string_value (b, "full");
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "programme");
  ref (b, "programme");
  json_builder_set_member_name (b, "attendance_counts");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, "Partner exports only: how many people of each attendance status each "
                                    "session had, standing in for the people who are not named.");
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "array");
  json_builder_set_member_name (b, "items");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "session_id");
  json_builder_add_string_value (b, "status");
  json_builder_add_string_value (b, "count");
  json_builder_end_array (b);
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "session_id");
  ref (b, "uuid");
  json_builder_set_member_name (b, "status");
  {
    g_autoptr(GTypeClass) klass = g_type_class_ref (CV_TYPE_ATTENDANCE);

    field_schema (b, cv_record_kind_find_field (CV_RECORD_CLASS (klass)->kind, "status"));
  }
  json_builder_set_member_name (b, "count");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "integer");
  json_builder_set_member_name (b, "minimum");
  json_builder_add_int_value (b, 0);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      json_builder_set_member_name (b, arrays[i][0]);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "array");
      json_builder_set_member_name (b, "items");
      if (g_str_equal (arrays[i][1], "guide"))
        {
          /* A built-in guide is only referred to. */
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "anyOf");
          json_builder_begin_array (b);
          ref (b, "guide");
          ref (b, "guide_reference");
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      else
        ref (b, arrays[i][1]);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "$defs");
  json_builder_begin_object (b);
  pattern_def (b, "uuid", "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
               "A record's identity, which is the same in every copy of the programme.");
  pattern_def (b, "timestamp", "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$",
               "When something happened, RFC 3339 in UTC.");
  pattern_def (b, "date", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "A calendar date, YYYY-MM-DD.");
  pattern_def (b, "date_time", "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
               "A date and time in UTC, YYYY-MM-DDTHH:MM:SSZ.");
  json_builder_set_member_name (b, "guide_reference");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, "A guide that ships with Convene, named rather than copied.");
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "id");
  json_builder_add_string_value (b, "builtin");
  json_builder_add_string_value (b, "version");
  json_builder_end_array (b);
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  ref (b, "uuid");
  json_builder_set_member_name (b, "builtin");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "const");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "integer");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "string");
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      record_def (b, CV_RECORD_CLASS (klass)->kind);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
  return 0;
}
