/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Edits every field of one stakeholder. There is no Save button: a choice is
 * stored at once, typing is stored after a short pause (and when the editor
 * closes). A field the core refuses says why beside itself, keeps what was
 * typed, and nothing of it is stored. A new stakeholder is stored the first
 * time it has a name.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cv-action.h"
#include "cv-attendance.h"
#include "cv-consent.h"
#include "cv-date-row.h"
#include "cv-format.h"
#include "cv-person-document.h"
#include "cv-programme.h"
#include "cv-paged-rows.h"
#include "cv-register.h"
#include "cv-stakeholder.h"
#include "cv-stakeholder-chooser.h"
#include "cv-sessions.h"
#include "cv-stakeholder-editor.h"
#include "cv-record-editor.h"
#include "cv-widgets.h"

/* Long enough not to store every keystroke, short enough to feel immediate. */
struct _CvStakeholderEditor
{
  CvRecordEditor   parent_instance;

  CvStore         *store;
  char            *programme_id;
  CvRecord        *record;          /* as stored; no id while new */
  char            *organisation_id; /* as chosen in the editor */
  GPtrArray       *tags;            /* as edited, of char* */
  gboolean         loading;

  /* Template widgets */
  GtkStack        *stack;
  GtkWidget       *back_button;
  GtkLabel        *title_label;
  GtkLabel        *general_error;
  AdwComboRow     *kind_row;
  AdwEntryRow     *name_row;
  GtkWidget       *name_error_row;
  GtkLabel        *name_error;
  AdwActionRow    *organisation_row;
  GtkMenuButton   *organisation_button;
  GtkWidget       *organisation_clear_button;
  CvStakeholderChooser *organisation_chooser;
  GtkWidget       *organisation_error_row;
  GtkLabel        *organisation_error;
  AdwEntryRow     *role_row;
  AdwComboRow     *sector_row;
  AdwEntryRow     *email_row;
  GtkWidget       *email_error_row;
  GtkLabel        *email_error;
  AdwEntryRow     *phone_row;
  AdwPreferencesGroup *consent_group;
  AdwActionRow    *consent_row;
  GtkSwitch       *consent_switch;
  AdwEntryRow     *consent_on_row;
  GtkWidget       *consent_on_error_row;
  GtkLabel        *consent_on_error;
  AdwComboRow     *consent_how_row;
  AdwExpanderRow  *consent_purposes_row;
  AdwEntryRow     *consent_review_row;
  GtkWidget       *consent_review_error_row;
  GtkLabel        *consent_review_error;
  GtkWidget       *consent_buttons_row;
  GtkWidget       *consent_reviewed_button;
  GtkWidget       *withdraw_button;
  AdwExpanderRow  *consent_history_row;
  GPtrArray       *purpose_rows;    /* in consent_purposes_row, each with its "purpose" */
  GPtrArray       *history_rows;    /* in consent_history_row */
  GtkWidget       *named_row;
  GtkSwitch       *named_switch;
  AdwComboRow     *influence_row;
  AdwComboRow     *interest_row;
  AdwComboRow     *engagement_row;
  GtkFlowBox      *tags_box;
  AdwEntryRow     *tag_row;
  GtkTextView     *notes_view;
  GtkWidget       *delete_button;
  AdwPreferencesGroup *sessions_group;
  AdwPreferencesGroup *actions_group;
  CvPagedRows         *session_rows;
  CvPagedRows         *action_rows;
  AdwPreferencesGroup *said_group;
  CvPagedRows         *said_rows;
  AdwPreferencesGroup *personal_group;
  GtkWidget       *erase_button;
};

enum {
  ERASE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CvStakeholderEditor, cv_stakeholder_editor, CV_TYPE_RECORD_EDITOR)

static const CvField *
field_of (const char *name)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (CV_TYPE_STAKEHOLDER);

  return cv_record_kind_find_field (CV_RECORD_CLASS (klass)->kind, name);
}

/* Each choice row lists its field's choices, in the order of the core's table. */
static void
fill_choices (AdwComboRow *row,
              const char  *field_name)
{
  const CvField *field = field_of (field_name);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  g_object_set_data_full (G_OBJECT (row), "field", g_strdup (field_name), g_free);
  for (const CvChoice *c = field->choices; c->nick != NULL; c++)
    gtk_string_list_append (strings, _(c->label));
  adw_combo_row_set_model (row, G_LIST_MODEL (strings));
}

static const char *
choice_of_row (AdwComboRow *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), "field");
  const CvField *field = name != NULL ? field_of (name) : NULL;
  guint selected = adw_combo_row_get_selected (row);

  return field == NULL || selected == GTK_INVALID_LIST_POSITION ? NULL : field->choices[selected].nick;
}

