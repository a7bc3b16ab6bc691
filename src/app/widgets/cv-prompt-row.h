/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_PROMPT_ROW (cv_prompt_row_get_type ())
G_DECLARE_FINAL_TYPE (CvPromptRow, cv_prompt_row, CV, PROMPT_ROW, AdwExpanderRow)

GtkWidget  *cv_prompt_row_new           (CvRecord    *guide,
                                         CvRecord    *prompt);
const char *cv_prompt_row_get_id        (CvPromptRow *self);
GtkWidget  *cv_prompt_row_get_field_row (CvPromptRow *self,
                                         const char  *field);

G_END_DECLS
