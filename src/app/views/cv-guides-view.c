/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Guides: the programme's conversations (follow-ups due first) and the guide
 * library shared by every programme. A guide's page shows it, starts a
 * conversation with it, and edits it: sections and questions are added,
 * changed, removed and reordered with buttons, Alt+Up / Alt+Down or by
 * dragging. Built-in guides are shown read-only with Duplicate.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cv-conversation.h"
#include "cv-conversation-window.h"
#include "cv-format.h"
#include "cv-guide.h"
#include "cv-guide-section.h"
#include "cv-guides.h"
#include "cv-guides-view.h"
#include "cv-view.h"
#include "cv-prompt.h"
#include "cv-prompt-row.h"
#include "cv-section-group.h"
#include "cv-record-list.h"
#include "cv-widgets.h"
#include "cv-match-count.h"

struct _CvGuidesView
{
  GtkWidget     parent_instance;

  CvStore      *store;
  CvTrash      *trash;
  char         *programme_id;
  CvRecord     *guide;
  CvRecordList *conversations;
  GHashTable   *guide_titles;   /* guide id → title in the reader's language */
  char         *expanded;       /* the prompt whose editor is open */
  char         *focus_key;      /* the row that keeps the focus across a rebuild */
  GtkWidget    *focus_row;
  GtkWidget    *guide_field_rows[4];  /* guide_fields' rows on the page now */
  guint         rebuild_id;
  gboolean      library_loaded;
  gboolean      searching;

  AdwLeaflet   *leaflet;
  GtkWidget    *list_pane;
  GtkListView  *conversation_list;
  GtkStack     *conversations_stack;
  GtkLabel     *conversations_empty;
  GtkStack     *pane_stack;
  GtkWidget    *search_entry;
  CvMatchCount        *match_count;
  GtkWidget    *new_guide_row;
  char         *today;          /* follow-ups on or before it are due */
  GtkListBox   *guide_list;
  GtkLabel     *list_error;
  GtkStack     *page_stack;
  GtkWidget    *page_scroller;
  GtkWidget    *back_button;

  /* The guide page, rebuilt when the guide changes. */
  GtkLabel     *page_error;
  AdwEntryRow  *person_row;
  AdwEntryRow  *staff_row;
  AdwEntryRow  *place_row;
  GtkLabel     *start_error;
  char         *staff;
  char         *place;
};

static void cv_guides_view_view_init (CvViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CvGuidesView, cv_guides_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CV_TYPE_VIEW, cv_guides_view_view_init))

static void rebuild_page (CvGuidesView *self);

