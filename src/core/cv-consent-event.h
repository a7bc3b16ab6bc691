/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_CONSENT_EVENT (cv_consent_event_get_type ())
G_DECLARE_FINAL_TYPE (CvConsentEvent, cv_consent_event, CV, CONSENT_EVENT, CvRecord)

G_END_DECLS
