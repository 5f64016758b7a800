/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cobalt-core.h"

G_BEGIN_DECLS

/* What the report says besides the log table, as a list of blocks of
 * text in reading order, worked out once from the repository at a fixed
 * "now" (CobaltReport lays them out and draws them). Page 1 is the
 * summary a clinician reads in a minute: the person, the prescription and
 * the current phase, the doses of the last 12 months against their due
 * days, doses not given and why, the sites, reactions by triage level,
 * the latest lab results against the lab's range and the symptom-return
 * evidence. Then the log table (COBALT_REPORT_BLOCK_TABLE), then every
 * reaction and lab result in full. No drawing and no widgets here. */

typedef enum
{
  COBALT_REPORT_BLOCK_TITLE,    /* the report's heading */
  COBALT_REPORT_BLOCK_HEADING,  /* a section heading, kept with what follows */
  COBALT_REPORT_BLOCK_TEXT,     /* a paragraph */
  COBALT_REPORT_BLOCK_SMALL,    /* a paragraph in small print */
  COBALT_REPORT_BLOCK_TABLE,    /* the log table goes here */
} CobaltReportBlockKind;

typedef struct
{
  CobaltReportBlockKind  kind;
  char                  *text;   /* NULL for the table */
} CobaltReportBlock;

/* The months the summary looks back over. */
#define COBALT_REPORT_SUMMARY_MONTHS 12

/* GPtrArray of CobaltReportBlock (freed with the array). @prescription
 * may be NULL; @now's zone is the zone of calendar days. NULL with the
 * repository's error when something could not be read. */
GPtrArray *cobalt_report_summary_build (CobaltRepository   *repository,
                                        CobaltPerson       *person,
                                        CobaltPrescription *prescription,
                                        GDateTime          *now,
                                        GError            **error);

/* The cells of one row of the log table, the Log page's columns in its
 * order (when, site, dose, batch, given by, checklist, reactions, notes),
 * each "" when empty, never NULL: a dose given, a dose not given on the
 * clinic's advice, or a checklist stopped before anything was given.
 * Free with g_strfreev(). */
#define COBALT_REPORT_N_COLUMNS 8
char     **cobalt_report_row_cells     (CobaltLogEntry     *entry,
                                        GTimeZone          *local);

/* The titles of those columns, translated. */
const char *cobalt_report_column_title (guint               column);

G_END_DECLS
