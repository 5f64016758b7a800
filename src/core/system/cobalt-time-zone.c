/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cobalt-time-zone.h"

/* The rules are in cobalt-time-zone.h. */

#define MAX_IDENTIFIER  255
/* sizeof (struct tzhead) in tzfile.h: GLib refuses (with a critical)
 * anything shorter or without the magic. */
#define TZIF_HEADER_SIZE 44
/* Known answers, valid or not; past this many, new names are checked each
 * time (a hand-made file could hold any number of different ones). */
#define MAX_CACHED      1024

G_LOCK_DEFINE_STATIC (cache);
static GHashTable *cache;       /* identifier → GINT_TO_POINTER (valid + 1) */
static char       *cache_dir;   /* the zone folder the answers are for */

static const char *
zoneinfo_dir (void)
{
  static gsize system_dir = 0;
  const char *dir = g_getenv ("TZDIR");

  /* As GLib looks for it (gtimezone.c, zone_info_base_dir ()). */
  if (dir != NULL && *dir != '\0')
    return dir;
  if (g_once_init_enter (&system_dir))
    g_once_init_leave (&system_dir,
                       (gsize) (g_file_test ("/usr/share/zoneinfo", G_FILE_TEST_IS_DIR)
                                  ? "/usr/share/zoneinfo" : "/usr/share/lib/zoneinfo"));
  return (const char *) system_dir;
}

static gboolean
parse_two_digits (const char **p,
                  guint        max,
                  guint       *value)
{
  if (!g_ascii_isdigit ((*p)[0]) || !g_ascii_isdigit ((*p)[1]))
    return FALSE;
  *value = ((*p)[0] - '0') * 10 + ((*p)[1] - '0');
  *p += 2;
  return *value <= max;
}

/* "+01", "+0100", "+01:00", "+01:00:00" (and '-'). */
static gboolean
is_fixed_offset (const char *id)
{
  const char *p = id + 1;
  guint hours, minutes, seconds;

  if (id[0] != '+' && id[0] != '-')
    return FALSE;
  if (!parse_two_digits (&p, 23, &hours))
    return FALSE;
  if (*p == '\0')
    return TRUE;
  if (*p == ':')
    {
      p++;
      if (!parse_two_digits (&p, 59, &minutes))
        return FALSE;
      if (*p == '\0')
        return TRUE;
      if (*p++ != ':' || !parse_two_digits (&p, 59, &seconds))
        return FALSE;
      return *p == '\0';
    }
  return parse_two_digits (&p, 59, &minutes) && *p == '\0';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '_' || c == '-' || c == '+';
}

/* The syntax alone: no absolute path, no empty, "." or ".." component,
 * only the characters the tz database uses. */
static gboolean
is_iana_syntax (const char *id)
{
  const char *component = id;

  if (strlen (id) > MAX_IDENTIFIER)
    return FALSE;

  for (const char *p = id; ; p++)
    {
      if (*p == '/' || *p == '\0')
        {
          if (p == component || component[0] == '.' || component[0] == '-' || component[0] == '+')
            return FALSE;
          if (*p == '\0')
            break;
          component = p + 1;
        }
      else if (!is_name_char (*p))
        return FALSE;
    }

  /* Files of the zone folder that name no zone of their own. */
  return strcmp (id, "localtime") != 0 && strcmp (id, "posixrules") != 0;
}

/* @id (syntax already checked) is a TZif file inside @dir, links
 * followed. Only a regular file is ever opened, never a fifo or device. */
