/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The preview of a spreadsheet import: what each column is read as (any can
 * be changed or ignored), the first rows as they will be stored, every
 * problem by line, and the likely duplicates. The import itself runs on a
 * worker thread with its own connection, and Undo takes all of it back.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-csv-import-dialog.h"
#include "cv-format.h"
#include "cv-error.h"
#include "cv-file.h"
#include "cv-progress-dialog.h"
#include "cv-widgets.h"

#define PREVIEW_ROWS 5
#define LISTED_LINES 100
#define PREVIEW_CHARS 24
/* The most characters of one value the preview lays out (it shows fewer). */
#define PREVIEW_TEXT_CHARS 200
/* A column's sample under its heading wraps: a line's worth at most. */
#define SAMPLE_CHARS 60

struct _CvCsvImportDialog
{
  AdwWindow            parent_instance;

  CvStore             *store;
  CvTrash             *trash;
  GtkWidget           *near;          /* where the toast is shown */
  char                *database_path;
  char                *programme_id;
  char                *file_name;
  GBytes              *data;
  CvCsvImport         *import;        /* freed in finalize: a worker may hold it */
  GPtrArray           *column_rows;   /* AdwComboRow, one per column */
  gboolean             updating;
  CvProgressDialog    *progress;

  /* Template widgets */
  GtkButton           *import_button;
  GtkLabel            *summary_label;
  AdwComboRow         *separator_row;
  AdwPreferencesGroup *columns_group;
  GtkGrid             *preview_grid;
  GtkWidget           *problems_group;
  GtkLabel            *problems_label;
  GtkWidget           *duplicates_group;
  GtkLabel            *duplicates_label;
  GtkSwitch           *merge_switch;
};

G_DEFINE_FINAL_TYPE (CvCsvImportDialog, cv_csv_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char separators[] = { ',', ';', '\t' };

/* The first lines of @lines, and how many more there are. */
static char *
list_lines (GPtrArray *lines)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < lines->len && i < LISTED_LINES; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (lines, i));
    }
  if (lines->len > LISTED_LINES)
    {
      guint more = lines->len - LISTED_LINES;

      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "…and %'u more", "…and %'u more", more), more);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
preview_label (const char *text,
               gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  /* Only long values are shortened: GTK 4.8 measures a short ellipsized
   * label as narrower than its ellipsis, and warns. */
  if (g_utf8_strlen (text, -1) > PREVIEW_CHARS)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), PREVIEW_CHARS);
      gtk_label_set_width_chars (GTK_LABEL (label), PREVIEW_CHARS);
    }
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
fill_preview (CvCsvImportDialog *self)
{
  CvCsvTable *table = cv_csv_import_get_table (self->import);
  guint n_columns = cv_csv_table_get_n_columns (table);
  guint n_rows = MIN (cv_csv_table_get_n_rows (table), PREVIEW_ROWS);
  GArray *shown = g_array_new (FALSE, FALSE, sizeof (CvCsvTarget));
  GtkWidget *child;
  gboolean name_shown = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);

  /* In the order of the file's columns; first and last names make one name. */
  for (guint c = 0; c < n_columns; c++)
    {
      CvCsvTarget target = cv_csv_import_get_target (self->import, c);

      if (target == CV_CSV_FIRST_NAME || target == CV_CSV_LAST_NAME)
        target = CV_CSV_NAME;
      if (target == CV_CSV_IGNORE || (target == CV_CSV_NAME && name_shown))
        continue;
      name_shown |= target == CV_CSV_NAME;
      g_array_append_val (shown, target);
    }

  gtk_grid_attach (self->preview_grid, preview_label (_("Line"), TRUE), 0, 0, 1, 1);
  for (guint i = 0; i < shown->len; i++)
    gtk_grid_attach (self->preview_grid,
                     preview_label (cv_csv_target_label (g_array_index (shown, CvCsvTarget, i)), TRUE),
                     i + 1, 0, 1, 1);
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *line = g_strdup_printf ("%u", cv_csv_table_get_line (table, r));

      GtkWidget *line_label = preview_label (line, FALSE);

      /* A row left out is marked, and its problems are listed below. */
      if (cv_csv_import_row_has_problem (self->import, r))
        gtk_widget_add_css_class (line_label, "error");
      gtk_grid_attach (self->preview_grid, line_label, 0, r + 1, 1, 1);
      for (guint i = 0; i < shown->len; i++)
        {
          g_autofree char *stored = cv_csv_import_get_stored (self->import, r,
                                                              g_array_index (shown, CvCsvTarget, i));
          g_auto(GStrv) lines = g_strsplit (stored != NULL ? stored : "", "\n", 2);
          /* A value too long to store (a million bytes) would take the
           * window minutes to lay out: the cell shows its start. */
          g_autofree char *shown_text = cv_format_excerpt (lines[0], PREVIEW_TEXT_CHARS);

          gtk_grid_attach (self->preview_grid, preview_label (shown_text, FALSE), i + 1, r + 1, 1, 1);
        }
    }
  g_array_unref (shown);
}

