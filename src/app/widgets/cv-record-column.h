/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"

G_BEGIN_DECLS

char *cv_record_cell_text         (CvStore             *store,
                                   CvRecord            *record,
                                   const char          *field);
void  cv_record_column_set_up     (GtkColumnViewColumn *column,
                                   CvStore             *store,
                                   const char          *field);
void  cv_record_table_fit          (GtkColumnView       *view,
                                   AdwLeaflet          *leaflet,
                                   GtkColumnViewColumn *main,
                                   ...) G_GNUC_NULL_TERMINATED;
int   cv_record_table_main_minimum (void);

G_END_DECLS
