/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cv-accessibility.h"
#include "cv-application.h"
#include "cv-consent.h"
#include "cv-csv-export.h"
#include "cv-csv-import.h"
#include "cv-duplicates.h"
#include "cv-erasure.h"
#include "cv-exchange.h"
#include "cv-file.h"
#include "cv-guides.h"
#include "cv-person-document.h"
#include "cv-retention.h"
#include "cv-programme.h"
#include "cv-review.h"
#include "cv-review-document.h"
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

/* Prints every problem and likely duplicate, then imports, or not. */
static int
import_csv (CvStore      *store,
            const char   *programme,
            GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree const char **files = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CvCsvImport) import = NULL;
  g_autoptr(CvCsvUndo) undo = NULL;
  g_autofree char *text = NULL;
  CvCsvWriteFlags flags = CV_CSV_WRITE_ALL_OR_NOTHING;
  GPtrArray *lines;

  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) ||
      files[0] == NULL || files[1] != NULL)
    {
      g_printerr (_("Say which file to read: convene --import-csv PROGRAMME FILE [--valid-rows] [--merge]\n"));
      return 2;
    }
  id = cv_exchange_find_programme (store, programme, &error);
  if (id == NULL)
    goto failed;
  file = g_file_new_for_commandline_arg (files[0]);
  import = cv_csv_import_new_for_file (id, file, 0, NULL, &error);
  if (import == NULL || !cv_csv_import_check (import, store, &error))
    goto failed;

  lines = cv_csv_import_get_problems (import);
  for (guint i = 0; i < lines->len; i++)
    g_printerr ("%s\n", (const char *)g_ptr_array_index (lines, i));
  lines = cv_csv_import_get_duplicates (import);
  for (guint i = 0; i < lines->len; i++)
    g_print ("%s\n", (const char *)g_ptr_array_index (lines, i));

  if (g_variant_dict_contains (options, "valid-rows"))
    flags |= CV_CSV_WRITE_VALID_ROWS;
  if (g_variant_dict_contains (options, "merge"))
    flags |= CV_CSV_WRITE_MERGE;
  undo = cv_csv_import_write (import, store, flags, NULL, NULL, NULL, &error);
  if (undo == NULL)
    goto failed;
  text = cv_csv_undo_describe (undo);
  g_print ("%s\n", text);
  return 0;

failed:
  g_printerr ("convene: %s\n", error->message);
  return 1;
}

/* The command line works without a window (and without a display), for
 * scripts: it prints what it did, or the error and exits with 1. */
