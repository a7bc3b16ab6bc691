/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CvStore CvStore;
typedef struct _CvWrite CvWrite;

/**
 * CvFieldType:
 *
 * What a field holds. Its column, its JSON key and (with '-' for '_') its
 * GObject property all carry the field's name.
 */
typedef enum
{
  CV_FIELD_STRING,      /* one line of text */
  CV_FIELD_TEXT,        /* several lines of text */
  CV_FIELD_EMAIL,       /* an email address, checked for shape */
  CV_FIELD_CHOICE,      /* one of a fixed list of choices */
  CV_FIELD_BOOLEAN,
  CV_FIELD_INTEGER,
  CV_FIELD_NUMBER,
  CV_FIELD_DATE,        /* YYYY-MM-DD */
  CV_FIELD_DATE_TIME,   /* YYYY-MM-DDTHH:MM:SSZ, always UTC */
  CV_FIELD_REFERENCE,   /* the id of another record */
  CV_FIELD_WORDS,       /* a list of words, kept in a side table */
  CV_FIELD_REFERENCES,  /* a list of ids of other records, kept in a side table */
} CvFieldType;

typedef enum
{
  CV_FIELD_REQUIRED = 1 << 0,  /* may not be empty */
  CV_FIELD_UNIQUE   = 1 << 1,  /* unique within the record's scope */
  CV_FIELD_SCOPE    = 1 << 2,  /* the reference to the programme or owning record */
} CvFieldFlags;

/* What the database does to a referring record when the one it names goes. */
typedef enum
{
  CV_ON_DELETE_CASCADE,
  CV_ON_DELETE_SET_NULL,
  CV_ON_DELETE_RESTRICT,
} CvOnDelete;

typedef struct
{
  const char *nick;   /* stored in the database and in files */
  const char *label;  /* N_(): what a person reads */
} CvChoice;

typedef struct
{
  const char     *name;
  const char     *label;           /* N_() */
  CvFieldType     type;
  CvFieldFlags    flags;
  const CvChoice *choices;         /* CHOICE: ends with a { NULL, NULL } */
  const char     *default_value;   /* CHOICE: a nick; BOOLEAN: "1" for TRUE */
  const char     *target;          /* REFERENCE(S): the table of the record named */
  const char     *target_kind;     /* REFERENCE: the target's `kind` must be this */
  CvOnDelete      on_delete;       /* REFERENCE(S): mirrors the schema */
  const char     *link_table;      /* WORDS / REFERENCES: the side table */
  const char     *duplicate_message; /* UNIQUE: N_(), with one %s for the value */
} CvField;

typedef struct
{
  const char    *table;
  const char    *label;    /* N_() */
  const CvField *fields;
  guint          n_fields;
} CvRecordKind;

const CvField *cv_record_kind_find_field  (const CvRecordKind *kind,
                                           const char         *name);
const CvField *cv_record_kind_scope_field (const CvRecordKind *kind);
const char    *cv_field_choice_label      (const CvField      *field,
                                           const char         *nick);
gboolean       cv_field_has_choice        (const CvField      *field,
                                           const char         *nick);
guint          cv_field_choice_index      (const CvField      *field,
                                           const char         *nick);

#define CV_TYPE_RECORD (cv_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (CvRecord, cv_record, CV, RECORD, GObject)

struct _CvRecordClass
{
  GObjectClass        parent_class;

  const CvRecordKind *kind;
  GParamSpec        **field_pspecs;   /* one per field of kind, in order */

  /* Rules across fields or needing the database; the generic rules (required,
   * choices, dates, references in the same programme) are already checked. */
  gboolean (*validate) (CvRecord  *self,
                        CvStore   *store,
                        GError   **error);

