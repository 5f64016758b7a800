/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <sys/stat.h>

#include "cobalt-core.h"
#include "cobalt-database.h"
#include "cobalt-migrations.h"
#include "database-test-utils.h"
#include "damage-test-util.h"

/* Damage found before it is trusted (issue 15): every kind of damaged
 * file is refused by a start that reads the whole file, without a byte of
 * it changed, with its backups still there to restore. */

#define N_DOSES 60

static guint
count_doses (const char                *data_dir,
             CobaltRepositoryOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(GPtrArray) doses = NULL;

  repository = cobalt_repository_open (data_dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP | flags, &error);
  g_assert_no_error (error);
  people = cobalt_repository_list_people (repository, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  person = g_list_model_get_item (people, 0);
  doses = cobalt_repository_list_doses (repository, person->id, &error);
  g_assert_no_error (error);
  return doses->len;
}

static char *
make_log_with_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autofree char *backup = NULL;
  char *tmp = make_tmp_dir ();

  damage_make_log (tmp, N_DOSES);
  repository = cobalt_repository_open (tmp, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  backup = cobalt_repository_backup (repository, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  return tmp;
}

static void
on_check_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (cobalt_repository_check_integrity_finish (result, error));
}

/* The damage of the issue: an index of the doses table no longer matches
 * the table. quick_check, all that opening ran before, passes; a query
 * through the index finds no dose, so the log looked empty. */
static void
test_index_page (void)
{
  g_autofree char *tmp = make_log_with_backup ();
  g_autofree char *db_path = g_build_filename (tmp, COBALT_REPOSITORY_FILENAME, NULL);
  g_autofree char *before = NULL;
  g_autofree char *quick = NULL;
  g_autofree char *full = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GMainContext) context = NULL;

  g_assert_cmpuint (count_doses (tmp, 0), ==, N_DOSES);
  g_assert_true (cobalt_repository_check_integrity (tmp, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (damage_index_page (db_path, "doses_person_given"), ==, N_DOSES);
  g_assert_cmpuint (damage_index_page (db_path, "doses_person_live"), ==, N_DOSES);
  quick = damage_run_check (db_path, "quick_check");
  full = damage_run_check (db_path, "integrity_check");
  g_assert_cmpstr (quick, ==, "ok");
  g_assert_cmpstr (full, !=, "ok");
  before = file_checksum (db_path);

  /* What quick_check alone lets through: the log reads as empty. */
  g_assert_cmpuint (count_doses (tmp, COBALT_REPOSITORY_OPEN_QUICK_CHECK), ==, 0);

  /* A start that reads the whole file refuses it, and changes nothing. */
  g_assert_null (cobalt_repository_open (tmp, COBALT_REPOSITORY_OPEN_DEFAULT, &error));
  g_assert_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_error (&error);
  g_assert_null (cobalt_repository_open (tmp, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error));
  g_assert_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpstr (file_checksum (db_path), ==, before);

  /* The check the window runs after its first frame, in a thread. */
  g_assert_false (cobalt_repository_check_integrity (tmp, NULL, &error));
  g_assert_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_CORRUPT);
  g_clear_error (&error);

  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  cobalt_repository_check_integrity_async (tmp, NULL, on_check_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
  g_assert_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_CORRUPT);
  g_clear_error (&error);

  cancellable = g_cancellable_new ();
  g_cancellable_cancel (cancellable);
  g_assert_false (cobalt_repository_check_integrity (tmp, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Then as for a damaged header: aside byte for byte, the backup back. */
  g_assert_true (cobalt_repository_move_aside (tmp, &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (file_checksum (moved), ==, before);
  backups = cobalt_repository_list_backups (tmp);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_true (cobalt_repository_restore_backup (tmp, backups->pdata[0], NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_doses (tmp, 0), ==, N_DOSES);

  rm_rf (tmp);
}

typedef enum
{
  KIND_HEADER,
  KIND_TABLE_PAGE,
  KIND_TRUNCATED,
  KIND_DIRECTORY,
  KIND_FIFO,
} DamageKind;

static void
on_alarm (int signum)
{
  /* A fifo opened for reading waits for a writer: a start must never. */
  static const char message[] = "Bail out! opening the log hung\n";

  if (write (STDOUT_FILENO, message, sizeof message - 1) < 0)
    _exit (3);
  _exit (1);
}

static void
test_kind (gconstpointer data)
{
  DamageKind kind = GPOINTER_TO_INT (data);
  g_autofree char *tmp = make_log_with_backup ();
  g_autofree char *db_path = g_build_filename (tmp, COBALT_REPOSITORY_FILENAME, NULL);
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  GStatBuf st;

  switch (kind)
    {
    case KIND_HEADER:
      damage_header (db_path);
      break;
    case KIND_TABLE_PAGE:
      damage_table_page (db_path, "doses");
      break;
    case KIND_TRUNCATED:
      damage_truncate (db_path);
      break;
    case KIND_DIRECTORY:
      g_assert_cmpint (g_unlink (db_path), ==, 0);
      g_assert_cmpint (g_mkdir (db_path, 0700), ==, 0);
      break;
    case KIND_FIFO:
      g_assert_cmpint (g_unlink (db_path), ==, 0);
      g_assert_cmpint (mkfifo (db_path, 0600), ==, 0);
      break;
    default:
      g_assert_not_reached ();
    }
  if (kind < KIND_DIRECTORY)
    before = file_checksum (db_path);

  signal (SIGALRM, on_alarm);
  alarm (30);
  repository = cobalt_repository_open (tmp, COBALT_REPOSITORY_OPEN_DEFAULT, &error);
  alarm (0);
  g_assert_null (repository);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (kind < KIND_DIRECTORY)
    {
      g_assert_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_CORRUPT);
      g_assert_cmpstr (file_checksum (db_path), ==, before);
    }
  else
    {
      /* Not Cobalt's to move or replace: said plainly, left as it is. */
      g_assert_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_OPEN);
      g_assert_nonnull (strstr (error->message, "not a regular file"));
      g_assert_cmpint (lstat (db_path, &st), ==, 0);
      g_assert_true (kind == KIND_DIRECTORY ? S_ISDIR (st.st_mode) : S_ISFIFO (st.st_mode));
    }

  g_clear_error (&error);

  /* The backup made before is still there and good. */
  backups = cobalt_repository_list_backups (tmp);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_true (cobalt_repository_verify_backup (backups->pdata[0], &error));
  g_assert_no_error (error);

  rm_rf (tmp);
}

/* A migration rewrites tables: it waits for the whole file to be found
 * sound even when the open itself only looked at the pages. */
static void
test_no_migration_over_damage (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *db_path = g_build_filename (tmp, COBALT_REPOSITORY_FILENAME, NULL);
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  guint latest = cobalt_database_get_latest_schema_version ();

  /* As the Cobalt before the newest schema step wrote it. */
  cobalt_migrations_set_test_builtin_limit (latest - 1);
  damage_make_log (tmp, N_DOSES);
  cobalt_migrations_set_test_builtin_limit (0);
  g_assert_cmpint (raw_int (db_path, "PRAGMA user_version"), ==, latest - 1);

  damage_index_page (db_path, "doses_person_given");
  before = file_checksum (db_path);

  g_assert_null (cobalt_repository_open (tmp, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP |
                                              COBALT_REPOSITORY_OPEN_QUICK_CHECK, &error));
  g_assert_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_CORRUPT);
  g_assert_cmpstr (file_checksum (db_path), ==, before);
  g_assert_cmpint (raw_int (db_path, "PRAGMA user_version"), ==, latest - 1);
  backups = cobalt_repository_list_backups (tmp);
  g_assert_cmpuint (backups->len, ==, 0);

  rm_rf (tmp);
}

/* The window's open before its first frame only looks at the pages; the
 * whole check of a sound log passes. */
static void
test_sound_log (void)
{
  g_autofree char *tmp = make_log_with_backup ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;

  repository = cobalt_repository_open (tmp, COBALT_REPOSITORY_OPEN_QUICK_CHECK, &error);
  g_assert_no_error (error);
  g_assert_true (cobalt_repository_check_integrity (tmp, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&repository);
  g_assert_cmpuint (count_doses (tmp, 0), ==, N_DOSES);

  rm_rf (tmp);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/database/damage/index-page", test_index_page);
  g_test_add_data_func ("/cobalt/database/damage/header", GINT_TO_POINTER (KIND_HEADER), test_kind);
  g_test_add_data_func ("/cobalt/database/damage/table-page", GINT_TO_POINTER (KIND_TABLE_PAGE), test_kind);
  g_test_add_data_func ("/cobalt/database/damage/truncated", GINT_TO_POINTER (KIND_TRUNCATED), test_kind);
  g_test_add_data_func ("/cobalt/database/damage/directory", GINT_TO_POINTER (KIND_DIRECTORY), test_kind);
  g_test_add_data_func ("/cobalt/database/damage/fifo", GINT_TO_POINTER (KIND_FIFO), test_kind);
  g_test_add_func ("/cobalt/database/damage/no-migration-over-damage", test_no_migration_over_damage);
  g_test_add_func ("/cobalt/database/damage/sound-log", test_sound_log);

  return g_test_run ();
}