static void
back_clicked_cb (CvGuidesView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static GtkWidget *
error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static gboolean
is_builtin (CvGuidesView *self)
{
  return self->guide != NULL && cv_record_get_boolean (self->guide, "builtin");
}

static const char *
text_of (CvGuidesView *self,
         CvRecord     *record,
         const char   *field)
{
  return cv_guides_text (self->guide, cv_record_get_string (record, field));
}

/* The library */

static void
add_guide_row (CvGuidesView *self,
               CvRecord     *guide)
{
  const char *title = cv_guides_text (guide, cv_record_get_string (guide, "title"));
  const char *topic = cv_guides_text (guide, cv_record_get_string (guide, "topic"));
  guint n = cv_guides_count_prompts (self->store, cv_record_get_id (guide));
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", n), n);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (cv_record_get_boolean (guide, "builtin"))
    /* TRANSLATORS: how many questions a guide has, and that it comes with Convene */
    subtitle = g_strdup_printf (_("%s · Built in"), count);
  else
    subtitle = g_strdup (count);
  if (topic != NULL)
    {
      char *both = g_strdup_printf ("%s · %s", topic, subtitle);

      g_free (subtitle);
      subtitle = both;
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "guide", g_strdup (cv_record_get_id (guide)), g_free);
  gtk_list_box_append (self->guide_list, row);
}

static gboolean
collect_cb (CvRecord  *record,
            gpointer   data,
            GError   **error)
{
  g_ptr_array_add (data, g_object_ref (record));
  return TRUE;
}

/* Built-in guides first, then the library's own, each by title as read. */
static int
compare_guides (gconstpointer a,
                gconstpointer b)
{
  CvRecord *x = *(CvRecord **) a;
  CvRecord *y = *(CvRecord **) b;
  g_autofree char *kx = NULL;
  g_autofree char *ky = NULL;

  if (cv_record_get_boolean (x, "builtin") != cv_record_get_boolean (y, "builtin"))
    return cv_record_get_boolean (x, "builtin") ? -1 : 1;
  kx = g_utf8_collate_key (cv_guides_text (x, cv_record_get_string (x, "title")), -1);
  ky = g_utf8_collate_key (cv_guides_text (y, cv_record_get_string (y, "title")), -1);
  return strcmp (kx, ky);
}

static void
reload_guides (CvGuidesView *self)
{
  g_autoptr(GPtrArray) guides = g_ptr_array_new_with_free_func (g_object_unref);

  self->library_loaded = TRUE;
  cv_list_box_clear (self->guide_list);
  g_hash_table_remove_all (self->guide_titles);
  cv_store_foreach (self->store, CV_TYPE_GUIDE, "1", NULL, collect_cb, guides, NULL);
  g_ptr_array_sort (guides, compare_guides);
  for (guint i = 0; i < guides->len; i++)
    {
      CvRecord *guide = g_ptr_array_index (guides, i);

      g_hash_table_insert (self->guide_titles, g_strdup (cv_record_get_id (guide)),
                           g_strdup (cv_guides_text (guide, cv_record_get_string (guide, "title"))));
      add_guide_row (self, guide);
    }
}

/* Conversations */

/* A conversation's row in the list: made once, filled for each item shown
 * (the list is lazy: a county's 50,000 conversations are not all built). */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CvGuidesView             *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (status), 1);
  gtk_label_set_justify (GTK_LABEL (status), GTK_JUSTIFY_RIGHT);
  gtk_label_set_max_width_chars (GTK_LABEL (status), 12);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), status);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (row), "status", status);
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CvGuidesView             *self)
{
  CvRecord *c = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkLabel *status = g_object_get_data (G_OBJECT (row), "status");
  const char *guide_title = g_hash_table_lookup (self->guide_titles, cv_record_get_string (c, "guide_id"));
  g_autofree char *held = cv_format_date (cv_record_get_string (c, "held_on"));
  const char *staff = cv_record_get_string (c, "staff");
  const char *follow_up = cv_record_get_string (c, "follow_up_on");
  g_autofree char *subtitle = NULL;
  g_autofree char *text = NULL;
  const char *style = "dim-label";

  subtitle = staff != NULL ? g_strdup_printf ("%s · %s · %s", guide_title ? guide_title : "", held, staff)
                           : g_strdup_printf ("%s · %s", guide_title ? guide_title : "", held);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "title"), cv_record_get_string (c, "person_ref"));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "subtitle"), subtitle);

  if (follow_up != NULL)
    {
      g_autofree char *when = cv_format_date (follow_up);

      if (strcmp (follow_up, self->today) <= 0)
        {
          /* TRANSLATORS: a follow-up whose date has come; %s is the date */
          text = g_strdup_printf (_("Follow-up due %s"), when);
          style = "error";
        }
      else
        /* TRANSLATORS: %s is the date of a follow-up */
        text = g_strdup_printf (_("Follow-up %s"), when);
    }
  else if (g_str_equal (cv_record_get_string (c, "status"), "draft"))
    {
      text = g_strdup (_("Draft"));
      style = "accent";
    }
  else
    text = g_strdup (_("Complete"));
  gtk_label_set_text (status, text);
  gtk_widget_remove_css_class (GTK_WIDGET (status), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (status), "accent");
  gtk_widget_remove_css_class (GTK_WIDGET (status), "dim-label");
  if (follow_up == NULL || style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (status), style);
}

static void
conversations_changed_cb (CvGuidesView *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->conversations)) > 0;

  gtk_stack_set_visible_child_name (self->conversations_stack, any ? "list" : "empty");
  gtk_label_set_text (self->conversations_empty,
                      self->searching ? _("No conversation has that person reference.")
                                      : _("No conversations yet. Choose a guide in the library to start one."));
}

/* A programme's conversations (50,000 in a county) are read on a worker
 * thread; a newer read cancels an older one. */
static void
read_conversations (CvGuidesView *self)
{
  cv_record_list_refresh_for (self->conversations, GTK_WIDGET (self), "Could not read the conversations",
                              (CvRefreshed)conversations_changed_cb);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   CvGuidesView   *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  self->searching = *text != '\0';
  cv_record_list_set_search (self->conversations, self->searching ? text : NULL);
  read_conversations (self);
}

