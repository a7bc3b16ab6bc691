/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cv-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CvApplication) app = NULL;

  cv_application_setup_i18n ();
  app = cv_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
