/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cv-store.h"

G_BEGIN_DECLS

char *cv_record_cell_text         (CvStore             *store,
                                   CvRecord            *record,
                                   const char          *field);
void  cv_record_column_set_up     (GtkColumnViewColumn *column,
                                   CvStore             *store,
                                   const char          *field);

G_END_DECLS