static int
run_headless (CvApplication *self,
              GVariantDict  *options)
{
  g_autoptr(GError) error = NULL;
  const char *programme = NULL;
  const char *import_path = NULL;
  g_autofree const char **files = NULL;
  CvStore *store = cv_application_get_store (self, &error);

  if (store == NULL)
    goto failed;

  if (g_variant_dict_contains (options, "list-programmes"))
    {
      g_autoptr(GPtrArray) all = cv_store_list (store, CV_TYPE_PROGRAMME, "status", "active", &error);
      g_autoptr(GPtrArray) closed = cv_store_list (store, CV_TYPE_PROGRAMME, "status", "closed", &error);

      if (all == NULL || closed == NULL)
        goto failed;
      g_ptr_array_extend_and_steal (all, g_steal_pointer (&closed));
      for (guint i = 0; i < all->len; i++)
        {
          CvRecord *p = g_ptr_array_index (all, i);
          g_print ("%s\t%s\t%s\n", cv_record_get_id (p), cv_record_get_string (p, "status"),
                   cv_record_get_string (p, "name"));
        }
      return 0;
    }

  if (g_variant_dict_lookup (options, "import", "^&ay", &import_path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (import_path);
      g_autoptr(CvImportSummary) summary = cv_exchange_import_file (store, file, NULL, NULL, NULL, &error);
      g_autofree char *text = NULL;

      if (summary == NULL)
        goto failed;
      text = cv_import_summary_describe (summary);
      g_print ("%s\n", text);
      return 0;
    }

  if (g_variant_dict_lookup (options, "export", "&s", &programme))
    {
      g_autofree char *id = NULL;
      g_autoptr(GFile) file = NULL;

      if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) ||
          files[0] == NULL || files[1] != NULL)
        {
          g_printerr (_("Say which file to write: convene --export PROGRAMME FILE [--full]\n"));
          return 2;
        }
      id = cv_exchange_find_programme (store, programme, &error);
      if (id == NULL)
        goto failed;
      file = g_file_new_for_commandline_arg (files[0]);
      if (!cv_exchange_export_file (store, id,
                                    g_variant_dict_contains (options, "full") ? CV_EXPORT_FULL : CV_EXPORT_PARTNER,
                                    file, NULL, NULL, NULL, &error))
        goto failed;
      return 0;
    }

  if (g_variant_dict_lookup (options, "import-csv", "&s", &programme))
    return import_csv (store, programme, options);

  if (g_variant_dict_lookup (options, "export-csv", "&s", &programme))
    {
      g_autofree char *id = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GString) csv = NULL;
      CvCsvList list;

      if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) ||
          files[0] == NULL || files[1] == NULL || files[2] != NULL)
        {
          g_printerr (_("Say which list and which file: convene --export-csv PROGRAMME LIST FILE [--full]\n"));
          return 2;
        }
      /* A contact list: only people whose consent holds (for --purpose, when given). */
      if (g_str_equal (files[0], "contacts"))
        {
          g_autofree char *today = cv_consent_today ();
          const char *purpose = NULL;

          g_variant_dict_lookup (options, "purpose", "&s", &purpose);
          id = cv_exchange_find_programme (store, programme, &error);
          if (id == NULL)
            goto failed;
          csv = cv_csv_export_contacts (store, id, purpose, today, NULL, &error);
        }
      else if (!cv_csv_list_from_name (files[0], &list))
        {
          g_printerr (_("There is no list called “%s”: say stakeholders, sessions, attendance, "
                        "contributions, actions, measures or contacts.\n"), files[0]);
          return 2;
        }
      else
        {
          id = cv_exchange_find_programme (store, programme, &error);
          if (id == NULL)
            goto failed;
          csv = cv_csv_export_programme (store, id, list, !g_variant_dict_contains (options, "full"), &error);
        }
      file = g_file_new_for_commandline_arg (files[1]);
      if (csv == NULL || !cv_csv_save (csv, file, &error))
        goto failed;
      return 0;
    }

  if (g_variant_dict_lookup (options, "review", "&s", &programme))
    {
      const char *pdf = NULL;
      g_autoptr(CvReview) review = NULL;
      g_autoptr(CvDocument) document = NULL;
      int pages = 0;

      if (!g_variant_dict_lookup (options, "pdf", "^&ay", &pdf))
        {
          g_printerr (_("Say where to save it: convene --review SESSION --pdf FILE\n"));
          return 2;
        }
      review = cv_review_build (store, programme, &error);
      if (review == NULL)
        goto failed;
      document = cv_review_document_new (review);
      if (!cv_document_write_pdf (document, pdf, &pages, &error))
        goto failed;
      g_print (g_dngettext (GETTEXT_PACKAGE, "%d page\n", "%d pages\n", pages), pages);
      return 0;
    }

  if (g_variant_dict_lookup (options, "find-duplicates", "&s", &programme))
    {
      g_autofree char *id = cv_exchange_find_programme (store, programme, &error);
      g_autoptr(GPtrArray) pairs = NULL;

      if (id == NULL)
        goto failed;
      pairs = cv_duplicates_find (cv_store_get_database (store), id, NULL, NULL, NULL, &error);
      if (pairs == NULL)
        goto failed;
      for (guint i = 0; i < pairs->len; i++)
        {
          CvDuplicatePair *pair = g_ptr_array_index (pairs, i);
          g_autofree char *why = cv_duplicate_reason_text (pair->reasons);

          g_print ("%s\t%s\t%s\t%s\t%s\n", pair->first_id, pair->second_id, why, pair->first_name,
                   pair->second_name);
        }
      return 0;
    }

  if (g_variant_dict_lookup (options, "past-retention", "&s", &programme))
    {
      g_autofree char *id = cv_exchange_find_programme (store, programme, &error);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      g_autoptr(GPtrArray) past = NULL;

      if (id == NULL)
        goto failed;
      past = cv_retention_past (store, id, today, TRUE, &error);
      if (past == NULL)
        goto failed;
      for (guint i = 0; i < past->len; i++)
        {
          CvRetentionEntry *entry = g_ptr_array_index (past, i);
          g_print ("%s\t%.10s\t%s\t%s\n", entry->id, entry->last_seen, entry->name,
                   entry->kept_reason != NULL ? entry->kept_reason : "");
        }
      return 0;
    }

  if (g_variant_dict_lookup (options, "person-report", "&s", &programme))
    {
      if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) ||
          files[0] == NULL || files[1] != NULL)
        {
          g_printerr (_("Say which file to write: convene --person-report STAKEHOLDER FILE.pdf (or FILE.json)\n"));
          return 2;
        }
      if (!cv_person_document_save (store, programme, files[0], &error))
        goto failed;
      return 0;
    }

  if (g_variant_dict_lookup (options, "erase-person", "&s", &programme))
    {
      g_auto(GStrv) backups = cv_erasure_find_backups (cv_store_get_database (store));

      if (!cv_erasure_erase (store, programme, &error))
        goto failed;
      if (backups[0] == NULL)
        /* TRANSLATORS: %s is the erased person's record id */
        g_print (_("Erased %s. Older backups and exports still hold them.\n"), programme);
      else
        {
          /* TRANSLATORS: %s is the erased person's record id; the backups' paths follow, one a line */
          g_print (_("Erased %s. Exports made earlier still hold them, and so do these backups:\n"), programme);
          for (guint i = 0; backups[i] != NULL; i++)
            g_print ("  %s\n", backups[i]);
        }
      return 0;
    }

  g_assert_not_reached ();

