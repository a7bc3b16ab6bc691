/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Conversation mode: one question at a time in large type, the guidance for
 * staff beside it (below, folded, in a narrow window), the right input for
 * the kind of answer, and every answer stored the moment it is given. Then
 * the end page; a completed conversation opens read-only, amended by notes.
 *
 * Keys: Alt+Left back, Alt+Right next, Alt+S skip, Ctrl+Enter finish.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-answer.h"
#include "cv-conversation.h"
#include "cv-conversation-note.h"
#include "cv-conversation-window.h"
#include "cv-date-row.h"
#include "cv-format.h"
#include "cv-guide.h"
#include "cv-guides.h"
#include "cv-widgets.h"

/* Below this width the guidance goes under the question, folded. */
#define NARROW_WIDTH 720

struct _CvConversationWindow
{
  AdwWindow       parent_instance;

  CvStore        *store;
  CvTrash        *trash;
  GtkWidget      *near;        /* where the deletion's toast goes */
  CvRecord       *conversation;
  GPtrArray      *answers;
  guint           index;
  guint           save_id;     /* typing is stored after a pause */
  gboolean        loading;
  gboolean        narrow;

  AdwWindowTitle *title;
  GtkProgressBar *progress;
  GtkStack       *stack;
  GtkBox         *fold_box;
  GtkLabel       *section_label;
  GtkLabel       *question_label;
  GtkBox         *input_box;
  GtkWidget      *input;       /* the answer's widget for this question */
  GtkLabel       *answer_error;
  GtkLabel       *position_label;
  GtkWidget      *back_button;
  GtkExpander    *guidance_expander;
  GtkLabel       *guidance_label;
  GtkListBox     *summary_list;
  GtkTextView    *matters_view;
  GtkTextView    *steps_view;
  AdwEntryRow    *follow_up_row;
  GtkLabel       *end_error;
  GtkWidget      *end_buttons;
  GtkListBox     *record_list;
  GtkListBox     *notes_list;
  AdwEntryRow    *note_row;
  GtkLabel       *note_error;
};

G_DEFINE_FINAL_TYPE (CvConversationWindow, cv_conversation_window, ADW_TYPE_WINDOW)

static CvRecord *
current_answer (CvConversationWindow *self)
{
  if (self->answers == NULL || self->index >= self->answers->len)
    return NULL;
  return g_ptr_array_index (self->answers, self->index);
}

/* What the person said, in words, for the summary. */
static char *
answer_in_words (CvRecord *answer)
{
  const char *value = cv_record_get_string (answer, "value");
  const char *kind = cv_record_get_string (answer, "response_kind");

  if (cv_record_get_boolean (answer, "skipped"))
    return g_strdup (_("Skipped"));
  if (value == NULL)
    return g_strdup (_("Not asked yet"));
  if (g_str_equal (kind, "yes_no"))
    return g_strdup (g_str_equal (value, "yes") ? _("Yes") : _("No"));
  if (g_str_equal (kind, "date"))
    return cv_format_date (value);
  if (g_str_equal (kind, "scale"))
    /* TRANSLATORS: an answer on a scale, such as "7 out of 10" */
    return g_strdup_printf (_("%s out of 10"), value);
  return g_strdup (value);
}

/* Storing answers */

static gboolean
store_value (CvConversationWindow *self,
             const char           *value)
{
  g_autoptr(GError) error = NULL;
  CvRecord *answer = current_answer (self);

  if (answer == NULL || self->loading)
    return TRUE;
  if (g_strcmp0 (cv_record_get_string (answer, "value"), value) == 0 &&
      !cv_record_get_boolean (answer, "skipped"))
    {
      cv_error_label_show (self->answer_error, NULL);
      return TRUE;
    }
  if (!cv_conversation_answer (self->store, answer, value, &error))
    {
      cv_error_label_show (self->answer_error, error);
      return FALSE;
    }
  cv_error_label_show (self->answer_error, NULL);
  return TRUE;
}

/* The answer as the input shows it: %NULL when nothing is given yet. */
static char *
input_value (CvConversationWindow *self)
{
  const char *kind;

  if (self->input == NULL || current_answer (self) == NULL)
    return NULL;
  kind = cv_record_get_string (current_answer (self), "response_kind");
  if (g_str_equal (kind, "free_text"))
    return g_strstrip (cv_text_view_get_text (GTK_TEXT_VIEW (self->input)));
  if (g_str_equal (kind, "date"))
    return cv_date_row_get_date (ADW_ENTRY_ROW (self->input));
  return g_strdup (g_object_get_data (G_OBJECT (self->input), "value"));
}

