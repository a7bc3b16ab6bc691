/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Consent with a purpose and a review date (UK GDPR: consent that is
 * specific, recorded and can be withdrawn as easily as it was given).
 *
 * A person's consent covers some of the purposes their programme lists, says
 * how it was given, and must be reviewed by a date: when it is given, that
 * date is the programme's review period (two years unless it says otherwise)
 * after the day it was given. Consent whose review date has passed has
 * lapsed, as has consent withdrawn: such a person is left out of contact
 * lists and calendar invitations until their consent is given again.
 *
 * Every change of consent is kept as a dated CvConsentEvent, written by the
 * store in the same transaction as the change (cv_consent_note_change()),
 * so no way of saving a person can leave the history behind.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cv-consent.h"
#include "cv-consent-event.h"
#include "cv-error.h"
#include "cv-programme.h"
#include "cv-stakeholder.h"

static const struct
{
  const char *key;
  const char *label;
} builtin_purposes[] = {
  { CV_CONSENT_INVITATIONS, N_("Invitations") },
  { CV_CONSENT_NEWSLETTERS, N_("Newsletters") },
  { CV_CONSENT_NAMED_TO_PARTNERS, N_("Being named to partners") },
};

/**
 * cv_consent_default_purposes:
 *
 * Returns: (transfer none): the purposes a new programme offers
 */
const char * const *
cv_consent_default_purposes (void)
{
  static const char * const defaults[] = {
    CV_CONSENT_INVITATIONS, CV_CONSENT_NEWSLETTERS, CV_CONSENT_NAMED_TO_PARTNERS, NULL
  };

  return defaults;
}

/**
 * cv_consent_purpose_label:
 *
 * Returns: (transfer none): a purpose as a person reads it: a built-in one
 *   translated, a programme's own as it was written
 */
const char *
cv_consent_purpose_label (const char *purpose)
{
  g_return_val_if_fail (purpose != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_purposes); i++)
    if (g_str_equal (purpose, builtin_purposes[i].key))
      return _(builtin_purposes[i].label);
  return purpose;
}

/**
 * cv_consent_purpose_from_label:
 * @label: a purpose as a person wrote it
 *
 * Returns: (transfer full): the key of the built-in purpose @label names
 *   (in the reader's language or in English, whatever the case), or @label
 *   itself, trimmed: a programme's own purpose
 */
char *
cv_consent_purpose_from_label (const char *label)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (label));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_purposes); i++)
    {
      g_autofree char *english = g_utf8_casefold (builtin_purposes[i].label, -1);
      g_autofree char *translated = g_utf8_casefold (_(builtin_purposes[i].label), -1);

      if (g_str_equal (folded, english) || g_str_equal (folded, translated) ||
          g_str_equal (trimmed, builtin_purposes[i].key))
        return g_strdup (builtin_purposes[i].key);
    }
  return g_steal_pointer (&trimmed);
}

/* Returns: (transfer full): today's date where the person is, YYYY-MM-DD */
char *
cv_consent_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Returns: (transfer full) (nullable): @date moved by @days, or %NULL when @date is not one */
char *
cv_consent_add_days (const char *date,
                     int         days)
{
  GDate d;

  if (!parse_date (date, &d))
    return NULL;
  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return format_date (&d);
}

/**
 * cv_consent_review_date:
 * @given_on: when consent was given, YYYY-MM-DD
 * @years: the programme's review period
 *
 * Returns: (transfer full) (nullable): the day by which it must be reviewed
 *   (29 February gives 28 February in a year without one)
 */
char *
cv_consent_review_date (const char *given_on,
                        guint       years)
{
  GDate d;

  if (!parse_date (given_on, &d))
    return NULL;
  g_date_add_years (&d, years);
  return format_date (&d);
}

/* Returns: the programme's review period in years (2 when it cannot be read) */
guint
cv_consent_review_years (CvStore    *store,
                         const char *programme_id)
{
  g_autoptr(CvStatement) st = NULL;

  g_return_val_if_fail (CV_IS_STORE (store), 2);

  st = cv_database_prepare (cv_store_get_database (store),
                            "SELECT consent_review_years FROM programme WHERE id = ?1", NULL);
  if (st == NULL)
    return 2;
  cv_statement_bind_text (st, 1, programme_id);
  if (cv_statement_step (st, NULL) != CV_STEP_ROW)
    return 2;
  return CLAMP (cv_statement_column_int64 (st, 0), 1, 10);
}

