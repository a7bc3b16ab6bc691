/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The programme at a glance: what is coming, what is late, what people raise
 * most, how the measures move, and the totals. Each row opens its record
 * (the "open-record" signal, which the window follows).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-consent.h"
#include "cv-format.h"
#include "cv-measure.h"
#include "cv-measure-chart.h"
#include "cv-overview.h"
#include "cv-overview-view.h"
#include "cv-view.h"
#include "cv-time.h"

struct _CvOverviewView
{
  GtkWidget            parent_instance;

  CvStore             *store;
  char                *programme_id;
  GPtrArray           *rows;    /* rows added to the groups */
  guint                reload_source;

  GtkFlowBox          *totals;
  AdwPreferencesGroup *upcoming_group;
  AdwPreferencesGroup *overdue_group;
  AdwPreferencesGroup *week_group;
  AdwPreferencesGroup *consent_group;
  AdwPreferencesGroup *themes_group;
  AdwPreferencesGroup *measures_group;
};

enum {
  OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void cv_overview_view_view_init (CvViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CvOverviewView, cv_overview_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CV_TYPE_VIEW, cv_overview_view_view_init))

static void
row_activated_cb (AdwActionRow   *row,
                  CvOverviewView *self)
{
  g_signal_emit (self, signals[OPEN_RECORD], 0, g_object_get_data (G_OBJECT (row), "table"),
                 g_object_get_data (G_OBJECT (row), "id"));
}

static GtkWidget *
add_row (CvOverviewView      *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *table,
         const char          *id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (id != NULL)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "table", g_strdup (table), g_free);
      g_object_set_data_full (G_OBJECT (row), "id", g_strdup (id), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
    }
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (row), "group", group);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
add_total (CvOverviewView *self,
           guint           value,
           const char     *label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *number = g_strdup_printf ("%'u", value);
  GtkWidget *figure = gtk_label_new (number);
  GtkWidget *caption = gtk_label_new (label);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (figure, "title-1");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (figure, 12);
  gtk_widget_set_margin_bottom (caption, 12);
  gtk_widget_set_margin_start (caption, 6);
  gtk_widget_set_margin_end (caption, 6);
  gtk_box_append (GTK_BOX (box), figure);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_flow_box_append (self->totals, box);
}

static void
add_actions (CvOverviewView      *self,
             AdwPreferencesGroup *group,
             GPtrArray           *actions,
             const char          *none)
{
  for (guint i = 0; i < actions->len; i++)
    {
      CvOverviewItem *item = g_ptr_array_index (actions, i);
      g_autofree char *due = cv_format_date (item->when);
      g_autofree char *subtitle = item->who != NULL ? g_strdup_printf (_("Due %s · %s"), due, item->who)
                                                    : g_strdup_printf (_("Due %s"), due);

      add_row (self, group, item->title, subtitle, "action", item->id);
    }
  if (actions->len == 0)
    add_row (self, group, none, NULL, NULL, NULL);
}

