/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cv-store.h"

G_BEGIN_DECLS

#define CV_TYPE_STAKEHOLDER_CHOOSER (cv_stakeholder_chooser_get_type ())
G_DECLARE_FINAL_TYPE (CvStakeholderChooser, cv_stakeholder_chooser, CV, STAKEHOLDER_CHOOSER, GtkPopover)

void cv_stakeholder_chooser_set_store     (CvStakeholderChooser *self,
                                           CvStore              *store);
void cv_stakeholder_chooser_set_programme (CvStakeholderChooser *self,
                                           const char           *programme_id);
void cv_stakeholder_chooser_set_kind      (CvStakeholderChooser *self,
                                           const char           *kind);

G_END_DECLS
