/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cv_format_timestamp (const char *utc_timestamp);
char *cv_format_date      (const char *date);
char *cv_today            (void);
char *cv_format_excerpt   (const char *text,
                           guint       max_chars);

G_END_DECLS
