/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-conversation.h"

static const CvChoice statuses[] = {
  { "draft", N_("Draft") },
  { "complete", N_("Complete") },
  { NULL, NULL }
};

/* The person is a reference (a case number or initials) and nothing more:
 * Convene asks for no other personal data about them. */
static const CvField fields[] = {
  { "programme_id", N_("Programme"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_SCOPE,
    .target = "programme", .on_delete = CV_ON_DELETE_CASCADE },
  { "guide_id", N_("Guide"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED,
    .target = "guide", .on_delete = CV_ON_DELETE_RESTRICT },
  { "guide_version", N_("Guide version"), CV_FIELD_INTEGER, .default_value = "1" },
  { "person_ref", N_("Person reference"), CV_FIELD_STRING, CV_FIELD_REQUIRED },
  { "held_on", N_("Date"), CV_FIELD_DATE },
  { "staff", N_("Staff member"), CV_FIELD_STRING },
  { "place", N_("Place"), CV_FIELD_STRING },
  { "what_matters", N_("What matters most to the person"), CV_FIELD_TEXT },
  { "next_steps", N_("Agreed next steps"), CV_FIELD_TEXT },
  { "follow_up_on", N_("Follow-up date"), CV_FIELD_DATE },
  { "status", N_("Status"), CV_FIELD_CHOICE, .choices = statuses },
};

static const CvRecordKind kind = { "conversation", N_("Conversation"), fields, G_N_ELEMENTS (fields) };

CV_DEFINE_RECORD_TYPE (CvConversation, cv_conversation, kind, NULL)
