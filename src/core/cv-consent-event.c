/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One dated change of a person's consent: given, reviewed or withdrawn, with
 * what it covered, how it was given and when it was next to be reviewed.
 * The store writes these itself whenever a person's consent changes, so the
 * history cannot be forgotten by any path that saves a person.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-consent-event.h"
#include "cv-stakeholder.h"

static const CvChoice kinds[] = {
  { "given", N_("Given") },
  { "reviewed", N_("Reviewed") },
  { "withdrawn", N_("Withdrawn") },
  { NULL, NULL }
};

static const CvField fields[] = {
  { "stakeholder_id", N_("Stakeholder"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_SCOPE,
    .target = "stakeholder", .on_delete = CV_ON_DELETE_CASCADE },
  { "kind", N_("Change"), CV_FIELD_CHOICE, .choices = kinds },
  { "happened_on", N_("Date"), CV_FIELD_DATE, CV_FIELD_REQUIRED },
  { "how", N_("How consent was given"), CV_FIELD_CHOICE, .choices = cv_consent_how_choices },
  { "purposes", N_("Consent covers"), CV_FIELD_WORDS, .link_table = "consent_event_purpose" },
  { "review_on", N_("Review consent by"), CV_FIELD_DATE },
};

static const CvRecordKind kind = { "consent_event", N_("Consent change"), fields, G_N_ELEMENTS (fields) };

CV_DEFINE_RECORD_TYPE (CvConsentEvent, cv_consent_event, kind, NULL)
