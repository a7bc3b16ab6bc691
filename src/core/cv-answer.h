/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_ANSWER (cv_answer_get_type ())
G_DECLARE_FINAL_TYPE (CvAnswer, cv_answer, CV, ANSWER, CvRecord)

G_END_DECLS
