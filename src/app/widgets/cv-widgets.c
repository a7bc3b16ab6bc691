/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cv-widgets.h"

/* Removes every row of @list. */
void
cv_list_box_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Returns: (transfer full): the whole text of @view */
char *
cv_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Puts a record's @text in @view as it was loaded: Undo (Ctrl+Z) there
 * goes back to it, never to the empty field or the record shown before. */
void
cv_text_view_load (GtkTextView *view,
                   const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

/* A page shown in place of another takes the focus into its first field
 * (GtkStack and AdwLeaflet move it there), and a text field selects all
 * its text as it takes the focus: the next key press would replace a
 * record's name. The cursor goes to the end of the text instead. */
void
cv_focus_keep_text (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && GTK_IS_TEXT (focus))
    gtk_editable_set_position (GTK_EDITABLE (focus), -1);
}

/* Shows @error's message in @label, or hides the label when @error is %NULL. */
void
cv_error_label_show (GtkLabel     *label,
                     const GError *error)
{
  gtk_label_set_text (label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
}

/* A failure while showing records is told to the person, never only logged:
 * a toast on @widget's window says what went wrong; @what, in English, goes
 * to the log for whoever reads it. */
void
cv_widget_report_error (GtkWidget    *widget,
                        const char   *what,
                        const GError *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *message = NULL;

  g_return_if_fail (error != NULL);

  g_message ("%s: %s", what, error->message);
  if (overlay == NULL)
    return;
  /* TRANSLATORS: %s is the reason, for example "The database is busy …" */
  message = g_strdup_printf (_("Could not read from the database. %s"), error->message);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
check_row_toggled_cb (GtkCheckButton *check,
                      GtkWidget      *row)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_CHECKED, gtk_check_button_get_active (check),
                               -1);
}

static gboolean
check_row_toggle_cb (GtkWidget *row,
                     GVariant  *args,
                     gpointer   user_data)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));

  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
  return TRUE;
}

/**
 * cv_choice_labels:
 * @field: a field of choices
 *
 * Returns: (transfer full): the translated labels of @field's choices, in
 *   order, for a drop-down
 */
GListModel *
cv_choice_labels (const CvField *field)
{
  GtkStringList *strings = gtk_string_list_new (NULL);

  for (const CvChoice *c = field->choices; c->nick != NULL; c++)
    gtk_string_list_append (strings, _(c->label));
  return G_LIST_MODEL (strings);
}

/**
 * cv_button_set_long_label:
 * @label: a name or a title, of any length
 *
 * Labels @button with @label, started at its start and cut short with "…"
 * when the button is given less than its width, rather than widening the
 * window. The button keeps @label as its own label, which is also its
 * accessible name.
 */
void
cv_button_set_long_label (GtkButton  *button,
                          const char *label)
{
  GtkWidget *child;

  gtk_button_set_label (button, label);
  child = gtk_button_get_child (button);
  gtk_label_set_xalign (GTK_LABEL (child), 0);
  gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
}

/**
 * cv_check_row_new:
 * @check: the check button the row holds
 *
 * A list row that is itself the check box, for a list of things to tick:
 * the row takes the focus (so Up and Down move through the list), Space
 * or Enter ticks it, and assistive technology meets one check box with
 * the check button's label as its name, ticked or not.
 *
 * Returns: (transfer floating): the row, with @check as its child
 */
GtkWidget *
cv_check_row_new (GtkCheckButton *check)
{
  GtkWidget *row = g_object_new (GTK_TYPE_LIST_BOX_ROW,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_CHECKBOX,
                                 "child", check,
                                 "activatable", FALSE,
                                 NULL);
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_check_button_get_label (check), -1);
  /* The row speaks for it; the mouse can still click it. */
  gtk_widget_set_focusable (GTK_WIDGET (check), FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  check_row_toggled_cb (check, row);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_row_toggled_cb), row, 0);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("space|Return|KP_Enter"),
                                                          gtk_callback_action_new (check_row_toggle_cb, NULL, NULL)));
  gtk_widget_add_controller (row, keys);
  return row;
}

/**
 * cv_opens_record:
 * @widget: a button or a list row (both are actionable)
 * @table: the kind of record ("session", "stakeholder", …)
 *
 * Makes @widget open the record it names in its view, through the window's
 * "win.open-record" action, so that Back (Alt+Left) returns here. A row
 * shows an arrow, as every row that leads somewhere does.
 */
