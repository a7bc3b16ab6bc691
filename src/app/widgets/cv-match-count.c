/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The count under a list's search: "12 of 140 stakeholders". One widget for
 * every list, so that each says it the same way: the locale's figures (1,234
 * in en_GB), plurals as the language makes them, and a status that assistive
 * technology reads as it changes. It shows only while a search or a filter
 * leaves something out.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-match-count.h"

struct _CvMatchCount
{
  GtkWidget     parent_instance;

  GtkLabel     *label;
  char         *kind;
  GtkWidget    *search_entry;
  CvRecordList *list;
  gulong        refreshed_id;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_SEARCH_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CvMatchCount, cv_match_count, GTK_TYPE_WIDGET)

/* A count in the locale's figures: the ' flag groups thousands as
 * LC_NUMERIC does ("1,234" in en_GB, "1.234" in de_DE, "1234" in C). */
static char *
figures (guint n)
{
  return g_strdup_printf ("%'u", n);
}

/**
 * cv_match_count_text:
 * @kind: the table the list shows: stakeholder, session, action, theme,
 *   conversation, measure
 *
 * Returns: (transfer full): "12 of 140 stakeholders", the plural chosen by
 *   @total, the figures grouped as the locale groups them
 */
char *
cv_match_count_text (const char *kind,
                     guint       shown,
                     guint       total)
{
  g_autofree char *a = figures (shown);
  g_autofree char *b = figures (total);

  g_return_val_if_fail (kind != NULL, NULL);

  /* Each kind its own sentence: in many languages the words around the
   * numbers change with the noun, not only the noun. */
  if (g_str_equal (kind, "stakeholder"))
    /* TRANSLATORS: under a search: “12 of 140 stakeholders”; the plural follows the second number */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s stakeholder", "%s of %s stakeholders", total), a, b);
  else if (g_str_equal (kind, "session"))
    /* TRANSLATORS: under a search: “3 of 40 sessions”; the plural follows the second number */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s session", "%s of %s sessions", total), a, b);
  else if (g_str_equal (kind, "action"))
    /* TRANSLATORS: under a search: “3 of 40 actions”; the plural follows the second number */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s action", "%s of %s actions", total), a, b);
  else if (g_str_equal (kind, "theme"))
    /* TRANSLATORS: under a search: “3 of 40 themes”; the plural follows the second number */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s theme", "%s of %s themes", total), a, b);
  else if (g_str_equal (kind, "conversation"))
    /* TRANSLATORS: under a search: “3 of 40 conversations”; the plural follows the second number */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s conversation", "%s of %s conversations", total), a, b);
  else if (g_str_equal (kind, "measure"))
    /* TRANSLATORS: under a search: “3 of 40 measures”; the plural follows the second number */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s measure", "%s of %s measures", total), a, b);
  g_return_val_if_reached (NULL);
}

/**
 * cv_match_count_update:
 * @narrowed: whether a search or filter may leave records out; when it is
 *   not, nothing is shown
 */
void
cv_match_count_update (CvMatchCount *self,
                       guint         shown,
                       guint         total,
                       gboolean      narrowed)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CV_IS_MATCH_COUNT (self));
  g_return_if_fail (self->kind != NULL);

  /* Nothing at all to search: the list's empty state says so. */
  if (total == 0)
    narrowed = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self), narrowed);
  if (!narrowed)
    return;
  text = cv_match_count_text (self->kind, shown, total);
  if (g_strcmp0 (gtk_label_get_text (self->label), text) == 0)
    return;
  gtk_label_set_text (self->label, text);
  /* A status's name is what a screen reader reads when it changes. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* Shown for a search, even one that finds them all, and for a filter that
 * leaves some out; a filter that leaves none out ("upcoming", when every
 * session is to come) says nothing worth reading. */
static void
refreshed_cb (CvMatchCount *self,
              CvRecordList *list)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint total = cv_record_list_get_n_total (list);

  /* Still being counted: the count comes with the next "refreshed". */
  if (total == G_MAXUINT)
    return;
  cv_match_count_update (self, shown, total,
                         cv_record_list_is_narrowed (list) &&
                         (cv_record_list_get_search (list) != NULL || shown != total));
}

