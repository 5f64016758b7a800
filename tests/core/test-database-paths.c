/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "cobalt-database.h"
#include "database-test-utils.h"

/* Odd things at the database path: an empty file, a folder, a file cut
 * short. None may become an empty log silently, and none is altered. */

static void
test_zero_length_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
  g_autofree char *fresh = g_build_filename (tmp, "fresh", NULL);
  g_autofree char *fresh_path = g_build_filename (fresh, "cobalt.db", NULL);
  GStatBuf st;

  /* A log that had doses and backups, then lost every byte (a bad copy,
   * a full disk on some file systems): Cobalt must not start an empty log
   * over it as if nothing happened, but report it so the newest backup
   * can be offered. */
  create_fixture (tmp);
  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  backups = cobalt_database_list_backups (tmp);
  g_assert_cmpuint (backups->len, >, 0);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));

  db = cobalt_database_open (tmp, &error);
  g_assert_null (db);
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_assert_true (cobalt_database_restore_backup (tmp, backups->pdata[0], NULL, &error));
  g_assert_no_error (error);
  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM doses"), ==, 2);
  g_clear_object (&db);

  /* With no backup at all, an empty file is where a first start stopped
   * before writing anything: it simply becomes a new database. */
  g_assert_cmpint (g_mkdir (fresh, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fresh_path, "", 0, NULL));
  db = cobalt_database_open (fresh, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cobalt_database_get_schema_version (db), ==, cobalt_database_get_latest_schema_version ());
  g_clear_object (&db);

  rm_rf (tmp);
}

static void
test_path_is_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
  g_autofree char *inside = g_build_filename (path, "keep.txt", NULL);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "mine", -1, NULL));

  db = cobalt_database_open (tmp, &error);
  g_assert_null (db);
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));

  rm_rf (tmp);
}

static void
assert_truncated_refused (const char *tmp,
                          goffset     keep)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  create_fixture (tmp);
  g_assert_cmpint (truncate (path, keep), ==, 0);
  before = file_checksum (path);

  db = cobalt_database_open (tmp, &error);
  g_test_message ("truncated to %" G_GOFFSET_FORMAT ": %s", keep, error != NULL ? error->message : "opened");
  g_assert_null (db);
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CORRUPT);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_truncated_file (void)
{
  const goffset sizes[] = { 20, 100, 4096, -1 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *tmp = make_tmp_dir ();
      goffset keep = sizes[i];

      if (keep < 0)
        {
          /* Half of a real log, cut at a page boundary. */
          g_autofree char *probe = make_tmp_dir ();
          g_autofree char *probe_path = g_build_filename (probe, "cobalt.db", NULL);
          GStatBuf st;

          create_fixture (probe);
          g_assert_cmpint (g_stat (probe_path, &st), ==, 0);
          keep = (st.st_size / 2) / 4096 * 4096;
          rm_rf (probe);
        }
      assert_truncated_refused (tmp, keep);
      rm_rf (tmp);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/database/zero-length-file", test_zero_length_file);
  g_test_add_func ("/cobalt/database/path-is-directory", test_path_is_directory);
  g_test_add_func ("/cobalt/database/truncated-file", test_truncated_file);

  return g_test_run ();
}
