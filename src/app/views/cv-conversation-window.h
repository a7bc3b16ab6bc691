/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"
#include "cv-trash.h"

G_BEGIN_DECLS

#define CV_TYPE_CONVERSATION_WINDOW (cv_conversation_window_get_type ())
G_DECLARE_FINAL_TYPE (CvConversationWindow, cv_conversation_window, CV, CONVERSATION_WINDOW, AdwWindow)

GtkWidget  *cv_conversation_window_new         (CvStore     *store,
                                                CvTrash     *trash,
                                                GtkWidget   *near,
                                                const char  *conversation_id);
const char *cv_conversation_window_get_id      (CvConversationWindow *self);
guint       cv_conversation_window_get_index   (CvConversationWindow *self);
const char *cv_conversation_window_get_page    (CvConversationWindow *self);
GtkWidget  *cv_conversation_window_get_input   (CvConversationWindow *self);

G_END_DECLS
