/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The power / interest grid: stakeholders placed by influence (up) and
 * interest (across) in three by three cells, over the four quadrants of the
 * classic grid. Each cell names its first stakeholders and counts the rest.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cv-power-grid.h"

#define MARGIN        12.0

typedef struct
{
  graphene_rect_t rect;
  const char     *id;   /* owned by the grid */
} HitBox;

struct _CvPowerGrid
{
  GtkWidget  parent_instance;

  CvGrid    *grid;
  GArray    *hit_boxes;   /* of HitBox, from the last layout */
};

enum {
  STAKEHOLDER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CvPowerGrid, cv_power_grid, GTK_TYPE_WIDGET)

/* Quadrants by [high influence?][high interest?] */
static const char *quadrant_names[2][2] = {
  { N_("Monitor"), N_("Keep informed") },
  { N_("Keep satisfied"), N_("Manage closely") },
};

/**
 * cv_power_grid_quadrant_name:
 *
 * Medium counts with high: someone of medium influence is kept satisfied
 * rather than only watched, so the low band is one cell of three.
 *
 * Returns: the untranslated name of the quadrant a cell falls in
 */
const char *
cv_power_grid_quadrant_name (int influence,
                             int interest)
{
  return quadrant_names[influence >= 1][interest >= 1];
}

/* The height of a line of text as the desktop sets it: large text (a text
 * scaling factor, a higher DPI) makes the lines, and the margins that hold
 * the axis names, taller, so that nothing overlaps or is cut. */
static double
text_height (CvPowerGrid *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static double
line_height (CvPowerGrid *self)
{
  return MAX (22.0, text_height (self) + 7);
}

static void
plot_area (CvPowerGrid     *self,
           graphene_rect_t *area)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double text = text_height (self);
  /* Room for the turned "Influence" on the left and "Interest" below. */
  double left = MAX (36.0, text + 20);
  double bottom = MAX (32.0, text + 16);

  graphene_rect_init (area, left, MARGIN,
                      MAX (width - left - MARGIN, 1),
                      MAX (height - MARGIN - bottom, 1));
}

static void
cell_rect (const graphene_rect_t *area,
           int                    influence,
           int                    interest,
           graphene_rect_t       *cell)
{
  double w = area->size.width / 3;
  double h = area->size.height / 3;

  graphene_rect_init (cell, area->origin.x + interest * w, area->origin.y + (2 - influence) * h, w, h);
}

