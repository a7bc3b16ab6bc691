/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One person on a session's list: their name (which opens their page),
 * "Paid" and Remove on one line, their status and role below, so that the
 * row fits a window 360 pixels wide. Every control is named after the
 * person, so that a screen reader announces whose it is on its own.
 *
 * The row changes its attendance record in memory and says so with
 * "changed"; the session's page writes it. "remove" asks the page to take
 * the person off the list (with Undo).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-attendance.h"
#include "cv-attendance-row.h"
#include "cv-widgets.h"

struct _CvAttendanceRow
{
  GtkListBoxRow  parent_instance;

  CvRecord      *attendance;

  GtkButton     *name_button;
  GtkCheckButton *paid_check;
  GtkButton     *remove_button;
  GtkDropDown   *status_drop_down;
  GtkDropDown   *role_drop_down;
};

enum
{
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CvAttendanceRow, cv_attendance_row, GTK_TYPE_LIST_BOX_ROW)

static void
choice_changed_cb (GtkDropDown     *drop_down,
                   GParamSpec      *pspec,
                   CvAttendanceRow *self)
{
  const char *field = drop_down == self->status_drop_down ? "status" : "role";

  const CvField *f = cv_record_type_find_field (CV_TYPE_ATTENDANCE, field);

  cv_record_set_string (self->attendance, field, f->choices[gtk_drop_down_get_selected (drop_down)].nick);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
paid_toggled_cb (CvAttendanceRow *self)
{
  cv_record_set_boolean (self->attendance, "paid", gtk_check_button_get_active (self->paid_check));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (CvAttendanceRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
set_up_choice (CvAttendanceRow *self,
               GtkDropDown     *drop_down,
               const char      *field,
               const char      *accessible_label)
{
  const CvField *f = cv_record_type_find_field (CV_TYPE_ATTENDANCE, field);
  g_autoptr(GListModel) labels = cv_choice_labels (f);

  gtk_drop_down_set_model (drop_down, labels);
  gtk_drop_down_set_selected (drop_down, cv_field_choice_index (f, cv_record_get_string (self->attendance, field)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (choice_changed_cb), self, 0);
}

static void
cv_attendance_row_dispose (GObject *object)
{
  CvAttendanceRow *self = CV_ATTENDANCE_ROW (object);

  g_clear_object (&self->attendance);
  G_OBJECT_CLASS (cv_attendance_row_parent_class)->dispose (object);
}

static void
cv_attendance_row_class_init (CvAttendanceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cv_attendance_row_dispose;

  /**
   * CvAttendanceRow::changed:
   *
   * The person's status, role or "paid" was changed in the row's record.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CvAttendanceRow::remove:
   *
   * The person's Remove button was pressed.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-attendance-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CvAttendanceRow, name_button);
  gtk_widget_class_bind_template_child (widget_class, CvAttendanceRow, paid_check);
  gtk_widget_class_bind_template_child (widget_class, CvAttendanceRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, CvAttendanceRow, status_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CvAttendanceRow, role_drop_down);
  gtk_widget_class_bind_template_callback (widget_class, paid_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
cv_attendance_row_init (CvAttendanceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cv_attendance_row_new:
 * @attendance: one attendance record
 * @name: (nullable): the person's name as the register shows it
 *
 * Returns: (transfer floating): a row showing @attendance
 */
GtkWidget *
cv_attendance_row_new (CvRecord   *attendance,
                       const char *name)
{
  CvAttendanceRow *self;
  const char *who = name != NULL ? name : "";
  g_autofree char *remove_label = NULL;
  g_autofree char *status_label = NULL;
  g_autofree char *role_label = NULL;
  g_autofree char *paid_label = NULL;

  g_return_val_if_fail (CV_IS_RECORD (attendance), NULL);

  self = g_object_new (CV_TYPE_ATTENDANCE_ROW, NULL);
  self->attendance = g_object_ref (attendance);

  cv_button_set_long_label (self->name_button, who);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, who, -1);
  cv_opens_record (GTK_WIDGET (self->name_button), "stakeholder", cv_record_get_string (attendance, "stakeholder_id"));

  /* TRANSLATORS: the accessible name of an attendance drop-down; %s is the person */
  status_label = g_strdup_printf (_("Status of %s"), who);
  set_up_choice (self, self->status_drop_down, "status", status_label);
  /* TRANSLATORS: the accessible name of an attendance drop-down; %s is the person */
  role_label = g_strdup_printf (_("Role of %s"), who);
  set_up_choice (self, self->role_drop_down, "role", role_label);

  /* Set before the signal is wanted: the template connects it swapped. */
  g_signal_handlers_block_by_func (self->paid_check, paid_toggled_cb, self);
  gtk_check_button_set_active (self->paid_check, cv_record_get_boolean (attendance, "paid"));
  g_signal_handlers_unblock_by_func (self->paid_check, paid_toggled_cb, self);
  /* TRANSLATORS: the accessible name of the “Paid” check box; %s is the person */
  paid_label = g_strdup_printf (_("%s was paid for their time"), who);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->paid_check), GTK_ACCESSIBLE_PROPERTY_LABEL, paid_label, -1);

  remove_label = g_strdup_printf (_("Remove %s from the list"), who);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  return GTK_WIDGET (self);
}

/**
 * cv_attendance_row_get_attendance:
 *
 * Returns: (transfer none): the attendance record the row shows
 */
CvRecord *
cv_attendance_row_get_attendance (CvAttendanceRow *self)
{
  g_return_val_if_fail (CV_IS_ATTENDANCE_ROW (self), NULL);

  return self->attendance;
}
