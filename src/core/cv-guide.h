/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_GUIDE (cv_guide_get_type ())
G_DECLARE_FINAL_TYPE (CvGuide, cv_guide, CV, GUIDE, CvRecord)

G_END_DECLS
