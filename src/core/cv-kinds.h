/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const GType *cv_kinds_all (guint *n_types);

G_END_DECLS
