/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_SESSION (cv_session_get_type ())
G_DECLARE_FINAL_TYPE (CvSession, cv_session, CV, SESSION, CvRecord)

G_END_DECLS
