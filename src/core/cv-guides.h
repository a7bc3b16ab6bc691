/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-store.h"

G_BEGIN_DECLS

/* Guides: the library, its built-in guides, editing rules and versions. */
gboolean    cv_guides_install_builtin   (CvStore     *store,
                                         GError     **error);
guint       cv_guides_n_builtin         (void);
const char *cv_guides_builtin_id        (guint        index);

const char *cv_guides_text              (CvRecord    *guide,
                                         const char  *text);
GPtrArray  *cv_guides_texts             (CvRecord    *guide,
                                         const char * const *texts);
char       *cv_guides_guide_of          (CvStore     *store,
                                         CvRecord    *part);
gboolean    cv_guides_check_editable    (CvStore     *store,
                                         const char  *guide_id,
                                         GError     **error);
gboolean    cv_guides_note_change       (CvStore     *store,
                                         const char  *guide_id,
                                         GError     **error);
gboolean    cv_guides_prepare_write     (CvRecord    *part,
                                         CvStore     *store,
                                         CvWrite     *write,
                                         GError     **error);
gboolean    cv_guides_finish_write      (CvRecord    *part,
                                         CvStore     *store,
                                         CvWrite     *write,
                                         GError     **error);

CvRecord   *cv_guides_duplicate         (CvStore     *store,
                                         CvRecord    *guide,
                                         GError     **error);
CvRecord   *cv_guides_add_section       (CvStore     *store,
                                         const char  *guide_id,
                                         const char  *title,
                                         GError     **error);
CvRecord   *cv_guides_add_prompt        (CvStore     *store,
                                         const char  *section_id,
                                         const char  *question,
                                         GError     **error);
gboolean    cv_guides_move              (CvStore     *store,
                                         CvRecord    *part,
                                         guint        position,
                                         GError     **error);
guint       cv_guides_count_prompts     (CvStore     *store,
                                         const char  *guide_id);

/* Conversations held with a guide. */
CvRecord   *cv_conversation_start       (CvStore     *store,
                                         const char  *programme_id,
                                         CvRecord    *guide,
                                         const char  *person_ref,
                                         const char  *staff,
                                         const char  *place,
                                         GError     **error);
GPtrArray  *cv_conversation_answers     (CvStore     *store,
                                         const char  *conversation_id,
                                         GError     **error);
guint       cv_conversation_resume_at   (GPtrArray   *answers);
gboolean    cv_conversation_answer      (CvStore     *store,
                                         CvRecord    *answer,
                                         const char  *value,
                                         GError     **error);
gboolean    cv_conversation_skip        (CvStore     *store,
                                         CvRecord    *answer,
                                         GError     **error);
gboolean    cv_conversation_complete    (CvStore     *store,
                                         CvRecord    *conversation,
                                         const char  *what_matters,
                                         const char  *next_steps,
                                         const char  *follow_up_on,
                                         GError     **error);
CvRecord   *cv_conversation_add_note    (CvStore     *store,
                                         CvRecord    *conversation,
                                         const char  *text,
                                         GError     **error);

G_END_DECLS
