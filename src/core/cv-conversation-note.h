/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_CONVERSATION_NOTE (cv_conversation_note_get_type ())
G_DECLARE_FINAL_TYPE (CvConversationNote, cv_conversation_note, CV, CONVERSATION_NOTE, CvRecord)

G_END_DECLS
