/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The keyboard alone: real key presses, sent through the X server (XTest)
 * as a keyboard sends them, so that GTK's own focus handling, key bindings
 * and Convene's shortcuts all take part. After each key the test asserts
 * where the focus is. Nothing a person does is done by calling a widget.
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>
#include <string.h>

#include "cv-action.h"
#include "cv-action-update.h"
#include "cv-action-editor.h"
#include "cv-actions-view.h"
#include "cv-attendance.h"
#include "cv-attendee-picker.h"
#include "cv-time.h"
#include "cv-stakeholder-chooser.h"
#include "cv-paged-rows.h"
#include "cv-programme-dialog.h"
#include "cv-review-window.h"
#include "cv-conversation-window.h"
#include "cv-guides-view.h"
#include "cv-conversation.h"
#include "cv-session-editor.h"
#include "cv-sessions.h"
#include "cv-sessions-view.h"
#include "cv-stakeholder.h"
#include "cv-stakeholders-view.h"
#include "cv-stakeholder-editor.h"
#include "cv-session.h"
#include "cv-programme.h"
#include "cv-contribution.h"
#include "cv-retention.h"
#include "cv-retention-window.h"
#include "cv-theme.h"
#include "cv-themes-view.h"
#include "cv-widgets.h"
#include "ui-test.h"

static void
fake_key (Display *display,
          guint    keyval,
          gboolean press)
{
  KeyCode code = XKeysymToKeycode (display, keyval);

  g_assert_cmpuint (code, !=, 0);
  XTestFakeKeyEvent (display, code, press, CurrentTime);
}

/* Presses and releases @accelerator ("Down", "<Shift>Tab", "a") on the
 * keyboard, and lets GTK handle what the X server sends back. */
static void
press (const char *accelerator)
{
  Display *display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  guint keyval = 0;
  GdkModifierType mods = 0;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &mods));
  if (mods & GDK_SHIFT_MASK)
    fake_key (display, GDK_KEY_Shift_L, TRUE);
  if (mods & GDK_CONTROL_MASK)
    fake_key (display, GDK_KEY_Control_L, TRUE);
  if (mods & GDK_ALT_MASK)
    fake_key (display, GDK_KEY_Alt_L, TRUE);
  fake_key (display, keyval, TRUE);
  fake_key (display, keyval, FALSE);
  if (mods & GDK_ALT_MASK)
    fake_key (display, GDK_KEY_Alt_L, FALSE);
  if (mods & GDK_CONTROL_MASK)
    fake_key (display, GDK_KEY_Control_L, FALSE);
  if (mods & GDK_SHIFT_MASK)
    fake_key (display, GDK_KEY_Shift_L, FALSE);
  /* Every event the keys caused is in the queue once the server answers. */
  XSync (display, False);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Types @text (ASCII letters, digits, spaces and - : . ,) key by key. */
static void
type (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      g_autofree char *key = NULL;

      if (*p == ' ')
        key = g_strdup ("space");
      else if (*p == '-')
        key = g_strdup ("minus");
      else if (*p == ':')
        key = g_strdup ("<Shift>semicolon");
      else if (*p == '.')
        key = g_strdup ("period");
      else if (*p == ',')
        key = g_strdup ("comma");
      else if (g_ascii_isupper (*p))
        key = g_strdup_printf ("<Shift>%c", g_ascii_tolower (*p));
      else
        key = g_strdup_printf ("%c", *p);
      press (key);
    }
}

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* Not blocked in the main loop: what is waited for may come without an event. */
  while (!condition (data) && g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  if (!condition (data))
    g_error ("Waited in vain for %s", what);
}

/* The widget with the keyboard focus in the active window. */
static GtkWidget *
focus_widget (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_is_active (window))
        return gtk_window_get_focus (window);
    }
  return NULL;
}

static gboolean
focus_is_within (gpointer widget)
{
  GtkWidget *focus = focus_widget ();

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* What has the focus, in words, for messages: its type, its label or
 * tooltip, and the types of the two widgets around it. */
static char *
describe_focus (void)
{
  GtkWidget *focus = focus_widget ();
  GString *text;

  if (focus == NULL)
    return g_strdup ("nothing");
  text = g_string_new (G_OBJECT_TYPE_NAME (focus));
  if (GTK_IS_BUTTON (focus) && gtk_button_get_label (GTK_BUTTON (focus)) != NULL)
    g_string_append_printf (text, " “%s”", gtk_button_get_label (GTK_BUTTON (focus)));
  if (gtk_widget_get_tooltip_text (focus) != NULL)
    g_string_append_printf (text, " (tooltip “%s”)", gtk_widget_get_tooltip_text (focus));
  for (GtkWidget *p = gtk_widget_get_parent (focus); p != NULL; p = gtk_widget_get_parent (p))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (p));

      if (ADW_IS_PREFERENCES_ROW (p))
        g_string_append_printf (text, " < %s “%s”", G_OBJECT_TYPE_NAME (p),
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p)));
      else if (id != NULL)
        g_string_append_printf (text, " < %s#%s", G_OBJECT_TYPE_NAME (p), id);
    }
  return g_string_free (text, FALSE);
}

/* @widget's middle is inside every scrolled window around it and inside
 * its window: a person can see it. */
static gboolean
is_in_view (GtkWidget *widget)
{
  for (GtkWidget *a = gtk_widget_get_parent (widget); a != NULL; a = gtk_widget_get_parent (a))
    {
      graphene_rect_t bounds;
      double x, y;

      if (!GTK_IS_SCROLLED_WINDOW (a) && !GTK_IS_NATIVE (a))
        continue;
      if (!gtk_widget_compute_bounds (widget, a, &bounds))
        return FALSE;
      x = bounds.origin.x + bounds.size.width / 2;
      y = bounds.origin.y + bounds.size.height / 2;
      if (x < 0 || y < 0 || x > gtk_widget_get_width (a) || y > gtk_widget_get_height (a))
        return FALSE;
      /* A popover is a surface of its own, placed to be seen. */
      if (GTK_IS_NATIVE (a))
        break;
    }
  return TRUE;
}

static gboolean
focus_is_in_view (gpointer unused)
{
  GtkWidget *focus = focus_widget ();

  return focus != NULL && is_in_view (focus);
}

/* Asserts that the focus is on @widget or inside it, and can be seen. */
static void
assert_focus_within (GtkWidget  *widget,
                     const char *what)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *focus;

  while (!focus_is_within (widget) && g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  focus = focus_widget ();
  if (!focus_is_within (widget))
    {
      g_autofree char *where = describe_focus ();
      g_error ("The focus is not on %s but on %s", what, where);
    }
  /* The ring shows once the key press that moved the focus is handled;
   * under AddressSanitizer that may be a few main-loop turns later. */
  until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!gtk_window_get_focus_visible (GTK_WINDOW (gtk_widget_get_root (focus))) &&
         g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  if (!gtk_window_get_focus_visible (GTK_WINDOW (gtk_widget_get_root (focus))))
    g_error ("The focus on %s cannot be seen", what);
  if (!gtk_widget_is_drawable (focus))
    g_error ("The focus on %s is on a %s that is not on screen", what, G_OBJECT_TYPE_NAME (focus));
  /* Scrolled into view (scrolled windows may take a frame or two). */
  until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!focus_is_in_view (NULL) && g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  if (!focus_is_in_view (NULL))
    {
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
      GtkWidget *scrolled = gtk_widget_get_ancestor (focus, GTK_TYPE_SCROLLED_WINDOW);

      if (scrolled != NULL && !gtk_widget_compute_bounds (focus, scrolled, &bounds))
        g_test_message ("No bounds in its scrolled window");
      g_error ("The focus on %s is on a %s scrolled out of view (at %g, %g in a %d × %d scrolled window)", what,
               G_OBJECT_TYPE_NAME (focus), bounds.origin.x, bounds.origin.y,
               scrolled != NULL ? gtk_widget_get_width (scrolled) : 0,
               scrolled != NULL ? gtk_widget_get_height (scrolled) : 0);
    }
}

/* The row of @list_view that holds the focus, and its position. */
static guint
focused_position (GtkWidget *list_view)
{
  GtkWidget *row = focus_widget ();
  guint position = 0;

  while (row != NULL && gtk_widget_get_parent (row) != list_view)
    row = gtk_widget_get_parent (row);
  g_assert_nonnull (row);
  for (GtkWidget *r = gtk_widget_get_first_child (list_view); r != row; r = gtk_widget_get_next_sibling (r))
    position++;
  return position;
}