CvConsentState
cv_consent_state (CvRecord   *stakeholder,
                  const char *today)
{
  const char *review_on;
  g_autofree char *due_from = NULL;

  g_return_val_if_fail (CV_IS_STAKEHOLDER (stakeholder), CV_CONSENT_NONE);
  g_return_val_if_fail (today != NULL, CV_CONSENT_NONE);

  if (!cv_record_get_boolean (stakeholder, "consent"))
    return cv_record_get_string (stakeholder, "consent_withdrawn_on") != NULL
           ? CV_CONSENT_WITHDRAWN : CV_CONSENT_NONE;
  review_on = cv_record_get_string (stakeholder, "consent_review_on");
  if (review_on == NULL)
    return CV_CONSENT_CURRENT;
  if (strcmp (review_on, today) < 0)
    return CV_CONSENT_LAPSED;
  due_from = cv_consent_add_days (today, CV_CONSENT_DUE_DAYS);
  return due_from != NULL && strcmp (review_on, due_from) < 0 ? CV_CONSENT_DUE : CV_CONSENT_CURRENT;
}

/* Returns: whether consent once given no longer holds: withdrawn, or past its review date */
gboolean
cv_consent_is_lapsed (CvRecord   *stakeholder,
                      const char *today)
{
  CvConsentState state = cv_consent_state (stakeholder, today);

  return state == CV_CONSENT_LAPSED || state == CV_CONSENT_WITHDRAWN;
}

/* Returns: whether the person's consent holds on @today and covers @purpose */
gboolean
cv_consent_covers (CvRecord   *stakeholder,
                   const char *purpose,
                   const char *today)
{
  CvConsentState state = cv_consent_state (stakeholder, today);
  const char * const *purposes = cv_record_get_list (stakeholder, "consent_purposes");

  return (state == CV_CONSENT_CURRENT || state == CV_CONSENT_DUE) &&
         purposes != NULL && g_strv_contains (purposes, purpose);
}

static gboolean
same_list (const char * const *a,
           const char * const *b)
{
  guint na = a != NULL ? g_strv_length ((GStrv)a) : 0;
  guint nb = b != NULL ? g_strv_length ((GStrv)b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!g_strv_contains (b, a[i]))
      return FALSE;
  return TRUE;
}

static CvRecord *
new_event (CvRecord   *stakeholder,
           const char *kind,
           const char *happened_on,
           const char *how,
           const char * const *purposes,
           const char *review_on)
{
  CvRecord *event = cv_record_new (CV_TYPE_CONSENT_EVENT);
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = cv_timestamp_now ();

  cv_record_set_id (event, id);
  cv_record_set_timestamps (event, now, now);
  cv_record_set_string (event, "stakeholder_id", cv_record_get_id (stakeholder));
  cv_record_set_string (event, "kind", kind);
  cv_record_set_string (event, "happened_on", happened_on);
  cv_record_set_string (event, "how", how);
  cv_record_set_list (event, "purposes", purposes);
  cv_record_set_string (event, "review_on", review_on);
  return event;
}

/**
 * cv_consent_note_change:
 * @record: a record about to be written; a stakeholder's consent fields are
 *   completed here, a new programme gets the default purposes
 * @replace_existing: whether @record replaces the stored one with its id
 * @events: (out) (transfer full) (element-type CvConsentEvent): the history
 *   rows to write once @record is written
 *
 * Consent given gets its date (today when none was said) and its review
 * date from the programme's period; consent turned off is withdrawn today,
 * with what it covered; a change of what consent covers, how it was given or
 * when it is reviewed is a review. Each is one event.
 */