/**
 * cv_guides_view_open_conversation:
 *
 * Returns: (transfer none): the conversation's window
 */
GtkWidget *
cv_guides_view_open_conversation (CvGuidesView *self,
                                  const char   *conversation_id)
{
  GtkWidget *window = cv_conversation_window_new (self->store, self->trash, GTK_WIDGET (self), conversation_id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (GTK_WINDOW (root)));
    }
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
conversation_activated_cb (GtkListView  *list,
                           guint         position,
                           CvGuidesView *self)
{
  g_autoptr(CvRecord) conversation = g_list_model_get_item (G_LIST_MODEL (self->conversations), position);

  if (conversation != NULL)
    cv_guides_view_open_conversation (self, cv_record_get_id (conversation));
}

/* The guide page: editing */

/* The question whose editor stays open when the page is built again. */
static void
keep_open (CvGuidesView *self,
           const char   *prompt_id)
{
  g_free (self->expanded);
  self->expanded = g_strdup (prompt_id);
}

/* The page is built again after every change; the row a person was working
 * in (named by what it edits and the id of its record) takes the focus
 * back, so that typing one question after another, or moving one with the
 * keyboard, goes on. */
static void
remember_focus (CvGuidesView *self,
                const char   *what,
                const char   *id)
{
  g_free (self->focus_key);
  self->focus_key = g_strconcat (what, ":", id, NULL);
}

static void
keep_focus (CvGuidesView *self,
            GtkWidget    *row,
            const char   *what,
            const char   *id)
{
  g_autofree char *key = g_strconcat (what, ":", id, NULL);

  if (row != NULL && g_strcmp0 (self->focus_key, key) == 0)
    self->focus_row = row;
}

/* The guide's own fields, in the order of their rows on the page. */
static const struct { const char *field; const char *label; } guide_fields[] = {
  { "title", N_("Title") }, { "topic", N_("Topic") }, { "audience", N_("Who it is for") },
  { "introduction", N_("Introduction") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (guide_fields) == G_N_ELEMENTS (((CvGuidesView *) NULL)->guide_field_rows));

static void
save_guide_field_cb (AdwEntryRow  *row,
                     CvGuidesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) guide = NULL;
  const char *field = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (guide_fields); i++)
    if (self->guide_field_rows[i] == GTK_WIDGET (row))
      field = guide_fields[i].field;
  if (self->guide == NULL || field == NULL)
    return;
  remember_focus (self, field, cv_record_get_id (self->guide));
  guide = cv_record_copy (self->guide);
  cv_record_set_string (guide, field, gtk_editable_get_text (GTK_EDITABLE (row)));
  if (!cv_store_update (self->store, guide, &error))
    {
      cv_error_label_show (self->page_error, error);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  g_set_object (&self->guide, guide);
  cv_error_label_show (self->page_error, NULL);
}

static CvRecord *
load_prompt (CvGuidesView *self,
             CvPromptRow  *row)
{
  return cv_store_load (self->store, CV_TYPE_PROMPT, cv_prompt_row_get_id (row), NULL);
}

static void
save_prompt_text_cb (CvPromptRow  *row,
                     const char   *field,
                     const char   *text,
                     CvGuidesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) prompt = load_prompt (self, row);

  remember_focus (self, field, cv_prompt_row_get_id (row));
  if (prompt == NULL)
    return;
  if (g_str_equal (field, "options"))
    {
      g_auto(GStrv) options = g_strsplit (text, ",", -1);
      g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; options[i] != NULL; i++)
        if (*g_strstrip (options[i]) != '\0')
          g_ptr_array_add (kept, g_strdup (options[i]));
      g_ptr_array_add (kept, NULL);
      cv_record_set_list (prompt, "options", (const char * const *) kept->pdata);
      /* Options are what a single choice waited for. */
      cv_record_set_string (prompt, "response_kind", "single_choice");
    }
  else
    cv_record_set_string (prompt, field, text);
  keep_open (self, cv_record_get_id (prompt));
  if (!cv_store_update (self->store, prompt, &error))
    {
      cv_error_label_show (self->page_error, error);
      gtk_widget_add_css_class (cv_prompt_row_get_field_row (row, field), "error");
      return;
    }
  cv_error_label_show (self->page_error, NULL);
}

