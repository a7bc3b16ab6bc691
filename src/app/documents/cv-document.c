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
#include <string.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cv-document.h"
#include "cv-file.h"

#define A4_WIDTH  595.0   /* points */
#define A4_HEIGHT 842.0
#define MARGIN     50.0

typedef struct
{
  char           *markup;
  CvDocumentRole  role;
  double  size;      /* points */
  double  indent;
  double  before;    /* space above */
  double  height;    /* measured */
  int     page;
} Block;

struct _CvDocument
{
  GArray *blocks;    /* of Block */
  char   *title;
  char   *author;
  char   *subject;
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
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
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
  Block block = { NULL, CV_DOCUMENT_PARAGRAPH, size, indent, before, 0, 0 };
  va_list args;

  va_start (args, format);
  block.markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_array_append_val (self->blocks, block);
}

/**
 * cv_document_add_as:
 * @role: what the paragraph is: a heading, a list item…
 *
 * Adds one paragraph that is not plain body text, as cv_document_add() does.
 * Headings become the PDF's bookmarks.
 */
void
cv_document_add_as (CvDocument     *self,
                    CvDocumentRole  role,
                    double          size,
                    double          indent,
                    double          before,
                    const char     *format,
                    ...)
{
  Block block = { NULL, role, size, indent, before, 0, 0 };
  va_list args;

  va_start (args, format);
  block.markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_array_append_val (self->blocks, block);
}

/**
 * cv_document_set_metadata:
 *
 * What the PDF says about itself: its title, who wrote it and what it is
 * about. Its language is the language of the translation in use.
 */
void
cv_document_set_metadata (CvDocument *self,
                          const char *title,
                          const char *author,
                          const char *subject)
{
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  self->title = g_strdup (title);
  self->author = g_strdup (author);
  self->subject = g_strdup (subject);
}

static const char *
structure_tag (CvDocumentRole role)
{
  switch (role)
    {
    case CV_DOCUMENT_HEADING_1: return "H1";
    case CV_DOCUMENT_HEADING_2: return "H2";
    case CV_DOCUMENT_HEADING_3: return "H3";
    case CV_DOCUMENT_LIST_ITEM: return "LI";
    case CV_DOCUMENT_PARAGRAPH:
    default:
      return "P";
    }
}

static gboolean
is_item (CvDocument *self,
         guint       i,
         int         page)
{
  Block *block;

  if (i >= self->blocks->len)
    return FALSE;
  block = &g_array_index (self->blocks, Block, i);
  return block->role == CV_DOCUMENT_LIST_ITEM && block->page == page;
}

static PangoLayout *
layout_block (cairo_t *cr,
              Block   *block,
              double   width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autofree char *markup = NULL;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, block->size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (width - block->indent) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* No ligatures: PDF readers (and screen readers through them) lose the
   * rest of a word after an "fi" drawn as one glyph. */
  markup = g_strdup_printf ("<span font_features=\"liga=0, clig=0\">%s</span>", block->markup);
  pango_layout_set_markup (layout, markup, -1);
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
      /* Tagged in reading order (only a PDF keeps the tags); a list is
       * closed at the foot of a page and a new one opened on the next. */
      if (block->role == CV_DOCUMENT_LIST_ITEM && !is_item (self, i - 1, page))
        cairo_tag_begin (cr, "L", NULL);
      if (block->role != CV_DOCUMENT_PARAGRAPH && block->role != CV_DOCUMENT_LIST_ITEM)
        {
          g_autofree char *dest = g_strdup_printf ("name='heading-%u'", i);
          cairo_tag_begin (cr, CAIRO_TAG_DEST, dest);
        }
      cairo_tag_begin (cr, structure_tag (block->role), NULL);
      cairo_move_to (cr, block->indent, y);
      pango_cairo_show_layout (cr, layout);
      cairo_tag_end (cr, structure_tag (block->role));
      if (block->role != CV_DOCUMENT_PARAGRAPH && block->role != CV_DOCUMENT_LIST_ITEM)
        cairo_tag_end (cr, CAIRO_TAG_DEST);
      if (block->role == CV_DOCUMENT_LIST_ITEM && !is_item (self, i + 1, page))
        cairo_tag_end (cr, "L");
      y += block->height;
    }
}

static cairo_status_t
pdf_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The first group of the last match of @pattern in @pdf, or NULL. */
static char *
match_in (GByteArray *pdf,
          const char *pattern)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_DOTALL | G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  char *found = NULL;

  g_assert (regex != NULL);
  g_regex_match_full (regex, (const char *) pdf->data, pdf->len, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      g_free (found);
      found = g_match_info_fetch (match, 1);
      g_match_info_next (match, NULL);
    }
  return found;
}

/* Cairo 1.16 writes the structure tree, and marks the file as tagged when
 * the tree has one root, but has no way to say in which language the text
 * is, which PDF/UA and WCAG ask for. An incremental update, appended as the
 * PDF format allows, gives the catalogue its /Lang. */
