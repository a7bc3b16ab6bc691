/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One question on a guide's page: its words and the kind of answer it
 * takes; opened, the question, the guidance for staff, the kind of answer,
 * the options of a single choice, and Move Up, Move Down and Remove. In a
 * built-in guide it shows the guidance only. Alt+Up and Alt+Down move it,
 * as does dragging it onto another question.
 *
 * The row changes nothing itself: "save", "set-response-kind", "move",
 * "remove" and "drop" ask the guide's page to.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-guides.h"
#include "cv-prompt.h"
#include "cv-prompt-row.h"
#include "cv-widgets.h"

struct _CvPromptRow
{
  AdwExpanderRow  parent_instance;

  CvRecord       *guide;
  CvRecord       *prompt;

  gboolean        filled;
  gboolean        loading;
  GtkWidget      *question_row;
  GtkWidget      *guidance_row;
  GtkWidget      *response_row;
  GtkWidget      *options_row;
};

enum
{
  SAVE,
  SET_RESPONSE_KIND,
  MOVE,
  REMOVE,
  DROP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CvPromptRow, cv_prompt_row, ADW_TYPE_EXPANDER_ROW)

static const CvField *
response_field (void)
{
  return cv_record_type_find_field (CV_TYPE_PROMPT, "response_kind");
}

static gboolean
editable (CvPromptRow *self)
{
  return !cv_record_get_boolean (self->guide, "builtin");
}

static void
entry_applied_cb (AdwEntryRow *row,
                  CvPromptRow *self)
{
  const char *field = row == ADW_ENTRY_ROW (self->question_row) ? "question"
                    : row == ADW_ENTRY_ROW (self->guidance_row) ? "guidance" : "options";

  g_signal_emit (self, signals[SAVE], 0, field, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
response_kind_cb (CvPromptRow *self)
{
  const char *nick = response_field ()->choices[adw_combo_row_get_selected (ADW_COMBO_ROW (self->response_row))].nick;
  const char * const *options = cv_record_get_list (self->prompt, "options");

  if (self->loading || g_str_equal (cv_record_get_string (self->prompt, "response_kind"), nick))
    return;
  gtk_widget_set_visible (self->options_row, g_str_equal (nick, "single_choice"));
  /* A single choice is stored with its options: until two are given, the
   * options row waits for them. */
  if (g_str_equal (nick, "single_choice") && (options == NULL || options[0] == NULL || options[1] == NULL))
    {
      gtk_widget_grab_focus (self->options_row);
      return;
    }
  g_signal_emit (self, signals[SET_RESPONSE_KIND], 0, nick);
}

static void
move_up_cb (CvPromptRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1, FALSE);
}

static void
move_down_cb (CvPromptRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1, FALSE);
}

static void
remove_cb (CvPromptRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static gboolean
move_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  g_signal_emit (widget, signals[MOVE], 0, g_variant_get_int32 (args), TRUE);
  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (CvPromptRow *self)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING, cv_record_get_id (self->prompt));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CvPromptRow   *self)
{
  gboolean moved = FALSE;

  g_signal_emit (self, signals[DROP], 0, g_value_get_string (value), &moved);
  return moved;
}