static void
response_kind_cb (CvPromptRow  *row,
                  const char   *nick,
                  CvGuidesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) prompt = load_prompt (self, row);

  if (prompt == NULL)
    return;
  cv_record_set_string (prompt, "response_kind", nick);
  if (!g_str_equal (nick, "single_choice"))
    cv_record_set_list (prompt, "options", NULL);
  keep_open (self, cv_record_get_id (prompt));
  if (!cv_store_update (self->store, prompt, &error))
    cv_error_label_show (self->page_error, error);
  else
    cv_error_label_show (self->page_error, NULL);
}

static void
move_part (CvGuidesView *self,
           CvRecord     *part,
           int           delta)
{
  g_autoptr(GError) error = NULL;
  gint64 position = cv_record_get_integer (part, "position") + delta;

  if (position < 0)
    return;
  if (!cv_guides_move (self->store, part, (guint) position, &error))
    cv_error_label_show (self->page_error, error);
}

static void
delete_part (CvGuidesView *self,
             CvRecord     *part)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (part == NULL)
    return;
  g_ptr_array_add (records, g_object_ref (part));
  cv_trash_delete (self->trash, records, GTK_WIDGET (self));
}

/* With the buttons the question stays open; with Alt+Up or Alt+Down it
 * closes and keeps the focus, so that the key can be pressed again. */
static void
move_prompt_cb (CvPromptRow  *row,
                int           delta,
                gboolean      by_key,
                CvGuidesView *self)
{
  g_autoptr(CvRecord) prompt = load_prompt (self, row);

  if (prompt == NULL)
    return;
  keep_open (self, by_key ? NULL : cv_record_get_id (prompt));
  if (by_key)
    remember_focus (self, "prompt", cv_record_get_id (prompt));
  move_part (self, prompt, delta);
}

static void
remove_prompt_cb (CvPromptRow  *row,
                  CvGuidesView *self)
{
  g_autoptr(CvRecord) prompt = load_prompt (self, row);

  delete_part (self, prompt);
}

/* Dragging a question onto another moves it there. */
static gboolean
drop_prompt_cb (CvPromptRow  *row,
                const char   *dragged_id,
                CvGuidesView *self)
{
  g_autoptr(CvRecord) onto = load_prompt (self, row);
  g_autoptr(CvRecord) dragged = cv_store_load (self->store, CV_TYPE_PROMPT, dragged_id, NULL);
  g_autoptr(GError) error = NULL;

  if (onto == NULL || dragged == NULL ||
      g_strcmp0 (cv_record_get_string (onto, "section_id"), cv_record_get_string (dragged, "section_id")) != 0)
    return FALSE;
  if (!cv_guides_move (self->store, dragged, cv_record_get_integer (onto, "position"), &error))
    {
      cv_error_label_show (self->page_error, error);
      return FALSE;
    }
  return TRUE;
}

static CvRecord *
load_section (CvGuidesView   *self,
              CvSectionGroup *group)
{
  return cv_store_load (self->store, CV_TYPE_GUIDE_SECTION, cv_section_group_get_id (group), NULL);
}

static void
rename_section_cb (CvSectionGroup *group,
                   const char     *title,
                   CvGuidesView   *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) section = load_section (self, group);

  remember_focus (self, "section-title", cv_section_group_get_id (group));
  if (section == NULL)
    return;
  cv_record_set_string (section, "title", title);
  if (!cv_store_update (self->store, section, &error))
    cv_error_label_show (self->page_error, error);
  else
    cv_error_label_show (self->page_error, NULL);
}

static void
move_section_cb (CvSectionGroup *group,
                 int             delta,
                 CvGuidesView   *self)
{
  g_autoptr(CvRecord) section = load_section (self, group);

  if (section != NULL)
    move_part (self, section, delta);
}

static void
remove_section_cb (CvSectionGroup *group,
                   CvGuidesView   *self)
{
  g_autoptr(CvRecord) section = load_section (self, group);

  delete_part (self, section);
}

static void
add_prompt_cb (CvSectionGroup *group,
               const char     *question,
               CvGuidesView   *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) prompt = cv_guides_add_prompt (self->store, cv_section_group_get_id (group), question, &error);

  remember_focus (self, "add-prompt", cv_section_group_get_id (group));
  if (prompt == NULL)
    {
      cv_error_label_show (self->page_error, error);
      return;
    }
  keep_open (self, cv_record_get_id (prompt));
  cv_error_label_show (self->page_error, NULL);
}

