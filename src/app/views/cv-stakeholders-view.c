/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The stakeholder register: a searchable, filterable, sortable list (or the
 * power / interest grid) beside the editor of the stakeholder chosen. All the
 * searching, filtering and sorting is done by the core's list model.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-consent.h"
#include "cv-csv-export.h"
#include "cv-csv-import-dialog.h"
#include "cv-duplicates-window.h"
#include "cv-erasure.h"
#include "cv-list-export.h"
#include "cv-list-pane.h"
#include "cv-power-grid.h"
#include "cv-record-column.h"
#include "cv-record-list.h"
#include "cv-register.h"
#include "cv-stakeholder.h"
#include "cv-stakeholder-editor.h"
#include "cv-stakeholders-view.h"
#include "cv-view.h"
#include "cv-trash.h"
#include "cv-widgets.h"

/* How many names each cell of the grid shows before "and N more". */
#define GRID_NAMES_PER_CELL 12

struct _CvStakeholdersView
{
  GtkWidget             parent_instance;

  CvStore              *store;
  char                 *programme_id;
  CvRecordList         *list;
  GStrv                 tags;   /* the tag filter's choices, after "All tags" */
  CvTrash              *trash;
  gboolean              updating_filters;
  gboolean              tags_stale;   /* reloaded when the filters are next shown */
  GtkWindow            *erase_parent; /* while a window other than ours asks to erase */

  /* Template widgets */
  CvListPane           *pane;
  GtkDropDown          *sector_filter;
  GtkDropDown          *engagement_filter;
  GtkDropDown          *tag_filter;
  GtkDropDown          *consent_filter;
  GtkToggleButton      *grid_toggle;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *name_column;
  GtkColumnViewColumn  *kind_column;
  GtkColumnViewColumn  *consent_column;
  GtkColumnViewColumn  *organisation_column;
  GtkColumnViewColumn  *sector_column;
  GtkColumnViewColumn  *engagement_column;
  GtkColumnViewColumn  *tags_column;
  GtkColumnViewColumn  *updated_column;
  CvPowerGrid          *power_grid;
  CvStakeholderEditor  *editor;
};

static void cv_stakeholders_view_view_init (CvViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CvStakeholdersView, cv_stakeholders_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CV_TYPE_VIEW, cv_stakeholders_view_view_init))

static void
reload_grid (CvStakeholdersView *self)
{
  g_autoptr(GError) error = NULL;
  CvGrid *grid;

  if (self->programme_id == NULL || !gtk_toggle_button_get_active (self->grid_toggle))
    return;
  grid = cv_register_grid (self->store, self->programme_id, GRID_NAMES_PER_CELL, &error);
  if (grid == NULL)
    cv_widget_report_error (GTK_WIDGET (self), "Could not draw the grid", error);
  cv_power_grid_set_grid (self->power_grid, grid);
}

static void
refresh (CvStakeholdersView *self)
{
  /* People due for review may be tens of thousands in a county register:
   * that list is read on a worker thread, like a search. */
  if (gtk_drop_down_get_selected (self->consent_filter) > 0)
    cv_list_pane_refresh (self->pane);
  else
    cv_list_pane_refresh_now (self->pane);
}

/* The consent filter is a range of the index on consent and its review
 * date: due for review within CV_CONSENT_DUE_DAYS (or lapsed), lapsed, or
 * withdrawn (a withdrawal date at all). */
enum { CONSENT_ANY, CONSENT_DUE, CONSENT_LAPSED, CONSENT_WITHDRAWN };

static void
apply_consent_filter (CvStakeholdersView *self)
{
  g_autofree char *today = cv_consent_today ();
  g_autofree char *until = cv_consent_add_days (today, CV_CONSENT_DUE_DAYS);

  switch (gtk_drop_down_get_selected (self->consent_filter))
    {
    case CONSENT_DUE:
      cv_record_list_set_filter (self->list, "consent", "1");
      cv_record_list_set_range (self->list, "consent_review_on", NULL, until);
      break;
    case CONSENT_LAPSED:
      cv_record_list_set_filter (self->list, "consent", "1");
      cv_record_list_set_range (self->list, "consent_review_on", NULL, today);
      break;
    case CONSENT_WITHDRAWN:
      cv_record_list_set_filter (self->list, "consent", "0");
      cv_record_list_set_range (self->list, "consent_withdrawn_on", "0", NULL);
      break;
    default:
      cv_record_list_set_filter (self->list, "consent", NULL);
      cv_record_list_set_range (self->list, NULL, NULL, NULL);
      break;
    }
}

