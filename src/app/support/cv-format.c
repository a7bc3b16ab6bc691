/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Dates and times as the person reads them: in their time zone and their
 * language's way of writing dates. The core keeps UTC and ISO 8601.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cv-format.h"
#include "cv-record.h"

/* Returns: (transfer full) (nullable): a stored UTC timestamp, in local time */
char *
cv_format_timestamp (const char *utc_timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc_timestamp == NULL)
    return NULL;
  utc = g_date_time_new_from_iso8601 (utc_timestamp, NULL);
  if (utc == NULL)
    return g_strdup (utc_timestamp);
  local = g_date_time_to_local (utc);
  /* TRANSLATORS: a date and time as strftime() writes it, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

/* Returns: (transfer full) (nullable): a YYYY-MM-DD date in the person's words */
char *
cv_format_date (const char *date)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (!cv_date_is_valid (date) || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (date);
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  /* TRANSLATORS: a date as strftime() writes it, see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

/* Returns: (transfer full): @text, cut after @max_chars characters with an
 * ellipsis, for a name that must stay short (a button's accessible name). */
char *
cv_format_excerpt (const char *text,
                   guint       max_chars)
{
  if (text == NULL)
    return g_strdup ("");
  if ((guint) g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);
  {
    g_autofree char *start = g_utf8_substring (text, 0, max_chars);

    return g_strconcat (g_strchomp (start), "…", NULL);
  }
}

/* Returns: (transfer full): today's local date, YYYY-MM-DD */
char *
cv_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
