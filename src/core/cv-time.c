/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Session times are typed and shown in the person's own time zone and stored
 * in UTC, in the one fixed-width form the store accepts.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cv-error.h"
#include "cv-record.h"
#include "cv-time.h"

/**
 * cv_utc_from_local:
 * @local: a local date and time, "YYYY-MM-DD HH:MM" (a "T" may stand for the space)
 * @zone: (nullable): the zone @local is in; %NULL for the local zone
 *
 * Returns: (transfer full): the same moment as "YYYY-MM-DDTHH:MM:SSZ", or
 *   %NULL with %CV_ERROR_INVALID when @local is not a real date and time
 */
char *
cv_utc_from_local (const char  *local,
                   GTimeZone   *zone,
                   GError     **error)
{
  g_autoptr(GTimeZone) here = zone != NULL ? g_time_zone_ref (zone) : g_time_zone_new_local ();
  g_autoptr(GDateTime) moment = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *date = NULL;
  int y, mo, d, h, mi;
  char sep, end;

  if (local == NULL ||
      sscanf (local, "%4d-%2d-%2d%c%2d:%2d%c", &y, &mo, &d, &sep, &h, &mi, &end) != 6 ||
      (sep != ' ' && sep != 'T') || strlen (local) != 16)
    goto invalid;
  date = g_strndup (local, 10);
  if (!cv_date_is_valid (date) || h < 0 || h > 23 || mi < 0 || mi > 59)
    goto invalid;

  moment = g_date_time_new (here, y, mo, d, h, mi, 0);
  if (moment == NULL)
    goto invalid;
  utc = g_date_time_to_utc (moment);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

invalid:
  g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
               _("“%s” is not a date and time. Write it as 2024-03-01 14:30."),
               local != NULL ? local : "");
  return NULL;
}

/**
 * cv_local_from_utc:
 * @utc: a stored UTC date and time
 * @zone: (nullable): the zone to show it in; %NULL for the local zone
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD HH:MM" in @zone
 */
char *
cv_local_from_utc (const char *utc,
                   GTimeZone  *zone)
{
  g_autoptr(GTimeZone) here = zone != NULL ? g_time_zone_ref (zone) : g_time_zone_new_local ();
  g_autoptr(GDateTime) moment = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (!cv_date_time_is_valid (utc))
    return NULL;
  moment = g_date_time_new_from_iso8601 (utc, NULL);
  if (moment == NULL)
    return NULL;
  local = g_date_time_to_timezone (moment, here);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Returns: (transfer full): now, in the stored UTC form */
char *
cv_utc_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * cv_local_date:
 * @moment: a moment
 * @zone: (nullable): the zone to read the date in; %NULL for the local zone
 *
 * Which day it is at @moment where the person is: what "overdue" is measured
 * against, since a due date is a day in the person's own calendar.
 *
 * Returns: (transfer full): the date, YYYY-MM-DD
 */
char *
cv_local_date (GDateTime *moment,
               GTimeZone *zone)
{
  g_autoptr(GTimeZone) here = zone != NULL ? g_time_zone_ref (zone) : g_time_zone_new_local ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (moment, here);

  return g_date_time_format (local, "%Y-%m-%d");
}
