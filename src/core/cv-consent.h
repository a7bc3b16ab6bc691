/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-store.h"

G_BEGIN_DECLS

/* The purposes every new programme offers, stored by these keys and shown
 * translated; a programme may add its own, stored as written. */
#define CV_CONSENT_INVITATIONS       "invitations"
#define CV_CONSENT_NEWSLETTERS       "newsletters"
#define CV_CONSENT_NAMED_TO_PARTNERS "named_to_partners"

/* Consent whose review date is this many days away or fewer is due for review. */
#define CV_CONSENT_DUE_DAYS 30

/**
 * CvConsentState:
 * @CV_CONSENT_NONE: never given
 * @CV_CONSENT_CURRENT: given, and its review date is more than a month away
 * @CV_CONSENT_DUE: given, to be reviewed within CV_CONSENT_DUE_DAYS
 * @CV_CONSENT_LAPSED: given, but its review date has passed
 * @CV_CONSENT_WITHDRAWN: withdrawn, and not given again since
 */
typedef enum
{
  CV_CONSENT_NONE,
  CV_CONSENT_CURRENT,
  CV_CONSENT_DUE,
  CV_CONSENT_LAPSED,
  CV_CONSENT_WITHDRAWN,
} CvConsentState;

/* A person's consent is current, and covers the purpose bound as ?PURPOSE,
 * on the day bound as ?TODAY; S is the stakeholder table's alias. */
#define CV_CONSENT_COVERS_SQL(S, TODAY, PURPOSE) \
  "(" S ".consent = 1 AND " S ".consent_review_on >= " TODAY \
  " AND EXISTS (SELECT 1 FROM stakeholder_consent_purpose cp" \
  " WHERE cp.stakeholder_id = " S ".id AND cp.value = " PURPOSE "))"

const char * const *cv_consent_default_purposes (void);
const char         *cv_consent_purpose_label    (const char  *purpose);
char               *cv_consent_purpose_from_label (const char *label);
char               *cv_consent_today            (void);
char               *cv_consent_add_days         (const char  *date,
                                                 int          days);
char               *cv_consent_review_date      (const char  *given_on,
                                                 guint        years);
guint               cv_consent_review_years     (CvStore     *store,
                                                 const char  *programme_id);
CvConsentState      cv_consent_state            (CvRecord    *stakeholder,
                                                 const char  *today);
gboolean            cv_consent_is_lapsed        (CvRecord    *stakeholder,
                                                 const char  *today);
gboolean            cv_consent_covers           (CvRecord    *stakeholder,
                                                 const char  *purpose,
                                                 const char  *today);

gboolean            cv_consent_note_change      (CvStore     *store,
                                                 CvRecord    *record,
                                                 gboolean     replace_existing,
                                                 GPtrArray  **events,
                                                 GError     **error);

gboolean            cv_consent_withdraw         (CvStore     *store,
                                                 const char  *stakeholder_id,
                                                 const char  *on,
                                                 GError     **error);
gboolean            cv_consent_mark_reviewed    (CvStore     *store,
                                                 const char  *stakeholder_id,
                                                 const char  *on,
                                                 GError     **error);
GPtrArray          *cv_consent_history          (CvStore     *store,
                                                 const char  *stakeholder_id,
                                                 GError     **error);
gint64              cv_consent_count_due        (CvStore     *store,
                                                 const char  *programme_id,
                                                 const char  *today,
                                                 GError     **error);

gboolean            cv_consent_prepare_write    (CvRecord    *record,
                                                 CvStore     *store,
                                                 CvWrite     *write,
                                                 GError     **error);

G_END_DECLS
