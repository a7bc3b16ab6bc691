/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void cv_date_row_attach_calendar (AdwEntryRow *row);

G_END_DECLS
