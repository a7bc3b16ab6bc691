/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cv-application.h"
#include "cv-window.h"

struct _CvApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  CvStore        *store;
};

G_DEFINE_FINAL_TYPE (CvApplication, cv_application, ADW_TYPE_APPLICATION)

/* Translations come from the install prefix, or from the build tree when
 * CONVENE_LOCALEDIR says so (tests and `meson devenv`). */
void
cv_application_setup_i18n (void)
{
  const char *localedir = g_getenv ("CONVENE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static void
cv_application_finalize (GObject *object)
{
  CvApplication *self = (CvApplication *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (cv_application_parent_class)->finalize (object);
}

static int
cv_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CvApplication *self = CV_APPLICATION (app);
  const char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("convene %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    cv_application_set_database_path (self, database);

  return -1;
}

static void
cv_application_activate (GApplication *app)
{
  CvApplication *self = CV_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (cv_window_new (self));
  gtk_window_present (window);
}

static void
cv_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *find_accels[] = { "<Control>f", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };

  G_APPLICATION_CLASS (cv_application_parent_class)->startup (app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-record", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.find", find_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", undo_accels);
}

static void
cv_application_class_init (CvApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cv_application_finalize;
  app_class->handle_local_options = cv_application_handle_local_options;
  app_class->activate = cv_application_activate;
  app_class->startup = cv_application_startup;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing the windows lets them save their state and any pending edit. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (app);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Convene developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Convene"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Convene developers"),
                        "developers", developers,
                        /* TRANSLATORS: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Organise a health and care engagement programme: "
                                      "stakeholders, sessions, what people said and what was done."),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static void
cv_application_init (CvApplication *self)
{
  static const GOptionEntry options[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Use the database at PATH instead of the usual one"), N_("PATH") },
    { NULL }
  };
  const char *from_env = g_getenv ("CONVENE_DATABASE");

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  if (from_env != NULL && *from_env != '\0')
    self->database_path = g_strdup (from_env);
}

CvApplication *
cv_application_new (void)
{
  /* NON_UNIQUE: two databases may be open in two processes at once. */
  return g_object_new (CV_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/convene/Convene",
                       NULL);
}

const char *
cv_application_get_database_path (CvApplication *self)
{
  g_return_val_if_fail (CV_IS_APPLICATION (self), NULL);

  if (self->database_path == NULL)
    self->database_path = cv_database_default_path ();
  return self->database_path;
}

void
cv_application_set_database_path (CvApplication *self,
                                  const char    *path)
{
  g_return_if_fail (CV_IS_APPLICATION (self));
  g_return_if_fail (self->store == NULL);

  g_free (self->database_path);
  self->database_path = g_strdup (path);
}

/**
 * cv_application_get_store:
 *
 * Opens the database on first use.
 *
 * Returns: (transfer none) (nullable): the store, or %NULL with @error set
 */
CvStore *
cv_application_get_store (CvApplication  *self,
                          GError        **error)
{
  g_return_val_if_fail (CV_IS_APPLICATION (self), NULL);

  if (self->store == NULL)
    self->store = cv_store_open (cv_application_get_database_path (self), error);
  return self->store;
}
