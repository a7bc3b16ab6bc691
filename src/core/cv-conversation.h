/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_CONVERSATION (cv_conversation_get_type ())
G_DECLARE_FINAL_TYPE (CvConversation, cv_conversation, CV, CONVERSATION, CvRecord)

G_END_DECLS