static gboolean
save_now (CvConversationWindow *self)
{
  g_autofree char *value = NULL;

  g_clear_handle_id (&self->save_id, g_source_remove);
  value = input_value (self);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  /* An empty input leaves a skipped question skipped. */
  if (value == NULL && current_answer (self) != NULL &&
      cv_record_get_boolean (current_answer (self), "skipped"))
    return TRUE;
  return store_value (self, value);
}

static gboolean
save_timeout_cb (gpointer data)
{
  CvConversationWindow *self = data;

  self->save_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
typed_cb (CvConversationWindow *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (400, save_timeout_cb, self);
}

static void
date_changed_cb (CvConversationWindow *self)
{
  g_autofree char *text = NULL;

  if (self->loading)
    return;
  /* A whole date is stored at once; a part-typed one waits for Next. */
  text = cv_date_row_get_date (ADW_ENTRY_ROW (self->input));
  if (cv_date_is_valid (text))
    save_now (self);
}

/* A toggle or check button of a choice: the chosen one is stored at once. */
static void
choice_toggled_cb (GtkWidget            *button,
                   GParamSpec           *pspec,
                   CvConversationWindow *self)
{
  gboolean active;

  g_object_get (button, "active", &active, NULL);
  if (self->loading || !active)
    return;
  g_object_set_data_full (G_OBJECT (self->input), "value",
                          g_strdup (g_object_get_data (G_OBJECT (button), "value")), g_free);
  save_now (self);
}

/* Inputs for each kind of answer */

/* Buttons of which one is chosen; they wrap onto more lines in a narrow
 * window. Tab reaches each button, Space chooses it. */
static GtkWidget *
toggle_group (CvConversationWindow *self,
              const char * const   *values,
              const char * const   *labels,
              const char           *current,
              const char           *accessible_label)
{
  GtkWidget *flow = gtk_flow_box_new ();
  GtkToggleButton *first = NULL;

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 11);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_widget_set_halign (flow, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  for (guint i = 0; values[i] != NULL; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (labels[i]);

      gtk_widget_add_css_class (button, "answer-choice");
      g_object_set_data_full (G_OBJECT (button), "value", g_strdup (values[i]), g_free);
      if (first == NULL)
        first = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), g_strcmp0 (current, values[i]) == 0);
      g_signal_connect (button, "notify::active", G_CALLBACK (choice_toggled_cb), self);
      gtk_flow_box_insert (GTK_FLOW_BOX (flow), button, -1);
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
  g_object_set_data_full (G_OBJECT (flow), "value", g_strdup (current), g_free);
  return flow;
}

static GtkWidget *
make_input (CvConversationWindow *self,
            CvRecord             *answer)
{
  const char *kind = cv_record_get_string (answer, "response_kind");
  const char *value = cv_record_get_string (answer, "value");
  const char *question = cv_record_get_string (answer, "question");

  if (g_str_equal (kind, "yes_no"))
    {
      const char *values[] = { "yes", "no", NULL };
      const char *labels[] = { _("Yes"), _("No"), NULL };

      return toggle_group (self, values, labels, value, question);
    }
  if (g_str_equal (kind, "scale"))
    {
      const char *values[] = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", NULL };

      return toggle_group (self, values, values, value, question);
    }
  if (g_str_equal (kind, "single_choice"))
    {
      const char * const *options = cv_record_get_list (answer, "options");
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkCheckButton *first = NULL;

      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, question, -1);
      for (guint i = 0; options != NULL && options[i] != NULL; i++)
        {
          GtkWidget *check = gtk_check_button_new_with_label (options[i]);

          gtk_widget_add_css_class (check, "answer-option");
          g_object_set_data_full (G_OBJECT (check), "value", g_strdup (options[i]), g_free);
          if (first == NULL)
            first = GTK_CHECK_BUTTON (check);
          else
            gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strcmp0 (value, options[i]) == 0);
          g_signal_connect (check, "notify::active", G_CALLBACK (choice_toggled_cb), self);
          gtk_box_append (GTK_BOX (box), check);
        }
      g_object_set_data_full (G_OBJECT (box), "value", g_strdup (value), g_free);
      return box;
    }
  if (g_str_equal (kind, "date"))
    {
      GtkWidget *list = gtk_list_box_new ();
      GtkWidget *row = adw_entry_row_new ();

      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Date (YYYY-MM-DD)"));
      cv_date_row_set_date (ADW_ENTRY_ROW (row), value);
      cv_date_row_attach_calendar (ADW_ENTRY_ROW (row));
      g_signal_connect_swapped (row, "changed", G_CALLBACK (date_changed_cb), self);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_object_set_data (G_OBJECT (row), "container", list);
      return row;
    }

  {
    GtkWidget *view = gtk_text_view_new ();

    gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
    /* Tab moves on to the buttons, as everywhere else. */
    gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
    gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
    gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
    gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
    gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
    gtk_widget_add_css_class (view, "answer-text");
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), value != NULL ? value : "", -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, question, -1);
    g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                              G_CALLBACK (typed_cb), self);
    {
      GtkWidget *frame = gtk_frame_new (NULL);

      gtk_widget_set_size_request (view, -1, 160);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      g_object_set_data (G_OBJECT (view), "container", frame);
    }
    return view;
  }
}