static void
filter_changed_cb (CvStakeholdersView *self)
{
  guint tag = gtk_drop_down_get_selected (self->tag_filter);

  if (self->updating_filters || self->list == NULL)
    return;
  cv_record_list_set_filter (self->list, "sector", cv_choice_filter_get (self->sector_filter, cv_record_type_find_field (CV_TYPE_STAKEHOLDER, "sector")));
  cv_record_list_set_filter (self->list, "engagement",
                             cv_choice_filter_get (self->engagement_filter, cv_record_type_find_field (CV_TYPE_STAKEHOLDER, "engagement")));
  cv_record_list_set_filter (self->list, "tags",
                             tag > 0 && self->tags != NULL && tag - 1 < g_strv_length (self->tags)
                               ? self->tags[tag - 1] : NULL);
  apply_consent_filter (self);
  refresh (self);
}

static void
layout_toggled_cb (CvStakeholdersView *self)
{
  reload_grid (self);
  cv_list_pane_set_show_alternative (self->pane, gtk_toggle_button_get_active (self->grid_toggle));
}

/* The tag filter offers the tags in use; the choice survives a reload. */
static void
reload_tags (CvStakeholdersView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autofree char *current = NULL;
  guint selected = gtk_drop_down_get_selected (self->tag_filter);
  guint new_selected = 0;

  if (selected > 0 && self->tags != NULL && selected - 1 < g_strv_length (self->tags))
    current = g_strdup (self->tags[selected - 1]);
  g_clear_pointer (&self->tags, g_strfreev);
  if (self->programme_id != NULL)
    self->tags = cv_register_tags (self->store, self->programme_id, &error);
  if (error != NULL)
    cv_widget_report_error (GTK_WIDGET (self), "Could not list the tags", error);
  self->tags_stale = FALSE;

  gtk_string_list_append (strings, _("All tags"));
  for (guint i = 0; self->tags != NULL && self->tags[i] != NULL; i++)
    {
      gtk_string_list_append (strings, self->tags[i]);
      if (g_strcmp0 (current, self->tags[i]) == 0)
        new_selected = i + 1;
    }

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->tag_filter, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->tag_filter, new_selected);
  self->updating_filters = FALSE;
}

static void
selected_cb (CvStakeholdersView *self,
             CvRecord           *record)
{
  if (cv_record_get_id (record) != NULL &&
      g_strcmp0 (cv_stakeholder_editor_get_id (self->editor), cv_record_get_id (record)) != 0)
    cv_stakeholder_editor_set_record (self->editor, record);
}

static void
activated_cb (CvStakeholdersView *self,
              CvRecord           *record)
{
  cv_stakeholder_editor_set_record (self->editor, record);
  cv_stakeholder_editor_focus (self->editor);
}

static void
store_changed_cb (CvStakeholdersView *self,
                  const char         *table,
                  const char         *id,
                  CvStore            *store)
{
  if (!g_str_equal (table, "stakeholder"))
    return;
  reload_grid (self);
  self->tags_stale = TRUE;
}

static void
filters_shown_cb (CvStakeholdersView *self)
{
  if (self->tags_stale)
    reload_tags (self);
}

static void
grid_activated_cb (CvStakeholdersView *self,
                   const char         *id)
{
  cv_stakeholders_view_open (self, id);
}

/* The page beside the list never shows someone deleted. */
static void
deleted_cb (CvStakeholdersView *self)
{
  if (cv_stakeholder_editor_get_id (self->editor) != NULL &&
      cv_store_rowid_of (self->store, "stakeholder", cv_stakeholder_editor_get_id (self->editor)) < 0)
    cv_stakeholder_editor_set_record (self->editor, NULL);
}

void
cv_stakeholders_view_delete_selected (CvStakeholdersView *self)
{
  g_return_if_fail (CV_IS_STAKEHOLDERS_VIEW (self));
  cv_list_pane_delete_selected (self->pane);
}

/* Erasure: asked once, said in full, never undone. */

