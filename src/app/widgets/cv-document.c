/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A printed document: paragraphs of Pango markup laid out on pages. One
 * layout serves printing (GtkPrintOperation draws its pages with it) and
 * saving a PDF, from the window or from the command line, where there may be
 * no display at all: it needs only Cairo and Pango. The "You said, we did"
 * review and a person's own record are written with it.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cv-document.h"
#include "cv-file.h"

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

struct _CvDocument
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

CvDocument *
cv_document_new (void)
{
  CvDocument *self = g_new0 (CvDocument, 1);

  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  return self;
}

void
cv_document_free (CvDocument *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->blocks);
  g_free (self);
}

/**
 * cv_document_add:
 * @size: the text's size, in points
 * @indent: how far in from the margin, in points
 * @before: the space above, in points
 * @format: Pango markup; the values are escaped
 *
 * Adds one paragraph.
 */
void
cv_document_add (CvDocument *self,
                 double      size,
                 double      indent,
                 double      before,
                 const char *format,
                 ...)
{
  Block block = { NULL, size, indent, before, 0, 0 };
  va_list args;

  va_start (args, format);
  block.markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_array_append_val (self->blocks, block);
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
 * cv_document_paginate:
 * @width: the printable width, in the units of @cr
 *
 * Returns: how many pages the document takes
 */
int
cv_document_paginate (CvDocument *self,
                      cairo_t    *cr,
                      double      width,
                      double      height)
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
cv_document_draw_page (CvDocument *self,
                       cairo_t    *cr,
                       int         page)
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
 * cv_document_write_pdf:
 * @n_pages: (out) (optional): how many pages were written
 *
 * Writes the document as an A4 PDF.
 */
gboolean
cv_document_write_pdf (CvDocument  *self,
                       const char  *path,
                       int         *n_pages,
                       GError     **error)
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

  pages = cv_document_paginate (self, cr, A4_WIDTH - 2 * MARGIN, A4_HEIGHT - 2 * MARGIN);
  for (int p = 0; p < pages; p++)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN, MARGIN);
      cv_document_draw_page (self, cr, p);
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