void
cv_opens_record (GtkWidget  *widget,
                 const char *table,
                 const char *id)
{
  g_return_if_fail (GTK_IS_ACTIONABLE (widget));

  if (id == NULL)
    return;
  /* The target first: an action named without its parameter is refused. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (widget), "(ss)", table, id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), "win.open-record");
  if (ADW_IS_ACTION_ROW (widget))
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (widget), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (widget), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
}

/**
 * cv_not_invited_toast:
 * @left_out: how many people listed were not invited
 *
 * Returns: (transfer full): a toast saying that the calendar file was saved
 *   without the people whose consent does not allow an invitation
 */
AdwToast *
cv_not_invited_toast (guint left_out)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Saved without %u person: their consent has lapsed or does "
                                                         "not cover invitations",
                                                         "Saved without %u people: their consent has lapsed or does "
                                                         "not cover invitations", left_out), left_out);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 8);
  return toast;
}

/**
 * cv_message_dialog_new:
 * @parent: (nullable): the window it is asked over
 * @body: (nullable): the body, or %NULL to format it after
 * @default_response: what Enter answers: the suggested response, or for a
 *   destructive question the safe one (GNOME's HIG)
 * @close_response: what Escape and closing the dialog answer
 * @first_response: the first response's id, then its label, then more
 *   pairs of id and label, ending with %NULL
 *
 * Every message dialog of Convene is made here, so that none is without a
 * default response: Enter always answers it (tests/check-dialogs.py keeps
 * adw_message_dialog_new() out of the rest of the code).
 *
 * Returns: (transfer floating): the #AdwMessageDialog, not yet presented
 */
GtkWidget *
cv_message_dialog_new (GtkWindow  *parent,
                       const char *heading,
                       const char *body,
                       const char *default_response,
                       const char *close_response,
                       const char *first_response,
                       ...)
{
  AdwMessageDialog *dialog;
  va_list args;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (default_response != NULL, NULL);
  g_return_val_if_fail (close_response != NULL, NULL);
  g_return_val_if_fail (first_response != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  va_start (args, first_response);
  for (const char *id = first_response; id != NULL; id = va_arg (args, const char *))
    adw_message_dialog_add_response (dialog, id, va_arg (args, const char *));
  va_end (args);
  /* A default that is not one of its responses would leave Enter doing nothing. */
  g_return_val_if_fail (adw_message_dialog_has_response (dialog, default_response), GTK_WIDGET (dialog));
  g_return_val_if_fail (adw_message_dialog_has_response (dialog, close_response), GTK_WIDGET (dialog));
  adw_message_dialog_set_default_response (dialog, default_response);
  adw_message_dialog_set_close_response (dialog, close_response);
  return GTK_WIDGET (dialog);
}

/**
 * cv_message_dialog_set_entry:
 * @entry: a #GtkEntry the person types an answer in
 *
 * Puts @entry in @dialog, where Enter answers with the default response
 * (while that response is enabled).
 */
void
cv_message_dialog_set_entry (AdwMessageDialog *dialog,
                             GtkWidget        *entry)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (GTK_IS_ENTRY (entry));

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
}

/**
 * cv_theme_chips_new:
 *
 * A row of theme chips that wraps at the width it is given; fill it with
 * cv_theme_chips_set().
 *
 * Returns: (transfer floating): an empty #GtkFlowBox
 */
GtkWidget *
cv_theme_chips_new (void)
{
  GtkWidget *chips = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (chips), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (chips), 30);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (chips), 4);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (chips), 4);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (chips), FALSE);
  gtk_widget_add_css_class (chips, "theme-chips");
  gtk_widget_set_visible (chips, FALSE);
  return chips;
}

/**
 * cv_theme_chips_set:
 * @chips: made by cv_theme_chips_new(), or a #GtkFlowBox a .ui declares
 * @themes: (nullable): theme ids
 *
 * Shows a chip for each of @themes, each opening its theme in Themes
 * (Back returns here). Hidden when there is none.
 */
static void
add_chip (GtkFlowBox *chips,
          const char *id,
          const char *name)
{
  g_autofree char *tooltip = NULL;
  GtkWidget *chip = gtk_button_new ();

  /* A long name gives way in a narrow window rather than widen it. */
  cv_button_set_long_label (GTK_BUTTON (chip), name);
  /* TRANSLATORS: the tooltip of a theme chip; %s is the theme */
  tooltip = g_strdup_printf (_("Open the Theme “%s”"), name);
  gtk_widget_set_tooltip_text (chip, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (chip, "theme-chip");
  gtk_widget_add_css_class (chip, "pill");
  gtk_widget_add_css_class (chip, "small");
  cv_opens_record (chip, "theme", id);
  /* As wide as its name, not stretched to its column. */
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_flow_box_append (chips, chip);
  /* Tab goes from chip to chip; the flow box's own cell is no stop. */
  gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
}

static void
remove_chips (GtkFlowBox *chips)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (chips))) != NULL)
    gtk_flow_box_remove (chips, child);
}