  /* A kind's own part in a write or a deletion (see #CvWrite), inside its
   * transaction: @prepare_write before the record is validated and written
   * or deleted, @finish_write after. The store knows no kind by name. */
  gboolean (*prepare_write) (CvRecord  *self,
                             CvStore   *store,
                             CvWrite   *write,
                             GError   **error);
  gboolean (*finish_write)  (CvRecord  *self,
                             CvStore   *store,
                             CvWrite   *write,
                             GError   **error);
};

void                cv_record_class_set_kind  (CvRecordClass      *klass,
                                               const CvRecordKind *kind);

CvRecord           *cv_record_new             (GType               type);
CvRecord           *cv_record_copy            (CvRecord           *self);
gboolean            cv_record_same_fields     (CvRecord           *a,
                                               CvRecord           *b);
const CvRecordKind *cv_record_get_kind        (CvRecord           *self);
const char         *cv_record_get_id          (CvRecord           *self);
void                cv_record_set_id          (CvRecord           *self,
                                               const char         *id);
const char         *cv_record_get_created_at  (CvRecord           *self);
const char         *cv_record_get_updated_at  (CvRecord           *self);
void                cv_record_set_timestamps  (CvRecord           *self,
                                               const char         *created_at,
                                               const char         *updated_at);

const char         *cv_record_get_string      (CvRecord           *self,
                                               const char         *field);
void                cv_record_set_string      (CvRecord           *self,
                                               const char         *field,
                                               const char         *value);
gboolean            cv_record_get_boolean     (CvRecord           *self,
                                               const char         *field);
void                cv_record_set_boolean     (CvRecord           *self,
                                               const char         *field,
                                               gboolean            value);
gint64              cv_record_get_integer     (CvRecord           *self,
                                               const char         *field);
void                cv_record_set_integer     (CvRecord           *self,
                                               const char         *field,
                                               gint64              value);
double              cv_record_get_number      (CvRecord           *self,
                                               const char         *field);
void                cv_record_set_number      (CvRecord           *self,
                                               const char         *field,
                                               double              value);
const char * const *cv_record_get_list        (CvRecord           *self,
                                               const char         *field);
void                cv_record_set_list        (CvRecord           *self,
                                               const char         *field,
                                               const char * const *values);

const GValue       *cv_record_get_value       (CvRecord           *self,
                                               guint               index);
void                cv_record_set_value       (CvRecord           *self,
                                               guint               index,
                                               const GValue       *value);

/* Defines a record kind's type from its CvRecordKind table: the kinds differ
 * only in their fields and their rules, so their GObject code is written once. */
#define CV_DEFINE_RECORD_TYPE(TypeName, type_name, record_kind, validate_func)  \
  CV_DEFINE_RECORD_TYPE_WITH_WRITE (TypeName, type_name, record_kind, validate_func, NULL, NULL)

/* A kind with its own part in writes: see CvRecordClass.prepare_write. */
#define CV_DEFINE_RECORD_TYPE_WITH_WRITE(TypeName, type_name, record_kind, validate_func, prepare_func, finish_func) \
  struct _##TypeName { CvRecord parent_instance; };                             \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, CV_TYPE_RECORD)                     \
  static void                                                                   \
  type_name##_class_init (TypeName##Class *klass)                               \
  {                                                                             \
    cv_record_class_set_kind (CV_RECORD_CLASS (klass), &(record_kind));         \
    CV_RECORD_CLASS (klass)->validate = (validate_func);                        \
    CV_RECORD_CLASS (klass)->prepare_write = (prepare_func);                    \
    CV_RECORD_CLASS (klass)->finish_write = (finish_func);                      \
  }                                                                             \
  static void                                                                   \
  type_name##_init (TypeName *self)                                             \
  {                                                                             \
  }

char               *cv_timestamp_now          (void);
gboolean            cv_date_is_valid          (const char         *text);
gboolean            cv_date_time_is_valid     (const char         *text);
gboolean            cv_email_is_valid         (const char         *text);

const CvField *cv_record_type_find_field  (GType               type,
                                           const char         *name);

G_END_DECLS
