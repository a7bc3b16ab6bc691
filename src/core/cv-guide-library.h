/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The guides that come with Convene, written in English and marked for
 * translation: the database holds the English, and they are shown and
 * used in the reader's language. */
typedef struct
{
  const char *question;       /* N_() */
  const char *guidance;       /* N_() */
  const char *response_kind;  /* a nick of cv_response_kinds */
  const char *options[8];     /* N_(); single choice only, ends with NULL */
} CvBuiltinPrompt;

typedef struct
{
  const char            *title;    /* N_() */
  const CvBuiltinPrompt *prompts;  /* ends with a prompt without a question */
} CvBuiltinSection;

typedef struct
{
  const char             *id;       /* fixed for ever: files refer to it */
  gint64                  version;  /* raised whenever the text changes */
  const char             *title;    /* N_() */
  const char             *topic;    /* N_() */
  const char             *audience; /* N_() */
  const char             *introduction; /* N_() */
  const CvBuiltinSection *sections; /* ends with a section without a title */
} CvBuiltinGuide;

extern const CvBuiltinGuide cv_builtin_guides[];
extern const guint cv_n_builtin_guides;

G_END_DECLS
