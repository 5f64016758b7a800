/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-calendar-page.h"
#include "cobalt-journal-page.h"
#include "cobalt-log-page.h"
#include "cobalt-supplies-page.h"
#include "cobalt-window-sections.h"

static const struct
{
  const char *name;
  const char *title;
} sections[COBALT_N_SECTIONS] = {
  /* The carers' pages (src/gui/carers). */
  [COBALT_SECTION_LOG] = { "log", N_("Log") },
  [COBALT_SECTION_CALENDAR] = { "calendar", N_("Calendar") },
  /* The records (src/gui/journal). */
  [COBALT_SECTION_JOURNAL] = { "journal", N_("Journal") },
  [COBALT_SECTION_SUPPLIES] = { "supplies", N_("Supplies") },
};

const char *
cobalt_section_get_name (CobaltSection section)
{
  g_return_val_if_fail (section < COBALT_N_SECTIONS, NULL);
  return sections[section].name;
}

const char *
cobalt_section_get_title (CobaltSection section)
{
  g_return_val_if_fail (section < COBALT_N_SECTIONS, NULL);
  return _(sections[section].title);
}

gboolean
cobalt_section_from_name (const char    *name,
                          CobaltSection *section)
{
  g_return_val_if_fail (section != NULL, FALSE);

  for (guint i = 0; i < COBALT_N_SECTIONS; i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      {
        *section = i;
        return TRUE;
      }

  return FALSE;
}

GtkWidget *
cobalt_section_new_page (CobaltSection  section,
                         CobaltContext *context,
                         GSettings     *settings)
{
  GtkWidget *page = NULL;

  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cobalt_context_get_person (context) != NULL, NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  switch (section)
    {
    case COBALT_SECTION_LOG:
      page = GTK_WIDGET (cobalt_log_page_new (context));
      break;
    case COBALT_SECTION_CALENDAR:
      page = GTK_WIDGET (cobalt_calendar_page_new (context));
      break;
    case COBALT_SECTION_JOURNAL:
      page = cobalt_journal_page_new (context);
      break;
    case COBALT_SECTION_SUPPLIES:
      page = cobalt_supplies_page_new (context);
      if (settings != NULL)
        g_settings_bind (settings, "low-stock-lead-days",
                         page, "low-stock-lead-days", G_SETTINGS_BIND_GET);
      break;
    case COBALT_N_SECTIONS:
    default:
      g_return_val_if_reached (NULL);
    }

  return page;
}