static void
layout_points (CvPowerGrid *self)
{
  graphene_rect_t area;
  guint used[3][3] = { { 0 } };
  double line;

  g_array_set_size (self->hit_boxes, 0);
  if (self->grid == NULL)
    return;
  line = line_height (self);

  plot_area (self, &area);
  for (guint i = 0; i < self->grid->points->len; i++)
    {
      CvGridPoint *point = &g_array_index (self->grid->points, CvGridPoint, i);
      graphene_rect_t cell;
      HitBox box;
      guint row = used[point->influence][point->interest];

      cell_rect (&area, point->influence, point->interest, &cell);
      /* Leave the first line for the quadrant's name and the last for "and N more". */
      if ((row + 3) * line > cell.size.height - 8)
        continue;
      used[point->influence][point->interest]++;
      graphene_rect_init (&box.rect, cell.origin.x + 8, cell.origin.y + 6 + (row + 1) * line,
                          cell.size.width - 16, line);
      box.id = point->id;
      g_array_append_val (self->hit_boxes, box);
    }
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             const GdkRGBA *color,
             double         x,
             double         y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
cv_power_grid_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CvPowerGrid *self = CV_POWER_GRID (widget);
  /* Soft tints that read on light and dark backgrounds alike. */
  static const GdkRGBA tints[2][2] = {
    { { 0.6, 0.6, 0.6, 0.12 }, { 0.21, 0.52, 0.89, 0.16 } },
    { { 0.96, 0.76, 0.07, 0.18 }, { 0.88, 0.11, 0.14, 0.16 } },
  };
  GdkRGBA fg;
  GdkRGBA dim;
  graphene_rect_t area;
  PangoLayout *layout;
  guint shown[3][3] = { { 0 } };
  gboolean high_contrast;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  /* With high contrast, the quadrant names in full and the lines stronger. */
  high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  dim = fg;
  dim.alpha *= high_contrast ? 1.0 : 0.55;
  plot_area (self, &area);
  layout_points (self);
  layout = gtk_widget_create_pango_layout (widget, NULL);

  /* The four quadrants: medium goes with high, so the low band is one cell wide. */
  for (int hi = 0; hi < 2; hi++)
    for (int it = 0; it < 2; it++)
      {
        double third_w = area.size.width / 3;
        double third_h = area.size.height / 3;
        graphene_rect_t q = GRAPHENE_RECT_INIT (area.origin.x + (it ? third_w : 0),
                                                area.origin.y + (hi ? 0 : 2 * third_h),
                                                it ? 2 * third_w : third_w,
                                                hi ? 2 * third_h : third_h);
        int lw, lh;

        gtk_snapshot_append_color (snapshot, &tints[hi][it], &q);
        /* Within its quadrant: in a narrow pane or with large text a long
         * name is shortened rather than drawn over its neighbour's. */
        pango_layout_set_width (layout, MAX (q.size.width - 16, 1) * PANGO_SCALE);
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        pango_layout_set_markup (layout, "", -1);
        {
          g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", _(quadrant_names[hi][it]));
          pango_layout_set_markup (layout, markup, -1);
        }
        pango_layout_get_pixel_size (layout, &lw, &lh);
        append_text (snapshot, layout, &dim,
                     q.origin.x + (it == 1 ? q.size.width - lw - 8 : 8), q.origin.y + 4);
      }
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);

  /* Cell lines. */
  for (int i = 1; i < 3; i++)
    {
      GdkRGBA line = fg;
      line.alpha = high_contrast ? 0.7 : 0.15;
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (area.origin.x + i * area.size.width / 3,
                                                      area.origin.y, 1, area.size.height));
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (area.origin.x, area.origin.y + i * area.size.height / 3,
                                                      area.size.width, 1));
    }

  /* Axes. */
  pango_layout_set_text (layout, _("Interest →"), -1);
  {
    int lw, lh;
    pango_layout_get_pixel_size (layout, &lw, &lh);
    append_text (snapshot, layout, &fg, area.origin.x + (area.size.width - lw) / 2,
                 area.origin.y + area.size.height + 8);
  }
  pango_layout_set_text (layout, _("Influence →"), -1);
  {
    int lw, lh;
    pango_layout_get_pixel_size (layout, &lw, &lh);
    gtk_snapshot_save (snapshot);
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (8, area.origin.y + (area.size.height + lw) / 2));
    gtk_snapshot_rotate (snapshot, -90);
    gtk_snapshot_append_layout (snapshot, layout, &fg);
    gtk_snapshot_restore (snapshot);
  }

  /* Names, each with a dot. */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  for (guint i = 0; i < self->hit_boxes->len; i++)
    {
      HitBox *box = &g_array_index (self->hit_boxes, HitBox, i);
      CvGridPoint *point = NULL;
      GskRoundedRect dot;

      for (guint j = 0; j < self->grid->points->len; j++)
        if (g_array_index (self->grid->points, CvGridPoint, j).id == box->id)
          point = &g_array_index (self->grid->points, CvGridPoint, j);
      g_assert (point != NULL);
      shown[point->influence][point->interest]++;

      gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (box->rect.origin.x,
                                                                  box->rect.origin.y + (box->rect.size.height - 10) / 2 - 1,
                                                                  10, 10), 5);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &fg, &dot.bounds);
      gtk_snapshot_pop (snapshot);

      pango_layout_set_width (layout, (box->rect.size.width - 16) * PANGO_SCALE);
      pango_layout_set_text (layout, point->name, -1);
      append_text (snapshot, layout, &fg, box->rect.origin.x + 16, box->rect.origin.y + 2);
    }

  /* "and N more" where a cell holds more than it shows. */
  pango_layout_set_width (layout, -1);
  for (int hi = 0; hi < 3 && self->grid != NULL; hi++)
    for (int it = 0; it < 3; it++)
      {
        guint more = self->grid->counts[hi][it] - shown[hi][it];
        graphene_rect_t cell;
        g_autofree char *text = NULL;

        if (more == 0)
          continue;
        cell_rect (&area, hi, it, &cell);
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %'u more", "and %'u more", more), more);
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
        pango_layout_set_text (layout, text, -1);
        /* Where "and 12 more" does not fit (a narrow pane, large text), "+12":
         * the count is what matters. */
        {
          int tw;

          pango_layout_get_pixel_size (layout, &tw, NULL);
          if (tw > cell.size.width - 32)
            {
              g_free (text);
              text = g_strdup_printf ("+%'u", more);
              pango_layout_set_text (layout, text, -1);
            }
        }
        append_text (snapshot, layout, &dim, cell.origin.x + 24,
                     cell.origin.y + 6 + (shown[hi][it] + 1) * line_height (self) + 2);
      }

  g_object_unref (layout);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   CvPowerGrid     *self)
{
  const char *id = cv_power_grid_stakeholder_at (self, x, y);

  if (id != NULL)
    g_signal_emit (self, signals[STAKEHOLDER_ACTIVATED], 0, id);
}

static void
cv_power_grid_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 360;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 720 : 540;
}

static void
cv_power_grid_finalize (GObject *object)
{
  CvPowerGrid *self = (CvPowerGrid *)object;

  g_clear_pointer (&self->grid, cv_grid_free);
  g_clear_pointer (&self->hit_boxes, g_array_unref);

  G_OBJECT_CLASS (cv_power_grid_parent_class)->finalize (object);
}