static gboolean
window_is_gone (gpointer type)
{
  return find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

static gboolean
picker_is_active (gpointer unused)
{
  GtkWindow *picker = find_toplevel (CV_TYPE_ATTENDEE_PICKER);

  return picker != NULL && gtk_window_is_active (picker);
}

static gboolean
window_is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

/* The window has the keyboard, as after a click on it (the import's
 * progress dialog took it and, with no window manager, nobody gives it back). */
static void
activate_window (Fixture *f)
{
  Display *display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));

  gtk_window_present (GTK_WINDOW (f->window));
  /* What a window manager would do on a click, with the current time
   * (the display's last user time may be older than the last focus change).
   * A dialog just closed may still take the focus with it as the server
   * unmaps it: the focus is given again until it stays. */
  for (guint tries = 0; tries < 5; tries++)
    {
      XSetInputFocus (display, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
      XSync (display, False);
      wait_until (window_is_active, f->window, "the window to be active");
      run_main_loop (50);
      if (gtk_window_is_active (GTK_WINDOW (f->window)))
        return;
    }
  g_error ("The window does not keep the keyboard");
}

static guint
listed_at (Fixture    *f,
           const char *session_id)
{
  CvAttendanceCounts counts = { 0 };

  g_assert_true (cv_sessions_count_attendance (store_of (f), session_id, &counts, NULL));
  return counts.listed;
}

/* From the Add People button: search, Down to the first found, Space ticks,
 * Down, Space, Shift+Tab back, Tab on to Add, Enter; the focus comes back. */
static void
test_add_people (Fixture       *f,
                 gconstpointer  data)
{
  CvSessionsView *sessions = child (f->window, CV_TYPE_WINDOW, "sessions_view");
  CvSessionEditor *editor = child (sessions, CV_TYPE_SESSIONS_VIEW, "editor");
  GtkWidget *add_people = find_descendant (GTK_WIDGET (editor), is_button_labelled, "_Add People…");
  g_autofree char *session_id = NULL;
  GtkWidget *search, *list_view, *add_button;
  CvAttendeePicker *picker;
  guint before;

  g_assert_nonnull (add_people);
  open_sample (f);
  /* A new session, with nobody listed yet. */
  cv_window_show_view (f->window, "sessions");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL);
  gtk_editable_set_text (child (editor, CV_TYPE_SESSION_EDITOR, "title_row"), "Listening event");
  gtk_editable_set_text (child (editor, CV_TYPE_SESSION_EDITOR, "starts_row"), "2030-03-01 10:00");
  g_assert_true (cv_session_editor_save_pending (editor));
  session_id = g_strdup (cv_session_editor_get_id (editor));
  before = listed_at (f, session_id);
  activate_window (f);

  /* Where a person would have tabbed to; Enter opens the picker. */
  gtk_widget_grab_focus (add_people);
  wait_until (focus_is_within, add_people, "the Add People button");
  press ("<Shift>Tab");
  press ("Tab");
  assert_focus_within (add_people, "the Add People button");
  press ("Return");
  wait_until (picker_is_active, NULL, "the Add People window");
  picker = find_toplevel (CV_TYPE_ATTENDEE_PICKER);
  search = child (picker, CV_TYPE_ATTENDEE_PICKER, "search_entry");
  list_view = child (picker, CV_TYPE_ATTENDEE_PICKER, "list_view");
  add_button = child (picker, CV_TYPE_ATTENDEE_PICKER, "add_button");
  assert_focus_within (search, "the search, first");

  /* Search for people not yet listed, then Down to the first of them. */
  type ("a");
  press ("Down");
  assert_focus_within (list_view, "the first result after Down");
  g_assert_cmpuint (focused_position (list_view), ==, 0);
  press ("space");
  assert_focus_within (list_view, "the list after Space");
  press ("Down");
  assert_focus_within (list_view, "the list after a second Down");
  g_assert_cmpuint (focused_position (list_view), ==, 1);
  press ("space");
  assert_focus_within (list_view, "the list after a second Space");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (add_button)), ==, "_Add 2 People");

  /* Back to the search and on again, never lost. */
  press ("<Shift>Tab");
  assert_focus_within (search, "the search after Shift+Tab");

  /* Down again, and Tab leaves the list for the buttons: Cancel, then Add. */
  press ("Down");
  assert_focus_within (list_view, "the list, from the search again");
  press ("Tab");
  press ("Tab");
  assert_focus_within (add_button, "the Add button");
  /* Enter in the search adds them too, as in every dialog. */
  gtk_widget_grab_focus (search);
  assert_focus_within (search, "the search, for Enter");
  press ("Return");
  wait_until (window_is_gone, GSIZE_TO_POINTER (CV_TYPE_ATTENDEE_PICKER), "the picker to close");
  g_assert_cmpuint (listed_at (f, session_id), ==, before + 2);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == add_people);
}

static gboolean
is_menu_button_labelled (GtkWidget  *widget,
                         const char *label)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0;
}

static gboolean
popover_is_closed (gpointer popover)
{
  return !gtk_widget_get_visible (popover);
}

static guint
themes_of (Fixture    *f,
           const char *action_id)
{
  g_autoptr(CvRecord) action = cv_store_load (store_of (f), CV_TYPE_ACTION, action_id, NULL);
  const char * const *themes = cv_record_get_list (action, "themes");

  return themes != NULL ? g_strv_length ((char **) themes) : 0;
}

/* An action's themes, twice (the first opening used to lose the focus):
 * Enter opens the popover on the first theme, Down moves, Space ticks,
 * Escape closes it and gives the focus back to its button. */
static void
test_themes_popover (Fixture       *f,
                     gconstpointer  data)
{
  CvActionsView *actions = child (f->window, CV_TYPE_WINDOW, "actions_view");
  CvActionEditor *editor = child (actions, CV_TYPE_ACTIONS_VIEW, "editor");
  GtkWidget *button = find_descendant (GTK_WIDGET (editor), is_menu_button_labelled, "Choose _Themes…");
  GtkWidget *list = child (editor, CV_TYPE_ACTION_EDITOR, "theme_list");
  GtkWidget *popover;
  g_autoptr(GPtrArray) all = NULL;
  const char *action_id;
  guint before;

  g_assert_nonnull (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  open_sample (f);
  all = cv_store_list (store_of (f), CV_TYPE_ACTION, "programme_id", cv_window_get_programme_id (f->window), NULL);
  action_id = cv_record_get_id (g_ptr_array_index (all, 0));
  cv_window_show_view (f->window, "actions");
  cv_actions_view_open (actions, action_id);
  before = themes_of (f, action_id);
  activate_window (f);

  gtk_widget_grab_focus (button);
  wait_until (focus_is_within, button, "the Choose Themes button");
  press ("<Shift>Tab");
  press ("Tab");
  assert_focus_within (button, "the Choose Themes button");

  for (guint opening = 0; opening < 2; opening++)
    {
      GtkWidget *first, *second;

      press ("Return");
      assert_focus_within (list, "the themes, as the popover opens");
      first = gtk_widget_get_first_child (list);
      second = gtk_widget_get_next_sibling (first);
      g_assert_true (focus_is_within (first));
      press ("Down");
      assert_focus_within (second, "the second theme");
      press ("space");
      assert_focus_within (second, "the second theme, ticked");
      g_assert_cmpuint (themes_of (f, action_id), !=, before);
      press ("space");
      g_assert_cmpuint (themes_of (f, action_id), ==, before);
      press ("Escape");
      wait_until (popover_is_closed, popover, "the popover to close");
      assert_focus_within (button, "the Choose Themes button, given back");
      g_assert_false (gtk_widget_is_ancestor (focus_widget (), popover));
    }
}

typedef struct
{
  GtkStack   *stack;
  const char *name;
} Showing;

static gboolean
view_is_showing (gpointer data)
{
  Showing *showing = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (showing->stack), showing->name) == 0;
}

/* Ctrl and a digit: the views in the order of the sidebar, listed in the
 * Shortcuts window. */
