/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading and writing the files a person hands to Convene.
 *
 * Reading: only ordinary files, and never more than a stated size, so that a
 * pipe, a device or a runaway file cannot hang Convene or fill its memory.
 *
 * Writing: exports hold personal data, so a half-written one must never be
 * left lying about. The file is written without a name (O_TMPFILE) and named
 * only when it is complete; a kill while writing leaves nothing at all. It is
 * then linked under a partial name and renamed over the destination; the
 * partial name is written down first in a small journal, so that if the
 * process dies in that instant the next start of Convene removes it. Where the
 * file system has no O_TMPFILE, the whole file is written under the journaled
 * partial name instead.
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cv-file.h"

#define PARTIAL_MARK ".convene-partial-"

/* @format takes the file's name, then the system's reason. */
static void set_errno_error (GError     **error,
                             int          saved,
                             const char  *format,
                             ...) G_GNUC_PRINTF (3, 4);

static void
set_errno_error (GError     **error,
                 int          saved,
                 const char  *format,
                 ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), message);
}

/**
 * cv_file_read_limited:
 * @limit: the most bytes to accept; the message states it
 *
 * Reads a whole ordinary file. Folders, devices, pipes and sockets are
 * refused without being read (a pipe would otherwise wait for ever), and so
 * is a file larger than @limit, even one that grows while it is read.
 */
gboolean
cv_file_read_limited (GFile         *file,
                      guint64        limit,
                      char         **contents,
                      gsize         *length,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *buffer = NULL;
  struct stat st;
  gsize allocated, used = 0;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL && length != NULL, FALSE);

  name = g_file_get_parse_name (file);
  limit_text = g_format_size (limit);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a file on this computer, so Convene cannot read it."), name);
      return FALSE;
    }

  /* Non-blocking, so that opening a pipe with no writer returns at once. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno, _("Could not open “%s”: %s"), name, g_strerror (errno));
      return FALSE;
    }
  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, errno, _("Could not read “%s”: %s"), name, g_strerror (errno));
      close (fd);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not an ordinary file (it is a folder, a device or a pipe), "
                     "so Convene does not read it."), name);
      close (fd);
      return FALSE;
    }
  if ((guint64)st.st_size > limit)
    {
      g_autofree char *size_text = g_format_size (st.st_size);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("“%s” is %s; Convene reads files of up to %s."), name, size_text, limit_text);
      close (fd);
      return FALSE;
    }

  allocated = (gsize)st.st_size;
  buffer = g_malloc (allocated + 1);
  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return FALSE;
        }
      if (used == allocated)
        {
          char probe;

          if (allocated >= limit)
            {
              /* Full to the limit: one byte more means the file is too large. */
              do
                n = read (fd, &probe, 1);
              while (n < 0 && errno == EINTR);
              if (n == 0)
                break;
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("“%s” is larger than %s, which is as much as Convene reads."),
                           name, limit_text);
              close (fd);
              return FALSE;
            }
          allocated = (gsize)MIN ((guint64)MAX (allocated * 2, 65536), limit);
          buffer = g_realloc (buffer, allocated + 1);
        }
      n = read (fd, buffer + used, allocated - used);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno, _("Could not read “%s”: %s"), name, g_strerror (errno));
          close (fd);
          return FALSE;
        }
      if (n == 0)
        break;
      used += n;
    }
  close (fd);

  buffer[used] = '\0';
  *contents = g_steal_pointer (&buffer);
  *length = used;
  return TRUE;
}

/* The journal of partial files: "PID<tab>PATH" a line. */

static char *
journal_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "convene", "partial-files", NULL);
}

static GPtrArray *
journal_read (void)
{
  g_autofree char *path = journal_path ();
  g_autofree char *text = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  if (g_file_get_contents (path, &text, NULL, NULL))
    {
      g_auto(GStrv) split = g_strsplit (text, "\n", -1);

      for (guint i = 0; split[i] != NULL; i++)
        if (split[i][0] != '\0')
          g_ptr_array_add (lines, g_strdup (split[i]));
    }
  return lines;
}

