/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest file Convene reads whole (a county programme is about 100 MB). */
#define CV_FILE_DEFAULT_READ_LIMIT (G_GUINT64_CONSTANT (1024) * 1024 * 1024)

typedef struct _CvFileWriter CvFileWriter;

gboolean       cv_file_read_limited      (GFile         *file,
                                          guint64        limit,
                                          char         **contents,
                                          gsize         *length,
                                          GCancellable  *cancellable,
                                          GError       **error);

CvFileWriter  *cv_file_writer_new        (GFile         *destination,
                                          GError       **error);
GOutputStream *cv_file_writer_get_stream (CvFileWriter  *writer);
gboolean       cv_file_writer_commit     (CvFileWriter  *writer,
                                          GCancellable  *cancellable,
                                          GError       **error);
void           cv_file_writer_free       (CvFileWriter  *writer);

gboolean       cv_file_write_contents    (GFile         *destination,
                                          const char    *contents,
                                          gsize          length,
                                          GError       **error);

guint          cv_file_clean_partial     (void);
gboolean       cv_file_is_partial_name   (const char    *basename);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvFileWriter, cv_file_writer_free)

G_END_DECLS
