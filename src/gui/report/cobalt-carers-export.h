/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

typedef enum
{
  COBALT_CARERS_EXPORT_CSV,
  COBALT_CARERS_EXPORT_PDF,
  COBALT_CARERS_EXPORT_ICS,
  COBALT_CARERS_IMPORT_CSV,
  COBALT_CARERS_EXPORT_FHIR,  /* the person's record as a FHIR R4 bundle (JSON) */
} CobaltCarersTransfer;

/* Asks for a file (GtkFileChooserNative, until GTK 4.10's GtkFileDialog),
 * then exports or imports for @person, and tells the person in a dialog
 * what went wrong, or how many rows an import added. */
void cobalt_carers_transfer (GtkWidget            *parent,
                             CobaltRepository     *repository,
                             CobaltClock          *clock,
                             CobaltPerson         *person,
                             CobaltCarersTransfer  kind);

G_END_DECLS