static void
select_choice (AdwComboRow *row,
               const char  *nick)
{
  const CvField *field = field_of (g_object_get_data (G_OBJECT (row), "field"));

  for (guint i = 0; field->choices[i].nick != NULL; i++)
    if (g_strcmp0 (field->choices[i].nick, nick) == 0)
      adw_combo_row_set_selected (row, i);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The record as the editor shows it now. */
static gboolean
person_kind (CvStakeholderEditor *self)
{
  return g_strcmp0 (choice_of_row (self->kind_row), "person") == 0;
}

static CvRecord *
record_from_widgets (CvStakeholderEditor *self)
{
  CvRecord *record = cv_record_copy (self->record);
  g_autofree char *notes = cv_text_view_get_text (self->notes_view);
  g_autofree char *name = g_strstrip (g_strdup (entry_text (self->name_row)));
  g_autofree char *email = g_strstrip (g_strdup (entry_text (self->email_row)));

  g_ptr_array_add (self->tags, NULL);
  cv_record_set_string (record, "kind", choice_of_row (self->kind_row));
  cv_record_set_string (record, "name", name);
  cv_record_set_string (record, "organisation_id",
                        g_strcmp0 (choice_of_row (self->kind_row), "person") == 0 ? self->organisation_id : NULL);
  cv_record_set_string (record, "role", entry_text (self->role_row));
  cv_record_set_string (record, "sector", choice_of_row (self->sector_row));
  cv_record_set_string (record, "email", email);
  cv_record_set_string (record, "phone", entry_text (self->phone_row));
  cv_record_set_boolean (record, "consent", gtk_switch_get_active (self->consent_switch));
  {
    g_autofree char *consent_on = cv_date_row_get_date (self->consent_on_row);

    cv_record_set_string (record, "consent_on", consent_on);
  }
  cv_record_set_string (record, "consent_how", choice_of_row (self->consent_how_row));
  {
    g_autoptr(GPtrArray) purposes = g_ptr_array_new ();
    g_autofree char *review_on = cv_date_row_get_date (self->consent_review_row);

    for (guint i = 0; i < self->purpose_rows->len; i++)
      {
        GtkWidget *row = g_ptr_array_index (self->purpose_rows, i);
        GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

        if (gtk_check_button_get_active (check))
          g_ptr_array_add (purposes, g_object_get_data (G_OBJECT (row), "purpose"));
      }
    g_ptr_array_add (purposes, NULL);
    cv_record_set_list (record, "consent_purposes", (const char * const *)purposes->pdata);
    cv_record_set_string (record, "consent_review_on", review_on);
  }
  cv_record_set_boolean (record, "named_to_partners",
                         person_kind (self) && gtk_switch_get_active (self->named_switch));
  cv_record_set_string (record, "influence", choice_of_row (self->influence_row));
  cv_record_set_string (record, "interest", choice_of_row (self->interest_row));
  cv_record_set_string (record, "engagement", choice_of_row (self->engagement_row));
  cv_record_set_list (record, "tags", (const char * const *)self->tags->pdata);
  cv_record_set_string (record, "notes", notes);
  g_ptr_array_remove_index (self->tags, self->tags->len - 1);
  return record;
}

/* Checks the fields a person types into, each beside itself. */
static gboolean
check_fields (CvStakeholderEditor *self,
              CvRecord            *record)
{
  struct {
    const char *field;
    GtkWidget  *error_row;
    GtkLabel   *error_label;
    GtkWidget  *field_row;
  } checks[] = {
    { "name", self->name_error_row, self->name_error, GTK_WIDGET (self->name_row) },
    { "email", self->email_error_row, self->email_error, GTK_WIDGET (self->email_row) },
    { "consent_on", self->consent_on_error_row, self->consent_on_error, GTK_WIDGET (self->consent_on_row) },
    { "consent_review_on", self->consent_review_error_row, self->consent_review_error,
      GTK_WIDGET (self->consent_review_row) },
    { "organisation_id", self->organisation_error_row, self->organisation_error,
      GTK_WIDGET (self->organisation_row) },
  };
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autoptr(GError) error = NULL;

      /* A new stakeholder with no name yet is not an error: it is not stored yet. */
      if (cv_record_get_id (record) == NULL && g_str_equal (checks[i].field, "name") &&
          cv_record_get_string (record, "name") == NULL)
        {
          cv_field_show_error (checks[i].error_row, checks[i].error_label, checks[i].field_row, NULL);
          ok = FALSE;
          continue;
        }
      if (!cv_store_validate_field (self->store, record, checks[i].field, &error))
        ok = FALSE;
      cv_field_show_error (checks[i].error_row, checks[i].error_label, checks[i].field_row, error);
    }
  return ok;
}

static void
update_title (CvStakeholderEditor *self)
{
  const char *name = self->record != NULL ? cv_record_get_string (self->record, "name") : NULL;
  gboolean stored = self->record != NULL && cv_record_get_id (self->record) != NULL;

  gtk_label_set_text (self->title_label, name != NULL ? name : _("New Stakeholder"));
  gtk_widget_set_sensitive (self->delete_button, stored);
  /* Subject access and erasure are about people; an organisation is deleted. */
  gtk_widget_set_visible (GTK_WIDGET (self->personal_group),
                          stored && g_strcmp0 (cv_record_get_string (self->record, "kind"), "person") == 0);
}

static void reload_pages (CvStakeholderEditor *self);
static void show_consent (CvStakeholderEditor *self);
static GtkWidget *page_row (const char *title, const char *subtitle);

/* The record as the page shows it, each field checked beside itself;
 * nothing while a record is being shown. */
static gboolean
read_fields (CvRecordEditor  *editor,
             CvRecord       **record)
{
  CvStakeholderEditor *self = CV_STAKEHOLDER_EDITOR (editor);
  g_autoptr(CvRecord) read = NULL;

  *record = NULL;
  if (self->record == NULL || self->loading)
    return TRUE;
  read = record_from_widgets (self);
  if (!check_fields (self, read))
    return FALSE;
  *record = g_steal_pointer (&read);
  return TRUE;
}