void
cv_overview_view_reload (CvOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvOverview) overview = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) measures = NULL;
  g_autofree char *overdue_title = NULL;
  GtkWidget *child;

  g_return_if_fail (CV_IS_OVERVIEW_VIEW (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "group"), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->totals))) != NULL)
    gtk_flow_box_remove (self->totals, child);
  if (self->store == NULL || self->programme_id == NULL)
    return;

  overview = cv_overview_build (self->store, self->programme_id, now, &error);
  if (overview == NULL)
    {
      add_row (self, self->upcoming_group, error->message, NULL, NULL, NULL);
      return;
    }

  add_total (self, overview->stakeholders, _("stakeholders"));
  add_total (self, overview->sessions_held, _("sessions held"));
  add_total (self, overview->contributions, _("things people said"));
  add_total (self, overview->actions_done, _("actions done"));
  add_total (self, overview->actions_open, _("actions open"));

  for (guint i = 0; i < overview->upcoming->len; i++)
    {
      CvOverviewItem *item = g_ptr_array_index (overview->upcoming, i);
      g_autofree char *when = cv_format_timestamp (item->when);

      add_row (self, self->upcoming_group, item->title, when, "session", item->id);
    }
  if (overview->upcoming->len == 0)
    add_row (self, self->upcoming_group, _("None planned"), NULL, NULL, NULL);

  overdue_title = overview->overdue_count > overview->overdue->len
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue Actions: %'u, Most Overdue First", "Overdue Actions: %'u, Most Overdue First",
                                    overview->overdue_count), overview->overdue_count)
    : g_strdup (_("Overdue Actions"));
  adw_preferences_group_set_title (self->overdue_group, overdue_title);
  add_actions (self, self->overdue_group, overview->overdue, _("Nothing is overdue"));
  if (overview->overdue_count > overview->overdue->len)
    add_row (self, self->overdue_group, _("See Every Overdue Action"), NULL, "overdue", "all");
  add_actions (self, self->week_group, overview->due_this_week, _("Nothing is due this week"));

  /* Consent to review: a range of an index, counted; the row opens the list. */
  {
    g_autofree char *today = cv_local_date (now, NULL);
    gint64 due = cv_consent_count_due (self->store, self->programme_id, today, NULL);

    if (due > 0)
      {
        g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%'u Person’s Consent Is Due for Review",
                                                               "%'u People’s Consent Is Due for Review",
                                                               (gulong)due), (guint)due);

        add_row (self, self->consent_group, title,
                 _("Lapsed, or to be reviewed within 30 days: until it is reviewed, they are not invited or "
                   "put on contact lists"), "consent-due", "all");
      }
    else if (due == 0)
      add_row (self, self->consent_group, _("No consent is due for review"), NULL, NULL, NULL);
  }

  for (guint i = 0; i < overview->themes->len; i++)
    {
      CvOverviewItem *item = g_ptr_array_index (overview->themes, i);
      g_autofree char *times = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Raised %'u time", "Raised %'u times",
                                                             item->count), item->count);

      add_row (self, self->themes_group, item->title, times, "theme", item->id);
    }
  if (overview->themes_latest)
    {
      g_autofree char *to_date = g_strndup (overview->themes_to, 10);
      g_autofree char *to = cv_format_date (to_date);
      /* TRANSLATORS: under “Most Raised in Its Latest 90 Days”; %s is the date of the programme's latest session */
      g_autofree char *description = g_strdup_printf (_("No session in the last 90 days: these are from the 90 days "
                                                        "up to the programme’s latest session, on %s."), to);

      /* The date is in the description, which wraps: a title is cut short in a narrow window. */
      adw_preferences_group_set_title (self->themes_group, _("Most Raised in Its Latest 90 Days"));
      adw_preferences_group_set_description (self->themes_group, description);
    }
  else
    {
      adw_preferences_group_set_title (self->themes_group, _("Most Raised in the Last 90 Days"));
      adw_preferences_group_set_description (self->themes_group, NULL);
    }
  if (overview->themes->len == 0)
    add_row (self, self->themes_group, overview->themes_latest ? _("Nothing raised in those 90 days")
                                                               : _("Nothing raised in the last 90 days"),
             NULL, NULL, NULL);

  measures = cv_store_list (self->store, CV_TYPE_MEASURE, "programme_id", self->programme_id, NULL);
  for (guint i = 0; measures != NULL && i < measures->len; i++)
    {
      CvRecord *m = g_ptr_array_index (measures, i);
      g_autoptr(GArray) points = cv_measure_values (self->store, cv_record_get_id (m), NULL);
      g_autofree char *latest = NULL;
      guint from, to;
      GtkWidget *row, *spark;

      /* The same change as the measure's own page shows, and since when. */
      if (cv_measure_default_span (points, &from, &to))
        {
          g_autofree char *change = cv_measure_describe_change (g_array_index (points, CvMeasurePoint, from).value,
                                                                g_array_index (points, CvMeasurePoint, to).value,
                                                                cv_record_get_string (m, "better"));
          g_autofree char *since = cv_format_date (g_array_index (points, CvMeasurePoint, from).date);

          /* TRANSLATORS: a measure's change and the date it is measured from:
           * “+150 (+24%), better, since 1 January 2018” */
          latest = g_strdup_printf (_("%s, since %s"), change, since);
        }
      row = add_row (self, self->measures_group, cv_record_get_string (m, "name"),
                     latest != NULL ? latest : _("Not enough values for a trend yet"), "measure", cv_record_get_id (m));
      spark = cv_measure_chart_new (TRUE);
      gtk_widget_set_valign (spark, GTK_ALIGN_CENTER);
      cv_measure_chart_set_values (CV_MEASURE_CHART (spark), points, cv_record_get_string (m, "better"), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cv_record_get_string (m, "name"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), spark);
    }
  if (measures == NULL || measures->len == 0)
    add_row (self, self->measures_group, _("No measures yet"), NULL, NULL, NULL);
}