static gboolean
zone_file_exists (const char *dir,
                  const char *id)
{
  g_autofree char *path = g_build_filename (dir, id, NULL);
  g_autofree char *real_dir = realpath (dir, NULL);
  g_autofree char *real = NULL;
  gsize dir_len;
  GStatBuf st;
  char header[TZIF_HEADER_SIZE];
  gssize n;
  int fd;

  if (real_dir == NULL)
    return FALSE;
  /* realpath() only looks at names and links: it opens nothing. */
  real = realpath (path, NULL);
  if (real == NULL)
    return FALSE;

  dir_len = strlen (real_dir);
  if (dir_len > 0 && real_dir[dir_len - 1] == '/')
    dir_len--;
  if (strncmp (real, real_dir, dir_len) != 0 || real[dir_len] != '/')
    return FALSE;

  if (g_stat (real, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;

  /* O_NONBLOCK and the second check: should the file be swapped for a
   * fifo between the two, the open neither blocks nor is read. */
  fd = g_open (real, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | O_NOFOLLOW, 0);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_close (fd, NULL);
      return FALSE;
    }
  do
    n = read (fd, header, sizeof header);
  while (n < 0 && errno == EINTR);
  g_close (fd, NULL);

  return n == (gssize) sizeof header && memcmp (header, "TZif", 4) == 0;
}

static gboolean
iana_zone_exists (const char *id)
{
  const char *dir = zoneinfo_dir ();
  gpointer cached = NULL;
  gboolean valid;

  G_LOCK (cache);
  if (cache == NULL || g_strcmp0 (cache_dir, dir) != 0)
    {
      g_clear_pointer (&cache, g_hash_table_unref);
      g_free (cache_dir);
      cache_dir = g_strdup (dir);
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  cached = g_hash_table_lookup (cache, id);
  G_UNLOCK (cache);

  if (cached != NULL)
    return GPOINTER_TO_INT (cached) - 1;

  valid = zone_file_exists (dir, id);

  G_LOCK (cache);
  if (cache != NULL && g_strcmp0 (cache_dir, dir) == 0 && g_hash_table_size (cache) < MAX_CACHED)
    g_hash_table_insert (cache, g_strdup (id), GINT_TO_POINTER (valid + 1));
  G_UNLOCK (cache);

  return valid;
}

/* "Europe/Paris" of "/usr/share/zoneinfo/Europe/Paris", or NULL. */
static const char *
zoneinfo_suffix (const char *id)
{
  const char *found = NULL;

  for (const char *p = strstr (id, "zoneinfo/"); p != NULL; p = strstr (p + 1, "zoneinfo/"))
    found = p + strlen ("zoneinfo/");
  return found;
}

/* Public API ------------------------------------------------------------ */

gboolean
cobalt_time_zone_id_is_valid (const char *identifier)
{
  if (identifier == NULL || *identifier == '\0')
    return FALSE;
  if (strcmp (identifier, "UTC") == 0 || is_fixed_offset (identifier))
    return TRUE;
  return is_iana_syntax (identifier) && iana_zone_exists (identifier);
}

GTimeZone *
cobalt_time_zone_new_checked (const char *identifier)
{
  if (!cobalt_time_zone_id_is_valid (identifier))
    return NULL;
  if (strcmp (identifier, "UTC") == 0)
    return g_time_zone_new_utc ();
  return g_time_zone_new_identifier (identifier);
}

GTimeZone *
cobalt_time_zone_new_stored (const char *identifier)
{
  GTimeZone *tz = NULL;

  if (identifier != NULL)
    {
      const char *suffix = zoneinfo_suffix (identifier);

      tz = cobalt_time_zone_new_checked (identifier);
      if (tz == NULL && suffix != NULL)
        tz = cobalt_time_zone_new_checked (suffix);
    }
  if (tz == NULL)
    tz = g_time_zone_new_local ();
  return tz;
}

char *
cobalt_time_zone_dup_id_for_storage (const char *identifier,
                                     GDateTime  *datetime)
{
  const char *suffix = identifier != NULL ? zoneinfo_suffix (identifier) : NULL;
  gint64 offset;
  gint64 minutes;

  if (cobalt_time_zone_id_is_valid (identifier))
    return g_strdup (identifier);
  if (suffix != NULL && cobalt_time_zone_id_is_valid (suffix))
    return g_strdup (suffix);
  if (datetime == NULL)
    return g_strdup ("UTC");

  offset = g_date_time_get_utc_offset (datetime) / G_USEC_PER_SEC;
  minutes = ABS (offset) / 60;
  if (ABS (offset) % 60 != 0)
    return g_strdup_printf ("%c%02d:%02d:%02d", offset < 0 ? '-' : '+',
                            (int) (minutes / 60), (int) (minutes % 60), (int) (ABS (offset) % 60));
  return g_strdup_printf ("%c%02d:%02d", offset < 0 ? '-' : '+',
                          (int) (minutes / 60), (int) (minutes % 60));
}
