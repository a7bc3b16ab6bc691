/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-store.h"

G_BEGIN_DECLS

/* Questions about a programme's stakeholder register that no single record answers. */

typedef struct
{
  char *id;
  char *name;
  int   influence;   /* 0 low, 1 medium, 2 high */
  int   interest;    /* 0 low, 1 medium, 2 high */
} CvGridPoint;

typedef struct
{
  GArray *points;       /* CvGridPoint, at most per_cell in each cell, by name */
  guint   counts[3][3]; /* [influence][interest]: how many in all */
} CvGrid;

CvGrid    *cv_register_grid              (CvStore     *store,
                                          const char  *programme_id,
                                          guint        per_cell,
                                          GError     **error);
void       cv_grid_free                  (CvGrid      *grid);
int        cv_level_from_nick            (const char  *nick);

GStrv      cv_register_tags              (CvStore     *store,
                                          const char  *programme_id,
                                          GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvGrid, cv_grid_free)

G_END_DECLS
