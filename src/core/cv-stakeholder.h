/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_STAKEHOLDER (cv_stakeholder_get_type ())
G_DECLARE_FINAL_TYPE (CvStakeholder, cv_stakeholder, CV, STAKEHOLDER, CvRecord)

extern const CvChoice cv_level_choices[];
extern const CvChoice cv_consent_how_choices[];

G_END_DECLS
