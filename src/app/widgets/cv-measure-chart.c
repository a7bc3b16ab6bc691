/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A measure's values over time as a line, with dated points. The full chart
 * has axes labelled with dates and numbers in the person's own format and
 * says which way is better; the compact one is a small trend line for the
 * overview. Colours come from the theme, so it reads in the dark style too.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "cv-format.h"
#include "cv-measure-chart.h"

struct _CvMeasureChart
{
  GtkWidget  parent_instance;

  GArray    *points;    /* of CvMeasurePoint, oldest first; owned copies */
  char      *better;
  char      *unit;
  gboolean   compact;
};

G_DEFINE_FINAL_TYPE (CvMeasureChart, cv_measure_chart, GTK_TYPE_WIDGET)

static double
day_number (const char *date)
{
  int y = 0, m = 0, d = 0;
  g_autoptr(GDate) g = g_date_new ();

  if (sscanf (date, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return 0;
  g_date_set_dmy (g, d, m, y);
  return g_date_get_julian (g);
}

static void
draw_text (CvMeasureChart *self,
           cairo_t        *cr,
           const char     *text,
           double          x,
           double          y,
           double          align)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * align, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
text_size (CvMeasureChart *self,
           const char     *text,
           int            *width,
           int            *height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_get_pixel_size (layout, width, height);
}

static void
cv_measure_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CvMeasureChart *self = CV_MEASURE_CHART (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double left = 2, right = 2, top = 2, bottom = 2;
  double min_v = G_MAXDOUBLE, max_v = -G_MAXDOUBLE, first_day, last_day;
  GdkRGBA fg, accent = { 0.21, 0.52, 0.89, 1 };
  g_autofree char *top_label = NULL;
  g_autofree char *bottom_label = NULL;
  gboolean high_contrast;
  cairo_t *cr;

  if (self->points == NULL || self->points->len == 0)
    return;

  gtk_style_context_get_color (style, &fg);
  /* The theme's accent: darker in high contrast, lighter in the dark style. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (style, "accent_color", &accent);
  G_GNUC_END_IGNORE_DEPRECATIONS
  high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  for (guint i = 0; i < self->points->len; i++)
    {
      double v = g_array_index (self->points, CvMeasurePoint, i).value;
      min_v = MIN (min_v, v);
      max_v = MAX (max_v, v);
    }
  if (!self->compact)
    min_v = MIN (min_v, 0);   /* a full chart starts at zero, so changes are not exaggerated */
  if (max_v == min_v)
    max_v = min_v + 1;
  if (!self->compact)
    {
      /* Margins that hold the labels at any text size (large text, Welsh). */
      int w_top, w_bottom, h;

      top_label = g_strdup_printf ("%'.10g", max_v);
      bottom_label = g_strdup_printf ("%'.10g", min_v);
      text_size (self, top_label, &w_top, &h);
      text_size (self, bottom_label, &w_bottom, NULL);
      left = MAX (64, MAX (w_top, w_bottom) + 12);
      right = 16;
      top = MAX (28, h * 1.5 + 6);
      bottom = MAX (36, h * 1.5 + 12);
    }
  first_day = day_number (g_array_index (self->points, CvMeasurePoint, 0).date);
  last_day = day_number (g_array_index (self->points, CvMeasurePoint, self->points->len - 1).date);
  if (last_day == first_day)
    last_day = first_day + 1;

#define X(day) (left + ((day) - first_day) / (last_day - first_day) * (width - left - right))
#define Y(v) (top + (1 - ((v) - min_v) / (max_v - min_v)) * (height - top - bottom))

  if (!self->compact)
    {
      g_autofree char *first = cv_format_date (g_array_index (self->points, CvMeasurePoint, 0).date);
      g_autofree char *last = cv_format_date (g_array_index (self->points, CvMeasurePoint, self->points->len - 1).date);
      const char *direction = g_strcmp0 (self->better, "lower") == 0 ? _("↓ Lower is better") : _("↑ Higher is better");

      /* Axes */
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, high_contrast ? 1.0 : 0.35);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, left, top);
      cairo_line_to (cr, left, height - bottom);
      cairo_line_to (cr, width - right, height - bottom);
      cairo_stroke (cr);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, high_contrast ? 1.0 : 0.8);
      draw_text (self, cr, top_label, left - 6, Y (max_v), 1);
      draw_text (self, cr, bottom_label, left - 6, Y (min_v), 1);
      draw_text (self, cr, first, left, height - bottom / 2, 0);
      draw_text (self, cr, last, width - right, height - bottom / 2, 1);
      draw_text (self, cr, direction, width - right, top / 2, 1);
      if (self->unit != NULL)
        draw_text (self, cr, self->unit, left, top / 2, 0);
    }

  /* The line and its points */
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
  cairo_set_line_width (cr, self->compact ? 2 : 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->points->len; i++)
    {
      CvMeasurePoint *p = &g_array_index (self->points, CvMeasurePoint, i);
      double x = X (day_number (p->date)), y = Y (p->value);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  if (!self->compact)
    for (guint i = 0; i < self->points->len; i++)
      {
        CvMeasurePoint *p = &g_array_index (self->points, CvMeasurePoint, i);
        cairo_arc (cr, X (day_number (p->date)), Y (p->value), 4.5, 0, 2 * G_PI);
        cairo_fill (cr);
      }
#undef X
#undef Y
  cairo_destroy (cr);
}