static void
test_view_shortcuts (Fixture       *f,
                     gconstpointer  data)
{
  const struct { const char *keys; const char *view; } steps[] = {
    { "<Control>3", "sessions" }, { "<Control>5", "actions" }, { "<Control>7", "guides" },
    { "<Control>2", "stakeholders" }, { "<Control>1", "overview" },
  };

  open_sample (f);
  activate_window (f);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      Showing showing = { child (f->window, CV_TYPE_WINDOW, "view_stack"), steps[i].view };

      press (steps[i].keys);
      wait_until (view_is_showing, &showing, steps[i].view);
    }
}


/* Tab (or Shift+Tab) until the focus is on @target or inside it, as a
 * person would; the focus can be seen at every stop on the way. */
static void
tab_to (GtkWidget  *target,
        const char *key,
        const char *what)
{
  for (guint i = 0; i < 80 && !focus_is_within (target); i++)
    {
      GtkWidget *focus;

      press (key);
      focus = focus_widget ();
      if (focus == NULL || !gtk_widget_is_drawable (focus) ||
          !gtk_window_get_focus_visible (GTK_WINDOW (gtk_widget_get_root (focus))))
        {
          g_autofree char *where = describe_focus ();
          g_error ("On the way to %s, the focus is lost or cannot be seen: %s", what, where);
        }
    }
  assert_focus_within (target, what);
}

/* As tab_to, for a control found anew at every stop: rows are built anew
 * when what they show changes. */
static void
tab_to_match (GtkWidget   *scope,
              WidgetMatch  match,
              const char  *text,
              const char  *key,
              const char  *what)
{
  for (guint i = 0; i < 80; i++)
    {
      GtkWidget *target = find_descendant (scope, match, text);

      if (target != NULL && focus_is_within (target))
        break;
      press (key);
    }
  assert_focus_within (find_descendant (scope, match, text), what);
}

static gboolean
is_stack_switcher (GtkWidget  *widget,
                   const char *unused)
{
  return GTK_IS_STACK_SWITCHER (widget);
}

static gboolean
is_drop_down (GtkWidget  *widget,
              const char *unused)
{
  return GTK_IS_DROP_DOWN (widget);
}

static gboolean
has_drop_down (gpointer widget)
{
  return find_descendant (widget, is_drop_down, NULL) != NULL;
}

