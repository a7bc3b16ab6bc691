/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The model's record kinds, in one list: the store, the schema tool and
 * the exchange walk it, and none of them names a kind.
 */
#include "config.h"

#include "cv-action.h"
#include "cv-action-update.h"
#include "cv-answer.h"
#include "cv-attendance.h"
#include "cv-consent-event.h"
#include "cv-contribution.h"
#include "cv-conversation.h"
#include "cv-conversation-note.h"
#include "cv-guide.h"
#include "cv-guide-section.h"
#include "cv-kinds.h"
#include "cv-measure.h"
#include "cv-measure-value.h"
#include "cv-programme.h"
#include "cv-prompt.h"
#include "cv-session.h"
#include "cv-stakeholder.h"
#include "cv-theme.h"

/**
 * cv_kinds_all:
 * @n_types: (out) (optional): how many there are
 *
 * Returns: (array length=n_types): every record type, parents before the
 *   kinds that refer to them
 */
const GType *
cv_kinds_all (guint *n_types)
{
  static GType types[17];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      GType all[] = {
        CV_TYPE_PROGRAMME, CV_TYPE_STAKEHOLDER, CV_TYPE_SESSION, CV_TYPE_ATTENDANCE,
        CV_TYPE_THEME, CV_TYPE_CONTRIBUTION, CV_TYPE_ACTION, CV_TYPE_ACTION_UPDATE,
        CV_TYPE_GUIDE, CV_TYPE_GUIDE_SECTION, CV_TYPE_PROMPT, CV_TYPE_CONVERSATION,
        CV_TYPE_ANSWER, CV_TYPE_CONVERSATION_NOTE, CV_TYPE_MEASURE, CV_TYPE_MEASURE_VALUE,
        CV_TYPE_CONSENT_EVENT,
      };
      G_STATIC_ASSERT (G_N_ELEMENTS (all) == G_N_ELEMENTS (types));

      for (guint i = 0; i < G_N_ELEMENTS (all); i++)
        {
          /* The classes stay: creating one installs its kind. */
          g_type_class_ref (all[i]);
          types[i] = all[i];
        }
      g_once_init_leave (&initialised, 1);
    }
  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (types);
  return types;
}
