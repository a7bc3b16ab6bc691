/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading and writing CSV as spreadsheets really write it. Parsing is
 * libcsv's; this file finds the text encoding (UTF-8 with or without a BOM,
 * UTF-16 with a BOM, else Windows-1252, which is what Excel's plain "CSV"
 * is on Windows), guesses the separator, and remembers on which line of the
 * file each row began, so that problems can be reported where a person will
 * find them.
 */
#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cv-csv.h"
#include "cv-error.h"

struct _CvCsvTable
{
  char       separator;
  const char *encoding;
  GStrv       headings;
  guint       n_columns;
  GPtrArray  *rows;       /* of GStrv, without the heading row */
  GArray     *lines;      /* guint: the line each row starts on, 1-based */
};

typedef struct
{
  CvCsvTable *table;
  GPtrArray  *fields;       /* of the current record */
  guint       line;         /* being fed */
  guint       start_line;   /* of the current record */
  gboolean    fresh;        /* the line being fed starts a record */
  gboolean    ended;        /* the latest event was the end of a record */
  gboolean    too_many;
} Reader;

void
cv_csv_table_free (CvCsvTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->headings);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->lines);
  g_free (table);
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

static void
field_cb (void   *data,
          size_t  length,
          void   *user_data)
{
  Reader *reader = user_data;

  g_ptr_array_add (reader->fields, g_strndup (data != NULL ? data : "", length));
  reader->ended = FALSE;
}

static void
record_cb (int   terminator,
           void *user_data)
{
  Reader *reader = user_data;
  CvCsvTable *table = reader->table;
  GStrv values;

  reader->ended = TRUE;
  g_ptr_array_add (reader->fields, NULL);
  values = (GStrv)g_ptr_array_free (g_steal_pointer (&reader->fields), FALSE);
  reader->fields = g_ptr_array_new_with_free_func (g_free);

  if (table->headings == NULL)
    {
      table->headings = values;
      table->n_columns = g_strv_length (values);
      return;
    }
  /* A spreadsheet's empty row comes out as separators alone. */
  for (guint i = 0; values[i] != NULL; i++)
    if (!is_blank (values[i], strlen (values[i])))
      break;
    else if (values[i + 1] == NULL)
      {
        g_strfreev (values);
        return;
      }
  if (table->rows->len >= CV_CSV_MAX_ROWS)
    {
      reader->too_many = TRUE;
      g_strfreev (values);
      return;
    }
  g_ptr_array_add (table->rows, values);
  g_array_append_val (table->lines, reader->start_line);
}

/* Spaces around a value are not part of it, but a tab may be the separator. */
static int
is_space (unsigned char c)
{
  return c == ' ';
}

/**
 * cv_csv_to_utf8:
 * @encoding: (out) (optional): the name of the encoding found
 *
 * Returns: (transfer full): the text in UTF-8, without a BOM
 */
char *
cv_csv_to_utf8 (const char  *data,
                gsize        length,
                gsize       *out_length,
                const char **encoding,
                GError     **error)
{
  const char *from = NULL;
  g_autoptr(GError) local = NULL;
  char *text;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
      from = "UTF-8";
    }
  else if (length >= 2 && memcmp (data, "\xff\xfe", 2) == 0)
    from = "UTF-16LE";
  else if (length >= 2 && memcmp (data, "\xfe\xff", 2) == 0)
    from = "UTF-16BE";

  if (from != NULL && g_str_has_prefix (from, "UTF-16"))
    {
      text = g_convert (data + 2, length - 2, "UTF-8", from, NULL, out_length, &local);
    }
  else if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_BAD_FILE,
                   _("This is not a spreadsheet saved as CSV: it holds binary data. "
                     "In your spreadsheet, choose “Save As” and the CSV format."));
      return NULL;
    }
  else if (g_utf8_validate (data, length, NULL))
    {
      from = "UTF-8";
      text = g_strndup (data, length);
      *out_length = length;
    }
  else
    {
      from = "WINDOWS-1252";
      text = g_convert (data, length, "UTF-8", from, NULL, out_length, &local);
    }

  if (text == NULL || memchr (text, '\0', *out_length) != NULL)
    {
      g_free (text);
      g_set_error (error, CV_ERROR, CV_ERROR_BAD_FILE,
                   _("This file’s text is in an encoding Convene cannot read. "
                     "Save it from your spreadsheet as “CSV UTF-8”."));
      return NULL;
    }
  if (encoding != NULL)
    *encoding = from;
  return text;
}

