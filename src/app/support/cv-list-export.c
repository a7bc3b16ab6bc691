/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Taking a list out to a spreadsheet: the rows the view shows (its search
 * and filters applied), in its order, every column readable. The person who
 * has the window has the whole register, so nothing is left out here; the
 * partner rule is for files made to be passed on (convene --export-csv).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cv-csv-import.h"
#include "cv-list-export.h"
#include "cv-widgets.h"

typedef struct
{
  GtkWidget  *near;
  CvStore    *store;
  CvCsvList   list;
  GListModel *records;        /* or NULL for every record of the programme */
  char       *programme_id;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->near);
  g_object_unref (request->store);
  g_clear_object (&request->records);
  g_free (request->programme_id);
  g_free (request);
}

/**
 * cv_widget_show_toast:
 * @near: a widget inside the window's toast overlay
 */
void
cv_widget_show_toast (GtkWidget  *near,
                      const char *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (near, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
show_error (GtkWidget    *near,
            const char   *heading,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (near);
  GtkWidget *dialog = cv_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             heading, error->message, "close", "close",
                                             "close", _("_Close"), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
saved (GtkWidget *near,
       GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

  cv_widget_show_toast (near, message);
}

/**
 * cv_list_export_to_file:
 * @records: the view's model: what it shows, in its order
 *
 * Returns: %TRUE if the file was written; otherwise the person was told why
 */
gboolean
cv_list_export_to_file (GtkWidget  *near,
                        CvStore    *store,
                        CvCsvList   list,
                        GListModel *records,
                        GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = cv_csv_export_records (store, list, records, FALSE, &error);

  if (csv == NULL || !cv_csv_save (csv, file, &error))
    {
      show_error (near, _("Could Not Export"), error);
      return FALSE;
    }
  saved (near, file);
  return TRUE;
}

/**
 * cv_list_export_programme_to_file:
 *
 * Writes every record of @list in the programme (attendance and
 * contributions, which no single view lists whole).
 *
 * Returns: %TRUE if the file was written; otherwise the person was told why
 */
gboolean
cv_list_export_programme_to_file (GtkWidget  *near,
                                  CvStore    *store,
                                  const char *programme_id,
                                  CvCsvList   list,
                                  GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = cv_csv_export_programme (store, programme_id, list, FALSE, &error);

  if (csv == NULL || !cv_csv_save (csv, file, &error))
    {
      show_error (near, _("Could Not Export"), error);
      return FALSE;
    }
  saved (near, file);
  return TRUE;
}

static GtkFileChooserNative *
new_save_chooser (GtkWidget  *near,
                  const char *title,
                  const char *file_name)
{
  GtkRoot *root = gtk_widget_get_root (near);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  return chooser;
}

static void
export_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  ExportRequest   *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (request->records != NULL)
        cv_list_export_to_file (request->near, request->store, request->list, request->records, file);
      else
        cv_list_export_programme_to_file (request->near, request->store, request->programme_id,
                                          request->list, file);
    }
  export_request_free (request);
  g_object_unref (chooser);
}

/**
 * cv_list_export_choose:
 * @file_name: the name to suggest, translated
 *
 * Asks where to save @records as a spreadsheet, and saves them there.
 */
void
cv_list_export_choose (GtkWidget  *near,
                       CvStore    *store,
                       CvCsvList   list,
                       GListModel *records,
                       const char *file_name)
{
  ExportRequest *request = g_new0 (ExportRequest, 1);
  GtkFileChooserNative *chooser = new_save_chooser (near, _("Export as Spreadsheet"), file_name);

  request->near = g_object_ref (near);
  request->store = g_object_ref (store);
  request->list = list;
  request->records = g_object_ref (records);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * cv_list_export_programme_choose:
 *
 * Asks where to save every record of @list in the programme, and saves them.
 */
void
cv_list_export_programme_choose (GtkWidget  *near,
                                 CvStore    *store,
                                 const char *programme_id,
                                 CvCsvList   list,
                                 const char *file_name)
{
  ExportRequest *request = g_new0 (ExportRequest, 1);
  GtkFileChooserNative *chooser = new_save_chooser (near, _("Export as Spreadsheet"), file_name);

  request->near = g_object_ref (near);
  request->store = g_object_ref (store);
  request->list = list;
  request->programme_id = g_strdup (programme_id);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
template_chosen_cb (GtkNativeDialog *chooser,
                    int              response,
                    GtkWidget       *near)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (cv_csv_write_template (file, &error))
        saved (near, file);
      else
        show_error (near, _("Could Not Save the Template"), error);
    }
  g_object_unref (near);
  g_object_unref (chooser);
}

/**
 * cv_list_save_template_choose:
 *
 * Asks where to save a spreadsheet template for stakeholders, and saves it.
 */
void
cv_list_save_template_choose (GtkWidget *near)
{
  /* TRANSLATORS: the name suggested for the template file */
  const char *file_name = _("stakeholders-template.csv");
  GtkFileChooserNative *chooser = new_save_chooser (near, _("Save a Template"), file_name);

  g_signal_connect (chooser, "response", G_CALLBACK (template_chosen_cb), g_object_ref (near));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
