/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Possible Duplicates: the people of a programme who look entered twice,
 * likeliest first with why, found on a worker thread with its own database
 * connection. A pair is merged after choosing each differing field's value
 * side by side (Undo brings both back), or dismissed as "not the same
 * person", which is remembered.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-consent.h"
#include "cv-duplicates.h"
#include "cv-duplicates-window.h"
#include "cv-stakeholder.h"
#include "cv-widgets.h"

/* More rows than this are not shown at once; they are the least likely. */
#define MAX_ROWS 500

typedef struct
{
  guint           field;          /* index in the stakeholder kind */
  GtkCheckButton *first_button;   /* the other button is the second's */
} Choice;

struct _CvDuplicatesWindow
{
  AdwWindow         parent_instance;

  CvStore          *store;
  CvTrash          *trash;
  char             *programme_id;
  GCancellable     *cancellable;
  GPtrArray        *pairs;        /* of CvDuplicatePair, best first */
  CvRecord         *first;        /* the pair being merged: kept */
  CvRecord         *second;       /* and merged into it */
  GArray           *choices;      /* of Choice */
  GPtrArray        *merge_rows;
  gboolean          scanning;

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkWidget        *back_button;
  GtkStack         *stack;
  GtkProgressBar   *progress_bar;
  GtkLabel         *pairs_label;
  GtkListBox       *pairs_list;
  AdwPreferencesGroup *merge_group;
  GtkWidget        *merge_button;
};

G_DEFINE_FINAL_TYPE (CvDuplicatesWindow, cv_duplicates_window, ADW_TYPE_WINDOW)

static void fill_pairs (CvDuplicatesWindow *self);

/* Scanning */

typedef struct
{
  CvDuplicatesWindow *self;
  double              fraction;
} Progress;

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *progress = data;

  if (progress->self->scanning)
    gtk_progress_bar_set_fraction (progress->self->progress_bar, progress->fraction);
  g_object_unref (progress->self);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/* From the scanning thread: the bar moves on the main thread. */
static void
scan_progress_cb (double   fraction,
                  gpointer user_data)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->self = g_object_ref (user_data);
  progress->fraction = fraction;
  g_idle_add (progress_idle_cb, progress);
}

static void
scan_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CvDuplicatesWindow *self = source;
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CvDatabase) database = cv_database_open (path, &error);
  GPtrArray *pairs = NULL;

  if (database != NULL)
    pairs = cv_duplicates_find (database, self->programme_id, scan_progress_cb, self, cancellable, &error);
  if (pairs == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pairs, (GDestroyNotify)g_ptr_array_unref);
}

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CvDuplicatesWindow *self = CV_DUPLICATES_WINDOW (source);
  g_autoptr(GError) error = NULL;
  GPtrArray *pairs = g_task_propagate_pointer (G_TASK (result), &error);

  self->scanning = FALSE;
  if (pairs == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  g_clear_pointer (&self->pairs, g_ptr_array_unref);
  self->pairs = pairs;
  fill_pairs (self);
}

/**
 * cv_duplicates_window_scan:
 *
 * Looks for duplicates again, off the main thread, showing progress.
 */
void
cv_duplicates_window_scan (CvDuplicatesWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CV_IS_DUPLICATES_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->scanning = TRUE;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "scanning");
  gtk_widget_set_visible (self->back_button, FALSE);

  task = g_task_new (self, self->cancellable, scan_done_cb, NULL);
  g_task_set_task_data (task, g_strdup (cv_database_get_path (cv_store_get_database (self->store))), g_free);
  g_task_run_in_thread (task, scan_thread);
}

gboolean
cv_duplicates_window_is_scanning (CvDuplicatesWindow *self)
{
  g_return_val_if_fail (CV_IS_DUPLICATES_WINDOW (self), FALSE);
  return self->scanning;
}

/* The list of pairs */

static void
show_pairs_page (CvDuplicatesWindow *self)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->back_button, FALSE);
  if (self->pairs == NULL || self->pairs->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (self->pairs->len > MAX_ROWS)
    text = g_strdup_printf (_("The %'u likeliest of %'u possible duplicates, likeliest first."),
                            MAX_ROWS, self->pairs->len);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u possible duplicate, likeliest first.",
                                         "%'u possible duplicates, likeliest first.", self->pairs->len),
                            self->pairs->len);
  gtk_label_set_text (self->pairs_label, text);
  gtk_stack_set_visible_child_name (self->stack, "pairs");
}

