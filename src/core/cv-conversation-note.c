/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-conversation-note.h"

/* A completed conversation is not rewritten: what is learned later is added
 * to it as a dated note. */
static const CvField fields[] = {
  { "conversation_id", N_("Conversation"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_SCOPE,
    .target = "conversation", .on_delete = CV_ON_DELETE_CASCADE },
  { "noted_on", N_("Date"), CV_FIELD_DATE, CV_FIELD_REQUIRED },
  { "text", N_("Note"), CV_FIELD_TEXT, CV_FIELD_REQUIRED },
};

static const CvRecordKind kind = { "conversation_note", N_("Note"), fields, G_N_ELEMENTS (fields) };

CV_DEFINE_RECORD_TYPE (CvConversationNote, cv_conversation_note, kind, NULL)