/**
 * cv_csv_detect_separator:
 *
 * Guesses the separator from the first row: whichever of comma, semicolon
 * and tab appears most often outside quotes (a comma when none does).
 */
char
cv_csv_detect_separator (const char *text,
                         gsize       length)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  char best = ',';
  guint most = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && (text[i] == '\n' || text[i] == '\r'))
        break;
      else if (!quoted)
        for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
          if (text[i] == candidates[c])
            counts[c]++;
    }
  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    if (counts[c] > most)
      {
        most = counts[c];
        best = candidates[c];
      }
  return best;
}

/**
 * cv_csv_table_read:
 * @separator: ',', ';' or '\t', or 0 to guess it
 *
 * Reads a whole CSV file: the first row is the headings. Blank lines are
 * skipped; every row remembers the line of the file it starts on.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
CvCsvTable *
cv_csv_table_read (const char  *data,
                   gsize        length,
                   char         separator,
                   GError     **error)
{
  g_autoptr(CvCsvTable) table = g_new0 (CvCsvTable, 1);
  g_autofree char *text = NULL;
  struct csv_parser parser;
  Reader reader = { 0, };
  gsize text_length = 0;
  gsize start = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  if (length == 0)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_BAD_FILE, _("The file is empty."));
      return NULL;
    }
  text = cv_csv_to_utf8 (data, length, &text_length, &table->encoding, error);
  if (text == NULL)
    return NULL;

  table->separator = separator != 0 ? separator : cv_csv_detect_separator (text, text_length);
  if (csv_init (&parser, 0) != 0)
    g_error ("libcsv could not start");
  csv_set_delim (&parser, (unsigned char)table->separator);
  csv_set_space_func (&parser, is_space);

  reader.table = table;
  reader.fields = g_ptr_array_new_with_free_func (g_free);
  reader.fresh = TRUE;

  /* Fed a line at a time, to know on which line each record starts. */
  while (start < text_length && ok && !reader.too_many)
    {
      const char *newline = memchr (text + start, '\n', text_length - start);
      gsize end = newline != NULL ? (gsize)(newline - text) + 1 : text_length;

      reader.line++;
      if (reader.fresh)
        reader.start_line = reader.line;
      reader.ended = FALSE;
      if (csv_parse (&parser, text + start, end - start, field_cb, record_cb, &reader) != end - start)
        ok = FALSE;
      /* A line that ended a record, or held nothing, leaves the next one fresh. */
      reader.fresh = reader.ended || (reader.fresh && is_blank (text + start, end - start));
      start = end;
    }
  /* A quote opened and never closed swallows the rest of the file: that is
   * a mistake to report, not a value to keep. Only the end is read strictly
   * (libcsv says so only in strict mode); the file is read as leniently as
   * spreadsheets write it. */
  if (ok && !reader.too_many)
    csv_set_opts (&parser, CSV_STRICT | CSV_STRICT_FINI);
  if (ok && !reader.too_many && csv_fini (&parser, field_cb, record_cb, &reader) != 0 &&
      csv_error (&parser) == CSV_EPARSE)
    {
      csv_free (&parser);
      g_ptr_array_unref (reader.fields);
      g_set_error (error, CV_ERROR, CV_ERROR_BAD_FILE,
                   _("Line %u: a value opens with a quotation mark (\") that is never closed, so the rest of "
                     "the file would be read as part of it. Add the closing quotation mark and try again."),
                   reader.start_line);
      return NULL;
    }
  ok = ok && csv_error (&parser) == CSV_SUCCESS;
  csv_free (&parser);
  g_ptr_array_unref (reader.fields);

  if (!ok)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_BAD_FILE,
                   _("Line %u: this is not a CSV file Convene can read."), reader.line);
      return NULL;
    }
  if (reader.too_many)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_BAD_FILE,
                   _("The file has more than %u rows. Convene imports up to %u rows at a time: "
                     "split the file into smaller ones."), CV_CSV_MAX_ROWS, CV_CSV_MAX_ROWS);
      return NULL;
    }
  if (table->headings == NULL)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_BAD_FILE, _("The file is empty."));
      return NULL;
    }
  if (table->rows->len == 0)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_BAD_FILE,
                   _("The file has headings but no rows: there is nobody to import."));
      return NULL;
    }
  return g_steal_pointer (&table);
}

