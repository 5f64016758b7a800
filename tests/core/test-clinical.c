/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalogue of clinical text (src/core/clinical/): the four triage
 * levels and their lists, the numbers people call, the missed-dose
 * wording, and that no clinical sentence is written anywhere else. */

#include <string.h>
#include <glib/gstdio.h>

#include "cobalt-core.h"

static CobaltPerson *
person_with (const char *emergency,
             const char *urgent,
             const char *clinic_phone)
{
  CobaltPerson *person = cobalt_person_new ("Ann");

  cobalt_person_set_emergency_number (person, emergency);
  cobalt_set_str (&person->urgent_number, urgent);
  cobalt_set_str (&person->clinic_phone, clinic_phone);
  return person;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” contains “%s”", text, part);
}

static void
test_levels_named (void)
{
  g_assert_cmpstr (cobalt_triage_level_to_string (COBALT_TRIAGE_EMERGENCY), ==, "Emergency");
  g_assert_cmpstr (cobalt_triage_level_to_string (COBALT_TRIAGE_URGENT_ADVICE), ==, "Get urgent advice now");
  g_assert_cmpstr (cobalt_triage_level_to_string (COBALT_TRIAGE_CONTACT_CLINIC), ==, "Contact your clinic today");
  g_assert_cmpstr (cobalt_triage_level_to_string (COBALT_TRIAGE_MILD), ==, "Mild");

  /* Ordered by urgency: the log and the aftercare banner take the highest. */
  g_assert_cmpint (COBALT_TRIAGE_MILD, <, COBALT_TRIAGE_CONTACT_CLINIC);
  g_assert_cmpint (COBALT_TRIAGE_CONTACT_CLINIC, <, COBALT_TRIAGE_URGENT_ADVICE);
  g_assert_cmpint (COBALT_TRIAGE_URGENT_ADVICE, <, COBALT_TRIAGE_EMERGENCY);
}

/* CLINICAL.md's table, and the seed's rule that severe allergic symptoms
 * and severe, rapidly worsening site pain are never triaged lower than
 * urgent advice. */
static void
test_catalogue_levels (void)
{
  static const struct { const char *id; CobaltTriageLevel level; } expected[] = {
    { "face-swelling", COBALT_TRIAGE_EMERGENCY },
    { "breathing-difficulty", COBALT_TRIAGE_EMERGENCY },
    { "wheezing", COBALT_TRIAGE_EMERGENCY },
    { "faint-collapse", COBALT_TRIAGE_EMERGENCY },
    { "chest-pain", COBALT_TRIAGE_EMERGENCY },
    { "hives-swelling", COBALT_TRIAGE_URGENT_ADVICE },
    { "severe-site-pain", COBALT_TRIAGE_URGENT_ADVICE },
    { "site-infection", COBALT_TRIAGE_CONTACT_CLINIC },
    { "cramps-weakness", COBALT_TRIAGE_CONTACT_CLINIC },
    { "vision-change", COBALT_TRIAGE_CONTACT_CLINIC },
    { "bruise", COBALT_TRIAGE_MILD },
    { "headache", COBALT_TRIAGE_MILD },
  };
  guint per_level[4] = { 0 };
  int previous = COBALT_TRIAGE_EMERGENCY;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CobaltReactionKindInfo *info = cobalt_reaction_catalogue_lookup (expected[i].id);

      g_assert_nonnull (info);
      g_assert_cmpint (info->level, ==, expected[i].level);
    }

  /* Most urgent first, every level has signs. */
  for (guint i = 0; i < cobalt_reaction_catalogue_get_n_kinds (); i++)
    {
      const CobaltReactionKindInfo *info = cobalt_reaction_catalogue_get_nth (i);

      g_assert_cmpint (info->level, <=, previous);
      previous = info->level;
      per_level[info->level]++;
    }
  for (guint l = 0; l < G_N_ELEMENTS (per_level); l++)
    g_assert_cmpuint (per_level[l], >, 0);
}

static void
test_signs_of_level (void)
{
  g_autofree char *emergency = cobalt_reaction_signs_of_level (COBALT_TRIAGE_EMERGENCY);
  g_autofree char *urgent = cobalt_reaction_signs_of_level (COBALT_TRIAGE_URGENT_ADVICE);

  assert_contains (emergency, "Swelling of the throat, tongue, lips or face");
  assert_contains (emergency, "Wheezing; ");
  assert_lacks (emergency, "hives");
  assert_lacks (emergency, "Fever");
  assert_contains (urgent, "Widespread hives");
  assert_contains (urgent, "getting worse quickly");
}