static void
add_section_cb (AdwEntryRow  *row,
                CvGuidesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) section = NULL;

  if (self->guide == NULL)
    return;
  remember_focus (self, "new-section", cv_record_get_id (self->guide));
  section = cv_guides_add_section (self->store, cv_record_get_id (self->guide),
                                   gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  cv_error_label_show (self->page_error, error);
}

static void
duplicate_cb (CvGuidesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) copy = NULL;

  if (self->guide == NULL)
    return;
  copy = cv_guides_duplicate (self->store, self->guide, &error);
  if (copy == NULL)
    {
      cv_error_label_show (self->page_error, error);
      return;
    }
  cv_guides_view_open_guide (self, cv_record_get_id (copy));
}

static void
delete_guide_cb (CvGuidesView *self)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 used;

  if (self->guide == NULL)
    return;
  used = cv_store_count (self->store, CV_TYPE_CONVERSATION, "guide_id", cv_record_get_id (self->guide), NULL);
  if (used > 0)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                             g_dngettext (GETTEXT_PACKAGE,
                                                          "This guide was used in %d conversation, so it is kept with it.",
                                                          "This guide was used in %d conversations, so it is kept with them.",
                                                          (gulong) used), (int) used);
      cv_error_label_show (self->page_error, error);
      return;
    }
  g_ptr_array_add (records, g_object_ref (self->guide));
  if (cv_trash_delete (self->trash, records, GTK_WIDGET (self)))
    {
      g_clear_object (&self->guide);
      rebuild_page (self);
    }
}

static void
start_cb (CvGuidesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) conversation = NULL;

  if (self->guide == NULL || self->programme_id == NULL)
    return;
  conversation = cv_conversation_start (self->store, self->programme_id, self->guide,
                                        gtk_editable_get_text (GTK_EDITABLE (self->person_row)),
                                        gtk_editable_get_text (GTK_EDITABLE (self->staff_row)),
                                        gtk_editable_get_text (GTK_EDITABLE (self->place_row)), &error);
  if (conversation == NULL)
    {
      cv_error_label_show (self->start_error, error);
      return;
    }
  cv_error_label_show (self->start_error, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->person_row), "");
  cv_guides_view_open_conversation (self, cv_record_get_id (conversation));
}

/* The guide page: building */

static GtkWidget *
icon_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static GtkWidget *
info_row (const char *title,
          const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text != NULL ? text : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static GtkWidget *
prompt_row (CvGuidesView *self,
            CvRecord     *prompt)
{
  const char *id = cv_record_get_id (prompt);
  GtkWidget *row = cv_prompt_row_new (self->guide, prompt);

  g_signal_connect (row, "save", G_CALLBACK (save_prompt_text_cb), self);
  g_signal_connect (row, "set-response-kind", G_CALLBACK (response_kind_cb), self);
  g_signal_connect (row, "move", G_CALLBACK (move_prompt_cb), self);
  g_signal_connect (row, "remove", G_CALLBACK (remove_prompt_cb), self);
  g_signal_connect (row, "drop", G_CALLBACK (drop_prompt_cb), self);
  if (g_strcmp0 (self->expanded, id) == 0)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  keep_focus (self, row, "prompt", id);
  /* The open question's field that was being edited: only then is its
   * editor made before the question is opened. */
  for (guint i = 0; i < 3; i++)
    {
      const char *fields[] = { "question", "guidance", "options" };
      g_autofree char *key = g_strconcat (fields[i], ":", id, NULL);

      if (g_strcmp0 (self->focus_key, key) == 0)
        keep_focus (self, cv_prompt_row_get_field_row (CV_PROMPT_ROW (row), fields[i]), fields[i], id);
    }
  return row;
}

static GtkWidget *
section_group (CvGuidesView *self,
               CvRecord     *section)
{
  const char *id = cv_record_get_id (section);
  GtkWidget *group = cv_section_group_new (self->guide, section);
  g_autoptr(GPtrArray) prompts = cv_store_list (self->store, CV_TYPE_PROMPT, "section_id", id, NULL);

  g_signal_connect (group, "rename", G_CALLBACK (rename_section_cb), self);
  g_signal_connect (group, "add-prompt", G_CALLBACK (add_prompt_cb), self);
  g_signal_connect (group, "move", G_CALLBACK (move_section_cb), self);
  g_signal_connect (group, "remove", G_CALLBACK (remove_section_cb), self);
  keep_focus (self, cv_section_group_get_title_row (CV_SECTION_GROUP (group)), "section-title", id);
  keep_focus (self, cv_section_group_get_add_row (CV_SECTION_GROUP (group)), "add-prompt", id);
  for (guint i = 0; prompts != NULL && i < prompts->len; i++)
    cv_section_group_add_prompt (CV_SECTION_GROUP (group), prompt_row (self, g_ptr_array_index (prompts, i)));
  return group;
}

static GtkWidget *
pill (const char *label,
      const char *css_class,
      GCallback   callback,
      gpointer    data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "pill");
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", callback, data);
  return button;
}