static void
stored (CvRecordEditor *editor,
        CvRecord       *record,
        gboolean        is_new)
{
  CvStakeholderEditor *self = CV_STAKEHOLDER_EDITOR (editor);

  g_set_object (&self->record, record);
  update_title (self);
  /* The core completes consent (its date, its review date): show it. */
  show_consent (self);
  if (is_new)
    reload_pages (self);
}

/**
 * cv_stakeholder_editor_save_pending:
 *
 * Stores what the editor shows, if it differs from what is stored and the
 * core accepts it.
 *
 * Returns: %TRUE when nothing is left unsaved
 */
gboolean
cv_stakeholder_editor_save_pending (CvStakeholderEditor *self)
{
  g_return_val_if_fail (CV_IS_STAKEHOLDER_EDITOR (self), FALSE);
  return cv_record_editor_save_pending (CV_RECORD_EDITOR (self));
}

static void
schedule_save (CvStakeholderEditor *self)
{
  if (self->loading)
    return;
  cv_record_editor_schedule_save (CV_RECORD_EDITOR (self));
}

static void
entry_changed_cb (CvStakeholderEditor *self)
{
  schedule_save (self);
}

static void
choice_changed_cb (CvStakeholderEditor *self)
{
  gboolean person = person_kind (self);

  /* Only people belong to an organisation; organisations are always named. */
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_row), person);
  gtk_widget_set_visible (self->named_row, person);
  gtk_widget_set_visible (GTK_WIDGET (self->consent_group), person);
  if (!self->loading)
    cv_stakeholder_editor_save_pending (self);
}

static void
named_toggled_cb (CvStakeholderEditor *self)
{
  if (!self->loading)
    cv_stakeholder_editor_save_pending (self);
}

static void
consent_toggled_cb (CvStakeholderEditor *self)
{
  gboolean consent = gtk_switch_get_active (self->consent_switch);

  if (self->loading)
    return;
  /* Turning consent off is withdrawing it: asked, and dated. */
  if (!consent && self->record != NULL && cv_record_get_boolean (self->record, "consent"))
    {
      self->loading = TRUE;
      gtk_switch_set_active (self->consent_switch, TRUE);
      self->loading = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "editor.withdraw-consent", NULL);
      return;
    }
  /* Consent is dated: today unless the person says otherwise. */
  if (consent && entry_text (self->consent_on_row)[0] == '\0')
    {
      g_autofree char *today = cv_today ();
      self->loading = TRUE;
      cv_date_row_set_date (self->consent_on_row, today);
      self->loading = FALSE;
    }
  cv_stakeholder_editor_save_pending (self);
  /* What it covers is asked next. */
  if (consent)
    adw_expander_row_set_expanded (self->consent_purposes_row, TRUE);
}

static void
purpose_toggled_cb (CvStakeholderEditor *self)
{
  if (!self->loading)
    cv_stakeholder_editor_save_pending (self);
}

/* Consent: what it covers, when it is reviewed, its history */

/* One row per purpose the programme offers (and any other the person's
 * consent names), ticked for those it covers. */
static void
rebuild_purposes (CvStakeholderEditor *self)
{
  g_autoptr(GPtrArray) offered = g_ptr_array_new_with_free_func (g_free);
  const char * const *covered = self->record != NULL ? cv_record_get_list (self->record, "consent_purposes") : NULL;
  const char *name = self->record != NULL ? cv_record_get_string (self->record, "name") : NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  for (guint i = 0; i < self->purpose_rows->len; i++)
    adw_expander_row_remove (self->consent_purposes_row, g_ptr_array_index (self->purpose_rows, i));
  g_ptr_array_set_size (self->purpose_rows, 0);

  if (self->programme_id != NULL)
    {
      g_autoptr(CvRecord) programme = cv_store_load (self->store, CV_TYPE_PROGRAMME, self->programme_id, NULL);
      const char * const *purposes = programme != NULL ? cv_record_get_list (programme, "consent_purposes") : NULL;

      for (guint i = 0; purposes != NULL && purposes[i] != NULL; i++)
        g_ptr_array_add (offered, g_strdup (purposes[i]));
    }
  for (guint i = 0; covered != NULL && covered[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (offered, covered[i], g_str_equal, NULL))
      g_ptr_array_add (offered, g_strdup (covered[i]));

  for (guint i = 0; i < offered->len; i++)
    {
      const char *purpose = g_ptr_array_index (offered, i);
      const char *label = cv_consent_purpose_label (purpose);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean on = covered != NULL && g_strv_contains (covered, purpose);
      /* TRANSLATORS: the name a screen reader gives a tick box: "Consent of Ann Hughes covers: Newsletters" */
      g_autofree char *accessible = g_strdup_printf (_("Consent of %s covers: %s"), name != NULL ? name : "", label);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (row), "purpose", g_strdup (purpose), g_free);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (purpose_toggled_cb), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->consent_purposes_row, row);
      g_ptr_array_add (self->purpose_rows, row);
      if (on)
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? ", " : "", label);
    }
  adw_expander_row_set_subtitle (self->consent_purposes_row,
                                 subtitle->len > 0 ? subtitle->str : _("Nothing yet"));
}