void
cv_theme_chips_set (GtkFlowBox         *chips,
                    CvStore            *store,
                    const char * const *themes)
{
  guint n = 0;

  g_return_if_fail (GTK_IS_FLOW_BOX (chips));
  g_return_if_fail (CV_IS_STORE (store));

  remove_chips (chips);
  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    {
      g_autofree char *name = cv_store_get_display_name (store, "theme", themes[i]);

      if (name == NULL)
        continue;
      add_chip (chips, themes[i], name);
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (chips), n > 0);
}

/**
 * cv_theme_chips_set_named:
 * @ids: (nullable): theme ids
 * @names: their names, in the same order
 *
 * As cv_theme_chips_set(), for themes whose names are known already (the
 * review is read in a worker thread, with its own connection).
 */
void
cv_theme_chips_set_named (GtkFlowBox         *chips,
                          const char * const *ids,
                          const char * const *names)
{
  guint n = 0;

  g_return_if_fail (GTK_IS_FLOW_BOX (chips));

  remove_chips (chips);
  for (; ids != NULL && ids[n] != NULL; n++)
    add_chip (chips, ids[n], names[n]);
  gtk_widget_set_visible (GTK_WIDGET (chips), n > 0);
}

/**
 * cv_chips_row_new:
 * @title: the words the row shows whole (what was said, an action's title)
 * @subtitle: (nullable): below it, dimmed
 * @chips: (nullable): theme chips to show below, made by cv_theme_chips_new()
 * @table: (nullable): the kind of record the row opens
 * @id: (nullable): the record it opens
 *
 * A row of a record's page that names its themes: as an #AdwActionRow
 * looks, with the chips (each opening its theme) under the text, where an
 * action row has no room for them. With @id, activating the row opens the
 * record, as cv_opens_record() does.
 *
 * Returns: (transfer floating): a #GtkListBoxRow
 */
GtkWidget *
cv_chips_row_new (const char *title,
                  const char *subtitle,
                  GtkWidget  *chips,
                  const char *table,
                  const char *id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (title);

  g_return_val_if_fail (chips == NULL || GTK_IS_FLOW_BOX (chips), row);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (text), label);
  if (subtitle != NULL)
    {
      GtkWidget *below = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (below), 0);
      gtk_label_set_wrap (GTK_LABEL (below), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (below), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (below, "caption");
      gtk_widget_add_css_class (below, "dim-label");
      gtk_box_append (GTK_BOX (text), below);
    }
  if (chips != NULL)
    gtk_box_append (GTK_BOX (text), chips);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), id != NULL);
  if (id != NULL)
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), arrow);
      cv_opens_record (row, table, id);
    }
  return row;
}

typedef struct
{
  GtkWidget   *owner;
  const char  *what;
  CvRefreshed  done;
} Refresh;

static void
refreshed_cb (GObject      *list,
              GAsyncResult *result,
              gpointer      data)
{
  Refresh *refresh = data;
  g_autoptr(GError) error = NULL;

  if (cv_record_list_refresh_finish (CV_RECORD_LIST (list), result, &error))
    refresh->done (refresh->owner);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cv_widget_report_error (refresh->owner, refresh->what, error);
  g_object_unref (refresh->owner);
  g_free (refresh);
}

/**
 * cv_record_list_refresh_for:
 * @owner: the view that shows @list; kept alive until the refresh ends
 * @what: (not nullable): what failed, for the log ("Could not list the actions")
 * @done: called with @owner when the rows have changed
 *
 * Refreshes @list on a worker thread (cv_record_list_refresh_async()), as
 * every view does when its search, filters or programme change: a newer
 * refresh cancels an older one, whose @done is then not called.
 */
void
cv_record_list_refresh_for (CvRecordList *list,
                            GtkWidget    *owner,
                            const char   *what,
                            CvRefreshed   done)
{
  Refresh *refresh = g_new0 (Refresh, 1);

  refresh->owner = g_object_ref (owner);
  refresh->what = what;
  refresh->done = done;
  cv_record_list_refresh_async (list, refreshed_cb, refresh);
}

/**
 * cv_choice_filter_fill:
 * @field: a field with choices
 * @all_label: the first entry, that filters nothing ("Any status")
 *
 * Fills a filter's drop-down with "all" and then the field's choices.
 */
void
cv_choice_filter_fill (GtkDropDown   *drop_down,
                       const CvField *field,
                       const char    *all_label)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (field != NULL && field->choices != NULL);

  gtk_string_list_append (strings, all_label);
  for (const CvChoice *c = field->choices; c->nick != NULL; c++)
    gtk_string_list_append (strings, _(c->label));
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (strings));
}

/* Returns: (nullable): the nick of the choice a filter filled by
 *   cv_choice_filter_fill() shows, or %NULL for "all" */
const char *
cv_choice_filter_get (GtkDropDown   *drop_down,
                      const CvField *field)
{
  guint position;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), NULL);

  position = gtk_drop_down_get_selected (drop_down);
  return position == 0 || position == GTK_INVALID_LIST_POSITION ? NULL : field->choices[position - 1].nick;
}