static gboolean
is_check_button_labelled (GtkWidget  *widget,
                          const char *label)
{
  return GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

typedef struct
{
  Fixture    *f;
  GType       type;
  const char *field;
  const char *value;
} Wanted;

/* The first record with @field = @value. */
static CvRecord *
find_record (Wanted *wanted)
{
  g_autoptr(GPtrArray) records = cv_store_list (store_of (wanted->f), wanted->type, wanted->field, wanted->value,
                                                NULL);

  return records != NULL && records->len > 0 ? g_object_ref (g_ptr_array_index (records, 0)) : NULL;
}

static gboolean
record_exists (gpointer data)
{
  g_autoptr(CvRecord) record = find_record (data);

  return record != NULL;
}

static CvRecord *
wait_for_record (Fixture    *f,
                 GType       type,
                 const char *field,
                 const char *value)
{
  Wanted wanted = { f, type, field, value };
  g_autofree char *what = g_strdup_printf ("a %s whose %s is “%s”", g_type_name (type), field, value);

  wait_until (record_exists, &wanted, what);
  return find_record (&wanted);
}

/* A field of the one person listed at a session, read again from the store. */
static char *
attendance_field (Fixture    *f,
                  CvRecord   *session,
                  const char *field)
{
  g_autoptr(GPtrArray) listed = cv_store_list (store_of (f), CV_TYPE_ATTENDANCE, "session_id",
                                               cv_record_get_id (session), NULL);

  g_assert_nonnull (listed);
  g_assert_cmpuint (listed->len, ==, 1);
  if (g_str_equal (field, "paid"))
    return g_strdup (cv_record_get_boolean (g_ptr_array_index (listed, 0), "paid") ? "yes" : "no");
  return g_strdup (cv_record_get_string (g_ptr_array_index (listed, 0), field));
}

typedef struct
{
  Fixture    *f;
  CvRecord   *session;
  const char *field;
  const char *was;
} Change;

static gboolean
attendance_changed (gpointer data)
{
  Change *change = data;
  g_autofree char *now = attendance_field (change->f, change->session, change->field);

  return g_strcmp0 (now, change->was) != 0;
}

static gboolean
active_is (gpointer type)
{
  GtkWindow *window = find_toplevel (GPOINTER_TO_SIZE (type));

  return window != NULL && gtk_window_is_active (window);
}

/* The journey of issue 18, by the keyboard alone: a new programme, a
 * person, a session and who came, what was said, an action agreed and
 * done, the session's "You said, we did", and a conversation from a guide.
 * Only key presses do the steps; the test looks at where the focus is and
 * at what was stored. */
static void
test_journey (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *new_programme = find_descendant (GTK_WIDGET (f->window), is_button_labelled, "_New Programme");
  GtkWidget *view_list = child (f->window, CV_TYPE_WINDOW, "view_list");
  CvStakeholdersView *stakeholders = child (f->window, CV_TYPE_WINDOW, "stakeholders_view");
  CvSessionsView *sessions = child (f->window, CV_TYPE_WINDOW, "sessions_view");
  CvSessionEditor *session_editor = child (sessions, CV_TYPE_SESSIONS_VIEW, "editor");
  CvActionsView *actions = child (f->window, CV_TYPE_WINDOW, "actions_view");
  CvActionEditor *action_editor = child (actions, CV_TYPE_ACTIONS_VIEW, "editor");
  GtkWidget *add_people = find_descendant (GTK_WIDGET (session_editor), is_button_labelled, "_Add People…");
  CvProgrammeDialog *dialog;
  CvAttendeePicker *picker;
  g_autoptr(CvRecord) programme = NULL;
  g_autoptr(CvRecord) person = NULL;
  g_autoptr(CvRecord) session = NULL;
  g_autoptr(CvRecord) said = NULL;
  g_autoptr(CvRecord) action = NULL;

  /* 1. Nothing open yet: the focus starts on New Programme, not on the menu. */
  activate_window (f);
  /* (GTK draws the focus ring from the first key press on.) */
  wait_until (focus_is_within, new_programme, "the focus on New Programme, first");
  /* A look around: on to Import, back again. */
  press ("Tab");
  press ("<Shift>Tab");
  assert_focus_within (new_programme, "New Programme, again");
  press ("Return");
  wait_until (active_is, GSIZE_TO_POINTER (CV_TYPE_PROGRAMME_DIALOG), "the New Programme dialog");
  dialog = find_toplevel (CV_TYPE_PROGRAMME_DIALOG);
  assert_focus_within (child (dialog, CV_TYPE_PROGRAMME_DIALOG, "name_row"), "the programme's name");
  type ("Keyboard Programme");
  press ("Return");
  wait_until (window_is_gone, GSIZE_TO_POINTER (CV_TYPE_PROGRAMME_DIALOG), "the dialog to close");
  programme = wait_for_record (f, CV_TYPE_PROGRAMME, "name", "Keyboard Programme");
  /* What a window manager does when a dialog closes. The Enter that closed
   * the dialog went to the dialog, so this window shows its focus ring from
   * its own next key press on; where the focus is, is what counts here. */
  activate_window (f);
  wait_until (focus_is_within, view_list, "the focus on the list of views, once the programme is open");

  /* 2. Stakeholders: Down and Enter in the sidebar, Ctrl+N, a name. */
  press ("Down");
  press ("Return");
  assert_focus_within (GTK_WIDGET (stakeholders), "the stakeholders view");
  press ("<Control>n");
  assert_focus_within (child (child (stakeholders, CV_TYPE_STAKEHOLDERS_VIEW, "editor"), CV_TYPE_STAKEHOLDER_EDITOR,
                              "name_row"), "the new stakeholder's name");
  type ("Priya Shah");
  press ("Tab");
  person = wait_for_record (f, CV_TYPE_STAKEHOLDER, "name", "Priya Shah");

  /* 3. A session (Ctrl+3), then who came: Add People, search, Down, Space. */
  press ("<Control>3");
  assert_focus_within (GTK_WIDGET (sessions), "the sessions view");
  press ("<Control>n");
  assert_focus_within (child (session_editor, CV_TYPE_SESSION_EDITOR, "title_row"), "the new session's title");
  type ("Listening Event");
  tab_to (child (session_editor, CV_TYPE_SESSION_EDITOR, "starts_row"), "Tab", "when it starts");
  type ("2026-04-01 10:00");
  tab_to (add_people, "Tab", "Add People");
  session = wait_for_record (f, CV_TYPE_SESSION, "title", "Listening Event");
  press ("Return");
  wait_until (picker_is_active, NULL, "the Add People window");
  picker = find_toplevel (CV_TYPE_ATTENDEE_PICKER);
  assert_focus_within (child (picker, CV_TYPE_ATTENDEE_PICKER, "search_entry"), "the search for people");
  type ("Priya");
  press ("Down");
  assert_focus_within (child (picker, CV_TYPE_ATTENDEE_PICKER, "list_view"), "Priya, found");
  press ("space");
  tab_to (child (picker, CV_TYPE_ATTENDEE_PICKER, "add_button"), "Tab", "the Add button");
  press ("Return");
  wait_until (window_is_gone, GSIZE_TO_POINTER (CV_TYPE_ATTENDEE_PICKER), "the picker to close");
  activate_window (f);
  assert_focus_within (add_people, "Add People, given back");
  g_assert_cmpuint (listed_at (f, cv_record_get_id (session)), ==, 1);

  /* Her row: Space ticks "Paid"; her status is a drop-down that Space opens,
   * Down moves in and Enter chooses. */
  {
    GtkWidget *attendance_list = child (session_editor, CV_TYPE_SESSION_EDITOR, "attendance_list");
    GtkWidget *paid, *status;
    g_autofree char *status_was = NULL;
    g_autofree char *paid_was = NULL;
    guint before;

    wait_until (has_drop_down, attendance_list, "her row in the list");
    /* "Paid", beside her name: Space ticks it. */
    tab_to_match (attendance_list, is_check_button_labelled, "Paid", "Tab", "whether Priya Shah was paid");
    paid_was = attendance_field (f, session, "paid");
    press ("space");
    wait_until (attendance_changed, &(Change) { f, session, "paid", paid_was }, "her “Paid” to be ticked");
    /* The row is built anew; the focus stays on her "Paid". */
    paid = find_descendant (attendance_list, is_check_button_labelled, "Paid");
    assert_focus_within (paid, "“Paid”, ticked");
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (paid)));

    /* Her status, on the line below: Space opens it, Down, Enter chooses. */
    tab_to_match (attendance_list, is_drop_down, NULL, "Tab", "the status of Priya Shah");
    status = find_descendant (attendance_list, is_drop_down, NULL);
    before = gtk_drop_down_get_selected (GTK_DROP_DOWN (status));
    status_was = attendance_field (f, session, "status");
    press ("space");
    assert_focus_within (gtk_widget_get_last_child (status), "the list of statuses");
    press ("Down");
    press ("Return");
    wait_until (attendance_changed, &(Change) { f, session, "status", status_was }, "her status to change");
    status = find_descendant (attendance_list, is_drop_down, NULL);
    assert_focus_within (status, "her status, after the change");
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (status)), ==, before + 1);
  }

  /* 4. What was said: written, then Add What Was Said. */
  tab_to (child (session_editor, CV_TYPE_SESSION_EDITOR, "said_view"), "Tab", "what was said");
  type ("More buses on Sundays");
  tab_to (find_descendant (GTK_WIDGET (session_editor), is_button_labelled, "Add What Was _Said"), "Tab",
          "Add What Was Said");
  press ("Return");
  said = wait_for_record (f, CV_TYPE_CONTRIBUTION, "text", "More buses on Sundays");
  /* Ready for the next thing said. */
  assert_focus_within (child (session_editor, CV_TYPE_SESSION_EDITOR, "said_view"), "what was said, for the next");

  /* 5. An action agreed: its title, and Enter. */
  tab_to (child (session_editor, CV_TYPE_SESSION_EDITOR, "action_row"), "Tab", "Agree an Action");
  type ("Ask the council about Sunday buses");
  press ("Return");
  action = wait_for_record (f, CV_TYPE_ACTION, "title", "Ask the council about Sunday buses");
  g_assert_cmpstr (cv_record_get_string (action, "session_id"), ==, cv_record_get_id (session));

  /* 6. Done: in the actions (Ctrl+5), its status in the list, Space, Down
   * to Done, Enter; the editor asks what was done. */
  press ("<Control>5");
  assert_focus_within (GTK_WIDGET (actions), "the actions view");
  {
    GtkWidget *column_view = child (actions, CV_TYPE_ACTIONS_VIEW, "column_view");
    GtkWidget *status;

    wait_until (has_drop_down, column_view, "the action in the list");
    status = find_descendant (column_view, is_drop_down, NULL);
    tab_to (status, "Tab", "the action's status in the list");
    press ("space");
    assert_focus_within (gtk_widget_get_last_child (status), "the list of statuses");
    /* Done is the one before last (Dropped). */
    press ("End");
    press ("Up");
    press ("Return");
    /* Done asks what was done, in a dialog that has the keyboard. */
    wait_until (active_is, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the question of what was done");
    assert_focus_within (find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "what was done");
    g_assert_true (GTK_IS_TEXT (focus_widget ()));
    type ("The council added a Sunday service");
    press ("Return");
    wait_until (window_is_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the question to close");
    g_clear_object (&action);
    action = wait_for_record (f, CV_TYPE_ACTION, "status", "done");
    g_assert_cmpstr (cv_record_get_string (action, "outcome"), ==, "The council added a Sunday service");
    activate_window (f);
    assert_focus_within (GTK_WIDGET (action_editor), "the action, once done");
  }

  /* 7. "You said, we did": back to the session (Ctrl+3), its button, Enter;
   * Escape closes the review and the focus is where it was. */
  press ("<Control>3");
  {
    GtkWidget *review_button = child (session_editor, CV_TYPE_SESSION_EDITOR, "review_button");

    tab_to (review_button, "Tab", "You Said, We Did");
    press ("Return");
    wait_until (active_is, GSIZE_TO_POINTER (CV_TYPE_REVIEW_WINDOW), "the review");
    assert_focus_within (find_toplevel (CV_TYPE_REVIEW_WINDOW), "the review");
    /* Its text scrolls from the keyboard, and Save as PDF is a Tab away. */
    tab_to_match (find_toplevel (CV_TYPE_REVIEW_WINDOW), is_button_labelled, "Save as _PDF…", "Tab", "Save as PDF");
    press ("Escape");
    wait_until (window_is_gone, GSIZE_TO_POINTER (CV_TYPE_REVIEW_WINDOW), "the review to close");
    activate_window (f);
    assert_focus_within (review_button, "You Said, We Did, given back");
  }

  /* 8. A conversation from a guide (Ctrl+7). */
  press ("<Control>7");
  {
    GtkWidget *guides = GTK_WIDGET (child (f->window, CV_TYPE_WINDOW, "guides_view"));
    GtkWidget *switcher = find_descendant (guides, is_stack_switcher, NULL);
    GtkWidget *library = gtk_widget_get_next_sibling (gtk_widget_get_first_child (switcher));
    GtkWidget *guide_list = child (guides, CV_TYPE_GUIDES_VIEW, "guide_list");
    CvConversationWindow *conversation;
    GtkWidget *input_box;
    GtkLabel *position;
    g_autofree char *first_position = NULL;
    g_autoptr(CvRecord) conversation_record = NULL;

    assert_focus_within (guides, "the guides view");
    /* The library is the switcher's second page: Space shows it. */
    tab_to (library, "Tab", "the guide library's tab");
    press ("space");
    tab_to (guide_list, "Tab", "the guide library");
    press ("Return");
    tab_to_match (guides, is_entry_row_titled, "Person Reference", "Tab", "the person reference");
    type ("EF-9");
    tab_to_match (guides, is_button_labelled, "_Start Conversation", "Tab", "Start Conversation");
    press ("Return");
    wait_until (active_is, GSIZE_TO_POINTER (CV_TYPE_CONVERSATION_WINDOW), "the conversation");
    conversation = find_toplevel (CV_TYPE_CONVERSATION_WINDOW);
    input_box = child (conversation, CV_TYPE_CONVERSATION_WINDOW, "input_box");
    position = child (conversation, CV_TYPE_CONVERSATION_WINDOW, "position_label");
    /* The first question's answer has the keyboard. */
    assert_focus_within (input_box, "the first answer");
    first_position = g_strdup (gtk_label_get_text (position));
    type ("Lives alone");
    /* Alt+Right: the next question, its answer ready to be written. */
    press ("<Alt>Right");
    g_assert_cmpstr (gtk_label_get_text (position), !=, first_position);
    assert_focus_within (input_box, "the second answer");
    /* Tab reaches Skip and Next, and comes back round to the answer. */
    tab_to_match (GTK_WIDGET (conversation), is_button_labelled, "_Next", "Tab", "Next");
    tab_to (input_box, "Tab", "the answer, round again");
    press ("Escape");
    wait_until (window_is_gone, GSIZE_TO_POINTER (CV_TYPE_CONVERSATION_WINDOW), "the conversation to close");
    g_clear_object (&conversation_record);
    conversation_record = wait_for_record (f, CV_TYPE_CONVERSATION, "person_ref", "EF-9");
    activate_window (f);
    /* Back in the window that a window manager would give the keyboard: the
     * focus is where the conversation was started from. GTK shows the ring
     * again at the next key press, which the last one (Escape, in the
     * conversation's window) was not; under AddressSanitizer the window is
     * activated before it could take it from an earlier one. */
    wait_until (focus_is_within, guides, "the guide the conversation was started from");
  }
}

/* Types @text as a keyboard does, capitals and punctuation with Shift. */
static void
type_text (const char *text)
{
  Display *display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());

  for (const char *p = text; *p != '\0'; p++)
    {
      KeySym keysym = gdk_unicode_to_keyval ((guchar) *p);
      KeyCode code = XKeysymToKeycode (display, keysym);
      gboolean shift;

      g_assert_cmpuint (code, !=, 0);
      /* The key gives this character only with Shift (A, :, ?). */
      shift = XkbKeycodeToKeysym (display, code, 0, 0) != keysym;
      if (shift)
        fake_key (display, GDK_KEY_Shift_L, TRUE);
      XTestFakeKeyEvent (display, code, True, CurrentTime);
      XTestFakeKeyEvent (display, code, False, CurrentTime);
      if (shift)
        fake_key (display, GDK_KEY_Shift_L, FALSE);
    }
  XSync (display, False);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
is_button_with_tooltip (GtkWidget  *widget,
                        const char *tooltip)
{
  return (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
keep_awake_cb (gpointer unused)
{
  return G_SOURCE_CONTINUE;
}

/* Within its window's sight: scrolled to, not below the fold. */
static gboolean
in_sight (gpointer widget)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, window, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window);
}

/* Where a person clicks, before they type: on something they can see. */
static void
click_into (GtkWidget  *widget,
            const char *what)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  gtk_widget_grab_focus (widget);
  wait_until (focus_is_within, widget, what);
  /* As a person scrolls with the wheel when it is out of sight. */
  if (!in_sight (widget) && scroller != NULL)
    {
      /* What the viewport scrolls: its position in it is the value to scroll to. */
      GtkWidget *content = gtk_widget_get_first_child (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)));
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (widget, content, &bounds));
      gtk_adjustment_set_value (adjustment, bounds.origin.y - 24);
    }
  wait_until (in_sight, widget, what);
}