char
cv_csv_table_get_separator (CvCsvTable *table)
{
  return table->separator;
}

const char *
cv_csv_table_get_encoding (CvCsvTable *table)
{
  return table->encoding;
}

guint
cv_csv_table_get_n_columns (CvCsvTable *table)
{
  return table->n_columns;
}

const char *
cv_csv_table_get_heading (CvCsvTable *table,
                          guint       column)
{
  g_return_val_if_fail (column < table->n_columns, NULL);
  return table->headings[column];
}

guint
cv_csv_table_get_n_rows (CvCsvTable *table)
{
  return table->rows->len;
}

guint
cv_csv_table_get_n_values (CvCsvTable *table,
                           guint       row)
{
  g_return_val_if_fail (row < table->rows->len, 0);
  return g_strv_length (g_ptr_array_index (table->rows, row));
}

/* Returns: (nullable): the value, or %NULL past the end of a short row */
const char *
cv_csv_table_get_value (CvCsvTable *table,
                        guint       row,
                        guint       column)
{
  GStrv values;

  g_return_val_if_fail (row < table->rows->len, NULL);
  values = g_ptr_array_index (table->rows, row);
  for (guint i = 0; i < column; i++)
    if (values[i] == NULL)
      return NULL;
  return values[column];
}

guint
cv_csv_table_get_line (CvCsvTable *table,
                       guint       row)
{
  g_return_val_if_fail (row < table->rows->len, 0);
  return g_array_index (table->lines, guint, row);
}

/**
 * cv_csv_begin:
 *
 * Returns: (transfer full): a string holding the UTF-8 BOM, by which Excel
 *   knows the file's accents are UTF-8
 */
GString *
cv_csv_begin (void)
{
  return g_string_new ("\xef\xbb\xbf");
}

/* Whether a spreadsheet would take @value for a formula: it starts with =,
 * +, -, @, a tab or a carriage return, and is not simply a number (-5 is a
 * measure's value, not a formula). */
static gboolean
looks_like_formula (const char *value)
{
  char *end = NULL;

  if (strchr ("=+-@\t\r", value[0]) == NULL || value[0] == '\0')
    return FALSE;
  if (value[0] == '+' || value[0] == '-')
    {
      g_ascii_strtod (value, &end);
      if (end != value && *end == '\0')
        return FALSE;
    }
  return TRUE;
}

/**
 * cv_csv_append_row:
 *
 * Appends one row, every value quoted (a %NULL value is empty), ended by
 * CRLF as RFC 4180 and Excel have it. A value a spreadsheet would run as a
 * formula (=HYPERLINK(…), +cmd|…) is written after an apostrophe, which
 * Excel and LibreOffice read as "this is text".
 */
void
cv_csv_append_row (GString            *csv,
                   const char * const *values,
                   guint               n_values)
{
  for (guint i = 0; i < n_values; i++)
    {
      const char *value = values[i] != NULL ? values[i] : "";
      g_autofree char *text = looks_like_formula (value) ? g_strconcat ("'", value, NULL) : NULL;
      gsize length;

      if (text != NULL)
        value = text;
      length = strlen (value);
      gsize start = csv->len;
      gsize room = 2 * length + 2;

      if (i > 0)
        g_string_append_c (csv, ',');
      start = csv->len;
      g_string_set_size (csv, start + room);
      g_string_truncate (csv, start + csv_write (csv->str + start, room, value, length));
    }
  g_string_append (csv, "\r\n");
}
