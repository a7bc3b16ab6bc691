/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_MEASURE (cv_measure_get_type ())
G_DECLARE_FINAL_TYPE (CvMeasure, cv_measure, CV, MEASURE, CvRecord)

G_END_DECLS