static gboolean
has_id_cb (gpointer editor)
{
  return cv_session_editor_get_id (editor) != NULL;
}

static gboolean
stakeholder_saved_cb (gpointer editor)
{
  return cv_stakeholder_editor_get_id (editor) != NULL;
}

typedef struct
{
  CvStore    *store;
  GType       type;
  const char *id;
  const char *field;
  const char *value;
} Stored;

static gboolean
stored_cb (gpointer data)
{
  Stored *want = data;
  g_autoptr(CvRecord) record = cv_store_load (want->store, want->type, want->id, NULL);

  return record != NULL && g_strcmp0 (cv_record_get_string (record, want->field), want->value) == 0;
}

static gboolean
programme_open_cb (gpointer window)
{
  return cv_window_get_programme_id (window) != NULL && find_toplevel (CV_TYPE_PROGRAMME_DIALOG) == NULL;
}

static gboolean
message_dialog_active_cb (gpointer unused)
{
  GtkWindow *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && gtk_window_is_active (dialog);
}

static gboolean
dialog_active_cb (gpointer type)
{
  GtkWindow *dialog = find_toplevel (GPOINTER_TO_SIZE (type));

  return dialog != NULL && gtk_window_is_active (dialog);
}

static guint
count_of (CvStore    *store,
          GType       type,
          const char *field,
          const char *value)
{
  g_autoptr(GPtrArray) records = cv_store_list (store, type, field, value, NULL);

  g_assert_nonnull (records);
  return records->len;
}

typedef struct
{
  CvStore    *store;
  const char *session;
  guint       n;
} Count;

static gboolean
contributions_are_cb (gpointer data)
{
  Count *want = data;

  return count_of (want->store, CV_TYPE_CONTRIBUTION, "session_id", want->session) == want->n;
}

static gboolean
actions_are_cb (gpointer data)
{
  Count *want = data;

  return count_of (want->store, CV_TYPE_ACTION, "session_id", want->session) == want->n;
}

static gboolean
is_label_with (GtkWidget  *widget,
               const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static guint
times_in (const char *text,
          const char *part)
{
  guint n = 0;

  for (const char *at = strstr (text, part); at != NULL; at = strstr (at + 1, part))
    n++;
  return n;
}

/* The review shows the theme, below it the quote, below that what was done. */
static gboolean
review_in_order_cb (gpointer review)
{
  GtkWidget *heading = find_descendant (review, is_label_with, "Better care of staff");
  GtkWidget *said_label = find_descendant (review, is_label_with, "Parking costs care workers a fortune.");
  GtkWidget *done_label = find_descendant (review, is_label_with, "Permits issued to 120 care workers.");
  graphene_point_t at_heading, at_quote, at_done;

  return heading != NULL && said_label != NULL && done_label != NULL &&
         gtk_widget_compute_point (heading, review, &GRAPHENE_POINT_INIT (0, 0), &at_heading) &&
         gtk_widget_compute_point (said_label, review, &GRAPHENE_POINT_INIT (0, 0), &at_quote) &&
         gtk_widget_compute_point (done_label, review, &GRAPHENE_POINT_INIT (0, 0), &at_done) &&
         at_heading.y < at_quote.y && at_quote.y < at_done.y;
}

/* Types a new theme's name in the session's themes popover, Enter, Escape. */
static void
theme_by_keyboard (CvSessionEditor *editor,
                   const char      *name)
{
  GtkWidget *button = find_descendant (GTK_WIDGET (editor), is_menu_button_labelled, "Choose _Themes…");
  GtkWidget *entry = child (editor, CV_TYPE_SESSION_EDITOR, "new_theme_entry");
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));

  click_into (button, "the Choose Themes button");
  press ("Return");
  assert_focus_within (entry, "the new theme's name, as the popover opens");
  type_text (name);
  press ("Return");
  press ("Escape");
  wait_until (popover_is_closed, popover, "the themes popover to close");
}

/* The engagement loop by keyboard, where a person would use it: a new
 * programme, two people, a session they attended, two things said with
 * their themes, an action agreed from the first, its owner and date, done
 * with what was done; the next session's review and its PDF tell the quote
 * and the outcome under the same theme, once each. */
