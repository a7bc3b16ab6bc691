/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_THEME (cv_theme_get_type ())
G_DECLARE_FINAL_TYPE (CvTheme, cv_theme, CV, THEME, CvRecord)

G_END_DECLS
