/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-store.h"

G_BEGIN_DECLS

/**
 * CvErasurePlan:
 * @name: the person's name, to show in the confirmation
 * @n_contributions: contributions attributed to them, which become anonymous
 * @n_attendance: sessions they are listed at; the rows go, the counts stay
 * @n_actions: actions they own, which pass to their organisation or to no one
 * @n_facilitated: sessions that name them as facilitator and lose the name
 * @n_tags: their tags, which go with them
 * @backups: (array zero-terminated=1): copies beside the database that still
 *   hold them (`convene.db.bak-vN`), oldest format first
 *
 * What erasing one person will change, for the confirmation.
 */
typedef struct
{
  char  *name;
  guint  n_contributions;
  guint  n_attendance;
  guint  n_actions;
  guint  n_facilitated;
  guint  n_tags;
  GStrv  backups;
} CvErasurePlan;

CvErasurePlan *cv_erasure_plan         (CvStore        *store,
                                        const char     *stakeholder_id,
                                        GError        **error);
void           cv_erasure_plan_free    (CvErasurePlan  *plan);
GStrv          cv_erasure_find_backups (CvDatabase     *database);
gboolean       cv_erasure_erase        (CvStore        *store,
                                        const char     *stakeholder_id,
                                        GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvErasurePlan, cv_erasure_plan_free)

G_END_DECLS