/* Forgets the pairs that named @id (merged away) or both @a and @b. */
static void
drop_pairs (CvDuplicatesWindow *self,
            const char         *a,
            const char         *b)
{
  for (guint i = self->pairs->len; i > 0; i--)
    {
      CvDuplicatePair *pair = g_ptr_array_index (self->pairs, i - 1);
      gboolean names_a = g_strcmp0 (pair->first_id, a) == 0 || g_strcmp0 (pair->second_id, a) == 0;
      gboolean names_b = g_strcmp0 (pair->first_id, b) == 0 || g_strcmp0 (pair->second_id, b) == 0;

      if ((b == NULL && names_a) || (names_a && names_b))
        g_ptr_array_remove_index (self->pairs, i - 1);
    }
  fill_pairs (self);
}

static void
dismiss_clicked_cb (GtkButton          *button,
                    CvDuplicatesWindow *self)
{
  g_autoptr(GError) error = NULL;
  CvDuplicatePair *pair = g_object_get_data (G_OBJECT (button), "pair");
  g_autofree char *first = g_strdup (pair->first_id);
  g_autofree char *second = g_strdup (pair->second_id);

  if (!cv_duplicates_dismiss (self->store, first, second, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  drop_pairs (self, first, second);
}

static void merge_page (CvDuplicatesWindow *self,
                        CvDuplicatePair    *pair);

static void
merge_page_clicked_cb (GtkButton          *button,
                       CvDuplicatesWindow *self)
{
  merge_page (self, g_object_get_data (G_OBJECT (button), "pair"));
}

static GtkWidget *
pair_button (CvDuplicatesWindow *self,
             CvDuplicatePair    *pair,
             const char         *label,
             GCallback           callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "pair", pair);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
fill_pairs (CvDuplicatesWindow *self)
{
  cv_list_box_clear (self->pairs_list);
  for (guint i = 0; self->pairs != NULL && i < MIN (self->pairs->len, MAX_ROWS); i++)
    {
      CvDuplicatePair *pair = g_ptr_array_index (self->pairs, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("%s and %s"), pair->first_name, pair->second_name);
      g_autofree char *why = cv_duplicate_reason_text (pair->reasons);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 pair_button (self, pair, _("_Not the Same Person"), G_CALLBACK (dismiss_clicked_cb)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 pair_button (self, pair, _("_Merge…"), G_CALLBACK (merge_page_clicked_cb)));
      gtk_list_box_append (self->pairs_list, row);
    }
  show_pairs_page (self);
}

/* Merging one pair */

/* A field's value as a person reads it, or NULL when it is empty. */
static char *
value_text (CvStore       *store,
            CvRecord      *record,
            const CvField *field)
{
  switch (field->type)
    {
    case CV_FIELD_BOOLEAN:
      /* TRANSLATORS: a yes-or-no field's value, named with the field: "Consent to be contacted: Yes" */
      return g_strdup_printf (_("%s: %s"), _(field->label),
                              cv_record_get_boolean (record, field->name) ? _("Yes") : _("No"));
    case CV_FIELD_WORDS:
      {
        const char * const *words = cv_record_get_list (record, field->name);
        g_autoptr(GPtrArray) labels = g_ptr_array_new ();

        for (guint i = 0; words != NULL && words[i] != NULL; i++)
          g_ptr_array_add (labels, (gpointer)(g_str_equal (field->name, "consent_purposes")
                                              ? cv_consent_purpose_label (words[i]) : words[i]));
        g_ptr_array_add (labels, NULL);
        return labels->len > 1 ? g_strjoinv (", ", (GStrv)labels->pdata) : NULL;
      }
    case CV_FIELD_CHOICE:
      {
        const char *label = cv_field_choice_label (field, cv_record_get_string (record, field->name));
        return label != NULL ? g_strdup (_(label)) : NULL;
      }
    case CV_FIELD_REFERENCE:
      return cv_record_get_string (record, field->name) != NULL
             ? cv_store_get_display_name (store, field->target, cv_record_get_string (record, field->name))
             : NULL;
    default:
      return g_strdup (cv_record_get_string (record, field->name));
    }
}

static void
name_choice (GtkWidget     *button,
             const CvField *field,
             const char    *value)
{
  /* TRANSLATORS: a choice when merging two records: the field, then the value to keep */
  g_autofree char *name = g_strdup_printf (_("Keep %s: %s"), _(field->label), value != NULL ? value : _("(empty)"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (button, name);
}

static void
merge_page (CvDuplicatesWindow *self,
            CvDuplicatePair    *pair)
{
  g_autoptr(GError) error = NULL;
  const CvRecordKind *kind = cv_store_kind_for_table ("stakeholder");

  g_clear_object (&self->first);
  g_clear_object (&self->second);
  self->first = cv_store_load (self->store, CV_TYPE_STAKEHOLDER, pair->first_id, &error);
  if (self->first != NULL)
    self->second = cv_store_load (self->store, CV_TYPE_STAKEHOLDER, pair->second_id, &error);
  if (self->second == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  for (guint i = 0; i < self->merge_rows->len; i++)
    adw_preferences_group_remove (self->merge_group, g_ptr_array_index (self->merge_rows, i));
  g_ptr_array_set_size (self->merge_rows, 0);
  g_array_set_size (self->choices, 0);

  /* One row per field the two records disagree on; tags are joined. */
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CvField *field = &kind->fields[i];
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      GtkWidget *row, *box, *first_button, *second_button;
      Choice choice = { i, NULL };

      /* Tags are joined; what consent covers is chosen with the rest of the consent. */
      if (field->flags & CV_FIELD_SCOPE || g_str_equal (field->name, "tags") || g_str_equal (field->name, "kind"))
        continue;
      a = value_text (self->store, self->first, field);
      b = value_text (self->store, self->second, field);
      if (g_strcmp0 (a, b) == 0)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->label));
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      first_button = gtk_check_button_new_with_label (a != NULL ? a : _("(empty)"));
      second_button = gtk_check_button_new_with_label (b != NULL ? b : _("(empty)"));
      /* Each choice is named with its field and value, so that "Yes" or
       * "No" alone never has to be guessed at: "Keep Consent to be
       * contacted: Yes". */
      name_choice (first_button, field, a);
      name_choice (second_button, field, b);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (second_button), GTK_CHECK_BUTTON (first_button));
      /* What is filled in wins over what is empty; otherwise the older record's. */
      gtk_check_button_set_active (GTK_CHECK_BUTTON (a == NULL ? second_button : first_button), TRUE);
      gtk_box_append (GTK_BOX (box), first_button);
      gtk_box_append (GTK_BOX (box), second_button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_preferences_group_add (self->merge_group, row);
      g_ptr_array_add (self->merge_rows, row);
      choice.first_button = GTK_CHECK_BUTTON (first_button);
      g_array_append_val (self->choices, choice);
    }

  gtk_stack_set_visible_child_name (self->stack, "merge");
  gtk_widget_set_visible (self->back_button, TRUE);
}

static gboolean
unmerge_cb (CvStore   *store,
            gpointer   data,
            GError   **error)
{
  return cv_duplicates_unmerge (store, data, error);
}

/**
 * cv_duplicates_window_merge:
 *
 * Merges the pair on the merge page with the values chosen, as the Merge
 * button does, and offers Undo.
 */
gboolean
cv_duplicates_window_merge (CvDuplicatesWindow  *self,
                            GError             **error)
{
  g_autoptr(CvRecord) kept = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  CvMerge *merge;
  const char * const *lists[2];
  g_autofree char *title = NULL;
  g_autofree char *second_id = NULL;

  g_return_val_if_fail (CV_IS_DUPLICATES_WINDOW (self), FALSE);
  g_return_val_if_fail (self->first != NULL && self->second != NULL, FALSE);

  kept = cv_record_copy (self->first);
  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = &g_array_index (self->choices, Choice, i);

      if (!gtk_check_button_get_active (choice->first_button))
        cv_record_set_value (kept, choice->field, cv_record_get_value (self->second, choice->field));
    }
  lists[0] = cv_record_get_list (self->first, "tags");
  lists[1] = cv_record_get_list (self->second, "tags");
  for (guint l = 0; l < 2; l++)
    for (guint i = 0; lists[l] != NULL && lists[l][i] != NULL; i++)
      {
        gboolean seen = FALSE;

        for (guint j = 0; j < tags->len && !seen; j++)
          seen = g_str_equal (g_ptr_array_index (tags, j), lists[l][i]);
        if (!seen)
          g_ptr_array_add (tags, (gpointer)lists[l][i]);
      }
  g_ptr_array_add (tags, NULL);
  cv_record_set_list (kept, "tags", (const char * const *)tags->pdata);

  merge = cv_duplicates_merge (self->store, kept, cv_record_get_id (self->second), error);
  if (merge == NULL)
    return FALSE;

  title = g_strdup_printf (_("“%s” and “%s” merged"), cv_record_get_string (self->first, "name"),
                           cv_record_get_string (self->second, "name"));
  cv_trash_offer_undo (self->trash, GTK_WIDGET (self->stack), title, unmerge_cb, merge,
                       (GDestroyNotify)cv_merge_free);
  second_id = g_strdup (cv_record_get_id (self->second));
  g_clear_object (&self->first);
  g_clear_object (&self->second);
  drop_pairs (self, second_id, NULL);
  return TRUE;
}

static void
merge_clicked_cb (CvDuplicatesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!cv_duplicates_window_merge (self, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
back_clicked_cb (CvDuplicatesWindow *self)
{
  show_pairs_page (self);
}

/* The toast's Undo: the merge is undone and the pairs are looked for again. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CvDuplicatesWindow *self = CV_DUPLICATES_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!cv_trash_undo (self->trash, &error) && error != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  else
    cv_duplicates_window_scan (self);
}

static void
cv_duplicates_window_dispose (GObject *object)
{
  CvDuplicatesWindow *self = (CvDuplicatesWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_DUPLICATES_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->trash);
  g_clear_object (&self->first);
  g_clear_object (&self->second);
  g_clear_pointer (&self->pairs, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_array_unref);
  g_clear_pointer (&self->merge_rows, g_ptr_array_unref);
  g_clear_pointer (&self->programme_id, g_free);

  G_OBJECT_CLASS (cv_duplicates_window_parent_class)->dispose (object);
}

static void
cv_duplicates_window_class_init (CvDuplicatesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cv_duplicates_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/convene/Convene/cv-duplicates-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CvDuplicatesWindow, name)
  BIND (toast_overlay);
  BIND (back_button);
  BIND (stack);
  BIND (progress_bar);
  BIND (pairs_label);
  BIND (pairs_list);
  BIND (merge_group);
  BIND (merge_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, merge_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cv_duplicates_window_init (CvDuplicatesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->choices = g_array_new (FALSE, FALSE, sizeof (Choice));
  self->merge_rows = g_ptr_array_new ();
}

/**
 * cv_duplicates_window_new:
 *
 * Returns: (transfer floating): the window, already looking for duplicates
 */
CvDuplicatesWindow *
cv_duplicates_window_new (GtkWindow  *parent,
                          CvStore    *store,
                          CvTrash    *trash,
                          const char *programme_id)
{
  CvDuplicatesWindow *self = g_object_new (CV_TYPE_DUPLICATES_WINDOW, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->trash = g_object_ref (trash);
  self->programme_id = g_strdup (programme_id);
  cv_duplicates_window_scan (self);
  return self;
}

/* For tests: the pair at @index as the list shows it. */
CvDuplicatePair *
cv_duplicates_window_get_pair (CvDuplicatesWindow *self,
                               guint               index)
{
  g_return_val_if_fail (CV_IS_DUPLICATES_WINDOW (self), NULL);
  return self->pairs != NULL && index < self->pairs->len ? g_ptr_array_index (self->pairs, index) : NULL;
}

guint
cv_duplicates_window_get_n_pairs (CvDuplicatesWindow *self)
{
  g_return_val_if_fail (CV_IS_DUPLICATES_WINDOW (self), 0);
  return self->pairs != NULL ? self->pairs->len : 0;
}