static void
rebuild_page (CvGuidesView *self)
{
  GtkWidget *box, *header, *title, *group, *clamp, *start;
  g_autoptr(GPtrArray) sections = NULL;
  g_autofree char *version = NULL;
  double scroll;

  if (self->guide == NULL)
    {
      gtk_stack_set_visible_child_name (self->page_stack, "none");
      return;
    }
  scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->page_scroller)));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->back_button = icon_button ("go-previous-symbolic", _("Back to the List"));
  gtk_widget_remove_css_class (self->back_button, "flat");
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
  self->focus_row = NULL;
  memset (self->guide_field_rows, 0, sizeof self->guide_field_rows);
  title = gtk_label_new (cv_guides_text (self->guide, cv_record_get_string (self->guide, "title")));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (header), self->back_button);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (box), header);

  self->page_error = GTK_LABEL (error_label ());

  /* Starting a conversation comes first: it is what the page is for, once
   * the guide has questions. */
  group = adw_preferences_group_new ();
  if (cv_guides_count_prompts (self->store, cv_record_get_id (self->guide)) == 0)
    gtk_widget_set_visible (group, FALSE);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Start a Conversation"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Enter a case number or the person’s initials only: Convene asks for no other personal details."));
  /* The staff member and the place carry over from guide to guide: one
   * person often holds several conversations in one place. */
  if (self->staff_row != NULL)
    {
      g_free (self->staff);
      g_free (self->place);
      self->staff = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->staff_row)));
      self->place = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->place_row)));
    }
  self->person_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->person_row), _("Person Reference"));
  self->staff_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->staff_row), _("Staff Member"));
  gtk_editable_set_text (GTK_EDITABLE (self->staff_row), self->staff != NULL ? self->staff : "");
  self->place_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->place_row), _("Place"));
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), self->place != NULL ? self->place : "");
  g_signal_connect_swapped (self->place_row, "entry-activated", G_CALLBACK (start_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->person_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->staff_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->place_row));
  gtk_box_append (GTK_BOX (box), group);
  self->start_error = GTK_LABEL (error_label ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->start_error));
  start = pill (_("_Start Conversation"), "suggested-action", G_CALLBACK (start_cb), self);
  gtk_widget_set_visible (start, gtk_widget_get_visible (group));
  gtk_box_append (GTK_BOX (box), start);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("About the Guide"));
  version = g_strdup_printf ("%" G_GINT64_FORMAT, cv_record_get_integer (self->guide, "version"));
  if (is_builtin (self))
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("This guide comes with Convene and cannot be changed. "
                                               "Duplicate it to make a version of your own."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Topic"), text_of (self, self->guide, "topic")));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Who it is for"), text_of (self, self->guide, "audience")));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Introduction"), text_of (self, self->guide, "introduction")));
    }
  else
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("Changes after a conversation has used the guide make a new "
                                               "version; earlier conversations keep the questions they asked."));
      for (guint i = 0; i < G_N_ELEMENTS (guide_fields); i++)
        {
          GtkWidget *row = adw_entry_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(guide_fields[i].label));
          gtk_editable_set_text (GTK_EDITABLE (row), cv_record_get_string (self->guide, guide_fields[i].field));
          adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
          keep_focus (self, row, guide_fields[i].field, cv_record_get_id (self->guide));
          g_signal_connect (row, "apply", G_CALLBACK (save_guide_field_cb), self);
          self->guide_field_rows[i] = row;
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Version"), version));
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->page_error));

  sections = cv_store_list (self->store, CV_TYPE_GUIDE_SECTION, "guide_id", cv_record_get_id (self->guide), NULL);
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    gtk_box_append (GTK_BOX (box), section_group (self, g_ptr_array_index (sections, i)));

  if (is_builtin (self))
    gtk_box_append (GTK_BOX (box), pill (_("_Duplicate Guide"), NULL, G_CALLBACK (duplicate_cb), self));
  else
    {
      GtkWidget *add = adw_entry_row_new ();

      group = adw_preferences_group_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("New Section"));
      keep_focus (self, add, "new-section", cv_record_get_id (self->guide));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
      g_signal_connect (add, "apply", G_CALLBACK (add_section_cb), self);
      g_signal_connect (add, "entry-activated", G_CALLBACK (add_section_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);
      gtk_box_append (GTK_BOX (box), group);
      gtk_box_append (GTK_BOX (box), pill (_("_Duplicate Guide"), NULL, G_CALLBACK (duplicate_cb), self));
      gtk_box_append (GTK_BOX (box), pill (_("D_elete Guide"), "destructive-action", G_CALLBACK (delete_guide_cb), self));
    }

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->page_scroller), clamp);
  gtk_stack_set_visible_child_name (self->page_stack, "guide");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->page_scroller)), scroll);

  /* After a move with the keyboard, the moved question keeps the focus. */
  if (self->focus_row != NULL && !gtk_widget_grab_focus (self->focus_row))
    gtk_widget_child_focus (self->focus_row, GTK_DIR_TAB_FORWARD);
  self->focus_row = NULL;
  g_clear_pointer (&self->focus_key, g_free);
}

