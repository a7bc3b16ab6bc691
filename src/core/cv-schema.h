/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cv-database.h"

G_BEGIN_DECLS

/* The numbered migrations: element N-1 takes a database from version N-1 to N. */
extern const char * const cv_schema_migrations[];
extern const guint cv_schema_n_migrations;

gboolean cv_schema_merge_search_index (CvDatabase  *db,
                                       GError     **error);

G_END_DECLS
