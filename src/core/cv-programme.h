/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_PROGRAMME (cv_programme_get_type ())
G_DECLARE_FINAL_TYPE (CvProgramme, cv_programme, CV, PROGRAMME, CvRecord)

G_END_DECLS