static GtkWidget *
entry_row (CvPromptRow *self,
           const char  *title,
           const char  *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "apply", G_CALLBACK (entry_applied_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  return row;
}

static GtkWidget *
tool_button (CvPromptRow *self,
             const char  *icon,
             const char  *label,
             GCallback    callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

/* The editor, made when the question is first opened. */
static void
fill (CvPromptRow *self)
{
  const char *kind = cv_record_get_string (self->prompt, "response_kind");
  const char * const *options = cv_record_get_list (self->prompt, "options");
  g_autofree char *joined = options != NULL ? g_strjoinv (", ", (char **) options) : NULL;
  g_autoptr(GListModel) kinds = cv_choice_labels (response_field ());
  GtkWidget *tools;

  if (self->filled)
    return;
  self->filled = TRUE;
  if (!editable (self))
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Guidance for staff"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   cv_guides_text (self->guide, cv_record_get_string (self->prompt, "guidance")));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "property");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      return;
    }

  self->question_row = entry_row (self, _("Question"), cv_record_get_string (self->prompt, "question"));
  self->guidance_row = entry_row (self, _("Guidance for staff"), cv_record_get_string (self->prompt, "guidance"));

  self->response_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->response_row), _("Response"));
  self->loading = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->response_row), kinds);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->response_row), cv_field_choice_index (response_field (), kind));
  self->loading = FALSE;
  g_signal_connect_swapped (self->response_row, "notify::selected", G_CALLBACK (response_kind_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->response_row);

  self->options_row = entry_row (self, _("Options, separated by commas"), joined);
  gtk_widget_set_visible (self->options_row, g_str_equal (kind, "single_choice"));

  tools = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (tools), _("Order"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (tools), _("Alt+Up and Alt+Down move a question, as does dragging it"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (tools), tool_button (self, "go-up-symbolic", _("Move Up"),
                                                                  G_CALLBACK (move_up_cb)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (tools), tool_button (self, "go-down-symbolic", _("Move Down"),
                                                                  G_CALLBACK (move_down_cb)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (tools), tool_button (self, "user-trash-symbolic", _("Remove Question"),
                                                                  G_CALLBACK (remove_cb)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), tools);
}

static void
expanded_cb (CvPromptRow *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    fill (self);
}

static void
cv_prompt_row_dispose (GObject *object)
{
  CvPromptRow *self = CV_PROMPT_ROW (object);

  g_clear_object (&self->guide);
  g_clear_object (&self->prompt);
  G_OBJECT_CLASS (cv_prompt_row_parent_class)->dispose (object);
}

static void
cv_prompt_row_class_init (CvPromptRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cv_prompt_row_dispose;

  /**
   * CvPromptRow::save:
   * @field: "question", "guidance" or "options"
   * @text: the text applied, as typed (options separated by commas)
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /**
   * CvPromptRow::set-response-kind:
   * @nick: the kind of answer chosen, ready to be stored
   */
  signals[SET_RESPONSE_KIND] = g_signal_new ("set-response-kind", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                             NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CvPromptRow::move:
   * @delta: -1 up, 1 down
   * @by_key: whether Alt+Up or Alt+Down moved it (the row keeps the focus)
   */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_BOOLEAN);
  /** CvPromptRow::remove: Remove Question was pressed. */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
  /**
   * CvPromptRow::drop:
   * @dragged: the id of the question dropped onto this one
   *
   * Returns: whether the question was moved here
   */
  signals[DROP] = g_signal_new ("drop", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                g_signal_accumulator_first_wins, NULL, NULL, G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-prompt-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, expanded_cb);
}

static void
cv_prompt_row_init (CvPromptRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cv_prompt_row_new:
 * @guide: the guide the question belongs to (its texts, whether it is built in)
 * @prompt: the question
 *
 * Returns: (transfer floating): a row showing @prompt, closed
 */
GtkWidget *
cv_prompt_row_new (CvRecord *guide,
                   CvRecord *prompt)
{
  CvPromptRow *self;
  const char *kind;
  const char * const *options;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (CV_IS_RECORD (guide), NULL);
  g_return_val_if_fail (CV_IS_RECORD (prompt), NULL);

  self = g_object_new (CV_TYPE_PROMPT_ROW, NULL);
  self->guide = g_object_ref (guide);
  self->prompt = g_object_ref (prompt);
  kind = cv_record_get_string (prompt, "response_kind");
  options = cv_record_get_list (prompt, "options");
  if (options != NULL)
    {
      g_autoptr(GPtrArray) shown = cv_guides_texts (guide, options);
      g_autofree char *joined = g_strjoinv (" · ", (char **) shown->pdata);

      /* TRANSLATORS: a kind of answer and its options, as "Single choice: Yes · No" */
      subtitle = g_strdup_printf (_("%s: %s"), _(cv_field_choice_label (response_field (), kind)), joined);
    }
  else
    subtitle = g_strdup (_(cv_field_choice_label (response_field (), kind)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), cv_guides_text (guide, cv_record_get_string (prompt, "question")));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  if (editable (self))
    {
      GtkDragSource *drag = gtk_drag_source_new ();
      GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
      GtkEventController *keys = gtk_shortcut_controller_new ();

      g_signal_connect_swapped (drag, "prepare", G_CALLBACK (drag_prepare_cb), self);
      gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
      g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
        gtk_shortcut_new_with_arguments (gtk_shortcut_trigger_parse_string ("<Alt>Up"),
                                         gtk_callback_action_new (move_shortcut_cb, NULL, NULL), "i", -1));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
        gtk_shortcut_new_with_arguments (gtk_shortcut_trigger_parse_string ("<Alt>Down"),
                                         gtk_callback_action_new (move_shortcut_cb, NULL, NULL), "i", 1));
      gtk_widget_add_controller (GTK_WIDGET (self), keys);
    }
  return GTK_WIDGET (self);
}

/**
 * cv_prompt_row_get_id:
 *
 * Returns: the id of the question the row shows
 */
const char *
cv_prompt_row_get_id (CvPromptRow *self)
{
  g_return_val_if_fail (CV_IS_PROMPT_ROW (self), NULL);

  return cv_record_get_id (self->prompt);
}

/**
 * cv_prompt_row_get_field_row:
 * @field: "question", "guidance" or "options"
 *
 * Returns: (transfer none) (nullable): the row that edits @field, made if
 *   the question was not opened yet; %NULL in a built-in guide
 */
GtkWidget *
cv_prompt_row_get_field_row (CvPromptRow *self,
                             const char  *field)
{
  g_return_val_if_fail (CV_IS_PROMPT_ROW (self), NULL);

  fill (self);
  if (g_str_equal (field, "question"))
    return self->question_row;
  if (g_str_equal (field, "guidance"))
    return self->guidance_row;
  if (g_str_equal (field, "options"))
    return self->options_row;
  return NULL;
}
