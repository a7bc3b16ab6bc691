/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * CvRecord is the base of every record kind. A kind describes its fields once
 * (CvRecordKind); from that one table come the GObject properties, the columns
 * the store reads and writes, the generic validation and the exchange keys, so
 * that the name of a thing is the same everywhere.
 */
#include "config.h"

#include <string.h>

#include "cv-record.h"

typedef struct
{
  char   *id;
  char   *created_at;
  char   *updated_at;
  GValue *values;   /* one per field of the kind, allocated on first use */
} CvRecordPrivate;

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CvRecord, cv_record, G_TYPE_OBJECT)

const CvField *
cv_record_kind_find_field (const CvRecordKind *kind,
                           const char         *name)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    if (g_str_equal (kind->fields[i].name, name))
      return &kind->fields[i];
  return NULL;
}

const CvField *
cv_record_kind_scope_field (const CvRecordKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & CV_FIELD_SCOPE)
      return &kind->fields[i];
  return NULL;
}

gboolean
cv_field_has_choice (const CvField *field,
                     const char    *nick)
{
  return cv_field_choice_label (field, nick) != NULL;
}

/* Returns: (nullable): the untranslated label of @nick, or %NULL when @nick is not a choice */
const char *
cv_field_choice_label (const CvField *field,
                       const char    *nick)
{
  g_return_val_if_fail (field->choices != NULL, NULL);

  if (nick == NULL)
    return NULL;
  for (const CvChoice *c = field->choices; c->nick != NULL; c++)
    if (g_str_equal (c->nick, nick))
      return c->label;
  return NULL;
}

/**
 * cv_field_choice_index:
 * @field: a field of choices
 * @nick: (nullable): one of its choices
 *
 * Returns: the position of @nick among @field's choices, or 0 (the first,
 *   the default) when it is not one of them
 */
guint
cv_field_choice_index (const CvField *field,
                       const char    *nick)
{
  g_return_val_if_fail (field->choices != NULL, 0);

  for (guint i = 0; nick != NULL && field->choices[i].nick != NULL; i++)
    if (g_str_equal (field->choices[i].nick, nick))
      return i;
  return 0;
}

static GType
value_type_of (CvFieldType type)
{
  switch (type)
    {
    case CV_FIELD_BOOLEAN:
      return G_TYPE_BOOLEAN;
    case CV_FIELD_INTEGER:
      return G_TYPE_INT64;
    case CV_FIELD_NUMBER:
      return G_TYPE_DOUBLE;
    case CV_FIELD_WORDS:
    case CV_FIELD_REFERENCES:
      return G_TYPE_STRV;
    case CV_FIELD_STRING:
    case CV_FIELD_TEXT:
    case CV_FIELD_EMAIL:
    case CV_FIELD_CHOICE:
    case CV_FIELD_DATE:
    case CV_FIELD_DATE_TIME:
    case CV_FIELD_REFERENCE:
    default:
      return G_TYPE_STRING;
    }
}

static const char *
default_choice (const CvField *field)
{
  return field->default_value != NULL ? field->default_value : field->choices[0].nick;
}

static GValue *
values_of (CvRecord *self)
{
  CvRecordPrivate *priv = cv_record_get_instance_private (self);
  const CvRecordKind *kind = CV_RECORD_GET_CLASS (self)->kind;

  g_assert (kind != NULL);

  if (priv->values == NULL)
    {
      priv->values = g_new0 (GValue, kind->n_fields);
      for (guint i = 0; i < kind->n_fields; i++)
        {
          const CvField *field = &kind->fields[i];

          g_value_init (&priv->values[i], value_type_of (field->type));
          if (field->type == CV_FIELD_CHOICE)
            g_value_set_static_string (&priv->values[i], default_choice (field));
          else if (field->type == CV_FIELD_BOOLEAN)
            g_value_set_boolean (&priv->values[i], g_strcmp0 (field->default_value, "1") == 0);
          else if (field->type == CV_FIELD_INTEGER && field->default_value != NULL)
            g_value_set_int64 (&priv->values[i], g_ascii_strtoll (field->default_value, NULL, 10));
        }
    }
  return priv->values;
}

