/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_PROMPT (cv_prompt_get_type ())
G_DECLARE_FINAL_TYPE (CvPrompt, cv_prompt, CV, PROMPT, CvRecord)

extern const CvChoice cv_response_kinds[];

G_END_DECLS