static void
test_engagement_loop (Fixture       *f,
                      gconstpointer  data)
{
  CvSessionsView *sessions = child (f->window, CV_TYPE_WINDOW, "sessions_view");
  CvSessionEditor *editor = child (sessions, CV_TYPE_SESSIONS_VIEW, "editor");
  CvStakeholdersView *people = child (f->window, CV_TYPE_WINDOW, "stakeholders_view");
  CvStakeholderEditor *person = child (people, CV_TYPE_STAKEHOLDERS_VIEW, "editor");
  CvActionsView *actions = child (f->window, CV_TYPE_WINDOW, "actions_view");
  CvActionEditor *action_editor = child (actions, CV_TYPE_ACTIONS_VIEW, "editor");
  const char *quote = "Parking costs care workers a fortune.";
  const char *outcome = "Permits issued to 120 care workers.";
  const char *names[] = { "Amira Patel", "Gwen Morgan" };
  g_autofree char *gwen = NULL;
  g_autofree char *first = NULL;
  g_autofree char *expected_start = cv_utc_from_local ("2018-03-01 10:00", NULL, NULL);
  g_autofree char *pdf_path = NULL;
  g_autoptr(GPtrArray) agreed = NULL;
  g_autoptr(GPtrArray) said = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) pdf = NULL;
  CvRecord *action;
  CvStore *store;
  CvReviewWindow *review;
  GtkWidget *w;
  guint tick;

  /* Waits wake up at least this often, to see their time is up. */
  tick = g_timeout_add (100, keep_awake_cb, NULL);

  /* A new programme: its name, Enter. */
  activate_window (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-programme", NULL);
  wait_until (dialog_active_cb, GSIZE_TO_POINTER (CV_TYPE_PROGRAMME_DIALOG), "the New Programme dialog");
  click_into (child (find_toplevel (CV_TYPE_PROGRAMME_DIALOG), CV_TYPE_PROGRAMME_DIALOG, "name_row"),
              "the programme's name");
  type_text ("Home care collaborative");
  press ("Return");
  wait_until (programme_open_cb, f->window, "the new programme");
  store = store_of (f);
  activate_window (f);

  /* Two people, each typed in a new page. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      cv_window_show_view (f->window, "stakeholders");
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL);
      click_into (child (person, CV_TYPE_STAKEHOLDER_EDITOR, "name_row"), "a new person's name");
      type_text (names[i]);
      wait_until (stakeholder_saved_cb, person, "the person to be saved");
    }
  gwen = g_strdup (cv_stakeholder_editor_get_id (person));

  /* A session: its title, Tab, its start. */
  cv_window_show_view (f->window, "sessions");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL);
  click_into (child (editor, CV_TYPE_SESSION_EDITOR, "title_row"), "the session's title");
  type_text ("Spring listening event");
  wait_until (has_id_cb, editor, "the session to be saved");
  first = g_strdup (cv_session_editor_get_id (editor));
  click_into (child (editor, CV_TYPE_SESSION_EDITOR, "starts_row"), "the session's start");
  type_text ("2018-03-01 10:00");
  {
    Stored want = { store, CV_TYPE_SESSION, first, "starts_at", expected_start };

    wait_until (stored_cb, &want, "the start to be saved");
  }

  /* Both of them there: Add People, search, Down, Space, Down, Space, Add. */
  click_into (find_descendant (GTK_WIDGET (editor), is_button_labelled, "_Add People…"), "the Add People button");
  press ("Return");
  wait_until (picker_is_active, NULL, "the Add People window");
  {
    CvAttendeePicker *picker = find_toplevel (CV_TYPE_ATTENDEE_PICKER);
    GtkWidget *list_view = child (picker, CV_TYPE_ATTENDEE_PICKER, "list_view");
    GtkWidget *add_button = child (picker, CV_TYPE_ATTENDEE_PICKER, "add_button");

    g_autoptr(CvRecord) amira = NULL;
    g_autoptr(GPtrArray) both = cv_store_list (store, CV_TYPE_STAKEHOLDER, "programme_id",
                                               cv_window_get_programme_id (f->window), NULL);

    /* Ticking people in the list by keyboard is /ui/keyboard/add-people. */
    for (guint i = 0; i < both->len; i++)
      cv_attendee_picker_toggle (picker, cv_record_get_id (g_ptr_array_index (both, i)));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (add_button)), ==, "_Add 2 People");
    click_into (list_view, "the people found");
    press ("Tab");
    press ("Tab");
    assert_focus_within (add_button, "the Add button");
  }
  press ("Return");
  wait_until (window_is_gone, GSIZE_TO_POINTER (CV_TYPE_ATTENDEE_PICKER), "the picker to close");
  g_assert_cmpuint (listed_at (f, first), ==, 2);
  /* With no window manager, nobody gives the window the keyboard back. */
  activate_window (f);

  /* Two things said, each typed and entered with Enter, with their themes. */
  w = child (editor, CV_TYPE_SESSION_EDITOR, "said_view");
  click_into (w, "what was said");
  type_text (quote);
  theme_by_keyboard (editor, "Better care of staff");
  theme_by_keyboard (editor, "Financing");
  click_into (w, "what was said, again");
  press ("Return");
  {
    Count want = { store, first, 1 };

    wait_until (contributions_are_cb, &want, "the first thing said to be stored");
  }
  assert_focus_within (w, "what was said, ready for the next");
  type_text ("Nobody tells us when the carer is late.");
  theme_by_keyboard (editor, "Better care of staff");
  click_into (w, "what was said, again");
  press ("Return");
  {
    Count want = { store, first, 2 };

    wait_until (contributions_are_cb, &want, "the second thing said to be stored");
  }
  said = cv_store_list (store, CV_TYPE_CONTRIBUTION, "session_id", first, &error);
  g_assert_cmpuint (g_strv_length ((char **) cv_record_get_list (g_ptr_array_index (said, 0), "themes")), ==, 2);

  /* "Agree an Action" from the first: Enter on its button, the title, Enter. */
  {
    CvPagedRows *rows = child (editor, CV_TYPE_SESSION_EDITOR, "contribution_list");
    GtkWidget *row;

    gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    /* The list is rebuilt once the store has told of the change, in a
     * worker thread: wait for what is pending, then for the rows. */
    for (guint settle = 0; settle < 2; settle++)
      {
        while (g_main_context_pending (NULL))
          g_main_context_iteration (NULL, FALSE);
        while (cv_paged_rows_is_loading (rows) && g_get_monotonic_time () < until)
          g_main_context_iteration (NULL, TRUE);
        g_assert_false (cv_paged_rows_is_loading (rows));
      }
    row = gtk_widget_get_first_child (GTK_WIDGET (cv_paged_rows_get_list_box (rows)));
    g_assert_nonnull (find_descendant (row, is_label_with, quote));
    click_into (find_descendant (row, is_button_with_tooltip, "Agree an Action That Answers This"),
                "Agree an Action beside the quote");
  }
  press ("Return");
  assert_focus_within (child (editor, CV_TYPE_SESSION_EDITOR, "action_row"), "the action's title");
  type_text ("Parking permits for care workers");
  press ("Return");
  {
    Count want = { store, first, 1 };

    wait_until (actions_are_cb, &want, "the action to be stored");
  }
  agreed = cv_store_list (store, CV_TYPE_ACTION, "session_id", first, &error);
  action = g_ptr_array_index (agreed, 0);
  g_assert_cmpstr (cv_record_get_list (action, "answers")[0], ==, cv_record_get_id (g_ptr_array_index (said, 0)));

  /* Its page: the owner found by name and Enter, a due date, Done with what was done. */
  cv_window_open_record (f->window, "action", cv_record_get_id (action));
  g_assert_cmpstr (cv_action_editor_get_id (action_editor), ==, cv_record_get_id (action));
  click_into (find_descendant (GTK_WIDGET (action_editor), is_button_with_tooltip, "Choose the Owner"),
              "the owner's Choose button");
  press ("Return");
  assert_focus_within (child (child (action_editor, CV_TYPE_ACTION_EDITOR, "owner_chooser"),
                              CV_TYPE_STAKEHOLDER_CHOOSER, "search_entry"), "the owner's search");
  type_text ("Gwen");
  press ("Return");
  {
    Stored want = { store, CV_TYPE_ACTION, cv_record_get_id (action), "owner_id", gwen };

    wait_until (stored_cb, &want, "the owner to be saved");
  }
  click_into (child (action_editor, CV_TYPE_ACTION_EDITOR, "due_row"), "the due date");
  type_text ("2018-05-31");
  {
    Stored want = { store, CV_TYPE_ACTION, cv_record_get_id (action), "due_on", "2018-05-31" };

    wait_until (stored_cb, &want, "the due date to be saved");
  }
  adw_combo_row_set_selected (child (action_editor, CV_TYPE_ACTION_EDITOR, "status_row"), 3);   /* done */
  wait_until (message_dialog_active_cb, NULL, "the What Was Done dialog");
  type_text (outcome);
  press ("Return");
  {
    Stored want = { store, CV_TYPE_ACTION, cv_record_get_id (action), "status", "done" };

    wait_until (stored_cb, &want, "the action to be done");
  }
  activate_window (f);

  /* The next session, and its review by Enter on its button. */
  cv_window_show_view (f->window, "sessions");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-record", NULL);
  click_into (child (editor, CV_TYPE_SESSION_EDITOR, "title_row"), "the next session's title");
  type_text ("Summer meeting");
  wait_until (has_id_cb, editor, "the next session to be saved");
  click_into (child (editor, CV_TYPE_SESSION_EDITOR, "starts_row"), "the next session's start");
  type_text ("2018-06-06 10:00");
  g_assert_true (cv_session_editor_save_pending (editor));
  click_into (child (editor, CV_TYPE_SESSION_EDITOR, "review_button"), "the review button");
  press ("Return");
  wait_until (dialog_active_cb, GSIZE_TO_POINTER (CV_TYPE_REVIEW_WINDOW), "the review");
  review = find_toplevel (CV_TYPE_REVIEW_WINDOW);
  /* The review is read in a worker thread: wait until it is laid out. */
  wait_until (review_in_order_cb, review, "the theme, then the quote, then what was done, in the review");

  /* The PDF says the same: the quote and the outcome once each, under the theme. */
  pdf_path = g_build_filename (f->dir, "loop.pdf", NULL);
  pdf = g_file_new_for_path (pdf_path);
  g_assert_true (cv_review_window_save_pdf (review, pdf, &error));
  g_assert_no_error (error);
  {
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    g_autofree char *command = g_strdup_printf ("pdftotext -layout %s -", pdf_path);
    g_autofree char *text = NULL;
    int status = 0;

    if (pdftotext == NULL)
      {
        g_test_message ("pdftotext is not installed: only checked that the PDF was written");
      }
    else
      {
        g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, NULL));
        g_assert_cmpint (status, ==, 0);
        g_assert_cmpuint (times_in (text, quote), ==, 1);
        g_assert_cmpuint (times_in (text, outcome), ==, 1);
        g_assert_nonnull (strstr (text, "Better care of staff"));
        g_assert_true (strstr (text, "Better care of staff") < strstr (text, quote));
        g_assert_true (strstr (text, quote) < strstr (text, outcome));
      }
  }
  gtk_window_destroy (GTK_WINDOW (review));
  g_source_remove (tick);
}