static guint
field_index (CvRecord   *self,
             const char *name)
{
  const CvRecordKind *kind = CV_RECORD_GET_CLASS (self)->kind;
  const CvField *field = cv_record_kind_find_field (kind, name);

  if (field == NULL)
    g_error ("A %s has no field called %s", kind->table, name);
  return field - kind->fields;
}

static void
cv_record_finalize (GObject *object)
{
  CvRecord *self = (CvRecord *)object;
  CvRecordPrivate *priv = cv_record_get_instance_private (self);

  if (priv->values != NULL)
    {
      const CvRecordKind *kind = CV_RECORD_GET_CLASS (self)->kind;

      for (guint i = 0; i < kind->n_fields; i++)
        g_value_unset (&priv->values[i]);
      g_clear_pointer (&priv->values, g_free);
    }
  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->created_at, g_free);
  g_clear_pointer (&priv->updated_at, g_free);

  G_OBJECT_CLASS (cv_record_parent_class)->finalize (object);
}

static void
cv_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CvRecord *self = CV_RECORD (object);
  CvRecordPrivate *priv = cv_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, priv->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cv_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CvRecord *self = CV_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      cv_record_set_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The handlers for the properties a kind installs: property N is field N-1. */
static void
cv_record_get_field_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CvRecord *self = CV_RECORD (object);

  g_assert (prop_id >= 1 && prop_id <= CV_RECORD_GET_CLASS (self)->kind->n_fields);
  g_value_copy (&values_of (self)[prop_id - 1], value);
}

static void
cv_record_set_field_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CvRecord *self = CV_RECORD (object);

  g_assert (prop_id >= 1 && prop_id <= CV_RECORD_GET_CLASS (self)->kind->n_fields);
  cv_record_set_value (self, prop_id - 1, value);
}

static void
cv_record_class_init (CvRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cv_record_finalize;
  object_class->get_property = cv_record_get_property;
  object_class->set_property = cv_record_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cv_record_init (CvRecord *self)
{
}

/**
 * cv_record_class_set_kind:
 *
 * Called from a record kind's class_init: installs one property per field.
 */
void
cv_record_class_set_kind (CvRecordClass      *klass,
                          const CvRecordKind *kind)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (kind != NULL);

  klass->kind = kind;
  klass->field_pspecs = g_new0 (GParamSpec *, kind->n_fields);
  object_class->get_property = cv_record_get_field_property;
  object_class->set_property = cv_record_set_field_property;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CvField *field = &kind->fields[i];
      g_autofree char *name = g_strdelimit (g_strdup (field->name), "_", '-');
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB;
      GParamSpec *pspec;

      switch (value_type_of (field->type))
        {
        case G_TYPE_BOOLEAN:
          pspec = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
          break;
        case G_TYPE_INT64:
          pspec = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case G_TYPE_DOUBLE:
          pspec = g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
          break;
        case G_TYPE_STRING:
          pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;
        default:
          pspec = g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags);
          break;
        }
      klass->field_pspecs[i] = pspec;
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

CvRecord *
cv_record_new (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, CV_TYPE_RECORD), NULL);

  return g_object_new (type, NULL);
}

/* Returns: (transfer full): an independent copy with the same id and values */
CvRecord *
cv_record_copy (CvRecord *self)
{
  CvRecordPrivate *priv = cv_record_get_instance_private (self);
  const CvRecordKind *kind;
  CvRecord *copy;

  g_return_val_if_fail (CV_IS_RECORD (self), NULL);

  kind = cv_record_get_kind (self);
  copy = cv_record_new (G_OBJECT_TYPE (self));
  cv_record_set_id (copy, priv->id);
  cv_record_set_timestamps (copy, priv->created_at, priv->updated_at);
  for (guint i = 0; i < kind->n_fields; i++)
    cv_record_set_value (copy, i, &values_of (self)[i]);
  return copy;
}

const CvRecordKind *
cv_record_get_kind (CvRecord *self)
{
  g_return_val_if_fail (CV_IS_RECORD (self), NULL);
  return CV_RECORD_GET_CLASS (self)->kind;
}

const char *
cv_record_get_id (CvRecord *self)
{
  CvRecordPrivate *priv = cv_record_get_instance_private (self);

  g_return_val_if_fail (CV_IS_RECORD (self), NULL);
  return priv->id;
}