/* Pages */

static void
fill_summary (CvConversationWindow *self,
              GtkListBox           *list)
{
  cv_list_box_clear (list);
  for (guint i = 0; i < self->answers->len; i++)
    {
      CvRecord *answer = g_ptr_array_index (self->answers, i);
      g_autofree char *words = answer_in_words (answer);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cv_record_get_string (answer, "question"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), words);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "property");
      if (cv_record_get_boolean (answer, "skipped") || cv_record_get_string (answer, "value") == NULL)
        gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (list, row);
    }
}

static void
show_position (CvConversationWindow *self)
{
  g_autofree char *position = NULL;

  if (self->narrow)
    /* TRANSLATORS: the question being asked, out of how many, in a narrow window */
    position = g_strdup_printf (_("%u of %u"), self->index + 1, self->answers->len);
  else
    /* TRANSLATORS: the question being asked, out of how many */
    position = g_strdup_printf (_("Question %u of %u"), self->index + 1, self->answers->len);
  gtk_label_set_text (self->position_label, position);
}

static void
show_question (CvConversationWindow *self)
{
  CvRecord *answer = current_answer (self);
  GtkWidget *child;
  const char *guidance;

  g_clear_handle_id (&self->save_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->input_box))) != NULL)
    gtk_box_remove (self->input_box, child);
  self->input = NULL;
  cv_error_label_show (self->answer_error, NULL);
  if (answer == NULL)
    return;

  self->loading = TRUE;
  gtk_label_set_text (self->section_label, cv_record_get_string (answer, "section"));
  gtk_label_set_text (self->question_label, cv_record_get_string (answer, "question"));
  guidance = cv_record_get_string (answer, "guidance");
  gtk_label_set_text (self->guidance_label, guidance != NULL ? guidance : _("No guidance for this question."));
  show_position (self);
  gtk_progress_bar_set_fraction (self->progress, (double) self->index / self->answers->len);
  gtk_widget_set_sensitive (self->back_button, self->index > 0);

  self->input = make_input (self, answer);
  child = g_object_get_data (G_OBJECT (self->input), "container");
  gtk_box_append (self->input_box, child != NULL ? child : self->input);
  self->loading = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "question");
  gtk_widget_grab_focus (self->input);
}

static void
show_notes (CvConversationWindow *self)
{
  g_autoptr(GPtrArray) notes = cv_store_list (self->store, CV_TYPE_CONVERSATION_NOTE, "conversation_id",
                                              cv_record_get_id (self->conversation), NULL);

  cv_list_box_clear (self->notes_list);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      CvRecord *note = g_ptr_array_index (notes, i);
      g_autofree char *when = cv_format_date (cv_record_get_string (note, "noted_on"));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cv_record_get_string (note, "text"));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      gtk_list_box_append (self->notes_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notes_list), notes != NULL && notes->len > 0);
}