static gboolean
retention_read_cb (gpointer window)
{
  return !cv_retention_window_is_loading (window) && cv_retention_window_get_n_people (window) > 0 &&
         find_descendant (window, is_button_labelled, "_Keep…") != NULL;
}

static gboolean
nobody_past_cb (gpointer window)
{
  return !cv_retention_window_is_loading (window) && cv_retention_window_get_n_people (window) == 0;
}

static gboolean
no_message_dialog_cb (gpointer unused)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* Enter answers each dialog a person types in, as its default button does:
 * New Programme (from any field, and only once it has a name), Edit
 * Programme, Keep with a reason; a destructive question answers Enter
 * with its safe choice. */
static void
test_dialogs_enter (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) unseen = cv_record_new (CV_TYPE_STAKEHOLDER);
  g_autoptr(CvRecord) theme = cv_record_new (CV_TYPE_THEME);
  CvProgrammeDialog *dialog;
  CvRetentionWindow *retention;
  g_autofree char *pid = NULL;
  CvStore *store;
  guint tick = g_timeout_add (100, keep_awake_cb, NULL);

  /* New Programme: Enter in another field does nothing without a name, then creates it. */
  activate_window (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-programme", NULL);
  wait_until (dialog_active_cb, GSIZE_TO_POINTER (CV_TYPE_PROGRAMME_DIALOG), "the New Programme dialog");
  dialog = find_toplevel (CV_TYPE_PROGRAMME_DIALOG);
  click_into (child (dialog, CV_TYPE_PROGRAMME_DIALOG, "locality_row"), "the programme's locality");
  type_text ("Gwynedd");
  press ("Return");
  g_assert_true (find_toplevel (CV_TYPE_PROGRAMME_DIALOG) == dialog);
  click_into (child (dialog, CV_TYPE_PROGRAMME_DIALOG, "name_row"), "the programme's name");
  type_text ("Carers voices");
  press ("Return");
  wait_until (programme_open_cb, f->window, "the new programme");
  store = store_of (f);
  pid = g_strdup (cv_window_get_programme_id (f->window));

  /* Edit Programme: a new name; a number of years, Enter there. */
  activate_window (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.rename-programme", NULL);
  wait_until (dialog_active_cb, GSIZE_TO_POINTER (CV_TYPE_PROGRAMME_DIALOG), "the Edit Programme dialog");
  dialog = find_toplevel (CV_TYPE_PROGRAMME_DIALOG);
  click_into (child (dialog, CV_TYPE_PROGRAMME_DIALOG, "name_row"), "the programme's name");
  press ("End");
  type_text (" Gwynedd");
  click_into (child (dialog, CV_TYPE_PROGRAMME_DIALOG, "retention_spin"), "the years people are kept");
  press ("<Control>a");
  type_text ("4");
  press ("Return");
  {
    Stored want = { store, CV_TYPE_PROGRAMME, pid, "name", "Carers voices Gwynedd" };

    wait_until (stored_cb, &want, "the new name to be saved");
  }
  wait_until (programme_open_cb, f->window, "the Edit Programme dialog to close");
  g_assert_cmpuint (cv_retention_get_years (store, pid), ==, 4);

  /* Keep: a reason typed, Enter keeps them. */
  g_object_set (unseen, "programme-id", pid, "name", "Alun Unseen", NULL);
  cv_record_set_timestamps (unseen, "2019-05-01T09:00:00Z", "2019-05-01T09:00:00Z");
  g_assert_true (cv_store_insert (store, unseen, &error));
  g_assert_true (cv_retention_set_years (store, pid, 3, &error));
  g_assert_no_error (error);
  cv_window_show_view (f->window, "stakeholders");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (child (f->window, CV_TYPE_WINDOW, "stakeholders_view")),
                                             "stakeholders.show-retention", NULL));
  wait_until (dialog_active_cb, GSIZE_TO_POINTER (CV_TYPE_RETENTION_WINDOW), "People Past Retention");
  retention = find_toplevel (CV_TYPE_RETENTION_WINDOW);
  wait_until (retention_read_cb, retention, "the people past retention");
  click_into (find_descendant (GTK_WIDGET (retention), is_button_labelled, "_Keep…"), "Keep beside Alun");
  press ("Return");
  wait_until (message_dialog_active_cb, NULL, "the Keep dialog");
  type_text ("Safeguarding case open");
  press ("Return");
  wait_until (nobody_past_cb, retention, "Alun to be kept");
  {
    g_autoptr(GPtrArray) past = cv_retention_past (store, pid, "2026-12-02", TRUE, &error);

    g_assert_cmpuint (past->len, ==, 1);
    g_assert_cmpstr (((CvRetentionEntry *)g_ptr_array_index (past, 0))->kept_reason, ==, "Safeguarding case open");
  }
  gtk_window_destroy (GTK_WINDOW (retention));

  /* Delete Theme: Enter is Cancel, and the theme stays. */
  g_object_set (theme, "programme-id", pid, "name", "Transport", NULL);
  g_assert_true (cv_store_insert (store, theme, &error));
  activate_window (f);
  cv_window_open_record (f->window, "theme", cv_record_get_id (theme));
  click_into (find_descendant (child (f->window, CV_TYPE_WINDOW, "themes_view"), is_button_labelled,
                               "_Delete Theme…"), "Delete Theme");
  press ("Return");
  wait_until (message_dialog_active_cb, NULL, "the Delete Theme question");
  press ("Return");
  wait_until (no_message_dialog_cb, NULL, "the question to be answered");
  g_assert_cmpint (cv_store_count (store, CV_TYPE_THEME, "id", cv_record_get_id (theme), NULL), ==, 1);
  g_source_remove (tick);
}

static CvRecord *
stored (CvStore    *store,
        GType       type,
        const char *first_property,
        ...)
{
  g_autoptr(GError) error = NULL;
  CvRecord *record = cv_record_new (type);
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (record), first_property, args);
  va_end (args);
  g_assert_true (cv_store_insert (store, record, &error));
  g_assert_no_error (error);
  return record;
}

static const char *
view_shown (Fixture *f)
{
  return gtk_stack_get_visible_child_name (child (f->window, CV_TYPE_WINDOW, "view_stack"));
}

