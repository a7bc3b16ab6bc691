/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Dates are typed as the person writes them (their locale's order, or
 * YYYY-MM-DD), shown in their locale's way, or picked from a calendar that a
 * button beside the entry opens. The core keeps YYYY-MM-DD.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cv-date-row.h"
#include "cv-record.h"
#include "cv-time.h"

static void
day_selected_cb (GtkCalendar *calendar,
                 AdwEntryRow *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  /* The editor checks the new text as it changes: a picked date clears the error. */
  cv_date_row_set_date (row, text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

static void
popover_show_cb (GtkPopover  *popover,
                 AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autofree char *text = cv_date_parse (gtk_editable_get_text (GTK_EDITABLE (row)), NULL);
  g_autoptr(GDateTime) date = NULL;

  if (text != NULL)
    {
      int y, m, d;

      if (sscanf (text, "%d-%d-%d", &y, &m, &d) == 3)
        date = g_date_time_new_local (y, m, d, 0, 0, 0);
    }
  if (date == NULL)
    date = g_date_time_new_now_local ();
  g_signal_handlers_block_by_func (calendar, day_selected_cb, row);
  gtk_calendar_select_day (calendar, date);
  g_signal_handlers_unblock_by_func (calendar, day_selected_cb, row);
}

void
cv_date_row_attach_calendar (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a Date"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (day_selected_cb), row, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_show_cb), row, 0);
  adw_entry_row_add_suffix (row, button);
  cv_date_row_show_format (row, FALSE);
}

/* Shows a stored date (YYYY-MM-DD) as the person's locale writes it. */
void
cv_date_row_set_date (AdwEntryRow *row,
                      const char  *date)
{
  g_autofree char *shown = cv_date_format (date);

  gtk_editable_set_text (GTK_EDITABLE (row), shown != NULL ? shown : "");
}

/**
 * cv_date_row_get_date:
 *
 * Returns: (transfer full) (nullable): the date typed, as YYYY-MM-DD; what
 *   was typed as it is when it is not a date, for the core to refuse in
 *   place; %NULL when nothing was typed
 */
char *
cv_date_row_get_date (AdwEntryRow *row)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  char *date;

  if (*typed == '\0')
    return NULL;
  date = cv_date_parse (typed, NULL);
  return date != NULL ? date : g_steal_pointer (&typed);
}

/* Says in the row's title how a date is written here: "Due (01/04/2026)". */
void
cv_date_row_show_format (AdwEntryRow *row,
                         gboolean     with_time)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  const char *hint = title != NULL ? strrchr (title, '(') : NULL;
  g_autofree char *name = hint != NULL ? g_strstrip (g_strndup (title, hint - title)) : g_strdup (title);
  g_autofree char *example = cv_date_format ("2026-04-01");
  g_autofree char *when = with_time ? g_strdup_printf ("%s 14:30", example) : g_strdup (example);
  /* TRANSLATORS: a field's name and an example of how to write it there */
  g_autofree char *shown = g_strdup_printf (_("%s (for example %s)"), name != NULL ? name : "", when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shown);
}