gboolean
cv_consent_note_change (CvStore    *store,
                        CvRecord   *record,
                        gboolean    replace_existing,
                        GPtrArray **events,
                        GError    **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CvRecord) stored = NULL;
  g_autofree char *today = NULL;
  gboolean was, now;

  g_return_val_if_fail (CV_IS_STORE (store), FALSE);
  g_return_val_if_fail (events != NULL, FALSE);

  *events = NULL;
  if (CV_IS_PROGRAMME (record))
    {
      const char * const *purposes = cv_record_get_list (record, "consent_purposes");

      if (!replace_existing && (purposes == NULL || purposes[0] == NULL))
        cv_record_set_list (record, "consent_purposes", cv_consent_default_purposes ());
      *events = g_steal_pointer (&out);
      return TRUE;
    }
  if (!CV_IS_STAKEHOLDER (record))
    {
      *events = g_steal_pointer (&out);
      return TRUE;
    }

  if (replace_existing)
    {
      g_autoptr(GError) local = NULL;

      stored = cv_store_load (store, CV_TYPE_STAKEHOLDER, cv_record_get_id (record), &local);
      if (stored == NULL && !g_error_matches (local, CV_ERROR, CV_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  today = cv_consent_today ();
  was = stored != NULL && cv_record_get_boolean (stored, "consent");
  now = cv_record_get_boolean (record, "consent");

  if (now)
    {
      const char *given_on = cv_record_get_string (record, "consent_on");
      const char *review_on = cv_record_get_string (record, "consent_review_on");

      if (given_on == NULL)
        {
          cv_record_set_string (record, "consent_on", today);
          given_on = cv_record_get_string (record, "consent_on");
        }
      /* Given anew: an old review date (from before a withdrawal) is not kept. */
      if (review_on == NULL || (!was && strcmp (review_on, given_on) <= 0))
        {
          g_autofree char *programme = g_strdup (cv_record_get_string (record, "programme_id"));
          g_autofree char *review = cv_consent_review_date (given_on,
                                                            cv_consent_review_years (store, programme));

          cv_record_set_string (record, "consent_review_on", review);
        }
      cv_record_set_string (record, "consent_withdrawn_on", NULL);
    }

  if (!was && now)
    g_ptr_array_add (out, new_event (record, "given", cv_record_get_string (record, "consent_on"),
                                     cv_record_get_string (record, "consent_how"),
                                     cv_record_get_list (record, "consent_purposes"),
                                     cv_record_get_string (record, "consent_review_on")));
  else if (was && now &&
           (g_strcmp0 (cv_record_get_string (stored, "consent_review_on"),
                       cv_record_get_string (record, "consent_review_on")) != 0 ||
            g_strcmp0 (cv_record_get_string (stored, "consent_how"),
                       cv_record_get_string (record, "consent_how")) != 0 ||
            g_strcmp0 (cv_record_get_string (stored, "consent_on"),
                       cv_record_get_string (record, "consent_on")) != 0 ||
            !same_list (cv_record_get_list (stored, "consent_purposes"),
                        cv_record_get_list (record, "consent_purposes"))))
    g_ptr_array_add (out, new_event (record, "reviewed", today, cv_record_get_string (record, "consent_how"),
                                     cv_record_get_list (record, "consent_purposes"),
                                     cv_record_get_string (record, "consent_review_on")));
  else if (was && !now)
    {
      /* What was withdrawn is said in the history; the record keeps no purpose. */
      if (cv_record_get_string (record, "consent_withdrawn_on") == NULL)
        cv_record_set_string (record, "consent_withdrawn_on", today);
      g_ptr_array_add (out, new_event (record, "withdrawn", cv_record_get_string (record, "consent_withdrawn_on"),
                                       cv_record_get_string (stored, "consent_how"),
                                       cv_record_get_list (stored, "consent_purposes"), NULL));
      cv_record_set_list (record, "consent_purposes", NULL);
      cv_record_set_string (record, "consent_review_on", NULL);
      cv_record_set_boolean (record, "named_to_partners", FALSE);
    }

  *events = g_steal_pointer (&out);
  return TRUE;
}

static gboolean
change_consent (CvStore     *store,
                const char  *stakeholder_id,
                const char  *on,
                gboolean     withdraw,
                GError     **error)
{
  g_autoptr(CvRecord) person = NULL;

  g_return_val_if_fail (CV_IS_STORE (store), FALSE);
  g_return_val_if_fail (stakeholder_id != NULL, FALSE);

  if (on == NULL || !cv_date_is_valid (on))
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID, _("Give the date as YYYY-MM-DD."));
      return FALSE;
    }
  person = cv_store_load (store, CV_TYPE_STAKEHOLDER, stakeholder_id, error);
  if (person == NULL)
    return FALSE;
  if (!cv_record_get_boolean (person, "consent"))
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   withdraw ? _("“%s” has no consent to withdraw.") : _("“%s” has no consent to review."),
                   cv_record_get_string (person, "name"));
      return FALSE;
    }
  if (withdraw)
    {
      cv_record_set_boolean (person, "consent", FALSE);
      cv_record_set_string (person, "consent_withdrawn_on", on);
    }
  else
    {
      g_autofree char *review = cv_consent_review_date (on, cv_consent_review_years (
                                                          store, cv_record_get_string (person, "programme_id")));

      cv_record_set_string (person, "consent_review_on", review);
    }
  return cv_store_update (store, person, error);
}