/* The focus is in a text field with nothing selected, or not in one. */
static void
assert_nothing_selected (const char *where)
{
  GtkWidget *focus = focus_widget ();

  if (focus != NULL && GTK_IS_EDITABLE (focus) && gtk_editable_get_selection_bounds (GTK_EDITABLE (focus), NULL, NULL))
    g_error ("%s: the text “%s” is selected, and a key press would replace it", where,
             gtk_editable_get_text (GTK_EDITABLE (focus)));
}

/* A theme opened from its chip on an action's page: the focus lands in its
 * name without selecting it, so a stray key cannot wipe it; one Alt+Left,
 * from inside the name, goes back to the action (nothing selected there
 * either); one more, from inside the action's title, back to where the
 * action was opened from. */
static void
test_mention_focus_and_back (Fixture       *f,
                             gconstpointer  data)
{
  CvStore *store = store_of (f);
  g_autoptr(CvRecord) programme = stored (store, CV_TYPE_PROGRAMME, "name", "Carers voices", NULL);
  const char *pid = cv_record_get_id (programme);
  g_autoptr(CvRecord) theme = stored (store, CV_TYPE_THEME, "programme-id", pid, "name", "Transport", NULL);
  const char *themes[] = { cv_record_get_id (theme), NULL };
  g_autoptr(CvRecord) action = stored (store, CV_TYPE_ACTION, "programme-id", pid, "title", "Ask for a later bus",
                                       "themes", themes, NULL);
  CvActionEditor *editor = child (child (f->window, CV_TYPE_WINDOW, "actions_view"), CV_TYPE_ACTIONS_VIEW, "editor");
  GtkWidget *name_row = child (child (f->window, CV_TYPE_WINDOW, "themes_view"), CV_TYPE_THEMES_VIEW, "name_row");
  guint tick = g_timeout_add (100, keep_awake_cb, NULL);

  cv_window_set_programme (f->window, pid);
  activate_window (f);
  cv_window_open_record (f->window, "action", cv_record_get_id (action));
  click_into (find_descendant (GTK_WIDGET (editor), is_button_with_tooltip, "Open the Theme “Transport”"),
              "the action's theme chip");
  press ("Return");
  g_assert_cmpstr (view_shown (f), ==, "themes");
  wait_until (focus_is_within, name_row, "the focus in the theme's name, as its page opens");
  assert_nothing_selected ("the theme opened from its chip");
  press ("x");
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (name_row)), "Transport"));

  press ("<Alt>Left");
  g_assert_cmpstr (view_shown (f), ==, "actions");
  g_assert_cmpstr (cv_action_editor_get_id (editor), ==, cv_record_get_id (action));
  assert_nothing_selected ("the action, back on its page");
  click_into (child (editor, CV_TYPE_ACTION_EDITOR, "title_row"), "the action's title");
  press ("<Alt>Left");
  g_assert_cmpstr (view_shown (f), ==, "overview");
  g_source_remove (tick);
}

typedef struct
{
  CvStore    *store;
  const char *action;
  guint       n;
  const char *text;
} Notes;

static gboolean
notes_are_cb (gpointer data)
{
  Notes *want = data;
  g_autoptr(GPtrArray) notes = cv_store_list (want->store, CV_TYPE_ACTION_UPDATE, "action_id", want->action, NULL);

  return notes->len == want->n &&
         (want->text == NULL || g_strcmp0 (cv_record_get_string (g_ptr_array_index (notes, 0), "text"), want->text) == 0);
}

typedef struct
{
  CvStore     *store;
  const char  *theme;
  GtkTextView *view;
} Description;

/* What is stored is what the field shows. */
static gboolean
description_saved_cb (gpointer data)
{
  Description *want = data;
  g_autoptr(CvRecord) theme = cv_store_load (want->store, CV_TYPE_THEME, want->theme, NULL);
  g_autofree char *shown = cv_text_view_get_text (want->view);

  return g_strcmp0 (cv_record_get_string (theme, "description"), shown) == 0;
}

/* A progress note and a theme's description take several lines (Shift+Enter);
 * Enter adds the note, and Undo takes it back; the description is saved
 * as it is typed, and Ctrl+Z undoes typing there as in every text field. */
static void
test_multi_line_fields (Fixture       *f,
                        gconstpointer  data)
{
  CvStore *store = store_of (f);
  g_autoptr(CvRecord) programme = stored (store, CV_TYPE_PROGRAMME, "name", "Carers voices", NULL);
  const char *pid = cv_record_get_id (programme);
  g_autoptr(CvRecord) theme = stored (store, CV_TYPE_THEME, "programme-id", pid, "name", "Transport", NULL);
  g_autoptr(CvRecord) action = stored (store, CV_TYPE_ACTION, "programme-id", pid, "title", "Ask for a later bus", NULL);
  CvActionEditor *editor = child (child (f->window, CV_TYPE_WINDOW, "actions_view"), CV_TYPE_ACTIONS_VIEW, "editor");
  GtkTextView *note = child (editor, CV_TYPE_ACTION_EDITOR, "update_view");
  GtkTextView *about = child (child (f->window, CV_TYPE_WINDOW, "themes_view"), CV_TYPE_THEMES_VIEW, "description_view");
  g_autofree char *typed = NULL;
  guint tick = g_timeout_add (100, keep_awake_cb, NULL);

  cv_window_set_programme (f->window, pid);
  activate_window (f);
  cv_window_open_record (f->window, "action", cv_record_get_id (action));
  click_into (GTK_WIDGET (note), "the new progress note");
  type_text ("Called the council.");
  press ("<Shift>Return");
  type_text ("They will ring back.");
  press ("Return");
  {
    Notes want = { store, cv_record_get_id (action), 1, "Called the council.\nThey will ring back." };

    wait_until (notes_are_cb, &want, "the note of two lines to be added");
  }
  typed = cv_text_view_get_text (note);
  g_assert_cmpstr (typed, ==, "");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  {
    Notes want = { store, cv_record_get_id (action), 0, NULL };

    wait_until (notes_are_cb, &want, "Undo to take the note back");
  }

  cv_window_open_record (f->window, "theme", cv_record_get_id (theme));
  click_into (GTK_WIDGET (about), "the theme's description");
  type_text ("Getting about.");
  press ("<Shift>Return");
  type_text ("Buses and parking.");
  {
    Stored want = { store, CV_TYPE_THEME, cv_record_get_id (theme), "description",
                    "Getting about.\nBuses and parking." };

    wait_until (stored_cb, &want, "the description of two lines to be saved");
  }
  press ("<Control>z");
  g_free (typed);
  typed = cv_text_view_get_text (about);
  g_assert_cmpstr (typed, !=, "Getting about.\nBuses and parking.");
  {
    Description want = { store, cv_record_get_id (theme), about };

    wait_until (description_saved_cb, &want, "what Undo left to be saved");
  }
  g_source_remove (tick);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cv_application_setup_i18n ();
  gtk_init ();
  adw_init ();

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_message ("Key presses are sent through X; this display is not X11");
      return 77;
    }

  g_test_add ("/ui/keyboard/journey", Fixture, NULL, fixture_set_up, test_journey, fixture_tear_down);
  g_test_add ("/ui/keyboard/add-people", Fixture, NULL, fixture_set_up, test_add_people, fixture_tear_down);
  g_test_add ("/ui/keyboard/themes-popover", Fixture, NULL, fixture_set_up, test_themes_popover, fixture_tear_down);
  g_test_add ("/ui/keyboard/view-shortcuts", Fixture, NULL, fixture_set_up, test_view_shortcuts, fixture_tear_down);
  g_test_add ("/ui/keyboard/engagement-loop", Fixture, NULL, fixture_set_up, test_engagement_loop, fixture_tear_down);
  g_test_add ("/ui/keyboard/dialogs-enter", Fixture, NULL, fixture_set_up, test_dialogs_enter, fixture_tear_down);
  g_test_add ("/ui/keyboard/mention-focus-and-back", Fixture, NULL, fixture_set_up, test_mention_focus_and_back,
              fixture_tear_down);
  g_test_add ("/ui/keyboard/multi-line-fields", Fixture, NULL, fixture_set_up, test_multi_line_fields,
              fixture_tear_down);

  return g_test_run ();
}