void
cv_guides_view_open_guide (CvGuidesView *self,
                           const char   *guide_id)
{
  g_return_if_fail (CV_IS_GUIDES_VIEW (self));

  g_clear_object (&self->guide);
  g_clear_pointer (&self->expanded, g_free);
  self->guide = guide_id != NULL ? cv_store_load (self->store, CV_TYPE_GUIDE, guide_id, NULL) : NULL;
  rebuild_page (self);
  if (self->guide != NULL)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->page_stack));
}

static void
guide_activated_cb (GtkListBox    *list,
                    GtkListBoxRow *row,
                    CvGuidesView  *self)
{
  cv_guides_view_open_guide (self, g_object_get_data (G_OBJECT (row), "guide"));
}

static void
new_guide_cb (AdwEntryRow  *row,
              CvGuidesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) guide = cv_record_new (CV_TYPE_GUIDE);
  g_autoptr(CvRecord) section = NULL;

  cv_record_set_string (guide, "title", gtk_editable_get_text (GTK_EDITABLE (row)));
  if (!cv_store_insert (self->store, guide, &error) ||
      (section = cv_guides_add_section (self->store, cv_record_get_id (guide), _("Questions"), &error)) == NULL)
    {
      cv_error_label_show (self->list_error, error);
      return;
    }
  cv_error_label_show (self->list_error, NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  cv_guides_view_open_guide (self, cv_record_get_id (guide));
}

/* Keeping up with the store */

static gboolean
rebuild_idle_cb (gpointer data)
{
  CvGuidesView *self = data;
  g_autofree char *shown = self->guide != NULL ? g_strdup (cv_record_get_id (self->guide)) : NULL;

  self->rebuild_id = 0;
  reload_guides (self);
  g_clear_object (&self->guide);
  if (shown != NULL)
    self->guide = cv_store_load (self->store, CV_TYPE_GUIDE, shown, NULL);
  rebuild_page (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CvGuidesView *self,
                  const char   *table,
                  const char   *id,
                  CvStore      *store)
{
  /* Conversations follow the store in their own list. */
  if (!g_str_equal (table, "guide") && !g_str_equal (table, "guide_section") && !g_str_equal (table, "prompt"))
    return;
  /* After the change is over: a button on the page may be what caused it. */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_idle_cb, g_object_ref (self), g_object_unref);
}

static void
folded_changed_cb (CvGuidesView *self)
{
  if (self->back_button != NULL)
    gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

/* Building the view */

static void
cv_guides_view_dispose (GObject *object)
{
  CvGuidesView *self = CV_GUIDES_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_GUIDES_VIEW);
  g_clear_object (&self->guide);
  g_clear_object (&self->conversations);
  g_clear_object (&self->trash);
  g_clear_object (&self->store);
  g_clear_pointer (&self->guide_titles, g_hash_table_unref);
  g_clear_pointer (&self->programme_id, g_free);
  g_clear_pointer (&self->expanded, g_free);
  g_clear_pointer (&self->focus_key, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->staff, g_free);
  g_clear_pointer (&self->place, g_free);
  G_OBJECT_CLASS (cv_guides_view_parent_class)->dispose (object);
}