static gboolean
set_language (GByteArray *pdf,
              const char *language)
{
  g_autofree char *root = match_in (pdf, "trailer\\s*<<[^>]*/Root\\s+(\\d+)\\s+0\\s+R");
  g_autofree char *info = match_in (pdf, "trailer\\s*<<[^>]*/Info\\s+(\\d+)\\s+0\\s+R");
  g_autofree char *size = match_in (pdf, "trailer\\s*<<[^>]*/Size\\s+(\\d+)");
  g_autofree char *previous = match_in (pdf, "startxref\\s+(\\d+)\\s+%%EOF");
  g_autofree char *pattern = NULL;
  g_autofree char *catalogue = NULL;
  g_autoptr(GString) update = g_string_new ("\n");
  gsize object_at, xref_at;

  if (root == NULL || size == NULL || previous == NULL)
    return FALSE;
  /* A dictionary, with dictionaries one deep inside (/MarkInfo). */
  pattern = g_strdup_printf ("\\n%s 0 obj\\s*<<((?:[^<>]|<<[^<>]*>>)*)>>\\s*endobj", root);
  catalogue = match_in (pdf, pattern);
  if (catalogue == NULL || strstr (catalogue, "/Catalog") == NULL || strstr (catalogue, "/Lang") != NULL)
    return FALSE;

  object_at = pdf->len + update->len;
  g_string_append_printf (update, "%s 0 obj\n<<%s   /Lang (%s)\n>>\nendobj\n", root, catalogue, language);
  xref_at = pdf->len + update->len;
  g_string_append_printf (update, "xref\n%s 1\n%010" G_GSIZE_FORMAT " 00000 n \n", root, object_at);
  g_string_append_printf (update, "trailer\n<< /Size %s\n   /Root %s 0 R\n", size, root);
  if (info != NULL)
    g_string_append_printf (update, "   /Info %s 0 R\n", info);
  g_string_append_printf (update, "   /Prev %s\n>>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", previous, xref_at);
  g_byte_array_append (pdf, (const guint8 *) update->str, update->len);
  return TRUE;
}

/* The language the document is written in: the translation's. */
static const char *
document_language (void)
{
  /* TRANSLATORS: the language of this translation as a BCP 47 tag ("cy" for
   * Welsh): a PDF says in it which language its text is in. Letters, digits
   * and hyphens only. */
  const char *language = _("en-GB");

  for (const char *p = language; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return "en-GB";
  return language;
}

static void
set_metadata (CvDocument      *self,
              cairo_surface_t *surface)
{
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  if (self->subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Convene " PACKAGE_VERSION);
}

/* Every heading is a bookmark, under the heading above it. */
static void
add_outline (CvDocument      *self,
             cairo_surface_t *surface)
{
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT };

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      g_autofree char *text = NULL;
      g_autofree char *link = NULL;
      int level;

      if (block->role < CV_DOCUMENT_HEADING_1 || block->role > CV_DOCUMENT_HEADING_3)
        continue;
      level = block->role - CV_DOCUMENT_HEADING_1 + 1;
      if (!pango_parse_markup (block->markup, -1, 0, NULL, &text, NULL, NULL))
        continue;
      link = g_strdup_printf ("dest='heading-%u'", i);
      parents[level] = cairo_pdf_surface_add_outline (surface, parents[level - 1], g_strstrip (text), link,
                                                      level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      for (int l = level + 1; l < 4; l++)
        parents[l] = parents[level];
    }
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
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int pages;

  /* Written whole or not at all: never a half PDF under the person's name. */
  if (writer == NULL)
    return FALSE;
  /* Kept in memory until whole (a review is a few hundred kilobytes at most),
   * so that its catalogue can be completed before it is written. */
  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, pdf, A4_WIDTH, A4_HEIGHT);
  cr = cairo_create (surface);

  pages = cv_document_paginate (self, cr, A4_WIDTH - 2 * MARGIN, A4_HEIGHT - 2 * MARGIN);
  set_metadata (self, surface);
  add_outline (self, surface);
  /* One root for the structure, as a tagged PDF must have. */
  cairo_tag_begin (cr, "Document", NULL);
  for (int p = 0; p < pages; p++)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN, MARGIN);
      cv_document_draw_page (self, cr, p);
      cairo_restore (cr);
      if (p + 1 == pages)
        cairo_tag_end (cr, "Document");
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the PDF “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (!set_language (pdf, document_language ()))
    g_warning ("Could not give the PDF its language: Cairo wrote a catalogue this code does not know");
  if (!g_output_stream_write_all (cv_file_writer_get_stream (writer), pdf->data, pdf->len, NULL, NULL, error) ||
      !cv_file_writer_commit (writer, NULL, error))
    return FALSE;
  if (n_pages != NULL)
    *n_pages = pages;
  return TRUE;
}
