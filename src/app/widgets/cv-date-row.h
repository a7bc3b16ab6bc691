/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void  cv_date_row_attach_calendar (AdwEntryRow *row);
void  cv_date_row_attach_calendar_and_time (AdwEntryRow *row);
void  cv_date_row_set_date        (AdwEntryRow *row,
                                   const char  *date);
char *cv_date_row_get_date        (AdwEntryRow *row);
void  cv_date_row_show_format     (AdwEntryRow *row,
                                   gboolean     with_time);

G_END_DECLS
