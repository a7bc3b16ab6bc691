/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_CONTRIBUTION (cv_contribution_get_type ())
G_DECLARE_FINAL_TYPE (CvContribution, cv_contribution, CV, CONTRIBUTION, CvRecord)

G_END_DECLS
