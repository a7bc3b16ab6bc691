/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A boxed list of rows for a list on a record's page that can grow without
 * limit (a theme's 4,000 quotes): the first page, then "Show 50 More". Pages
 * are read in a worker thread (cv_record_page_load_async()); a newer request
 * cancels an older one, and the rows already shown stay until the newer
 * page arrives, so that a reload after an edit does not flicker.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-paged-rows.h"
#include "cv-widgets.h"

#define DEFAULT_PAGE_SIZE 50

struct _CvPagedRows
{
  GtkWidget       parent_instance;

  CvStore        *store;
  CvPagedList     list;
  CvPagedRowFunc  row_func;
  gpointer        row_data;
  char           *empty_text;
  char           *key;
  guint           page_size;
  guint           n_shown;
  guint           total;
  GCancellable   *cancellable;   /* of the request under way, if any */

  GtkListBox     *list_box;
  GtkWidget      *status_row;    /* "Loading…" or the empty text */
  GtkWidget      *more_row;
};

G_DEFINE_FINAL_TYPE (CvPagedRows, cv_paged_rows, GTK_TYPE_WIDGET)

enum
{
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Not a reference to the rows: dispose cancels every request under way, and
 * a cancelled request never touches them. */
typedef struct
{
  CvPagedRows *self;
  gboolean     append;
} Request;

static void
clear_rows (CvPagedRows *self)
{
  cv_list_box_clear (self->list_box);
  self->status_row = NULL;
  self->more_row = NULL;
  self->n_shown = 0;
}

static void
show_status (CvPagedRows *self,
             const char  *text,
             gboolean     busy)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);

  if (self->status_row != NULL)
    gtk_list_box_remove (self->list_box, self->status_row);
  self->status_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->status_row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  if (busy)
    {
      GtkWidget *spinner = gtk_spinner_new ();

      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_box_append (GTK_BOX (box), spinner);
      gtk_widget_add_css_class (label, "dim-label");
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->status_row), box);
  gtk_list_box_append (self->list_box, self->status_row);
}

static void
show_more_cb (CvPagedRows *self)
{
  cv_paged_rows_show_more (self);
}

static void
show_more_row (CvPagedRows *self)
{
  guint left = self->total - self->n_shown;
  guint next = MIN (left, self->page_size);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *shown = NULL;
  g_autofree char *more = NULL;
  GtkWidget *label;
  GtkWidget *button;

  /* TRANSLATORS: under the first rows of a long list, e.g. "50 of 4,012 shown" */
  shown = g_strdup_printf (ngettext ("%'u of %'u shown", "%'u of %'u shown", self->total), self->n_shown, self->total);
  /* TRANSLATORS: the button that adds the next rows of a long list */
  more = g_strdup_printf (ngettext ("Show %'u More", "Show %'u More", next), next);
  label = gtk_label_new (shown);
  button = gtk_button_new_with_label (more);

  self->more_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->more_row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (show_more_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->more_row), box);
  gtk_list_box_append (self->list_box, self->more_row);
}

/* Where the keyboard focus is among the rows: which row, and which of the
 * focusable controls in it (counted in order), so that it can be put back
 * on the same control of the same row once the rows are built anew. */
typedef struct
{
  int   row;       /* -1: the focus is not in the list */
  guint control;   /* 0: the row itself */
} FocusPlace;

static gboolean
count_to_focus (GtkWidget *widget,
                GtkWidget *focus,
                guint     *n)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_NATIVE (c))
        continue;
      if (gtk_widget_get_focusable (c) && gtk_widget_get_visible (c))
        (*n)++;
      if (c == focus || count_to_focus (c, focus, n))
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
nth_focusable (GtkWidget *widget,
               guint     *n)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_NATIVE (c))
        continue;
      if (gtk_widget_get_focusable (c) && gtk_widget_get_visible (c) && --(*n) == 0)
        return c;
      if ((found = nth_focusable (c, n)) != NULL)
        return found;
    }
  return NULL;
}