/**
 * cv_match_count_follow:
 * @list: (nullable): the list under the search, or %NULL to follow none
 *
 * Counts @list after each of its refreshes, in its own thread or a
 * worker's: the total is counted with the rows, never here.
 */
void
cv_match_count_follow (CvMatchCount *self,
                       CvRecordList *list)
{
  g_return_if_fail (CV_IS_MATCH_COUNT (self));

  if (self->list == list)
    return;
  g_clear_signal_handler (&self->refreshed_id, self->list);
  g_set_object (&self->list, list);
  if (list != NULL)
    {
      self->refreshed_id = g_signal_connect_object (list, "refreshed", G_CALLBACK (refreshed_cb),
                                                    self, G_CONNECT_SWAPPED);
      refreshed_cb (self, list);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
cv_match_count_set_kind (CvMatchCount *self,
                         const char   *kind)
{
  g_return_if_fail (CV_IS_MATCH_COUNT (self));

  if (g_strcmp0 (self->kind, kind) == 0)
    return;
  g_free (self->kind);
  self->kind = g_strdup (kind);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * cv_match_count_set_search_entry:
 * @entry: (nullable): the search the count is under
 *
 * The search is described by the count: a screen reader on the search
 * reads how many it finds.
 */
void
cv_match_count_set_search_entry (CvMatchCount *self,
                                 GtkWidget    *entry)
{
  g_return_if_fail (CV_IS_MATCH_COUNT (self));
  g_return_if_fail (entry == NULL || GTK_IS_WIDGET (entry));

  if (self->search_entry == entry)
    return;
  if (self->search_entry != NULL)
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  /* Not a reference: the entry and the count are parts of one view. */
  self->search_entry = entry;
  if (entry != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self, NULL, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_ENTRY]);
}

/* Returns: what the count says now (empty before the first search) */
const char *
cv_match_count_get_text (CvMatchCount *self)
{
  g_return_val_if_fail (CV_IS_MATCH_COUNT (self), NULL);
  return gtk_label_get_text (self->label);
}

static void
cv_match_count_dispose (GObject *object)
{
  CvMatchCount *self = (CvMatchCount *)object;

  g_clear_signal_handler (&self->refreshed_id, self->list);
  g_clear_object (&self->list);
  self->search_entry = NULL;
  if (self->label != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->label));
      self->label = NULL;
    }

  G_OBJECT_CLASS (cv_match_count_parent_class)->dispose (object);
}

static void
cv_match_count_finalize (GObject *object)
{
  CvMatchCount *self = (CvMatchCount *)object;

  g_free (self->kind);

  G_OBJECT_CLASS (cv_match_count_parent_class)->finalize (object);
}

static void
cv_match_count_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CvMatchCount *self = CV_MATCH_COUNT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_SEARCH_ENTRY:
      g_value_set_object (value, self->search_entry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cv_match_count_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CvMatchCount *self = CV_MATCH_COUNT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      cv_match_count_set_kind (self, g_value_get_string (value));
      break;
    case PROP_SEARCH_ENTRY:
      cv_match_count_set_search_entry (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cv_match_count_class_init (CvMatchCountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cv_match_count_dispose;
  object_class->finalize = cv_match_count_finalize;
  object_class->get_property = cv_match_count_get_property;
  object_class->set_property = cv_match_count_set_property;

  /**
   * CvMatchCount:kind:
   *
   * The table the list shows (stakeholder, session, …), naming what is counted.
   */
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CvMatchCount:search-entry:
   *
   * The search the count is under, which the count describes to assistive
   * technology. (GtkBuilder in GTK 4.8 drops a described-by relation to an
   * object later in the file, so the count sets it.)
   */
  properties[PROP_SEARCH_ENTRY] = g_param_spec_object ("search-entry", NULL, NULL, GTK_TYPE_WIDGET,
                                                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                       G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* A live region: its changes are advisory, read without taking the focus. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
  gtk_widget_class_set_css_name (widget_class, "matchcount");
}

static void
cv_match_count_init (CvMatchCount *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