static void
cv_power_grid_class_init (CvPowerGridClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cv_power_grid_finalize;
  widget_class->snapshot = cv_power_grid_snapshot;
  widget_class->measure = cv_power_grid_measure;

  /**
   * CvPowerGrid::stakeholder-activated:
   * @id: the stakeholder clicked
   */
  signals[STAKEHOLDER_ACTIVATED] =
    g_signal_new ("stakeholder-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "power-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cv_power_grid_init (CvPowerGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->hit_boxes = g_array_new (FALSE, FALSE, sizeof (HitBox));
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  /* Its colours follow the desktop's high-contrast and dark styles. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Power and interest grid"), -1);
}

GtkWidget *
cv_power_grid_new (void)
{
  return g_object_new (CV_TYPE_POWER_GRID, NULL);
}

/**
 * cv_power_grid_describe:
 *
 * Who is where, for those who cannot see the picture: each quadrant, how
 * many are in it and the names drawn there. It is the grid's accessible
 * description.
 *
 * Returns: (transfer full): the description
 */
char *
cv_power_grid_describe (const CvGrid *grid)
{
  static const int quadrants[4][2] = { { 1, 1 }, { 1, 0 }, { 0, 1 }, { 0, 0 } };
  GString *text = g_string_new (NULL);

  for (guint q = 0; grid != NULL && q < G_N_ELEMENTS (quadrants); q++)
    {
      gboolean high_influence = quadrants[q][0], high_interest = quadrants[q][1];
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      guint count = 0;

      for (int influence = 0; influence < 3; influence++)
        for (int interest = 0; interest < 3; interest++)
          if ((influence >= 1) == high_influence && (interest >= 1) == high_interest)
            count += grid->counts[influence][interest];
      for (guint i = 0; i < grid->points->len; i++)
        {
          CvGridPoint *point = &g_array_index (grid->points, CvGridPoint, i);

          if ((point->influence >= 1) == high_influence && (point->interest >= 1) == high_interest)
            g_ptr_array_add (names, point->name);
        }
      if (text->len > 0)
        g_string_append (text, "; ");
      /* TRANSLATORS: a quadrant of the power and interest grid, and how many people are in it */
      g_string_append_printf (text, _("%s: %u"), _(quadrant_names[high_influence][high_interest]), count);
      if (names->len > 0)
        {
          guint shown = names->len;
          g_autofree char *joined = NULL;

          g_ptr_array_add (names, NULL);
          joined = g_strjoinv (", ", (char **) names->pdata);
          g_string_append_printf (text, " — %s", joined);
          if (count > shown)
            {
              g_string_append (text, ", ");
              g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %'u more", "and %'u more", count - shown),
                                      count - shown);
            }
        }
    }
  return g_string_free (text, FALSE);
}

/**
 * cv_power_grid_set_grid:
 * @grid: (transfer full) (nullable): what to draw
 */
void
cv_power_grid_set_grid (CvPowerGrid *self,
                        CvGrid      *grid)
{
  g_autofree char *description = NULL;

  g_return_if_fail (CV_IS_POWER_GRID (self));

  g_clear_pointer (&self->grid, cv_grid_free);
  self->grid = grid;
  description = cv_power_grid_describe (grid);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  layout_points (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Returns: (nullable): the id of the stakeholder drawn at (@x, @y) */
const char *
cv_power_grid_stakeholder_at (CvPowerGrid *self,
                              double       x,
                              double       y)
{
  g_return_val_if_fail (CV_IS_POWER_GRID (self), NULL);

  layout_points (self);
  for (guint i = 0; i < self->hit_boxes->len; i++)
    {
      HitBox *box = &g_array_index (self->hit_boxes, HitBox, i);

      if (graphene_rect_contains_point (&box->rect, &GRAPHENE_POINT_INIT (x, y)))
        return box->id;
    }
  return NULL;
}

/* Returns: the untranslated name of the quadrant at (@x, @y), or %NULL outside the grid */
const char *
cv_power_grid_quadrant_at (CvPowerGrid *self,
                           double       x,
                           double       y)
{
  graphene_rect_t area;
  gboolean high_interest, high_influence;

  g_return_val_if_fail (CV_IS_POWER_GRID (self), NULL);

  plot_area (self, &area);
  if (!graphene_rect_contains_point (&area, &GRAPHENE_POINT_INIT (x, y)))
    return NULL;
  high_interest = x >= area.origin.x + area.size.width / 3;
  high_influence = y < area.origin.y + 2 * area.size.height / 3;
  return quadrant_names[high_influence][high_interest];
}

/* Where the stakeholder's name is drawn (its centre), for tests and keyboard focus. */
gboolean
cv_power_grid_get_point_position (CvPowerGrid *self,
                                  const char  *id,
                                  double      *x,
                                  double      *y)
{
  g_return_val_if_fail (CV_IS_POWER_GRID (self), FALSE);

  layout_points (self);
  for (guint i = 0; i < self->hit_boxes->len; i++)
    {
      HitBox *box = &g_array_index (self->hit_boxes, HitBox, i);

      if (g_strcmp0 (box->id, id) == 0)
        {
          *x = box->rect.origin.x + box->rect.size.width / 2;
          *y = box->rect.origin.y + box->rect.size.height / 2;
          return TRUE;
        }
    }
  return FALSE;
}
