/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The CSV fuzz target (fuzz-csv.c) replayed over the committed corpus,
 * tests/core/fuzz-corpus/csv/, in every build, gcc's too; then a few
 * hundred cheap mutations of each file (bytes flipped, cut short, spliced
 * with another), from g_test_rand, so --seed replays a failure. A libFuzzer
 * run (`build-aux/dev.sh reliability`) adds what it finds to the corpus. */

#include "fuzz-csv.c"

#define N_MUTATIONS 200

static GPtrArray *corpus;   /* GBytes, one per file */

static void
test_replay (gconstpointer data)
{
  GBytes *bytes = (GBytes *) data;
  gsize size;
  const guint8 *input = g_bytes_get_data (bytes, &size);

  LLVMFuzzerTestOneInput (input, size);
}

static void
test_mutations (void)
{
  for (guint i = 0; i < corpus->len; i++)
    {
      gsize size, other_size;
      const guint8 *input = g_bytes_get_data (corpus->pdata[i], &size);
      const guint8 *other = g_bytes_get_data (corpus->pdata[(i + 1) % corpus->len], &other_size);

      for (guint m = 0; m < N_MUTATIONS; m++)
        {
          g_autoptr(GByteArray) mutant = g_byte_array_new ();

          g_byte_array_append (mutant, input, size);
          switch (g_test_rand_int_range (0, 4))
            {
            case 0:   /* flip a few bytes */
              for (guint k = 0; k < 4 && mutant->len > 1; k++)
                mutant->data[g_test_rand_int_range (1, mutant->len)] = g_test_rand_int_range (0, 256);
              break;
            case 1:   /* cut short */
              if (mutant->len > 1)
                g_byte_array_set_size (mutant, g_test_rand_int_range (1, mutant->len + 1));
              break;
            case 2:   /* splice another file's tail in */
              if (mutant->len > 1 && other_size > 1)
                {
                  guint at = g_test_rand_int_range (1, mutant->len + 1);
                  guint from = g_test_rand_int_range (1, other_size + 1);

                  g_byte_array_set_size (mutant, at);
                  g_byte_array_append (mutant, other + from, other_size - from);
                }
              break;
            default:  /* insert a byte that matters to the grammar */
              {
                static const guint8 specials[] = { '"', ',', '\r', '\n', '\'', '=', 0, 0xff, 0xc3, ':', '+', '-', '/' };
                guint at = g_test_rand_int_range (1, mutant->len + 1);
                guint8 c = specials[g_test_rand_int_range (0, G_N_ELEMENTS (specials))];

                g_byte_array_set_size (mutant, mutant->len + 1);
                memmove (mutant->data + at + 1, mutant->data + at, mutant->len - 1 - at);
                mutant->data[at] = c;
              }
              break;
            }
          /* Every mode, whatever the file chose. */
          if (mutant->len > 0 && g_test_rand_bit ())
            mutant->data[0] = g_test_rand_int_range (0, 6);
          LLVMFuzzerTestOneInput (mutant->data, mutant->len);
        }
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir_path = g_build_filename (g_getenv ("COBALT_SOURCE_DIR"), "tests", "core", "fuzz-corpus", "csv", NULL);
  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >, 0);

  corpus = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);
      g_autofree char *test_path = g_strdup_printf ("/cobalt/fuzz/csv/corpus/%s", (const char *) names->pdata[i]);
      char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_ptr_array_add (corpus, g_bytes_new_take (contents, length));
      g_test_add_data_func (test_path, corpus->pdata[i], test_replay);
    }
  g_test_add_func ("/cobalt/fuzz/csv/mutations", test_mutations);

  status = g_test_run ();
  g_ptr_array_unref (corpus);
  return status;
}