/* Shows what the latest check found. */
static void
show_checked (CvCsvImportDialog *self)
{
  CvCsvTable *table = cv_csv_import_get_table (self->import);
  GPtrArray *problems, *duplicates;
  g_autofree char *problem_text = NULL;
  g_autofree char *duplicate_text = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  guint n_valid, n_new, n_rows, n_organisations;
  gboolean merge = gtk_switch_get_active (self->merge_switch);

  problems = cv_csv_import_get_problems (self->import);
  duplicates = cv_csv_import_get_duplicates (self->import);
  n_rows = cv_csv_table_get_n_rows (table);
  n_valid = cv_csv_import_get_n_valid (self->import);
  n_new = merge || duplicates->len > n_valid ? n_valid : n_valid - duplicates->len;
  n_organisations = cv_csv_import_get_n_new_organisations (self->import);

  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "“%s” has %'u row.", "“%s” has %'u rows.", n_rows),
                          self->file_name, n_rows);
  if (g_strcmp0 (cv_csv_table_get_encoding (table), "UTF-8") != 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, _("Its text was read as %s."), cv_csv_table_get_encoding (table));
    }
  if (n_organisations > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE,
                                                    "%u organisation named in it is new, and will be added.",
                                                    "%u organisations named in it are new, and will be added.",
                                                    n_organisations), n_organisations);
    }
  gtk_label_set_text (self->summary_label, summary->str);

  problem_text = list_lines (problems);
  gtk_label_set_text (self->problems_label, problem_text);
  gtk_widget_set_visible (self->problems_group, problems->len > 0);
  duplicate_text = list_lines (duplicates);
  gtk_label_set_text (self->duplicates_label, duplicate_text);
  gtk_widget_set_visible (self->duplicates_group, duplicates->len > 0);

  if (problems->len == 0)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %'u Row", "_Import %'u Rows", n_new), n_new);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import the %'u Valid Row", "_Import the %'u Valid Rows",
                                          n_new), n_new);
  gtk_button_set_label (self->import_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), n_new > 0);
  fill_preview (self);
}

/* Checks the file again (a mapping changed, or the register) and shows it. */
static void
show_check (CvCsvImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!cv_csv_import_check (self->import, self->store, &error))
    {
      gtk_label_set_text (self->summary_label, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }
  show_checked (self);
}

static void
sync_column_rows (CvCsvImportDialog *self)
{
  self->updating = TRUE;
  for (guint c = 0; c < self->column_rows->len; c++)
    adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, c),
                                cv_csv_import_get_target (self->import, c));
  self->updating = FALSE;
}

static void
column_changed_cb (AdwComboRow       *row,
                   GParamSpec        *pspec,
                   CvCsvImportDialog *self)
{
  guint column;

  if (self->updating)
    return;
  g_assert (g_ptr_array_find (self->column_rows, row, &column));
  cv_csv_import_set_target (self->import, column, adw_combo_row_get_selected (row));
  sync_column_rows (self);
  show_check (self);
}

static void
build_column_rows (CvCsvImportDialog *self)
{
  CvCsvTable *table = cv_csv_import_get_table (self->import);
  g_autoptr(GtkStringList) targets = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  for (CvCsvTarget t = 0; t < CV_CSV_N_TARGETS; t++)
    gtk_string_list_append (targets, cv_csv_target_label (t));

  for (guint c = 0; c < cv_csv_table_get_n_columns (table); c++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *heading = cv_csv_table_get_heading (table, c);
      const char *sample = NULL;
      g_autofree char *title = NULL;

      for (guint r = 0; r < cv_csv_table_get_n_rows (table) && r < PREVIEW_ROWS && sample == NULL; r++)
        {
          sample = cv_csv_table_get_value (table, r, c);
          if (sample != NULL && *sample == '\0')
            sample = NULL;
        }
      /* TRANSLATORS: a column of a spreadsheet with no heading, by its number */
      title = *heading != '\0' ? g_strdup (heading) : g_strdup_printf (_("Column %u"), c + 1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (sample != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (sample, "\n", 2);
          g_autofree char *shown_text = cv_format_excerpt (lines[0], SAMPLE_CHARS);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown_text);
        }
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (targets));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), cv_csv_import_get_target (self->import, c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_changed_cb), self);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
}

