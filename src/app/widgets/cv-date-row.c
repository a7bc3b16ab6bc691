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

/* The picker beside a row of a date and a time: a calendar, and hours and
 * minutes below it. */
typedef struct
{
  GtkCalendar   *calendar;
  GtkSpinButton *hour;
  GtkSpinButton *minute;
} TimePicker;

static TimePicker *
time_picker_of (AdwEntryRow *row)
{
  return g_object_get_data (G_OBJECT (row), "cv-time-picker");
}

/* Splits what @row holds into a date (YYYY-MM-DD) and a time; either may be missing. */
static char *
typed_date_and_time (AdwEntryRow *row,
                     int         *hour,
                     int         *minute)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  char *space = strrchr (typed, ' ');
  int h, m;

  if (space != NULL && sscanf (space + 1, "%d:%d", &h, &m) == 2 && h >= 0 && h < 24 && m >= 0 && m < 60)
    {
      *hour = h;
      *minute = m;
      *space = '\0';
    }
  return cv_date_parse (typed, NULL);
}

/* Writes the calendar's day (and the picker's time) into the row, in the
 * person's way: the row checks the new text as it changes, so a picked date
 * clears an error. */
static void
picked_cb (AdwEntryRow *row)
{
  TimePicker *picker = time_picker_of (row);
  GtkCalendar *calendar = picker != NULL ? picker->calendar : g_object_get_data (G_OBJECT (row), "cv-calendar");
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");
  g_autofree char *shown = cv_date_format (iso);
  g_autofree char *text = NULL;

  if (picker == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (row), shown);
      return;
    }
  text = g_strdup_printf ("%s %02d:%02d", shown,
                          gtk_spin_button_get_value_as_int (picker->hour),
                          gtk_spin_button_get_value_as_int (picker->minute));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
day_selected_cb (GtkCalendar *calendar,
                 AdwEntryRow *row)
{
  picked_cb (row);
  /* A date alone is chosen in one click; with a time, the time comes next. */
  if (time_picker_of (row) == NULL)
    gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

static void
time_changed_cb (GtkSpinButton *spin,
                 AdwEntryRow   *row)
{
  picked_cb (row);
}

static void
time_activated_cb (GtkText     *text,
                   AdwEntryRow *row)
{
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (text), GTK_TYPE_POPOVER)));
}

/* Two figures, as a clock shows them: 09, not 9. */
static gboolean
two_figures_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
popover_show_cb (GtkPopover  *popover,
                 AdwEntryRow *row)
{
  TimePicker *picker = time_picker_of (row);
  GtkCalendar *calendar = picker != NULL ? picker->calendar : g_object_get_data (G_OBJECT (row), "cv-calendar");
  int hour = 10, minute = 0;
  g_autofree char *text = typed_date_and_time (row, &hour, &minute);
  g_autoptr(GDateTime) date = NULL;

  if (text != NULL)
    {
      int y, m, d;

      if (sscanf (text, "%d-%d-%d", &y, &m, &d) == 3)
        date = g_date_time_new_local (y, m, d, 0, 0, 0);
    }
  if (date == NULL)
    date = g_date_time_new_now_local ();
  /* Showing what the row holds is not a choice: nothing is written back. */
  g_signal_handlers_block_by_func (calendar, day_selected_cb, row);
  gtk_calendar_select_day (calendar, date);
  g_signal_handlers_unblock_by_func (calendar, day_selected_cb, row);
  if (picker != NULL)
    {
      g_signal_handlers_block_by_func (picker->hour, time_changed_cb, row);
      g_signal_handlers_block_by_func (picker->minute, time_changed_cb, row);
      gtk_spin_button_set_value (picker->hour, hour);
      gtk_spin_button_set_value (picker->minute, minute);
      g_signal_handlers_unblock_by_func (picker->hour, time_changed_cb, row);
      g_signal_handlers_unblock_by_func (picker->minute, time_changed_cb, row);
    }
}

static GtkWidget *
time_spin (AdwEntryRow *row,
           double       upper,
           double       step,
           const char  *label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, step);

  gtk_spin_button_set_wrap (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_tooltip_text (spin, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (spin, "output", G_CALLBACK (two_figures_cb), NULL);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (time_changed_cb), row, 0);
  /* Enter in the time closes the picker (the spin button's text says so). */
  g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate",
                           G_CALLBACK (time_activated_cb), row, 0);
  return spin;
}

/* The picker's button says which date it chooses ("Starts", "Ends"): two
 * date rows in one form would otherwise be read alike. */
static void
name_picker_cb (AdwEntryRow *row,
                GParamSpec  *pspec,
                GtkWidget   *button)
{
  gboolean with_time = g_object_get_data (G_OBJECT (row), "cv-time-picker") != NULL;
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_autofree char *name = NULL;

  if (title != NULL && *title != '\0')
    /* TRANSLATORS: the name of a date row's calendar button; %s is the row's title ("Starts") */
    name = g_strdup_printf (with_time ? _("Choose a Date and Time: %s") : _("Choose a Date: %s"), title);
  else
    name = g_strdup (with_time ? _("Choose a Date and Time") : _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
attach_picker (AdwEntryRow *row,
               gboolean     with_time)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  const char *name = with_time ? _("Choose a Date and Time") : _("Choose a Date");

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  if (with_time)
    {
      TimePicker *picker = g_new0 (TimePicker, 1);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *clock = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new_with_mnemonic (_("_Time"));
      GtkWidget *colon = gtk_label_new (":");

      picker->calendar = GTK_CALENDAR (calendar);
      picker->hour = GTK_SPIN_BUTTON (time_spin (row, 23, 1, _("Hour")));
      picker->minute = GTK_SPIN_BUTTON (time_spin (row, 59, 5, _("Minute")));
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (picker->hour));
      gtk_widget_set_halign (clock, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (clock), label);
      gtk_box_append (GTK_BOX (clock), GTK_WIDGET (picker->hour));
      gtk_box_append (GTK_BOX (clock), colon);
      gtk_box_append (GTK_BOX (clock), GTK_WIDGET (picker->minute));
      gtk_box_append (GTK_BOX (box), calendar);
      gtk_box_append (GTK_BOX (box), clock);
      gtk_popover_set_child (GTK_POPOVER (popover), box);
      g_object_set_data_full (G_OBJECT (row), "cv-time-picker", picker, g_free);
    }
  else
    {
      gtk_popover_set_child (GTK_POPOVER (popover), calendar);
      g_object_set_data (G_OBJECT (row), "cv-calendar", calendar);
    }
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (day_selected_cb), row, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_show_cb), row, 0);
  adw_entry_row_add_suffix (row, button);
  name_picker_cb (row, NULL, button);
  g_signal_connect_object (row, "notify::title", G_CALLBACK (name_picker_cb), button, 0);
  cv_date_row_show_format (row, with_time);
}

/* A button beside @row picks a date from a calendar. */
void
cv_date_row_attach_calendar (AdwEntryRow *row)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  attach_picker (row, FALSE);
}

/* A button beside @row picks a date from a calendar and a time of day: for
 * rows that hold both ("01/04/2026 14:30"). */
void
cv_date_row_attach_calendar_and_time (AdwEntryRow *row)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  attach_picker (row, TRUE);
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
