/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_MEASURE_VALUE (cv_measure_value_get_type ())
G_DECLARE_FINAL_TYPE (CvMeasureValue, cv_measure_value, CV, MEASURE_VALUE, CvRecord)

G_END_DECLS
