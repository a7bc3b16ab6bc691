/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cv-error.h"

G_DEFINE_QUARK (cv-error-quark, cv_error)