static void
show_toast (CvStakeholdersView *self,
            const char         *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
erase_response_cb (AdwMessageDialog   *dialog,
                   const char         *response,
                   CvStakeholdersView *self)
{
  g_autoptr(GError) error = NULL;
  const char *id = g_object_get_data (G_OBJECT (dialog), "stakeholder-id");
  const char *name = g_object_get_data (G_OBJECT (dialog), "name");
  g_autofree char *done = NULL;

  if (!g_str_equal (response, "erase"))
    return;

  if (g_strcmp0 (cv_stakeholder_editor_get_id (self->editor), id) == 0)
    {
      cv_stakeholder_editor_set_record (self->editor, NULL);
      cv_list_pane_show_list (self->pane);
    }
  /* Nothing deleted before may come back pointing at someone erased. */
  cv_trash_forget (self->trash);
  if (!cv_erasure_erase (self->store, id, &error))
    {
      show_toast (self, error->message);
      return;
    }
  done = g_strdup_printf (_("“%s” erased"), name);
  show_toast (self, done);
}

/* What erasing will change, and which copies still hold the person. */
static char *
describe_erasure (const CvErasurePlan *plan)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "• %u contribution attributed to them becomes anonymous",
                                             "• %u contributions attributed to them become anonymous",
                                             plan->n_contributions), plan->n_contributions);
  g_string_append (text, "\n");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "• they leave the attendance list of %u session; its counts stay",
                                             "• they leave the attendance lists of %u sessions; their counts stay",
                                             plan->n_attendance), plan->n_attendance);
  g_string_append (text, "\n");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "• %u action they own passes to their organisation, or to no one",
                                             "• %u actions they own pass to their organisation, or to no one",
                                             plan->n_actions), plan->n_actions);
  g_string_append (text, "\n");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "• %u session no longer names them as facilitator",
                                             "• %u sessions no longer name them as facilitator",
                                             plan->n_facilitated), plan->n_facilitated);
  g_string_append (text, "\n");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "• their details, consent, notes and %u tag are deleted",
                                             "• their details, consent, notes and %u tags are deleted",
                                             plan->n_tags), plan->n_tags);
  g_string_append (text, "\n\n");
  g_string_append (text, _("Only the record’s id and today’s date are kept, in the erasure log. "
                           "There is no Undo."));
  g_string_append (text, "\n\n");
  if (plan->backups[0] == NULL)
    g_string_append (text, _("Files saved before still hold them: exports you have made. "
                             "Convene knows of no older backups of this database."));
  else
    {
      g_string_append (text, _("Files saved before still hold them: exports you have made, "
                               "and these backups of this database:"));
      for (guint i = 0; plan->backups[i] != NULL; i++)
        g_string_append_printf (text, "\n%s", plan->backups[i]);
    }
  return g_string_free (text, FALSE);
}

void
cv_stakeholders_view_erase (CvStakeholdersView *self,
                            const char         *stakeholder_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvErasurePlan) plan = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *details;

  g_return_if_fail (CV_IS_STAKEHOLDERS_VIEW (self));

  plan = cv_erasure_plan (self->store, stakeholder_id, &error);
  if (plan == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  heading = g_strdup_printf (_("Erase “%s”?"), plan->name);
  body = describe_erasure (plan);
  /* Asked over the window that asked for it ("People Past Retention" is modal). */
  dialog = cv_message_dialog_new (self->erase_parent != NULL ? self->erase_parent
                                                             : GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  heading,
                                  _("This removes them everywhere in this database, and cannot be undone:"),
                                  "cancel", "cancel",
                                  "cancel", _("_Cancel"), "erase", _("_Erase"), NULL);
  /* A list reads better aligned to its start than centred like the body. */
  details = gtk_label_new (body);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_selectable (GTK_LABEL (details), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), details);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase", ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "stakeholder-id", g_strdup (stakeholder_id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "name", g_strdup (plan->name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (erase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cv_stakeholders_view_show_duplicates:
 *
 * Opens "Possible Duplicates" for the programme shown.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL with no programme
 */
CvDuplicatesWindow *
cv_stakeholders_view_show_duplicates (CvStakeholdersView *self)
{
  CvDuplicatesWindow *window;

  g_return_val_if_fail (CV_IS_STAKEHOLDERS_VIEW (self), NULL);

  if (self->store == NULL || self->programme_id == NULL)
    return NULL;
  /* What is being typed is stored first: the search reads the database. */
  cv_stakeholder_editor_save_pending (self->editor);
  window = cv_duplicates_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                     self->trash, self->programme_id);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
