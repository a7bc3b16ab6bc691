/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the window tests share: a fixture with an application, its window
 * and a database of its own, and ways to wait for and find widgets.
 */
#pragma once

#include <adwaita.h>

#include "cv-application.h"
#include "cv-window.h"

G_BEGIN_DECLS

typedef struct
{
  CvApplication *app;
  CvWindow      *window;
  char          *dir;
  char          *path;
} Fixture;

typedef gboolean (*WidgetMatch) (GtkWidget  *widget,
                                 const char *text);

void      run_main_loop      (guint          ms);
gpointer  child              (gpointer       widget,
                              GType          type,
                              const char    *name);
void      open_window        (Fixture       *f);
void      close_window       (Fixture       *f);
void      fixture_set_up     (Fixture       *f,
                              gconstpointer  data);
void      fixture_tear_down  (Fixture       *f,
                              gconstpointer  data);
CvStore  *store_of           (Fixture       *f);
gpointer  find_toplevel      (GType          type);
gpointer  wait_for_toplevel  (GType          type);
void      wait_for_n_items   (GListModel    *model,
                              guint          n);
void      signal_seen_cb     (gpointer       instance,
                              gpointer       arg,
                              gboolean      *seen);
void      wait_for           (gboolean      *flag);
gpointer  find_descendant    (GtkWidget     *widget,
                              WidgetMatch    match,
                              const char    *text);
gpointer  pane_child         (gpointer       view,
                              const char    *name);
gboolean  is_button_labelled (GtkWidget     *widget,
                              const char    *label);
void      open_sample        (Fixture       *f);
char     *busiest_session    (Fixture       *f);
gboolean  is_entry_row_titled (GtkWidget    *widget,
                               const char   *title);

G_END_DECLS