/* Reads the file again with the separator chosen: the columns may all change. */
static void
separator_changed_cb (CvCsvImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  CvCsvImport *import;
  guint chosen = adw_combo_row_get_selected (self->separator_row);

  if (self->updating || self->import == NULL || chosen >= G_N_ELEMENTS (separators))
    return;
  import = cv_csv_import_new (self->programme_id, g_bytes_get_data (self->data, NULL),
                              g_bytes_get_size (self->data), separators[chosen], &error);
  if (import == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }
  g_clear_pointer (&self->import, cv_csv_import_free);
  self->import = import;
  build_column_rows (self);
  show_check (self);
}

typedef struct
{
  char            *database_path;
  CvCsvImport     *import;       /* the dialog's: it is not touched until this returns */
  CvCsvWriteFlags  flags;
  CvProgressDialog *progress;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->database_path);
  g_object_unref (job->progress);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CvStore) store = cv_store_open (job->database_path, &error);
  CvCsvUndo *undo = NULL;

  if (store != NULL)
    undo = cv_csv_import_write (job->import, store, job->flags, cv_progress_dialog_report, job->progress,
                                cancellable, &error);
  if (undo == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, undo, (GDestroyNotify)cv_csv_undo_free);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CvCsvImportDialog *self = CV_CSV_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  CvCsvUndo *undo = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *title = NULL;

  gtk_window_destroy (GTK_WINDOW (self->progress));
  g_clear_object (&self->progress);
  gtk_widget_set_sensitive (adw_window_get_content (ADW_WINDOW (self)), TRUE);

  if (undo == NULL)
    {
      GtkWidget *dialog;

      if (g_error_matches (error, CV_ERROR, CV_ERROR_CANCELLED))
        {
          show_check (self);
          return;
        }
      dialog = cv_message_dialog_new (GTK_WINDOW (self), _("Could Not Import"), error->message,
                                      "close", "close", "close", _("_Close"), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      show_check (self);
      return;
    }

  /* The worker wrote through its own connection: the views listen to this one. */
  cv_store_announce (self->store, "stakeholder");
  title = cv_csv_undo_describe (undo);
  cv_trash_offer_undo (self->trash, self->near, title, cv_csv_undo_apply, undo,
                       (GDestroyNotify)cv_csv_undo_free);
  g_signal_emit (self, signals[IMPORTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_clicked_cb (CvCsvImportDialog *self)
{
  ImportJob *job = g_new0 (ImportJob, 1);
  g_autoptr(GTask) task = NULL;

  /* The button says "the valid rows" when some have problems: choosing it
   * is choosing them. Cancel imports none. */
  job->flags = CV_CSV_WRITE_VALID_ROWS;
  if (gtk_switch_get_active (self->merge_switch))
    job->flags |= CV_CSV_WRITE_MERGE;
  job->database_path = g_strdup (self->database_path);
  job->import = self->import;
  self->progress = g_object_ref_sink (cv_progress_dialog_new (GTK_WINDOW (self), _("Importing…")));
  job->progress = g_object_ref (self->progress);

  gtk_widget_set_sensitive (adw_window_get_content (ADW_WINDOW (self)), FALSE);
  task = g_task_new (self, cv_progress_dialog_get_cancellable (self->progress), import_done_cb, NULL);
  g_task_set_task_data (task, job, import_job_free);
  gtk_window_present (GTK_WINDOW (self->progress));
  g_task_run_in_thread (task, import_thread);
}

static void
merge_changed_cb (CvCsvImportDialog *self)
{
  if (self->import != NULL)
    show_check (self);
}

static void
cv_csv_import_dialog_dispose (GObject *object)
{
  CvCsvImportDialog *self = (CvCsvImportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_CSV_IMPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->trash);
  g_clear_object (&self->near);
  g_clear_object (&self->progress);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cv_csv_import_dialog_parent_class)->dispose (object);
}

static void
cv_csv_import_dialog_finalize (GObject *object)
{
  CvCsvImportDialog *self = (CvCsvImportDialog *)object;

  g_clear_pointer (&self->import, cv_csv_import_free);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->database_path);
  g_free (self->programme_id);
  g_free (self->file_name);

  G_OBJECT_CLASS (cv_csv_import_dialog_parent_class)->finalize (object);
}

static void
cv_csv_import_dialog_class_init (CvCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cv_csv_import_dialog_dispose;
  object_class->finalize = cv_csv_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CvCsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CvCsvImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CvCsvImportDialog, separator_row);
  gtk_widget_class_bind_template_child (widget_class, CvCsvImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, CvCsvImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, CvCsvImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, CvCsvImportDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, CvCsvImportDialog, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, CvCsvImportDialog, duplicates_label);
  gtk_widget_class_bind_template_child (widget_class, CvCsvImportDialog, merge_switch);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, separator_changed_cb);

  /**
   * CvCsvImportDialog::imported:
   *
   * The rows were written; the dialog is about to close.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cv_csv_import_dialog_init (CvCsvImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_rows = g_ptr_array_new ();
  g_signal_connect_object (self->merge_switch, "notify::active", G_CALLBACK (merge_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

typedef struct
{
  GtkWidget   *near;
  CvStore     *store;
  CvTrash     *trash;
  char        *programme_id;
  GFile       *file;
  char        *database_path;
  GBytes      *data;          /* read by the worker */
  CvCsvImport *import;        /* read and checked by the worker */
  CvProgressDialog *progress;
} OpenJob;