retention_erase_cb (CvRetentionWindow  *window,
                    const char         *stakeholder_id,
                    CvStakeholdersView *self)
{
  self->erase_parent = GTK_WINDOW (window);
  cv_stakeholders_view_erase (self, stakeholder_id);
  self->erase_parent = NULL;
}

/**
 * cv_stakeholders_view_show_retention:
 *
 * Opens "People Past Retention" for the programme shown.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL with no programme
 */
CvRetentionWindow *
cv_stakeholders_view_show_retention (CvStakeholdersView *self)
{
  CvRetentionWindow *window;

  g_return_val_if_fail (CV_IS_STAKEHOLDERS_VIEW (self), NULL);

  if (self->store == NULL || self->programme_id == NULL)
    return NULL;
  cv_stakeholder_editor_save_pending (self->editor);
  window = cv_retention_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                    self->programme_id);
  g_signal_connect_object (window, "erase-requested", G_CALLBACK (retention_erase_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
show_retention_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cv_stakeholders_view_show_retention (CV_STAKEHOLDERS_VIEW (widget));
}

static void
find_duplicates_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  cv_stakeholders_view_show_duplicates (CV_STAKEHOLDERS_VIEW (widget));
}

static void
editor_erase_cb (CvStakeholdersView *self,
                 CvRecord           *record)
{
  cv_stakeholders_view_erase (self, cv_record_get_id (record));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cv_stakeholders_view_delete_selected (CV_STAKEHOLDERS_VIEW (widget));
}

static void
import_chosen_cb (GtkNativeDialog    *chooser,
                  int                 response,
                  CvStakeholdersView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      cv_stakeholders_view_import_file (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import from Spreadsheet"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.tsv");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chosen_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  cv_list_save_template_choose (widget);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CvStakeholdersView *self = CV_STAKEHOLDERS_VIEW (widget);

  /* TRANSLATORS: the name suggested for an exported list of stakeholders */
  cv_list_export_choose (widget, self->store, CV_CSV_STAKEHOLDERS, G_LIST_MODEL (self->list),
                         _("stakeholders.csv"));
}

/* A contact list: only people whose consent holds, with what it covers. */
static void
contacts_chosen_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    CvStakeholdersView *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->programme_id != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autofree char *today = cv_consent_today ();
      g_autoptr(GString) csv = NULL;
      guint left_out = 0;

      csv = cv_csv_export_contacts (self->store, self->programme_id, NULL, today, &left_out, &error);
      if (csv == NULL || !cv_csv_save (csv, file, &error))
        show_toast (self, error->message);
      else if (left_out > 0)
        {
          g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "Saved without %u person whose consent has lapsed, "
                                                                 "was withdrawn or was never given",
                                                                 "Saved without %u people whose consent has lapsed, "
                                                                 "was withdrawn or was never given", left_out),
                                                    left_out);
          show_toast (self, title);
        }
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_contacts_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  cv_stakeholders_view_save_pending (CV_STAKEHOLDERS_VIEW (widget));
  chooser = gtk_file_chooser_native_new (_("Export Contact List"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* TRANSLATORS: the name suggested for a contact list */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("contacts.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (contacts_chosen_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * cv_stakeholders_view_show_consent_due:
 *
 * Lists the people whose consent is due for review (or has lapsed),
 * soonest first: what the overview's row opens.
 */
void
cv_stakeholders_view_show_consent_due (CvStakeholdersView *self)
{
  g_return_if_fail (CV_IS_STAKEHOLDERS_VIEW (self));

  cv_list_pane_show_list (self->pane);
  gtk_toggle_button_set_active (self->grid_toggle, FALSE);
  /* Filtered first, so that sorting never orders the whole register here. */
  gtk_drop_down_set_selected (self->consent_filter, CONSENT_DUE);
  gtk_column_view_sort_by_column (self->column_view, self->consent_column, GTK_SORT_ASCENDING);
}

static void
folded_changed_cb (CvStakeholdersView *self)
{
  cv_stakeholder_editor_set_show_back (self->editor, cv_list_pane_get_folded (self->pane));
}

static void
cv_stakeholders_view_dispose (GObject *object)
{
  CvStakeholdersView *self = (CvStakeholdersView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_STAKEHOLDERS_VIEW);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_pointer (&self->programme_id, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_object (&self->trash);

  G_OBJECT_CLASS (cv_stakeholders_view_parent_class)->dispose (object);
}

static void
cv_stakeholders_view_class_init (CvStakeholdersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cv_stakeholders_view_dispose;

  g_type_ensure (CV_TYPE_POWER_GRID);
  g_type_ensure (CV_TYPE_STAKEHOLDER_EDITOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (CV_TYPE_LIST_PANE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/convene/Convene/cv-stakeholders-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, pane);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, sector_filter);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, engagement_filter);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, consent_filter);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, grid_toggle);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, name_column);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, kind_column);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, consent_column);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, organisation_column);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, sector_column);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, engagement_column);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, tags_column);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, updated_column);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, power_grid);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholdersView, editor);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, deleted_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, layout_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, cv_stakeholders_view_new_stakeholder);
  gtk_widget_class_bind_template_callback (widget_class, grid_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_erase_cb);

  gtk_widget_class_install_action (widget_class, "stakeholders.delete-selected", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.find-duplicates", NULL, find_duplicates_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.save-template", NULL, save_template_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.export-contacts", NULL, export_contacts_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.show-retention", NULL, show_retention_action);
}