static void
rebuild_history (CvStakeholderEditor *self)
{
  g_autoptr(GPtrArray) events = NULL;
  const CvRecordKind *kind = cv_store_kind_for_table ("consent_event");
  const char *id = self->record != NULL ? cv_record_get_id (self->record) : NULL;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->consent_history_row, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
  if (id != NULL)
    events = cv_consent_history (self->store, id, NULL);
  /* Latest first: what happened last is what matters now. */
  for (guint i = events != NULL ? events->len : 0; i > 0; i--)
    {
      CvRecord *event = g_ptr_array_index (events, i - 1);
      const char *change = _(cv_field_choice_label (cv_record_kind_find_field (kind, "kind"),
                                                    cv_record_get_string (event, "kind")));
      const char *how = _(cv_field_choice_label (cv_record_kind_find_field (kind, "how"),
                                                 cv_record_get_string (event, "how")));
      g_autofree char *on = cv_format_date (cv_record_get_string (event, "happened_on"));
      /* TRANSLATORS: a change of consent, its date and how it was given: "Given on 2 January 2025 · Written" */
      g_autofree char *title = g_strdup_printf (_("%s on %s · %s"), change, on, how);
      const char * const *purposes = cv_record_get_list (event, "purposes");
      g_autoptr(GString) covers = g_string_new (NULL);
      GtkWidget *row;

      for (guint j = 0; purposes != NULL && purposes[j] != NULL; j++)
        g_string_append_printf (covers, "%s%s", j > 0 ? ", " : "", cv_consent_purpose_label (purposes[j]));
      row = page_row (title, covers->len > 0 ? covers->str : NULL);
      adw_expander_row_add_row (self->consent_history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }
  adw_expander_row_set_subtitle (self->consent_history_row,
                                 self->history_rows->len == 0 ? _("No changes yet") : "");
  gtk_widget_set_visible (GTK_WIDGET (self->consent_history_row), id != NULL);
}

/* Where the consent stands, in words beside the switch, with what can be done. */
static void
show_consent (CvStakeholderEditor *self)
{
  CvRecord *r = self->record;
  g_autofree char *today = cv_consent_today ();
  g_autofree char *review = NULL;
  g_autofree char *withdrawn = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *withdraw_name = NULL;
  g_autofree char *reviewed_name = NULL;
  gboolean consent, stored;

  if (r == NULL)
    return;
  consent = cv_record_get_boolean (r, "consent");
  stored = cv_record_get_id (r) != NULL;
  review = cv_format_date (cv_record_get_string (r, "consent_review_on"));
  withdrawn = cv_format_date (cv_record_get_string (r, "consent_withdrawn_on"));
  switch (cv_consent_state (r, today))
    {
    case CV_CONSENT_CURRENT:
      subtitle = g_strdup_printf (_("Given; review by %s"), review);
      break;
    case CV_CONSENT_DUE:
      subtitle = g_strdup_printf (_("Due for review by %s"), review);
      break;
    case CV_CONSENT_LAPSED:
      subtitle = g_strdup_printf (_("Lapsed: it was to be reviewed by %s. Not invited or on contact lists "
                                    "until it is reviewed."), review);
      break;
    case CV_CONSENT_WITHDRAWN:
      subtitle = g_strdup_printf (_("Withdrawn on %s"), withdrawn);
      break;
    case CV_CONSENT_NONE:
    default:
      subtitle = g_strdup (_("Not given"));
      break;
    }
  adw_action_row_set_subtitle (self->consent_row, subtitle);

  self->loading = TRUE;
  gtk_switch_set_active (self->consent_switch, consent);
  cv_date_row_set_date (self->consent_on_row, cv_record_get_string (r, "consent_on"));
  select_choice (self->consent_how_row, cv_record_get_string (r, "consent_how"));
  cv_date_row_set_date (self->consent_review_row, cv_record_get_string (r, "consent_review_on"));
  rebuild_purposes (self);
  self->loading = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->consent_on_row), consent);
  gtk_widget_set_sensitive (GTK_WIDGET (self->consent_how_row), consent);
  gtk_widget_set_sensitive (GTK_WIDGET (self->consent_purposes_row), consent);
  gtk_widget_set_sensitive (GTK_WIDGET (self->consent_review_row), consent);
  gtk_widget_set_visible (self->consent_buttons_row, consent && stored);

  /* The buttons say whose consent they act on. */
  withdraw_name = g_strdup_printf (_("Withdraw the consent of %s"), cv_record_get_string (r, "name"));
  reviewed_name = g_strdup_printf (_("The consent of %s was reviewed today"), cv_record_get_string (r, "name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->withdraw_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  withdraw_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->consent_reviewed_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reviewed_name, -1);
  rebuild_history (self);
}

/* Reads the person back after the core changed them, and shows them. */
static void
reload_consent (CvStakeholderEditor *self)
{
  g_autoptr(CvRecord) stored = NULL;

  stored = cv_store_load (self->store, CV_TYPE_STAKEHOLDER, cv_record_get_id (self->record), NULL);
  if (stored == NULL)
    return;
  g_set_object (&self->record, stored);
  self->loading = TRUE;
  gtk_switch_set_active (self->named_switch, cv_record_get_boolean (stored, "named_to_partners"));
  self->loading = FALSE;
  show_consent (self);
}

static void
report (CvStakeholderEditor *self,
        const char          *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

/**
 * cv_stakeholder_editor_withdraw_consent:
 *
 * Withdraws the consent of the person shown, dated today, as the
 * confirmation of "Withdraw Consent…" does.
 *
 * Returns: whether it was withdrawn
 */
gboolean
cv_stakeholder_editor_withdraw_consent (CvStakeholderEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = cv_consent_today ();
  g_autofree char *done = NULL;

  g_return_val_if_fail (CV_IS_STAKEHOLDER_EDITOR (self), FALSE);

  if (self->record == NULL || cv_record_get_id (self->record) == NULL ||
      !cv_stakeholder_editor_save_pending (self))
    return FALSE;
  if (!cv_consent_withdraw (self->store, cv_record_get_id (self->record), today, &error))
    {
      report (self, error->message);
      return FALSE;
    }
  reload_consent (self);
  done = g_strdup_printf (_("Consent of “%s” withdrawn"), cv_record_get_string (self->record, "name"));
  report (self, done);
  return TRUE;
}

static void
withdraw_response_cb (AdwMessageDialog    *dialog,
                      const char          *response,
                      CvStakeholderEditor *self)
{
  if (g_str_equal (response, "withdraw"))
    cv_stakeholder_editor_withdraw_consent (self);
}

static void
withdraw_consent_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CvStakeholderEditor *self = CV_STAKEHOLDER_EDITOR (widget);
  g_autofree char *today = cv_today ();
  g_autofree char *day = cv_format_date (today);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->record == NULL || cv_record_get_id (self->record) == NULL)
    return;
  heading = g_strdup_printf (_("Withdraw the Consent of %s?"), cv_record_get_string (self->record, "name"));
  dialog = cv_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, NULL, "cancel", "cancel",
                                  "cancel", _("_Cancel"), "withdraw", _("_Withdraw Consent"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("From today, %s, they will not be invited, put on contact lists or named "
                                    "to partners. The withdrawal is dated and kept in their consent history; "
                                    "consent can be given again later."), day);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "withdraw",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (withdraw_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
withdraw_clicked_cb (CvStakeholderEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.withdraw-consent", NULL);
}

static void
consent_reviewed_clicked_cb (CvStakeholderEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = cv_consent_today ();

  if (self->record == NULL || cv_record_get_id (self->record) == NULL ||
      !cv_stakeholder_editor_save_pending (self))
    return;
  if (!cv_consent_mark_reviewed (self->store, cv_record_get_id (self->record), today, &error))
    {
      report (self, error->message);
      return;
    }
  reload_consent (self);
}

static void
notes_changed_cb (CvStakeholderEditor *self)
{
  schedule_save (self);
}

/* Tags */

static void rebuild_tags (CvStakeholderEditor *self);

static gboolean
rebuild_tags_idle_cb (gpointer user_data)
{
  CvStakeholderEditor *self = user_data;

  rebuild_tags (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_row));
  return G_SOURCE_REMOVE;
}

static void
tag_remove_cb (GtkButton           *button,
               CvStakeholderEditor *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "tag");

  for (guint i = 0; i < self->tags->len; i++)
    if (g_str_equal (g_ptr_array_index (self->tags, i), tag))
      {
        g_ptr_array_remove_index (self->tags, i);
        break;
      }
  cv_stakeholder_editor_save_pending (self);
  /* The chips are rebuilt once this click is over: the one clicked goes too. */
  g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_tags_idle_cb, g_object_ref (self), g_object_unref);
}

