/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Damaged logs, made byte by byte as a failing disk, a bad copy or a
 * crash leaves them (issue 15): for test-database-damage.c and the
 * command-line and reliability tests in integration/, which include this
 * file by its relative path. The page surgery follows the file format
 * (sqlite.org/fileformat.html, 1.6 and 2.1). */

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cobalt-database.h"
#include "cobalt-repository-private.h"
#include "carers-test-util.h"

/* A log in @data_dir with one person and @n_doses doses (carers-test-util),
 * made through the repository; returns the person's id. */
static inline gint64
damage_make_log (const char *data_dir,
                 guint       n_doses)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  gint64 person_id;

  repository = cobalt_repository_open (data_dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  person_id = carers_add_person (repository, "Ann");
  g_assert_true (carers_fill_doses (cobalt_repository_get_database (repository), person_id, n_doses, &error));
  g_assert_no_error (error);
  return person_id;
}

/* The result of PRAGMA @pragma (quick_check, integrity_check) through
 * plain SQLite, read-only. */
static inline char *
damage_run_check (const char *path,
                  const char *pragma)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  char *result;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  result = rc == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (stmt, 0))
                            : g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static inline void
damage_root_page (const char *path,
                  const char *name,
                  guint      *root,
                  guint      *page_size)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *root = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *page_size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (*root, >, 1);
}

static inline guint8 *
damage_read_page (int   fd,
                  guint page,
                  guint page_size)
{
  guint8 *data = g_malloc (page_size);

  g_assert_cmpint (pread (fd, data, page_size, (off_t) (page - 1) * page_size), ==, (gssize) page_size);
  return data;
}

/* Reads an SQLite varint at @p; returns its length. */
static inline guint
damage_varint (const guint8 *p,
               guint64      *value)
{
  guint64 v = 0;

  for (guint i = 0; i < 8; i++)
    {
      v = (v << 7) | (p[i] & 0x7f);
      if (!(p[i] & 0x80))
        {
          *value = v;
          return i + 1;
        }
    }
  *value = (v << 8) | p[8];
  return 9;
}

/* Makes every entry of the index @index (whose first column is a
 * person's id, and whose root page must be a leaf: a small log) name
 * another person, without changing a single size: the file's structure
 * stays sound (quick_check passes) while the index no longer matches its
 * table, so a query through it finds none of the person's doses. This is
 * the damage issue 15 reported: the log looked empty. Returns how many
 * entries were changed. */
static inline guint
damage_index_page (const char *path,
                   const char *index)
{
  g_autofree guint8 *page = NULL;
  guint root, page_size, n_cells;
  guint changed = 0;
  int fd;

  damage_root_page (path, index, &root, &page_size);
  fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  page = damage_read_page (fd, root, page_size);

  /* 0x0a: a leaf page of an index; the test's log must be small enough. */
  g_assert_cmphex (page[0], ==, 0x0a);
  n_cells = (page[3] << 8) | page[4];
  g_assert_cmpuint (n_cells, >, 0);

  for (guint i = 0; i < n_cells; i++)
    {
      guint offset = (page[8 + 2 * i] << 8) | page[8 + 2 * i + 1];
      guint8 *p = page + offset;
      guint64 payload, header_size, serial;
      guint8 *header, *body;

      p += damage_varint (p, &payload);
      header = p;
      p += damage_varint (p, &header_size);
      damage_varint (p, &serial);
      body = header + header_size;

      if (serial == 9)          /* the integer 1, stored in the type alone */
        *p = 8;                 /* the integer 0 */
      else if (serial == 1)     /* an 8-bit integer */
        body[0] ^= 0x40;
      else
        g_error ("unexpected first column of type %" G_GUINT64_FORMAT " in %s", serial, index);
      changed++;
    }

  g_assert_cmpint (pwrite (fd, page, page_size, (off_t) (root - 1) * page_size), ==, (gssize) page_size);
  g_close (fd, NULL);
  return changed;
}

/* Scribbles over the cell pointers of @table's root page: the b-tree
 * itself is broken (quick_check finds it). */
static inline void
damage_table_page (const char *path,
                   const char *table)
{
  g_autofree guint8 *page = NULL;
  guint root, page_size, header;
  int fd;

  damage_root_page (path, table, &root, &page_size);
  fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  page = damage_read_page (fd, root, page_size);

  /* Leaf table pages (0x0d) have an 8-byte header, interior ones 12. */
  header = page[0] == 0x0d ? 8 : 12;
  g_assert_true (page[0] == 0x0d || page[0] == 0x05);
  memset (page + header, 0xff, MIN (64u, page_size - header));

  g_assert_cmpint (pwrite (fd, page, page_size, (off_t) (root - 1) * page_size), ==, (gssize) page_size);
  g_close (fd, NULL);
}

/* The first 16 bytes, SQLite's magic, overwritten. */
static inline void
damage_header (const char *path)
{
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, "not a database!!", 16, 0), ==, 16);
  g_close (fd, NULL);
}

/* Cut to half its length (whole pages), as a copy that stopped halfway. */
static inline void
damage_truncate (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (truncate (path, (st.st_size / 2) & ~(off_t) 4095), ==, 0);
}
