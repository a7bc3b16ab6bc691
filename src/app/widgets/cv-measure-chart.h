/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cv-overview.h"

G_BEGIN_DECLS

#define CV_TYPE_MEASURE_CHART (cv_measure_chart_get_type ())
G_DECLARE_FINAL_TYPE (CvMeasureChart, cv_measure_chart, CV, MEASURE_CHART, GtkWidget)

GtkWidget *cv_measure_chart_new        (gboolean        compact);
void       cv_measure_chart_set_values (CvMeasureChart *self,
                                        GArray         *points,
                                        const char     *better,
                                        const char     *unit);

G_END_DECLS