static void
cv_stakeholders_view_init (CvStakeholdersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  cv_choice_filter_fill (self->sector_filter, cv_record_type_find_field (CV_TYPE_STAKEHOLDER, "sector"), _("All sectors"));
  cv_choice_filter_fill (self->engagement_filter, cv_record_type_find_field (CV_TYPE_STAKEHOLDER, "engagement"), _("All engagement levels"));
  reload_tags (self);

  /* Whether someone may be contacted is said before their organisation. */
  cv_record_table_fit (self->column_view, NULL, self->name_column, self->consent_column,
                       self->organisation_column, self->kind_column, self->sector_column, self->engagement_column,
                       self->tags_column, self->updated_column, NULL);

  folded_changed_cb (self);
}

void
cv_stakeholders_view_set_store (CvStakeholdersView *self,
                                CvStore            *store,
                                CvTrash            *trash)
{
  g_return_if_fail (CV_IS_STAKEHOLDERS_VIEW (self));
  g_return_if_fail (CV_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->trash = g_object_ref (trash);
  cv_record_column_set_up (self->name_column, store, "name");
  cv_record_column_set_up (self->kind_column, store, "kind");
  cv_record_column_set_up (self->consent_column, store, "consent_review_on");
  cv_record_column_set_up (self->organisation_column, store, "organisation_id");
  cv_record_column_set_up (self->sector_column, store, "sector");
  cv_record_column_set_up (self->engagement_column, store, "engagement");
  cv_record_column_set_up (self->tags_column, store, "tags");
  cv_record_column_set_up (self->updated_column, store, "updated_at");
  self->list = cv_record_list_new (store, CV_TYPE_STAKEHOLDER);
  cv_list_pane_set_model (self->pane, G_LIST_MODEL (self->list));
  cv_list_pane_set_trash (self->pane, trash);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  cv_stakeholder_editor_set_store (self->editor, store);
}

void
cv_stakeholders_view_set_programme (CvStakeholdersView *self,
                                    const char         *programme_id)
{
  g_return_if_fail (CV_IS_STAKEHOLDERS_VIEW (self));
  g_return_if_fail (self->store != NULL);

  if (g_strcmp0 (self->programme_id, programme_id) == 0)
    return;

  cv_stakeholder_editor_save_pending (self->editor);
  g_free (self->programme_id);
  self->programme_id = g_strdup (programme_id);
  cv_stakeholder_editor_set_programme (self->editor, programme_id);
  cv_stakeholder_editor_set_record (self->editor, NULL);
  cv_record_list_set_programme (self->list, programme_id);
  /* A tag chosen in another programme means nothing here. */
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->tag_filter, 0);
  self->updating_filters = FALSE;
  self->tags_stale = TRUE;
  filter_changed_cb (self);
  reload_grid (self);
}

void
cv_stakeholders_view_new_stakeholder (CvStakeholdersView *self)
{
  g_autoptr(CvRecord) record = NULL;

  g_return_if_fail (CV_IS_STAKEHOLDERS_VIEW (self));

  if (self->programme_id == NULL)
    return;
  record = cv_record_new (CV_TYPE_STAKEHOLDER);
  cv_record_set_string (record, "programme_id", self->programme_id);
  cv_list_pane_unselect_all (self->pane);
  cv_stakeholder_editor_set_record (self->editor, record);
  cv_list_pane_show_detail (self->pane);
  cv_stakeholder_editor_focus (self->editor);
}