static gboolean
reload_idle_cb (gpointer data)
{
  CvOverviewView *self = data;

  self->reload_source = 0;
  cv_overview_view_reload (self);
  return G_SOURCE_REMOVE;
}

/* Many changes come in a burst (an import, a deletion): one reload after them. */
static void
store_changed_cb (CvOverviewView *self)
{
  if (self->reload_source == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

static void
map_cb (CvOverviewView *self)
{
  cv_overview_view_reload (self);
}

static void
cv_overview_view_dispose (GObject *object)
{
  CvOverviewView *self = (CvOverviewView *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_OVERVIEW_VIEW);
  /* The scroller is not bound to a field, so the template leaves it to us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->programme_id, g_free);

  G_OBJECT_CLASS (cv_overview_view_parent_class)->dispose (object);
}

static void
cv_overview_view_class_init (CvOverviewViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cv_overview_view_dispose;

  /**
   * CvOverviewView::open-record:
   * @table: the kind of record ("session", "action", "theme", "measure"),
   *   or "overdue" for the tracker showing every overdue action
   * @id: the record
   */
  signals[OPEN_RECORD] = g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CvOverviewView, totals);
  gtk_widget_class_bind_template_child (widget_class, CvOverviewView, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, CvOverviewView, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, CvOverviewView, week_group);
  gtk_widget_class_bind_template_child (widget_class, CvOverviewView, consent_group);
  gtk_widget_class_bind_template_child (widget_class, CvOverviewView, themes_group);
  gtk_widget_class_bind_template_child (widget_class, CvOverviewView, measures_group);
}

static void
cv_overview_view_init (CvOverviewView *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

void
cv_overview_view_set_store (CvOverviewView *self,
                            CvStore        *store)
{
  g_return_if_fail (CV_IS_OVERVIEW_VIEW (self));

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

void
cv_overview_view_set_programme (CvOverviewView *self,
                                const char     *programme_id)
{
  g_return_if_fail (CV_IS_OVERVIEW_VIEW (self));

  g_free (self->programme_id);
  self->programme_id = g_strdup (programme_id);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    cv_overview_view_reload (self);
}

/* The view contract */

static void
as_view_set_store (CvView  *view,
                   CvStore *store,
                   CvTrash *trash)
{
  cv_overview_view_set_store (CV_OVERVIEW_VIEW (view), store);
}

static void
as_view_set_programme (CvView     *view,
                       const char *programme_id)
{
  cv_overview_view_set_programme (CV_OVERVIEW_VIEW (view), programme_id);
}

static void
cv_overview_view_view_init (CvViewInterface *iface)
{
  iface->set_store = as_view_set_store;
  iface->set_programme = as_view_set_programme;
}