static void
rebuild_tags (CvStakeholderEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);

  for (guint i = 0; i < self->tags->len; i++)
    {
      const char *tag = g_ptr_array_index (self->tags, i);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      g_autofree char *description = g_strdup_printf (_("Remove the tag “%s”"), tag);

      gtk_box_append (GTK_BOX (box), gtk_label_new (tag));
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      description, -1);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      g_object_set_data_full (G_OBJECT (button), "tag", g_strdup (tag), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (tag_remove_cb), self);
      gtk_flow_box_append (self->tags_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), self->tags->len > 0);
}

static void
tag_apply_cb (CvStakeholderEditor *self)
{
  g_autofree char *tag = g_strstrip (g_strdup (entry_text (self->tag_row)));

  if (*tag == '\0')
    return;
  for (guint i = 0; i < self->tags->len; i++)
    if (g_utf8_collate (g_ptr_array_index (self->tags, i), tag) == 0)
      {
        gtk_editable_set_text (GTK_EDITABLE (self->tag_row), "");
        return;
      }
  g_ptr_array_add (self->tags, g_steal_pointer (&tag));
  gtk_editable_set_text (GTK_EDITABLE (self->tag_row), "");
  rebuild_tags (self);
  cv_stakeholder_editor_save_pending (self);
}

/* Organisation */

static void
show_organisation (CvStakeholderEditor *self)
{
  g_autofree char *name = cv_store_get_display_name (self->store, "stakeholder", self->organisation_id);

  adw_action_row_set_subtitle (self->organisation_row, name != NULL ? name : _("None"));
  gtk_widget_set_visible (self->organisation_clear_button, self->organisation_id != NULL);
}

static void
choose_organisation (CvStakeholderEditor *self,
                     const char          *id)
{
  g_free (self->organisation_id);
  self->organisation_id = g_strdup (id);
  show_organisation (self);
  cv_stakeholder_editor_save_pending (self);
}

static void
organisation_clear_cb (CvStakeholderEditor *self)
{
  choose_organisation (self, NULL);
}

static void
organisation_chosen_cb (CvStakeholderEditor *self,
                        const char          *id)
{
  choose_organisation (self, id);
}

/* The stakeholder's page: the sessions they are listed at and the actions they own. */

