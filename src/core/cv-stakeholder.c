/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-error.h"
#include "cv-consent.h"
#include "cv-stakeholder.h"

static const CvChoice kinds[] = {
  { "person", N_("Person") },
  { "organisation", N_("Organisation") },
  { NULL, NULL }
};

static const CvChoice sectors[] = {
  { "nhs", N_("NHS") },
  { "primary_care", N_("Primary care") },
  { "local_authority", N_("Local authority") },
  { "social_care_provider", N_("Social care provider") },
  { "voluntary_community", N_("Voluntary and community") },
  { "citizen", N_("Citizen, patient or carer") },
  { "other", N_("Other") },
  { NULL, NULL }
};

/* Influence and interest share one scale. */
const CvChoice cv_level_choices[] = {
  { "low", N_("Low") },
  { "medium", N_("Medium") },
  { "high", N_("High") },
  { NULL, NULL }
};

static const CvChoice engagements[] = {
  { "inform", N_("Inform") },
  { "consult", N_("Consult") },
  { "involve", N_("Involve") },
  { "collaborate", N_("Collaborate") },
  { "co_produce", N_("Co-produce") },
  { NULL, NULL }
};

/* How a person gave their consent. */
const CvChoice cv_consent_how_choices[] = {
  { "not_recorded", N_("Not recorded") },
  { "spoken", N_("Spoken") },
  { "written", N_("Written") },
  { "online", N_("Online") },
  { NULL, NULL }
};

static const CvField fields[] = {
  { "programme_id", N_("Programme"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_SCOPE,
    .target = "programme", .on_delete = CV_ON_DELETE_CASCADE },
  { "kind", N_("Kind"), CV_FIELD_CHOICE, .choices = kinds },
  { "name", N_("Name"), CV_FIELD_STRING, CV_FIELD_REQUIRED },
  { "organisation_id", N_("Organisation"), CV_FIELD_REFERENCE, .target = "stakeholder",
    .target_kind = "organisation", .on_delete = CV_ON_DELETE_SET_NULL },
  { "role", N_("Role"), CV_FIELD_STRING },
  { "sector", N_("Sector"), CV_FIELD_CHOICE, .choices = sectors, .default_value = "other" },
  { "email", N_("Email"), CV_FIELD_EMAIL },
  { "phone", N_("Phone"), CV_FIELD_STRING },
  { "influence", N_("Influence"), CV_FIELD_CHOICE, .choices = cv_level_choices,
    .default_value = "medium" },
  { "interest", N_("Interest"), CV_FIELD_CHOICE, .choices = cv_level_choices,
    .default_value = "medium" },
  { "engagement", N_("Engagement level"), CV_FIELD_CHOICE, .choices = engagements },
  { "tags", N_("Tags"), CV_FIELD_WORDS, .link_table = "stakeholder_tag" },
  { "consent", N_("Consent to be contacted"), CV_FIELD_BOOLEAN },
  { "consent_on", N_("Consent given on"), CV_FIELD_DATE },
  /* Purposes of the programme's list (see cv-consent.h). */
  { "consent_purposes", N_("Consent covers"), CV_FIELD_WORDS, .link_table = "stakeholder_consent_purpose" },
  { "consent_how", N_("How consent was given"), CV_FIELD_CHOICE, .choices = cv_consent_how_choices },
  /* Filled in from the programme's review period when consent is given. */
  { "consent_review_on", N_("Review consent by"), CV_FIELD_DATE },
  { "consent_withdrawn_on", N_("Consent withdrawn on"), CV_FIELD_DATE },
  /* Partner exports leave out every person who has not agreed to this. */
  { "named_to_partners", N_("Willing to be named to partners"), CV_FIELD_BOOLEAN },
  { "notes", N_("Notes"), CV_FIELD_TEXT },
};

static const CvRecordKind kind = { "stakeholder", N_("Stakeholder"), fields, G_N_ELEMENTS (fields) };

static gboolean
cv_stakeholder_validate (CvRecord  *record,
                         CvStore   *store,
                         GError   **error)
{
  const char *organisation = cv_record_get_string (record, "organisation_id");

  if (organisation == NULL)
    return TRUE;
  if (g_strcmp0 (cv_record_get_string (record, "kind"), "organisation") == 0)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("Organisation: an organisation cannot belong to another organisation."));
      return FALSE;
    }
  if (g_strcmp0 (organisation, cv_record_get_id (record)) == 0)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("Organisation: a stakeholder cannot be their own organisation."));
      return FALSE;
    }
  return TRUE;
}

CV_DEFINE_RECORD_TYPE_WITH_WRITE (CvStakeholder, cv_stakeholder, kind, cv_stakeholder_validate,
                                  cv_consent_prepare_write, NULL)
