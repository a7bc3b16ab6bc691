/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The "You said, we did" review as printed pages. One layout serves printing
 * (GtkPrintOperation draws its pages with it) and saving a PDF, from the
 * window or from the command line, where there may be no display at all:
 * it needs only Cairo and Pango.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cv-action.h"
#include "cv-format.h"
#include "cv-file.h"
#include "cv-review-document.h"
#include "cv-review-text.h"

#define A4_WIDTH  595.0   /* points */
#define A4_HEIGHT 842.0
#define MARGIN     50.0

typedef struct
{
  char   *markup;
  double  size;      /* points */
  double  indent;
  double  before;    /* space above */
  double  height;    /* measured */
  int     page;
} Block;

struct _CvReviewDocument
{
  GArray *blocks;    /* of Block */
  double  width;     /* of the page */
  int     n_pages;
};

static void
block_clear (gpointer data)
{
  g_free (((Block *)data)->markup);
}

void
cv_review_document_free (CvReviewDocument *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->blocks);
  g_free (self);
}

static void
add_block (CvReviewDocument *self,
           double            size,
           double            indent,
           double            before,
           const char       *format,
           ...) G_GNUC_PRINTF (5, 6);

static void
add_block (CvReviewDocument *self,
           double            size,
           double            indent,
           double            before,
           const char       *format,
           ...)
{
  Block block = { NULL, size, indent, before, 0, 0 };
  va_list args;

  va_start (args, format);
  block.markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_array_append_val (self->blocks, block);
}

/* Returns: (transfer full): an action's status as a person reads it */
char *
cv_review_status_text (const CvReviewAction *action)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (CV_TYPE_ACTION);
  const CvField *field = cv_record_kind_find_field (CV_RECORD_CLASS (klass)->kind, "status");
  const char *label = cv_field_choice_label (field, action->status);

  return g_strdup (label != NULL ? _(label) : action->status);
}

static void
add_action (CvReviewDocument     *self,
            const CvReviewAction *action)
{
  g_autofree char *status = cv_review_status_text (action);
  g_autofree char *due = cv_format_date (action->due_on);
  g_autofree char *who = cv_review_who_text (action, due);
  g_autofree char *answers = cv_review_answers_text (action);

  add_block (self, 13, 12, 6, "<b>%s</b> — %s%s", action->title, status,
             action->recent ? _(" · changed since the previous session") : "");
  if (who != NULL)
    add_block (self, 11, 24, 1, "%s", who);
  if (answers != NULL)
    add_block (self, 11, 24, 1, "%s", answers);
  if (action->outcome != NULL && !cv_review_action_is_open (action))
    add_block (self, 12, 24, 2, "<i>%s</i> %s", _("We did:"), action->outcome);
}

static void
add_more (CvReviewDocument *self,
          guint             n)
{
  g_autofree char *more = NULL;

  if (n == 0)
    return;
  more = cv_review_more_text (n);
  add_block (self, 11, 12, 4, "%s", more);
}

/**
 * cv_review_document_new:
 *
 * Lays out @review as paragraphs; nothing is measured until it is paginated.
 */