static GtkWidget *
page_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
session_row_cb (CvRecord *session,
                gpointer  user_data)
{
  CvStakeholderEditor *self = user_data;
  g_autofree char *when = cv_format_timestamp (cv_record_get_string (session, "starts_at"));
  g_autofree char *status = cv_sessions_status_of (self->store, cv_record_get_id (session),
                                                   cv_record_get_id (self->record), NULL);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* Whether they came, as the session's own list says. */
  if (status != NULL)
    {
      g_autoptr(CvRecord) probe = cv_record_new (CV_TYPE_ATTENDANCE);
      const CvField *field = cv_record_kind_find_field (cv_record_get_kind (probe), "status");
      const char *label = _(cv_field_choice_label (field, status));

      /* TRANSLATORS: a session on a person's page: when it was, then how they stood: “5 Dec 2018 · Did Not Attend” */
      subtitle = when != NULL ? g_strdup_printf (_("%s · %s"), when, label) : g_strdup (label);
    }
  row = page_row (cv_record_get_string (session, "title"), subtitle != NULL ? subtitle : when);

  cv_opens_record (row, "session", cv_record_get_id (session));
  return row;
}

static GtkWidget *
action_row_cb (CvRecord *action,
               gpointer  user_data)
{
  CvStakeholderEditor *self = user_data;
  GtkWidget *chips = cv_theme_chips_new ();
  const CvField *status = cv_record_kind_find_field (cv_record_get_kind (action), "status");
  const char *label = _(cv_field_choice_label (status, cv_record_get_string (action, "status")));
  g_autofree char *today = cv_today ();
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* Overdue is said in words as well as shown. */
  if (cv_action_is_overdue (CV_ACTION (action), today))
    subtitle = g_strdup_printf (_("%s — overdue"), label);
  /* Its themes, each opening its theme, under its title. */
  cv_theme_chips_set (GTK_FLOW_BOX (chips), self->store, cv_record_get_list (action, "themes"));
  row = cv_chips_row_new (cv_record_get_string (action, "title"), subtitle != NULL ? subtitle : label, chips,
                          "action", cv_record_get_id (action));
  return row;
}

/* What they said, where, and its themes; the row opens it on its session's page. */
static GtkWidget *
said_row_cb (CvRecord *contribution,
             gpointer  user_data)
{
  CvStakeholderEditor *self = user_data;
  g_autofree char *session = cv_store_get_display_name (self->store, "session",
                                                        cv_record_get_string (contribution, "session_id"));
  GtkWidget *chips = cv_theme_chips_new ();

  cv_theme_chips_set (GTK_FLOW_BOX (chips), self->store, cv_record_get_list (contribution, "themes"));
  return cv_chips_row_new (cv_record_get_string (contribution, "text"), session, chips,
                           "contribution", cv_record_get_id (contribution));
}

static void
reload_pages (CvStakeholderEditor *self)
{
  const char *id = self->record != NULL ? cv_record_get_id (self->record) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->sessions_group), id != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_group), id != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->said_group), id != NULL);
  /* Someone at hundreds of sessions: a page at a time, read off the main thread. */
  cv_paged_rows_set_key (self->session_rows, id);
  cv_paged_rows_set_key (self->action_rows, id);
  cv_paged_rows_set_key (self->said_rows, id);
}

/* Loading a record into the widgets */

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
clear_errors (CvStakeholderEditor *self)
{
  cv_field_show_error (self->name_error_row, self->name_error, GTK_WIDGET (self->name_row), NULL);
  cv_field_show_error (self->email_error_row, self->email_error, GTK_WIDGET (self->email_row), NULL);
  cv_field_show_error (self->consent_on_error_row, self->consent_on_error, GTK_WIDGET (self->consent_on_row), NULL);
  cv_field_show_error (self->consent_review_error_row, self->consent_review_error,
                    GTK_WIDGET (self->consent_review_row), NULL);
  cv_field_show_error (self->organisation_error_row, self->organisation_error,
                    GTK_WIDGET (self->organisation_row), NULL);
  cv_record_editor_show_general_error (CV_RECORD_EDITOR (self), NULL);
}

static void
load_record (CvStakeholderEditor *self)
{
  CvRecord *r = self->record;
  const char * const *tags = cv_record_get_list (r, "tags");
  const char *notes = cv_record_get_string (r, "notes");

  self->loading = TRUE;
  select_choice (self->kind_row, cv_record_get_string (r, "kind"));
  set_entry (self->name_row, cv_record_get_string (r, "name"));
  g_free (self->organisation_id);
  self->organisation_id = g_strdup (cv_record_get_string (r, "organisation_id"));
  show_organisation (self);
  set_entry (self->role_row, cv_record_get_string (r, "role"));
  select_choice (self->sector_row, cv_record_get_string (r, "sector"));
  set_entry (self->email_row, cv_record_get_string (r, "email"));
  set_entry (self->phone_row, cv_record_get_string (r, "phone"));
  gtk_switch_set_active (self->named_switch, cv_record_get_boolean (r, "named_to_partners"));
  select_choice (self->influence_row, cv_record_get_string (r, "influence"));
  select_choice (self->interest_row, cv_record_get_string (r, "interest"));
  select_choice (self->engagement_row, cv_record_get_string (r, "engagement"));
  g_ptr_array_set_size (self->tags, 0);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_ptr_array_add (self->tags, g_strdup (tags[i]));
  rebuild_tags (self);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes != NULL ? notes : "", -1);
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_row),
                          g_strcmp0 (cv_record_get_string (r, "kind"), "person") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->consent_group),
                          g_strcmp0 (cv_record_get_string (r, "kind"), "person") == 0);
  self->loading = FALSE;
  show_consent (self);

  clear_errors (self);
  update_title (self);
  reload_pages (self);
}