static void
test_triage_words (void)
{
  g_autoptr(CobaltPerson) full = person_with ("119", "0120-123", "03 1234 5678");
  g_autoptr(CobaltPerson) bare = person_with (NULL, NULL, NULL);
  g_autofree char *emergency = cobalt_clinical_triage_heading (COBALT_TRIAGE_EMERGENCY, full);
  g_autofree char *advice = cobalt_clinical_triage_detail (COBALT_TRIAGE_URGENT_ADVICE, full);
  g_autofree char *advice_bare = cobalt_clinical_triage_detail (COBALT_TRIAGE_URGENT_ADVICE, bare);
  g_autofree char *clinic = cobalt_triage_advice (COBALT_TRIAGE_CONTACT_CLINIC, full);
  g_autofree char *clinic_bare = cobalt_triage_advice (COBALT_TRIAGE_CONTACT_CLINIC, bare);
  g_autofree char *mild = cobalt_triage_advice (COBALT_TRIAGE_MILD, full);
  g_autofree char *nobody = cobalt_triage_advice (COBALT_TRIAGE_EMERGENCY, NULL);

  g_assert_cmpstr (emergency, ==, "Call 119 now");
  /* The clinic, the out-of-hours line, and the emergency number for the
   * worst case. */
  assert_contains (advice, "03 1234 5678");
  assert_contains (advice, "0120-123");
  assert_contains (advice, "Call 119 if breathing or swallowing becomes difficult");
  /* No numbers known (the locale is C in tests): never a guessed one. */
  assert_contains (advice_bare, "Call your clinic, or its out-of-hours line");
  assert_contains (advice_bare, "Call your emergency number if breathing");
  g_assert_true (g_str_has_prefix (nobody, "Call your emergency number now."));

  assert_contains (clinic, "Contact your clinic today: 03 1234 5678");
  assert_lacks (clinic, "119");
  g_assert_true (g_str_has_prefix (clinic_bare, "Contact your clinic today."));
  assert_contains (mild, "few days");
  assert_contains (mild, "worse");
  assert_lacks (mild, "119");
}

static void
test_missed_dose (void)
{
  g_autofree char *with_phone = cobalt_clinical_missed_dose ("01234 567890");
  g_autofree char *without = cobalt_clinical_missed_dose (NULL);

  assert_contains (with_phone, "ask your doctor or nurse (01234 567890) when to have the next one");
  assert_contains (with_phone, "Do not have two doses to make up for a missed one.");
  /* Not "double up": it can be misread as "take a double dose". */
  assert_lacks (with_phone, "double");
  assert_contains (without, "ask your doctor or nurse when to have the next one");
  g_assert_cmpstr (cobalt_clinical_follow_clinic (), ==, "Follow your clinic’s instructions.");
}

static void
set_locale_env (const char *lc_all,
                const char *lc_telephone,
                const char *lang)
{
  if (lc_all != NULL) g_setenv ("LC_ALL", lc_all, TRUE); else g_unsetenv ("LC_ALL");
  if (lc_telephone != NULL) g_setenv ("LC_TELEPHONE", lc_telephone, TRUE); else g_unsetenv ("LC_TELEPHONE");
  if (lang != NULL) g_setenv ("LANG", lang, TRUE); else g_unsetenv ("LANG");
}

/* CLINICAL.md "Emergency and urgent-advice numbers": pre-filled only from
 * the table, for the user to confirm; unknown country, no number. */
