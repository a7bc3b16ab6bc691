/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cv-register.h"

G_BEGIN_DECLS

#define CV_TYPE_POWER_GRID (cv_power_grid_get_type ())
G_DECLARE_FINAL_TYPE (CvPowerGrid, cv_power_grid, CV, POWER_GRID, GtkWidget)

GtkWidget  *cv_power_grid_new          (void);
char       *cv_power_grid_describe     (const CvGrid *grid);
void        cv_power_grid_set_grid     (CvPowerGrid *self,
                                        CvGrid      *grid);
const char *cv_power_grid_quadrant_at  (CvPowerGrid *self,
                                        double       x,
                                        double       y);
const char *cv_power_grid_stakeholder_at (CvPowerGrid *self,
                                          double       x,
                                          double       y);
gboolean    cv_power_grid_get_point_position (CvPowerGrid *self,
                                              const char  *id,
                                              double      *x,
                                              double      *y);
const char *cv_power_grid_quadrant_name (int influence,
                                         int interest);

G_END_DECLS
