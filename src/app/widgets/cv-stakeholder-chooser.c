/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A popover to choose one stakeholder of the programme: type to search, pick
 * from the list, or create someone with the name typed, on the spot. It can
 * be limited to organisations.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cv-record-list.h"
#include "cv-stakeholder.h"
#include "cv-stakeholder-chooser.h"
#include "cv-widgets.h"

struct _CvStakeholderChooser
{
  GtkPopover    parent_instance;

  CvStore      *store;
  char         *programme_id;
  char         *kind;     /* NULL for anyone; new ones are then people */
  CvRecordList *list;

  GtkSearchEntry *search_entry;
  GtkListView    *list_view;
  GtkButton      *create_button;
  GtkLabel       *error_label;
};

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CvStakeholderChooser, cv_stakeholder_chooser, GTK_TYPE_POPOVER)

static char *
typed_name (CvStakeholderChooser *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
}

static void
search_changed_cb (CvStakeholderChooser *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = typed_name (self);
  g_autofree char *label = NULL;

  if (self->list == NULL)
    return;
  cv_record_list_set_programme (self->list, self->programme_id);
  cv_record_list_set_search (self->list, text);
  if (!cv_record_list_refresh (self->list, &error))
    cv_widget_report_error (GTK_WIDGET (self), "Could not search the stakeholders", error);

  gtk_widget_set_visible (GTK_WIDGET (self->create_button), *text != '\0');
  label = g_strdup_printf (_("Create “%s”"), text);
  gtk_button_set_label (self->create_button, label);
}

static void
shown_cb (CvStakeholderChooser *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
choose (CvStakeholderChooser *self,
        const char           *id)
{
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[CHOSEN], 0, id);
}

static void
activate_cb (CvStakeholderChooser *self,
             guint                 position)
{
  g_autoptr(CvRecord) record = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (record != NULL && cv_record_get_id (record) != NULL)
    choose (self, cv_record_get_id (record));
}

static void
create_cb (CvStakeholderChooser *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CvRecord) record = cv_record_new (CV_TYPE_STAKEHOLDER);
  g_autofree char *name = typed_name (self);

  g_object_set (record, "programme-id", self->programme_id, "name", name,
                "kind", self->kind != NULL ? self->kind : "person", NULL);
  if (!cv_store_insert (self->store, record, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  choose (self, cv_record_get_id (record));
}

/* Enter picks the first match, or creates what was typed when nothing matches. */
static void
search_activate_cb (CvStakeholderChooser *self)
{
  /* Enter typed straight after the name comes before the search entry's
   * pause: search for what is typed now, not pick from the list before it. */
  search_changed_cb (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    activate_cb (self, 0);
  else if (gtk_widget_get_visible (GTK_WIDGET (self->create_button)))
    create_cb (self);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      cv_record_get_string (gtk_list_item_get_item (item), "name"));
}

static void
cv_stakeholder_chooser_dispose (GObject *object)
{
  CvStakeholderChooser *self = (CvStakeholderChooser *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CV_TYPE_STAKEHOLDER_CHOOSER);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_pointer (&self->programme_id, g_free);
  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (cv_stakeholder_chooser_parent_class)->dispose (object);
}

static void
cv_stakeholder_chooser_class_init (CvStakeholderChooserClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cv_stakeholder_chooser_dispose;

  /**
   * CvStakeholderChooser::chosen:
   * @id: the stakeholder chosen (or just created)
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/convene/Convene/cv-stakeholder-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, CvStakeholderChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholderChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholderChooser, create_button);
  gtk_widget_class_bind_template_child (widget_class, CvStakeholderChooser, error_label);
  gtk_widget_class_bind_template_callback (widget_class, shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_cb);
}

static void
cv_stakeholder_chooser_init (CvStakeholderChooser *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

void
cv_stakeholder_chooser_set_store (CvStakeholderChooser *self,
                                  CvStore              *store)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (CV_IS_STAKEHOLDER_CHOOSER (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->list = cv_record_list_new (store, CV_TYPE_STAKEHOLDER);
  if (self->kind != NULL)
    cv_record_list_set_filter (self->list, "kind", self->kind);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

void
cv_stakeholder_chooser_set_programme (CvStakeholderChooser *self,
                                      const char           *programme_id)
{
  g_return_if_fail (CV_IS_STAKEHOLDER_CHOOSER (self));

  g_free (self->programme_id);
  self->programme_id = g_strdup (programme_id);
}

/**
 * cv_stakeholder_chooser_set_kind:
 * @kind: (nullable): "organisation" to offer only organisations, or %NULL
 */
void
cv_stakeholder_chooser_set_kind (CvStakeholderChooser *self,
                                 const char           *kind)
{
  g_return_if_fail (CV_IS_STAKEHOLDER_CHOOSER (self));

  g_free (self->kind);
  self->kind = g_strdup (kind);
  if (self->list != NULL)
    cv_record_list_set_filter (self->list, "kind", kind);
}