static void
test_emergency_numbers (void)
{
  static const struct {
    const char *lc_all, *lc_telephone, *lang, *expected;
  } cases[] = {
    { "C.UTF-8", NULL, "en_GB.UTF-8", "999" },
    { NULL, "en_GB.UTF-8", "de_DE.UTF-8", "999" },
    { NULL, NULL, "en_US.UTF-8", "911" },
    { NULL, NULL, "fr_CA.UTF-8", "911" },
    { NULL, NULL, "en_AU.UTF-8", "000" },
    { NULL, NULL, "en_NZ", "111" },
    { NULL, NULL, "ja_JP.UTF-8", "119" },
    { NULL, NULL, "ko_KR.UTF-8", "119" },
    { NULL, NULL, "zh_CN.UTF-8", "120" },
    { NULL, NULL, "en_SG.UTF-8", "995" },
    { NULL, NULL, "pt_BR.UTF-8", "192" },
    { NULL, NULL, "es_AR.UTF-8", "107" },
    { NULL, NULL, "en_ZA.UTF-8", "10177" },
    { NULL, NULL, "he_IL.UTF-8", "101" },
    { NULL, NULL, "de_DE.UTF-8@euro", "112" },
    { NULL, NULL, "nb_NO.UTF-8", "112" },
    { "en_US.UTF-8", "en_GB.UTF-8", NULL, "911" },
    /* Not in the table: asked, never "112" by default. */
    { NULL, NULL, "de_CH.UTF-8", NULL },
    { NULL, NULL, "th_TH.UTF-8", NULL },
    { "C", NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL },
  };
  g_autofree char *saved_all = g_strdup (g_getenv ("LC_ALL"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CobaltPerson) person = cobalt_person_new ("Ann");

      set_locale_env (cases[i].lc_all, cases[i].lc_telephone, cases[i].lang);
      g_assert_cmpstr (cobalt_default_emergency_number (), ==, cases[i].expected);
      /* Someone saved before the number was asked falls back on it... */
      g_assert_cmpstr (cobalt_person_get_emergency_number (person), ==, cases[i].expected);
      /* ...a number the person confirmed wins. */
      cobalt_person_set_emergency_number (person, "01234");
      g_assert_cmpstr (cobalt_person_get_emergency_number (person), ==, "01234");
    }

  g_assert_cmpstr (cobalt_clinical_emergency_number_for ("JP"), ==, "119");
  g_assert_null (cobalt_clinical_emergency_number_for ("XX"));
  g_assert_null (cobalt_clinical_emergency_number_for (NULL));

  set_locale_env (saved_all, NULL, NULL);
}

/* "No clinical sentence is written twice": the words that decide what a
 * person does appear in src/ only inside the catalogue. */
static void
scan_tree (const char  *dir,
           const char  *catalogue,
           GPtrArray   *found)
{
  static const char * const phrases[] = {
    "double up", "two doses", "serious allergic", "settles in a few days",
    "Call %s now", "out-of-hours", "licensed for injection", "Leber",
    "as your clinic showed you", "in England, Scotland and Wales",
  };
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (g_strcmp0 (path, catalogue) != 0)
            scan_tree (path, catalogue, found);
          continue;
        }
      if (!g_str_has_suffix (name, ".c") && !g_str_has_suffix (name, ".ui"))
        continue;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
        {
          const char *at = strstr (text, phrases[i]);

          /* Comments may name a rule; strings may not state it. */
          while (at != NULL)
            {
              const char *line = at;

              while (line > text && line[-1] != '\n')
                line--;
              while (*line == ' ')
                line++;
              /* A phrase, not part of a longer word ("double upper"). */
              if (!g_str_has_prefix (line, "/*") && !g_str_has_prefix (line, "*") &&
                  !g_str_has_prefix (line, "<!--") &&
                  !g_ascii_isalpha (at[strlen (phrases[i])]))
                g_ptr_array_add (found, g_strdup_printf ("%s: %s", path, phrases[i]));
              at = strstr (at + 1, phrases[i]);
            }
        }
    }
}

static void
test_sentences_once (void)
{
  const char *source_dir = g_getenv ("COBALT_SOURCE_DIR");
  g_autofree char *src = NULL;
  g_autofree char *catalogue = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  if (source_dir == NULL)
    {
      g_test_skip ("COBALT_SOURCE_DIR is not set");
      return;
    }

  src = g_build_filename (source_dir, "src", NULL);
  catalogue = g_build_filename (src, "core", "clinical", NULL);
  scan_tree (src, catalogue, found);
  for (guint i = 0; i < found->len; i++)
    g_printerr ("clinical wording outside src/core/clinical: %s\n", (char *) found->pdata[i]);
  g_assert_cmpuint (found->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/clinical/levels-named", test_levels_named);
  g_test_add_func ("/cobalt/clinical/catalogue-levels", test_catalogue_levels);
  g_test_add_func ("/cobalt/clinical/signs-of-level", test_signs_of_level);
  g_test_add_func ("/cobalt/clinical/triage-words", test_triage_words);
  g_test_add_func ("/cobalt/clinical/missed-dose", test_missed_dose);
  g_test_add_func ("/cobalt/clinical/emergency-numbers", test_emergency_numbers);
  g_test_add_func ("/cobalt/clinical/sentences-once", test_sentences_once);

  return g_test_run ();
}