CvReviewDocument *
cv_review_document_new (const CvReview *review)
{
  CvReviewDocument *self = g_new0 (CvReviewDocument, 1);
  g_autofree char *when = cv_format_timestamp (review->session_starts);

  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);

  add_block (self, 24, 0, 0, "<b>%s</b>", _("You said, we did"));
  add_block (self, 12, 0, 4, "%s — %s, %s", review->programme != NULL ? review->programme : "",
             review->session_title, when != NULL ? when : "");
  {
    g_autofree char *period = cv_review_period_text (review);
    add_block (self, 12, 0, 4, "%s", period);
  }
  if (review->groups->len == 0)
    add_block (self, 13, 0, 18, "%s", _("Nothing was said or done in this period."));

  for (guint g = 0; g < review->groups->len; g++)
    {
      CvReviewGroup *group = g_ptr_array_index (review->groups, g);

      add_block (self, 17, 0, 22, "<b>%s</b>", group->theme != NULL ? group->theme : _("Under No Theme"));
      if (group->said->len > 0)
        add_block (self, 11, 0, 8, "<b>%s</b>", _("YOU SAID"));
      for (guint i = 0; i < group->said->len; i++)
        {
          CvReviewSaid *said = g_ptr_array_index (group->said, i);
          g_autofree char *where = cv_review_where_text (said);

          add_block (self, 13, 12, 4, "%u. “%s” <span size=\"small\" foreground=\"#555555\">%s</span>",
                     said->number, said->text, where);
        }
      add_more (self, group->said_more);
      if (group->actions->len > 0)
        add_block (self, 11, 0, 10, "<b>%s</b>", _("WE DID"));
      for (guint i = 0; i < group->actions->len; i++)
        add_action (self, g_ptr_array_index (group->actions, i));
      add_more (self, group->actions_more);
      if (group->open->len > 0)
        add_block (self, 11, 0, 10, "<b>%s</b>", _("STILL OPEN"));
      for (guint i = 0; i < group->open->len; i++)
        add_action (self, g_ptr_array_index (group->open, i));
      add_more (self, group->open_more);
    }
  return self;
}

static PangoLayout *
layout_block (cairo_t *cr,
              Block   *block,
              double   width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, block->size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (width - block->indent) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, block->markup, -1);
  return layout;
}

/**
 * cv_review_document_paginate:
 * @width: the printable width, in the units of @cr
 *
 * Returns: how many pages the review takes
 */
int
cv_review_document_paginate (CvReviewDocument *self,
                             cairo_t          *cr,
                             double            width,
                             double            height)
{
  double y = 0;
  int page = 0;

  self->width = width;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      g_autoptr(PangoLayout) layout = layout_block (cr, block, width);
      int h;

      pango_layout_get_pixel_size (layout, NULL, &h);
      block->height = h;
      /* A heading is never left alone at the foot of a page. */
      if (y > 0 && y + block->before + block->height + (block->size >= 17 ? 60 : 0) > height)
        {
          page++;
          y = 0;
        }
      else
        y += block->before;
      block->page = page;
      y += block->height;
    }
  self->n_pages = page + 1;
  return self->n_pages;
}

void
cv_review_document_draw_page (CvReviewDocument *self,
                              cairo_t          *cr,
                              int               page)
{
  double y = 0;
  gboolean first = TRUE;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      g_autoptr(PangoLayout) layout = NULL;

      if (block->page != page)
        continue;
      if (!first)
        y += block->before;
      first = FALSE;
      layout = layout_block (cr, block, self->width);
      cairo_move_to (cr, block->indent, y);
      pango_cairo_show_layout (cr, layout);
      y += block->height;
    }
}

typedef struct
{
  GOutputStream  *stream;
  GError        **error;   /* the first failure */
} PdfSink;

static cairo_status_t
pdf_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfSink *sink = closure;

  if (*sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/**
 * cv_review_document_write_pdf:
 * @n_pages: (out) (optional): how many pages were written
 *
 * Writes an A4 PDF of the review.
 */
gboolean
cv_review_document_write_pdf (CvReviewDocument  *self,
                              const char        *path,
                              int               *n_pages,
                              GError           **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CvFileWriter) writer = cv_file_writer_new (file, error);
  g_autoptr(GError) write_error = NULL;
  PdfSink sink = { NULL, &write_error };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int pages;

  /* Written whole or not at all: never a half PDF under the person's name. */
  if (writer == NULL)
    return FALSE;
  sink.stream = cv_file_writer_get_stream (writer);
  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, &sink, A4_WIDTH, A4_HEIGHT);
  cr = cairo_create (surface);

  pages = cv_review_document_paginate (self, cr, A4_WIDTH - 2 * MARGIN, A4_HEIGHT - 2 * MARGIN);
  for (int p = 0; p < pages; p++)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN, MARGIN);
      cv_review_document_draw_page (self, cr, p);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (write_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&write_error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the PDF “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (!cv_file_writer_commit (writer, NULL, error))
    return FALSE;
  if (n_pages != NULL)
    *n_pages = pages;
  return TRUE;
}