void
cv_stakeholders_view_focus_search (CvStakeholdersView *self)
{
  g_return_if_fail (CV_IS_STAKEHOLDERS_VIEW (self));

  cv_list_pane_focus_search (self->pane);
}

void
cv_stakeholders_view_open (CvStakeholdersView *self,
                           const char         *stakeholder_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) record = NULL;

  g_return_if_fail (CV_IS_STAKEHOLDERS_VIEW (self));

  record = cv_store_load (self->store, CV_TYPE_STAKEHOLDER, stakeholder_id, &error);
  if (record == NULL)
    {
      cv_widget_report_error (GTK_WIDGET (self), "Could not open the stakeholder", error);
      return;
    }
  cv_stakeholder_editor_set_record (self->editor, record);
  /* Opened from a mention: the list follows, so Delete acts on this record. */
  cv_list_pane_select_record (self->pane, cv_record_get_id (record));
  cv_list_pane_show_detail (self->pane);
}

void
cv_stakeholders_view_save_pending (CvStakeholdersView *self)
{
  g_return_if_fail (CV_IS_STAKEHOLDERS_VIEW (self));
  cv_stakeholder_editor_save_pending (self->editor);
}

/* Returns: whether a search is still under way in its worker thread */
gboolean
cv_stakeholders_view_is_searching (CvStakeholdersView *self)
{
  g_return_val_if_fail (CV_IS_STAKEHOLDERS_VIEW (self), FALSE);
  return self->list != NULL && cv_record_list_is_refreshing (self->list);
}

/* Returns: (transfer none): the list as shown, for tests */
GListModel *
cv_stakeholders_view_get_model (CvStakeholdersView *self)
{
  g_return_val_if_fail (CV_IS_STAKEHOLDERS_VIEW (self), NULL);
  return cv_list_pane_get_model (self->pane);
}

/**
 * cv_stakeholders_view_import_file:
 *
 * Reads @file as a spreadsheet of stakeholders and shows the preview of
 * importing it into the programme shown, or says why it cannot be read.
 */
void
cv_stakeholders_view_import_file (CvStakeholdersView *self,
                                  GFile              *file)
{
  g_return_if_fail (CV_IS_STAKEHOLDERS_VIEW (self));
  g_return_if_fail (self->programme_id != NULL);

  cv_csv_import_dialog_open (GTK_WIDGET (self), self->store, self->trash, self->programme_id, file);
}

/* The view contract */

static void
as_view_set_store (CvView  *view,
                   CvStore *store,
                   CvTrash *trash)
{
  cv_stakeholders_view_set_store (CV_STAKEHOLDERS_VIEW (view), store, trash);
}

static void
as_view_set_programme (CvView     *view,
                       const char *programme_id)
{
  cv_stakeholders_view_set_programme (CV_STAKEHOLDERS_VIEW (view), programme_id);
}

static void
as_view_open (CvView     *view,
              const char *table,
              const char *id)
{
  /* "consent-due": the overview's row for consent due for review;
   * "duplicates": an import's offer to review the people it may have
   * doubled. */
  if (g_str_equal (table, "consent-due"))
    cv_stakeholders_view_show_consent_due (CV_STAKEHOLDERS_VIEW (view));
  else if (g_str_equal (table, "duplicates"))
    cv_stakeholders_view_show_duplicates (CV_STAKEHOLDERS_VIEW (view));
  else
    cv_stakeholders_view_open (CV_STAKEHOLDERS_VIEW (view), id);
}

static void
as_view_new_record (CvView *view)
{
  cv_stakeholders_view_new_stakeholder (CV_STAKEHOLDERS_VIEW (view));
}

static void
as_view_focus_search (CvView *view)
{
  cv_stakeholders_view_focus_search (CV_STAKEHOLDERS_VIEW (view));
}

static void
as_view_save_pending (CvView *view)
{
  cv_stakeholders_view_save_pending (CV_STAKEHOLDERS_VIEW (view));
}

static void
cv_stakeholders_view_view_init (CvViewInterface *iface)
{
  static const char * const tables[] = { "stakeholder", "consent-due", "duplicates", NULL };

  iface->tables = tables;
  iface->set_store = as_view_set_store;
  iface->set_programme = as_view_set_programme;
  iface->open = as_view_open;
  iface->new_record = as_view_new_record;
  iface->focus_search = as_view_focus_search;
  iface->save_pending = as_view_save_pending;
}
