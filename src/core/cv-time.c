/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Session times are typed and shown in the person's own time zone and stored
 * in UTC, in the one fixed-width form the store accepts.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cv-error.h"
#include "cv-record.h"
#include "cv-time.h"

/* How the person's locale writes a date in figures: the order of day, month
 * and year, and the mark between them. In the C locale there is no such
 * custom, and only ISO 8601 is written or read. */
typedef struct
{
  char order[3];   /* 'd', 'm', 'y' */
  char separator;
} DateOrder;

static gboolean
locale_date_order (DateOrder *order)
{
  const char *lc = setlocale (LC_TIME, NULL);
  const char *format;
  guint n = 0;

  if (lc == NULL || g_str_equal (lc, "C") || g_str_has_prefix (lc, "C.") || g_str_equal (lc, "POSIX"))
    return FALSE;
  format = nl_langinfo (D_FMT);
  order->separator = '/';
  for (const char *p = format; *p != '\0' && n < 3; p++)
    {
      if (*p != '%')
        continue;
      p++;
      while (*p == '-' || *p == '0' || *p == '_' || *p == 'E' || *p == 'O')
        p++;
      if (*p == 'd' || *p == 'e')
        order->order[n++] = 'd';
      else if (*p == 'm')
        order->order[n++] = 'm';
      else if (*p == 'y' || *p == 'Y')
        order->order[n++] = 'y';
      else if (*p == '\0')
        break;
      if (n == 1 && p[1] != '\0' && p[1] != '%')
        order->separator = p[1];
    }
  return n == 3;
}

static gboolean
is_separator (char c)
{
  return c == '/' || c == '.' || c == '-' || c == ' ';
}

/**
 * cv_date_parse:
 * @text: a date as a person writes it: "2026-04-01", or in figures in the
 *   order of their locale ("1/4/2026" or "1.4.26" in en_GB and cy_GB)
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD; %NULL for an
 *   empty @text (no error), or with %CV_ERROR_INVALID when it is not a real date
 */
char *
cv_date_parse (const char  *text,
               GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  DateOrder order;
  guint values[3] = { 0, 0, 0 };
  guint digits[3] = { 0, 0, 0 };
  guint part = 0;
  guint day = 0, month = 0, year = 0;

  if (*trimmed == '\0')
    return NULL;
  if (cv_date_is_valid (trimmed))
    return g_steal_pointer (&trimmed);
  if (!locale_date_order (&order))
    goto invalid;

  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (digits[part] == 4)
            goto invalid;
          values[part] = values[part] * 10 + (*p - '0');
          digits[part]++;
        }
      else if (is_separator (*p) && digits[part] > 0 && part < 2)
        part++;
      else
        goto invalid;
    }
  if (part != 2 || digits[2] == 0)
    goto invalid;

  for (guint i = 0; i < 3; i++)
    {
      if (order.order[i] == 'd' && digits[i] <= 2)
        day = values[i];
      else if (order.order[i] == 'm' && digits[i] <= 2)
        month = values[i];
      else if (order.order[i] == 'y' && (digits[i] == 2 || digits[i] == 4))
        /* Two figures are this century's, as people write them. */
        year = digits[i] == 2 ? 2000 + values[i] : values[i];
      else
        goto invalid;
    }
  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    goto invalid;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);

invalid:
  {
    g_autofree char *example = cv_date_format ("2026-04-01");

    if (g_str_equal (example, "2026-04-01"))
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("“%s” is not a real date. Write it as 2026-04-01."), trimmed);
    else
      /* TRANSLATORS: the first %s is what was typed, the second the example, 1 April 2026 as the locale writes it */
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("“%s” is not a real date. Write it as %s or 2026-04-01."), trimmed, example);
  }
  return NULL;
}

/**
 * cv_date_format:
 * @date: (nullable): a date, YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): @date in figures as the person's locale
 *   writes them ("01/04/2026" in en_GB); ISO 8601 in the C locale
 */
char *
cv_date_format (const char *date)
{
  DateOrder order;
  int y, m, d;
  GString *out;

  if (date == NULL || !cv_date_is_valid (date))
    return g_strdup (date);
  if (!locale_date_order (&order) || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (date);
  out = g_string_new (NULL);
  for (guint i = 0; i < 3; i++)
    {
      if (i > 0)
        g_string_append_c (out, order.separator);
      if (order.order[i] == 'd')
        g_string_append_printf (out, "%02d", d);
      else if (order.order[i] == 'm')
        g_string_append_printf (out, "%02d", m);
      else
        g_string_append_printf (out, "%04d", y);
    }
  return g_string_free (out, FALSE);
}

/**
 * cv_utc_from_local:
 * @local: a local date and time, "YYYY-MM-DD HH:MM" or with the date as the
 *   person's locale writes it ("1/3/2026 14:30"); a "T" may stand for the space
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
  char end;

  const char *time_part;

  if (local == NULL)
    goto invalid;
  /* The date as the person writes it, a space (or "T"), then HH:MM. */
  time_part = strrchr (local, ' ');
  if (time_part == NULL)
    time_part = strrchr (local, 'T');
  if (time_part == NULL)
    goto invalid;
  {
    g_autofree char *date_text = g_strndup (local, time_part - local);

    date = cv_date_parse (date_text, NULL);
  }
  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &mo, &d) != 3 ||
      sscanf (time_part + 1, "%2d:%2d%c", &h, &mi, &end) != 2 ||
      h < 0 || h > 23 || mi < 0 || mi > 59)
    goto invalid;

  moment = g_date_time_new (here, y, mo, d, h, mi, 0);
  if (moment == NULL)
    goto invalid;
  utc = g_date_time_to_utc (moment);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

invalid:
  {
    g_autofree char *example = cv_date_format ("2026-03-01");

    /* TRANSLATORS: the first %s is what was typed; the second is 1 March 2026 as the locale writes it */
    g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                 _("“%s” is not a date and time. Write it as %s 14:30."),
                 local != NULL ? local : "", example);
  }
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
  {
    g_autofree char *iso = g_date_time_format (local, "%Y-%m-%d");
    g_autofree char *date = cv_date_format (iso);
    g_autofree char *time = g_date_time_format (local, "%H:%M");

    return g_strdup_printf ("%s %s", date, time);
  }
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
