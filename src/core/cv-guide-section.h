/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_GUIDE_SECTION (cv_guide_section_get_type ())
G_DECLARE_FINAL_TYPE (CvGuideSection, cv_guide_section, CV, GUIDE_SECTION, CvRecord)

G_END_DECLS