static void
cv_measure_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  CvMeasureChart *self = CV_MEASURE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->compact ? 96 : 280;
  else
    *minimum = *natural = self->compact ? 28 : 240;
}

static void
points_clear (CvMeasureChart *self)
{
  if (self->points == NULL)
    return;
  for (guint i = 0; i < self->points->len; i++)
    {
      g_free (g_array_index (self->points, CvMeasurePoint, i).id);
      g_free (g_array_index (self->points, CvMeasurePoint, i).date);
    }
  g_clear_pointer (&self->points, g_array_unref);
}

static void
cv_measure_chart_finalize (GObject *object)
{
  CvMeasureChart *self = (CvMeasureChart *)object;

  points_clear (self);
  g_clear_pointer (&self->better, g_free);
  g_clear_pointer (&self->unit, g_free);

  G_OBJECT_CLASS (cv_measure_chart_parent_class)->finalize (object);
}

static void
cv_measure_chart_class_init (CvMeasureChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cv_measure_chart_finalize;
  widget_class->snapshot = cv_measure_chart_snapshot;
  widget_class->measure = cv_measure_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "measure-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cv_measure_chart_init (CvMeasureChart *self)
{
  /* The values themselves are its description (cv_measure_chart_set_values). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart of the values over time"), -1);
  /* Its colours follow the desktop's high-contrast and dark styles. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cv_measure_chart_new (gboolean compact)
{
  CvMeasureChart *self = g_object_new (CV_TYPE_MEASURE_CHART, NULL);

  self->compact = compact;
  return GTK_WIDGET (self);
}

/**
 * cv_measure_chart_set_values:
 * @points: (element-type CvMeasurePoint): the values, oldest first (copied)
 */
void
cv_measure_chart_set_values (CvMeasureChart *self,
                             GArray         *points,
                             const char     *better,
                             const char     *unit)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (CV_IS_MEASURE_CHART (self));

  points_clear (self);
  self->points = g_array_new (FALSE, TRUE, sizeof (CvMeasurePoint));
  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      CvMeasurePoint *p = &g_array_index (points, CvMeasurePoint, i);
      CvMeasurePoint copy = { g_strdup (p->id), g_strdup (p->date), p->value };
      g_autofree char *when = cv_format_date (p->date);

      g_array_append_val (self->points, copy);
      g_string_append_printf (description, "%s%s: %'.10g", description->len > 0 ? "; " : "", when, p->value);
    }
  g_free (self->better);
  self->better = g_strdup (better);
  g_free (self->unit);
  self->unit = g_strdup (unit);
  /* What the picture shows, for those who cannot see it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