failed:
  g_printerr ("convene: %s\n", error->message);
  return 1;
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

  /* An export killed while it was being put in place leaves a partial file. */
  cv_file_clean_partial ();

  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    cv_application_set_database_path (self, database);

  if (g_variant_dict_contains (options, "export") || g_variant_dict_contains (options, "import") ||
      g_variant_dict_contains (options, "export-csv") || g_variant_dict_contains (options, "import-csv") ||
      g_variant_dict_contains (options, "list-programmes") || g_variant_dict_contains (options, "review") ||
      g_variant_dict_contains (options, "erase-person") || g_variant_dict_contains (options, "person-report") ||
      g_variant_dict_contains (options, "find-duplicates") || g_variant_dict_contains (options, "past-retention"))
    return run_headless (self, options);

  return -1;
}

static void
cv_application_activate (GApplication *app)
{
  CvApplication *self = CV_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (cv_application_new_window (self));
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
  cv_accessibility_install ();

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
    { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write PROGRAMME (a name or id) to the file given after it, for partners"), N_("PROGRAMME") },
    { "full", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --export or --export-csv: everything, personal data included"), NULL },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Import the programme file FILE"), N_("FILE") },
    { "import-csv", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Import stakeholders into PROGRAMME from the spreadsheet (CSV) file given after it"), N_("PROGRAMME") },
    { "valid-rows", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --import-csv: import the valid rows even if some rows have problems"), NULL },
    { "merge", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --import-csv: fill in likely duplicates rather than leave them out"), NULL },
    { "purpose", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export-csv PROGRAMME contacts: only people whose consent covers PURPOSE "
         "(invitations, newsletters, named_to_partners or one of the programme’s own)"), N_("PURPOSE") },
    { "export-csv", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write a list of PROGRAMME as a spreadsheet (CSV): give the list (stakeholders, sessions, "
         "attendance, contributions, actions, measures, or contacts: those whose consent holds) and the file "
         "after it; for partners unless --full"),
      N_("PROGRAMME") },
    { "list-programmes", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("List the programmes: id, status and name"), NULL },
    { "review", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Make the “You said, we did” review for SESSION (its id); with --pdf"), N_("SESSION") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("With --review: save it as the PDF FILE"), N_("FILE") },
    { "find-duplicates", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("List the likely duplicate people in PROGRAMME (a name or id), best first: both ids, why, both names"),
      N_("PROGRAMME") },
    { "past-retention", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("List the people of PROGRAMME (a name or id) past its retention period: id, last seen, name, "
         "why they are kept"), N_("PROGRAMME") },
    { "person-report", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write everything held about the person STAKEHOLDER (their id) to the file given after it: "
         "a readable .pdf or the .json data"), N_("STAKEHOLDER") },
    { "erase-person", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Erase the person STAKEHOLDER (their id) from the database, leaving no trace in the file; "
         "there is no undo"), N_("STAKEHOLDER") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE]") },
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
    {
      g_autoptr(CvStore) store = cv_store_open (cv_application_get_database_path (self), error);

      /* The guide library comes with every database; a newer Convene
       * brings its newer texts of the built-in guides. */
      if (store == NULL || !cv_guides_install_builtin (store, error))
        return NULL;
      self->store = g_steal_pointer (&store);
    }
  return self->store;
}

/**
 * cv_application_new_window:
 *
 * Opens the database (once) and makes a window on it; when it cannot be
 * opened, the window says why and that nothing in the file was changed.
 *
 * Returns: (transfer none): the window, not yet shown (GTK keeps it)
 */
CvWindow *
cv_application_new_window (CvApplication *self)
{
  g_autoptr(GError) error = NULL;
  CvStore *store;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (CV_IS_APPLICATION (self), NULL);

  store = cv_application_get_store (self, &error);
  if (store == NULL)
    problem = g_strdup_printf (_("%s\n\nThe file is %s. Nothing in it has been changed."),
                               error->message, cv_application_get_database_path (self));
  return cv_window_new (GTK_APPLICATION (self), store, problem);
}
