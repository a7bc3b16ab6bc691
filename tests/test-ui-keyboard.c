/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The keyboard alone: real key presses, sent through the X server (XTest)
 * as a keyboard sends them, so that GTK's own focus handling, key bindings
 * and Convene's shortcuts all take part. After each key the test asserts
 * where the focus is. Nothing a person does is done by calling a widget.
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <string.h>

#include "cv-action.h"
#include "cv-action-editor.h"
#include "cv-actions-view.h"
#include "cv-attendance.h"
#include "cv-attendee-picker.h"
#include "cv-session-editor.h"
#include "cv-sessions.h"
#include "cv-sessions-view.h"
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

static void
type (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      char key[2] = { *p, '\0' };
      press (*p == ' ' ? "space" : key);
    }
}

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
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

/* Asserts that the focus is on @widget or inside it, and can be seen. */
static void
assert_focus_within (GtkWidget  *widget,
                     const char *what)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *focus;

  while (!focus_is_within (widget) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  focus = focus_widget ();
  if (!focus_is_within (widget))
    g_error ("The focus is not on %s but on %s, in %s", what,
             focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing",
             focus != NULL && gtk_widget_get_parent (focus) != NULL ?
               G_OBJECT_TYPE_NAME (gtk_widget_get_parent (focus)) : "nothing");
  if (!gtk_window_get_focus_visible (GTK_WINDOW (gtk_widget_get_root (focus))))
    g_error ("The focus on %s cannot be seen", what);
  if (!gtk_widget_is_drawable (focus))
    g_error ("The focus on %s is on a %s that is not on screen", what, G_OBJECT_TYPE_NAME (focus));
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
   * (the display's last user time may be older than the last focus change). */
  XSetInputFocus (display, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (display, False);
  wait_until (window_is_active, f->window, "the window to be active");
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

  g_test_add ("/ui/keyboard/add-people", Fixture, NULL, fixture_set_up, test_add_people, fixture_tear_down);
  g_test_add ("/ui/keyboard/themes-popover", Fixture, NULL, fixture_set_up, test_themes_popover, fixture_tear_down);
  g_test_add ("/ui/keyboard/view-shortcuts", Fixture, NULL, fixture_set_up, test_view_shortcuts, fixture_tear_down);

  return g_test_run ();
}