static void
cv_guides_view_class_init (CvGuidesViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cv_guides_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (CV_TYPE_MATCH_COUNT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/cv-guides-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CvGuidesView, name)
  BIND (leaflet);
  BIND (list_pane);
  BIND (pane_stack);
  BIND (search_entry);
  BIND (match_count);
  BIND (conversations_stack);
  BIND (conversation_list);
  BIND (conversations_empty);
  BIND (guide_list);
  BIND (new_guide_row);
  BIND (list_error);
  BIND (page_stack);
  BIND (page_scroller);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, conversation_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, guide_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_guide_cb);
}

static void
cv_guides_view_init (CvGuidesView *self)
{
  self->guide_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->today = cv_today ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
cv_guides_view_set_store (CvGuidesView *self,
                          CvStore      *store,
                          CvTrash      *trash)
{
  g_return_if_fail (CV_IS_GUIDES_VIEW (self));

  self->store = g_object_ref (store);
  self->trash = g_object_ref (trash);
  self->conversations = cv_record_list_new (store, CV_TYPE_CONVERSATION);
  cv_match_count_follow (self->match_count, self->conversations);
  cv_record_list_set_sort (self->conversations, "follow_up_on", FALSE);
  cv_record_list_set_empty_last (self->conversations, TRUE);
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->conversations)));

    gtk_list_view_set_model (self->conversation_list, GTK_SELECTION_MODEL (selection));
  }
  g_signal_connect_object (self->conversations, "items-changed", G_CALLBACK (conversations_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

void
cv_guides_view_set_programme (CvGuidesView *self,
                              const char   *programme_id)
{
  g_return_if_fail (CV_IS_GUIDES_VIEW (self));

  if (g_strcmp0 (self->programme_id, programme_id) == 0)
    return;
  g_free (self->programme_id);
  self->programme_id = g_strdup (programme_id);
  /* The library is read when the view is first shown, not at start-up. */
  if (!self->library_loaded)
    reload_guides (self);
  g_free (self->today);
  self->today = cv_today ();
  cv_record_list_set_programme (self->conversations, programme_id);
  read_conversations (self);
}

/* Ctrl+F: the conversations, searched by person reference. */
void
cv_guides_view_focus_search (CvGuidesView *self)
{
  g_return_if_fail (CV_IS_GUIDES_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_stack_set_visible_child_name (self->pane_stack, "conversations");
  gtk_widget_grab_focus (self->search_entry);
}

/* Ctrl+N: a new guide is named in the library. */
void
cv_guides_view_new_guide (CvGuidesView *self)
{
  g_return_if_fail (CV_IS_GUIDES_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_stack_set_visible_child_name (self->pane_stack, "library");
  gtk_widget_grab_focus (self->new_guide_row);
}

/* Returns: (transfer none): the list of conversations, for tests */
GtkWidget *
cv_guides_view_get_conversation_list (CvGuidesView *self)
{
  g_return_val_if_fail (CV_IS_GUIDES_VIEW (self), NULL);
  return GTK_WIDGET (self->conversation_list);
}

/* Returns: (transfer none): the conversations listed, for tests */
GListModel *
cv_guides_view_get_conversations (CvGuidesView *self)
{
  g_return_val_if_fail (CV_IS_GUIDES_VIEW (self), NULL);
  return G_LIST_MODEL (self->conversations);
}

/* The view contract */

static void
as_view_set_store (CvView  *view,
                   CvStore *store,
                   CvTrash *trash)
{
  cv_guides_view_set_store (CV_GUIDES_VIEW (view), store, trash);
}

static void
as_view_set_programme (CvView     *view,
                       const char *programme_id)
{
  cv_guides_view_set_programme (CV_GUIDES_VIEW (view), programme_id);
}

static void
as_view_new_record (CvView *view)
{
  cv_guides_view_new_guide (CV_GUIDES_VIEW (view));
}

static void
as_view_focus_search (CvView *view)
{
  cv_guides_view_focus_search (CV_GUIDES_VIEW (view));
}

static void
cv_guides_view_view_init (CvViewInterface *iface)
{
  iface->set_store = as_view_set_store;
  iface->set_programme = as_view_set_programme;
  iface->new_record = as_view_new_record;
  iface->focus_search = as_view_focus_search;
}
