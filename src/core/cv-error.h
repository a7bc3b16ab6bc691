/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CV_ERROR (cv_error_quark ())

/**
 * CvError:
 * @CV_ERROR_INVALID: a value a person typed or a file carried is not acceptable
 * @CV_ERROR_NOT_FOUND: the record asked for does not exist
 * @CV_ERROR_DUPLICATE: a name that must be unique is already used
 * @CV_ERROR_NEWER_DATABASE: the database was written by a newer Convene
 * @CV_ERROR_DATABASE: SQLite reported a failure
 * @CV_ERROR_READ_ONLY: the record may not be changed (a built-in guide)
 * @CV_ERROR_BAD_FILE: a file to import is not a Convene programme, or is damaged
 * @CV_ERROR_CANCELLED: the person stopped the work
 *
 * Every message carried by a #CvError is translated and written for the
 * people who use Convene, not for programmers.
 */
typedef enum
{
  CV_ERROR_INVALID,
  CV_ERROR_NOT_FOUND,
  CV_ERROR_DUPLICATE,
  CV_ERROR_NEWER_DATABASE,
  CV_ERROR_DATABASE,
  CV_ERROR_READ_ONLY,
  CV_ERROR_BAD_FILE,
  CV_ERROR_CANCELLED,
} CvError;

GQuark cv_error_quark (void);

G_END_DECLS
