/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Dates are typed as YYYY-MM-DD, the one form the core accepts, or picked
 * from a calendar that a button beside the entry opens.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cv-date-row.h"
#include "cv-record.h"

static void
day_selected_cb (GtkCalendar *calendar,
                 AdwEntryRow *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

static void
popover_show_cb (GtkPopover  *popover,
                 AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GDateTime) date = NULL;

  if (cv_date_is_valid (text))
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
}
