/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The numbered migrations: element N-1 takes a database from version N-1 to N. */
extern const char * const cv_schema_migrations[];
extern const guint cv_schema_n_migrations;

G_END_DECLS
