/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cv_utc_from_local (const char  *local,
                         GTimeZone   *zone,
                         GError     **error);
char *cv_local_from_utc (const char  *utc,
                         GTimeZone   *zone);
char *cv_utc_now        (void);
char *cv_date_parse     (const char  *text,
                         GError     **error);
char *cv_date_format    (const char  *date);
char *cv_local_date     (GDateTime   *moment,
                         GTimeZone   *zone);

G_END_DECLS