static gboolean
journal_write (GPtrArray  *lines,
               GError    **error)
{
  g_autofree char *path = journal_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GString) text = g_string_new (NULL);

  if (lines->len == 0)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          set_errno_error (error, errno, _("Could not write “%s”: %s"), path, g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_errno_error (error, errno, _("Could not create the folder “%s”: %s"), dir, g_strerror (errno));
      return FALSE;
    }
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (const char *)g_ptr_array_index (lines, i));
  return g_file_set_contents_full (path, text->str, text->len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static gboolean
journal_add (const char  *partial,
             GError     **error)
{
  g_autoptr(GPtrArray) lines = journal_read ();

  g_ptr_array_add (lines, g_strdup_printf ("%d\t%s", (int)getpid (), partial));
  return journal_write (lines, error);
}

static void
journal_remove (const char *partial)
{
  g_autoptr(GPtrArray) lines = journal_read ();
  g_autofree char *entry = g_strdup_printf ("%d\t%s", (int)getpid (), partial);
  g_autoptr(GError) error = NULL;

  gboolean found = FALSE;

  for (guint i = lines->len; i > 0; i--)
    if (g_str_equal (g_ptr_array_index (lines, i - 1), entry))
      {
        g_ptr_array_remove_index (lines, i - 1);
        found = TRUE;
      }
  if (found && !journal_write (lines, &error))
    g_message ("%s", error->message);
}

gboolean
cv_file_is_partial_name (const char *basename)
{
  g_return_val_if_fail (basename != NULL, FALSE);

  return basename[0] == '.' && strstr (basename, PARTIAL_MARK) != NULL;
}

/**
 * cv_file_clean_partial:
 *
 * Removes the partial files that a Convene killed while putting an export in
 * place left behind. Files of a Convene that is still running are left.
 *
 * Returns: how many files were removed
 */
guint
cv_file_clean_partial (void)
{
  g_autoptr(GPtrArray) lines = journal_read ();
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint removed = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *tab = strchr (line, '\t');
      g_autofree char *basename = NULL;
      gint64 pid;

      if (tab == NULL)
        continue;
      pid = g_ascii_strtoll (line, NULL, 10);
      if (pid > 0 && pid != getpid () && (kill ((pid_t)pid, 0) == 0 || errno == EPERM))
        {
          g_ptr_array_add (kept, g_strdup (line));
          continue;
        }
      basename = g_path_get_basename (tab + 1);
      /* Only ever a name Convene made itself. */
      if (g_path_is_absolute (tab + 1) && cv_file_is_partial_name (basename) && g_unlink (tab + 1) == 0)
        removed++;
    }
  if (lines->len > 0 && !journal_write (kept, &error))
    g_message ("%s", error->message);
  return removed;
}

struct _CvFileWriter
{
  char          *destination;
  char          *partial;      /* journaled; NULL while the file has no name */
  int            fd;
  GOutputStream *stream;
  gboolean       done;
};

static char *
partial_name_for (const char *destination)
{
  g_autofree char *dir = g_path_get_dirname (destination);
  g_autofree char *base = g_path_get_basename (destination);
  static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  char random[9];
  g_autofree char *name = NULL;

  for (guint i = 0; i < 8; i++)
    random[i] = letters[g_random_int_range (0, sizeof letters - 1)];
  random[8] = '\0';
  name = g_strdup_printf (".%s" PARTIAL_MARK "%s", base, random);
  return g_build_filename (dir, name, NULL);
}

/**
 * cv_file_writer_new:
 *
 * Starts writing @destination. Nothing appears under its name until
 * cv_file_writer_commit(); freeing the writer without committing leaves the
 * destination as it was and no partial file behind.
 */