static void
add_record_row (GtkListBox *list,
                const char *title,
                const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value != '\0' ? value : _("Not recorded"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (list, row);
}

static void
show_end (CvConversationWindow *self)
{
  gboolean complete = g_str_equal (cv_record_get_string (self->conversation, "status"), "complete");

  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress, 1.0);
  if (!complete)
    {
      fill_summary (self, self->summary_list);
      cv_error_label_show (self->end_error, NULL);
      gtk_stack_set_visible_child_name (self->stack, "end");
      gtk_widget_grab_focus (GTK_WIDGET (self->matters_view));
      return;
    }

  {
    const char *follow_up = cv_record_get_string (self->conversation, "follow_up_on");
    g_autofree char *when = follow_up != NULL ? cv_format_date (follow_up) : NULL;
    g_autofree char *held = cv_format_date (cv_record_get_string (self->conversation, "held_on"));

    fill_summary (self, self->record_list);
    add_record_row (self->record_list, _("What matters most to the person"),
                    cv_record_get_string (self->conversation, "what_matters"));
    add_record_row (self->record_list, _("Agreed next steps"), cv_record_get_string (self->conversation, "next_steps"));
    add_record_row (self->record_list, _("Follow-up date"), when);
    add_record_row (self->record_list, _("Held on"), held);
    add_record_row (self->record_list, _("Staff member"), cv_record_get_string (self->conversation, "staff"));
    add_record_row (self->record_list, _("Place"), cv_record_get_string (self->conversation, "place"));
  }
  show_notes (self);
  gtk_stack_set_visible_child_name (self->stack, "record");
}

static void
go_to (CvConversationWindow *self,
       guint                 index)
{
  self->index = MIN (index, self->answers->len);
  if (self->index == self->answers->len)
    show_end (self);
  else
    show_question (self);
}

/* Actions */

static gboolean
on_question_page (CvConversationWindow *self)
{
  return g_str_equal (gtk_stack_get_visible_child_name (self->stack), "question");
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CvConversationWindow *self = CV_CONVERSATION_WINDOW (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "end"))
    go_to (self, self->answers->len - 1);
  else if (on_question_page (self) && self->index > 0 && save_now (self))
    go_to (self, self->index - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CvConversationWindow *self = CV_CONVERSATION_WINDOW (widget);

  if (on_question_page (self) && save_now (self))
    go_to (self, self->index + 1);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CvConversationWindow *self = CV_CONVERSATION_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!on_question_page (self))
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!cv_conversation_skip (self->store, current_answer (self), &error))
    {
      cv_error_label_show (self->answer_error, error);
      return;
    }
  go_to (self, self->index + 1);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CvConversationWindow *self = CV_CONVERSATION_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *matters = NULL;
  g_autofree char *steps = NULL;
  g_autofree char *follow_up = NULL;

  if (on_question_page (self))
    {
      if (save_now (self))
        go_to (self, self->answers->len);
      return;
    }
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "end"))
    return;

  matters = g_strstrip (cv_text_view_get_text (self->matters_view));
  steps = g_strstrip (cv_text_view_get_text (self->steps_view));
  follow_up = cv_date_row_get_date (self->follow_up_row);
  if (!cv_conversation_complete (self->store, self->conversation, *matters != '\0' ? matters : NULL,
                                 *steps != '\0' ? steps : NULL, follow_up, &error))
    {
      cv_error_label_show (self->end_error, error);
      return;
    }
  show_end (self);
}

static void
add_note_cb (CvConversationWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) note = cv_conversation_add_note (self->store, self->conversation,
                                                       gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                                                       &error);

  cv_error_label_show (self->note_error, error);
  if (note == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  show_notes (self);
}

static void
delete_response_cb (AdwMessageDialog     *dialog,
                    const char           *response,
                    CvConversationWindow *self)
{
  g_autoptr(GPtrArray) records = NULL;

  /* Gone whatever the answer, and before this window can go. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (!g_str_equal (response, "delete"))
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  records = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (records, g_object_ref (self->conversation));
  if (cv_trash_delete (self->trash, records, self->near))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CvConversationWindow *self = CV_CONVERSATION_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (cv_message_dialog_new (GTK_WINDOW (self), _("Delete This Conversation?"), NULL,
                                                      "cancel", "cancel",
                                                      "cancel", _("_Cancel"), "delete", _("_Delete"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Every answer recorded with %s will be deleted. You can undo this "
                                    "only until the notice in the main window goes away."),
                                  cv_record_get_string (self->conversation, "person_ref"));
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Layout: guidance beside the question, or folded below it */

static void
width_changed_cb (CvConversationWindow *self)
{
  int width, height;
  gboolean narrow;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  narrow = width > 0 && width < NARROW_WIDTH;
  self->narrow = narrow;
  if (self->answers != NULL)
    show_position (self);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->fold_box),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_expander_set_expanded (self->guidance_expander, !narrow);
  gtk_widget_set_size_request (GTK_WIDGET (self->guidance_expander), narrow ? -1 : 280, -1);
}

static gboolean
close_request_cb (CvConversationWindow *self)
{
  /* Leaving keeps the draft: what is typed is stored before the window goes. */
  if (self->conversation != NULL && on_question_page (self))
    save_now (self);
  return FALSE;
}