static FocusPlace
find_focus (CvPagedRows *self)
{
  FocusPlace place = { -1, 0 };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus;

  while (row != NULL && gtk_widget_get_parent (row) != GTK_WIDGET (self->list_box))
    row = gtk_widget_get_parent (row);
  if (row == NULL || !GTK_IS_LIST_BOX_ROW (row))
    return place;
  place.row = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  /* In a drop-down's open list: the drop-down's own button. */
  for (GtkWidget *w = focus; w != row; w = gtk_widget_get_parent (w))
    if (GTK_IS_NATIVE (w))
      {
        guint first = 1;

        focus = nth_focusable (gtk_widget_get_parent (w), &first);
        break;
      }
  if (focus != NULL && focus != row)
    count_to_focus (row, focus, &place.control);
  return place;
}

static void
restore_focus (CvPagedRows *self,
               FocusPlace   place)
{
  GtkListBoxRow *row;
  GtkWidget *target = NULL;
  guint n = place.control;

  if (place.row < 0)
    return;
  row = gtk_list_box_get_row_at_index (self->list_box, place.row);
  /* The row was the last and is gone: the one before it. */
  for (int i = place.row - 1; row == NULL && i >= 0; i--)
    row = gtk_list_box_get_row_at_index (self->list_box, i);
  if (row == NULL)
    return;
  if (n > 0)
    target = nth_focusable (GTK_WIDGET (row), &n);
  gtk_widget_grab_focus (target != NULL ? target : GTK_WIDGET (row));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Request *request = user_data;
  CvPagedRows *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecordPage) page = cv_record_page_load_finish (result, &error);
  FocusPlace focus;

  if (page == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    goto done;   /* a newer request took its place */
  g_clear_object (&self->cancellable);
  /* A keyboard user who changed a row's control keeps their place. The
   * focus leaves the rows before they go, so that nothing keeps a removed
   * row as the way to it. */
  focus = find_focus (self);
  if (focus.row >= 0 && !request->append)
    gtk_root_set_focus (gtk_widget_get_root (GTK_WIDGET (self)), NULL);

  if (!request->append)
    clear_rows (self);
  else if (self->more_row != NULL)
    {
      gtk_list_box_remove (self->list_box, self->more_row);
      self->more_row = NULL;
    }
  if (self->status_row != NULL)
    {
      gtk_list_box_remove (self->list_box, self->status_row);
      self->status_row = NULL;
    }

  if (page == NULL)
    {
      cv_widget_report_error (GTK_WIDGET (self), "Could not read a page of a list", error);
      show_status (self, error->message, FALSE);
    }
  else
    {
      for (guint i = 0; i < page->records->len; i++)
        gtk_list_box_append (self->list_box, self->row_func (g_ptr_array_index (page->records, i), self->row_data));
      self->n_shown += page->records->len;
      self->total = page->total;
      if (self->total == 0 && self->empty_text != NULL)
        show_status (self, self->empty_text, FALSE);
      else if (self->total > self->n_shown)
        show_more_row (self);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list_box), gtk_widget_get_first_child (GTK_WIDGET (self->list_box)) != NULL);
  if (!request->append)
    restore_focus (self, focus);
  g_signal_emit (self, signals[LOADED], 0);

done:
  g_free (request);
}