CvFileWriter *
cv_file_writer_new (GFile   *destination,
                    GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  CvFileWriter *self;
  int fd;

  g_return_val_if_fail (G_IS_FILE (destination), NULL);

  path = g_file_get_path (destination);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (destination);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a file on this computer, so Convene cannot write it."), name);
      return NULL;
    }
  dir = g_path_get_dirname (path);

  self = g_new0 (CvFileWriter, 1);
  self->destination = g_steal_pointer (&path);
  self->fd = -1;

#ifdef O_TMPFILE
  fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
#else
  fd = -1;
  errno = EOPNOTSUPP;
#endif
  if (fd < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
    {
      set_errno_error (error, errno, _("Could not write in the folder “%s”: %s"), dir, g_strerror (errno));
      cv_file_writer_free (self);
      return NULL;
    }
  if (fd < 0 || g_getenv ("CONVENE_NO_TMPFILE") != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (fd >= 0)
        close (fd);
      /* No unnamed files here: write under a journaled partial name. */
      self->partial = partial_name_for (self->destination);
      if (!journal_add (self->partial, error))
        {
          g_clear_pointer (&self->partial, g_free);
          cv_file_writer_free (self);
          return NULL;
        }
      fd = g_open (self->partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          set_errno_error (error, errno, _("Could not write in the folder “%s”: %s"), dir, g_strerror (errno));
          cv_file_writer_free (self);
          return NULL;
        }
    }
  self->fd = fd;
  self->stream = g_unix_output_stream_new (fd, FALSE);
  return self;
}

GOutputStream *
cv_file_writer_get_stream (CvFileWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->stream;
}

/**
 * cv_file_writer_commit:
 *
 * Puts the written file in place of the destination, whole: the destination
 * is either as it was or the complete new file.
 */
gboolean
cv_file_writer_commit (CvFileWriter  *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *dir = NULL;
  int dir_fd;

  g_return_val_if_fail (self != NULL && !self->done, FALSE);

  dir = g_path_get_dirname (self->destination);
  if (!g_output_stream_flush (self->stream, cancellable, error))
    return FALSE;
  if (fsync (self->fd) != 0)
    {
      set_errno_error (error, errno, _("Could not write “%s”: %s"), self->destination, g_strerror (errno));
      return FALSE;
    }

  if (self->partial == NULL)
    {
      g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", self->fd);

      g_autoptr(GError) journal_error = NULL;

      self->partial = partial_name_for (self->destination);
      /* The name lives for an instant: without a journal (no state folder)
       * the export still goes ahead. */
      if (!journal_add (self->partial, &journal_error))
        g_message ("No record of the partial file %s: %s", self->partial, journal_error->message);
      if (linkat (AT_FDCWD, proc, AT_FDCWD, self->partial, AT_SYMLINK_FOLLOW) != 0)
        {
          set_errno_error (error, errno, _("Could not write in the folder “%s”: %s"), dir, g_strerror (errno));
          journal_remove (self->partial);
          g_clear_pointer (&self->partial, g_free);
          return FALSE;
        }
    }

  if (g_rename (self->partial, self->destination) != 0)
    {
      set_errno_error (error, errno, _("Could not write “%s”: %s"), self->destination, g_strerror (errno));
      return FALSE;
    }
  journal_remove (self->partial);
  g_clear_pointer (&self->partial, g_free);
  self->done = TRUE;

  /* The new name survives a power cut too. */
  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

void
cv_file_writer_free (CvFileWriter *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd);
  if (self->partial != NULL)
    {
      g_unlink (self->partial);
      journal_remove (self->partial);
    }
  g_free (self->partial);
  g_free (self->destination);
  g_free (self);
}

/* A small file (a calendar, a template), with the same care as an export. */
gboolean
cv_file_write_contents (GFile       *destination,
                        const char  *contents,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(CvFileWriter) writer = cv_file_writer_new (destination, error);

  return writer != NULL &&
         g_output_stream_write_all (writer->stream, contents, length, NULL, NULL, error) &&
         cv_file_writer_commit (writer, NULL, error);
}