void
cv_record_set_id (CvRecord   *self,
                  const char *id)
{
  CvRecordPrivate *priv = cv_record_get_instance_private (self);

  g_return_if_fail (CV_IS_RECORD (self));

  if (g_strcmp0 (priv->id, id) == 0)
    return;
  g_free (priv->id);
  priv->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cv_record_get_created_at (CvRecord *self)
{
  CvRecordPrivate *priv = cv_record_get_instance_private (self);

  g_return_val_if_fail (CV_IS_RECORD (self), NULL);
  return priv->created_at;
}

const char *
cv_record_get_updated_at (CvRecord *self)
{
  CvRecordPrivate *priv = cv_record_get_instance_private (self);

  g_return_val_if_fail (CV_IS_RECORD (self), NULL);
  return priv->updated_at;
}

void
cv_record_set_timestamps (CvRecord   *self,
                          const char *created_at,
                          const char *updated_at)
{
  CvRecordPrivate *priv = cv_record_get_instance_private (self);

  g_return_if_fail (CV_IS_RECORD (self));

  if (created_at != priv->created_at)
    {
      g_free (priv->created_at);
      priv->created_at = g_strdup (created_at);
    }
  if (g_strcmp0 (updated_at, priv->updated_at) != 0)
    {
      g_free (priv->updated_at);
      priv->updated_at = g_strdup (updated_at);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }
}

const GValue *
cv_record_get_value (CvRecord *self,
                     guint     index)
{
  g_return_val_if_fail (CV_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < cv_record_get_kind (self)->n_fields, NULL);

  return &values_of (self)[index];
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_BOOLEAN:
      return g_value_get_boolean (a) == g_value_get_boolean (b);
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case G_TYPE_DOUBLE:
      return g_value_get_double (a) == g_value_get_double (b);
    case G_TYPE_STRING:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    default:
      {
        const char * const *x = g_value_get_boxed (a);
        const char * const *y = g_value_get_boxed (b);

        if (x == NULL || y == NULL)
          return (x == NULL || x[0] == NULL) && (y == NULL || y[0] == NULL);
        return g_strv_equal (x, y);
      }
    }
}

/**
 * cv_record_same_fields:
 *
 * Returns: whether @a and @b, of one kind, hold the same value in every field
 */
gboolean
cv_record_same_fields (CvRecord *a,
                       CvRecord *b)
{
  const CvRecordKind *kind;

  g_return_val_if_fail (CV_IS_RECORD (a) && CV_IS_RECORD (b), FALSE);

  kind = cv_record_get_kind (a);
  if (kind != cv_record_get_kind (b))
    return FALSE;
  for (guint i = 0; i < kind->n_fields; i++)
    if (!values_equal (&values_of (a)[i], &values_of (b)[i]))
      return FALSE;
  return TRUE;
}

/* Every change to a field goes through here, so notification happens only for
 * real changes and an empty string is always stored as "no value". */
void
cv_record_set_value (CvRecord     *self,
                     guint         index,
                     const GValue *value)
{
  GValue *slot;

  g_return_if_fail (CV_IS_RECORD (self));
  g_return_if_fail (index < cv_record_get_kind (self)->n_fields);

  slot = &values_of (self)[index];
  g_return_if_fail (G_VALUE_TYPE (slot) == G_VALUE_TYPE (value));

  if (values_equal (slot, value))
    return;

  if (G_VALUE_HOLDS_STRING (value) && g_strcmp0 (g_value_get_string (value), "") == 0)
    g_value_set_string (slot, NULL);
  else
    g_value_copy (value, slot);
  g_object_notify_by_pspec (G_OBJECT (self), CV_RECORD_GET_CLASS (self)->field_pspecs[index]);
}

const char *
cv_record_get_string (CvRecord   *self,
                      const char *field)
{
  g_return_val_if_fail (CV_IS_RECORD (self), NULL);
  return g_value_get_string (&values_of (self)[field_index (self, field)]);
}

void
cv_record_set_string (CvRecord   *self,
                      const char *field,
                      const char *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (CV_IS_RECORD (self));

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  cv_record_set_value (self, field_index (self, field), &v);
}