static void
open_job_free (gpointer data)
{
  OpenJob *job = data;

  g_object_unref (job->near);
  g_object_unref (job->store);
  g_object_unref (job->trash);
  g_free (job->programme_id);
  g_object_unref (job->file);
  g_free (job->database_path);
  g_clear_pointer (&job->data, g_bytes_unref);
  g_clear_pointer (&job->import, cv_csv_import_free);
  g_object_unref (job->progress);
  g_free (job);
}

/* Reading, parsing and checking 100,000 rows takes seconds: not on the main thread. */
static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CvStore) store = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!cv_file_read_limited (job->file, CV_CSV_MAX_BYTES, &data, &length, cancellable, &error))
    goto failed;
  cv_progress_dialog_report (1, 3, job->progress);
  job->import = cv_csv_import_new (job->programme_id, data, length, 0, &error);
  if (job->import == NULL)
    goto failed;
  job->data = g_bytes_new_take (g_steal_pointer (&data), length);
  cv_progress_dialog_report (2, 3, job->progress);
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    goto failed;
  store = cv_store_open (job->database_path, &error);
  if (store == NULL || !cv_csv_import_check (job->import, store, &error))
    goto failed;
  g_task_return_boolean (task, TRUE);
  return;

failed:
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (job->near);
  CvCsvImportDialog *self;
  char separator;

  gtk_window_destroy (GTK_WINDOW (job->progress));
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *message;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = cv_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Could Not Read the Spreadsheet"), error->message,
                                       "close", "close", "close", _("_Close"), NULL);
      gtk_window_present (GTK_WINDOW (message));
      return;
    }

  self = g_object_new (CV_TYPE_CSV_IMPORT_DIALOG, "transient-for", GTK_IS_WINDOW (root) ? root : NULL, NULL);
  self->store = g_object_ref (job->store);
  self->trash = g_object_ref (job->trash);
  self->near = g_object_ref (job->near);
  self->database_path = g_strdup (job->database_path);
  self->programme_id = g_strdup (job->programme_id);
  self->file_name = g_file_get_basename (job->file);
  self->data = g_steal_pointer (&job->data);
  self->import = g_steal_pointer (&job->import);

  separator = cv_csv_table_get_separator (cv_csv_import_get_table (self->import));
  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if (separators[i] == separator)
      adw_combo_row_set_selected (self->separator_row, i);
  self->updating = FALSE;

  build_column_rows (self);
  show_checked (self);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * cv_csv_import_dialog_open:
 * @near: a widget of the main window, where Undo is offered
 *
 * Reads and checks @file on a worker thread, then shows what importing it
 * into @programme_id would do; or says why it cannot be read.
 */
void
cv_csv_import_dialog_open (GtkWidget   *near,
                           CvStore     *store,
                           CvTrash     *trash,
                           const char  *programme_id,
                           GFile       *file)
{
  OpenJob *job;
  GtkRoot *root;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GTK_IS_WIDGET (near));
  g_return_if_fail (CV_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  root = gtk_widget_get_root (near);
  job = g_new0 (OpenJob, 1);
  job->near = g_object_ref (near);
  job->store = g_object_ref (store);
  job->trash = g_object_ref (trash);
  job->programme_id = g_strdup (programme_id);
  job->file = g_object_ref (file);
  /* The worker threads open their own connections to the same file. */
  job->database_path = g_strdup (cv_database_get_path (cv_store_get_database (store)));
  job->progress = g_object_ref_sink (cv_progress_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             _("Reading the spreadsheet…")));
  task = g_task_new (NULL, cv_progress_dialog_get_cancellable (job->progress), open_done_cb, NULL);
  g_task_set_task_data (task, job, open_job_free);
  gtk_window_present (GTK_WINDOW (job->progress));
  g_task_run_in_thread (task, open_thread);
}

/* Returns: (transfer none): the import as the preview has it, for tests */
CvCsvImport *
cv_csv_import_dialog_get_import (CvCsvImportDialog *self)
{
  g_return_val_if_fail (CV_IS_CSV_IMPORT_DIALOG (self), NULL);
  return self->import;
}

/* Returns: (transfer none): the row choosing what @column is read as */
AdwComboRow *
cv_csv_import_dialog_get_column_row (CvCsvImportDialog *self,
                                     guint              column)
{
  g_return_val_if_fail (CV_IS_CSV_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (column < self->column_rows->len, NULL);
  return g_ptr_array_index (self->column_rows, column);
}