static void
request_page (CvPagedRows *self,
              guint        offset,
              guint        limit,
              gboolean     append)
{
  Request *request = g_new0 (Request, 1);

  g_assert (self->store != NULL && self->key != NULL);

  /* A newer request makes an older one pointless. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  request->self = self;
  request->append = append;
  cv_record_page_load_async (self->store, self->list, self->key, offset, limit, self->cancellable,
                             loaded_cb, request);
}

static void
cv_paged_rows_dispose (GObject *object)
{
  CvPagedRows *self = (CvPagedRows *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer ((GtkWidget **)&self->list_box, gtk_widget_unparent);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cv_paged_rows_parent_class)->dispose (object);
}

static void
cv_paged_rows_finalize (GObject *object)
{
  CvPagedRows *self = (CvPagedRows *)object;

  g_free (self->empty_text);
  g_free (self->key);

  G_OBJECT_CLASS (cv_paged_rows_parent_class)->finalize (object);
}

static void
cv_paged_rows_class_init (CvPagedRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cv_paged_rows_dispose;
  object_class->finalize = cv_paged_rows_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /**
   * CvPagedRows::loaded:
   *
   * A page arrived and its rows are shown.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cv_paged_rows_init (CvPagedRows *self)
{
  self->page_size = DEFAULT_PAGE_SIZE;
  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  gtk_widget_set_parent (GTK_WIDGET (self->list_box), GTK_WIDGET (self));
}

/**
 * cv_paged_rows_set_list:
 * @row_func: makes the row of one record
 * @empty_text: (nullable): what the list says when it has no records
 *
 * Says which list the rows show; cv_paged_rows_set_key() says whose.
 */
void
cv_paged_rows_set_list (CvPagedRows    *self,
                        CvStore        *store,
                        CvPagedList     list,
                        CvPagedRowFunc  row_func,
                        gpointer        user_data,
                        const char     *empty_text)
{
  g_return_if_fail (CV_IS_PAGED_ROWS (self));
  g_return_if_fail (CV_IS_STORE (store));
  g_return_if_fail (row_func != NULL);

  g_set_object (&self->store, store);
  self->list = list;
  self->row_func = row_func;
  self->row_data = user_data;
  g_free (self->empty_text);
  self->empty_text = g_strdup (empty_text);
}

/**
 * cv_paged_rows_set_key:
 * @key: (nullable): the id of the theme, session or stakeholder, or %NULL for no rows
 *
 * Shows the first page of @key's list, with a placeholder until it arrives;
 * for the key already shown, reads it again as cv_paged_rows_reload() does.
 */
void
cv_paged_rows_set_key (CvPagedRows *self,
                       const char  *key)
{
  g_return_if_fail (CV_IS_PAGED_ROWS (self));

  if (key != NULL && g_strcmp0 (key, self->key) == 0)
    {
      cv_paged_rows_reload (self);
      return;
    }
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_free (self->key);
  self->key = g_strdup (key);
  clear_rows (self);
  self->total = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->list_box), key != NULL);
  if (key == NULL)
    return;
  show_status (self, _("Loading…"), TRUE);
  request_page (self, 0, self->page_size, FALSE);
}

/**
 * cv_paged_rows_reload:
 *
 * Reads the list again after a change, as many rows as were shown (at least
 * a page), keeping the rows shown until the new ones arrive.
 */
void
cv_paged_rows_reload (CvPagedRows *self)
{
  g_return_if_fail (CV_IS_PAGED_ROWS (self));

  if (self->key != NULL)
    request_page (self, 0, MAX (self->n_shown, self->page_size), FALSE);
}

void
cv_paged_rows_show_more (CvPagedRows *self)
{
  g_return_if_fail (CV_IS_PAGED_ROWS (self));

  if (self->key != NULL && self->n_shown < self->total)
    request_page (self, self->n_shown, self->page_size, TRUE);
}

void
cv_paged_rows_set_page_size (CvPagedRows *self,
                             guint        page_size)
{
  g_return_if_fail (CV_IS_PAGED_ROWS (self));
  g_return_if_fail (page_size > 0);
  self->page_size = page_size;
}

/* Returns: how many records have rows */
guint
cv_paged_rows_get_n_shown (CvPagedRows *self)
{
  g_return_val_if_fail (CV_IS_PAGED_ROWS (self), 0);
  return self->n_shown;
}

/* Returns: how many records the whole list has, as of the last page read */
guint
cv_paged_rows_get_total (CvPagedRows *self)
{
  g_return_val_if_fail (CV_IS_PAGED_ROWS (self), 0);
  return self->total;
}

gboolean
cv_paged_rows_is_loading (CvPagedRows *self)
{
  g_return_val_if_fail (CV_IS_PAGED_ROWS (self), FALSE);
  return self->cancellable != NULL;
}

/* Returns: (transfer none): the list box holding the rows */
GtkListBox *
cv_paged_rows_get_list_box (CvPagedRows *self)
{
  g_return_val_if_fail (CV_IS_PAGED_ROWS (self), NULL);
  return self->list_box;
}