/**
 * cv_consent_withdraw:
 * @on: the day consent was withdrawn, YYYY-MM-DD
 *
 * Withdraws every purpose of the person's consent (being named to partners
 * too), dated, in one change that the history keeps.
 */
gboolean
cv_consent_withdraw (CvStore     *store,
                     const char  *stakeholder_id,
                     const char  *on,
                     GError     **error)
{
  return change_consent (store, stakeholder_id, on, TRUE, error);
}

/**
 * cv_consent_mark_reviewed:
 * @on: the day the person confirmed their consent, YYYY-MM-DD
 *
 * The person confirmed their consent as it is: its next review is the
 * programme's period after @on.
 */
gboolean
cv_consent_mark_reviewed (CvStore     *store,
                          const char  *stakeholder_id,
                          const char  *on,
                          GError     **error)
{
  return change_consent (store, stakeholder_id, on, FALSE, error);
}

/**
 * cv_consent_history:
 *
 * Returns: (transfer full) (element-type CvConsentEvent): every change of
 *   the person's consent in the order it was recorded (a withdrawal dated
 *   back still comes after what was recorded before it), or %NULL with
 *   @error set
 */
GPtrArray *
cv_consent_history (CvStore     *store,
                    const char  *stakeholder_id,
                    GError     **error)
{
  g_return_val_if_fail (CV_IS_STORE (store), NULL);

  return cv_store_list (store, CV_TYPE_CONSENT_EVENT, "stakeholder_id", stakeholder_id, error);
}

/**
 * cv_consent_count_due:
 *
 * Returns: how many people's consent is to be reviewed within
 *   CV_CONSENT_DUE_DAYS of @today or has lapsed, a range of an index; or -1
 */
gint64
cv_consent_count_due (CvStore     *store,
                      const char  *programme_id,
                      const char  *today,
                      GError     **error)
{
  g_autoptr(CvStatement) st = NULL;
  g_autofree char *until = NULL;

  g_return_val_if_fail (CV_IS_STORE (store), -1);
  g_return_val_if_fail (cv_date_is_valid (today), -1);

  until = cv_consent_add_days (today, CV_CONSENT_DUE_DAYS);
  st = cv_database_prepare (cv_store_get_database (store),
                            "SELECT count(*) FROM stakeholder WHERE programme_id = ?1 AND consent = 1"
                            " AND consent_review_on < ?2", error);
  if (st == NULL)
    return -1;
  cv_statement_bind_text (st, 1, programme_id);
  cv_statement_bind_text (st, 2, until);
  if (cv_statement_step (st, error) != CV_STEP_ROW)
    return -1;
  return cv_statement_column_int64 (st, 0);
}

/**
 * cv_consent_prepare_write:
 * @record: a programme or a person about to be written
 *
 * The write hook of programmes and people: completes @record's consent as
 * cv_consent_note_change() does and writes the history with it.
 */
gboolean
cv_consent_prepare_write (CvRecord  *record,
                          CvStore   *store,
                          CvWrite   *write,
                          GError   **error)
{
  g_autoptr(GPtrArray) events = NULL;

  if (cv_write_is_deletion (write))
    return TRUE;
  if (!cv_consent_note_change (store, record, cv_write_replaces (write), &events, error))
    return FALSE;
  for (guint i = 0; i < events->len; i++)
    cv_write_add (write, g_ptr_array_index (events, i));
  if (events->len > 0)
    cv_write_announce (write, "consent_event", cv_record_get_id (record));
  return TRUE;
}
