/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_SECTION_GROUP (cv_section_group_get_type ())
G_DECLARE_FINAL_TYPE (CvSectionGroup, cv_section_group, CV, SECTION_GROUP, AdwPreferencesGroup)

GtkWidget  *cv_section_group_new           (CvRecord       *guide,
                                            CvRecord       *section);
const char *cv_section_group_get_id        (CvSectionGroup *self);
void        cv_section_group_add_prompt    (CvSectionGroup *self,
                                            GtkWidget      *prompt_row);
GtkWidget  *cv_section_group_get_title_row (CvSectionGroup *self);
GtkWidget  *cv_section_group_get_add_row   (CvSectionGroup *self);

G_END_DECLS