static void
back_clicked_cb (CvStakeholderEditor *self)
{
  cv_record_editor_go_back (CV_RECORD_EDITOR (self));
}

static void
delete_clicked_cb (CvStakeholderEditor *self)
{
  cv_record_editor_request_delete (CV_RECORD_EDITOR (self), self->record);
}

/**
 * cv_stakeholder_editor_export_person:
 * @pdf: where to write the readable document; the JSON data goes beside it,
 *   with the same name ending in `.json`
 *
 * Writes everything held about the person shown (subject access).
 */
gboolean
cv_stakeholder_editor_export_person (CvStakeholderEditor  *self,
                                     GFile                *pdf,
                                     GError              **error)
{
  g_autofree char *pdf_path = NULL;
  g_autofree char *json_path = NULL;
  const char *id;

  g_return_val_if_fail (CV_IS_STAKEHOLDER_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (pdf), FALSE);

  id = cv_stakeholder_editor_get_id (self);
  g_return_val_if_fail (id != NULL, FALSE);
  pdf_path = g_file_get_path (pdf);
  if (!g_str_has_suffix (pdf_path, ".pdf"))
    {
      g_autofree char *named = g_strconcat (pdf_path, ".pdf", NULL);
      g_free (pdf_path);
      pdf_path = g_steal_pointer (&named);
    }
  json_path = g_strdup_printf ("%.*s.json", (int)strlen (pdf_path) - 4, pdf_path);
  return cv_person_document_save (self->store, id, pdf_path, error) &&
         cv_person_document_save (self->store, id, json_path, error);
}

static void
export_chosen_cb (GtkNativeDialog     *chooser,
                  int                  response,
                  CvStakeholderEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (cv_stakeholder_editor_export_person (self, file, &error))
        /* TRANSLATORS: %s is the PDF's file name; the JSON file has the same name */
        message = g_strdup_printf (_("Saved “%s” and its data as .json"), name);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                     adw_toast_new (message != NULL ? message : error->message));
    }
  g_object_unref (chooser);
}