static void
cv_conversation_window_dispose (GObject *object)
{
  CvConversationWindow *self = CV_CONVERSATION_WINDOW (object);

  /* Typing not yet stored (the window destroyed without closing, as when
   * the application quits) is stored now. */
  if (self->save_id != 0 && self->input != NULL)
    save_now (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_CONVERSATION_WINDOW);
  g_clear_pointer (&self->answers, g_ptr_array_unref);
  g_clear_object (&self->conversation);
  g_clear_object (&self->trash);
  g_clear_object (&self->store);
  self->near = NULL;
  G_OBJECT_CLASS (cv_conversation_window_parent_class)->dispose (object);
}

static void
cv_conversation_window_class_init (CvConversationWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cv_conversation_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-conversation-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CvConversationWindow, name)
  BIND (title);
  BIND (progress);
  BIND (stack);
  BIND (fold_box);
  BIND (section_label);
  BIND (question_label);
  BIND (input_box);
  BIND (answer_error);
  BIND (position_label);
  BIND (back_button);
  BIND (guidance_expander);
  BIND (guidance_label);
  BIND (summary_list);
  BIND (matters_view);
  BIND (steps_view);
  BIND (follow_up_row);
  BIND (end_error);
  BIND (end_buttons);
  BIND (record_list);
  BIND (notes_list);
  BIND (note_row);
  BIND (note_error);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, width_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_note_cb);

  gtk_widget_class_install_action (widget_class, "conversation.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "conversation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "conversation.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "conversation.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "conversation.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cv_conversation_window_init (CvConversationWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cv_date_row_attach_calendar (self->follow_up_row);
  /* Focus goes to the buttons, not to the flow box's cells around them. */
  for (GtkWidget *cell = gtk_widget_get_first_child (self->end_buttons); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    gtk_widget_set_focusable (cell, FALSE);
}

/**
 * cv_conversation_window_new:
 * @near: a widget of the main window, where the toast of a deletion goes
 *
 * Opens a conversation: a draft at its first unanswered question, a
 * completed one read-only.
 */
GtkWidget *
cv_conversation_window_new (CvStore    *store,
                            CvTrash    *trash,
                            GtkWidget  *near,
                            const char *conversation_id)
{
  CvConversationWindow *self = g_object_new (CV_TYPE_CONVERSATION_WINDOW, NULL);
  g_autoptr(CvRecord) guide = NULL;
  g_autofree char *subtitle = NULL;

  self->store = g_object_ref (store);
  self->trash = g_object_ref (trash);
  self->near = near;
  self->conversation = cv_store_load (store, CV_TYPE_CONVERSATION, conversation_id, NULL);
  self->answers = cv_conversation_answers (store, conversation_id, NULL);
  if (self->answers == NULL)
    self->answers = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->conversation == NULL)
    return GTK_WIDGET (self);

  guide = cv_store_load (store, CV_TYPE_GUIDE, cv_record_get_string (self->conversation, "guide_id"), NULL);
  subtitle = guide != NULL ? g_strdup (cv_guides_text (guide, cv_record_get_string (guide, "title"))) : g_strdup ("");
  /* TRANSLATORS: the window title of a conversation; %s is the person reference */
  {
    g_autofree char *title = g_strdup_printf (_("Conversation with %s"),
                                              cv_record_get_string (self->conversation, "person_ref"));
    adw_window_title_set_title (self->title, title);
    gtk_window_set_title (GTK_WINDOW (self), title);
  }
  adw_window_title_set_subtitle (self->title, subtitle);

  width_changed_cb (self);
  if (g_str_equal (cv_record_get_string (self->conversation, "status"), "complete"))
    show_end (self);
  else
    go_to (self, cv_conversation_resume_at (self->answers));
  return GTK_WIDGET (self);
}

const char *
cv_conversation_window_get_id (CvConversationWindow *self)
{
  g_return_val_if_fail (CV_IS_CONVERSATION_WINDOW (self), NULL);
  return self->conversation != NULL ? cv_record_get_id (self->conversation) : NULL;
}

/* For tests: the question shown, the page ("question", "end", "record")
 * and the answer's input widget. */
guint
cv_conversation_window_get_index (CvConversationWindow *self)
{
  return self->index;
}

const char *
cv_conversation_window_get_page (CvConversationWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
cv_conversation_window_get_input (CvConversationWindow *self)
{
  return self->input;
}