gboolean
cv_record_get_boolean (CvRecord   *self,
                       const char *field)
{
  g_return_val_if_fail (CV_IS_RECORD (self), FALSE);
  return g_value_get_boolean (&values_of (self)[field_index (self, field)]);
}

void
cv_record_set_boolean (CvRecord   *self,
                       const char *field,
                       gboolean    value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (CV_IS_RECORD (self));

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, !!value);
  cv_record_set_value (self, field_index (self, field), &v);
}

gint64
cv_record_get_integer (CvRecord   *self,
                       const char *field)
{
  g_return_val_if_fail (CV_IS_RECORD (self), 0);
  return g_value_get_int64 (&values_of (self)[field_index (self, field)]);
}

void
cv_record_set_integer (CvRecord   *self,
                       const char *field,
                       gint64      value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (CV_IS_RECORD (self));

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  cv_record_set_value (self, field_index (self, field), &v);
}

double
cv_record_get_number (CvRecord   *self,
                      const char *field)
{
  g_return_val_if_fail (CV_IS_RECORD (self), 0);
  return g_value_get_double (&values_of (self)[field_index (self, field)]);
}

void
cv_record_set_number (CvRecord   *self,
                      const char *field,
                      double      value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (CV_IS_RECORD (self));

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  cv_record_set_value (self, field_index (self, field), &v);
}

/* Returns: (nullable): the list, or %NULL when it is empty */
const char * const *
cv_record_get_list (CvRecord   *self,
                    const char *field)
{
  g_return_val_if_fail (CV_IS_RECORD (self), NULL);
  return g_value_get_boxed (&values_of (self)[field_index (self, field)]);
}

void
cv_record_set_list (CvRecord           *self,
                    const char         *field,
                    const char * const *values)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (CV_IS_RECORD (self));

  g_value_init (&v, G_TYPE_STRV);
  g_value_set_boxed (&v, values);
  cv_record_set_value (self, field_index (self, field), &v);
}

char *
cv_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static gboolean
digits_at (const char *text,
           int         start,
           int         count,
           int        *out)
{
  int v = 0;

  for (int i = start; i < start + count; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (text[i] - '0');
    }
  *out = v;
  return TRUE;
}

/* A real calendar date written YYYY-MM-DD: 2024-02-30 is refused. */
gboolean
cv_date_is_valid (const char *text)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!digits_at (text, 0, 4, &y) || !digits_at (text, 5, 2, &m) || !digits_at (text, 8, 2, &d))
    return FALSE;
  return y >= 1 && g_date_valid_dmy (d, m, y);
}

/* A UTC date and time written YYYY-MM-DDTHH:MM:SSZ, the one form Convene stores. */
gboolean
cv_date_time_is_valid (const char *text)
{
  g_autofree char *date = NULL;
  int h, min, s;

  if (text == NULL || strlen (text) != 20 || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != 'Z')
    return FALSE;
  date = g_strndup (text, 10);
  if (!cv_date_is_valid (date))
    return FALSE;
  if (!digits_at (text, 11, 2, &h) || !digits_at (text, 14, 2, &min) || !digits_at (text, 17, 2, &s))
    return FALSE;
  return h < 24 && min < 60 && s < 60;
}

/* The shape of an address (someone@place.example), not whether it exists. */
gboolean
cv_email_is_valid (const char *text)
{
  const char *at;
  const char *domain;

  if (text == NULL || strlen (text) > 254)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>')
      return FALSE;

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  domain = at + 1;
  if (*domain == '.' || strchr (domain, '.') == NULL || strstr (domain, "..") != NULL)
    return FALSE;
  return domain[strlen (domain) - 1] != '.';
}

/**
 * cv_record_type_find_field:
 * @type: a subclass of #CvRecord
 * @name: the name of one of its fields
 *
 * Returns: (nullable): the field, as cv_record_kind_find_field() finds it in
 *   @type's kind
 */
const CvField *
cv_record_type_find_field (GType       type,
                           const char *name)
{
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (g_type_is_a (type, CV_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  return cv_record_kind_find_field (CV_RECORD_CLASS (klass)->kind, name);
}