static void
export_person_clicked_cb (CvStakeholderEditor *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->record == NULL || cv_record_get_id (self->record) == NULL ||
      !cv_stakeholder_editor_save_pending (self))
    return;
  chooser = gtk_file_chooser_native_new (_("Export Everything About This Person"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* TRANSLATORS: the suggested file name; %s is the person's name */
  name = g_strdup_printf (_("%s — personal data.pdf"), cv_record_get_string (self->record, "name"));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
erase_clicked_cb (CvStakeholderEditor *self)
{
  g_autoptr(CvRecord) record = NULL;

  if (self->record == NULL || cv_record_get_id (self->record) == NULL)
    return;
  /* The confirmation lists what is stored, so store what was typed first. */
  if (!cv_stakeholder_editor_save_pending (self))
    return;
  record = g_object_ref (self->record);
  g_signal_emit (self, signals[ERASE_REQUESTED], 0, record);
}

static void
store_changed_cb (CvStakeholderEditor *self,
                  const char          *table,
                  const char          *id,
                  CvStore             *store)
{
  if (self->record == NULL || cv_record_get_id (self->record) == NULL)
    return;
  /* The organisation's name, or what the page lists, may have changed. */
  if (g_str_equal (table, "stakeholder") && g_strcmp0 (id, self->organisation_id) == 0)
    show_organisation (self);
  else if (g_str_equal (table, "attendance") || g_str_equal (table, "action") ||
           g_str_equal (table, "session") || g_str_equal (table, "contribution") || g_str_equal (table, "theme"))
    reload_pages (self);
  else if (g_str_equal (table, "consent_event") && g_strcmp0 (id, cv_record_get_id (self->record)) == 0)
    rebuild_history (self);
}

static void
cv_stakeholder_editor_dispose (GObject *object)
{
  CvStakeholderEditor *self = (CvStakeholderEditor *)object;

  if (cv_record_editor_has_pending_save (CV_RECORD_EDITOR (self)))
    cv_stakeholder_editor_save_pending (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_STAKEHOLDER_EDITOR);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  g_clear_pointer (&self->programme_id, g_free);
  g_clear_pointer (&self->organisation_id, g_free);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->purpose_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cv_stakeholder_editor_parent_class)->dispose (object);
}

static void
cv_stakeholder_editor_class_init (CvStakeholderEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cv_stakeholder_editor_dispose;

  g_type_ensure (CV_TYPE_STAKEHOLDER_CHOOSER);
  g_type_ensure (CV_TYPE_PAGED_ROWS);

  CV_RECORD_EDITOR_CLASS (klass)->read_fields = read_fields;
  CV_RECORD_EDITOR_CLASS (klass)->stored = stored;

  signals[ERASE_REQUESTED] = g_signal_new ("erase-requested", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, CV_TYPE_RECORD);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/convene/Convene/cv-stakeholder-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CvStakeholderEditor, name)
  BIND (stack);
  BIND (back_button);
  BIND (title_label);
  BIND (general_error);
  BIND (kind_row);
  BIND (name_row);
  BIND (name_error_row);
  BIND (name_error);
  BIND (organisation_row);
  BIND (organisation_button);
  BIND (organisation_chooser);
  BIND (organisation_clear_button);
  BIND (organisation_error_row);
  BIND (organisation_error);
  BIND (role_row);
  BIND (sector_row);
  BIND (email_row);
  BIND (email_error_row);
  BIND (email_error);
  BIND (phone_row);
  BIND (consent_group);
  BIND (consent_row);
  BIND (consent_switch);
  BIND (consent_on_row);
  BIND (consent_on_error_row);
  BIND (consent_on_error);
  BIND (consent_how_row);
  BIND (consent_purposes_row);
  BIND (consent_review_row);
  BIND (consent_review_error_row);
  BIND (consent_review_error);
  BIND (consent_buttons_row);
  BIND (consent_reviewed_button);
  BIND (withdraw_button);
  BIND (consent_history_row);
  BIND (named_row);
  BIND (named_switch);
  BIND (influence_row);
  BIND (interest_row);
  BIND (engagement_row);
  BIND (tags_box);
  BIND (tag_row);
  BIND (notes_view);
  BIND (delete_button);
  BIND (sessions_group);
  BIND (actions_group);
  BIND (session_rows);
  BIND (action_rows);
  BIND (said_group);
  BIND (said_rows);
  BIND (personal_group);
  BIND (erase_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, consent_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, named_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, organisation_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, organisation_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, erase_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_person_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, withdraw_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, consent_reviewed_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.withdraw-consent", NULL, withdraw_consent_action);
}

static void
cv_stakeholder_editor_init (CvStakeholderEditor *self)
{
  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->purpose_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  cv_record_editor_set_general_error (CV_RECORD_EDITOR (self), self->general_error);

  self->loading = TRUE;
  fill_choices (self->kind_row, "kind");
  fill_choices (self->sector_row, "sector");
  fill_choices (self->influence_row, "influence");
  fill_choices (self->interest_row, "interest");
  fill_choices (self->engagement_row, "engagement");
  fill_choices (self->consent_how_row, "consent_how");
  self->loading = FALSE;
  cv_date_row_attach_calendar (self->consent_on_row);
  cv_date_row_attach_calendar (self->consent_review_row);

  cv_stakeholder_chooser_set_kind (self->organisation_chooser, "organisation");

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

void
cv_stakeholder_editor_set_store (CvStakeholderEditor *self,
                                 CvStore             *store)
{
  g_return_if_fail (CV_IS_STAKEHOLDER_EDITOR (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  cv_record_editor_set_store (CV_RECORD_EDITOR (self), store);
  cv_paged_rows_set_list (self->session_rows, store, CV_PAGED_STAKEHOLDER_SESSIONS, session_row_cb, self,
                          _("Not at any session yet"));
  cv_paged_rows_set_list (self->action_rows, store, CV_PAGED_STAKEHOLDER_ACTIONS, action_row_cb, self,
                          _("No actions yet"));
  cv_paged_rows_set_list (self->said_rows, store, CV_PAGED_STAKEHOLDER_CONTRIBUTIONS, said_row_cb, self,
                          _("Nothing said in their name yet"));
  cv_stakeholder_chooser_set_store (self->organisation_chooser, store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

void
cv_stakeholder_editor_set_programme (CvStakeholderEditor *self,
                                     const char          *programme_id)
{
  g_return_if_fail (CV_IS_STAKEHOLDER_EDITOR (self));

  g_free (self->programme_id);
  self->programme_id = g_strdup (programme_id);
  cv_stakeholder_chooser_set_programme (self->organisation_chooser, programme_id);
}

/**
 * cv_stakeholder_editor_set_record:
 * @record: (nullable): a stored stakeholder, a new one without an id, or %NULL
 *
 * Stores anything pending for the previous stakeholder first.
 */
void
cv_stakeholder_editor_set_record (CvStakeholderEditor *self,
                                  CvRecord            *record)
{
  g_return_if_fail (CV_IS_STAKEHOLDER_EDITOR (self));

  cv_stakeholder_editor_save_pending (self);
  g_clear_object (&self->record);
  if (record == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  self->record = cv_record_copy (record);
  load_record (self);
  gtk_stack_set_visible_child_name (self->stack, "edit");
}

/* Returns: (transfer none) (nullable): the stakeholder as last stored */
CvRecord *
cv_stakeholder_editor_get_record (CvStakeholderEditor *self)
{
  g_return_val_if_fail (CV_IS_STAKEHOLDER_EDITOR (self), NULL);
  return self->record;
}

const char *
cv_stakeholder_editor_get_id (CvStakeholderEditor *self)
{
  g_return_val_if_fail (CV_IS_STAKEHOLDER_EDITOR (self), NULL);
  return self->record != NULL ? cv_record_get_id (self->record) : NULL;
}

void
cv_stakeholder_editor_focus (CvStakeholderEditor *self)
{
  g_return_if_fail (CV_IS_STAKEHOLDER_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  /* Focus selects the whole text; a stray key must not replace it. */
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), -1, -1);
}

void
cv_stakeholder_editor_set_show_back (CvStakeholderEditor *self,
                                     gboolean             show_back)
{
  g_return_if_fail (CV_IS_STAKEHOLDER_EDITOR (self));
  gtk_widget_set_visible (self->back_button, show_back);
}
