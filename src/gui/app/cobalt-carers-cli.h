/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cobalt-core.h"

G_BEGIN_DECLS

/* `cobalt --export-csv/--export-ics/--export-pdf/--import-csv`: no display
 * needed. Messages go to stderr (problems, one per line) and stdout (what
 * was done). Exit codes (also in README.md and --help): */
#define COBALT_EXIT_OK              0
#define COBALT_EXIT_FAILED          1  /* the data could not be opened or read */
#define COBALT_EXIT_UNKNOWN_PERSON  2  /* no such --person (or none / several to choose from) */
#define COBALT_EXIT_FILE            3  /* a file could not be written (or read, for --import-csv) */
#define COBALT_EXIT_MALFORMED_CSV   4  /* --import-csv found bad rows; nothing was imported */
#define COBALT_EXIT_NOT_RESTORED    5  /* --restore refused the file (cobalt-backup-cli.h); nothing was changed */

typedef struct
{
  const char *person_name;   /* --person, may be NULL */
  const char *import_csv;
  const char *export_csv;
  const char *export_ics;
  const char *export_pdf;
  const char *export_fhir;
} CobaltCarersCliOptions;

/* TRUE when any of the transfer options is set. */
gboolean cobalt_carers_cli_wanted (const CobaltCarersCliOptions *options);

/* Runs them (import first, then the exports) for the chosen person and
 * returns the exit status of the first that failed, or 0. */
int      cobalt_carers_cli_run    (CobaltRepository             *repository,
                                   CobaltClock                  *clock,
                                   const CobaltCarersCliOptions *options);

G_END_DECLS
